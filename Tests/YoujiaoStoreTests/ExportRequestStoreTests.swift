import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// Export requests in the database (SQLite, or PostgreSQL with DATABASE_URL): the steps, the one
/// download per approval and the daily cap, also when claims arrive at the same moment.
@Suite("Export request store")
struct ExportRequestStoreTests {
    static func actor(_ name: String, _ scope: AccessScope) -> ExportActor {
        ExportActor(party: ExportParty(username: name, scope: scope), displayName: "\(name)（\(name)）")
    }
    static let hp1 = actor("hp1", AccessScope(role: .districtAdmin, districtCode: "310101"))
    static let hp2 = actor("hp2", AccessScope(role: .districtAdmin, districtCode: "310101"))
    static let city = actor("city", AccessScope(role: .cityAdmin))
    static let huangpu2025 = ExportParameters(year: 2025, districtCode: "310101")

    /// A request of hp1's for Huangpu's 2025 payment file, approved by the city.
    func approved(_ store: ExportRequestStore, year: Int = 2025, at now: Date = Date()) async throws -> ExportRequestRecord {
        let request = try await store.request(kind: .paymentFile, parameters: ExportParameters(year: year, districtCode: "310101"),
                                              reason: "发放", by: Self.hp1, now: now)
        return try await store.decide(id: request.id, approve: true, note: "", by: Self.city, now: now)
    }

    @Test func askApproveDownloadOnce() async throws {
        try await TestDatabase.withStore { open in
            let store = ExportRequestStore(open.database)
            let request = try await store.request(kind: .paymentFile, parameters: Self.huangpu2025, reason: "  第一批发放  ", by: Self.hp1)
            #expect(request.status == "waiting" && request.reason == "第一批发放")
            #expect(try await store.awaitingDecision(by: Self.hp2.party).map(\.id) == [request.id])
            #expect(try await store.awaitingDecision(by: Self.hp1.party).isEmpty, "never one's own")
            await #expect(throws: ExportRefusal.ownRequest) { try await store.decide(id: request.id, approve: true, note: "", by: Self.hp1) }
            await #expect(throws: ExportRefusal.notApproved) {
                try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
            }
            let decided = try await store.decide(id: request.id, approve: true, note: "同意", by: Self.hp2)
            #expect(decided.status == "approved" && decided.approvedBy == "hp2" && decided.note == "同意")
            await #expect(throws: ExportRefusal.notWaiting) { try await store.decide(id: request.id, approve: false, note: "x", by: Self.city) }
            await #expect(throws: ExportRefusal.doesNotMatch) {
                try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: ExportParameters(year: 2024, districtCode: "310101"),
                                              downloader: "hp1", actor: "hp1")
            }
            await #expect(throws: ExportRefusal.notRequester) {
                try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp2", actor: "hp2")
            }
            let used = try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
            #expect(used.status == "downloaded" && used.downloadedBy == "hp1" && used.downloadedAt != nil)
            await #expect(throws: ExportRefusal.alreadyDownloaded) {
                try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
            }
            await #expect(throws: ExportRefusal.noSuchRequest) {
                try await store.claimDownload(id: "nothing", kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
            }
        }
    }

    @Test func aRefusalKeepsItsNoteAndAllowsNoDownload() async throws {
        try await TestDatabase.withStore { open in
            let store = ExportRequestStore(open.database)
            let request = try await store.request(kind: .paymentFile, parameters: Self.huangpu2025, reason: "发放", by: Self.hp1)
            await #expect(throws: ExportRefusal.noteMissing) { try await store.decide(id: request.id, approve: false, note: "  ", by: Self.city) }
            let refused = try await store.decide(id: request.id, approve: false, note: "用途不明", by: Self.city)
            #expect(refused.status == "refused" && refused.refusedBy == "city" && refused.note == "用途不明" && refused.approvedAt == nil)
            await #expect(throws: ExportRefusal.refused) {
                try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: nil, actor: "cli:op")
            }
        }
    }

    @Test func anApprovalExpiresAfterADay() async throws {
        try await TestDatabase.withStore { open in
            let store = ExportRequestStore(open.database)
            let approvedAt = Date().addingTimeInterval(-ExportRules.approvalLifetime - 1)
            let request = try await approved(store, at: approvedAt)
            #expect(request.isExpired(now: Date()))
            await #expect(throws: ExportRefusal.expired) {
                try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
            }
        }
    }

    @Test func theDailyCapIsCountedInTheDatabase() async throws {
        try await TestDatabase.withStore { open in
            let store = ExportRequestStore(open.database)
            var requests: [ExportRequestRecord] = []
            for _ in 0...ExportRules.dailyDownloadCap { requests.append(try await approved(store)) }
            for request in requests.prefix(ExportRules.dailyDownloadCap) {
                _ = try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
            }
            #expect(try await store.downloadsToday(of: "hp1") == ExportRules.dailyDownloadCap)
            await #expect(throws: ExportRefusal.dailyCapReached) {
                try await store.claimDownload(id: requests.last!.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
            }
            #expect(try await store.request(id: requests.last!.id)?.status == "approved", "the approval stays for tomorrow")
            #expect(try await store.downloadsToday(of: "hp2") == 0, "the cap is per requester")
        }
    }

    @Test func tenConcurrentDownloadsOfOneApprovalYieldExactlyOne() async throws {
        try await TestDatabase.withStore { open in
            let store = ExportRequestStore(open.database)
            let request = try await approved(store)
            let outcomes = try await withThrowingTaskGroup(of: ExportRefusal?.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        do {
                            _ = try await store.claimDownload(id: request.id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
                            return nil
                        } catch let refusal as ExportRefusal { return refusal }
                    }
                }
                return try await group.reduce(into: [ExportRefusal?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == .alreadyDownloaded })
            #expect(try await store.downloadsToday(of: "hp1") == 1)
        }
    }

    @Test func concurrentDownloadsOfManyApprovalsStopAtTheCap() async throws {
        try await TestDatabase.withStore { open in
            let store = ExportRequestStore(open.database)
            var ids: [String] = []
            for _ in 0..<8 { ids.append(try await approved(store).id) }
            let successes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for id in ids {
                    group.addTask {
                        do {
                            _ = try await store.claimDownload(id: id, kind: .paymentFile, parameters: Self.huangpu2025, downloader: "hp1", actor: "hp1")
                            return true
                        } catch is ExportRefusal { return false }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == ExportRules.dailyDownloadCap)
            #expect(try await store.downloadsToday(of: "hp1") == ExportRules.dailyDownloadCap)
        }
    }

    @Test func malformedRequestsAreRefusedAndStoreNothing() async throws {
        try await TestDatabase.withStore { open in
            let store = ExportRequestStore(open.database)
            await #expect(throws: ExportRefusal.reasonMissing) {
                try await store.request(kind: .paymentFile, parameters: Self.huangpu2025, reason: "", by: Self.hp1)
            }
            await #expect(throws: ExportRefusal.reasonTooLong) {
                try await store.request(kind: .paymentFile, parameters: Self.huangpu2025, reason: String(repeating: "长", count: 501), by: Self.hp1)
            }
            await #expect(throws: ExportRefusal.outsideScope) {
                try await store.request(kind: .paymentFile, parameters: ExportParameters(year: 2025, districtCode: "310104"), reason: "x", by: Self.hp1)
            }
            await #expect(throws: ExportRefusal.notAllowedToRequest) {
                try await store.request(kind: .registryExport, parameters: .registryExport(.students), reason: "x", by: Self.hp1)
            }
            let stored = try await store.requests(of: "hp1")
            #expect(stored.isEmpty)
        }
    }
}
