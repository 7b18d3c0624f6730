import Foundation

/// A named figure behind a value, so a reader can check the arithmetic (e.g. "pupils" = 1,234).
public struct IndicatorInput: Sendable, Hashable, Codable {
    public var name: String
    public var value: Double
    public init(_ name: String, _ value: Double) { self.name = name; self.value = value }
}

/// One school's figure for one indicator: numerator ÷ denominator × scale.
/// A direct value (minutes, lessons) has denominator 1 and scale 1.
struct IndicatorObservation {
    var numerator: Double
    var denominator: Double
    var scale: Double
    var inputs: [IndicatorInput]

    /// nil when the denominator is zero: a share of nobody is not a number.
    /// Scaling first keeps whole-number shares exact (300 × 100 / 500 = 60, not 59.99…).
    var value: Double? { denominator > 0 ? numerator * scale / denominator : nil }

    static func direct(_ value: Double, _ inputs: [IndicatorInput]) -> IndicatorObservation {
        IndicatorObservation(numerator: value, denominator: 1, scale: 1, inputs: inputs)
    }

    /// `part` as a percentage of `whole`, both named for the drill-down.
    static func percentage(_ part: Int, _ partName: String, of whole: Int, _ wholeName: String,
                           extraInputs: [IndicatorInput] = []) -> IndicatorObservation {
        IndicatorObservation(numerator: Double(part), denominator: Double(whole), scale: 100,
                             inputs: [IndicatorInput(partName, Double(part)), IndicatorInput(wholeName, Double(whole))] + extraInputs)
    }
}

enum SchoolMeasurement {
    /// The school does not teach a stage the indicator covers.
    case notApplicable
    case observed(IndicatorObservation)
    /// An input is missing; the reason names it.
    case missing(String)
}

extension Indicator {
    /// The stages of `school` this indicator looks at.
    func relevantStages(of school: SchoolFacts) -> [Stage] {
        stages.filter(school.stages.contains)
    }

    func measure(_ school: SchoolFacts, report: SchoolReport?) -> SchoolMeasurement {
        let relevant = relevantStages(of: school)
        guard !relevant.isEmpty else { return .notApplicable }
        switch measure {
        case .publicKindergartenShare:
            let pupils = school.pupils(in: relevant)
            return .observed(.percentage(school.ownership == .public ? pupils : 0, "public_pupils", of: pupils, "pupils"))
        case .inclusiveKindergartenShare:
            let pupils = school.pupils(in: relevant)
            return .observed(.percentage(school.countsAsInclusive ? pupils : 0, "inclusive_pupils", of: pupils, "pupils"))
        case .migrantPublicShare:
            let migrants = relevant.reduce(0) { $0 + (school.enrollment[$1]?.migrantPupils ?? 0) }
            return .observed(.percentage(school.ownership == .public ? migrants : 0, "public_migrant_pupils",
                                         of: migrants, "migrant_pupils"))
        case .disabledEnrollmentRate:
            return .notApplicable  // a district fact: no school figure
        case .largestClassSize:
            return largestClass(school, relevant)
        case .singleStageSchoolSize, .throughSchoolSize:
            // A school with one compulsory stage is judged on the first, a nine- or twelve-year school on the second.
            guard (relevant.count >= 2) == (measure == .throughSchoolSize) else { return .notApplicable }
            let pupils = school.pupils(in: relevant)
            return .observed(.direct(Double(pupils), relevant.map { IndicatorInput("pupils_\($0.rawValue)", Double(school.enrollment[$0]?.pupils ?? 0)) }))
        case .fullTimePsychologyTeachers:
            guard let teachers = school.teachers else { return .missing("no teacher records") }
            let count = Double(teachers.fullTimePsychologyTeachers)
            return .observed(.direct(count, [IndicatorInput("full_time_psychology_teachers", count)]))
        case .rotationShare, .keyTeacherRotationShare:
            guard let rotation = school.rotation else { return .missing("rotation figures not recorded") }
            return measure == .rotationShare
                ? .observed(.percentage(rotation.rotated, "rotated", of: rotation.eligible, "eligible",
                                        extraInputs: [IndicatorInput("key_rotated", Double(rotation.keyRotated))]))
                : .observed(.percentage(rotation.keyRotated, "key_rotated", of: rotation.rotated, "rotated",
                                        extraInputs: [IndicatorInput("eligible", Double(rotation.eligible))]))
        case .degreeTeachersPer100, .keyTeachersPer100, .peArtsTeachersPer100:
            guard let teachers = school.teachers else { return .missing("no teacher records") }
            switch measure {
            case .degreeTeachersPer100:
                // Several stages at once: the strictest requirement applies.
                let strictest = relevant.max { $0.requiredTeacherDegree < $1.requiredTeacherDegree }!
                return perPupil(Double(teachers.aboveRequiredDegree(for: strictest)), name: "teachers_above_required_degree", school, scale: 100)
            case .keyTeachersPer100:
                return perPupil(Double(teachers.districtOrAboveKeyTeachers), name: "key_teachers", school, scale: 100)
            default:
                return perPupil(Double(teachers.peAndArtsTeachers), name: "pe_arts_teachers", school, scale: 100)
            }
        case .floorAreaPerPupil, .sportsGroundPerPupil, .equipmentValuePerPupil, .multimediaRoomsPer100,
             .readinessEducation, .dailyOutdoorMinutes, .weeklyPELessons, .weeklyPEActivityLessons,
             .dailyExerciseMinutes, .psychologyLessonGrades, .homeVisitsPerPupil, .familyEducationActivities,
             .bandwidthPerPerson:
            guard let report else { return .missing("no school report") }
            return measureReported(school, report, relevant)
        }
    }

