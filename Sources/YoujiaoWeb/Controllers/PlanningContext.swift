import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

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
            throw Abort(.forbidden, reason: req.language(.planningForPlannersOnly))
        }
        return viewer
    }

    static func load(_ req: Request) async throws -> PlanningContext {
        let viewer = try requirePlanner(req)
        let districts = try await req.registry.districts().filter { viewer.scope.canSeeDistrict($0.code) }
        let data = try await req.registry.planningData().restricted(to: Set(districts.map(\.code)))
        guard let baseYear = data.defaultBaseYear else {
            throw Abort(.unprocessableEntity, reason: req.language(.planningNoHistory))
        }
        return PlanningContext(viewer: viewer, districts: districts, data: data, baseYear: baseYear)
    }

    /// The latest year of enrollment history when it is later than the base year (its births are
    /// not known yet), else nil.
    var laterObservedYear: Int? { data.latestYear.flatMap { $0 > baseYear ? $0 : nil } }

    func district(_ code: String) -> District? { districts.first { $0.code == code } }
    func name(of code: String) -> String { district(code)?.name ?? code }

    /// 404 for a district the registry does not have, 403 for one outside the planner's scope.
    func requireDistrict(_ req: Request, _ code: String) async throws -> District {
        if let district = district(code) { return district }
        guard try await req.registry.district(code: code) != nil else {
            throw Abort(.notFound, reason: req.language(.planningNoSuchDistrict))
        }
        throw Abort(.forbidden, reason: req.language(.planningOtherDistrict))
    }

    /// A stored scenario the planner may see and edit: 404 when absent, 403 outside the scope
    /// (a citywide scenario is for city planners only).
    func requireScenario(_ req: Request, id: String) async throws -> StoredScenario {
        guard let stored = try await PlanningScenarioStore(req.db).scenario(id: id) else {
            throw Abort(.notFound, reason: req.language(.planningNoSuchScenario))
        }
        guard canSee(stored) else {
            throw Abort(.forbidden, reason: req.language(.planningScenarioOutsideScope))
        }
        return stored
    }

    func canSee(_ stored: StoredScenario) -> Bool {
        stored.districtCode.map(viewer.scope.canSeeDistrict) ?? (viewer.scope.role == .cityAdmin)
    }

    /// The scenarios the planner may see: every one for a city planner, their district's for a district planner.
    func visibleScenarios(_ req: Request) async throws -> [StoredScenario] {
        let store = PlanningScenarioStore(req.db)
        return viewer.scope.role == .cityAdmin
            ? try await store.scenarios()
            : try await store.scenarios(district: viewer.scope.districtCode ?? "")
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
            throw FieldProblem(field: "scenario", message: req.language(.planningScenarioOutsideDistrict(name(of: scope))))
        }
        let years = try Self.years(req, default: stored?.horizon ?? Self.defaultYears)
        let result = try project(req, stored?.scenario ?? .baseline, years: years, scope: district ?? stored?.districtCode)
        return Asked(stored: stored, years: years, result: result)
    }

    /// `years` from the query: 1…15, default 10.
    static func years(_ req: Request, default fallback: Int = defaultYears) throws -> Int {
        guard let raw = req.query[String.self, at: "years"], !raw.isEmpty else { return fallback }
        guard let years = Int(raw), (1...ProjectionOptions.maximumYears).contains(years) else {
            throw FieldProblem(field: "years", message: req.language(.planningYearsRange(maximum: ProjectionOptions.maximumYears, typed: raw)))
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
            throw Abort(.unprocessableEntity, reason: req.language(.planningCannotProject(detail: errors.errors.map(\.description).joined(separator: "; "))))
        } catch let error as FieldError {
            throw Abort(.unprocessableEntity, reason: req.language(.planningCannotProject(detail: error.description)))
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

    // MARK: Figures for the views

    /// Engine figures are fractional pupils; pages and downloads show whole ones. Bounded so that
    /// even a nonsensical figure cannot trap the conversion.
    static func whole(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        return Int(min(max(value.rounded(), -1e15), 1e15))
    }

    func figures(_ gaps: [SeatGap]) -> [SeatGapFigure] {
        gaps.map { gap in
            let demand = Self.whole(gap.demand)
            return SeatGapFigure(districtCode: gap.districtCode, districtName: name(of: gap.districtCode), stage: gap.stage, year: gap.year,
                                 demand: demand, seats: gap.seats, gap: Self.whole(gap.gap), schoolsShort: gap.schoolsShort)
        }
    }

    func scenarioChoices(_ scenarios: [StoredScenario]) -> [ScenarioChoice] {
        scenarios.map { ScenarioChoice(id: $0.id, name: $0.scenario.name) }
    }

    /// A scenario's scope in words: its district's name, or the whole city.
    func scope(of stored: StoredScenario) -> Phrase {
        stored.districtCode.map { .verbatim(name(of: $0)) } ?? .planning(.wholeCity)
    }

    /// The scenario form as the page shows it.
    func form(_ values: ScenarioForm.Values, problems: [ScenarioForm.Problem] = [], action: String) -> ScenarioForm.Model {
        ScenarioForm.Model(values: values, problems: problems, action: action, baseYear: baseYear,
                           districts: districts.map { ScenarioForm.DistrictChoice(code: $0.code, name: $0.name) },
                           mayPlanWholeCity: viewer.scope.role == .cityAdmin)
    }
}

extension Request {
    /// Serves one table of a page as a download: `file` is `<table id>.csv` or `<table id>.xlsx`; 404 for any other.
    func download(file: String, from tables: [TableModel], name: String) throws -> Response {
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = DownloadFormat(rawValue: parts[1]), let table = tables.first(where: { $0.id == parts[0] }) else {
            throw Abort(.notFound)
        }
        return try download(table, name: "\(name)-\(table.id)", as: format)
    }
}
