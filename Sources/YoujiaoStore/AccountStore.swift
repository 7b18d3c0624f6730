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

    /// Why a teacher account was not created: the database's unique keys decide between two
    /// officials issuing at once.
    public enum TeacherAccountRefusal: Error, Equatable { case usernameTaken, accountExists }

    /// Creates a teacher's account; one per teacher, each username once.
    public func createTeacherAccount(_ user: UserRecord) async throws {
        do { try await create(user) } catch {
            if let teacherID = user.teacherId, try await self.user(teacherID: teacherID) != nil { throw TeacherAccountRefusal.accountExists }
            if try await self.user(username: user.username) != nil { throw TeacherAccountRefusal.usernameTaken }
            throw error
        }
    }

    public func user(teacherID: String) async throws -> UserRecord? {
        try await sql.all("SELECT * FROM users WHERE teacher_id = \(bind: teacherID)", as: UserRecord.self).first
    }

    public func user(id: String) async throws -> UserRecord? {
        try await sql.all("SELECT * FROM users WHERE id = \(bind: id)", as: UserRecord.self).first
    }

    public func user(username: String) async throws -> UserRecord? {
        try await sql.all("SELECT * FROM users WHERE username = \(bind: username)", as: UserRecord.self).first
    }

    /// The account of a guardian who signs in through the city's identity provider, created on
    /// the first sign-in (its password is random and never shown: it signs in only that way).
    public func guardianAccount(guardianID: String, displayName: String) async throws -> UserRecord {
        if let existing = try await sql.all("SELECT * FROM users WHERE guardian_id = \(bind: guardianID) ORDER BY created_at LIMIT 1",
                                            as: UserRecord.self).first {
            return existing
        }
        let user = UserRecord(username: "g-" + guardianID, passwordHash: "!" + UUID().uuidString, role: .guardian,
                              displayName: displayName, guardianId: guardianID)
        try await sql.insertBatched(into: "users", [user], upsertOn: ["username"])
        return try await self.user(username: user.username) ?? user
    }

    public func setPasswordHash(username: String, hash: String) async throws -> Bool {
        guard try await user(username: username) != nil else { return false }
        try await sql.raw("UPDATE users SET password_hash = \(bind: hash) WHERE username = \(bind: username)").run()
        return true
    }

    /// Disables or enables an account; disabling ends its sessions. False when there is no such
    /// account or it already was in that state.
    public func setDisabled(username: String, _ disabled: Bool, now: Double) async throws -> Bool {
        try await transaction { tx in
            let changed = try await tx.sql.raw(disabled
                ? "UPDATE users SET disabled_at = \(bind: now) WHERE username = \(bind: username) AND disabled_at IS NULL RETURNING id"
                : "UPDATE users SET disabled_at = NULL WHERE username = \(bind: username) AND disabled_at IS NOT NULL RETURNING id").all()
            guard let row = changed.first else { return false }
            if disabled { try await tx.endSessions(userID: try row.decode(column: "id", as: String.self)) }
            return true
        }
    }

    /// Signs the account out everywhere (a new password, a disabled account).
    public func endSessions(userID: String) async throws {
        try await sql.raw("DELETE FROM web_sessions WHERE user_id = \(bind: userID)").run()
    }

    public func userCount() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM users").first(decoding: CountRow.self)?.n ?? 0
    }

    public func users() async throws -> [UserRecord] {
        try await sql.all("SELECT * FROM users ORDER BY role, username", as: UserRecord.self)
    }

    // MARK: API tokens (only a SHA-256 of the token is stored)

    public func addToken(_ token: APITokenRecord) async throws {
        try await sql.insertBatched(into: "api_tokens", [token])
    }

    /// The account behind a token that is neither expired nor revoked, with the token's scope.
    public func user(tokenHash: String, now: Double) async throws -> (UserRecord, APITokenRecord)? {
        guard let token = try await sql.all("""
            SELECT * FROM api_tokens WHERE token_hash = \(bind: tokenHash) AND revoked_at IS NULL
            AND expires_at IS NOT NULL AND expires_at > \(bind: now)
            """, as: APITokenRecord.self).first,
              let user = try await user(id: token.userId), !user.isDisabled else { return nil }
        return (user, token)
    }

    /// Counts one request of a token in the minute `minute` (seconds since 1970 / 60) and returns the
    /// minute's count so far; the count of every app instance is the same row.
    public func countAPIRequest(tokenID: String, minute: Int64) async throws -> Int {
        struct Count: Decodable { var requests: Int }
        let counted = try await sql.raw("""
            INSERT INTO api_rate_windows (token_id, window_start, requests) VALUES (\(bind: tokenID), \(bind: minute), 1)
            ON CONFLICT (token_id, window_start) DO UPDATE SET requests = api_rate_windows.requests + 1 RETURNING requests
            """).first(decoding: Count.self)?.requests ?? 1
        if counted == 1 {
            // A token's first request of a minute clears its old minutes.
            try await sql.raw("DELETE FROM api_rate_windows WHERE token_id = \(bind: tokenID) AND window_start < \(bind: minute - 5)").run()
        }
        return counted
    }

    public func tokens() async throws -> [APITokenRecord] {
        try await sql.all("SELECT * FROM api_tokens ORDER BY created_at", as: APITokenRecord.self)
    }

    /// Revokes a token by id; false when there is no such token or it was already revoked.
    public func revokeToken(id: String, now: Double) async throws -> Bool {
        let rows = try await sql.raw("""
            UPDATE api_tokens SET revoked_at = \(bind: now) WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }

    // MARK: Sessions (the cookie holds a random token; only its SHA-256 is stored)

    public func createSession(_ session: WebSessionRecord) async throws {
        // Expired rows go when someone signs in, so the table holds live sessions only.
        try await purgeSessions(now: session.createdAt)
        try await sql.insertBatched(into: "web_sessions", [session])
    }

    /// The live session with this id hash and its account; an expired one is deleted and nil returned.
    public func session(idHash: String, now: Double) async throws -> (WebSessionRecord, UserRecord)? {
        guard let session = try await sql.all("SELECT * FROM web_sessions WHERE id_hash = \(bind: idHash)", as: WebSessionRecord.self).first else {
            return nil
        }
        guard session.isLive(at: now), let user = try await user(id: session.userId), !user.isDisabled else {
            try await deleteSession(idHash: idHash)
            return nil
        }
        return (session, user)
    }

    /// The session has passed its second factor.
    public func completeSecondFactor(idHash: String) async throws {
        try await sql.raw("UPDATE web_sessions SET second_factor_pending = \(bind: false), enrolment_secret = NULL WHERE id_hash = \(bind: idHash)").run()
    }

    public func setEnrolmentSecret(idHash: String, secret: String) async throws {
        try await sql.raw("UPDATE web_sessions SET enrolment_secret = \(bind: try FieldProtection.seal(secret)) WHERE id_hash = \(bind: idHash)").run()
    }

    /// Stores a confirmed TOTP secret with the step of the code that confirmed it and new recovery codes.
    public func enrolSecondFactor(userID: String, secret: String, step: Int64, recoveryHashes: [String]) async throws {
        try await sql.raw("""
            UPDATE users SET totp_secret = \(bind: try FieldProtection.seal(secret)), totp_last_step = \(bind: step), recovery_hashes = \(bind: recoveryHashes.joined(separator: ","))
            WHERE id = \(bind: userID)
            """).run()
    }

    /// Records that a code of `step` was used, only if no code of that step or later was: two
    /// requests with the same code cannot both pass.
    public func claimTOTPStep(userID: String, step: Int64) async throws -> Bool {
        !(try await sql.raw("""
            UPDATE users SET totp_last_step = \(bind: step) WHERE id = \(bind: userID)
            AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
            """).all()).isEmpty
    }

    /// Uses up one recovery code: the list is replaced only if it is still the one read.
    public func consumeRecoveryCode(userID: String, expected: [String], remaining: [String]) async throws -> Bool {
        !(try await sql.raw("""
            UPDATE users SET recovery_hashes = \(bind: remaining.joined(separator: ",")) WHERE id = \(bind: userID)
            AND recovery_hashes = \(bind: expected.joined(separator: ",")) RETURNING id
            """).all()).isEmpty
    }

    /// Clears a colleague's second factor (they enrol again at their next sign-in) and ends their sessions.
    public func resetSecondFactor(username: String) async throws -> Bool {
        guard let user = try await user(username: username) else { return false }
        try await sql.raw("UPDATE users SET totp_secret = NULL, totp_last_step = NULL, recovery_hashes = NULL WHERE id = \(bind: user.id)").run()
        try await endSessions(userID: user.id)
        return true
    }

    public func touchSession(idHash: String, now: Double) async throws {
        try await sql.raw("UPDATE web_sessions SET last_seen_at = \(bind: now) WHERE id_hash = \(bind: idHash)").run()
    }

    public func deleteSession(idHash: String) async throws {
        try await sql.raw("DELETE FROM web_sessions WHERE id_hash = \(bind: idHash)").run()
    }

    public func purgeSessions(now: Double) async throws {
        try await sql.raw("""
            DELETE FROM web_sessions WHERE last_seen_at < \(bind: now - SignInPolicy.sessionIdleLimit)
            OR created_at < \(bind: now - SignInPolicy.sessionAbsoluteLimit)
            """).run()
    }

    public func sessionCount() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM web_sessions").first(decoding: CountRow.self)?.n ?? 0
    }

    // MARK: Sign-in throttling

    public enum AttemptDecision: Sendable, Equatable {
        case allowed(attempt: Int)
        case wait(seconds: Double)
    }

    /// Counts one sign-in attempt under `key` before its password is checked. One UPDATE both counts
    /// and, past the free attempts, sets the time before which the next attempt is refused, so
    /// parallel attempts each see the count of those before them.
    public func reserveSignInAttempt(key: String, freeAttempts: Int, now: Double) async throws -> AttemptDecision {
        try await sql.raw("""
            INSERT INTO sign_in_throttle (key, attempts, window_start, blocked_until) VALUES (\(bind: key), 0, \(bind: now), NULL)
            ON CONFLICT (key) DO NOTHING
            """).run()
        let cutoff = now - SignInPolicy.window
        let attemptsAfter: SQLQueryString = "(CASE WHEN window_start < \(bind: cutoff) THEN 1 ELSE attempts + 1 END)"
        // The waits of SignInPolicy as a CASE over the new count, so SQL and Core cannot disagree.
        var waitExpression: SQLQueryString = "(CASE"
        for attempt in freeAttempts...(freeAttempts + 21) {
            waitExpression.appendLiteral(" WHEN ")
            waitExpression.appendInterpolation(attemptsAfter)
            waitExpression.appendLiteral(" = \(attempt) THEN \(SignInPolicy.wait(afterAttempt: attempt, freeAttempts: freeAttempts))")
        }
        waitExpression.appendLiteral(" ELSE \(SignInPolicy.longestWait) END)")
        var update: SQLQueryString = "UPDATE sign_in_throttle SET attempts = "
        update.appendInterpolation(attemptsAfter)
        update.appendLiteral(", window_start = (CASE WHEN window_start < ")
        update.appendInterpolation(bind: cutoff)
        update.appendLiteral(" THEN ")
        update.appendInterpolation(bind: now)
        update.appendLiteral(" ELSE window_start END), blocked_until = (CASE WHEN ")
        update.appendInterpolation(attemptsAfter)
        update.appendLiteral(" >= \(freeAttempts) THEN ")
        update.appendInterpolation(bind: now)
        update.appendLiteral(" + ")
        update.appendInterpolation(waitExpression)
        update.appendLiteral(" ELSE NULL END) WHERE key = ")
        update.appendInterpolation(bind: key)
        update.appendLiteral(" AND (blocked_until IS NULL OR blocked_until <= ")
        update.appendInterpolation(bind: now)
        update.appendLiteral(") RETURNING attempts")
        struct Attempts: Decodable { var attempts: Int }
        if let counted = try await sql.raw(update).first(decoding: Attempts.self) {
            return .allowed(attempt: counted.attempts)
        }
        struct Blocked: Decodable { var blockedUntil: Double? }
        let until = try await sql.all("SELECT blocked_until FROM sign_in_throttle WHERE key = \(bind: key)", as: Blocked.self)
            .first?.blockedUntil ?? now
        return .wait(seconds: max(1, until - now))
    }

    /// Gives back the attempt a successful sign-in reserved, so that only failures add up.
    public func refundSignInAttempt(key: String) async throws {
        try await sql.raw("UPDATE sign_in_throttle SET attempts = attempts - 1 WHERE key = \(bind: key) AND attempts > 0").run()
    }

    public func clearSignInAttempts(key: String) async throws {
        try await sql.raw("DELETE FROM sign_in_throttle WHERE key = \(bind: key)").run()
    }

    public func signInAttempts(key: String) async throws -> Int {
        struct Attempts: Decodable { var attempts: Int }
        return try await sql.raw("SELECT attempts FROM sign_in_throttle WHERE key = \(bind: key)").first(decoding: Attempts.self)?.attempts ?? 0
    }

    public func addTrustedDevice(tokenHash: String, username: String, now: Double) async throws {
        struct Row: Encodable, Sendable { var tokenHash: String; var username: String; var createdAt: Double }
        try await sql.insertBatched(into: "sign_in_devices", [Row(tokenHash: tokenHash, username: username, createdAt: now)], upsertOn: ["token_hash"])
    }

    public func isTrustedDevice(tokenHash: String, username: String) async throws -> Bool {
        try await sql.raw("SELECT COUNT(*) AS n FROM sign_in_devices WHERE token_hash = \(bind: tokenHash) AND username = \(bind: username)")
            .first(decoding: CountRow.self)?.n ?? 0 > 0
    }

    // MARK: Audit

    /// Appends events to the hash chain. Appenders queue on PostgreSQL's advisory lock; on SQLite
    /// the write lock serialises them and the unique sequence number turns a lost race into a retry.
    public func record(_ events: [AuditEventRecord]) async throws {
        guard !events.isEmpty else { return }
        for attempt in 1...8 {
            do {
                try await transaction { store in try await store.appendToChain(events) }
                return
            } catch where attempt < 8 {
                try await Task.sleep(nanoseconds: UInt64(attempt) * 5_000_000)
            }
        }
    }

    private func appendToChain(_ events: [AuditEventRecord]) async throws {
        if sql.dialect.name != "sqlite" { try await takeLock(.auditChain, "SELECT pg_advisory_xact_lock(744711)") }
        struct Head: Decodable { var seq: Int; var rowHash: String }
        let head = try await sql.all("SELECT seq, row_hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1", as: Head.self).first
        var seq = head?.seq ?? 0, previous = head?.rowHash ?? AuditChain.genesis
        let chained = events.map { event in
            var event = event
            seq += 1
            event.seq = seq
            event.prevHash = previous
            event.rowHash = AuditChain.hash(previous: previous, seq: seq, fields: event.chainedFields)
            previous = event.rowHash!
            return event
        }
        try await sql.insertBatched(into: "audit_events", chained)
    }

    /// Walks the whole chain a page at a time; returns the number of events and the head hash, or
    /// throws the first break.
    public func verifyAuditChain(pageSize: Int = 10_000) async throws -> (events: Int, head: String) {
        var head = (seq: 0, hash: AuditChain.genesis)
        while true {
            let page = try await sql.all("""
                SELECT * FROM audit_events WHERE seq > \(bind: head.seq) ORDER BY seq LIMIT \(literal: pageSize)
                """, as: AuditEventRecord.self)
            guard !page.isEmpty else { break }
            head = try AuditChain.verify(page.map {
                AuditChain.Link(seq: $0.seq ?? 0, fields: $0.chainedFields, previousHash: $0.prevHash ?? "", rowHash: $0.rowHash ?? "")
            }, from: head)
        }
        let unchained = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE seq IS NULL").first(decoding: CountRow.self)?.n ?? 0
        guard unchained == 0 else { throw AuditChain.Break.missing(afterSeq: head.seq) }
        return (head.seq, head.hash)
    }

    public func auditEvents(subjectID: String? = nil, limit: Int = 200) async throws -> [AuditEventRecord] {
        var query: SQLQueryString = "SELECT * FROM audit_events"
        if let subjectID { query.appendLiteral(" WHERE subject_id = "); query.appendInterpolation(bind: subjectID) }
        query.appendLiteral(" ORDER BY at DESC LIMIT ")
        query.appendInterpolation(literal: limit)
        return try await sql.all(query, as: AuditEventRecord.self)
    }
}
