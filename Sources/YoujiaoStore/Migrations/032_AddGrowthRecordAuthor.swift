import FluentKit
import SQLKit

/// A growth record says who wrote it: a teacher, or the pupil through the family's account.
struct AddGrowthRecordAuthor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("growth_records").field("author", .string, .required, .sql(.default("teacher"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("growth_records").deleteField("author").update()
    }
}
