import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// A campaign's window and beacon round: its manager changes them until the list is frozen; every
/// change is logged, and families read the log on their page and on the public page.
extension EnrollmentController {
    static func scheduleChanges(_ req: Request, campaignID: String) async throws -> [CampaignSchedulePage.Change] {
        try await CampaignStore(req.db).scheduleChanges(campaignID: campaignID).compactMap { record in
            CampaignSchedule.Field(rawValue: record.field).map {
                CampaignSchedulePage.Change(field: $0, old: record.oldValue, new: record.newValue, reason: record.reason, at: record.at, by: record.actorName)
            }
        }
    }

    /// The manager's campaign while its schedule may change; 403 for anyone else.
    private static func schedulable(_ req: Request) async throws -> (Viewer, Campaign) {
        let viewer = try req.requireStaff()
        let campaign = try await campaign(req)
        guard CampaignAccess.canManage(viewer.scope, campaign) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignManagerOnly)))
        }
        return (viewer, campaign)
    }

    @Sendable func scheduleForm(req: Request) async throws -> Response {
        let (_, campaign) = try await Self.schedulable(req)
        return try await schedulePage(req, campaign: campaign, values: Self.scheduleValues(campaign), problem: nil)
    }

    @Sendable func saveSchedule(req: Request) async throws -> Response {
        let (viewer, campaign) = try await Self.schedulable(req)
        let form = Self.form(req)
        let request = CampaignSchedule.Request(opensOn: form["opens_on"] ?? "", closesOn: form["closes_on"] ?? "",
                                               beaconSourceID: form["beacon_source"] ?? "", beaconRound: form["beacon_round"] ?? "")
        let changes: [CampaignSchedule.Change]
        do {
            changes = try await CampaignStore(req.db).updateSchedule(campaignID: campaign.id, request: request, reason: form["reason"] ?? "",
                                                                     actor: ApplicationActor(id: viewer.user.id, name: viewer.user.username))
        } catch let problem as CampaignProblem {
            return try await schedulePage(req, campaign: campaign, values: form, problem: problem)
        }
        if !changes.isEmpty {
            try await Audit.record(req, action: "campaign-schedule", subjectKind: "campaign", subjectIDs: [campaign.id],
                                   detail: { _ in changes.map { "\($0.field.rawValue): \($0.old) → \($0.new)" }.joined(separator: "; ") })
        }
        return req.redirect(to: "/enrollment/\(campaign.id)?rescheduled=\(changes.count)", redirectType: .normal)
    }

    private func schedulePage(_ req: Request, campaign: Campaign, values: [String: String], problem: CampaignProblem?) async throws -> Response {
        let model = CampaignSchedulePage.Model(
            campaignName: try await EnrollmentView.titlePhrase(req, campaign), campaignHref: "/enrollment/\(campaign.id)", status: campaign.status,
            values: values, problem: problem.map { CampaignPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) },
            changes: try await Self.scheduleChanges(req, campaignID: campaign.id))
        return req.page(CampaignSchedulePage.View(chrome: req.chrome(flash: problem == nil ? nil : .error(.forms(.fixBelow))), model: model),
                        status: problem == nil ? .ok : .badRequest)
    }

    private static func scheduleValues(_ c: Campaign) -> [String: String] {
        ["opens_on": c.opensOn.description, "closes_on": c.closesOn.description,
         "beacon_source": c.beaconSourceID ?? BeaconSource.known[0].id, "beacon_round": c.beaconRoundNumber.map(String.init) ?? ""]
    }
}
