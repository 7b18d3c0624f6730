import Foundation

/// A registry pupil as the matcher sees them.
public struct AidPupil: Sendable, Hashable {
    /// The registry's opaque row key.
    public var studentID: String
    public var name: String
    /// nil: the child has left school (no current school in the registry).
    public var schoolID: String?
    /// The stage of the current grade; `.special` at a special-education school.
    public var stage: Stage?
    /// The school's district, or for a child without a school the district of their residence zone.
    public var districtCode: String?

    public init(studentID: String, name: String, schoolID: String?, stage: Stage?, districtCode: String?) {
        self.studentID = studentID; self.name = name; self.schoolID = schoolID; self.stage = stage
        self.districtCode = districtCode
    }

    /// The stage a pupil's aid is paid for: their grade's, or special education at a special school.
    public static func stage(grade: Grade?, schoolStages: [Stage]) -> Stage? {
        guard let grade else { return nil }
        return schoolStages == [.special] ? .special : grade.stage
    }
}

/// A stored list entry and the registry pupil with its ID number (nil: none).
public struct AidCandidate: Sendable {
    public var entryID: String
    public var entry: EligibilityEntry
    public var pupil: AidPupil?
    public init(entryID: String, entry: EligibilityEntry, pupil: AidPupil?) {
        self.entryID = entryID; self.entry = entry; self.pupil = pupil
    }
}

/// Why an entry needs a person's decision instead of a grant. Never dropped, never granted silently.
public enum AidReviewReason: String, Sendable, Codable, CaseIterable {
    /// The number fails GB 11643.
    case invalidID
    /// A valid number of someone too old to be a pupil: the agency listed a parent's number (detail: the age).
    case adultID
    /// A valid child's number that no pupil in the registry has.
    case notInRegistry
    /// The registry's pupil with this number has another name.
    case nameMismatch
    /// The pupil is in the registry but has no current school.
    case leftSchool
    /// No policy covers the pupil's stage for this list, and no other list gave them aid this year.
    case noPolicy

    public var labelZH: String {
        switch self {
        case .invalidID: return "身份证件号无效"
        case .adultID: return "证件号不是学生的（家长的？）"
        case .notInRegistry: return "学籍库中无此学生"
        case .nameMismatch: return "姓名与学籍不符"
        case .leftSchool: return "已离校（无在读学校）"
        case .noPolicy: return "无适用资助政策"
        }
    }

    public var labelEN: String {
        switch self {
        case .invalidID: return "invalid ID number"
        case .adultID: return "not a pupil's ID number (a parent's?)"
        case .notInRegistry: return "not in the registry"
        case .nameMismatch: return "name differs from the registry"
        case .leftSchool: return "left school (no current school)"
        case .noPolicy: return "no policy applies"
        }
    }
}

/// One grant: a pupil receives a policy's yearly amount; `entryID` is the list entry that produced it.
public struct AidGrant: Sendable, Hashable {
    public var studentID: String
    public var policyID: String
    public var year: Int
    public var entryID: String
    public var list: EligibilityList
    public var stage: Stage
    public var yuan: Int
    public var schoolID: String
    public var districtCode: String
}

/// An entry for a person to decide on, with the reason and what was found.
public struct AidReview: Sendable, Hashable {
    public var entryID: String
    public var year: Int
    public var reason: AidReviewReason
    /// What the reviewer needs to see, e.g. both names; no ID number.
    public var detail: String
    public var studentID: String?
    public var schoolID: String?
    public var districtCode: String?
}

/// What happened to each entry of a match run.
public struct AidMatchTally: Sendable, Equatable {
    /// Entries that produced at least one new grant.
    public var granted = 0
    /// Entries whose grants exist already (an earlier run, or declined).
    public var alreadyGranted = 0
    /// Entries for a stage no policy of their list covers, whose pupil has aid from another list.
    public var coveredByOtherList = 0
    /// Entries whose validity does not reach into the school year.
    public var notValidThisYear = 0
    /// Entries in the review queue (new or already there), by reason.
    public var review: [AidReviewReason: Int] = [:]
    public var reviewTotal: Int { review.values.reduce(0, +) }
    public var entries: Int { granted + alreadyGranted + coveredByOtherList + notValidThisYear + reviewTotal }
}

