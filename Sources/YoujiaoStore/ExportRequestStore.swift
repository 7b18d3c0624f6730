import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// One request for an export with full ID numbers (table `export_requests`).
public struct ExportRequestRecord: Codable, Sendable, Hashable {
    public var id: String
    public var kind: String
    public var year: Int?
    public var districtCode: String?
    public var entity: String?
    public var requestedBy: String
    public var requesterName: String
    public var requesterRole: String
    public var requesterDistrict: String?
    public var requestedAt: Double
    public var reason: String
    public var status: String
    public var approvedBy: String?
    public var approverName: String?
    public var approvedAt: Double?
    public var refusedBy: String?
    public var refuserName: String?
    public var refusedAt: Double?
    /// The approver's or refuser's note.
    public var note: String
    public var downloadedAt: Double?
    /// Who fetched the file: the requester's user name on the web, `cli:NAME` on the command line.
    public var downloadedBy: String?

    public var kindValue: ExportKind? { ExportKind(rawValue: kind) }
    public var statusValue: ExportStatus? { ExportStatus(rawValue: status) }
    public var parameters: ExportParameters { ExportParameters(year: year, districtCode: districtCode, entity: entity) }
    public var requester: ExportParty {
        ExportParty(username: requestedBy, scope: AccessScope(role: Role(rawValue: requesterRole) ?? .guardian, districtCode: requesterDistrict))
    }

    /// The facts the rules of `ExportRules` look at; nil for a row whose kind or status no code knows.
    public var facts: ExportRequestFacts? {
        guard let kind = kindValue, let status = statusValue else { return nil }
        return ExportRequestFacts(kind: kind, parameters: parameters, requester: requester, status: status,
                                  approvedAt: approvedAt.map(Date.init(timeIntervalSince1970:)))
    }

    /// Approved, but its 24 hours have passed without a download.
    public func isExpired(now: Date) -> Bool {
        statusValue == .approved && approvedAt.map { ExportRules.isExpired(approvedAt: Date(timeIntervalSince1970: $0), now: now) } ?? false
    }
}

/// Who acts on a request: the person and the display name the file's watermark shows.
public struct ExportActor: Sendable, Equatable {
    public var party: ExportParty
    public var displayName: String
    public init(party: ExportParty, displayName: String) { self.party = party; self.displayName = displayName }
}

