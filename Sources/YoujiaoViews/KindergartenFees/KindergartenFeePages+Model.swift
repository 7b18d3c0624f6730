import Foundation
import YoujiaoCore

/// The pages of kindergarten fees made public: the public list and one kindergarten's fees (no
/// sign-in), the parent's complaint form and status page, the kindergarten's own form, the
/// district's overview and its complaint queue.
public enum KindergartenFeePages {
    public typealias Problem = CampaignPage.Problem

    public enum Kind: String, Sendable, Hashable { case `public`, inclusive, `private` }

    /// One kindergarten with its published items and the cap that binds it.
    public struct KindergartenRow: Sendable, Hashable {
        public var schoolID: String
        public var name: String
        public var districtName: String
        public var kind: Kind
        public var grade: KindergartenGrade?
        public var boarding: Bool
        public var items: [KindergartenFeeItem]
        public var cap: FeeAmount?
        public var complaints: Int
        public init(schoolID: String, name: String, districtName: String, kind: Kind, grade: KindergartenGrade?, boarding: Bool,
                    items: [KindergartenFeeItem], cap: FeeAmount?, complaints: Int = 0) {
            self.schoolID = schoolID; self.name = name; self.districtName = districtName; self.kind = kind; self.grade = grade
            self.boarding = boarding; self.items = items; self.cap = cap; self.complaints = complaints
        }
        public var careFee: FeeAmount? { items.filter { $0.category == .careEducation }.map(\.amount).max() }
        public var isPublished: Bool { !items.isEmpty }
        public var isOverCap: Bool { if let cap, let fee = careFee { fee > cap } else { false } }
    }

    public struct DistrictChoice: Sendable, Hashable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    // MARK: Public

    public struct ListModel: Sendable, Hashable {
        public var rows: [KindergartenRow]
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var text: String
        public var districtCode: String?
        public var districtChoices: [DistrictChoice]
        public var sort: TableSort
        public init(rows: [KindergartenRow], total: Int, page: Int, pageCount: Int, text: String, districtCode: String?,
                    districtChoices: [DistrictChoice], sort: TableSort) {
            self.rows = rows; self.total = total; self.page = page; self.pageCount = pageCount; self.text = text
            self.districtCode = districtCode; self.districtChoices = districtChoices; self.sort = sort
        }
    }

    public static let listSortKeys: Set<String> = ["name", "district", "fee"]
    public static let listDefaultSort = TableSort(key: "district")

    static func kindPhrase(_ kind: Kind) -> Phrase {
        switch kind {
        case .public: .kindergartenFees(.typePublic)
        case .inclusive: .kindergartenFees(.typeInclusive)
        case .private: .kindergartenFees(.typePrivate)
        }
    }

    static func gradeCell(_ grade: KindergartenGrade?) -> TableModel.Cell {
        grade.map { .phrase(.kindergartenFees(.grade($0))) } ?? .phrase(.kindergartenFees(.noGrade))
    }

    static func amountCell(_ amount: FeeAmount?) -> TableModel.Cell {
        amount.map { .text(Format.yuan($0)) } ?? .empty
    }

    /// "伙食费 20 元/天；园服费 30 元/月" in the page's language.
    static func otherFees(_ items: [KindergartenFeeItem]) -> Phrase {
        let others = items.filter { $0.category != .careEducation }
        return Phrase(zh: others.map { "\($0.name) \(Format.yuan($0.amount)) 元/\($0.period == .day ? "天" : "月")" }.joined(separator: "；"),
                      en: others.map { "\($0.name) \(Format.yuan($0.amount)) yuan a \($0.period == .day ? "day" : "month")" }.joined(separator: "; "))
    }

