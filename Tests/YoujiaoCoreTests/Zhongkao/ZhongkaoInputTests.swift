import Testing
@testable import YoujiaoCore

/// Every bad input is refused with file, row and field; numbers are range-checked before use.
@Suite("中考 input validation: bad input names file, row and field")
struct ZhongkaoInputTests {
    static let schoolsHeader = "school_id,name,district,kind,unified_seats"
    static let quotasHeader = "school_id,round,scope,seats"
    static let candidatesHeader = "candidate_id,district,junior_school,quota_school_eligible,total,pre_admitted,"
        + "quota_district_choices,quota_school_choices,unified_choices,math"
    static let goodSchools = ["H1,上海中学,310104,市实验性示范性高中,100", "H2,二中,310104,,50"]
    static let goodQuotas = ["H1,quota-district,310104,5", "H1,quota-school,J1,2"]
    static let goodCandidates = [
        "c1,310104,J1,yes,700,no,H1,H1,H1;H2,140",
        "c2,310104,J2,no,650,,,,H2,120",
    ]
    static let goodRounds = ["quota-district,600,yes", "quota-school,580,no", "unified,,"]

    func input(schools: [String] = goodSchools, quotas: [String] = goodQuotas, candidates: [String] = goodCandidates,
               rounds: [String]? = nil, tieBreak: [String] = ["math"]) throws -> ZhongkaoInput {
        func table(_ header: String, _ rows: [String], _ name: String) throws -> CSVTable {
            try CSVTable.parse(text: ([header] + rows).joined(separator: "\n"), fileName: name)
        }
        let roundRules = try rounds.map { try ZhongkaoCSV.rounds(from: table("round,control_score,unfilled_seats_to_unified", $0, "rounds.csv")) }
        return try ZhongkaoCSV.input(highSchools: table(Self.schoolsHeader, schools, "high-schools.csv"),
                                     quotas: table(Self.quotasHeader, quotas, "quotas.csv"),
                                     candidates: table(Self.candidatesHeader, candidates, "candidates.csv"),
                                     rules: ZhongkaoRules(rounds: roundRules ?? ZhongkaoRules.shanghaiRounds, tieBreakColumns: tieBreak),
                                     roundsFile: "rounds.csv")
    }

    /// The place of the single error the input raises, as printed: "file: row N, field F: reason".
    func error(schools: [String] = goodSchools, quotas: [String] = goodQuotas, candidates: [String] = goodCandidates,
               rounds: [String]? = nil, tieBreak: [String] = ["math"]) -> String {
        do {
            _ = try input(schools: schools, quotas: quotas, candidates: candidates, rounds: rounds, tieBreak: tieBreak)
            return "no error"
        } catch let errors as InputErrors {
            #expect(errors.errors.count == 1, "\(errors)")
            return errors.errors.first?.description ?? ""
        } catch {
            return "\(error)"
        }
    }

