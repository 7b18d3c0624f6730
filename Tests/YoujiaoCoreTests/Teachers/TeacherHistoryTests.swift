import Foundation
import Testing
@testable import YoujiaoCore

/// A teacher's record over time: the files and their refusals, the training cycle and pace,
/// eligibility for rotation with its reason, and the district's review checks.
@Suite("Teacher history")
struct TeacherHistoryTests {
    static let teacher = NationalID.make(areaCode: "310101", birthDate: "19800505", sequence: 51).value
    static let references = RegistryReferences(schoolStages: ["3101010001": [.primary], "3101010002": [.junior]], teacherIDs: [teacher])
    static func d(_ text: String) -> CaseDate { CaseDate(text)! }

    func errors<T: RegistryCSVRecord>(_ type: T.Type, _ csv: String) -> [String] {
        do {
            _ = try T.csvDecode(table: try CSVTable.parse(text: csv, fileName: "f.csv"), references: Self.references)
            return []
        } catch let error as InputErrors { return error.errors.map { "row \($0.row ?? 0) \($0.field ?? ""): \($0.reason)" } }
        catch { return ["\(error)"] }
    }

    @Test func filesAreReadAndEveryBadFieldIsNamed() throws {
        let t = Self.teacher
        let good = "national_id,school_id,post,from,until,previous_province\n\(t),3101010001,teacher,2015-09-01,2020-08-31,51\n\(t),3101010002,middle-manager,2020-09-01,,\n"
        let appointments = try TeacherAppointment.csvDecode(table: try CSVTable.parse(text: good, fileName: "a.csv"), references: Self.references)
        #expect(appointments.count == 2 && appointments[0].previousProvince == "51" && appointments[1].until == nil)
        #expect(TeacherAppointment.csvDocument(appointments) == good, "export writes what import reads")

        let other = NationalID.make(areaCode: "310101", birthDate: "19810505", sequence: 52).value
        let bad = errors(TeacherAppointment.self, """
            national_id,school_id,post,from,until,previous_province
            \(other),3101010001,teacher,2015-09-01,,
            \(t),9999999999,boss,2015-13-01,,5
            \(t),3101010001,teacher,2016-09-01,2015-01-01,99
            """)
        #expect(bad.contains { $0.hasPrefix("row 2 national_id") && $0.contains("no teacher") && !$0.contains(other) }, "\(bad)")
        #expect(bad.contains { $0.hasPrefix("row 3 school_id") } && bad.contains { $0.hasPrefix("row 3 post") }
                && bad.contains { $0.hasPrefix("row 3 from") } && bad.contains { $0.hasPrefix("row 3 previous_province") })
        #expect(bad.contains { $0.hasPrefix("row 4 until") && $0.contains("before it starts") } && bad.contains { $0.hasPrefix("row 4 previous_province") })

