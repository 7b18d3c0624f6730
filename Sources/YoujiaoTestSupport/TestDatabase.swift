import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import YoujiaoCore
import YoujiaoStore

/// A fresh, empty database for one test: a temporary SQLite file by default, or a new database on
/// the PostgreSQL server of DATABASE_URL (scripts/test runs the suites both ways).
public struct TestDatabase: Sendable {
    public let target: DatabaseTarget
    let dropName: String?
    let adminURL: String?

    public static var backend: String { ProcessInfo.processInfo.environment["DATABASE_URL"] == nil ? "sqlite" : "postgres" }

    public static func make() async throws -> TestDatabase {
        // Tests run with a generated key, one for the whole test process.
        FieldProtection.installIfAbsent { FieldKeyRing.generate() }
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("youjiao-test-\(UUID().uuidString).sqlite").path
            return TestDatabase(target: .sqlite(path: path), dropName: nil, adminURL: nil)
        }
        let name = "yj_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased()
        try await withAdmin(url) { try await $0.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        var parts = URLComponents(string: url)!
        parts.path = "/" + name
        return TestDatabase(target: .postgres(url: parts.string!), dropName: name, adminURL: url)
    }

    /// Removes the database (call at the end of the test).
    public func destroy() async {
        switch target {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres:
            guard let dropName, let adminURL else { return }
            try? await Self.withAdmin(adminURL) { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: dropName) WITH (FORCE)").run() }
        }
    }

    /// Runs `body` on a fresh database with every migration run, then removes the database, also
    /// when `body` throws.
    public static func withStore<T>(_ body: (OpenStore) async throws -> T) async throws -> T {
        let database = try await make()
        let store = try await database.openStore()
        do {
            let result = try await body(store)
            await store.close()
            await database.destroy()
            return result
        } catch {
            await store.close()
            await database.destroy()
            throw error
        }
    }

    /// A store-level connection with every migration run, without the web layer.
    public func openStore() async throws -> OpenStore {
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        try await StoreSetup.register(target, on: databases)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let migrations = Migrations()
        for migration in StoreSetup.migrations { migrations.add(migration) }
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        do {
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            let database = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
            try await StoreSetup.prepare(database)
            return OpenStore(databases: databases, database: database)
        } catch {
            // A failed migration must fail the test, not crash the run on an unclosed pool.
            await databases.shutdownAsync()
            throw error
        }
    }

    private static func withAdmin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 1), as: .psql)
        let database = databases.database(logger: Logger(label: "test-admin"), on: MultiThreadedEventLoopGroup.singleton.any())!
        do {
            try await body(database as! any SQLDatabase)
            await databases.shutdownAsync()
        } catch {
            await databases.shutdownAsync()
            throw error
        }
    }
}

public struct OpenStore: Sendable {
    public let databases: Databases
    public let database: any Database
    public var registry: RegistryStore { RegistryStore(database) }
    public var accounts: AccountStore { AccountStore(database) }
    public var sql: any SQLDatabase { database as! any SQLDatabase }
    public func close() async { await databases.shutdownAsync() }
}
