import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore

/// One cell of a bulk-loaded row.
enum BulkValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case boolean(Bool)
    case double(Double)
    case null

    init(_ text: String?) { self = text.map(BulkValue.text) ?? .null }
    init(_ number: Int?) { self = number.map(BulkValue.integer) ?? .null }
}

/// Rows of one table, each already in `columns` order, for `BulkWriter`.
struct BulkRows: Sendable {
    var table: String
    var columns: [String]
    var rows: [[BulkValue]] = []
    /// When set, a row whose key is stored already updates that row's other columns (its id stays).
    var upsertKey: [String]? = nil

    /// The columns an upsert overwrites: all but the id and the key.
    var updatedColumns: [String] { columns.filter { $0 != "id" && !(upsertKey ?? []).contains($0) } }

    init(table: String, columns: [String], rows: [[BulkValue]] = []) {
        self.table = table; self.columns = columns; self.rows = rows
    }

    /// `rows` as bulk values, or nil when a row holds what `BulkRowEncoder` leaves to SQLKit.
    init?<Row: Encodable>(table: String, columns: [String], encoding rows: [Row]) throws {
        self.init(table: table, columns: columns)
        self.rows.reserveCapacity(rows.count)
        for row in rows {
            let values: [BulkValue]
            do { values = try BulkRowEncoder.values(of: row) } catch is BulkRowEncoder.Unsupported { return nil }
            guard values.count == columns.count else { return nil }
            self.rows.append(values)
        }
    }
}

/// A database that hands everything to another, such as the web layer's pool-wait timer. The bulk
/// writer needs the driver's own database underneath.
public protocol PassThroughDatabase: Database {
    var base: any Database { get }
}

/// Writes (or upserts) many rows as fast as each database takes them, in the caller's transaction
/// when there is one: COPY on PostgreSQL, multi-row statements with plain binds on SQLite. The
/// full-city demo writes well over ten million rows; SQLKit's row encoder and 400-row statements
/// were a large part of the half hour that took.
struct BulkWriter: Sendable {
    let database: any Database

    func write(_ bulk: BulkRows) async throws {
        guard !bulk.rows.isEmpty else { return }
        var database = database
        while let wrapper = database as? any PassThroughDatabase { database = wrapper.base }
        if let postgres = database as? any PostgresDatabase {
            try await copy(bulk, into: postgres)
        } else if let sqlite = database as? any SQLiteDatabase {
            try await insert(bulk, into: sqlite)
        } else {
            preconditionFailure("BulkWriter supports SQLite and PostgreSQL only")
        }
    }

