import YoujiaoCore

/// The review queue: list entries the match could not grant on its own, filtered by status,
/// reason, list, district and school, sorted and paged on the server; each open entry links to
/// its decision page.
public enum AidReviewPage {
    public struct Model: Sendable, Hashable {
        public var year: Int
        public var years: [Int]
        /// This page's rows (every row for a download), in the requested order.
        public var rows: [Row]
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var sort: TableSort
        public var filters: Filters
        /// The districts the viewer may narrow to (the city only) and the schools of the entries in scope.
        public var districtChoices: [Choice]
        public var schoolChoices: [Choice]

        /// Sorts every matching row, then keeps the page's slice (`perPage` nil: every row, for a download).
        public init(year: Int, years: [Int], rows: [Row], sort: TableSort = AidReviewPage.defaultSort, page: Int = 1, perPage: Int? = nil,
                    filters: Filters = Filters(), districtChoices: [Choice] = [], schoolChoices: [Choice] = []) {
            let sorted = Array(rows.enumerated()).supervisionSorted(by: sort, value: { $0.element.sortValue($1) },
                                                                   tie: { String(100_000_000 + $0.offset) }).map(\.element)
            let slice = AidPaging(count: sorted.count, page: page, perPage: perPage)
            self.rows = Array(sorted[slice.range])
            self.total = sorted.count; self.page = page; self.pageCount = slice.pageCount
            self.year = year; self.years = years; self.sort = sort; self.filters = filters
            self.districtChoices = districtChoices; self.schoolChoices = schoolChoices
        }
    }

    public struct Filters: Sendable, Hashable {
        /// Nil: every status.
        public var status: AidReviewStatusWord?
        public var reason: AidReviewReason?
        public var list: EligibilityList?
        public var districtCode: String?
        public var schoolID: String?
        public init(status: AidReviewStatusWord? = .open, reason: AidReviewReason? = nil, list: EligibilityList? = nil,
                    districtCode: String? = nil, schoolID: String? = nil) {
            self.status = status; self.reason = reason; self.list = list; self.districtCode = districtCode; self.schoolID = schoolID
        }

        /// `status=all` asks for every status; no `status` is the open entries.
        public static let allStatuses = "all"
    }

    public struct Row: Sendable, Hashable {
        public var id: String
        public var reason: Phrase
        public var list: Phrase
        public var entryName: String
        public var maskedID: String
        public var pupilName: String?
        public var schoolName: String?
        public var districtName: String?
        public var detail: Phrase
        public var status: AidReviewStatusWord?
        public var note: String
        /// The decision page, for an open entry (its name links there).
        public var decideHref: String?

        public init(id: String, reason: Phrase, list: Phrase, entryName: String, maskedID: String, pupilName: String?, schoolName: String?,
                    districtName: String?, detail: Phrase, status: AidReviewStatusWord?, note: String, decideHref: String?) {
            self.id = id; self.reason = reason; self.list = list; self.entryName = entryName; self.maskedID = maskedID
            self.pupilName = pupilName; self.schoolName = schoolName; self.districtName = districtName; self.detail = detail
            self.status = status; self.note = note; self.decideHref = decideHref
        }

        func sortValue(_ key: String) -> SupervisionSortValue {
            switch key {
            case "reason": return .text(reason.zh)
            case "list": return .text(list.zh)
            case "name": return .text(entryName)
            case "school": return .text(schoolName ?? "")
            case "district": return .text(districtName ?? "")
            case "status": return .number(status.flatMap { AidReviewStatusWord.allCases.firstIndex(of: $0) }.map(Double.init))
            default: return .number(nil)
            }
        }
    }

    /// The store's order: reason, then district, school and name.
    public static let defaultSort = TableSort(key: "reason")
    public static let sortKeys: Set<String> = ["reason", "list", "name", "school", "district", "status"]
    public static let perPage = 50

    public static func table(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.aid(.nameOnList), key: "name", isSortable: true),
            TableModel.Column(.aid(.reason), key: "reason", isSortable: true),
            TableModel.Column(.aid(.list), key: "list", isSortable: true),
            TableModel.Column(.aid(.idNumber), key: "id"),
            TableModel.Column(.aid(.nameInRegistry), key: "pupil"),
            TableModel.Column(.aid(.school), key: "school", isSortable: true),
            TableModel.Column(.aid(.district), key: "district", isSortable: true),
            TableModel.Column(.aid(.detail), key: "detail"),
            TableModel.Column(.aid(.status), key: "status", isSortable: true),
            TableModel.Column(.aid(.note), key: "note"),
        ]
        let rows: [[TableModel.Cell]] = model.rows.map { row in
            let status: TableModel.Cell
            switch row.status {
            case .open?: status = .badge(.aid(.open), tone: .warning)
            case .granted?: status = .badge(.aid(.granted), tone: .good)
            case let other?: status = .badge(.aidStatus(other), tone: .neutral)
            case nil: status = .empty
            }
            // An open entry's name leads to its decision page.
            let name: TableModel.Cell = row.decideHref.map { .link(row.entryName, href: $0) } ?? .text(row.entryName)
            return [name, .phrase(row.reason), .phrase(row.list), .maskedID(row.maskedID), row.pupilName.map { .text($0) } ?? .empty,
                    row.schoolName.map { .text($0) } ?? .empty, row.districtName.map { .text($0) } ?? .empty, .phrase(row.detail),
                    status, row.note.isEmpty ? .empty : .text(row.note)]
        }
        return TableModel(id: "aid-review", caption: .aid(.reviewTable), columns: columns, rows: rows, sort: model.sort,
                          emptyState: .aid(.noReviewItems))
    }
}
