import Foundation
import FluentKit
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Supervision (督导) pages under /supervision: the city dashboard, districts, schools, the 优质均衡
/// report, the correction list and the school-report form. Staff only, each within its scope:
/// the city sees everything, a district its own schools, a school itself; guardians get 403.
/// Every table downloads as CSV and XLSX in the page's words; `balance.csv?format=long` stays the
/// machine file of every figure.
struct SupervisionController {
    func register(_ routes: any RoutesBuilder) {
        let pages = routes.grouped("supervision")
        pages.get(use: dashboard)
        pages.get("dashboard.csv") { try await dashboardDownload(req: $0, as: .csv) }
        pages.get("dashboard.xlsx") { try await dashboardDownload(req: $0, as: .xlsx) }
        pages.get("corrections", use: corrections)
        pages.get("corrections.csv") { try await correctionsDownload(req: $0, as: .csv) }
        pages.get("corrections.xlsx") { try await correctionsDownload(req: $0, as: .xlsx) }
        pages.get("districts", ":code", use: district)
        pages.get("districts", ":code", "results.csv") { try await districtDownload(req: $0, table: .indicators, as: .csv) }
        pages.get("districts", ":code", "results.xlsx") { try await districtDownload(req: $0, table: .indicators, as: .xlsx) }
        pages.get("districts", ":code", "schools.csv") { try await districtDownload(req: $0, table: .schools, as: .csv) }
        pages.get("districts", ":code", "schools.xlsx") { try await districtDownload(req: $0, table: .schools, as: .xlsx) }
        pages.get("districts", ":code", "indicators", ":indicator", use: indicator)
        pages.get("districts", ":code", "indicators", ":indicator", "schools.csv") { try await indicatorDownload(req: $0, as: .csv) }
        pages.get("districts", ":code", "indicators", ":indicator", "schools.xlsx") { try await indicatorDownload(req: $0, as: .xlsx) }
        pages.get("districts", ":code", "balance", use: balance)
        pages.get("districts", ":code", "balance.csv") { try await balanceDownload(req: $0, as: .csv) }
        pages.get("districts", ":code", "balance.xlsx") { try await balanceDownload(req: $0, as: .xlsx) }
        pages.get("schools", ":id", use: school)
        pages.get("schools", ":id", "results.csv") { try await schoolDownload(req: $0, as: .csv) }
        pages.get("schools", ":id", "results.xlsx") { try await schoolDownload(req: $0, as: .xlsx) }
        pages.get("schools", ":id", "report", use: reportForm)
        pages.post("schools", ":id", "report", use: submitReport)
    }

    // MARK: Scope and year

