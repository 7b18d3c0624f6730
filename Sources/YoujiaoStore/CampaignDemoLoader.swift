import Crypto
import Foundation
import SQLKit
import YoujiaoCore

/// The demo city's open grade-1 campaign in one district: the K3 pupils living there apply
/// (about one family in six to private schools), and one family gets a younger child who has
/// not applied yet, so the demo guardian can register online. Deterministic for a random seed.
public enum CampaignDemoLoader {
    public struct Summary: Sendable {
        public var campaign: Campaign
        public var applications: Int
        /// Shown once by the seeder; the district enters it before the draw.
        public var notarySecret: String
    }

    public static func load(into registry: RegistryStore, districtCode: String, siblingFor guardianID: String?,
                            randomSeed: UInt64, today: CaseDate) async throws -> Summary {
        let store = CampaignStore(registry.database)
        let secret = "notary-" + digest("secret", randomSeed).prefix(16)
        // The demo city's K3 pupils enter grade 1 next year; the window is open around today.
        let year = DemoCity.currentYear + 1
        let campaign = Campaign(id: "demo-\(year)-g1-\(districtCode)", year: year, grade: .g1,
                                districtCode: districtCode, opensOn: today.adding(days: -7), closesOn: today.adding(days: 21),
                                status: .open, beaconRound: "drand quicknet, first round after \(today.adding(days: 22))",
                                notaryCommitment: CampaignSeed.commitment(secret: secret))
        try await store.create(campaign)
        let schools = try await store.enrollmentSchools(for: campaign)
        let privateChoices = schools.filter { $0.ownership == .private && $0.districtCode == districtCode }.map(\.id)
        let zones = Dictionary(uniqueKeysWithValues: try await store.zones(for: campaign).map { ($0.id, $0) })
        let span = Campaign.birthSpan(grade: .g1, year: campaign.year)!
        let sql = registry.sql
        let children = try await sql.all("""
            SELECT st.* FROM students st JOIN schools sc ON sc.id = st.school_id
            WHERE sc.district_code = \(bind: districtCode) AND st.grade = 'K3' ORDER BY st.national_id
            """, as: StudentRecord.self)
        if let guardianID, let older = try await registry.children(ofGuardian: guardianID).first(where: { $0.zoneId.map { zones[$0] != nil } ?? false }) {
            // Left unregistered: the demo guardian registers this child online.
            try await addYoungerSibling(of: older, guardianID: guardianID, registry: registry, birth: span.lowerBound.adding(days: 100))
        }
        let actor = ApplicationActor(id: nil, name: "demo seeder")
        var count = 0
        for child in children {
            guard let birth = CaseDate(child.birthDate), span.contains(birth), let zone = child.zoneId.flatMap({ zones[$0] }) else { continue }
            let draw = UInt64(digest(child.nationalId, randomSeed).prefix(8), radix: 16)!
            var choices: [String] = []
            if !privateChoices.isEmpty, draw % 6 == 0 {
                choices.append(privateChoices[Int(draw / 6 % UInt64(privateChoices.count))])
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
        return Summary(campaign: campaign, applications: count, notarySecret: secret)
    }

    /// A child born in the campaign's span, living with the older sibling, not yet at any school.
    private static func addYoungerSibling(of older: StudentRecord, guardianID: String, registry: RegistryStore,
                                          birth: CaseDate) async throws {
        let compact = birth.description.replacingOccurrences(of: "-", with: "")
        let id = NationalID.make(areaCode: String(older.nationalId.prefix(6)), birthDate: compact, sequence: 987)
        let child = StudentRecord(id: UUID().uuidString.lowercased(),
                                  Student(nationalID: id.value, name: String(older.name.prefix(1)) + "小雨", gender: id.gender, birthDate: birth.description,
                                          hukou: Hukou(rawValue: older.hukou) ?? .local, residenceZoneID: older.zoneId, schoolID: nil, grade: nil, classNumber: nil))
        try await registry.insertNew(students: [child], guardians: [], links: [(guardianID, child.id)], teachers: [])
    }

    private static func digest(_ text: String, _ seed: UInt64) -> String {
        SHA256.hash(data: Array("\(seed):\(text)".utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
