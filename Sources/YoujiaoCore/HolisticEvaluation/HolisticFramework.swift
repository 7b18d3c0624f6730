import Foundation

/// 综合素质评价: the five dimensions, the kinds of record each holds, and the workflow's settings,
/// as data a city replaces (`HolisticFramework.shanghai` is the default).
public enum GrowthDimension: String, Sendable, Hashable, Codable, CaseIterable {
    /// 品德发展
    case moral
    /// 学业水平
    case academic
    /// 身心健康
    case health
    /// 艺术素养
    case arts
    /// 社会实践
    case practice
}

public enum GrowthRecordKind: String, Sendable, Hashable, Codable, CaseIterable {
    case communityService = "community-service"
    case socialPractice = "social-practice"
    case researchProject = "research-project"
    case award
    case artsAchievement = "arts"
    case sportsAchievement = "sports"
    /// 体质健康测试 summary: the grade is the record's level.
    case healthTest = "health-test"
    case teacherComment = "teacher-comment"

    /// Activities are counted in hours.
    public var hasHours: Bool { self == .communityService || self == .socialPractice || self == .researchProject }
    /// Awards carry the level that gave them.
    public var hasAwardLevel: Bool { self == .award }
    public var hasHealthGrade: Bool { self == .healthTest }
    /// Written by a teacher only (a comment, a test result), never on a family's word.
    public var isTeacherOnly: Bool { self == .teacherComment || self == .healthTest }
}

public enum AwardLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case school, district, city, national
    public static func < (a: AwardLevel, b: AwardLevel) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// 《国家学生体质健康标准》 grades.
public enum HealthGrade: String, Sendable, Hashable, Codable, CaseIterable { case excellent, good, pass, fail }

public struct HolisticFramework: Sendable, Hashable {
    public var kinds: [GrowthDimension: [GrowthRecordKind]]
    /// Representative records chosen per pupil and dimension (遴选).
    public var selectionLimit: Int
    /// School days (Monday–Friday) a class's selection is on display (公示) for objections.
    public var displaySchoolDays: Int
    /// Stages that select and display; the others (primary: the lighter variant) keep written records only.
    public var displayedStages: Set<Stage>

    public init(kinds: [GrowthDimension: [GrowthRecordKind]], selectionLimit: Int, displaySchoolDays: Int, displayedStages: Set<Stage>) {
        self.kinds = kinds; self.selectionLimit = selectionLimit; self.displaySchoolDays = displaySchoolDays; self.displayedStages = displayedStages
    }

    public static let shanghai = HolisticFramework(
        kinds: [.moral: [.communityService, .award, .teacherComment],
                .academic: [.researchProject, .award, .teacherComment],
                .health: [.healthTest, .sportsAchievement, .teacherComment],
                .arts: [.artsAchievement, .award, .teacherComment],
                .practice: [.socialPractice, .communityService, .teacherComment]],
        selectionLimit: 3, displaySchoolDays: 5, displayedStages: [.junior, .senior])

    public func allows(_ kind: GrowthRecordKind, in dimension: GrowthDimension) -> Bool { kinds[dimension]?.contains(kind) ?? false }

    public func isDisplayed(_ stage: Stage) -> Bool { displayedStages.contains(stage) }

    /// The last day of a display opened on `start`: `displaySchoolDays` weekdays counting `start`
    /// when it is one (the city's holiday calendar is not modelled).
    public func displayEnd(openedOn start: CaseDate) -> CaseDate {
        var day = start, counted = 0
        while true {
            if !day.isWeekend { counted += 1 }
            if counted >= max(1, displaySchoolDays) { return day }
            day = day.adding(days: 1)
        }
    }
}

extension CaseDate {
    /// Saturday or Sunday (1970-01-01 was a Thursday).
    public var isWeekend: Bool {
        let weekday = ((dayNumber % 7) + 7 + 3) % 7   // 0 = Monday
        return weekday >= 5
    }
}