    public static func listTable(_ model: ListModel) -> TableModel {
        TableModel(
            id: "kindergarten-fees", caption: .kindergartenFees(.listCaption),
            columns: [.init(.kindergartenFees(.kindergarten), key: "name", isSortable: true), .init(.kindergartenFees(.district), key: "district", isSortable: true),
                      .init(.kindergartenFees(.kind), key: "kind"), .init(.kindergartenFees(.grade), key: "grade"),
                      .init(.kindergartenFees(.careFee), key: "fee", isNumeric: true, isSortable: true),
                      .init(.kindergartenFees(.otherFees), key: "other"), .init(.kindergartenFees(.published), key: "published")],
            rows: model.rows.map { row in
                [.link(row.name, href: "/public/kindergarten-fees/\(row.schoolID)"), .text(row.districtName), .phrase(kindPhrase(row.kind)),
                 gradeCell(row.grade), amountCell(row.careFee), .phrase(otherFees(row.items)),
                 row.isPublished ? .badge(.kindergartenFees(.published), tone: .good) : .badge(.kindergartenFees(.notPublished), tone: .bad)]
            },
            sort: model.sort, emptyState: .kindergartenFees(.noKindergartens))
    }

    public struct KindergartenModel: Sendable, Hashable {
        public var row: KindergartenRow
        public init(row: KindergartenRow) { self.row = row }
    }

    /// A kindergarten's items, in category then name order.
    public static func itemsTable(_ items: [KindergartenFeeItem]) -> TableModel {
        TableModel(
            id: "fee-items", caption: .kindergartenFees(.itemsCaption),
            columns: [.init(.kindergartenFees(.category), key: "category"), .init(.kindergartenFees(.itemName), key: "item"),
                      .init(.kindergartenFees(.amount), key: "amount", isNumeric: true), .init(.kindergartenFees(.period), key: "period"),
                      .init(.kindergartenFees(.covers), key: "covers")],
            rows: items.map { item in
                [.phrase(.kindergartenFees(.category(item.category))), .text(item.name), .text(Format.yuan(item.amount)),
                 .phrase(item.period == .day ? .kindergartenFees(.perDay) : .kindergartenFees(.perMonth)), .text(item.covers)]
            },
            emptyState: .kindergartenFees(.noItems))
    }

    // MARK: Complaints, public side

    public struct ComplaintFormModel: Sendable, Hashable {
        /// The kindergarten the parent came from, fixed; otherwise `choices` offers every one.
        public var fixed: DistrictChoice?
        public var choices: [DistrictChoice]
        public var values: [String: String]
        public var problem: Problem?
        public init(fixed: DistrictChoice?, choices: [DistrictChoice], values: [String: String], problem: Problem?) {
            self.fixed = fixed; self.choices = choices; self.values = values; self.problem = problem
        }
    }

    public struct Reply: Sendable, Hashable {
        public var step: FeeComplaint.Status
        public var text: String
        public var at: String
        public init(step: FeeComplaint.Status, text: String, at: String) { self.step = step; self.text = text; self.at = at }
    }

    /// The status page: what a parent may see by reference (no contact, no internal note).
    public struct StatusModel: Sendable, Hashable {
        public var typed: String
        public var reference: String?
        public var kindergartenName: String
        public var status: FeeComplaint.Status?
        public var filedAt: String
        public var replies: [Reply]
        public var notFound: Bool
        public var justFiled: Bool
        public init(typed: String, reference: String?, kindergartenName: String, status: FeeComplaint.Status?, filedAt: String, replies: [Reply],
                    notFound: Bool, justFiled: Bool) {
            self.typed = typed; self.reference = reference; self.kindergartenName = kindergartenName; self.status = status; self.filedAt = filedAt
            self.replies = replies; self.notFound = notFound; self.justFiled = justFiled
        }
    }

    // MARK: The kindergarten's own form

    public struct SchoolModel: Sendable, Hashable {
        public var row: KindergartenRow
        public var itemIDs: [String]
        public var values: [String: String]
        public var problem: Problem?
        public init(row: KindergartenRow, itemIDs: [String], values: [String: String], problem: Problem?) {
            self.row = row; self.itemIDs = itemIDs; self.values = values; self.problem = problem
        }
        public var href: String { "/schools/\(row.schoolID)/fees" }
    }

