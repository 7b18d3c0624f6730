import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// Planners' saved scenarios: list, create, edit, delete, and two side by side. A city planner
/// sees every scenario; a district planner only those of their district.
struct PlanningScenarioController {
    func register(_ routes: any RoutesBuilder) {
        let planning = routes.grouped("planning")
        planning.get("scenarios", use: list)
        planning.post("scenarios", use: create)
        planning.get("scenarios", ":id", use: show)
        planning.post("scenarios", ":id", use: update)
        planning.post("scenarios", ":id", "delete", use: delete)
        planning.get("compare", use: compare)
        planning.get("compare.csv", use: compareCSV)
    }

    static func visibleScenarios(_ req: Request, _ context: PlanningContext) async throws -> [StoredScenario] {
        let store = PlanningScenarioStore(req.db)
        return context.viewer.scope.role == .cityAdmin
            ? try await store.scenarios()
            : try await store.scenarios(district: context.viewer.scope.districtCode ?? "")
    }

    // MARK: List and create

    @Sendable func list(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        var form = PlanningScenarioForm()
        if context.viewer.scope.role == .districtAdmin { form.district = context.viewer.scope.districtCode ?? "" }
        return try await listPage(req, context: context, form: form, problems: [], status: .ok)
    }

    private func listPage(_ req: Request, context: PlanningContext, form: PlanningScenarioForm,
                          problems: [PlanningScenarioForm.Problem], status: HTTPStatus) async throws -> Response {
        let scenarios = try await Self.visibleScenarios(req, context)
        let rows = scenarios.map { stored -> [String] in
            let scenario = stored.scenario
            return ["<a href=\"/planning/scenarios/\(esc(stored.id))\">\(esc(scenario.name))</a>", esc(stored.scopeLabel(req, context)),
                    esc(context.birthsLabel(req, scenario.births)), String(stored.horizon),
                    String(scenario.openings.count), String(scenario.closures.count), esc(stored.ownerName), esc(String(stored.updatedAt.prefix(10)))]
        }
        let table = Table(headers: [req.t("名称", "Name"), req.t("范围", "Scope"), req.t("出生假设", "Births"), req.t("年数", "Years"),
                                    req.t("新建", "Openings"), req.t("关停", "Closures"), req.t("制定人", "Owner"), req.t("更新", "Updated")],
                          rows: rows, numericColumns: [3, 4, 5])
        let body = """
        <p class="links"><a href="/planning">\(req.t("返回规划", "Back to planning"))</a></p>
        \(scenarios.isEmpty ? "<p class=\"summary\">\(req.t("还没有情景。", "No scenarios yet."))</p>" : table.html)
        <h2>\(req.t("比较两个情景", "Compare two scenarios"))</h2>
        \(Self.compareForm(req, scenarios: scenarios, a: "baseline", b: scenarios.first?.id ?? "baseline"))
        <h2>\(req.t("新建情景", "New scenario"))</h2>
        \(form.html(req, context: context, action: "/planning/scenarios", problems: problems))
        """
        return Layout.render(req, title: req.t("规划情景", "Planning scenarios"), body: body, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let form = PlanningScenarioForm(fields: try req.content.decode([String: String].self))
        let stored: StoredScenario
        do {
            stored = try form.scenario(req, context: context, id: UUID().uuidString.lowercased(),
                                       ownerID: context.viewer.user.id, createdAt: StoredScenario.now())
        } catch let invalid as PlanningScenarioForm.Invalid {
            return try await listPage(req, context: context, form: form, problems: invalid.problems, status: .badRequest)
        }
        try await PlanningScenarioStore(req.db).insert(stored)
        return req.redirect(to: "/planning/scenarios/\(stored.id)")
    }

    // MARK: One scenario

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let stored = try await context.requireScenario(req, id: req.parameters.get("id") ?? "")
        return try editPage(req, context: context, stored: stored, form: PlanningScenarioForm(stored), problems: [], status: .ok)
    }

