import Foundation

// 一人一案: the case file of one disabled child, kindergarten to senior high. The file holds the
// disability (GB/T 26341), the assessments, the placements, the individual education plans with
// their goals, services and reviews, the home-teaching visits and the hand-overs between stages.
// Dates are `CaseDate`; ids are opaque strings (UUIDs) also used in URLs.

/// Disability categories of GB/T 26341-2010 (残疾人残疾分类和分级).
public enum DisabilityCategory: String, Sendable, Codable, CaseIterable {
    case vision, hearing, speech, physical, intellectual, mental, multiple
    public var labelZH: String {
        switch self {
        case .vision: return "视力残疾"
        case .hearing: return "听力残疾"
        case .speech: return "言语残疾"
        case .physical: return "肢体残疾"
        case .intellectual: return "智力残疾"
        case .mental: return "精神残疾"
        case .multiple: return "多重残疾"
        }
    }
}

/// GB/T 26341 levels: 一级 is the most severe, 四级 the mildest.
public enum DisabilityLevel: Int, Sendable, Codable, CaseIterable {
    case one = 1, two, three, four
    public var labelZH: String { ["一级", "二级", "三级", "四级"][rawValue - 1] }
}

/// Where the child is taught.
public enum PlacementKind: String, Sendable, Codable, CaseIterable {
    /// 特殊教育学校: a school whose stages include `special`.
    case specialSchool = "special-school"
    /// 特教班: a special class inside an ordinary school of the child's stage.
    case specialClass = "special-class"
    /// 随班就读: an ordinary class of an ordinary school of the child's stage.
    case mainstream
    /// 送教上门: teachers of a responsible school teach the child at home.
    case homeTeaching = "home-teaching"
    public var labelZH: String {
        switch self {
        case .specialSchool: return "特殊教育学校"
        case .specialClass: return "特教班"
        case .mainstream: return "随班就读"
        case .homeTeaching: return "送教上门"
        }
    }
}

public enum AssessmentKind: String, Sendable, Codable, CaseIterable {
    case medical, educational, psychological, rehabilitation
    public var labelZH: String {
        switch self {
        case .medical: return "医学评估"
        case .educational: return "教育评估"
        case .psychological: return "心理评估"
        case .rehabilitation: return "康复评估"
        }
    }
}

/// Who provides a service of the plan: the school system, health care, or rehabilitation (残联).
public enum ServiceDomain: String, Sendable, Codable, CaseIterable {
    case education, health, rehabilitation
    public var labelZH: String {
        switch self {
        case .education: return "教育"
        case .health: return "医疗卫生"
        case .rehabilitation: return "康复"
        }
    }
}

public enum GoalResult: String, Sendable, Codable, CaseIterable {
    case achieved, progressing, notAchieved = "not-achieved"
    public var labelZH: String {
        switch self {
        case .achieved: return "已达成"
        case .progressing: return "有进展"
        case .notAchieved: return "未达成"
        }
    }
}

public enum ReviewOutcome: String, Sendable, Codable, CaseIterable {
    case continuePlan = "continue", revise, completed
    public var labelZH: String {
        switch self {
        case .continuePlan: return "继续执行"
        case .revise: return "调整计划"
        case .completed: return "计划完成"
        }
    }
}

extension Stage {
    /// The stages a child's case file moves through (special schools are a placement, not a stage).
    public static let caseStages: [Stage] = [.kindergarten, .primary, .junior, .senior]

    /// The stage a child moves to at the hand-over: kindergarten → primary → junior → senior.
    public var nextCaseStage: Stage? {
        guard let index = Stage.caseStages.firstIndex(of: self), index + 1 < Stage.caseStages.count else { return nil }
        return Stage.caseStages[index + 1]
    }
}

/// New ids for case records.
public enum CaseID {
    public static func make() -> String { UUID().uuidString.lowercased() }
}

/// The child as the registry knows them.
public struct CaseChild: Sendable, Hashable, Codable {
    /// Row id of the pupil in the registry (`students.id`).
    public var studentID: String
    public var name: String
    /// Full GB 11643 number: shown masked only (`maskedNationalID`).
    public var nationalID: String
    public var birthDate: CaseDate
    /// The school of the registry, nil for a child not enrolled anywhere.
    public var schoolID: String?
    public init(studentID: String, name: String, nationalID: String, birthDate: CaseDate, schoolID: String?) {
        self.studentID = studentID; self.name = name; self.nationalID = nationalID
        self.birthDate = birthDate; self.schoolID = schoolID
    }
    public var maskedNationalID: String { NationalID.mask(nationalID) }
}

