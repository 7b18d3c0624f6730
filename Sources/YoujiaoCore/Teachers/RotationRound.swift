import Foundation

// A district's 交流轮岗 for one school year, as the district runs it (docs/teachers.md, "A district's
// rotation round"): receiving schools enter needs, the district accepts or rejects each, the optimiser
// proposes who goes where, the district swaps individuals with a reason and approves; each approved
// assignment becomes a rotation term the district follows to the teacher's return.

public struct RotationRound: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Receiving schools enter needs; the district accepts or rejects each.
        case collecting
        /// The optimiser's plan is stored; the district may swap teachers, or plan again.
        case planned
        /// The plan became rotation terms; from now on only the terms move (arrived, returned).
        case approved
    }

    public var districtCode: String
    /// The school year the rotations start in (2027 = September 2027).
    public var year: Int
    public var status: Status

    public init(districtCode: String, year: Int, status: Status) {
        self.districtCode = districtCode; self.year = year; self.status = status
    }

    public var id: String { "\(districtCode)-\(year)" }
    /// Rotations start with the school year; eligibility is judged on that day.
    public var startDate: CaseDate { CaseDate(year: year, month: 9, day: 1) }

    /// The last day of a term of `kind` starting with this round.
    public func plannedEnd(for kind: TeacherRotation.Kind, rules: TeacherRules) -> CaseDate {
        CaseDate(year: year + rules.termYears(kind), month: 8, day: 31)
    }

    /// A round may be opened for this school year or one of the next two.
    public static func proposedYear(_ text: String, today: CaseDate) throws(CampaignProblem) -> Int {
        let current = today.month >= 9 ? today.year : today.year - 1
        let allowed = current...(current + 2)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 4, trimmed.allSatisfy({ ("0"..."9").contains($0) }), let year = Int(trimmed), allowed.contains(year) else {
            throw CampaignProblem("year", zh: "学年须为 \(allowed.lowerBound) 至 \(allowed.upperBound) 之间的年份。",
                                  en: "The school year must be from \(allowed.lowerBound) to \(allowed.upperBound).")
        }
        return year
    }
}

extension RotationTeacher {
    /// The stage a teacher counts in for rotation: the first compulsory stage of their school (a
    /// nine-year school's teachers count with its primary section; the registry does not record the section).
    public static func stage(teachingAt schoolStages: [Stage]) -> Stage {
        schoolStages.first { $0 == .primary || $0 == .junior } ?? schoolStages.first ?? .primary
    }
}

extension TeacherRotation.Kind {
    /// The term a need of this kind asks for.
    public init(_ need: RotationNeedKind) {
        switch need {
        case .group: self = .group
        case .newCity: self = .newCity
        case .rural: self = .rural
        case .weakSchool: self = .weakSchool
        }
    }
}

/// A need as a receiving school entered it, with the district's check; reads the need's fields
/// (`entry.subject`) through to them.
@dynamicMemberLookup
public struct RotationNeedEntry: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable { case pending, accepted, rejected }

    public var need: RotationNeed
    public var state: State
    /// Why the district rejected it (required then), or a note on acceptance.
    public var checkReason: String?

    public init(id: String, schoolID: String, subject: String, stage: Stage, count: Int, kind: RotationNeedKind, priority: Int,
                state: State = .pending, checkReason: String? = nil) {
        need = RotationNeed(id: id, schoolID: schoolID, subject: subject, stage: stage, count: count, kind: kind, priority: priority)
        self.state = state; self.checkReason = checkReason
    }

    public subscript<Value>(dynamicMember field: KeyPath<RotationNeed, Value>) -> Value { need[keyPath: field] }

    /// A school asks for at most 20 teachers of one subject and stage in one need.
    public static let counts = 1...20
    public static let priorities = 1...3

    /// A need typed into the school's form: a subject the district's teachers teach, a stage the
    /// school teaches, a whole count and priority in range, a known kind.
    public static func proposed(id: String, schoolID: String, form: [String: String], schoolStages: [Stage],
                                subjects: Set<String>) throws(CampaignProblem) -> RotationNeedEntry {
        let subject = (form["subject"] ?? "").trimmingCharacters(in: .whitespaces)
        guard subjects.contains(subject) else {
            throw CampaignProblem("subject", zh: "请选择本区教师任教的学科。", en: "Choose a subject the district's teachers teach.")
        }
        guard let stage = Stage(rawValue: form["stage"] ?? ""), schoolStages.contains(stage) else {
            throw CampaignProblem("stage", zh: "请选择本校的学段。", en: "Choose one of the school's stages.")
        }
        guard let count = smallNumber(form["count"]), counts.contains(count) else {
            throw CampaignProblem("count", zh: "人数须为 \(counts.lowerBound) 至 \(counts.upperBound) 之间的整数。",
                                  en: "The number must be a whole number from \(counts.lowerBound) to \(counts.upperBound).")
        }
        guard let kind = RotationNeedKind(rawValue: form["kind"] ?? "") else {
            throw CampaignProblem("kind", zh: "请选择交流类型。", en: "Choose the kind of rotation.")
        }
        guard let priority = smallNumber(form["priority"]), priorities.contains(priority) else {
            throw CampaignProblem("priority", zh: "优先级须为 1、2 或 3。", en: "The priority must be 1, 2 or 3.")
        }
        return RotationNeedEntry(id: id, schoolID: schoolID, subject: subject, stage: stage, count: count, kind: kind, priority: priority)
    }

    /// Digits only, at most 3 of them: a longer number is refused, never converted with a trap.
    static func smallNumber(_ text: String?) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), (1...3).contains(text.count),
              text.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(text)
    }

    /// A rejection must say why (the school reads it).
    public static func checkReason(accept: Bool, reason: String?) throws(CampaignProblem) -> String? {
        let text = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !accept && text.isEmpty {
            throw CampaignProblem("reason", zh: "退回需求时请写明理由。", en: "Say why the need is sent back.")
        }
        guard text.count <= 500 else { throw CampaignProblem("reason", zh: "理由最多 500 字。", en: "At most 500 characters.") }
        return text.isEmpty ? nil : text
    }
}

