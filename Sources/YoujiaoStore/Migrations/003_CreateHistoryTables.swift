import FluentKit

/// Yearly aggregates for trends and projections: pupils per district × grade, births per district.
struct CreateHistoryTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("enrollment_history")
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("year", .int, .required)
            .field("grade", .string, .required)
            .field("students", .int, .required)
            .unique(on: "district_code", "year", "grade")
            .create()
        try await database.schema("births")
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("year", .int, .required)
            .field("births", .int, .required)
            .unique(on: "district_code", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("births").delete()
        try await database.schema("enrollment_history").delete()
    }
}
