import Testing
@testable import YoujiaoCore

/// Each rule of docs/zhongkao.md on a hand-built admission small enough to follow by hand.
@Suite("中考 admission rules")
struct ZhongkaoEngineTests {
    static let seed = try! LotterySeed(hex: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")

    static func school(_ id: String, unified: Int, district: String = "D1") -> ZhongkaoHighSchool {
        ZhongkaoHighSchool(id: id, name: id, district: district, kind: "", unifiedSeats: unified)
    }

    static func candidate(_ id: String, _ total: Int, tieBreaks: [Int] = [], district: String = "D1", junior: String = "J1",
                          eligible: Bool = true, preAdmitted: Bool = false, quotaDistrict: [String] = [],
                          quotaSchool: [String] = [], unified: [String] = []) -> ZhongkaoCandidate {
        ZhongkaoCandidate(id: id, district: district, juniorSchool: junior, quotaSchoolEligible: eligible, total: total,
                          tieBreakScores: tieBreaks, preAdmitted: preAdmitted, quotaDistrictChoices: quotaDistrict,
                          quotaSchoolChoices: quotaSchool, unifiedChoices: unified)
    }

    func admit(_ schools: [ZhongkaoHighSchool], _ quotas: [ZhongkaoQuota] = [], _ candidates: [ZhongkaoCandidate],
               rules: ZhongkaoRules = ZhongkaoRules()) throws -> (input: ZhongkaoInput, outcome: ZhongkaoOutcome) {
        let input = try ZhongkaoInput(highSchools: schools, quotas: quotas, candidates: candidates, rules: rules)
        return (input, ZhongkaoEngine.admit(input, seed: Self.seed))
    }

    func placed(_ outcome: ZhongkaoOutcome) -> [String: String] {
        Dictionary(uniqueKeysWithValues: outcome.admissions.map { ($0.candidateID, "\($0.schoolID ?? "-") \($0.route.rawValue) \($0.choiceRank ?? 0)") })
    }

    @Test("order: total, then every tie-break column in turn, then the lottery number")
    func tiesThroughEveryLevel() throws {
        let rules = ZhongkaoRules(tieBreakColumns: ["cme", "math"])
        // y, p and q tie on everything but the lottery.
        let ids = ["x", "y", "z", "w", "p", "q"]
        let candidates = [
            Self.candidate("x", 700, tieBreaks: [400, 50], unified: ["A"]),
            Self.candidate("y", 700, tieBreaks: [400, 60], unified: ["A"]),
            Self.candidate("z", 700, tieBreaks: [410, 0], unified: ["A"]),
            Self.candidate("w", 701, tieBreaks: [0, 0], unified: ["A"]),
            Self.candidate("p", 700, tieBreaks: [400, 60], unified: ["A"]),
            Self.candidate("q", 700, tieBreaks: [400, 60], unified: ["A"]),
        ]
        let (_, outcome) = try admit([Self.school("A", unified: 3)], [], candidates, rules: rules)
        let byLottery = ["y", "p", "q"].sorted { Lottery.number(for: $0, seed: Self.seed) < Lottery.number(for: $1, seed: Self.seed) }
        #expect(outcome.order.map { ids[$0] } == ["w", "z"] + byLottery + ["x"])
        let admitted = outcome.admissions.filter { $0.schoolID == "A" }.map(\.candidateID)
        #expect(Set(admitted) == ["w", "z", byLottery[0]], "three seats: the total, the first tie-break, then the lottery")
        for admission in outcome.admissions {
            #expect(admission.lottery == Lottery.number(for: admission.candidateID, seed: Self.seed), "the school-entry lottery number")
        }
    }

    @Test("serial dictatorship: the better candidate takes the first choice, the next one their second")
    func parallelChoices() throws {
        let (_, outcome) = try admit([Self.school("A", unified: 1), Self.school("B", unified: 1)], [], [
            Self.candidate("low", 600, unified: ["A", "B"]),
            Self.candidate("high", 650, unified: ["A", "B"]),
        ])
        #expect(placed(outcome) == ["high": "A unified 1", "low": "B unified 2"])
    }

    @Test("choices exhausted: a candidate whose every choice is full stays unadmitted")
    func choicesExhausted() throws {
        let (input, outcome) = try admit([Self.school("A", unified: 1), Self.school("B", unified: 1), Self.school("C", unified: 5)], [], [
            Self.candidate("first", 700, unified: ["A"]),
            Self.candidate("second", 690, unified: ["B"]),
            Self.candidate("third", 680, unified: ["A", "B"]),
        ])
        #expect(placed(outcome)["third"] == "- unadmitted 0", "C had seats, but third did not name it")
        let report = ZhongkaoReport(input: input, outcome: outcome, seed: Self.seed)
        #expect(report.routes.unadmitted == 1 && report.routes.unified == 2)
        #expect(report.schools[2].rounds.last?.lowestAdmitted == nil)
    }

    @Test("an empty quota seat moves to the school's unified seats, and stays empty when configured off")
    func emptyQuotaSeatsMove() throws {
        let schools = [Self.school("A", unified: 1)]
        let quotas = [ZhongkaoQuota(schoolID: "A", round: .quotaDistrict, scope: "D1", seats: 2)]
        // One quota candidate for two quota seats: one seat is left.
        let candidates = [
            Self.candidate("q", 700, quotaDistrict: ["A"], unified: ["A"]),
            Self.candidate("u1", 690, unified: ["A"]),
            Self.candidate("u2", 680, unified: ["A"]),
        ]
        let moving = try admit(schools, quotas, candidates, rules: ZhongkaoRules(rounds: [
            ZhongkaoRoundRule(round: .quotaDistrict, controlScore: 695), ZhongkaoRoundRule(round: .unified),
        ]))
        #expect(placed(moving.outcome) == ["q": "A quota-district 1", "u1": "A unified 1", "u2": "A unified 1"])
        let report = ZhongkaoReport(input: moving.input, outcome: moving.outcome, seed: Self.seed)
        #expect(report.schools[0].rounds.map(\.seats) == [2, 2])
        #expect(report.schools[0].rounds.map(\.movedToUnified) == [1, 0])
        #expect(report.schools[0].rounds[1].lowestAdmitted == ZhongkaoReport.AdmissionLine(
            total: 680, tieBreaks: [], lottery: Lottery.hex(Lottery.number(for: "u2", seed: Self.seed))))

