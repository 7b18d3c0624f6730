import Foundation

/// report.json: the rules, the counts, and per high school and round the seats, the admitted and
/// the lowest admitted candidate's scores (the published 投档线). Lottery numbers are 16 hex
/// digits, as in results.csv.
public struct ZhongkaoReport: Codable, Sendable, Equatable {
    public struct RoundSetting: Codable, Sendable, Equatable {
        public var round: ZhongkaoRound
        public var controlScore: Int
        public var unfilledSeatsToUnified: Bool
    }

    public struct RouteCounts: Codable, Sendable, Hashable {
        public var quotaDistrict = 0
        public var quotaSchool = 0
        public var unified = 0
        public var preAdmitted = 0
        public var unadmitted = 0

        mutating func count(_ route: ZhongkaoOutcomeRoute) {
            switch route {
            case .quotaDistrict: quotaDistrict += 1
            case .quotaSchool: quotaSchool += 1
            case .unified: unified += 1
            case .preAdmitted: preAdmitted += 1
            case .unadmitted: unadmitted += 1
            }
        }
    }

    /// The scores of the last candidate a school admitted in a round: candidates ranked below
    /// them were not admitted there in that round.
    public struct AdmissionLine: Codable, Sendable, Equatable {
        public var total: Int
        /// In the order of the rules' tie-break columns.
        public var tieBreaks: [Int]
        public var lottery: String
    }

    public struct SchoolRound: Codable, Sendable, Equatable {
        public var round: ZhongkaoRound
        public var seats: Int
        public var admitted: Int
        /// Quota rounds: empty seats added to the school's unified seats (0 when they do not move).
        public var movedToUnified: Int
        /// Absent when nobody was admitted.
        public var lowestAdmitted: AdmissionLine?
    }

    public struct School: Codable, Sendable, Equatable {
        public var schoolId: String
        public var name: String
        public var district: String
        public var kind: String
        /// Every round of the rules, in their order.
        public var rounds: [SchoolRound]
    }

    public var seed: String
    public var tieBreakColumns: [String]
    public var rounds: [RoundSetting]
    public var candidates: Int
    public var routes: RouteCounts
    public var schools: [School]

    public init(input: ZhongkaoInput, outcome: ZhongkaoOutcome, seed: LotterySeed) {
        self.seed = seed.hex
        tieBreakColumns = input.rules.tieBreakColumns
        rounds = input.rules.rounds.map {
            RoundSetting(round: $0.round, controlScore: $0.controlScore, unfilledSeatsToUnified: $0.unfilledSeatsToUnified)
        }
        candidates = input.candidates.count
        var routes = RouteCounts()
        for admission in outcome.admissions { routes.count(admission.route) }
        self.routes = routes
        schools = input.highSchools.enumerated().map { index, school in
            School(schoolId: school.id, name: school.name, district: school.district, kind: school.kind,
                   rounds: outcome.schoolRounds.map { figures in
                       let figure = figures[index]
                       return SchoolRound(round: figure.round, seats: figure.seats, admitted: figure.admitted,
                                          movedToUnified: figure.movedToUnified,
                                          lowestAdmitted: figure.lowestAdmitted.map { candidate in
                                              AdmissionLine(total: input.candidates[candidate].total,
                                                            tieBreaks: input.candidates[candidate].tieBreakScores,
                                                            lottery: Lottery.hex(outcome.admissions[candidate].lottery))
                                          })
                   })
        }
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
