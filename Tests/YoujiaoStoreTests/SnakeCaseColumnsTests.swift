import SQLKit
import Testing
@testable import YoujiaoStore
import YoujiaoTestSupport

/// Rows decode by the kept column names exactly as by SQLKit's own snake_case conversion.
@Suite("Snake-case columns on SQLite, or PostgreSQL when DATABASE_URL is set")
struct SnakeCaseColumnsTests {
    struct Row: Decodable, Equatable {
        let id: String
        let schoolId: String
        let maskedNationalId: String
        let yearsAtAddress: Int
        let a1b2: Int
        let tenthHours: Int?
    }

    @Test func keptNamesDecodeTheSameRowsAsSQLKitsConversion() async throws {
        try await TestDatabase.withStore { store in
            let sql = try #require(store.database as? any SQLDatabase)
            let query: SQLQueryString = """
                SELECT 'x' AS id, 's' AS school_id, 'n' AS masked_national_id, 3 AS years_at_address, 4 AS a1b2, NULL AS tenth_hours
                """
            let converted = try await sql.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            let kept = try await sql.all(query, as: Row.self)
            #expect(kept == converted && kept == [Row(id: "x", schoolId: "s", maskedNationalId: "n", yearsAtAddress: 3, a1b2: 4, tenthHours: nil)])
            // Asked again, from the kept names.
            #expect(try await sql.all(query, as: Row.self) == converted)
            #expect(SnakeCaseColumns.column(for: "yearsAtAddress") == "years_at_address")
        }
    }
}
