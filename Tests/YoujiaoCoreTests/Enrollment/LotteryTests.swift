import Testing
@testable import YoujiaoCore

@Suite("Enrollment lottery (rule 1)")
struct LotteryTests {
    let seed = try! LotterySeed(hex: EnrollmentFixture.seedHex)

    @Test("number = first 8 bytes big-endian of HMAC-SHA256(seed, UTF-8 id), checked against Python's hmac")
    func knownVectors() {
        #expect(Lottery.hex(Lottery.number(for: "A001", seed: seed)) == "14214f8cf2f32008")
        #expect(Lottery.hex(Lottery.number(for: "学生-7", seed: seed)) == "7dab4ad755599c91")
        #expect(Lottery.number(for: "A001", seed: seed) == 0x1421_4F8C_F2F3_2008)
    }

    @Test("batch numbers (keyed states copied per id, over all cores) equal swift-crypto's HMAC, for ids of 0 to 6 blocks")
    func batchMatchesSingle() {
        var random = SeededGenerator(seed: 3)
        let pieces = ["a", "Z", "0", "-", "学", "生"]
        let ids = ["A001", "学生-7", "A001", "x", ""] + (0..<300).map { index in
            (0..<index % 130).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        #expect(Lottery.numbers(for: ids, seed: seed) == ids.map { Lottery.number(for: $0, seed: seed) })
    }

    @Test("hex is 16 lower-case digits with leading zeros")
    func hexFormat() {
        #expect(Lottery.hex(0xAB) == "00000000000000ab")
        #expect(Lottery.hex(.max) == "ffffffffffffffff")
    }

    @Test("seed accepts 64 hex digits in either case", arguments: [EnrollmentFixture.seedHex, EnrollmentFixture.seedHex.uppercased()])
    func seedAccepted(hex: String) throws {
        #expect(try LotterySeed(hex: hex).hex == EnrollmentFixture.seedHex)
    }

    @Test("seed rejects anything but 64 hex digits, naming the seed field",
          arguments: ["", "abc", String(EnrollmentFixture.seedHex.dropLast()), EnrollmentFixture.seedHex + "0",
                      String(EnrollmentFixture.seedHex.dropLast()) + "g", " " + String(EnrollmentFixture.seedHex.dropLast())])
    func seedRejected(hex: String) {
        #expect {
            try LotterySeed(hex: hex)
        } throws: { error in
            (error as? FieldError)?.field == "seed"
        }
    }

    @Test("equal lottery numbers fall back to the applicant id as UTF-8 bytes")
    func tieByIdBytes() throws {
        // "Z" (0x5A) < "a" (0x61) and "a10" < "a9" byte-wise; the private seat goes to the first.
        for (winner, loser) in [("Z", "a"), ("a10", "a9")] {
            let schools = [EnrollmentFixture.publicSchool("S", seats: 5, zones: ["Z1"]), EnrollmentFixture.privateSchool("P", seats: 1)]
            let result = try EnrollmentFixture.allocate(schools, [EnrollmentFixture.child(loser, choices: ["P"]), EnrollmentFixture.child(winner, choices: ["P"])],
                                              lottery: [winner: 7, loser: 7])
            #expect(result[winner]?.route == .private)
            #expect(result[loser]?.route == .catchment)
        }
    }

    @Test("a lower number wins over the id order")
    func lowerNumberWins() throws {
        let schools = [EnrollmentFixture.publicSchool("S", seats: 5, zones: ["Z1"]), EnrollmentFixture.privateSchool("P", seats: 1)]
        let result = try EnrollmentFixture.allocate(schools, [EnrollmentFixture.child("A", choices: ["P"]), EnrollmentFixture.child("B", choices: ["P"])],
                                          lottery: ["A": 9, "B": 8])
        #expect(result["B"]?.schoolID == "P")
        #expect(result["A"]?.schoolID == "S")
    }
}

@Suite("Enrollment distance (rule 5)")
struct HaversineTests {
    @Test("one degree of latitude is πR/180 metres, rounded")
    func oneDegree() {
        #expect(Haversine.metres(latitude: 31, longitude: 121, toLatitude: 32, longitude: 121) == 111_195)
        #expect(Haversine.metres(latitude: 31.2, longitude: 121.4, toLatitude: 31.2, longitude: 121.4) == 0)
    }

    @Test("symmetric and increasing with separation")
    func symmetric() {
        let there = Haversine.metres(latitude: 31.23, longitude: 121.47, toLatitude: 31.10, longitude: 121.60)
        #expect(there == Haversine.metres(latitude: 31.10, longitude: 121.60, toLatitude: 31.23, longitude: 121.47))
        #expect(there < Haversine.metres(latitude: 31.23, longitude: 121.47, toLatitude: 31.00, longitude: 121.60))
    }
}
