import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// The campaign's dates and beacon round over real HTTP: changed by its manager with a reason once
/// registration is open, logged and shown to families; the round is checked at freezing and drawing.
extension CampaignWebTests {
    static let schedulePage = "/enrollment/open/schedule"

    func scheduleForm(closes: CaseDate, round: Int64, reason: String = "") -> [String: String] {
        ["opens_on": Self.today.adding(days: -20).description, "closes_on": closes.description, "beacon_source": "drand-quicknet",
         "beacon_round": "\(round)", "reason": reason]
    }

    @Test func datesChangeWithAReasonFamiliesRead() async throws {
        try await Self.with { h, _, _ in
            let store = CampaignStore(h.app.db)
            let district = try await signedIn(h, "huangpu")
            let form = try await district.send(.GET, Self.schedulePage)
            #expect(form.status == .ok && form.body.string.contains("value=\"\(Self.round)\"") && form.body.string.contains("id=\"schedule\""))
            #expect(try await district.send(.GET, "/enrollment/open").body.string.contains("href=\"\(Self.schedulePage)\""), "linked from the campaign page")

            let later = Self.today.adding(days: 17)
            let laterRound = BeaconSource.known[0].firstRound(after: CampaignSchedule.endOfDay(later))
            // Refused: no reason while open, a round before closing, a closing day in the past; nothing stored.
            for (bad, field) in [(scheduleForm(closes: later, round: laterRound), "reason"),
                                 (scheduleForm(closes: later, round: laterRound - 1_000_000, reason: "延长报名一周"), "beacon_round"),
                                 (scheduleForm(closes: Self.today.adding(days: -2), round: laterRound, reason: "延长报名一周"), "closes_on"),
                                 (scheduleForm(closes: later, round: laterRound, reason: "延长报名一周").merging(["beacon_round": "1e9"]) { $1 }, "beacon_round")] {
                let refused = try await post(district, Self.schedulePage, bad, from: Self.schedulePage)
                #expect(refused.status == .badRequest && refused.body.string.contains("data-field=\"\(field)\""), "\(field)")
                #expect(refused.body.string.contains("value=\"\(later)\"") || field == "closes_on", "what was typed is kept")
            }
            #expect(try await store.scheduleChanges(campaignID: "open").isEmpty)
            #expect(try await store.campaign(id: "open")?.closesOn == Self.today.adding(days: 10))

            let saved = try await post(district, Self.schedulePage, scheduleForm(closes: later, round: laterRound, reason: "系统维护，报名延长一周"),
                                       from: Self.schedulePage)
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/enrollment/open?rescheduled=2")
            let campaign = try #require(try await store.campaign(id: "open"))
            #expect(campaign.closesOn == later && campaign.beaconRoundNumber == laterRound)
            let changes = try await store.scheduleChanges(campaignID: "open")
            #expect(Set(changes.map(\.field)) == ["closes_on", "beacon_round"] && changes.allSatisfy { $0.reason == "系统维护，报名延长一周" && $0.actorName == "huangpu" })
            let page = try await district.send(.GET, "/enrollment/open?rescheduled=2").body.string
            #expect(page.contains("已保存：修改已记入公开记录") && page.contains("系统维护，报名延长一周") && page.contains(later.chineseText))

            // The family reads the change with its reason, in words.
            let family = try await signedIn(h, "parent-a").send(.GET, "/enrollment").body.string
            #expect(family.contains("报名截止日期已于") && family.contains("由 \(Self.today.adding(days: 10).chineseText) 改为 \(later.chineseText)")
                    && family.contains("理由：系统维护，报名延长一周"))
            #expect(family.contains("drand quicknet 第 \(laterRound) 轮") && !family.contains("drand-quicknet"), "the round in words, not as stored")

            // Only the campaign's manager: the city, another district, a school and a family are refused.
            for username in ["city", "xuhui", "school", "parent-a"] {
                let other = try await signedIn(h, username)
                #expect(try await other.send(.GET, Self.schedulePage).status == .forbidden, "\(username)")
            }
        }
    }

    @Test func theRoundIsCheckedAtFreezingAndDrawing() async throws {
        try await Self.with { h, youngA, _ in
            let store = CampaignStore(h.app.db)
            let sql = try #require(h.app.db as? any SQLDatabase)
            #expect(try await post(try await signedIn(h, "parent-a"), "/enrollment/open/apply/\(youngA.id)", application(youngA)).status == .seeOther)
            let district = try await signedIn(h, "huangpu")
            let beacon = BeaconSource.known[0]
            // A round already out (set behind the form's back): freezing would let the district know the value.
            let past = beacon.firstRound(after: Date()) - 100
            try await sql.update("campaigns").set("beacon_round_number", to: past).where("id", .equal, "open").run()
            let early = try await post(district, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"], from: "/enrollment/open/freeze")
            #expect(early.status == .badRequest && early.body.string.contains("已于") && early.body.string.contains("请先改为更晚的轮次"))
            #expect(try await store.campaign(id: "open")?.status == .open, "not frozen")

            try await sql.update("campaigns").set("beacon_round_number", to: Self.round).where("id", .equal, "open").run()
            #expect(try await post(district, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"], from: "/enrollment/open/freeze").status == .seeOther)
            let frozen = try #require(try await store.campaign(id: "open"))
            let frozenAt = try #require(frozen.frozenAt)
            #expect(abs(frozenAt.timeIntervalSinceNow) < 120, "the freeze time is stored")

            // A round not after the freeze (again behind the form's back) is refused at the draw.
            try await sql.update("campaigns").set("beacon_round_number", to: beacon.firstRound(after: frozenAt) - 1).where("id", .equal, "open").run()
            let refused = try await post(district, "/enrollment/open/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret],
                                         from: "/enrollment/open/draw")
            #expect(refused.status == .badRequest && refused.body.string.contains("id=\"beacon_value-error\"") && refused.body.string.contains("不晚于名单冻结时间"))
            #expect(try await store.campaign(id: "open")?.status == .frozen)
            try await sql.update("campaigns").set("beacon_round_number", to: beacon.firstRound(after: frozenAt)).where("id", .equal, "open").run()
            #expect(try await post(district, "/enrollment/open/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret],
                                   from: "/enrollment/open/draw").status == .seeOther)
            #expect(try await store.campaign(id: "open")?.status == .drawn)
            let afterDraw = try await post(district, Self.schedulePage, scheduleForm(closes: Self.today.adding(days: 20), round: Self.round, reason: "冻结后不能修改"),
                                           from: "/enrollment/open")
            #expect(afterDraw.status == .badRequest && afterDraw.body.string.contains("data-field=\"status\""), "no changes after the freeze")
        }
    }
}
