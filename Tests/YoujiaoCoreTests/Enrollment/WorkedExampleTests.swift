import Foundation
import Testing
@testable import YoujiaoCore

/// docs/enrollment.md §13, byte for byte: an independent verifier is written from that document,
/// so its example must stay what the engine computes.
@Suite("Enrollment: the worked example of docs/enrollment.md")
struct WorkedExampleTests {
    static let schools = """
        school_id,name,district,ownership,boarding,capacity,lat,lon,zones
        3101010001,黄浦一小,310101,public,no,2,31.23,121.47,Z1
        3101010002,黄浦二小,310101,public,no,1,31.22,121.49,Z2
        3101010003,黄浦三小,310101,public,no,2,31.21,121.46,Z3
        3101010009,民办黄浦,310101,private,no,1,31.235,121.475,

        """
    static let applicants = """
        applicant_id,district,zone,lat,lon,track,choices,tier,years
        A01,310101,Z1,31.231,121.471,public,,1,5
        A02,310101,Z1,31.229,121.468,public,,1,2
        A03,310101,Z1,31.232,121.474,private,3101010009,1,4
        A04,310101,Z1,31.226,121.466,public,,2,8
        A05,310101,Z2,31.221,121.488,private,3101010009,1,1
        A06,310101,Z3,31.209,121.461,public,,1,3
        A07,310101,Z2,31.218,121.472,public,,1,0

        """
    static let results = """
        applicant_id,school_id,route,choice_rank,distance_m,lottery
        A01,3101010001,catchment,,146,794481491dc4a089
        A02,3101010001,catchment,,220,d42ffe52d285e178
        A03,3101010009,private,1,347,0fc9c26221a21912
        A04,,unplaced,,,18e1f2ee7d98d444
        A05,3101010003,coordinated,,2930,35e0c45be4a40c82
        A06,3101010003,catchment,,146,3a9ab310817396a3
        A07,3101010002,catchment,,1726,dabf64ad039098fd

        """

    @Test("list hash, commitment and seed")
    func seed() throws {
        let table = try CSVTable.parse(text: Self.applicants, fileName: "applicants.csv")
        // The file is already canonical, so the list hash is the hash of its bytes.
        #expect(EnrollmentCSV.canonicalApplicantList(try EnrollmentCSV.applicants(from: table).values) == Self.applicants)
        let listHash = try EnrollmentCSV.commitment(applicants: table)
        #expect(listHash == "7b8572d73c33a3a6bfced11ed75b5efd1485f869918c04b4bde1edead2e5b16f")
        #expect(listHash == CampaignSeed.commitment(secret: Self.applicants))   // SHA-256 of the file's bytes
        #expect(CampaignSeed.commitment(secret: "notary-secret-2026") == "26c9c73da6a39afb0e2836fe4d9e0442ce063e52c63eebd24fd3531102ef25b0")
        let seed = CampaignSeed.derive(beaconValue: "drand-quicknet-round-1234567", notarySecret: "notary-secret-2026", listHash: listHash)
        #expect(seed.hex == "3738ab8181104fb44cd4b12316cf4d82c60bf6cbb404af14f3ec123305c37d53")
    }

    func draw(_ settings: EnrollmentSettings) throws -> EnrollmentJob.Output {
        try EnrollmentJob.compute(schoolsCSV: Self.schools, applicantsCSV: Self.applicants,
                                  seed: LotterySeed(hex: "3738ab8181104fb44cd4b12316cf4d82c60bf6cbb404af14f3ec123305c37d53"),
                                  settings: settings)
    }

    @Test("results.csv and the what-if of the default setting; deferred gives the same")
    func results() throws {
        for settings in [EnrollmentSettings(), EnrollmentSettings(privateMechanism: .deferred)] {
            let output = try draw(settings)
            #expect(String(decoding: EnrollmentCSV.resultsDocument(output.outcome.placements), as: UTF8.self) == Self.results)
            let coordinated = output.report.coordinated
            #expect(coordinated.children == 2 && coordinated.placed == 1)
            #expect(coordinated.totalDistanceM == 2930 && coordinated.optimalTotalDistanceM == 2930)
            #expect(output.report.returnedWithoutCatchment == ["A05"])
        }
    }

    @Test("without the private penalty A05 keeps its catchment school and A07 is coordinated")
    func noPenalty() throws {
        let placements = try draw(EnrollmentSettings(returnedPrivateApplicantsRankLast: false)).outcome.placements
        let rows = placements.map { EnrollmentCSV.resultCells($0).prefix(5).joined(separator: ",") }
        #expect(rows[4] == "A05,3101010002,catchment,,220")
        #expect(rows[6] == "A07,3101010003,coordinated,,1447")
        #expect(rows[3] == "A04,,unplaced,,")
    }
}
