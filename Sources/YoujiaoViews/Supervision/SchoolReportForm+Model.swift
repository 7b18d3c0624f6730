import YoujiaoCore

/// The yearly school report form: only what the registry cannot know (areas, equipment, lessons,
/// activities). Pupils, teachers, classes and the persons sharing the bandwidth are counted from
/// the registry. After an error the form comes back with what was typed and each error beside its field.
public enum SchoolReportFormPage {
    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var year: Int
        public var stages: [Stage]
        /// What the form shows: the stored report, or what was typed.
        public var values: [String: String]
        /// The problems of a submitted form, in the order of the fields.
        public var problems: [Problem]

        public init(schoolID: String, schoolName: String, year: Int, stages: [Stage], values: [String: String], problems: [Problem] = []) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.year = year; self.stages = stages
            self.values = values; self.problems = problems
        }

        public var fields: [Field] { SchoolReportFormPage.fields(for: stages) }
        public var grades: [Grade] { SchoolReportFormPage.timetableGrades(for: stages) }
        public func problem(_ name: String) -> Phrase? { problems.first { $0.field == name }?.message }
        public var base: String { "/supervision/schools/\(PageAddress.encode(schoolID))" }
    }

    public struct Problem: Sendable, Hashable {
        /// The input's name (`floor_area_m2`, `pe_lessons.3`).
        public var field: String
        public var label: Phrase
        public var message: Phrase
        public init(field: String, label: Phrase, message: Phrase) { self.field = field; self.label = label; self.message = message }
    }

    /// Every problem of a submitted form, in the order of its fields.
    public struct Problems: Error, Sendable, Hashable {
        public var all: [Problem]
    }

    public struct Field: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A figure with decimals, from 0 to the bound.
            case decimal(max: Int)
            case whole(min: Int, max: Int)
            case yesNo
        }
        public var name: String
        public var label: Phrase
        public var kind: Kind
        /// Shown only to schools of these stages (nil: every school).
        public var stages: Set<Stage>?
        public var hint: Phrase?
    }

    static let schoolStages: Set<Stage> = [.primary, .junior, .senior, .special]

    /// Bounds a school can reach with room to spare; beyond them the number is a typing error,
    /// and every sum the engine makes of them stays far inside Double's exact integers.
    public static let allFields: [Field] = [
        Field(name: "floor_area_m2", label: .supervision(.floorArea), kind: .decimal(max: 10_000_000)),
        Field(name: "sports_ground_m2", label: .supervision(.sportsGround), kind: .decimal(max: 10_000_000)),
        Field(name: "equipment_value_yuan", label: .supervision(.equipmentValue), kind: .decimal(max: 100_000_000_000)),
        Field(name: "multimedia_classrooms", label: .supervision(.multimediaClassrooms), kind: .whole(min: 0, max: 10_000)),
        Field(name: "bandwidth_mbps", label: .supervision(.bandwidth), kind: .decimal(max: 1_000_000)),
        Field(name: "daily_exercise_minutes", label: .supervision(.dailyExercise), kind: .whole(min: 0, max: 1_440), stages: schoolStages),
        Field(name: "daily_outdoor_minutes", label: .supervision(.dailyOutdoor), kind: .whole(min: 0, max: 1_440), stages: [.kindergarten]),
        Field(name: "home_visits", label: .supervision(.homeVisits), kind: .whole(min: 0, max: 10_000_000)),
        Field(name: "family_education_activities", label: .supervision(.familyActivities), kind: .whole(min: 0, max: 100_000)),
        Field(name: "readiness_education", label: .supervision(.readiness), kind: .yesNo, stages: [.kindergarten]),
    ]

    /// The lesson cells of one grade, with their bounds (eight periods a day, five days).
    static let lessonFields: [(column: String, label: Phrase, range: ClosedRange<Int>)] = [
        ("pe_lessons", .supervision(.peLessons), 0...SchoolReportCSV.maxWeeklyPeriods),
        ("activity_lessons", .supervision(.activityLessons), 0...SchoolReportCSV.maxWeeklyPeriods),
        ("psychology_lessons_per_two_weeks", .supervision(.psychologyLessons), 0...(2 * SchoolReportCSV.maxWeeklyPeriods)),
    ]
    static let periodsRange = 1...SchoolReportCSV.maxWeeklyPeriods

    public static func fields(for stages: [Stage]) -> [Field] {
        allFields.filter { $0.stages.map { !$0.isDisjoint(with: stages) } ?? true }
    }

    /// Grades with a weekly timetable: every grade the school teaches outside kindergarten.
    public static func timetableGrades(for stages: [Stage]) -> [Grade] {
        Array(Set(stages.filter { $0 != .kindergarten }.flatMap(\.grades))).sorted()
    }

    /// The input of one grade's cell, e.g. `pe_lessons.3`.
    public static func gradeField(_ column: String, _ grade: Grade) -> String { "\(column).\(grade.rawValue)" }

    /// A stored report as the form's values.
    public static func values(of report: SchoolReport) -> [String: String] {
        var values: [String: String] = [:]
        func put(_ name: String, _ value: Double?) { if let value { values[name] = SupervisionFormat.number(value) } }
        func put(_ name: String, _ value: Int?) { if let value { values[name] = String(value) } }
        put("floor_area_m2", report.floorArea); put("sports_ground_m2", report.sportsGroundArea)
        put("equipment_value_yuan", report.equipmentValue); put("multimedia_classrooms", report.multimediaClassrooms)
        put("bandwidth_mbps", report.bandwidthMbps); put("daily_exercise_minutes", report.dailyExerciseMinutes)
        put("daily_outdoor_minutes", report.dailyOutdoorMinutes); put("home_visits", report.homeVisits)
        put("family_education_activities", report.familyEducationActivities)
        if let given = report.readinessEducation { values["readiness_education"] = given ? "yes" : "no" }
        for (grade, entry) in report.timetable {
            values[gradeField("pe_lessons", grade)] = String(entry.peLessons)
            values[gradeField("activity_lessons", grade)] = String(entry.activityLessons)
            values[gradeField("psychology_lessons_per_two_weeks", grade)] = String(entry.psychologyLessonsPerTwoWeeks)
            if let periods = entry.weeklyPeriods { values[gradeField("weekly_periods", grade)] = String(periods) }
        }
        return values
    }

    /// The report of a submitted form, or every problem of it (nothing is half-read). The persons
    /// sharing the bandwidth are not asked: an earlier import's figure is kept.
    public static func read(_ form: [String: String], schoolID: String, year: Int, stages: [Stage],
                            earlier: SchoolReport?) -> Result<SchoolReport, Problems> {
        var problems: [Problem] = []
        var report = SchoolReport(schoolID: schoolID, year: year)
        report.bandwidthPersons = earlier?.bandwidthPersons
        for field in fields(for: stages) {
            let text = normalised(form[field.name])
            guard !text.isEmpty else { continue }
            switch field.kind {
            case .decimal(let max):
                switch decimal(text, max: max) {
                case .success(let value):
                    switch field.name {
                    case "floor_area_m2": report.floorArea = value
                    case "sports_ground_m2": report.sportsGroundArea = value
                    case "equipment_value_yuan": report.equipmentValue = value
                    default: report.bandwidthMbps = value
                    }
                case .failure(let message): problems.append(Problem(field: field.name, label: field.label, message: message.phrase(field.label)))
                }
            case .whole(let min, let max):
                switch whole(text, in: min...max) {
                case .success(let value):
                    switch field.name {
                    case "multimedia_classrooms": report.multimediaClassrooms = value
                    case "daily_exercise_minutes": report.dailyExerciseMinutes = value
                    case "daily_outdoor_minutes": report.dailyOutdoorMinutes = value
                    case "home_visits": report.homeVisits = value
                    default: report.familyEducationActivities = value
                    }
                case .failure(let message): problems.append(Problem(field: field.name, label: field.label, message: message.phrase(field.label)))
                }
            case .yesNo:
                // The select offers only these; anything else is a forged form, read as not reported.
                report.readinessEducation = text == "yes" ? true : text == "no" ? false : nil
            }
        }
        for grade in timetableGrades(for: stages) {
            var lessons: [Int?] = []
            let typed = lessonFields.map { !normalised(form[gradeField($0.column, grade)]).isEmpty }
            let periodsText = normalised(form[gradeField("weekly_periods", grade)])
            let gradeTyped = typed.contains(true) || !periodsText.isEmpty
            for (index, cell) in lessonFields.enumerated() {
                let name = gradeField(cell.column, grade), label = Phrase.inputGrade(cell.label, grade)
                guard typed[index] else {
                    if gradeTyped { problems.append(Problem(field: name, label: label, message: .supervision(.lessonsIncomplete))) }
                    lessons.append(nil)
                    continue
                }
                switch whole(normalised(form[name]), in: cell.range) {
                case .success(let value): lessons.append(value)
                case .failure(let message):
                    problems.append(Problem(field: name, label: label, message: message.phrase(label)))
                    lessons.append(nil)
                }
            }
            var periods: Int?
            if !periodsText.isEmpty {
                let name = gradeField("weekly_periods", grade), label = Phrase.inputGrade(.supervision(.weeklyPeriods), grade)
                switch whole(periodsText, in: periodsRange) {
                case .success(let value): periods = value
                case .failure(let message): problems.append(Problem(field: name, label: label, message: message.phrase(label)))
                }
            }
            guard gradeTyped, let pe = lessons[0], let activity = lessons[1], let psychology = lessons[2] else { continue }
            // A psychology lesson every two weeks takes half a period a week (all three are at most 80, no overflow).
            let capacity = periods ?? SchoolReportCSV.maxWeeklyPeriods
            if 2 * (pe + activity) + psychology > 2 * capacity {
                problems.append(Problem(field: gradeField("pe_lessons", grade), label: .inputGrade(.supervision(.peLessons), grade),
                                        message: .lessonsExceedWeek(pe: pe, activity: activity, psychology: psychology, periods: capacity)))
                continue
            }
            report.timetable[grade] = GradeTimetable(peLessons: pe, activityLessons: activity, psychologyLessonsPerTwoWeeks: psychology, weeklyPeriods: periods)
        }
        return problems.isEmpty ? .success(report) : .failure(Problems(all: problems))
    }

    enum NumberProblem: Error {
        case notANumber, notAWholeNumber, below(Int), above(Int)
        func phrase(_ label: Phrase) -> Phrase {
            switch self {
            case .notANumber: return .supervision(.notANumber)
            case .notAWholeNumber: return .supervision(.notAWholeNumber)
            case .below(let minimum): return .atLeast(minimum, field: label)
            case .above(let maximum): return .atMost(maximum, field: label)
            }
        }
    }

    /// Full-width digits and points (a Chinese input method's) read as ASCII; spaces and thousands commas dropped.
    static func normalised(_ text: String?) -> String {
        var out = ""
        for scalar in (text ?? "").unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E, 0x3002: out.append(".")
            case 0xFF0D: out.append("-")
            case 0x20, 0x3000, 0x2C, 0xFF0C, 0x09: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Digits with at most one point; a leading minus is "below 0" rather than "not a number".
    static func decimal(_ text: String, max: Int) -> Result<Double, NumberProblem> {
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.count <= 20, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              digits.filter({ $0 == "." }).count <= 1, digits != ".", let value = Double(digits) else { return .failure(.notANumber) }
        if negative && value > 0 { return .failure(.below(0)) }
        guard value <= Double(max) else { return .failure(.above(max)) }
        return .success(value)
    }

    static func whole(_ text: String, in range: ClosedRange<Int>) -> Result<Int, NumberProblem> {
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return .failure(.notANumber) }
        guard digits.allSatisfy({ $0 != "." }) else { return .failure(.notAWholeNumber) }
        // More digits than any bound has is too large, without parsing a number Int cannot hold.
        guard digits.count <= 12, let magnitude = Int(digits) else { return .failure(negative ? .below(range.lowerBound) : .above(range.upperBound)) }
        let value = negative ? -magnitude : magnitude
        if value < range.lowerBound { return .failure(.below(range.lowerBound)) }
        if value > range.upperBound { return .failure(.above(range.upperBound)) }
        return .success(value)
    }
}
