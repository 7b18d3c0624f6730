import YoujiaoCore

/// A district's 优质均衡 assessment for one stage: each school's seven resource figures, the
/// inter-school coefficients of variation, and the schools left out.
public enum QualityBalancePage {
    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var year: SupervisionYear
        public var stage: Stage
        public var verdict: BalanceVerdict
        public var schoolsPassing: Int
        public var indicators: [IndicatorColumn]
        public var schools: [SchoolRow]
        public var dispersions: [DispersionRow]
        public var excluded: [ExcludedSchool]
        public var sort: TableSort

        public init(districtCode: String, districtName: String, year: SupervisionYear, stage: Stage, verdict: BalanceVerdict, schoolsPassing: Int,
                    indicators: [IndicatorColumn], schools: [SchoolRow], dispersions: [DispersionRow], excluded: [ExcludedSchool],
                    sort: TableSort = QualityBalancePage.defaultSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.year = year; self.stage = stage
            self.verdict = verdict; self.schoolsPassing = schoolsPassing; self.indicators = indicators
            self.schools = schools.supervisionSorted(by: sort, value: { $0.sortValue($1) }, tie: \.id)
            self.dispersions = dispersions; self.excluded = excluded; self.sort = sort
        }
    }

    public struct IndicatorColumn: Sendable, Hashable {
        public var code: String
        public var name: Phrase
        public var standard: Phrase
        public init(code: String, name: Phrase, standard: Phrase) { self.code = code; self.name = name; self.standard = standard }
    }

    public struct SchoolRow: Sendable, Hashable {
        public var id: String
        public var name: String
        public var href: String
        public var stagePupils: Int
        /// One per indicator column; `belowFloor` marks a value under 85% of the standard.
        public var values: [Value]
        public var indicatorsMet: Int
        public var verdict: BalanceVerdict
        public init(id: String, name: String, href: String, stagePupils: Int, values: [Value], indicatorsMet: Int, verdict: BalanceVerdict) {
            self.id = id; self.name = name; self.href = href; self.stagePupils = stagePupils; self.values = values
            self.indicatorsMet = indicatorsMet; self.verdict = verdict
        }

        func sortValue(_ key: String) -> SupervisionSortValue {
            switch key {
            case "name": return .text(name)
            case "pupils": return .number(Double(stagePupils))
            case "met": return .number(Double(indicatorsMet))
            default: return .text(id)
            }
        }
    }

    public struct Value: Sendable, Hashable {
        public var figure: SupervisionFigures.Figure
        public var belowFloor: Bool
        public init(figure: SupervisionFigures.Figure, belowFloor: Bool) { self.figure = figure; self.belowFloor = belowFloor }
    }

    public struct DispersionRow: Sendable, Hashable {
        public var indicator: Phrase
        public var standard: Phrase
        public var mean: Double?
        public var unit: String
        public var standardDeviation: Double?
        public var coefficientOfVariation: Double?
        public var limit: Double
        public var verdict: BalanceVerdict
        public init(indicator: Phrase, standard: Phrase, mean: Double?, unit: String, standardDeviation: Double?,
                    coefficientOfVariation: Double?, limit: Double, verdict: BalanceVerdict) {
            self.indicator = indicator; self.standard = standard; self.mean = mean; self.unit = unit
            self.standardDeviation = standardDeviation; self.coefficientOfVariation = coefficientOfVariation; self.limit = limit; self.verdict = verdict
        }
    }

    public struct ExcludedSchool: Sendable, Hashable {
        public var id: String
        public var name: String
        public var reason: Phrase
        public init(id: String, name: String, reason: Phrase) { self.id = id; self.name = name; self.reason = reason }
    }

    public static let defaultSort = TableSort(key: "id")
    public static let sortKeys: Set<String> = ["id", "name", "pupils", "met"]

    /// The assessment table: the page's first table and the `balance` download.
    public static func schoolTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.supervision(.schoolID), key: "id", isSortable: true),
            TableModel.Column(.supervision(.schoolName), key: "name", isSortable: true),
            TableModel.Column(.supervision(.pupilsOfStage), key: "pupils", isNumeric: true, isSortable: true),
        ] + model.indicators.map { column in
            TableModel.Column(Phrase(zh: "\(column.name.zh)（\(column.standard.zh)）", en: "\(column.name.en) (\(column.standard.en))"),
                              key: column.code, isNumeric: true)
        } + [
            TableModel.Column(.supervision(.indicatorsMet), key: "met", isNumeric: true, isSortable: true),
            TableModel.Column(.supervision(.result), key: "result"),
        ]
        let rows: [[TableModel.Cell]] = model.schools.map { school in
            [.text(school.id), .link(school.name, href: school.href), .number(school.stagePupils)]
                + school.values.map { value in
                    // A value under 85% of the standard is said in words as well as coloured.
                    value.belowFloor && value.figure.value != nil
                        ? .toned(SupervisionFigures.cell(value.figure.value ?? 0, unit: value.figure.unit), tone: .bad, note: .supervision(.belowFloor))
                        : value.figure.cell
                }
                + [.text("\(school.indicatorsMet)/\(school.values.count)"), SupervisionFigures.verdictCell(school.verdict)]
        }
        return TableModel(id: "balance-schools", caption: .supervision(.balanceSchoolsTable), columns: columns, rows: rows,
                          sort: model.sort, emptyState: .supervision(.noSchools))
    }

    public static func dispersionTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.supervision(.indicator), key: "indicator"), TableModel.Column(.supervision(.standard), key: "standard"),
            TableModel.Column(.supervision(.weightedMean), key: "mean", isNumeric: true),
            TableModel.Column(.supervision(.standardDeviation), key: "sd", isNumeric: true),
            TableModel.Column(.supervision(.coefficientOfVariation), key: "cv", isNumeric: true),
            TableModel.Column(.supervision(.limit), key: "limit", isNumeric: true), TableModel.Column(.supervision(.result), key: "result"),
        ]
        let rows: [[TableModel.Cell]] = model.dispersions.map { row in
            [.phrase(row.indicator), .phrase(row.standard),
             row.mean.map { SupervisionFigures.cell($0, unit: row.unit) } ?? .phrase(.supervision(.noData)),
             row.standardDeviation.map { SupervisionFigures.cell($0, digits: 3) } ?? .empty,
             row.coefficientOfVariation.map { SupervisionFigures.cell($0, digits: 3) } ?? .empty,
             SupervisionFigures.cell(row.limit, digits: 2), SupervisionFigures.verdictCell(row.verdict)]
        }
        return TableModel(id: "balance-dispersion", caption: .supervision(.dispersionTable), columns: columns, rows: rows,
                          emptyState: .supervision(.noIndicators))
    }
}
