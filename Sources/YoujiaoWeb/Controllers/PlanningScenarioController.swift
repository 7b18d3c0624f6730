import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Planners' saved scenarios: list, create, edit, delete, and two side by side. A city planner
/// sees every scenario; a district planner only those of their district.
struct PlanningScenarioController {
    func register(_ routes: any RoutesBuilder) {
        let planning = routes.grouped("planning")
        planning.get("scenarios", use: list)
        planning.get("scenarios", "download", ":file") { req in
            let context = try await PlanningContext.load(req)
            let model = try await listModel(req, context: context, form: ScenarioForm.Values())
            return try req.download(file: req.parameters.get("file") ?? "", from: [ScenarioListPage.table(model)], name: "planning")
        }
        planning.post("scenarios", use: create)
        planning.get("scenarios", ":id", use: show)
        planning.post("scenarios", ":id", use: update)
        planning.get("scenarios", ":id", "delete", use: confirmDelete)
        planning.post("scenarios", ":id", "delete", use: delete)
        planning.get("compare", use: compare)
        planning.get("compare", "download", ":file") { req in
            try req.download(file: req.parameters.get("file") ?? "", from: ScenarioComparisonPage.tables(try await Self.comparisonModel(req)),
                             name: "comparison")
        }
        planning.get("compare.csv", use: compareCSV)
    }

    // MARK: List and create

    @Sendable func list(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        var values = ScenarioForm.Values()
        if context.viewer.scope.role == .districtAdmin { values.district = context.viewer.scope.districtCode ?? "" }
        let flash: Flash? = req.query[String.self, at: "deleted"] != nil ? .success(.planning(.scenarioDeleted)) : nil
        return req.page(ScenarioListPage.View(chrome: req.chrome(flash: flash), model: try await listModel(req, context: context, form: values),
                                              address: req.address))
    }

