import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Exports with full ID numbers under the two-person rule: a staff member asks with a reason
/// (`/exports/new`), another of the same or a wider scope approves or refuses after a confirm step,
/// and the requester downloads once (the payment file from `/aid/payments.csv?request=ID`; the
/// registry export with `youjiao export ENTITY --request ID`). Every step is audited; the rules
/// are `ExportRules` in Core.
struct ExportController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("exports", use: queue)
        routes.get("exports", "new", use: form)
        routes.post("exports", use: create)
        routes.get("exports", ":id", "approve") { try await decisionPage(req: $0, approving: true) }
        routes.get("exports", ":id", "refuse") { try await decisionPage(req: $0, approving: false) }
        routes.post("exports", ":id", "approve") { try await decide(req: $0, approving: true) }
        routes.post("exports", ":id", "refuse") { try await decide(req: $0, approving: false) }
    }

    /// City and district staff: the roles that may export full ID numbers at all.
    static func requireExporter(_ req: Request) throws -> Viewer {
        let viewer = try req.requireStaff()
        guard viewer.scope.canExportAidPayments else {
            throw Self.abort(req, .notAllowedToRequest)
        }
        return viewer
    }

    static func actor(_ viewer: Viewer) -> ExportActor {
        ExportActor(party: ExportParty(username: viewer.user.username, scope: viewer.scope),
                    displayName: "\(viewer.user.displayName)（\(viewer.user.username)）")
    }

    /// A refusal of the rules as the HTTP error that says it: 404 for no such request, 409 for a
    /// request already decided, 400 for a missing or long text, 403 for everything else.
    static func abort(_ req: Request, _ refusal: ExportRefusal) -> any Error {
        let message = req.t(Phrase(zh: refusal.zh, en: refusal.en))
        switch refusal {
        case .noSuchRequest: return Abort(.notFound, reason: message)
        case .notWaiting: return Abort(.conflict, reason: message)
        case .reasonMissing, .reasonTooLong: return FieldProblem(field: "reason", message: message)
        case .noteMissing, .noteTooLong: return FieldProblem(field: "note", message: message)
        default: return Abort(.forbidden, reason: message)
        }
    }

    /// What a request exports, as people read it.
    static func what(kind: ExportKind?, parameters: ExportParameters, districtNames: [String: String]) -> Phrase {
        switch kind {
        case .paymentFile?:
            return .paymentFileOf(schoolYear: parameters.year ?? 0, districtName: parameters.districtCode.map { districtNames[$0] ?? $0 })
        case .registryExport?, nil:
            return .registryExportOf(parameters.entity ?? "")
        }
    }

    /// Where the requester downloads an approved payment file.
    static func downloadHref(_ record: ExportRequestRecord) -> String? {
        guard record.kindValue == .paymentFile, let year = record.year else { return nil }
        var query = "year=\(year)&request=\(Self.queryValue(record.id))"
        if let district = record.districtCode { query += "&district=\(Self.queryValue(district))" }
        return "/aid/payments.csv?" + query
    }

    static func queryValue(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    static func row(_ record: ExportRequestRecord, districtNames: [String: String], viewer: Viewer, mayDecide: Bool,
                    now: Date = Date()) -> ExportQueuePage.Request {
        let expired = record.isExpired(now: now)
        let usable = record.statusValue == .approved && !expired && record.requestedBy == viewer.user.username
        return ExportQueuePage.Request(
            id: record.id, what: what(kind: record.kindValue, parameters: record.parameters, districtNames: districtNames), requester: record.requesterName,
            requestedAt: Format.beijingMinute(Date(timeIntervalSince1970: record.requestedAt)), reason: record.reason,
            status: .exportStatus(record.statusValue ?? .waiting, expired: expired), decidedBy: record.approverName ?? record.refuserName,
            note: record.note, downloadHref: usable ? downloadHref(record) : nil, mayDecide: mayDecide)
    }

    static func districtNames(_ req: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await req.registry.districts().map { ($0.code, $0.name) })
    }

    // MARK: The queue

    @Sendable func queue(req: Request) async throws -> Response {
        let viewer = try Self.requireExporter(req)
        let names = try await Self.districtNames(req)
        let mine = try await req.exportRequests.requests(of: viewer.user.username)
        let waiting = try await req.exportRequests.awaitingDecision(by: Self.actor(viewer).party)
        var asks = [ExportQueuePage.AskLink(label: .exports(.requestPaymentFile), href: "/exports/new?kind=\(ExportKind.paymentFile.rawValue)")]
        if viewer.scope.role == .cityAdmin {
            asks += RegistryEntityKind.allCases.filter(\.carriesFullIDNumbers).map {
                ExportQueuePage.AskLink(label: .registryExportOf($0.rawValue), href: "/exports/new?kind=\(ExportKind.registryExport.rawValue)&entity=\($0.rawValue)")
            }
        }
        let model = ExportQueuePage.Model(
            mine: mine.map { Self.row($0, districtNames: names, viewer: viewer, mayDecide: false) },
            awaitingMe: waiting.map { Self.row($0, districtNames: names, viewer: viewer, mayDecide: true) }, askLinks: asks)
        let flash: Flash?
        if req.query[String.self, at: "requested"] != nil { flash = .success(.exports(.requested)) }
        else if req.query[String.self, at: "approved"] != nil { flash = .success(.exports(.approvedDone)) }
        else if req.query[String.self, at: "refused"] != nil { flash = .success(.exports(.refusedDone)) }
        else { flash = nil }
        return req.page(ExportQueuePage.View(chrome: req.chrome(flash: flash), model: model))
    }

    // MARK: Asking

    struct RequestForm: Content { var kind: String?; var year: String?; var district: String?; var entity: String?; var reason: String? }

    /// The kind and parameters a form or a query names, normalised to the viewer's scope.
    static func asked(_ req: Request, _ form: RequestForm, viewer: Viewer) async throws -> (ExportKind, ExportParameters) {
        guard let kind = form.kind.flatMap(ExportKind.init(rawValue:)) else {
            throw FieldProblem(field: "kind", message: req.t(.refusal(.noSuchExport)))
        }
        switch kind {
        case .paymentFile:
            let year: Int
            if let text = form.year, !text.isEmpty {
                guard let asked = Int(text), (2000...2100).contains(asked) else {
                    throw FieldProblem(field: "year", message: req.t(.refusal(.noSuchSchoolYear)))
                }
                year = asked
            } else {
                year = try await req.aid.years().first ?? SchoolYear.current()
            }
            if let district = form.district, !district.isEmpty, !viewer.scope.canSeeDistrict(district) {
                throw Self.abort(req, .outsideScope)
            }
            return (kind, .paymentFile(year: year, askedDistrict: form.district, scope: viewer.scope))
        case .registryExport:
            guard let entity = form.entity.flatMap(RegistryEntityKind.init(rawValue:)), entity.carriesFullIDNumbers else {
                throw FieldProblem(field: "entity", message: req.t(.refusal(.exportRequestEntities)))
            }
            return (kind, .registryExport(entity))
        }
    }

    static func formModel(_ req: Request, kind: ExportKind, parameters: ExportParameters, reason: String, error: Phrase?) async throws
        -> ExportRequestFormPage.Model {
        var hidden = ["kind": kind.rawValue]
        if let year = parameters.year { hidden["year"] = String(year) }
        if let district = parameters.districtCode { hidden["district"] = district }
        if let entity = parameters.entity { hidden["entity"] = entity }
        return ExportRequestFormPage.Model(what: what(kind: kind, parameters: parameters, districtNames: try await districtNames(req)), hiddenFields: hidden, reason: reason, error: error)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let viewer = try Self.requireExporter(req)
        let asked = RequestForm(kind: req.query[String.self, at: "kind"], year: req.query[String.self, at: "year"],
                                district: req.query[String.self, at: "district"], entity: req.query[String.self, at: "entity"])
        let (kind, parameters) = try await Self.asked(req, asked, viewer: viewer)
        // Before the form is filled only the scope is judged, so a stand-in reason passes the text check.
        if let refusal = ExportRules.requestRefusal(kind: kind, parameters: parameters, scope: viewer.scope, reason: "-") { throw Self.abort(req, refusal) }
        let model = try await Self.formModel(req, kind: kind, parameters: parameters, reason: "", error: nil)
        return req.page(ExportRequestFormPage.View(chrome: req.chrome(), model: model))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let viewer = try Self.requireExporter(req)
        let form = try req.content.decode(RequestForm.self)
        let (kind, parameters) = try await Self.asked(req, form, viewer: viewer)
        let reason = form.reason ?? ""
        let record: ExportRequestRecord
        do {
            record = try await req.exportRequests.request(kind: kind, parameters: parameters, reason: reason, by: Self.actor(viewer))
        } catch let refusal as ExportRefusal {
            guard refusal == .reasonMissing || refusal == .reasonTooLong else { throw Self.abort(req, refusal) }
            // The form comes back with what was typed and the sentence that says what to change.
            let model = try await Self.formModel(req, kind: kind, parameters: parameters, reason: reason,
                                                 error: Phrase(zh: refusal.zh, en: refusal.en))
            return req.page(ExportRequestFormPage.View(chrome: req.chrome(), model: model), status: .badRequest)
        }
        try await Self.audit(req, "export-requested", record)
        return req.redirect(to: "/exports?requested=1")
    }

    static func audit(_ req: Request, _ action: String, _ record: ExportRequestRecord) async throws {
        let parameters = [record.year.map { "year=\($0)" }, record.districtCode.map { "district=\($0)" }, record.entity.map { "entity=\($0)" }]
            .compactMap { $0 }.joined(separator: " ")
        try await Audit.record(req, action: action, subjectKind: "export-request", subjectIDs: [record.id],
                               detail: { _ in "\(record.kind) \(parameters) requested by \(record.requestedBy)" }, staffOnly: true)
    }

    // MARK: Deciding

    /// The request and its facts, or 404; refused at once when the viewer may not decide on it.
    private func decidable(_ req: Request, viewer: Viewer) async throws -> ExportRequestRecord {
        guard let record = try await req.exportRequests.request(id: req.parameters.get("id") ?? ""), let facts = record.facts else {
            throw Self.abort(req, .noSuchRequest)
        }
        if let refusal = ExportRules.decisionRefusal(facts, approver: Self.actor(viewer).party, approving: true, note: "") { throw Self.abort(req, refusal) }
        return record
    }

    @Sendable func decisionPage(req: Request, approving: Bool) async throws -> Response {
        let viewer = try Self.requireExporter(req)
        let record = try await decidable(req, viewer: viewer)
        let row = Self.row(record, districtNames: try await Self.districtNames(req), viewer: viewer, mayDecide: true)
        return req.page(ExportDecisionPage.View(chrome: req.chrome(), model: ExportDecisionPage.Model(request: row, approving: approving)))
    }

    struct DecisionForm: Content { var note: String? }

    @Sendable func decide(req: Request, approving: Bool) async throws -> Response {
        let viewer = try Self.requireExporter(req)
        let record = try await decidable(req, viewer: viewer)
        let note = try req.content.decode(DecisionForm.self).note ?? ""
        let decided: ExportRequestRecord
        do {
            decided = try await req.exportRequests.decide(id: record.id, approve: approving, note: note, by: Self.actor(viewer))
        } catch let refusal as ExportRefusal {
            guard refusal == .noteMissing || refusal == .noteTooLong else { throw Self.abort(req, refusal) }
            let row = Self.row(record, districtNames: try await Self.districtNames(req), viewer: viewer, mayDecide: true)
            let model = ExportDecisionPage.Model(request: row, approving: approving, note: note, error: Phrase(zh: refusal.zh, en: refusal.en))
            return req.page(ExportDecisionPage.View(chrome: req.chrome(), model: model), status: .badRequest)
        }
        try await Self.audit(req, approving ? "export-approved" : "export-refused", decided)
        return req.redirect(to: approving ? "/exports?approved=1" : "/exports?refused=1")
    }

    // MARK: The download

    /// Uses the approval named by `?request=` for this download, audits it, and returns the
    /// watermark that opens the file. 403 with a sentence pointing to /exports otherwise.
    static func claim(_ req: Request, viewer: Viewer, kind: ExportKind, parameters: ExportParameters) async throws -> String {
        guard let id = req.query[String.self, at: "request"], !id.isEmpty else { throw abort(req, .noRequest) }
        let record: ExportRequestRecord
        do {
            record = try await req.exportRequests.claimDownload(id: id, kind: kind, parameters: parameters,
                                                                downloader: viewer.user.username, actor: viewer.user.username)
        } catch let refusal as ExportRefusal {
            throw abort(req, refusal == .noSuchRequest ? .noRequest : refusal)
        }
        try await audit(req, "export-downloaded", record)
        return ExportWatermark.text(requester: record.requesterName, approver: record.approverName ?? "",
                                    downloadedAt: Date(timeIntervalSince1970: record.downloadedAt ?? Date().timeIntervalSince1970), requestID: record.id)
    }
}

extension Request {
    var exportRequests: ExportRequestStore { ExportRequestStore(db) }
}