        let keeping = try admit(schools, quotas, candidates, rules: ZhongkaoRules(rounds: [
            ZhongkaoRoundRule(round: .quotaDistrict, controlScore: 695, unfilledSeatsToUnified: false),
            ZhongkaoRoundRule(round: .unified),
        ]))
        #expect(placed(keeping.outcome) == ["q": "A quota-district 1", "u1": "A unified 1", "u2": "- unadmitted 0"])
    }

    @Test("a candidate below a quota round's control score takes no part in it")
    func controlScore() throws {
        let quotas = [ZhongkaoQuota(schoolID: "A", round: .quotaDistrict, scope: "D1", seats: 1)]
        let (_, outcome) = try admit([Self.school("A", unified: 1)], quotas, [
            Self.candidate("below", 599, quotaDistrict: ["A"], unified: ["A"]),
        ], rules: ZhongkaoRules(rounds: [ZhongkaoRoundRule(round: .quotaDistrict, controlScore: 600), ZhongkaoRoundRule(round: .unified)]))
        #expect(placed(outcome) == ["below": "A unified 1"], "admitted in the unified round, on the seat the quota left")
        let exact = try admit([Self.school("A", unified: 1)], quotas, [Self.candidate("at", 600, quotaDistrict: ["A"])],
                              rules: ZhongkaoRules(rounds: [ZhongkaoRoundRule(round: .quotaDistrict, controlScore: 600)]))
        #expect(placed(exact.outcome) == ["at": "A quota-district 1"], "at the control score is enough")
    }

    @Test("a pre-admitted candidate takes part in no round; admitted candidates skip the later rounds")
    func preAdmittedAndEarlierAdmissionsSkip() throws {
        let quotas = [ZhongkaoQuota(schoolID: "B", round: .quotaDistrict, scope: "D1", seats: 1)]
        let (_, outcome) = try admit([Self.school("A", unified: 1), Self.school("B", unified: 1)], quotas, [
            Self.candidate("pre", 740, preAdmitted: true, quotaDistrict: ["B"], unified: ["A"]),
            Self.candidate("quota", 700, quotaDistrict: ["B"], unified: ["A"]),
            Self.candidate("next", 650, unified: ["A"]),
        ])
        #expect(placed(outcome) == ["pre": "- pre-admitted 0", "quota": "B quota-district 1", "next": "A unified 1"])
    }

    @Test("quota-school seats go only to eligible candidates of that junior school, whatever others score")
    func quotaSchoolScope() throws {
        let quotas = [ZhongkaoQuota(schoolID: "A", round: .quotaSchool, scope: "J1", seats: 1)]
        let (_, outcome) = try admit([Self.school("A", unified: 0)], quotas, [
            Self.candidate("other-junior", 720, junior: "J2", unified: ["A"]),
            Self.candidate("ineligible", 710, junior: "J1", eligible: false, unified: ["A"]),
            Self.candidate("eligible", 650, junior: "J1", quotaSchool: ["A"]),
        ], rules: ZhongkaoRules(rounds: [ZhongkaoRoundRule(round: .quotaSchool, unfilledSeatsToUnified: false), ZhongkaoRoundRule(round: .unified)]))
        #expect(placed(outcome) == ["other-junior": "- unadmitted 0", "ineligible": "- unadmitted 0", "eligible": "A quota-school 1"])
        // Naming the seat without the right to it is a bad input, not a silent skip.
        #expect(throws: InputErrors.self) {
            try admit([Self.school("A", unified: 0)], quotas, [Self.candidate("x", 700, junior: "J1", eligible: false, quotaSchool: ["A"])])
        }
        #expect(throws: InputErrors.self) {
            try admit([Self.school("A", unified: 0)], quotas, [Self.candidate("y", 700, junior: "J1"),
                                                               Self.candidate("x", 700, junior: "J2", quotaSchool: ["A"])])
        }
    }

    @Test("quota-district seats are per district: each district's best take its own seats")
    func quotaDistrictScope() throws {
        let quotas = [ZhongkaoQuota(schoolID: "A", round: .quotaDistrict, scope: "D1", seats: 1),
                      ZhongkaoQuota(schoolID: "A", round: .quotaDistrict, scope: "D2", seats: 1)]
        let (input, outcome) = try admit([Self.school("A", unified: 0)], quotas, [
            Self.candidate("d1-best", 730, district: "D1", quotaDistrict: ["A"]),
            Self.candidate("d1-second", 720, district: "D1", quotaDistrict: ["A"]),
            Self.candidate("d2-only", 600, district: "D2", quotaDistrict: ["A"]),
        ], rules: ZhongkaoRules(rounds: [ZhongkaoRoundRule(round: .quotaDistrict)]))
        #expect(placed(outcome) == ["d1-best": "A quota-district 1", "d1-second": "- unadmitted 0", "d2-only": "A quota-district 1"])
        let report = ZhongkaoReport(input: input, outcome: outcome, seed: Self.seed)
        #expect(report.schools[0].rounds[0].seats == 2 && report.schools[0].rounds[0].admitted == 2)
        #expect(report.schools[0].rounds[0].lowestAdmitted?.total == 600, "the lowest admitted over all districts")
    }

    @Test("rounds run in the configured order")
    func roundOrder() throws {
        let quotas = [ZhongkaoQuota(schoolID: "A", round: .quotaDistrict, scope: "D1", seats: 1)]
        let candidates = [Self.candidate("c", 700, quotaDistrict: ["A"], unified: ["B"])]
        let schools = [Self.school("A", unified: 0), Self.school("B", unified: 1)]
        let unifiedFirst = try admit(schools, quotas, candidates, rules: ZhongkaoRules(rounds: [
            ZhongkaoRoundRule(round: .unified), ZhongkaoRoundRule(round: .quotaDistrict, unfilledSeatsToUnified: false),
        ]))
        #expect(placed(unifiedFirst.outcome) == ["c": "B unified 1"])
        #expect(placed(try admit(schools, quotas, candidates).outcome) == ["c": "A quota-district 1"])
    }
}
