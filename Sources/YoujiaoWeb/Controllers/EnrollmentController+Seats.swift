import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// A campaign's seats per school: its owner edits them until the list is frozen (one transaction,
/// every change logged); everyone who sees the campaign reads them against the applications.
extension EnrollmentController {
    /// What the seats page and its CSV files show, narrowed to the viewer's district like the campaign page.
    struct SeatsContext {
        var campaign: Campaign
        var canEdit: Bool
        var schools: [EnrollmentSchool]
        /// The registry's entry seats, which the campaign started from.
        var registrySeats: [String: Int]
        var balance: [SeatBalance]
        var changes: [SeatChangeRecord]
        var districtNames: [String: String]
    }

    static func seatsContext(_ req: Request) async throws -> SeatsContext {
        let viewer = try req.requireStaff()
        let campaign = try await campaign(req)
        guard canSee(viewer.scope, campaign) else {
            throw Abort(.forbidden, reason: req.t("这次招生不在您的管辖范围内。", "This campaign is outside your scope."))
        }
        let store = CampaignStore(req.db)
        let district = narrowedDistrict(viewer.scope, campaign)
        let schools = try await store.enrollmentSchools(for: campaign).filter { district == nil || $0.districtCode == district }
        let shown = Set(schools.map(\.id))
        let applications = try await store.applications(campaignID: campaign.id).filter { district == nil || $0.districtCode == district }
        return SeatsContext(
            campaign: campaign, canEdit: canManage(viewer.scope, campaign) && campaign.acceptsSeatChanges, schools: schools,
            registrySeats: try await store.registrySeats(for: campaign),
            balance: CampaignSeats.balance(schools: schools, applications: applications.map { ($0.districtCode, $0.choice.track) }),
            changes: try await store.seatChanges(campaignID: campaign.id).filter { shown.contains($0.schoolId) },
            districtNames: Dictionary(uniqueKeysWithValues: try await req.registry.districts().map { ($0.code, $0.name) }))
    }

    @Sendable func seats(req: Request) async throws -> Response {
        let context = try await Self.seatsContext(req)
        return EnrollmentView.seats(req, context: context, values: [:], saved: try? req.query.get(Int.self, at: "saved"), problem: nil)
    }

    /// The seats form: stored whole or not at all; a refused field shows the form again with what was typed (400).
    @Sendable func saveSeats(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req)
        guard Self.canManage(viewer.scope, campaign) else {
            throw Abort(.forbidden, reason: req.t("只有负责本次招生的教育局可以修改学位。", "Only the authority running this campaign may change its seats."))
        }
        let form = Self.form(req)
        let changes: [CampaignSeatChange]
        do {
            changes = try await CampaignStore(req.db).updateSeats(campaignID: campaign.id, form: form,
                                                                  actor: ApplicationActor(id: viewer.user.id, name: viewer.user.username))
        } catch let problem as CampaignProblem {
            return EnrollmentView.seats(req, context: try await Self.seatsContext(req), values: form, saved: nil, problem: problem)
        }
        return req.redirect(to: "/enrollment/\(campaign.id)/seats?saved=\(changes.count)", redirectType: .normal)
    }

    @Sendable func seatsCSV(req: Request) async throws -> Response {
        let c = try await Self.seatsContext(req)
        return Layout.csv("\(c.campaign.id)-seats.csv",
                          header: ["school_id", "name", "district", "ownership", "zones", "registry_seats", "seats"],
                          rows: c.schools.map { s in
                              [s.id, s.name, s.districtCode, s.ownership.rawValue, s.zones.joined(separator: ";"),
                               c.registrySeats[s.id].map(String.init) ?? "", String(s.capacity)]
                          })
    }

    @Sendable func seatBalanceCSV(req: Request) async throws -> Response {
        let c = try await Self.seatsContext(req)
        return Layout.csv("\(c.campaign.id)-seat-balance.csv",
                          header: ["district", "name", "public_seats", "private_seats", "seats", "applications", "private_track_applications", "gap"],
                          rows: c.balance.map { b in
                              [b.districtCode, c.districtNames[b.districtCode] ?? "", String(b.publicSeats), String(b.privateSeats), String(b.seats),
                               String(b.applications), String(b.privateTrackApplications), String(b.gap)]
                          })
    }

    @Sendable func seatChangesCSV(req: Request) async throws -> Response {
        let c = try await Self.seatsContext(req)
        return Layout.csv("\(c.campaign.id)-seat-changes.csv", header: ["at", "user", "school_id", "old_seats", "new_seats"],
                          rows: c.changes.map { [$0.at, $0.actorName, $0.schoolId, String($0.oldSeats), String($0.newSeats)] })
    }
}