    /// The district of the path, if the viewer may see it: 404 when absent, 403 outside the scope.
    static func visibleDistrict(_ req: Request, viewer: Viewer) async throws -> District {
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        guard viewer.scope.canSeeDistrict(district.code) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.supervisionOfOtherDistrict)))
        }
        return district
    }

    /// The school of the path, if the viewer is staff whose scope holds it.
    static func visibleSchool(_ req: Request, viewer: Viewer) async throws -> School {
        let id = req.parameters.get("id") ?? ""
        guard let school = try await req.registry.school(id: id) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool))) }
        guard viewer.scope.canSeeSchool(id: school.id, districtCode: school.districtCode) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolSupervisionOutsideScope)))
        }
        return school
    }

    /// `?year=`, one of the known school years; the latest reported year when absent.
    static func year(_ req: Request) async throws -> SupervisionYear {
        let known = try await req.supervision.knownYears()
        guard let text = req.query[String.self, at: "year"], !text.isEmpty else {
            return SupervisionYear(year: try await req.supervision.defaultYear(), known: Array(known))
        }
        guard text.count <= 4, let year = Int(text), known.contains(year) else {
            throw FieldProblem(field: "year", message: req.t(.refusal(.unknownSupervisionYear(known: Array(known)))))
        }
        return SupervisionYear(year: year, known: Array(known))
    }

    /// Indicator results of a scope, without the levels the scope does not stand for
    /// (a district's "city" figure, a school's "district" figure); computed once per version of
    /// the data they read (ComputedFigures), not per request.
    static func results(_ req: Request, year: Int, scope: SupervisionScope) async throws -> (input: SupervisionInput, results: [IndicatorResult]) {
        try await results(on: req.db, year: year, scope: scope)
    }

    static func results(on database: any Database, year: Int, scope: SupervisionScope) async throws -> (input: SupervisionInput, results: [IndicatorResult]) {
        let computed = try await ComputedFigures.shared.value("supervision.results.\(year).\(scope)", reading: SupervisionStore.areasRead,
                                                              on: database) { database in
            let input = try await SupervisionStore(database).input(year: year, scope: scope)
            return SupervisedScope(input: input, results: SupervisionEngine.compute(input: input))
        }
        let levels: Set<IndicatorLevel>
        switch scope {
        case .city: levels = [.school, .district, .city]
        case .district: levels = [.school, .district]
        case .school: levels = [.school]
        }
        return (computed.input, computed.results.filter { levels.contains($0.level) })
    }

    private struct SupervisedScope: Sendable { var input: SupervisionInput; var results: [IndicatorResult] }

    /// Schools by id, for tables that list schools by name.
    static func schoolsByID(_ req: Request, ids: [String]) async throws -> [String: School] {
        Dictionary(uniqueKeysWithValues: try await req.registry.schools(ids: Array(Set(ids))).map { ($0.id, $0) })
    }


    // MARK: City dashboard

    @Sendable func dashboard(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        // District and school staff start at their own page, in the year asked for.
        let query = req.url.query.map { "?" + $0 } ?? ""
        switch viewer.scope.role {
        case .districtAdmin: return req.redirect(to: SupervisionLinks.district(viewer.scope.districtCode ?? "") + query)
        case .schoolAdmin: return req.redirect(to: SupervisionLinks.school(viewer.scope.schoolID ?? "") + query)
        case .cityAdmin, .teacher, .guardian: break
        }
        let model = try await Self.dashboardModel(req)
        return req.page(CityIndicatorsPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    @Sendable func dashboardDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireStaff()
        guard viewer.scope.role == .cityAdmin else { throw Abort(.forbidden, reason: req.t(.refusal(.cityFiguresCityOnly))) }
        let model = try await Self.dashboardModel(req)
        return try req.download(CityIndicatorsPage.table(model), name: "supervision-\(model.year.year)", as: format)
    }

    static func dashboardModel(_ req: Request) async throws -> CityIndicatorsPage.Model {
        let choice = try await year(req)
        let (input, results) = try await results(req, year: choice.year, scope: .city)
        let districts = try await req.registry.districts()
        var byScope: [String: IndicatorResult] = [:]
        for result in results where result.level != .school { byScope[result.indicatorCode + "|" + result.scopeID] = result }
        let rows = SupervisionFigures.catalogue.indicators.map { indicator in
            let goal = indicator.target(at: .district)
            return CityIndicatorsPage.IndicatorRow(
                name: SupervisionFigures.name(indicator), target: SupervisionFigures.target(goal.comparison, goal.target, unit: goal.unit),
                city: byScope[indicator.code + "|" + input.cityCode].map { SupervisionFigures.Figure($0) },
                districts: districts.map { district in
                    byScope[indicator.code + "|" + district.code].map {
                        SupervisionFigures.Figure($0, href: SupervisionLinks.indicator(district: district.code, indicator: indicator.code, year: choice.year))
                    }
                })
        }
        return CityIndicatorsPage.Model(year: choice, schools: input.schools.count,
                                        districts: districts.map { CityIndicatorsPage.District(code: $0.code, name: $0.name) },
                                        rows: rows, cityStatuses: results.filter { $0.level == .city }.map(\.status))
    }

    // MARK: Correction list

    /// The viewer's scope: the city (optionally one district), the own district, or the own school.
    static func correctionScope(_ req: Request, viewer: Viewer) async throws -> SupervisionScope {
        switch viewer.scope.role {
        case .cityAdmin:
            guard let code = req.query[String.self, at: "district"], !code.isEmpty else { return .city }
            guard try await req.registry.district(code: code) != nil else { throw FieldProblem(field: "district", message: req.t(.refusal(.noSuchDistrict))) }
            return .district(code)
        case .districtAdmin:
            if let code = req.query[String.self, at: "district"], !code.isEmpty, code != viewer.scope.districtCode {
                throw Abort(.forbidden, reason: req.t(.refusal(.supervisionOfOtherDistrict)))
            }
            return .district(viewer.scope.districtCode ?? "")
        case .schoolAdmin:
            return .school(viewer.scope.schoolID ?? "")
        case .teacher, .guardian:
            throw Abort(.forbidden)
        }
    }

    @Sendable func corrections(req: Request) async throws -> Response {
        let model = try await Self.correctionsModel(req, page: try req.pageRequest(perPage: CorrectionsPage.perPage))
        return req.page(CorrectionsPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    /// The whole filtered list in the page's order and words.
    @Sendable func correctionsDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await Self.correctionsModel(req, page: nil)
        return try req.download(CorrectionsPage.table(model), name: "corrections-\(model.year.year)", as: format)
    }

    static func correctionsModel(_ req: Request, page: PageQuery?) async throws -> CorrectionsPage.Model {
        let viewer = try req.requireStaff()
        let choice = try await year(req)
        let scope = try await correctionScope(req, viewer: viewer)
        let levelText = req.query[String.self, at: "level"] ?? ""
        guard levelText.isEmpty || IndicatorLevel(rawValue: levelText) != nil else {
            throw FieldProblem(field: "level", message: req.t(.refusal(.noSuchLevel)))
        }
        let level = IndicatorLevel(rawValue: levelText)
        let sort = try req.tableSort(keys: CorrectionsPage.sortKeys, fallback: CorrectionsPage.defaultSort)
        let corrections = CorrectionList.build(results: try await results(req, year: choice.year, scope: scope).results)
            .filter { level == nil || $0.level == level }
        let schools = try await schoolsByID(req, ids: corrections.filter { $0.level == .school }.map(\.scopeID))
        let districts = try await req.registry.districts()
        let districtNames = Dictionary(uniqueKeysWithValues: districts.map { ($0.code, $0.name) })
        let rows = corrections.map { correction in
            let scopeName: Phrase, href: String?
            switch correction.level {
            case .city: (scopeName, href) = (.supervision(.city), nil)
            case .district: (scopeName, href) = (.verbatim(districtNames[correction.scopeID] ?? correction.scopeID), SupervisionLinks.district(correction.scopeID, year: choice.year))
            case .school: (scopeName, href) = (.verbatim(schools[correction.scopeID]?.name ?? correction.scopeID), SupervisionLinks.school(correction.scopeID, year: choice.year))
            }
            return CorrectionsPage.Row(level: correction.level, scopeName: scopeName, scopeHref: href,
                                       districtName: correction.districtCode.flatMap { districtNames[$0] } ?? "",
                                       indicator: SupervisionFigures.name(code: correction.indicatorCode),
                                       value: SupervisionFigures.Figure(value: correction.value, unit: correction.unit, status: .notMet),
                                       target: SupervisionFigures.target(correction.comparison, correction.target, unit: correction.unit),
                                       gap: correction.gap, gapPercent: correction.gapPercent)
        }
        var districtCode: String?
        if case .district(let code) = scope, viewer.scope.role == .cityAdmin { districtCode = code }
        let model = CorrectionsPage.Model(
            year: choice, rows: rows, sort: sort, page: page?.page ?? 1, perPage: page?.perPage,
            filters: CorrectionsPage.Filters(districtCode: districtCode, level: level),
            districtChoices: viewer.scope.role == .cityAdmin ? districts.map { CityIndicatorsPage.District(code: $0.code, name: $0.name) } : [])
        if let page, page.page > model.pageCount {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchPage(page.page, of: model.pageCount))))
        }
        return model
    }
}

extension Request {
    var supervision: SupervisionStore { SupervisionStore(db) }
}