    private func listModel(_ req: Request, context: PlanningContext, form: ScenarioForm.Values,
                           problems: [ScenarioForm.Problem] = []) async throws -> ScenarioListPage.Model {
        let sort = try req.tableSort(keys: ScenarioListPage.sortKeys, fallback: ScenarioListPage.defaultSort)
        let rows = try await context.visibleScenarios(req).map { stored in
            ScenarioListPage.ScenarioRow(
                id: stored.id, name: stored.scenario.name, scope: context.scope(of: stored), births: .planningBirths(stored.scenario.births),
                horizon: stored.horizon, openings: stored.scenario.openings.count, closures: stored.scenario.closures.count,
                owner: stored.ownerName, updatedAt: stored.updatedAt, updated: Format.beijingTime(iso: stored.updatedAt) ?? .common(.notRecorded))
        }
        return ScenarioListPage.Model(scenarios: rows, form: context.form(form, problems: problems, action: "/planning/scenarios"), sort: sort)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let values = ScenarioForm.Values(fields: try req.content.decode([String: String].self))
        let stored: StoredScenario
        do {
            stored = try values.scenario(req, context: context, id: UUID().uuidString.lowercased(),
                                         ownerID: context.viewer.user.id, createdAt: StoredScenario.now())
        } catch let invalid as ScenarioForm.Invalid {
            let model = try await listModel(req, context: context, form: values, problems: invalid.problems)
            return req.page(ScenarioListPage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))), model: model, address: req.address),
                            status: .badRequest)
        }
        try await PlanningScenarioStore(req.db).insert(stored)
        return req.redirect(to: "/planning/scenarios/\(stored.id)?saved=1")
    }

    // MARK: One scenario

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let stored = try await context.requireScenario(req, id: req.parameters.get("id") ?? "")
        let flash: Flash? = req.query[String.self, at: "saved"] != nil ? .success(.planning(.scenarioSaved)) : nil
        return try scenarioPage(req, context: context, stored: stored, form: ScenarioForm.Values(stored), problems: [], flash: flash, status: .ok)
    }

    private func scenarioPage(_ req: Request, context: PlanningContext, stored: StoredScenario, form: ScenarioForm.Values,
                              problems: [ScenarioForm.Problem], flash: Flash?, status: HTTPStatus) throws -> Response {
        let result = try context.project(req, stored.scenario, years: stored.horizon, scope: stored.districtCode)
        let model = ScenarioPage.Model(
            id: stored.id, name: stored.scenario.name, scope: context.scope(of: stored), births: .planningBirths(stored.scenario.births),
            owner: stored.ownerName, updated: Format.beijingTime(iso: stored.updatedAt) ?? .common(.notRecorded), horizon: stored.horizon,
            projectedYears: result.projection.projectedYears, stages: Projection.stages, gaps: context.figures(result.gaps),
            form: context.form(form, problems: problems, action: ScenarioPage.path(of: stored.id)))
        return req.page(ScenarioPage.View(chrome: req.chrome(flash: flash), model: model, address: req.address), status: status)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let existing = try await context.requireScenario(req, id: req.parameters.get("id") ?? "")
        let values = ScenarioForm.Values(fields: try req.content.decode([String: String].self))
        let stored: StoredScenario
        do {
            stored = try values.scenario(req, context: context, id: existing.id, ownerID: existing.ownerUserID, createdAt: existing.createdAt)
        } catch let invalid as ScenarioForm.Invalid {
            return try scenarioPage(req, context: context, stored: existing, form: values, problems: invalid.problems,
                                    flash: .error(.forms(.fixBelow)), status: .badRequest)
        }
        try await PlanningScenarioStore(req.db).update(stored)
        return req.redirect(to: "/planning/scenarios/\(stored.id)?saved=1")
    }

    /// Deleting cannot be undone: the planner sees what goes and confirms.
    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let stored = try await context.requireScenario(req, id: req.parameters.get("id") ?? "")
        let model = ScenarioDeletePage.Model(name: stored.scenario.name, path: "/planning/scenarios/\(stored.id)",
                                             changeCount: stored.scenario.openings.count + stored.scenario.closures.count)
        return req.page(ScenarioDeletePage.View(chrome: req.chrome(), model: model))
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let stored = try await context.requireScenario(req, id: req.parameters.get("id") ?? "")
        struct Confirmation: Content { var confirmed: String? }
        guard try req.content.decode(Confirmation.self).confirmed == "yes" else {
            return req.redirect(to: "/planning/scenarios/\(stored.id)/delete")
        }
        try await PlanningScenarioStore(req.db).delete(id: stored.id)
        return req.redirect(to: "/planning/scenarios?deleted=1")
    }

    // MARK: Comparison

    struct Comparison {
        var a: StoredScenario?
        var b: StoredScenario?
        var result: ScenarioComparison
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
            throw FieldProblem(field: "b", message: req.language(.planningDifferentDistricts(context.name(of: scopeA), context.name(of: scopeB))))
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

    static func comparisonModel(_ req: Request) async throws -> ScenarioComparisonPage.Model {
        let context = try await PlanningContext.load(req)
        let comparison = try await comparison(req, context)
        let sort = try req.tableSort(keys: ScenarioComparisonPage.sortKeys, fallback: ScenarioComparisonPage.defaultSort)
        let baseline = req.language(.planning(.baseline))
        let whole = PlanningContext.whole
        let rows = comparison.result.rows.map { row in
            ScenarioComparisonPage.Row(districtCode: row.districtCode, districtName: context.name(of: row.districtCode), year: row.year,
                                       stage: row.stage, demandA: whole(row.demandA), seatsA: row.seatsA, demandB: whole(row.demandB),
                                       seatsB: row.seatsB)
        }
        return ScenarioComparisonPage.Model(
            choices: context.scenarioChoices(try await context.visibleScenarios(req)), a: comparison.a?.id, b: comparison.b?.id,
            nameA: comparison.a?.scenario.name ?? baseline, nameB: comparison.b?.scenario.name ?? baseline,
            birthsA: .planningBirths(comparison.result.a.scenario.births), birthsB: .planningBirths(comparison.result.b.scenario.births),
            lastYear: rows.map(\.year).max() ?? context.baseYear, stages: Projection.stages, rows: rows, sort: sort)
    }

    @Sendable func compare(req: Request) async throws -> Response {
        req.page(ScenarioComparisonPage.View(chrome: req.chrome(), model: try await Self.comparisonModel(req), address: req.address))
    }

    @Sendable func compareCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let comparison = try await Self.comparison(req, context)
        let whole = { (value: Double) in String(PlanningContext.whole(value)) }
        let rows = comparison.result.rows.map { row in
            [row.districtCode, String(row.year), row.stage.rawValue,
             whole(row.demandA), row.seatsA.map(String.init) ?? "", row.gapA.map(whole) ?? "",
             whole(row.demandB), row.seatsB.map(String.init) ?? "", row.gapB.map(whole) ?? ""]
        }
        return Layout.csv("compare.csv", header: ["district", "year", "stage", "demand_a", "seats_a", "gap_a", "demand_b", "seats_b", "gap_b"],
                          rows: rows)
    }
}