/// Export requests: asking, deciding, and the one download, each step checked by `ExportRules`
/// and written so that concurrent steps cannot both succeed.
public struct ExportRequestStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    /// Stores a new waiting request; throws `ExportRefusal` when the rules refuse it.
    public func request(kind: ExportKind, parameters: ExportParameters, reason: String, by requester: ExportActor,
                        now: Date = Date()) async throws -> ExportRequestRecord {
        if let refusal = ExportRules.requestRefusal(kind: kind, parameters: parameters, scope: requester.party.scope, reason: reason) {
            throw refusal
        }
        let record = ExportRequestRecord(
            id: UUID().uuidString.lowercased(), kind: kind.rawValue, year: parameters.year, districtCode: parameters.districtCode,
            entity: parameters.entity, requestedBy: requester.party.username, requesterName: requester.displayName,
            requesterRole: requester.party.scope.role.rawValue, requesterDistrict: requester.party.scope.districtCode,
            requestedAt: now.timeIntervalSince1970, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), status: ExportStatus.waiting.rawValue,
            approvedBy: nil, approverName: nil, approvedAt: nil, refusedBy: nil, refuserName: nil, refusedAt: nil, note: "",
            downloadedAt: nil, downloadedBy: nil)
        try await sql.insertBatched(into: "export_requests", [record])
        return record
    }

    public func request(id: String) async throws -> ExportRequestRecord? {
        try await sql.all("SELECT * FROM export_requests WHERE id = \(bind: id)", as: ExportRequestRecord.self).first
    }

    /// The requests of one person, newest first.
    public func requests(of username: String, limit: Int = 100) async throws -> [ExportRequestRecord] {
        try await sql.all("""
            SELECT * FROM export_requests WHERE requested_by = \(bind: username) ORDER BY requested_at DESC LIMIT \(literal: max(1, min(limit, 1000)))
            """, as: ExportRequestRecord.self)
    }

    /// Waiting requests `approver` may decide on, oldest first.
    public func awaitingDecision(by approver: ExportParty, limit: Int = 200) async throws -> [ExportRequestRecord] {
        let waiting = try await sql.all("""
            SELECT * FROM export_requests WHERE status = 'waiting' AND requested_by <> \(bind: approver.username)
            ORDER BY requested_at LIMIT \(literal: max(1, min(limit, 1000)))
            """, as: ExportRequestRecord.self)
        return waiting.filter { record in
            record.facts.map { ExportRules.decisionRefusal($0, approver: approver, approving: true, note: "") == nil } ?? false
        }
    }

    /// Approves (or refuses, with its note) a waiting request; throws `ExportRefusal`.
    @discardableResult
    public func decide(id: String, approve: Bool, note: String, by approver: ExportActor, now: Date = Date()) async throws -> ExportRequestRecord {
        guard let record = try await request(id: id), let facts = record.facts else { throw ExportRefusal.noSuchRequest }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if let refusal = ExportRules.decisionRefusal(facts, approver: approver.party, approving: approve, note: note) { throw refusal }
        let at = now.timeIntervalSince1970
        let update: SQLQueryString = approve
            ? "UPDATE export_requests SET status = 'approved', approved_by = \(bind: approver.party.username), approver_name = \(bind: approver.displayName), approved_at = \(bind: at), note = \(bind: note) WHERE id = \(bind: id) AND status = 'waiting' RETURNING id"
            : "UPDATE export_requests SET status = 'refused', refused_by = \(bind: approver.party.username), refuser_name = \(bind: approver.displayName), refused_at = \(bind: at), note = \(bind: note) WHERE id = \(bind: id) AND status = 'waiting' RETURNING id"
        // The status in the WHERE clause makes a second decision taken at the same moment change nothing.
        guard try await sql.raw(update).first() != nil, let decided = try await request(id: id) else { throw ExportRefusal.notWaiting }
        return decided
    }

    /// A requester's downloads since the start of the Beijing day of `now`.
    public func downloadsToday(of username: String, now: Date = Date()) async throws -> Int {
        let start = ExportRules.beijingDayStart(of: now).timeIntervalSince1970
        return try await sql.raw("""
            SELECT COUNT(*) AS n FROM export_requests WHERE requested_by = \(bind: username) AND downloaded_at >= \(bind: start)
            """).first(decoding: CountRow.self)?.n ?? 0
    }

    /// Uses the approval for one download of `kind` with `parameters`, or throws the `ExportRefusal`
    /// that says why not. `downloader` is the signed-in requester, nil on the command line; `actor`
    /// is recorded as who fetched the file. Of concurrent claims of one approval exactly one wins,
    /// and a requester's claims of the day never pass the cap.
    public func claimDownload(id: String, kind: ExportKind, parameters: ExportParameters, downloader: String?, actor: String,
                              now: Date = Date()) async throws -> ExportRequestRecord {
        let claim: @Sendable (ExportRequestStore) async throws -> Bool = { store in
            guard let record = try await store.request(id: id), let facts = record.facts else { throw ExportRefusal.noSuchRequest }
            // PostgreSQL: claims queue here, so each one counts the downloads committed before it.
            // The UPDATE below re-checks every condition in one statement whatever the database.
            if store.sql.dialect.name != "sqlite" { try await store.takeLock(.exportClaims, "SELECT pg_advisory_xact_lock(744712)") }
            let today = try await store.downloadsToday(of: record.requestedBy, now: now)
            if let refusal = ExportRules.downloadRefusal(facts, kind: kind, parameters: parameters, downloader: downloader,
                                                         now: now, downloadsToday: today) { throw refusal }
            let at = now.timeIntervalSince1970
            let dayStart = ExportRules.beijingDayStart(of: now).timeIntervalSince1970
            let validSince = at - ExportRules.approvalLifetime
            return try await store.sql.raw("""
                UPDATE export_requests SET status = 'downloaded', downloaded_at = \(bind: at), downloaded_by = \(bind: actor)
                WHERE id = \(bind: id) AND status = 'approved' AND downloaded_at IS NULL AND approved_at > \(bind: validSince)
                AND (SELECT COUNT(*) FROM export_requests done WHERE done.requested_by = \(bind: record.requestedBy)
                     AND done.downloaded_at >= \(bind: dayStart)) < \(literal: ExportRules.dailyDownloadCap)
                RETURNING id
                """).first() != nil
        }
        // SQLite runs the claim without a transaction: its one UPDATE is atomic under the write lock.
        let claimed = sql.dialect.name == "sqlite" ? try await claim(self) : try await transaction(claim)
        guard claimed, let record = try await request(id: id) else {
            // Lost to a claim of the same moment: say what that claim changed, else that the approval is used.
            if let record = try await request(id: id), let facts = record.facts,
               let refusal = ExportRules.downloadRefusal(facts, kind: kind, parameters: parameters, downloader: downloader, now: now,
                                                         downloadsToday: try await downloadsToday(of: record.requestedBy, now: now)) {
                throw refusal
            }
            throw ExportRefusal.alreadyDownloaded
        }
        return record
    }
}