    private func measureReported(_ school: SchoolFacts, _ report: SchoolReport, _ relevant: [Stage]) -> SchoolMeasurement {
        func reported(_ value: Double?, _ name: String) -> SchoolMeasurement {
            guard let value else { return .missing("\(name) not reported") }
            return .observed(.direct(value, [IndicatorInput(name, value)]))
        }
        switch measure {
        case .floorAreaPerPupil:
            guard let area = report.floorArea else { return .missing("floor_area_m2 not reported") }
            return perPupil(area, name: "floor_area_m2", school, scale: 1)
        case .sportsGroundPerPupil:
            guard let area = report.sportsGroundArea else { return .missing("sports_ground_m2 not reported") }
            return perPupil(area, name: "sports_ground_m2", school, scale: 1)
        case .equipmentValuePerPupil:
            guard let value = report.equipmentValue else { return .missing("equipment_value_yuan not reported") }
            return perPupil(value, name: "equipment_value_yuan", school, scale: 1)
        case .multimediaRoomsPer100:
            guard let rooms = report.multimediaClassrooms else { return .missing("multimedia_classrooms not reported") }
            return perPupil(Double(rooms), name: "multimedia_classrooms", school, scale: 100)
        case .readinessEducation:
            guard let given = report.readinessEducation else { return .missing("readiness_education not reported") }
            return .observed(.direct(given ? 100 : 0, [IndicatorInput("readiness_education", given ? 1 : 0)]))
        case .dailyOutdoorMinutes:
            return reported(report.dailyOutdoorMinutes.map(Double.init), "daily_outdoor_minutes")
        case .dailyExerciseMinutes:
            return reported(report.dailyExerciseMinutes.map(Double.init), "daily_exercise_minutes")
        case .familyEducationActivities:
            return reported(report.familyEducationActivities.map(Double.init), "family_education_activities")
        case .homeVisitsPerPupil:
            guard let visits = report.homeVisits else { return .missing("home_visits not reported") }
            return perPupil(Double(visits), name: "home_visits", school, scale: 1)
        case .bandwidthPerPerson:
            guard let mbps = report.bandwidthMbps else { return .missing("bandwidth_mbps not reported") }
            let persons: Int
            if let reportedPersons = report.bandwidthPersons {
                persons = reportedPersons
            } else if let teachers = school.teachers {
                persons = school.totalPupils + teachers.total
            } else {
                return .missing("bandwidth_persons not reported and no teacher records to derive it")
            }
            let observation = IndicatorObservation(numerator: mbps, denominator: Double(persons), scale: 1,
                                                   inputs: [IndicatorInput("bandwidth_mbps", mbps), IndicatorInput("persons", Double(persons))])
            return observation.value == nil ? .missing("no persons to share the bandwidth") : .observed(observation)
        case .weeklyPELessons:
            return smallestInTimetable(report, relevant, \.peLessons, name: "pe_lessons")
        case .weeklyPEActivityLessons:
            return smallestInTimetable(report, relevant, \.activityLessons, name: "activity_lessons")
        case .psychologyLessonGrades:
            return psychologyGrades(report, relevant)
        default:
            return .notApplicable
        }
    }

