import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// A planner's scenario as stored: the Core scenario plus who owns it, which district it plans
/// (nil: the whole city) and how many years it looks ahead.
public struct StoredScenario: Sendable, Hashable {
    public var id: String
    public var ownerUserID: String
    /// The owner's display name (filled in on reading).
    public var ownerName: String
    public var districtCode: String?
    public var horizon: Int
    public var scenario: PlanningScenario
    public var createdAt: String
    public var updatedAt: String

    public init(id: String = UUID().uuidString.lowercased(), ownerUserID: String, ownerName: String = "",
                districtCode: String?, horizon: Int, scenario: PlanningScenario,
                createdAt: String = StoredScenario.now(), updatedAt: String = StoredScenario.now()) {
        self.id = id; self.ownerUserID = ownerUserID; self.ownerName = ownerName; self.districtCode = districtCode
        self.horizon = horizon; self.scenario = scenario; self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    public static func now() -> String { Timestamp.string(Date(), milliseconds: false) }

    /// Where errors about a stored births series point.
    public static let birthsSource = TableSource(name: "births scenario")
}

/// Reads and writes of `planning_scenarios` and its child tables; every write is one transaction.
public struct PlanningScenarioStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    private struct ScenarioRow: Codable, Sendable {
        var id: String; var name: String; var ownerUserId: String; var districtCode: String?
        var birthsAssumption: String; var trendYears: Int?; var horizon: Int
        var createdAt: String; var updatedAt: String
    }
    private struct ListedRow: Decodable {
        var id: String; var name: String; var ownerUserId: String; var ownerName: String?; var districtCode: String?
        var birthsAssumption: String; var trendYears: Int?; var horizon: Int
        var createdAt: String; var updatedAt: String
    }
    private struct ChangeRow: Codable, Sendable {
        var scenarioId: String; var position: Int; var kind: String; var districtCode: String
        var stage: String; var year: Int; var seats: Int; var label: String
    }
    private struct BirthRow: Codable, Sendable {
        var scenarioId: String; var districtCode: String; var year: Int; var births: Int
    }

    /// Every scenario, or only those planning `district` when given, newest first.
    public func scenarios(district: String? = nil) async throws -> [StoredScenario] {
        var query: SQLQueryString = """
            SELECT s.*, u.display_name AS owner_name FROM planning_scenarios s
            LEFT JOIN users u ON u.id = s.owner_user_id
            """
        if let district { query.appendLiteral(" WHERE s.district_code = "); query.appendInterpolation(bind: district) }
        query.appendLiteral(" ORDER BY s.updated_at DESC, s.id")
        return try await assemble(try await sql.all(query, as: ListedRow.self))
    }

    public func scenario(id: String) async throws -> StoredScenario? {
        try await assemble(try await sql.all("""
            SELECT s.*, u.display_name AS owner_name FROM planning_scenarios s
            LEFT JOIN users u ON u.id = s.owner_user_id WHERE s.id = \(bind: id)
            """, as: ListedRow.self)).first
    }

    public func insert(_ stored: StoredScenario) async throws {
        try await database.transaction { tx in
            let store = PlanningScenarioStore(tx)
            try await store.sql.insertBatched(into: "planning_scenarios", [Self.row(stored)])
            try await store.insertChildren(of: stored)
        }
    }

    /// Replaces the scenario's fields and children; false when there is no such scenario.
    @discardableResult
    public func update(_ stored: StoredScenario) async throws -> Bool {
        try await database.transaction { tx in
            let store = PlanningScenarioStore(tx)
            guard try await store.scenario(id: stored.id) != nil else { return false }
            let row = Self.row(stored)
            try await store.sql.update("planning_scenarios")
                .set("name", to: row.name).set("district_code", to: row.districtCode)
                .set("births_assumption", to: row.birthsAssumption).set("trend_years", to: row.trendYears)
                .set("horizon", to: row.horizon).set("updated_at", to: row.updatedAt)
                .where("id", .equal, stored.id).run()
            try await store.sql.delete(from: "planning_scenario_changes").where("scenario_id", .equal, stored.id).run()
            try await store.sql.delete(from: "planning_scenario_births").where("scenario_id", .equal, stored.id).run()
            try await store.insertChildren(of: stored)
            return true
        }
    }

