import FluentKit

/// The public kindergarten serving a zone (对口幼儿园), for K1 campaigns; empty until assigned.
struct AddZoneKindergarten: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("zones").field("kindergarten_school_id", .string, .references("schools", "id")).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("zones").deleteField("kindergarten_school_id").update()
    }
}
