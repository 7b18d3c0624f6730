import FluentKit
import SQLKit

/// Catchment zones and campaigns' seats become an area of their own (DataArea.enrollmentSetup): the
/// zones and schools a campaign's application form offers are kept per data version.
struct AddEnrollmentSetupDataVersion: AsyncMigration {
    static let tables = ["zones", "campaign_seats"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("INSERT INTO data_versions (area, version) VALUES ('enrollment_setup', 0)").run()
        for table in Self.tables { try await DataVersionTriggers.create(on: sql, table: table, area: "enrollment_setup") }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in Self.tables { try await DataVersionTriggers.drop(on: sql, table: table) }
        try await sql.raw("DELETE FROM data_versions WHERE area = 'enrollment_setup'").run()
    }
}