public struct SpecialEducationCase: Sendable, Hashable, Codable {
    public var id: String
    /// The district responsible for the child: its special-education centre keeps the file.
    public var districtCode: String
    /// The child's current stage (kindergarten, primary, junior or senior).
    public var stage: Stage
    public var category: DisabilityCategory
    public var level: DisabilityLevel
    public var openedOn: CaseDate
    public init(id: String = CaseID.make(), districtCode: String, stage: Stage, category: DisabilityCategory,
                level: DisabilityLevel, openedOn: CaseDate) {
        self.id = id; self.districtCode = districtCode; self.stage = stage; self.category = category
        self.level = level; self.openedOn = openedOn
    }
}

public struct CaseAssessment: Sendable, Hashable, Codable {
    public var id: String
    public var date: CaseDate
    public var kind: AssessmentKind
    /// Who assessed: a hospital, the district centre, a psychologist.
    public var assessor: String
    public var summary: String
    public init(id: String = CaseID.make(), date: CaseDate, kind: AssessmentKind, assessor: String, summary: String) {
        self.id = id; self.date = date; self.kind = kind; self.assessor = assessor; self.summary = summary
    }
}

public struct CasePlacement: Sendable, Hashable, Codable {
    public var id: String
    public var kind: PlacementKind
    /// The school teaching the child; for home teaching, the school responsible for the visits.
    public var schoolID: String
    /// The child's stage during this placement.
    public var stage: Stage
    public var startDate: CaseDate
    /// Last day of the placement; nil while it lasts.
    public var endDate: CaseDate?
    /// Home teaching only: visits a month the responsible school promises.
    public var visitsPerMonth: Int?
    public init(id: String = CaseID.make(), kind: PlacementKind, schoolID: String, stage: Stage, startDate: CaseDate,
                endDate: CaseDate? = nil, visitsPerMonth: Int? = nil) {
        self.id = id; self.kind = kind; self.schoolID = schoolID; self.stage = stage; self.startDate = startDate
        self.endDate = endDate; self.visitsPerMonth = visitsPerMonth
    }
    /// In force on `date`.
    public func isCurrent(on date: CaseDate) -> Bool { startDate <= date && (endDate.map { date <= $0 } ?? true) }
}

/// 个别化教育计划 (IEP): a period, planned review dates, goals and services.
public struct IndividualPlan: Sendable, Hashable, Codable {
    public var id: String
    public var startDate: CaseDate
    public var endDate: CaseDate
    /// Ascending, within the plan's period.
    public var reviewDates: [CaseDate]
    public init(id: String = CaseID.make(), startDate: CaseDate, endDate: CaseDate, reviewDates: [CaseDate]) {
        self.id = id; self.startDate = startDate; self.endDate = endDate; self.reviewDates = reviewDates.sorted()
    }
    public func isActive(on date: CaseDate) -> Bool { startDate <= date && date <= endDate }
}

public struct PlanGoal: Sendable, Hashable, Codable {
    public var id: String
    public var description: String
    /// How achievement is measured ("reads 20 everyday words aloud in 4 of 5 trials"): required.
    public var criterion: String
    public var targetDate: CaseDate?
    public init(id: String = CaseID.make(), description: String, criterion: String, targetDate: CaseDate? = nil) {
        self.id = id; self.description = description; self.criterion = criterion; self.targetDate = targetDate
    }
}

public struct PlanService: Sendable, Hashable, Codable {
    public var id: String
    public var domain: ServiceDomain
    public var description: String
    public var provider: String
    public var sessionsPerMonth: Int
    public init(id: String = CaseID.make(), domain: ServiceDomain, description: String, provider: String, sessionsPerMonth: Int) {
        self.id = id; self.domain = domain; self.description = description; self.provider = provider
        self.sessionsPerMonth = sessionsPerMonth
    }
}

