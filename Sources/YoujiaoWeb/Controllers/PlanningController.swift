import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// School-place planning (学位供给) for city and district planners: the district × year gap table,
/// each district's projection chart, and the backtest. Scenarios: PlanningScenarioController.
struct PlanningController {
    func register(_ routes: any RoutesBuilder) {
        let planning = routes.grouped("planning")
        planning.get(use: overview)
        planning.get("gaps.csv", use: gapsCSV)
        planning.get("districts", ":code", use: district)
        planning.get("districts", ":code", "plan.csv", use: districtCSV)
        planning.get("backtest", use: backtest)
        planning.get("backtest.csv", use: backtestCSV)
        PlanningScenarioController().register(routes)
    }

    static let stageColours = CityOverviewPage.stageColours

    // MARK: City overview

    @Sendable func overview(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let asked = try await context.projection(req)
        let (stored, years, scenario, result) = (asked.stored, asked.years, asked.scenario, asked.result)
        let scenarios = try await PlanningScenarioController.visibleScenarios(req, context)
        let span = result.projection.projectedYears

        var body = """
        <p class="summary">\(req.t("基准年 \(context.baseYear)（预测起点），预测 \(span.lowerBound)–\(span.upperBound) 年；",
                                   "Base year \(context.baseYear) (the last observed year projected from), projected \(span.lowerBound)–\(span.upperBound); "))\(esc(context.birthsLabel(req, scenario.births)))\(req.t("。学位 = 注册学校起始年级学位 × 学段年级数。", ". Seats = the registry's entry seats × the grades of the stage.")) \(esc(context.baseYearNote(req)))</p>
        \(Self.scenarioPicker(req, scenarios: scenarios, selected: stored?.id, years: years, action: "/planning"))
        <p class="links"><a href="/planning/backtest">\(req.t("回测误差", "Backtest errors"))</a> · <a href="/planning/scenarios">\(req.t("规划情景", "Scenarios"))</a>
        · <a class="download" href="/planning/gaps.csv?\(Self.query(scenario: stored?.id, years: years))">\(req.t("下载缺口 CSV", "Download gaps CSV"))</a></p>
        <h2>\(req.t("缺位与富余的区", "Where seats run short or empty"))</h2>
        \(Self.findings(req, context: context, gaps: result.gaps).html)
        \(GapStyle.legend(req))
        """
        for stage in Projection.stages {
            body += "<h2>\(esc(stage.label(req)))\(req.t("：学位缺口（需求 − 学位）", ": seat gap (demand − seats)"))</h2>"
            body += Self.gapTable(req, context: context, gaps: result.gaps.filter { $0.stage == stage }, years: span,
                                  scenario: stored?.id).html
        }
        return Layout.render(req, title: req.t("学位供需规划", "School-place planning"), body: body)
    }

    /// Per stage: the districts that lack seats in some projected year (worst year first), and the
    /// districts where more than a tenth of the seats stand empty in the last year.
    static func findings(_ req: Request, context: PlanningContext, gaps: [SeatGap]) -> Table {
        let lastYear = gaps.map(\.year).max() ?? context.baseYear
        let rows = Projection.stages.map { stage -> [String] in
            let ofStage = gaps.filter { $0.stage == stage }
            let worst = Dictionary(grouping: ofStage.filter { $0.gap.rounded() > 0 }, by: \.districtCode)
                .compactMap { _, cells in cells.max { $0.gap < $1.gap } }
                .sorted { $0.gap > $1.gap }
            let short = worst.map { gap in
                "<span class=\"gap-short-2\">\(esc(context.name(of: gap.districtCode)))</span> \(GapStyle.signed(gap.gap))（\(gap.year)，\(req.t("约 \(gap.schoolsShort) 所标准校", "≈ \(gap.schoolsShort) standard schools"))）"
            }
            let empty = ofStage.filter { $0.year == lastYear && $0.seats > 0 && -$0.gap > 0.1 * Double($0.seats) }
                .sorted { $0.gap / Double($0.seats) < $1.gap / Double($1.seats) }
                .map { gap in
                    "<span class=\"gap-surplus-2\">\(esc(context.name(of: gap.districtCode)))</span> \(Int((-gap.gap / Double(gap.seats) * 100).rounded()))%"
                }
            return [esc(stage.label(req)), short.isEmpty ? "—" : short.joined(separator: "；"),
                    empty.isEmpty ? "—" : empty.joined(separator: "；")]
        }
        return Table(headers: [req.t("学段", "Stage"), req.t("缺位的区（最大缺口及年份）", "Districts short of seats (largest shortfall, year)"),
                               req.t("\(lastYear) 年空位超过一成的区（空位比例）", "Districts with over a tenth of seats empty in \(lastYear) (share)")],
                     rows: rows)
    }

