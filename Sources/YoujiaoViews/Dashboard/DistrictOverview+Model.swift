import YoujiaoCore

/// One district at a glance: its schools and pupils by stage, and the ways into the district's
/// schools, planning and supervision.
public enum DistrictOverviewPage {
    public struct Model: Sendable, Hashable {
        public var code: String
        public var name: String
        public var schoolCount: Int
        public var schools: [Stage: Int]
        public var pupils: [Stage: Int]
        /// The district's home-visit coverage, for the staff who may read it (set by the controller).
        public var homeVisitsHref: String?
        public init(code: String, name: String, schoolCount: Int, schools: [Stage: Int], pupils: [Stage: Int]) {
            self.code = code; self.name = name; self.schoolCount = schoolCount; self.schools = schools; self.pupils = pupils
        }
        public var totalPupils: Int { pupils.values.reduce(0, +) }
        public var path: String { "/districts/\(PageAddress.encode(code))" }
    }

    /// The stages table as shown, and as downloaded.
    public static func table(_ model: Model) -> TableModel {
        let columns = [TableModel.Column(.dashboard(.stage), key: "stage"),
                       TableModel.Column(.dashboard(.schools), key: "schools", isNumeric: true),
                       TableModel.Column(.dashboard(.pupils), key: "pupils", isNumeric: true)]
        let rows: [[TableModel.Cell]] = Stage.allCases.map { [.phrase(.stage($0)), .number(model.schools[$0] ?? 0), .number(model.pupils[$0] ?? 0)] }
        let totals: [TableModel.Cell] = [.phrase(.tables(.total)), .number(model.schools.values.reduce(0, +)), .number(model.totalPupils)]
        return TableModel(id: "stages", caption: .dashboard(.stagesTable), columns: columns, rows: rows, totals: totals,
                          sort: nil, emptyState: .dashboard(.noDistricts))
    }
}
