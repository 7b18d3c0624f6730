import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// A district's indicators, the schools behind one figure, and its 优质均衡 report.
extension SupervisionController {
    enum DistrictTable { case indicators, schools }

    @Sendable func district(req: Request) async throws -> Response {
        let model = try await Self.districtModel(req)
        return req.page(DistrictSupervisionPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    @Sendable func districtDownload(req: Request, table: DistrictTable, as format: DownloadFormat) async throws -> Response {
        let model = try await Self.districtModel(req)
        switch table {
        case .indicators:
            return try req.download(DistrictSupervisionPage.indicatorTable(model), name: "supervision-\(model.districtCode)-\(model.year.year)", as: format)
        case .schools:
            return try req.download(DistrictSupervisionPage.schoolTable(model), name: "supervision-schools-\(model.districtCode)-\(model.year.year)", as: format)
        }
    }

    static func districtModel(_ req: Request) async throws -> DistrictSupervisionPage.Model {
        let viewer = try req.requireStaff()
        let district = try await visibleDistrict(req, viewer: viewer)
        let choice = try await year(req)
        let sort = try req.tableSort(keys: DistrictSupervisionPage.sortKeys, fallback: DistrictSupervisionPage.defaultSort)
        let (input, results) = try await results(req, year: choice.year, scope: .district(district.code))
        let names = try await schoolsByID(req, ids: input.schools.map(\.schoolID))
        let indicators = results.filter { $0.level == .district }.map { result in
            DistrictSupervisionPage.IndicatorRow(
                name: SupervisionFigures.name(code: result.indicatorCode),
                figure: SupervisionFigures.Figure(result, href: SupervisionLinks.indicator(district: district.code, indicator: result.indicatorCode, year: choice.year)),
                target: SupervisionFigures.target(result.comparison, result.target, unit: result.unit),
                ratio: SupervisionFigures.ratio(result.numerator, result.denominator),
                schoolsNotMeeting: result.schoolsNotMeeting.count, missingInputs: result.missing.count)
        }
        let bySchool = Dictionary(grouping: results.filter { $0.level == .school }, by: \.scopeID)
        let schools = input.schools.map { facts in
            let own = bySchool[facts.schoolID] ?? []
            return DistrictSupervisionPage.SchoolRow(
                id: facts.schoolID, name: names[facts.schoolID]?.name ?? facts.schoolID, href: SupervisionLinks.school(facts.schoolID, year: choice.year),
                stages: facts.stages.sorted(), pupils: facts.totalPupils, met: own.count { $0.status == .met },
                notMet: own.count { $0.status == .notMet }, noData: own.count { $0.status == .noData })
        }
        return DistrictSupervisionPage.Model(districtCode: district.code, districtName: district.name, year: choice,
                                             indicators: indicators, schools: schools, sort: sort)
    }

    // MARK: The schools behind a district figure

    @Sendable func indicator(req: Request) async throws -> Response {
        let model = try await Self.indicatorModel(req)
        return req.page(IndicatorSchoolsPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    @Sendable func indicatorDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await Self.indicatorModel(req)
        return try req.download(IndicatorSchoolsPage.table(model), name: "\(model.indicatorCode)-\(model.districtCode)-\(model.year.year)", as: format)
    }

    static func indicatorModel(_ req: Request) async throws -> IndicatorSchoolsPage.Model {
        let viewer = try req.requireStaff()
        let district = try await visibleDistrict(req, viewer: viewer)
        guard let indicator = SupervisionFigures.catalogue.indicator(code: req.parameters.get("indicator") ?? "") else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchIndicator)))
        }
        let choice = try await year(req)
        let sort = try req.tableSort(keys: IndicatorSchoolsPage.sortKeys, fallback: IndicatorSchoolsPage.defaultSort)
        let input = try await results(req, year: choice.year, scope: .district(district.code)).input
        // A district-only ratio (e.g. the public kindergarten share) is a sum over schools: compute each
        // school's part too, so the reader sees the numerators and denominators it is made of.
        var withSchools = indicator
        if indicator.aggregation == .ratioOfSums && !indicator.levels.contains(.school) { withSchools.levels.insert(.school, at: 0) }
        let results = SupervisionEngine.compute(catalogue: IndicatorCatalogue(indicators: [withSchools]), input: input)
        let bySchool = Dictionary(uniqueKeysWithValues: results.filter { $0.level == .school }.map { ($0.scopeID, $0) })
        let names = try await schoolsByID(req, ids: Array(bySchool.keys))
        // A school's part of a district-only ratio has no target of its own: shown without a status.
        let judged = indicator.levels.contains(.school)
        let schoolRows = input.schools.compactMap { facts in
            bySchool[facts.schoolID].map { result in
                IndicatorSchoolsPage.SchoolRow(id: facts.schoolID, name: names[facts.schoolID]?.name ?? facts.schoolID,
                                               href: SupervisionLinks.school(facts.schoolID, year: choice.year),
                                               figure: SupervisionFigures.Figure(result, judged: judged),
                                               inputs: SupervisionFigures.inputs(result.inputs),
                                               missing: SupervisionFigures.missing(result.missing, own: facts.schoolID))
            }
        }
        let districtResult = results.first { $0.level == .district }
        let schoolGoal = indicator.target(at: .school)
        let report = input.districtReports.first
        return IndicatorSchoolsPage.Model(
            districtCode: district.code, districtName: district.name, year: choice, indicatorCode: indicator.code,
            indicator: SupervisionFigures.name(indicator), formula: Phrase(zh: indicator.formulaZh, en: indicator.formulaEn.isEmpty ? indicator.formulaZh : indicator.formulaEn),
            schoolTarget: SupervisionFigures.target(schoolGoal.comparison, schoolGoal.target, unit: schoolGoal.unit), source: indicator.planSection,
            districtFigure: districtResult.map { SupervisionFigures.Figure($0) },
            districtTarget: districtResult.map { SupervisionFigures.target($0.comparison, $0.target, unit: $0.unit) },
            ratio: districtResult.map { SupervisionFigures.ratio($0.numerator, $0.denominator) } ?? "",
            missing: districtResult.flatMap { $0.missing.isEmpty ? nil : SupervisionFigures.missing($0.missing, own: district.code, names: names.mapValues(\.name)) },
            districtReport: report.map { IndicatorSchoolsPage.DistrictFacts(disabledChildren: $0.disabledSchoolAgeChildren, disabledEnrolled: $0.disabledEnrolled) },
            isDistrictFact: indicator.aggregation == .districtFacts, schools: schoolRows, sort: sort)
    }

    // MARK: 优质均衡

    static func balanceReport(_ req: Request) async throws -> (District, SupervisionYear, QualityBalanceReport) {
        let viewer = try req.requireStaff()
        let district = try await visibleDistrict(req, viewer: viewer)
        let stageText = req.query[String.self, at: "stage"] ?? Stage.primary.rawValue
        guard let stage = Stage(rawValue: stageText), stage == .primary || stage == .junior else {
            throw FieldProblem(field: "stage", message: req.t(.refusal(.qualityBalanceStagesOnly)))
        }
        let choice = try await year(req)
        let input = try await results(req, year: choice.year, scope: .district(district.code)).input
        return (district, choice, QualityBalance.assess(districtCode: district.code, stage: stage, input: input))
    }

    @Sendable func balance(req: Request) async throws -> Response {
        let model = try await Self.balanceModel(req)
        return req.page(QualityBalancePage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    /// The assessment table, the dispersion table (`table=dispersion`), or every figure as the machine file (`format=long`).
    @Sendable func balanceDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        if format == .csv, req.query[String.self, at: "format"] == "long" {
            let (district, choice, report) = try await Self.balanceReport(req)
            return Layout.csv("balance-\(district.code)-\(report.stage.rawValue)-\(choice.year).csv", document: SupervisionCSV.balance(report))
        }
        let model = try await Self.balanceModel(req)
        let name = "balance-\(model.districtCode)-\(model.stage.rawValue)-\(model.year.year)"
        if req.query[String.self, at: "table"] == "dispersion" {
            return try req.download(QualityBalancePage.dispersionTable(model), name: name + "-cv", as: format)
        }
        return try req.download(QualityBalancePage.schoolTable(model), name: name, as: format)
    }

    static func balanceModel(_ req: Request) async throws -> QualityBalancePage.Model {
        let (district, choice, report) = try await balanceReport(req)
        let sort = try req.tableSort(keys: QualityBalancePage.sortKeys, fallback: QualityBalancePage.defaultSort)
        let indicators = SupervisionFigures.catalogue.qualityBalanceIndicators(for: report.stage)
        let names = try await schoolsByID(req, ids: report.schools.map(\.schoolID) + report.excludedSchools.map(\.scopeID))
        let schoolRows = report.schools.map { school in
            QualityBalancePage.SchoolRow(
                id: school.schoolID, name: names[school.schoolID]?.name ?? school.schoolID, href: SupervisionLinks.school(school.schoolID, year: choice.year),
                stagePupils: school.stagePupils,
                values: zip(school.values, indicators).map { value, indicator in
                    QualityBalancePage.Value(figure: SupervisionFigures.Figure(value: value.value, unit: indicator.unit, status: value.status),
                                             belowFloor: value.reachesFloor == false)
                },
                indicatorsMet: school.indicatorsMet, verdict: school.verdict)
        }
        let dispersions = zip(report.dispersions, indicators).map { dispersion, indicator in
            QualityBalancePage.DispersionRow(indicator: SupervisionFigures.name(indicator),
                                             standard: SupervisionFigures.target(indicator.comparison, indicator.target, unit: indicator.unit),
                                             mean: dispersion.mean, unit: indicator.unit, standardDeviation: dispersion.standardDeviation,
                                             coefficientOfVariation: dispersion.coefficientOfVariation, limit: dispersion.limit, verdict: dispersion.verdict)
        }
        return QualityBalancePage.Model(
            districtCode: district.code, districtName: district.name, year: choice, stage: report.stage, verdict: report.verdict,
            schoolsPassing: report.schoolsPassing,
            indicators: indicators.map { QualityBalancePage.IndicatorColumn(code: $0.code, name: SupervisionFigures.name($0),
                                                                            standard: SupervisionFigures.target($0.comparison, $0.target, unit: $0.unit)) },
            schools: schoolRows, dispersions: dispersions,
            excluded: report.excludedSchools.map { QualityBalancePage.ExcludedSchool(id: $0.scopeID, name: names[$0.scopeID]?.name ?? $0.scopeID,
                                                                                     reason: SupervisionFigures.reason($0.reason)) },
            sort: sort)
    }
}
