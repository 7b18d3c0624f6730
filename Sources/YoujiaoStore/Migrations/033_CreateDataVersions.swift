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
        for (area, _) in Self.areas {
            try await sql.raw("INSERT INTO data_versions (area, version) VALUES (\(bind: area), 0)").run()
        }
        if sql.dialect.name != "sqlite" {
            try await sql.raw("""
                CREATE FUNCTION raise_data_version() RETURNS trigger AS $$
                BEGIN UPDATE data_versions SET version = version + 1 WHERE area = TG_ARGV[0]; RETURN NULL; END $$ LANGUAGE plpgsql
                """).run()
        }
        for (area, tables) in Self.areas {
            for table in tables { try await DataVersionTriggers.create(on: sql, table: table, area: area) }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (_, tables) in Self.areas {
            for table in tables { try await DataVersionTriggers.drop(on: sql, table: table) }
        }
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS raise_data_version()").run() }
        try await database.schema("data_versions").delete()
    }

    /// The areas and tables as this migration first counted them; areas added later come with
    /// their own migration (DataArea holds the current list).
    static let areas: [(String, [String])] = [
        ("registry", ["districts", "schools", "students", "guardians", "guardian_children", "teachers"]),
        ("supervision", ["school_reports", "school_report_grades", "district_reports", "teacher_rotations", "teacher_rotation_terms",
                         "rotation_rounds", "rotation_needs", "rotation_assignments", "rotation_round_eligible"]),
        ("family_education", ["home_visits", "family_education_activities"]),
        ("special_education", ["sped_cases", "sped_case_staff", "sped_assessments", "sped_placements", "sped_plans", "sped_goals",
                               "sped_services", "sped_reviews", "sped_review_results", "sped_visits", "sped_handovers"]),
    ]
}

/// The triggers by which the database raises an area's version when a table of it is written.
enum DataVersionTriggers {
    static func create(on sql: any SQLDatabase, table: String, area: String) async throws {
        if sql.dialect.name == "sqlite" {
            for operation in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: name(table, operation)) AFTER \(unsafeRaw: operation) ON \(ident: table)
                    BEGIN UPDATE data_versions SET version = version + 1 WHERE area = '\(unsafeRaw: area)'; END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: name(table, "write")) BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(ident: table)
                FOR EACH STATEMENT EXECUTE FUNCTION raise_data_version('\(unsafeRaw: area)')
                """).run()
        }
    }

    static func drop(on sql: any SQLDatabase, table: String) async throws {
        if sql.dialect.name == "sqlite" {
            for operation in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name(table, operation))").run()
            }
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name(table, "write")) ON \(ident: table)").run()
        }
    }

    private static func name(_ table: String, _ operation: String) -> String {
        "data_version_\(table)_\(operation.lowercased())"
    }
}