    /// District × year, each cell the gap coloured by its size against the seats.
    static func gapTable(_ req: Request, context: PlanningContext, gaps: [SeatGap], years: ClosedRange<Int>,
                         scenario: String?) -> Table {
        let byDistrict = Dictionary(grouping: gaps, by: \.districtCode)
        let rows = byDistrict.keys.sorted().map { code -> [String] in
            let cells = (byDistrict[code] ?? []).sorted { $0.year < $1.year }
            let link = "<a href=\"/planning/districts/\(esc(code))?\(query(scenario: scenario, years: years.count))\">\(esc(context.name(of: code)))</a>"
            let first = cells.first?.seats ?? 0
            return [link, esc(first)] + cells.map { gap in
                let title = req.t("需求 \(Int(gap.demand.rounded()))，学位 \(gap.seats)", "demand \(Int(gap.demand.rounded())), seats \(gap.seats)")
                return "<span class=\"\(GapStyle.cssClass(gap.gap, seats: gap.seats))\" title=\"\(esc(title))\">\(GapStyle.signed(gap.gap))</span>"
            }
        }
        return Table(headers: [req.t("区", "District"), req.t("现有学位", "Seats now")] + years.map(String.init),
                     rows: rows, numericColumns: Set(1..<(2 + years.count)))
    }

    static func scenarioPicker(_ req: Request, scenarios: [StoredScenario], selected: String?, years: Int, action: String) -> String {
        let options = ["<option value=\"baseline\">\(req.t("基准情景（出生数保持不变，无新增学校）", "Baseline (births held, no new schools)"))</option>"]
            + scenarios.map { "<option value=\"\(esc($0.id))\"\($0.id == selected ? " selected" : "")>\(esc($0.scenario.name))</option>" }
        return """
        <form method="get" action="\(action)" class="filters">
        <label>\(req.t("情景", "Scenario")) <select name="scenario">\(options.joined())</select></label>
        <label>\(req.t("预测年数", "Years")) <input name="years" type="number" min="1" max="15" value="\(years)"></label>
        <button type="submit">\(req.t("计算", "Project"))</button></form>
        """
    }

