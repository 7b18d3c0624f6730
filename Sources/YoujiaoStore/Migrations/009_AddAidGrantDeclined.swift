import FluentKit

/// A guardian may decline a grant: the grant stays (so a rerun never makes it again), flagged.
struct AddAidGrantDeclined: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("aid_grants").field("declined", .bool, .required, .sql(.default(false))).update()
        try await database.schema("aid_grants").field("declined_at", .string).update()
        try await database.schema("aid_grants").field("declined_by", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("aid_grants").deleteField("declined_by").update()
        try await database.schema("aid_grants").deleteField("declined_at").update()
        try await database.schema("aid_grants").deleteField("declined").update()
    }
}
