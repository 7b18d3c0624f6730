import Foundation
@testable import YoujiaoCore

/// Hand-built schools and children for the case-file tests: Huangpu has a kindergarten, a primary,
/// a junior and a special school; Xuhui a primary school.
enum SpecialEducationFixtures {
    static func school(_ id: String, _ name: String, district: String = "310101", _ stages: [Stage]) -> School {
        School(id: id, name: name, districtCode: district, stages: stages, ownership: .public, isInclusive: false, boarding: false,
               entrySeats: [:], latitude: 31.2, longitude: 121.5)
    }
    static let kindergarten = school("3101010100", "黄浦区第一幼儿园", [.kindergarten])
    static let primary = school("3101010001", "黄浦区第一中心小学", [.primary])
    static let junior = school("3101010002", "黄浦区第一初级中学", [.junior])
    static let special = school("3101010009", "黄浦区辅读学校", [.special])
    static let xuhuiPrimary = school("3101040001", "徐汇区汇师小学", district: "310104", [.primary])
    static let schools = [kindergarten, primary, junior, special, xuhuiPrimary]

    static let today = CaseDate("2025-11-20")!

    static func day(_ text: String) -> CaseDate { CaseDate(text)! }

    static func child(born: String, school: String? = primary.id, sequence: Int = 11, name: String = "王小明") -> CaseChild {
        let id = NationalID.make(areaCode: "310101", birthDate: born.replacingOccurrences(of: "-", with: ""), sequence: sequence)
        return CaseChild(studentID: "student-\(sequence)", name: name, nationalID: id.value, birthDate: day(born), schoolID: school)
    }

    /// A primary pupil (8 years old in 2025) with an open file and nothing else.
    static func openFile(stage: Stage = .primary, district: String = "310101", born: String = "2017-03-05",
                         school: String? = primary.id, sequence: Int = 11) throws -> CaseFile {
        try CaseFile.open(SpecialEducationCase(districtCode: district, stage: stage, category: .intellectual, level: .three,
                                               openedOn: day("2024-09-10")),
                          child: child(born: born, school: school, sequence: sequence), today: today)
    }

    /// A file placed in a mainstream class of the primary school since `start`.
    static func placedFile(_ kind: PlacementKind = .mainstream, at school: School = primary, start: String = "2024-09-01",
                           visits: Int? = nil, stage: Stage = .primary, born: String = "2017-03-05", sequence: Int = 11) throws -> CaseFile {
        var file = try openFile(stage: stage, born: born, sequence: sequence)
        _ = try file.addPlacement(CasePlacement(kind: kind, schoolID: school.id, stage: stage, startDate: day(start), visitsPerMonth: visits),
                                  school: school, today: today)
        return file
    }

    static func plan(_ start: String = "2025-09-01", _ end: String = "2026-07-10", reviews: [String] = ["2025-11-15", "2026-01-15"],
                     goals: [PlanGoal] = [PlanGoal(description: "认读 50 个常用汉字", criterion: "5 次测试中 4 次正确率 90%")]) -> PlanFile {
        PlanFile(plan: IndividualPlan(startDate: day(start), endDate: day(end), reviewDates: reviews.map(day)), goals: goals)
    }
}
