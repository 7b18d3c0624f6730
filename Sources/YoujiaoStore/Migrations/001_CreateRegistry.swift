import FluentKit

/// Districts, schools and catchment zones.
struct CreateRegistry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("districts")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("zone_kind", .string, .required)
            .create()
        try await database.schema("schools")
            .field("id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("stages", .string, .required)
            .field("ownership", .string, .required)
            .field("inclusive", .bool, .required)
            .field("boarding", .bool, .required)
            .field("seats_k1", .int)
            .field("seats_g1", .int)
            .field("seats_g6", .int)
            .field("seats_g10", .int)
            .field("lat", .double, .required)
            .field("lon", .double, .required)
            .field("school_group", .string, .required)
            .field("new_quality", .bool, .required)
            .field("strengthening", .bool, .required)
            .create()
        try await database.schema("zones")
            .field("id", .string, .identifier(auto: false))
            .field("district_code", .string, .required, .references("districts", "code"))
            .field("lat", .double, .required)
            .field("lon", .double, .required)
            .field("primary_school_id", .string, .references("schools", "id"))
            .field("junior_school_id", .string, .references("schools", "id"))
            .create()
        try await Indexes.create(on: database, table: "schools", columns: ["district_code"])
        try await Indexes.create(on: database, table: "zones", columns: ["district_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("zones").delete()
        try await database.schema("schools").delete()
        try await database.schema("districts").delete()
    }
}
