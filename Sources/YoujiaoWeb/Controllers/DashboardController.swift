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
        routes.get("districts", ":code", "stages.csv") { try await districtDownload(req: $0, as: .csv) }
        routes.get("districts", ":code", "stages.xlsx") { try await districtDownload(req: $0, as: .xlsx) }
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

    /// The city table (a district admin: their district's row), whole, as CSV or XLSX.
    @Sendable func cityDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .cityAdmin || viewer.scope.role == .districtAdmin else { throw Abort(.forbidden) }
        let model = try await Self.overview(req, only: viewer.scope.role == .districtAdmin ? viewer.scope.districtCode : nil)
        return try req.download(CityOverviewPage.table(model), name: "districts", as: format)
    }

    @Sendable func district(req: Request) async throws -> Response {
        var model = try await districtModel(req)
        if let viewer = req.viewer, HomeVisitAccess.canReadDistrict(viewer.scope, districtCode: model.code) {
            model.homeVisitsHref = "/districts/\(model.code)/home-visits"
        }
        return req.page(DistrictOverviewPage.View(chrome: req.chrome(), model: model))
    }

    @Sendable func districtDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await districtModel(req)
        return try req.download(DistrictOverviewPage.table(model), name: "district-\(model.code)-stages", as: format)
    }

    private func districtModel(_ req: Request) async throws -> DistrictOverviewPage.Model {
        let viewer = try req.requireViewer()
        guard let district = try await req.registry.district(code: req.parameters.get("code") ?? "") else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict)))
        }
        guard viewer.scope.canSeeDistrict(district.code) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
        let totals = try await Self.query(on: req.registry, only: district.code).first?.totals ?? [:]
        let schools = try await req.registry.schools(SchoolFilter(districtCode: district.code), page: PageQuery(page: 1, perPage: 1)).total
        return DistrictOverviewPage.Model(code: district.code, name: district.name, schoolCount: schools,
                                          schools: totals.mapValues(\.schools), pupils: totals.mapValues(\.pupils))
    }
}