    private func editPage(_ req: Request, context: PlanningContext, stored: StoredScenario, form: PlanningScenarioForm,
                          problems: [PlanningScenarioForm.Problem], status: HTTPStatus) throws -> Response {
        let result = try context.project(req, stored.scenario, years: stored.horizon, scope: stored.districtCode)
        let span = result.projection.projectedYears
        var body = """
        <p class="summary">\(esc(stored.scopeLabel(req, context))) · \(esc(context.birthsLabel(req, stored.scenario.births))) ·
        \(req.t("制定人", "owner")) \(esc(stored.ownerName)) · \(req.t("更新于", "updated")) \(esc(stored.updatedAt))</p>
        <p class="links"><a href="/planning/scenarios">\(req.t("全部情景", "All scenarios"))</a> ·
        <a href="/planning/compare?a=baseline&amp;b=\(esc(stored.id))">\(req.t("与基准情景比较", "Compare with the baseline"))</a> ·
        <a href="/planning?\(PlanningController.query(scenario: stored.id, years: stored.horizon))">\(req.t("在全市表中查看", "Open in the city table"))</a></p>
        <h2>\(req.t("缺位与富余的区", "Where seats run short or empty"))</h2>
        \(PlanningController.findings(req, context: context, gaps: result.gaps).html)
        """
        for stage in Projection.stages {
            body += "<h3>\(esc(stage.label(req)))</h3>"
                + PlanningController.gapTable(req, context: context, gaps: result.gaps.filter { $0.stage == stage }, years: span, scenario: stored.id).html
        }
        body += """
        <h2>\(req.t("修改情景", "Edit the scenario"))</h2>
        \(form.html(req, context: context, action: "/planning/scenarios/\(stored.id)", problems: problems))
        <form method="post" action="/planning/scenarios/\(esc(stored.id))/delete" class="inline">
        <input type="hidden" name="_csrf" value="\(esc(req.csrfToken))"><button type="submit" id="delete-scenario">\(req.t("删除情景", "Delete scenario"))</button></form>
        """
        return Layout.render(req, title: req.t("情景：", "Scenario: ") + stored.scenario.name, body: body, status: status)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let existing = try await context.requireScenario(req, id: req.parameters.get("id") ?? "")
        let form = PlanningScenarioForm(fields: try req.content.decode([String: String].self))
        let stored: StoredScenario
        do {
            stored = try form.scenario(req, context: context, id: existing.id, ownerID: existing.ownerUserID, createdAt: existing.createdAt)
        } catch let invalid as PlanningScenarioForm.Invalid {
            return try editPage(req, context: context, stored: existing, form: form, problems: invalid.problems, status: .badRequest)
        }
        try await PlanningScenarioStore(req.db).update(stored)
        return req.redirect(to: "/planning/scenarios/\(stored.id)")
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let stored = try await context.requireScenario(req, id: req.parameters.get("id") ?? "")
        try await PlanningScenarioStore(req.db).delete(id: stored.id)
        return req.redirect(to: "/planning/scenarios")
    }

    // MARK: Comparison

    static func compareForm(_ req: Request, scenarios: [StoredScenario], a: String, b: String) -> String {
        func select(_ name: String, _ selected: String) -> String {
            let options = ["<option value=\"baseline\">\(req.t("基准情景", "Baseline"))</option>"]
                + scenarios.map { "<option value=\"\(esc($0.id))\"\($0.id == selected ? " selected" : "")>\(esc($0.scenario.name))</option>" }
            return "<select name=\"\(name)\">\(options.joined())</select>"
        }
        return """
        <form method="get" action="/planning/compare" class="filters">
        <label>A \(select("a", a))</label><label>B \(select("b", b))</label>
        <button type="submit">\(req.t("比较", "Compare"))</button></form>
        """
    }

    struct Comparison {
        var a: StoredScenario?
        var b: StoredScenario?
        var result: ScenarioComparison
        func name(_ req: Request, _ stored: StoredScenario?) -> String { stored?.scenario.name ?? req.t("基准情景", "Baseline") }
    }

    /// Both scenarios projected over the longer of their horizons, on the districts both plan:
    /// a district scenario against a citywide one compares that district.
    static func comparison(_ req: Request, _ context: PlanningContext) async throws -> Comparison {
        func scenario(_ parameter: String) async throws -> StoredScenario? {
            let id = req.query[String.self, at: parameter] ?? "baseline"
            return id.isEmpty || id == "baseline" ? nil : try await context.requireScenario(req, id: id)
        }
        let a = try await scenario("a"), b = try await scenario("b")
        if let scopeA = a?.districtCode, let scopeB = b?.districtCode, scopeA != scopeB {
            throw FieldProblem(field: "b", message: req.t("两个情景规划不同的区（\(context.name(of: scopeA))、\(context.name(of: scopeB))），无法比较。",
                                                         "The scenarios plan different districts (\(scopeA), \(scopeB)); nothing to compare."))
        }
        let scope = a?.districtCode ?? b?.districtCode
        let years = try PlanningContext.years(req, default: max(a?.horizon ?? PlanningContext.defaultYears, b?.horizon ?? PlanningContext.defaultYears))
        let (data, partA) = context.restricted(a?.scenario ?? .baseline, to: scope)
        let partB = context.restricted(b?.scenario ?? .baseline, to: scope).1
        let result = try PlanningContext.engine(req) {
            try PlanningEngine.compare(data.inputs(seatsFrom: context.baseYear), options: context.options(years: years), partA, partB)
        }
        return Comparison(a: a, b: b, result: result)
    }

