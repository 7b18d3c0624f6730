import Foundation

// Plain inputs and outputs of one 中考 admission (entry to senior high school). The command line
// fills them from CSV files, a campaign in the database from its tables; both hand them to
// `ZhongkaoInput` and then `ZhongkaoEngine.admit`. The rules are in docs/zhongkao.md.

/// The admission rounds, run in the order the rules list them.
public enum ZhongkaoRound: String, Sendable, Hashable, Codable, CaseIterable {
    /// 名额分配到区: a high school's seats reserved for the candidates of one district.
    case quotaDistrict = "quota-district"
    /// 名额分配到校: seats reserved for the eligible candidates of one junior school.
    case quotaSchool = "quota-school"
    /// 统一招生: each school's own seats, up to 15 parallel choices (平行志愿).
    case unified

    public var isQuota: Bool { self != .unified }

    /// The candidates.csv column holding this round's choices.
    public var choicesColumn: String {
        switch self {
        case .quotaDistrict: "quota_district_choices"
        case .quotaSchool: "quota_school_choices"
        case .unified: "unified_choices"
        }
    }
}

/// How one round runs.
public struct ZhongkaoRoundRule: Sendable, Hashable, Codable {
    public var round: ZhongkaoRound
    /// 最低投档控制分数线: only candidates whose total is at least this take part (0: everybody).
    public var controlScore: Int
    /// Quota rounds: whether seats left empty are added to the same school's unified seats.
    /// Always false for the unified round itself.
    public var unfilledSeatsToUnified: Bool

    public init(round: ZhongkaoRound, controlScore: Int = 0, unfilledSeatsToUnified: Bool = true) {
        self.round = round
        self.controlScore = controlScore
        self.unfilledSeatsToUnified = round.isQuota && unfilledSeatsToUnified
    }
}

/// The settings of one admission, published with its files.
public struct ZhongkaoRules: Sendable, Hashable {
    /// In the order they run; each round at most once.
    public var rounds: [ZhongkaoRoundRule]
    /// candidates.csv columns that order candidates of equal total, each descending, in this order.
    public var tieBreakColumns: [String]

    public init(rounds: [ZhongkaoRoundRule] = ZhongkaoRules.shanghaiRounds, tieBreakColumns: [String] = []) {
        self.rounds = rounds
        self.tieBreakColumns = tieBreakColumns
    }

    /// Shanghai's order: quotas to districts, quotas to junior schools, then unified admission;
    /// no control score, empty quota seats move to unified.
    public static let shanghaiRounds = ZhongkaoRound.allCases.map { ZhongkaoRoundRule(round: $0) }

    public func rule(for round: ZhongkaoRound) -> ZhongkaoRoundRule? { rounds.first { $0.round == round } }

    /// Scores (totals, tie-break columns, control scores) are whole points in this range.
    public static let scoreRange = 0...10_000
    /// Choices a candidate may name in one round (Shanghai: 15 unified choices).
    public static let maxChoices = 15
    /// Seats of one school in one quota line or in unified admission: far above any real school.
    public static let seatRange = 0...100_000
    /// Tie-break columns: enough for every subject.
    public static let maxTieBreakColumns = 20

    /// Problems with the rules themselves: a round's on its row of rounds.csv (the rules' order),
    /// a tie-break column's on the field `tie-break` where they were given.
    func problems(origin: ZhongkaoOrigin) -> [FieldError] {
        var problems: [FieldError] = []
        func roundProblem(_ index: Int?, _ field: String, _ reason: String) {
            problems.append(FieldError(file: origin.roundsFile, row: index.map { $0 + 2 }, field: field, reason: reason))
        }
        if rounds.isEmpty { roundProblem(nil, "round", "no round to run") }
        var seen = Set<ZhongkaoRound>()
        var unifiedSeen = false
        for (index, rule) in rounds.enumerated() {
            if !seen.insert(rule.round).inserted {
                roundProblem(index, "round", "\(rule.round.rawValue) is listed twice")
            }
            if !Self.scoreRange.contains(rule.controlScore) {
                roundProblem(index, "control_score", "\(rule.controlScore) is outside \(Self.scoreRange.lowerBound)…\(Self.scoreRange.upperBound)")
            }
            if rule.unfilledSeatsToUnified && unifiedSeen {
                roundProblem(index, "unfilled_seats_to_unified",
                             "the unified round comes earlier, so empty seats of \(rule.round.rawValue) cannot move to it; write no")
            }
            if rule.round == .unified { unifiedSeen = true }
        }
        return problems + Self.tieBreakProblems(tieBreakColumns, source: origin.tieBreakSource)
    }

