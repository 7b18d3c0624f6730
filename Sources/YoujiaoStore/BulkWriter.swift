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
    case null

    init(_ text: String?) { self = text.map(BulkValue.text) ?? .null }
    init(_ number: Int?) { self = number.map(BulkValue.integer) ?? .null }
}

/// Rows of one table, each already in `columns` order, for `BulkWriter`.
struct BulkRows: Sendable {
    var table: String
    var columns: [String]
    var rows: [[BulkValue]] = []
}

/// A database that hands everything to another, such as the web layer's pool-wait timer. The bulk
/// writer needs the driver's own database underneath.
public protocol PassThroughDatabase: Database {
    var base: any Database { get }
}

/// Writes many fresh rows as fast as each database takes them, inside the caller's transaction:
/// COPY on PostgreSQL, multi-row INSERTs with plain binds on SQLite. The full-city demo writes nine
/// million rows; through SQLKit's row encoder and 400-row INSERTs that took most of ten minutes.
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
        let fullStatement = head + Array(repeating: placeholders, count: rowsPerStatement).joined(separator: ",")
        var start = 0
        while start < bulk.rows.count {
            let end = min(start + rowsPerStatement, bulk.rows.count)
            let statement = end - start == rowsPerStatement
                ? fullStatement : head + Array(repeating: placeholders, count: end - start).joined(separator: ",")
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * bulk.columns.count)
            for row in bulk.rows[start..<end] {
                for value in row {
                    switch value {
                    case .text(let text): binds.append(.text(text))
                    case .integer(let number): binds.append(.integer(number))
                    case .boolean(let flag): binds.append(.integer(flag ? 1 : 0))
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

    private static func copy(_ bulk: BulkRows, over connection: PostgresConnection, logger: Logger) async throws {
        try await connection.copyFrom(table: bulk.table, columns: bulk.columns, logger: logger) { writer in
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
