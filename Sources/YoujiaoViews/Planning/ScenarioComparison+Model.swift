import YoujiaoCore

/// Two scenarios (or one and the baseline) projected over the same years: totals by stage in
/// the last year, then every district, year and stage side by side.
public enum ScenarioComparisonPage {
    public struct Model: Sendable, Hashable {
        public var choices: [ScenarioChoice]
        /// The ids compared; nil is the baseline.
        public var a: String?
        public var b: String?
        public var nameA: String
        public var nameB: String
        public var birthsA: Phrase
        public var birthsB: Phrase
        public var lastYear: Int
        public var stages: [Stage]
        public var rows: [Row]
        public var sort: TableSort

        public init(choices: [ScenarioChoice], a: String?, b: String?, nameA: String, nameB: String, birthsA: Phrase, birthsB: Phrase,
                    lastYear: Int, stages: [Stage], rows: [Row], sort: TableSort = ScenarioComparisonPage.defaultSort) {
            self.choices = choices; self.a = a; self.b = b; self.nameA = nameA; self.nameB = nameB
            self.birthsA = birthsA; self.birthsB = birthsB; self.lastYear = lastYear; self.stages = stages; self.rows = rows; self.sort = sort
        }

        public var query: [PageAddress.Item] { [.init("a", a ?? "baseline"), .init("b", b ?? "baseline")] }
    }

    public struct Row: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var year: Int
        public var stage: Stage
        public var demandA: Int
        public var seatsA: Int?
        public var demandB: Int
        public var seatsB: Int?

        public init(districtCode: String, districtName: String, year: Int, stage: Stage, demandA: Int, seatsA: Int?, demandB: Int, seatsB: Int?) {
            self.districtCode = districtCode; self.districtName = districtName; self.year = year; self.stage = stage
            self.demandA = demandA; self.seatsA = seatsA; self.demandB = demandB; self.seatsB = seatsB
        }

        public var gapA: Int? { seatsA.map { demandA - $0 } }
        public var gapB: Int? { seatsB.map { demandB - $0 } }
    }

    /// The detail table sorts on the server by district (code), year, stage, either gap or the differences.
    public static let sortKeys: Set<String> = ["district", "year", "stage", "gap-a", "gap-b", "demand-difference", "seats-difference"]
    public static let defaultSort = TableSort(key: "district")

    public static func tables(_ model: Model) -> [TableModel] { [totalsTable(model), detailTable(model)] }

    public static func totalsTable(_ model: Model) -> TableModel {
        func column(_ letter: String, _ title: Catalogue.Planning, _ key: String) -> TableModel.Column {
            TableModel.Column(.planningScenarioColumn(second: letter == "B", .planning(title)), key: key, isNumeric: true)
        }
        let rows: [[TableModel.Cell]] = model.stages.map { stage in
            let last = model.rows.filter { $0.stage == stage && $0.year == model.lastYear }
            func figures(_ demand: KeyPath<Row, Int>, _ gap: KeyPath<Row, Int?>) -> [TableModel.Cell] {
                let gaps = last.compactMap { $0[keyPath: gap] }
                return [.number(last.reduce(0) { $0 + $1[keyPath: demand] }), .number(gaps.filter { $0 > 0 }.reduce(0, +)),
                        .number(gaps.filter { $0 < 0 }.reduce(0) { $0 - $1 })]
            }
            return [.phrase(.stage(stage))] + figures(\.demandA, \.gapA) + figures(\.demandB, \.gapB)
        }
        return TableModel(id: "totals", caption: .planning(.totalsTable),
                          columns: [TableModel.Column(.planning(.stage), key: "stage"),
                                    column("A", .demand, "demand-a"), column("A", .shortSeats, "short-a"), column("A", .emptySeats, "empty-a"),
                                    column("B", .demand, "demand-b"), column("B", .shortSeats, "short-b"), column("B", .emptySeats, "empty-b")],
                          rows: rows)
    }

    public static func detailTable(_ model: Model) -> TableModel {
        func column(_ letter: String, _ title: Catalogue.Planning, _ key: String, sortable: Bool = false) -> TableModel.Column {
            TableModel.Column(.planningScenarioColumn(second: letter == "B", .planning(title)), key: key, isNumeric: true, isSortable: sortable)
        }
        let columns = [TableModel.Column(.planning(.district), key: "district", isSortable: true),
                       TableModel.Column(.planning(.year), key: "year", isNumeric: true, isSortable: true),
                       TableModel.Column(.planning(.stage), key: "stage", isSortable: true),
                       column("A", .demand, "demand-a"), column("A", .seats, "seats-a"), column("A", .gap, "gap-a", sortable: true),
                       column("B", .demand, "demand-b"), column("B", .seats, "seats-b"), column("B", .gap, "gap-b", sortable: true),
                       TableModel.Column(.planning(.demandDifference), key: "demand-difference", isNumeric: true, isSortable: true),
                       TableModel.Column(.planning(.seatsDifference), key: "seats-difference", isNumeric: true, isSortable: true)]
        let rows: [[TableModel.Cell]] = sorted(model.rows, by: model.sort).map { row in
            [.text(row.districtName), .text(String(row.year)), .phrase(.stage(row.stage)),
             .number(row.demandA), row.seatsA.map(TableModel.Cell.number) ?? .empty,
             row.gapA.map { GapShade.cell(gap: $0, seats: row.seatsA ?? 0) } ?? .empty,
             .number(row.demandB), row.seatsB.map(TableModel.Cell.number) ?? .empty,
             row.gapB.map { GapShade.cell(gap: $0, seats: row.seatsB ?? 0) } ?? .empty,
             .number(row.demandB - row.demandA), .number((row.seatsB ?? 0) - (row.seatsA ?? 0))]
        }
        return TableModel(id: "detail", caption: .planning(.comparisonTable), columns: columns, rows: rows, sort: model.sort)
    }

    /// Rows in the asked order; ties in the natural order (district, year, stage), so every request agrees.
    static func sorted(_ rows: [Row], by sort: TableSort) -> [Row] {
        let stageOrder = Dictionary(uniqueKeysWithValues: Stage.allCases.enumerated().map { ($1, $0) })
        func natural(_ a: Row, _ b: Row) -> Bool {
            (a.districtCode, a.year, stageOrder[a.stage] ?? 0) < (b.districtCode, b.year, stageOrder[b.stage] ?? 0)
        }
        func value(_ row: Row) -> Int? {
            switch sort.key {
            case "year": return row.year
            case "stage": return stageOrder[row.stage] ?? 0
            case "gap-a": return row.gapA ?? 0
            case "gap-b": return row.gapB ?? 0
            case "demand-difference": return row.demandB - row.demandA
            case "seats-difference": return (row.seatsB ?? 0) - (row.seatsA ?? 0)
            default: return nil
            }
        }
        return rows.sorted { a, b in
            guard let x = value(a), let y = value(b), x != y else {
                return value(a) == nil && sort.direction == .descending ? natural(b, a) : natural(a, b)
            }
            return sort.direction == .ascending ? x < y : x > y
        }
    }
}
