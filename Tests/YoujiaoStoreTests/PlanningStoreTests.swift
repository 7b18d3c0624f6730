import Foundation
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

@Suite("Planning data and scenarios on SQLite, or PostgreSQL when DATABASE_URL is set")
struct PlanningStoreTests {
    @Test func planningDataReadsHistoryBirthsAndSeats() async throws {
        try await TestDatabase.withStore { store in
            try await PlanningFixture.load(into: store.registry)
            // A second Huangpu school teaching two stages, to see the sums per stage combination.
            try await store.registry.upsert(schools: [School(
                id: "3101010002", name: "黄浦区九年一贯制学校", districtCode: "310101", stages: [.primary, .junior],
                ownership: .public, isInclusive: false, boarding: false, entrySeats: [.g1: 40, .g6: 50],
                latitude: 31.2, longitude: 121.5)])
            let data = try await store.registry.planningData()
            #expect(data.districtCodes == ["310101", "310104"])
            #expect(data.latestYear == PlanningFixture.baseYear)
            #expect(data.births.count == PlanningFixture.births().count)
            #expect(data.enrollment.count == PlanningFixture.enrollment().count)
            let seats = SeatCapacity.registrySeats(data.schools, districtCodes: ["310101", "310104"], year: 2025)
            let byKey = Dictionary(uniqueKeysWithValues: seats.map { ("\($0.districtCode)/\($0.stage.rawValue)", $0.seats) })
            #expect(byKey["310101/primary"] == (200 + 40) * 5)
            #expect(byKey["310101/junior"] == 50 * 4)
            #expect(byKey["310104/primary"] == 180 * 5)
            #expect(byKey["310104/kindergarten"] == 0)

            let result = try PlanningEngine.project(data.inputs(seatsFrom: 2025), options: ProjectionOptions(baseYear: 2025, years: 3))
            let xuhui = try #require(result.gaps.first { $0.districtCode == "310104" && $0.year == 2026 && $0.stage == .primary })
            #expect(abs(xuhui.demand - 1100) < 1e-9 && xuhui.seats == 900 && xuhui.schoolsShort == 1)
        }
    }

    /// The fixture city with a city planner ("规划员") who owns the scenarios of the test.
    static func withPlanner(_ body: (OpenStore, UserRecord, PlanningScenarioStore) async throws -> Void) async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let owner = UserRecord(username: "planner", passwordHash: "x", role: .cityAdmin, displayName: "规划员")
            try await store.accounts.create(owner)
            try await body(store, owner, PlanningScenarioStore(store.database))
        }
    }

    static func scenario(owner: String, district: String?) -> StoredScenario {
        StoredScenario(ownerUserID: owner, districtCode: district, horizon: 8, scenario: PlanningScenario(
            name: "徐汇新校", births: .series(BirthSeries(counts: [BirthCount(districtCode: "310104", year: 2025, births: 190)],
                                                         source: StoredScenario.birthsSource)),
            openings: [SeatChange(districtCode: "310104", stage: .primary, year: 2027, seats: 200, label: "徐汇区第二小学")],
            closures: [SeatChange(districtCode: "310104", stage: .kindergarten, year: 2028, seats: 90)]))
    }

    @Test func scenariosRoundTripUpdateAndCascade() async throws {
        try await Self.withPlanner { store, owner, scenarios throws in
            var stored = Self.scenario(owner: owner.id, district: "310104")
            try await scenarios.insert(stored)
            let read = try #require(try await scenarios.scenario(id: stored.id))
            #expect(read.scenario == stored.scenario)
            #expect(read.ownerName == "规划员" && read.districtCode == "310104" && read.horizon == 8)
            #expect(try await scenarios.scenarios(district: "310101").isEmpty)
            #expect(try await scenarios.scenarios().map(\.id) == [stored.id])

            stored.scenario.births = .linearTrend(years: 4)
            stored.scenario.closures = []
            stored.districtCode = nil
            #expect(try await scenarios.update(stored))
            let updated = try #require(try await scenarios.scenario(id: stored.id))
            #expect(updated.scenario.births == .linearTrend(years: 4) && updated.scenario.closures.isEmpty)
            #expect(updated.scenario.openings == stored.scenario.openings && updated.districtCode == nil)

            #expect(try await scenarios.delete(id: stored.id))
            #expect(try await scenarios.scenario(id: stored.id) == nil)
            struct Count: Decodable { var n: Int }
            for table in ["planning_scenario_changes", "planning_scenario_births"] {
                #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Count.self)?.n == 0,
                        "\(table) rows go with their scenario")
            }
            #expect(try await scenarios.delete(id: stored.id) == false)
        }
    }

    @Test func theSchemaRefusesWhatTheFormsRefuse() async throws {
        try await Self.withPlanner { store, owner, scenarios throws in
            var negative = Self.scenario(owner: owner.id, district: "310104")
            negative.scenario.openings[0].seats = -5
            await #expect(throws: (any Error).self) { try await scenarios.insert(negative) }
            var longHorizon = Self.scenario(owner: owner.id, district: "310104")
            longHorizon.horizon = 16
            await #expect(throws: (any Error).self) { try await scenarios.insert(longHorizon) }
            var unknownDistrict = Self.scenario(owner: owner.id, district: "310104")
            unknownDistrict.scenario.openings[0].districtCode = "999999"
            await #expect(throws: (any Error).self) { try await scenarios.insert(unknownDistrict) }
            #expect(try await scenarios.scenarios().isEmpty, "a refused insert leaves nothing behind")
        }
    }
}
