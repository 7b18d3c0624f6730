import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The city dashboard and district pages: schools and pupils by district and stage.
struct DashboardController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(use: city)
        routes.get("dashboard.csv", use: cityCSV)
        routes.get("districts", ":code", use: district)
    }

    static let stageColours: [Stage: String] = [.kindergarten: "#f2a541", .primary: "#3c8dbc", .junior: "#00a65a", .senior: "#9b59b6", .special: "#e74c3c"]

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
        let rows = try await Self.query(on: req.registry)
        let stages = Stage.allCases
        let chart = BarChart(
            categories: rows.map(\.district.name),
            series: stages.map { stage in
                BarChart.Series(name: stage.label(req), colour: Self.stageColours[stage]!, values: rows.map { $0.totals[stage]?.pupils ?? 0 })
            },
            title: req.t("各区在校学生数（按学段）", "Pupils by district and stage"))
        let table = Self.table(req, rows: rows, linkDistricts: true)
        let pupils = rows.reduce(0) { $0 + $1.totals.values.reduce(0) { $0 + $1.pupils } }
        let body = """
        <p class="summary">\(req.t("全市 \(rows.count) 个区，\(esc(pupils)) 名在校学生（学前至高中、特殊教育）。", "\(rows.count) districts, \(esc(pupils)) pupils from kindergarten to senior high and special education."))</p>
        <figure>\(chart.svg)</figure>
        <p><a class="download" href="/dashboard.csv">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(table.html)
        """
        return Layout.render(req, title: req.t("全市基础教育概览", "City overview"), body: body)
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

    @Sendable func cityCSV(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .cityAdmin || viewer.scope.role == .districtAdmin else { throw Abort(.forbidden) }
        let rows = try await Self.query(on: req.registry, only: viewer.scope.role == .districtAdmin ? viewer.scope.districtCode : nil)
        let header = ["district_code", "district"] + Stage.allCases.flatMap { ["\($0.rawValue)_schools", "\($0.rawValue)_pupils"] }
        let data = rows.map { row in
            [row.district.code, row.district.name] + Stage.allCases.flatMap { [String(row.totals[$0]?.schools ?? 0), String(row.totals[$0]?.pupils ?? 0)] }
        }
        return Layout.csv("districts.csv", header: header, rows: data)
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
        let schools = try await req.registry.schools(SchoolFilter(districtCode: district.code), page: .everything).items
        let schoolTable = SchoolController.table(req, schools: schools)
        let body = """
        <p class="summary">\(esc(district.code)) · \(esc(district.name)) · \(req.t("学校 \(schools.count) 所", "\(schools.count) schools"))</p>
        <figure>\(chart.svg)</figure>
        \(Self.table(req, rows: rows, linkDistricts: false).html)
        <h2>\(req.t("本区学校", "Schools of the district"))</h2>
        <p><a class="download" href="/schools.csv?district=\(esc(district.code))">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(schoolTable.html)
        """
        return Layout.render(req, title: district.name, body: body)
    }
}