/// One teacher on one seat of the district's plan, as stored; `swapReason` is set when the district
/// put this teacher in place of the one the optimiser proposed.
public struct RotationRoundAssignment: Sendable, Hashable, Codable {
    public var teacherID: String
    public var needID: String
    public var fromSchoolID: String
    public var toSchoolID: String
    public var isKey: Bool
    public var commuteChangeMetres: Int
    public var swapReason: String?

    public init(teacherID: String, needID: String, fromSchoolID: String, toSchoolID: String, isKey: Bool, commuteChangeMetres: Int,
                swapReason: String? = nil) {
        self.teacherID = teacherID; self.needID = needID; self.fromSchoolID = fromSchoolID; self.toSchoolID = toSchoolID
        self.isKey = isKey; self.commuteChangeMetres = commuteChangeMetres; self.swapReason = swapReason
    }

    public init(_ assignment: RotationPlan.Assignment) {
        self.init(teacherID: assignment.teacherID, needID: assignment.needID, fromSchoolID: assignment.fromSchoolID,
                  toSchoolID: assignment.toSchoolID, isKey: assignment.isKey, commuteChangeMetres: assignment.commuteChangeMetres)
    }
}

/// The district's changes to a proposed plan and the figures of the plan as it stands.
public enum RotationRoundPlan {
    /// Who may take `current`'s seat: an eligible teacher of the need's subject and stage, from
    /// another school than the receiving one, not on the plan already. Nil: the swap is allowed.
    public static func swapProblem(replacing current: RotationRoundAssignment, with replacement: RotationTeacher?,
                                   need: RotationNeed, planned: Set<String>, reason: String) -> CampaignProblem? {
        guard let replacement else {
            return CampaignProblem("replacement", zh: "请选择一位符合交流条件的教师。", en: "Choose a teacher who is eligible for rotation.")
        }
        if replacement.id == current.teacherID || planned.contains(replacement.id) {
            return CampaignProblem("replacement", zh: "这位教师已在方案中。", en: "This teacher is on the plan already.")
        }
        if replacement.subject != need.subject || replacement.stage != need.stage {
            return CampaignProblem("replacement", zh: "这位教师的学科或学段与需求不符。", en: "This teacher's subject or stage does not match the need.")
        }
        if replacement.currentSchoolID == need.schoolID {
            return CampaignProblem("replacement", zh: "这位教师已在接收学校任教。", en: "This teacher already works at the receiving school.")
        }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return CampaignProblem("reason", zh: "调整人选时请写明理由。", en: "Say why the teacher is changed.") }
        if text.count > 500 { return CampaignProblem("reason", zh: "理由最多 500 字。", en: "At most 500 characters.") }
        return nil
    }

    /// The seat after a swap: the replacement's school, key standing and commute change.
    public static func swapped(_ current: RotationRoundAssignment, to replacement: RotationTeacher, receiving: RotationSchool,
                               home: RotationSchool, reason: String) -> RotationRoundAssignment {
        RotationRoundAssignment(teacherID: replacement.id, needID: current.needID, fromSchoolID: replacement.currentSchoolID,
                                toSchoolID: current.toSchoolID, isKey: replacement.isKey,
                                commuteChangeMetres: commuteChange(replacement, from: home, to: receiving),
                                swapReason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Metres from home to the new school minus metres from home to the current one, as the planner counts them.
    static func commuteChange(_ teacher: RotationTeacher, from current: RotationSchool, to receiving: RotationSchool) -> Int {
        func metres(_ school: RotationSchool) -> Int {
            Haversine.metres(latitude: teacher.homeLatitude, longitude: teacher.homeLongitude, toLatitude: school.latitude, longitude: school.longitude)
        }
        return metres(receiving) - metres(current)
    }

    /// The plan's figures as it stands, against the yearly targets.
    public struct Figures: Sendable, Hashable {
        public var eligible: Int
        public var rotated: Int
        public var keyRotated: Int
        public var quotaRequired: Int
        public var keyRequired: Int
        public var commuteChangeMetres: Int
        public var quotaMet: Bool { rotated >= quotaRequired }
        public var keyShareMet: Bool { keyRotated >= keyRequired }
    }

    public static func figures(_ assignments: [RotationRoundAssignment], eligible: Int, rules: RotationRules) -> Figures {
        let rotated = assignments.count
        return Figures(eligible: eligible, rotated: rotated, keyRotated: assignments.filter(\.isKey).count,
                       quotaRequired: RotationRules.required(rules.quotaPercent, of: eligible),
                       keyRequired: RotationRules.required(rules.keyPercent, of: rotated),
                       commuteChangeMetres: assignments.reduce(0) { $0 + $1.commuteChangeMetres })
    }
}

/// A term of the approved plan as the district follows it: approved → active (arrived) → returned,
/// or cancelled before it starts.
public enum RotationTermProgress {
    public enum Step: String, Sendable, Hashable, Codable, CaseIterable {
        /// The teacher arrived at the receiving school.
        case arrived
        /// The teacher went back to the home school.
        case returned
        /// The term will not happen (illness, leaving the service …); a reason is required.
        case cancelled
    }

    /// The status a step leads to from `status` on `day`, or why it cannot be taken.
    public static func next(from rotation: TeacherRotation, step: Step, on day: CaseDate, reason: String) throws(CampaignProblem) -> TeacherRotation.Status {
        switch (rotation.status, step) {
        case (.approved, .arrived):
            guard day >= rotation.start else {
                throw CampaignProblem("step", zh: "交流自 \(rotation.start) 开始，到岗须在此之后确认。",
                                      en: "The term starts on \(rotation.start); confirm the arrival from then on.")
            }
            return .active
        case (.active, .returned): return .returned
        case (.approved, .cancelled), (.planned, .cancelled):
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CampaignProblem("reason", zh: "取消交流时请写明理由。", en: "Say why the term is cancelled.")
            }
            return .cancelled
        default:
            throw CampaignProblem("step", zh: "这一交流的状态已经改变，请刷新页面。", en: "This term has changed already; reload the page.")
        }
    }

    /// Past its planned end and not back yet.
    public static func isOverdue(_ rotation: TeacherRotation, on day: CaseDate) -> Bool {
        rotation.status == .active && day > rotation.plannedEnd
    }
}

