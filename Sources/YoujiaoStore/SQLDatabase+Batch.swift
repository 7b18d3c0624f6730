import Foundation
import FluentKit
import SQLKit
import Synchronization

extension SQLDatabase {
    /// Inserts rows a few hundred per statement (DESIGN.md §2: large writes batch).
    /// With `upsertOn`, a row whose key exists updates every other column instead; its `id` stays.
    func insertBatched<Row: Encodable & Sendable>(into table: String, _ rows: [Row], upsertOn key: [String]? = nil,
                                                  batchSize: Int = 400) async throws {
        guard let first = rows.first else { return }
        // The snake_case column names come from the first row alone: converting every key of every
        // row took about a fifth of a large import's write time. With nils encoded as NULL, every
        // row yields the same keys in the same order.
        let columns = try SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).encode(first).map(\.0)
        // Inserts and upserts of flat rows go through the bulk writer (COPY, or binds without SQLKit's
        // encoders): a full-city demo writes millions of rows this way.
        if let database = self as? any Database, var bulk = try BulkRows(table: table, columns: columns, encoding: rows) {
            bulk.upsertKey = key
            return try await BulkWriter(database: database).write(bulk)
        }
        let values = SQLQueryEncoder(nilEncodingStrategy: .asNil)
        let updated = columns.filter { $0 != "id" && !(key ?? []).contains($0) }
        var start = 0
        while start < rows.count {
            var insert = self.insert(into: table).columns(columns)
            for row in rows[start..<min(start + batchSize, rows.count)] {
                let cells = try values.encode(row)
                precondition(cells.count == columns.count, "\(Row.self) encodes a varying set of columns")
                insert = insert.values(cells.map(\.1))
            }
            if let key {
                insert = insert.onConflict(with: key) { update in updated.reduce(update) { $0.set(excludedValueOf: $1) } }
            }
            try await insert.run()
            start += batchSize
        }
    }

    /// The rows of a query decoded with snake_case columns.
    func all<Row: Decodable>(_ query: SQLQueryString, as type: Row.Type) async throws -> [Row] {
        try await raw(query).all(decoding: Row.self, keyDecodingStrategy: SnakeCaseColumns.strategy)
    }
}

/// SQLKit's `.convertFromSnakeCase`, each key converted once per process: converting every key of
/// every row again was a twentieth of a status page's CPU. The names are SQLKit's own (its encoder
/// converts each new key), so a column is found exactly where it was.
enum SnakeCaseColumns {
    static let strategy = SQLRowDecoder.KeyDecodingStrategy.custom { path in
        AnyKey(stringValue: column(for: path.last?.stringValue ?? ""))
    }

    private static let known = Mutex<[String: String]>([:])

    static func column(for key: String) -> String {
        if let column = known.withLock({ $0[key] }) { return column }
        let column = (try? SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase).encode([key: 0]).first?.0) ?? key
        known.withLock { $0[key] = column }
        return column
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
