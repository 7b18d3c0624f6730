import Testing
@testable import YoujiaoCore

@Suite("Enrollment coordinated placement (rule 4) and what-if (rule 6)")
struct CoordinatedTests {
    @Test("an overflow child goes to the nearest school of the district with a seat; ties by school id")
    func nearestThenId() throws {
        // S is full; N-far is 2.2 km away, the two near schools are equidistant (1.1 km north and south).
        let schools = [EnrollmentFixture.publicSchool("S", seats: 1, zones: ["Z1"]),
                       EnrollmentFixture.publicSchool("N-far", seats: 5, zones: ["Z2"], lat: 31.22),
                       EnrollmentFixture.publicSchool("N2", seats: 5, zones: ["Z3"], lat: 31.19),
                       EnrollmentFixture.publicSchool("N1", seats: 5, zones: ["Z4"], lat: 31.21),
                       EnrollmentFixture.publicSchool("X", seats: 5, zones: ["Z5"], lat: 31.2001, district: EnrollmentFixture.otherDistrict)]
        let result = try EnrollmentFixture.allocate(schools, [EnrollmentFixture.child("first"), EnrollmentFixture.child("second")])
        #expect(result["first"]?.route == .catchment)
        #expect(result["second"]?.route == .coordinated)
        #expect(result["second"]?.schoolID == "N1")
        #expect(result["second"]?.distanceMetres == Haversine.metres(latitude: 31.2, longitude: 121.4,
                                                                      toLatitude: 31.21, longitude: 121.4))
    }

    @Test("priority order across the district: the better-priority child takes the contested seat")
    func priorityOrder() throws {
        // Near has one free seat; both overflow children would take it. "low" lives closer but has
        // lower priority (tier 2), so it is sent to Far.
        let schools = [EnrollmentFixture.publicSchool("A", seats: 0, zones: ["ZA"]),
                       EnrollmentFixture.publicSchool("B", seats: 0, zones: ["ZB"], lat: 31.1),
                       EnrollmentFixture.publicSchool("Near", seats: 1, zones: ["ZN"], lat: 31.15),
                       EnrollmentFixture.publicSchool("Far", seats: 1, zones: ["ZF"], lat: 31.3)]
        let children = [EnrollmentFixture.child("low", zone: "ZB", lat: 31.14, tier: 2), EnrollmentFixture.child("high", zone: "ZA", lat: 31.2)]
        let result = try EnrollmentFixture.allocate(schools, children, lottery: ["low": 0, "high": 9])
        #expect(result["high"]?.schoolID == "Near")
        #expect(result["low"]?.schoolID == "Far")
    }

    @Test("children left when the district is full are unplaced, with no school or distance")
    func unplaced() throws {
        let schools = [EnrollmentFixture.publicSchool("S", seats: 1, zones: ["Z1"]),
                       EnrollmentFixture.publicSchool("X", seats: 9, zones: ["Z9"], district: EnrollmentFixture.otherDistrict)]
        let result = try EnrollmentFixture.allocate(schools, [EnrollmentFixture.child("a"), EnrollmentFixture.child("b")], lottery: ["a": 1, "b": 2])
        #expect(result["a"]?.route == .catchment)
        #expect(result["b"]?.route == .unplaced)
        #expect(result["b"]?.schoolID == nil && result["b"]?.distanceMetres == nil && result["b"]?.choiceRank == nil)
    }

    @Test("what-if reports the least total distance, which priority order may exceed")
    func whatIfTotals() throws {
        let schools = [EnrollmentFixture.publicSchool("A", seats: 0, zones: ["ZA"]),
                       EnrollmentFixture.publicSchool("B", seats: 0, zones: ["ZB"], lat: 31.1),
                       EnrollmentFixture.publicSchool("Near", seats: 1, zones: ["ZN"], lat: 31.15),
                       EnrollmentFixture.publicSchool("Far", seats: 1, zones: ["ZF"], lat: 31.3)]
        let children = [EnrollmentFixture.child("low", zone: "ZB", lat: 31.14, tier: 2), EnrollmentFixture.child("high", zone: "ZA", lat: 31.2)]
        let input = try EnrollmentInput(schools: schools, applicants: children)
        let outcome = EnrollmentEngine.allocate(input, lottery: [0, 9], settings: EnrollmentSettings())
        let metres = { (lat: Double, schoolLat: Double) in
            Haversine.metres(latitude: lat, longitude: 121.4, toLatitude: schoolLat, longitude: 121.4)
        }
        let district = try #require(outcome.coordination.first)
        #expect(district.totalDistanceMetres == metres(31.2, 31.15) + metres(31.14, 31.3))
        #expect(district.optimalTotalDistanceMetres == metres(31.2, 31.3) + metres(31.14, 31.15))
        #expect(district.optimalTotalDistanceMetres < district.totalDistanceMetres)
        #expect(district.children == 2 && district.placed == 2 && district.freeSeats == 2)
    }

    @Test("in a full district the what-if is over the children priority placed, not the nearest left children")
    func whatIfInFullDistrict() throws {
        // A is full, so all three children overflow onto Near and Far (one seat each). By priority
        // "high" takes Near and "mid" Far, and "low" (tier 2) is left unplaced although it lives
        // 556 m from Near. Between "high" and "mid" the least total swaps them: high → Far, mid → Near.
        let schools = [EnrollmentFixture.publicSchool("A", seats: 0, zones: ["ZA"]),
                       EnrollmentFixture.publicSchool("Near", seats: 1, zones: ["ZN"], lat: 31.15),
                       EnrollmentFixture.publicSchool("Far", seats: 1, zones: ["ZF"], lat: 31.3)]
        let children = [EnrollmentFixture.child("high", zone: "ZA", lat: 31.2),
                        EnrollmentFixture.child("mid", zone: "ZA", lat: 31.14),
                        EnrollmentFixture.child("low", zone: "ZA", lat: 31.155, tier: 2)]
        let input = try EnrollmentInput(schools: schools, applicants: children)
        let outcome = EnrollmentEngine.allocate(input, lottery: [0, 1, 2], settings: EnrollmentSettings())
        let metres = { (lat: Double, schoolLat: Double) in
            Haversine.metres(latitude: lat, longitude: 121.4, toLatitude: schoolLat, longitude: 121.4)
        }
        #expect(outcome.placements.map(\.route) == [.coordinated, .coordinated, .unplaced])
        #expect(outcome.placements.map(\.schoolID) == ["Near", "Far", nil])
        let district = try #require(outcome.coordination.first)
        #expect(district.children == 3 && district.freeSeats == 2 && district.placed == 2)
        #expect(district.totalDistanceMetres == metres(31.2, 31.15) + metres(31.14, 31.3))
        #expect(district.optimalTotalDistanceMetres == metres(31.2, 31.3) + metres(31.14, 31.15))
        // Over all three children the least total would seat "low" instead of "mid": 11,676 m, not 12,232 m.
        #expect(metres(31.2, 31.3) + metres(31.155, 31.15) < district.optimalTotalDistanceMetres)
        let report = EnrollmentReport(input: input, outcome: outcome, seed: try LotterySeed(hex: EnrollmentFixture.seedHex),
                                      settings: EnrollmentSettings())
        #expect(report.coordinated.optimalTotalDistanceM == district.optimalTotalDistanceMetres)
        #expect(report.districts.first?.optimalTotalDistanceM == district.optimalTotalDistanceMetres)
    }

    @Test("min-cost assignment equals brute force on small cases, including more children than seats",
          arguments: 0..<60)
    func minCostMatchesBruteForce(instance: UInt64) {
        var random = SeededGenerator(seed: 1000 + instance)
        let rows = Int.random(in: 0...6, using: &random)
        let columns = Int.random(in: 1...3, using: &random)
        let capacities = (0..<columns).map { _ in Int.random(in: 0...3, using: &random) }
        // Small costs tie often; up to half the Earth's circumference stresses the packed moves.
        let maxCost = instance < 40 ? 50 : 20_037_509
        let metres = (0..<rows * columns).map { _ in Int.random(in: 0...maxCost, using: &random) }
        let costs = DistanceMatrix(rows: rows, columns: columns, metres: metres)
        let solved = MinCostAssignment(costs: costs, capacities: capacities)
        let best = bruteForce(costs: costs, capacities: capacities)
        #expect(solved.totalCost == best.cost)
        #expect(solved.assignment.compactMap { $0 }.count == best.placed)
        // The assignment is feasible and costs what it says.
        for column in 0..<columns { #expect(solved.assignment.filter { $0 == column }.count <= capacities[column]) }
        #expect(solved.totalCost == solved.assignment.enumerated().reduce(0) { total, entry in
            total + (entry.element.map { costs[entry.offset, $0] } ?? 0)
        })
    }

    /// Every way to seat or leave out each row; the most rows seated, then the least cost.
    private func bruteForce(costs: DistanceMatrix, capacities: [Int]) -> (placed: Int, cost: Int) {
        var best = (placed: 0, cost: 0)
        var load = capacities.map { _ in 0 }
        func visit(_ row: Int, placed: Int, cost: Int) {
            if row == costs.rows {
                if placed > best.placed || (placed == best.placed && cost < best.cost) { best = (placed, cost) }
                return
            }
            visit(row + 1, placed: placed, cost: cost)
            for column in 0..<costs.columns where load[column] < capacities[column] {
                load[column] += 1
                visit(row + 1, placed: placed + 1, cost: cost + costs[row, column])
                load[column] -= 1
            }
        }
        visit(0, placed: 0, cost: 0)
        return best
    }

    @Test("on a random district the priority total is never below the what-if optimum", arguments: 0..<10)
    func priorityNeverBeatsOptimum(instance: UInt64) throws {
        var random = SeededGenerator(seed: 77 + instance)
        let schools = (0..<6).map { index in
            EnrollmentFixture.publicSchool("S\(index)", seats: Int.random(in: 0...6, using: &random), zones: ["Z\(index)"],
                                 lat: Double.random(in: 31.1...31.3, using: &random), lon: Double.random(in: 121.3...121.5, using: &random))
        }
        let children = (0..<30).map { index in
            EnrollmentFixture.child("c\(index)", zone: "Z\(Int.random(in: 0..<3, using: &random))",
                          lat: Double.random(in: 31.1...31.3, using: &random), lon: Double.random(in: 121.3...121.5, using: &random),
                          tier: Int.random(in: 1...2, using: &random), years: Int.random(in: 0...5, using: &random))
        }
        let outcome = try EnrollmentEngine.allocate(schools: schools, applicants: children, seed: LotterySeed(hex: EnrollmentFixture.seedHex))
        for district in outcome.coordination {
            #expect(district.optimalTotalDistanceMetres <= district.totalDistanceMetres)
            #expect(district.placed == min(district.children, district.freeSeats))
        }
        let coordinatedTotal = outcome.placements.filter { $0.route == .coordinated }.reduce(0) { $0 + $1.distanceMetres! }
        #expect(coordinatedTotal == outcome.coordination.reduce(0) { $0 + $1.totalDistanceMetres })
    }
}
