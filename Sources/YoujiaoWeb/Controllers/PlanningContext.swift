import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// What every planning page starts from: the planner, the districts they may see, and the
/// registry's planning data for those districts only (districts are projected independently, so
/// a district planner's figures equal their part of the city's). Computed per request: the whole
/// city projects in well under a millisecond.
struct PlanningContext {
    let viewer: Viewer
    /// The districts in the planner's scope, in code order.
    let districts: [District]
    let data: RegistryPlanningData
    /// The last school year with enrollment history: projections start after it.
    let baseYear: Int

    static let defaultYears = 10

    /// City planners (city-admin) and district planners (district-admin, their district only);
    /// 403 for everyone else.
    static func requirePlanner(_ req: Request) throws -> Viewer {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .cityAdmin || viewer.scope.role == .districtAdmin else {
            throw Abort(.forbidden, reason: req.t("学位规划仅对市、区管理员开放。", "School-place planning is for city and district planners."))
        }
        return viewer
    }

    static func load(_ req: Request) async throws -> PlanningContext {
        let viewer = try requirePlanner(req)
        let districts = try await req.registry.districts().filter { viewer.scope.canSeeDistrict($0.code) }
        let data = try await req.registry.planningData().restricted(to: Set(districts.map(\.code)))
        guard let baseYear = data.defaultBaseYear else {
            throw Abort(.unprocessableEntity, reason: req.t("数据库中没有在校生历史数据（enrollment_history），无法预测。请先导入 enrollment 和 births。",
                                                           "The database holds no enrollment history to project from; import enrollment and births first."))
        }
        return PlanningContext(viewer: viewer, districts: districts, data: data, baseYear: baseYear)
    }

    /// Why the base year is earlier than the latest enrollment year, when it is.
    func baseYearNote(_ req: Request) -> String {
        guard let latest = data.latestYear, latest > baseYear else { return "" }
        return req.t("在校生数据已到 \(latest) 年，但出生数据只到 \(baseYear) 年；预测从两者都覆盖的 \(baseYear) 年起，\(latest) 年的实际数可用来检验预测。",
                     "The enrollment history reaches \(latest) but the births only \(baseYear); projections start from \(baseYear), which both reach, so \(latest)'s observed pupils check the projection.")
    }

    func district(_ code: String) -> District? { districts.first { $0.code == code } }
    func name(of code: String) -> String { district(code)?.name ?? code }

    /// 404 for a district the registry does not have, 403 for one outside the planner's scope.
    func requireDistrict(_ req: Request, _ code: String) async throws -> District {
        if let district = district(code) { return district }
        guard try await req.registry.district(code: code) != nil else {
            throw Abort(.notFound, reason: req.t("没有这个区", "No such district"))
        }
        throw Abort(.forbidden, reason: req.t("您无权查看其他区的规划数据。", "You may not see another district's planning figures."))
    }

    /// A stored scenario the planner may see and edit: 404 when absent, 403 outside the scope
    /// (a citywide scenario is for city planners only).
    func requireScenario(_ req: Request, id: String) async throws -> StoredScenario {
        guard let stored = try await PlanningScenarioStore(req.db).scenario(id: id) else {
            throw Abort(.notFound, reason: req.t("没有这个情景", "No such scenario"))
        }
        guard canSee(stored) else {
            throw Abort(.forbidden, reason: req.t("您无权查看这个情景。", "This scenario is outside your scope."))
        }
        return stored
    }

    func canSee(_ stored: StoredScenario) -> Bool {
        stored.districtCode.map(viewer.scope.canSeeDistrict) ?? (viewer.scope.role == .cityAdmin)
    }

    /// The scenario named by the `scenario` query parameter, or nil for the baseline.
    func requestedScenario(_ req: Request) async throws -> StoredScenario? {
        guard let id = req.query[String.self, at: "scenario"], !id.isEmpty, id != "baseline" else { return nil }
        return try await requireScenario(req, id: id)
    }

    /// What a page asks to see: the `scenario` and `years` of the query, projected on `district`
    /// (nil: the scenario's own scope). A district scenario asked for on another district is a 400.
    struct Asked {
        var stored: StoredScenario?
        var years: Int
        var result: PlanResult
        var scenario: PlanningScenario { stored?.scenario ?? .baseline }
    }

    func projection(_ req: Request, district: String? = nil) async throws -> Asked {
        let stored = try await requestedScenario(req)
        if let scope = stored?.districtCode, let district, scope != district {
            throw FieldProblem(field: "scenario", message: req.t("这个情景只规划\(name(of: scope))。", "This scenario plans \(name(of: scope)) only."))
        }
        let years = try Self.years(req, default: stored?.horizon ?? Self.defaultYears)
        let result = try project(req, stored?.scenario ?? .baseline, years: years, scope: district ?? stored?.districtCode)
        return Asked(stored: stored, years: years, result: result)
    }

