import Testing
@testable import YoujiaoCore

@Suite("Seat gaps and scenarios")
struct SeatGapTests {
    /// Closes 100 junior seats from 2022 and opens a 100-seat senior school from 2021.
    static let plans = PlanningScenario(
        name: "plans", births: .trend,
        openings: [SeatChange(districtCode: "D1", stage: .senior, year: 2021, seats: 100, label: "新高中")],
        closures: [SeatChange(districtCode: "D1", stage: .junior, year: 2022, seats: 100)])

    func gaps(_ scenario: PlanningScenario = .baseline) throws -> [SeatGap] {
        try PlanningEngine.project(PlanningExample.inputs(withCapacity: true), options: PlanningExample.options(),
                                   scenario: scenario).gaps
    }

    func gap(_ gaps: [SeatGap], _ year: Int, _ stage: Stage) -> SeatGap {
        gaps.first { $0.year == year && $0.stage == stage }!
    }

    @Test func aShortfallIsCountedInStandardSchools() throws {
        let gaps = try gaps()
        let kindergarten = gap(gaps, 2021, .kindergarten)   // 499 pupils, 450 seats
        #expect(kindergarten.seats == 450 && close(kindergarten.gap, 49))
        #expect(kindergarten.schoolsShort == 1)             // 49 / 360, rounded up
        #expect(close(kindergarten.demandLow, 479) && close(kindergarten.demandHigh, 519))
        let primary = gap(gaps, 2021, .primary)             // 470 pupils, 500 seats
        #expect(close(primary.gap, -30) && primary.schoolsShort == 0)
    }

    @Test func seatsFollowTheLatestCapacityFigure() throws {
        let gaps = try gaps()
        let kindergarten = gap(gaps, 2022, .kindergarten)   // 190 + 199.5 + 210 against 600 from 2022
        #expect(kindergarten.seats == 600 && close(kindergarten.gap, -0.5))
        #expect(gap(gaps, 2024, .kindergarten).seats == 600)
        #expect(gaps.count == 4 * 4)
        // The same district × year × stage order as the stage demand.
        let demand = try PlanningEngine.project(PlanningExample.inputs(), options: PlanningExample.options()).projection.stageDemand
        #expect(gaps.map(\.year) == demand.map(\.year) && gaps.map(\.stage) == demand.map(\.stage))
    }

    @Test func openingsAndClosuresChangeSeatsFromTheirYear() throws {
        let gaps = try gaps(Self.plans)
        #expect(gap(gaps, 2021, .junior).seats == 400)
        let junior = gap(gaps, 2022, .junior)               // 400 pupils, 300 seats after the closure
        #expect(junior.seats == 300 && close(junior.gap, 100) && junior.schoolsShort == 1)
        let senior = gap(gaps, 2021, .senior)               // 240 pupils, 300 + 100 seats
        #expect(senior.seats == 400 && close(senior.gap, -160))
    }

    @Test func twoScenariosAreComparedSideBySide() throws {
        let comparison = try PlanningEngine.compare(PlanningExample.inputs(withCapacity: true),
                                                    options: PlanningExample.options(), .baseline, Self.plans)
        #expect(comparison.rows.count == 16)
        let junior = comparison.rows.first { $0.year == 2022 && $0.stage == .junior }!
        #expect(junior.seatsA == 400 && junior.seatsB == 300 && close(junior.gapA!, 0) && close(junior.gapB!, 100))
        // Births 2021 are 200 held constant in A and 240 on the trend in B: K1 2024 is 190 against 228.
        let kindergarten = comparison.rows.first { $0.year == 2024 && $0.stage == .kindergarten }!
        #expect(close(kindergarten.demandB - kindergarten.demandA, 38))
    }

    @Test func withoutCapacityThereAreNoGapsAndComparisonsHaveNoSeats() throws {
        let comparison = try PlanningEngine.compare(PlanningExample.inputs(), options: PlanningExample.options(),
                                                    .baseline, .baseline)
        #expect(comparison.a.gaps.isEmpty)
        #expect(comparison.rows.allSatisfy { $0.seatsA == nil && $0.gapB == nil && $0.demandA == $0.demandB })
    }

    @Test func aStageWithoutSeatsBeforeTheFirstYearIsAnError() {
        var inputs = PlanningExample.inputs(withCapacity: true)
        inputs.capacity.removeAll { $0.stage == .senior }
        inputs.capacity.append(SeatCapacity(districtCode: "D1", year: 2023, stage: .senior, seats: 300))
        let errors = fieldErrors { _ = try PlanningEngine.project(inputs, options: PlanningExample.options()) }
        #expect(errors.map(\.description) == ["capacity: field year: district D1 has no senior seats for 2021 or any year before it"])
    }

    @Test func badOpeningsAndClosuresAreNamed() {
        let scenario = PlanningScenario(
            name: "bad",
            openings: [SeatChange(districtCode: "D9", stage: .primary, year: 2022, seats: 500, label: "新小学"),
                       SeatChange(districtCode: "D1", stage: .special, year: 2022, seats: 50),
                       SeatChange(districtCode: "D1", stage: .primary, year: 2022, seats: 0),
                       SeatChange(districtCode: "D1", stage: .primary, year: 2022, seats: Int.max)],
            closures: [SeatChange(districtCode: "D1", stage: .senior, year: 2023, seats: 400)])
        let errors = fieldErrors {
            _ = try PlanningEngine.project(PlanningExample.inputs(withCapacity: true), options: PlanningExample.options(),
                                           scenario: scenario)
        }
        #expect(errors.map(\.description) == [
            "scenario 'bad': field openings: openings #1 (新小学): unknown district 'D9'",
            "scenario 'bad': field openings: openings #2: 'special' is not a projected stage",
            "scenario 'bad': field openings: openings #3: 0 seats; give a whole number from 1 to 100000",
            "scenario 'bad': field openings: openings #4: 9223372036854775807 seats; give a whole number from 1 to 100000",
        ])
        let closing = PlanningScenario(name: "close", closures: scenario.closures)
        let closureErrors = fieldErrors {
            _ = try PlanningEngine.project(PlanningExample.inputs(withCapacity: true), options: PlanningExample.options(),
                                           scenario: closing)
        }
        #expect(closureErrors.map(\.description) == ["scenario 'close': field closures: closures leave district D1 with -100 senior seats in 2023"])
    }
}