    /// Problems with a list of tie-break columns, on the field `tie-break` of `source`.
    static func tieBreakProblems(_ tieBreakColumns: [String], source: String) -> [FieldError] {
        var problems: [FieldError] = []
        func tieBreakProblem(_ reason: String) {
            problems.append(FieldError(file: source, field: "tie-break", reason: reason))
        }
        if tieBreakColumns.count > Self.maxTieBreakColumns {
            tieBreakProblem("\(tieBreakColumns.count) tie-break columns; at most \(Self.maxTieBreakColumns)")
        }
        var columns = Set<String>()
        for column in tieBreakColumns {
            if column.isEmpty {
                tieBreakProblem("a tie-break column has no name")
            } else if ZhongkaoCSV.candidateColumns.contains(column) {
                tieBreakProblem("\(column) is a column of its own, not a tie-break score")
            } else if !columns.insert(column).inserted {
                tieBreakProblem("\(column) is listed twice")
            }
        }
        return problems
    }
}

/// A senior high school as the engine sees it.
public struct ZhongkaoHighSchool: Sendable, Hashable, Codable {
    /// 学校标识码 or any id unique in the file.
    public var id: String
    public var name: String
    public var district: String
    /// Free text shown in the report (市实验性示范性高中, 特色普通高中, …); may be empty.
    public var kind: String
    /// Seats of the unified round before empty quota seats are added.
    public var unifiedSeats: Int

    public init(id: String, name: String, district: String, kind: String, unifiedSeats: Int) {
        self.id = id; self.name = name; self.district = district; self.kind = kind; self.unifiedSeats = unifiedSeats
    }
}

/// Seats of one high school reserved in a quota round for one district or one junior school.
public struct ZhongkaoQuota: Sendable, Hashable, Codable {
    public var schoolID: String
    /// `quotaDistrict` or `quotaSchool`.
    public var round: ZhongkaoRound
    /// A district code (quota-district) or a junior school id (quota-school).
    public var scope: String
    public var seats: Int

    public init(schoolID: String, round: ZhongkaoRound, scope: String, seats: Int) {
        self.schoolID = schoolID; self.round = round; self.scope = scope; self.seats = seats
    }
}

public struct ZhongkaoCandidate: Sendable, Hashable, Codable {
    /// 中考报名号 or a pseudonym, published with the inputs; the lottery number is derived from it.
    public var id: String
    public var district: String
    public var juniorSchool: String
    /// May take part in quota-school admission (e.g. 学籍 at a non-selective junior school for all junior years).
    public var quotaSchoolEligible: Bool
    public var total: Int
    /// The scores of the rules' tie-break columns, in that order.
    public var tieBreakScores: [Int]
    /// Admitted before these rounds (自主招生 and the like): takes part in none of them.
    public var preAdmitted: Bool
    public var quotaDistrictChoices: [String]
    public var quotaSchoolChoices: [String]
    public var unifiedChoices: [String]

    public init(id: String, district: String, juniorSchool: String, quotaSchoolEligible: Bool, total: Int,
                tieBreakScores: [Int] = [], preAdmitted: Bool = false, quotaDistrictChoices: [String] = [],
                quotaSchoolChoices: [String] = [], unifiedChoices: [String] = []) {
        self.id = id; self.district = district; self.juniorSchool = juniorSchool
        self.quotaSchoolEligible = quotaSchoolEligible; self.total = total; self.tieBreakScores = tieBreakScores
        self.preAdmitted = preAdmitted; self.quotaDistrictChoices = quotaDistrictChoices
        self.quotaSchoolChoices = quotaSchoolChoices; self.unifiedChoices = unifiedChoices
    }

    public func choices(in round: ZhongkaoRound) -> [String] {
        switch round {
        case .quotaDistrict: quotaDistrictChoices
        case .quotaSchool: quotaSchoolChoices
        case .unified: unifiedChoices
        }
    }

    /// The district or junior school whose quota seats the candidate may take in a quota round.
    public func scope(in round: ZhongkaoRound) -> String {
        round == .quotaSchool ? juniorSchool : district
    }
}

/// How a candidate ended: admitted in a round, admitted before (pre-admitted), or not admitted.
public enum ZhongkaoOutcomeRoute: String, Sendable, Hashable, Codable, CaseIterable {
    case quotaDistrict = "quota-district"
    case quotaSchool = "quota-school"
    case unified
    case preAdmitted = "pre-admitted"
    case unadmitted

    init(_ round: ZhongkaoRound) {
        switch round {
        case .quotaDistrict: self = .quotaDistrict
        case .quotaSchool: self = .quotaSchool
        case .unified: self = .unified
        }
    }
}

/// One row of results.csv.
public struct ZhongkaoAdmission: Sendable, Hashable {
    public var candidateID: String
    public var schoolID: String?
    public var route: ZhongkaoOutcomeRoute
    /// 1-based position of the school among the candidate's choices of that round.
    public var choiceRank: Int?
    /// First 8 bytes of HMAC-SHA256(seed, candidate id): the last tie-break, lower first.
    public var lottery: UInt64

    public init(candidateID: String, schoolID: String?, route: ZhongkaoOutcomeRoute, choiceRank: Int?, lottery: UInt64) {
        self.candidateID = candidateID; self.schoolID = schoolID; self.route = route
        self.choiceRank = choiceRank; self.lottery = lottery
    }
}
