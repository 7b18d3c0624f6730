import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// School-place planning (学位供给) for city and district planners: the district × year gap table,
/// each district's projection chart, and the backtest. Scenarios: PlanningScenarioController.
/// The `.csv` files named like the command line's (gaps.csv, plan.csv, backtest.csv) are for
/// machines (codes, English headers); every table of a page also downloads, in the page's
/// words, as CSV and XLSX under `…/download/<table>.csv|.xlsx`.
struct PlanningController {
    func register(_ routes: any RoutesBuilder) {
        let planning = routes.grouped("planning")
        planning.get(use: overview)
        planning.get("download", ":file") { req in
            try req.download(file: req.parameters.get("file") ?? "", from: PlanningOverviewPage.tables(try await Self.overviewModel(req)),
                             name: "planning")
        }
        planning.get("gaps.csv", use: gapsCSV)
        planning.get("districts", ":code", use: district)
        planning.get("districts", ":code", "download", ":file") { req in
            let model = try await Self.districtModel(req)
            return try req.download(file: req.parameters.get("file") ?? "", from: [PlanningDistrictPage.table(model)],
                                    name: "planning-\(model.districtCode)")
        }
        planning.get("districts", ":code", "plan.csv", use: districtCSV)
        planning.get("backtest", use: backtest)
        planning.get("backtest", "download", ":file") { req in
            try req.download(file: req.parameters.get("file") ?? "", from: PlanningBacktestPage.tables(try await Self.backtestModel(req)),
                             name: "backtest")
        }
        planning.get("backtest.csv", use: backtestCSV)
        PlanningScenarioController().register(routes)
    }

    // MARK: City overview

    @Sendable func overview(req: Request) async throws -> Response {
        req.page(PlanningOverviewPage.View(chrome: req.chrome(), model: try await Self.overviewModel(req), address: req.address))
    }

    static func overviewModel(_ req: Request) async throws -> PlanningOverviewPage.Model {
        let context = try await PlanningContext.load(req)
        let asked = try await context.projection(req)
        let span = asked.result.projection.projectedYears
        let sort = try req.tableSort(keys: PlanningTables.stageSortKeys(years: span), fallback: PlanningTables.defaultStageSort)
        return PlanningOverviewPage.Model(
            baseYear: context.baseYear, latestObservedYear: context.laterObservedYear, projectedYears: span,
            births: .planningBirths(asked.scenario.births), scenarios: context.scenarioChoices(try await context.visibleScenarios(req)),
            selectedScenario: asked.stored?.id, stages: Projection.stages, gaps: context.figures(asked.result.gaps), sort: sort)
    }