/// Supervision's rotation figures from a district's approved round: the eligible teachers of each
/// school counted when the plan was approved, the terms that left each school and were not cancelled.
public enum RotationRecordCounts {
    public struct Term: Sendable, Hashable {
        public var fromSchoolID: String
        public var isKey: Bool
        public init(fromSchoolID: String, isKey: Bool) { self.fromSchoolID = fromSchoolID; self.isKey = isKey }
    }

    public static func counts(eligibleBySchool: [String: Int], terms: [Term]) -> [String: RotationCounts] {
        var counts = eligibleBySchool.mapValues { RotationCounts(eligible: $0, rotated: 0, keyRotated: 0) }
        for term in terms {
            counts[term.fromSchoolID, default: RotationCounts(eligible: 0, rotated: 0, keyRotated: 0)].rotated += 1
            if term.isKey { counts[term.fromSchoolID]!.keyRotated += 1 }
        }
        return counts
    }
}

/// Who may do what in a district's rotation round.
public enum RotationRoundAccess {
    /// Open, check needs, plan, swap, approve and follow terms: the district's staff and the city's.
    public static func canManage(_ scope: AccessScope, districtCode: String) -> Bool { scope.canSeeDistrict(districtCode) }

    /// A school of the district sees its own part (its needs and the terms that concern it).
    public static func canSee(_ scope: AccessScope, districtCode: String, schoolDistrict: String?) -> Bool {
        canManage(scope, districtCode: districtCode) || (scope.role == .schoolAdmin && schoolDistrict == districtCode)
    }

    /// A receiving school enters its own needs while the round collects them.
    public static func canEnterNeeds(_ scope: AccessScope, round: RotationRound, schoolDistrict: String?) -> Bool {
        scope.role == .schoolAdmin && schoolDistrict == round.districtCode && round.status == .collecting
    }
}
