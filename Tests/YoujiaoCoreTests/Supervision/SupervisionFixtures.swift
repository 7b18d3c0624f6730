import Foundation
@testable import YoujiaoCore

/// Small hand-made schools whose figures the tests check by hand.
enum SupervisionFixture {
    static let year = 2025
    static let district = "310101"
    static let otherDistrict = "310104"

    static func school(_ id: String, district: String = district, stages: [Stage], ownership: Ownership = .public,
                       inclusive: Bool = false, pupils: [Stage: Int], migrants: [Stage: Int] = [:],
                       classes: [Stage: [Int]] = [:], teachers: TeacherCounts? = nil,
                       rotation: RotationCounts? = nil) -> SchoolFacts {
        var enrollment: [Stage: StageEnrollment] = [:]
        for (stage, count) in pupils {
            enrollment[stage] = StageEnrollment(pupils: count, migrantPupils: migrants[stage] ?? 0, classSizes: classes[stage])
        }
        return SchoolFacts(schoolID: id, districtCode: district, stages: stages, ownership: ownership,
                           countsAsInclusive: ownership == .public || inclusive, enrollment: enrollment,
                           teachers: teachers, rotation: rotation)
    }

    static func input(_ schools: [SchoolFacts], reports: [SchoolReport] = [], districtReports: [DistrictReport] = [],
                      districts: [String] = [district]) -> SupervisionInput {
        SupervisionInput(year: year, districtCodes: districts, schools: schools, reports: reports, districtReports: districtReports)
    }

    static func teachers(total: Int = 0, byDegree: [Degree: Int] = [:], key: Int = 0, peArts: Int = 0, psychology: Int = 0) -> TeacherCounts {
        TeacherCounts(total: total, byDegree: byDegree, districtOrAboveKeyTeachers: key, peAndArtsTeachers: peArts,
                      fullTimePsychologyTeachers: psychology)
    }

    /// The same timetable for every grade of the stages.
    static func timetable(_ stages: [Stage], pe: Int, activity: Int, psychology: Int = 0) -> [Grade: GradeTimetable] {
        Dictionary(uniqueKeysWithValues: stages.flatMap(\.grades).map {
            ($0, GradeTimetable(peLessons: pe, activityLessons: activity, psychologyLessonsPerTwoWeeks: psychology))
        })
    }

    /// Parses CSV text given inline in a test.
    static func table(_ text: String, fileName: String = "reports.csv") throws -> CSVTable {
        try CSVTable.parse(data: Data(text.utf8), fileName: fileName)
    }

    /// Computes one indicator of the Shanghai catalogue.
    static func results(_ code: String, _ input: SupervisionInput) -> [IndicatorResult] {
        let indicator = IndicatorCatalogue.shanghai2024.indicator(code: code)!
        return SupervisionEngine.compute(catalogue: IndicatorCatalogue(indicators: [indicator]), input: input)
    }
}

extension Array where Element == IndicatorResult {
    func at(_ level: IndicatorLevel, _ scope: String) -> IndicatorResult? {
        first { $0.level == level && $0.scopeID == scope }
    }
}
