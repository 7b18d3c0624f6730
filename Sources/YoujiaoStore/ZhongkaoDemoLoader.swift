import Foundation
import SQLKit
import YoujiaoCore

/// The demo city's 中考 for the year after the registry's: every grade-9 pupil a candidate
/// (`ZhongkaoDemo`), the city models' quota lines, the campaign open so that high schools can
/// still change their quotas. The demo guardian's family gets an older child in grade 9, whose
/// result the family reads once published.
public enum ZhongkaoDemoLoader {
    public struct Summary: Sendable {
        public var campaign: ZhongkaoCampaign
        public var candidates: Int
        /// A high school with quota lines, for the demo's high-school account.
        public var quotaSchoolID: String?
    }

    public static func load(into registry: RegistryStore, notarySecret: String, familyOf guardianID: String?,
                            randomSeed: UInt64, today: CaseDate) async throws -> Summary {
        let year = DemoCity.currentYear + 1
        struct PupilRow: Decodable { var id: String; var schoolId: String; var districtCode: String }
        let pupils = try await registry.sql.all("""
            SELECT st.id, st.school_id, sc.district_code FROM students st JOIN schools sc ON sc.id = st.school_id
            WHERE st.grade = '9' ORDER BY st.id
            """, as: PupilRow.self)
        let seniors = try await registry.schools(SchoolFilter(stage: .senior), page: .everything).items
        let admission = ZhongkaoDemo.generate(
            highSchools: seniors.compactMap { school in
                school.entrySeats[.g10].map { ZhongkaoDemo.HighSchool(id: school.id, district: school.districtCode, ownership: school.ownership, planSeats: $0) }
            },
            pupils: pupils.map { ZhongkaoDemo.Pupil(studentID: $0.id, district: $0.districtCode, juniorSchool: $0.schoolId) },
            year: year, seed: randomSeed)
        // The beacon: the first drand quicknet round after 10:00 Beijing time a month from today.
        let beacon = BeaconSource.known[0]
        let round = beacon.firstRound(after: CampaignSchedule.endOfDay(today.adding(days: 30)).addingTimeInterval(10 * 3600))
        let campaign = ZhongkaoCampaign(
            id: "zhongkao-\(year)", year: year, status: .open,
            rules: ZhongkaoRules(rounds: ZhongkaoRules.shanghaiRounds, tieBreakColumns: ZhongkaoCampaign.shanghaiTieBreakColumns),
            beaconRound: beacon.roundDescription(round).zh, beaconSourceID: beacon.id, beaconRoundNumber: round,
            notaryCommitment: CampaignSeed.commitment(secret: notarySecret))
        let store = ZhongkaoStore(registry.database)
        try await store.create(campaign, kinds: admission.kinds)
        try await store.addQuotas(campaignID: campaign.id, admission.quotas)
        try await store.addCandidates(admission.candidates.map { ZhongkaoCandidateRecord(campaignID: campaign.id, studentID: $0.studentID, $0.candidate) })
        // The older child goes to a junior school of the family's own district (whose bureau the demo's district account is).
        if let guardianID, let younger = try await registry.children(ofGuardian: guardianID).first(where: { $0.schoolId != nil }),
           let district = try await registry.school(id: younger.schoolId!)?.districtCode,
           let pupil = pupils.first(where: { $0.districtCode == district }) {
            try await registry.insertNew(students: [], guardians: [], links: [(guardianID, pupil.id)], teachers: [])
        }
        return Summary(campaign: campaign, candidates: admission.candidates.count,
                       quotaSchoolID: admission.quotas.first { $0.round == .quotaSchool }?.schoolID)
    }
}
