import FluentKit
import SQLKit

/// 综合素质评价: pupils' written records, each class's display (公示) per school year, objections
/// raised during a display with the school's decision, and corrections to archived records.
struct CreateGrowthRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("growth_records")
            .field("id", .string, .identifier(auto: false))
            .field("student_id", .string, .required, .references("students", "id", onDelete: .cascade))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("school_year", .int, .required)
            .field("dimension", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("detail", .string, .required)
            .field("date", .string, .required)
            .field("tenth_hours", .int)
            .field("award_level", .string)
            .field("health_grade", .string)
            .field("status", .string, .required)
            .field("written_by", .string, .required)
            .constraint(.custom(SQLRaw("CHECK (status IN ('written', 'selected', 'archived', 'withdrawn'))")))
            .constraint(.custom(SQLRaw("CHECK (tenth_hours IS NULL OR tenth_hours BETWEEN 5 AND 2000)")))
            .create()
        try await database.schema("growth_displays")
            .field("id", .string, .identifier(auto: false))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("grade", .string, .required)
            .field("class_number", .int, .required)
            .field("school_year", .int, .required)
            .field("opens_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("archived_on", .string)
            .unique(on: "school_id", "school_year", "grade", "class_number")
            .create()
        try await database.schema("growth_objections")
            .field("id", .string, .identifier(auto: false))
            .field("record_id", .string, .required, .references("growth_records", "id", onDelete: .cascade))
            .field("raised_by", .string, .required)
            .field("reason", .string, .required)
            .field("raised_on", .string, .required)
            .field("status", .string, .required)
            .field("decision_note", .string)
            .field("decided_by", .string)
            .unique(on: "record_id", "raised_by")
            .constraint(.custom(SQLRaw("CHECK (status IN ('open', 'upheld', 'dismissed'))")))
            .create()
        try await database.schema("growth_corrections")
            .field("id", .string, .identifier(auto: false))
            .field("record_id", .string, .required, .references("growth_records", "id", onDelete: .cascade))
            .field("corrected_by", .string, .required)
            .field("corrected_at", .string, .required)
            .field("reason", .string, .required)
            .field("before_title", .string, .required)
            .field("before_detail", .string, .required)
            .create()
        try await Indexes.create(on: database, table: "growth_records", columns: ["school_id", "school_year"])
        try await Indexes.create(on: database, table: "growth_records", columns: ["student_id"])
        try await Indexes.create(on: database, table: "growth_objections", columns: ["record_id"])
    }

    func revert(on database: any Database) async throws {
        for table in ["growth_corrections", "growth_objections", "growth_displays", "growth_records"] { try await database.schema(table).delete() }
    }
}