        let training = errors(TeacherTraining.self, """
            national_id,course,provider,hours,date,kind
            \(t),新课标解读,区教师进修学院,1.5,2024-03-01,district
            \(t),大单元教学,市师资培训中心,99999999999999999999,2024-04-01,city
            \(t),作业设计,学校,1.25,2024-05-01,school
            \(t),听评课,学校,0,2024-06-01,school
            \(t),听评课,学校,4,2024-06-01,weekend
            \(t),新课标解读,区教师进修学院,2,2024-03-01,district
            """)
        #expect(training.contains { $0.hasPrefix("row 3 hours") } && training.contains { $0.hasPrefix("row 4 hours") }
                && training.contains { $0.hasPrefix("row 5 hours") && $0.contains("outside") } && training.contains { $0.hasPrefix("row 6 kind") }, "\(training)")
        #expect(training.contains { $0.hasPrefix("row 7 national_id+course+date") }, "a repeated record is named")
        #expect(!training.contains { $0.hasPrefix("row 2") })
        #expect(TeacherTraining.hoursText(15) == "1.5" && TeacherTraining.hoursText(40) == "4")

        let qualifications = errors(TeacherQualification.self, "national_id,kind,value,since\n\(t),title,senior,2019-12-01\n\(t),key-level,famous,2020-01-01\n")
        #expect(qualifications == ["row 3 value: 'famous' is not one of none, school, district, municipal"] || qualifications.count == 1, "\(qualifications)")
        let rotations = errors(TeacherRotation.self, """
            national_id,from_school_id,to_school_id,start,planned_end,kind,status
            \(t),3101010001,3101010001,2024-09-01,2024-08-31,rural,active
            """)
        #expect(rotations.contains { $0.hasPrefix("row 2 to_school_id") } && rotations.contains { $0.hasPrefix("row 2 planned_end") })
    }

    @Test func trainingIsMeasuredAgainstTheCycleRequirement() {
        let rules = TeacherRules.shanghai
        #expect(rules.cycle(containing: Self.d("2026-12-06")) == Self.d("2026-01-01")...Self.d("2030-12-31"))
        #expect(rules.cycle(containing: Self.d("2025-12-31")) == Self.d("2021-01-01")...Self.d("2025-12-31"))
        #expect(rules.cycle(containing: Self.d("2019-06-01")) == Self.d("2016-01-01")...Self.d("2020-12-31"), "before the anchor too")
        func record(_ date: String, _ tenths: Int) -> TeacherTraining {
            TeacherTraining(teacherNationalID: Self.teacher, course: date, provider: "p", tenthHours: tenths, date: Self.d(date), kind: .district)
        }
        let records = [record("2020-12-31", 5_000), record("2023-03-01", 1_000), record("2024-03-01", 800), record("2026-01-02", 300)]
        let pace = TrainingPace(records: records, on: Self.d("2025-07-02"), rules: rules)
        #expect(pace.tenthHours == 1_800 && pace.requiredTenthHours == 3_600, "only this cycle's records, up to the day")
        #expect(pace.expectedTenthHours == 3_600 * 1_644 / 1_826 && pace.isBehind && !pace.isComplete)
        #expect(!TrainingPace(records: records + [record("2025-01-01", 1_500)], on: Self.d("2025-07-02"), rules: rules).isBehind)
    }

    func appointment(_ school: String, _ from: String, _ until: String? = nil) -> TeacherAppointment {
        TeacherAppointment(teacherNationalID: Self.teacher, schoolID: school, post: .teacher, from: Self.d(from), until: until.map(Self.d))
    }

    @Test func eligibilityForRotationHasAReason() {
        let rules = TeacherRules.shanghai
        let day = Self.d("2026-09-01")
        func eligibility(_ appointments: [TeacherAppointment], born: String = "1980-05-05", woman: Bool = false,
                         rotations: [TeacherRotation] = []) -> RotationEligibility {
            RotationEligibility(appointments: appointments, rotations: rotations, birthDate: Self.d(born), isWoman: woman, on: day, rules: rules)
        }
        #expect(eligibility([appointment("A", "2020-09-01")]).reason == .longAtSchool(since: Self.d("2020-09-01"), years: 6))
        #expect(eligibility([appointment("A", "2020-09-02")]).reason == .tooShort(since: Self.d("2020-09-02"), years: 5, required: 6))
        // A post change at the same school without a gap continues the years; a move starts them again.
        let continued = eligibility([appointment("A", "2012-09-01", "2019-08-31"), appointment("A", "2019-09-01")])
        #expect(continued.isEligible && continued.reason == .longAtSchool(since: Self.d("2012-09-01"), years: 14))
        #expect(!eligibility([appointment("A", "2010-09-01", "2022-08-31"), appointment("B", "2022-09-01")]).isEligible)
        #expect(!eligibility([appointment("A", "2012-09-01", "2018-08-31"), appointment("A", "2021-09-01")]).isEligible, "a gap breaks the years")
        // Within three years of retirement: 60 for men, 55 for women.
        #expect(eligibility([appointment("A", "2000-09-01")], born: "1967-01-01").reason == .nearRetirement(retires: Self.d("2027-01-01")))
        #expect(eligibility([appointment("A", "2000-09-01")], born: "1974-01-01", woman: true).reason == .nearRetirement(retires: Self.d("2029-01-01")))
        #expect(eligibility([appointment("A", "2000-09-01")], born: "1972-01-01", woman: true).isEligible == false)
        #expect(eligibility([appointment("A", "2000-09-01")], born: "1975-01-01", woman: true).isEligible)
        let away = TeacherRotation(teacherNationalID: Self.teacher, fromSchoolID: "A", toSchoolID: "B", start: Self.d("2025-09-01"),
                                   plannedEnd: Self.d("2028-08-31"), kind: .rural, status: .active)
        #expect(eligibility([appointment("A", "2000-09-01")], rotations: [away]).reason == .rotatingNow(until: Self.d("2028-08-31")))
        #expect(eligibility([appointment("A", "2000-09-01", "2020-01-01")]).reason == .noCurrentAppointment)
    }

    @Test func theDistrictReviewsPoachingAndPromotionWithoutRotation() {
        let rules = TeacherRules.shanghai
        let since = Self.d("2025-01-01")
        var hire = appointment("A", "2026-02-01")
        hire.previousProvince = "51"
        #expect(TeacherReviewChecks.isPoachingConcern(hire, title: .senior, keyLevel: .none, since: since, rules: rules))
        #expect(TeacherReviewChecks.isPoachingConcern(hire, title: .first, keyLevel: .municipal, since: since, rules: rules))
        #expect(!TeacherReviewChecks.isPoachingConcern(hire, title: .first, keyLevel: .school, since: since, rules: rules), "no senior title or key level")
        hire.previousProvince = "32"
        #expect(!TeacherReviewChecks.isPoachingConcern(hire, title: .senior, keyLevel: .none, since: since, rules: rules), "Jiangsu is in the east")
        #expect(rules.protectedProvinces.count == 21, "6 central, 12 western, 3 north-eastern provinces")

        func rotation(_ start: String, _ end: String, _ status: TeacherRotation.Status) -> TeacherRotation {
            TeacherRotation(teacherNationalID: Self.teacher, fromSchoolID: "A", toSchoolID: "B", start: Self.d(start), plannedEnd: Self.d(end),
                            kind: .group, status: status)
        }
        let day = Self.d("2026-09-01")
        #expect(TeacherReviewChecks.lacksRotationForPromotion([rotation("2025-10-01", "2027-08-31", .active)], by: day, rules: rules))
        #expect(!TeacherReviewChecks.lacksRotationForPromotion([rotation("2024-09-01", "2025-08-31", .returned)], by: day, rules: rules))
        #expect(TeacherReviewChecks.lacksRotationForPromotion([rotation("2023-09-01", "2025-08-31", .cancelled)], by: day, rules: rules))
    }
}
