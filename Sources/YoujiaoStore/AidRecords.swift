import Foundation
import YoujiaoCore

// Aid rows as stored (migrations 008 and 009); column names are the snake_case of the properties.

/// Timestamps of aid records: ISO 8601 with fractional seconds, like the audit trail.
enum AidClock {
    static func stamp(_ date: Date = Date()) -> String {
        Timestamp.string(date)
    }
    static func newID() -> String { UUID().uuidString.lowercased() }
}

struct AidPolicyRecord: Codable, Sendable {
    var id: String
    var name: String
    var nameEn: String
    var lists: String
    var firstYear: Int
    var lastYear: Int?
    init(_ policy: AidPolicy) {
        id = policy.id; name = policy.name; nameEn = policy.nameEN
        lists = policy.lists.map(\.rawValue).joined(separator: ";"); firstYear = policy.firstYear; lastYear = policy.lastYear
    }
}

struct AidPolicyAmountRecord: Codable, Sendable {
    var policyId: String
    var stage: String
    var yuan: Int
}

struct EligibilityEntryRecord: Codable, Sendable {
    var id: String
    var list: String
    @Sealed var nationalId: String
    var nationalIdIndex: String
    var name: String
    var validFrom: String
    var validTo: String?
    var sourceFile: String
    var sourceRow: Int
    var importedAt: String
    var updatedAt: String
    var removedAt: String?

    init(_ entry: EligibilityEntry, sourceFile: String, at: String) throws {
        id = AidClock.newID(); list = entry.list.rawValue; nationalId = entry.nationalID
        nationalIdIndex = try FieldProtection.blindIndex(entry.nationalID); name = entry.name
        validFrom = entry.validFrom; validTo = entry.validTo; self.sourceFile = sourceFile; sourceRow = entry.sourceRow
        importedAt = at; updatedAt = at; removedAt = nil
    }

    var entry: EligibilityEntry? {
        EligibilityList(rawValue: list).map {
            EligibilityEntry(nationalID: nationalId, name: name, list: $0, validFrom: validFrom, validTo: validTo, sourceRow: sourceRow)
        }
    }
}

/// A grant as stored.
public struct AidGrantRecord: Codable, Sendable {
    public var id: String
    public var studentId: String
    public var policyId: String
    public var year: Int
    public var entryId: String
    public var list: String
    public var stage: String
    public var yuan: Int
    public var schoolId: String
    public var districtCode: String
    public var createdAt: String
    public var declined: Bool
    public var declinedAt: String?
    public var declinedBy: String?

    init(_ grant: AidGrant, at: String) {
        id = AidClock.newID(); studentId = grant.studentID; policyId = grant.policyID; year = grant.year
        entryId = grant.entryID; list = grant.list.rawValue; stage = grant.stage.rawValue; yuan = grant.yuan
        schoolId = grant.schoolID; districtCode = grant.districtCode; createdAt = at
        declined = false; declinedAt = nil; declinedBy = nil
    }
}

/// The states of a review item: open until a person (or a later match) closes it.
public enum AidReviewStatus: String, Sendable, Codable, CaseIterable {
    case open
    /// A reviewer confirmed the child and the grants were made.
    case granted
    /// A reviewer decided no aid is due.
    case dismissed
    /// A later match found the problem gone (the registry or the list was corrected).
    case cleared
    /// The agency took the entry off its list.
    case withdrawn
}

struct AidReviewRecord: Codable, Sendable {
    var id: String
    var entryId: String
    var year: Int
    var reason: String
    var detail: String
    var studentId: String?
    var schoolId: String?
    var districtCode: String?
    var status: String
    var note: String
    var resolvedBy: String?
    var resolvedAt: String?
    var createdAt: String

    init(_ review: AidReview, at: String) {
        id = AidClock.newID(); entryId = review.entryID; year = review.year; reason = review.reason.rawValue
        detail = review.detail; studentId = review.studentID; schoolId = review.schoolID; districtCode = review.districtCode
        status = AidReviewStatus.open.rawValue; note = ""; resolvedBy = nil; resolvedAt = nil; createdAt = at
    }
}

/// What happened, for the record: imports, removals from a list, match runs, decisions, declines.
public struct AidEventRecord: Codable, Sendable, Hashable {
    public var id: String
    public var at: String
    public var kind: String
    public var actor: String
    public var year: Int?
    public var list: String?
    public var entryId: String?
    public var studentId: String?
    public var detail: String

    init(kind: String, actor: String, year: Int? = nil, list: String? = nil, entryId: String? = nil, studentId: String? = nil,
         detail: String, at: String) {
        id = AidClock.newID(); self.at = at; self.kind = kind; self.actor = actor; self.year = year; self.list = list
        self.entryId = entryId; self.studentId = studentId; self.detail = detail
    }
}

/// A review item with what a reviewer needs to decide: the list's data, the registry's, the school.
public struct AidReviewRow: Codable, Sendable, Hashable {
    public var id: String
    public var entryId: String
    public var year: Int
    public var reason: String
    public var detail: String
    public var status: String
    public var note: String
    public var resolvedBy: String?
    public var resolvedAt: String?
    public var list: String
    public var entryName: String
    @Sealed public var nationalId: String
    public var studentId: String?
    public var studentName: String?
    public var schoolId: String?
    public var schoolName: String?
    public var districtCode: String?

    public var reasonValue: AidReviewReason? { AidReviewReason(rawValue: reason) }
    public var statusValue: AidReviewStatus? { AidReviewStatus(rawValue: status) }
    public var listValue: EligibilityList? { EligibilityList(rawValue: list) }
    public var maskedNationalId: String { NationalID.mask(nationalId) }
}

/// A grant as its family sees it.
public struct AidNotice: Codable, Sendable, Hashable {
    public var grantId: String
    public var studentId: String
    public var studentName: String
    public var year: Int
    public var policyId: String
    public var policyName: String
    public var policyNameEn: String
    public var yuan: Int
    public var declined: Bool
    public var declinedAt: String?
}
