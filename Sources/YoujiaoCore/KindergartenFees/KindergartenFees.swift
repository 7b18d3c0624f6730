import Foundation

// Kindergarten fees made public (docs/kindergarten-fees.md): a kindergarten may charge only the
// care-and-education fee (保育教育费), boarding (住宿费) where it boards, and service fees it
// collects on the family's behalf (代办服务性收费, e.g. meals). Public and 普惠 kindergartens'
// care-and-education fee is capped by the district's table per kindergarten grade.

/// The categories of fee a kindergarten may charge; anything else is refused.
public enum KindergartenFeeCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// 保育教育费, per month.
    case careEducation = "care-education"
    /// 住宿费, per month, only where the kindergarten boards.
    case boarding
    /// 代办服务性收费 (伙食费 …), per day or per month, saying what it covers.
    case service

    /// The periods an amount of this category may be stated for.
    public var periods: [KindergartenFeePeriod] { self == .service ? [.day, .month] : [.month] }
}

public enum KindergartenFeePeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case day, month
}

/// The grade the district gives a kindergarten (示范 / 一级 / 二级 / 三级); the cap depends on it.
public enum KindergartenGrade: String, Sendable, Hashable, Codable, CaseIterable {
    case model, first, second, third
}

/// An amount of money in fen (1 yuan = 100 fen), bounded when it is made: no fee of a kindergarten
/// reaches 100,000 yuan a month, and a bound keeps every sum of amounts far inside `Int`.
public struct FeeAmount: Sendable, Hashable, Codable, Comparable {
    public static let maximumFen = 10_000_000
    public let fen: Int

    public init?(fen: Int) {
        guard (0...Self.maximumFen).contains(fen) else { return nil }
        self.fen = fen
    }

    public static func < (a: FeeAmount, b: FeeAmount) -> Bool { a.fen < b.fen }

    /// Yuan as typed: digits with at most two decimals ("700", "12.5", "12.50"), at most 100,000.
    /// Anything else (a sign, an exponent, twenty digits) is nil, never a trap.
    public init?(yuan text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...6).contains(whole.count),
              whole.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        var fen = Int(whole)! * 100
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            fen += Int(decimals)! * (decimals.count == 1 ? 10 : 1)
        }
        self.init(fen: fen)
    }

    /// "700" or "12.50": how the amount is written in yuan (CSV, forms).
    public var yuanText: String {
        fen % 100 == 0 ? "\(fen / 100)" : "\(fen / 100).\(fen % 100 < 10 ? "0" : "")\(fen % 100)"
    }
}

/// One fee a kindergarten charges, as it publishes it.
public struct KindergartenFeeItem: Sendable, Hashable, Codable {
    public var schoolID: String
    public var category: KindergartenFeeCategory
    /// What families see: 保育教育费, 住宿费, 伙食费, 点心费 …
    public var name: String
    public var amount: FeeAmount
    public var period: KindergartenFeePeriod
    /// What the fee pays for (required for service fees: families must know what they buy).
    public var covers: String

    public init(schoolID: String, category: KindergartenFeeCategory, name: String, amount: FeeAmount, period: KindergartenFeePeriod, covers: String) {
        self.schoolID = schoolID; self.category = category; self.name = name; self.amount = amount; self.period = period; self.covers = covers
    }
}

/// What the fee rules need to know about a kindergarten.
public struct FeeKindergarten: Sendable, Hashable {
    public var schoolID: String
    public var districtCode: String
    public var ownership: Ownership
    /// 普惠: public ones always, private ones when flagged.
    public var isInclusive: Bool
    public var boarding: Bool
    /// nil until the district grades it.
    public var grade: KindergartenGrade?

    public init(schoolID: String, districtCode: String, ownership: Ownership, isInclusive: Bool, boarding: Bool, grade: KindergartenGrade?) {
        self.schoolID = schoolID; self.districtCode = districtCode; self.ownership = ownership; self.isInclusive = isInclusive
        self.boarding = boarding; self.grade = grade
    }

    public init(_ school: School, grade: KindergartenGrade?) {
        self.init(schoolID: school.id, districtCode: school.districtCode, ownership: school.ownership, isInclusive: school.countsAsInclusive,
                  boarding: school.boarding, grade: grade)
    }

    /// Public and 普惠 kindergartens charge the set standard at most; private ones are market-priced.
    public var isCapped: Bool { ownership == .public || isInclusive }
}

/// The highest monthly 保育教育费 of a public or 普惠 kindergarten of one grade in one district.
public struct KindergartenFeeCap: Sendable, Hashable, Codable {
    public var districtCode: String
    public var grade: KindergartenGrade
    public var monthlyMaximum: FeeAmount

    public init(districtCode: String, grade: KindergartenGrade, monthlyMaximum: FeeAmount) {
        self.districtCode = districtCode; self.grade = grade; self.monthlyMaximum = monthlyMaximum
    }

    /// A plausible default for a district that has not entered its own table: Shanghai's public
    /// kindergartens' 保育教育费 per month by grade after the 2023 adjustment, rounded. Each district
    /// replaces it with its own (`youjiao import kindergarten-fee-caps`).
    public static let defaultMonthlyYuan: [KindergartenGrade: Int] = [.model: 700, .first: 500, .second: 400, .third: 300]

    public static func defaults(districtCodes: [String]) -> [KindergartenFeeCap] {
        districtCodes.flatMap { code in
            KindergartenGrade.allCases.map { KindergartenFeeCap(districtCode: code, grade: $0, monthlyMaximum: FeeAmount(fen: defaultMonthlyYuan[$0]! * 100)!) }
        }
    }
}

