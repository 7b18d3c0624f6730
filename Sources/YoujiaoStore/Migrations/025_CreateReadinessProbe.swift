import FluentKit
import SQLKit

/// One row that `/readyz` rewrites: the only honest test that the database takes writes (a
/// read-only SQLite file or a PostgreSQL standby answers `SELECT 1` just as well).
struct CreateReadinessProbe: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("readiness_probe")
            .field("id", .int, .identifier(auto: false))
            .field("checked_at", .double, .required)
            .create()
        try await (database as! any SQLDatabase).raw("INSERT INTO readiness_probe (id, checked_at) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("readiness_probe").delete()
    }
}
