import FluentKit

/// The yearly facts schools and districts report for supervision (督导); pupil and teacher counts
/// are never stored here, they come from the registry.
struct CreateSupervisionReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Empty cells are NULL: "not reported", never 0. Areas in m², values in yuan.
        try await database.schema("school_reports")
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("year", .int, .required)
            .field("floor_area", .double)
            .field("sports_ground_area", .double)
            .field("equipment_value", .double)
            .field("multimedia_classrooms", .int)
            .field("bandwidth_mbps", .double)
            .field("bandwidth_persons", .int)
            .field("daily_exercise_minutes", .int)
            .field("daily_outdoor_minutes", .int)
            .field("home_visits", .int)
            .field("family_education_activities", .int)
            .field("readiness_education", .bool)
            .field("submitted_by", .string, .required)
            .field("submitted_at", .string, .required)
            .unique(on: "school_id", "year")
            .create()
        // One row per grade of the weekly timetable.
        try await database.schema("school_report_grades")
            .field("school_id", .string, .required)
            .field("year", .int, .required)
            .field("grade", .string, .required)
            .field("pe_lessons", .int, .required)
            .field("activity_lessons", .int, .required)
            .field("psychology_lessons_per_two_weeks", .int, .required)
            .field("weekly_periods", .int)
            .foreignKey(["school_id", "year"], references: "school_reports", ["school_id", "year"], onDelete: .cascade)
            .unique(on: "school_id", "year", "grade")
            .create()
        try await database.schema("district_reports")
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("year", .int, .required)
            .field("disabled_school_age_children", .int, .required)
            .field("disabled_enrolled", .int, .required)
            .field("submitted_by", .string, .required)
            .field("submitted_at", .string, .required)
            .unique(on: "district_code", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("district_reports").delete()
        try await database.schema("school_report_grades").delete()
        try await database.schema("school_reports").delete()
    }
}
