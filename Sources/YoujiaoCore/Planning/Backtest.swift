import Foundation

/// One projected stage total of a backtest against what was observed.
public struct BacktestCell: Sendable, Hashable, Codable {
    /// A district code, or nil for the citywide total.
    public var districtCode: String?
    public var stage: Stage
    /// Years after the origin (1 = the first held-out year).
    public var horizon: Int
    public var year: Int
    public var projected: Double
    public var actual: Double
    /// Projected − actual, in pupils: positive means the projection was too high.
    public var error: Double { projected - actual }
    /// |error| / actual × 100; nil when nothing was observed.
    public var absolutePercentError: Double? { actual > 0 ? abs(error) / actual * 100 : nil }
}

/// Mean errors over a group of cells.
public struct BacktestSummary: Sendable, Hashable, Codable {
    public enum Scope: String, Sendable, Codable, CaseIterable {
        /// One district, stage and horizon.
        case cell
        /// One district, all stages and horizons.
        case district
        /// One stage, all districts and horizons.
        case stage
        /// One horizon, all districts and stages.
        case horizon
        /// The citywide total of one stage at one horizon.
        case city
    }
    public var scope: Scope
    public var districtCode: String?
    public var stage: Stage?
    public var horizon: Int?
    /// Cells with something observed (the ones MAPE averages over).
    public var count: Int
    /// Mean absolute percentage error, in percent.
    public var mape: Double
    /// Mean of projected − actual, in pupils (the bias).
    public var meanError: Double

    init(scope: Scope, districtCode: String? = nil, stage: Stage? = nil, horizon: Int? = nil, cells: [BacktestCell]) {
        self.scope = scope; self.districtCode = districtCode; self.stage = stage; self.horizon = horizon
        let percentErrors = cells.compactMap(\.absolutePercentError)
        count = percentErrors.count
        mape = percentErrors.isEmpty ? 0 : percentErrors.reduce(0, +) / Double(percentErrors.count)
        meanError = cells.isEmpty ? 0 : cells.reduce(0) { $0 + $1.error } / Double(cells.count)
    }
}

/// The last `holdout` years projected from the years before them, against what happened.
public struct BacktestReport: Sendable {
    /// The last year the backtest projection saw.
    public let origin: Int
    public let holdout: Int
    /// District × stage × horizon.
    public let cells: [BacktestCell]
    /// Citywide totals (the sum of every district) × stage × horizon.
    public let cityCells: [BacktestCell]

    /// Every summary, cell rows first, then districts, stages, horizons and the city.
    public var summaries: [BacktestSummary] {
        var rows = cells.map {
            BacktestSummary(scope: .cell, districtCode: $0.districtCode, stage: $0.stage, horizon: $0.horizon, cells: [$0])
        }
        // Cells come district by district, so each district's cells are one contiguous run.
        let perDistrict = Projection.stages.count * holdout
        rows += stride(from: 0, to: cells.count, by: perDistrict).map { start in
            let run = Array(cells[start..<min(start + perDistrict, cells.count)])
            return BacktestSummary(scope: .district, districtCode: run[0].districtCode, cells: run)
        }
        let byStage = Dictionary(grouping: cells, by: \.stage)
        rows += Projection.stages.map { BacktestSummary(scope: .stage, stage: $0, cells: byStage[$0] ?? []) }
        let byHorizon = Dictionary(grouping: cells, by: \.horizon)
        rows += (1...holdout).map { BacktestSummary(scope: .horizon, horizon: $0, cells: byHorizon[$0] ?? []) }
        rows += cityCells.map { BacktestSummary(scope: .city, stage: $0.stage, horizon: $0.horizon, cells: [$0]) }
        return rows
    }
}

extension PlanningHistory {
    /// Projects from `lastYear − holdout`, knowing births only up to then, and compares each
    /// district's stage totals with the observed ones.
    func backtest(lastYear: Int, holdout: Int, history: Int, averaging: RatioAveraging,
                  births: BirthsAssumption) throws -> BacktestReport {
        let origin = lastYear - holdout
        let projection = try project(baseYear: origin, years: holdout, history: history, averaging: averaging,
                                     births: births, knownBirthsThrough: origin)
        var cells: [BacktestCell] = []
        cells.reserveCapacity(districts.count * Projection.stages.count * holdout)
        var city = [Double](repeating: 0, count: 2 * Projection.stages.count * holdout)
        for (district, code) in districts.enumerated() {
            for (stageIndex, stage) in Projection.stages.enumerated() {
                for horizon in 1...holdout {
                    let year = origin + horizon
                    let projected = projection.stageTotal(district: district, year: year, stageIndex: stageIndex).projected
                    let observed = enrollmentOffset(district: district, year: year)
                    let actual = Projection.stageGradeIndices[stageIndex].reduce(0.0) { $0 + enrollment[observed + $1] }
                    cells.append(BacktestCell(districtCode: code, stage: stage, horizon: horizon, year: year,
                                              projected: projected, actual: actual))
                    let cityCell = 2 * (stageIndex * holdout + horizon - 1)
                    city[cityCell] += projected
                    city[cityCell + 1] += actual
                }
            }
        }
        let cityCells = Projection.stages.enumerated().flatMap { stageIndex, stage in
            (1...holdout).map { horizon in
                let cityCell = 2 * (stageIndex * holdout + horizon - 1)
                return BacktestCell(districtCode: nil, stage: stage, horizon: horizon, year: origin + horizon,
                                    projected: city[cityCell], actual: city[cityCell + 1])
            }
        }
        return BacktestReport(origin: origin, holdout: holdout, cells: cells, cityCells: cityCells)
    }
}
