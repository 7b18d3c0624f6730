import FluentKit
import SQLKit
import Synchronization

/// The areas of the data whose writes the database counts (CreateDataVersions and the migrations
/// after it), each with its tables. A figure computed over whole tables names the areas it reads;
/// it is recomputed only when one of them has changed.
public enum DataArea: String, CaseIterable, Sendable {
    case registry
    case supervision
    case familyEducation = "family_education"
    case specialEducation = "special_education"
    case teacherPosts = "teacher_posts"
    case aid
    case enrollmentSetup = "enrollment_setup"

    var tables: [String] {
        switch self {
        case .registry: ["districts", "schools", "students", "guardians", "guardian_children", "teachers"]
        case .supervision: ["school_reports", "school_report_grades", "district_reports", "teacher_rotations", "teacher_rotation_terms",
                            "rotation_rounds", "rotation_needs", "rotation_assignments", "rotation_round_eligible"]
        case .familyEducation: ["home_visits", "family_education_activities"]
        case .specialEducation: ["sped_cases", "sped_case_staff", "sped_assessments", "sped_placements", "sped_plans", "sped_goals",
                                 "sped_services", "sped_reviews", "sped_review_results", "sped_visits", "sped_handovers"]
        case .teacherPosts: ["teacher_appointments"]
        case .aid: ["aid_grants", "aid_policies"]
        case .enrollmentSetup: ["zones", "campaign_seats"]
        }
    }
}

/// Figures computed over whole tables (a city's pupils by district and stage, the supervision
/// inputs), kept in this process under the version numbers of the areas they read. One small
/// query reads the numbers; when none has moved since the figure was computed, it is served as it
/// was. Every writer raises the numbers in the database, in the same transaction as its rows, so a
/// page of any app instance sees a change as soon as it is committed.
///
/// The numbers are read before the figure is computed: a write committed in between makes the kept
/// figure newer than its numbers, never older. Inside a transaction nothing is kept or served: the
/// transaction sees its own uncommitted rows, which a rollback would take back.
///
/// `serve` calls `refreshStale` every few seconds, so that the first view after a change does not
/// pay for it: figures read in the last minutes are computed again in the background, one at a
/// time, each at most once per ten times its own cost (a 6-s figure at most once a minute).
public final class ComputedFigures: Sendable {
    public static let shared = ComputedFigures(capacity: 512)

    public typealias Computation<T> = @Sendable (any Database) async throws -> T

    private struct Entry {
        var versions: [Int64]
        var value: any Sendable
        var areas: [DataArea]
        var compute: Computation<any Sendable>
        /// The LRU order.
        var used: UInt64
        var lastRead: ContinuousClock.Instant
        var computed: ContinuousClock.Instant
        var cost: Duration
    }
    private struct State { var entries: [String: Entry] = [:]; var clock: UInt64 = 0 }
    private let state = Mutex(State())
    private let capacity: Int
    /// A figure is refreshed in the background at most once per this many times its cost.
    private let refreshCostMultiple: Int

    init(capacity: Int, refreshCostMultiple: Int = 10) { self.capacity = capacity; self.refreshCostMultiple = refreshCostMultiple }

    /// The figure named `key` (which includes every parameter it depends on), computed by `compute`
    /// on `database` unless it is kept under the current versions of `areas`. `compute` reads only
    /// through the database it is given: the background refresh calls it with the server's own.
    public func value<T: Sendable>(_ key: String, reading areas: [DataArea], on database: any Database,
                                   compute: @escaping Computation<T>) async throws -> T {
        guard !database.inTransaction else { return try await compute(database) }
        let versions = try await Self.versions(of: areas, on: database as! any SQLDatabase)
        let slot = Self.slot(key, database: versions[0])
        let kept: T? = state.withLock { state in
            guard let entry = state.entries[slot], entry.versions == versions, let value = entry.value as? T else { return nil }
            state.clock += 1
            state.entries[slot]!.used = state.clock
            state.entries[slot]!.lastRead = .now
            return value
        }
        if let kept { return kept }
        let started = ContinuousClock.now
        let value = try await compute(database)
        let finished = ContinuousClock.now
        state.withLock { state in
            state.clock += 1
            state.entries[slot] = Entry(versions: versions, value: value, areas: areas, compute: { try await compute($0) }, used: state.clock,
                                       lastRead: finished, computed: finished, cost: finished - started)
            if state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key {
                state.entries[oldest] = nil
            }
        }
        return value
    }

