import YoujiaoCore

/// The city (or a district planner's) planning page: per stage, the district × year gap table
/// under one scenario, and where seats run short or empty.
public enum PlanningOverviewPage {
    public struct Model: Sendable, Hashable {
        /// The last school year with enrollment history: projections start after it.
        public var baseYear: Int
        /// The latest year of enrollment history, when later than the base year (its births are
        /// not known yet, so it checks the projection instead).
        public var latestObservedYear: Int?
        public var projectedYears: ClosedRange<Int>
        public var births: Phrase
        public var scenarios: [ScenarioChoice]
        /// The scenario shown; nil for the baseline.
        public var selectedScenario: String?
        public var stages: [Stage]
        public var gaps: [SeatGapFigure]
        /// One sort for every stage table (they share their columns).
        public var sort: TableSort

        public init(baseYear: Int, latestObservedYear: Int?, projectedYears: ClosedRange<Int>, births: Phrase, scenarios: [ScenarioChoice],
                    selectedScenario: String?, stages: [Stage], gaps: [SeatGapFigure], sort: TableSort = PlanningTables.defaultStageSort) {
            self.baseYear = baseYear; self.latestObservedYear = latestObservedYear; self.projectedYears = projectedYears
            self.births = births; self.scenarios = scenarios; self.selectedScenario = selectedScenario
            self.stages = stages; self.gaps = gaps; self.sort = sort
        }

        /// The query that keeps the scenario and years on links to other planning pages.
        public var scenarioQuery: [PageAddress.Item] {
            [.init("scenario", selectedScenario ?? "baseline"), .init("years", String(projectedYears.count))]
        }
    }

    /// Every table of the page by id, for its downloads.
    public static func tables(_ model: Model) -> [TableModel] {
        [PlanningTables.findings(model.gaps, stages: model.stages, lastYear: model.projectedYears.upperBound), PlanningTables.seatGaps(model.gaps)]
            + model.stages.map { stageTable(model, $0) }
    }

    public static func stageTable(_ model: Model, _ stage: Stage) -> TableModel {
        PlanningTables.stageTable(model.gaps, stage: stage, years: model.projectedYears, sort: model.sort) { code in
            PageAddress(path: "/planning/districts/\(PageAddress.encode(code))", query: model.scenarioQuery).href
        }
    }
}
