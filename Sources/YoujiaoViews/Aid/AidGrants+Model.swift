import YoujiaoCore

/// A school's published list of pupils receiving aid: name, grade, class, policy, amount and
/// whether the family declined. No ID number, address, birth date or bank details.
public enum AidGrantsPage {
    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var year: Int
        /// Pupils to be paid and their yuan (declined grants left out), over the whole list.
        public var paidPupils: Int
        public var paidYuan: Int
        /// This page's rows (every row for a download), in the requested order.
        public var rows: [Row]
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var sort: TableSort

        /// Sorts every row, then keeps the page's slice (`perPage` nil: every row, for a download).
        public init(schoolID: String, schoolName: String, year: Int, rows: [Row], sort: TableSort = AidGrantsPage.defaultSort,
                    page: Int = 1, perPage: Int? = nil) {
            let paid = rows.filter { !$0.declined }
            self.paidPupils = Set(paid.map(\.pupilKey)).count
            self.paidYuan = paid.reduce(0) { $0 + $1.yuan }
            let sorted = Array(rows.enumerated()).supervisionSorted(by: sort, value: { $0.element.sortValue($1) },
                                                                   tie: { String(100_000_000 + $0.offset) }).map(\.element)
            let slice = AidPaging(count: sorted.count, page: page, perPage: perPage)
            self.rows = Array(sorted[slice.range])
            self.total = sorted.count; self.page = page; self.pageCount = slice.pageCount
            self.schoolID = schoolID; self.schoolName = schoolName; self.year = year; self.sort = sort
        }
    }

    public struct Row: Sendable, Hashable {
        /// Tells two pupils of one name apart when counting; never shown.
        public var pupilKey: String
        public var name: String
        public var grade: Grade?
        public var classNumber: Int?
        public var policy: Phrase
        public var yuan: Int
        public var declined: Bool

        public init(pupilKey: String, name: String, grade: Grade?, classNumber: Int?, policy: Phrase, yuan: Int, declined: Bool) {
            self.pupilKey = pupilKey; self.name = name; self.grade = grade; self.classNumber = classNumber
            self.policy = policy; self.yuan = yuan; self.declined = declined
        }

        func sortValue(_ key: String) -> SupervisionSortValue {
            switch key {
            case "name": return .text(name)
            case "grade": return .number(grade.map { Double($0.index) })
            case "policy": return .text(policy.zh)
            case "yuan": return .number(Double(yuan))
            case "status": return .number(declined ? 1 : 0)
            default: return .number(nil)
            }
        }
    }

    /// Grade, then class, then name: the order a school reads its list in.
    public static let defaultSort = TableSort(key: "grade")
    public static let sortKeys: Set<String> = ["name", "grade", "policy", "yuan", "status"]
    public static let perPage = 100

    public static func table(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.aid(.name), key: "name", isSortable: true),
            TableModel.Column(.aid(.grade), key: "grade", isSortable: true),
            TableModel.Column(.aid(.classNumber), key: "class", isNumeric: true),
            TableModel.Column(.aid(.policy), key: "policy", isSortable: true),
            TableModel.Column(.aid(.yuan), key: "yuan", isNumeric: true, isSortable: true),
            TableModel.Column(.aid(.status), key: "status", isSortable: true),
        ]
        let rows: [[TableModel.Cell]] = model.rows.map { row in
            [.text(row.name), row.grade.map { .phrase(.grade($0)) } ?? .empty, row.classNumber.map { .number($0) } ?? .empty,
             .phrase(row.policy), .number(row.yuan),
             row.declined ? .badge(.aid(.declined), tone: .neutral) : .badge(.aid(.toBePaid), tone: .good)]
        }
        return TableModel(id: "aid-grants", caption: .aid(.grantsTable), columns: columns, rows: rows, sort: model.sort,
                          emptyState: .aid(.noGrants))
    }
}

/// One page of a list sorted in memory: which rows it holds and how many pages there are.
struct AidPaging {
    var range: Range<Int>
    var pageCount: Int

    /// `perPage` nil: one page of every row (a download).
    init(count: Int, page: Int, perPage: Int?) {
        let size = max(perPage ?? max(count, 1), 1)
        pageCount = max((count + size - 1) / size, 1)
        let start = min((min(max(page, 1), pageCount) - 1) * size, count)
        range = start..<min(start + size, count)
    }
}
