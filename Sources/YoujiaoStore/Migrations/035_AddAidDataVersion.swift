import FluentKit
import SQLKit

/// Aid grants and policies become an area of their own (DataArea.aid): the overview's totals of a
/// school year are kept per data version.
struct AddAidDataVersion: AsyncMigration {
    static let tables = ["aid_grants", "aid_policies"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("INSERT INTO data_versions (area, version) VALUES ('aid', 0)").run()
        for table in Self.tables { try await DataVersionTriggers.create(on: sql, table: table, area: "aid") }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in Self.tables { try await DataVersionTriggers.drop(on: sql, table: table) }
        try await sql.raw("DELETE FROM data_versions WHERE area = 'aid'").run()
    }
}
