import Crypto
import Foundation

// The rules of an enrollment campaign around the engine: its life cycle, who may apply, what a
// family may ask for, how the seed is derived, and the sentence that explains a placement.

/// draft → open → frozen → drawn → published; each step only forwards.
public enum CampaignStatus: String, Sendable, Codable, CaseIterable {
    case draft, open, frozen, drawn, published

    /// The status as pages and messages name it.
    public var words: (zh: String, en: String) {
        switch self {
        case .draft: return ("草稿", "Draft")
        case .open: return ("报名中", "Registration open")
        case .frozen: return ("名单已冻结", "List frozen")
        case .drawn: return ("已派位（待发布）", "Drawn (not yet published)")
        case .published: return ("结果已发布", "Published")
        }
    }
}

/// A refused form field, in both languages.
public struct CampaignProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var zh: String
    public var en: String
    public init(_ field: String, zh: String, en: String) { self.field = field; self.zh = zh; self.en = en }
    public var description: String { "field \(field): \(en)" }
}

public struct Campaign: Sendable, Hashable, Codable, PublicDraw {
    public var id: String
    /// The school year the children enter (2026 = 2026–27).
    public var year: Int
    /// K1, 1 or 6.
    public var grade: Grade
    /// nil: a city-wide campaign (city admins run it).
    public var districtCode: String?
    public var opensOn: CaseDate
    public var closesOn: CaseDate
    public var status: CampaignStatus
    /// SHA-256 of the canonical frozen applicant list, published at freezing.
    public var listHash: String?
    /// The public random value's source and round as published (e.g. "drand quicknet 第 12345678 轮").
    public var beaconRound: String
    /// The beacon (`BeaconSource.known`) and round named in advance: the draw checks that this
    /// round comes after the freeze. nil only for campaigns stored before rounds were checked.
    public var beaconSourceID: String?
    public var beaconRoundNumber: Int64?
    /// When the list was frozen (nil before).
    public var frozenAt: Date?
    public var beaconValue: String?
    /// SHA-256 (hex) of the notary's secret, recorded when the campaign is created.
    public var notaryCommitment: String
    public var notarySecret: String?
    /// The derived seed (64 hex digits), set by the draw.
    public var seed: String?

    public init(id: String, year: Int, grade: Grade, districtCode: String?, opensOn: CaseDate, closesOn: CaseDate,
                status: CampaignStatus = .draft, listHash: String? = nil, beaconRound: String, beaconSourceID: String? = nil,
                beaconRoundNumber: Int64? = nil, frozenAt: Date? = nil, beaconValue: String? = nil,
                notaryCommitment: String, notarySecret: String? = nil, seed: String? = nil) {
        self.id = id; self.year = year; self.grade = grade; self.districtCode = districtCode; self.opensOn = opensOn
        self.closesOn = closesOn; self.status = status; self.listHash = listHash; self.beaconRound = beaconRound
        self.beaconSourceID = beaconSourceID; self.beaconRoundNumber = beaconRoundNumber; self.frozenAt = frozenAt
        self.beaconValue = beaconValue; self.notaryCommitment = notaryCommitment; self.notarySecret = notarySecret; self.seed = seed
    }

    /// Entry grades a campaign may be run for.
    public static let entryGrades: [Grade] = [.k1, .g1, .g6]

    /// Families may register or change an application: the campaign is open and today is in the window.
    public func acceptsApplications(on day: CaseDate) -> Bool {
        status == .open && opensOn <= day && day <= closesOn
    }

    /// The stage whose schools admit in this campaign.
    public var stage: Stage { grade.stage }

    /// The children born in this span enter `grade` in `year`: grade 1 in year t takes children born
    /// 1 Sep t−7 … 31 Aug t−6 (six by 31 August), K1 those born 1 Sep t−4 … 31 Aug t−3.
    /// Grade 6 has no birth span: it takes the pupils now in grade 5.
    public static func birthSpan(grade: Grade, year: Int) -> ClosedRange<CaseDate>? {
        let age: Int
        switch grade {
        case .g1: age = 6
        case .k1: age = 3
        default: return nil
        }
        return CaseDate(year: year - age - 1, month: 9, day: 1)...CaseDate(year: year - age, month: 8, day: 31)
    }

