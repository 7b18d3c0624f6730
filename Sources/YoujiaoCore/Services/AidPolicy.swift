import Foundation

// Student aid without application (免申即享, `automaticAid`): policies are data, eligibility comes
// from the lists other agencies keep, and grants are computed from the registry (AidMatcher).

/// An eligibility list kept by another agency (civil affairs, disabled persons' federation,
/// veterans' affairs). Stored and written by `rawValue`; files may also use the Chinese name.
public enum EligibilityList: String, Sendable, Codable, CaseIterable, Comparable {
    /// 最低生活保障 (低保).
    case minimumLivingAllowance
    /// 特困供养人员 (特困).
    case extremePoverty
    /// 孤儿.
    case orphan
    /// 事实无人抚养儿童.
    case unsupportedChild
    /// 残疾儿童 (持残疾证).
    case disabledChild
    /// 烈士子女.
    case martyrFamily
    /// 低收入家庭.
    case lowIncome

    public var labelZH: String {
        switch self {
        case .minimumLivingAllowance: return "低保"
        case .extremePoverty: return "特困"
        case .orphan: return "孤儿"
        case .unsupportedChild: return "事实无人抚养儿童"
        case .disabledChild: return "残疾儿童"
        case .martyrFamily: return "烈士子女"
        case .lowIncome: return "低收入家庭"
        }
    }

    public var labelEN: String {
        switch self {
        case .minimumLivingAllowance: return "minimum living allowance"
        case .extremePoverty: return "extreme poverty"
        case .orphan: return "orphans"
        case .unsupportedChild: return "children without de-facto carers"
        case .disabledChild: return "disabled children"
        case .martyrFamily: return "martyrs' children"
        case .lowIncome: return "low-income families"
        }
    }

    /// The identifier (any case) or the Chinese name.
    public init?(name: String) {
        let text = name.trimmingCharacters(in: .whitespaces)
        guard let list = EligibilityList.allCases.first(where: {
            $0.rawValue.lowercased() == text.lowercased() || $0.labelZH == text
        }) else { return nil }
        self = list
    }

    public static func < (a: EligibilityList, b: EligibilityList) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// For messages: `minimumLivingAllowance (低保)`.
    public static var namesForMessages: String {
        allCases.map { "\($0.rawValue) (\($0.labelZH))" }.joined(separator: ", ")
    }
}

/// School year `year` runs from 1 September `year` to 31 August `year + 1` (DESIGN.md §4).
public enum SchoolYear {
    public static func firstDay(_ year: Int) -> String { "\(year)-09-01" }
    public static func lastDay(_ year: Int) -> String { "\(year + 1)-08-31" }

    /// The school year a calendar day (yyyy-MM-dd) falls in.
    public static func containing(_ day: String) -> Int? {
        guard day.count >= 7, let year = Int(day.prefix(4)), let month = Int(day.dropFirst(5).prefix(2)) else { return nil }
        return month >= 9 ? year : year - 1
    }

    /// The current school year in Shanghai.
    public static func current(_ now: Date = Date()) -> Int { containing(NationalID.dayString(now))! }
}

/// One aid policy: who it is for (lists × stages), how much per school year, and when it applies.
public struct AidPolicy: Sendable, Hashable, Codable {
    /// A short stable code, e.g. `compulsory-living`; grants and payments refer to it.
    public var id: String
    public var name: String
    public var nameEN: String
    /// The eligibility lists the policy draws on.
    public var lists: [EligibilityList]
    /// Yuan per school year for each stage covered; the stages covered are exactly these keys.
    public var yuanPerYear: [Stage: Int]
    /// First and last school year the policy applies to (nil: until further notice).
    public var firstYear: Int
    public var lastYear: Int?

    public init(id: String, name: String, nameEN: String, lists: [EligibilityList], yuanPerYear: [Stage: Int],
                firstYear: Int, lastYear: Int? = nil) {
        self.id = id; self.name = name; self.nameEN = nameEN; self.lists = lists
        self.yuanPerYear = yuanPerYear; self.firstYear = firstYear; self.lastYear = lastYear
    }

    public var stages: [Stage] { yuanPerYear.keys.sorted() }

    public func applies(inYear year: Int) -> Bool { year >= firstYear && lastYear.map { year <= $0 } ?? true }

    /// The yearly amount for a pupil of `stage` on `list` in school year `year`, or nil when the
    /// policy does not cover them.
    public func amount(list: EligibilityList, stage: Stage, year: Int) -> Int? {
        guard applies(inYear: year), lists.contains(list) else { return nil }
        return yuanPerYear[stage]
    }

    /// Shanghai's aid for families on the agencies' lists, as a default policy set. Names follow the
    /// national programmes; the amounts are illustrative, at the national standards (义务教育生活补助
    /// 1,000 yuan primary / 1,250 junior; 普通高中国家助学金 2,000 on average), and operators load
    /// the real figures with `youjiao aid policies FILE`.
    public static let shanghaiDefaults: [AidPolicy] = {
        let needy: [EligibilityList] = [.minimumLivingAllowance, .extremePoverty, .orphan, .unsupportedChild, .disabledChild, .martyrFamily]
        return [
            AidPolicy(id: "preschool-aid", name: "学前教育幼儿资助", nameEN: "Pre-school aid",
                      lists: needy, yuanPerYear: [.kindergarten: 1_500], firstYear: 2020),
            AidPolicy(id: "compulsory-living", name: "义务教育家庭经济困难学生生活补助", nameEN: "Compulsory-education living allowance",
                      lists: needy, yuanPerYear: [.primary: 1_000, .junior: 1_250, .special: 1_250], firstYear: 2020),
            AidPolicy(id: "senior-grant", name: "普通高中国家助学金", nameEN: "Senior high national grant",
                      lists: needy + [.lowIncome], yuanPerYear: [.senior: 2_000], firstYear: 2020),
            AidPolicy(id: "senior-fee-waiver", name: "普通高中免学杂费", nameEN: "Senior high fee waiver",
                      lists: needy, yuanPerYear: [.senior: 1_800], firstYear: 2020),
        ]
    }()
}
