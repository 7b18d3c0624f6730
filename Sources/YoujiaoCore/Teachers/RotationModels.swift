import Foundation

// 交流轮岗: the inputs, the rules and the plan of the rotation optimiser (docs/teachers.md,
// "Rotation planning"). `RotationPlanner` turns the first two into the third.

/// An eligible teacher (six or more consecutive years at the current school; the caller decides).
public struct RotationTeacher: Sendable, Hashable, Codable {
    public var id: String
    public var currentSchoolID: String
    public var subject: String
    public var stage: Stage
    /// 骨干教师 (district level or above).
    public var isKey: Bool
    public var homeLatitude: Double
    public var homeLongitude: Double

    public init(id: String, currentSchoolID: String, subject: String, stage: Stage, isKey: Bool,
                homeLatitude: Double, homeLongitude: Double) {
        self.id = id; self.currentSchoolID = currentSchoolID; self.subject = subject; self.stage = stage
        self.isKey = isKey; self.homeLatitude = homeLatitude; self.homeLongitude = homeLongitude
    }
}

public struct RotationSchool: Sendable, Hashable, Codable {
    public var id: String
    public var latitude: Double
    public var longitude: Double
    public var districtCode: String

    public init(id: String, latitude: Double, longitude: Double, districtCode: String) {
        self.id = id; self.latitude = latitude; self.longitude = longitude; self.districtCode = districtCode
    }
}

/// What a receiving school asks for.
public enum RotationNeedKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 集团 / 学区内: within the school's education group or school district.
    case group
    /// 五个新城: one of the five new towns.
    case newCity
    /// 乡村: a rural school.
    case rural
    /// 薄弱校: a weaker school.
    case weakSchool
}

/// `count` seats for teachers of one subject and stage at one school; priority 1 is the most urgent.
public struct RotationNeed: Sendable, Hashable, Codable {
    public var id: String
    public var schoolID: String
    public var subject: String
    public var stage: Stage
    public var count: Int
    public var kind: RotationNeedKind
    public var priority: Int

    public init(id: String, schoolID: String, subject: String, stage: Stage, count: Int, kind: RotationNeedKind, priority: Int) {
        self.id = id; self.schoolID = schoolID; self.subject = subject; self.stage = stage
        self.count = count; self.kind = kind; self.priority = priority
    }
}

public struct RotationInput: Sendable, Hashable, Codable {
    public var teachers: [RotationTeacher]
    public var schools: [RotationSchool]
    public var needs: [RotationNeed]

    public init(teachers: [RotationTeacher], schools: [RotationSchool], needs: [RotationNeed]) {
        self.teachers = teachers; self.schools = schools; self.needs = needs
    }
}

/// The yearly targets. Whole percentages, so that "at least 10%" is exact integer arithmetic:
/// required = ⌈percent × base / 100⌉.
public struct RotationRules: Sendable, Hashable, Codable {
    /// Teachers rotated, as a share of the eligible.
    public var quotaPercent: Int
    /// Key teachers, as a share of the rotated.
    public var keyPercent: Int
    /// Needs on which key teachers are preferred.
    public var keyPreferredKinds: Set<RotationNeedKind>

    public init(quotaPercent: Int = 10, keyPercent: Int = 20, keyPreferredKinds: Set<RotationNeedKind> = [.weakSchool, .newCity]) {
        self.quotaPercent = quotaPercent; self.keyPercent = keyPercent; self.keyPreferredKinds = keyPreferredKinds
    }

    /// The national rule: at least 10% of the eligible a year, key teachers at least 20% of them.
    public static let national = RotationRules()

    /// ⌈percent × base / 100⌉ for percent in 0…100 and a validated base (no overflow).
    static func required(_ percent: Int, of base: Int) -> Int { (percent * base + 99) / 100 }
}

public struct RotationPlan: Sendable, Hashable, Codable {
    /// One teacher to one seat of one need.
    public struct Assignment: Sendable, Hashable, Codable {
        public var teacherID: String
        public var needID: String
        public var fromSchoolID: String
        public var toSchoolID: String
        public var isKey: Bool
        /// A key teacher on a need of a key-preferred kind.
        public var onKeyPreferredNeed: Bool
        /// Metres from home to the new school minus metres from home to the current one.
        public var commuteChangeMetres: Int
    }

