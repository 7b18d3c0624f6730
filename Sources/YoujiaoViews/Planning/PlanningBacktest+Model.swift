import YoujiaoCore

/// How well the projection would have done: projected from an earlier year with only what was
/// known then, against the pupils observed since.
public enum PlanningBacktestPage {
    public struct Model: Sendable, Hashable {
        public var origin: Int
        public var holdout: Int
        /// Births after the origin: the trend of the last 5 years, or held.
        public var trendBirths: Bool
        /// "全市" for a city planner, "本区合计" for a district planner.
        public var totalLabel: Phrase
        public var stages: [Stage]
        public var horizons: [HorizonRow]
        public var groups: [GroupRow]
        public var cells: [CellRow]
        public var sort: TableSort

        public init(origin: Int, holdout: Int, trendBirths: Bool, totalLabel: Phrase, stages: [Stage], horizons: [HorizonRow],
                    groups: [GroupRow], cells: [CellRow], sort: TableSort = PlanningBacktestPage.defaultSort) {
            self.origin = origin; self.holdout = holdout; self.trendBirths = trendBirths; self.totalLabel = totalLabel
            self.stages = stages; self.horizons = horizons; self.groups = groups; self.cells = cells; self.sort = sort
        }
    }

    public struct HorizonRow: Sendable, Hashable {
        public var horizon: Int
        public var count: Int
        public var mape: Double
        public var meanError: Double
        /// The total's MAPE of each stage, in the order of the model's stages (nil: no figure).
        public var totalMape: [Double?]
        public init(horizon: Int, count: Int, mape: Double, meanError: Double, totalMape: [Double?]) {
            self.horizon = horizon; self.count = count; self.mape = mape; self.meanError = meanError; self.totalMape = totalMape
        }
    }

    public struct GroupRow: Sendable, Hashable {
        /// A stage's row or a district's.
        public var isStage: Bool
        public var name: Phrase
        public var count: Int
        public var mape: Double
        public var meanError: Double
        public init(isStage: Bool, name: Phrase, count: Int, mape: Double, meanError: Double) {
            self.isStage = isStage; self.name = name; self.count = count; self.mape = mape; self.meanError = meanError
        }
    }

    public struct CellRow: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var stage: Stage
        public var horizon: Int
        public var year: Int
        public var projected: Int
        public var actual: Int
        public var error: Int
        /// nil when nothing was observed (no percentage of zero).
        public var absolutePercentError: Double?
        public init(districtCode: String, districtName: String, stage: Stage, horizon: Int, year: Int, projected: Int, actual: Int,
                    error: Int, absolutePercentError: Double?) {
            self.districtCode = districtCode; self.districtName = districtName; self.stage = stage; self.horizon = horizon; self.year = year
            self.projected = projected; self.actual = actual; self.error = error; self.absolutePercentError = absolutePercentError
        }
    }

    /// The cell table sorts on the server: by district (code), stage, horizon, error or percentage error.
    public static let sortKeys: Set<String> = ["district", "stage", "horizon", "error", "ape"]
    public static let defaultSort = TableSort(key: "district")

    public static func tables(_ model: Model) -> [TableModel] { [horizonTable(model), groupTable(model), cellTable(model)] }

    public static func horizonTable(_ model: Model) -> TableModel {
        let columns = [TableModel.Column(.planning(.horizon), key: "horizon", isNumeric: true),
                       TableModel.Column(.planning(.year), key: "year", isNumeric: true),
                       TableModel.Column(.planning(.cells), key: "cells", isNumeric: true),
                       TableModel.Column(.planning(.districtStageMape), key: "mape", isNumeric: true),
                       TableModel.Column(.planning(.meanError), key: "mean-error", isNumeric: true)]
            + model.stages.map { TableModel.Column(.planningStageMape(total: model.totalLabel, stage: $0), key: "total-\($0.rawValue)", isNumeric: true) }
        let rows: [[TableModel.Cell]] = model.horizons.map { row in
            [.number(row.horizon), .text(String(model.origin + row.horizon)), .number(row.count), .decimal(row.mape, digits: 2),
             .decimal(row.meanError, digits: 1)] + row.totalMape.map { $0.map { .decimal($0, digits: 2) } ?? .empty }
        }
        return TableModel(id: "horizons", caption: .planning(.horizonTable), columns: columns, rows: rows)
    }

    public static func groupTable(_ model: Model) -> TableModel {
        TableModel(id: "groups", caption: .planning(.groupTable),
                   columns: [TableModel.Column(.planning(.groupedBy), key: "by"), TableModel.Column(.planning(.name), key: "name"),
                             TableModel.Column(.planning(.cells), key: "cells", isNumeric: true),
                             TableModel.Column(.planning(.mape), key: "mape", isNumeric: true),
                             TableModel.Column(.planning(.meanError), key: "mean-error", isNumeric: true)],
                   rows: model.groups.map { row in
                       [.phrase(row.isStage ? .planning(.stage) : .planning(.district)), .phrase(row.name), .number(row.count),
                        .decimal(row.mape, digits: 2), .decimal(row.meanError, digits: 1)]
                   })
    }

    public static func cellTable(_ model: Model) -> TableModel {
        let columns = [TableModel.Column(.planning(.district), key: "district", isSortable: true),
                       TableModel.Column(.planning(.stage), key: "stage", isSortable: true),
                       TableModel.Column(.planning(.horizon), key: "horizon", isNumeric: true, isSortable: true),
                       TableModel.Column(.planning(.year), key: "year", isNumeric: true),
                       TableModel.Column(.planning(.projected), key: "projected", isNumeric: true),
                       TableModel.Column(.planning(.actual), key: "actual", isNumeric: true),
                       TableModel.Column(.planning(.error), key: "error", isNumeric: true, isSortable: true),
                       TableModel.Column(.planning(.absolutePercentError), key: "ape", isNumeric: true, isSortable: true)]
        let rows: [[TableModel.Cell]] = sorted(model.cells, by: model.sort).map { cell in
            [.text(cell.districtName), .phrase(.stage(cell.stage)), .number(cell.horizon), .text(String(cell.year)),
             .number(cell.projected), .number(cell.actual), .number(cell.error),
             cell.absolutePercentError.map { .decimal($0, digits: 2) } ?? .empty]
        }
        return TableModel(id: "cells", caption: .planning(.cellTable), columns: columns, rows: rows, sort: model.sort)
    }

    /// The cells in the asked order; ties by district, stage and horizon, so every request agrees.
    static func sorted(_ cells: [CellRow], by sort: TableSort) -> [CellRow] {
        let stageOrder = Dictionary(uniqueKeysWithValues: Stage.allCases.enumerated().map { ($1, $0) })
        func natural(_ a: CellRow, _ b: CellRow) -> Bool {
            (a.districtCode, stageOrder[a.stage] ?? 0, a.horizon) < (b.districtCode, stageOrder[b.stage] ?? 0, b.horizon)
        }
        func value(_ cell: CellRow) -> Double? {
            switch sort.key {
            case "stage": return Double(stageOrder[cell.stage] ?? 0)
            case "horizon": return Double(cell.horizon)
            case "error": return Double(cell.error)
            case "ape": return cell.absolutePercentError ?? -1
            default: return nil
            }
        }
        return cells.sorted { a, b in
            guard let x = value(a), let y = value(b), x != y else {
                return value(a) == nil && sort.direction == .descending ? natural(b, a) : natural(a, b)
            }
            return sort.direction == .ascending ? x < y : x > y
        }
    }
}
