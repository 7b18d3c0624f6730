import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// A 中考 campaign in the database (SQLite, or PostgreSQL when DATABASE_URL is set): plans from the
/// registry, quota saves all or nothing, one answer to concurrent steps, results from the frozen files.
@Suite("中考 store")
struct ZhongkaoStoreTests {
    static let high = School(id: "3101010010", name: "格致中学", districtCode: "310101", stages: [.senior], ownership: .public,
                             isInclusive: false, boarding: false, entrySeats: [.g10: 3], latitude: 31.23, longitude: 121.48)
    static let secret = "notary"

    func withCampaign(_ body: (ZhongkaoStore) async throws -> Void) async throws {
        let database = try await TestDatabase.make()
        let store = try await database.openStore()
        do {
            try await Fixture.load(into: store.registry)
            try await store.registry.upsert(schools: [Self.high])
            let zhongkao = ZhongkaoStore(store.database)
            try await zhongkao.create(ZhongkaoCampaign(id: "z", year: 2027, status: .open, rules: ZhongkaoRules(), beaconRound: "test",
                                                       notaryCommitment: CampaignSeed.commitment(secret: Self.secret)))
            try await zhongkao.addQuotas(campaignID: "z", [ZhongkaoQuota(schoolID: Self.high.id, round: .quotaDistrict, scope: "310101", seats: 1),
                                                         ZhongkaoQuota(schoolID: Self.high.id, round: .quotaDistrict, scope: "310104", seats: 1)])
            try await zhongkao.addCandidates((1...6).map { n in
                ZhongkaoCandidateRecord(campaignID: "z", studentID: nil, ZhongkaoCandidate(
                    id: "C\(n)", district: n % 2 == 0 ? "310101" : "310104", juniorSchool: "J", quotaSchoolEligible: false, total: 600 + n,
                    quotaDistrictChoices: [Self.high.id], unifiedChoices: [Self.high.id]))
            })
            try await body(zhongkao)
        } catch { await store.close(); await database.destroy(); throw error }
        await store.close()
        await database.destroy()
    }

    @Test func thePlanComesFromTheRegistryAndAQuotaSaveIsAllOrNothing() async throws {
        try await withCampaign { store in
            #expect(try await store.plans(campaignID: "z").map(\.planSeats) == [3], "only senior high schools, with their grade-10 seats")
            await #expect(throws: CampaignProblem.self) { try await store.saveQuotaSeats(campaignID: "z", schoolID: Self.high.id, seats: [2, 2]) }
            await #expect(throws: CampaignProblem.self) { try await store.saveQuotaSeats(campaignID: "z", schoolID: Self.high.id, seats: [0]) }
            #expect(try await store.quotas(campaignID: "z").map(\.seats) == [1, 1], "a refused save stores nothing")
            try await store.saveQuotaSeats(campaignID: "z", schoolID: Self.high.id, seats: [2, 1])
            #expect(try await store.quotas(campaignID: "z").map(\.seats) == [2, 1])
        }
    }

    @Test func concurrentStepsHaveOneAnswer() async throws {
        try await withCampaign { store in
            let freezes = await ConcurrentAttempts.outcomes { _ = try await store.freeze("z") }
            #expect(freezes.won == 1 && freezes.refused == 7 && freezes.other.isEmpty, "\(freezes)")
            await #expect(throws: CampaignProblem.self, "the quota table is frozen") {
                try await store.saveQuotaSeats(campaignID: "z", schoolID: Self.high.id, seats: [0, 0])
            }
            let draws = await ConcurrentAttempts.outcomes { _ = try await store.draw("z", beaconValue: "beacon", notarySecret: Self.secret) }
            #expect(draws.won == 1 && draws.refused == 7 && draws.other.isEmpty, "\(draws)")
            let publishes = await ConcurrentAttempts.outcomes { try await store.advance("z", to: .published) }
            #expect(publishes.won == 1 && publishes.refused == 7 && publishes.other.isEmpty, "\(publishes)")

            // Quota seats for each district, then the one unified seat by score.
            let report = try #require(try await store.report(campaignID: "z"))
            #expect(report.routes.quotaDistrict == 2 && report.routes.unified == 1 && report.routes.unadmitted == 3)
            let results = try #require(try await store.file("results.csv", campaignID: "z"))
            #expect(results.contains("\nC6,3101010010,quota-district,1,") && results.contains("\nC5,3101010010,quota-district,1,")
                    && results.contains("\nC4,3101010010,unified,1,"), "\(results)")
            let page = try await store.candidates(campaignID: "z", district: "310104", juniorSchool: nil, sort: .total, descending: true,
                                                  page: PageQuery(page: 1, perPage: 10))
            #expect(page.total == 3 && page.items.map(\.candidateId) == ["C5", "C3", "C1"])
            #expect(page.items.first?.lineTotal == 605, "the 310104 quota pool's own line")
        }
    }
}
