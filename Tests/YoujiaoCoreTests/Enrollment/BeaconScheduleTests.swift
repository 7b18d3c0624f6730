import Foundation
import Testing
import YoujiaoCore

/// The beacon's round times, the draw's refusal of a round not after the freeze, and the rules for
/// changing a campaign's dates and round.
@Suite struct BeaconScheduleTests {
    static let quicknet = BeaconSource.named("drand-quicknet")!
    static let secret = "notary"

    static func campaign(status: CampaignStatus = .open, round: Int64?, frozenAt: Date? = nil) -> Campaign {
        Campaign(id: "c", year: 2027, grade: .g1, districtCode: "310101", opensOn: CaseDate("2027-04-20")!, closesOn: CaseDate("2027-05-20")!,
                 status: status, listHash: status == .frozen ? String(repeating: "ab", count: 32) : nil, beaconRound: "",
                 beaconSourceID: round == nil ? nil : "drand-quicknet", beaconRoundNumber: round, frozenAt: frozenAt,
                 notaryCommitment: CampaignSeed.commitment(secret: secret))
    }

    @Test func roundTimesFollowGenesisAndPeriod() throws {
        // quicknet: round 1 at 1692803367 (2023-08-23 15:09:27 UTC), every 3 s.
        #expect(Self.quicknet.time(ofRound: 1) == Date(timeIntervalSince1970: 1_692_803_367))
        #expect(Self.quicknet.time(ofRound: 1_001) == Date(timeIntervalSince1970: 1_692_803_367 + 3_000))
        #expect(Self.quicknet.time(ofRound: 0) == nil && Self.quicknet.time(ofRound: -5) == nil)
        #expect(Self.quicknet.time(ofRound: Int64.max) == nil, "a typed huge number does not trap")
        let t = Date(timeIntervalSince1970: 1_692_803_367 + 3_000)
        #expect(Self.quicknet.firstRound(after: t) == 1_002, "strictly after: round 1001 is published at t itself")
        #expect(Self.quicknet.firstRound(after: t.addingTimeInterval(1)) == 1_002)
        #expect(Self.quicknet.firstRound(after: Date(timeIntervalSince1970: 0)) == 1)
        #expect(Self.quicknet.firstRound(after: .distantFuture) <= BeaconSource.rounds.upperBound)
        #expect(Date(timeIntervalSince1970: 1_692_803_367).beijingMinute == "2023-08-23 23:09")
    }

    @Test func theDrawRefusesARoundNotAfterTheFreeze() throws {
        let frozen = Date(timeIntervalSince1970: 1_800_000_000)
        let roundAtFreeze = Self.quicknet.firstRound(after: frozen) - 1
        for round in [roundAtFreeze, roundAtFreeze - 100] {
            let refused = Self.campaign(status: .frozen, round: round, frozenAt: frozen)
            #expect(throws: CampaignProblem.self, "round \(round)") { try refused.seed(beaconValue: "v", notarySecret: Self.secret) }
            do { _ = try refused.seed(beaconValue: "v", notarySecret: Self.secret) } catch {
                #expect(error.field == "beacon_value" && error.zh.contains("不晚于名单冻结时间") && error.zh.contains("北京时间"))
            }
        }
        let accepted = Self.campaign(status: .frozen, round: roundAtFreeze + 1, frozenAt: frozen)
        #expect(try accepted.seed(beaconValue: "v", notarySecret: Self.secret).hex.count == 64)
        let unknown = Self.campaign(status: .frozen, round: 5, frozenAt: nil)
        #expect(throws: CampaignProblem.self, "no freeze time: cannot be checked") { try unknown.seed(beaconValue: "v", notarySecret: Self.secret) }
    }

