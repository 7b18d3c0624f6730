import FluentKit
import SQLKit

/// Accounts, API tokens, login throttling and the audit trail.
struct CreatePlatformTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("id", .string, .identifier(auto: false))
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("display_name", .string, .required)
            .field("district_code", .string, .references("districts", "code"))
            .field("school_id", .string, .references("schools", "id"))
            .field("guardian_id", .string, .references("guardians", "id"))
            .field("created_at", .string, .required)
            .unique(on: "username")
            .create()
        try await database.schema("api_tokens")
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .string, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .string, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("login_throttle")
            .field("username", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("window_start", .double, .required)
            .field("locked_until", .double)
            .create()
        try await database.schema("audit_events")
            .field("id", .string, .identifier(auto: false))
            .field("at", .string, .required)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("route", .string, .required)
            .field("subject_kind", .string, .required)
            .field("subject_id", .string, .required)
            .field("detail", .string, .required)
            .create()
        try await Indexes.create(on: database, table: "audit_events", columns: ["subject_id"])
        try await Indexes.create(on: database, table: "audit_events", columns: ["at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
        try await database.schema("login_throttle").delete()
        try await database.schema("api_tokens").delete()
        try await database.schema("users").delete()
    }
}

/// Plain (non-unique) indexes, which Fluent's schema builder does not express.
enum Indexes {
    static func create(on database: any Database, table: String, columns: [String]) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let name = "idx_\(table)_\(columns.joined(separator: "_"))"
        try await columns.reduce(sql.create(index: name).on(table)) { $0.column($1) }.run()
    }
}
