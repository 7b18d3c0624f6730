import Foundation

/// The demo city's 中考: its grade-9 pupils as candidates with scores out of 750 and choices, and
/// the quota lines of its senior high schools, generated deterministically from a seed.
///
/// Calibration (Shanghai's published shape, rounded): totals roughly normal around 560 with a
/// spread of 90, between 150 and 745; 市实验性示范性高中 reserve about 65% of their plan for quotas
/// (15 points to their own district, 50 to its junior schools in proportion to their candidates),
/// other public high schools none; about 2% of candidates are admitted beforehand (自主招生) and
/// about 85% meet the junior-school quota's eligibility (学籍 there for all junior years).
public enum ZhongkaoDemo {
    public struct HighSchool: Sendable {
        public var id: String
        public var district: String
        public var ownership: Ownership
        public var planSeats: Int
        public init(id: String, district: String, ownership: Ownership, planSeats: Int) {
            self.id = id; self.district = district; self.ownership = ownership; self.planSeats = planSeats
        }
    }

    public struct Pupil: Sendable {
        public var studentID: String
        public var district: String
        public var juniorSchool: String
        public init(studentID: String, district: String, juniorSchool: String) {
            self.studentID = studentID; self.district = district; self.juniorSchool = juniorSchool
        }
    }

    public struct Admission: Sendable {
        /// The kind of each high school (市实验性示范性高中 …).
        public var kinds: [String: String]
        public var quotas: [ZhongkaoQuota]
        /// With the registry pupil each candidate stands for.
        public var candidates: [(studentID: String, candidate: ZhongkaoCandidate)]
    }

    public static let kindModel = "市实验性示范性高中"
    public static let kindDistrictModel = "区实验性示范性高中"
    public static let kindOrdinary = "普通高中"
    public static let kindPrivate = "民办普通高中"

    public static func generate(highSchools: [HighSchool], pupils: [Pupil], year: Int, seed: UInt64) -> Admission {
        var random = SplitMix64(seed: seed ^ 0x7A68_6F6E_676B_616F)
        // Prestige order: the first quarter of public schools are city models, the next quarter district models.
        let publicSchools = highSchools.filter { $0.ownership == .public }.sorted { $0.id < $1.id }
            .map { ($0, random.next()) }.sorted { $0.1 < $1.1 }.map(\.0)
        var kinds: [String: String] = [:]
        for (index, school) in publicSchools.enumerated() {
            kinds[school.id] = index < publicSchools.count / 4 ? kindModel : index < publicSchools.count / 2 ? kindDistrictModel : kindOrdinary
        }
        for school in highSchools where school.ownership == .private { kinds[school.id] = kindPrivate }
        let prestige = publicSchools + highSchools.filter { $0.ownership == .private }.sorted { $0.id < $1.id }
        let rankOf = Dictionary(uniqueKeysWithValues: prestige.enumerated().map { ($1.id, $0) })

        // Quotas of the city models: 15% to their district, 50% over its junior schools by candidates.
        let juniorCounts = Dictionary(grouping: pupils, by: \.juniorSchool).mapValues(\.count)
        let juniorDistrict = Dictionary(pupils.map { ($0.juniorSchool, $0.district) }, uniquingKeysWith: { first, _ in first })
        let juniorsByDistrict = Dictionary(grouping: juniorCounts.keys.sorted(), by: { juniorDistrict[$0]! })
        var quotas: [ZhongkaoQuota] = []
        for school in publicSchools where kinds[school.id] == kindModel {
            quotas.append(ZhongkaoQuota(schoolID: school.id, round: .quotaDistrict, scope: school.district, seats: school.planSeats * 15 / 100))
            let juniors = juniorsByDistrict[school.district] ?? []
            let pool = school.planSeats * 50 / 100
            let candidates = juniors.reduce(0) { $0 + juniorCounts[$1, default: 0] }
            guard candidates > 0 else { continue }
            for junior in juniors {
                let seats = pool * juniorCounts[junior, default: 0] / candidates
                if seats > 0 { quotas.append(ZhongkaoQuota(schoolID: school.id, round: .quotaSchool, scope: junior, seats: seats)) }
            }
        }
        let quotaDistrict = Dictionary(grouping: quotas.filter { $0.round == .quotaDistrict }, by: \.scope).mapValues { $0.map(\.schoolID) }
        let quotaSchool = Dictionary(grouping: quotas.filter { $0.round == .quotaSchool }, by: \.scope).mapValues { $0.map(\.schoolID) }

        var candidates: [(studentID: String, candidate: ZhongkaoCandidate)] = []
        for (index, pupil) in pupils.sorted(by: { $0.studentID < $1.studentID }).enumerated() {
            // Drawn again outside 150…745 rather than clamped, so that no score piles up at a bound.
            var total = 0
            repeat { total = Int((560 + 90 * normal(&random)).rounded()) } while !(150...745).contains(total)
            // 语数外 out of 450 and 数学, 语文 out of 150 follow the total with some noise.
            let core = min(450, max(0, total * 3 / 5 + Int(random.next() % 31) - 15))
            let math = min(150, max(0, core / 3 + Int(random.next() % 21) - 10))
            let chinese = min(150, max(0, core / 3 + Int(random.next() % 15) - 7))
            // A candidate aims at schools around their standing: percentile 0 is the best.
            let standing = Double(750 - total) / 600
            let reach = prestige.filter { school in
                let position = Double(rankOf[school.id]!) / Double(max(1, prestige.count))
                return position >= standing - 0.2 && (school.district == pupil.district || kinds[school.id] == kindModel || random.next() % 8 == 0)
            }
            let unified = Array(reach.prefix(ZhongkaoRules.maxChoices - Int(random.next() % 6)))
            func ordered(_ ids: [String]) -> [String] { ids.sorted { rankOf[$0, default: .max] < rankOf[$1, default: .max] } }
            let districtChoices = Array(ordered(quotaDistrict[pupil.district] ?? []).filter { rankOf[$0]! >= Int(standing * 0.8 * Double(prestige.count)) }.prefix(2))
            let eligible = random.next() % 100 < 85
            let schoolChoices = eligible ? Array(ordered(quotaSchool[pupil.juniorSchool] ?? []).prefix(2)) : []
            let candidate = ZhongkaoCandidate(
                id: String(format: "%02d%08d", year % 100, index + 1), district: pupil.district, juniorSchool: pupil.juniorSchool,
                quotaSchoolEligible: eligible, total: total, tieBreakScores: [core, math, chinese], preAdmitted: random.next() % 100 < 2,
                quotaDistrictChoices: districtChoices, quotaSchoolChoices: schoolChoices, unifiedChoices: unified.map(\.id))
            candidates.append((pupil.studentID, candidate))
        }
        return Admission(kinds: kinds, quotas: quotas, candidates: candidates)
    }

    /// A standard normal draw (Box–Muller), from two uniforms in (0, 1].
    private static func normal(_ random: inout SplitMix64) -> Double {
        let u1 = Double(random.next() >> 11 + 1) / Double(1 << 53)
        let u2 = Double(random.next() >> 11) / Double(1 << 53)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
