import FluentKit
import FluentSQLiteDriver
import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import SQLKit

/// Where the data lives: an SQLite file by default, PostgreSQL when DATABASE_URL is set.
public enum DatabaseTarget: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// `DATABASE_URL` (postgres://…) wins over the SQLite path, as the README says.
    public static func resolve(sqlitePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseTarget {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: sqlitePath)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url):
            // Never print a password.
            if let parsed = try? PostgresURL(url) { return "PostgreSQL \(parsed.redacted)" }
            guard var parts = URLComponents(string: url) else { return "PostgreSQL" }
            if parts.password != nil { parts.password = "***" }
            return "PostgreSQL \(parts.string ?? "")"
        }
    }

    public var isSQLite: Bool { if case .sqlite = self { return true } else { return false } }
}

public enum StoreSetup {
    /// Registers the database with Fluent as the default.
    public static func register(_ target: DatabaseTarget, on databases: Databases) async throws {
        switch target {
        case .sqlite(let path):
            databases.use(.sqlite(.init(storage: .file(path: path), enableForeignKeys: true), connectionPoolTimeout: connectionPoolTimeout,
                                  sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url):
            databases.use(try await postgresConfiguration(url, eventLoopGroup: databases.eventLoopGroup), as: .psql)
        }
    }

    static let connectionsPerEventLoop = 4
    /// Requests queue for a connection up to 30 s on either database (the drivers' default is 10 s):
    /// on a busy day, or on 2 cores under the whole test suite, twenty submissions serialised on one
    /// campaign's lock waited longer than 10 s and failed instead of being answered.
    static let connectionPoolTimeout: TimeAmount = .seconds(30)

    /// One host: PostgresKit reads the URL itself, as it always has (after the strict check, so a
    /// bad port is refused by name). Several hosts (libpq's `host1:port1,host2:port2`, as
    /// `pg_autoctl show uri` prints): `PrimaryRouting`.
    static func postgresConfiguration(_ url: String, eventLoopGroup: any EventLoopGroup) async throws -> any DatabaseConfiguration {
        let single = { try DatabaseConfigurationFactory.postgres(url: url, maxConnectionsPerEventLoop: connectionsPerEventLoop,
                                                                connectionPoolTimeout: connectionPoolTimeout).make() }
        if PostgresURL.isUnixSocket(url) { return try single() }
        let parsed = try PostgresURL(url)
        if parsed.hosts.count == 1 { return try single() }
        return try await PrimaryRouting.configuration(parsed, eventLoopGroup: eventLoopGroup)
    }

    /// Every migration of the store, in order. The web layer appends its session table.
    public static let migrations: [any Migration] = [
        CreateRegistry(),
        CreatePeopleTables(),
        CreateHistoryTables(),
        CreatePlatformTables(),
        CreatePlanningScenarios(),
        CreateSupervisionReports(),
        CreateTeacherRotations(),
        CreateAidTables(),
        AddAidGrantDeclined(),
        CreateSpecialEducationCases(),
        CreateIndividualPlans(),
        CreateCampaigns(),
        CreateApplications(),
        AddZoneKindergarten(),
        CreateCampaignSeatChanges(),
        CreateSignInSecurity(),
        AddAuditChain(),
        AddStaffSecondFactor(),
        CreateAPIRateWindows(),
        CreateExportRequests(),
        SealSensitiveFields(),
        AddAccountDisabling(),
        AddCampaignSchedule(),
        CreateZhongkao(),
        CreateReadinessProbe(),
        CreateTeacherHistory(),
        CreateRotationRounds(),
        AddTeacherAccounts(),
        CreateKindergartenFees(),
        CreateHomeVisits(),
        CreateGrowthRecords(),
        AddGrowthRecordAuthor(),
        CreateDataVersions(),
        AddDataArea.teacherPosts,
        AddDataArea.aid,
        AddDataArea.enrollmentSetup,
    ]

    /// WAL journal (readers never wait for the writer) and synchronous=FULL (a committed import
    /// survives a power cut). WAL is a property of the file; synchronous is FULL by default in the
    /// bundled SQLite and set here again for the record.
    public static func prepare(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=FULL").run()
    }
}
