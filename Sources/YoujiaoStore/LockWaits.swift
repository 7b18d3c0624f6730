import Metrics
import SQLKit

/// The locks the stores take explicitly, by their label in `youjiao_lock_wait_seconds{lock=…}`.
enum StoreLock: String, Sendable {
    case campaign
    /// PostgreSQL's advisory lock on one child's application in a campaign.
    case application
    case zhongkaoCampaign = "zhongkao_campaign"
    case rotationRound = "rotation_round"
    case rotationTerm = "rotation_term"
    case growthRecord = "growth_record"
    case growthObjection = "growth_objection"
    case feeComplaint = "fee_complaint"
    /// PostgreSQL's advisory lock on the audit trail's chain (every audited action appends to it).
    case auditChain = "audit_chain"
    /// PostgreSQL's advisory lock on export download claims.
    case exportClaims = "export_claims"
}

extension DatabaseStore {
    /// Runs `statement`, which takes `lock` until the transaction ends, and records how long it
    /// took in the histogram `youjiao_lock_wait_seconds{lock=…}`: the wait for the transaction
    /// holding it, plus the statement itself (one round trip on PostgreSQL). PostgreSQL waits for
    /// the row or advisory lock inside the statement. On SQLite the statement is the transaction's
    /// first write, so its time is the wait for the file's single write lock: the driver's busy
    /// handler retries inside the statement until the other writer commits (SQLite offers no hook
    /// to time busy waits elsewhere). A statement that fails is timed too: it waited as well.
    /// Returns the statement's rows (a lock may read what it locks).
    @discardableResult
    func takeLock(_ lock: StoreLock, _ statement: SQLQueryString) async throws -> [any SQLRow] {
        let start = ContinuousClock.now
        defer {
            Metrics.Timer(label: "youjiao_lock_wait_seconds", dimensions: [("lock", lock.rawValue)])
                .record(duration: ContinuousClock.now - start)
        }
        return try await sql.raw(statement).all()
    }
}
