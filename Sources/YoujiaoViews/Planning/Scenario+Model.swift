import YoujiaoCore

/// One saved scenario: what it plans, where seats run short under it, and its form.
public enum ScenarioPage {
    public struct Model: Sendable, Hashable {
        public var id: String
        public var name: String
        public var scope: Phrase
        public var births: Phrase
        public var owner: String
        /// In Beijing time.
        public var updated: Phrase
        public var horizon: Int
        public var projectedYears: ClosedRange<Int>
        public var stages: [Stage]
        public var gaps: [SeatGapFigure]
        public var form: ScenarioForm.Model

        public init(id: String, name: String, scope: Phrase, births: Phrase, owner: String, updated: Phrase, horizon: Int,
                    projectedYears: ClosedRange<Int>, stages: [Stage], gaps: [SeatGapFigure], form: ScenarioForm.Model) {
            self.id = id; self.name = name; self.scope = scope; self.births = births; self.owner = owner; self.updated = updated
            self.horizon = horizon; self.projectedYears = projectedYears; self.stages = stages; self.gaps = gaps; self.form = form
        }

        public var path: String { ScenarioPage.path(of: id) }
        var cityQuery: [PageAddress.Item] { [.init("scenario", id), .init("years", String(horizon))] }
    }

    /// The scenario's page, where its form also posts.
    public static func path(of id: String) -> String { "/planning/scenarios/\(PageAddress.encode(id))" }
}
