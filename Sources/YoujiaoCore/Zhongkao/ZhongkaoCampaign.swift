import Crypto
import Foundation

// A year's 中考 admission as the city runs it: while it is open the high schools set their quota
// seats; then, as for school entry, the list is frozen and hashed, a public beacon and a notary's
// secret make the seed, the admission is computed from the published files, and published.

public struct ZhongkaoCampaign: Sendable, Hashable, PublicDraw {
    public var id: String
    /// The school year the candidates enter senior high (2027 = 2027–28).
    public var year: Int
    public var status: CampaignStatus
    /// Rounds in order with their control scores, and the tie-break columns.
    public var rules: ZhongkaoRules
    public var listHash: String?
    /// The public random value's source and round as published.
    public var beaconRound: String
    public var beaconSourceID: String?
    public var beaconRoundNumber: Int64?
    public var frozenAt: Date?
    public var beaconValue: String?
    public var notaryCommitment: String
    public var notarySecret: String?
    /// The derived seed (64 hex digits), set by the draw.
    public var seed: String?

    public init(id: String, year: Int, status: CampaignStatus = .draft, rules: ZhongkaoRules, listHash: String? = nil,
                beaconRound: String, beaconSourceID: String? = nil, beaconRoundNumber: Int64? = nil, frozenAt: Date? = nil,
                beaconValue: String? = nil, notaryCommitment: String, notarySecret: String? = nil, seed: String? = nil) {
        self.id = id; self.year = year; self.status = status; self.rules = rules; self.listHash = listHash
        self.beaconRound = beaconRound; self.beaconSourceID = beaconSourceID; self.beaconRoundNumber = beaconRoundNumber
        self.frozenAt = frozenAt; self.beaconValue = beaconValue; self.notaryCommitment = notaryCommitment
        self.notarySecret = notarySecret; self.seed = seed
    }

    /// While a 中考 campaign is open the high schools set their quotas; there is no registration window.
    public static func words(for status: CampaignStatus) -> (zh: String, en: String) {
        switch status {
        case .draft: ("草稿", "Draft")
        case .open: ("名额分配编制中", "Quotas being set")
        case .frozen: ("名单已冻结", "List frozen")
        case .drawn: ("已录取（待发布）", "Admitted (not yet published)")
        case .published: ("录取结果已发布", "Results published")
        }
    }

    /// Shanghai's tie-break order as default data: 语数外 together, then 数学, then 语文.
    public static let shanghaiTieBreakColumns = ["chinese_math_english", "math", "chinese"]
    /// Shanghai's full marks (the demo's scores are out of this).
    public static let shanghaiFullMarks = 750
    public static let yearRange = 2000...2100
}

/// A senior high school in a campaign: its whole grade-10 plan comes from the registry; the
/// quotas are carved out of it and the rest is admitted in the unified round.
public struct ZhongkaoPlanLine: Sendable, Hashable {
    public var schoolID: String
    public var name: String
    public var district: String
    /// 市实验性示范性高中, 特色普通高中, …: shown, not used by the rules.
    public var kind: String
    public var planSeats: Int

    public init(schoolID: String, name: String, district: String, kind: String, planSeats: Int) {
        self.schoolID = schoolID; self.name = name; self.district = district; self.kind = kind; self.planSeats = planSeats
    }
}

/// The checks on a high school's quota table as its staff save it.
public enum ZhongkaoQuotaCheck {
    /// `seats` are the school's quota lines in the order of the form. Refuses a line outside the
    /// range (field `seats-<index>`) and a total above the school's plan.
    public static func check(planSeats: Int, seats: [Int]) throws(CampaignProblem) {
        for (index, count) in seats.enumerated() where !ZhongkaoRules.seatRange.contains(count) {
            throw CampaignProblem("seats-\(index)", zh: "名额须为 0 至 \(ZhongkaoRules.seatRange.upperBound) 之间的整数。",
                                  en: "Quota seats must be a whole number from 0 to \(ZhongkaoRules.seatRange.upperBound).")
        }
        // Each term is at most 100,000 and a school has at most a few thousand lines: no overflow.
        let total = seats.reduce(0, +)
        guard total <= planSeats else {
            throw CampaignProblem("seats", zh: "名额分配合计 \(total) 个，超过该校招生计划 \(planSeats) 个。",
                                  en: "The quotas add up to \(total) seats, more than the school's plan of \(planSeats).")
        }
    }
}

/// The files a campaign publishes at freezing, exactly as `youjiao zhongkao run` and verify.py read them.
public enum ZhongkaoCampaignFiles {
    public static let names = ["high-schools.csv", "quotas.csv", "candidates.csv", "rounds.csv"]

    /// Unified seats are each school's plan less its quota seats (never below zero).
    public static func highSchoolsDocument(_ lines: [ZhongkaoPlanLine], quotas: [ZhongkaoQuota]) -> String {
        var quotaSeats: [String: Int] = [:]
        for quota in quotas { quotaSeats[quota.schoolID, default: 0] += quota.seats }
        return CSVWriter.document(header: ZhongkaoCSV.highSchoolColumns, rows: lines.map { line in
            [line.schoolID, line.name, line.district, line.kind, String(max(0, line.planSeats - quotaSeats[line.schoolID, default: 0]))]
        })
    }