    /// Deletes the scenario and its rows (the child tables cascade); false when there was none.
    @discardableResult
    public func delete(id: String) async throws -> Bool {
        try await database.transaction { tx in
            let store = PlanningScenarioStore(tx)
            guard try await store.scenario(id: id) != nil else { return false }
            try await store.sql.delete(from: "planning_scenarios").where("id", .equal, id).run()
            return true
        }
    }

    private func insertChildren(of stored: StoredScenario) async throws {
        let scenario = stored.scenario
        let changes = [("opening", scenario.openings), ("closure", scenario.closures)].flatMap { kind, list in
            list.map { (kind, $0) }
        }
        try await sql.insertBatched(into: "planning_scenario_changes", changes.enumerated().map { position, entry in
            ChangeRow(scenarioId: stored.id, position: position, kind: entry.0, districtCode: entry.1.districtCode,
                      stage: entry.1.stage.rawValue, year: entry.1.year, seats: entry.1.seats, label: entry.1.label)
        })
        if case .series(let series) = scenario.births {
            try await sql.insertBatched(into: "planning_scenario_births", series.counts.map {
                BirthRow(scenarioId: stored.id, districtCode: $0.districtCode, year: $0.year, births: $0.births)
            })
        }
    }

    private static func row(_ stored: StoredScenario) -> ScenarioRow {
        let kind: String, trendYears: Int?
        switch stored.scenario.births {
        case .constant: kind = "constant"; trendYears = nil
        case .linearTrend(let years): kind = "trend"; trendYears = years
        case .series: kind = "series"; trendYears = nil
        }
        return ScenarioRow(id: stored.id, name: stored.scenario.name, ownerUserId: stored.ownerUserID,
                           districtCode: stored.districtCode, birthsAssumption: kind, trendYears: trendYears,
                           horizon: stored.horizon, createdAt: stored.createdAt, updatedAt: stored.updatedAt)
    }

    /// The scenarios of `rows` with their changes and births, read in two queries.
    private func assemble(_ rows: [ListedRow]) async throws -> [StoredScenario] {
        guard !rows.isEmpty else { return [] }
        func children<Row: Decodable>(_ table: String, order: String, as type: Row.Type) async throws -> [Row] {
            var query: SQLQueryString = "SELECT * FROM \(unsafeRaw: table) WHERE scenario_id IN ("
            query.appendList(rows.map(\.id))
            query.appendLiteral(") ORDER BY scenario_id, \(order)")
            return try await sql.all(query, as: Row.self)
        }
        let changes = Dictionary(grouping: try await children("planning_scenario_changes", order: "position", as: ChangeRow.self),
                                 by: \.scenarioId)
        let births = Dictionary(grouping: try await children("planning_scenario_births", order: "district_code, year", as: BirthRow.self),
                                by: \.scenarioId)
        return rows.map { row in
            let assumption: BirthsAssumption
            switch row.birthsAssumption {
            case "trend": assumption = .linearTrend(years: row.trendYears ?? 5)
            case "series":
                assumption = .series(BirthSeries(counts: (births[row.id] ?? []).map {
                    BirthCount(districtCode: $0.districtCode, year: $0.year, births: $0.births)
                }, source: StoredScenario.birthsSource))
            default: assumption = .constant
            }
            let rowChanges = changes[row.id] ?? []
            func seatChanges(_ kind: String) -> [SeatChange] {
                rowChanges.filter { $0.kind == kind }.compactMap { change in
                    Stage(rawValue: change.stage).map {
                        SeatChange(districtCode: change.districtCode, stage: $0, year: change.year, seats: change.seats, label: change.label)
                    }
                }
            }
            return StoredScenario(id: row.id, ownerUserID: row.ownerUserId, ownerName: row.ownerName ?? "",
                                  districtCode: row.districtCode, horizon: row.horizon,
                                  scenario: PlanningScenario(name: row.name, births: assumption,
                                                             openings: seatChanges("opening"), closures: seatChanges("closure")),
                                  createdAt: row.createdAt, updatedAt: row.updatedAt)
        }
    }
}
