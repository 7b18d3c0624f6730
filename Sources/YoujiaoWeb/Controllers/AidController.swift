import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Student aid without application (免申即享): totals per district, school and policy, a school's
/// published list, the review queue with its decisions, the payment file, and the guardian's
/// notice and decline. Every record is checked against the viewer's scope.
struct AidController {
    static let perPage = 100

    func register(_ routes: any RoutesBuilder) {
        let aid = routes.grouped("aid")
        aid.get(use: overview)
        aid.get("summary.csv", use: summaryCSV)
        aid.get("grants", use: grants)
        aid.get("grants.csv", use: grantsCSV)
        aid.post("grants", ":id", "decline", use: decline)
        aid.get("review", use: review)
        aid.get("review.csv", use: reviewCSV)
        aid.post("review", ":id", "resolve", use: resolve)
        aid.get("payments.csv", use: paymentsCSV)
    }

    // MARK: Request values

    /// `?year=`, else the newest school year with aid records, else the current one.
    static func year(_ req: Request) async throws -> Int {
        if let year = try? req.query.get(Int.self, at: "year") {
            guard (2000...2100).contains(year) else { throw FieldProblem(field: "year", message: req.t("学年无效", "No such school year")) }
            return year
        }
        return try await req.aid.years().first ?? SchoolYear.current()
    }

    /// The records a staff viewer may see, narrowed to `?district=` when asked (and allowed).
    static func filter(_ req: Request, viewer: Viewer) throws -> AidScopeFilter {
        var filter = AidScopeFilter(scope: viewer.scope)
        if let asked = (try? req.query.get(String.self, at: "district")).flatMap({ $0.isEmpty ? nil : $0 }) {
            guard viewer.scope.canSeeDistrict(asked) else {
                throw Abort(.forbidden, reason: req.t("您无权查看其他区的资助数据。", "You may not see another district's aid."))
            }
            filter.districtCode = asked
        }
        return filter
    }

    static func yuan(_ req: Request, _ amount: Int) -> String { req.t("\(esc(amount)) 元", "\(esc(amount)) yuan") }

    static func policyName(_ req: Request, _ policy: AidPolicy?, fallback: String) -> String {
        guard let policy else { return fallback }
        return req.t(policy.name, policy.nameEN)
    }

    // MARK: Overview

