import Foundation
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// Supervision reports and the registry counts behind the indicators, on SQLite by default and on
/// PostgreSQL when DATABASE_URL is set.
@Suite("Supervision store on SQLite, or PostgreSQL when DATABASE_URL is set")
struct SupervisionStoreTests {
    static let year = SupervisionStore.schoolYear(of: Date())
    static let header = SchoolReportCSV.columns.joined(separator: ",")
    /// A full primary-school report: 4,500 m², 7,500 m², 2,000,000 yuan, 23 rooms, 1,000 Mbps.
    static let goodRow = "3101010001,\(year),4500,7500,2000000,23,1000,,\"1=5;2=5;3=5;4=5;5=5\",\"1=2;2=2;3=2;4=2;5=2\",\"1=0;2=0;3=1;4=0;5=0\",,120,,900,4,"

    func importReports(_ rows: [String], into store: OpenStore, file: String = "reports.csv",
                       kind: SupervisionReportKind = .schoolReports, header: String = header) async throws -> Int {
        let table = try CSVTable.parse(data: Data(([header] + rows).joined(separator: "\n").utf8), fileName: file)
        return try await SupervisionImporter(store: SupervisionStore(store.database)).importTable(table, as: kind, submittedBy: "test")
    }

    func count(_ table: String, _ store: OpenStore) async throws -> Int {
        struct Row: Decodable { var n: Int }
        return try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Row.self)?.n ?? -1
    }

    /// The errors a failing import reports; records an issue when it stores instead.
    func importErrors(_ rows: [String], into store: OpenStore, kind: SupervisionReportKind = .schoolReports,
                      header: String = header) async throws -> [FieldError] {
        do {
            _ = try await importReports(rows, into: store, kind: kind, header: header)
            Issue.record("a bad file was stored")
            return []
        } catch let errors as InputErrors {
            return errors.errors
        }
    }

    @Test func theRegistryIsCountedAsCoreCountsRecords() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            // A pupil without a class number makes the stage's class sizes unknown.
            let unclassed = Student(nationalID: NationalID.make(areaCode: "310104", birthDate: "20180101", sequence: 23).value,
                                    name: "赵小一", gender: .male, birthDate: "2018-01-01", hukou: .local, residenceZoneID: nil,
                                    schoolID: "3101040001", grade: .g2, classNumber: nil)
            try await store.registry.transaction { try await $0.upsert(students: [unclassed]) }
            let facts = Dictionary(uniqueKeysWithValues: try await SupervisionStore(store.database).schoolFacts(year: Self.year).map { ($0.schoolID, $0) })
            // By hand: 黄浦 has 王小明 (grade 3, class 2, local) and 张老师 (bachelor, district key teacher).
            let huangpu = try #require(facts["3101010001"])
            #expect(huangpu.enrollment == [.primary: StageEnrollment(pupils: 1, migrantPupils: 0, classSizes: [1])])
            #expect(huangpu.teachers == TeacherCounts(total: 1, byDegree: [.bachelor: 1], districtOrAboveKeyTeachers: 1,
                                                      peAndArtsTeachers: 0, fullTimePsychologyTeachers: 0))
            // 徐汇: 李小红 (grade 2, class 1, non-local) and 赵小一 (no class); no teacher records → nil, not zero.
            let xuhui = try #require(facts["3101040001"])
            #expect(xuhui.enrollment == [.primary: StageEnrollment(pupils: 2, migrantPupils: 1, classSizes: nil)])
            #expect(xuhui.teachers == nil)
            #expect(try await SupervisionStore(store.database).schoolFacts(year: Self.year, scope: .district("310104")).map(\.schoolID) == ["3101040001"])
            #expect(try await SupervisionStore(store.database).schoolFacts(year: Self.year, scope: .school("3101010001")).map(\.schoolID) == ["3101010001"])
        }
    }

    @Test func theDemoCityIsCountedAsCoreCountsItsRecords() async throws {
        try await TestDatabase.withStore { store in
            let city = try DemoCity(scale: 0.002, randomSeed: 3)
            _ = try await DemoLoader.load(city, into: store.registry) { _, _ in }
            let demo = DemoSupervisionReports(city: city)
            let rotations = Dictionary(uniqueKeysWithValues: demo.rotations.map { ($0.schoolID, $0.counts) })
            var expected: [String: SchoolFacts] = [:]
            var stream = city.makePeopleStream()
            while let batch = stream.nextBatch() {
                expected[batch.school.id] = SchoolFacts(school: batch.school, enrollment: StageEnrollment.count(batch.students),
                                                        teachers: batch.teachers.isEmpty ? nil : TeacherCounts(teachers: batch.teachers),
                                                        rotation: rotations[batch.school.id])
            }
            let facts = try await SupervisionStore(store.database).schoolFacts(year: DemoCity.currentYear)
            #expect(facts.count == city.schools.count)
            for school in facts { #expect(school == expected[school.schoolID], "\(school.schoolID) counted as Core counts it") }
            // The demo loader stored the demo reports too: every school but one, every district.
            let supervision = SupervisionStore(store.database)
            #expect(try await supervision.schoolReports(year: DemoCity.currentYear) == demo.schoolReports.sorted { $0.schoolID < $1.schoolID })
            #expect(try await supervision.districtReports(year: DemoCity.currentYear) == demo.districtReports)
            #expect(try await supervision.defaultYear() == DemoCity.currentYear)
            #expect(try await supervision.knownYears().isSuperset(of: Set(2016...2025)))
        }
    }

    @Test func reportsReadBackAndAReimportReplacesThem() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            #expect(try await importReports([Self.goodRow], into: store) == 1)
            let supervision = SupervisionStore(store.database)
            let stored = try #require(try await supervision.schoolReport(schoolID: "3101010001", year: Self.year))
            #expect(stored.floorArea == 4500 && stored.sportsGroundArea == 7500 && stored.equipmentValue == 2_000_000)
            #expect(stored.multimediaClassrooms == 23 && stored.bandwidthMbps == 1000 && stored.bandwidthPersons == nil)
            #expect(stored.timetable.count == 5 && stored.timetable[.g3]?.psychologyLessonsPerTwoWeeks == 1)
            #expect(stored.dailyExerciseMinutes == 120 && stored.dailyOutdoorMinutes == nil && stored.homeVisits == 900)
            #expect(stored.familyEducationActivities == 4 && stored.readinessEducation == nil)
            // A corrected file replaces the report (and its timetable) instead of adding a second one.
            let corrected = "3101010001,\(Self.year),4600,,,,,,\"1=5\",\"1=2\",\"1=1\",,,,,,"
            #expect(try await importReports([corrected], into: store) == 1)
            let replaced = try #require(try await supervision.schoolReport(schoolID: "3101010001", year: Self.year))
            #expect(replaced.floorArea == 4600 && replaced.sportsGroundArea == nil && replaced.timetable.count == 1)
            #expect(try await count("school_reports", store) == 1)
            #expect(try await count("school_report_grades", store) == 1)
        }
    }

    /// Each bad file names row and field and leaves the stored report exactly as it was.
    @Test func badReportsStoreNothing() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            _ = try await importReports([Self.goodRow], into: store)
            let supervision = SupervisionStore(store.database)
            let before = try await supervision.schoolReport(schoolID: "3101010001", year: Self.year)
            let fresh = "3101040001,\(Self.year),4000,,,,,,,,,,,,,,"
            let cases: [(rows: [String], row: Int, field: String, reason: String)] = [
                ([fresh, "3101019999,\(Self.year),1,,,,,,,,,,,,,,"], 3, "school_id", "unknown school '3101019999'"),
                ([fresh, "3101010001,1999,1,,,,,,,,,,,,,,"], 3, "year", "unknown school year 1999"),
                ([fresh, "3101010001,\(Self.year),-1,,,,,,,,,,,,,,"], 3, "floor_area_m2", "negative"),
                ([fresh, "3101010001,\(Self.year),,,,,,,\"1=30\",\"1=10\",\"1=2\",,,,,,"], 3, "pe_lessons", "exceed the 40 periods"),
                ([fresh, fresh], 3, "school_id", "duplicate report"),
            ]
            for bad in cases {
                let errors = try await importErrors(bad.rows, into: store)
                #expect(errors.count == 1)
                #expect(errors.first?.row == bad.row && errors.first?.field == bad.field && errors.first?.file == "reports.csv")
                #expect(errors.first?.reason.contains(bad.reason) == true, "\(errors.first?.reason ?? "") names \(bad.reason)")
            }
            #expect(try await supervision.schoolReport(schoolID: "3101010001", year: Self.year) == before)
            #expect(try await supervision.schoolReport(schoolID: "3101040001", year: Self.year) == nil, "the good row was not stored either")
            #expect(try await count("school_reports", store) == 1)
            #expect(try await count("school_report_grades", store) == 5)
        }
    }

    @Test func districtReportsImportAndBadOnesStoreNothing() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let header = DistrictReportCSV.columns.joined(separator: ",")
            #expect(try await importReports(["310101,\(Self.year),1000,990"], into: store, kind: .districtReports, header: header) == 1)
            #expect(try await importReports(["310101,\(Self.year),1000,995"], into: store, kind: .districtReports, header: header) == 1)
            let errors = try await importErrors(["310104,\(Self.year),10,10", "310199,\(Self.year),10,10", "310101,\(Self.year),10,11"],
                                                into: store, kind: .districtReports, header: header)
            #expect(errors.map(\.field) == ["district_code", "disabled_enrolled"])
            #expect(errors.map(\.row) == [3, 4])
            let stored = try await SupervisionStore(store.database).districtReports(year: Self.year)
            #expect(stored == [DistrictReport(districtCode: "310101", year: Self.year, disabledSchoolAgeChildren: 1000, disabledEnrolled: 995)])
        }
    }

    @Test func rotationFiguresFeedTheRotationIndicators() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let header = RotationCSV.columns.joined(separator: ",")
            let errors = try await importErrors(["3101010001,\(Self.year),100,9,2", "3101040001,\(Self.year),50,60,2"],
                                                into: store, kind: .rotation, header: header)
            #expect(errors.map(\.field) == ["rotated_teachers"] && errors.map(\.row) == [3])
            #expect(try await count("teacher_rotations", store) == 0)
            #expect(try await importReports(["3101010001,\(Self.year),100,9,2", "3101040001,\(Self.year),50,6,2"],
                                            into: store, kind: .rotation, header: header) == 2)
            let results = SupervisionEngine.compute(input: try await SupervisionStore(store.database).input(year: Self.year))
            func value(_ code: String, _ scope: String) -> Double? { results.first { $0.indicatorCode == code && $0.scopeID == scope }?.value }
            // By hand: 黄浦 9/100 = 9% (< 10%), 徐汇 6/50 = 12%, city 15/150 = 10%; key 2/9 = 22.2%, city 4/15 = 26.7%.
            #expect(value("ROTATION", "310101") == 9 && value("ROTATION", "310104") == 12 && value("ROTATION", "310000") == 10)
            #expect(abs(value("ROTATION-KEY", "310101")! - 200.0 / 9) < 1e-9 && abs(value("ROTATION-KEY", "310000")! - 400.0 / 15) < 1e-9)
        }
    }

    @Test func theInputOfAScopeHoldsOnlyItsSchoolsAndReports() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            _ = try await importReports([Self.goodRow, "3101040001,\(Self.year),4000,,,,,,,,,,,,,,"], into: store)
            let supervision = SupervisionStore(store.database)
            let city = try await supervision.input(year: Self.year)
            #expect(city.districtCodes == ["310101", "310104"] && city.schools.count == 2 && city.reports.count == 2)
            let district = try await supervision.input(year: Self.year, scope: .district("310104"))
            #expect(district.districtCodes == ["310104"] && district.schools.map(\.schoolID) == ["3101040001"])
            #expect(district.reports.map(\.schoolID) == ["3101040001"])
            // The floor area per pupil of 黄浦's school, by hand: 4,500 m² ÷ 1 pupil = 4,500 ≥ 4.5.
            let results = SupervisionEngine.compute(input: city)
            let floor = try #require(results.first { $0.indicatorCode == "BAL-FLOOR-PRIMARY" && $0.scopeID == "3101010001" })
            #expect(floor.value == 4500 && floor.status == .met)
        }
    }
}
