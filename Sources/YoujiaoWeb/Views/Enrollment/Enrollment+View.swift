import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// What the seats page (still an HTML string) and the family and API pages share.
enum EnrollmentView {
    static func statusLabel(_ req: Request, _ status: CampaignStatus) -> String {
        switch status {
        case .draft: return req.t("草稿", "draft")
        case .open: return req.t("报名中", "open")
        case .frozen: return req.t("名单已冻结", "list frozen")
        case .drawn: return req.t("已派位（待发布）", "drawn")
        case .published: return req.t("结果已发布", "published")
        }
    }

    /// The campaign's name for families, with the district's name rather than its code.
    static func titlePhrase(_ req: Request, _ c: Campaign) async throws -> Phrase {
        let district = try await c.districtCode.asyncFlatMap { try await req.registry.district(code: $0) }
        let grade = Phrase.grade(c.grade)
        let entry = c.stage == .kindergarten ? Phrase(zh: "入园", en: "entry") : Phrase(zh: "入学", en: "entry")
        let place = district.map { Phrase.verbatim($0.name) } ?? Phrase(zh: "全市", en: "city-wide")
        return Phrase(zh: "\(c.year) 年\(place.zh)\(grade.zh)\(entry.zh)", en: "\(place.en) \(grade.en) \(entry.en) \(c.year)")
    }

    static func title(_ req: Request, _ c: Campaign) -> String {
        // Kindergarten entry is 入园, school entry 入学.
        let entry = c.stage == .kindergarten ? "入园" : "入学"
        let district = c.districtCode.map { req.districtNames[$0] ?? $0 }
        return req.t("\(c.year) 年\(district ?? "全市")\(c.grade.label(req))\(entry)", "\(district ?? "City-wide") \(c.grade.label(req)) entry \(c.year)")
    }

    static func problemBox(_ req: Request, _ problem: CampaignProblem?) -> String {
        problem.map { "<p class=\"error\" data-field=\"\(esc($0.field))\">\(esc(req.t($0.zh, $0.en)))</p>" } ?? ""
    }

    static func csrf(_ req: Request) -> String { "<input type=\"hidden\" name=\"_csrf\" value=\"\(esc(req.csrfToken))\">" }

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
