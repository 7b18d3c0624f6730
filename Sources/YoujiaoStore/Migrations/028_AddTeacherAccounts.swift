import FluentKit
import SQLKit

/// Teacher accounts (a user row linked to its teacher, one account per teacher) and where each
/// teacher lives, sealed, for the commute a rotation changes.
struct AddTeacherAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("teacher_id", .string).update()
        if let sql = database as? any SQLDatabase {
            // NULLs are distinct in both databases: only teacher accounts take part.
            try await sql.create(index: "idx_users_teacher_id").unique().on("users").column("teacher_id").run()
        }
        try await database.schema("teacher_homes")
            .field("teacher_id", .string, .identifier(auto: false), .references("teachers", "id", onDelete: .cascade))
            .field("location", .string, .required)
            .field("source", .string, .required)
            .field("updated_on", .string, .required)
            .constraint(.custom(SQLRaw("CHECK (source IN ('import', 'self'))")))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("teacher_homes").delete()
        try await (database as! any SQLDatabase).drop(index: "idx_users_teacher_id").run()
        try await database.schema("users").deleteField("teacher_id").update()
    }
}
