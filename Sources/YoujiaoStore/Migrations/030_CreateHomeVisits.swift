import FluentKit
import SQLKit

/// 家访 logged by teachers and family-education activities logged by schools (docs/home-visits.md).
/// One visit per pupil, day and way: a form sent twice (or by two teachers at once) stores one.
struct CreateHomeVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("home_visits")
            .field("id", .string, .identifier(auto: false))
            .field("student_id", .string, .required, .references("students", "id", onDelete: .cascade))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("school_year", .int, .required)
            .field("visited_on", .string, .required)
            .field("way", .string, .required)
            .field("attendees", .string, .required)
            .field("note", .string, .required)
            .field("follow_up", .string)
            .field("follow_up_closed_on", .string)
            .field("teacher_id", .string, .references("teachers", "id", onDelete: .setNull))
            .field("logged_by", .string, .required)
            .field("logged_by_name", .string, .required)
            .field("logged_at", .string, .required)
            .unique(on: "student_id", "visited_on", "way")
            .constraint(.custom(SQLRaw("CHECK (way IN ('home', 'school', 'online'))")))
            .create()
        try await database.schema("family_education_activities")
            .field("id", .string, .identifier(auto: false))
            .field("school_id", .string, .required, .references("schools", "id"))
            .field("school_year", .int, .required)
            .field("held_on", .string, .required)
            .field("kind", .string, .required)
            .field("topic", .string, .required)
            .field("course", .string)
            .field("attendance", .int, .required)
            .field("grade", .string)
            .field("class_no", .int)
            .field("logged_by", .string, .required)
            .field("logged_at", .string, .required)
            .unique(on: "school_id", "held_on", "kind", "topic")
            .constraint(.custom(SQLRaw("CHECK (kind IN ('lecture', 'practice', 'parent-school', 'consultation') AND attendance BETWEEN 1 AND 5000)")))
            .create()
        try await Indexes.create(on: database, table: "home_visits", columns: ["school_id", "school_year"])
        try await Indexes.create(on: database, table: "family_education_activities", columns: ["school_id", "school_year"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("family_education_activities").delete()
        try await database.schema("home_visits").delete()
    }
}
