import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Student aid without application (免申即享): totals per district, school and policy, a school's
/// published list, the review queue with its decisions, the payment file, and the guardian's
/// decline. Every record is checked against the viewer's scope; every staff read of pupils'
/// data is audited. Tables download as CSV and XLSX in the page's words; the payment file keeps
/// the finance system's format and comes only through an approved export request.
struct AidController {
    func register(_ routes: any RoutesBuilder) {
        let aid = routes.grouped("aid")
        aid.get(use: overview)
        aid.get("summary.csv") { try await summaryDownload(req: $0, as: .csv) }
        aid.get("summary.xlsx") { try await summaryDownload(req: $0, as: .xlsx) }
        aid.get("grants", use: grants)
        aid.get("grants.csv") { try await grantsDownload(req: $0, as: .csv) }
        aid.get("grants.xlsx") { try await grantsDownload(req: $0, as: .xlsx) }
        aid.post("grants", ":id", "decline", use: decline)
        aid.get("review", use: review)
        aid.get("review.csv") { try await reviewDownload(req: $0, as: .csv) }
        aid.get("review.xlsx") { try await reviewDownload(req: $0, as: .xlsx) }
        aid.get("review", ":id", use: decision)
        aid.post("review", ":id", "resolve", use: resolve)
        aid.get("payments.csv", use: paymentsCSV)
    }

    // MARK: Request values

    /// `?year=`, else the newest school year with aid records, else the current one.
    static func year(_ req: Request) async throws -> Int {
        if let text = req.query[String.self, at: "year"], !text.isEmpty {
            guard text.count <= 4, let year = Int(text), (2000...2100).contains(year) else {
                throw FieldProblem(field: "year", message: req.t(.refusal(.noSuchSchoolYear)))
            }
            return year
        }
        return try await req.aid.years().first ?? SchoolYear.current()
    }

    /// The records a staff viewer may see, narrowed to `?district=` when asked (and allowed).
    static func filter(_ req: Request, viewer: Viewer) throws -> AidScopeFilter {
        var filter = AidScopeFilter(scope: viewer.scope)
        if let asked = req.query[String.self, at: "district"], !asked.isEmpty {
            guard viewer.scope.canSeeDistrict(asked) else {
                throw Abort(.forbidden, reason: req.t(.refusal(.aidOfOtherDistrict)))
            }
            filter.districtCode = asked
        }
        return filter
    }

    static func policyNames(_ req: Request) async throws -> [String: Phrase] {
        Dictionary(uniqueKeysWithValues: try await req.aid.policies().map { ($0.id, Phrase(zh: $0.name, en: $0.nameEN)) })
    }

