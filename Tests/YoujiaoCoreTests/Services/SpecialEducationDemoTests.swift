import Foundation
import Testing
@testable import YoujiaoCore

/// The demo's disabled children: reproducible, about 0.3% of pupils, every kind of case present.
@Suite("Special education: demo case files")
struct SpecialEducationDemoTests {
    typealias F = SpecialEducationFixtures

    /// Ten ordinary schools of 1,000 pupils and two special schools of 128.
    func generate(seed: UInt64 = 1) -> (files: [CaseFile], pupils: Int) {
        var files: [CaseFile] = [], pupils = 0
        let specials = (0..<2).map { F.school("31010190\(String(format: "%02d", $0))", "辅读学校\($0)", [.special]) }
        for index in 0..<12 {
            let special = index >= 10
            let school = special ? specials[index - 10] : F.school("31010100\(String(format: "%02d", index))", "学校\(index)", [index % 2 == 0 ? .primary : .junior])
            let grades = special ? Stage.special.grades : (index % 2 == 0 ? Stage.primary.grades : Stage.junior.grades)
            let count = special ? 128 : 1000
            let children = (0..<count).map { n -> SpecialEducationDemo.Pupil in
                let grade = grades[n % grades.count]
                let born = CaseDate(year: 2025 - grade.typicalAge - 1, month: 1 + n % 12, day: 1 + n % 28)
                let id = NationalID.make(areaCode: "310101", birthDate: born.description.replacingOccurrences(of: "-", with: ""), sequence: n % 1000)
                return .init(child: CaseChild(studentID: "s\(index)-\(n)", name: "学生\(n)", nationalID: id.value, birthDate: born, schoolID: school.id), grade: grade)
            }
            pupils += count
            files += SpecialEducationDemo.files(school: school, pupils: children, homeTeachingSchool: specials[0], seed: seed, today: F.today)
        }
        return (files, pupils)
    }

    /// A file without its random ids, to compare two generations.
    func shape(_ file: CaseFile) -> String {
        "\(file.child.studentID) \(file.caseRecord.category) \(file.caseRecord.level) \(file.placements.map { "\($0.kind)@\($0.schoolID) \($0.startDate)" })"
            + " \(file.plans.map { "\($0.plan.startDate) \($0.goals.map(\.description)) \($0.reviews.map(\.date))" }) \(file.visits.map(\.date))"
    }

    @Test func theSameSeedGivesTheSameChildren() {
        let first = generate(), second = generate()
        #expect(first.files.map(shape) == second.files.map(shape))
        #expect(generate(seed: 2).files.map(shape) != first.files.map(shape))
    }

    @Test func aboutThreePerThousandWithEveryKindOfCase() {
        let (files, pupils) = generate()
        let share = Double(files.count) / Double(pupils)
        #expect(share > 0.0015 && share < 0.006, "\(files.count) files of \(pupils) pupils")
        let figures = SpecialEducationMonitoring.figures(files, on: F.today)
        #expect(figures.byPlacement[.specialSchool, default: 0] > 0)
        #expect(figures.byPlacement[.mainstream, default: 0] > 0)
        #expect(figures.cases == files.count)
        #expect(files.allSatisfy { $0.caseRecord.openedOn <= F.today && $0.assessments.count == 1 })
        #expect(files.allSatisfy { file in file.plans.allSatisfy { !$0.goals.isEmpty && $0.goals.allSatisfy { !$0.criterion.isEmpty } } })
    }

    /// Over many seeds the rarer cases all appear: home teaching with visits, no placement, overdue reviews.
    @Test func rareCasesAppear() {
        let files = (1...6).flatMap { generate(seed: $0).files }
        let figures = SpecialEducationMonitoring.figures(files, on: F.today)
        #expect(figures.homeTeachingCases > 0 && figures.visitsDone > 0 && figures.visitsDone <= figures.visitsPlanned + figures.homeTeachingCases * 4)
        #expect(figures.withoutPlacement > 0)
        #expect(figures.overdueReviews > 0)
        #expect(figures.byPlacement[.specialClass, default: 0] > 0)
    }
}