    @Test("good files parse into typed values")
    func goodInput() throws {
        let input = try input(rounds: Self.goodRounds)
        #expect(input.highSchools.map(\.unifiedSeats) == [100, 50])
        #expect(input.quotas == [ZhongkaoQuota(schoolID: "H1", round: .quotaDistrict, scope: "310104", seats: 5),
                                 ZhongkaoQuota(schoolID: "H1", round: .quotaSchool, scope: "J1", seats: 2)])
        #expect(input.candidates[0] == ZhongkaoCandidate(id: "c1", district: "310104", juniorSchool: "J1", quotaSchoolEligible: true,
                                                         total: 700, tieBreakScores: [140], quotaDistrictChoices: ["H1"],
                                                         quotaSchoolChoices: ["H1"], unifiedChoices: ["H1", "H2"]))
        #expect(input.rules.rounds == [ZhongkaoRoundRule(round: .quotaDistrict, controlScore: 600),
                                       ZhongkaoRoundRule(round: .quotaSchool, controlScore: 580, unfilledSeatsToUnified: false),
                                       ZhongkaoRoundRule(round: .unified)])
    }

    @Test("high-schools.csv", arguments: [
        ("H1,甲,310104,,100\nH1,乙,310104,,5", "high-schools.csv: row 3, field school_id: duplicate school id H1 (first on row 2)"),
        ("H1,甲,310104,,-1", "high-schools.csv: row 2, field unified_seats: -1 is outside 0…100000"),
        ("H1,甲,310104,,100001", "high-schools.csv: row 2, field unified_seats: 100001 is outside 0…100000"),
        ("H1,甲,310104,,ten", "high-schools.csv: row 2, field unified_seats: 'ten' is not a whole number"),
        ("H1,甲,310104,,99999999999999999999999", "high-schools.csv: row 2, field unified_seats"),
        ("H1,甲,,,10", "high-schools.csv: row 2, field district: required, but empty"),
    ])
    func badHighSchools(_ rows: String, _ expected: String) {
        // H2 stays so that the good candidates still refer to known schools.
        #expect(error(schools: rows.split(separator: "\n").map(String.init) + ["H2,二中,310104,,50"]).hasPrefix(expected))
    }

    @Test("a missing column is named on row 1")
    func missingColumn() throws {
        do {
            _ = try ZhongkaoCSV.highSchools(from: CSVTable.parse(text: "school_id,name,district,kind\nH1,a,b,c", fileName: "high-schools.csv"))
            Issue.record("accepted")
        } catch {
            #expect("\(error)".hasPrefix("high-schools.csv: row 1, field unified_seats: missing column"))
        }
        #expect(error(tieBreak: ["physics"]).hasPrefix("candidates.csv: row 1, field physics: missing column"))
    }

    @Test("quotas.csv", arguments: [
        ("H9,quota-district,310104,5", "quotas.csv: row 2, field school_id: unknown school H9"),
        ("H1,unified,310104,5", "quotas.csv: row 2, field round: unified seats are the unified_seats"),
        ("H1,quota-city,310104,5", "quotas.csv: row 2, field round: 'quota-city' is not one of quota-district, quota-school, unified"),
        ("H1,quota-district,310104,-5", "quotas.csv: row 2, field seats: -5 is outside 0…100000"),
        ("H1,quota-district,310104,250000", "quotas.csv: row 2, field seats: 250000 is outside 0…100000"),
        ("H1,quota-district,310104,2.5", "quotas.csv: row 2, field seats: '2.5' is not a whole number"),
        ("H1,quota-district,310199,5", "quotas.csv: row 2, field scope: no candidate of district 310199"),
        ("H1,quota-school,J9,5", "quotas.csv: row 2, field scope: no candidate of junior school J9"),
        ("H1,quota-district,,5", "quotas.csv: row 2, field scope: required, but empty"),
    ])
    func badQuotas(_ row: String, _ expected: String) {
        // The good candidates name H1's quota seats of both rounds, so those lines stay after the bad one.
        #expect(error(quotas: [row] + Self.goodQuotas).hasPrefix(expected))
    }

    @Test("a quota line given twice, and a quota for a round the rules do not run")
    func duplicateAndUnrunQuotas() {
        #expect(error(quotas: Self.goodQuotas + ["H1,quota-district,310104,3"])
                .hasPrefix("quotas.csv: row 4, field scope: school H1 already has quota-district seats for 310104 (row 2)"))
        let unifiedOnly = error(quotas: ["H1,quota-school,J1,2"], candidates: ["c1,310104,J1,yes,700,no,,,H1,1"], rounds: ["unified,,"])
        #expect(unifiedOnly.hasPrefix("quotas.csv: row 2, field round: the rules run no quota-school round"))
    }

    @Test("candidates.csv", arguments: [
        ("c1,310104,J1,yes,10001,no,,,H1,140", "candidates.csv: row 2, field total: 10001 is outside 0…10000"),
        ("c1,310104,J1,yes,-1,no,,,H1,140", "candidates.csv: row 2, field total: -1 is outside 0…10000"),
        ("c1,310104,J1,yes,seven hundred,no,,,H1,140", "candidates.csv: row 2, field total: 'seven hundred' is not a whole number"),
        ("c1,310104,J1,yes,700,no,,,H1,x", "candidates.csv: row 2, field math: 'x' is not a whole number"),
        ("c1,310104,J1,yes,700,no,,,H1,20000", "candidates.csv: row 2, field math: 20000 is outside 0…10000"),
        ("c1,310104,J1,maybe,700,no,,,H1,140", "candidates.csv: row 2, field quota_school_eligible: 'maybe' is not yes or no"),
        ("c1,310104,J1,yes,700,perhaps,,,H1,140", "candidates.csv: row 2, field pre_admitted: 'perhaps' is not yes or no"),
        ("c1,310104,J1,yes,700,no,,,H1;H9,140", "candidates.csv: row 2, field unified_choices: unknown school H9"),
        ("c1,310104,J1,yes,700,no,,,H1;H2;H1,140", "candidates.csv: row 2, field unified_choices: H1 is named twice"),
        ("c1,310104,J1,yes,700,no,,,H1;;H2,140", "candidates.csv: row 2, field unified_choices: an empty choice"),
        ("c1,310104,J1,yes,700,no,,,\(Array(repeating: "H1", count: 16).joined(separator: ";")),140",
         "candidates.csv: row 2, field unified_choices: 16 choices; at most 15"),
        ("c1,310104,J1,yes,700,no,H2,,H1,140", "candidates.csv: row 2, field quota_district_choices: H2 has no quota-district seats for district 310104"),
        ("c1,310104,J1,no,700,no,,H1,H1,140", "candidates.csv: row 2, field quota_school_choices: the candidate is not quota_school_eligible"),
        ("c1,,J1,yes,700,no,,,H1,140", "candidates.csv: row 2, field district: required, but empty"),
        ("c2,310104,J1,yes,700,no,,,H1,140", "candidates.csv: row 3, field candidate_id: duplicate candidate id c2 (first on row 2)"),
    ])
    func badCandidates(_ row: String, _ expected: String) {
        #expect(error(candidates: [row, "c2,310104,J2,no,650,,,,H2,120"]).hasPrefix(expected))
    }

    @Test("a candidate of another junior school names a quota-school seat of J1")
    func quotaSchoolOfAnotherJunior() {
        #expect(error(candidates: Self.goodCandidates + ["c3,310104,J2,yes,640,no,,H1,H2,100"])
                .hasPrefix("candidates.csv: row 4, field quota_school_choices: H1 has no quota-school seats for junior school J2"))
    }

    @Test("rounds.csv and the tie-break list", arguments: [
        (["quota-district,600,yes", "quota-district,600,yes", "quota-school,,", "unified,,"], "rounds.csv: row 3, field round: quota-district is listed twice"),
        (["quota-district,10001,yes", "quota-school,,", "unified,,"], "rounds.csv: row 2, field control_score: 10001 is outside 0…10000"),
        (["quota-district,abc,yes", "quota-school,,", "unified,,"], "rounds.csv: row 2, field control_score: 'abc' is not a whole number"),
        (["quota-district,,", "quota-school,,", "unified,,yes"], "rounds.csv: row 4, field unified_seats_to_unified"),
        (["quota-district,,", "quota-school,,", "lottery,,"], "rounds.csv: row 4, field round: 'lottery' is not one of"),
        (["unified,,", "quota-district,,", "quota-school,,no"],
         "rounds.csv: row 3, field unfilled_seats_to_unified: the unified round comes earlier"),
    ])
    func badRounds(_ rounds: [String], _ expected: String) {
        let found = error(rounds: rounds)
        // The unified row's own error names its field: unfilled_seats_to_unified.
        #expect(found.hasPrefix(expected.replacingOccurrences(of: "unified_seats_to_unified", with: "unfilled_seats_to_unified")), "\(found)")
    }

    @Test("tie-break columns: each once, none of the standard columns")
    func badTieBreaks() {
        #expect(error(tieBreak: ["math", "math"]).hasPrefix("command line: field tie-break: math is listed twice"))
        #expect(error(tieBreak: ["total"]).hasPrefix("command line: field tie-break: total is a column of its own"))
        #expect(error(tieBreak: [""]).hasPrefix("command line: field tie-break: a tie-break column has no name"))
    }

    @Test("choices for a round the rules do not run are refused")
    func choicesForAnUnrunRound() {
        let found = error(quotas: [], candidates: ["c1,310104,J1,yes,700,no,H1,,H1,140"], rounds: ["unified,,"])
        #expect(found.hasPrefix("candidates.csv: row 2, field quota_district_choices: the rules run no quota-district round"))
    }

    @Test("the commitment is over the canonical list: row order and spacing do not change it")
    func commitment() throws {
        let header = Self.candidatesHeader
        let first = try CSVTable.parse(text: ([header] + Self.goodCandidates).joined(separator: "\n"), fileName: "candidates.csv")
        let reordered = try CSVTable.parse(text: ([header] + ["c2,310104,J2,no,650,no,,,H2,120", "c1,310104,J1,1,700,no,H1,H1, H1 ;H2,140"])
            .joined(separator: "\n"), fileName: "candidates.csv")
        let changed = try CSVTable.parse(text: ([header] + ["c1,310104,J1,yes,701,no,H1,H1,H1;H2,140", Self.goodCandidates[1]])
            .joined(separator: "\n"), fileName: "candidates.csv")
        let hash = try ZhongkaoCSV.commitment(candidates: first, tieBreakColumns: ["math"])
        #expect(hash.count == 64)
        #expect(try ZhongkaoCSV.commitment(candidates: reordered, tieBreakColumns: ["math"]) == hash)
        #expect(try ZhongkaoCSV.commitment(candidates: changed, tieBreakColumns: ["math"]) != hash)
    }
}