    @Sendable func overview(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let year = try await Self.year(req)
        let filter = try Self.filter(req, viewer: viewer)
        let years = Set(try await req.aid.years() + [year]).sorted(by: >)
        let open = try await req.aid.reviewItems(year: year, filter: filter, status: .open, page: PageQuery(page: 1, perPage: 1)).total
        let byPolicy = try await req.aid.totals(year: year, by: .policy, filter: filter)
        let policies = Dictionary(uniqueKeysWithValues: try await req.aid.policies().map { ($0.id, $0) })
        let query = "year=\(year)" + (filter.districtCode.map { "&district=\(esc($0))" } ?? "")

        var body = """
        <form method="get" action="/aid" class="filters"><label>\(req.t("学年", "School year"))
        <select name="year">\(years.map { "<option value=\"\($0)\"\($0 == year ? " selected" : "")>\($0)–\(($0 + 1) % 100)</option>" }.joined())</select></label>
        \(filter.districtCode.map { "<input type=\"hidden\" name=\"district\" value=\"\(esc($0))\">" } ?? "")
        <button type="submit">\(req.t("查看", "Show"))</button></form>
        <p class="summary">\(req.t("资助由民政等部门名单与学籍数据自动比对生成，家庭无需申请。", "Aid is granted by matching the agencies' lists with the registry; families need not apply."))
        · <a href="/aid/review?year=\(year)">\(req.t("待审核 \(open) 条", "\(open) entries to review"))</a>
        \(viewer.scope.canExportAidPayments ? "· <a href=\"/exports/new?kind=payment-file&year=\(year)\(filter.districtCode.map { "&district=\(esc($0))" } ?? "")\">\(esc(Phrase.exports(.requestPaymentFile).text(req.language)))</a> · <a href=\"/exports\">\(esc(Phrase.exports(.title).text(req.language)))</a>" : "")</p>
        """
        if viewer.scope.role == .cityAdmin && filter.districtCode == nil {
            let byDistrict = try await req.aid.totals(year: year, by: .district, filter: filter)
            let chart = BarChart(categories: byDistrict.map(\.name),
                                 series: [BarChart.Series(name: req.t("资助金额（元）", "Yuan"), colour: "#c0392b", values: byDistrict.map(\.yuan))],
                                 title: req.t("各区资助金额", "Aid by district"))
            body += "<h2>\(req.t("各区", "By district"))</h2><figure>\(chart.svg)</figure>"
            body += Self.totalsSection(req, totals: byDistrict, by: .district, query: "year=\(year)") { "/aid?year=\(year)&district=\(esc($0.key))" }
        }
        if viewer.scope.role != .schoolAdmin && (filter.districtCode != nil || viewer.scope.role == .districtAdmin) {
            let bySchool = try await req.aid.totals(year: year, by: .school, filter: filter)
            body += "<h2>\(req.t("各校", "By school"))</h2>"
            body += Self.totalsSection(req, totals: bySchool, by: .school, query: query) { "/aid/grants?year=\(year)&school=\(esc($0.key))" }
        }
        let policyTotals = byPolicy.map { total -> AidTotal in
            var named = total
            named.name = Self.policyName(req, policies[total.key], fallback: total.name)
            return named
        }
        if viewer.scope.role != .cityAdmin || filter.districtCode != nil {
            let chart = BarChart(categories: policyTotals.map(\.name),
                                 series: [BarChart.Series(name: req.t("资助金额（元）", "Yuan"), colour: "#c0392b", values: policyTotals.map(\.yuan))],
                                 title: req.t("各项政策资助金额", "Aid by policy"))
            body += "<figure>\(chart.svg)</figure>"
        }
        body += "<h2>\(req.t("各项政策", "By policy"))</h2>"
        body += Self.totalsSection(req, totals: policyTotals, by: .policy, query: query, link: nil)
        if viewer.scope.role == .schoolAdmin, let school = viewer.scope.schoolID {
            body += "<p><a href=\"/aid/grants?year=\(year)&school=\(esc(school))\">\(req.t("本校受助学生名单", "Pupils of this school receiving aid"))</a></p>"
        }
        return Layout.render(req, title: req.t("学生资助（免申即享）", "Student aid (no application needed)"), body: body)
    }

    static func totalsTable(_ req: Request, totals: [AidTotal], by grouping: AidTotalsGrouping, link: ((AidTotal) -> String)?) -> Table {
        let label: String
        switch grouping {
        case .district: label = req.t("区", "District")
        case .school: label = req.t("学校", "School")
        case .policy: label = req.t("政策", "Policy")
        }
        return Table(headers: [req.t("代码", "Code"), label, req.t("受助学生", "Pupils"), req.t("资助笔数", "Grants"),
                               req.t("金额（元）", "Yuan"), req.t("家长放弃", "Declined")],
                     rows: totals.map { total in
                         [esc(total.key), link.map { "<a href=\"\($0(total))\">\(esc(total.name))</a>" } ?? esc(total.name),
                          esc(total.pupils), esc(total.grants), esc(total.yuan), esc(total.declined)]
                     }, numericColumns: [2, 3, 4, 5])
    }

    static func totalsSection(_ req: Request, totals: [AidTotal], by grouping: AidTotalsGrouping, query: String,
                              link: ((AidTotal) -> String)?) -> String {
        """
        <p><a class="download" href="/aid/summary.csv?\(query)&by=\(grouping.rawValue)">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(totalsTable(req, totals: totals, by: grouping, link: link).html)
        """
    }

