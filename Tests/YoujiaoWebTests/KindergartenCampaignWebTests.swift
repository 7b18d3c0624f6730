import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// 入园 (K1) over real HTTP, end to end: the district creates and opens the campaign, a guardian
/// registers a child born in the K1 span and cannot register one born outside it, the district
/// freezes, draws and publishes, and the guardian reads the placement at the zone's kindergarten.
@Suite("Kindergarten entry (K1) campaign pages")
struct KindergartenCampaignWebTests {
    static let privateKindergarten = School(id: "3101010008", name: "黄浦区民办幼儿园", districtCode: "310101", stages: [.kindergarten],
                                            ownership: .private, isInclusive: true, boarding: false, entrySeats: [.k1: 25],
                                            latitude: 31.225, longitude: 121.475)
    static let secret = "k1-notary-secret"
    static let year = CaseDate.today().schoolYear + 1

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    @discardableResult
    func post(_ client: WebHarness.Client, _ path: String, _ form: [String: String]) async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: "/enrollment")
        return try await client.send(.POST, path, form: form)
    }

    func newCampaign(_ extra: [String: String] = [:]) -> [String: String] {
        let today = CaseDate.today()
        let round = BeaconSource.known[0].firstRound(after: CampaignSchedule.endOfDay(today.adding(days: 10)))
        return ["year": "\(Self.year)", "grade": "K1", "opens_on": today.adding(days: -1).description, "closes_on": today.adding(days: 10).description,
                "beacon_source": "drand-quicknet", "beacon_round": "\(round)",
                "notary_commitment": CampaignSeed.commitment(secret: Self.secret)].merging(extra) { $1 }
    }

    @Test func aDistrictRunsAKindergartenCampaignEndToEnd() async throws {
        try await WebHarness.with { h in
            try await Fixture.loadKindergarten(into: h.registry)
            try await h.registry.upsert(schools: [Self.privateKindergarten])
            let guardianA = try #require(try await h.registry.guardian(nationalID: Fixture.guardianA.nationalID))
            let span = try #require(Campaign.birthSpan(grade: .k1, year: Self.year))
            let birth = span.lowerBound.adding(days: 60)
            let toddler = try StudentRecord(Student(
                nationalID: NationalID.make(areaCode: "310101", birthDate: birth.description.replacingOccurrences(of: "-", with: ""), sequence: 301).value,
                name: "王小贝", gender: .male, birthDate: birth.description, hukou: .local, residenceZoneID: Fixture.zoneA.id,
                schoolID: nil, grade: nil, classNumber: nil))
            try await h.registry.insertNew(students: [toddler], guardians: [], links: [(guardianA.id, toddler.id)], teachers: [])
            let olderChild = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))

            // The district creates the campaign: K1 is offered, a grade that is no entry grade is refused.
            let district = try await signedIn(h, "huangpu")
            let form = try await district.send(.GET, "/enrollment").body.string
            #expect(form.contains("<option value=\"K1\">小班</option>"))
            let refused = try await post(district, "/enrollment", newCampaign(["grade": "K2"]))
            #expect(refused.status == .badRequest && refused.body.string.contains("data-field=\"grade\""))
            #expect(refused.body.string.contains("id=\"grade-error\"") && refused.body.string.contains("<option value=\"K2\"") == false,
                    "the problem beside its field; K2 is no entry grade")
            #expect(refused.body.string.contains("value=\"\(newCampaign()["beacon_round"] ?? "")\""), "what was typed is kept")
            let created = try await post(district, "/enrollment", newCampaign())
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let id = String(location.dropFirst("/enrollment/".count))
            let campaign = try #require(try await CampaignStore(h.app.db).campaign(id: id))
            #expect(campaign.grade == .k1 && campaign.districtCode == "310101" && campaign.status == .draft)
            let page = try await district.send(.GET, location).body.string
            #expect(page.contains("\(Self.year) 年黄浦区小班入园"), "titled 入园")
            #expect(page.contains(Fixture.huangpuKindergarten.name) && page.contains(Self.privateKindergarten.name), "the district's kindergartens and their K1 seats")
            #expect(!page.contains(Fixture.huangpuSchool.name), "no primary school")
            #expect(try await post(district, "\(location)/open", [:]).status == .seeOther)

            // The guardian registers the toddler (the form offers private kindergartens), not the older child.
            let parent = try await signedIn(h, "parent-a")
            let family = try await parent.send(.GET, "/enrollment").body.string
            #expect(family.contains("/enrollment/\(id)/apply/\(toddler.id)") && !family.contains("/enrollment/\(id)/apply/\(olderChild.id)"),
                    "only the age-eligible child is offered")
            let applyForm = try await parent.send(.GET, "/enrollment/\(id)/apply/\(toddler.id)").body.string
            #expect(applyForm.contains("<option value=\"\(Self.privateKindergarten.id)\">\(Self.privateKindergarten.name)</option>"))
            #expect(!applyForm.contains("<option value=\"\(Fixture.huangpuKindergarten.id)\""), "a public kindergarten is no private choice")
            #expect(applyForm.contains(">\(Fixture.huangpuKindergarten.name)施教区</option>"), "the zone is named by the kindergarten serving it")
            let application = ["national_id": toddler.nationalId, "track": "public", "zone": Fixture.zoneA.id, "tier": "1", "years": "2"]
            let outside = try await post(parent, "/enrollment/\(id)/apply/\(olderChild.id)", application.merging(["national_id": olderChild.nationalId]) { $1 })
            #expect(outside.status == .badRequest && outside.body.string.contains("data-field=\"student\""), "born outside the span")
            #expect(try await post(parent, "/enrollment/\(id)/apply/\(toddler.id)", application).status == .seeOther)
            #expect(try await CampaignStore(h.app.db).applications(campaignID: id).map(\.studentId) == [toddler.id])

            // Freeze, draw, publish.
            #expect(try await post(district, "\(location)/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .seeOther)
            #expect(try await post(district, "\(location)/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret]).status == .seeOther)
            #expect(try await post(district, "\(location)/publish", ["confirmed": "yes"]).status == .seeOther)
            let results = try await CampaignStore(h.app.db).results(campaignID: id)
            #expect(results.map(\.schoolId) == [Fixture.huangpuKindergarten.id] && results.map(\.route) == ["catchment"])

            // The guardian reads the placement at the zone's kindergarten.
            let result = try await parent.send(.GET, "/enrollment").body.string
            #expect(result.contains("按施教区对口入园：\(Fixture.huangpuKindergarten.name)"))
            let schools = try await h.client().send(.GET, "/public/enrollment/\(id)/schools.csv").body.string
            #expect(schools.contains("\(Fixture.huangpuKindergarten.id),\(Fixture.huangpuKindergarten.name),310101,public,no,60,") && schools.contains(Fixture.zoneA.id),
                    "the published schools.csv: the kindergarten serves zone A")
        }
    }
}