public struct AidMatchResult: Sendable {
    /// Grants to create (none of them exists yet).
    public var grants: [AidGrant]
    /// Review items to create (entries not yet in the queue for the year).
    public var reviews: [AidReview]
    /// Entries that pass now: an open review item of theirs for the year can be closed.
    public var passedEntryIDs: [String]
    public var tally: AidMatchTally
}

/// Grants for school year `year` from the current list entries (免申即享): pure, so a rerun with
/// the grants and queue items it made gives nothing new.
public enum AidMatcher {
    /// A pupil × policy pair, granted at most once a year (the schema's unique key too).
    public struct GrantKey: Hashable, Sendable {
        public var studentID: String
        public var policyID: String
        public init(studentID: String, policyID: String) { self.studentID = studentID; self.policyID = policyID }
    }

    /// Pupils are between these ages on 1 September; a number outside them is not a pupil's.
    static let pupilAges = 2...22

    /// - Parameters:
    ///   - existingGrants: grants of `year` already stored (declined ones too: never remade).
    ///   - queuedEntryIDs: entries that already have a review item for `year`, whatever its status.
    public static func match(_ candidates: [AidCandidate], policies: [AidPolicy], year: Int,
                             existingGrants: Set<GrantKey>, queuedEntryIDs: Set<String>) -> AidMatchResult {
        let policies = policies.filter { $0.applies(inYear: year) }.sorted { $0.id < $1.id }
        // A pupil on several lists is granted each policy once, from the first entry in list order.
        let ordered = candidates.sorted {
            ($0.entry.list, $0.entry.nationalID, $0.entryID) < ($1.entry.list, $1.entry.nationalID, $1.entryID)
        }
        var granted = existingGrants
        var pupilsWithAid = Set(existingGrants.map(\.studentID))
        var result = AidMatchResult(grants: [], reviews: [], passedEntryIDs: [], tally: AidMatchTally())
        var withoutPolicy: [(AidCandidate, AidPupil, Stage)] = []

        func queue(_ candidate: AidCandidate, _ reason: AidReviewReason, _ detail: String) {
            result.tally.review[reason, default: 0] += 1
            guard !queuedEntryIDs.contains(candidate.entryID) else { return }
            let pupil = candidate.pupil
            result.reviews.append(AidReview(entryID: candidate.entryID, year: year, reason: reason, detail: detail,
                                            studentID: pupil?.studentID, schoolID: pupil?.schoolID, districtCode: pupil?.districtCode))
        }

        for candidate in ordered {
            guard candidate.entry.covers(schoolYear: year) else { result.tally.notValidThisYear += 1; continue }
            let placed: (pupil: AidPupil, stage: Stage)
            switch check(candidate, year: year, checkName: true) {
            case .failure(let problem): queue(candidate, problem.reason, problem.detail); continue
            case .success(let found): placed = found
            }
            let grants = newGrants(pupil: placed.pupil, stage: placed.stage, entryID: candidate.entryID, list: candidate.entry.list,
                                   policies: policies, year: year, granted: &granted)
            guard let grants else { withoutPolicy.append((candidate, placed.pupil, placed.stage)); continue }
            result.passedEntryIDs.append(candidate.entryID)
            pupilsWithAid.insert(placed.pupil.studentID)
            result.grants += grants
            if grants.isEmpty { result.tally.alreadyGranted += 1 } else { result.tally.granted += 1 }
        }
        for (candidate, pupil, stage) in withoutPolicy {
            if pupilsWithAid.contains(pupil.studentID) {
                result.tally.coveredByOtherList += 1
                result.passedEntryIDs.append(candidate.entryID)
            } else {
                queue(candidate, .noPolicy, "\(candidate.entry.list.rawValue) × \(stage.rawValue)")
            }
        }
        return result
    }

    /// The grants of one entry that a reviewer has confirmed (the child is the registry's pupil
    /// although the names differ). Every other check still applies.
    public static func confirm(_ candidate: AidCandidate, policies: [AidPolicy], year: Int,
                               existingGrants: Set<GrantKey>) throws(AidProblem) -> [AidGrant] {
        guard candidate.entry.covers(schoolYear: year) else {
            throw AidProblem(reason: .noPolicy, detail: "the entry is not valid in school year \(year)")
        }
        let placed = try check(candidate, year: year, checkName: false).get()
        var granted = existingGrants
        guard let grants = newGrants(pupil: placed.pupil, stage: placed.stage, entryID: candidate.entryID, list: candidate.entry.list,
                                     policies: policies.filter { $0.applies(inYear: year) }, year: year, granted: &granted) else {
            throw AidProblem(reason: .noPolicy, detail: "\(candidate.entry.list.rawValue) × \(placed.stage.rawValue)")
        }
        return grants
    }

