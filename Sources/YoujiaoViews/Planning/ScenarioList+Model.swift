import YoujiaoCore

/// The planner's saved scenarios, the comparison form and the form for a new scenario.
public enum ScenarioListPage {
    public struct Model: Sendable, Hashable {
        public var scenarios: [ScenarioRow]
        public var form: ScenarioForm.Model
        public var sort: TableSort

        public init(scenarios: [ScenarioRow], form: ScenarioForm.Model, sort: TableSort = ScenarioListPage.defaultSort) {
            self.scenarios = ScenarioListPage.sorted(scenarios, by: sort); self.form = form; self.sort = sort
        }
    }

    public struct ScenarioRow: Sendable, Hashable {
        public var id: String
        public var name: String
        /// The district's name, or "全市".
        public var scope: Phrase
        public var births: Phrase
        public var horizon: Int
        public var openings: Int
        public var closures: Int
        public var owner: String
        /// The stored time as an ISO 8601 UTC timestamp (it sorts as text) and as shown, in Beijing time.
        public var updatedAt: String
        public var updated: Phrase

        public init(id: String, name: String, scope: Phrase, births: Phrase, horizon: Int, openings: Int, closures: Int,
                    owner: String, updatedAt: String, updated: Phrase) {
            self.id = id; self.name = name; self.scope = scope; self.births = births; self.horizon = horizon
            self.openings = openings; self.closures = closures; self.owner = owner; self.updatedAt = updatedAt; self.updated = updated
        }

        public var href: String { "/planning/scenarios/\(PageAddress.encode(id))" }
    }

    public static let sortKeys: Set<String> = ["name", "updated"]
    /// The latest change first.
    public static let defaultSort = TableSort(key: "updated", direction: .descending)

    static func sorted(_ rows: [ScenarioRow], by sort: TableSort) -> [ScenarioRow] {
        rows.sorted { a, b in
            let (x, y) = sort.key == "name" ? (a.name, b.name) : (a.updatedAt, b.updatedAt)
            if x == y { return a.id < b.id }
            return sort.direction == .ascending ? x < y : x > y
        }
    }

    public static func table(_ model: Model) -> TableModel {
        TableModel(
            id: "scenarios", caption: .planning(.scenariosTable),
            columns: [TableModel.Column(.planning(.name), key: "name", isSortable: true), TableModel.Column(.planning(.scope), key: "scope"),
                      TableModel.Column(.planning(.births), key: "births"),
                      TableModel.Column(.planning(.horizonYears), key: "years", isNumeric: true),
                      TableModel.Column(.planning(.openings), key: "openings", isNumeric: true),
                      TableModel.Column(.planning(.closures), key: "closures", isNumeric: true),
                      TableModel.Column(.planning(.owner), key: "owner"), TableModel.Column(.planning(.updated), key: "updated", isSortable: true)],
            rows: model.scenarios.map { row in
                [.link(row.name, href: row.href), .phrase(row.scope), .phrase(row.births), .number(row.horizon), .number(row.openings),
                 .number(row.closures), .text(row.owner), .phrase(row.updated)]
            },
            sort: model.sort, emptyState: .planning(.noScenarios))
    }
}