    static func districtNames(_ req: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await req.registry.districts().map { ($0.code, $0.name) })
    }

    // MARK: Overview

    @Sendable func overview(req: Request) async throws -> Response {
        let model = try await Self.overviewModel(req)
        return req.page(AidOverviewPage.View(chrome: req.chrome(), model: model))
    }

    /// One totals table of the overview, whole, in the page's words.
    @Sendable func summaryDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireStaff()
        guard let grouping = req.query[String.self, at: "by"].flatMap(AidOverviewPage.Grouping.init(rawValue:)) else {
            throw FieldProblem(field: "by", message: req.t(.refusal(.aidTotalsBy)))
        }
        let year = try await Self.year(req)
        let filter = try Self.filter(req, viewer: viewer)
        let totals = try await Self.totals(req, year: year, by: grouping, filter: filter)
        let sort = try req.tableSort(keys: AidOverviewPage.sortableKeys, fallback: TableSort(key: "\(grouping.rawValue)-name"))
        return try req.download(AidOverviewPage.table(totals, by: grouping, sort: sort, language: req.language),
                                name: "aid-\(year)-by-\(grouping.rawValue)", as: format)
    }

    static func totals(_ req: Request, year: Int, by grouping: AidOverviewPage.Grouping, filter: AidScopeFilter) async throws -> [AidOverviewPage.Total] {
        let storeGrouping: AidTotalsGrouping
        switch grouping {
        case .district: storeGrouping = .district
        case .school: storeGrouping = .school
        case .policy: storeGrouping = .policy
        }
        let policies = grouping == .policy ? try await policyNames(req) : [:]
        return try await req.aid.totals(year: year, by: storeGrouping, filter: filter).map { total in
            let name: Phrase, href: String?
            switch grouping {
            case .district:
                name = .verbatim(total.name)
                href = PageAddress(path: "/aid", query: [.init("year", String(year)), .init("district", total.key)]).href
            case .school:
                name = .verbatim(total.name)
                href = PageAddress(path: "/aid/grants", query: [.init("year", String(year)), .init("school", total.key)]).href
            case .policy:
                name = policies[total.key] ?? .verbatim(total.name)
                href = nil
            }
            return AidOverviewPage.Total(name: name, href: href, pupils: total.pupils, grants: total.grants, yuan: total.yuan, declined: total.declined)
        }
    }

    static func overviewModel(_ req: Request) async throws -> AidOverviewPage.Model {
        let viewer = try req.requireStaff()
        let year = try await year(req)
        let filter = try filter(req, viewer: viewer)
        let role = viewer.scope.role
        let open = try await req.aid.reviewItems(year: year, filter: filter, status: .open, page: PageQuery(page: 1, perPage: 1)).total
        var district: AidOverviewPage.District?
        if let code = filter.districtCode, role == .cityAdmin {
            district = AidOverviewPage.District(code: code, name: try await districtNames(req)[code] ?? code)
        }
        let cityWide = role == .cityAdmin && district == nil
        return AidOverviewPage.Model(
            year: year, years: Set(try await req.aid.years() + [year]).sorted(by: >), district: district, openReviews: open,
            mayRequestPaymentFile: viewer.scope.canExportAidPayments,
            byDistrict: cityWide ? try await totals(req, year: year, by: .district, filter: filter) : nil,
            bySchool: role != .schoolAdmin && !cityWide ? try await totals(req, year: year, by: .school, filter: filter) : nil,
            byPolicy: try await totals(req, year: year, by: .policy, filter: filter), showsPolicyChart: !cityWide,
            ownSchoolListHref: role == .schoolAdmin ? viewer.scope.schoolID.map {
                PageAddress(path: "/aid/grants", query: [.init("year", String(year)), .init("school", $0)]).href
            } : nil,
            sort: req.address.value("sort") == nil ? nil : try req.tableSort(keys: AidOverviewPage.sortableKeys, fallback: TableSort(key: "policy-name")))
    }

    // MARK: A school's published list

    /// The school of `?school=`, if the staff viewer's scope holds it.
    static func visibleSchool(_ req: Request, viewer: Viewer) async throws -> School {
        let id = req.query[String.self, at: "school"] ?? viewer.scope.schoolID ?? ""
        guard let school = try await req.registry.school(id: id) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool))) }
        guard viewer.scope.canSeeAidRecord(schoolID: school.id, districtCode: school.districtCode) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolAidOutsideScope)))
        }
        return school
    }

    @Sendable func grants(req: Request) async throws -> Response {
        let model = try await Self.grantsModel(req, page: try req.pageRequest(perPage: AidGrantsPage.perPage))
        return req.page(AidGrantsPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    @Sendable func grantsDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await Self.grantsModel(req, page: nil)
        return try req.download(AidGrantsPage.table(model), name: "aid-\(model.year)-\(model.schoolID)", as: format)
    }

    /// The school's list, sorted; the pupils of the rows shown (every row for a download) are audited.
    static func grantsModel(_ req: Request, page: PageQuery?) async throws -> AidGrantsPage.Model {
        let viewer = try req.requireStaff()
        let school = try await visibleSchool(req, viewer: viewer)
        let year = try await year(req)
        let sort = try req.tableSort(keys: AidGrantsPage.sortKeys, fallback: AidGrantsPage.defaultSort)
        let policies = try await policyNames(req)
        let grants = try await req.aid.publishedGrants(year: year, schoolID: school.id)
        let model = AidGrantsPage.Model(
            schoolID: school.id, schoolName: school.name, year: year,
            rows: grants.map { grant in
                AidGrantsPage.Row(pupilKey: grant.studentID, name: grant.studentName, grade: grant.grade, classNumber: grant.classNumber,
                                  policy: policies[grant.policyID] ?? .verbatim(grant.policyName), yuan: grant.yuan, declined: grant.declined)
            },
            sort: sort, page: page?.page ?? 1, perPage: page?.perPage)
        if let page, page.page > model.pageCount {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchPage(page.page, of: model.pageCount))))
        }
        try await Audit.record(req, studentIDs: Array(Set(model.rows.map(\.pupilKey))), action: "aid-list")
        return model
    }

    // MARK: Review queue

    @Sendable func review(req: Request) async throws -> Response {
        let model = try await Self.reviewModel(req, page: try req.pageRequest(perPage: AidReviewPage.perPage))
        let flash: Flash? = req.query[String.self, at: "decided"] == nil ? nil : .success(.aid(.decidedDone))
        return req.page(AidReviewPage.View(chrome: req.chrome(flash: flash), model: model, address: req.address))
    }

    @Sendable func reviewDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await Self.reviewModel(req, page: nil)
        return try req.download(AidReviewPage.table(model), name: "aid-review-\(model.year)", as: format)
    }

    /// The queue within the viewer's scope, filtered by status, reason, list, district and school,
    /// sorted and paged. What is shown (or downloaded) is audited: pupils by id, entries the
    /// registry does not know by their list entry, since they still show a name and an ID number.
    static func reviewModel(_ req: Request, page: PageQuery?) async throws -> AidReviewPage.Model {
        let viewer = try req.requireStaff()
        let year = try await year(req)
        let scopeFilter = try filter(req, viewer: viewer)
        let filters = try reviewFilters(req)
        let sort = try req.tableSort(keys: AidReviewPage.sortKeys, fallback: AidReviewPage.defaultSort)
        let status = filters.status.flatMap { AidReviewStatus(rawValue: $0.rawValue) }
        let inScope = try await req.aid.reviewItems(year: year, filter: scopeFilter, status: status, page: .everything).items
        let matching = inScope.filter { item in
            (filters.reason == nil || item.reasonValue == filters.reason) && (filters.list == nil || item.listValue == filters.list)
                && (filters.schoolID == nil || item.schoolId == filters.schoolID)
        }
        let districts = try await districtNames(req)
        let schoolChoices = Dictionary(inScope.compactMap { item in item.schoolId.map { ($0, item.schoolName ?? $0) } }, uniquingKeysWith: { a, _ in a })
            .sorted { $0.value < $1.value }.map { Choice(value: $0.key, label: .verbatim($0.value)) }
        let model = AidReviewPage.Model(
            year: year, years: Set(try await req.aid.years() + [year]).sorted(by: >),
            rows: matching.map { reviewRow($0, districts: districts) }, sort: sort, page: page?.page ?? 1, perPage: page?.perPage,
            filters: filters,
            districtChoices: viewer.scope.role == .cityAdmin ? districts.sorted { $0.key < $1.key }.map { Choice(value: $0.key, label: .verbatim($0.value)) } : [],
            schoolChoices: schoolChoices)
        if let page, page.page > model.pageCount {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchPage(page.page, of: model.pageCount))))
        }
        let shown = Set(model.rows.map(\.id))
        try await auditReview(req, items: matching.filter { shown.contains($0.id) })
        return model
    }

    static func auditReview(_ req: Request, items: [AidReviewRow]) async throws {
        try await Audit.record(req, studentIDs: items.compactMap(\.studentId), action: "aid-review")
        // Entries the registry does not know still show a name and an ID number from an agency's list.
        try await Audit.record(req, action: "aid-review", subjectKind: "eligibility-entry",
                               subjectIDs: items.filter { $0.studentId == nil }.map(\.entryId), staffOnly: true)
    }

    /// `status` (open when absent, `all` for every status), `reason`, `list`, `district`, `school`;
    /// a value the queue does not know is a 400 naming the field.
    static func reviewFilters(_ req: Request) throws -> AidReviewPage.Filters {
        func value(_ name: String) -> String? { req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        var filters = AidReviewPage.Filters(districtCode: value("district"), schoolID: value("school"))
        if let text = value("status"), text != AidReviewPage.Filters.allStatuses {
            guard let status = AidReviewStatusWord(rawValue: text) else { throw FieldProblem(field: "status", message: req.t(.refusal(.noSuchReviewStatus))) }
            filters.status = status
        } else if value("status") != nil {
            filters.status = nil
        }
        if let text = value("reason") {
            guard let reason = AidReviewReason(rawValue: text) else { throw FieldProblem(field: "reason", message: req.t(.refusal(.noSuchReviewReason))) }
            filters.reason = reason
        }
        if let text = value("list") {
            guard let list = EligibilityList(rawValue: text) else { throw FieldProblem(field: "list", message: req.t(.refusal(.noSuchEligibilityList))) }
            filters.list = list
        }
        return filters
    }

    static func reviewRow(_ item: AidReviewRow, districts: [String: String]) -> AidReviewPage.Row {
        let status = AidReviewStatusWord(rawValue: item.status)
        return AidReviewPage.Row(
            id: item.id, reason: item.reasonValue.map(Phrase.aidReason) ?? .verbatim(""), list: item.listValue.map(Phrase.aidList) ?? .verbatim(""),
            entryName: item.entryName, maskedID: item.maskedNationalId, pupilName: item.studentName, schoolName: item.schoolName,
            districtName: item.districtCode.map { districts[$0] ?? $0 }, detail: AidWords.detail(reason: item.reasonValue, detail: item.detail),
            status: status, note: item.note, decideHref: status == .open ? AidDecisionPage.href(entryID: item.id) : nil)
    }

    // MARK: A decision

    /// The entry of the path, if the viewer's scope holds it.
    static func visibleItem(_ req: Request, viewer: Viewer) async throws -> AidReviewRow {
        guard let item = try await req.aid.reviewItem(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchReviewItem)))
        }
        guard viewer.scope.canSeeAidRecord(schoolID: item.schoolId, districtCode: item.districtCode) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.reviewItemOutsideScope)))
        }
        return item
    }

    @Sendable func decision(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let item = try await Self.visibleItem(req, viewer: viewer)
        guard item.statusValue == .open else { throw Abort(.conflict, reason: Phrase.aid(.alreadyDecided).text(req.language)) }
        let (model, _) = try await Self.decisionModel(req, item: item)
        return req.page(AidDecisionPage.View(chrome: req.chrome(), model: model))
    }

    /// The entry's facts and its possible decisions, and the names of the children offered (by
    /// student id); reading them is audited like the queue.
    static func decisionModel(_ req: Request, item: AidReviewRow) async throws -> (AidDecisionPage.Model, children: [String: String]) {
        try await auditReview(req, items: [item])
        let districts = try await districtNames(req)
        var facts: [FactList.Fact] = [
            .init(.aid(.nameOnList), .text(item.entryName)),
            .init(.aid(.reason), .phrase(item.reasonValue.map(Phrase.aidReason) ?? .verbatim(""))),
            .init(.aid(.list), .phrase(item.listValue.map(Phrase.aidList) ?? .verbatim(""))),
            .init(.aid(.idNumber), .maskedID(item.maskedNationalId)),
        ]
        if let name = item.studentName { facts.append(.init(.aid(.nameInRegistry), .text(name))) }
        if let school = item.schoolName { facts.append(.init(.aid(.school), .text(school))) }
        if let code = item.districtCode { facts.append(.init(.aid(.district), .text(districts[code] ?? code))) }
        let detail = AidWords.detail(reason: item.reasonValue, detail: item.detail)
        if !detail.zh.isEmpty { facts.append(.init(.aid(.detail), .phrase(detail))) }
        facts.append(.init(.aid(.schoolYear), .phrase(.schoolYearLabel(item.year))))
        // A same-name check can be confirmed; an entry under an adult's number is usually a
        // parent's, so their children at school are offered; no aid is always possible.
        var choices: [Choice] = []
        if item.reasonValue == .nameMismatch { choices.append(Choice(value: AidDecisionPage.grant, label: .aid(.grantSame))) }
        let children = item.reasonValue == .adultID ? try await req.aid.childrenAtSchool(ofGuardianNationalID: item.nationalId) : []
        for child in children {
            choices.append(Choice(value: AidDecisionPage.childPrefix + child.studentID, label: .aidGrantToChild(child.name)))
        }
        choices.append(Choice(value: AidDecisionPage.dismiss, label: .aid(.dismiss)))
        return (AidDecisionPage.Model(entryID: item.id, year: item.year, facts: facts, choices: choices),
                Dictionary(children.map { ($0.studentID, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Two steps: without `confirmed=yes` the decision is checked and shown with what it will do
    /// (or the form comes back, 400, with the problem beside its field); with it, it is taken.
    @Sendable func resolve(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let item = try await Self.visibleItem(req, viewer: viewer)
        guard item.statusValue == .open else { throw Abort(.conflict, reason: Phrase.aid(.alreadyDecided).text(req.language)) }
        struct Form: Content { var outcome: String?; var note: String?; var confirmed: String? }
        let form = try req.content.decode(Form.self)
        let chosen = form.outcome ?? ""
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let childID = chosen.hasPrefix(AidDecisionPage.childPrefix) ? String(chosen.dropFirst(AidDecisionPage.childPrefix.count)) : nil
        let outcome: AidResolution? = childID != nil ? .grantToChild : AidResolution(rawValue: chosen).flatMap { $0 == .grantToChild ? nil : $0 }

        var (model, children) = try await Self.decisionModel(req, item: item)
        model.chosen = chosen
        model.note = form.note ?? ""
        if outcome == nil { model.outcomeError = .aid(.chooseDecision) }
        if outcome == .dismiss && note.isEmpty { model.noteError = .aid(.noteNeeded) }
        if note.count > AidDecisionPage.noteLimit { model.noteError = .aid(.noteTooLong) }
        guard let outcome, model.noteError == nil else {
            return req.page(AidDecisionPage.View(chrome: req.chrome(), model: model), status: .badRequest)
        }
        // The decisions offered are the ones the store accepts; another is refused before any confirmation.
        guard model.choices.contains(where: { $0.value == chosen }) else {
            throw Abort(.conflict, reason: req.t(outcome == .grant ? .refusal(.onlyNameMismatchConfirmed) : .refusal(.onlyGuardiansChildGranted)))
        }
        guard form.confirmed == "yes" else {
            model.consequences = Self.consequences(of: outcome, item: item, childName: childID.flatMap { children[$0] }, note: note)
            return req.page(AidDecisionPage.View(chrome: req.chrome(), model: model))
        }
        do {
            try await req.aid.resolve(reviewID: item.id, as: outcome, note: note, actor: viewer.user.username, childID: childID)
        } catch let refusal as AidRefusal {
            throw Abort(.conflict, reason: req.t(Phrase(zh: refusal.zh, en: refusal.en)))
        }
        return req.redirect(to: "/aid/review?year=\(item.year)&decided=1")
    }

    /// What a decision will do, named, for the confirmation step.
    static func consequences(of outcome: AidResolution, item: AidReviewRow, childName: String?, note: String) -> [Phrase] {
        switch outcome {
        case .dismiss:
            return [.aid(.dismissConsequence), .aidDismissNote(note), .aid(.logConsequence)]
        case .grant:
            return [.aidGrantFor(pupil: item.studentName ?? item.entryName, school: item.schoolName, list: item.listValue),
                    .aid(.grantConsequence), .aid(.familySeesConsequence), .aid(.logConsequence)]
        case .grantToChild:
            return [.aidGrantFor(pupil: childName ?? "", school: nil, list: item.listValue),
                    .aid(.grantConsequence), .aid(.familySeesConsequence), .aid(.logConsequence)]
        }
    }

    // MARK: Payments

    @Sendable func paymentsCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        guard viewer.scope.canExportAidPayments else {
            throw Abort(.forbidden, reason: req.t(.refusal(.paymentFileStaffOnly)))
        }
        let year = try await Self.year(req)
        let filter = try Self.filter(req, viewer: viewer)
        let payments = try await req.aid.payments(year: year, filter: filter)
        // Full ID numbers: only with a request another staff member approved, once, watermarked.
        let watermark = try await ExportController.claim(req, viewer: viewer, kind: .paymentFile,
                                                         parameters: .paymentFile(year: year, askedDistrict: filter.districtCode, scope: viewer.scope))
        try await Audit.record(req, studentIDs: payments.map(\.studentID), action: "aid-payments")
        return Layout.csv("aid-payments-\(year).csv", document: watermark + CSVWriter.document(header: AidPayment.csvHeader, rows: payments.map(\.csvCells)))
    }

    // MARK: The family's decline

    /// Only a guardian of the child may decline; the grant stays on record, flagged.
    @Sendable func decline(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID else {
            throw Abort(.forbidden, reason: req.t(.refusal(.declineGuardianOnly)))
        }
        guard let grant = try await req.aid.grant(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchGrant)))
        }
        guard try await req.registry.guardianIDs(ofStudent: grant.studentId).contains(guardianID) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.grantNotForYourChild)))
        }
        try await req.aid.decline(grantID: grant.id, actor: viewer.user.username)
        return req.redirect(to: "/family?declined=1")
    }
}

extension Request {
    var aid: AidStore { AidStore(db) }
}