    public enum UnfilledReason: String, Sendable, Hashable, Codable {
        /// No eligible teacher of the need's subject and stage outside the receiving school.
        case noCompatibleTeacher
        /// Every compatible teacher is placed on another need (which the objective ranked first).
        case compatibleTeachersPlacedElsewhere
    }

    public struct NeedResult: Sendable, Hashable, Codable {
        public var needID: String
        public var schoolID: String
        public var subject: String
        public var stage: Stage
        public var kind: RotationNeedKind
        public var priority: Int
        public var count: Int
        public var filled: Int
        /// Eligible teachers of the subject and stage from other schools.
        public var compatibleTeachers: Int
        /// In id order.
        public var teacherIDs: [String]
        /// Nil when the need is filled.
        public var unfilledReason: UnfilledReason?
        public var unfilled: Int { count - filled }
    }

    public struct Totals: Sendable, Hashable, Codable {
        public var eligible: Int
        public var eligibleKey: Int
        /// The sum of the needs' counts.
        public var seatsOffered: Int
        public var rotated: Int
        /// Seats filled on needs of priority 1, 2 and 3.
        public var rotatedByPriority: [Int]
        public var keyRotated: Int
        public var keyOnKeyPreferredNeeds: Int
        /// ⌈quota% × eligible⌉.
        public var quotaRequired: Int
        /// ⌈key% × rotated⌉.
        public var keyRequired: Int
        /// Σ commute change of the rotated teachers, in metres.
        public var commuteChangeMetres: Int
    }

    /// Why a yearly target is missed.
    public enum Binding: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The needs offer fewer seats than the quota.
        case seatsOffered(offered: Int, required: Int)
        case noCompatibleTeacher(needID: String, subject: String, stage: Stage)
        case compatibleTeachersPlacedElsewhere(needID: String, compatible: Int, unfilled: Int)
        /// Fewer eligible key teachers than the key share needs.
        case eligibleKeyTeachers(eligible: Int, required: Int)
        /// Enough eligible key teachers, but only `placeable` of them fit a need (subject, stage, not their own school).
        case placeableKeyTeachers(placeable: Int, eligible: Int, required: Int)

        public var description: String {
            switch self {
            case let .seatsOffered(offered, required): return "needs: only \(offered) seats for \(required) required"
            case let .noCompatibleTeacher(need, subject, stage): return "no compatible teacher for need \(need) (\(subject)/\(stage.rawValue))"
            case let .compatibleTeachersPlacedElsewhere(need, compatible, unfilled):
                return "need \(need): \(unfilled) seats unfilled, its \(compatible) compatible teachers are all placed on other needs"
            case let .eligibleKeyTeachers(eligible, required): return "key teachers: \(eligible) eligible key teachers, \(required) needed"
            case let .placeableKeyTeachers(placeable, eligible, required):
                return "key teachers: \(eligible) eligible, but only \(placeable) fit a need, \(required) needed"
            }
        }
    }

    public enum Target: String, Sendable, Hashable, Codable {
        /// ≥ quota% of the eligible rotated.
        case quota
        /// ≥ key% of the rotated are key teachers.
        case keyShare
    }

    public struct Shortfall: Sendable, Hashable, Codable, CustomStringConvertible {
        public var target: Target
        public var required: Int
        public var achieved: Int
        public var missing: Int { required - achieved }
        /// The constraints that bind, most general first.
        public var binding: [Binding]
        public init(target: Target, required: Int, achieved: Int, binding: [Binding]) {
            self.target = target; self.required = required; self.achieved = achieved; self.binding = binding
        }
        public var description: String {
            "\(target.rawValue): \(achieved) of \(required) (\(missing) short): " + binding.map(\.description).joined(separator: "; ")
        }
    }

    /// In need id order, then teacher id order.
    public var assignments: [Assignment]
    /// In need id order.
    public var needs: [NeedResult]
    public var totals: Totals
    /// Empty when both targets are met.
    public var shortfalls: [Shortfall]

    public var quotaMet: Bool { !shortfalls.contains { $0.target == .quota } }
    public var keyShareMet: Bool { !shortfalls.contains { $0.target == .keyShare } }
}
