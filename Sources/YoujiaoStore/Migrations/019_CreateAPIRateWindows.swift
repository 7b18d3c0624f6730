import FluentKit
import SQLKit

/// Requests per API token and minute, counted in the database so every app instance shares the count.
struct CreateAPIRateWindows: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_rate_windows")
            .field("token_id", .string, .required, .references("api_tokens", "id", onDelete: .cascade))
            .field("window_start", .int64, .required)
            .field("requests", .int, .required)
            .compositeIdentifier(over: "token_id", "window_start")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_rate_windows").delete()
    }
}
