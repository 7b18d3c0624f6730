import FluentKit
import SQLKit

/// Planners' saved scenarios (学位规划情景): a births assumption, a horizon, and planned school
/// openings and closures as rows of a child table; a births series as rows of another.
struct CreatePlanningScenarios: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("planning_scenarios")
            .field("id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("owner_user_id", .string, .required, .references("users", "id"))
            // NULL: a citywide scenario (city planners only).
            .field("district_code", .string, .references("districts", "code"))
            .field("births_assumption", .string, .required,
                   check("births_assumption IN ('constant', 'trend', 'series')"))
            .field("trend_years", .int, check("trend_years IS NULL OR trend_years >= 2"))
            .field("horizon", .int, .required, check("horizon BETWEEN 1 AND 15"))
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
            .create()
        try await database.schema("planning_scenario_changes")
            .field("scenario_id", .string, .required, .references("planning_scenarios", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("kind", .string, .required, check("kind IN ('opening', 'closure')"))
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("stage", .string, .required)
            .field("year", .int, .required)
            .field("seats", .int, .required, check("seats > 0"))
            .field("label", .string, .required)
            .unique(on: "scenario_id", "position")
            .create()
        try await database.schema("planning_scenario_births")
            .field("scenario_id", .string, .required, .references("planning_scenarios", "id", onDelete: .cascade))
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("year", .int, .required)
            .field("births", .int, .required, check("births >= 0"))
            .unique(on: "scenario_id", "district_code", "year")
            .create()
        try await Indexes.create(on: database, table: "planning_scenarios", columns: ["district_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("planning_scenario_births").delete()
        try await database.schema("planning_scenario_changes").delete()
        try await database.schema("planning_scenarios").delete()
    }

    /// A column CHECK constraint, which Fluent's schema builder passes through to both dialects.
    private func check(_ condition: String) -> DatabaseSchema.FieldConstraint {
        .custom(SQLColumnConstraintAlgorithm.check(SQLRaw(condition)))
    }
}
