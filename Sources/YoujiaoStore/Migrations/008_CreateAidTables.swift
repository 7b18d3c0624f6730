import FluentKit
import SQLKit

/// Student aid without application (免申即享): policies, the agencies' eligibility lists, grants,
/// the review queue and the log of what changed.
struct CreateAidTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("aid_policies")
            .field("id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .field("lists", .string, .required)
            .field("first_year", .int, .required)
            .field("last_year", .int)
            .create()
        // The stages a policy covers are the rows it has here.
        try await database.schema("aid_policy_amounts")
            .field("policy_id", .string, .required, .references("aid_policies", "id", onDelete: .cascade))
            .field("stage", .string, .required)
            .field("yuan", .int, .required)
            .unique(on: "policy_id", "stage")
            .create()
        // A removed entry stays (grants point to it) with removed_at set.
        try await database.schema("eligibility_entries")
            .field("id", .string, .identifier(auto: false))
            .field("list", .string, .required)
            .field("national_id", .string, .required)
            .field("name", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("source_file", .string, .required)
            .field("source_row", .int, .required)
            .field("imported_at", .string, .required)
            .field("updated_at", .string, .required)
            .field("removed_at", .string)
            .create()
        try await database.schema("aid_grants")
            .field("id", .string, .identifier(auto: false))
            .field("student_id", .string, .required, .references("students", "id"))
            .field("policy_id", .string, .required, .references("aid_policies", "id"))
            .field("year", .int, .required)
            .field("entry_id", .string, .required, .references("eligibility_entries", "id"))
            .field("list", .string, .required)
            .field("stage", .string, .required)
            .field("yuan", .int, .required)
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("created_at", .string, .required)
            .unique(on: "student_id", "policy_id", "year")
            .create()
        try await database.schema("aid_review_queue")
            .field("id", .string, .identifier(auto: false))
            .field("entry_id", .string, .required, .references("eligibility_entries", "id"))
            .field("year", .int, .required)
            .field("reason", .string, .required)
            .field("detail", .string, .required)
            .field("student_id", .string, .references("students", "id"))
            .field("school_id", .string, .references("schools", "id"))
            .field("district_code", .string, .references("districts", "code"))
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("resolved_by", .string)
            .field("resolved_at", .string)
            .field("created_at", .string, .required)
            .unique(on: "entry_id", "year")
            .create()
        try await database.schema("aid_events")
            .field("id", .string, .identifier(auto: false))
            .field("at", .string, .required)
            .field("kind", .string, .required)
            .field("actor", .string, .required)
            .field("year", .int)
            .field("list", .string)
            .field("entry_id", .string)
            .field("student_id", .string)
            .field("detail", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            // One current entry per child and list; removed ones may repeat (a child can come back).
            try await sql.raw("""
                CREATE UNIQUE INDEX uq_eligibility_entries_current ON eligibility_entries (list, national_id) WHERE removed_at IS NULL
                """).run()
        }
        try await Indexes.create(on: database, table: "eligibility_entries", columns: ["national_id"])
        try await Indexes.create(on: database, table: "aid_grants", columns: ["year", "district_code", "school_id"])
        try await Indexes.create(on: database, table: "aid_grants", columns: ["year", "school_id"])
        try await Indexes.create(on: database, table: "aid_review_queue", columns: ["year", "status"])
        try await Indexes.create(on: database, table: "aid_events", columns: ["at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("aid_events").delete()
        try await database.schema("aid_review_queue").delete()
        try await database.schema("aid_grants").delete()
        try await database.schema("eligibility_entries").delete()
        try await database.schema("aid_policy_amounts").delete()
        try await database.schema("aid_policies").delete()
    }
}
