import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// 入学报名: campaigns (district admins for their district, city admins for city-wide ones), the
/// guardian's application, the draw and its review, the per-school export, and the public page
/// from which anyone can download the published inputs and re-run the draw.
struct EnrollmentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enrollment", use: list)
        routes.post("enrollment", use: create)
        routes.get("enrollment", "campaigns.csv") { try await listDownload(req: $0, as: .csv) }
        routes.get("enrollment", "campaigns.xlsx") { try await listDownload(req: $0, as: .xlsx) }
        let campaign = routes.grouped("enrollment", ":id")
        campaign.get(use: show)
        campaign.post("open", use: open)
        campaign.post("freeze", use: freeze)
        campaign.post("draw", use: draw)
        campaign.post("publish", use: publish)
        for step in CampaignStepGuard.Step.allCases {
            campaign.get(PathComponent(stringLiteral: step.rawValue)) { try await confirmPage(req: $0, step: step) }
        }
        campaign.get("schedule", use: scheduleForm)
        campaign.post("schedule", use: saveSchedule)
        campaign.get("results.csv", use: schoolExport)
        campaign.get("schools.csv") { try await schoolsDownload(req: $0, as: .csv) }
        campaign.get("schools.xlsx") { try await schoolsDownload(req: $0, as: .xlsx) }
        campaign.get("seats", use: seats)
        campaign.post("seats", use: saveSeats)
        for table in ["districts", "schools", "changes"] {
            campaign.get("seats", "\(table).csv") { try await seatsDownload(req: $0, table: table, as: .csv) }
            campaign.get("seats", "\(table).xlsx") { try await seatsDownload(req: $0, table: table, as: .xlsx) }
        }
        campaign.get("apply", ":student", use: applyForm)
        campaign.post("apply", ":student", use: apply)
        routes.get("public", "enrollment", ":id", use: publicPage)
        routes.get("public", "enrollment", ":id", ":file", use: publicFile)
    }

    // MARK: Scope (the rules are CampaignAccess's, in Core)

    static func campaign(_ req: Request) async throws -> Campaign {
        guard let campaign = try await CampaignStore(req.db).campaign(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchCampaign)))
        }
        return campaign
    }

    static func form(_ req: Request) -> [String: String] {
        req.formFields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    // MARK: Lists and the campaign page

    /// The campaigns that concern one of the guardian's children: registered, or eligible by age.
    static func familyModel(_ req: Request, guardianID: String, campaigns: [Campaign]) async throws -> FamilyEnrollmentPage.Model {
        let store = CampaignStore(req.db)
        let children = try await req.registry.children(ofGuardian: guardianID)
        var sections: [FamilyEnrollmentPage.Campaign] = []
        for campaign in campaigns {
            let cutoffs = campaign.status == .published ? try await store.privateCutoffs(campaignID: campaign.id) : [:]
            var rows: [FamilyEnrollmentPage.Row] = []
            for child in children {
                let application = try await store.application(campaignID: campaign.id, studentID: child.id)
                let eligible = CaseDate(child.birthDate).map { birth in
                    (try? campaign.checkEligible(birthDate: birth, currentGrade: child.grade.flatMap(Grade.init(rawValue:)))) != nil
                } ?? false
                guard application != nil || eligible else { continue }
                var result: Phrase?
                if campaign.status == .published, let application,
                   let placed = try await store.result(campaignID: campaign.id, applicantID: application.applicantId) {
                    let reason = try await EnrollmentView.placementReason(req, campaign: campaign, application: application, result: placed, cutoffs: cutoffs)
                    result = Phrase(zh: reason.zh, en: reason.en)
                }
                rows.append(FamilyEnrollmentPage.Row(
                    childName: child.name, maskedID: child.maskedNationalId, isRegistered: application != nil,
                    formHref: campaign.acceptsApplications(on: .today()) ? "/enrollment/\(campaign.id)/apply/\(child.id)" : nil, result: result))
            }
            guard !rows.isEmpty else { continue }
            sections.append(FamilyEnrollmentPage.Campaign(
                id: campaign.id, name: try await EnrollmentView.titlePhrase(req, campaign), status: campaign.status,
                publicHref: campaign.listHash == nil ? nil : "/public/enrollment/\(campaign.id)", rows: rows,
                window: .campaignWindow(opens: campaign.opensOn, closes: campaign.closesOn),
                notices: try await Self.scheduleChanges(req, campaignID: campaign.id).map(\.notice)))
        }
        return FamilyEnrollmentPage.Model(campaigns: sections)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let campaigns = try await CampaignStore(req.db).campaigns()
        if viewer.scope.role == .guardian {
            var model = try await Self.familyModel(req, guardianID: viewer.scope.guardianID ?? "", campaigns: campaigns.filter { $0.status != .draft })
            model.zhongkao = try await ZhongkaoController.familyResults(req, guardianID: viewer.scope.guardianID ?? "")
            let saved = req.query[String.self, at: "saved"] != nil
            return req.page(FamilyEnrollmentPage.View(chrome: req.chrome(flash: saved ? .success(.familyEnrollment(.applicationSaved)) : nil), model: model))
        }
        guard viewer.scope.role == .cityAdmin || viewer.scope.role == .districtAdmin else {
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignsDistrictAndCityOnly)))
        }
        let model = try await Self.listModel(req, campaigns: campaigns.filter { CampaignAccess.canSee(viewer.scope, $0) },
                                             values: CampaignListPage.proposedValues(today: .today()), problem: nil)
        return req.page(CampaignListPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    static func listModel(_ req: Request, campaigns: [Campaign], values: [String: String], problem: CampaignProblem?) async throws -> CampaignListPage.Model {
        var rows: [CampaignListPage.Row] = []
        for c in campaigns {
            rows.append(CampaignListPage.Row(name: try await EnrollmentView.titlePhrase(req, c), href: "/enrollment/\(c.id)", year: c.year, status: c.status,
                                             opensOn: c.opensOn, closesOn: c.closesOn, listHash: c.listHash))
        }
        return CampaignListPage.Model(rows: rows, sort: try req.tableSort(keys: CampaignListPage.sortableKeys, fallback: CampaignListPage.defaultSort),
                                      entryGrades: Campaign.entryGrades, values: values,
                                      problem: problem.map { CampaignPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) })
    }

    /// The campaigns table, whole and in its sort order, as CSV or XLSX.
    @Sendable func listDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireStaff()
        guard viewer.scope.role != .schoolAdmin else { throw Abort(.forbidden, reason: req.t(.refusal(.campaignsDistrictAndCityOnly))) }
        let campaigns = try await CampaignStore(req.db).campaigns().filter { CampaignAccess.canSee(viewer.scope, $0) }
        let model = try await Self.listModel(req, campaigns: campaigns, values: [:], problem: nil)
        return try req.download(CampaignListPage.table(model, language: req.language), name: "campaigns", as: format)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let form = Self.form(req)
        let campaigns = try await CampaignStore(req.db).campaigns()
        do throws(CampaignProblem) {
            let campaign = try Self.newCampaign(form, scope: viewer.scope)
            do { try await CampaignStore(req.db).create(campaign) } catch {
                throw CampaignProblem("year", zh: "保存失败：同名招生已存在或数据有误。", en: "not saved: a campaign with this id exists or the data is invalid")
            }
            return req.redirect(to: "/enrollment/\(campaign.id)", redirectType: .normal)
        } catch {
            let model = try await Self.listModel(req, campaigns: campaigns.filter { CampaignAccess.canSee(viewer.scope, $0) }, values: form, problem: error)
            return req.page(CampaignListPage.View(chrome: req.chrome(), model: model, address: req.address), status: .badRequest)
        }
    }

    static func newCampaign(_ form: [String: String], scope: AccessScope) throws(CampaignProblem) -> Campaign {
        guard let year = Int(form["year"] ?? ""), (2000...2100).contains(year) else {
            throw CampaignProblem("year", zh: "请填写入学年份（如 2026）。", en: "enter the school year, e.g. 2026")
        }
        guard let grade = Grade(rawValue: form["grade"] ?? ""), Campaign.entryGrades.contains(grade) else {
            throw CampaignProblem("grade", zh: "请选择起始年级（小班、一年级或六年级）。", en: "choose K1, grade 1 or 6")
        }
        let (opens, closes, source, round) = try CampaignSchedule.checked(
            .init(opensOn: form["opens_on"] ?? "", closesOn: form["closes_on"] ?? "", beaconSourceID: form["beacon_source"] ?? "",
                  beaconRound: form["beacon_round"] ?? ""), year: year)
        let commitment = (form["notary_commitment"] ?? "").lowercased()
        guard commitment.count == 64, commitment.allSatisfy(\.isHexDigit) else {
            throw CampaignProblem("notary_commitment", zh: "公证密钥哈希须为 64 位十六进制数（SHA-256）。", en: "the notary commitment is 64 hex digits (SHA-256)")
        }
        let (district, allowed) = CampaignAccess.creatableScope(scope)
        guard allowed else { throw CampaignProblem("year", zh: "只有区、市教育局可以创建招生。", en: "only district and city admins create campaigns") }
        return Campaign(id: "\(year)-g\(grade.rawValue.lowercased())-\(district ?? "city")-\(UUID().uuidString.prefix(4).lowercased())",
                        year: year, grade: grade, districtCode: district, opensOn: opens, closesOn: closes,
                        beaconRound: source.roundDescription(round).zh, beaconSourceID: source.id, beaconRoundNumber: round, notaryCommitment: commitment)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let campaign = try await Self.campaign(req)
        if viewer.scope.role == .guardian { return req.redirect(to: "/enrollment") }
        guard CampaignAccess.canSee(viewer.scope, campaign) else { throw Abort(.forbidden, reason: req.t(.refusal(.campaignOutsideScope))) }
        return try await page(req, viewer: viewer, campaign: campaign, problem: nil)
    }

    private func page(_ req: Request, viewer: Viewer, campaign: Campaign, problem: CampaignProblem?) async throws -> Response {
        let model = try await Self.campaignModel(req, viewer: viewer, campaign: campaign, problem: problem)
        let flash: Flash? = problem == nil && req.query[Int.self, at: "rescheduled"] != nil ? .success(.schedule(.saved)) : nil
        return req.page(CampaignPage.View(chrome: req.chrome(flash: flash), model: model, address: req.address), status: problem == nil ? .ok : .badRequest)
    }

    /// The campaign as this viewer may read it: a district admin's part of a city-wide campaign is
    /// their district's schools, applications and results only.
    static func campaignModel(_ req: Request, viewer: Viewer, campaign c: Campaign, problem: CampaignProblem?) async throws -> CampaignPage.Model {
        let store = CampaignStore(req.db)
        let district = CampaignAccess.narrowedDistrict(viewer.scope, c)
        let schools = try await store.enrollmentSchools(for: c).filter { district == nil || $0.districtCode == district }
        let applications = try await store.applications(campaignID: c.id).filter { district == nil || $0.districtCode == district }
        let report = try await store.report(c)?.part(district: district)
        let base = "/enrollment/\(c.id)"
        let results = Dictionary(report?.schools.map { ($0.schoolId, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        func result(_ id: String) -> CampaignPage.Result? {
            results[id].map { CampaignPage.Result(applicants: $0.applicants, admitted: $0.admitted, lastAdmittedNumber: $0.highestAdmittedLottery,
                                                  admittedListHref: "\(base)/results.csv?school=\(id)") }
        }
        var rows = schools.map { CampaignPage.School(id: $0.id, name: $0.name, ownership: $0.ownership, seats: $0.capacity, zones: $0.zones.count,
                                                     result: result($0.id)) }
        // A school of the draw no longer among the campaign's schools still shows its results.
        for summary in report?.schools ?? [] where !schools.contains(where: { $0.id == summary.schoolId }) {
            let name = try await req.registry.school(id: summary.schoolId)?.name ?? summary.schoolId
            rows.append(CampaignPage.School(id: summary.schoolId, name: name, ownership: summary.ownership, seats: summary.seats, zones: 0,
                                            result: result(summary.schoolId)))
        }
        let sort = try req.tableSort(keys: CampaignPage.sortableKeys(afterDraw: report != nil), fallback: CampaignPage.defaultSort)
        let canManage = CampaignAccess.canManage(viewer.scope, c)
        var nextStep: CampaignPage.NextStep?
        if canManage {
            switch c.status {
            case .draft: nextStep = .open(action: base + "/open")
            case .open: nextStep = .freeze(href: base + "/freeze")
            case .frozen: nextStep = .draw(href: base + "/draw")
            case .drawn: nextStep = .publish(href: base + "/publish")
            case .published: nextStep = nil
            }
        }
        let review = report.map {
            CampaignPage.Review(routes: .init(privateLottery: $0.routes.private, catchment: $0.routes.catchment, coordinated: $0.routes.coordinated,
                                              unplaced: $0.routes.unplaced),
                                coordinatedPlaced: $0.coordinatedPlaced, totalDistanceMetres: $0.totalDistanceM, optimalDistanceMetres: $0.optimalTotalDistanceM)
        }
        let districtName = try await district.asyncFlatMap { code in try await req.registry.district(code: code)?.name ?? code }
        return CampaignPage.Model(
            name: try await EnrollmentView.titlePhrase(req, c), id: c.id, status: c.status, opensOn: c.opensOn, closesOn: c.closesOn,
            applications: applications.count, beaconRound: EnrollmentView.beaconPhrase(c), notaryCommitment: c.notaryCommitment, listHash: c.listHash, seed: c.seed,
            narrowedTo: districtName, nextStep: nextStep, mayEditSeats: canManage && c.acceptsSeatChanges, schools: rows, review: review,
            sort: sort, problem: problem.map { CampaignPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) },
            scheduleHref: canManage && c.acceptsSeatChanges ? base + "/schedule" : nil,
            scheduleChanges: try await Self.scheduleChanges(req, campaignID: c.id))
    }

    /// The campaign page's schools table, whole and in its sort order, as CSV or XLSX.
    @Sendable func schoolsDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req)
        guard CampaignAccess.canSee(viewer.scope, campaign) else { throw Abort(.forbidden, reason: req.t(.refusal(.campaignOutsideScope))) }
        let model = try await Self.campaignModel(req, viewer: viewer, campaign: campaign, problem: nil)
        return try req.download(CampaignPage.schoolsTable(model), name: "schools-\(campaign.id)", as: format)
    }

    // MARK: The district's steps

    /// One step of the life cycle by the campaign's manager; a refused step shows the page with the
    /// reason (400). The irreversible ones (freeze, draw, publish) come back to their confirmation page.
    private func step(_ req: Request, guarded: CampaignStepGuard.Step? = nil,
                      _ action: @escaping @Sendable (CampaignStore, Campaign, [String: String]) async throws -> Void) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req)
        guard CampaignAccess.canManage(viewer.scope, campaign) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignManagerOnly)))
        }
        let form = Self.form(req)
        var reason = ""
        do {
            if let guarded {
                reason = try CampaignStepGuard.check(guarded, campaign: campaign, confirmed: form["confirmed"] == "yes", reason: form["reason"],
                                                     today: .today())
            }
            try await action(CampaignStore(req.db), campaign, form)
        } catch let problem as CampaignProblem {
            if let guarded { return try await confirmPage(req: req, step: guarded, problem: problem, form: form) }
            return try await page(req, viewer: viewer, campaign: campaign, problem: problem)
        } catch let errors as InputErrors {
            return try await page(req, viewer: viewer, campaign: campaign,
                                  problem: CampaignProblem("status", zh: "输入数据有误：\(errors)", en: "the inputs are invalid: \(errors)"))
        }
        try await Audit.record(req, action: "campaign-" + (req.url.path.split(separator: "/").last.map(String.init) ?? ""),
                               subjectKind: "campaign", subjectIDs: [campaign.id], detail: { _ in reason.isEmpty ? "" : "reason: " + reason })
        return req.redirect(to: "/enrollment/\(campaign.id)", redirectType: .normal)
    }

    /// What an irreversible step will do, with the counts, before the manager confirms it.
    @Sendable func confirmPage(req: Request, step: CampaignStepGuard.Step, problem: CampaignProblem? = nil,
                               form: [String: String] = [:]) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req)
        guard CampaignAccess.canManage(viewer.scope, campaign) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignManagerOnly)))
        }
        let store = CampaignStore(req.db)
        let applications = try await store.applications(campaignID: campaign.id).count
        let schools = try await store.enrollmentSchools(for: campaign)
        var counts = [ConfirmPanel.Count(.campaign(.applications), applications), ConfirmPanel.Count(.campaign(.schoolsInCampaign), schools.count),
                      ConfirmPanel.Count(.campaign(.seats), schools.reduce(0) { $0 + $1.capacity })]
        if step == .publish, let routes = try await store.report(campaign)?.routes {
            counts += [ConfirmPanel.Count(.placedBy(.private), routes.private), ConfirmPanel.Count(.placedBy(.catchment), routes.catchment),
                       ConfirmPanel.Count(.placedBy(.coordinated), routes.coordinated), ConfirmPanel.Count(.placedBy(.unplaced), routes.unplaced)]
        }
        let early = step == .freeze && CampaignStepGuard.freezeIsEarly(campaign, today: .today())
        let model = CampaignStepPage.Model(
            campaignName: try await EnrollmentView.titlePhrase(req, campaign), campaignHref: "/enrollment/\(campaign.id)", status: campaign.status,
            step: step, counts: counts, earlyClosingDay: early ? campaign.closesOn.description : nil, reason: form["reason"] ?? "",
            beaconRound: EnrollmentView.beaconPhrase(campaign), problem: problem.map { ($0.field, Phrase(zh: $0.zh, en: $0.en)) })
        return req.page(CampaignStepPage.View(chrome: req.chrome(), model: model), status: problem == nil ? .ok : .badRequest)
    }

    @Sendable func open(req: Request) async throws -> Response {
        try await step(req) { store, campaign, _ in try await store.advance(campaign.id, to: .open) }
    }

    @Sendable func freeze(req: Request) async throws -> Response {
        try await step(req, guarded: .freeze) { store, campaign, _ in _ = try await store.freeze(campaign.id) }
    }

    @Sendable func draw(req: Request) async throws -> Response {
        try await step(req, guarded: .draw) { store, campaign, form in
            try await store.draw(campaign.id, beaconValue: form["beacon_value"] ?? "", notarySecret: form["notary_secret"] ?? "")
        }
    }

    @Sendable func publish(req: Request) async throws -> Response {
        try await step(req, guarded: .publish) { store, campaign, _ in try await store.advance(campaign.id, to: .published) }
    }

    /// One school's admitted children (pseudonymous id, masked ID number, name): the campaign's
    /// viewers for the schools in their scope, and the school's own admin once results are published. Audited.
    @Sendable func schoolExport(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req)
        let schoolID = (try? req.query.get(String.self, at: "school")) ?? ""
        guard let school = try await req.registry.school(id: schoolID) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool))) }
        guard CampaignAccess.canExportAdmittedList(viewer.scope, campaign, schoolID: school.id, schoolDistrict: school.districtCode) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.admissionListOutsideScope)))
        }
        let store = CampaignStore(req.db)
        let applications = Dictionary(uniqueKeysWithValues: try await store.applications(campaignID: campaign.id).map { ($0.applicantId, $0) })
        let results = try await store.results(campaignID: campaign.id).filter { $0.schoolId == school.id }
        var rows: [[String]] = []
        var students: [StudentRecord] = []
        for result in results {
            guard let application = applications[result.applicantId], let student = try await req.registry.student(id: application.studentId) else { continue }
            students.append(student)
            rows.append([result.applicantId, student.name, student.maskedNationalId, result.route, result.choiceRank.map(String.init) ?? "",
                         result.distanceM.map(String.init) ?? "", result.lottery])
        }
        try await Audit.record(req, students: students, action: "campaign-results-export")
        return Layout.csv("\(campaign.id)-\(school.id).csv",
                          header: ["applicant_id", "name", "national_id_masked", "route", "choice_rank", "distance_m", "lottery"], rows: rows)
    }

    // MARK: The guardian's application

    /// The guardian's own child, or 403.
    static func ownChild(_ req: Request, viewer: Viewer) async throws -> (StudentRecord, String) {
        guard viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID else {
            throw Abort(.forbidden, reason: req.t(.refusal(.guardiansRegisterOnly)))
        }
        guard let student = try await req.registry.student(id: req.parameters.get("student") ?? ""),
              try await req.registry.guardianIDs(ofStudent: student.id).contains(guardianID) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.ownChildrenOnly)))
        }
        return (student, guardianID)
    }

    @Sendable func applyForm(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let campaign = try await Self.campaign(req)
        let (student, _) = try await Self.ownChild(req, viewer: viewer)
        let today = CaseDate.today()
        guard campaign.acceptsApplications(on: today) else {
            return req.page(ApplicationClosedPage.View(chrome: req.chrome(), model: ApplicationClosedPage.Model(
                campaignName: try await EnrollmentView.titlePhrase(req, campaign), childName: student.name, status: campaign.status,
                opensOn: campaign.opensOn.description, closesOn: campaign.closesOn.description, today: today.description)))
        }
        let existing = try await CampaignStore(req.db).application(campaignID: campaign.id, studentID: student.id)
        return try await Self.applicationForm(req, campaign: campaign, student: student, application: existing,
                                              values: EnrollmentView.values(of: existing, student: student), problem: nil)
    }

    /// The form with `values` (what was typed, after a problem) and the change log of `application`,
    /// the child's application read by campaign and child, never by the form's hidden field, which
    /// a family could change.
    static func applicationForm(_ req: Request, campaign: Campaign, student: StudentRecord, application: ApplicationRecord?,
                                values: [String: String], problem: CampaignProblem?) async throws -> Response {
        let store = CampaignStore(req.db)
        let choices = try await store.formChoices(for: campaign)
        let zones = choices.zones, schoolNames = choices.schoolNames
        let districtName = choices.districtName ?? ""
        func zoneLabel(_ id: String) -> Phrase {
            let zone = zones.first { $0.id == id }
            return .catchmentZone(servedBy: zone?.servingSchoolID(for: campaign.grade).flatMap { schoolNames[$0] }, districtName: districtName)
        }
        let history = try await application.asyncFlatMap { try await store.changes(applicationID: $0.id) } ?? []
        let model = ApplicationFormPage.Model(
            campaignName: EnrollmentView.titlePhrase(campaign, districtName: choices.districtName), childName: student.name,
            age: MaskedBirth.age(birthDate: student.birthDate).map(Phrase.ageInYears), maskedID: student.maskedNationalId,
            action: "/enrollment/\(campaign.id)/apply/\(student.id)", values: values,
            privateSchools: choices.schools.filter { $0.ownership == .private }
                .map { Choice(value: $0.id, label: .verbatim($0.name)) },
            zones: zones.map { Choice(value: $0.id, label: zoneLabel($0.id)) },
            problem: problem.map { ApplicationFormPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) },
            history: history.enumerated().map { index, change in
                let content = change.choice.map { choice in
                    Phrase.applicationContent(track: choice.track, choices: choice.choices.map { schoolNames[$0] ?? $0 },
                                              tier: .admissionTier(choice.tier), years: choice.yearsAtAddress, zone: zoneLabel(choice.zone))
                } ?? .verbatim(change.detail)
                return ApplicationFormPage.Change(at: Format.beijingTime(iso: change.at) ?? .verbatim(change.at), by: change.actorName,
                                                  isFirst: index == 0, content: content)
            })
        return req.page(ApplicationFormPage.View(chrome: req.chrome(), model: model), status: problem == nil ? .ok : .badRequest)
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let campaign = try await Self.campaign(req)
        let (student, guardianID) = try await Self.ownChild(req, viewer: viewer)
        let form = Self.form(req)
        let store = CampaignStore(req.db)
        do throws(CampaignProblem) {
            try await Self.save(req, store: store, campaign: campaign, student: student, guardianID: guardianID, form: form, viewer: viewer)
        } catch {
            MetricsExport.submission(saved: false)
            let application = try await store.application(campaignID: campaign.id, studentID: student.id)
            return try await Self.applicationForm(req, campaign: campaign, student: student, application: application, values: form, problem: error)
        }
        MetricsExport.submission(saved: true)
        return req.redirect(to: "/enrollment?saved=1", redirectType: .normal)
    }

    private static func save(_ req: Request, store: CampaignStore, campaign: Campaign, student: StudentRecord, guardianID: String,
                             form: [String: String], viewer: Viewer) async throws(CampaignProblem) {
        let failed = CampaignProblem("status", zh: "保存失败，请稍后再试。", en: "not saved; try again")
        guard campaign.acceptsApplications(on: .today()) else {
            throw CampaignProblem("status", zh: "本次招生不在报名期内，不能报名或修改。", en: "registration is closed for this campaign")
        }
        // The guardian types the child's ID number: it must be valid and be this child's.
        let typed: NationalID
        do throws(NationalID.Problem) { typed = try NationalID(form["national_id"] ?? "") } catch {
            throw CampaignProblem("national_id", zh: "身份证件号有误：\(error.zh)。", en: error.description)
        }
        guard typed.value == student.nationalId else {
            throw CampaignProblem("national_id", zh: "身份证件号与该儿童的登记信息不符。", en: "the ID number does not match the child's record")
        }
        guard let birth = CaseDate(student.birthDate) else { throw failed }
        try campaign.checkEligible(birthDate: birth, currentGrade: student.grade.flatMap(Grade.init(rawValue:)))
        do {
            guard let track = EnrollmentTrack(rawValue: form["track"] ?? "") else {
                throw CampaignProblem("track", zh: "请选择公办或民办（二选一）。", en: "choose public or private")
            }
            let choices = ["choice1", "choice2", "choice3"].compactMap { form[$0].flatMap { $0.isEmpty ? nil : $0 } }
            let choice = ApplicationChoice(track: track, choices: choices, tier: Int(form["tier"] ?? "") ?? 0,
                                           yearsAtAddress: Int(form["years"] ?? "") ?? -1, zone: form["zone"] ?? "")
            // Only what this form names is read: its zone, and the campaign's schools when it names any.
            guard let zone = try await store.zone(choice.zone, of: campaign) else {
                throw CampaignProblem("zone", zh: "请选择本次招生范围内的施教区。", en: "choose a catchment zone of this campaign")
            }
            let schools = choices.isEmpty ? [] : try await store.enrollmentSchools(for: campaign)
            // Whether the child has applied already is decided inside the store's transaction.
            try choice.validate(district: zone.districtCode, schools: schools, zones: [zone.id])
            let editing = form["application"].flatMap { $0.isEmpty ? nil : CampaignStore.Editing.application($0) } ?? .none
            try await store.saveApplication(campaignID: campaign.id, student: student, guardianID: guardianID, choice: choice, zone: zone,
                                            actor: ApplicationActor(id: viewer.user.id, name: viewer.user.username), editing: editing)
        } catch let problem as CampaignProblem {
            throw problem
        } catch {
            req.logger.error("saving an application failed: \(String(reflecting: error))")
            throw failed
        }
    }

    // MARK: The public page

    @Sendable func publicPage(req: Request) async throws -> Response {
        let campaign = try await Self.campaign(req)
        guard campaign.listHash != nil else { throw Abort(.notFound, reason: req.t(.refusal(.listNotPublished))) }
        let report = campaign.status == .published ? try await CampaignStore(req.db).report(campaign) : nil
        let published = campaign.status == .published
        let model = DrawVerificationPage.Model(
            campaignName: try await EnrollmentView.titlePhrase(req, campaign), status: campaign.status, path: "/public/enrollment/\(campaign.id)",
            listHash: campaign.listHash ?? "", beaconRound: EnrollmentView.beaconPhrase(campaign), notaryCommitment: campaign.notaryCommitment,
            beaconValue: published ? campaign.beaconValue : nil, notarySecret: published ? campaign.notarySecret : nil,
            seed: published ? campaign.seed : nil,
            routes: report.map { DrawVerificationPage.RouteCounts(privateLottery: $0.routes.private, catchment: $0.routes.catchment,
                                                                  coordinated: $0.routes.coordinated, unplaced: $0.routes.unplaced) },
            notices: try await Self.scheduleChanges(req, campaignID: campaign.id).map(\.notice))
        return req.page(DrawVerificationPage.View(chrome: req.chrome(), model: model))
    }

    /// The published files, byte for byte what `youjiao enroll verify` reads (no BOM).
    @Sendable func publicFile(req: Request) async throws -> Response {
        let campaign = try await Self.campaign(req)
        let name = req.parameters.get("file") ?? ""
        let store = CampaignStore(req.db)
        let body: String?
        if let file = CampaignStore.File(rawValue: name), CampaignStore.File.inputs.contains(file) {
            body = campaign.listHash == nil ? nil : try await store.file(file, campaignID: campaign.id)
        } else if name == "results.csv", campaign.status == .published {
            body = String(decoding: try await store.resultsDocument(campaignID: campaign.id), as: UTF8.self)
        } else {
            body = nil
        }
        guard let body else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchFile))) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
