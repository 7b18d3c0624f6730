import FluentKit
import SQLKit

/// The log of a campaign's seat edits: who changed which school's seats, when, from what to what.
struct CreateCampaignSeatChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("campaign_seat_changes")
            .field("id", .string, .identifier(auto: false))
            .field("campaign_id", .string, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("at", .string, .required)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("old_seats", .int, .required)
            .field("new_seats", .int, .required)
            .constraint(.custom(SQLRaw("CHECK (old_seats >= 0 AND new_seats >= 0 AND old_seats <> new_seats)")))
            .create()
        try await Indexes.create(on: database, table: "campaign_seat_changes", columns: ["campaign_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("campaign_seat_changes").delete()
    }
}
