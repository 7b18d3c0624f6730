import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// What the campaign pages, the family's pages and the API share.
enum EnrollmentView {
    /// The campaign's name for families, with the district's name rather than its code.
    static func titlePhrase(_ req: Request, _ c: Campaign) async throws -> Phrase {
        let district = try await c.districtCode.asyncFlatMap { try await req.registry.district(code: $0) }
        return titlePhrase(c, districtName: district?.name)
    }

    /// The same, with the district's name at hand (the application form's kept choices hold it).
    static func titlePhrase(_ c: Campaign, districtName: String?) -> Phrase {
        .campaignTitle(year: c.year, districtName: districtName, grade: c.grade)
    }

    /// The announced beacon round with the time it comes out; as stored for a campaign without a known source.
    static func beaconPhrase(_ c: Campaign) -> Phrase {
        guard let (source, round, time) = c.announcedRound else { return .verbatim(c.beaconRound) }
        return .announcedRound(source: source.name, round: round, publishedAt: time.beijingMinute)
    }

    /// The sentence in both languages (the API sends both).
    static func placementReason(_ req: Request, campaign: Campaign, application: ApplicationRecord, result: ResultRecord,
                                cutoffs: [String: UInt64]) async throws -> PlacementReason {
        let placement = result.placement
        let school = try await placement.schoolID.asyncFlatMap { try await req.registry.school(id: $0) }
        let zone = try await CampaignStore(req.db).zones(for: campaign).first { $0.id == application.zoneId }
        let catchmentID = zone?.servingSchoolID(for: campaign.grade)
        let catchment = try await catchmentID.asyncFlatMap { try await req.registry.school(id: $0) }
        let reason = PlacementReason(placement: placement, grade: campaign.grade, track: application.choice.track, schoolName: school?.name,
                                     cutoff: placement.schoolID.flatMap { cutoffs[$0] }, catchmentSchoolName: catchment?.name ?? "")
        return reason
    }

    static func values(of application: ApplicationRecord?, student: StudentRecord) -> [String: String] {
        guard let application else { return ["zone": student.zoneId ?? "", "tier": "1", "years": "0", "track": "public"] }
        let choices = application.choice.choices
        return ["application": application.id, "zone": application.zoneId, "tier": "\(application.tier)", "years": "\(application.years)",
                "track": application.track, "choice1": choices.first ?? "", "choice2": choices.dropFirst().first ?? ""]
    }
}
