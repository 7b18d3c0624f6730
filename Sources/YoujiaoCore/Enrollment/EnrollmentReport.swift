import Foundation

/// report.json: what a district reviews before publishing, and what the public page shows.
/// Lottery numbers are 16 hex digits (as in results.csv): JSON numbers lose precision above 2^53.
public struct EnrollmentReport: Codable, Sendable, Equatable {
    public struct RouteCounts: Codable, Sendable, Equatable {
        public var `private` = 0
        public var catchment = 0
        public var coordinated = 0
        public var unplaced = 0

        mutating func count(_ route: EnrollmentRoute) {
            switch route {
            case .private: `private` += 1
            case .catchment: catchment += 1
            case .coordinated: coordinated += 1
            case .unplaced: unplaced += 1
            }
        }
    }

    public struct DistrictSummary: Codable, Sendable, Equatable {
        public var district: String
        public var applicants: Int
        public var routes: RouteCounts
        /// Seats left at the district's public schools after the catchment phase.
        public var freeSeatsAfterCatchment: Int
        public var totalDistanceM: Int
        public var optimalTotalDistanceM: Int
    }

    public struct SchoolSummary: Codable, Sendable, Equatable {
        public var schoolId: String
        public var district: String
        public var ownership: Ownership
        public var seats: Int
        /// Private: children who applied in some round; public: children of its zones in the catchment phase.
        public var applicants: Int
        public var admitted: Int
        public var lowestAdmittedLottery: String?
        /// The cut-off of a school that filled by lottery: the last number it admitted.
        public var highestAdmittedLottery: String?
    }

    public struct CoordinatedSummary: Codable, Sendable, Equatable {
        /// Children the catchment schools could not take.
        public var children: Int
        public var placed: Int
        public var totalDistanceM: Int
        /// Least total distance for the same placed children on the same free seats (rule 6).
        public var optimalTotalDistanceM: Int
        public var meanDistanceM: Double
        public var maxDistanceM: Int
    }

    public var seed: String
    public var privateMechanism: PrivateMechanism
    public var returnedPrivateApplicantsRankLast: Bool
    public var applicants: Int
    public var routes: RouteCounts
    public var districts: [DistrictSummary]
    public var schools: [SchoolSummary]
    public var coordinated: CoordinatedSummary
    /// Children back from the private lottery who did not get their catchment school.
    public var returnedWithoutCatchment: [String]

    public init(input: EnrollmentInput, outcome: EnrollmentOutcome, seed: LotterySeed, settings: EnrollmentSettings) {
        let schools = input.schools
        var routes = RouteCounts()
        // Districts numbered as met (`StringIndex`): two million applicants, a few hundred districts.
        var districtNumbers = StringIndex()
        var districtRoutes: [RouteCounts] = []
        var districtApplicants: [Int] = []
        var schoolApplicants = [Int](repeating: 0, count: schools.count)
        var admitted = [Int](repeating: 0, count: schools.count)
        var catchmentAdmitted = [Int](repeating: 0, count: schools.count)
        var lowest = [UInt64?](repeating: nil, count: schools.count)
        var highest = [UInt64?](repeating: nil, count: schools.count)
        var returnedWithoutCatchment: [String] = []
        var coordinatedMetres: [Int] = []
        for (child, placement) in outcome.placements.enumerated() {
            let applicant = input.applicants[child]
            routes.count(placement.route)
            let (newDistrict, district) = districtNumbers.insert(applicant.districtCode)
            if newDistrict {
                districtRoutes.append(RouteCounts())
                districtApplicants.append(0)
            }
            districtRoutes[district].count(placement.route)
            districtApplicants[district] += 1
            // A child applies to private choices up to the one that admitted them (all if none did).
            let privateApplications = placement.route == .private ? placement.choiceRank! : input.choiceSchools[child].count
            for school in input.choiceSchools[child].prefix(privateApplications) { schoolApplicants[school] += 1 }
            if placement.route != .private {
                schoolApplicants[input.catchmentSchool[child]] += 1
                if applicant.track == .private && placement.route != .catchment {
                    returnedWithoutCatchment.append(applicant.id)
                }
            }
            if placement.route == .coordinated, let metres = placement.distanceMetres { coordinatedMetres.append(metres) }
            // The school of a private or catchment place is known by index; only 统筹 needs the id looked up.
            let school: Int? = switch placement.route {
            case .private: input.choiceSchools[child][placement.choiceRank! - 1]
            case .catchment: input.catchmentSchool[child]
            case .coordinated: placement.schoolID.flatMap(input.schoolIndex(of:))
            case .unplaced: nil
            }
            if let school {
                admitted[school] += 1
                if placement.route == .catchment { catchmentAdmitted[school] += 1 }
                lowest[school] = min(lowest[school] ?? .max, placement.lottery)
                highest[school] = max(highest[school] ?? 0, placement.lottery)
            }
        }
        let coordination = Dictionary(uniqueKeysWithValues: outcome.coordination.map { ($0.districtCode, $0) })
        self.seed = seed.hex
        privateMechanism = settings.privateMechanism
        returnedPrivateApplicantsRankLast = settings.returnedPrivateApplicantsRankLast
        applicants = input.applicants.count
        self.routes = routes
        var freeSeats: [String: Int] = [:]
        for (index, school) in schools.enumerated() where school.ownership == .public {
            freeSeats[school.districtCode, default: 0] += school.capacity - catchmentAdmitted[index]
        }
        districts = districtNumbers.keys.indices.sorted { districtNumbers.keys[$0] < districtNumbers.keys[$1] }.map { number in
            let district = districtNumbers.keys[number]
            return DistrictSummary(district: district, applicants: districtApplicants[number], routes: districtRoutes[number],
                                   freeSeatsAfterCatchment: freeSeats[district] ?? 0,
                                   totalDistanceM: coordination[district]?.totalDistanceMetres ?? 0,
                                   optimalTotalDistanceM: coordination[district]?.optimalTotalDistanceMetres ?? 0)
        }
        self.schools = schools.indices.map { index in
            SchoolSummary(schoolId: schools[index].id, district: schools[index].districtCode,
                          ownership: schools[index].ownership, seats: schools[index].capacity,
                          applicants: schoolApplicants[index], admitted: admitted[index],
                          lowestAdmittedLottery: lowest[index].map(Lottery.hex),
                          highestAdmittedLottery: highest[index].map(Lottery.hex))
        }
        let placedTotal = coordinatedMetres.reduce(0, +)
        coordinated = CoordinatedSummary(
            children: outcome.coordination.reduce(0) { $0 + $1.children },
            placed: coordinatedMetres.count,
            totalDistanceM: placedTotal,
            optimalTotalDistanceM: outcome.coordination.reduce(0) { $0 + $1.optimalTotalDistanceMetres },
            meanDistanceM: coordinatedMetres.isEmpty ? 0 : (Double(placedTotal) / Double(coordinatedMetres.count) * 10).rounded() / 10,
            maxDistanceM: coordinatedMetres.max() ?? 0)
        self.returnedWithoutCatchment = returnedWithoutCatchment
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads what `json()` wrote.
    public static func decode(_ data: Data) throws -> EnrollmentReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(EnrollmentReport.self, from: data)
    }
}