public struct PlanReview: Sendable, Hashable, Codable {
    public var id: String
    public var date: CaseDate
    public var outcome: ReviewOutcome
    public var summary: String
    /// Result of each goal of the plan, by goal id.
    public var goalResults: [String: GoalResult]
    public init(id: String = CaseID.make(), date: CaseDate, outcome: ReviewOutcome, summary: String, goalResults: [String: GoalResult]) {
        self.id = id; self.date = date; self.outcome = outcome; self.summary = summary; self.goalResults = goalResults
    }
}

/// A plan with everything recorded under it.
public struct PlanFile: Sendable, Hashable, Codable {
    public var plan: IndividualPlan
    public var goals: [PlanGoal]
    public var services: [PlanService]
    /// By date.
    public var reviews: [PlanReview]
    public init(plan: IndividualPlan, goals: [PlanGoal] = [], services: [PlanService] = [], reviews: [PlanReview] = []) {
        self.plan = plan; self.goals = goals; self.services = services; self.reviews = reviews
    }
}

/// 送教上门: one visit of the responsible school's teachers.
public struct HomeTeachingVisit: Sendable, Hashable, Codable {
    public var id: String
    public var placementID: String
    public var date: CaseDate
    public var teacher: String
    public var minutes: Int
    public var content: String
    public init(id: String = CaseID.make(), placementID: String, date: CaseDate, teacher: String, minutes: Int, content: String) {
        self.id = id; self.placementID = placementID; self.date = date; self.teacher = teacher
        self.minutes = minutes; self.content = content
    }
}

/// 转衔: the child moves to the next stage and the file moves with them to the receiving school.
public struct StageHandOver: Sendable, Hashable, Codable {
    public var id: String
    public var date: CaseDate
    public var fromStage: Stage
    public var toStage: Stage
    public var fromSchoolID: String?
    public var toSchoolID: String
    /// What the receiving school needs to know.
    public var summary: String
    public init(id: String = CaseID.make(), date: CaseDate, fromStage: Stage, toStage: Stage, fromSchoolID: String?,
                toSchoolID: String, summary: String) {
        self.id = id; self.date = date; self.fromStage = fromStage; self.toStage = toStage
        self.fromSchoolID = fromSchoolID; self.toSchoolID = toSchoolID; self.summary = summary
    }
}

/// The whole file of one child, as stored.
public struct CaseFile: Sendable, Hashable, Codable {
    public var caseRecord: SpecialEducationCase
    public var child: CaseChild
    /// By date.
    public var assessments: [CaseAssessment]
    /// By start date.
    public var placements: [CasePlacement]
    /// By start date.
    public var plans: [PlanFile]
    /// By date.
    public var visits: [HomeTeachingVisit]
    /// By date.
    public var handOvers: [StageHandOver]
    /// Accounts of the child's school named on the file (school-admin accounts).
    public var staffUserIDs: [String]
    /// Guardians of the child (registry ids), who may read the file.
    public var guardianIDs: [String]

    public init(caseRecord: SpecialEducationCase, child: CaseChild, assessments: [CaseAssessment] = [], placements: [CasePlacement] = [],
                plans: [PlanFile] = [], visits: [HomeTeachingVisit] = [], handOvers: [StageHandOver] = [],
                staffUserIDs: [String] = [], guardianIDs: [String] = []) {
        self.caseRecord = caseRecord; self.child = child; self.assessments = assessments; self.placements = placements
        self.plans = plans; self.visits = visits; self.handOvers = handOvers; self.staffUserIDs = staffUserIDs
        self.guardianIDs = guardianIDs
    }

    public var id: String { caseRecord.id }

    public func currentPlacement(on date: CaseDate) -> CasePlacement? {
        placements.last { $0.isCurrent(on: date) }
    }

    /// The latest placement that has started by `date`, ended or not.
    public func latestPlacement(on date: CaseDate) -> CasePlacement? {
        placements.last { $0.startDate <= date }
    }

    /// "The child's school": the school of the current placement, otherwise the registry's.
    public func schoolID(on date: CaseDate) -> String? {
        currentPlacement(on: date)?.schoolID ?? child.schoolID
    }

    public func activePlan(on date: CaseDate) -> PlanFile? {
        plans.last { $0.plan.isActive(on: date) }
    }
}
