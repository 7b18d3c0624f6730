import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// 入学招生 under /api/v1, read only and scoped like the pages: city and district admins read the
/// campaigns they see there (a district admin only their district's part of a city-wide one), a
/// school admin a published campaign's results at their school, a guardian the campaigns open to
/// families and their own child's result, anybody the published files. Results carry pseudonymous
/// applicant ids only, never a name or an ID number, so reading them is not a read of pupils' data.
struct CampaignAPIController {
    func register(_ routes: any RoutesBuilder) {
        let api = routes.grouped("api", "v1", "campaigns")
        api.get(use: list)
        api.get(":id", use: show)
        api.get(":id", "results", use: results)
        api.get(":id", "students", ":student", "result", use: childResult)
        api.get(":id", "files", ":file", use: EnrollmentController().publicFile)
    }

    struct RoutesJSON: Content {
        var `private`: Int; var catchment: Int; var coordinated: Int; var unplaced: Int
        init(_ counts: EnrollmentReport.RouteCounts) {
            `private` = counts.private; catchment = counts.catchment; coordinated = counts.coordinated; unplaced = counts.unplaced
        }
    }
    struct SchoolJSON: Content {
        var id: String; var name: String; var district: String; var ownership: String; var seats: Int
        var applicants: Int?; var admitted: Int?; var lastAdmittedLottery: String?
    }
    struct CampaignJSON: Content {
        var id: String; var year: Int; var grade: String; var district: String?; var opensOn: String; var closesOn: String
        var status: String; var beaconRound: String; var notaryCommitment: String; var listHash: String?
        var beaconValue: String?; var notarySecret: String?; var seed: String?
        /// The district the figures below cover (a district admin reading a city-wide campaign), else absent.
        var figuresFor: String?
        var applications: Int?; var routes: RoutesJSON?; var coordinatedTotalDistanceM: Int?; var coordinatedOptimalTotalDistanceM: Int?
        var schools: [SchoolJSON]?

        init(_ c: Campaign) {
            id = c.id; year = c.year; grade = c.grade.rawValue; district = c.districtCode; opensOn = c.opensOn.description
            closesOn = c.closesOn.description; status = c.status.rawValue; beaconRound = c.beaconRound
            notaryCommitment = c.notaryCommitment; listHash = c.listHash
        }
    }
    struct ResultJSON: Content {
        var applicantId: String; var district: String; var schoolId: String?; var route: String; var choiceRank: Int?
        var distanceM: Int?; var lottery: String
        init(_ r: DistrictResultRecord) {
            applicantId = r.applicantId; district = r.districtCode; schoolId = r.schoolId; route = r.route; choiceRank = r.choiceRank
            distanceM = r.distanceM; lottery = r.lottery
        }
    }
    struct ChildResultJSON: Content {
        struct Reason: Content { var zh: String; var en: String }
        struct Placement: Content {
            var schoolId: String?; var schoolName: String?; var route: String; var choiceRank: Int?; var distanceM: Int?; var lottery: String
            var reason: Reason
        }
        var campaignId: String; var studentId: String; var applicantId: String; var campaignStatus: String
        /// Present once the results are published.
        var result: Placement?
    }

    // MARK: Scope

    /// Whether the viewer may read the campaign; a school admin's school district is looked up once by the caller.
    static func canRead(_ scope: AccessScope, schoolDistrict: String?, _ campaign: Campaign) -> Bool {
        switch scope.role {
        case .cityAdmin, .districtAdmin: return CampaignAccess.canSee(scope, campaign)
        case .schoolAdmin: return campaign.status == .published && schoolDistrict != nil && (campaign.districtCode ?? schoolDistrict) == schoolDistrict
        case .guardian: return campaign.status != .draft
        case .teacher: return false
        }
    }

    static func schoolDistrict(_ req: Request, _ scope: AccessScope) async throws -> String? {
        guard scope.role == .schoolAdmin else { return nil }
        return try await scope.schoolID.asyncFlatMap { try await req.registry.school(id: $0) }?.districtCode
    }

