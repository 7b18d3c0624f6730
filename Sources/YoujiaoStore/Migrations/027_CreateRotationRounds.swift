import FluentKit
import SQLKit

/// A district's 交流轮岗 round per school year: the needs receiving schools enter, the plan the
/// district adjusts, the eligible teachers per school counted at approval (supervision's base),
/// and a link from each rotation term to the round that approved it.
struct CreateRotationRounds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("rotation_rounds")
            .field("id", .string, .identifier(auto: false))
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("year", .int, .required)
            .field("status", .string, .required)
            .field("plan_json", .string)
            .field("created_at", .string, .required)
            .field("approved_at", .string)
            .unique(on: "district_code", "year")
            .constraint(.custom(SQLRaw("CHECK (status IN ('collecting', 'planned', 'approved'))")))
            .create()
        try await database.schema("rotation_needs")
            .field("id", .string, .identifier(auto: false))
            .field("round_id", .string, .required, .references("rotation_rounds", "id", onDelete: .cascade))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("subject", .string, .required)
            .field("stage", .string, .required)
            .field("count", .int, .required)
            .field("kind", .string, .required)
            .field("priority", .int, .required)
            .field("state", .string, .required)
            .field("check_reason", .string)
            .field("entered_at", .string, .required)
            .constraint(.custom(SQLRaw("CHECK (count BETWEEN 1 AND 20 AND priority BETWEEN 1 AND 3)")))
            .create()
        try await database.schema("rotation_assignments")
            .field("round_id", .string, .required, .references("rotation_rounds", "id", onDelete: .cascade))
            .field("teacher_id", .string, .required, .references("teachers", "id", onDelete: .cascade))
            .field("need_id", .string, .required, .references("rotation_needs", "id", onDelete: .cascade))
            .field("from_school_id", .string, .required)
            .field("to_school_id", .string, .required)
            .field("is_key", .bool, .required)
            .field("commute_change_metres", .int, .required)
            .field("swap_reason", .string)
            .unique(on: "round_id", "teacher_id")
            .create()
        try await database.schema("rotation_round_eligible")
            .field("round_id", .string, .required, .references("rotation_rounds", "id", onDelete: .cascade))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("eligible", .int, .required)
            .unique(on: "round_id", "school_id")
            .create()
        try await database.schema("teacher_rotation_terms").field("round_id", .string).update()
        try await Indexes.create(on: database, table: "rotation_needs", columns: ["round_id", "school_id"])
        try await Indexes.create(on: database, table: "teacher_rotation_terms", columns: ["round_id"])
    }

    func revert(on database: any Database) async throws {
        // SQLite drops a column only once no index names it.
        try await (database as! any SQLDatabase).drop(index: "idx_teacher_rotation_terms_round_id").run()
        try await database.schema("teacher_rotation_terms").deleteField("round_id").update()
        for table in ["rotation_round_eligible", "rotation_assignments", "rotation_needs", "rotation_rounds"] {
            try await database.schema(table).delete()
        }
    }
}
