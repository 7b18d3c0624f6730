import Testing
@testable import YoujiaoCore

@Suite("Campaign step guard")
struct CampaignStepGuardTests {
    static let today = CaseDate(year: 2026, month: 12, day: 6)
    static func campaign(closesOn: CaseDate) -> Campaign {
        Campaign(id: "c", year: 2027, grade: .g1, districtCode: "310101", opensOn: CaseDate(year: 2026, month: 11, day: 29), closesOn: closesOn,
                 status: .open, beaconRound: "round", notaryCommitment: CampaignSeed.commitment(secret: "s"))
    }

    @Test(arguments: [
        // step, closes on, confirmed, reason, expected problem field (nil: allowed)
        (CampaignStepGuard.Step.freeze, CaseDate(year: 2026, month: 12, day: 27), true, "", "reason"),
        (.freeze, CaseDate(year: 2026, month: 12, day: 27), true, "  ", "reason"),
        (.freeze, CaseDate(year: 2026, month: 12, day: 27), true, "学位不足，区里决定提前截止", nil),
        (.freeze, CaseDate(year: 2026, month: 12, day: 6), true, "", "reason"),
        (.freeze, CaseDate(year: 2026, month: 12, day: 5), true, "", nil),
        (.freeze, CaseDate(year: 2026, month: 12, day: 5), false, "", "confirmed"),
        (.draw, CaseDate(year: 2026, month: 12, day: 27), false, "", "confirmed"),
        (.draw, CaseDate(year: 2026, month: 12, day: 27), true, "", nil),
        (.publish, CaseDate(year: 2026, month: 12, day: 27), true, "", nil),
    ] as [(CampaignStepGuard.Step, CaseDate, Bool, String, String?)])
    func steps(step: CampaignStepGuard.Step, closesOn: CaseDate, confirmed: Bool, reason: String, problem: String?) {
        do {
            _ = try CampaignStepGuard.check(step, campaign: Self.campaign(closesOn: closesOn), confirmed: confirmed, reason: reason, today: Self.today)
            #expect(problem == nil)
        } catch {
            #expect(error.field == problem)
        }
    }

    @Test func aReasonLongerThanTheLogTakesIsRefused() {
        #expect(throws: CampaignProblem.self) {
            try CampaignStepGuard.check(.freeze, campaign: Self.campaign(closesOn: CaseDate(year: 2027, month: 1, day: 1)), confirmed: true,
                                        reason: String(repeating: "理", count: 501), today: Self.today)
        }
    }
}
