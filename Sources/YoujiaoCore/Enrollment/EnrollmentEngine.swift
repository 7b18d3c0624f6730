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
        self.lotteryOrder = applicants.indices.sorted { a, b in
            lottery[a] != lottery[b]
                ? lottery[a] < lottery[b]
                : applicants[a].id.utf8.lexicographicallyPrecedes(applicants[b].id.utf8)
        }
        remainingSeats = input.schools.map(\.capacity)
        school = Array(repeating: -1, count: applicants.count)
        route = Array(repeating: .unplaced, count: applicants.count)
        choiceRank = Array(repeating: 0, count: applicants.count)
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

    /// Rule 4 and the rule 6 what-if, district by district.
    mutating func runCoordinatedPhase(overflow: [Int]) -> [DistrictCoordination] {
        var childrenByDistrict: [String: [Int]] = [:]
        for child in overflow { childrenByDistrict[input.applicants[child].districtCode, default: []].append(child) }
        var openSchoolsByDistrict: [String: [Int]] = [:]
        for (index, candidate) in input.schools.enumerated()
        where candidate.ownership == .public && remainingSeats[index] > 0 {
            openSchoolsByDistrict[candidate.districtCode, default: []].append(index)
        }
        return childrenByDistrict.keys.sorted().map { district in
            place(childrenByDistrict[district]!, at: openSchoolsByDistrict[district] ?? [], district: district)
        }
    }

    /// Each child in priority order takes the nearest school with a seat; ties go to the smaller id.
    private mutating func place(_ children: [Int], at openSchools: [Int], district: String) -> DistrictCoordination {
        let schools = input.schools
        let columns = openSchools.sorted { schools[$0].id.utf8.lexicographicallyPrecedes(schools[$1].id.utf8) }
        let distances = DistanceMatrix(children: children.map { input.applicants[$0] }, schools: columns.map { schools[$0] })
        let freeSeats = columns.map { remainingSeats[$0] }
        var total = 0
        var placed = 0
        for (row, child) in children.enumerated() {
            var best = -1
            for column in columns.indices where remainingSeats[columns[column]] > 0 {
                // Columns are in id order, so a strict comparison keeps the smaller id on a tie.
                if best < 0 || distances[row, column] < distances[row, best] { best = column }
            }
            guard best >= 0 else { break }   // the district is full: the rest stay unplaced
            admit(child, to: columns[best], by: .coordinated)
            total += distances[row, best]
            placed += 1
        }
        let optimal = MinCostAssignment(costs: distances, capacities: freeSeats).totalCost
        return DistrictCoordination(districtCode: district, children: children.count, freeSeats: freeSeats.reduce(0, +),
                                    placed: placed, totalDistanceMetres: total, optimalTotalDistanceMetres: optimal)
    }

    func placements() -> [Placement] {
        input.applicants.indices.map { child in
            let applicant = input.applicants[child]
            let target = school[child]
            let distance = target < 0 ? nil : Haversine.metres(
                latitude: applicant.latitude, longitude: applicant.longitude,
                toLatitude: input.schools[target].latitude, longitude: input.schools[target].longitude)
            return Placement(applicantID: applicant.id, schoolID: target < 0 ? nil : input.schools[target].id,
                             route: route[child], choiceRank: choiceRank[child] == 0 ? nil : choiceRank[child],
                             distanceMetres: distance, lottery: lottery[child])
        }
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
        var metres: [Int] = []
        metres.reserveCapacity(children.count * schools.count)
        for child in children {
            for school in schools {
                metres.append(Haversine.metres(latitude: child.latitude, longitude: child.longitude,
                                               toLatitude: school.latitude, longitude: school.longitude))
            }
        }
        self.init(rows: children.count, columns: schools.count, metres: metres)
    }

    public subscript(row: Int, column: Int) -> Int { metres[row * columns + column] }
}
