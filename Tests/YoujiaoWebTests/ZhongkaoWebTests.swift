import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// 中考 over real HTTP: a high school sets its quotas and is refused with the field named, the city
/// freezes, admits and publishes, the public page serves the files, staff read only their
/// candidates, and a family reads its child's result with the reason.
@Suite("中考 admission pages")
struct ZhongkaoWebTests {
    static let gezhi = School(id: "3101010010", name: "格致中学", districtCode: "310101", stages: [.senior], ownership: .public,
                              isInclusive: false, boarding: false, entrySeats: [.g10: 3], latitude: 31.23, longitude: 121.48)
    static let nanyang = School(id: "3101040010", name: "南洋模范中学", districtCode: "310104", stages: [.senior], ownership: .public,
                                isInclusive: false, boarding: false, entrySeats: [.g10: 2], latitude: 31.19, longitude: 121.44)
    static let junior = School(id: "3101010020", name: "黄浦初级中学", districtCode: "310101", stages: [.junior], ownership: .public,
                               isInclusive: false, boarding: false, entrySeats: [.g6: 100], latitude: 31.22, longitude: 121.47)
    static let secret = "zhongkao-notary"
    static let round = BeaconSource.known[0].firstRound(after: CampaignSchedule.endOfDay(CaseDate.today().adding(days: 11)))
    static let id = "zhongkao-2027"
    static let base = "/zhongkao/zhongkao-2027"

