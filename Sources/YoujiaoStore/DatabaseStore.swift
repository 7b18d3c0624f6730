import FluentKit
import SQLKit

/// A store over one database handle (a pool, or a transaction's connection): `sql` for SQLKit
/// queries and `transaction` for writes that are stored whole or not at all.
public protocol DatabaseStore: Sendable {
    var database: any Database { get }
    init(_ database: any Database)
}

extension DatabaseStore {
    // Both drivers (SQLite, PostgreSQL) are SQL databases.
    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Runs `work` in one transaction: everything it writes is stored, or nothing.
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (Self) async throws -> T) async throws -> T {
        try await database.transaction { tx in try await work(Self(tx)) }
    }
}
