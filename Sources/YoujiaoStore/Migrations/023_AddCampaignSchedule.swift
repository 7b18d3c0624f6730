import FluentKit
import SQLKit

/// The campaign's beacon as a source and round number, so that the draw can check the round came
/// after the freeze (and when that was); and the public log of changes to a campaign's dates and
/// round, which families read.
struct AddCampaignSchedule: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema("campaigns").field("beacon_source", .string).update()
        try await database.schema("campaigns").field("beacon_round_number", .int64).update()
        try await database.schema("campaigns").field("frozen_at", .string).update()
        try await database.schema("campaign_changes")
            .field("id", .string, .identifier(auto: false))
            .field("campaign_id", .string, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("at", .string, .required)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("field", .string, .required)
            .field("old_value", .string, .required)
            .field("new_value", .string, .required)
            .field("reason", .string, .required)
            .constraint(.custom(SQLRaw("CHECK (field IN ('opens_on', 'closes_on', 'beacon_round'))")))
            .create()
        try await Indexes.create(on: database, table: "campaign_changes", columns: ["campaign_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("campaign_changes").delete()
        for column in ["frozen_at", "beacon_round_number", "beacon_source"] {
            try await database.schema("campaigns").deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
