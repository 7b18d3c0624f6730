import YoujiaoCore

/// A district's figures and its schools, each school with how many of its indicators are met.
public enum DistrictSupervisionPage {
    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var year: SupervisionYear
        public var indicators: [IndicatorRow]
        /// Every school of the district, in the requested order (a district has at most a few hundred).
        public var schools: [SchoolRow]
        public var sort: TableSort

        public init(districtCode: String, districtName: String, year: SupervisionYear, indicators: [IndicatorRow], schools: [SchoolRow],
                    sort: TableSort = DistrictSupervisionPage.defaultSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.year = year; self.indicators = indicators
            self.schools = schools.supervisionSorted(by: sort, value: { $0.sortValue($1) }, tie: \.id)
            self.sort = sort
        }

        var statuses: [IndicatorStatus] { indicators.compactMap(\.figure.status) }
    }

    public struct IndicatorRow: Sendable, Hashable {
        public var name: Phrase
        public var figure: SupervisionFigures.Figure
        public var target: Phrase
        public var ratio: String
        public var schoolsNotMeeting: Int
        public var missingInputs: Int
        public init(name: Phrase, figure: SupervisionFigures.Figure, target: Phrase, ratio: String, schoolsNotMeeting: Int, missingInputs: Int) {
            self.name = name; self.figure = figure; self.target = target; self.ratio = ratio
            self.schoolsNotMeeting = schoolsNotMeeting; self.missingInputs = missingInputs
        }
    }

    public struct SchoolRow: Sendable, Hashable {
        public var id: String
        public var name: String
        public var href: String
        public var stages: [Stage]
        public var pupils: Int
        public var met: Int
        public var notMet: Int
        public var noData: Int
        public init(id: String, name: String, href: String, stages: [Stage], pupils: Int, met: Int, notMet: Int, noData: Int) {
            self.id = id; self.name = name; self.href = href; self.stages = stages; self.pupils = pupils
            self.met = met; self.notMet = notMet; self.noData = noData
        }

        func sortValue(_ key: String) -> SupervisionSortValue {
            switch key {
            case "name": return .text(name)
            case "pupils": return .number(Double(pupils))
            case "met": return .number(Double(met))
            case "not-met": return .number(Double(notMet))
            case "no-data": return .number(Double(noData))
            default: return .text(id)
            }
        }
    }

    public static let defaultSort = TableSort(key: "id")
    public static let sortKeys: Set<String> = ["id", "name", "pupils", "met", "not-met", "no-data"]

    /// The district's figures (the first table, and the `results` download).
    public static func indicatorTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.supervision(.indicator), key: "indicator"), TableModel.Column(.supervision(.value), key: "value", isNumeric: true),
            TableModel.Column(.supervision(.target), key: "target"), TableModel.Column(.supervision(.numeratorDenominator), key: "ratio", isNumeric: true),
            TableModel.Column(.supervision(.schoolsNotMeeting), key: "schools-not-meeting", isNumeric: true),
            TableModel.Column(.supervision(.missingInputs), key: "missing", isNumeric: true),
        ]
        let rows: [[TableModel.Cell]] = model.indicators.map { row in
            [.phrase(row.name), row.figure.cell, .phrase(row.target), .text(row.ratio), .number(row.schoolsNotMeeting), .number(row.missingInputs)]
        }
        return TableModel(id: "district-indicators", caption: .supervision(.districtFigures), columns: columns, rows: rows,
                          emptyState: .supervision(.noIndicators))
    }

    /// The district's schools (the second table, sorted on the server, and the `schools` download).
    public static func schoolTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.supervision(.schoolID), key: "id", isSortable: true),
            TableModel.Column(.supervision(.schoolName), key: "name", isSortable: true),
            TableModel.Column(.supervision(.stages), key: "stages"),
            TableModel.Column(.supervision(.pupils), key: "pupils", isNumeric: true, isSortable: true),
            TableModel.Column(.supervision(.metCount), key: "met", isNumeric: true, isSortable: true),
            TableModel.Column(.supervision(.notMetCount), key: "not-met", isNumeric: true, isSortable: true),
            TableModel.Column(.supervision(.noDataCount), key: "no-data", isNumeric: true, isSortable: true),
        ]
        let rows: [[TableModel.Cell]] = model.schools.map { school in
            [.text(school.id), .link(school.name, href: school.href), .phrase(.list(school.stages.map(Phrase.stage))),
             .number(school.pupils), .number(school.met), .number(school.notMet), .number(school.noData)]
        }
        let totals: [TableModel.Cell] = [.phrase(.tables(.total)), .empty, .empty, .number(model.schools.reduce(0) { $0 + $1.pupils }),
                                         .empty, .empty, .empty]
        return TableModel(id: "district-schools", caption: .supervision(.schoolsOfDistrict), columns: columns, rows: rows,
                          totals: model.schools.isEmpty ? nil : totals, sort: model.sort, emptyState: .supervision(.noSchools))
    }
}
