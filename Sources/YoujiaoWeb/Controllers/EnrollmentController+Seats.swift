import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// A campaign's seats per school: its owner edits them until the list is frozen (one transaction,
/// every change logged); everyone who sees the campaign reads them against the applications.
extension EnrollmentController {
    /// The seats page's model, narrowed to the viewer's district like the campaign page.
    static func seatsModel(_ req: Request, typed: [String: String] = [:], problem: CampaignProblem? = nil) async throws -> CampaignSeatsPage.Model {
        let viewer = try req.requireStaff()
        let campaign = try await campaign(req)
        guard CampaignAccess.canSee(viewer.scope, campaign) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignOutsideScope)))
        }
        let store = CampaignStore(req.db)
        let district = CampaignAccess.narrowedDistrict(viewer.scope, campaign)
        let schools = try await store.enrollmentSchools(for: campaign).filter { district == nil || $0.districtCode == district }
        let applications = try await store.applications(campaignID: campaign.id).filter { district == nil || $0.districtCode == district }
        let registrySeats = try await store.registrySeats(for: campaign)
        let districtNames = Dictionary(uniqueKeysWithValues: try await req.registry.districts().map { ($0.code, $0.name) })
        let schoolNames = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })
        let balance = CampaignSeats.balance(schools: schools, applications: applications.map { ($0.districtCode, $0.choice.track) })
        let editing: CampaignSeatsPage.Editing = !campaign.acceptsSeatChanges ? .frozen
            : CampaignAccess.canManage(viewer.scope, campaign) ? .editable : .ownerOnly
        return CampaignSeatsPage.Model(
            campaignName: try await EnrollmentView.titlePhrase(req, campaign), campaignID: campaign.id, status: campaign.status, editing: editing,
            districts: balance.map {
                .init(name: districtNames[$0.districtCode] ?? $0.districtCode, publicSeats: $0.publicSeats, privateSeats: $0.privateSeats,
                      applications: $0.applications, privateTrackApplications: $0.privateTrackApplications)
            },
            schools: schools.map {
                .init(id: $0.id, name: $0.name, districtName: districtNames[$0.districtCode] ?? $0.districtCode, ownership: $0.ownership,
                      zones: $0.zones.count, registrySeats: registrySeats[$0.id], seats: $0.capacity)
            },
            changes: try await store.seatChanges(campaignID: campaign.id).compactMap { change in
                schoolNames[change.schoolId].map {
                    .init(at: change.at, actorName: change.actorName, schoolName: $0, oldSeats: change.oldSeats, newSeats: change.newSeats)
                }
            },
            typed: typed, saved: problem == nil ? try? req.query.get(Int.self, at: "saved") : nil,
            problem: problem.map { CampaignPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) },
            sort: try req.tableSort(keys: CampaignSeatsPage.sortableKeys, fallback: CampaignSeatsPage.defaultSort))
    }

    @Sendable func seats(req: Request) async throws -> Response {
        req.page(CampaignSeatsPage.View(chrome: req.chrome(), model: try await Self.seatsModel(req), address: req.address))
    }

    /// The seats form: stored whole or not at all; a refused field shows the form again with what was typed (400).
    @Sendable func saveSeats(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req)
        guard CampaignAccess.canManage(viewer.scope, campaign) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignSeatsOwnerOnly)))
        }
        let form = Self.form(req)
        let changes: [CampaignSeatChange]
        do {
            changes = try await CampaignStore(req.db).updateSeats(campaignID: campaign.id, form: form,
                                                                  actor: ApplicationActor(id: viewer.user.id, name: viewer.user.username))
        } catch let problem as CampaignProblem {
            let model = try await Self.seatsModel(req, typed: form, problem: problem)
            return req.page(CampaignSeatsPage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))), model: model, address: req.address),
                            status: .badRequest)
        }
        return req.redirect(to: "/enrollment/\(campaign.id)/seats?saved=\(changes.count)", redirectType: .normal)
    }

    /// One of the seats page's tables, whole, as CSV or XLSX in the viewer's language.
    @Sendable func seatsDownload(req: Request, table: String, as format: DownloadFormat) async throws -> Response {
        let model = try await Self.seatsModel(req)
        let tableModel: TableModel
        switch table {
        case "districts": tableModel = CampaignSeatsPage.districtTable(model)
        case "schools": tableModel = CampaignSeatsPage.schoolTable(model, inputs: false)
        default: tableModel = CampaignSeatsPage.changeTable(model)
        }
        return try req.download(tableModel, name: "seats-\(table)-\(model.campaignID)", as: format)
    }
}