    @Test func freezingAfterTheRoundIsOutIsRefused() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let past = Self.campaign(round: Self.quicknet.firstRound(after: now) - 1)
        #expect(throws: CampaignProblem.self) { try past.checkRoundStillAhead(now: now) }
        try Self.campaign(round: Self.quicknet.firstRound(after: now)).checkRoundStillAhead(now: now)
        try Self.campaign(round: nil).checkRoundStillAhead(now: now)
    }

    static func request(opens: String = "2027-04-20", closes: String = "2027-05-20", source: String = "drand-quicknet", round: String) -> CampaignSchedule.Request {
        .init(opensOn: opens, closesOn: closes, beaconSourceID: source, beaconRound: round)
    }

    static let afterClosing = quicknet.firstRound(after: CampaignSchedule.endOfDay(CaseDate("2027-05-20")!))

    @Test func aNewCampaignsRoundComesAfterRegistrationCloses() throws {
        #expect(CampaignSchedule.endOfDay(CaseDate("2027-05-20")!) == Date(timeIntervalSince1970: 1_810_828_800), "2027-05-21 00:00 Beijing")
        let checked = try CampaignSchedule.checked(Self.request(round: "\(Self.afterClosing)"), year: 2027)
        #expect(checked.round == Self.afterClosing && checked.source.id == "drand-quicknet")
        for (request, field) in [(Self.request(round: "\(Self.afterClosing - 1)"), "beacon_round"), (Self.request(round: "abc"), "beacon_round"),
                                 (Self.request(round: "-3"), "beacon_round"), (Self.request(round: "99999999999999999999"), "beacon_round"),
                                 (Self.request(round: ""), "beacon_round"), (Self.request(source: "nist", round: "5"), "beacon_source"),
                                 (Self.request(opens: "2027-06-01", round: "\(Self.afterClosing)"), "closes_on"),
                                 (Self.request(opens: "2027-13-01", round: "\(Self.afterClosing)"), "closes_on"),
                                 (Self.request(opens: "2020-04-20", round: "\(Self.afterClosing)"), "opens_on")] {
            #expect(throws: CampaignProblem.self) { try CampaignSchedule.checked(request, year: 2027) }
            do { _ = try CampaignSchedule.checked(request, year: 2027) } catch { #expect(error.field == field, "\(request)") }
        }
        do { _ = try CampaignSchedule.checked(Self.request(round: "\(Self.afterClosing - 1)"), year: 2027) } catch {
            #expect(error.zh.contains("第 \(Self.afterClosing) 轮"), "the refusal names the first round that would do")
        }
    }

    @Test func changesWhileOpenNeedAReasonAndKeepTheOpeningDay() throws {
        let now = Date(timeIntervalSince1970: 1_810_000_000)  // 2027-05-06, registration open
        let open = Self.campaign(round: Self.afterClosing)
        let later = CaseDate("2027-05-27")!
        let laterRound = Self.quicknet.firstRound(after: CampaignSchedule.endOfDay(later))
        let extend = Self.request(closes: later.description, round: "\(laterRound)")
        #expect(throws: CampaignProblem.self, "no reason") { try CampaignSchedule.apply(extend, to: open, reason: " ", now: now) }
        let (updated, changes, reason) = try CampaignSchedule.apply(extend, to: open, reason: "系统维护，延长一周", now: now)
        #expect(updated.closesOn == later && updated.beaconRoundNumber == laterRound && reason == "系统维护，延长一周")
        #expect(changes == [.init(field: .closesOn, old: "2027-05-20", new: "2027-05-27"),
                            .init(field: .beaconRound, old: "drand-quicknet \(Self.afterClosing)", new: "drand-quicknet \(laterRound)")])
        #expect(CampaignSchedule.round(fromStored: changes[1].new)?.round == laterRound)
        #expect(throws: CampaignProblem.self, "the opening day stays once open") {
            try CampaignSchedule.apply(Self.request(opens: "2027-04-22", round: "\(Self.afterClosing)"), to: open, reason: "理由充分的修改", now: now)
        }
        #expect(throws: CampaignProblem.self, "closing in the past is the freeze's job") {
            try CampaignSchedule.apply(Self.request(closes: "2027-05-01", round: "\(Self.afterClosing)"), to: open, reason: "理由充分的修改", now: now)
        }
        let same = try CampaignSchedule.apply(Self.request(round: "\(Self.afterClosing)"), to: open, reason: "", now: now)
        #expect(same.changes.isEmpty, "nothing changed: nothing logged, no reason needed")
        let draft = Self.campaign(status: .draft, round: Self.afterClosing)
        #expect(try CampaignSchedule.apply(Self.request(opens: "2027-04-22", round: "\(Self.afterClosing)"), to: draft, reason: "", now: now).changes.count == 1,
                "before opening no reason is needed")
        let frozen = Self.campaign(status: .frozen, round: Self.afterClosing, frozenAt: now)
        #expect(throws: CampaignProblem.self) { try CampaignSchedule.apply(extend, to: frozen, reason: "理由充分的修改", now: now) }
    }
}
