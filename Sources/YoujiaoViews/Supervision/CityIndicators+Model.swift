import YoujiaoCore

/// The city's supervision dashboard: every indicator for the city and each district.
public enum CityIndicatorsPage {
    public struct Model: Sendable, Hashable {
        public var year: SupervisionYear
        public var schools: Int
        public var districts: [District]
        public var rows: [IndicatorRow]
        /// The city figures' statuses, for the summary.
        public var cityStatuses: [IndicatorStatus]

        public init(year: SupervisionYear, schools: Int, districts: [District], rows: [IndicatorRow], cityStatuses: [IndicatorStatus]) {
            self.year = year; self.schools = schools; self.districts = districts; self.rows = rows; self.cityStatuses = cityStatuses
        }
    }

    public struct District: Sendable, Hashable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    public struct IndicatorRow: Sendable, Hashable {
        public var name: Phrase
        public var target: Phrase
        public var city: SupervisionFigures.Figure?
        /// One per district of the model, in its order; nil where the indicator has no district figure.
        public var districts: [SupervisionFigures.Figure?]
        public init(name: Phrase, target: Phrase, city: SupervisionFigures.Figure?, districts: [SupervisionFigures.Figure?]) {
            self.name = name; self.target = target; self.city = city; self.districts = districts
        }
    }

    /// Indicators down, the city and the districts across; downloaded as shown.
    public static func table(_ model: Model) -> TableModel {
        let columns = [TableModel.Column(.supervision(.indicator), key: "indicator"), TableModel.Column(.supervision(.target), key: "target"),
                       TableModel.Column(.supervision(.city), key: "city", isNumeric: true)]
            + model.districts.map { TableModel.Column(.verbatim($0.name), key: $0.code, isNumeric: true) }
        let rows: [[TableModel.Cell]] = model.rows.map { row in
            [.phrase(row.name), .phrase(row.target), row.city?.cell ?? .empty] + row.districts.map { $0?.cell ?? .empty }
        }
        return TableModel(id: "indicators", caption: .supervision(.cityTable), columns: columns, rows: rows, emptyState: .supervision(.noIndicators))
    }

    /// Met, not met and no data per district, for the chart.
    static func statusCounts(_ model: Model, _ status: IndicatorStatus) -> [Int] {
        model.districts.indices.map { index in model.rows.count { $0.districts[index]?.status == status } }
    }
}
