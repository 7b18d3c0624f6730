import Crypto
import Foundation
import SQLKit
import YoujiaoCore

/// The demo city's open campaigns in one district, for the school year after the registry's:
/// grade 1, for which the K3 pupils living there apply (about one family in six to private
/// schools), and K1 (入园). The registry holds no child under three, so every family of a K1
/// pupil of the district gets a child of the next cohort (born a year after the pupil, at home),
/// who applies (about one family in three to private kindergartens, as 30% of the demo city's
/// kindergarten pupils are in private ones). The demo guardian gets a younger child for each
/// campaign, left unregistered, to register online. Both campaigns share the demo notary secret.
/// Deterministic for a random seed.
public enum CampaignDemoLoader {
    public struct Summary: Sendable {
        /// Each campaign opened, with the applications seeded.
        public var campaigns: [(campaign: Campaign, applications: Int)]
        /// Shown once by the seeder; the district enters it before the draw.
        public var notarySecret: String
    }

    public static func load(into registry: RegistryStore, districtCode: String, siblingFor guardianID: String?,
                            randomSeed: UInt64, today: CaseDate) async throws -> Summary {
        let secret = "notary-" + digest("secret", randomSeed).prefix(16)
        // The demo city's K3 pupils enter grade 1 next year, its K1 pupils' younger siblings K1;
        // the window is open around today.
        let year = DemoCity.currentYear + 1
        var opened: [(campaign: Campaign, applications: Int)] = []
        for (grade, privateOneIn, sibling) in [(Grade.g1, UInt64(6), (days: 100, sequence: 987, name: "小雨")),
                                               (.k1, 3, (days: 200, sequence: 986, name: "小雪"))] {
            // The beacon: the first drand quicknet round after 10:00 Beijing time the day after closing.
            let closes = today.adding(days: 21)
            let beacon = BeaconSource.known[0]
            let round = beacon.firstRound(after: CampaignSchedule.endOfDay(closes).addingTimeInterval(10 * 3600))
            let campaign = Campaign(id: "demo-\(year)-\(grade == .k1 ? "k1" : "g1")-\(districtCode)", year: year, grade: grade,
                                    districtCode: districtCode, opensOn: today.adding(days: -7), closesOn: closes,
                                    status: .open, beaconRound: beacon.roundDescription(round).zh, beaconSourceID: beacon.id, beaconRoundNumber: round,
                                    notaryCommitment: CampaignSeed.commitment(secret: secret))
            let store = CampaignStore(registry.database)
            try await store.create(campaign)
            let zones = Dictionary(uniqueKeysWithValues: try await store.zones(for: campaign).map { ($0.id, $0) })
            let span = Campaign.birthSpan(grade: grade, year: year)!
            if let guardianID, let older = try await registry.children(ofGuardian: guardianID).first(where: { $0.zoneId.map { zones[$0] != nil } ?? false }) {
                // Left unregistered: the demo guardian registers this child online.
                let child = try youngerChild(of: older, name: sibling.name, birth: span.lowerBound.adding(days: sibling.days), sequence: sibling.sequence)
                try await registry.insertNew(students: [child], guardians: [], links: [(guardianID, child.id)], teachers: [])
            }
            let children = grade == .k1
                ? try await addNextCohort(after: .k1, districtCode: districtCode, registry: registry, randomSeed: randomSeed)
                : try await pupils(in: .k3, districtCode: districtCode, registry: registry)
            let count = try await apply(children, to: campaign, store: store, zones: zones, privateOneIn: privateOneIn, randomSeed: randomSeed)
            opened.append((campaign, count))
        }
        return Summary(campaigns: opened, notarySecret: secret)
    }