    @Sendable func compare(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let comparison = try await Self.comparison(req, context)
        let rows = comparison.result.rows
        let nameA = comparison.name(req, comparison.a), nameB = comparison.name(req, comparison.b)
        let lastYear = rows.map(\.year).max() ?? context.baseYear
        func shortfall(_ gaps: [Double?]) -> Int { Int(gaps.compactMap { $0 }.filter { $0 > 0 }.reduce(0, +).rounded()) }
        func spare(_ gaps: [Double?]) -> Int { Int(gaps.compactMap { $0 }.filter { $0 < 0 }.reduce(0, +).rounded().magnitude) }
        let summary = Projection.stages.map { stage -> [String] in
            let last = rows.filter { $0.stage == stage && $0.year == lastYear }
            return [esc(stage.label(req)),
                    esc(Int(last.reduce(0) { $0 + $1.demandA }.rounded())), esc(shortfall(last.map(\.gapA))), esc(spare(last.map(\.gapA))),
                    esc(Int(last.reduce(0) { $0 + $1.demandB }.rounded())), esc(shortfall(last.map(\.gapB))), esc(spare(last.map(\.gapB)))]
        }
        let summaryTable = Table(headers: [req.t("学段", "Stage"), "A " + req.t("需求", "demand"), "A " + req.t("缺位", "short"), "A " + req.t("空位", "empty"),
                                           "B " + req.t("需求", "demand"), "B " + req.t("缺位", "short"), "B " + req.t("空位", "empty")],
                                 rows: summary, numericColumns: Set(1...6))
        func gapCell(_ gap: Double?, _ seats: Int?) -> String {
            guard let gap else { return "" }
            return "<span class=\"\(GapStyle.cssClass(gap, seats: seats ?? 0))\">\(GapStyle.signed(gap))</span>"
        }
        let detail = Table(headers: [req.t("区", "District"), req.t("年份", "Year"), req.t("学段", "Stage"),
                                     "A " + req.t("需求", "demand"), "A " + req.t("学位", "seats"), "A " + req.t("缺口", "gap"),
                                     "B " + req.t("需求", "demand"), "B " + req.t("学位", "seats"), "B " + req.t("缺口", "gap"),
                                     req.t("需求差 B − A", "Demand B − A"), req.t("学位差 B − A", "Seats B − A")],
                           rows: rows.map { row in
                               [esc(context.name(of: row.districtCode)), String(row.year), esc(row.stage.label(req)),
                                esc(Int(row.demandA.rounded())), row.seatsA.map { esc($0) } ?? "", gapCell(row.gapA, row.seatsA),
                                esc(Int(row.demandB.rounded())), row.seatsB.map { esc($0) } ?? "", gapCell(row.gapB, row.seatsB),
                                GapStyle.signed(row.demandB - row.demandA),
                                GapStyle.signed(Double((row.seatsB ?? 0) - (row.seatsA ?? 0)))]
                           }, numericColumns: [1, 3, 4, 5, 6, 7, 8, 9, 10])
        let scenarios = try await Self.visibleScenarios(req, context)
        let body = """
        \(Self.compareForm(req, scenarios: scenarios, a: comparison.a?.id ?? "baseline", b: comparison.b?.id ?? "baseline"))
        <p class="summary">A：\(esc(nameA))（\(esc(context.birthsLabel(req, comparison.result.a.scenario.births)))）；
        B：\(esc(nameB))（\(esc(context.birthsLabel(req, comparison.result.b.scenario.births)))）</p>
        <p class="links"><a href="/planning/scenarios">\(req.t("全部情景", "All scenarios"))</a> ·
        <a class="download" href="/planning/compare.csv?a=\(esc(comparison.a?.id ?? "baseline"))&amp;b=\(esc(comparison.b?.id ?? "baseline"))">\(req.t("下载 CSV", "Download CSV"))</a></p>
        <h2>\(req.t("\(lastYear) 年各学段合计", "Totals by stage in \(lastYear)"))</h2>
        \(summaryTable.html)
        \(GapStyle.legend(req))
        <h2>\(req.t("逐区逐年", "District by year"))</h2>
        \(detail.html)
        """
        return Layout.render(req, title: req.t("情景比较", "Scenario comparison"), body: body)
    }

    @Sendable func compareCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let comparison = try await Self.comparison(req, context)
        let whole = { (value: Double) in String(Int(value.rounded())) }
        let rows = comparison.result.rows.map { row in
            [row.districtCode, String(row.year), row.stage.rawValue,
             whole(row.demandA), row.seatsA.map(String.init) ?? "", row.gapA.map(whole) ?? "",
             whole(row.demandB), row.seatsB.map(String.init) ?? "", row.gapB.map(whole) ?? ""]
        }
        return Layout.csv("compare.csv", header: ["district", "year", "stage", "demand_a", "seats_a", "gap_a", "demand_b", "seats_b", "gap_b"],
                          rows: rows)
    }
}
