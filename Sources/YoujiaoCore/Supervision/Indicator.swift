import Foundation

/// How a value is compared with its target.
public enum IndicatorComparison: String, Sendable, Codable, CaseIterable {
    case atLeast = ">="
    case atMost = "<="
    case equal = "="

    public var symbol: String {
        switch self {
        case .atLeast: return "≥"
        case .atMost: return "≤"
        case .equal: return "="
        }
    }

    /// Also accepts the typographic ≥ and ≤ officials type in spreadsheets.
    public init?(text: String) {
        switch text {
        case ">=", "≥": self = .atLeast
        case "<=", "≤": self = .atMost
        case "=", "==": self = .equal
        default: return nil
        }
    }

    /// Values are quotients of counts, so a boundary case such as 85 / 100 must not miss by a rounding error.
    public func isMet(_ value: Double, target: Double) -> Bool {
        let tolerance = 1e-9 * max(1, abs(target))
        switch self {
        case .atLeast: return value >= target - tolerance
        case .atMost: return value <= target + tolerance
        case .equal: return abs(value - target) <= tolerance
        }
    }

    /// How far the value falls short of the target, in the indicator's unit (0 when met).
    public func shortfall(_ value: Double, target: Double) -> Double {
        if isMet(value, target: target) { return 0 }
        switch self {
        case .atLeast: return target - value
        case .atMost: return value - target
        case .equal: return abs(value - target)
        }
    }
}

/// Where an indicator is evaluated.
public enum IndicatorLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case school, district, city

    public static func < (a: IndicatorLevel, b: IndicatorLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How school figures become district and city figures.
public enum IndicatorAggregation: String, Sendable, Codable {
    /// Σ numerators ÷ Σ denominators over the schools in scope (never a mean of school ratios).
    case ratioOfSums = "ratio-of-sums"
    /// Percentage of the schools in scope whose own value meets the target; the aggregate target is 100%.
    case shareOfSchoolsMeeting = "share-of-schools-meeting"
    /// Facts reported per district; the city figure is Σ numerators ÷ Σ denominators over districts.
    case districtFacts = "district-facts"
}

/// The computation behind an indicator. A catalogue (Shanghai's, or another city's) picks a
/// measure for each of its indicators and sets names, target, stages and levels as data.
public enum IndicatorMeasure: String, Sendable, Codable, CaseIterable {
    // Preschool
    case publicKindergartenShare = "public-kindergarten-share"
    case inclusiveKindergartenShare = "inclusive-kindergarten-share"
    case readinessEducation = "readiness-education"
    case dailyOutdoorMinutes = "daily-outdoor-minutes"
    // Compulsory and special education
    case disabledEnrollmentRate = "disabled-enrollment-rate"
    case migrantPublicShare = "migrant-public-share"
    case largestClassSize = "largest-class-size"
    case singleStageSchoolSize = "single-stage-school-size"
    case throughSchoolSize = "through-school-size"
    // Student wellbeing
    case weeklyPELessons = "weekly-pe-lessons"
    case weeklyPEActivityLessons = "weekly-pe-activity-lessons"
    case dailyExerciseMinutes = "daily-exercise-minutes"
    case psychologyLessonGrades = "psychology-lesson-grades"
    case fullTimePsychologyTeachers = "full-time-psychology-teachers"
    // Family and school
    case homeVisitsPerPupil = "home-visits-per-pupil"
    case familyEducationActivities = "family-education-activities"
    // Digital
    case bandwidthPerPerson = "bandwidth-per-person"
    // Teachers
    case rotationShare = "rotation-share"
    case keyTeacherRotationShare = "key-teacher-rotation-share"
    // 优质均衡 resource indicators (per school)
    case degreeTeachersPer100 = "degree-teachers-per-100"
    case keyTeachersPer100 = "key-teachers-per-100"
    case peArtsTeachersPer100 = "pe-arts-teachers-per-100"
    case floorAreaPerPupil = "floor-area-per-pupil"
    case sportsGroundPerPupil = "sports-ground-per-pupil"
    case equipmentValuePerPupil = "equipment-value-per-pupil"
    case multimediaRoomsPer100 = "multimedia-rooms-per-100"

    public var aggregation: IndicatorAggregation {
        switch self {
        case .publicKindergartenShare, .inclusiveKindergartenShare, .migrantPublicShare,
             .rotationShare, .keyTeacherRotationShare:
            return .ratioOfSums
        case .disabledEnrollmentRate:
            return .districtFacts
        default:
            return .shareOfSchoolsMeeting
        }
    }

    /// The seven resource measures of the national 优质均衡 assessment.
    public var isQualityBalanceResource: Bool {
        switch self {
        case .degreeTeachersPer100, .keyTeachersPer100, .peArtsTeachersPer100, .floorAreaPerPupil,
             .sportsGroundPerPupil, .equipmentValuePerPupil, .multimediaRoomsPer100:
            return true
        default:
            return false
        }
    }

    /// Levels at which the measure has a meaning: district facts have no school value.
    public var possibleLevels: Set<IndicatorLevel> {
        aggregation == .districtFacts ? [.district, .city] : Set(IndicatorLevel.allCases)
    }
}

/// One supervision target, defined as data.
public struct Indicator: Sendable, Hashable, Codable {
    public var code: String
    public var nameZh: String
    public var nameEn: String
    /// Unit of the school (or district-fact) value, e.g. "%", "m²/生".
    public var unit: String
    public var formulaZh: String
    /// The formula in English; empty when the catalogue gives only the Chinese (pages then show that).
    public var formulaEn: String
    public var measure: IndicatorMeasure
    public var comparison: IndicatorComparison
    public var target: Double
    public var levels: [IndicatorLevel]
    /// A school is in scope when it teaches one of these stages; only these stages' pupils and grades count.
    public var stages: [Stage]
    /// Where the target comes from, e.g. "二(五)17" of the 2024 action plan.
    public var planSection: String

    public init(code: String, nameZh: String, nameEn: String, unit: String, formulaZh: String, formulaEn: String = "",
                measure: IndicatorMeasure, comparison: IndicatorComparison, target: Double,
                levels: [IndicatorLevel], stages: [Stage], planSection: String) {
        self.code = code; self.nameZh = nameZh; self.nameEn = nameEn; self.unit = unit
        self.formulaZh = formulaZh; self.formulaEn = formulaEn; self.measure = measure; self.comparison = comparison
        self.target = target; self.levels = levels; self.stages = stages; self.planSection = planSection
    }

    public var aggregation: IndicatorAggregation { measure.aggregation }

    /// The target and unit at a level: a share-of-schools indicator asks every school to meet it.
    public func target(at level: IndicatorLevel) -> (target: Double, comparison: IndicatorComparison, unit: String) {
        if level != .school, aggregation == .shareOfSchoolsMeeting {
            return (100, .atLeast, "%")
        }
        return (target, comparison, unit)
    }
}
