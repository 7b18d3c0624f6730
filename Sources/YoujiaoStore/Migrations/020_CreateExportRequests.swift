import FluentKit
import SQLKit

/// Requests for exports with full ID numbers: asked with a reason, approved or refused by a second
/// staff member, downloaded once. The requester's role and district are kept as they were when
/// asked, so the two-person rule is judged on the scope the request was made in.
struct CreateExportRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("export_requests")
            .field("id", .string, .identifier(auto: false))
            .field("kind", .string, .required, check("kind IN ('payment-file', 'registry-export')"))
            .field("year", .int, check("year IS NULL OR year BETWEEN 2000 AND 2100"))
            .field("district_code", .string)
            .field("entity", .string)
            .field("requested_by", .string, .required)
            .field("requester_name", .string, .required)
            .field("requester_role", .string, .required)
            .field("requester_district", .string)
            .field("requested_at", .double, .required)
            .field("reason", .string, .required, check("length(reason) BETWEEN 1 AND 500"))
            .field("status", .string, .required, check("status IN ('waiting', 'approved', 'refused', 'downloaded')"))
            .field("approved_by", .string)
            .field("approver_name", .string)
            .field("approved_at", .double)
            .field("refused_by", .string)
            .field("refuser_name", .string)
            .field("refused_at", .double)
            .field("note", .string, .required, .sql(.default("")))
            .field("downloaded_at", .double)
            .field("downloaded_by", .string)
            .create()
        // The daily cap counts a requester's downloads of the day; the queue lists waiting requests.
        try await Indexes.create(on: database, table: "export_requests", columns: ["requested_by", "downloaded_at"])
        try await Indexes.create(on: database, table: "export_requests", columns: ["status", "requested_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("export_requests").delete()
    }

    /// A column CHECK constraint, which Fluent's schema builder passes through to both dialects.
    private func check(_ condition: String) -> DatabaseSchema.FieldConstraint {
        .custom(SQLColumnConstraintAlgorithm.check(SQLRaw(condition)))
    }
}
