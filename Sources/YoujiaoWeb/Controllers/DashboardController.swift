import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// The city dashboard and district pages: schools and pupils by district and stage.
struct DashboardController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(use: city)
        routes.get("dashboard.csv") { try await cityDownload(req: $0, as: .csv) }
        routes.get("dashboard.xlsx") { try await cityDownload(req: $0, as: .xlsx) }
        routes.get("districts", ":code", use: district)
    }

    struct DistrictRow { var district: District; var totals: [Stage: StageTotals] }

    static func query(on registry: RegistryStore, only code: String? = nil) async throws -> [DistrictRow] {
        let totals = try await registry.stageTotals()
        return try await registry.districts().filter { code == nil || $0.code == code }.map { district in
            DistrictRow(district: district,
                        totals: Dictionary(uniqueKeysWithValues: totals.filter { $0.districtCode == district.code }.map { ($0.stage, $0) }))
        }
    }

    @Sendable func city(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .cityAdmin else { return req.redirect(to: AuthController().home(for: viewer.user)) }
        let model = try await Self.overview(req, only: nil)
        return req.page(CityOverviewPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    /// The districts' figures in the requested order, for the page and its downloads.
    static func overview(_ req: Request, only code: String?) async throws -> CityOverviewPage.Model {
        let sort = try req.tableSort(keys: CityOverviewPage.sortKeys, fallback: CityOverviewPage.defaultSort)
        let rows = try await query(on: req.registry, only: code).map { row in
            CityOverviewPage.DistrictRow(code: row.district.code, name: row.district.name,
                                         schools: row.totals.mapValues(\.schools), pupils: row.totals.mapValues(\.pupils))
        }
        return CityOverviewPage.Model(districts: rows, sort: sort)
    }

    static func table(_ req: Request, rows: [DistrictRow], linkDistricts: Bool) -> Table {
        let stages = Stage.allCases
        var headers = [req.t("区代码", "Code"), req.t("区", "District")]
        for stage in stages { headers += [stage.label(req) + req.t("学校", " schools"), stage.label(req) + req.t("学生", " pupils")] }
        let body = rows.map { row -> [String] in
            let name = linkDistricts ? "<a href=\"/districts/\(esc(row.district.code))\">\(esc(row.district.name))</a>" : esc(row.district.name)
            return [esc(row.district.code), name] + stages.flatMap { [esc(row.totals[$0]?.schools ?? 0), esc(row.totals[$0]?.pupils ?? 0)] }
        }
        return Table(headers: headers, rows: body, numericColumns: Set(2..<(2 + stages.count * 2)))
    }

    /// The city table (a district admin: their district's row), whole, as CSV or XLSX.
    @Sendable func cityDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .cityAdmin || viewer.scope.role == .districtAdmin else { throw Abort(.forbidden) }
        let model = try await Self.overview(req, only: viewer.scope.role == .districtAdmin ? viewer.scope.districtCode : nil)
        return try req.download(CityOverviewPage.table(model), name: "districts", as: format)
    }

    @Sendable func district(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t("没有这个区", "No such district")) }
        guard viewer.scope.canSeeDistrict(district.code) else {
            throw Abort(.forbidden, reason: req.t("您无权查看其他区的数据。", "You may not see another district."))
        }
        let rows = try await Self.query(on: req.registry, only: district.code)
        let totals = rows.first?.totals ?? [:]
        let chart = BarChart(categories: Stage.allCases.map { $0.label(req) },
                             series: [BarChart.Series(name: req.t("学生", "Pupils"), colour: "#3c8dbc", values: Stage.allCases.map { totals[$0]?.pupils ?? 0 })],
                             title: req.t("\(district.name)各学段学生数", "Pupils by stage in \(district.name)"))
        let schools = try await req.registry.schools(SchoolFilter(districtCode: district.code), page: PageQuery(page: 1, perPage: 1)).total
        let body = """
        <p class="summary">\(esc(district.name)) · \(req.t("学校 \(schools) 所", "\(schools) schools"))</p>
        <figure>\(chart.svg)</figure>
        \(Self.table(req, rows: rows, linkDistricts: false).html)
        <h2>\(req.t("本区学校", "Schools of the district"))</h2>
        <p><a id="district-schools" href="/schools?district=\(esc(district.code))">\(req.t("本区全部 \(schools) 所学校（可排序、筛选、下载）", "All \(schools) schools of the district (sort, filter, download)"))</a></p>
        """
        return Layout.render(req, title: district.name, body: body)
    }
}
