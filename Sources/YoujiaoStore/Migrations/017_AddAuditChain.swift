import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// The audit trail becomes append-only and hash-chained (AuditChain): a sequence number, the
/// previous event's hash and the event's own. Events written before are chained here in time order.
struct AddAuditChain: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events").field("seq", .int).update()
        try await database.schema("audit_events").field("prev_hash", .string).update()
        try await database.schema("audit_events").field("row_hash", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        let existing = try await sql.all("SELECT * FROM audit_events ORDER BY at, id", as: AuditEventRecord.self)
        var previous = AuditChain.genesis
        for (index, event) in existing.enumerated() {
            let hash = AuditChain.hash(previous: previous, seq: index + 1, fields: event.chainedFields)
            try await sql.raw("""
                UPDATE audit_events SET seq = \(bind: index + 1), prev_hash = \(bind: previous), row_hash = \(bind: hash) WHERE id = \(bind: event.id)
                """).run()
            previous = hash
        }
        try await sql.create(index: "uq_audit_events_seq").unique().on("audit_events").column("seq").run()
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_update").run()
                try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_delete").run()
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events").run()
                try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
            }
            try await sql.drop(index: "uq_audit_events_seq").run()
        }
        try await database.schema("audit_events").deleteField("row_hash").update()
        try await database.schema("audit_events").deleteField("prev_hash").update()
        try await database.schema("audit_events").deleteField("seq").update()
    }
}