    public static func quotasDocument(_ quotas: [ZhongkaoQuota]) -> String {
        CSVWriter.document(header: ZhongkaoCSV.quotaColumns, rows: quotas.map { [$0.schoolID, $0.round.rawValue, $0.scope, String($0.seats)] })
    }

    public static func roundsDocument(_ rules: ZhongkaoRules) -> String {
        CSVWriter.document(header: ZhongkaoCSV.roundColumns, rows: rules.rounds.map { rule in
            [rule.round.rawValue, String(rule.controlScore), rule.round.isQuota ? (rule.unfilledSeatsToUnified ? "yes" : "no") : ""]
        })
    }

    /// The four published documents by file name.
    public static func documents(lines: [ZhongkaoPlanLine], quotas: [ZhongkaoQuota], candidates: [ZhongkaoCandidate],
                                 rules: ZhongkaoRules) -> [String: String] {
        ["high-schools.csv": highSchoolsDocument(lines, quotas: quotas), "quotas.csv": quotasDocument(quotas),
         "candidates.csv": ZhongkaoCSV.canonicalCandidateList(candidates, tieBreakColumns: rules.tieBreakColumns),
         "rounds.csv": roundsDocument(rules)]
    }

    /// SHA-256 (hex) of the canonical candidate list: the campaign's list hash.
    public static func listHash(_ candidatesDocument: String) -> String {
        Hex.lowercase(SHA256.hash(data: Array(candidatesDocument.utf8)))
    }

    /// The admission computed from the published documents, validated as the command line does.
    public static func compute(documents: [String: String], seed: LotterySeed, tieBreakColumns: [String]) throws -> ZhongkaoJob.Output {
        func table(_ name: String) throws -> CSVTable {
            try CSVTable.parse(text: documents[name] ?? "", fileName: name, limits: ZhongkaoCSV.limits)
        }
        let roundsTable = try table("rounds.csv")
        let rules = ZhongkaoRules(rounds: try ZhongkaoCSV.rounds(from: roundsTable), tieBreakColumns: tieBreakColumns)
        let input = try ZhongkaoCSV.input(highSchools: table("high-schools.csv"), quotas: table("quotas.csv"),
                                          candidates: table("candidates.csv"), rules: rules, roundsFile: "rounds.csv")
        let outcome = ZhongkaoEngine.admit(input, seed: seed)
        return ZhongkaoJob.Output(input: input, outcome: outcome, report: ZhongkaoReport(input: input, outcome: outcome, seed: seed))
    }
}

/// Who may do what with a 中考 campaign. The city runs it; district bureaus read their
/// districts' candidates and quotas; a high school sets its own quotas while it is open and a
/// junior school reads its own candidates.
public enum ZhongkaoAccess {
    public static func canSee(_ scope: AccessScope, _ campaign: ZhongkaoCampaign) -> Bool {
        switch scope.role {
        case .cityAdmin: true
        case .districtAdmin, .schoolAdmin: campaign.status != .draft
        case .teacher, .guardian: false
        }
    }

    /// Create, freeze, draw, publish, and edit every school's quotas.
    public static func canManage(_ scope: AccessScope) -> Bool { scope.role == .cityAdmin }

    /// A school's quota lines change only while the campaign is open, by the city or the school itself.
    public static func canEditQuotas(_ scope: AccessScope, _ campaign: ZhongkaoCampaign, schoolID: String) -> Bool {
        campaign.status == .open && mayEditQuotas(scope, schoolID: schoolID)
    }

    /// Whose quota lines a viewer may ever edit: every school's for the city, its own for a school.
    public static func mayEditQuotas(_ scope: AccessScope, schoolID: String) -> Bool {
        scope.role == .cityAdmin || (scope.role == .schoolAdmin && scope.schoolID == schoolID)
    }

    /// The high schools whose quota lines a viewer reads: all (nil), a district's, or one school's.
    public static func quotaSchools(_ scope: AccessScope) -> (district: String?, school: String?) {
        switch scope.role {
        // Teachers and guardians never pass `canSee`.
        case .cityAdmin, .teacher, .guardian: (nil, nil)
        case .districtAdmin: (scope.districtCode, nil)
        case .schoolAdmin: (nil, scope.schoolID)
        }
    }

    /// The candidates a viewer lists: the whole city, a district's, or a junior school's; nil: none.
    public static func candidateFilter(_ scope: AccessScope) -> (district: String?, juniorSchool: String?)? {
        switch scope.role {
        case .cityAdmin: (nil, nil)
        case .districtAdmin: scope.districtCode.map { ($0, nil) }
        case .schoolAdmin: scope.schoolID.map { (nil, $0) }
        case .teacher, .guardian: nil
        }
    }
}