    @Sendable func gapsCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        return Layout.csv("gaps.csv", document: PlanningFiles.gapsDocument(try await context.projection(req).result.gaps))
    }

    // MARK: One district

    @Sendable func district(req: Request) async throws -> Response {
        req.page(PlanningDistrictPage.View(chrome: req.chrome(), model: try await Self.districtModel(req), address: req.address))
    }

    static func districtModel(_ req: Request) async throws -> PlanningDistrictPage.Model {
        let context = try await PlanningContext.load(req)
        let district = try await context.requireDistrict(req, req.parameters.get("code") ?? "")
        let asked = try await context.projection(req, district: district.code)
        let scenarios = try await context.visibleScenarios(req).filter { $0.districtCode == nil || $0.districtCode == district.code }
        return PlanningDistrictPage.Model(
            districtCode: district.code, districtName: district.name, baseYear: context.baseYear, births: .planningBirths(asked.scenario.births),
            scenarios: context.scenarioChoices(scenarios), selectedScenario: asked.stored?.id, years: asked.years, stages: Projection.stages,
            rows: districtRows(context: context, code: district.code, result: asked.result))
    }

    /// One row per stage and year: observed years from the history, then the projection.
    static func districtRows(context: PlanningContext, code: String, result: PlanResult) -> [PlanningDistrictPage.YearRow] {
        let observed = context.observed(code)
        let demand = result.projection.stageDemand.filter { $0.districtCode == code }
        let seats = Dictionary(result.gaps.filter { $0.districtCode == code }.map { ("\($0.stage.rawValue)/\($0.year)", $0.seats) }) { a, _ in a }
        let whole = PlanningContext.whole
        return Projection.stages.flatMap { stage in
            (observed[stage] ?? [:]).sorted { $0.key < $1.key }.map {
                PlanningDistrictPage.YearRow(stage: stage, year: $0.key, isProjected: false, pupils: $0.value)
            } + demand.filter { $0.stage == stage }.map {
                PlanningDistrictPage.YearRow(stage: stage, year: $0.year, isProjected: true, pupils: whole($0.projected),
                                             low: whole($0.low), high: whole($0.high), seats: seats["\(stage.rawValue)/\($0.year)"])
            }
        }
    }

    @Sendable func districtCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let district = try await context.requireDistrict(req, req.parameters.get("code") ?? "")
        let result = try await context.projection(req, district: district.code).result
        let rows = Self.districtRows(context: context, code: district.code, result: result).map { row -> [String] in
            [district.code, row.stage.rawValue, String(row.year), row.isProjected ? "projected" : "observed", String(row.pupils),
             row.low.map(String.init) ?? "", row.high.map(String.init) ?? "", row.seats.map(String.init) ?? "",
             row.gap.map(String.init) ?? ""]
        }
        return Layout.csv("plan-\(district.code).csv",
                          header: ["district", "stage", "year", "kind", "pupils", "low", "high", "seats", "gap"], rows: rows)
    }

    // MARK: Backtest

    /// The backtest of the request: `holdout` (default 5, or what the history allows) and
    /// `births` (trend or constant, default trend) from the query.
    static func backtestReport(_ req: Request, _ context: PlanningContext) throws -> (report: BacktestReport, trend: Bool) {
        let history = ProjectionOptions(baseYear: context.baseYear, years: 1).history
        let firstYear = context.data.enrollment.map(\.year).min() ?? context.baseYear
        let available = context.baseYear - firstYear - history
        guard available >= 1 else {
            throw Abort(.unprocessableEntity, reason: req.language(.planningHistoryTooShort(firstYear: firstYear, lastYear: context.baseYear,
                                                                                             needed: history + 2)))
        }
        var holdout = min(5, available)
        if let raw = req.query[String.self, at: "holdout"], !raw.isEmpty {
            guard let value = Int(raw), (1...available).contains(value) else {
                throw FieldProblem(field: "holdout", message: req.language(.planningHoldoutRange(maximum: available, firstYear: firstYear,
                                                                                                lastYear: context.baseYear, typed: raw)))
            }
            holdout = value
        }
        let name = req.query[String.self, at: "births"].flatMap { $0.isEmpty ? nil : $0 } ?? "trend"
        guard name == "trend" || name == "constant" else {
            throw FieldProblem(field: "births", message: req.language(.planningBirthsChoiceRange(typed: name)))
        }
        let report = try PlanningContext.engine(req) {
            try PlanningEngine.backtest(context.data.inputs(seatsFrom: context.baseYear), options: context.options(years: holdout),
                                        holdout: holdout, births: name == "trend" ? .trend : .constant)
        }
        return (report, name == "trend")
    }

    @Sendable func backtest(req: Request) async throws -> Response {
        req.page(PlanningBacktestPage.View(chrome: req.chrome(), model: try await Self.backtestModel(req), address: req.address))
    }

    static func backtestModel(_ req: Request) async throws -> PlanningBacktestPage.Model {
        let context = try await PlanningContext.load(req)
        let (report, trend) = try backtestReport(req, context)
        let sort = try req.tableSort(keys: PlanningBacktestPage.sortKeys, fallback: PlanningBacktestPage.defaultSort)
        let summaries = report.summaries
        let totals = summaries.filter { $0.scope == .city }
        let whole = PlanningContext.whole
        let horizons = summaries.filter { $0.scope == .horizon }.map { row in
            PlanningBacktestPage.HorizonRow(horizon: row.horizon ?? 0, count: row.count, mape: row.mape, meanError: row.meanError,
                                            totalMape: Projection.stages.map { stage in
                                                totals.first { $0.stage == stage && $0.horizon == row.horizon }?.mape
                                            })
        }
        let groups = summaries.filter { $0.scope == .stage || $0.scope == .district }.map { row in
            PlanningBacktestPage.GroupRow(isStage: row.scope == .stage,
                                          name: row.stage.map(Phrase.stage) ?? .verbatim(context.name(of: row.districtCode ?? "")),
                                          count: row.count, mape: row.mape, meanError: row.meanError)
        }
        let cells = report.cells.map { cell in
            PlanningBacktestPage.CellRow(districtCode: cell.districtCode ?? "", districtName: context.name(of: cell.districtCode ?? ""),
                                         stage: cell.stage, horizon: cell.horizon, year: cell.year, projected: whole(cell.projected),
                                         actual: whole(cell.actual), error: whole(cell.error), absolutePercentError: cell.absolutePercentError)
        }
        return PlanningBacktestPage.Model(
            origin: report.origin, holdout: report.holdout, trendBirths: trend,
            totalLabel: context.viewer.scope.role == .cityAdmin ? .planning(.cityTotal) : .planning(.districtTotal),
            stages: Projection.stages, horizons: horizons, groups: groups, cells: cells, sort: sort)
    }

    @Sendable func backtestCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        return Layout.csv("backtest.csv", document: PlanningFiles.backtestDocument(try Self.backtestReport(req, context).report))
    }
}
