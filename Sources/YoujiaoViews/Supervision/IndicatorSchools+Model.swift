import YoujiaoCore

/// The schools behind one district figure: each school's value and what it was computed from.
public enum IndicatorSchoolsPage {
    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var year: SupervisionYear
        public var indicatorCode: String
        public var indicator: Phrase
        /// The formula in the page's language (the catalogue's Chinese where it has no English).
        public var formula: Phrase
        public var schoolTarget: Phrase
        public var source: String
        public var districtFigure: SupervisionFigures.Figure?
        public var districtTarget: Phrase?
        public var ratio: String
        public var missing: Phrase?
        /// A figure the district reports itself (disabled children): its report instead of schools.
        public var districtReport: DistrictFacts?
        public var isDistrictFact: Bool
        public var schools: [SchoolRow]
        public var sort: TableSort

        public init(districtCode: String, districtName: String, year: SupervisionYear, indicatorCode: String, indicator: Phrase, formula: Phrase,
                    schoolTarget: Phrase, source: String, districtFigure: SupervisionFigures.Figure?, districtTarget: Phrase?, ratio: String,
                    missing: Phrase?, districtReport: DistrictFacts?, isDistrictFact: Bool, schools: [SchoolRow],
                    sort: TableSort = IndicatorSchoolsPage.defaultSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.year = year; self.indicatorCode = indicatorCode
            self.indicator = indicator; self.formula = formula; self.schoolTarget = schoolTarget; self.source = source
            self.districtFigure = districtFigure; self.districtTarget = districtTarget; self.ratio = ratio; self.missing = missing
            self.districtReport = districtReport; self.isDistrictFact = isDistrictFact
            self.schools = schools.supervisionSorted(by: sort, value: { $0.sortValue($1) }, tie: \.id)
            self.sort = sort
        }
    }

    public struct DistrictFacts: Sendable, Hashable {
        public var disabledChildren: Int
        public var disabledEnrolled: Int
        public init(disabledChildren: Int, disabledEnrolled: Int) { self.disabledChildren = disabledChildren; self.disabledEnrolled = disabledEnrolled }
    }

    public struct SchoolRow: Sendable, Hashable {
        public var id: String
        public var name: String
        public var href: String
        /// Unjudged (no status) for a school's part of a district-only ratio.
        public var figure: SupervisionFigures.Figure
        public var inputs: Phrase
        public var missing: Phrase
        public init(id: String, name: String, href: String, figure: SupervisionFigures.Figure, inputs: Phrase, missing: Phrase) {
            self.id = id; self.name = name; self.href = href; self.figure = figure; self.inputs = inputs; self.missing = missing
        }

        func sortValue(_ key: String) -> SupervisionSortValue {
            switch key {
            case "name": return .text(name)
            case "value": return .number(figure.value)
            default: return .text(id)
            }
        }
    }

    public static let defaultSort = TableSort(key: "id")
    public static let sortKeys: Set<String> = ["id", "name", "value"]

    public static func table(_ model: Model) -> TableModel {
        let judged = model.schools.contains { $0.figure.status != nil }
        var columns = [
            TableModel.Column(.supervision(.schoolID), key: "id", isSortable: true),
            TableModel.Column(.supervision(.schoolName), key: "name", isSortable: true),
            TableModel.Column(.supervision(.value), key: "value", isNumeric: true, isSortable: true),
        ]
        if judged { columns.append(TableModel.Column(.supervision(.result), key: "status")) }
        columns += [TableModel.Column(.supervision(.inputs), key: "inputs"), TableModel.Column(.supervision(.missingInputs), key: "missing")]
        let rows: [[TableModel.Cell]] = model.schools.map { school in
            let status: [TableModel.Cell] = judged ? [school.figure.status.map { .phrase(SupervisionFigures.status($0)) } ?? .empty] : []
            return [.text(school.id), .link(school.name, href: school.href), school.figure.cell] + status + [.phrase(school.inputs), .phrase(school.missing)]
        }
        return TableModel(id: "indicator-schools", caption: .schoolsBehind(model.schools.count), columns: columns, rows: rows,
                          sort: model.sort, emptyState: .supervision(.noSchools))
    }

    public static func districtReportTable(_ model: Model) -> TableModel {
        TableModel(id: "district-report", caption: .supervision(.districtReport),
                   columns: [TableModel.Column(.supervision(.disabledChildren), key: "children", isNumeric: true),
                             TableModel.Column(.supervision(.disabledEnrolled), key: "enrolled", isNumeric: true)],
                   rows: model.districtReport.map { [[.number($0.disabledChildren), .number($0.disabledEnrolled)]] } ?? [],
                   emptyState: .supervision(.noDistrictReport))
    }
}
