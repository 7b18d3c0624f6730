import Testing
@testable import YoujiaoCore

@Suite("Enrollment catchment priority (rule 3)")
struct CatchmentTests {
    /// One catchment seat at S (zone Z1); the loser goes to N, the only other school.
    let schools = [EnrollmentFixture.publicSchool("S", seats: 1, zones: ["Z1"]),
                   EnrollmentFixture.publicSchool("N", seats: 10, zones: ["Z2"], lat: 31.3),
                   EnrollmentFixture.privateSchool("P", seats: 0)]

    func winner(_ children: [Applicant], lottery: [String: UInt64],
                settings: EnrollmentSettings = EnrollmentSettings()) throws -> String? {
        let result = try EnrollmentFixture.allocate(schools, children, lottery: lottery, settings: settings)
        let admitted = result.values.filter { $0.route == .catchment }
        #expect(admitted.count == 1)
        #expect(result.values.filter { $0.route == .coordinated }.allSatisfy { $0.schoolID == "N" })
        return admitted.first?.applicantID
    }

    @Test("tier 1 (人户一致) before tier 2, whatever the years and the lottery")
    func tierFirst() throws {
        let children = [EnrollmentFixture.child("t2", tier: 2, years: 9), EnrollmentFixture.child("t1", tier: 1, years: 0)]
        #expect(try winner(children, lottery: ["t2": 0, "t1": 99]) == "t1")
    }

    @Test("同类排序靠后 on: a child back from the private lottery ranks after the same tier")
    func privatePenaltyOn() throws {
        let children = [EnrollmentFixture.child("back", choices: ["P"], years: 9), EnrollmentFixture.child("stay", years: 0)]
        #expect(try winner(children, lottery: ["back": 0, "stay": 99]) == "stay")
    }

    @Test("同类排序靠后 off: the returned child competes on years and lottery")
    func privatePenaltyOff() throws {
        let children = [EnrollmentFixture.child("back", choices: ["P"], years: 9), EnrollmentFixture.child("stay", years: 0)]
        let settings = EnrollmentSettings(returnedPrivateApplicantsRankLast: false)
        #expect(try winner(children, lottery: ["back": 0, "stay": 99], settings: settings) == "back")
    }

    @Test("the penalty stays within the tier: a returned tier-1 child still beats a tier-2 child")
    func penaltyWithinTier() throws {
        let children = [EnrollmentFixture.child("back", choices: ["P"], tier: 1), EnrollmentFixture.child("t2", tier: 2)]
        #expect(try winner(children, lottery: ["back": 99, "t2": 0]) == "back")
    }

    @Test("more years at the address first, before the lottery")
    func yearsBeforeLottery() throws {
        let children = [EnrollmentFixture.child("new", years: 1), EnrollmentFixture.child("old", years: 4)]
        #expect(try winner(children, lottery: ["new": 0, "old": 99]) == "old")
    }

    @Test("same tier, penalty and years: the lower lottery number, then the id bytes")
    func lotteryThenId() throws {
        #expect(try winner([EnrollmentFixture.child("x"), EnrollmentFixture.child("y")], lottery: ["x": 5, "y": 4]) == "y")
        #expect(try winner([EnrollmentFixture.child("b"), EnrollmentFixture.child("a")], lottery: ["a": 4, "b": 4]) == "a")
    }

    @Test("returned children who miss their catchment school are listed in the report")
    func returnedWithoutCatchment() throws {
        let input = try EnrollmentInput(schools: schools, applicants: [EnrollmentFixture.child("back", choices: ["P"]), EnrollmentFixture.child("stay")])
        let seed = try LotterySeed(hex: EnrollmentFixture.seedHex)
        let outcome = EnrollmentEngine.allocate(input, lottery: [0, 1], settings: EnrollmentSettings())
        let report = EnrollmentReport(input: input, outcome: outcome, seed: seed, settings: EnrollmentSettings())
        #expect(report.returnedWithoutCatchment == ["back"])
        #expect(report.routes.catchment == 1 && report.routes.coordinated == 1)
        let school = report.schools.first { $0.schoolId == "S" }
        #expect(school?.applicants == 2 && school?.admitted == 1 && school?.lowestAdmittedLottery == Lottery.hex(1))
        #expect(report.schools.first { $0.schoolId == "P" }?.applicants == 1)
    }
}
