import FluentKit
import SQLKit

/// Enrollment campaigns, their seats per school, and the files published at freezing
/// (schools.csv and applicants.csv exactly as `youjiao enroll run` reads them).
struct CreateCampaigns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("campaigns")
            .field("id", .string, .identifier(auto: false))
            .field("year", .int, .required)
            .field("grade", .string, .required)
            .field("district_code", .string, .references("districts", "code"))
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("status", .string, .required)
            .field("list_hash", .string)
            .field("beacon_round", .string, .required)
            .field("beacon_value", .string)
            .field("notary_commitment", .string, .required)
            .field("notary_secret", .string)
            .field("seed", .string)
            .constraint(.custom(SQLRaw("CHECK (status IN ('draft', 'open', 'frozen', 'drawn', 'published'))")))
            .constraint(.custom(SQLRaw("CHECK (grade IN ('K1', '1', '6'))")))
            .constraint(.custom(SQLRaw("CHECK (closes_on >= opens_on)")))
            .constraint(.custom(SQLRaw("CHECK (status IN ('draft', 'open') OR list_hash IS NOT NULL)")))
            .create()
        try await database.schema("campaign_seats")
            .field("campaign_id", .string, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("seats", .int, .required)
            .unique(on: "campaign_id", "school_id")
            .constraint(.custom(SQLRaw("CHECK (seats >= 0)")))
            .create()
        try await database.schema("campaign_files")
            .field("campaign_id", .string, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("content", .string, .required)
            .unique(on: "campaign_id", "name")
            .create()
        try await Indexes.create(on: database, table: "campaigns", columns: ["district_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("campaign_files").delete()
        try await database.schema("campaign_seats").delete()
        try await database.schema("campaigns").delete()
    }
}
