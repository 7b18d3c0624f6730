import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// 家访 coverage counted by the database agrees with Core's counting of the same pupils and visits,
/// on SQLite and PostgreSQL (DATABASE_URL); the demo loader's logs replace the demo reports'
/// figures for the schools that log.
@Suite("Home visit store")
struct HomeVisitStoreTests {
    @Test func theDatabaseCountsCoverageAsCoreDoes() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let pupils = (1...9).map { n in
                Student(nationalID: NationalID.make(areaCode: "310101", birthDate: "20170101", sequence: 100 + n).value, name: "学生\(n)", gender: .male,
                        birthDate: "2017-01-01", hukou: .local, residenceZoneID: nil, schoolID: "3101010001",
                        grade: n <= 7 ? .g3 : nil, classNumber: n <= 4 ? 1 : (n <= 6 ? 2 : nil))
            }
            try await store.registry.transaction { [pupils] tx in try await tx.upsert(students: pupils) }
            let visits = HomeVisitStore(store.database)
            let ids = try await visits.pupils(schoolID: "3101010001").map(\.id)
            let day = CaseDate(year: 2026, month: 10, day: 1)
            func visit(_ pupil: Int, _ days: Int, followUp: String? = nil, closed: Bool = false, school: String = "3101010001") -> HomeVisit {
                HomeVisit(id: UUID().uuidString, studentID: ids[pupil], schoolID: school, date: day.adding(days: days), way: .home, attendees: "班主任",
                          note: "", followUp: followUp, followUpClosedOn: closed ? day : nil, teacherID: nil, loggedByName: "张老师")
            }
            // Visited twice, an open and a closed follow-up, a pupil without a grade, a visit of the year before.
            try await visits.insert(visits: [visit(0, 0, followUp: "跟进"), visit(0, 5, followUp: "再跟进", closed: true), visit(3, 1), visit(7, 2),
                                             visit(8, -40)], loggedBy: "u")
            let core = VisitCoverageRules.byClass(pupils: try await visits.pupils(schoolID: "3101010001").map { .init(id: $0.id, schoolClass: $0.schoolClass) },
                                                  visits: try await visits.coverageFacts(schoolID: "3101010001", year: 2026))
            let counted = try await visits.coverageByClass(schoolID: "3101010001", year: 2026)
            #expect(counted == core)
            #expect(VisitCoverageRules.total(counted.values) == VisitCoverage(pupils: 10, visited: 3, openFollowUps: 1))
            let figures = try await visits.schoolFigures(year: 2026, scope: .district("310101"))
            #expect(figures["3101010001"]?.coverage == VisitCoverage(pupils: 10, visited: 3, openFollowUps: 1))
            #expect(try await visits.recordedCounts(year: 2026)["3101010001"] == FamilyEducationCounts(pupilsVisited: 3, activities: 0))
            #expect(try await visits.recordedCounts(year: 2024).isEmpty)
        }
    }

    @Test func theDemoLogsTellTheReportsStory() async throws {
        try await TestDatabase.withStore { store in
            let city = try DemoCity(scale: 0.002, randomSeed: 7)
            _ = try await DemoLoader.load(city, into: store.registry) { _, _ in }
            let today = CaseDate(year: 2026, month: 12, day: 6)
            let loaded = try await HomeVisitDemoLoader.load(into: store.registry, reportYear: DemoCity.currentYear, seed: 7, today: today)
            #expect(loaded.visits > 0 && loaded.activities > 0)
            let input = try await SupervisionStore(store.database).input(year: DemoCity.currentYear)
            let logged = try await HomeVisitStore(store.database).recordedCounts(year: DemoCity.currentYear)
            let reports = Dictionary(uniqueKeysWithValues: input.reports.map { ($0.schoolID, $0) })
            #expect(logged.count > input.schools.count / 2, "most schools log")
            for (school, counts) in logged {
                #expect(reports[school]?.homeVisits == counts.pupilsVisited && reports[school]?.familyEducationActivities == counts.activities)
            }
        }
    }
}
