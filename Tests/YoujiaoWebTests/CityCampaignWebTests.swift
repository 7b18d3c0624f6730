import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// A city-wide campaign (no district) over real HTTP: the city admin creates and runs it, families
/// of two districts register, district admins cannot run it but read their own district's part.
extension CampaignWebTests {
    static let xuhuiZone = CatchmentZone(id: "310104-Z01", districtCode: "310104", latitude: 31.191, longitude: 121.441,
                                         primarySchoolID: Fixture.xuhuiSchool.id, juniorSchoolID: nil)

    @Test func cityAdminRunsACityWideCampaign() async throws {
        try await Self.with { h, youngA, youngB in
            try await h.registry.upsert(zones: [Self.xuhuiZone])
            let city = try await signedIn(h, "city"), huangpu = try await signedIn(h, "huangpu"), xuhui = try await signedIn(h, "xuhui")
            let secret = "city-notary-secret"
            let created = try await post(city, "/enrollment", [
                "year": "\(Self.campaign().year)", "grade": "1", "opens_on": Self.today.adding(days: -1).description,
                "closes_on": Self.today.adding(days: 10).description, "beacon_source": "drand-quicknet",
                "beacon_round": "\(BeaconSource.known[0].firstRound(after: CampaignSchedule.endOfDay(Self.today.adding(days: 10))))",
                "notary_commitment": CampaignSeed.commitment(secret: secret),
            ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let store = CampaignStore(h.app.db)
            let campaign = try #require(try await store.campaign(id: String(path.dropFirst("/enrollment/".count))))
            #expect(campaign.districtCode == nil && path.contains("-city-"), "a city admin's campaign is city-wide")
            #expect(Set(try await store.seats(campaignID: campaign.id).keys) == [Fixture.huangpuSchool.id, Self.privateSchool.id, Fixture.xuhuiSchool.id],
                    "seats of both districts' schools")
            #expect(try await post(huangpu, "\(path)/open", [:]).status == .forbidden, "a district admin does not run the city's campaign")
            #expect(try await post(city, "\(path)/open", [:]).status == .seeOther)

            let parentA = try await signedIn(h, "parent-a"), parentB = try await signedIn(h, "parent-b")
            #expect(try await post(parentA, "\(path)/apply/\(youngA.id)", application(youngA)).status == .seeOther)
            #expect(try await post(parentB, "\(path)/apply/\(youngB.id)", application(youngB, ["zone": Self.xuhuiZone.id])).status == .seeOther)
            #expect(try await store.applications(campaignID: campaign.id).map(\.districtCode).sorted() == ["310101", "310104"])

            // Each district admin reads their own district's part of it.
            let part = try await huangpu.send(.GET, path).body.string
            #expect(part.contains("<dt>报名人数</dt><dd>1</dd>") && part.contains(Fixture.huangpuSchool.name) && !part.contains(Fixture.xuhuiSchool.name))
            let whole = try await city.send(.GET, path).body.string
            #expect(part.contains("id=\"narrowed\"") && !whole.contains("id=\"narrowed\""), "the part is named as such")
            #expect(whole.contains("<dt>报名人数</dt><dd>2</dd>"))
            #expect(try await huangpu.send(.GET, "/enrollment").body.string.contains(path), "listed for the district admin")
            let seats = try await huangpu.send(.GET, "\(path)/seats").body.string
            #expect(seats.contains(Fixture.huangpuSchool.name) && !seats.contains(Fixture.xuhuiSchool.name) && !seats.contains("id=\"seats\""),
                    "the district reads its schools' seats; the city edits them")
            #expect(try await city.send(.GET, "\(path)/seats").body.string.contains("id=\"seats\""))

            // Only the city freezes, draws and publishes.
            let draw = ["confirmed": "yes", "beacon_value": "beacon-city", "notary_secret": secret]
            #expect(try await post(huangpu, "\(path)/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .forbidden)
            #expect(try await post(city, "\(path)/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .seeOther)
            #expect(try await post(huangpu, "\(path)/draw", draw).status == .forbidden, "a district admin cannot run the city draw")
            #expect(try await post(xuhui, "\(path)/draw", draw).status == .forbidden)
            #expect(try await store.campaign(id: campaign.id)?.status == .frozen)
            #expect(try await post(city, "\(path)/draw", draw).status == .seeOther)
            #expect(try await post(huangpu, "\(path)/publish", ["confirmed": "yes"]).status == .forbidden)
            #expect(try await post(city, "\(path)/publish", ["confirmed": "yes"]).status == .seeOther)
            #expect(try await store.campaign(id: campaign.id)?.status == .published)

            // Results: each district its own schools' lists only; the city all of them.
            let review = try await huangpu.send(.GET, path).body.string
            #expect(review.contains("id=\"what-if\"") && review.contains("results.csv?school=\(Fixture.huangpuSchool.id)")
                    && !review.contains("results.csv?school=\(Fixture.xuhuiSchool.id)"))
            let own = try await huangpu.send(.GET, "\(path)/results.csv?school=\(Fixture.huangpuSchool.id)")
            #expect(own.status == .ok && own.body.string.contains(NationalID.mask(youngA.nationalId)) && !own.body.string.contains(NationalID.mask(youngB.nationalId)))
            #expect(try await huangpu.send(.GET, "\(path)/results.csv?school=\(Fixture.xuhuiSchool.id)").status == .forbidden, "another district's school")
            let other = try await xuhui.send(.GET, "\(path)/results.csv?school=\(Fixture.xuhuiSchool.id)")
            #expect(other.status == .ok && other.body.string.contains(NationalID.mask(youngB.nationalId)))
            #expect(try await city.send(.GET, "\(path)/results.csv?school=\(Fixture.xuhuiSchool.id)").status == .ok)
            #expect(try await signedIn(h, "school").send(.GET, "\(path)/results.csv?school=\(Fixture.huangpuSchool.id)").status == .ok,
                    "the school's own list once published")

            // Each guardian reads their own child's result and reason.
            let pageA = try await parentA.send(.GET, "/enrollment").body.string
            let pageB = try await parentB.send(.GET, "/enrollment").body.string
            #expect(pageA.contains("按施教区对口入学：\(Fixture.huangpuSchool.name)") && !pageA.contains(youngB.name))
            #expect(pageB.contains("按施教区对口入学：\(Fixture.xuhuiSchool.name)") && !pageB.contains(youngA.name))
            let results = try await h.client().send(.GET, "/public/enrollment/\(campaign.id)/results.csv")
            #expect(results.status == .ok && results.body.string.split(separator: "\n").count == 3, "the public results: a header and two rows")
        }
    }
}