    static func query(scenario: String?, years: Int) -> String {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "scenario", value: scenario ?? "baseline"), URLQueryItem(name: "years", value: String(years))]
        return esc(components.percentEncodedQuery ?? "")
    }

    @Sendable func gapsCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        return Layout.csv("gaps.csv", document: PlanningFiles.gapsDocument(try await context.projection(req).result.gaps))
    }

    // MARK: One district

    /// One row per stage and year: observed years from the history, then the projection.
    struct DistrictRow {
        var stage: Stage; var year: Int; var projected: Bool
        var pupils: Double; var low: Double?; var high: Double?; var seats: Int?
    }

    static func districtRows(context: PlanningContext, code: String, result: PlanResult) -> [DistrictRow] {
        let observed = context.observed(code)
        let demand = result.projection.stageDemand.filter { $0.districtCode == code }
        let seats = Dictionary(uniqueKeysWithValues: result.gaps.filter { $0.districtCode == code }.map { ("\($0.stage.rawValue)/\($0.year)", $0.seats) })
        return Projection.stages.flatMap { stage in
            (observed[stage] ?? [:]).sorted { $0.key < $1.key }.map {
                DistrictRow(stage: stage, year: $0.key, projected: false, pupils: Double($0.value))
            } + demand.filter { $0.stage == stage }.map {
                DistrictRow(stage: stage, year: $0.year, projected: true, pupils: $0.projected, low: $0.low, high: $0.high,
                            seats: seats["\(stage.rawValue)/\($0.year)"])
            }
        }
    }

    @Sendable func district(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let district = try await context.requireDistrict(req, req.parameters.get("code") ?? "")
        let asked = try await context.projection(req, district: district.code)
        let (stored, years, scenario, result) = (asked.stored, asked.years, asked.scenario, asked.result)
        let rows = Self.districtRows(context: context, code: district.code, result: result)
        let scenarios = try await PlanningScenarioController.visibleScenarios(req, context)
            .filter { $0.districtCode == nil || $0.districtCode == district.code }

        var body = """
        <p class="summary">\(esc(district.code)) · \(esc(district.name)) · \(esc(context.birthsLabel(req, scenario.births)))</p>
        \(Self.scenarioPicker(req, scenarios: scenarios, selected: stored?.id, years: years, action: "/planning/districts/\(esc(district.code))"))
        <p class="links"><a href="/planning">\(req.t("返回全市", "Back to the city"))</a> ·
        <a class="download" href="/planning/districts/\(esc(district.code))/plan.csv?\(Self.query(scenario: stored?.id, years: years))">\(req.t("下载 CSV", "Download CSV"))</a></p>
        """
        for stage in Projection.stages {
            let ofStage = rows.filter { $0.stage == stage }
            let history = ofStage.filter { !$0.projected }, future = ofStage.filter(\.projected)
            // The projection starts from the base year's observed pupils, so the lines join; later
            // observed years (history beyond the births) stay on the observed line as a check.
            let anchor = history.first { $0.year == context.baseYear }.map { [LineChart.Point(x: $0.year, y: $0.pupils)] } ?? []
            let chart = LineChart(
                title: req.t("\(district.name)\(stage.labelZH)：在校生与学位", "\(district.name) \(stage.rawValue): pupils and seats"),
                lines: [
                    LineChart.Line(name: req.t("实际在校生", "observed"), colour: "#1d2733", points: history.map { .init(x: $0.year, y: $0.pupils) }),
                    LineChart.Line(name: req.t("预测", "projected"), colour: Self.stageColours[stage]!,
                                   points: anchor + future.map { .init(x: $0.year, y: $0.pupils) }, dashed: true),
                    LineChart.Line(name: req.t("学位", "seats"), colour: "#c0392b",
                                   points: future.compactMap { row in row.seats.map { .init(x: row.year, y: Double($0)) } }),
                ],
                bands: [LineChart.Band(name: req.t("预测区间（低–高）", "low–high range"), colour: Self.stageColours[stage]!,
                                       points: anchor.map { (x: $0.x, low: $0.y, high: $0.y) }
                                           + future.map { (x: $0.year, low: $0.low ?? $0.pupils, high: $0.high ?? $0.pupils) })])
            body += "<h2>\(esc(stage.label(req)))</h2><figure>\(chart.svg)</figure>"
        }
        body += "<h2>\(req.t("逐年数据", "Year by year"))</h2>" + Table(
            headers: [req.t("学段", "Stage"), req.t("年份", "Year"), req.t("类型", "Kind"), req.t("学生数", "Pupils"),
                      req.t("低", "Low"), req.t("高", "High"), req.t("学位", "Seats"), req.t("缺口", "Gap")],
            rows: rows.map { row in
                let gap = row.seats.map { row.pupils - Double($0) }
                return [esc(row.stage.label(req)), String(row.year), row.projected ? req.t("预测", "projected") : req.t("实际", "observed"),
                        esc(Int(row.pupils.rounded())), row.low.map { esc(Int($0.rounded())) } ?? "", row.high.map { esc(Int($0.rounded())) } ?? "",
                        row.seats.map { esc($0) } ?? "",
                        gap.map { "<span class=\"\(GapStyle.cssClass($0, seats: row.seats ?? 0))\">\(GapStyle.signed($0))</span>" } ?? ""]
            }, numericColumns: [1, 3, 4, 5, 6, 7]).html
        return Layout.render(req, title: req.t("\(district.name)学位规划", "\(district.name): school places"), body: body)
    }

    @Sendable func districtCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let district = try await context.requireDistrict(req, req.parameters.get("code") ?? "")
        let result = try await context.projection(req, district: district.code).result
        let rows = Self.districtRows(context: context, code: district.code, result: result).map { row -> [String] in
            let whole = { (value: Double) in String(Int(value.rounded())) }
            return [district.code, row.stage.rawValue, String(row.year), row.projected ? "projected" : "observed", whole(row.pupils),
                    row.low.map(whole) ?? "", row.high.map(whole) ?? "", row.seats.map(String.init) ?? "",
                    row.seats.map { whole(row.pupils - Double($0)) } ?? ""]
        }
        return Layout.csv("plan-\(district.code).csv",
                          header: ["district", "stage", "year", "kind", "pupils", "low", "high", "seats", "gap"], rows: rows)
    }

    // MARK: Backtest

    /// The backtest of the request: `holdout` (default 5, or what the history allows) and
    /// `births` (trend or constant, default trend) from the query.
    static func backtestReport(_ req: Request, _ context: PlanningContext) throws -> (report: BacktestReport, births: String) {
        let history = ProjectionOptions(baseYear: context.baseYear, years: 1).history
        let firstYear = context.data.enrollment.map(\.year).min() ?? context.baseYear
        let available = context.baseYear - firstYear - history
        guard available >= 1 else {
            throw Abort(.unprocessableEntity, reason: req.t("在校生历史只有 \(firstYear)–\(context.baseYear) 年，回测至少需要 \(history + 2) 年。",
                                                           "The enrollment history covers \(firstYear)–\(context.baseYear); a backtest needs at least \(history + 2) years."))
        }
        var holdout = min(5, available)
        if let raw = req.query[String.self, at: "holdout"], !raw.isEmpty {
            guard let value = Int(raw), (1...available).contains(value) else {
                throw FieldProblem(field: "holdout", message: req.t("回测年数 holdout 须为 1–\(available) 的整数（历史 \(firstYear)–\(context.baseYear)），收到“\(raw)”。",
                                                                    "holdout must be a whole number from 1 to \(available) (history \(firstYear)–\(context.baseYear)), not '\(raw)'."))
            }
            holdout = value
        }
        let name = req.query[String.self, at: "births"].flatMap { $0.isEmpty ? nil : $0 } ?? "trend"
        let births: BirthsAssumption
        switch name {
        case "trend": births = .trend
        case "constant": births = .constant
        default:
            throw FieldProblem(field: "births", message: req.t("births 须为 trend 或 constant，收到“\(name)”。", "births must be trend or constant, not '\(name)'."))
        }
        let report = try PlanningContext.engine(req) {
            try PlanningEngine.backtest(context.data.inputs(seatsFrom: context.baseYear),
                                        options: context.options(years: holdout), holdout: holdout, births: births)
        }
        return (report, name)
    }

    @Sendable func backtest(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        let (report, births) = try Self.backtestReport(req, context)
        let summaries = report.summaries
        let percent = { (value: Double) in String(format: "%.2f", value) }
        let pupils = { (value: Double) in GapStyle.signed(value) }
        let total = context.viewer.scope.role == .cityAdmin ? req.t("全市", "City") : req.t("本区合计", "District total")

        // By horizon: all district × stage cells, then the total of each stage.
        let byHorizon = summaries.filter { $0.scope == .horizon }
        let cityCells = summaries.filter { $0.scope == .city }
        let horizonRows = byHorizon.map { row -> [String] in
            let h = row.horizon ?? 0
            let city = Projection.stages.map { stage in
                cityCells.first { $0.stage == stage && $0.horizon == h }.map { percent($0.mape) } ?? ""
            }
            return [String(h), String(report.origin + h), String(row.count), percent(row.mape), pupils(row.meanError)] + city
        }
        let horizonTable = Table(headers: [req.t("预测年距", "Horizon"), req.t("年份", "Year"), req.t("单元数", "Cells"),
                                           req.t("区×学段 MAPE %", "District × stage MAPE %"), req.t("平均误差（人）", "Mean error (pupils)")]
                                     + Projection.stages.map { "\(total)\($0.label(req)) MAPE %" },
                                 rows: horizonRows, numericColumns: Set(0..<(5 + Projection.stages.count)))
        let groupRows = summaries.filter { $0.scope == .stage || $0.scope == .district }.map { row -> [String] in
            let label = row.stage.map { $0.label(req) } ?? context.name(of: row.districtCode ?? "")
            return [row.scope == .stage ? req.t("学段", "stage") : req.t("区", "district"), esc(label), String(row.count),
                    percent(row.mape), pupils(row.meanError)]
        }
        let groupTable = Table(headers: [req.t("汇总", "By"), req.t("名称", "Name"), req.t("单元数", "Cells"), "MAPE %",
                                         req.t("平均误差（人）", "Mean error (pupils)")], rows: groupRows, numericColumns: [2, 3, 4])
        let cellRows = report.cells.map { cell -> [String] in
            [esc(context.name(of: cell.districtCode ?? "")), esc(cell.stage.label(req)), String(cell.horizon), String(cell.year),
             esc(Int(cell.projected.rounded())), esc(Int(cell.actual.rounded())), pupils(cell.error),
             cell.absolutePercentError.map(percent) ?? ""]
        }
        let cellTable = Table(headers: [req.t("区", "District"), req.t("学段", "Stage"), req.t("年距", "Horizon"), req.t("年份", "Year"),
                                        req.t("预测", "Projected"), req.t("实际", "Actual"), req.t("误差", "Error"), "APE %"],
                              rows: cellRows, numericColumns: [2, 3, 4, 5, 6, 7])
        let otherBirths = births == "trend" ? "constant" : "trend"
        let body = """
        <p class="summary">\(req.t("以 \(report.origin) 年为起点（只使用当时已知的出生数，之后按\(births == "trend" ? "最近 5 年趋势" : "最近一年不变")外推），预测 \(report.origin + 1)–\(report.origin + report.holdout) 年，与实际在校生比较。误差 = 预测 − 实际；MAPE 为平均绝对百分比误差。",
                                   "Projected \(report.origin + 1)–\(report.origin + report.holdout) from \(report.origin), knowing only the births known then (later births: \(births)), against the observed pupils. Error = projected − actual; MAPE = mean absolute percentage error."))</p>
        <form method="get" action="/planning/backtest" class="filters">
        <label>\(req.t("回测年数", "Holdout")) <input name="holdout" type="number" min="1" max="15" value="\(report.holdout)"></label>
        <label>\(req.t("出生假设", "Births")) <select name="births"><option value="trend"\(births == "trend" ? " selected" : "")>\(req.t("趋势", "trend"))</option><option value="constant"\(births == "constant" ? " selected" : "")>\(req.t("不变", "constant"))</option></select></label>
        <button type="submit">\(req.t("计算", "Run"))</button></form>
        <p class="links"><a href="/planning">\(req.t("返回规划", "Back to planning"))</a> · <a href="/planning/backtest?holdout=\(report.holdout)&amp;births=\(otherBirths)">\(req.t("换用另一出生假设", "Try the other births assumption"))</a>
        · <a class="download" href="/planning/backtest.csv?holdout=\(report.holdout)&amp;births=\(births)">\(req.t("下载 CSV", "Download CSV"))</a></p>
        <h2>\(req.t("按预测年距", "By horizon"))</h2>
        \(horizonTable.html)
        <p class="summary">\(req.t("参照：美国 NCES《教育统计预测》全国公立学校在校生预测的历史 MAPE，年距 1–5 年为 0.3、0.6、0.8、1.1、1.3%；单个州在长年距下可达 10%（见 docs/planning.md）。",
                                   "For reference: NCES Projections of Education Statistics, national public enrollment, past MAPE 0.3, 0.6, 0.8, 1.1, 1.3 % at lead 1–5 years; single states reach 10 % at long leads (docs/planning.md)."))</p>
        <h2>\(req.t("按学段和区", "By stage and district"))</h2>
        \(groupTable.html)
        <h2>\(req.t("区 × 学段 × 年距", "District × stage × horizon"))</h2>
        \(cellTable.html)
        """
        return Layout.render(req, title: req.t("预测回测", "Projection backtest"), body: body)
    }

    @Sendable func backtestCSV(req: Request) async throws -> Response {
        let context = try await PlanningContext.load(req)
        return Layout.csv("backtest.csv", document: PlanningFiles.backtestDocument(try Self.backtestReport(req, context).report))
    }
}
