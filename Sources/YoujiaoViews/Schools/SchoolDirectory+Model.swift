import YoujiaoCore

/// The school directory of city and district staff: filters, one page of schools in the order
/// the store was asked for, and downloads of the whole filtered list.
public enum SchoolDirectoryPage {
    public struct Model: Sendable, Hashable {
        /// The schools of this page (or every matching school, for a download), in the store's order.
        public var schools: [SchoolRow]
        /// How many schools match the filters on every page.
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var filters: Filters
        /// The districts the viewer may list, for the district select: every district for the
        /// city, their own for district staff.
        public var districtChoices: [DistrictChoice]
        public var sort: TableSort

        public init(schools: [SchoolRow], total: Int, page: Int = 1, pageCount: Int = 1, filters: Filters = Filters(),
                    districtChoices: [DistrictChoice], sort: TableSort = SchoolDirectoryPage.defaultSort) {
            self.schools = schools; self.total = total; self.page = page; self.pageCount = pageCount
            self.filters = filters; self.districtChoices = districtChoices; self.sort = sort
        }

        /// Whether the rows are one page of several: the seats under them are then this page's, not the list's.
        public var isOnePageOfSeveral: Bool { pageCount > 1 }

        /// Entry seats of the rows. Seats are 0…100,000 per grade (checked on import), so the sum
        /// of even ten million rows stays far inside Int.
        public var entrySeats: Int { schools.reduce(0) { $0 + $1.entrySeats } }
    }

    /// What the filter form asked for (`q`, `district`, `stage`, `ownership`), as the controller
    /// understood it; nil is "all".
    public struct Filters: Sendable, Hashable {
        /// Part of a name or a whole 10-digit school ID, as typed.
        public var text: String
        public var districtCode: String?
        public var stage: Stage?
        public var ownership: Ownership?

        public init(text: String = "", districtCode: String? = nil, stage: Stage? = nil, ownership: Ownership? = nil) {
            self.text = text; self.districtCode = districtCode; self.stage = stage; self.ownership = ownership
        }

        public var isEmpty: Bool { text.isEmpty && districtCode == nil && stage == nil && ownership == nil }
    }

    public struct DistrictChoice: Sendable, Hashable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    public struct SchoolRow: Sendable, Hashable {
        public var id: String
        public var name: String
        public var districtCode: String
        /// The district's name, shown instead of its code.
        public var districtName: String
        public var stages: [Stage]
        public var ownership: Ownership
        /// A private kindergarten that is 普惠 (the directory marks it beside the ownership).
        public var isInclusivePrivateKindergarten: Bool
        /// Seats of every entry grade together.
        public var entrySeats: Int

        public init(id: String, name: String, districtCode: String, districtName: String, stages: [Stage],
                    ownership: Ownership, isInclusivePrivateKindergarten: Bool, entrySeats: Int) {
            self.id = id; self.name = name; self.districtCode = districtCode; self.districtName = districtName
            self.stages = stages; self.ownership = ownership
            self.isInclusivePrivateKindergarten = isInclusivePrivateKindergarten; self.entrySeats = entrySeats
        }

        /// A row from the registry's school and the name of its district.
        public init(_ school: School, districtName: String) {
            self.init(id: school.id, name: school.name, districtCode: school.districtCode, districtName: districtName,
                      stages: school.stages.sorted(), ownership: school.ownership,
                      isInclusivePrivateKindergarten: school.stages.contains(.kindergarten) && school.ownership == .private && school.isInclusive,
                      entrySeats: school.entrySeats.values.reduce(0, +))
        }

        public var href: String { "/schools/\(PageAddress.encode(id))" }
    }

    /// The columns the store orders by (`sort=`): the school ID, the name, the district and the
    /// entry seats. The district sorts by its GB/T 2260 code, the order of official statistics
    /// (names would sort by code point, which means nothing to a reader). The store adds the
    /// school ID as the last key so that pages never share or skip a school.
    public static let sortKeys: Set<String> = ["id", "name", "district", "seats"]
    /// By district, then school ID: the order of the registry's own lists.
    public static let defaultSort = TableSort(key: "district")

    /// The table as shown, and as downloaded (CSV and XLSX) when the model holds every matching school.
    public static func table(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.schools(.schoolID), key: "id", isSortable: true),
            TableModel.Column(.schools(.name), key: "name", isSortable: true),
            TableModel.Column(.schools(.district), key: "district", isSortable: true),
            TableModel.Column(.schools(.stages), key: "stages"),
            TableModel.Column(.schools(.ownership), key: "ownership"),
            TableModel.Column(.schools(.entrySeats), key: "seats", isNumeric: true, isSortable: true),
        ]
        let rows: [[TableModel.Cell]] = model.schools.map { school in
            [.text(school.id), .link(school.name, href: school.href), .text(school.districtName),
             .phrase(.list(school.stages.map(Phrase.stage))),
             .phrase(.schoolOwnership(school.ownership, inclusiveKindergarten: school.isInclusivePrivateKindergarten)),
             .number(school.entrySeats)]
        }
        let totals: [TableModel.Cell] = [.phrase(model.isOnePageOfSeveral ? .schools(.totalOnThisPage) : .tables(.total)),
                                         .empty, .empty, .empty, .empty, .number(model.entrySeats)]
        return TableModel(id: "schools", caption: .schools(.directoryTable), columns: columns, rows: rows,
                          totals: model.schools.isEmpty ? nil : totals, sort: model.sort,
                          emptyState: model.filters.isEmpty ? .schools(.noSchoolsYet) : .schools(.noSchoolsMatch))
    }
}
