import FluentKit
import Foundation
import SQLKit

/// Whether this instance can serve: the database takes a write, every migration of this build is
/// applied, and (SQLite) the disk holding the file has room. Each problem is a sentence for the
/// operator; none means ready.
public enum Readiness {
    /// Below this, a registration day's writes (and SQLite's WAL) may not fit.
    public static let minimumFreeBytes: Int64 = 256 << 20

    public static func problems(_ database: any Database, target: DatabaseTarget, now: Date = Date()) async -> [String] {
        var problems: [String] = []
        let sql = database as! any SQLDatabase
        do {
            try await sql.raw("UPDATE readiness_probe SET checked_at = \(bind: now.timeIntervalSince1970) WHERE id = 1").run()
        } catch {
            problems.append("the database does not take writes: \(String(describing: error).prefix(200))")
        }
        do {
            struct Row: Decodable { var name: String }
            let applied = Set(try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Row.self).map(\.name))
            let missing = StoreSetup.migrations.map(\.name).filter { !applied.contains($0) }
            if !missing.isEmpty { problems.append("migrations not applied: \(missing.joined(separator: ", "))") }
        } catch {
            problems.append("the migrations cannot be read: \(String(describing: error).prefix(200))")
        }
        if case .sqlite(let path) = target {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory)[.systemFreeSize] as? NSNumber)?.int64Value
            if let free, free < minimumFreeBytes {
                problems.append("only \(free >> 20) MB free beside the database file (at least \(minimumFreeBytes >> 20) MB needed)")
            }
        }
        return problems
    }
}
