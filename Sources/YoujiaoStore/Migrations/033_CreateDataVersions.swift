import FluentKit
import SQLKit

/// A version number per area of the data (DataArea), raised by the database itself whenever a row
/// of the area's tables is written, by any process: the web servers, `youjiao import`, the seed.
/// Figures computed over whole tables are kept in memory under these numbers (ComputedFigures).
/// The row `database` holds a random number drawn once, so figures of one database are never
/// taken for another's.
///
/// PostgreSQL raises the number once per statement, before the statement's rows are locked: the
/// area's row stays locked until commit, so writers of one area queue there (and a transaction
/// writing several areas writes `registry` first, the order cascades take). SQLite has row
/// triggers only, and one writer at a time.
struct CreateDataVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("data_versions")
            .field("area", .string, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        try await sql.raw("INSERT INTO data_versions (area, version) VALUES ('database', \(bind: Int64.random(in: 1...Int64.max)))").run()
        for area in DataArea.allCases {
            try await sql.raw("INSERT INTO data_versions (area, version) VALUES (\(bind: area.rawValue), 0)").run()
        }
        if sql.dialect.name == "sqlite" {
            for area in DataArea.allCases {
                for table in area.tables {
                    for operation in ["INSERT", "UPDATE", "DELETE"] {
                        try await sql.raw("""
                            CREATE TRIGGER \(unsafeRaw: Self.triggerName(table, operation)) AFTER \(unsafeRaw: operation) ON \(ident: table)
                            BEGIN UPDATE data_versions SET version = version + 1 WHERE area = '\(unsafeRaw: area.rawValue)'; END
                            """).run()
                    }
                }
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION raise_data_version() RETURNS trigger AS $$
                BEGIN UPDATE data_versions SET version = version + 1 WHERE area = TG_ARGV[0]; RETURN NULL; END $$ LANGUAGE plpgsql
                """).run()
            for area in DataArea.allCases {
                for table in area.tables {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: Self.triggerName(table, "write")) BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(ident: table)
                        FOR EACH STATEMENT EXECUTE FUNCTION raise_data_version('\(unsafeRaw: area.rawValue)')
                        """).run()
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for area in DataArea.allCases {
            for table in area.tables {
                if sql.dialect.name == "sqlite" {
                    for operation in ["INSERT", "UPDATE", "DELETE"] {
                        try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: Self.triggerName(table, operation))").run()
                    }
                } else {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: Self.triggerName(table, "write")) ON \(ident: table)").run()
                }
            }
        }
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS raise_data_version()").run() }
        try await database.schema("data_versions").delete()
    }

    private static func triggerName(_ table: String, _ operation: String) -> String {
        "data_version_\(table)_\(operation.lowercased())"
    }
}
