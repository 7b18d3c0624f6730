import FluentKit
import SQLKit

/// Seals the most sensitive fields at rest (ID numbers, disability details, the agencies'
/// eligibility lists, second-factor secrets; `FieldResealing.columns`) and adds the blind indexes
/// that look ID numbers up. Values already stored are sealed here, in the migration's transaction.
/// The old unique constraints on sealed columns stay: sealed values are never equal, so they no
/// longer decide anything; the unique indexes on `national_id_index` do, and one application per
/// child and campaign is now keyed by the pupil's row (one row per ID number).
struct SealSensitiveFields: AsyncMigration {
    static let indexed = ["students", "guardians", "teachers", "eligibility_entries"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            for table in Self.indexed {
                try await tx.schema(table).field("national_id_index", .string).update()
            }
            _ = try await FieldResealing.run(on: sql, .sealPlain, columns: FieldResealing.sealedInPlace)
            for table in ["students", "guardians", "teachers"] {
                try await sql.create(index: "uq_\(table)_national_id_index").unique().on(table).column("national_id_index").run()
            }
            try await Indexes.create(on: tx, table: "eligibility_entries", columns: ["national_id_index"])
            try await sql.create(index: "uq_applications_campaign_id_student_id").unique().on("applications").column("campaign_id").column("student_id").run()
        }
    }

    /// Back to plain values (development only: it writes ID numbers in clear).
    func revert(on database: any Database) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            _ = try await FieldResealing.run(on: sql, .unseal, columns: FieldResealing.sealedInPlace)
            for table in ["students", "guardians", "teachers"] {
                try await sql.drop(index: "uq_\(table)_national_id_index").run()
            }
            try await sql.drop(index: "idx_eligibility_entries_national_id_index").run()
            try await sql.drop(index: "uq_applications_campaign_id_student_id").run()
            for table in Self.indexed {
                try await tx.schema(table).deleteField("national_id_index").update()
            }
        }
    }
}
