import Crypto
import Foundation
import Testing
import YoujiaoCore

@Suite("Enrollment campaign rules")
struct CampaignTests {
    static let privateSchool = EnrollmentSchool(id: "3101010003", name: "民办小学", districtCode: "310101", ownership: .private, boarding: false,
                                                capacity: 10, latitude: 31.2, longitude: 121.5, zones: [])
    static let otherPrivate = EnrollmentSchool(id: "3101040003", name: "徐汇民办小学", districtCode: "310104", ownership: .private, boarding: false,
                                               capacity: 10, latitude: 31.2, longitude: 121.4, zones: [])
    static let boarding = EnrollmentSchool(id: "3101040004", name: "寄宿民办小学", districtCode: "310104", ownership: .private, boarding: true,
                                           capacity: 10, latitude: 31.2, longitude: 121.4, zones: [])
    static let publicSchool = EnrollmentSchool(id: "3101010001", name: "公办小学", districtCode: "310101", ownership: .public, boarding: false,
                                               capacity: 10, latitude: 31.2, longitude: 121.5, zones: ["Z1"])
    static let schools = [privateSchool, otherPrivate, boarding, publicSchool]

    @Test func seedIsSHA256OfBeaconSecretAndListHash() throws {
        let listHash = String(repeating: "ab", count: 32)
        let seed = CampaignSeed.derive(beaconValue: "beacon", notarySecret: "secret", listHash: listHash)
        let expected = SHA256.hash(data: Array(("beacon" + "secret" + listHash).utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(seed.hex == expected)
        #expect(CampaignSeed.derive(beaconValue: "beacon2", notarySecret: "secret", listHash: listHash) != seed)
        // Known answer: SHA-256("abc") = ba7816bf…
        #expect(CampaignSeed.commitment(secret: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func theSecretMustMatchItsCommitment() throws {
        var campaign = Campaign(id: "c", year: 2026, grade: .g1, districtCode: "310101", opensOn: CaseDate("2026-04-01")!, closesOn: CaseDate("2026-04-30")!,
                                status: .frozen, listHash: String(repeating: "0", count: 64), beaconRound: "round 1",
                                notaryCommitment: CampaignSeed.commitment(secret: "s3cret"))
        #expect(throws: CampaignProblem.self) { try campaign.seed(beaconValue: "b", notarySecret: "wrong") }
        #expect(try campaign.seed(beaconValue: "b", notarySecret: "s3cret")
                == CampaignSeed.derive(beaconValue: "b", notarySecret: "s3cret", listHash: campaign.listHash!))
        campaign.listHash = nil
        #expect(throws: CampaignProblem.self) { try campaign.seed(beaconValue: "b", notarySecret: "s3cret") }
    }

    @Test func ageEligibility() throws {
        let g1 = Campaign(id: "c", year: 2026, grade: .g1, districtCode: nil, opensOn: CaseDate("2026-04-01")!, closesOn: CaseDate("2026-04-30")!,
                          beaconRound: "r", notaryCommitment: "")
        try g1.checkEligible(birthDate: CaseDate("2019-09-01")!, currentGrade: .k3)
        try g1.checkEligible(birthDate: CaseDate("2020-08-31")!, currentGrade: nil)
        #expect(throws: CampaignProblem.self) { try g1.checkEligible(birthDate: CaseDate("2019-08-31")!, currentGrade: nil) }
        #expect(throws: CampaignProblem.self) { try g1.checkEligible(birthDate: CaseDate("2020-09-01")!, currentGrade: nil) }
        #expect(Campaign.birthSpan(grade: .k1, year: 2026) == CaseDate("2022-09-01")!...CaseDate("2023-08-31")!)
        var g6 = g1
        g6.grade = .g6
        try g6.checkEligible(birthDate: CaseDate("2015-01-01")!, currentGrade: .g5)
        #expect(throws: CampaignProblem.self) { try g6.checkEligible(birthDate: CaseDate("2015-01-01")!, currentGrade: .g4) }
    }

    @Test func theWindowAndTheLifeCycle() throws {
        let c = Campaign(id: "c", year: 2026, grade: .g1, districtCode: nil, opensOn: CaseDate("2026-04-01")!, closesOn: CaseDate("2026-04-30")!,
                         status: .open, beaconRound: "r", notaryCommitment: "")
        #expect(c.acceptsApplications(on: CaseDate("2026-04-30")!))
        #expect(!c.acceptsApplications(on: CaseDate("2026-05-01")!))
        #expect(!c.acceptsApplications(on: CaseDate("2026-03-31")!))
        try c.checkStep(to: .frozen)
        #expect(throws: CampaignProblem.self) { try c.checkStep(to: .drawn) }
        #expect(throws: CampaignProblem.self) { try c.checkStep(to: .draft) }
    }

    func problem(_ choice: ApplicationChoice) -> String? {
        do throws(CampaignProblem) {
            try choice.validate(district: "310101", schools: Self.schools, zones: ["Z1"])
            return nil
        } catch { return error.field }
    }

    @Test func malformedChoicesAreRefusedNamingTheField() {
        #expect(problem(ApplicationChoice(track: .private, choices: ["3101010003", "3101040004"], tier: 1, yearsAtAddress: 3, zone: "Z1")) == nil)
        #expect(problem(ApplicationChoice(track: .public, choices: [], tier: 2, yearsAtAddress: 0, zone: "Z1")) == nil)
        #expect(problem(ApplicationChoice(track: .private, choices: ["3101010001"], tier: 1, yearsAtAddress: 3, zone: "Z1")) == "choices", "a public school")
        #expect(problem(ApplicationChoice(track: .private, choices: ["3101010003", "3101040004", "3101040003"], tier: 1, yearsAtAddress: 3, zone: "Z1")) == "choices", "three")
        #expect(problem(ApplicationChoice(track: .private, choices: ["3101040003"], tier: 1, yearsAtAddress: 3, zone: "Z1")) == "choices", "another district, not boarding")
        #expect(problem(ApplicationChoice(track: .private, choices: [], tier: 1, yearsAtAddress: 3, zone: "Z1")) == "choices", "none")
        #expect(problem(ApplicationChoice(track: .public, choices: ["3101010003"], tier: 1, yearsAtAddress: 3, zone: "Z1")) == "choices", "二选一")
        #expect(problem(ApplicationChoice(track: .public, choices: [], tier: 9, yearsAtAddress: 3, zone: "Z1")) == "tier")
        #expect(problem(ApplicationChoice(track: .public, choices: [], tier: 1, yearsAtAddress: -1, zone: "Z1")) == "years")
        #expect(problem(ApplicationChoice(track: .public, choices: [], tier: 1, yearsAtAddress: 1, zone: "Z9")) == "zone")
    }

    @Test func reasonsNameTheNumbers() {
        let lottery = Placement(applicantID: "A1", schoolID: "3101010003", route: .private, choiceRank: 1, distanceMetres: 900, lottery: 0x10)
        let reason = PlacementReason(placement: lottery, grade: .g1, track: .private, schoolName: "民办小学", cutoff: 0x20, catchmentSchoolName: "公办小学")
        #expect(reason.zh.contains("电脑派位录取") && reason.zh.contains("0000000000000010") && reason.zh.contains("最后录取号码 0000000000000020"))
        let coordinated = Placement(applicantID: "A2", schoolID: "3101010009", route: .coordinated, choiceRank: nil, distanceMetres: 1234, lottery: 3)
        let moved = PlacementReason(placement: coordinated, grade: .g1, track: .public, schoolName: "远处小学", cutoff: nil, catchmentSchoolName: "公办小学")
        #expect(moved.zh.contains("施教区学校 公办小学 在您的优先级已满额") && moved.zh.contains("远处小学") && moved.en.contains("1234 m"))
        let nursery = PlacementReason(placement: Placement(applicantID: "A3", schoolID: "K1", route: .catchment, choiceRank: nil, distanceMetres: 300, lottery: 4),
                                      grade: .k1, track: .private, schoolName: "对口幼儿园", cutoff: nil, catchmentSchoolName: "对口幼儿园")
        #expect(nursery.zh == "民办未录取，按施教区对口入园：对口幼儿园。" && nursery.en.contains("catchment kindergarten"))
    }

    @Test func schoolsDocumentReadsBackAsTheSameSchools() throws {
        let table = try CSVTable.parse(text: EnrollmentCSV.schoolsDocument(Self.schools), fileName: "schools.csv")
        #expect(try EnrollmentCSV.schools(from: table).values == Self.schools)
    }
}
