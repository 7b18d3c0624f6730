import Testing
@testable import YoujiaoCore

@Suite("Enrollment private phase (rule 2)")
struct PrivatePhaseTests {
    /// P1 and P2 have one seat each. a and b want P1 then P2; c wants P2 first.
    let schools = [EnrollmentFixture.publicSchool("S", seats: 10, zones: ["Z1"]),
                   EnrollmentFixture.privateSchool("P1", seats: 1), EnrollmentFixture.privateSchool("P2", seats: 1)]
    let children = [EnrollmentFixture.child("a", choices: ["P1", "P2"]), EnrollmentFixture.child("b", choices: ["P1", "P2"]),
                    EnrollmentFixture.child("c", choices: ["P2"])]
    let lottery: [String: UInt64] = ["a": 1, "b": 2, "c": 3]

    @Test("immediate: first choices are decided before any adjustment applicant is seen")
    func immediate() throws {
        let result = try EnrollmentFixture.allocate(schools, children, lottery: lottery)
        #expect(result["a"]?.schoolID == "P1" && result["a"]?.choiceRank == 1)
        #expect(result["c"]?.schoolID == "P2" && result["c"]?.choiceRank == 1)
        #expect(result["b"]?.route == .catchment && result["b"]?.choiceRank == nil)
    }

    @Test("deferred: b's better number takes P2 from c's first choice")
    func deferred() throws {
        let result = try EnrollmentFixture.allocate(schools, children, lottery: lottery,
                                          settings: EnrollmentSettings(privateMechanism: .deferred))
        #expect(result["a"]?.schoolID == "P1" && result["a"]?.choiceRank == 1)
        #expect(result["b"]?.schoolID == "P2" && result["b"]?.choiceRank == 2)
        #expect(result["c"]?.route == .catchment)
    }

    @Test("an adjustment choice with seats left after round 1 admits in round 2")
    func adjustmentRound() throws {
        let schools = [EnrollmentFixture.publicSchool("S", seats: 10, zones: ["Z1"]),
                       EnrollmentFixture.privateSchool("P1", seats: 1), EnrollmentFixture.privateSchool("P2", seats: 2)]
        let result = try EnrollmentFixture.allocate(schools, [EnrollmentFixture.child("a", choices: ["P1", "P2"]),
                                                    EnrollmentFixture.child("b", choices: ["P1", "P2"])], lottery: ["a": 5, "b": 4])
        #expect(result["b"]?.schoolID == "P1")
        #expect(result["a"]?.schoolID == "P2" && result["a"]?.choiceRank == 2)
    }

    @Test("a boarding private school admits a child of another district")
    func boardingAcrossDistricts() throws {
        let schools = [EnrollmentFixture.publicSchool("S", seats: 10, zones: ["Z1"], district: EnrollmentFixture.otherDistrict),
                       EnrollmentFixture.privateSchool("B", seats: 1, boarding: true)]
        let result = try EnrollmentFixture.allocate(schools, [EnrollmentFixture.child("a", choices: ["B"], district: EnrollmentFixture.otherDistrict)])
        #expect(result["a"]?.schoolID == "B")
        #expect(result["a"]?.route == .private)
        #expect(result["a"]?.distanceMetres == Haversine.metres(latitude: 31.2, longitude: 121.4,
                                                                toLatitude: 31.25, longitude: 121.45))
    }

    @Test("deferred equals literal deferred acceptance with proposals and rejections", arguments: 0..<40)
    func deferredMatchesProposalRounds(instance: UInt64) throws {
        var random = SeededGenerator(seed: instance)
        let privateIDs = (0..<Int.random(in: 2...4, using: &random)).map { "P\($0)" }
        let schools = [EnrollmentFixture.publicSchool("S", seats: 100, zones: ["Z1"])]
            + privateIDs.map { EnrollmentFixture.privateSchool($0, seats: Int.random(in: 0...3, using: &random)) }
        let children = (0..<Int.random(in: 1...12, using: &random)).map { index in
            EnrollmentFixture.child("c\(index)", choices: Array(privateIDs.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))))
        }
        let lottery = Dictionary(uniqueKeysWithValues: children.map { ($0.id, UInt64.random(in: 0...20, using: &random)) })
        let result = try EnrollmentFixture.allocate(schools, children, lottery: lottery,
                                          settings: EnrollmentSettings(privateMechanism: .deferred))
        let expected = deferredAcceptance(children: children, schools: schools, lottery: lottery)
        for child in children {
            #expect(result[child.id]?.route == (expected[child.id] == nil ? .catchment : .private))
            if let school = expected[child.id] { #expect(result[child.id]?.schoolID == school) }
        }
    }

    /// Gale–Shapley as written in textbooks: schools hold their best proposers and reject the rest.
    private func deferredAcceptance(children: [Applicant], schools: [EnrollmentSchool],
                                    lottery: [String: UInt64]) -> [String: String] {
        func precedes(_ a: Applicant, _ b: Applicant) -> Bool {
            lottery[a.id]! != lottery[b.id]! ? lottery[a.id]! < lottery[b.id]! : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        var next = [String: Int]()
        var held = [String: [Applicant]]()
        var free = children
        while let child = free.popLast() {
            let position = next[child.id, default: 0]
            guard position < child.choices.count else { continue }
            next[child.id] = position + 1
            let school = child.choices[position]
            let seats = schools.first { $0.id == school }!.capacity
            var holding = (held[school, default: []] + [child]).sorted(by: precedes)
            if holding.count > seats { free.append(holding.removeLast()) }
            held[school] = holding
        }
        return Dictionary(uniqueKeysWithValues: held.flatMap { school, holders in holders.map { ($0.id, school) } })
    }
}
