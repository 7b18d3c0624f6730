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
        allocate(input, lottery: Lottery.numbers(count: input.applicants.count, seed: seed) { input.applicants[$0].id },
                 settings: settings)
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

// The lottery order and the priority number of the draw, kept apart from `Draw` so that tests can
// check them against plain sorts.
extension EnrollmentEngine {
    /// Applicant indices by lottery number, ties by id bytes (rule 1). HMAC numbers are spread
    /// evenly: the children are scattered by the top 8 bits of their number into 256 buckets, each
    /// child with its number beside it, and the buckets are sorted by the whole number and the id
    /// on every core. Each pass works on few places at a time that stay in the cache; a country's
    /// two million children in one counting sort of a million buckets missed it at every step.
    static func lotteryOrder(_ applicants: [Applicant], by lottery: [UInt64]) -> [Int] {
        typealias Entry = (number: UInt64, child: Int)
        let bucketCount = 256, shift = UInt64(UInt64.bitWidth - 8)
        var bounds = [Int](repeating: 0, count: bucketCount + 1)
        for number in lottery { bounds[Int(number >> shift) + 1] += 1 }
        for bucket in 0..<bucketCount { bounds[bucket + 1] += bounds[bucket] }
        var entries = [Entry](unsafeUninitializedCapacity: lottery.count) { buffer, initialized in
            var next = bounds
            for (child, number) in lottery.enumerated() {
                let bucket = Int(number >> shift)
                (buffer.baseAddress! + next[bucket]).initialize(to: (number, child))
                next[bucket] += 1
            }
            initialized = lottery.count
        }
        return [Int](unsafeUninitializedCapacity: lottery.count) { order, initialized in
            entries.withUnsafeMutableBufferPointer { entries in
                // The buckets are disjoint ranges of both buffers.
                nonisolated(unsafe) let entries = entries, order = order
                _ = (0..<bucketCount).concurrentChunks { [bounds] buckets in
                    let range = bounds[buckets.lowerBound]..<bounds[buckets.upperBound]
                    for bucket in buckets {
                        var members = UnsafeMutableBufferPointer(rebasing: entries[bounds[bucket]..<bounds[bucket + 1]])
                        members.sort { first, second in
                            first.number != second.number ? first.number < second.number
                                : applicants[first.child].id.utf8.lexicographicallyPrecedes(applicants[second.child].id.utf8)
                        }
                    }
                    for index in range { (order.baseAddress! + index).initialize(to: entries[index].child) }
                }
            }
            initialized = lottery.count
        }
    }

