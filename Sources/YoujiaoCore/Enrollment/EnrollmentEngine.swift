import Foundation

/// The allocation of one campaign stage: private phase, catchment, coordinated placement (统筹)
/// and the least-distance what-if, exactly as issue 3's rules 1–6 state them.
///
/// Deterministic: the same schools, applicants, seed and settings always give the same placements,
/// so anyone holding the published inputs can recompute the draw.
public enum EnrollmentEngine {
    /// Validates, then allocates. Throws `InputErrors` (file "schools"/"applicants", row = index + 2).
    public static func allocate(schools: [EnrollmentSchool], applicants: [Applicant], seed: LotterySeed,
                                settings: EnrollmentSettings = EnrollmentSettings()) throws -> EnrollmentOutcome {
        allocate(try EnrollmentInput(schools: schools, applicants: applicants), seed: seed, settings: settings)
    }

    public static func allocate(_ input: EnrollmentInput, seed: LotterySeed,
                                settings: EnrollmentSettings = EnrollmentSettings()) -> EnrollmentOutcome {
        allocate(input, lottery: Lottery.numbers(for: input.applicants.map(\.id), seed: seed), settings: settings)
    }

    /// The allocation for given lottery numbers (one per applicant, in input order); tests use it
    /// to build ties that HMAC would practically never produce.
    static func allocate(_ input: EnrollmentInput, lottery: [UInt64], settings: EnrollmentSettings) -> EnrollmentOutcome {
        var draw = Draw(input: input, lottery: lottery)
        draw.runPrivatePhase(settings.privateMechanism)
        let overflow = draw.runCatchmentPhase(returnedRankLast: settings.returnedPrivateApplicantsRankLast)
        let coordination = draw.runCoordinatedPhase(overflow: overflow)
        return EnrollmentOutcome(placements: draw.placements(), coordination: coordination)
    }
}

/// The mutable state of one allocation, by applicant and school index.
private struct Draw {
    let input: EnrollmentInput
    let lottery: [UInt64]
    /// Applicant indices by lottery number, ties by applicant id as UTF-8 bytes (rule 1).
    let lotteryOrder: [Int]
    var remainingSeats: [Int]
    var school: [Int]
    var route: [EnrollmentRoute]
    var choiceRank: [Int]

    init(input: EnrollmentInput, lottery: [UInt64]) {
        let applicants = input.applicants
        self.input = input
        self.lottery = lottery
        self.lotteryOrder = Self.order(applicants, by: lottery)
        remainingSeats = input.schools.map(\.capacity)
        school = Array(repeating: -1, count: applicants.count)
        route = Array(repeating: .unplaced, count: applicants.count)
        choiceRank = Array(repeating: 0, count: applicants.count)
    }