    /// `years` from the query: 1…15, default 10.
    static func years(_ req: Request, default fallback: Int = defaultYears) throws -> Int {
        guard let raw = req.query[String.self, at: "years"], !raw.isEmpty else { return fallback }
        guard let years = Int(raw), (1...ProjectionOptions.maximumYears).contains(years) else {
            throw FieldProblem(field: "years", message: req.t("预测年数 years 须为 1–15 的整数，收到“\(raw)”。",
                                                             "years must be a whole number from 1 to 15, not '\(raw)'."))
        }
        return years
    }

    func options(years: Int) -> ProjectionOptions { ProjectionOptions(baseYear: baseYear, years: years) }

    /// Projects `scenario` for the districts in `scope` (nil: every district in the planner's view)
    /// with seats from the registry. Input problems (the data or a stored scenario) become a 422
    /// page listing them.
    func project(_ req: Request, _ scenario: PlanningScenario, years: Int, scope: String? = nil) throws -> PlanResult {
        let (data, part) = restricted(scenario, to: scope)
        return try Self.engine(req) {
            try PlanningEngine.project(data.inputs(seatsFrom: baseYear), options: options(years: years), scenario: part)
        }
    }

    /// The data and the part of `scenario` for one district, or everything in view when nil.
    func restricted(_ scenario: PlanningScenario, to scope: String?) -> (RegistryPlanningData, PlanningScenario) {
        guard let scope else { return (data, scenario) }
        return (data.restricted(to: [scope]), scenario.restricted(to: [scope]))
    }

    /// Runs an engine call, turning its input errors into a 422 that lists every message.
    static func engine<T>(_ req: Request, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let errors as InputErrors {
            throw Abort(.unprocessableEntity, reason: req.t("无法计算：", "Cannot compute: ") + errors.errors.map(\.description).joined(separator: "; "))
        } catch let error as FieldError {
            throw Abort(.unprocessableEntity, reason: req.t("无法计算：", "Cannot compute: ") + error.description)
        }
    }

    /// Observed pupils per stage and year of one district, from the enrollment history.
    func observed(_ code: String) -> [Stage: [Int: Int]] {
        var totals: [Stage: [Int: Int]] = [:]
        for row in data.enrollment where row.districtCode == code {
            totals[row.grade.stage, default: [:]][row.year, default: 0] += row.students
        }
        return totals
    }

    func birthsLabel(_ req: Request, _ births: BirthsAssumption) -> String {
        switch births {
        case .constant: return req.t("出生数保持最近一年", "births held at the last known year")
        case .linearTrend(let years): return req.t("出生数按最近 \(years) 年线性趋势外推", "births continue the linear trend of the last \(years) years")
        case .series: return req.t("出生数按情景给定序列", "births from the scenario's own series")
        }
    }
}

extension StoredScenario {
    /// A district-scoped scenario plans that district only.
    func scopeLabel(_ req: Request, _ context: PlanningContext) -> String {
        districtCode.map { context.name(of: $0) } ?? req.t("全市", "whole city")
    }
}

/// How a seat gap is shown: red for a shortfall, blue for a surplus, darker as it grows against
/// the seats (under 5 %, under 15 %, more).
enum GapStyle {
    static func cssClass(_ gap: Double, seats: Int) -> String {
        let rounded = gap.rounded()
        if rounded == 0 { return "gap-even" }
        let share = seats > 0 ? abs(rounded) / Double(seats) : 1
        let level = share < 0.05 ? 1 : share < 0.15 ? 2 : 3
        return (rounded > 0 ? "gap-short-" : "gap-surplus-") + String(level)
    }

    /// "+1,234" (short) or "-567" (spare), in whole pupils.
    static func signed(_ gap: Double) -> String {
        let value = Int(gap.rounded())
        return (value > 0 ? "+" : value < 0 ? "-" : "") + esc(abs(value))
    }

    static func legend(_ req: Request) -> String {
        """
        <p class="legend"><span class="gap-short-3">\(req.t("学位缺口（需求 > 学位）", "shortfall (demand > seats)"))</span>
        <span class="gap-surplus-3">\(req.t("学位富余（空位）", "surplus (empty seats)"))</span>
        \(req.t("颜色越深，缺口或富余占学位数的比例越大（5%、15%）。", "Darker: a larger share of the seats (5 %, 15 %)."))</p>
        """
    }
}
