import FluentKit
import SQLKit

/// Individual education plans (个别化教育计划) with their goals, services, reviews and the result
/// of each goal at each review; and the visits of home teaching (送教上门).
struct CreateIndividualPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sped_plans")
            .field("id", .string, .identifier(auto: false))
            .field("case_id", .string, .required, .references("sped_cases", "id", onDelete: .cascade))
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            // Planned review dates, ascending, ;-separated.
            .field("review_dates", .string, .required)
            .unique(on: "case_id", "start_date")
            .constraint(.custom(SQLRaw("CHECK (end_date > start_date)")))
            .create()
        try await database.schema("sped_goals")
            .field("id", .string, .identifier(auto: false))
            .field("plan_id", .string, .required, .references("sped_plans", "id", onDelete: .cascade))
            .field("seq", .int, .required)
            .field("description", .string, .required)
            .field("criterion", .string, .required)
            .field("target_date", .string)
            // A goal without a measurable criterion is no goal (the forms and the import say so first).
            .constraint(.custom(SQLRaw("CHECK (length(trim(criterion)) > 0)")))
            .create()
        try await database.schema("sped_services")
            .field("id", .string, .identifier(auto: false))
            .field("plan_id", .string, .required, .references("sped_plans", "id", onDelete: .cascade))
            .field("seq", .int, .required)
            .field("domain", .string, .required)
            .field("description", .string, .required)
            .field("provider", .string, .required)
            .field("sessions_per_month", .int, .required)
            .create()
        try await database.schema("sped_reviews")
            .field("id", .string, .identifier(auto: false))
            .field("plan_id", .string, .required, .references("sped_plans", "id", onDelete: .cascade))
            .field("reviewed_on", .string, .required)
            .field("outcome", .string, .required)
            .field("summary", .string, .required)
            .create()
        try await database.schema("sped_review_results")
            .field("review_id", .string, .required, .references("sped_reviews", "id", onDelete: .cascade))
            .field("goal_id", .string, .required, .references("sped_goals", "id", onDelete: .cascade))
            .field("result", .string, .required)
            .unique(on: "review_id", "goal_id")
            .create()
        try await database.schema("sped_visits")
            .field("id", .string, .identifier(auto: false))
            .field("case_id", .string, .required, .references("sped_cases", "id", onDelete: .cascade))
            .field("placement_id", .string, .required, .references("sped_placements", "id", onDelete: .cascade))
            .field("visited_on", .string, .required)
            .field("teacher", .string, .required)
            .field("minutes", .int, .required)
            .field("content", .string, .required)
            .create()
        try await Indexes.create(on: database, table: "sped_plans", columns: ["case_id"])
        try await Indexes.create(on: database, table: "sped_goals", columns: ["plan_id"])
        try await Indexes.create(on: database, table: "sped_services", columns: ["plan_id"])
        try await Indexes.create(on: database, table: "sped_reviews", columns: ["plan_id"])
        try await Indexes.create(on: database, table: "sped_visits", columns: ["case_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sped_visits").delete()
        try await database.schema("sped_review_results").delete()
        try await database.schema("sped_reviews").delete()
        try await database.schema("sped_services").delete()
        try await database.schema("sped_goals").delete()
        try await database.schema("sped_plans").delete()
    }
}
