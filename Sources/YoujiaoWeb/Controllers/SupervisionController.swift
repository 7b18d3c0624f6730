import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// Supervision (督导) pages under /supervision: the city dashboard, districts, schools, the 优质均衡
/// report, the correction list and the school-report form. Staff only, each within its scope:
/// the city sees everything, a district its own schools, a school itself; guardians get 403.
struct SupervisionController {
    func register(_ routes: any RoutesBuilder) {
        let pages = routes.grouped("supervision")
        pages.get(use: dashboard)
        pages.get("dashboard.csv", use: dashboardCSV)
        pages.get("corrections", use: corrections)
        pages.get("corrections.csv", use: correctionsCSV)
        pages.get("districts", ":code", use: district)
        pages.get("districts", ":code", "results.csv", use: districtCSV)
        pages.get("districts", ":code", "indicators", ":indicator", use: indicator)
        pages.get("districts", ":code", "indicators", ":indicator", "schools.csv", use: indicatorCSV)
        pages.get("districts", ":code", "balance", use: balance)
        pages.get("districts", ":code", "balance.csv", use: balanceCSV)
        pages.get("schools", ":id", use: school)
        pages.get("schools", ":id", "results.csv", use: schoolCSV)
        pages.get("schools", ":id", "report", use: reportForm)
        pages.post("schools", ":id", "report", use: submitReport)
    }

    // MARK: Scope and year

