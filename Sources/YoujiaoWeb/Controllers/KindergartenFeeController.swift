import Crypto
import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Kindergarten fees made public (docs/kindergarten-fees.md). Without sign-in: the list of every
/// kindergarten's fees, one kindergarten's fees (its brochure section when printed), the parent's
/// complaint form and the status page by reference. Signed in: the kindergarten's own form, the
/// district's overview and its complaint queue, where the parent's contact is read (audited,
/// never cached) only by the district's staff and the city's (`KindergartenFeeAccess`).
struct KindergartenFeeController {
    static let perPage = 50

    func register(_ routes: any RoutesBuilder) {
        let open = routes.grouped("public", "kindergarten-fees")
        routes.get("public", "kindergarten-fees", use: list)
        routes.get("public", "kindergarten-fees.csv") { try await listDownload(req: $0, as: .csv) }
        routes.get("public", "kindergarten-fees.xlsx") { try await listDownload(req: $0, as: .xlsx) }
        open.get(":school", use: kindergarten)
        open.get("complaints", "new", use: complaintForm)
        open.post("complaints", use: fileComplaint)
        open.get("complaints", "status", use: complaintStatus)

        routes.get("kindergarten-fees", use: home)
        routes.get("schools", ":id", "fees", use: schoolPage)
        routes.post("schools", ":id", "fees", use: addItem)
        routes.post("schools", ":id", "fees", ":item", "remove", use: removeItem)
        let district = routes.grouped("districts", ":code")
        district.get("kindergarten-fees", use: districtPage)
        district.get("kindergarten-fees.csv") { try await districtDownload(req: $0, as: .csv) }
        district.get("kindergarten-fees.xlsx") { try await districtDownload(req: $0, as: .xlsx) }
        district.get("fee-complaints", use: queue)
        district.get("fee-complaints.csv") { try await queueDownload(req: $0, as: .csv) }
        district.get("fee-complaints.xlsx") { try await queueDownload(req: $0, as: .xlsx) }
        district.get("fee-complaints", ":ref", use: complaintPage)
        district.post("fee-complaints", ":ref", use: decide)
    }

    // MARK: Rows

    /// The rows of `schools` with their items, grades' caps and (for the district) complaint counts.
    private func rows(_ req: Request, _ schools: [School], complaints: [String: Int] = [:]) async throws -> [KindergartenFeePages.KindergartenRow] {
        let store = KindergartenFeeStore(req.db)
        let items = try await store.items(schoolIDs: schools.map(\.id))
        let grades = try await store.grades()
        let caps = try await store.caps()
        let names = try await AidController.districtNames(req)
        return schools.map { school in
            let rules = FeeKindergarten(school, grade: grades[school.id])
            let kind: KindergartenFeePages.Kind = school.ownership == .public ? .public : (school.isInclusive ? .inclusive : .private)
            return .init(schoolID: school.id, name: school.name, districtName: names[school.districtCode] ?? school.districtCode, kind: kind,
                         grade: rules.grade, boarding: school.boarding, items: (items[school.id] ?? []).map(\.item),
                         cap: KindergartenFeeRules.cap(for: rules, caps: caps)?.monthlyMaximum, complaints: complaints[school.id] ?? 0)
        }
    }

    // MARK: The public list

    @Sendable func list(req: Request) async throws -> Response {
        let model = try await listModel(req, page: try req.pageRequest(perPage: Self.perPage))
        return req.page(KindergartenFeePages.ListView(chrome: req.chrome(), model: model, address: req.address))
    }