    // MARK: The district

    public struct DistrictModel: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var rows: [KindergartenRow]
        public var counts: [FeeComplaint.Status: Int]
        /// The city chooses a district; a district's staff see only their own.
        public var districtChoices: [DistrictChoice]
        public var sort: TableSort
        public init(districtCode: String, districtName: String, rows: [KindergartenRow], counts: [FeeComplaint.Status: Int],
                    districtChoices: [DistrictChoice], sort: TableSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.rows = rows; self.counts = counts
            self.districtChoices = districtChoices; self.sort = sort
        }
        public var href: String { "/districts/\(districtCode)/kindergarten-fees" }
    }

    public static let districtSortKeys: Set<String> = ["name", "fee", "complaints"]
    public static let districtDefaultSort = TableSort(key: "name")

    public static func districtTable(_ model: DistrictModel) -> TableModel {
        let rows = model.rows.sorted { a, b in
            let order: Bool
            switch model.sort.key {
            case "fee": order = (a.careFee?.fen ?? -1, a.name) < (b.careFee?.fen ?? -1, b.name)
            case "complaints": order = (a.complaints, a.name) < (b.complaints, b.name)
            default: order = (a.name, a.schoolID) < (b.name, b.schoolID)
            }
            return model.sort.direction == .ascending ? order : !order
        }
        return TableModel(
            id: "district-kindergarten-fees", caption: .kindergartenFees(.listCaption),
            columns: [.init(.kindergartenFees(.kindergarten), key: "name", isSortable: true), .init(.kindergartenFees(.kind), key: "kind"),
                      .init(.kindergartenFees(.grade), key: "grade"),
                      .init(.kindergartenFees(.careFee), key: "fee", isNumeric: true, isSortable: true),
                      .init(.kindergartenFees(.cap), key: "cap", isNumeric: true), .init(.kindergartenFees(.published), key: "published"),
                      .init(.kindergartenFees(.complaintsCount), key: "complaints", isNumeric: true, isSortable: true)],
            rows: rows.map { row in
                let fee: TableModel.Cell = row.isOverCap
                    ? .toned(amountCell(row.careFee), tone: .bad, note: .kindergartenFees(.overCapBadge)) : amountCell(row.careFee)
                return [.link(row.name, href: "/public/kindergarten-fees/\(row.schoolID)"), .phrase(kindPhrase(row.kind)), gradeCell(row.grade),
                        fee, amountCell(row.cap),
                        row.isPublished ? .badge(.kindergartenFees(.published), tone: .good) : .badge(.kindergartenFees(.notPublished), tone: .bad),
                        .number(row.complaints)]
            },
            sort: model.sort, emptyState: .kindergartenFees(.noKindergartens))
    }

    // MARK: The district's queue

    public struct QueueRow: Sendable, Hashable {
        public var reference: String
        public var kindergartenName: String
        public var category: KindergartenFeeCategory
        public var itemName: String
        public var amount: FeeAmount?
        public var status: FeeComplaint.Status
        public var filedAt: String
        public init(reference: String, kindergartenName: String, category: KindergartenFeeCategory, itemName: String, amount: FeeAmount?,
                    status: FeeComplaint.Status, filedAt: String) {
            self.reference = reference; self.kindergartenName = kindergartenName; self.category = category; self.itemName = itemName
            self.amount = amount; self.status = status; self.filedAt = filedAt
        }
    }

    public struct QueueModel: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var rows: [QueueRow]
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var status: FeeComplaint.Status?
        public var text: String
        public var sort: TableSort
        public init(districtCode: String, districtName: String, rows: [QueueRow], total: Int, page: Int, pageCount: Int,
                    status: FeeComplaint.Status?, text: String, sort: TableSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.rows = rows; self.total = total; self.page = page
            self.pageCount = pageCount; self.status = status; self.text = text; self.sort = sort
        }
        public var href: String { "/districts/\(districtCode)/fee-complaints" }
    }

    public static let queueSortKeys: Set<String> = ["filed", "status", "school"]
    public static let queueDefaultSort = TableSort(key: "filed", direction: .descending)

    static func statusTone(_ status: FeeComplaint.Status) -> TableModel.Tone {
        switch status {
        case .received: .warning
        case .accepted: .neutral
        case .substantiated: .bad
        case .unfounded, .rectified: .good
        }
    }

    public static func queueTable(_ model: QueueModel) -> TableModel {
        TableModel(
            id: "fee-complaints", caption: .kindergartenFees(.queueCaption),
            columns: [.init(.kindergartenFees(.reference), key: "reference"), .init(.kindergartenFees(.kindergarten), key: "school", isSortable: true),
                      .init(.kindergartenFees(.category), key: "category"), .init(.kindergartenFees(.itemName), key: "item"),
                      .init(.kindergartenFees(.amount), key: "amount", isNumeric: true),
                      .init(.kindergartenFees(.status), key: "status", isSortable: true), .init(.kindergartenFees(.filedAt), key: "filed", isSortable: true)],
            rows: model.rows.map { row in
                [.link(row.reference, href: "\(model.href)/\(row.reference)"), .text(row.kindergartenName),
                 .phrase(.kindergartenFees(.category(row.category))), .text(row.itemName), amountCell(row.amount),
                 .badge(.kindergartenFees(.status(row.status)), tone: statusTone(row.status)), .phrase(.beijingTime(row.filedAt))]
            },
            sort: model.sort, emptyState: .kindergartenFees(.noComplaints))
    }

    // MARK: One complaint, for the district

    public struct Decision: Sendable, Hashable {
        public var step: FeeComplaint.Status
        public var note: String
        public var reply: String?
        public var actorName: String
        public var at: String
        public init(step: FeeComplaint.Status, note: String, reply: String?, actorName: String, at: String) {
            self.step = step; self.note = note; self.reply = reply; self.actorName = actorName; self.at = at
        }
    }

    public struct ComplaintModel: Sendable, Hashable {
        public var districtCode: String
        public var complaint: FeeComplaint
        public var kindergartenName: String
        public var filedAt: String
        public var decisions: [Decision]
        public var steps: [FeeComplaint.Status]
        public var values: [String: String]
        public var problem: Problem?
        /// The irreversible step waiting for confirmation, with what was typed.
        public var confirming: FeeComplaint.Status?
        public init(districtCode: String, complaint: FeeComplaint, kindergartenName: String, filedAt: String, decisions: [Decision],
                    steps: [FeeComplaint.Status], values: [String: String], problem: Problem?, confirming: FeeComplaint.Status?) {
            self.districtCode = districtCode; self.complaint = complaint; self.kindergartenName = kindergartenName; self.filedAt = filedAt
            self.decisions = decisions; self.steps = steps; self.values = values; self.problem = problem; self.confirming = confirming
        }
        public var href: String { "/districts/\(districtCode)/fee-complaints/\(complaint.reference)" }
    }

    public static func decisionsTable(_ decisions: [Decision]) -> TableModel {
        TableModel(
            id: "fee-complaint-decisions", caption: .kindergartenFees(.decisionsCaption),
            columns: [.init(.kindergartenFees(.decidedAt), key: "at"), .init(.kindergartenFees(.step), key: "step"),
                      .init(.kindergartenFees(.decidedBy), key: "by"), .init(.kindergartenFees(.note), key: "note"),
                      .init(.kindergartenFees(.reply), key: "reply")],
            rows: decisions.map { d in
                [.phrase(.beijingTime(d.at)), .badge(.kindergartenFees(.status(d.step)), tone: statusTone(d.step)), .text(d.actorName), .text(d.note),
                 d.reply.map { .text($0) } ?? .empty]
            },
            emptyState: .kindergartenFees(.noDecisions))
    }
}