    /// Refuses a child who may not enter this campaign's grade.
    public func checkEligible(birthDate: CaseDate, currentGrade: Grade?) throws(CampaignProblem) {
        if let span = Self.birthSpan(grade: grade, year: year) {
            guard span.contains(birthDate) else {
                throw CampaignProblem("student", zh: "该儿童出生于 \(birthDate)，不在本次招生的适龄范围（\(span.lowerBound) 至 \(span.upperBound)）内。",
                                      en: "born \(birthDate), outside the eligible span \(span.lowerBound) – \(span.upperBound)")
            }
        } else if grade == .g6, currentGrade != .g5 {
            throw CampaignProblem("student", zh: "只有五年级在读学生可以报名初中入学。", en: "only pupils now in grade 5 may apply for grade 6")
        }
    }
}

/// What a family asks for; `validate` checks it against the campaign's schools.
public struct ApplicationChoice: Sendable, Hashable, Codable {
    public var track: EnrollmentTrack
    public var choices: [String]
    /// 1 = 人户一致, higher = later priority.
    public var tier: Int
    public var yearsAtAddress: Int
    public var zone: String

    public init(track: EnrollmentTrack, choices: [String], tier: Int, yearsAtAddress: Int, zone: String) {
        self.track = track; self.choices = choices; self.tier = tier; self.yearsAtAddress = yearsAtAddress; self.zone = zone
    }

    /// Shanghai: a first choice and one 调剂 choice.
    public static let maximumChoices = 2
    public static let tiers = 1...4

    /// - Parameters:
    ///   - schools: the campaign's schools (those a child may name are private ones of the
    ///     child's district, or boarding private schools).
    ///   - zones: the zones of the campaign's scope.
    public func validate(district: String, schools: [EnrollmentSchool], zones: Set<String>) throws(CampaignProblem) {
        guard zones.contains(zone) else {
            throw CampaignProblem("zone", zh: "请选择本次招生范围内的施教区。", en: "choose a catchment zone of this campaign")
        }
        guard Self.tiers.contains(tier) else {
            throw CampaignProblem("tier", zh: "类别须为 1–4。", en: "tier must be 1–4")
        }
        guard EnrollmentInput.yearsRange.contains(yearsAtAddress) else {
            throw CampaignProblem("years", zh: "居住年限须为 0–150 的整数。", en: "years at the address must be 0–150")
        }
        switch track {
        case .public:
            guard choices.isEmpty else {
                throw CampaignProblem("choices", zh: "选择公办学校的家庭不能同时填报民办学校（二选一）。", en: "a public-track family names no private school")
            }
        case .private:
            guard !choices.isEmpty else {
                throw CampaignProblem("choices", zh: "报名民办学校须至少填报一所学校。", en: "name at least one private school")
            }
            guard choices.count <= Self.maximumChoices else {
                throw CampaignProblem("choices", zh: "最多填报两个志愿（第一志愿和一个调剂志愿）。", en: "at most two choices")
            }
            guard Set(choices).count == choices.count else {
                throw CampaignProblem("choices", zh: "同一所学校不能填报两次。", en: "the same school twice")
            }
            let byID = Dictionary(schools.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for choice in choices {
                guard let school = byID[choice] else {
                    throw CampaignProblem("choices", zh: "学校 \(choice) 不在本次招生的学校名单中。", en: "\(choice) is not a school of this campaign")
                }
                guard school.ownership == .private else {
                    throw CampaignProblem("choices", zh: "\(school.name) 是公办学校，不能作为民办志愿填报。", en: "\(school.name) is a public school, not a private choice")
                }
                guard school.districtCode == district || school.boarding else {
                    throw CampaignProblem("choices", zh: "\(school.name) 是外区非寄宿制民办学校，不能填报。",
                                          en: "\(school.name) is a non-boarding private school of another district")
                }
            }
        }
    }
}

/// The campaign seed, derived so that nobody can steer it and anybody can recompute it.
public enum CampaignSeed {
    /// SHA-256 of the UTF-8 bytes of the beacon value, the notary's secret and the list hash (hex), in that order.
    public static func derive(beaconValue: String, notarySecret: String, listHash: String) -> LotterySeed {
        // 32 hash bytes are always 64 valid hex digits.
        try! LotterySeed(hex: Hex.lowercase(SHA256.hash(data: Array((beaconValue + notarySecret + listHash).utf8))))
    }

