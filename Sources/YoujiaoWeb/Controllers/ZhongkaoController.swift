import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// 中考招生录取: the city's campaign per year, the quota table the high schools fill in, the
/// candidates (a district's or a junior school's for their staff), the freeze → draw → publish
/// steps, and the public page with the files and the verifier's command. Who may do what is
/// `ZhongkaoAccess`'s (Core).
struct ZhongkaoController {
    func register(_ routes: any RoutesBuilder) {
        let routes = routes.grouped(DistrictNamesMiddleware())
        routes.get("zhongkao", use: list)
        routes.post("zhongkao", use: create)
        routes.get("zhongkao", "campaigns.csv") { try await listDownload(req: $0, as: .csv) }
        routes.get("zhongkao", "campaigns.xlsx") { try await listDownload(req: $0, as: .xlsx) }
        let campaign = routes.grouped("zhongkao", ":id")
        campaign.get(use: show)
        campaign.post("open") { try await step(req: $0, to: .open) }
        for step in CampaignStepGuard.Step.allCases {
            campaign.get(PathComponent(stringLiteral: step.rawValue)) { try await confirmPage(req: $0, step: step) }
            campaign.post(PathComponent(stringLiteral: step.rawValue)) { try await self.step(req: $0, guarded: step) }
        }
        campaign.get("report.csv") { try await reportDownload(req: $0, as: .csv) }
        campaign.get("report.xlsx") { try await reportDownload(req: $0, as: .xlsx) }
        campaign.get("quotas", use: quotas)
        campaign.post("quotas", use: saveQuotas)
        for table in ["plans", "lines"] {
            campaign.get("quotas", "\(table).csv") { try await quotasDownload(req: $0, table: table, as: .csv) }
            campaign.get("quotas", "\(table).xlsx") { try await quotasDownload(req: $0, table: table, as: .xlsx) }
        }
        campaign.get("candidates", use: candidates)
        campaign.get("candidates.csv") { try await candidatesDownload(req: $0, as: .csv) }
        campaign.get("candidates.xlsx") { try await candidatesDownload(req: $0, as: .xlsx) }
        routes.get("public", "zhongkao", ":id", use: publicPage)
        routes.get("public", "zhongkao", ":id", ":file", use: publicFile)
    }

    // MARK: Scope

