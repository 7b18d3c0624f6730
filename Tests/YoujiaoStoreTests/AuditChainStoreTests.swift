import Foundation
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// The audit trail in the database (both): concurrent appends form one chain, the table refuses
/// changes, and a change or deletion made around that refusal is found by `verifyAuditChain`.
@Suite("Audit chain store")
struct AuditChainStoreTests {
    func event(_ n: Int) -> AuditEventRecord {
        AuditEventRecord(actorId: nil, actorName: "user\(n % 3)", action: "view", route: "GET /students/s\(n)", subjectKind: "student", subjectId: "s\(n)")
    }

    @Test func concurrentAppendsFormOneUnbrokenChain() async throws {
        try await TestDatabase.withStore { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<40 { group.addTask { try await store.accounts.record([event(n), event(n + 100)]) } }
                try await group.waitForAll()
            }
            let (events, head) = try await store.accounts.verifyAuditChain(pageSize: 7)
            #expect(events == 80)
            #expect(head.count == 64 && head != AuditChain.genesis)
        }
    }

    @Test func theTableRefusesChangesAndVerifyFindsThoseMadeAroundIt() async throws {
        try await TestDatabase.withStore { store in
            for n in 0..<5 { try await store.accounts.record([event(n)]) }
            let sqlite = store.sql.dialect.name == "sqlite"
            await #expect(throws: (any Error).self, "append-only") {
                try await store.sql.raw("UPDATE audit_events SET action = 'nothing' WHERE seq = 2").run()
            }
            await #expect(throws: (any Error).self, "append-only") {
                try await store.sql.raw("DELETE FROM audit_events WHERE seq = 2").run()
            }
            // Someone with the database owner's rights removes the guard and edits the trail.
            if sqlite {
                try await store.sql.raw("DROP TRIGGER audit_events_no_update").run()
                try await store.sql.raw("DROP TRIGGER audit_events_no_delete").run()
            } else {
                try await store.sql.raw("DROP TRIGGER audit_events_no_change ON audit_events").run()
            }
            try await store.sql.raw("UPDATE audit_events SET subject_id = 's99' WHERE seq = 3").run()
            await #expect(throws: AuditChain.Break.changed(seq: 3)) { _ = try await store.accounts.verifyAuditChain() }
            try await store.sql.raw("UPDATE audit_events SET subject_id = 's2' WHERE seq = 3").run()
            _ = try await store.accounts.verifyAuditChain()
            try await store.sql.raw("DELETE FROM audit_events WHERE seq = 4").run()
            await #expect(throws: AuditChain.Break.missing(afterSeq: 3)) { _ = try await store.accounts.verifyAuditChain() }
        }
    }
}