    @Sendable func listDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        try req.download(KindergartenFeePages.listTable(try await listModel(req, page: .everything)), name: "kindergarten-fees", as: format)
    }

    private func listModel(_ req: Request, page: PageQuery) async throws -> KindergartenFeePages.ListModel {
        let districts = try await req.registry.districts()
        let asked = req.query[String.self, at: "district"].flatMap { $0.isEmpty ? nil : $0 }
        if let asked, !districts.contains(where: { $0.code == asked }) {
            throw FieldProblem(field: "district", message: req.t(.refusal(.noSuchDistrict)))
        }
        let text = String((req.query[String.self, at: "q"] ?? "").prefix(50))
        let sort = try req.tableSort(keys: KindergartenFeePages.listSortKeys, fallback: KindergartenFeePages.listDefaultSort)
        let result = try await KindergartenFeeStore(req.db).publicPage(
            districtCode: asked, text: text, order: KindergartenFeeStore.ListOrder(rawValue: sort.key) ?? .district,
            ascending: sort.direction == .ascending, page: page)
        try req.requirePageExists(result)
        return KindergartenFeePages.ListModel(
            rows: try await rows(req, result.items), total: result.total, page: result.page, pageCount: result.pageCount, text: text,
            districtCode: asked, districtChoices: districts.map { .init(code: $0.code, name: $0.name) }, sort: sort)
    }

    @Sendable func kindergarten(req: Request) async throws -> Response {
        guard let found = try await KindergartenFeeStore(req.db).kindergarten(id: req.parameters.get("school") ?? "") else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool)))
        }
        let row = try await rows(req, [found.school])[0]
        return req.page(KindergartenFeePages.KindergartenView(chrome: req.chrome(), model: .init(row: row)))
    }

    // MARK: Complaints, public side

    @Sendable func complaintForm(req: Request) async throws -> Response {
        try await complaintFormResponse(req, values: ["school": req.query[String.self, at: "school"] ?? ""], problem: nil)
    }

    private func complaintFormResponse(_ req: Request, values: [String: String], problem: CampaignProblem?,
                                       status: HTTPStatus? = nil) async throws -> Response {
        let store = KindergartenFeeStore(req.db)
        let names = try await AidController.districtNames(req)
        let fixed = try await store.kindergarten(id: values["school"] ?? "").map { KindergartenFeePages.DistrictChoice(code: $0.school.id, name: $0.school.name) }
        let choices = fixed != nil ? [] : try await store.kindergartens().map {
            KindergartenFeePages.DistrictChoice(code: $0.school.id, name: "\(names[$0.school.districtCode] ?? "") \($0.school.name)")
        }.sorted { $0.name < $1.name }
        let model = KindergartenFeePages.ComplaintFormModel(fixed: fixed, choices: choices, values: values,
                                                            problem: problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) })
        return req.page(KindergartenFeePages.ComplaintFormView(chrome: req.chrome(flash: problem == nil ? nil : .error(.forms(.fixBelow))), model: model),
                        status: status ?? (problem == nil ? .ok : .badRequest))
    }

    @Sendable func fileComplaint(req: Request) async throws -> Response {
        let form = EnrollmentController.form(req)
        let store = KindergartenFeeStore(req.db)
        do {
            let kindergarten = try await store.kindergarten(id: form["school"] ?? "")?.rules
            let complaint = try FeeComplaintRules.proposed(form: form, kindergarten: kindergarten, reference: FeeComplaintRules.newReference(), now: Date())
            // One address files a few complaints an hour; the count is shared by every instance.
            let address = Hex.lowercase(SHA256.hash(data: Data((req.clientAddress ?? "unknown").utf8))).prefix(32)
            let filed = try await store.countComplaint(addressKey: "fee-complaint:" + address, hour: Int64(Date().timeIntervalSince1970 / 3600))
            guard filed <= FeeComplaintRules.perAddressPerHour else {
                return try await complaintFormResponse(req, values: form, problem: CampaignProblem("description", zh: Catalogue.KindergartenFees.tooMany.phrase.zh,
                                                                                                   en: Catalogue.KindergartenFees.tooMany.phrase.en),
                                                       status: .tooManyRequests)
            }
            try await store.file(complaint)
            return req.redirect(to: "/public/kindergarten-fees/complaints/status?ref=\(complaint.reference)&filed=1", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return try await complaintFormResponse(req, values: form, problem: problem)
        }
    }

    @Sendable func complaintStatus(req: Request) async throws -> Response {
        let typed = String((req.query[String.self, at: "ref"] ?? "").prefix(40))
        let store = KindergartenFeeStore(req.db)
        var model = KindergartenFeePages.StatusModel(typed: typed, reference: nil, kindergartenName: "", status: nil, filedAt: "", replies: [],
                                                     notFound: false, justFiled: false)
        if !typed.isEmpty {
            if let reference = FeeComplaintRules.normalisedReference(typed), let complaint = try await store.complaint(reference: reference) {
                model.reference = reference
                model.status = complaint.status
                model.kindergartenName = try await req.registry.school(id: complaint.schoolID)?.name ?? ""
                model.filedAt = Format.beijingMinute(complaint.filedAt)
                // Only what the district chose to publish: the replies, never its notes or the contact.
                model.replies = try await store.decisions(reference: reference).compactMap { d in
                    d.reply.map { .init(step: d.step, text: $0, at: Format.beijingMinute(d.decidedAt)) }
                }
                model.justFiled = req.query[String.self, at: "filed"] == "1"
            } else {
                model.notFound = true
            }
        }
        let response = req.page(KindergartenFeePages.StatusView(chrome: req.chrome(flash: model.justFiled ? .success(.kindergartenFees(.filedSentence)) : nil),
                                                                model: model),
                                status: model.notFound ? .notFound : .ok)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    // MARK: Staff

    /// The fee pages of the viewer: a kindergarten's form, the district's overview, the city's first district's.
    @Sendable func home(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        switch viewer.scope.role {
        case .schoolAdmin:
            let id = viewer.scope.schoolID ?? ""
            // A school without kindergarten classes has no fees of its own to publish: it reads its
            // district's published fees, as parents do.
            if let school = try await req.registry.school(id: id), !school.stages.contains(.kindergarten) {
                return req.redirect(to: "/public/kindergarten-fees?district=\(school.districtCode)", redirectType: .normal)
            }
            return req.redirect(to: "/schools/\(id)/fees", redirectType: .normal)
        case .districtAdmin:
            return req.redirect(to: "/districts/\(viewer.scope.districtCode ?? "")/kindergarten-fees", redirectType: .normal)
        default:
            let asked = req.query[String.self, at: "district"] ?? ""
            let districts = try await req.registry.districts()
            let code = districts.contains { $0.code == asked } ? asked : districts.first?.code ?? ""
            return req.redirect(to: "/districts/\(code)/kindergarten-fees", redirectType: .normal)
        }
    }

    private func ownKindergarten(_ req: Request) async throws -> (School, FeeKindergarten) {
        let viewer = try req.requireStaff()
        let id = req.parameters.get("id") ?? ""
        guard KindergartenFeeAccess.canEditFees(viewer.scope, schoolID: id) else {
            try await Audit.record(req, action: "kindergarten-fees-refused", subjectKind: "school", subjectIDs: [id])
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        guard let found = try await KindergartenFeeStore(req.db).kindergarten(id: id) else {
            throw Abort(.notFound, reason: req.t(.kindergartenFees(.notAKindergarten)))
        }
        return found
    }

    @Sendable func schoolPage(req: Request) async throws -> Response {
        let (school, _) = try await ownKindergarten(req)
        let flash: Flash? = switch req.query[String.self, at: "saved"] {
        case "item": .success(.kindergartenFees(.savedItem))
        case "removed": .success(.kindergartenFees(.removedItem))
        default: nil
        }
        return try await schoolResponse(req, school, flash: flash, values: [:], problem: nil)
    }

    private func schoolResponse(_ req: Request, _ school: School, flash: Flash?, values: [String: String], problem: CampaignProblem?) async throws -> Response {
        let row = try await rows(req, [school])[0]
        let ids = (try await KindergartenFeeStore(req.db).items(schoolIDs: [school.id])[school.id] ?? []).map(\.id)
        let model = KindergartenFeePages.SchoolModel(row: row, itemIDs: ids, values: values,
                                                     problem: problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) })
        return req.page(KindergartenFeePages.SchoolView(chrome: req.chrome(flash: problem == nil ? flash : .error(.forms(.fixBelow))), model: model),
                        status: problem == nil ? .ok : .badRequest)
    }

    @Sendable func addItem(req: Request) async throws -> Response {
        let (school, rules) = try await ownKindergarten(req)
        let form = EnrollmentController.form(req)
        let store = KindergartenFeeStore(req.db)
        do {
            let item = try KindergartenFeeRules.proposed(schoolID: school.id, form: form, kindergarten: rules, caps: try await store.caps())
            let id = try await store.add(item)
            try await Audit.record(req, action: "kindergarten-fee-add", subjectKind: "kindergarten-fee", subjectIDs: [id],
                                   detail: { _ in "\(school.id) \(item.category.rawValue) \(item.name) \(item.amount.yuanText)/\(item.period.rawValue)" })
            return req.redirect(to: "/schools/\(school.id)/fees?saved=item", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return try await schoolResponse(req, school, flash: nil, values: form, problem: problem)
        }
    }

    @Sendable func removeItem(req: Request) async throws -> Response {
        let (school, _) = try await ownKindergarten(req)
        let itemID = req.parameters.get("item") ?? ""
        guard try await KindergartenFeeStore(req.db).remove(itemID: itemID, schoolID: school.id) else {
            return try await schoolResponse(req, school, flash: nil, values: [:],
                                            problem: CampaignProblem("item", zh: Catalogue.KindergartenFees.itemGone.phrase.zh,
                                                                     en: Catalogue.KindergartenFees.itemGone.phrase.en))
        }
        try await Audit.record(req, action: "kindergarten-fee-remove", subjectKind: "kindergarten-fee", subjectIDs: [itemID], detail: { _ in school.id })
        return req.redirect(to: "/schools/\(school.id)/fees?saved=removed", redirectType: .normal)
    }

    // MARK: The district

    private func supervisedDistrict(_ req: Request) async throws -> (Viewer, District) {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        guard KindergartenFeeAccess.canSupervise(viewer.scope, districtCode: code) else {
            try await Audit.record(req, action: "kindergarten-fees-refused", subjectKind: "district", subjectIDs: [code])
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
        return (viewer, district)
    }

    @Sendable func districtPage(req: Request) async throws -> Response {
        let model = try await districtModel(req)
        return req.page(KindergartenFeePages.DistrictView(chrome: req.chrome(), model: model, address: req.address))
    }

    @Sendable func districtDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await districtModel(req)
        return try req.download(KindergartenFeePages.districtTable(model), name: "kindergarten-fees-\(model.districtCode)", as: format)
    }

    private func districtModel(_ req: Request) async throws -> KindergartenFeePages.DistrictModel {
        let (viewer, district) = try await supervisedDistrict(req)
        let sort = try req.tableSort(keys: KindergartenFeePages.districtSortKeys, fallback: KindergartenFeePages.districtDefaultSort)
        let store = KindergartenFeeStore(req.db)
        let complaints = try await store.complaints(districtCode: district.code, status: nil, text: nil, order: .filed, ascending: false, page: .everything)
        let bySchool = Dictionary(grouping: complaints.items, by: \.schoolID).mapValues(\.count)
        let schools = try await store.kindergartens(districtCode: district.code).map(\.school)
        let choices = viewer.scope.role == .cityAdmin ? try await req.registry.districts().map { KindergartenFeePages.DistrictChoice(code: $0.code, name: $0.name) } : []
        return .init(districtCode: district.code, districtName: district.name, rows: try await rows(req, schools, complaints: bySchool),
                     counts: try await store.complaintCounts(districtCode: district.code), districtChoices: choices, sort: sort)
    }

    // MARK: The queue

    @Sendable func queue(req: Request) async throws -> Response {
        let model = try await queueModel(req, page: try req.pageRequest(perPage: Self.perPage))
        let response = req.page(KindergartenFeePages.QueueView(chrome: req.chrome(), model: model, address: req.address))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func queueDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await queueModel(req, page: .everything)
        let response = try req.download(KindergartenFeePages.queueTable(model), name: "fee-complaints-\(model.districtCode)", as: format)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func queueModel(_ req: Request, page: PageQuery) async throws -> KindergartenFeePages.QueueModel {
        let (_, district) = try await supervisedDistrict(req)
        let statusText = req.query[String.self, at: "status"] ?? ""
        guard statusText.isEmpty || FeeComplaint.Status(rawValue: statusText) != nil else {
            throw FieldProblem(field: "status", message: req.t(.kindergartenFees(.allStatuses)))
        }
        let text = String((req.query[String.self, at: "q"] ?? "").prefix(50))
        let sort = try req.tableSort(keys: KindergartenFeePages.queueSortKeys, fallback: KindergartenFeePages.queueDefaultSort)
        let store = KindergartenFeeStore(req.db)
        let result = try await store.complaints(districtCode: district.code, status: FeeComplaint.Status(rawValue: statusText), text: text,
                                                order: KindergartenFeeStore.ComplaintOrder(rawValue: sort.key) ?? .filed,
                                                ascending: sort.direction == .ascending, page: page)
        try req.requirePageExists(result)
        let names = Dictionary(uniqueKeysWithValues: try await req.registry.schools(ids: Array(Set(result.items.map(\.schoolID)))).map { ($0.id, $0.name) })
        return .init(districtCode: district.code, districtName: district.name,
                     rows: result.items.map { c in
                         .init(reference: c.reference, kindergartenName: names[c.schoolID] ?? c.schoolID, category: c.category, itemName: c.itemName,
                               amount: c.amount, status: c.status, filedAt: Format.beijingMinute(c.filedAt))
                     },
                     total: result.total, page: result.page, pageCount: result.pageCount, status: FeeComplaint.Status(rawValue: statusText), text: text,
                     sort: sort)
    }

    // MARK: One complaint

    private func complaint(_ req: Request, _ district: District) async throws -> FeeComplaint {
        guard let reference = FeeComplaintRules.normalisedReference(req.parameters.get("ref") ?? ""),
              let complaint = try await KindergartenFeeStore(req.db).complaint(reference: reference), complaint.districtCode == district.code else {
            throw Abort(.notFound, reason: req.t(.kindergartenFees(.noSuchReference)))
        }
        return complaint
    }

    private func complaintResponse(_ req: Request, _ district: District, _ complaint: FeeComplaint, flash: Flash?, values: [String: String] = [:],
                                   problem: CampaignProblem? = nil, confirming: FeeComplaint.Status? = nil) async throws -> Response {
        let decisions = try await KindergartenFeeStore(req.db).decisions(reference: complaint.reference)
        let model = KindergartenFeePages.ComplaintModel(
            districtCode: district.code, complaint: complaint, kindergartenName: try await req.registry.school(id: complaint.schoolID)?.name ?? "",
            filedAt: Format.beijingMinute(complaint.filedAt),
            decisions: decisions.map { .init(step: $0.step, note: $0.note, reply: $0.reply, actorName: $0.actorName, at: Format.beijingMinute($0.decidedAt)) },
            steps: FeeComplaintRules.steps(from: complaint.status), values: values,
            problem: problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) }, confirming: confirming)
        // The page shows the parent's contact: personal data, read by name.
        try await Audit.record(req, action: "fee-complaint-read", subjectKind: "fee-complaint", subjectIDs: [complaint.reference],
                               detail: { _ in complaint.contact == nil ? "no contact" : "contact shown" })
        let response = req.page(KindergartenFeePages.ComplaintView(chrome: req.chrome(flash: problem == nil ? flash : .error(.forms(.fixBelow))), model: model),
                                status: problem == nil ? .ok : .badRequest)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func complaintPage(req: Request) async throws -> Response {
        let (_, district) = try await supervisedDistrict(req)
        let complaint = try await complaint(req, district)
        let flash: Flash? = req.query[String.self, at: "saved"] == nil ? nil : .success(.kindergartenFees(.savedDecision))
        return try await complaintResponse(req, district, complaint, flash: flash)
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let (viewer, district) = try await supervisedDistrict(req)
        let complaint = try await complaint(req, district)
        let form = EnrollmentController.form(req)
        do {
            // The status the official saw: a decision typed on an older page is refused, not applied to a newer state.
            guard let seen = FeeComplaint.Status(rawValue: form["seen"] ?? ""), seen == complaint.status else { throw FeeComplaintRules.changedMeanwhile }
            let actor = viewer.user.displayName
            let checked = try FeeComplaintRules.decision(reference: complaint.reference, from: seen, form: form, actorName: actor, now: Date())
            if FeeComplaintRules.isIrreversible(checked.step) && form["confirmed"] != "yes" {
                return try await complaintResponse(req, district, complaint, flash: nil, values: form, confirming: checked.step)
            }
            let decision = try await KindergartenFeeStore(req.db).decide(reference: complaint.reference, seen: seen, actorID: viewer.user.id) { status in
                try FeeComplaintRules.decision(reference: complaint.reference, from: status, form: form, actorName: actor, now: Date())
            }
            try await Audit.record(req, action: "fee-complaint-\(decision.step.rawValue)", subjectKind: "fee-complaint", subjectIDs: [complaint.reference],
                                   detail: { _ in decision.note })
            return req.redirect(to: "/districts/\(district.code)/fee-complaints/\(complaint.reference)?saved=1", redirectType: .normal)
        } catch let problem as CampaignProblem {
            let current = try await KindergartenFeeStore(req.db).complaint(reference: complaint.reference) ?? complaint
            return try await complaintResponse(req, district, current, flash: nil, values: form, problem: problem)
        }
    }
}