    @Sendable func summaryCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let year = try await Self.year(req)
        let filter = try Self.filter(req, viewer: viewer)
        guard let grouping = (try? req.query.get(String.self, at: "by")).flatMap(AidTotalsGrouping.init(rawValue:)) else {
            throw FieldProblem(field: "by", message: req.t("by 须为 district、school 或 policy", "by must be district, school or policy"))
        }
        let totals = try await req.aid.totals(year: year, by: grouping, filter: filter)
        return Layout.csv("aid-\(year)-by-\(grouping.rawValue).csv", header: [grouping.rawValue, "name", "pupils", "grants", "yuan", "declined"],
                          rows: totals.map { [$0.key, $0.name, String($0.pupils), String($0.grants), String($0.yuan), String($0.declined)] })
    }

    // MARK: A school's published list

    /// The school of `?school=`, if the staff viewer's scope holds it.
    static func visibleSchool(_ req: Request, viewer: Viewer) async throws -> School {
        let id = (try? req.query.get(String.self, at: "school")) ?? viewer.scope.schoolID ?? ""
        guard let school = try await req.registry.school(id: id) else { throw Abort(.notFound, reason: req.t("没有这所学校", "No such school")) }
        guard viewer.scope.canSeeAidRecord(schoolID: school.id, districtCode: school.districtCode) else {
            throw Abort(.forbidden, reason: req.t("您无权查看这所学校的资助名单。", "This school is outside your scope."))
        }
        return school
    }

    private func publishedList(_ req: Request) async throws -> (School, Int, [AidPublishedGrant]) {
        let viewer = try req.requireStaff()
        let school = try await Self.visibleSchool(req, viewer: viewer)
        let year = try await Self.year(req)
        let grants = try await req.aid.publishedGrants(year: year, schoolID: school.id)
        try await Audit.record(req, studentIDs: Array(Set(grants.map(\.studentID))), action: "aid-list")
        return (school, year, grants)
    }

    @Sendable func grants(req: Request) async throws -> Response {
        let (school, year, grants) = try await publishedList(req)
        let policies = Dictionary(uniqueKeysWithValues: try await req.aid.policies().map { ($0.id, $0) })
        let rows = grants.map { grant in
            [esc(grant.studentName), esc(grant.grade?.label(req) ?? "—"), esc(grant.classNumber.map(String.init) ?? "—"),
             esc(Self.policyName(req, policies[grant.policyID], fallback: grant.policyName)), esc(grant.yuan),
             grant.declined ? req.t("家长已放弃", "declined") : req.t("发放", "to be paid")]
        }
        let paid = grants.filter { !$0.declined }
        let body = """
        <p class="summary">\(esc(school.name)) · \(year)–\((year + 1) % 100) \(req.t("学年", "school year")) · \(req.t("受助学生 \(Set(paid.map(\.studentID)).count) 名，合计", "\(Set(paid.map(\.studentID)).count) pupils, in total")) \(Self.yuan(req, paid.reduce(0) { $0 + $1.yuan }))
        · <a class="download" href="/aid/grants.csv?year=\(year)&school=\(esc(school.id))">\(req.t("下载 CSV", "Download CSV"))</a></p>
        <p class="summary">\(req.t("公示名单不含身份证件号、家庭住址、出生日期和银行账户信息。", "Published lists show no ID number, address, birth date or bank details."))</p>
        \(Table(headers: [req.t("姓名", "Name"), req.t("年级", "Grade"), req.t("班级", "Class"), req.t("资助项目", "Policy"),
                          req.t("金额（元）", "Yuan"), req.t("状态", "Status")], rows: rows, numericColumns: [4]).html)
        """
        return Layout.render(req, title: req.t("受助学生名单", "Pupils receiving aid"), body: body)
    }

    @Sendable func grantsCSV(req: Request) async throws -> Response {
        let (school, year, grants) = try await publishedList(req)
        return Layout.csv("aid-\(year)-\(school.id).csv", header: AidPublishedGrant.csvHeader, rows: grants.map(\.csvCells))
    }

    // MARK: Review queue

    private func reviewPage(_ req: Request) async throws -> (Int, AidReviewStatus?, Page<AidReviewRow>) {
        let viewer = try req.requireStaff()
        let year = try await Self.year(req)
        let filter = try Self.filter(req, viewer: viewer)
        let statusText = (try? req.query.get(String.self, at: "status")) ?? AidReviewStatus.open.rawValue
        let status = AidReviewStatus(rawValue: statusText)
        guard status != nil || statusText == "all" else {
            throw FieldProblem(field: "status", message: req.t("状态无效", "No such status"))
        }
        let page = req.url.path.hasSuffix(".csv") ? PageQuery.everything : try req.pageRequest(perPage: Self.perPage)
        let items = try await req.aid.reviewItems(year: year, filter: filter, status: status, page: page)
        try req.requirePageExists(items)
        try await Audit.record(req, studentIDs: items.items.compactMap(\.studentId), action: "aid-review")
        // Entries the registry does not know still show a name and an ID number from an agency's list.
        try await Audit.record(req, action: "aid-review", subjectKind: "eligibility-entry",
                               subjectIDs: items.items.filter { $0.studentId == nil }.map(\.entryId), staffOnly: true)
        return (year, status, items)
    }

    @Sendable func review(req: Request) async throws -> Response {
        let (year, status, page) = try await reviewPage(req)
        let token = esc(req.csrfToken)
        // An entry under an adult's number is usually a parent's: offer their children at school.
        var children: [String: [(studentID: String, name: String)]] = [:]
        for item in page.items where item.statusValue == .open && item.reasonValue == .adultID {
            children[item.id] = try await req.aid.childrenAtSchool(ofGuardianNationalID: item.nationalId)
        }
        let rows = page.items.map { item -> [String] in
            let reason = item.reasonValue.map { req.t($0.labelZH, $0.labelEN) } ?? item.reason
            let list = item.listValue.map { req.t($0.labelZH, $0.labelEN) } ?? item.list
            var decision = esc(statusLabel(req, item.statusValue)) + (item.note.isEmpty ? "" : "：" + esc(item.note))
            if item.statusValue == .open {
                // No decision is preselected: the reviewer chooses one.
                func choice(_ value: String, _ label: String) -> String {
                    "<label class=\"choice\"><input type=\"radio\" name=\"outcome\" value=\"\(esc(value))\" required> \(esc(label))</label>"
                }
                var choices: [String] = []
                if item.reasonValue == .nameMismatch { choices.append(choice("grant", req.t("确认为同一学生，予以资助", "Same child: grant"))) }
                for child in children[item.id] ?? [] {
                    choices.append(choice("child:" + child.studentID, req.t("名单登记在监护人名下，资助其子女 \(child.name)", "Listed under a guardian's number: grant to their child \(child.name)")))
                }
                choices.append(choice("dismiss", req.t("不予资助（须填写理由）", "No aid (give the reason)")))
                decision = """
                <form method="post" action="/aid/review/\(esc(item.id))/resolve" class="resolve">
                <input type="hidden" name="_csrf" value="\(token)">
                <fieldset><legend>\(req.t("处理结果", "Decision"))</legend>\(choices.joined())</fieldset>
                <label>\(req.t("处理说明", "Note")) <input name="note" maxlength="500"></label>
                <button type="submit">\(req.t("处理", "Decide"))</button></form>
                """
            }
            let detail = item.reasonValue == .adultID ? req.t("持证人 \(item.detail) 岁", "holder aged \(item.detail)") : item.detail
            return [esc(reason), esc(list), esc(item.entryName), "<span class=\"id\">\(esc(item.maskedNationalId))</span>",
                    esc(item.studentName ?? "—"), esc(item.schoolName ?? "—"), esc(detail), decision]
        }
        let statuses = [("open", req.t("待处理", "open")), ("all", req.t("全部", "all"))] + AidReviewStatus.allCases.dropFirst().map { ($0.rawValue, statusLabel(req, $0)) }
        let current = status?.rawValue ?? "all"
        let body = """
        <p class="summary">\(req.t("名单中无法自动资助的记录：既不丢弃，也不自动发放，由工作人员审核。", "List entries that cannot be granted automatically: never dropped, never granted silently; staff decide."))
        \(year)–\((year + 1) % 100) · \(req.t("共 \(page.total) 条", "\(page.total) items"))
        · \(statuses.map { $0.0 == current ? "<strong>\(esc($0.1))</strong>" : "<a href=\"/aid/review?year=\(year)&status=\($0.0)\">\(esc($0.1))</a>" }.joined(separator: " "))
        · <a class="download" href="/aid/review.csv?year=\(year)&status=\(current)">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(Table(headers: [req.t("原因", "Reason"), req.t("名单", "List"), req.t("名单姓名", "Name on list"), req.t("身份证件号", "ID number"),
                          req.t("学籍姓名", "Name in registry"), req.t("学校", "School"), req.t("说明", "Detail"), req.t("处理", "Decision")], rows: rows).html)
        \(Layout.pager(req, page: page.page, pageCount: page.pageCount))
        """
        return Layout.render(req, title: req.t("资助待审核", "Aid review queue"), body: body)
    }

    func statusLabel(_ req: Request, _ status: AidReviewStatus?) -> String {
        switch status {
        case .open: return req.t("待处理", "open")
        case .granted: return req.t("已确认资助", "granted")
        case .dismissed: return req.t("不予资助", "dismissed")
        case .cleared: return req.t("重新比对已通过", "cleared by a later match")
        case .withdrawn: return req.t("已移出名单", "removed from the list")
        case nil: return "—"
        }
    }

    @Sendable func reviewCSV(req: Request) async throws -> Response {
        let (year, _, page) = try await reviewPage(req)
        let rows = page.items.map { item in
            [item.reason, item.list, item.entryName, item.maskedNationalId, item.studentName ?? "", item.schoolId ?? "",
             item.schoolName ?? "", item.districtCode ?? "", item.detail, item.status, item.note]
        }
        return Layout.csv("aid-review-\(year).csv", header: ["reason", "list", "name_on_list", "national_id_masked", "name_in_registry",
                                                             "school_id", "school", "district", "detail", "status", "note"], rows: rows)
    }

    @Sendable func resolve(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        guard let item = try await req.aid.reviewItem(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: req.t("没有这条待审核记录", "No such review item"))
        }
        guard viewer.scope.canSeeAidRecord(schoolID: item.schoolId, districtCode: item.districtCode) else {
            throw Abort(.forbidden, reason: req.t("这条记录不在您的管理范围内。", "This item is outside your scope."))
        }
        struct Form: Content { var outcome: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        let childID = form.outcome.flatMap { $0.hasPrefix("child:") ? String($0.dropFirst("child:".count)) : nil }
        guard let outcome = childID != nil ? .grantToChild : form.outcome.flatMap(AidResolution.init(rawValue:)) else {
            throw FieldProblem(field: "outcome", message: req.t("请选择处理结果", "Choose a decision"))
        }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if outcome == .dismiss && note.isEmpty {
            throw FieldProblem(field: "note", message: req.t("不予资助时请填写理由", "Give the reason for no aid in the note"))
        }
        guard note.count <= 500 else { throw FieldProblem(field: "note", message: req.t("说明不超过 500 字", "The note is at most 500 characters")) }
        do {
            try await req.aid.resolve(reviewID: item.id, as: outcome, note: note, actor: viewer.user.username, childID: childID)
        } catch let refusal as AidRefusal {
            throw Abort(.conflict, reason: req.t(refusal.zh, refusal.en))
        }
        return req.redirect(to: "/aid/review?year=\(item.year)")
    }

    // MARK: Payments

    @Sendable func paymentsCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        guard viewer.scope.canExportAidPayments else {
            throw Abort(.forbidden, reason: req.t("发放清单仅对市、区管理员开放。", "The payment file is for city and district staff."))
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

    // MARK: The family's notice and decline

    /// The notices of a guardian's children: "your child X receives Y yuan; nothing to do", each
    /// with a form to decline.
    /// Only a guardian of the child may decline; the grant stays on record, flagged.
    @Sendable func decline(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID else {
            throw Abort(.forbidden, reason: req.t("只有学生的监护人可以放弃资助。", "Only the child's guardian may decline aid."))
        }
        guard let grant = try await req.aid.grant(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: req.t("没有这项资助", "No such grant"))
        }
        guard try await req.registry.guardianIDs(ofStudent: grant.studentId).contains(guardianID) else {
            throw Abort(.forbidden, reason: req.t("这项资助不属于您的孩子。", "This grant is not for your child."))
        }
        try await req.aid.decline(grantID: grant.id, actor: viewer.user.username)
        return req.redirect(to: "/family?declined=1")
    }
}

extension Request {
    var aid: AidStore { AidStore(db) }
}
