import Testing
@testable import YoujiaoCore

@Suite("Cohort projection on the hand-checked example")
struct ProjectionTests {
    let projection = try! PlanningEngine.project(PlanningExample.inputs(), options: PlanningExample.options()).projection

    @Test func ratiosAreTheMeanOfTheYearlyRatiosWithTheirSpread() {
        let k1 = projection.ratioOf(.k1), k2 = projection.ratioOf(.k2)
        let g1 = projection.ratioOf(.g1), g10 = projection.ratioOf(.g10)
        #expect(close(k1.ratio, 0.95) && close(k1.low, 0.9) && close(k1.high, 1.0))
        #expect(close(k2.ratio, 1.05) && close(k2.low, 1.0) && close(k2.high, 1.1))
        #expect(close(g1.ratio, 0.9) && close(g1.low, 0.8) && close(g1.high, 1.0))
        #expect(close(g10.ratio, 0.8) && close(g10.low, 0.6) && close(g10.high, 1.0))
        #expect(close(projection.ratioOf(.g7).ratio, 1.0))
    }

    @Test func weightedRatiosCountTheRecentYearTwice() throws {
        let weighted = try PlanningEngine.project(PlanningExample.inputs(),
                                                  options: PlanningExample.options(averaging: .weighted)).projection
        // (1 × 0.9 + 2 × 1.0) / 3 and (1 × 1.0 + 2 × 0.6) / 3
        #expect(close(weighted.ratioOf(.k1).ratio, 2.9 / 3))
        #expect(close(weighted.ratioOf(.g10).ratio, 2.2 / 3))
        #expect(close(weighted.count(2021, .k1).projected, 200 * 2.9 / 3))
    }

    @Test func entryGradesComeFromBirthsThreeAndSixYearsEarlier() {
        let k1 = projection.count(2021, .k1)        // births 2018 (200) × 0.95
        #expect(close(k1.projected, 190) && close(k1.low, 180) && close(k1.high, 200))
        let g1 = projection.count(2021, .g1)        // births 2015 (100) × 0.9
        #expect(close(g1.projected, 90) && close(g1.low, 80) && close(g1.high, 100))
        #expect(close(projection.count(2024, .g1).projected, 180))   // births 2018 (200) × 0.9
    }

    @Test func laterGradesProgressFromTheGradeBelowAYearEarlier() {
        let k2 = projection.count(2021, .k2)        // K1 2020 (200) × 1.05
        #expect(close(k2.projected, 210) && close(k2.low, 200) && close(k2.high, 220))
        #expect(close(projection.count(2021, .g3).projected, 80))     // grade 2 2020 (80) × 1
        #expect(close(projection.count(2021, .g11).projected, 60))    // grade 10 2020 (60) × 1
        let g10 = projection.count(2021, .g10)      // grade 9 2020 (100) × 0.8, the senior entry
        #expect(close(g10.projected, 80) && close(g10.low, 60) && close(g10.high, 100))
        #expect(g10.stage == .senior)
        // Year two chains the projected year one: K2 2022 = K1 2021 (190) × 1.05, bounds chain too.
        let k2Next = projection.count(2022, .k2)
        #expect(close(k2Next.projected, 199.5) && close(k2Next.low, 180) && close(k2Next.high, 220))
        let g11Next = projection.count(2022, .g11)  // grade 10 2021 (80; 60…100) × 1
        #expect(close(g11Next.projected, 80) && close(g11Next.low, 60) && close(g11Next.high, 100))
    }

    @Test func stageDemandSumsItsGrades() {
        let kindergarten = projection.demand(2021, .kindergarten)   // 190 + 210 + 99
        #expect(close(kindergarten.projected, 499) && close(kindergarten.low, 479) && close(kindergarten.high, 519))
        #expect(close(projection.demand(2021, .primary).projected, 470))  // 90 + 100 + 80 + 100 + 100
        #expect(close(projection.demand(2021, .junior).projected, 400))
        #expect(close(projection.demand(2021, .senior).projected, 240))   // 80 + 60 + 100
        #expect(projection.stageDemand.count == 4 * 4)
        #expect(projection.counts.count == 4 * 15)
    }

    @Test func constantBirthsRepeatTheLastKnownYear() {
        // K1 2024 needs births 2021, after the last known year 2020 (200).
        #expect(close(projection.count(2024, .k1).projected, 190))
    }

    @Test func trendBirthsFollowTheLeastSquaresLine() throws {
        // Births 2016–2020: 100 200 200 200 200 → mean 180 at 2018, slope 200 / 10 = 20 a year:
        // 2021 → 240, so K1 2024 = 240 × 0.95.
        let scenario = PlanningScenario(name: "trend", births: .trend)
        let trend = try PlanningEngine.project(PlanningExample.inputs(), options: PlanningExample.options(),
                                               scenario: scenario).projection
        #expect(close(trend.count(2024, .k1).projected, 228))
        #expect(close(trend.count(2023, .k1).projected, 190))   // births 2020 are known
        let line = PlanningHistory.leastSquaresLine(years: 2016...2020) { $0 == 2016 ? 100 : 200 }
        #expect(close(line(2022), 260))
    }

    @Test func aFallingTrendNeverGoesBelowZero() throws {
        let line = PlanningHistory.leastSquaresLine(years: 2018...2020) { Double(3000 - 1000 * ($0 - 2017)) }
        #expect(close(line(2023), -3000))   // the raw line; the projection clamps it
        var inputs = PlanningExample.inputs()
        inputs.births = (2013...2020).map { BirthCount(districtCode: "D1", year: $0, births: max(0, 4000 - 500 * ($0 - 2013))) }
        // Births 2018–2020: 1500 1000 500 → the line reaches 0 in 2021 and −500 in 2022.
        let result = try PlanningEngine.project(inputs, options: PlanningExample.options(years: 6),
                                                scenario: PlanningScenario(name: "fall", births: .linearTrend(years: 3)))
        #expect(result.projection.count(2025, .k1).projected == 0)
        #expect(result.projection.count(2026, .k1).projected == 0)
    }

    @Test func aUserSeriesSuppliesTheLaterYears() throws {
        let series = BirthSeries(counts: [BirthCount(districtCode: "D1", year: 2021, births: 300)],
                                 source: TableSource(name: "scenario.csv", rows: [2]))
        let result = try PlanningEngine.project(PlanningExample.inputs(), options: PlanningExample.options(),
                                                scenario: PlanningScenario(name: "user", births: .series(series)))
        #expect(close(result.projection.count(2024, .k1).projected, 285))   // 300 × 0.95
    }

    @Test func theHorizonRunsUpToFifteenYears() throws {
        let longest = try PlanningEngine.project(PlanningExample.inputs(), options: PlanningExample.options(years: 15))
        #expect(longest.projection.projectedYears == 2021...2035)
        // Grade 12 in 2035 is the grade 1 of 2024 (births 2018: 200 × 0.9) through the senior entry (× 0.8).
        #expect(close(longest.projection.count(2035, .g12).projected, 144))
        // K3 in 2035: births 2030 (constant 200) × 0.95 × 1.05 × 1.
        #expect(close(longest.projection.count(2035, .k3).projected, 199.5))
    }
}