    /// Whether the figure named `key` is kept for `database` under the current versions of its
    /// areas, so that a page reading it now would not compute it.
    public func isCurrent(_ key: String, on database: any Database) async throws -> Bool {
        let sql = database as! any SQLDatabase
        let databaseNumber = try await Self.versions(of: [], on: sql)[0]
        guard let areas = state.withLock({ $0.entries[Self.slot(key, database: databaseNumber)]?.areas }) else { return false }
        let versions = try await Self.versions(of: areas, on: sql)
        return state.withLock { $0.entries[Self.slot(key, database: databaseNumber)]?.versions == versions }
    }

    /// Figures are kept per database as well as per name: tests open many databases in one process.
    private static func slot(_ key: String, database: Int64) -> String { "\(database) \(key)" }

    /// Computes again, on `database`, the kept figures read within `recently` whose areas have been
    /// written since and that were last computed at least `refreshCostMultiple` times their cost
    /// ago. Returns how many it computed.
    @discardableResult
    public func refreshStale(on database: any Database, readWithin recently: Duration) async throws -> Int {
        let sql = database as! any SQLDatabase
        let now = ContinuousClock.now
        let current = try await Self.versions(of: DataArea.allCases, on: sql)
        let byArea = Dictionary(uniqueKeysWithValues: zip(DataArea.allCases, current.dropFirst()))
        let due: [(key: String, areas: [DataArea], compute: Computation<any Sendable>)] = state.withLock { state in
            state.entries.compactMap { key, entry in
                let stale = entry.versions != [current[0]] + entry.areas.map { byArea[$0]! }
                // A figure of another database (tests open many) is left to its own pages.
                guard stale, entry.versions[0] == current[0], now - entry.lastRead <= recently,
                      now - entry.computed >= entry.cost * refreshCostMultiple else { return nil }
                return (key, entry.areas, entry.compute)
            }
        }
        for figure in due {
            let versions = try await Self.versions(of: figure.areas, on: sql)
            let started = ContinuousClock.now
            let value = try await figure.compute(database)
            let finished = ContinuousClock.now
            state.withLock { state in
                // A page may have computed it meanwhile under newer numbers: keep the newer.
                guard let entry = state.entries[figure.key], zip(versions, entry.versions).allSatisfy({ $0 >= $1 }) else { return }
                state.entries[figure.key]!.versions = versions
                state.entries[figure.key]!.value = value
                state.entries[figure.key]!.computed = finished
                state.entries[figure.key]!.cost = finished - started
            }
        }
        return due.count
    }

    /// The database's own random number first, then the areas' versions in the order asked.
    static func versions(of areas: [DataArea], on sql: any SQLDatabase) async throws -> [Int64] {
        struct Row: Decodable { var area: String; var version: Int64 }
        let names = ["database"] + areas.map(\.rawValue)
        let rows = try await sql.select().columns("area", "version").from("data_versions")
            .where("area", .in, names).all(decoding: Row.self)
        let byArea = Dictionary(rows.map { ($0.area, $0.version) }, uniquingKeysWith: { a, _ in a })
        return try names.map { name in
            guard let version = byArea[name] else { throw ComputedFiguresError.missingArea(name) }
            return version
        }
    }
}

enum ComputedFiguresError: Error, CustomStringConvertible {
    case missingArea(String)
    var description: String {
        switch self {
        case .missingArea(let area): "the data_versions table has no row for \(area): run `youjiao migrate`"
        }
    }
}