    /// Resources are whole-school figures, so they are divided by all the school's pupils
    /// (a nine-year school's per-pupil value is the same for both stages; see docs/supervision.md).
    private func perPupil(_ amount: Double, name: String, _ school: SchoolFacts, scale: Double) -> SchoolMeasurement {
        let pupils = school.totalPupils
        guard pupils > 0 else { return .missing("the school has no pupils") }
        return .observed(IndicatorObservation(numerator: amount, denominator: Double(pupils), scale: scale,
                                              inputs: [IndicatorInput(name, amount), IndicatorInput("pupils", Double(pupils))]))
    }

    private func largestClass(_ school: SchoolFacts, _ relevant: [Stage]) -> SchoolMeasurement {
        var sizes: [Int] = []
        for stage in relevant {
            guard let stageSizes = school.enrollment[stage]?.classSizes else {
                return .missing("class sizes of the \(stage.rawValue) stage unknown")
            }
            sizes += stageSizes
        }
        guard let largest = sizes.max() else { return .missing("no classes recorded") }
        return .observed(.direct(Double(largest), [IndicatorInput("largest_class", Double(largest)),
                                                   IndicatorInput("classes", Double(sizes.count)),
                                                   IndicatorInput("classes_over_target", Double(sizes.count { !comparison.isMet(Double($0), target: target) }))]))
    }

    /// Every grade of the stages must be reported: a missing grade would otherwise pass unseen.
    private func timetables(_ report: SchoolReport, _ stages: [Stage]) -> Result<[(Grade, GradeTimetable)], MissingGrade> {
        var rows: [(Grade, GradeTimetable)] = []
        for grade in stages.flatMap(\.grades) {
            guard let timetable = report.timetable[grade] else { return .failure(MissingGrade(grade: grade)) }
            rows.append((grade, timetable))
        }
        return .success(rows)
    }

    private func smallestInTimetable(_ report: SchoolReport, _ stages: [Stage], _ lessons: KeyPath<GradeTimetable, Int>,
                                     name: String) -> SchoolMeasurement {
        switch timetables(report, stages) {
        case .failure(let missing): return .missing("timetable of grade \(missing.grade.rawValue) not reported")
        case .success(let rows):
            let smallest = rows.map { $0.1[keyPath: lessons] }.min()!
            return .observed(.direct(Double(smallest), rows.map { IndicatorInput("\(name)_grade_\($0.0.rawValue)", Double($0.1[keyPath: lessons])) }))
        }
    }

    private func psychologyGrades(_ report: SchoolReport, _ stages: [Stage]) -> SchoolMeasurement {
        var inputs: [IndicatorInput] = []
        for stage in stages {
            switch timetables(report, [stage]) {
            case .failure(let missing): return .missing("timetable of grade \(missing.grade.rawValue) not reported")
            case .success(let rows):
                inputs.append(IndicatorInput("psychology_grades_\(stage.rawValue)", Double(rows.count { $0.1.psychologyLessonsPerTwoWeeks >= 1 })))
            }
        }
        return .observed(.direct(inputs.map(\.value).min()!, inputs))
    }
}

private struct MissingGrade: Error { var grade: Grade }
