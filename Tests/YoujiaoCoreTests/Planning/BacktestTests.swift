import Testing
@testable import YoujiaoCore

@Suite("Backtest: hold out the last years and measure the error")
struct BacktestTests {
    /// Holding out 2020 with one year of history: ratios from 2019 alone (K1 0.9, grade 1 0.8,
    /// the rest 1.0), projected from 2019 to 2020 and compared with the observed 2020.
    ///   kindergarten: K1 200 × 0.9 = 180, K2 90, K3 100 → 370 vs 399 (error −29)
    ///   primary: 100 × 0.8 = 80, 80, 100, 100, 100 → 460 vs 480 (error −20)
    ///   junior: 400 vs 400; senior: 100 + 100 + 100 = 300 vs 60 + 100 + 100 = 260 (error +40)
    let report = try! PlanningEngine.backtest(PlanningExample.twoDistricts(),
                                              options: PlanningExample.options(history: 1), holdout: 1)

    func cell(_ district: String, _ stage: Stage) -> BacktestCell {
        report.cells.first { $0.districtCode == district && $0.stage == stage }!
    }

    @Test func projectsTheHeldOutYearFromTheOrigin() {
        #expect(report.origin == 2019 && report.holdout == 1)
        let kindergarten = cell("D1", .kindergarten)
        #expect(kindergarten.year == 2020 && kindergarten.horizon == 1)
        #expect(close(kindergarten.projected, 370) && close(kindergarten.actual, 399))
        #expect(close(kindergarten.error, -29))
        #expect(close(kindergarten.absolutePercentError!, 29.0 / 399 * 100))
        #expect(close(cell("D1", .primary).error, -20))
        #expect(close(cell("D1", .junior).error, 0))
        #expect(close(cell("D1", .senior).error, 40))
        #expect(close(cell("D2", .senior).error, 80))   // D2 is D1 doubled
    }

    @Test func summarisesPerDistrictStageHorizonAndCity() {
        let summaries = report.summaries
        let district = summaries.first { $0.scope == .district && $0.districtCode == "D1" }!
        let d1Mape = (29.0 / 399 + 20.0 / 480 + 0 + 40.0 / 260) * 100 / 4
        #expect(district.count == 4 && close(district.mape, d1Mape) && close(district.meanError, -2.25))
        let kindergarten = summaries.first { $0.scope == .stage && $0.stage == .kindergarten }!
        #expect(kindergarten.count == 2 && close(kindergarten.mape, 29.0 / 399 * 100) && close(kindergarten.meanError, -43.5))
        let horizon = summaries.first { $0.scope == .horizon && $0.horizon == 1 }!
        #expect(horizon.count == 8 && close(horizon.mape, d1Mape) && close(horizon.meanError, -3.375))
        let city = report.cityCells.first { $0.stage == .senior }!
        #expect(close(city.projected, 900) && close(city.actual, 780))
        #expect(summaries.filter { $0.scope == .cell }.count == 8)
        #expect(summaries.filter { $0.scope == .city }.count == 4)
    }

    @Test func holdingOutMoreYearsThanTheHistoryHoldsIsAnError() {
        // Two held-out years with one year of history need enrollment from 2017: the example starts in 2018.
        let errors = fieldErrors {
            _ = try PlanningEngine.backtest(PlanningExample.inputs(), options: PlanningExample.options(history: 1), holdout: 2)
        }
        #expect(errors.map(\.reason) == [
            "district D1 enrollment starts in 2018; the ratios need history from 2017",
            "district D1 births start in 2013; grade-1 ratios need births from 2012",
        ])
    }

    @Test func birthsAfterTheKnownYearAreReplacedByTheAssumption() throws {
        // As if births were known only to 2016 (100): 2017 and 2018 become 100 too, so the K1 ratio
        // of 2020 is 200 / 100 = 2.0, the mean (0.9 + 2.0) / 2 = 1.45, and K1 2021 = 100 × 1.45.
        let history = try PlanningHistory(inputs: PlanningExample.inputs(), firstEnrollmentYear: 2018, lastYear: 2020)
        let projection = try history.project(baseYear: 2020, years: 1, history: 2, averaging: .mean,
                                             births: .constant, knownBirthsThrough: 2016)
        #expect(close(projection.count(2021, .k1).projected, 145))
    }

    @Test func theErrorTableIsCSV() throws {
        let table = try CSVTable.parse(text: PlanningFiles.backtestDocument(report), fileName: "backtest.csv")
        #expect(table.header == ["scope", "district", "stage", "horizon", "n", "mape_percent", "mean_error"])
        #expect(table.rows.count == 8 + 2 + 4 + 1 + 4)
        let senior = table.rows.first { (try? $0.string("scope")) == "cell" && (try? $0.string("stage")) == "senior" }!
        #expect(try senior.string("district") == "D1" && senior.string("mape_percent") == "15.38" && senior.double("mean_error") == 40)
        let city = table.rows.last!
        #expect(try city.string("scope") == "city" && city.string("district") == "city" && city.string("stage") == "senior")
    }

    @Test func aPercentErrorNeedsSomethingObserved() {
        let empty = BacktestCell(districtCode: "D1", stage: .senior, horizon: 1, year: 2020, projected: 5, actual: 0)
        #expect(empty.absolutePercentError == nil)
        let summary = BacktestSummary(scope: .stage, stage: .senior, cells: [empty, cell("D1", .senior)])
        #expect(summary.count == 1 && close(summary.mape, 40.0 / 260 * 100) && close(summary.meanError, 22.5))
    }
}
