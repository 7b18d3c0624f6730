import FluentKit
import SQLKit

/// Sessions with expiry, atomic sign-in throttling, trusted devices, and API tokens with a scope,
/// an expiry and revocation.
struct CreateSignInSecurity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // A row per signed-in browser; the cookie holds a random token and only its SHA-256 is stored.
        try await database.schema("web_sessions")
            .field("id_hash", .string, .identifier(auto: false))
            .field("user_id", .string, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .double, .required)
            .field("last_seen_at", .double, .required)
            .create()
        try await Indexes.create(on: database, table: "web_sessions", columns: ["last_seen_at"])
        // One row per account name ("account:NAME") and per client address ("address:IP").
        try await database.schema("sign_in_throttle")
            .field("key", .string, .identifier(auto: false))
            .field("attempts", .int, .required)
            .field("window_start", .double, .required)
            .field("blocked_until", .double)
            .create()
        // Browsers that have signed in to an account before: a guesser elsewhere cannot slow them down.
        try await database.schema("sign_in_devices")
            .field("token_hash", .string, .identifier(auto: false))
            .field("username", .string, .required)
            .field("created_at", .double, .required)
            .create()
        try await database.schema("login_throttle").delete()
        // Vapor's session table of earlier versions: its rows never expired, and nothing reads it now.
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP TABLE IF EXISTS _fluent_sessions").run() }

        // Tokens made before this migration have no expiry and stop working (NULL = expired).
        try await database.schema("api_tokens").field("scope", .string, .required, .sql(.default("registry:read"))).update()
        try await database.schema("api_tokens").field("expires_at", .double).update()
        try await database.schema("api_tokens").field("revoked_at", .double).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").deleteField("revoked_at").update()
        try await database.schema("api_tokens").deleteField("expires_at").update()
        try await database.schema("api_tokens").deleteField("scope").update()
        try await database.schema("login_throttle")
            .field("username", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("window_start", .double, .required)
            .field("locked_until", .double)
            .create()
        try await database.schema("sign_in_devices").delete()
        try await database.schema("sign_in_throttle").delete()
        try await database.schema("web_sessions").delete()
    }
}
