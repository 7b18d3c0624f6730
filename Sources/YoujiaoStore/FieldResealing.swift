import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Every sealed column, and the work that rewrites them all: sealing plain values once (migration
/// 021, and unsealing when it is reverted) and re-sealing under the current key (`youjiao keys
/// rotate`). Sealing recomputes the blind indexes, so a new index key takes effect too. All tables
/// in one transaction: a value that does not open stops the run and nothing is changed.
public enum FieldResealing {
    struct SealedColumn: Sendable {
        var table: String
        var key: String = "id"
        var column: String
        var index: String? = nil
    }

    /// The columns migration 021 sealed in place; later tables are created sealed.
    static let sealedInPlace: [SealedColumn] = [
        SealedColumn(table: "students", column: "national_id", index: "national_id_index"),
        SealedColumn(table: "guardians", column: "national_id", index: "national_id_index"),
        SealedColumn(table: "teachers", column: "national_id", index: "national_id_index"),
        SealedColumn(table: "eligibility_entries", column: "national_id", index: "national_id_index"),
        SealedColumn(table: "applications", column: "student_national_id"),
        SealedColumn(table: "sped_cases", column: "category"),
        SealedColumn(table: "sped_assessments", column: "summary"),
        SealedColumn(table: "sped_handovers", column: "summary"),
        SealedColumn(table: "users", column: "totp_secret"),
        SealedColumn(table: "web_sessions", key: "id_hash", column: "enrolment_secret"),
    ]
    static let columns = sealedInPlace + [SealedColumn(table: "teacher_homes", key: "teacher_id", column: "location"),
                                          SealedColumn(table: "fee_complaints", key: "reference", column: "contact")]

    /// What a run does to each stored value.
    enum Direction { case sealPlain, reseal, unseal }

    /// What one run changed in one column.
    public struct Count: Sendable, Equatable {
        public var table: String
        public var column: String
        /// Values read, and of those the ones sealed under an older key before the run.
        public var values: Int
        public var underOlderKeys: Int
    }

    /// Re-seals every protected value under the ring's current key and recomputes the indexes.
    public static func rotate(on database: any Database) async throws -> [Count] {
        try await database.transaction { tx in try await run(on: tx as! any SQLDatabase, .reseal) }
    }

    static func run(on sql: any SQLDatabase, _ direction: Direction, columns: [SealedColumn] = columns) async throws -> [Count] {
        let ring = try FieldProtection.ring
        struct Row: Decodable { var key: String; var value: String? }
        var counts: [Count] = []
        for sealed in columns {
            var count = Count(table: sealed.table, column: sealed.column, values: 0, underOlderKeys: 0)
            var after = ""
            while true {
                let rows = try await sql.raw("""
                    SELECT \(ident: sealed.key) AS key, \(ident: sealed.column) AS value FROM \(ident: sealed.table)
                    WHERE \(ident: sealed.key) > \(bind: after) ORDER BY \(ident: sealed.key) LIMIT 1000
                    """).all(decoding: Row.self)
                guard let last = rows.last else { break }
                after = last.key
                for row in rows {
                    guard let value = row.value else { continue }
                    let plain: String
                    switch direction {
                    case .sealPlain: plain = value
                    case .reseal, .unseal:
                        do { plain = try ring.open(value) } catch {
                            throw ResealingError(table: sealed.table, column: sealed.column, rowKey: row.key, problem: "\(error)")
                        }
                        if !ring.isSealedUnderCurrentKey(value) { count.underOlderKeys += 1 }
                    }
                    count.values += 1
                    var update = sql.update(sealed.table)
                        .set(SQLIdentifier(sealed.column), to: SQLBind(direction == .unseal ? plain : try ring.seal(plain)))
                    if let index = sealed.index, direction != .unseal {
                        update = update.set(SQLIdentifier(index), to: SQLBind(ring.blindIndex(plain)))
                    }
                    try await update.where(SQLIdentifier(sealed.key), .equal, SQLBind(row.key)).run()
                }
            }
            counts.append(count)
        }
        return counts
    }
}

/// A stored value that would not open: which table, column and row, never the value.
public struct ResealingError: Error, CustomStringConvertible {
    public var table: String
    public var column: String
    public var rowKey: String
    public var problem: String
    public var description: String { "\(table).\(column), row \(rowKey): \(problem); nothing was changed" }
}
