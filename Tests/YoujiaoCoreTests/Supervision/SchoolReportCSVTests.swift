import Foundation
import Testing
@testable import YoujiaoCore

private typealias Fixture = SupervisionFixture

@Suite("School and district report CSV")
struct SchoolReportCSVTests {
    static let header = SchoolReportCSV.columns.joined(separator: ",")
    static let known: Set<String> = ["3101010001", "3101010002", "3101010003"]
    static let years: Set<Int> = [2024, 2025]
    static let primaryWeek = "\"1=5;2=5;3=5;4=5;5=5\",\"1=2;2=2;3=2;4=2;5=2\",\"1=0;2=0;3=1;4=0;5=0\""

    static func parse(_ rows: [String], header: String = header) throws -> [SchoolReport] {
        try SchoolReportCSV.parse(Fixture.table(([header] + rows).joined(separator: "\n")),
                                  knownSchoolIDs: known, knownYears: years)
    }

    static func errors(_ rows: [String], header: String = header) -> [FieldError] {
        fieldErrors { _ = try parse(rows, header: header) }
    }

    @Test func chineseLabelsSurviveGBKAndALostCharacterIsSaidSo() throws {
        let labels = SchoolReportCSV.csvColumns.map(\.label)
        // ASCII, CJK ideographs and CJK and full-width punctuation: characters GBK holds ("²" is not among them).
        func gbkSafe(_ s: Unicode.Scalar) -> Bool {
            s.isASCII || (0x4E00...0x9FFF).contains(s.value) || (0x3000...0x303F).contains(s.value) || (0xFF01...0xFF5E).contains(s.value)
        }
        #expect(labels.allSatisfy { $0.unicodeScalars.allSatisfy(gbkSafe) }, "every label is encodable in GBK")
        #expect(labels.contains("教学及辅助用房面积（平方米）"))
        // The old label saved as GBK: "²" became "?".
        let header = labels.map { $0 == "教学及辅助用房面积（平方米）" ? "教学及辅助用房面积（m?）" : $0 }.joined(separator: ",")
        let found = Self.errors([], header: header)
        #expect(found.contains { $0.field == "教学及辅助用房面积（m?）" && $0.reason.contains("characters were lost") && $0.reason.contains("UTF-8") }, "\(found)")
        #expect(!Self.errors([], header: "school_id,year,floor_areas").contains { $0.reason.contains("characters were lost") },
                "an ordinary misspelling is not blamed on the encoding")
    }

    @Test func parsesAFullReportAndReadsEmptyCellsAsNotReported() throws {
        let reports = try Self.parse([
            "3101010001,2025,4500.5,7500,2000000,23,1000,,\(Self.primaryWeek),\"1=35;2=35;3=35;4=35;5=35\",120,,900,4,",
            "3101010002,2025,,,,,,,,,,,,,,,yes",
        ])
        #expect(reports.count == 2)
        let full = reports[0]
        #expect(full.floorArea == 4500.5 && full.sportsGroundArea == 7500 && full.equipmentValue == 2_000_000)
        #expect(full.multimediaClassrooms == 23 && full.bandwidthMbps == 1000 && full.bandwidthPersons == nil)
        #expect(full.timetable.count == 5)
        #expect(full.timetable[.g3] == GradeTimetable(peLessons: 5, activityLessons: 2, psychologyLessonsPerTwoWeeks: 1, weeklyPeriods: 35))
        #expect(full.dailyExerciseMinutes == 120 && full.dailyOutdoorMinutes == nil)
        #expect(full.homeVisits == 900 && full.familyEducationActivities == 4 && full.readinessEducation == nil)
        let sparse = reports[1]
        #expect(sparse.floorArea == nil && sparse.timetable.isEmpty && sparse.homeVisits == nil)
        #expect(sparse.readinessEducation == true)
    }

    @Test func writtenReportsReadBackUnchanged() throws {
        let report = SchoolReport(schoolID: "3101010001", year: 2025, floorArea: 4500.25, sportsGroundArea: 0,
                                  equipmentValue: 1_234_567, multimediaClassrooms: 12, bandwidthMbps: 500, bandwidthPersons: 480,
                                  timetable: Fixture.timetable([.primary], pe: 5, activity: 2, psychology: 1),
                                  dailyExerciseMinutes: 130, dailyOutdoorMinutes: nil, homeVisits: 450,
                                  familyEducationActivities: 6, readinessEducation: false)
        let text = SchoolReportCSV.document([report])
        let back = try SchoolReportCSV.parse(Fixture.table(text), knownSchoolIDs: Self.known, knownYears: Self.years)
        #expect(back == [report])
    }

    @Test func unknownSchoolAndYearNameRowAndField() {
        let errors = Self.errors(["3101019999,2025,,,,,,,,,,,,,,,", "3101010001,2031,,,,,,,,,,,,,,,"])
        #expect(errors.count == 2)
        #expect(errors[0].row == 2 && errors[0].field == "school_id" && errors[0].reason.contains("unknown school '3101019999'"))
        #expect(errors[1].row == 3 && errors[1].field == "year" && errors[1].reason.contains("unknown school year 2031"))
        #expect(errors.allSatisfy { $0.file == "reports.csv" })
    }

    @Test func negativeAreaAndCountsAreRejected() {
        let errors = Self.errors(["3101010001,2025,-1,-0.5,,-3,,0,,,,,,,-2,,"])
        #expect(errors.map(\.field) == ["floor_area_m2", "sports_ground_m2", "multimedia_classrooms", "bandwidth_persons", "home_visits"])
        #expect(errors[0].reason == "-1.0 is negative")
        #expect(errors.allSatisfy { $0.row == 2 })
    }

    /// 30 PE + 10 activity + 2/2 psychology = 41 > 40 periods; with weekly_periods 35, 5 + 2 + 60/2 = 37 > 35.
    @Test func moreLessonsThanAWeekHolds() {
        let overFull = Self.errors(["3101010001,2025,,,,,,,1=30,1=10,1=2,,,,,,"])
        #expect(overFull.count == 1)
        #expect(overFull.first?.field == "pe_lessons")
        #expect(overFull.first?.reason.contains("exceed the 40 periods") == true)
        let overDeclared = Self.errors(["3101010001,2025,,,,,,,1=5,1=2,1=60,1=35,,,,,"])
        #expect(overDeclared.first?.reason.contains("exceed the 35 periods") == true)
        let tooManyPeriods = Self.errors(["3101010001,2025,,,,,,,1=5,1=2,1=0,1=41,,,,,"])
        #expect(tooManyPeriods.first?.field == "weekly_periods")
        #expect(tooManyPeriods.first?.reason.contains("more than a week holds") == true)
        // Exactly 40 fits: 36 + 3 + 2/2.
        #expect(Self.errors(["3101010001,2025,,,,,,,1=36,1=3,1=2,,,,,,"]).isEmpty)
    }

    @Test func malformedTimetables() {
        let errors = Self.errors([
            "3101010001,2025,,,,,,,1=5;2=5,1=2,\"1=0;2=0\",,,,,,",         // activity lacks grade 2
            "3101010002,2025,,,,,,,13=5,13=2,13=0,,,,,,",                // no grade 13
            "3101010003,2025,,,,,,,1=five,1=2,1=0,,,,,,",               // not a number
            "3101010001,2024,,,,,,,1=5;1=4,\"1=2;1=2\",\"1=0;1=0\",,,,,,",  // grade twice
        ])
        #expect(errors.map(\.row) == [2, 3, 4, 5])
        #expect(errors[0].field == "activity_lessons" && errors[0].reason.contains("lists grades 1 but pe_lessons lists 1,2"))
        #expect(errors[1].field == "pe_lessons" && errors[1].reason.contains("'13=5' is not grade=count"))
        #expect(errors[2].reason.contains("'five' is not a whole number"))
        #expect(errors[3].reason.contains("grade 1 appears twice"))
    }

    @Test func duplicateReportNamesTheFirstRow() {
        let errors = Self.errors(["3101010001,2025,,,,,,,,,,,,,,,", "3101010002,2025,,,,,,,,,,,,,,,",
                                  "3101010001,2025,1,,,,,,,,,,,,,,", "3101010001,2024,,,,,,,,,,,,,,,"])
        #expect(errors.count == 1)
        #expect(errors.first?.row == 4)
        #expect(errors.first?.field == "school_id")
        #expect(errors.first?.reason.contains("already reported for 2025 on row 2") == true)
    }

    @Test func badValuesOfOtherColumns() {
        let errors = Self.errors(["3101010001,2025,lots,,,2.5,,,,,,,1441,,,,maybe"])
        #expect(errors.map(\.field) == ["floor_area_m2", "multimedia_classrooms", "daily_exercise_minutes", "readiness_education"])
    }

    @Test func missingAndUnknownColumns() {
        let missing = Self.errors([], header: "school_id,year,floor_area_m2")
        #expect(missing.count == SchoolReportCSV.columns.count - 3)
        #expect(missing.allSatisfy { $0.row == 1 && $0.reason.hasPrefix("missing column") })
        let misspelt = Self.errors([], header: Self.header.replacingOccurrences(of: "home_visits", with: "home_visit"))
        #expect(Set(misspelt.map(\.field)) == ["home_visits", "home_visit"])
    }

    @Test func chineseHeadersReadAsTheEnglishColumns() throws {
        let chinese = SchoolReportCSV.csvColumns.map(\.label).joined(separator: ",")
        let row = "3101010001,2025,4500.5,,,3,,,,,,,,,12,,"
        #expect(try Self.parse([row], header: chinese) == Self.parse([row]))
        #expect(try Self.parse([row], header: chinese).first?.homeVisits == 12)
        let errors = Self.errors([row], header: chinese.replacingOccurrences(of: "本学年家访次数", with: "家访"))
        #expect(Set(errors.map(\.field)) == ["home_visits", "家访"] && errors.allSatisfy { $0.row == 1 })
    }

    @Test func oneBadRowStoresNothing() {
        let errors = Self.errors(["3101010001,2025,100,,,,,,,,,,,,,,", "3101010002,2025,-100,,,,,,,,,,,,,,"])
        #expect(errors.count == 1)  // parse threw: the good row is not returned either
    }

    @Test func gbkFileIsRead() throws {
        // "是" in GBK is 0xCA 0xC7.
        var data = Data((Self.header + "\n3101010001,2025,,,,,,,,,,,,,,,").utf8)
        data.append(contentsOf: [0xCA, 0xC7, 0x0A])
        let reports = try SchoolReportCSV.parse(data: data, fileName: "gbk.csv", knownSchoolIDs: Self.known, knownYears: Self.years)
        #expect(reports.first?.readinessEducation == true)
    }

    // MARK: District reports

    @Test func districtReports() throws {
        let good = try DistrictReportCSV.parse(
            Fixture.table("district_code,year,disabled_school_age_children,disabled_enrolled\n310101,2025,1000,990\n"),
            knownDistrictCodes: ["310101", "310104"], knownYears: [2025])
        #expect(good == [DistrictReport(districtCode: "310101", year: 2025, disabledSchoolAgeChildren: 1000, disabledEnrolled: 990)])
        let errors = fieldErrors {
            _ = try DistrictReportCSV.parse(
                Fixture.table("district_code,year,disabled_school_age_children,disabled_enrolled\n310101,2025,10,11\n310199,2025,1,1\n310104,2025,,1\n310104,2025,5,5\n310104,2025,5,5\n"),
                knownDistrictCodes: ["310101", "310104"], knownYears: [2025])
        }
        // Rows 5 and 6 repeat row 4's district and year (row 4 is itself invalid, but still a report of 310104).
        #expect(errors.map(\.row) == [2, 3, 4, 5, 6])
        #expect(errors.map(\.field) == ["disabled_enrolled", "district_code", "disabled_school_age_children", "district_code", "district_code"])
        #expect(errors[0].reason == "11 enrolled of 10 school-age disabled children")
        #expect(errors[4].reason.contains("already reported for 2025 on row 4"))
    }
}
