import FluentKit
import Foundation
import SQLKit

/// A consistent copy of an SQLite database taken while it serves (`VACUUM INTO` reads one snapshot,
/// so concurrent writes are either wholly in the copy or not at all), and the row counts that let an
/// operator compare a copy with its source.
public enum Backup {
    /// The tables whose counts a drill compares: the registry, the families' applications, the audit trail.
    public static let countedTables = ["districts", "schools", "students", "guardians", "teachers", "applications", "audit_events"]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the snapshot to `destination` (which must not exist) and the key file beside it.
    public static func sqlite(_ database: any Database, sourcePath: String, to destination: String) async throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw Failure(description: "\(destination) exists already: a backup never overwrites a file")
        }
        let sql = database as! any SQLDatabase
        try await sql.raw("VACUUM INTO \(bind: destination)").run()
        // Sealed fields cannot be read without their keys: they travel with the copy (keep both safe).
        let keys = FieldProtection.keyFilePath(forDatabase: sourcePath)
        if FileManager.default.fileExists(atPath: keys) {
            try FileManager.default.copyItem(atPath: keys, toPath: FieldProtection.keyFilePath(forDatabase: destination))
        }
    }

    /// Copies a backup file (and its key file) to a new database path; refuses to overwrite.
    public static func restoreSQLite(from backup: String, to destination: String) throws {
        guard FileManager.default.fileExists(atPath: backup) else { throw Failure(description: "no backup at \(backup)") }
        for path in [destination, FieldProtection.keyFilePath(forDatabase: destination)] where FileManager.default.fileExists(atPath: path) {
            throw Failure(description: "\(path) exists already: restore into a new path, then switch the server to it")
        }
        try FileManager.default.copyItem(atPath: backup, toPath: destination)
        let keys = FieldProtection.keyFilePath(forDatabase: backup)
        if FileManager.default.fileExists(atPath: keys) {
            try FileManager.default.copyItem(atPath: keys, toPath: FieldProtection.keyFilePath(forDatabase: destination))
        }
    }

    /// Rows per counted table, in `countedTables` order.
    public static func counts(_ database: any Database) async throws -> [(table: String, rows: Int)] {
        let sql = database as! any SQLDatabase
        var counts: [(String, Int)] = []
        for table in countedTables {
            let rows = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: CountRow.self)?.n ?? 0
            counts.append((table, rows))
        }
        return counts
    }

    /// `PRAGMA integrity_check` (SQLite): "ok", or what is broken.
    public static func integrity(_ database: any Database) async throws -> String {
        try await (database as! any SQLDatabase).raw("PRAGMA integrity_check").all()
            .map { try $0.decode(column: "integrity_check", as: String.self) }.joined(separator: "; ")
    }
}
