import Foundation
import SQLKit

extension SQLDatabase {
    /// Inserts rows a few hundred per statement (DESIGN.md §2: large writes batch).
    /// With `upsertOn`, a row whose key exists updates every other column instead; its `id` stays.
    func insertBatched<Row: Encodable & Sendable>(into table: String, _ rows: [Row], upsertOn key: [String]? = nil,
                                                  batchSize: Int = 400) async throws {
        let encoder = SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
        var start = 0
        while start < rows.count {
            let batch = Array(rows[start..<min(start + batchSize, rows.count)])
            var insert = try self.insert(into: table).models(batch, with: encoder)
            if let key, let first = batch.first {
                let columns = try encoder.encode(first).map(\.0).filter { $0 != "id" && !key.contains($0) }
                insert = insert.onConflict(with: key) { update in
                    columns.reduce(update) { $0.set(excludedValueOf: $1) }
                }
            }
            try await insert.run()
            start += batchSize
        }
    }

    /// The rows of a query decoded with snake_case columns.
    func all<Row: Decodable>(_ query: SQLQueryString, as type: Row.Type) async throws -> [Row] {
        try await raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

/// Placeholder-safe IN lists for SQLKit raw queries.
extension SQLQueryString {
    mutating func appendList(_ values: [String]) {
        for (index, value) in values.enumerated() {
            if index > 0 { appendLiteral(", ") }
            appendInterpolation(bind: value)
        }
    }
}
