import Foundation

/// A parent's complaint about a kindergarten's fee, filed without signing in. The parent keeps the
/// reference number and looks up the status and the district's published reply with it; the
/// contact details (optional) are personal data only the district's staff and the city read.
public struct FeeComplaint: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Filed, not looked at yet (待处理).
        case received
        /// 受理: the district takes it up.
        case accepted
        /// 查实: the charge broke the rules.
        case substantiated
        /// 不属实: closed, nothing wrong found.
        case unfounded
        /// 已整改: the kindergarten corrected it; closed.
        case rectified

        public var isClosed: Bool { self == .unfounded || self == .rectified }
    }

    public var reference: String
    public var schoolID: String
    public var districtCode: String
    public var category: KindergartenFeeCategory
    public var itemName: String
    public var amount: FeeAmount?
    public var description: String
    /// Phone or e-mail the parent chose to leave; nil when none.
    public var contact: String?
    public var status: Status
    public var filedAt: Date

    public init(reference: String, schoolID: String, districtCode: String, category: KindergartenFeeCategory, itemName: String,
                amount: FeeAmount?, description: String, contact: String?, status: Status = .received, filedAt: Date) {
        self.reference = reference; self.schoolID = schoolID; self.districtCode = districtCode; self.category = category
        self.itemName = itemName; self.amount = amount; self.description = description; self.contact = contact
        self.status = status; self.filedAt = filedAt
    }
}

/// One decision of the district on a complaint: who, when, what, with the note kept inside and
/// the reply the parent reads.
public struct FeeComplaintDecision: Sendable, Hashable, Codable {
    public var reference: String
    public var step: FeeComplaint.Status
    public var note: String
    public var reply: String?
    public var actorName: String
    public var decidedAt: Date

    public init(reference: String, step: FeeComplaint.Status, note: String, reply: String?, actorName: String, decidedAt: Date) {
        self.reference = reference; self.step = step; self.note = note; self.reply = reply; self.actorName = actorName; self.decidedAt = decidedAt
    }
}

public enum FeeComplaintRules {
    public static let descriptionLength = 10...2000
    public static let itemNameLength = 1...30
    public static let contactLength = 0...100
    public static let noteLength = 1...1000
    public static let replyLength = 0...1000
    /// Complaints one address may file in an hour.
    public static let perAddressPerHour = 5

    /// The parent's form, checked field by field; the kindergarten must be one the public list shows.
    public static func proposed(form: [String: String], kindergarten: FeeKindergarten?, reference: String, now: Date) throws(CampaignProblem) -> FeeComplaint {
        guard let kindergarten else {
            throw CampaignProblem("school", zh: "请选择幼儿园。", en: "Choose the kindergarten.")
        }
        guard let category = KindergartenFeeCategory(rawValue: form["category"] ?? "") else {
            throw CampaignProblem("category", zh: "请选择收费类别。", en: "Choose the kind of fee.")
        }
        let itemName = (form["item"] ?? "").trimmingCharacters(in: .whitespaces)
        guard itemNameLength.contains(itemName.count) else {
            throw CampaignProblem("item", zh: "收费项目须为 1 至 30 个字。", en: "The fee's name must be 1 to 30 characters.")
        }
        let amountText = (form["amount"] ?? "").trimmingCharacters(in: .whitespaces)
        var amount: FeeAmount?
        if !amountText.isEmpty {
            guard let parsed = FeeAmount(yuan: amountText) else {
                throw CampaignProblem("amount", zh: "金额须为 0 至 100000 元之间的数，最多两位小数。",
                                      en: "The amount must be a number of yuan from 0 to 100,000 with at most two decimals.")
            }
            amount = parsed
        }
        let description = (form["description"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard descriptionLength.contains(description.count) else {
            throw CampaignProblem("description", zh: "情况说明须为 10 至 2000 字。", en: "The description must be 10 to 2,000 characters.")
        }
        let contact = (form["contact"] ?? "").trimmingCharacters(in: .whitespaces)
        guard contactLength.contains(contact.count) else {
            throw CampaignProblem("contact", zh: "联系方式最多 100 字。", en: "At most 100 characters.")
        }
        return FeeComplaint(reference: reference, schoolID: kindergarten.schoolID, districtCode: kindergarten.districtCode, category: category,
                            itemName: itemName, amount: amount, description: description, contact: contact.isEmpty ? nil : contact, filedAt: now)
    }

    /// The steps the district may take from `status`: 受理 first, then 查实 or 不属实, and after 查实 已整改.
    public static func steps(from status: FeeComplaint.Status) -> [FeeComplaint.Status] {
        switch status {
        case .received: [.accepted, .unfounded]
        case .accepted: [.substantiated, .unfounded]
        case .substantiated: [.rectified]
        case .unfounded, .rectified: []
        }
    }

    /// A step closes the complaint for good: it is confirmed before it is taken.
    public static func isIrreversible(_ step: FeeComplaint.Status) -> Bool { step.isClosed }

    /// The decision as typed, or why it cannot be recorded from `status`.
    public static func decision(reference: String, from status: FeeComplaint.Status, form: [String: String], actorName: String,
                                now: Date) throws(CampaignProblem) -> FeeComplaintDecision {
        guard let step = FeeComplaint.Status(rawValue: form["step"] ?? ""), step != .received else {
            throw CampaignProblem("step", zh: "请选择处理结果。", en: "Choose the decision.")
        }
        guard steps(from: status).contains(step) else { throw changedMeanwhile }
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard noteLength.contains(note.count) else {
            throw CampaignProblem("note", zh: "请写明处理意见（最多 1000 字）。", en: "Write the decision's note (at most 1,000 characters).")
        }
        let reply = (form["reply"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard replyLength.contains(reply.count) else {
            throw CampaignProblem("reply", zh: "答复最多 1000 字。", en: "At most 1,000 characters.")
        }
        return FeeComplaintDecision(reference: reference, step: step, note: note, reply: reply.isEmpty ? nil : reply, actorName: actorName, decidedAt: now)
    }

    public static let changedMeanwhile = CampaignProblem("step", zh: "这件投诉的状态已经改变，请刷新页面。",
                                                         en: "This complaint has changed meanwhile; reload the page.")

    /// A reference number a parent can read out on the phone: "YJF-" and 8 characters without
    /// look-alikes (no 0/O, 1/I/L).
    public static func newReference<R: RandomNumberGenerator>(using generator: inout R) -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        return "YJF-" + String((0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    public static func newReference() -> String {
        var generator = SystemRandomNumberGenerator()
        return newReference(using: &generator)
    }

    /// A reference as typed by a parent (spaces and case forgiven), nil when it cannot be one.
    public static func normalisedReference(_ text: String) -> String? {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard upper.count == 12, upper.hasPrefix("YJF-"), upper.dropFirst(4).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return upper
    }
}
