import YoujiaoCore

/// The city administrator's home: schools and pupils of every district by stage.
public enum CityOverviewPage {
    public struct Model: Sendable, Hashable {
        public var districts: [DistrictRow]
        public var sort: TableSort

        public init(districts: [DistrictRow], sort: TableSort) {
            self.districts = districts.sorted(by: sort)
            self.sort = sort
        }

        public var totalPupils: Int { districts.reduce(0) { $0 + $1.pupils.values.reduce(0, +) } }
    }

    public struct DistrictRow: Sendable, Hashable {
        public var code: String
        public var name: String
        public var schools: [Stage: Int]
        public var pupils: [Stage: Int]
        public init(code: String, name: String, schools: [Stage: Int], pupils: [Stage: Int]) {
            self.code = code; self.name = name; self.schools = schools; self.pupils = pupils
        }
        public var href: String { "/districts/\(PageAddress.encode(code))" }
    }

    /// One colour per stage in every chart (fills, not text).
    public static let stageColours: [Stage: String] = [.kindergarten: "#f2a541", .primary: "#3c8dbc", .junior: "#2e8b57",
                                                       .senior: "#9b59b6", .special: "#e74c3c"]

    /// Every column sorts: the code, the name, and each stage's schools and pupils.
    public static let defaultSort = TableSort(key: "code")
    public static var sortKeys: Set<String> {
        Set(["code", "name"] + Stage.allCases.flatMap { ["\($0.rawValue)-schools", "\($0.rawValue)-pupils"] })
    }

    /// The table as shown, downloaded as CSV and as XLSX.
    public static func table(_ model: Model) -> TableModel {
        var columns = [TableModel.Column(.dashboard(.districtCode), key: "code", isSortable: true),
                       TableModel.Column(.dashboard(.district), key: "name", isSortable: true)]
        for stage in Stage.allCases {
            columns.append(TableModel.Column(.stageSchools(stage), key: "\(stage.rawValue)-schools", isNumeric: true, isSortable: true))
            columns.append(TableModel.Column(.stagePupils(stage), key: "\(stage.rawValue)-pupils", isNumeric: true, isSortable: true))
        }
        let rows: [[TableModel.Cell]] = model.districts.map { row in
            [.text(row.code), .link(row.name, href: row.href)]
                + Stage.allCases.flatMap { [TableModel.Cell.number(row.schools[$0] ?? 0), .number(row.pupils[$0] ?? 0)] }
        }
        let totals: [TableModel.Cell] = [.phrase(.tables(.total)), .empty] + Stage.allCases.flatMap { stage in
            [TableModel.Cell.number(model.districts.reduce(0) { $0 + ($1.schools[stage] ?? 0) }),
             .number(model.districts.reduce(0) { $0 + ($1.pupils[stage] ?? 0) })]
        }
        return TableModel(id: "districts", caption: .dashboard(.districtsTable), columns: columns, rows: rows,
                          totals: model.districts.isEmpty ? nil : totals, sort: model.sort, emptyState: .dashboard(.noDistricts))
    }
}

extension Array where Element == CityOverviewPage.DistrictRow {
    /// Ordered by one column; ties by district code, so the order is the same on every request.
    func sorted(by sort: TableSort) -> [Element] {
        func value(_ row: Element) -> (Int, String) {
            let parts = sort.key.split(separator: "-").map(String.init)
            if parts.count == 2, let stage = Stage(rawValue: parts[0]) {
                return (parts[1] == "schools" ? row.schools[stage] ?? 0 : row.pupils[stage] ?? 0, "")
            }
            return (0, sort.key == "name" ? row.name : row.code)
        }
        return self.sorted { a, b in
            let (x, y) = (value(a), value(b))
            if x == y { return a.code < b.code }
            return sort.direction == .ascending ? x < y : x > y
        }
    }
}
