import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// A district's growth-record page reads every school's classes with one set of grouped queries:
/// each school gets its own classes and counts, never another school's.
@Suite("Growth record class standings on SQLite, or PostgreSQL when DATABASE_URL is set")
struct GrowthStandingsTests {
    @Test func manySchoolsAtOnceGiveEachSchoolItsOwnClasses() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let growth = GrowthRecordStore(store.database), year = 2026
            let childA = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            let childB = try #require(try await store.registry.student(nationalID: Fixture.childB.nationalID))
            for (child, status) in [(childA, GrowthRecord.Status.selected), (childA, .written), (childB, .withdrawn)] {
                try await growth.add(GrowthRecord(studentID: child.id, schoolID: child.schoolId!, schoolYear: year, dimension: .moral,
                                                  kind: .communityService, title: "社区服务", detail: "", date: CaseDate("2026-10-01")!,
                                                  tenthHours: 20, status: status, writtenBy: "t"))
            }
            let huangpu = Fixture.huangpuSchool.id, xuhui = Fixture.xuhuiSchool.id
            let both = try await growth.classStandings(schoolIDs: [huangpu, xuhui, "no-such-school"], year: year)
            #expect(Set(both.keys) == [huangpu, xuhui])
            let a = try #require(both[huangpu]?.first)
            #expect(both[huangpu]?.count == 1 && a.grade == Fixture.childA.grade && a.classNumber == Fixture.childA.classNumber)
            #expect((a.pupils, a.pupilsWithRecords, a.records, a.selected) == (1, 1, 2, 1))
            let b = try #require(both[xuhui]?.first)
            #expect((b.grade, b.classNumber, b.pupils, b.pupilsWithRecords, b.records) == (.g2, 1, 1, 0, 0), "a withdrawn record does not count")
            #expect(try await growth.classStandings(schoolID: huangpu, year: year) == both[huangpu]!)
            #expect(try await growth.classStandings(schoolIDs: [huangpu], year: year - 1)[huangpu]?.first?.records == 0, "another school year")
            #expect(try await growth.classStandings(schoolIDs: [], year: year).isEmpty)
        }
    }
}