public enum KindergartenFeeRules {
    public static let nameLength = 1...30
    public static let coversLength = 0...200

    /// The cap that binds `kindergarten`'s 保育教育费, nil for a market-priced one.
    public static func cap(for kindergarten: FeeKindergarten, caps: [KindergartenFeeCap]) -> KindergartenFeeCap? {
        guard kindergarten.isCapped, let grade = kindergarten.grade else { return nil }
        return caps.first { $0.districtCode == kindergarten.districtCode && $0.grade == grade }
    }

    /// Why `item` may not be published by `kindergarten`, nil when it may: a category it may not
    /// charge, a period the category is not stated in, or a care-and-education fee over the cap
    /// (the refusal names the cap).
    public static func problem(_ item: KindergartenFeeItem, kindergarten: FeeKindergarten, caps: [KindergartenFeeCap]) -> CampaignProblem? {
        let name = item.name.trimmingCharacters(in: .whitespaces)
        if !nameLength.contains(name.count) {
            return CampaignProblem("name", zh: "收费项目名称须为 1 至 30 个字。", en: "The item's name must be 1 to 30 characters.")
        }
        if item.category == .boarding && !kindergarten.boarding {
            return CampaignProblem("category", zh: "本园不寄宿，不得收取住宿费。", en: "This kindergarten does not board: it may not charge boarding.")
        }
        if !item.category.periods.contains(item.period) {
            return CampaignProblem("period", zh: "保育教育费和住宿费按月收取。", en: "The care-and-education fee and boarding are charged per month.")
        }
        if item.category == .service && item.covers.trimmingCharacters(in: .whitespaces).isEmpty {
            return CampaignProblem("covers", zh: "代办服务性收费须写明包含的内容。", en: "Say what a service fee covers.")
        }
        if !coversLength.contains(item.covers.count) {
            return CampaignProblem("covers", zh: "包含内容最多 200 字。", en: "At most 200 characters.")
        }
        if item.amount.fen == 0 {
            return CampaignProblem("amount", zh: "金额须大于 0。", en: "The amount must be more than 0.")
        }
        if item.category == .careEducation && kindergarten.isCapped {
            guard kindergarten.grade != nil else {
                return CampaignProblem("amount", zh: "区教育局尚未评定本园等级，暂不能核对保育教育费限额。",
                                       en: "The district has not graded this kindergarten yet: its fee cap is unknown.")
            }
            guard let cap = cap(for: kindergarten, caps: caps) else {
                return CampaignProblem("amount", zh: "本区尚未公布这一等级幼儿园的保育教育费限额。",
                                       en: "The district has published no fee cap for this grade of kindergarten.")
            }
            if item.amount > cap.monthlyMaximum {
                return CampaignProblem("amount", zh: "超过限额：本区\(gradeZH(cap.grade))公办、普惠幼儿园保育教育费每月最高 \(cap.monthlyMaximum.yuanText) 元。",
                                       en: "Over the cap: the district's \(gradeEN(cap.grade)) public and affordable kindergartens charge at most \(cap.monthlyMaximum.yuanText) yuan a month.")
            }
        }
        return nil
    }

    static func gradeZH(_ grade: KindergartenGrade) -> String {
        switch grade { case .model: "示范"; case .first: "一级"; case .second: "二级"; case .third: "三级" }
    }
    static func gradeEN(_ grade: KindergartenGrade) -> String {
        switch grade { case .model: "model-grade"; case .first: "first-grade"; case .second: "second-grade"; case .third: "third-grade" }
    }

    /// An item typed into the kindergarten's form, checked against the rules.
    public static func proposed(schoolID: String, form: [String: String], kindergarten: FeeKindergarten,
                                caps: [KindergartenFeeCap]) throws(CampaignProblem) -> KindergartenFeeItem {
        guard let category = KindergartenFeeCategory(rawValue: form["category"] ?? "") else {
            throw CampaignProblem("category", zh: "只能收取保育教育费、住宿费和代办服务性收费。",
                                  en: "Only the care-and-education fee, boarding and service fees may be charged.")
        }
        guard let amount = FeeAmount(yuan: form["amount"] ?? "") else {
            throw CampaignProblem("amount", zh: "金额须为 0 至 100000 元之间的数，最多两位小数。",
                                  en: "The amount must be a number of yuan from 0 to 100,000 with at most two decimals.")
        }
        guard let period = KindergartenFeePeriod(rawValue: form["period"] ?? "") else {
            throw CampaignProblem("period", zh: "请选择按月或按天。", en: "Choose per month or per day.")
        }
        let item = KindergartenFeeItem(schoolID: schoolID, category: category, name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces),
                                       amount: amount, period: period, covers: (form["covers"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        if let problem = problem(item, kindergarten: kindergarten, caps: caps) { throw problem }
        return item
    }
}

/// Who may do what with kindergarten fees.
public enum KindergartenFeeAccess {
    /// The kindergarten's own administrator enters and changes its fees.
    public static func canEditFees(_ scope: AccessScope, schoolID: String) -> Bool {
        scope.role == .schoolAdmin && scope.schoolID == schoolID
    }

    /// The district's staff (and the city's) supervise fees and handle complaints, contact details included.
    public static func canSupervise(_ scope: AccessScope, districtCode: String) -> Bool { scope.canSeeDistrict(districtCode) }
}