    /// Sorts on the numbers alone (fast), then orders any run of equal numbers by id bytes.
    static func order(_ applicants: [Applicant], by lottery: [UInt64]) -> [Int] {
        var entries = lottery.enumerated().map { (number: $0.element, index: $0.offset) }
        entries.sort { $0.number < $1.number }
        var order = entries.map(\.index)
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].number == entries[start].number { end += 1 }
            if end - start > 1 {
                order[start..<end].sort { applicants[$0].id.utf8.lexicographicallyPrecedes(applicants[$1].id.utf8) }
            }
            start = end
        }
        return order
    }

    mutating func admit(_ child: Int, to target: Int, by way: EnrollmentRoute, choice: Int = 0) {
        school[child] = target
        route[child] = way
        choiceRank[child] = choice
        remainingSeats[target] -= 1
    }

    /// Rule 2. Children are visited in lottery order, so each school admits its applicants of a
    /// round by lottery number until its seats run out.
    mutating func runPrivatePhase(_ mechanism: PrivateMechanism) {
        let privateChildren = lotteryOrder.filter { input.applicants[$0].track == .private }
        switch mechanism {
        case .immediate:
            let rounds = privateChildren.map { input.choiceSchools[$0].count }.max() ?? 0
            for round in 0..<rounds {
                for child in privateChildren where school[child] < 0 {
                    let choices = input.choiceSchools[child]
                    if round < choices.count, remainingSeats[choices[round]] > 0 {
                        admit(child, to: choices[round], by: .private, choice: round + 1)
                    }
                }
            }
        case .deferred:
            // Every private school ranks by the same lottery, and with one common priority order
            // student-proposing deferred acceptance ends in the serial dictatorship: in lottery
            // order, each child takes the first choice that still has a seat. (The tests check it
            // against the proposal rounds of deferred acceptance itself.)
            for child in privateChildren {
                let choices = input.choiceSchools[child]
                if let position = choices.firstIndex(where: { remainingSeats[$0] > 0 }) {
                    admit(child, to: choices[position], by: .private, choice: position + 1)
                }
            }
        }
    }

    /// Rule 3. Returns the children the catchment schools could not take, in priority order.
    mutating func runCatchmentPhase(returnedRankLast: Bool) -> [Int] {
        var lotteryRank = [Int](repeating: 0, count: lotteryOrder.count)
        for (rank, child) in lotteryOrder.enumerated() { lotteryRank[child] = rank }
        // One sortable key per child: tier, then (同类排序靠后) back from the private lottery,
        // then more years at the address, then lottery rank in the low 32 bits.
        var keys: [UInt64] = []
        keys.reserveCapacity(lotteryOrder.count)
        for child in input.applicants.indices where school[child] < 0 {
            let applicant = input.applicants[child]
            let returned: UInt64 = returnedRankLast && applicant.track == .private ? 1 : 0
            let years = UInt64(EnrollmentInput.yearsRange.upperBound - applicant.yearsAtAddress)
            let group = (UInt64(applicant.tier) * 2 + returned) * 256 + years
            keys.append(group << 32 | UInt64(lotteryRank[child]))
        }
        keys.sort()
        var overflow: [Int] = []
        for key in keys {
            let child = lotteryOrder[Int(key & 0xFFFF_FFFF)]
            let catchment = input.catchmentSchool[child]
            if remainingSeats[catchment] > 0 {
                admit(child, to: catchment, by: .catchment)
            } else {
                overflow.append(child)
            }
        }
        return overflow
    }

    /// Rule 4 and the rule 6 what-if. Districts share no seats, so they are solved in parallel.
    mutating func runCoordinatedPhase(overflow: [Int]) -> [DistrictCoordination] {
        var childrenByDistrict: [String: [Int]] = [:]
        for child in overflow { childrenByDistrict[input.applicants[child].districtCode, default: []].append(child) }
        var openSchoolsByDistrict: [String: [Int]] = [:]
        for (index, candidate) in input.schools.enumerated()
        where candidate.ownership == .public && remainingSeats[index] > 0 {
            openSchoolsByDistrict[candidate.districtCode, default: []].append(index)
        }
        let schools = input.schools
        let problems = childrenByDistrict.keys.sorted().map { district in
            // Columns in id order, so that the first of equally near schools has the smaller id.
            let columns = (openSchoolsByDistrict[district] ?? []).sorted {
                schools[$0].id.utf8.lexicographicallyPrecedes(schools[$1].id.utf8)
            }
            return CoordinationProblem(district: district, children: childrenByDistrict[district]!,
                                       schools: columns, freeSeats: columns.map { remainingSeats[$0] })
        }
        let input = self.input
        let solutions = problems.concurrentMap { $0.solve(input) }
        for (problem, solution) in zip(problems, solutions) {
            for (child, column) in zip(problem.children, solution.columns) where column >= 0 {
                admit(child, to: problem.schools[column], by: .coordinated)
            }
        }
        return solutions.map(\.summary)
    }

    func placements() -> [Placement] {
        let schoolPoints = input.schools.map { Haversine.Point(latitude: $0.latitude, longitude: $0.longitude) }
        return input.applicants.indices.map { child in
            let applicant = input.applicants[child]
            let target = school[child]
            let distance = target < 0 ? nil : Haversine.metres(
                Haversine.Point(latitude: applicant.latitude, longitude: applicant.longitude), schoolPoints[target])
            return Placement(applicantID: applicant.id, schoolID: target < 0 ? nil : input.schools[target].id,
                             route: route[child], choiceRank: choiceRank[child] == 0 ? nil : choiceRank[child],
                             distanceMetres: distance, lottery: lottery[child])
        }
    }
}

/// One district's children left after the catchment phase (in priority order) and its schools
/// with free seats (in id order).
private struct CoordinationProblem: Sendable {
    let district: String
    let children: [Int]
    let schools: [Int]
    let freeSeats: [Int]

    /// Each child in priority order takes the nearest school with a seat (rule 4); then the
    /// least total distance for the same children and seats (rule 6).
    func solve(_ input: EnrollmentInput) -> (columns: [Int], summary: DistrictCoordination) {
        let distances = DistanceMatrix(children: children.map { input.applicants[$0] }, schools: schools.map { input.schools[$0] })
        var seats = freeSeats
        var columns = [Int](repeating: -1, count: children.count)
        var total = 0
        var placed = 0
        for row in children.indices {
            var best = -1
            for column in seats.indices where seats[column] > 0 {
                // A strict comparison keeps the smaller id on a tie.
                if best < 0 || distances[row, column] < distances[row, best] { best = column }
            }
            guard best >= 0 else { break }   // the district is full: the rest stay unplaced
            columns[row] = best
            seats[best] -= 1
            total += distances[row, best]
            placed += 1
        }
        let optimal = MinCostAssignment(costs: distances, capacities: freeSeats).totalCost
        return (columns, DistrictCoordination(districtCode: district, children: children.count,
                                              freeSeats: freeSeats.reduce(0, +), placed: placed,
                                              totalDistanceMetres: total, optimalTotalDistanceMetres: optimal))
    }
}
/// Rounded metres from each child (row) to each school (column), row-major.
public struct DistanceMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    public private(set) var metres: [Int]

    public init(rows: Int, columns: Int, metres: [Int]) {
        precondition(metres.count == rows * columns)
        self.rows = rows; self.columns = columns; self.metres = metres
    }

    public init(children: [Applicant], schools: [EnrollmentSchool]) {
        let schoolPoints = schools.map { Haversine.Point(latitude: $0.latitude, longitude: $0.longitude) }
        var metres: [Int] = []
        metres.reserveCapacity(children.count * schools.count)
        for child in children {
            let home = Haversine.Point(latitude: child.latitude, longitude: child.longitude)
            for school in schoolPoints { metres.append(Haversine.metres(home, school)) }
        }
        self.init(rows: children.count, columns: schools.count, metres: metres)
    }

    public subscript(row: Int, column: Int) -> Int { metres[row * columns + column] }
}
