import FluentKit
import Foundation
import Logging
import NIOPosix
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// Aid lists, matching, the queue, declines and payments on SQLite, or PostgreSQL with DATABASE_URL.
@Suite("Aid store on SQLite, or PostgreSQL when DATABASE_URL is set")
struct AidStoreTests {
    func withStore(_ body: (OpenStore, AidStore) async throws -> Void) async throws {
        try await TestDatabase.withStore { try await body($0, AidStore($0.database)) }
    }

    struct GrantRow: Decodable, Equatable { var studentId: String; var policyId: String; var year: Int; var entryId: String; var yuan: Int }
    struct EntryRow: Decodable { var id: String; @Sealed var nationalId: String; var removedAt: String? }

    func grants(_ store: OpenStore) async throws -> [GrantRow] {
        try await store.sql.raw("SELECT student_id, policy_id, year, entry_id, yuan FROM aid_grants ORDER BY year, student_id, policy_id")
            .all(decoding: GrantRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    func entries(_ store: OpenStore) async throws -> [EntryRow] {
        try await store.sql.raw("SELECT id, national_id, removed_at FROM eligibility_entries ORDER BY source_row")
            .all(decoding: EntryRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    func queue(_ aid: AidStore, status: AidReviewStatus? = nil) async throws -> [AidReviewRow] {
        try await aid.reviewItems(year: AidFixture.year, filter: AidScopeFilter(), status: status, page: PageQuery(page: 1, perPage: 100, maxPerPage: 1_000)).items
    }

    @Test func aMatchGrantsCleanEntriesAndQueuesEveryOther() async throws {
        try await withStore { store, aid in
            let run = try await AidFixture.load(into: store.registry)
            let childA = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            let entryA = try #require(try await entries(store).first { $0.nationalId == Fixture.childA.nationalID })
            #expect(try await grants(store) == [GrantRow(studentId: childA.id, policyId: "compulsory-living", year: 2025, entryId: entryA.id, yuan: 1_000)],
                    "one grant, naming the list entry that produced it")
            #expect(run.grantsCreated == 1 && run.yuanCreated == 1_000 && run.reviewsCreated == 4 && run.entries == 5)
            let items = try await queue(aid)
            let reasons = Dictionary(uniqueKeysWithValues: items.map { ($0.entryName, $0.reasonValue) })
            #expect(reasons == ["李小紅": .nameMismatch, "赵六": .notInRegistry, Fixture.childA.name: .adultID, AidFixture.leaver.name: .leftSchool])
            let mismatch = try #require(items.first { $0.reasonValue == .nameMismatch })
            #expect(mismatch.studentName == Fixture.childB.name && mismatch.schoolId == Fixture.xuhuiSchool.id && mismatch.districtCode == "310104")
            let leaver = try #require(items.first { $0.reasonValue == .leftSchool })
            #expect(leaver.schoolId == nil && leaver.districtCode == "310101", "a leaver is reviewed by the district they live in")
            #expect(items.allSatisfy { $0.statusValue == .open })
            #expect(try await aid.events(kind: "match").count == 1)
        }
    }

    @Test func aRerunIsIdempotent() async throws {
        try await withStore { store, aid in
            try await AidFixture.load(into: store.registry)
            let before = try await grants(store)
            let again = try await aid.match(year: AidFixture.year, actor: "test")
            #expect(again.grantsCreated == 0 && again.reviewsCreated == 0 && again.reviewsCleared == 0)
            #expect(again.tally.alreadyGranted == 1 && again.tally.reviewTotal == 4)
            #expect(try await grants(store) == before)
            #expect(try await queue(aid).count == 4)
        }
    }

    @Test func theSchemaAllowsOneGrantPerPupilPolicyAndYear() async throws {
        try await withStore { store, _ in
            try await AidFixture.load(into: store.registry)
            let existing = try #require(try await grants(store).first)
            await #expect(throws: (any Error).self) {
                try await store.sql.raw("""
                    INSERT INTO aid_grants (id, student_id, policy_id, year, entry_id, list, stage, yuan, school_id, district_code, created_at)
                    VALUES ('dup', \(bind: existing.studentId), \(bind: existing.policyId), \(bind: existing.year), \(bind: existing.entryId),
                            'orphan', 'primary', 1000, \(bind: Fixture.huangpuSchool.id), '310101', 'now')
                    """).run()
            }
        }
    }

    @Test func aListUpdateThatRemovesAChildStopsFutureGrantsAndIsLogged() async throws {
        try await withStore { store, aid in
            try await AidFixture.load(into: store.registry)
            let childA = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            // The agency's next list: child A is gone, the unknown child's dates changed, the leaver too is gone.
            var next = AidFixture.dibao.filter { $0.nationalID != Fixture.childA.nationalID && $0.nationalID != AidFixture.leaver.nationalID }
            next[1].validTo = "2027-06-30"
            let summary = try await aid.replaceList(.minimumLivingAllowance, with: next, sourceFile: "dibao-2.csv", actor: "test")
            #expect(summary == AidListImport(added: 0, changed: 1, unchanged: 2, removed: 2))
            let removedEvents = try await aid.events(kind: "removed")
            #expect(removedEvents.count == 2)
            #expect(removedEvents.contains { $0.studentId == childA.id && $0.detail.contains("no further grants") })
            #expect(!removedEvents.map(\.detail).joined().contains(Fixture.childA.nationalID), "the log names no ID number")
            #expect(try await entries(store).filter { $0.removedAt != nil }.count == 2, "removed entries stay for the grants that cite them")
            #expect(try await queue(aid, status: .withdrawn).map(\.entryName) == [AidFixture.leaver.name], "its open review item is withdrawn")

            let nextYear = try await aid.match(year: 2026, actor: "test")
            #expect(nextYear.grantsCreated == 0, "no future grant for a child taken off the list")
            #expect(try await grants(store).map(\.year) == [2025], "this year's grant stays")
            // The child comes back on a later list: a new entry, and grants again.
            _ = try await aid.replaceList(.minimumLivingAllowance, with: AidFixture.dibao, sourceFile: "dibao-3.csv", actor: "test")
            #expect(try await aid.match(year: 2026, actor: "test").grantsCreated == 1)
        }
    }

    @Test func aCorrectedRegistryClearsTheReviewItem() async throws {
        try await withStore { store, aid in
            try await AidFixture.load(into: store.registry)
            var renamed = Fixture.childB
            renamed.name = "李小紅"
            let corrected = renamed
            try await store.registry.transaction { try await $0.upsert(students: [corrected]) }
            let run = try await aid.match(year: AidFixture.year, actor: "test")
            #expect(run.grantsCreated == 1 && run.reviewsCleared == 1)
            #expect(try await queue(aid, status: .cleared).map(\.entryName) == ["李小紅"])
        }
    }

    @Test func reviewersConfirmANameOrDismissWithANote() async throws {
        try await withStore { store, aid in
            try await AidFixture.load(into: store.registry)
            let items = try await queue(aid)
            let mismatch = try #require(items.first { $0.reasonValue == .nameMismatch })
            let leaver = try #require(items.first { $0.reasonValue == .leftSchool })
            #expect(try await aid.resolve(reviewID: mismatch.id, as: .grant, note: "same child, traditional spelling", actor: "city") == 1)
            #expect(try await aid.reviewItem(id: mismatch.id)?.statusValue == .granted)
            await #expect(throws: AidRefusal.self) {
                try await aid.resolve(reviewID: mismatch.id, as: .dismiss, note: "again", actor: "city")
            }
            await #expect(throws: AidRefusal.self, "a leaver cannot be confirmed into aid") {
                try await aid.resolve(reviewID: leaver.id, as: .grant, note: "", actor: "city")
            }
            await #expect(throws: AidRefusal.self, "dismissing needs a reason") {
                try await aid.resolve(reviewID: leaver.id, as: .dismiss, note: "  ", actor: "city")
            }
            #expect(try await aid.resolve(reviewID: leaver.id, as: .dismiss, note: "moved to Jiangsu", actor: "district") == 0)
            #expect(try await grants(store).count == 2)
            let rerun = try await aid.match(year: AidFixture.year, actor: "test")
            #expect(rerun.grantsCreated == 0 && rerun.reviewsCreated == 0, "decisions hold on a rerun")
            #expect(try await aid.events(kind: "review-grant").count == 1)
            #expect(try await aid.events(kind: "review-dismiss").count == 1)
        }
    }

    @Test func aDeclinedGrantIsNeitherPaidNorRemade() async throws {
        try await withStore { store, aid in
            try await AidFixture.load(into: store.registry)
            let childA = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            let notice = try #require(try await aid.notices(studentIDs: [childA.id]).first)
            #expect(notice.yuan == 1_000 && !notice.declined && notice.policyName == "义务教育家庭经济困难学生生活补助")
            #expect(try await aid.payments(year: 2025, filter: AidScopeFilter()).map(\.nationalID) == [Fixture.childA.nationalID])
            // Read once before: the totals are kept per data version, and the decline must move them.
            #expect(try await aid.totals(year: 2025, by: .policy, filter: AidScopeFilter()).map(\.declined) == [0])
            #expect(try await aid.decline(grantID: notice.grantId, actor: "parent-a"))
            #expect(try await aid.decline(grantID: notice.grantId, actor: "parent-a") == false)
            #expect(try await aid.notices(studentIDs: [childA.id]).first?.declined == true)
            #expect(try await aid.payments(year: 2025, filter: AidScopeFilter()).isEmpty)
            #expect(try await aid.match(year: 2025, actor: "test").grantsCreated == 0)
            let totals = try await aid.totals(year: 2025, by: .policy, filter: AidScopeFilter())
            #expect(totals == [AidTotal(key: "compulsory-living", name: "义务教育家庭经济困难学生生活补助", pupils: 1, grants: 1, yuan: 0, declined: 1)])
        }
    }

    @Test func totalsAndPaymentsFollowTheScope() async throws {
        try await withStore { store, aid in
            try await AidFixture.load(into: store.registry)
            let mismatch = try #require(try await queue(aid).first { $0.reasonValue == .nameMismatch })
            try await aid.resolve(reviewID: mismatch.id, as: .grant, note: "", actor: "city")
            let byDistrict = try await aid.totals(year: 2025, by: .district, filter: AidScopeFilter())
            #expect(byDistrict.map { "\($0.key):\($0.name):\($0.pupils):\($0.yuan)" } == ["310101:黄浦区:1:1000", "310104:徐汇区:1:1000"])
            let huangpu = AidScopeFilter(districtCode: "310101")
            #expect(try await aid.totals(year: 2025, by: .school, filter: huangpu).map(\.key) == [Fixture.huangpuSchool.id])
            #expect(try await aid.payments(year: 2025, filter: huangpu).map(\.studentName) == [Fixture.childA.name])
            #expect(try await aid.payments(year: 2025, filter: AidScopeFilter(schoolID: Fixture.xuhuiSchool.id)).map(\.studentName) == [Fixture.childB.name])
            #expect(try await queue(aid, status: .open).count == 3)
            let school = try await aid.reviewItems(year: 2025, filter: AidScopeFilter(schoolID: Fixture.huangpuSchool.id), status: nil, page: PageQuery(page: 1, perPage: 10, maxPerPage: 1_000))
            #expect(school.total == 0, "the leaver and the unknown child have no school")
            let district = try await aid.reviewItems(year: 2025, filter: huangpu, status: nil, page: PageQuery(page: 1, perPage: 10, maxPerPage: 1_000))
            #expect(district.items.map(\.reasonValue) == [.leftSchool])
            let published = try await aid.publishedGrants(year: 2025, schoolID: Fixture.huangpuSchool.id)
            #expect(published.map(\.studentName) == [Fixture.childA.name] && published[0].grade == .g3)
            #expect(try await aid.years() == [2025])
        }
    }

    @Test func policiesAreStoredAsData() async throws {
        try await withStore { _, aid in
            try await aid.save(policies: AidPolicy.shanghaiDefaults, actor: "test")
            #expect(try await aid.policies() == AidPolicy.shanghaiDefaults.sorted { $0.id < $1.id }, "in id order")
            var changed = AidPolicy.shanghaiDefaults[1]
            changed.yuanPerYear = [.primary: 1_100]
            changed.lastYear = 2027
            try await aid.save(policies: [changed], actor: "test")
            #expect(try await aid.policies().first { $0.id == changed.id } == changed, "amounts replaced whole")
        }
    }

    @Test func theAidMigrationsRevert() async throws {
        let database = try await TestDatabase.make()
        let store = try await database.openStore()
        let migrations = Migrations()
        for migration in StoreSetup.migrations { migrations.add(migration) }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let migrator = Migrator(databases: store.databases, migrations: migrations, logger: logger,
                                on: MultiThreadedEventLoopGroup.singleton.any())
        do {
            try await migrator.revertAllBatches().get()
            try await migrator.prepareBatch().get()
            try await AidFixture.load(into: store.registry)
            #expect(try await AidStore(store.database).years() == [2025])
        } catch { await store.close(); await database.destroy(); throw error }
        await store.close()
        await database.destroy()
    }
}
