import FluentKit
import SQLKit

/// Kindergarten fees made public: the district's cap table and kindergarten grades, each
/// kindergarten's fee items, parents' complaints with the district's logged decisions, and the
/// per-address count that limits how many complaints one address files in an hour.
struct CreateKindergartenFees: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kindergarten_fee_caps")
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("grade", .string, .required)
            .field("max_fen", .int, .required)
            .unique(on: "district_code", "grade")
            .constraint(.custom(SQLRaw("CHECK (grade IN ('model', 'first', 'second', 'third') AND max_fen BETWEEN 1 AND 10000000)")))
            .create()
        try await database.schema("kindergarten_grades")
            .field("school_id", .string, .identifier(auto: false), .references("schools", "id", onDelete: .cascade))
            .field("grade", .string, .required)
            .constraint(.custom(SQLRaw("CHECK (grade IN ('model', 'first', 'second', 'third'))")))
            .create()
        try await database.schema("kindergarten_fee_items")
            .field("id", .string, .identifier(auto: false))
            .field("school_id", .string, .required, .references("schools", "id", onDelete: .cascade))
            .field("category", .string, .required)
            .field("name", .string, .required)
            .field("amount_fen", .int, .required)
            .field("period", .string, .required)
            .field("covers", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "school_id", "category", "name")
            .constraint(.custom(SQLRaw("""
                CHECK (category IN ('care-education', 'boarding', 'service') AND period IN ('day', 'month') AND amount_fen BETWEEN 1 AND 10000000)
                """)))
            .create()
        try await database.schema("fee_complaints")
            .field("reference", .string, .identifier(auto: false))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("category", .string, .required)
            .field("item_name", .string, .required)
            .field("amount_fen", .int)
            .field("description", .string, .required)
            .field("contact", .string)
            .field("status", .string, .required)
            .field("filed_at", .string, .required)
            .field("updated_at", .string, .required)
            .constraint(.custom(SQLRaw("CHECK (status IN ('received', 'accepted', 'substantiated', 'unfounded', 'rectified'))")))
            .create()
        try await database.schema("fee_complaint_decisions")
            .field("id", .string, .identifier(auto: false))
            .field("reference", .string, .required, .references("fee_complaints", "reference", onDelete: .cascade))
            .field("step", .string, .required)
            .field("note", .string, .required)
            .field("reply", .string)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("decided_at", .string, .required)
            // A step is taken once per complaint: of two officials deciding at once, one is stored.
            .unique(on: "reference", "step")
            .create()
        try await database.schema("fee_complaint_windows")
            .field("address_key", .string, .required)
            .field("window_start", .int64, .required)
            .field("complaints", .int, .required)
            .compositeIdentifier(over: "address_key", "window_start")
            .create()
        try await Indexes.create(on: database, table: "kindergarten_fee_items", columns: ["school_id"])
        try await Indexes.create(on: database, table: "fee_complaints", columns: ["district_code", "status"])
    }

    func revert(on database: any Database) async throws {
        for table in ["fee_complaint_windows", "fee_complaint_decisions", "fee_complaints", "kindergarten_fee_items", "kindergarten_grades",
                      "kindergarten_fee_caps"] {
            try await database.schema(table).delete()
        }
    }
}
