import FluentKit

/// 交流轮岗 counts per school and year, as districts report them (the registry holds no
/// per-teacher rotation records).
struct CreateTeacherRotations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("teacher_rotations")
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("year", .int, .required)
            .field("eligible_teachers", .int, .required)
            .field("rotated_teachers", .int, .required)
            .field("key_teachers_rotated", .int, .required)
            .field("submitted_by", .string, .required)
            .field("submitted_at", .string, .required)
            .unique(on: "school_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("teacher_rotations").delete()
    }
}
