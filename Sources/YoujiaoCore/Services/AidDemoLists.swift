import Foundation

/// Synthetic agency lists for the demo city: pupils drawn at each list's rate, plus the mistakes real
/// lists contain, so the review queue has work in it: a name spelled differently, a parent's ID
/// number instead of the child's, children the registry does not know, children who left school.
/// Same city, year and rates → same lists.
public struct AidDemoLists: Sendable {
    public struct Rates: Sendable {
        /// Share of pupils on each list (assumption: 低保 about 2% of pupils, 特困 and orphans rarer).
        public var perList: [EligibilityList: Double]
        /// Shares of the entries given each mistake, or an extra bad entry.
        public var nameMismatch: Double
        public var parentsNumber: Double
        public var unknownChild: Double
        public var leftSchool: Double
        /// Share of entries whose eligibility ended before the school year.
        public var expired: Double

        public init(perList: [EligibilityList: Double], nameMismatch: Double, parentsNumber: Double,
                    unknownChild: Double, leftSchool: Double, expired: Double) {
            self.perList = perList; self.nameMismatch = nameMismatch; self.parentsNumber = parentsNumber
            self.unknownChild = unknownChild; self.leftSchool = leftSchool; self.expired = expired
        }

        public static let demo = Rates(perList: [.minimumLivingAllowance: 0.02, .extremePoverty: 0.002, .orphan: 0.0005],
                                       nameMismatch: 0.01, parentsNumber: 0.005, unknownChild: 0.005, leftSchool: 0.005,
                                       expired: 0.01)
    }

    /// The entries of each list, in the city's school order.
    public private(set) var entries: [EligibilityList: [EligibilityEntry]] = [:]
    /// Children who left school: registry pupils without a school, for the entries that name them.
    public private(set) var leavers: [Student] = []

    /// Area codes of the invented children: real county codes no demo family comes from, so these
    /// numbers are never a demo pupil's. Leavers (stored in the registry) have their own, so that
    /// another draw's unknown children (`youjiao-bench aid-list`) can never be one of them.
    static let unknownArea = "659001", leaverArea = "659002"

    /// - Parameter alwaysListed: pupils put on the first list with clean data whatever the draw (the
    ///   demo guardian's children, so the family page shows a notice).
    public init(city: DemoCity, year: Int, rates: Rates = .demo, alwaysListed: Set<String> = []) {
        precondition(!DemoIdentities.areaCodes.contains(Self.unknownArea) && !DemoIdentities.areaCodes.contains(Self.leaverArea))
        let lists = rates.perList.keys.sorted()
        var invented: [String: Int] = [:]   // sequences used per birth date
        var parentsListed: Set<String> = []  // a parent's number stands at most once on a list (siblings)
        var stream = city.makePeopleStream()
        var school = 0
        while let batch = stream.nextBatch() {
            defer { school += 1 }
            var random = DemoRandom(seed: city.randomSeed, stream: 7, UInt64(school))
            var parentOf: [String: String] = [:]
            for guardian in batch.guardians { for child in guardian.childNationalIDs where parentOf[child] == nil { parentOf[child] = guardian.nationalID } }
            for pupil in batch.students {
                for list in lists {
                    let forced = list == lists.first && alwaysListed.contains(pupil.nationalID)
                    guard forced || random.chance(rates.perList[list] ?? 0) else { continue }
                    var entry = EligibilityEntry(nationalID: pupil.nationalID, name: pupil.name, list: list,
                                                 validFrom: "", validTo: nil)
                    setValidity(&entry, year: year, expired: !forced && random.chance(rates.expired), random: &random)
                    if !forced && random.chance(rates.nameMismatch) {
                        entry.name = Self.otherName(than: pupil, random: &random)
                    } else if !forced, random.chance(rates.parentsNumber), let parent = parentOf[pupil.nationalID],
                              parentsListed.insert(list.rawValue + parent).inserted {
                        entry.nationalID = parent
                    }
                    entries[list, default: []].append(entry)
                    if !forced && random.chance(rates.unknownChild) {
                        var unknown = entry
                        let child = Self.invent(like: pupil, area: Self.unknownArea, used: &invented, random: &random)
                        (unknown.nationalID, unknown.name) = (child.nationalID, child.name)
                        entries[list, default: []].append(unknown)
                    }
                    if !forced && random.chance(rates.leftSchool) {
                        var leaver = Self.invent(like: pupil, area: Self.leaverArea, used: &invented, random: &random)
                        leaver.schoolID = nil; leaver.grade = nil; leaver.classNumber = nil
                        leavers.append(leaver)
                        var left = entry
                        (left.nationalID, left.name) = (leaver.nationalID, leaver.name)
                        entries[list, default: []].append(left)
                    }
                }
            }
        }
    }

    /// Most entries run from January of the year (or earlier) for two years or without end;
    /// expired ones ended in June, before the school year.
    private func setValidity(_ entry: inout EligibilityEntry, year: Int, expired: Bool, random: inout DemoRandom) {
        let start = year - random.int(in: 0...2)
        entry.validFrom = "\(start)-0\(random.int(in: 1...6))-01"
        entry.validTo = expired ? "\(year)-06-30" : random.chance(0.3) ? nil : "\(max(start + 2, year + 1))-12-31"
    }

    /// The same surname with another given name.
    private static func otherName(than pupil: Student, random: inout DemoRandom) -> String {
        let surname = String(pupil.name.prefix(1))
        for _ in 0..<8 {
            let name = DemoNames.personName(pupil.gender, surname: surname, random: &random)
            if name != pupil.name { return name }
        }
        return pupil.name + "儿"
    }

    /// A child of the pupil's age with a number of `area`, which no demo pupil has.
    private static func invent(like pupil: Student, area: String, used: inout [String: Int], random: inout DemoRandom) -> Student {
        let digits = pupil.birthDate.replacingOccurrences(of: "-", with: "")
        let sequence = used[area + digits, default: 0] + 1
        used[area + digits] = sequence
        let id = NationalID.make(areaCode: area, birthDate: digits, sequence: sequence)
        let surname = DemoNames.surnames.draw(&random)
        return Student(nationalID: id.value, name: DemoNames.personName(id.gender, surname: surname, random: &random),
                       gender: id.gender, birthDate: pupil.birthDate, hukou: .nonLocal, residenceZoneID: pupil.residenceZoneID,
                       schoolID: pupil.schoolID, grade: pupil.grade, classNumber: pupil.classNumber)
    }

    /// Every entry of every list.
    public var allEntries: [EligibilityEntry] { entries.keys.sorted().flatMap { entries[$0] ?? [] } }
}
