import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Accounts, API tokens, login throttling and the audit trail.
public struct AccountStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    // MARK: Users

    public func create(_ user: UserRecord) async throws {
        try await sql.insertBatched(into: "users", [user])
    }

    public func user(id: String) async throws -> UserRecord? {
        try await sql.all("SELECT * FROM users WHERE id = \(bind: id)", as: UserRecord.self).first
    }

    public func user(username: String) async throws -> UserRecord? {
        try await sql.all("SELECT * FROM users WHERE username = \(bind: username)", as: UserRecord.self).first
    }

    public func setPasswordHash(username: String, hash: String) async throws -> Bool {
        guard try await user(username: username) != nil else { return false }
        try await sql.raw("UPDATE users SET password_hash = \(bind: hash) WHERE username = \(bind: username)").run()
        return true
    }

    public func userCount() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM users").first(decoding: CountRow.self)?.n ?? 0
    }

    public func users() async throws -> [UserRecord] {
        try await sql.all("SELECT * FROM users ORDER BY role, username", as: UserRecord.self)
    }

    // MARK: API tokens (only a SHA-256 of the token is stored)

    public func addToken(userID: String, tokenHash: String, name: String) async throws {
        struct Row: Encodable, Sendable { var id: String; var userId: String; var tokenHash: String; var name: String; var createdAt: String }
        try await sql.insertBatched(into: "api_tokens", [Row(id: UUID().uuidString.lowercased(), userId: userID, tokenHash: tokenHash,
                                                             name: name, createdAt: ISO8601DateFormatter().string(from: Date()))])
    }

    public func user(tokenHash: String) async throws -> UserRecord? {
        try await sql.all("""
            SELECT u.* FROM users u JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = \(bind: tokenHash)
            """, as: UserRecord.self).first
    }

    // MARK: Login throttling

    public struct ThrottleState: Codable, Sendable {
        public var username: String
        public var failures: Int
        public var windowStart: Double
        public var lockedUntil: Double?
        public init(username: String, failures: Int, windowStart: Double, lockedUntil: Double?) {
            self.username = username; self.failures = failures; self.windowStart = windowStart; self.lockedUntil = lockedUntil
        }
    }

    public func throttleState(username: String) async throws -> ThrottleState? {
        try await sql.all("SELECT * FROM login_throttle WHERE username = \(bind: username)", as: ThrottleState.self).first
    }

    public func saveThrottle(_ state: ThrottleState) async throws {
        try await sql.insertBatched(into: "login_throttle", [state], upsertOn: ["username"])
    }

    public func clearThrottle(username: String) async throws {
        try await sql.raw("DELETE FROM login_throttle WHERE username = \(bind: username)").run()
    }

    // MARK: Audit

    public func record(_ events: [AuditEventRecord]) async throws {
        try await sql.insertBatched(into: "audit_events", events)
    }

    public func auditEvents(subjectID: String? = nil, limit: Int = 200) async throws -> [AuditEventRecord] {
        var query: SQLQueryString = "SELECT * FROM audit_events"
        if let subjectID { query.appendLiteral(" WHERE subject_id = "); query.appendInterpolation(bind: subjectID) }
        query.appendLiteral(" ORDER BY at DESC LIMIT ")
        query.appendInterpolation(literal: limit)
        return try await sql.all(query, as: AuditEventRecord.self)
    }
}
