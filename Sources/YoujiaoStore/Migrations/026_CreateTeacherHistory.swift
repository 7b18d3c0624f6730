import FluentKit
import SQLKit

/// A teacher's record over time: appointments, titles and key levels with their dates, training,
/// and rotations. Rows name the teacher by the registry's row id; files name them by ID number.
struct CreateTeacherHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("teacher_appointments")
            .field("id", .string, .identifier(auto: false))
            .field("teacher_id", .string, .required, .references("teachers", "id", onDelete: .cascade))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("post", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("previous_province", .string)
            .unique(on: "teacher_id", "school_id", "starts_on")
            .constraint(.custom(SQLRaw("CHECK (post IN ('teacher', 'middle-manager', 'vice-principal', 'principal'))")))
            .create()
        try await database.schema("teacher_qualifications")
            .field("id", .string, .identifier(auto: false))
            .field("teacher_id", .string, .required, .references("teachers", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .field("since", .string, .required)
            .unique(on: "teacher_id", "kind", "since")
            .create()
        try await database.schema("teacher_training")
            .field("id", .string, .identifier(auto: false))
            .field("teacher_id", .string, .required, .references("teachers", "id", onDelete: .cascade))
            .field("course", .string, .required)
            .field("provider", .string, .required)
            .field("tenth_hours", .int, .required)
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .unique(on: "teacher_id", "course", "date")
            .constraint(.custom(SQLRaw("CHECK (tenth_hours BETWEEN 5 AND 5000)")))
            .create()
        try await database.schema("teacher_rotation_terms")
            .field("id", .string, .identifier(auto: false))
            .field("teacher_id", .string, .required, .references("teachers", "id", onDelete: .cascade))
            .field("from_school_id", .string, .required, .references("schools", "id"))
            .field("to_school_id", .string, .required, .references("schools", "id"))
            .field("start", .string, .required)
            .field("planned_end", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .unique(on: "teacher_id", "start")
            .create()
        for table in ["teacher_appointments", "teacher_qualifications", "teacher_training", "teacher_rotation_terms"] {
            try await Indexes.create(on: database, table: table, columns: ["teacher_id"])
        }
        try await Indexes.create(on: database, table: "teacher_appointments", columns: ["school_id"])
    }

    func revert(on database: any Database) async throws {
        for table in ["teacher_rotation_terms", "teacher_training", "teacher_qualifications", "teacher_appointments"] {
            try await database.schema(table).delete()
        }
    }
}