    /// Runs a large load with SQLite keeping the pages it writes in memory until it commits. With
    /// the default 2 MB cache, inserts into multi-million-row indexes read and spilled pages through
    /// the WAL, and each statement's undo journal went to a temporary file. The settings belong to
    /// the connection, so this is for a transaction's database; they are put back afterwards.
    /// Nothing changes on PostgreSQL.
    func withLargeCache<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await work() }
        try await sql.raw("PRAGMA cache_size = -1048576").run()   // KiB: up to 1 GiB, used only as needed
        try await sql.raw("PRAGMA temp_store = MEMORY").run()
        func restore() async throws {
            try await sql.raw("PRAGMA cache_size = -2000").run()   // SQLite's default
            try await sql.raw("PRAGMA temp_store = DEFAULT").run()
        }
        do {
            let result = try await work()
            try await restore()
            return result
        } catch {
            try? await restore()
            throw error
        }
    }

    /// SQLite takes up to 250,000 binds per statement (the bundled build); ~8,000 keeps each
    /// statement's text and bind array small while preparing once per few hundred rows.
    private func insert(_ bulk: BulkRows, into sqlite: any SQLiteDatabase) async throws {
        let rowsPerStatement = max(1, 8_000 / bulk.columns.count)
        let placeholders = "(" + Array(repeating: "?", count: bulk.columns.count).joined(separator: ",") + ")"
        let head = "INSERT INTO \"\(bulk.table)\" (" + bulk.columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        let tail = bulk.upsertKey.map { BulkWriter.onConflict($0, update: bulk.updatedColumns) } ?? ""
        let fullStatement = head + Array(repeating: placeholders, count: rowsPerStatement).joined(separator: ",") + tail
        var start = 0
        while start < bulk.rows.count {
            let end = min(start + rowsPerStatement, bulk.rows.count)
            let statement = end - start == rowsPerStatement
                ? fullStatement : head + Array(repeating: placeholders, count: end - start).joined(separator: ",") + tail
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * bulk.columns.count)
            for row in bulk.rows[start..<end] {
                for value in row {
                    switch value {
                    case .text(let text): binds.append(.text(text))
                    case .integer(let number): binds.append(.integer(number))
                    case .boolean(let flag): binds.append(.integer(flag ? 1 : 0))
                    case .double(let number): binds.append(.float(number))
                    case .null: binds.append(.null)
                    }
                }
            }
            _ = try await sqlite.query(statement, binds)
            start = end
        }
    }

    /// COPY … FROM STDIN in text format, sent in pieces of about a megabyte.
    private func copy(_ bulk: BulkRows, into postgres: any PostgresDatabase) async throws {
        // Inside a transaction this is the transaction's connection; outside, one leased until the COPY ends.
        try await postgres.withConnection { connection in
            let done = connection.eventLoop.makePromise(of: Void.self)
            done.completeWithTask { try await BulkWriter.copy(bulk, over: connection, logger: postgres.logger) }
            return done.futureResult
        }.get()
    }

    /// An upsert copies into a temporary table shaped like the target, then moves the rows over in
    /// one INSERT … ON CONFLICT; COPY itself cannot update.
    private static func copy(_ bulk: BulkRows, over connection: PostgresConnection, logger: Logger) async throws {
        guard let key = bulk.upsertKey else { return try await copy(bulk, into: bulk.table, over: connection, logger: logger) }
        let stage = "bulk_stage_\(bulk.table)"
        let columns = bulk.columns.map { "\"\($0)\"" }.joined(separator: ",")
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE TEMPORARY TABLE \"\(stage)\" (LIKE \"\(bulk.table)\" INCLUDING DEFAULTS)"), logger: logger)
        let drop = PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \"\(stage)\"")
        do {
            try await copy(bulk, into: stage, over: connection, logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "INSERT INTO \"\(bulk.table)\" (\(columns)) SELECT \(columns) FROM \"\(stage)\""
                                                     + onConflict(key, update: bulk.updatedColumns)), logger: logger)
        } catch {
            // Outside a transaction the table would outlive the error on this pooled connection;
            // inside one, the drop fails as well and the rollback removes the table.
            _ = try? await connection.query(drop, logger: logger)
            throw error
        }
        try await connection.query(drop, logger: logger)
    }

    static func onConflict(_ key: [String], update columns: [String]) -> String {
        let target = " ON CONFLICT (" + key.map { "\"\($0)\"" }.joined(separator: ",") + ")"
        guard !columns.isEmpty else { return target + " DO NOTHING" }
        return target + " DO UPDATE SET " + columns.map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ",")
    }

    private static func copy(_ bulk: BulkRows, into table: String, over connection: PostgresConnection, logger: Logger) async throws {
        try await connection.copyFrom(table: table, columns: bulk.columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for row in bulk.rows {
                BulkWriter.appendCopyLine(row, to: &buffer)
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes.
    static func appendCopyLine(_ row: [BulkValue], to buffer: inout ByteBuffer) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch value {
            case .null: buffer.writeStaticString("\\N")
            case .integer(let number): buffer.writeString(String(number))
            case .boolean(let flag): buffer.writeStaticString(flag ? "t" : "f")
            case .double(let number): buffer.writeString("\(number)")   // finite: the encoder refuses others
            case .text(let text):
                for byte in text.utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                    case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                    case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                    case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                    default: buffer.writeInteger(byte)
                    }
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}

/// Encodes a flat row struct into bulk values in its declared property order: text, integers,
/// booleans, doubles and nils, and single-value wrappers such as `Sealed`. Anything else (dates,
/// nested containers) is refused, and the caller takes SQLKit's general path for that table.
struct BulkRowEncoder {
    struct Unsupported: Error {}

    static func values<Row: Encodable>(of row: Row) throws -> [BulkValue] {
        let encoder = CellsEncoder()
        try row.encode(to: encoder)
        return encoder.cells.values
    }

    private final class Cells { var values: [BulkValue] = [] }

    private struct CellsEncoder: Encoder {
        let cells = Cells()
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(cells: cells))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { Refusing<AnyKey>(cells: cells) }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(cells: cells) }
    }

    /// One property's value: the top-level keyed container hands each property to this.
    private struct Single: SingleValueEncodingContainer {
        let cells: Cells
        var codingPath: [any CodingKey] = []
        mutating func encodeNil() throws { cells.values.append(.null) }
        mutating func encode(_ value: Bool) throws { cells.values.append(.boolean(value)) }
        mutating func encode(_ value: String) throws { cells.values.append(.text(value)) }
        mutating func encode(_ value: Double) throws {
            guard value.isFinite else { throw Unsupported() }
            cells.values.append(.double(value))
        }
        mutating func encode(_ value: Float) throws { try encode(Double(value)) }
        mutating func encode(_ value: Int) throws { cells.values.append(.integer(value)) }
        mutating func encode(_ value: Int8) throws { cells.values.append(.integer(Int(value))) }
        mutating func encode(_ value: Int16) throws { cells.values.append(.integer(Int(value))) }
        mutating func encode(_ value: Int32) throws { cells.values.append(.integer(Int(value))) }
        mutating func encode(_ value: Int64) throws { cells.values.append(.integer(Int(value))) }
        mutating func encode(_ value: UInt) throws { try append(value) }
        mutating func encode(_ value: UInt8) throws { try append(value) }
        mutating func encode(_ value: UInt16) throws { try append(value) }
        mutating func encode(_ value: UInt32) throws { try append(value) }
        mutating func encode(_ value: UInt64) throws { try append(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            // The drivers store these in their own ways; SQLKit's path keeps them so.
            if value is Date || value is Data || value is UUID || value is Decimal { throw Unsupported() }
            // A wrapper (Sealed, an enum's raw value) encodes itself as one single value.
            let before = cells.values.count
            try value.encode(to: Nested(cells: cells))
            guard cells.values.count == before + 1 else { throw Unsupported() }
        }
        private func append<T: BinaryInteger>(_ value: T) throws {
            guard let number = Int(exactly: value) else { throw Unsupported() }
            cells.values.append(.integer(number))
        }
    }

    /// What a property's own `encode(to:)` sees: a single value is allowed, containers are not.
    private struct Nested: Encoder {
        let cells: Cells
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Refusing<Key>(cells: cells))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { Refusing<AnyKey>(cells: cells) }
        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(cells: cells)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let cells: Cells
        var codingPath: [any CodingKey] = []
        private var single: Single { Single(cells: cells) }
        mutating func encodeNil(forKey key: Key) throws { cells.values.append(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            var single = single
            switch value {
            case let text as String: try single.encode(text)
            case let number as Int: try single.encode(number)
            case let flag as Bool: try single.encode(flag)
            case let number as Double: try single.encode(number)
            default: try single.encode(value)
            }
        }
        // Optionals arrive here, one overload per type; a nil must still take its column.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
        private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
            if let value { try encode(value, forKey: key) } else { cells.values.append(.null) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Refusing<NestedKey>(cells: cells))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Refusing<AnyKey>(cells: cells) }
        mutating func superEncoder() -> any Encoder { Nested(cells: cells) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { Nested(cells: cells) }
    }


    /// Containers a flat row never needs: any use makes the row unsupported.
    private struct Refusing<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer {
        let cells: Cells
        var codingPath: [any CodingKey] = []
        var count: Int { 0 }
        private func refuse() throws -> Never { throw Unsupported() }
        mutating func encodeNil(forKey key: Key) throws { try refuse() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try refuse() }
        mutating func encodeNil() throws { try refuse() }
        mutating func encode<T: Encodable>(_ value: T) throws { try refuse() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Refusing<NestedKey>(cells: cells))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Refusing<NestedKey>(cells: cells))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { Nested(cells: cells) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { Nested(cells: cells) }
    }
}

/// A coding key made from a name or a position (rows' columns, containers the writers refuse).
struct AnyKey: CodingKey {
    var stringValue: String; var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}