    /// What the notary hands over before registration: SHA-256 (hex) of their secret.
    public static func commitment(secret: String) -> String { Hex.lowercase(SHA256.hash(data: Array(secret.utf8))) }

}

/// The one sentence a family reads with its result.
public struct PlacementReason: Sendable, Equatable {
    public var zh: String
    public var en: String

    /// - Parameters:
    ///   - grade: the campaign's entry grade (K1 speaks of kindergartens and 入园).
    ///   - schoolName: the placed school's name.
    ///   - cutoff: the last (highest) lottery number the placed school admitted.
    ///   - catchmentSchoolName: the public school of the child's zone.
    public init(placement: Placement, grade: Grade, track: EnrollmentTrack, schoolName: String?, cutoff: UInt64?, catchmentSchoolName: String) {
        let number = Lottery.hex(placement.lottery)
        let school = schoolName ?? ""
        let kindergarten = grade == .k1
        let noun = kindergarten ? ("幼儿园", "kindergarten") : ("学校", "school")
        let entry = kindergarten ? "入园" : "入学"
        switch placement.route {
        case .private:
            let cut = cutoff.map(Lottery.hex) ?? number
            let choice = placement.choiceRank == 1 ? ("第一志愿", "first choice") : ("调剂志愿", "adjustment choice")
            zh = "电脑派位录取（\(choice.0)）：\(school)，您的号码 \(number)，该\(kindergarten ? "园" : "校")最后录取号码 \(cut)。"
            en = "Admitted by lottery (\(choice.1)) to \(school): your number \(number), the \(noun.1)'s last admitted number \(cut)."
        case .catchment:
            let back = track == .private ? ("民办未录取，", "Not admitted by the private \(noun.1)s; ") : ("", "")
            zh = "\(back.0)按施教区对口\(entry)：\(school)。"
            en = "\(back.1)admitted to your catchment \(noun.1) \(school)."
        case .coordinated:
            let metres = placement.distanceMetres ?? 0
            zh = "施教区\(noun.0) \(catchmentSchoolName) 在您的优先级已满额，统筹安排至最近有空余学位的\(noun.0) \(school)（约 \(metres) 米）。"
            en = "Your catchment \(noun.1) \(catchmentSchoolName) was full at your priority; placed at the nearest \(noun.1) with a seat, \(school) (about \(metres) m)."
        case .unplaced:
            zh = "本区公办\(noun.0)学位已满，由教育局跨区统筹安排，请留意通知。"
            en = "The district's public \(noun.1)s are full; the education bureau will arrange a place in another district."
        }
    }
}

extension EnrollmentCSV {
    /// schools.csv as `youjiao enroll run` reads it.
    public static func schoolsDocument(_ schools: [EnrollmentSchool]) -> String {
        CSVWriter.document(header: schoolColumns, rows: schools.map { school in
            [school.id, school.name, school.districtCode, school.ownership.rawValue, school.boarding ? "yes" : "no",
             "\(school.capacity)", "\(school.latitude)", "\(school.longitude)", school.zones.joined(separator: ";")]
        })
    }
}

extension Campaign {
    /// The status that follows `status`, or nil at the end.
    public static func next(after status: CampaignStatus) -> CampaignStatus? {
        let all = CampaignStatus.allCases
        let index = all.firstIndex(of: status)!
        return index + 1 < all.count ? all[index + 1] : nil
    }
}

extension EnrollmentJob {
    /// The draw on documents already in memory (the database-backed campaign keeps its published files).
    public static func compute(schoolsCSV: String, applicantsCSV: String, seed: LotterySeed, settings: EnrollmentSettings) throws -> Output {
        let input = try EnrollmentCSV.input(
            schools: CSVTable.parse(text: schoolsCSV, fileName: "schools.csv", limits: EnrollmentCSV.limits),
            applicants: CSVTable.parse(text: applicantsCSV, fileName: "applicants.csv", limits: EnrollmentCSV.limits))
        let outcome = EnrollmentEngine.allocate(input, seed: seed, settings: settings)
        return Output(input: input, outcome: outcome, report: EnrollmentReport(input: input, outcome: outcome, seed: seed, settings: settings))
    }
}
