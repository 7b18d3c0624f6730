import Foundation

/// The result of projecting one scenario: every grade, and seat gaps when seats were given.
public struct PlanResult: Sendable {
    public var scenario: PlanningScenario
    public var projection: Projection
    /// Empty when the inputs had no capacity.
    public var gaps: [SeatGap]
}

/// Two scenarios side by side for one district, year and stage.
public struct ScenarioComparisonRow: Sendable, Hashable, Codable {
    public var districtCode: String
    public var year: Int
    public var stage: Stage
    public var demandA: Double
    public var demandB: Double
    /// nil when the inputs had no capacity.
    public var seatsA: Int?
    public var seatsB: Int?
    public var gapA: Double? { seatsA.map { demandA - Double($0) } }
    public var gapB: Double? { seatsB.map { demandB - Double($0) } }
}

public struct ScenarioComparison: Sendable {
    public var a: PlanResult
    public var b: PlanResult
    public var rows: [ScenarioComparisonRow]
}

/// School-place supply planning on plain values: the command line and the web pages call these.
public enum PlanningEngine {
    /// Projects `options.years` years after `options.baseYear` under `scenario`, with seat gaps
    /// when `inputs.capacity` is not empty. Throws InputErrors naming file, row and field.
    public static func project(_ inputs: PlanInputs, options: ProjectionOptions,
                               scenario: PlanningScenario = .baseline) throws -> PlanResult {
        try options.validate()
        try validate(scenario.births)
        let history = try PlanningHistory(inputs: inputs, firstEnrollmentYear: options.baseYear - options.history,
                                          lastYear: options.baseYear)
        let projection = try history.project(baseYear: options.baseYear, years: options.years,
                                             history: options.history, averaging: options.averaging,
                                             births: scenario.births)
        let gaps = try history.seatGaps(for: projection, scenario: scenario, capacitySource: inputs.capacitySource,
                                        standardSchoolSeats: options.standardSchoolSeats)
        return PlanResult(scenario: scenario, projection: projection, gaps: gaps)
    }

    /// Holds out the `holdout` years up to `options.baseYear`, projects them from the years before
    /// (knowing births only up to the origin, as a planner then would) and reports the errors.
    /// `options.years` is not used: the horizon is the holdout.
    public static func backtest(_ inputs: PlanInputs, options: ProjectionOptions, holdout: Int,
                                births: BirthsAssumption = .constant) throws -> BacktestReport {
        try ProjectionOptions(baseYear: options.baseYear, years: holdout, history: options.history,
                              averaging: options.averaging, standardSchoolSeats: options.standardSchoolSeats)
            .validate(source: "backtest options")
        try validate(births)
        let history = try PlanningHistory(inputs: inputs, firstEnrollmentYear: options.baseYear - holdout - options.history,
                                          lastYear: options.baseYear)
        return try history.backtest(lastYear: options.baseYear, holdout: holdout, history: options.history,
                                    averaging: options.averaging, births: births)
    }

    /// Projects both scenarios on the same inputs and lines them up district × year × stage.
    public static func compare(_ inputs: PlanInputs, options: ProjectionOptions,
                               _ a: PlanningScenario, _ b: PlanningScenario) throws -> ScenarioComparison {
        let resultA = try project(inputs, options: options, scenario: a)
        let resultB = try project(inputs, options: options, scenario: b)
        let demandA = resultA.projection.stageDemand, demandB = resultB.projection.stageDemand
        let hasSeats = !resultA.gaps.isEmpty
        // Both lists are in the same district × year × stage order.
        let rows = zip(demandA, demandB).enumerated().map { index, pair in
            ScenarioComparisonRow(districtCode: pair.0.districtCode, year: pair.0.year, stage: pair.0.stage,
                                  demandA: pair.0.projected, demandB: pair.1.projected,
                                  seatsA: hasSeats ? resultA.gaps[index].seats : nil,
                                  seatsB: hasSeats ? resultB.gaps[index].seats : nil)
        }
        return ScenarioComparison(a: resultA, b: resultB, rows: rows)
    }

    private static func validate(_ births: BirthsAssumption) throws {
        if case .linearTrend(let years) = births, years < 2 {
            throw FieldError(file: "births scenario", field: "trend years",
                             reason: "a trend needs at least 2 known years, not \(years)")
        }
    }
}