    /// The campaign of the path, or 404; 403 outside the viewer's scope.
    static func readableCampaign(_ req: Request, viewer: Viewer) async throws -> Campaign {
        let campaign = try await EnrollmentController.campaign(req)
        guard canRead(viewer.scope, schoolDistrict: try await schoolDistrict(req, viewer.scope), campaign) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignOutsideScope)))
        }
        return campaign
    }

    // MARK: Handlers

    @Sendable func list(req: Request) async throws -> [CampaignJSON] {
        let viewer = try req.requireViewer()
        let district = try await Self.schoolDistrict(req, viewer.scope)
        return try await CampaignStore(req.db).campaigns().filter { Self.canRead(viewer.scope, schoolDistrict: district, $0) }.map(CampaignJSON.init)
    }

    /// The campaign; the seed's ingredients once drawn (staff who see it) or published (everyone who
    /// may read it); for staff the applications and seats per school of their view, and after the
    /// draw the counts per route and the coordinated kilometres.
    @Sendable func show(req: Request) async throws -> CampaignJSON {
        let viewer = try req.requireViewer()
        let campaign = try await Self.readableCampaign(req, viewer: viewer)
        let store = CampaignStore(req.db)
        let staff = CampaignAccess.canSee(viewer.scope, campaign)
        var json = CampaignJSON(campaign)
        guard staff || campaign.status == .published else { return json }
        json.beaconValue = campaign.beaconValue; json.notarySecret = campaign.notarySecret; json.seed = campaign.seed
        let district = staff ? CampaignAccess.narrowedDistrict(viewer.scope, campaign) : nil
        json.figuresFor = district
        let part = try await store.report(campaign)?.part(district: district)
        if let part {
            json.routes = RoutesJSON(part.routes)
            json.coordinatedTotalDistanceM = part.totalDistanceM; json.coordinatedOptimalTotalDistanceM = part.optimalTotalDistanceM
        }
        guard staff else { return json }
        json.applications = try await store.applications(campaignID: campaign.id).filter { district == nil || $0.districtCode == district }.count
        let summaries = Dictionary(uniqueKeysWithValues: (part?.schools ?? []).map { ($0.schoolId, $0) })
        json.schools = try await store.enrollmentSchools(for: campaign).filter { district == nil || $0.districtCode == district }.map { s in
            let summary = summaries[s.id]
            return SchoolJSON(id: s.id, name: s.name, district: s.districtCode, ownership: s.ownership.rawValue, seats: s.capacity,
                              applicants: summary?.applicants, admitted: summary?.admitted, lastAdmittedLottery: summary?.highestAdmittedLottery)
        }
        return json
    }

    /// The placements, a page at a time: city admins all, a district admin their district's
    /// children and schools, a school admin their school's once published. Empty before the draw.
    @Sendable func results(req: Request) async throws -> APIController.PageJSON<ResultJSON> {
        let viewer = try req.requireStaff()
        let campaign = try await Self.readableCampaign(req, viewer: viewer)
        let page = try req.pageRequest(perPage: 500, maxPerPage: 5_000)
        var school = viewer.scope.role == .schoolAdmin ? viewer.scope.schoolID : nil
        if let asked = req.query[String.self, at: "school"] {
            guard asked.count == 10, asked.allSatisfy(\.isASCII), asked.allSatisfy(\.isNumber) else {
                throw FieldProblem(field: "school", message: "school must be a 10-digit school id")
            }
            guard let found = try await req.registry.school(id: asked) else { throw Abort(.notFound, reason: "no school \(asked)") }
            guard viewer.scope.canSeeSchool(id: found.id, districtCode: found.districtCode) else {
                throw Abort(.forbidden, reason: "school \(asked) is outside your scope")
            }
            school = asked
        }
        let district = CampaignAccess.narrowedDistrict(viewer.scope, campaign)
        let result = try await CampaignStore(req.db).results(campaignID: campaign.id, district: district, school: school, page: page)
        return .init(items: result.items.map(ResultJSON.init), total: result.total, page: result.page, perPage: result.perPage)
    }

    /// A guardian's own child: the application's pseudonymous id and, once published, the result with its reason.
    @Sendable func childResult(req: Request) async throws -> ChildResultJSON {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID else {
            throw Abort(.forbidden, reason: "guardians read their own children's results; staff read /results")
        }
        let campaign = try await EnrollmentController.campaign(req)
        let studentID = req.parameters.get("student") ?? ""
        // A child the registry does not know has no guardians: refused like another family's child, without saying which.
        guard try await req.registry.guardianIDs(ofStudent: studentID).contains(guardianID) else {
            throw Abort(.forbidden, reason: "not your child")
        }
        let store = CampaignStore(req.db)
        guard let application = try await store.application(campaignID: campaign.id, studentID: studentID) else {
            throw Abort(.notFound, reason: "the child has no application in this campaign")
        }
        var json = ChildResultJSON(campaignId: campaign.id, studentId: studentID, applicantId: application.applicantId, campaignStatus: campaign.status.rawValue)
        if campaign.status == .published, let placed = try await store.result(campaignID: campaign.id, applicantID: application.applicantId) {
            let reason = try await EnrollmentView.placementReason(req, campaign: campaign, application: application, result: placed,
                                                                   cutoffs: try await store.privateCutoffs(campaignID: campaign.id))
            json.result = .init(schoolId: placed.schoolId, schoolName: try await placed.schoolId.asyncFlatMap { try await req.registry.school(id: $0) }?.name,
                                route: placed.route, choiceRank: placed.choiceRank, distanceM: placed.distanceM, lottery: placed.lottery,
                                reason: .init(zh: reason.zh, en: reason.en))
        }
        return json
    }
}