/// The sentence a candidate's family reads with the result.
public struct ZhongkaoResultReason: Sendable, Equatable {
    public var zh: String
    public var en: String

    public static func roundName(_ round: ZhongkaoRound) -> (zh: String, en: String) {
        switch round {
        case .quotaDistrict: ("名额分配到区", "district quota")
        case .quotaSchool: ("名额分配到校", "school quota")
        case .unified: ("统一招生", "unified admission")
        }
    }

    /// - Parameters:
    ///   - line: the lowest admitted total of the school in that round (its 投档线).
    public init(route: ZhongkaoOutcomeRoute, choiceRank: Int?, schoolName: String?, line: Int?) {
        let school = schoolName ?? ""
        let round: ZhongkaoRound? = switch route {
        case .quotaDistrict: .quotaDistrict
        case .quotaSchool: .quotaSchool
        case .unified: .unified
        case .preAdmitted, .unadmitted: nil
        }
        if let round {
            let name = Self.roundName(round)
            let rank = choiceRank ?? 1
            let cut = line.map { ("，投档线 \($0) 分", ", admission line \($0) points") } ?? ("", "")
            zh = "\(school)：第 \(rank) 志愿，\(name.zh)录取\(cut.0)。"
            en = "\(school): choice \(rank), admitted by \(name.en)\(cut.1)."
        } else if route == .preAdmitted {
            zh = "已在本次录取前被提前录取（如自主招生），不参加名额分配和统一招生。"
            en = "Admitted before these rounds (e.g. by a school's own selection): not part of the quota and unified rounds."
        } else {
            zh = "所填志愿均未录取：各志愿学校已按分数从高到低录满，或总分低于控制分数线。请留意征求志愿通知。"
            en = "Not admitted by any choice: each chosen school filled its seats in score order first, or the total was below the control score. Watch for the call for further choices."
        }
    }
}

extension ZhongkaoJob.Output {
    /// Per candidate (input order), the admission line of the seats that admitted them: the lowest
    /// total the same school admitted in the same round for the same district or junior school
    /// (unified: the school's whole round). nil when not admitted in a round.
    public func admissionLines() -> [Int?] {
        struct Pool: Hashable { var school: String; var route: ZhongkaoOutcomeRoute; var scope: String }
        func pool(_ index: Int) -> Pool? {
            let admission = outcome.admissions[index]
            guard let school = admission.schoolID else { return nil }
            let candidate = input.candidates[index]
            let scope = switch admission.route {
            case .quotaDistrict: candidate.district
            case .quotaSchool: candidate.juniorSchool
            default: ""
            }
            return Pool(school: school, route: admission.route, scope: scope)
        }
        var lowest: [Pool: Int] = [:]
        for index in input.candidates.indices {
            guard let pool = pool(index) else { continue }
            lowest[pool] = min(lowest[pool] ?? Int.max, input.candidates[index].total)
        }
        return input.candidates.indices.map { pool($0).flatMap { lowest[$0] } }
    }
}

extension ZhongkaoCampaign {
    /// A new campaign from the city's form, with Shanghai's rounds and tie-breaks as default data;
    /// refuses a field with a sentence for the form.
    public static func proposed(year yearText: String, beaconSource: String, beaconRound: String, notaryCommitment: String,
                                now: Date) throws(CampaignProblem) -> ZhongkaoCampaign {
        guard let year = Int(yearText), yearRange.contains(year) else {
            throw CampaignProblem("year", zh: "请填写升入高中的年份（如 2027）。", en: "Enter the year candidates enter senior high, e.g. 2027.")
        }
        guard let source = BeaconSource.named(beaconSource) else {
            throw CampaignProblem("beacon_source", zh: "请选择公开随机数来源。", en: "Choose the public randomness beacon.")
        }
        guard let round = Int64(beaconRound), BeaconSource.rounds.contains(round), let time = source.time(ofRound: round) else {
            throw CampaignProblem("beacon_round", zh: "轮次须为正整数。", en: "The round is a positive whole number.")
        }
        guard time > now else {
            throw CampaignProblem("beacon_round", zh: "该轮次已于 \(time.beijingMinute)（北京时间）产生，请选择今后的轮次。",
                                  en: "That round was published at \(time.beijingMinute) Beijing time: choose a future round.")
        }
        let commitment = notaryCommitment.lowercased()
        guard commitment.count == 64, commitment.allSatisfy(\.isHexDigit) else {
            throw CampaignProblem("notary_commitment", zh: "公证密钥哈希须为 64 位十六进制数（SHA-256）。", en: "The notary commitment is 64 hex digits (SHA-256).")
        }
        return ZhongkaoCampaign(id: "zhongkao-\(year)", year: year, status: .draft,
                                rules: ZhongkaoRules(rounds: ZhongkaoRules.shanghaiRounds, tieBreakColumns: shanghaiTieBreakColumns),
                                beaconRound: source.roundDescription(round).zh, beaconSourceID: source.id, beaconRoundNumber: round,
                                notaryCommitment: commitment)
    }
}
