import YoujiaoCore

/// The correction list (整改清单): every missed target of the viewer's scope, with its gap.
public enum CorrectionsPage {
    public struct Model: Sendable, Hashable {
        public var year: SupervisionYear
        /// This page's rows (every matching row for a download), in the requested order.
        public var rows: [Row]
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var sort: TableSort
        public var filters: Filters
        /// The districts the viewer may narrow the list to; empty when the scope is one district or school.
        public var districtChoices: [CityIndicatorsPage.District]

        /// Sorts every row, then keeps the page's slice (`perPage` nil: every row, for a download).
        public init(year: SupervisionYear, rows: [Row], sort: TableSort = CorrectionsPage.defaultSort, page: Int = 1, perPage: Int? = nil,
                    filters: Filters = Filters(), districtChoices: [CityIndicatorsPage.District] = []) {
            let sorted = Array(rows.enumerated()).supervisionSorted(by: sort, value: { $0.element.sortValue($1) }, tie: { String(100_000_000 + $0.offset) })
                .map(\.element)
            let size = max(perPage ?? max(sorted.count, 1), 1)
            let pageCount = max((sorted.count + size - 1) / size, 1)
            let start = min((min(max(page, 1), pageCount) - 1) * size, sorted.count)
            self.rows = Array(sorted[start..<min(start + size, sorted.count)])
            self.total = sorted.count; self.page = page; self.pageCount = pageCount
            self.year = year; self.sort = sort; self.filters = filters; self.districtChoices = districtChoices
        }
    }

    public struct Filters: Sendable, Hashable {
        public var districtCode: String?
        public var level: IndicatorLevel?
        public init(districtCode: String? = nil, level: IndicatorLevel? = nil) { self.districtCode = districtCode; self.level = level }
        public var isEmpty: Bool { districtCode == nil && level == nil }
    }

    public struct Row: Sendable, Hashable {
        public var level: IndicatorLevel
        public var scopeName: Phrase
        public var scopeHref: String?
        public var districtName: String
        public var indicator: Phrase
        public var value: SupervisionFigures.Figure
        public var target: Phrase
        public var gap: Double?
        public var gapPercent: Double?

        public init(level: IndicatorLevel, scopeName: Phrase, scopeHref: String?, districtName: String, indicator: Phrase,
                    value: SupervisionFigures.Figure, target: Phrase, gap: Double?, gapPercent: Double?) {
            self.level = level; self.scopeName = scopeName; self.scopeHref = scopeHref; self.districtName = districtName
            self.indicator = indicator; self.value = value; self.target = target; self.gap = gap; self.gapPercent = gapPercent
        }

        func sortValue(_ key: String) -> SupervisionSortValue {
            switch key {
            case "level": return .number(Double(IndicatorLevel.allCases.count - (IndicatorLevel.allCases.firstIndex(of: level) ?? 0)))
            case "scope": return .text(scopeName.zh)
            case "district": return .text(districtName)
            case "indicator": return .text(indicator.zh)
            case "gap-percent": return .number(gapPercent)
            default: return .number(nil)
            }
        }
    }

    /// The engine's order (city, then districts, then schools) unless asked otherwise.
    public static let defaultSort = TableSort(key: "level")
    public static let sortKeys: Set<String> = ["level", "scope", "district", "indicator", "gap-percent"]
    public static let perPage = 50

    public static func table(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.supervision(.level), key: "level", isSortable: true),
            TableModel.Column(.supervision(.scope), key: "scope", isSortable: true),
            TableModel.Column(.supervision(.district), key: "district", isSortable: true),
            TableModel.Column(.supervision(.indicator), key: "indicator", isSortable: true),
            TableModel.Column(.supervision(.value), key: "value", isNumeric: true),
            TableModel.Column(.supervision(.target), key: "target"),
            TableModel.Column(.supervision(.gap), key: "gap", isNumeric: true),
            TableModel.Column(.supervision(.gapPercent), key: "gap-percent", isNumeric: true, isSortable: true),
        ]
        let rows: [[TableModel.Cell]] = model.rows.map { row in
            [.phrase(SupervisionFigures.level(row.level)), row.scopeHref.map { .link(row.scopeName.zh, href: $0) } ?? .phrase(row.scopeName),
             .text(row.districtName), .phrase(row.indicator), row.value.cell, .phrase(row.target),
             row.gap.map { SupervisionFigures.cell($0, unit: row.value.unit) } ?? .empty,
             row.gapPercent.map { SupervisionFigures.cell($0, unit: "%") } ?? .empty]
        }
        return TableModel(id: "corrections", caption: .supervision(.correctionsTable), columns: columns, rows: rows, sort: model.sort,
                          emptyState: .supervision(.noCorrections))
    }
}