    /// The district of the path, if the viewer may see it: 404 when absent, 403 outside the scope.
    static func visibleDistrict(_ req: Request, viewer: Viewer) async throws -> District {
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t("没有这个区", "No such district")) }
        guard viewer.scope.canSeeDistrict(district.code) else {
            throw Abort(.forbidden, reason: req.t("您无权查看其他区的督导数据。", "You may not see another district's supervision figures."))
        }
        return district
    }

    /// The school of the path, if the viewer is staff whose scope holds it.
    static func visibleSchool(_ req: Request, viewer: Viewer) async throws -> School {
        let id = req.parameters.get("id") ?? ""
        guard let school = try await req.registry.school(id: id) else { throw Abort(.notFound, reason: req.t("没有这所学校", "No such school")) }
        guard viewer.scope.canSeeSchool(id: school.id, districtCode: school.districtCode) else {
            throw Abort(.forbidden, reason: req.t("您无权查看这所学校的督导数据。", "This school is outside your scope."))
        }
        return school
    }

    struct YearChoice { var year: Int; var known: Set<Int> }

    /// `?year=`, one of the known school years; the latest reported year when absent.
    static func year(_ req: Request) async throws -> YearChoice {
        let known = try await req.supervision.knownYears()
        guard let text = req.query[String.self, at: "year"], !text.isEmpty else {
            return YearChoice(year: try await req.supervision.defaultYear(), known: known)
        }
        guard let year = Int(text), known.contains(year) else {
            throw FieldProblem(field: "year", message: req.t("未知学年 \(text)（可选：\(known.sorted().map(String.init).joined(separator: "、"))）",
                                                             "Unknown school year \(text) (known: \(known.sorted().map(String.init).joined(separator: ", ")))"))
        }
        return YearChoice(year: year, known: known)
    }

    /// Indicator results of a scope, without the levels the scope does not stand for
    /// (a district's "city" figure, a school's "district" figure).
    static func results(_ req: Request, year: Int, scope: SupervisionScope) async throws -> (input: SupervisionInput, results: [IndicatorResult]) {
        let input = try await req.supervision.input(year: year, scope: scope)
        let levels: Set<IndicatorLevel>
        switch scope {
        case .city: levels = [.school, .district, .city]
        case .district: levels = [.school, .district]
        case .school: levels = [.school]
        }
        return (input, SupervisionEngine.compute(input: input).filter { levels.contains($0.level) })
    }

    /// School names by id, for tables that list schools.
    static func schoolNames(_ req: Request, ids: [String]) async throws -> [String: School] {
        Dictionary(uniqueKeysWithValues: try await req.registry.schools(ids: Array(Set(ids))).map { ($0.id, $0) })
    }

    // MARK: City dashboard

    @Sendable func dashboard(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        // District and school staff start at their own page, in the year asked for.
        let query = req.url.query.map { "?" + $0 } ?? ""
        switch viewer.scope.role {
        case .districtAdmin: return req.redirect(to: "/supervision/districts/\(viewer.scope.districtCode ?? "")\(query)")
        case .schoolAdmin: return req.redirect(to: "/supervision/schools/\(viewer.scope.schoolID ?? "")\(query)")
        case .cityAdmin, .guardian: break
        }
        let choice = try await Self.year(req)
        let (input, results) = try await Self.results(req, year: choice.year, scope: .city)
        let districts = try await req.registry.districts()
        var byScope: [String: IndicatorResult] = [:]
        for result in results where result.level != .school { byScope[result.indicatorCode + "|" + result.scopeID] = result }
        let year = SupervisionHTML.yearQuery(choice.year)
        let headers = [req.t("指标", "Indicator"), req.t("目标", "Target"), req.t("全市", "City")] + districts.map(\.name)
        let rows = SupervisionHTML.catalogue.indicators.map { indicator -> [String] in
            let city = byScope[indicator.code + "|" + input.cityCode]
            let goal = indicator.target(at: .district)
            return ["<span title=\"\(esc(indicator.formulaZh))\">\(esc(SupervisionHTML.name(indicator, req)))</span> <small>\(esc(indicator.code))</small>",
                    esc(SupervisionHTML.target(goal.comparison, goal.target, unit: goal.unit)),
                    SupervisionHTML.cell(city, req)]
                + districts.map { district in
                    SupervisionHTML.cell(byScope[indicator.code + "|" + district.code], req,
                                         link: "/supervision/districts/\(district.code)/indicators/\(indicator.code)\(year)")
                }
        }
        let districtResults = districts.map { district in results.filter { $0.level == .district && $0.scopeID == district.code } }
        let cityResults = results.filter { $0.level == .city }
        let links = districts.map { "<a href=\"/supervision/districts/\(esc($0.code))\(year)\">\(esc($0.name))</a>" }.joined(separator: " · ")
        let body = """
        \(SupervisionHTML.yearPicker(req, year: choice.year, known: choice.known))
        <p class="summary">\(req.t("\(choice.year) 学年，全市 \(input.schools.count) 所学校、\(districts.count) 个区；全市指标达标 \(cityResults.count { $0.status == .met }) 项、未达标 \(cityResults.count { $0.status == .notMet }) 项、无数据 \(cityResults.count { $0.status == .noData }) 项。学生、教师人数取自学籍和教师库，其余取自学校填报。",
                                    "School year \(choice.year): \(input.schools.count) schools in \(districts.count) districts; city figures met \(cityResults.count { $0.status == .met }), not met \(cityResults.count { $0.status == .notMet }), no data \(cityResults.count { $0.status == .noData }). Pupil and teacher counts come from the registry, the rest from school reports."))</p>
        \(SupervisionHTML.statusChart(req, categories: districts.map(\.name), results: districtResults, title: req.t("各区指标达标情况", "Indicators met by district")))
        <p>\(SupervisionHTML.legend(req)) · <a class="download" href="/supervision/dashboard.csv\(year)">\(req.t("下载 CSV", "Download CSV"))</a>
        · <a href="/supervision/corrections\(year)">\(req.t("整改清单", "Correction list"))</a></p>
        <p>\(req.t("各区：", "Districts: "))\(links)</p>
        <div class="wide">\(Table(headers: headers, rows: rows).html)</div>
        """
        return Layout.render(req, title: req.t("督导：全市指标", "Supervision: the city"), body: body)
    }

    @Sendable func dashboardCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        guard viewer.scope.role == .cityAdmin else { throw Abort(.forbidden, reason: req.t("全市数据仅对市级管理员开放。", "City figures are for city staff.")) }
        let choice = try await Self.year(req)
        let results = try await Self.results(req, year: choice.year, scope: .city).results.filter { $0.level != .school }
        return Layout.csv("supervision-\(choice.year).csv", document: SupervisionCSV.results(results))
    }

    // MARK: Correction list

    /// The viewer's scope: the city (optionally one district), the own district, or the own school.
    static func correctionScope(_ req: Request, viewer: Viewer) async throws -> SupervisionScope {
        switch viewer.scope.role {
        case .cityAdmin:
            guard let code = req.query[String.self, at: "district"], !code.isEmpty else { return .city }
            guard try await req.registry.district(code: code) != nil else { throw FieldProblem(field: "district", message: req.t("没有这个区", "No such district")) }
            return .district(code)
        case .districtAdmin:
            if let code = req.query[String.self, at: "district"], !code.isEmpty, code != viewer.scope.districtCode {
                throw Abort(.forbidden, reason: req.t("您无权查看其他区的督导数据。", "You may not see another district's supervision figures."))
            }
            return .district(viewer.scope.districtCode ?? "")
        case .schoolAdmin:
            return .school(viewer.scope.schoolID ?? "")
        case .guardian:
            throw Abort(.forbidden)
        }
    }

    static func correctionList(_ req: Request) async throws -> (year: YearChoice, scope: SupervisionScope, corrections: [IndicatorCorrection]) {
        let viewer = try req.requireStaff()
        let choice = try await year(req)
        let scope = try await correctionScope(req, viewer: viewer)
        let results = try await results(req, year: choice.year, scope: scope).results
        return (choice, scope, CorrectionList.build(results: results))
    }

    @Sendable func corrections(req: Request) async throws -> Response {
        let (choice, scope, corrections) = try await Self.correctionList(req)
        let schools = try await Self.schoolNames(req, ids: corrections.filter { $0.level == .school }.map(\.scopeID))
        let districts = Dictionary(uniqueKeysWithValues: try await req.registry.districts().map { ($0.code, $0.name) })
        let year = SupervisionHTML.yearQuery(choice.year)
        let rows = corrections.map { correction -> [String] in
            let scopeCell: String
            switch correction.level {
            case .city: scopeCell = req.t("全市", "City")
            case .district: scopeCell = "<a href=\"/supervision/districts/\(esc(correction.scopeID))\(year)\">\(esc(districts[correction.scopeID] ?? correction.scopeID))</a>"
            case .school: scopeCell = "<a href=\"/supervision/schools/\(esc(correction.scopeID))\(year)\">\(esc(schools[correction.scopeID]?.name ?? correction.scopeID))</a>"
            }
            return [esc(Self.levelLabel(correction.level, req)), scopeCell, esc(correction.districtCode.flatMap { districts[$0] } ?? ""),
                    esc(SupervisionHTML.name(code: correction.indicatorCode, req)),
                    SupervisionHTML.cell(correction.value, unit: correction.unit, status: .notMet, req),
                    esc(SupervisionHTML.target(correction.comparison, correction.target, unit: correction.unit)),
                    esc(SupervisionHTML.figure(correction.gap, unit: correction.unit)),
                    esc(correction.gapPercent.map { SupervisionFormat.number($0, decimals: 1) + "%" } ?? "")]
        }
        var filter = ""
        if case .district(let code) = scope { filter = "&district=\(code)" }
        let body = """
        \(SupervisionHTML.yearPicker(req, year: choice.year, known: choice.known, keep: req.query[String.self, at: "district"].map { ["district": $0] } ?? [:]))
        <p class="summary">\(req.t("未达标 \(corrections.count) 项：先全市，后各区，再各校；差距以指标单位和目标的百分比表示。“无数据”的指标需要补报，不在此列。",
                                    "\(corrections.count) targets missed: city, then districts, then schools; the gap in the indicator's unit and as a share of the target. Figures without data need a report, not a correction, and are not listed."))
        · <a class="download" href="/supervision/corrections.csv\(year)\(filter)">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(Table(headers: [req.t("层级", "Level"), req.t("对象", "Scope"), req.t("所在区", "District"), req.t("指标", "Indicator"),
                          req.t("现值", "Value"), req.t("目标", "Target"), req.t("差距", "Gap"), req.t("差距占目标", "Gap %")],
                rows: rows, numericColumns: [4, 6, 7]).html)
        """
        return Layout.render(req, title: req.t("督导：整改清单", "Supervision: corrections"), body: body)
    }

    @Sendable func correctionsCSV(req: Request) async throws -> Response {
        let (choice, _, corrections) = try await Self.correctionList(req)
        return Layout.csv("corrections-\(choice.year).csv", document: CorrectionList.document(corrections))
    }

    static func levelLabel(_ level: IndicatorLevel, _ req: Request) -> String {
        switch level {
        case .city: return req.t("市", "city")
        case .district: return req.t("区", "district")
        case .school: return req.t("校", "school")
        }
    }
}

extension Request {
    var supervision: SupervisionStore { SupervisionStore(db) }
}
