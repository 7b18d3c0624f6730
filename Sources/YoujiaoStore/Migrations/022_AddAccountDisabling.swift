import FluentKit

/// An account can be disabled (a colleague who left, a family account misused): it signs in no
/// more, its sessions end and its tokens stop working; enabling it restores the account.
struct AddAccountDisabling: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("disabled_at", .double).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("disabled_at").update()
    }
}