    /// The campaign named in the path, if this staff member may see it (404 / 403 otherwise).
    static func campaign(_ req: Request, viewer: Viewer?) async throws -> ZhongkaoCampaign {
        guard let campaign = try await ZhongkaoStore(req.db).campaign(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: req.t(.zhongkao(.noSuchAdmission)))
        }
        if let viewer {
            guard viewer.scope.role != .guardian else { throw Abort(.forbidden, reason: req.t(.zhongkao(.notForFamilies))) }
            guard ZhongkaoAccess.canSee(viewer.scope, campaign) else { throw Abort(.forbidden, reason: req.t(.refusal(.campaignOutsideScope))) }
        }
        return campaign
    }

    static func requireManager(_ req: Request) throws -> Viewer {
        let viewer = try req.requireStaff()
        guard ZhongkaoAccess.canManage(viewer.scope) else { throw Abort(.forbidden, reason: req.t(.zhongkao(.cityAdminsOnly))) }
        return viewer
    }

    // MARK: The list

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        if viewer.scope.role == .guardian { return req.redirect(to: "/enrollment") }
        guard viewer.scope.role.isStaff else { throw Abort(.forbidden, reason: req.t(.refusal(.staffOnly))) }
        let model = try await Self.listModel(req, viewer: viewer, values: [:], problem: nil)
        return req.page(ZhongkaoListPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    static func listModel(_ req: Request, viewer: Viewer, values: [String: String], problem: CampaignProblem?) async throws -> ZhongkaoListPage.Model {
        let store = ZhongkaoStore(req.db)
        var rows: [ZhongkaoListPage.Row] = []
        for campaign in try await store.campaigns() where ZhongkaoAccess.canSee(viewer.scope, campaign) {
            rows.append(.init(year: campaign.year, status: campaign.status, candidates: try await store.candidateCount(campaignID: campaign.id),
                              href: "/zhongkao/\(campaign.id)"))
        }
        return ZhongkaoListPage.Model(rows: rows, canCreate: ZhongkaoAccess.canManage(viewer.scope), values: values,
                                      problem: problem.map { CampaignPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) },
                                      sort: try req.tableSort(keys: ZhongkaoListPage.sortableKeys, fallback: ZhongkaoListPage.defaultSort))
    }

    @Sendable func listDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireStaff()
        return try req.download(ZhongkaoListPage.table(try await Self.listModel(req, viewer: viewer, values: [:], problem: nil)),
                                name: "zhongkao", as: format)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let viewer = try Self.requireManager(req)
        let form = EnrollmentController.form(req)
        func refused(_ problem: CampaignProblem) async throws -> Response {
            let model = try await Self.listModel(req, viewer: viewer, values: form, problem: problem)
            return req.page(ZhongkaoListPage.View(chrome: req.chrome(), model: model, address: req.address), status: .badRequest)
        }
        let campaign: ZhongkaoCampaign
        do throws(CampaignProblem) {
            campaign = try ZhongkaoCampaign.proposed(year: form["year"] ?? "", beaconSource: form["beacon_source"] ?? "",
                                                     beaconRound: form["beacon_round"] ?? "", notaryCommitment: form["notary_commitment"] ?? "",
                                                     now: Date())
        } catch { return try await refused(error) }
        do { try await ZhongkaoStore(req.db).create(campaign) } catch {
            // The unique year decides between two people creating the same year at once.
            return try await refused(CampaignProblem("year", zh: "\(campaign.year) 年的中考招生已经存在。", en: "The \(campaign.year) admission exists already."))
        }
        try await Audit.record(req, action: "zhongkao-create", subjectKind: "zhongkao", subjectIDs: [campaign.id])
        return req.redirect(to: "/zhongkao/\(campaign.id)", redirectType: .normal)
    }

    // MARK: The campaign page

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        if viewer.scope.role == .guardian { return req.redirect(to: "/enrollment") }
        let campaign = try await Self.campaign(req, viewer: viewer)
        return try await page(req, viewer: viewer, campaign: campaign, problem: nil)
    }

    private func page(_ req: Request, viewer: Viewer, campaign: ZhongkaoCampaign, problem: CampaignProblem?) async throws -> Response {
        let model = try await Self.campaignModel(req, viewer: viewer, campaign: campaign, problem: problem)
        return req.page(ZhongkaoCampaignPage.View(chrome: req.chrome(), model: model, address: req.address), status: problem == nil ? .ok : .badRequest)
    }

    static func campaignModel(_ req: Request, viewer: Viewer, campaign c: ZhongkaoCampaign, problem: CampaignProblem?) async throws -> ZhongkaoCampaignPage.Model {
        let store = ZhongkaoStore(req.db)
        let plans = try await store.plans(campaignID: c.id)
        let report = try await store.report(campaignID: c.id)
        let next: ZhongkaoCampaignPage.NextStep? = if !ZhongkaoAccess.canManage(viewer.scope) { nil } else {
            switch c.status {
            case .draft: .open(action: "/zhongkao/\(c.id)/open")
            case .open: .freeze(href: "/zhongkao/\(c.id)/freeze")
            case .frozen: .draw(href: "/zhongkao/\(c.id)/draw")
            case .drawn: .publish(href: "/zhongkao/\(c.id)/publish")
            case .published: nil
            }
        }
        let kinds = Dictionary(uniqueKeysWithValues: plans.map { ($0.schoolId, $0) })
        let rows = (report?.schools ?? []).flatMap { school in
            school.rounds.map { round in
                ZhongkaoCampaignPage.ReportRow(
                    schoolName: school.name, districtName: req.districtNames[school.district] ?? school.district, kind: kinds[school.schoolId]?.kind ?? school.kind,
                    round: round.round, seats: round.seats, admitted: round.admitted, movedToUnified: round.movedToUnified,
                    lineTotal: round.lowestAdmitted?.total, lineTieBreaks: round.lowestAdmitted?.tieBreaks ?? [])
            }
        }
        return ZhongkaoCampaignPage.Model(
            id: c.id, year: c.year, status: c.status, candidates: try await store.candidateCount(campaignID: c.id), highSchools: plans.count,
            planSeats: plans.reduce(0) { $0 + $1.planSeats }, quotaSeats: try await store.quotas(campaignID: c.id).reduce(0) { $0 + $1.seats },
            rounds: c.rules.rounds, tieBreakColumns: c.rules.tieBreakColumns, beaconRound: Self.beaconPhrase(c), notaryCommitment: c.notaryCommitment,
            listHash: c.listHash, seed: c.seed, nextStep: next,
            mayEditOwnQuotas: viewer.scope.schoolID.map { school in ZhongkaoAccess.canEditQuotas(viewer.scope, c, schoolID: school) && kinds[school] != nil } ?? false,
            mayListCandidates: ZhongkaoAccess.candidateFilter(viewer.scope) != nil, routes: report?.routes, report: rows,
            sort: try req.tableSort(keys: ZhongkaoCampaignPage.sortableKeys, fallback: ZhongkaoCampaignPage.defaultSort),
            problem: problem.map { CampaignPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) })
    }

    static func beaconPhrase(_ c: ZhongkaoCampaign) -> Phrase {
        guard let (source, round, time) = c.announcedRound else { return .verbatim(c.beaconRound) }
        return .announcedRound(source: source.name, round: round, publishedAt: time.beijingMinute)
    }

    @Sendable func reportDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req, viewer: viewer)
        let model = try await Self.campaignModel(req, viewer: viewer, campaign: campaign, problem: nil)
        return try req.download(ZhongkaoCampaignPage.reportTable(model), name: "\(campaign.id)-report", as: format)
    }

    // MARK: Steps

    /// draft → open without confirmation; freeze, draw and publish after the confirmation page.
    private func step(req: Request, to status: CampaignStatus? = nil, guarded: CampaignStepGuard.Step? = nil) async throws -> Response {
        let viewer = try Self.requireManager(req)
        let campaign = try await Self.campaign(req, viewer: viewer)
        let form = EnrollmentController.form(req)
        let store = ZhongkaoStore(req.db)
        do {
            if let guarded {
                guard form["confirmed"] == "yes" else { throw CampaignStepGuard.unconfirmed }
                switch guarded {
                case .freeze: _ = try await store.freeze(campaign.id)
                case .draw: try await store.draw(campaign.id, beaconValue: form["beacon_value"] ?? "", notarySecret: form["notary_secret"] ?? "")
                case .publish: try await store.advance(campaign.id, to: .published)
                }
            } else if let status {
                try await store.advance(campaign.id, to: status)
            }
        } catch let problem as CampaignProblem {
            if let guarded { return try await confirmPage(req: req, step: guarded, problem: problem) }
            return try await page(req, viewer: viewer, campaign: campaign, problem: problem)
        } catch let errors as InputErrors {
            return try await page(req, viewer: viewer, campaign: campaign,
                                  problem: CampaignProblem("status", zh: "输入数据有误：\(errors)", en: "the inputs are invalid: \(errors)"))
        }
        try await Audit.record(req, action: "zhongkao-" + (guarded?.rawValue ?? status?.rawValue ?? ""), subjectKind: "zhongkao", subjectIDs: [campaign.id])
        return req.redirect(to: "/zhongkao/\(campaign.id)", redirectType: .normal)
    }

    @Sendable func confirmPage(req: Request, step: CampaignStepGuard.Step, problem: CampaignProblem? = nil) async throws -> Response {
        let viewer = try Self.requireManager(req)
        let campaign = try await Self.campaign(req, viewer: viewer)
        let store = ZhongkaoStore(req.db)
        let plans = try await store.plans(campaignID: campaign.id)
        var counts = [ConfirmPanel.Count(.zhongkao(.candidates), try await store.candidateCount(campaignID: campaign.id)),
                      ConfirmPanel.Count(.zhongkao(.highSchools), plans.count),
                      ConfirmPanel.Count(.zhongkao(.planSeats), plans.reduce(0) { $0 + $1.planSeats })]
        if step == .publish, let routes = try await store.report(campaignID: campaign.id)?.routes {
            counts += [ConfirmPanel.Count(.zhongkao(.routeName(.quotaDistrict)), routes.quotaDistrict),
                       ConfirmPanel.Count(.zhongkao(.routeName(.quotaSchool)), routes.quotaSchool),
                       ConfirmPanel.Count(.zhongkao(.routeName(.unified)), routes.unified),
                       ConfirmPanel.Count(.zhongkao(.routeName(.unadmitted)), routes.unadmitted)]
        }
        let model = CampaignStepPage.Model(
            campaignName: .zhongkao(.title(year: campaign.year)), campaignHref: "/zhongkao/\(campaign.id)", status: campaign.status, step: step,
            counts: counts, beaconRound: Self.beaconPhrase(campaign), problem: problem.map { ($0.field, Phrase(zh: $0.zh, en: $0.en)) }, kind: .zhongkao)
        return req.page(CampaignStepPage.View(chrome: req.chrome(), model: model), status: problem == nil ? .ok : .badRequest)
    }

    // MARK: Quotas

    @Sendable func quotas(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req, viewer: viewer)
        let model = try await Self.quotasModel(req, viewer: viewer, campaign: campaign, editing: req.query[String.self, at: "school"],
                                               saved: req.query[Int.self, at: "saved"])
        return req.page(ZhongkaoQuotasPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    /// The plans and lines a viewer reads; `editing` is the school a city admin chose to edit (a
    /// school admin always edits their own while the table is open).
    static func quotasModel(_ req: Request, viewer: Viewer, campaign: ZhongkaoCampaign, editing: String?, saved: Int? = nil,
                            typed: [String: String] = [:], problem: CampaignProblem? = nil) async throws -> ZhongkaoQuotasPage.Model {
        let store = ZhongkaoStore(req.db)
        let (district, school) = ZhongkaoAccess.quotaSchools(viewer.scope)
        let plans = try await store.plans(campaignID: campaign.id, district: district, school: school)
        let planIDs = Set(plans.map(\.schoolId))
        let lines = try await store.quotas(campaignID: campaign.id).filter { planIDs.contains($0.schoolID) }
        var quotaSeats: [String: Int] = [:]
        for line in lines { quotaSeats[line.schoolID, default: 0] += line.seats }
        let editable = (viewer.scope.role == .schoolAdmin ? viewer.scope.schoolID : editing)
            .flatMap { id in planIDs.contains(id) && ZhongkaoAccess.canEditQuotas(viewer.scope, campaign, schoolID: id) ? id : nil }
        let names = Dictionary(uniqueKeysWithValues: plans.map { ($0.schoolId, $0.name) })
        let shownLines = editable.map { id in lines.filter { $0.schoolID == id } } ?? lines
        var scopeNames: [String: String] = [:]
        for line in shownLines where line.round == .quotaSchool && scopeNames[line.scope] == nil {
            scopeNames[line.scope] = try await req.registry.school(id: line.scope)?.name ?? line.scope
        }
        return ZhongkaoQuotasPage.Model(
            campaignID: campaign.id, year: campaign.year, status: campaign.status,
            plans: plans.map { .init(schoolID: $0.schoolId, name: $0.name, districtName: req.districtNames[$0.districtCode] ?? $0.districtCode,
                                     kind: $0.kind, planSeats: $0.planSeats, quotaSeats: quotaSeats[$0.schoolId, default: 0]) },
            lines: shownLines.map { line in
                .init(schoolID: line.schoolID, schoolName: names[line.schoolID] ?? line.schoolID, round: line.round,
                      scopeName: line.round == .quotaDistrict ? req.districtNames[line.scope] ?? line.scope : scopeNames[line.scope] ?? line.scope,
                      seats: line.seats)
            },
            editableSchoolID: editable, typed: typed, saved: saved,
            problem: problem.map { CampaignPage.Problem(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) },
            sort: try req.tableSort(keys: ZhongkaoQuotasPage.sortableKeys, fallback: ZhongkaoQuotasPage.defaultSort))
    }

    @Sendable func saveQuotas(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req, viewer: viewer)
        let form = EnrollmentController.form(req)
        let schoolID = form["school"] ?? ""
        guard ZhongkaoAccess.mayEditQuotas(viewer.scope, schoolID: schoolID) else {
            try await Audit.record(req, action: "zhongkao-quotas-refused", subjectKind: "school", subjectIDs: [schoolID])
            throw Abort(.forbidden, reason: req.t(.zhongkao(.ownQuotasOnly)))
        }
        let store = ZhongkaoStore(req.db)
        let before = try await store.quotas(campaignID: campaign.id, school: schoolID)
        do {
            var seats: [Int] = []
            for index in before.indices {
                let field = ZhongkaoQuotasPage.field(index)
                // Digits only and at most 9 of them: a longer number is refused, never converted with a trap.
                guard let text = form[field], (1...9).contains(text.count), text.allSatisfy({ ("0"..."9").contains($0) }), let value = Int(text) else {
                    throw CampaignProblem(field, zh: "名额须为 0 至 \(ZhongkaoRules.seatRange.upperBound) 之间的整数。",
                                          en: "Quota seats must be a whole number from 0 to \(ZhongkaoRules.seatRange.upperBound).")
                }
                seats.append(value)
            }
            try await store.saveQuotaSeats(campaignID: campaign.id, schoolID: schoolID, seats: seats)
            let changed = zip(before, seats).filter { $0.seats != $1 }.count
            try await Audit.record(req, action: "zhongkao-quotas", subjectKind: "school", subjectIDs: [schoolID],
                                   detail: { _ in zip(before, seats).filter { $0.seats != $1 }.map { "\($0.round.rawValue) \($0.scope): \($0.seats) → \($1)" }.joined(separator: "; ") })
            let editing = viewer.scope.role == .schoolAdmin ? "" : "&school=\(schoolID)"
            return req.redirect(to: "/zhongkao/\(campaign.id)/quotas?saved=\(changed)\(editing)", redirectType: .normal)
        } catch let problem as CampaignProblem {
            let model = try await Self.quotasModel(req, viewer: viewer, campaign: campaign, editing: schoolID, typed: form, problem: problem)
            return req.page(ZhongkaoQuotasPage.View(chrome: req.chrome(), model: model, address: req.address), status: .badRequest)
        }
    }

    @Sendable func quotasDownload(req: Request, table: String, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req, viewer: viewer)
        let model = try await Self.quotasModel(req, viewer: viewer, campaign: campaign, editing: nil)
        let tableModel = table == "plans" ? ZhongkaoQuotasPage.planTable(model) : ZhongkaoQuotasPage.lineTable(model, inputs: false)
        return try req.download(tableModel, name: "\(campaign.id)-\(table)", as: format)
    }

    // MARK: Candidates (personal data: audited, never cached)

    @Sendable func candidates(req: Request) async throws -> Response {
        let (model, studentIDs) = try await candidatesModel(req, page: try req.pageRequest(perPage: 50))
        try await Audit.record(req, studentIDs: studentIDs, action: "zhongkao-candidates")
        let response = req.page(ZhongkaoCandidatesPage.View(chrome: req.chrome(), model: model, address: req.address))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func candidatesDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let (model, studentIDs) = try await candidatesModel(req, page: .everything)
        try await Audit.record(req, studentIDs: studentIDs, action: "zhongkao-candidates-export")
        let response = try req.download(ZhongkaoCandidatesPage.table(model), name: "\(model.campaignID)-candidates", as: format)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func candidatesModel(_ req: Request, page: PageQuery) async throws -> (ZhongkaoCandidatesPage.Model, [String]) {
        let viewer = try req.requireStaff()
        let campaign = try await Self.campaign(req, viewer: viewer)
        guard let filter = ZhongkaoAccess.candidateFilter(viewer.scope) else {
            try await Audit.record(req, action: "zhongkao-candidates-refused", subjectKind: "zhongkao", subjectIDs: [campaign.id])
            throw Abort(.forbidden, reason: req.t(.refusal(.campaignOutsideScope)))
        }
        let sort = try req.tableSort(keys: ZhongkaoCandidatesPage.sortableKeys, fallback: ZhongkaoCandidatesPage.defaultSort)
        let found = try await ZhongkaoStore(req.db).candidates(
            campaignID: campaign.id, district: filter.district, juniorSchool: filter.juniorSchool,
            sort: ZhongkaoStore.CandidateSort(rawValue: sort.key) ?? .total, descending: sort.direction == .descending, page: page)
        try req.requirePageExists(found)
        let hasResults = campaign.status == .drawn || campaign.status == .published
        let rows = found.items.map { row in
            let route = row.route.flatMap(ZhongkaoOutcomeRoute.init(rawValue:))
            let reason = route.map { ZhongkaoResultReason(route: $0, choiceRank: row.choiceRank, schoolName: row.schoolName, line: row.lineTotal) }
            return ZhongkaoCandidatesPage.Row(candidateID: row.candidateId, name: row.studentName ?? "", juniorSchoolName: row.juniorSchoolName ?? row.juniorSchool,
                                              total: row.total, admittedTo: row.schoolName, route: route,
                                              reason: reason.map { Phrase(zh: $0.zh, en: $0.en) })
        }
        let model = ZhongkaoCandidatesPage.Model(campaignID: campaign.id, year: campaign.year, rows: hasResults ? rows : rows.map {
            var row = $0; row.admittedTo = nil; row.route = nil; row.reason = nil; return row
        }, total: found.total, page: found.page, pageCount: found.pageCount, sort: sort, hasResults: hasResults)
        return (model, found.items.compactMap(\.studentId))
    }

    // MARK: The family's result

    /// The guardian's children who are candidates of a campaign that is open or later, with the result once published.
    static func familyResults(_ req: Request, guardianID: String) async throws -> [ZhongkaoFamilyResult] {
        let store = ZhongkaoStore(req.db)
        let children = try await req.registry.children(ofGuardian: guardianID)
        var results: [ZhongkaoFamilyResult] = []
        for campaign in try await store.campaigns() where campaign.status != .draft {
            for child in children {
                guard let row = try await store.candidate(campaignID: campaign.id, studentID: child.id) else { continue }
                let route = row.route.flatMap(ZhongkaoOutcomeRoute.init(rawValue:))
                let reason = campaign.status == .published
                    ? route.map { ZhongkaoResultReason(route: $0, choiceRank: row.choiceRank, schoolName: row.schoolName, line: row.lineTotal) } : nil
                results.append(ZhongkaoFamilyResult(
                    title: .zhongkao(.title(year: campaign.year)), status: campaign.status, childName: child.name, maskedID: child.maskedNationalId,
                    candidateID: row.candidateId, total: row.total, result: reason.map { Phrase(zh: $0.zh, en: $0.en) },
                    publicHref: campaign.listHash == nil ? nil : "/public/zhongkao/\(campaign.id)"))
            }
        }
        return results
    }

    // MARK: Public

    @Sendable func publicPage(req: Request) async throws -> Response {
        let campaign = try await Self.campaign(req, viewer: nil)
        guard let listHash = campaign.listHash else { throw Abort(.notFound, reason: req.t(.zhongkao(.notFrozenYet))) }
        let published = campaign.status == .published
        let model = ZhongkaoVerificationPage.Model(
            year: campaign.year, status: campaign.status, path: "/public/zhongkao/\(campaign.id)", listHash: listHash,
            beaconRound: Self.beaconPhrase(campaign), notaryCommitment: campaign.notaryCommitment, tieBreakColumns: campaign.rules.tieBreakColumns,
            beaconValue: published ? campaign.beaconValue : nil, notarySecret: published ? campaign.notarySecret : nil,
            seed: published ? campaign.seed : nil,
            routes: published ? try await ZhongkaoStore(req.db).report(campaignID: campaign.id)?.routes : nil)
        return req.page(ZhongkaoVerificationPage.View(chrome: req.chrome(), model: model))
    }

    /// The published files byte for byte: the inputs once frozen, results and report once published.
    @Sendable func publicFile(req: Request) async throws -> Response {
        let campaign = try await Self.campaign(req, viewer: nil)
        let name = req.parameters.get("file") ?? ""
        let isInput = ZhongkaoCampaignFiles.names.contains(name)
        let isOutput = ["results.csv", "report.json"].contains(name)
        guard (isInput && campaign.listHash != nil) || (isOutput && campaign.status == .published),
              let body = try await ZhongkaoStore(req.db).file(name, campaignID: campaign.id) else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchFile)))
        }
        var headers = HTTPHeaders()
        headers.contentType = name.hasSuffix(".json") ? .json : HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