    /// Rule 3's ranking as one number, lower first: tier, then (同类排序靠后) back from the private
    /// lottery, then more years at the address, then the child's position in the lottery order.
    static func priorityKey(_ applicant: Applicant, lotteryPosition: Int, returnedRankLast: Bool) -> UInt64 {
        let tiers = EnrollmentInput.tierRange, years = EnrollmentInput.yearsRange
        let returned = returnedRankLast && applicant.track == .private ? 1 : 0
        let group = ((applicant.tier - tiers.lowerBound) * 2 + returned) * years.count + (years.upperBound - applicant.yearsAtAddress)
        return UInt64(group) << 32 | UInt64(lotteryPosition)
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
        self.lotteryOrder = EnrollmentEngine.lotteryOrder(applicants, by: lottery)
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
        // Read in input order (the applicants are large structs), then filtered in lottery order.
        let privateTrack = input.applicants.map { $0.track == .private }
        let privateChildren = lotteryOrder.filter { privateTrack[$0] }
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
    ///
    /// Schools do not compete in this phase: each admits the waiting children of its zones in
    /// priority order while it has seats. So the waiting children are grouped by school in input
    /// order (sequential reads of the large applicant arrays), each school ranks its own few hundred
    /// on some core, and only the overflow, a tenth of the children, is sorted as a whole.
    mutating func runCatchmentPhase(returnedRankLast: Bool) -> [Int] {
        let applicants = input.applicants, catchmentSchool = input.catchmentSchool
        let lotteryPosition = [Int](unsafeUninitializedCapacity: applicants.count) { positions, initialized in
            nonisolated(unsafe) let positions = positions
            _ = lotteryOrder.indices.concurrentChunks { [lotteryOrder] range in
                for position in range { (positions.baseAddress! + lotteryOrder[position]).initialize(to: position) }
            }
            initialized = applicants.count
        }
        let waiting = school.map { $0 < 0 }
        let keys = applicants.indices.concurrentMap { child in
            waiting[child] ? EnrollmentEngine.priorityKey(applicants[child], lotteryPosition: lotteryPosition[child],
                                                          returnedRankLast: returnedRankLast) : 0
        }
        var bounds = [Int](repeating: 0, count: input.schools.count + 1)
        for child in applicants.indices where waiting[child] { bounds[catchmentSchool[child] + 1] += 1 }
        for index in input.schools.indices { bounds[index + 1] += bounds[index] }
        var members = [(key: UInt64, child: Int)](repeating: (0, 0), count: bounds.last!)
        var next = bounds
        for child in applicants.indices where waiting[child] {
            members[next[catchmentSchool[child]]] = (keys[child], child)
            next[catchmentSchool[child]] += 1
        }
        // Each school's members, admitted children and seats are its own: the chunks of schools
        // write disjoint places. (A catchment place leaves `choiceRank` at 0.)
        let overflowChunks = members.withUnsafeMutableBufferPointer { members in
            school.withUnsafeMutableBufferPointer { school in
                route.withUnsafeMutableBufferPointer { route in
                    remainingSeats.withUnsafeMutableBufferPointer { seats in
                        nonisolated(unsafe) let members = members, school = school, route = route, seats = seats
                        return input.schools.indices.concurrentChunks { [bounds] schools in
                            var overflow: [(key: UInt64, child: Int)] = []
                            for target in schools {
                                var candidates = UnsafeMutableBufferPointer(rebasing: members[bounds[target]..<bounds[target + 1]])
                                candidates.sort { $0.key < $1.key }
                                let admitted = min(candidates.count, max(seats[target], 0))
                                for (_, child) in candidates.prefix(admitted) {
                                    school[child] = target
                                    route[child] = .catchment
                                }
                                seats[target] -= admitted
                                overflow += candidates.dropFirst(admitted)
                            }
                            return overflow
                        }
                    }
                }
            }
        }
        return overflowChunks.joined().sorted { $0.key < $1.key }.map(\.child)
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

    /// Independent per child (a distance each), so spread over the cores.
    func placements() -> [Placement] {
        let schoolPoints = input.schools.map { Haversine.Point(latitude: $0.latitude, longitude: $0.longitude) }
        let applicants = input.applicants
        return applicants.indices.concurrentMap { child in
            // Fields read one by one: copying the whole Applicant would retain and release its strings.
            let target = school[child]
            let distance = target < 0 ? nil : Haversine.metres(
                Haversine.Point(latitude: applicants[child].latitude, longitude: applicants[child].longitude), schoolPoints[target])
            return Placement(applicantID: applicants[child].id, schoolID: target < 0 ? nil : input.schools[target].id,
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
    /// least total distance for the children so placed, on the same seats (rule 6).
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
        // Rule 6 compares like with like: the children priority placed, on the same seats. They are
        // the first `placed` rows (the district fills up only at its last seat). Given every left
        // child, the min-cost flow would seat the nearest ones instead, a total over other children.
        let optimal = MinCostAssignment(costs: distances.firstRows(placed), capacities: freeSeats).totalCost
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

    /// The matrix of the first `count` rows.
    func firstRows(_ count: Int) -> DistanceMatrix {
        DistanceMatrix(rows: count, columns: columns, metres: Array(metres.prefix(count * columns)))
    }
}
