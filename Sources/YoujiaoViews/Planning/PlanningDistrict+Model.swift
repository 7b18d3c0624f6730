import YoujiaoCore

/// One district's projection: per stage a chart of observed pupils, the projection with its
/// low–high range and the seats, then the same figures year by year.
public enum PlanningDistrictPage {
    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var baseYear: Int
        public var births: Phrase
        public var scenarios: [ScenarioChoice]
        public var selectedScenario: String?
        public var years: Int
        public var stages: [Stage]
        public var rows: [YearRow]

        public init(districtCode: String, districtName: String, baseYear: Int, births: Phrase, scenarios: [ScenarioChoice],
                    selectedScenario: String?, years: Int, stages: [Stage], rows: [YearRow]) {
            self.districtCode = districtCode; self.districtName = districtName; self.baseYear = baseYear; self.births = births
            self.scenarios = scenarios; self.selectedScenario = selectedScenario; self.years = years; self.stages = stages; self.rows = rows
        }

        public var path: String { "/planning/districts/\(PageAddress.encode(districtCode))" }
    }

    /// One stage and year: observed pupils from the history, or the projection with its range and seats.
    public struct YearRow: Sendable, Hashable {
        public var stage: Stage
        public var year: Int
        public var isProjected: Bool
        public var pupils: Int
        public var low: Int?
        public var high: Int?
        public var seats: Int?

        public init(stage: Stage, year: Int, isProjected: Bool, pupils: Int, low: Int? = nil, high: Int? = nil, seats: Int? = nil) {
            self.stage = stage; self.year = year; self.isProjected = isProjected; self.pupils = pupils
            self.low = low; self.high = high; self.seats = seats
        }

        /// Pupils − seats; figures are bounded by the engine (seats ≤ 100,000 per change, pupils of a city).
        public var gap: Int? { seats.map { pupils - $0 } }
    }

    /// The year-by-year table, as shown and downloaded.
    public static func table(_ model: Model) -> TableModel {
        let columns = [TableModel.Column(.planning(.stage), key: "stage"), TableModel.Column(.planning(.year), key: "year", isNumeric: true),
                       TableModel.Column(.planning(.kind), key: "kind"), TableModel.Column(.planning(.pupils), key: "pupils", isNumeric: true),
                       TableModel.Column(.planning(.low), key: "low", isNumeric: true), TableModel.Column(.planning(.high), key: "high", isNumeric: true),
                       TableModel.Column(.planning(.seats), key: "seats", isNumeric: true), TableModel.Column(.planning(.gap), key: "gap", isNumeric: true)]
        let rows: [[TableModel.Cell]] = model.rows.map { row in
            [.phrase(.stage(row.stage)), .text(String(row.year)), .phrase(row.isProjected ? .planning(.projected) : .planning(.observed)),
             .number(row.pupils), row.low.map(TableModel.Cell.number) ?? .empty, row.high.map(TableModel.Cell.number) ?? .empty,
             row.seats.map(TableModel.Cell.number) ?? .empty,
             row.gap.map { GapShade.cell(gap: $0, seats: row.seats ?? 0) } ?? .empty]
        }
        return TableModel(id: "years", caption: .planning(.yearTable), columns: columns, rows: rows)
    }

    /// The chart of one stage. The projection starts from the base year's observed pupils, so the
    /// lines join; observed years after the base year stay on the observed line as a check.
    public static func chart(_ model: Model, _ stage: Stage) -> (title: Phrase, lines: [LineChart.Line], bands: [LineChart.Band]) {
        let ofStage = model.rows.filter { $0.stage == stage }
        let history = ofStage.filter { !$0.isProjected }, future = ofStage.filter(\.isProjected)
        let colour = CityOverviewPage.stageColours[stage] ?? "#3c8dbc"
        let anchor = history.first { $0.year == model.baseYear }.map { [LineChart.Point(x: $0.year, y: Double($0.pupils))] } ?? []
        let lines = [
            LineChart.Line(name: .planning(.observedPupils), colour: "#1d2733", points: history.map { .init(x: $0.year, y: Double($0.pupils)) }),
            LineChart.Line(name: .planning(.projectedPupils), colour: colour,
                           points: anchor + future.map { .init(x: $0.year, y: Double($0.pupils)) }, dashed: true),
            LineChart.Line(name: .planning(.seatsLine), colour: "#c0392b",
                           points: future.compactMap { row in row.seats.map { .init(x: row.year, y: Double($0)) } }),
        ]
        let band = LineChart.Band(name: .planning(.projectionRange), colour: colour,
                                  points: anchor.map { LineChart.BandPoint(x: $0.x, low: $0.y, high: $0.y) }
                                      + future.map { LineChart.BandPoint(x: $0.year, low: Double($0.low ?? $0.pupils), high: Double($0.high ?? $0.pupils)) })
        return (.planningChartTitle(district: model.districtName, stage: stage), lines, [band])
    }
}
