import FluentKit
import Foundation
import Synchronization
import Testing
import YoujiaoCore
@testable import YoujiaoStore
import YoujiaoTestSupport

/// Figures kept per data version: the database raises an area's version on every write to its
/// tables, by any path, and a kept figure is served only while the versions it read stand still.
/// On SQLite by default and on PostgreSQL when DATABASE_URL is set.
@Suite("Computed figures on SQLite, or PostgreSQL when DATABASE_URL is set")
struct ComputedFiguresTests {
    /// Counts how often a figure was computed.
    final class Computations: Sendable {
        private let count = Mutex(0)
        var done: Int { count.withLock { $0 } }
        func figure(_ value: Int = 7) -> Int { count.withLock { $0 += 1 }; return value }
    }

    static let pupil = Student(nationalID: NationalID.make(areaCode: "310104", birthDate: "20180101", sequence: 23).value,
                               name: "赵小一", gender: .male, birthDate: "2018-01-01", hukou: .local, residenceZoneID: nil,
                               schoolID: "3101040001", grade: .g2, classNumber: 1)

    @Test func everyWriteToAnAreaRaisesItsVersionAndNoOtherArea() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            func versions() async throws -> [Int64] { try await ComputedFigures.versions(of: [.registry, .familyEducation], on: store.sql) }
            let start = try await versions()
            try await store.registry.transaction { try await $0.upsert(students: [Self.pupil]) }
            let afterStore = try await versions()
            #expect(afterStore[1] > start[1], "a pupil stored through the registry")
            try await store.sql.raw("UPDATE students SET name = name").run()
            let afterSQL = try await versions()
            #expect(afterSQL[1] > afterStore[1], "a pupil changed by plain SQL, as another process would")
            try await store.sql.raw("DELETE FROM guardian_children").run()
            let afterDelete = try await versions()
            #expect(afterDelete[1] > afterSQL[1], "links deleted")
            #expect(afterDelete[0] == start[0], "the database's own number never moves")
            #expect(afterDelete[2] == start[2], "family education was not written")
        }
    }

    @Test func aKeptFigureIsServedUntilAnAreaItReadsIsWritten() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let figures = ComputedFigures(capacity: 8), registry = Computations(), visits = Computations()
            for _ in 0..<3 {
                #expect(try await figures.value("pupils", reading: [.registry], on: store.database) { _ in registry.figure() } == 7)
                _ = try await figures.value("visits", reading: [.familyEducation], on: store.database) { _ in visits.figure() }
            }
            #expect(registry.done == 1 && visits.done == 1)
            try await store.registry.transaction { try await $0.upsert(students: [Self.pupil]) }
            #expect(try await figures.value("pupils", reading: [.registry], on: store.database) { _ in registry.figure(8) } == 8)
            _ = try await figures.value("visits", reading: [.familyEducation], on: store.database) { _ in visits.figure() }
            #expect(registry.done == 2, "the registry changed: computed again")
            #expect(visits.done == 1, "family education did not change: served as kept")
        }
    }

    @Test func nothingIsKeptOrServedInsideATransaction() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let figures = ComputedFigures(capacity: 8), computations = Computations()
            _ = try await figures.value("pupils", reading: [.registry], on: store.database) { _ in computations.figure() }
            try await store.registry.transaction { tx in
                // Inside, the transaction's own rows count: the kept figure is not served, and the new one is not kept.
                try await tx.upsert(students: [Self.pupil])
                _ = try await figures.value("pupils", reading: [.registry], on: tx.database) { _ in computations.figure() }
                _ = try await figures.value("pupils", reading: [.registry], on: tx.database) { _ in computations.figure() }
            }
            #expect(computations.done == 3)
            _ = try await figures.value("pupils", reading: [.registry], on: store.database) { _ in computations.figure() }
            _ = try await figures.value("pupils", reading: [.registry], on: store.database) { _ in computations.figure() }
            #expect(computations.done == 4, "after the commit: computed once, then kept")
        }
    }

    @Test func aRolledBackWriteLeavesTheVersionsAsTheyWere() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let before = try await ComputedFigures.versions(of: DataArea.allCases, on: store.sql)
            struct Undo: Error {}
            await #expect(throws: Undo.self) {
                try await store.registry.transaction { tx in
                    try await tx.upsert(students: [Self.pupil])
                    throw Undo()
                }
            }
            #expect(try await ComputedFigures.versions(of: DataArea.allCases, on: store.sql) == before)
        }
    }

    @Test func twoDatabasesNeverShareAFigure() async throws {
        try await TestDatabase.withStore { first in
            try await TestDatabase.withStore { second in
                let figures = ComputedFigures(capacity: 8), computations = Computations()
                _ = try await figures.value("pupils", reading: [.registry], on: first.database) { _ in computations.figure(1) }
                // Both are fresh (every area at version 0): only the database's own number tells them apart.
                #expect(try await figures.value("pupils", reading: [.registry], on: second.database) { _ in computations.figure(2) } == 2)
                #expect(computations.done == 2)
            }
        }
    }

    @Test func theCityStageTotalsFollowTheRegistry() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            func primaryPupils() async throws -> Int {
                try await store.registry.stageTotals().first { $0.districtCode == "310104" && $0.stage == .primary }?.pupils ?? 0
            }
            let before = try await primaryPupils()
            #expect(try await primaryPupils() == before)
            try await store.registry.transaction { try await $0.upsert(students: [Self.pupil]) }
            #expect(try await primaryPupils() == before + 1)
            try await store.sql.raw("DELETE FROM students WHERE school_id = '3101040001'").run()
            #expect(try await primaryPupils() == 0)
        }
    }

    /// Every area listed in DataArea has its row and a trigger on each of its tables: an area added
    /// to the list without the migration that counts its writes would be served stale forever.
    @Test func everyTableOfEveryAreaHasItsTrigger() async throws {
        try await TestDatabase.withStore { store in
            struct Name: Decodable { var name: String }
            let triggers = Set(try await store.sql.raw(store.sql.dialect.name == "sqlite"
                    ? "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                    : "SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal").all(decoding: Name.self).map(\.name))
            for area in DataArea.allCases {
                for table in area.tables {
                    #expect(triggers.contains { $0.hasPrefix("data_version_\(table)_") }, "\(table) (\(area.rawValue)) has no trigger")
                }
            }
            _ = try await ComputedFigures.versions(of: DataArea.allCases, on: store.sql)
        }
    }

    /// A district's rotation pages read its teachers' posts from the kept careers: a new post, stored
    /// as an import stores it, shows on the next read.
    @Test func aDistrictsTeacherCareersFollowTheirPosts() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let history = TeacherHistoryStore(store.database), teacher = Fixture.teacherA
            let before = try await history.districtCareers(districtCode: "310101")
            #expect(before.teachers.map(\.name) == [teacher.name])
            #expect(before.schoolNames[teacher.schoolID] == Fixture.huangpuSchool.name)
            #expect(before.history(of: before.teachers[0].id).appointments.isEmpty)
            try await history.upsert(appointments: [TeacherAppointment(teacherNationalID: teacher.nationalID, schoolID: teacher.schoolID,
                                                                       post: .vicePrincipal, from: CaseDate("2024-09-01")!)])
            let after = try await history.districtCareers(districtCode: "310101")
            #expect(after.history(of: after.teachers[0].id).appointments.map(\.post) == [.vicePrincipal])
            #expect(try await history.districtCareers(districtCode: "310104").teachers.isEmpty, "Xuhui's teachers are its own")
        }
    }

    /// A figure read recently is computed again in the background after a write, so the next page
    /// is served at once; one not read within the window, or one whose last computation is too
    /// recent for its cost, is left for its page.
    @Test func theBackgroundRefreshRecomputesRecentlyReadStaleFigures() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            // No wait for the cost here (the figure takes a few ms); the throttle is checked below.
            let figures = ComputedFigures(capacity: 8, refreshCostMultiple: 0), computations = Computations()
            @Sendable func pupils(_ database: any Database) async throws -> Int {
                _ = computations.figure()
                return try await RegistryStore(database).stageTotals().reduce(0) { $0 + $1.pupils }
            }
            #expect(try await figures.value("pupils", reading: [.registry], on: store.database, compute: pupils) == 2)
            #expect(try await figures.refreshStale(on: store.database, readWithin: .seconds(60)) == 0, "nothing written: nothing to do")
            try await store.registry.transaction { try await $0.upsert(students: [Self.pupil]) }
            #expect(try await figures.refreshStale(on: store.database, readWithin: .zero) == 0, "not read within the window")
            #expect(try await figures.refreshStale(on: store.database, readWithin: .seconds(60)) == 1)
            #expect(computations.done == 2)
            #expect(try await figures.value("pupils", reading: [.registry], on: store.database, compute: pupils) == 3)
            #expect(computations.done == 2, "the page was served the refreshed figure")

            let slow = ComputedFigures(capacity: 8)
            _ = try await slow.value("slow", reading: [.registry], on: store.database) { _ in try await Task.sleep(for: .milliseconds(300)); return 1 }
            try await store.sql.raw("UPDATE students SET name = name").run()
            #expect(try await slow.refreshStale(on: store.database, readWithin: .seconds(60)) == 0, "computed 0.3 s ago: not again within 3 s")
        }
    }
}