    /// Registers every child born in the span and living in one of the campaign's zones: one
    /// family in `privateOneIn` names one or two of the district's private schools.
    private static func apply(_ children: [StudentRecord], to campaign: Campaign, store: CampaignStore, zones: [String: CatchmentZone],
                              privateOneIn: UInt64, randomSeed: UInt64) async throws -> Int {
        let span = Campaign.birthSpan(grade: campaign.grade, year: campaign.year)!
        let privateChoices = try await store.enrollmentSchools(for: campaign)
            .filter { $0.ownership == .private && $0.districtCode == campaign.districtCode }.map(\.id)
        let actor = ApplicationActor(id: nil, name: "demo seeder")
        var count = 0
        for child in children {
            guard let birth = CaseDate(child.birthDate), span.contains(birth), let zone = child.zoneId.flatMap({ zones[$0] }) else { continue }
            let draw = UInt64(digest(child.nationalId, randomSeed).prefix(8), radix: 16)!
            var choices: [String] = []
            if !privateChoices.isEmpty, draw % privateOneIn == 0 {
                choices.append(privateChoices[Int(draw / privateOneIn % UInt64(privateChoices.count))])
                if privateChoices.count > 1, draw / 7 % 2 == 0 {
                    choices.append(privateChoices.first { $0 != choices[0] }!)
                }
            }
            let choice = ApplicationChoice(track: choices.isEmpty ? .public : .private, choices: choices,
                                           tier: [1, 1, 1, 2, 2, 3][Int(draw / 11 % 6)], yearsAtAddress: Int(draw / 13 % 8), zone: zone.id)
            try await store.saveApplication(campaignID: campaign.id, student: child, guardianID: nil, choice: choice, zone: zone,
                                            actor: actor, applicantID: "A" + digest("applicant-" + child.nationalId, randomSeed).prefix(12).uppercased())
            count += 1
        }
        return count
    }

    private static func pupils(in grade: Grade, districtCode: String, registry: RegistryStore) async throws -> [StudentRecord] {
        try await registry.sql.all("""
            SELECT st.* FROM students st JOIN schools sc ON sc.id = st.school_id
            WHERE sc.district_code = \(bind: districtCode) AND st.grade = \(bind: grade.rawValue)
            """, as: StudentRecord.self).sorted { $0.nationalId < $1.nationalId }
    }

    /// One child per family of the district's `grade` pupils, born a year after the pupil, living
    /// with them and sharing their guardians, at no school yet; stored and returned.
    private static func addNextCohort(after grade: Grade, districtCode: String, registry: RegistryStore,
                                      randomSeed: UInt64) async throws -> [StudentRecord] {
        struct Link: Decodable { var guardianId: String; var studentId: String }
        let links = try await registry.sql.all("""
            SELECT gc.guardian_id, gc.student_id FROM guardian_children gc JOIN students st ON st.id = gc.student_id
            JOIN schools sc ON sc.id = st.school_id WHERE sc.district_code = \(bind: districtCode) AND st.grade = \(bind: grade.rawValue)
            """, as: Link.self)
        let guardians = Dictionary(grouping: links, by: \.studentId).mapValues { $0.map(\.guardianId) }
        var issued: [String: Int] = [:]
        var children: [StudentRecord] = []
        var childLinks: [(guardianID: String, studentID: String)] = []
        for older in try await pupils(in: grade, districtCode: districtCode, registry: registry) {
            guard let olderBirth = CaseDate(older.birthDate) else { continue }
            let draw = UInt64(digest("younger-" + older.nationalId, randomSeed).prefix(8), radix: 16)!
            let birth = olderBirth.adding(months: 12)
            // Several children of one area may share a birthday: each gets the next sequence number.
            let key = String(older.nationalId.prefix(6)) + birth.description
            let ordinal = issued[key, default: 0]
            issued[key] = ordinal + 1
            let child = try youngerChild(of: older, name: givenNames[Int(draw / 2 % UInt64(givenNames.count))], birth: birth,
                                     sequence: 500 + 2 * ordinal + Int(draw % 2))
            children.append(child)
            childLinks += (guardians[older.id] ?? []).map { ($0, child.id) }
        }
        try await registry.insertNew(students: children, guardians: [], links: childLinks, teachers: [])
        return children
    }

    /// Given names of the demo's youngest children (the surname is the older sibling's).
    private static let givenNames = ["小宝", "乐乐", "朵朵", "安安", "果果", "豆豆", "一诺", "可可", "多多", "糖糖"]

    /// A child born on `birth`, living with the older sibling, at no school.
    private static func youngerChild(of older: StudentRecord, name: String, birth: CaseDate, sequence: Int) throws -> StudentRecord {
        let compact = birth.description.replacingOccurrences(of: "-", with: "")
        let id = NationalID.make(areaCode: String(older.nationalId.prefix(6)), birthDate: compact, sequence: sequence)
        return try StudentRecord(id: UUID().uuidString.lowercased(),
                             Student(nationalID: id.value, name: String(older.name.prefix(1)) + name, gender: id.gender, birthDate: birth.description,
                                     hukou: Hukou(rawValue: older.hukou) ?? .local, residenceZoneID: older.zoneId, schoolID: nil, grade: nil, classNumber: nil))
    }

    private static func digest(_ text: String, _ seed: UInt64) -> String {
        Hex.lowercase(SHA256.hash(data: Array("\(seed):\(text)".utf8)))
    }
}