    /// The four candidates of the rules' walk-through: Z2 takes the district quota, Z1 (guardian
    /// A's child) the school quota, Z3 the one unified seat of 格致, Z4 南洋模范.
    static func with(_ body: (WebHarness, _ pupils: [StudentRecord]) async throws -> Void) async throws {
        try await WebHarness.with { h in
            try await h.registry.upsert(schools: [gezhi, nanyang, junior])
            let hash = try Passwords.hash(WebHarness.password, cost: 4)
            for user in [
                UserRecord(username: "gezhi", passwordHash: hash, role: .schoolAdmin, displayName: "格致中学管理员", districtCode: "310101", schoolId: gezhi.id),
                UserRecord(username: "xuhui", passwordHash: hash, role: .districtAdmin, displayName: "徐汇区管理员", districtCode: "310104"),
            ] { try await h.accounts.create(user) }
            let pupils = try (1...4).map { n in
                try StudentRecord(Student(nationalID: NationalID.make(areaCode: "310101", birthDate: "20120301", sequence: 300 + n).value,
                                          name: "初三学生\(n)", gender: .male, birthDate: "2012-03-01", hukou: .local, residenceZoneID: nil,
                                          schoolID: junior.id, grade: .g9, classNumber: 1))
            }
            let guardianA = try #require(try await h.registry.guardian(nationalID: Fixture.guardianA.nationalID))
            try await h.registry.insertNew(students: pupils, guardians: [], links: [(guardianA.id, pupils[0].id)], teachers: [])
            let campaign = ZhongkaoCampaign(
                id: id, year: 2027, status: .open, rules: ZhongkaoRules(tieBreakColumns: ["math"]),
                beaconRound: BeaconSource.known[0].roundDescription(round).zh, beaconSourceID: BeaconSource.known[0].id, beaconRoundNumber: round,
                notaryCommitment: CampaignSeed.commitment(secret: secret))
            let store = ZhongkaoStore(h.app.db)
            try await store.create(campaign, kinds: [gezhi.id: "市实验性示范性高中"])
            try await store.addQuotas(campaignID: id, [ZhongkaoQuota(schoolID: gezhi.id, round: .quotaDistrict, scope: "310101", seats: 1),
                                                       ZhongkaoQuota(schoolID: gezhi.id, round: .quotaSchool, scope: junior.id, seats: 2)])
            func candidate(_ n: Int, total: Int, district: [String] = [], school: [String] = [], unified: [String]) -> ZhongkaoCandidateRecord {
                ZhongkaoCandidateRecord(campaignID: id, studentID: pupils[n - 1].id, ZhongkaoCandidate(
                    id: "Z\(n)", district: "310101", juniorSchool: junior.id, quotaSchoolEligible: true, total: total, tieBreakScores: [100],
                    quotaDistrictChoices: district, quotaSchoolChoices: school, unifiedChoices: unified))
            }
            try await store.addCandidates([candidate(1, total: 700, school: [gezhi.id], unified: [gezhi.id, nanyang.id]),
                                           candidate(2, total: 690, district: [gezhi.id], unified: [gezhi.id]),
                                           candidate(3, total: 650, unified: [gezhi.id, nanyang.id]),
                                           candidate(4, total: 600, unified: [nanyang.id])])
            try await body(h, pupils)
        }
    }

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    @discardableResult
    func post(_ client: WebHarness.Client, _ path: String, _ form: [String: String], from page: String = "/zhongkao") async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: page)
        return try await client.send(.POST, path, form: form)
    }

    @Test func aHighSchoolSetsItsQuotasUntilFrozenAndBadNumbersAreRefused() async throws {
        try await Self.with { h, _ in
            let store = ZhongkaoStore(h.app.db)
            let school = try await signedIn(h, "gezhi")
            let quotasPage = Self.base + "/quotas"
            let page = try await school.send(.GET, quotasPage).body.string
            #expect(page.contains("id=\"quotas\"") && page.contains("name=\"seats-0\" value=\"1\"") && page.contains("name=\"seats-1\" value=\"2\""))
            #expect(page.contains("黄浦区考生") && page.contains("黄浦初级中学考生"), "each line names whom its seats are for")
            #expect(try await school.send(.GET, Self.base).body.string.contains("填报本校名额分配"), "the campaign page links the school to its form")

            for (bad, field) in [("-1", "seats-0"), ("abc", "seats-0"), ("", "seats-0"), ("12345678901234567890", "seats-0"), ("3", "seats")] {
                let refused = try await post(school, quotasPage, ["school": Self.gezhi.id, "seats-0": bad, "seats-1": "1"], from: quotasPage)
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(refused.body.string.contains("data-field=\"\(field)\""), "\(bad): the refusal names \(field)")
                #expect(refused.body.string.contains("name=\"seats-1\" value=\"1\""), "\(bad): what was typed is shown again")
            }
            #expect(try await store.quotas(campaignID: Self.id).map(\.seats) == [1, 2], "nothing stored after a refusal")

            let saved = try await post(school, quotasPage, ["school": Self.gezhi.id, "seats-0": "1", "seats-1": "1"], from: quotasPage)
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "\(quotasPage)?saved=1")
            let after = try await school.send(.GET, "\(quotasPage)?saved=1").body.string
            #expect(after.contains("id=\"saved\"") && after.contains("已保存：1 条名额有修改"))
            #expect(try await store.quotas(campaignID: Self.id).map(\.seats) == [1, 1])

            // Another school, a district and a family may not; the city may edit any school's.
            #expect(try await post(try await signedIn(h, "school"), quotasPage, ["school": Self.gezhi.id, "seats-0": "0", "seats-1": "0"]).status == .forbidden)
            #expect(try await post(try await signedIn(h, "huangpu"), quotasPage, ["school": Self.gezhi.id, "seats-0": "0", "seats-1": "0"]).status == .forbidden)
            #expect(try await signedIn(h, "parent-a").send(.GET, quotasPage).status == .forbidden)
            let plans = try await school.send(.GET, quotasPage + "/plans.csv").body.string
            #expect(plans.contains("高中,区,类别,招生计划,名额分配,统一招生") && plans.contains("格致中学,黄浦区,市实验性示范性高中,3,2,1"))

            let city = try await signedIn(h, "city")
            #expect(try await post(city, Self.base + "/freeze", ["confirmed": "yes"]).status == .seeOther)
            let late = try await post(school, quotasPage, ["school": Self.gezhi.id, "seats-0": "0", "seats-1": "0"], from: quotasPage)
            #expect(late.status == .badRequest && late.body.string.contains("data-field=\"status\""), "frozen: refused")
            #expect(!(try await school.send(.GET, quotasPage).body.string.contains("id=\"quotas\"")), "frozen: read only")
        }
    }

    @Test func theCityFreezesAdmitsAndPublishesAndFamiliesReadTheReason() async throws {
        try await Self.with { h, pupils in
            let city = try await signedIn(h, "city")
            let list = try await city.send(.GET, "/zhongkao").body.string
            #expect(list.contains("2027 年中考招生录取") && list.contains("id=\"create-zhongkao\""))
            let page = try await city.send(.GET, Self.base).body.string
            #expect(page.contains("id=\"step-freeze\"") && page.contains("名额分配编制中") && page.contains("id=\"candidate-count\">4<"))

            #expect(try await post(city, Self.base + "/freeze", [:]).status == .badRequest, "not confirmed")
            #expect(try await h.client().send(.GET, "/public/zhongkao/\(Self.id)").status == .notFound, "nothing public before freezing")
            #expect(try await post(city, Self.base + "/freeze", ["confirmed": "yes"]).status == .seeOther)
            let frozen = try #require(try await ZhongkaoStore(h.app.db).campaign(id: Self.id))
            let listHash = try #require(frozen.listHash)

            // The public page and files, for anyone: the inputs now, the results only once published.
            let anonymous = h.client()
            let publicPage = try await anonymous.send(.GET, "/public/zhongkao/\(Self.id)").body.string
            #expect(publicPage.contains(listHash))
            let candidatesFile = try await anonymous.send(.GET, "/public/zhongkao/\(Self.id)/candidates.csv").body.string
            #expect(ZhongkaoCampaignFiles.listHash(candidatesFile) == listHash, "the published list hashes to the published hash")
            #expect(!candidatesFile.contains("初三学生"), "no names in the public files")
            #expect(try await anonymous.send(.GET, "/public/zhongkao/\(Self.id)/results.csv").status == .notFound)

            let wrong = try await post(city, Self.base + "/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": "wrong"])
            #expect(wrong.status == .badRequest && wrong.body.string.contains("公证密钥与事先公布的哈希值不符"))
            #expect(try await post(city, Self.base + "/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret]).status == .seeOther)
            #expect(try await post(city, Self.base + "/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret]).status == .badRequest,
                    "a second draw is refused")

            let drawn = try await city.send(.GET, Self.base).body.string
            #expect(drawn.contains("id=\"routes\"") && drawn.contains("名额分配到区 1 人，名额分配到校 1 人，统一招生 2 人"))
            #expect(drawn.contains("id=\"step-publish\""))
            let report = try await city.send(.GET, Self.base + "/report.csv").body.string
            #expect(report.contains("格致中学,黄浦区,市实验性示范性高中,统一招生,1,1,0,650 分（同分比较 100）"))

            // Candidates: the city all, with reasons; Xuhui and another school none; the family waits.
            let candidates = try await city.send(.GET, Self.base + "/candidates")
            #expect(candidates.headers.first(name: .cacheControl) == "no-store")
            #expect(candidates.body.string.contains("格致中学：第 1 志愿，名额分配到校录取，投档线 700 分。"))
            #expect(try await signedIn(h, "xuhui").send(.GET, Self.base + "/candidates").body.string.contains("id=\"candidate-total\">考生：0<"))
            #expect(try await signedIn(h, "huangpu").send(.GET, Self.base + "/candidates").body.string.contains("id=\"candidate-total\">考生：4<"))
            let parent = try await signedIn(h, "parent-a")
            let waiting = try await parent.send(.GET, "/enrollment").body.string
            #expect(waiting.contains("id=\"zhongkao\"") && waiting.contains("录取结果尚未公布") && !waiting.contains("投档线"))
            #expect(try await parent.send(.GET, Self.base).status == .seeOther, "families are sent to their own page")

            #expect(try await post(city, Self.base + "/publish", ["confirmed": "yes"]).status == .seeOther)
            let result = try await parent.send(.GET, "/enrollment").body.string
            #expect(result.contains("格致中学：第 1 志愿，名额分配到校录取，投档线 700 分。"), "the child's result with the reason")
            #expect(!result.contains("初三学生2"), "only the family's own child")
            let results = try await anonymous.send(.GET, "/public/zhongkao/\(Self.id)/results.csv").body.string
            #expect(results.hasPrefix("candidate_id,school_id,round,choice_rank,lottery\nZ1,3101010010,quota-school,1,"))
            #expect(results.contains("\nZ3,3101010010,unified,1,") && results.contains("\nZ4,3101040010,unified,1,"))
            let verification = try await anonymous.send(.GET, "/public/zhongkao/\(Self.id)").body.string
            #expect(verification.contains("python3 verify.py zhongkao") && verification.contains("--tie-break math"))
            #expect(try await h.accounts.auditEvents(subjectID: pupils[0].id).contains { $0.action == "zhongkao-candidates" },
                    "staff reading candidates is audited")
        }
    }
}