    /// An entry listed under a guardian's number — the usual case for a 低保 household, whose
    /// certificate names the parent — granted to the guardian's child at school whom the reviewer
    /// names. Whether the child is that guardian's is the store's to check (the registry's links).
    public static func confirm(_ candidate: AidCandidate, forChild child: AidPupil, policies: [AidPolicy], year: Int,
                               existingGrants: Set<GrantKey>) throws(AidProblem) -> [AidGrant] {
        guard candidate.pupil == nil, case .failure(let problem) = check(candidate, year: year, checkName: false), problem.reason == .adultID else {
            throw AidProblem(reason: .notInRegistry, detail: "the entry is not listed under an adult's number")
        }
        guard candidate.entry.covers(schoolYear: year) else {
            throw AidProblem(reason: .noPolicy, detail: "the entry is not valid in school year \(year)")
        }
        guard child.schoolID != nil, let stage = child.stage else { throw AidProblem(reason: .leftSchool, detail: "") }
        var granted = existingGrants
        guard let grants = newGrants(pupil: child, stage: stage, entryID: candidate.entryID, list: candidate.entry.list,
                                     policies: policies.filter { $0.applies(inYear: year) }, year: year, granted: &granted) else {
            throw AidProblem(reason: .noPolicy, detail: "\(candidate.entry.list.rawValue) × \(stage.rawValue)")
        }
        return grants
    }

    public struct AidProblem: Error, Sendable, Equatable {
        public var reason: AidReviewReason
        public var detail: String
    }

    /// The pupil at school the entry names, or why there is none.
    static func check(_ candidate: AidCandidate, year: Int, checkName: Bool) -> Result<(pupil: AidPupil, stage: Stage), AidProblem> {
        let id: NationalID
        do { id = try NationalID(candidate.entry.nationalID) } catch {
            return .failure(AidProblem(reason: .invalidID, detail: error.description))
        }
        guard let pupil = candidate.pupil else {
            let age = year - Int(id.birthDate.prefix(4))!
            if !pupilAges.contains(age) {
                // The age, not the birth date: the queue shows ID numbers masked, birth digits included.
                return .failure(AidProblem(reason: .adultID, detail: String(age)))
            }
            return .failure(AidProblem(reason: .notInRegistry, detail: ""))
        }
        if checkName, normalisedName(candidate.entry.name) != normalisedName(pupil.name) {
            return .failure(AidProblem(reason: .nameMismatch, detail: "\(candidate.entry.name) ≠ \(pupil.name)"))
        }
        guard pupil.schoolID != nil, let stage = pupil.stage else {
            return .failure(AidProblem(reason: .leftSchool, detail: ""))
        }
        return .success((pupil, stage))
    }

    /// The grants of every policy covering the pupil, skipping pairs already in `granted`;
    /// nil when no policy covers the list and stage at all.
    static func newGrants(pupil: AidPupil, stage: Stage, entryID: String, list: EligibilityList, policies: [AidPolicy],
                          year: Int, granted: inout Set<GrantKey>) -> [AidGrant]? {
        var covered = false
        var grants: [AidGrant] = []
        for policy in policies {
            guard let yuan = policy.amount(list: list, stage: stage, year: year),
                  let schoolID = pupil.schoolID, let districtCode = pupil.districtCode else { continue }
            covered = true
            guard granted.insert(GrantKey(studentID: pupil.studentID, policyID: policy.id)).inserted else { continue }
            grants.append(AidGrant(studentID: pupil.studentID, policyID: policy.id, year: year, entryID: entryID, list: list,
                                   stage: stage, yuan: yuan, schoolID: schoolID, districtCode: districtCode))
        }
        return covered ? grants : nil
    }

    /// Names compared without spaces (also the ideographic one) and with one kind of middle dot,
    /// the differences agencies' systems introduce; anything else is for a person to judge.
    public static func normalisedName(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{3000}", "\u{00A0}": continue
            case "\u{2022}", "\u{30FB}", "\u{2027}", "\u{FF65}", "\u{00B7}", ".": out.unicodeScalars.append("\u{00B7}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
