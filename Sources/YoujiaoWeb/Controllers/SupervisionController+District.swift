import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// A district's indicators, the schools behind one figure, and its 优质均衡 report.
extension SupervisionController {
    @Sendable func district(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let district = try await Self.visibleDistrict(req, viewer: viewer)
        let choice = try await Self.year(req)
        let (input, results) = try await Self.results(req, year: choice.year, scope: .district(district.code))
        let schools = try await Self.schoolNames(req, ids: input.schools.map(\.schoolID))
        let year = SupervisionHTML.yearQuery(choice.year)
        let districtResults = results.filter { $0.level == .district }
        let indicatorRows = districtResults.map { result -> [String] in
            let judged = result.denominator.map { "\(SupervisionFormat.number(result.numerator, decimals: 2)) / \(SupervisionFormat.number($0, decimals: 2))" } ?? ""
            return [esc(SupervisionHTML.name(code: result.indicatorCode, req)) + " <small>\(esc(result.indicatorCode))</small>",
                    SupervisionHTML.cell(result, req, link: "/supervision/districts/\(district.code)/indicators/\(result.indicatorCode)\(year)"),
                    esc(SupervisionHTML.target(result.comparison, result.target, unit: result.unit)),
                    esc(judged), esc(result.schoolsNotMeeting.count), esc(result.missing.count)]
        }
        let bySchool = Dictionary(grouping: results.filter { $0.level == .school }, by: \.scopeID)
        let schoolRows = input.schools.map { facts -> [String] in
            let own = bySchool[facts.schoolID] ?? []
            return [esc(facts.schoolID),
                    "<a href=\"/supervision/schools/\(esc(facts.schoolID))\(year)\">\(esc(schools[facts.schoolID]?.name ?? facts.schoolID))</a>",
                    esc(facts.stages.map { $0.label(req) }.joined(separator: "、")), esc(facts.totalPupils),
                    esc(own.count { $0.status == .met }), esc(own.count { $0.status == .notMet }), esc(own.count { $0.status == .noData })]
        }
        let body = """
        \(SupervisionHTML.yearPicker(req, year: choice.year, known: choice.known))
        <p class="summary">\(esc(district.code)) · \(req.t("\(choice.year) 学年，\(input.schools.count) 所学校；区级指标达标 \(districtResults.count { $0.status == .met }) 项、未达标 \(districtResults.count { $0.status == .notMet }) 项、无数据 \(districtResults.count { $0.status == .noData }) 项。点击数值查看其来源学校。",
                                    "School year \(choice.year), \(input.schools.count) schools; district figures met \(districtResults.count { $0.status == .met }), not met \(districtResults.count { $0.status == .notMet }), no data \(districtResults.count { $0.status == .noData }). Click a figure for the schools behind it."))</p>
        <p>\(SupervisionHTML.legend(req))
        · <a href="/supervision/districts/\(esc(district.code))/balance\(year)&amp;stage=primary">\(req.t("优质均衡（小学）", "Quality balance (primary)"))</a>
        · <a href="/supervision/districts/\(esc(district.code))/balance\(year)&amp;stage=junior">\(req.t("优质均衡（初中）", "Quality balance (junior)"))</a>
        · <a href="/supervision/corrections\(year)&amp;district=\(esc(district.code))">\(req.t("整改清单", "Correction list"))</a>
        · <a class="download" href="/supervision/districts/\(esc(district.code))/results.csv\(year)">\(req.t("下载 CSV（区和各校）", "Download CSV (district and schools)"))</a></p>
        <h2>\(req.t("区级指标", "District figures"))</h2>
        \(Table(headers: [req.t("指标", "Indicator"), req.t("现值", "Value"), req.t("目标", "Target"), req.t("分子 / 分母", "Numerator / denominator"),
                          req.t("未达标学校", "Schools not meeting"), req.t("缺数据", "Missing inputs")],
                rows: indicatorRows, numericColumns: [4, 5]).html)
        <h2>\(req.t("本区学校", "Schools of the district"))</h2>
        \(Table(headers: [req.t("学校标识码", "School id"), req.t("校名", "Name"), req.t("学段", "Stages"), req.t("在校生", "Pupils"),
                          req.t("达标", "Met"), req.t("未达标", "Not met"), req.t("无数据", "No data")],
                rows: schoolRows, numericColumns: [3, 4, 5, 6]).html)
        """
        return Layout.render(req, title: req.t("督导：", "Supervision: ") + district.name, body: body)
    }

    @Sendable func districtCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let district = try await Self.visibleDistrict(req, viewer: viewer)
        return try await Self.resultsCSV(req, scope: .district(district.code), fileStem: district.code)
    }

    /// The year's indicator results of `scope` as a download.
    static func resultsCSV(_ req: Request, scope: SupervisionScope, fileStem: String) async throws -> Response {
        let choice = try await year(req)
        let results = try await results(req, year: choice.year, scope: scope).results
        return Layout.csv("supervision-\(fileStem)-\(choice.year).csv", document: SupervisionCSV.results(results))
    }

    // MARK: The schools behind a district figure

    struct IndicatorDrillDown {
        var district: District
        var indicator: Indicator
        var year: YearChoice
        var result: IndicatorResult?
        var schools: [(facts: SchoolFacts, school: School?, result: IndicatorResult)]
        var districtReport: DistrictReport?
    }

    static func drillDown(_ req: Request) async throws -> IndicatorDrillDown {
        let viewer = try req.requireStaff()
        let district = try await visibleDistrict(req, viewer: viewer)
        guard let indicator = SupervisionHTML.catalogue.indicator(code: req.parameters.get("indicator") ?? "") else {
            throw Abort(.notFound, reason: req.t("没有这个指标", "No such indicator"))
        }
        let choice = try await year(req)
        let input = try await req.supervision.input(year: choice.year, scope: .district(district.code))
        // A district-only ratio (e.g. the public kindergarten share) is a sum over schools: compute each
        // school's part too, so the reader sees the numerators and denominators it is made of.
        var withSchools = indicator
        if indicator.aggregation == .ratioOfSums && !indicator.levels.contains(.school) { withSchools.levels.insert(.school, at: 0) }
        let results = SupervisionEngine.compute(catalogue: IndicatorCatalogue(indicators: [withSchools]), input: input)
        let bySchool = Dictionary(uniqueKeysWithValues: results.filter { $0.level == .school }.map { ($0.scopeID, $0) })
        let names = try await schoolNames(req, ids: Array(bySchool.keys))
        let schools = input.schools.compactMap { facts in bySchool[facts.schoolID].map { (facts, names[facts.schoolID], $0) } }
        return IndicatorDrillDown(district: district, indicator: indicator, year: choice,
                                  result: results.first { $0.level == .district },
                                  schools: schools, districtReport: input.districtReports.first)
    }

    @Sendable func indicator(req: Request) async throws -> Response {
        let drill = try await Self.drillDown(req)
        let indicator = drill.indicator
        let year = SupervisionHTML.yearQuery(drill.year.year)
        var facts: [(String, String)] = [
            (req.t("指标", "Indicator"), esc("\(SupervisionHTML.name(indicator, req)) (\(indicator.code))")),
            (req.t("计算方法", "Formula"), esc(indicator.formulaZh)),
            (req.t("学校目标", "School target"), esc(SupervisionHTML.target(indicator.comparison, indicator.target, unit: indicator.unit))),
            (req.t("依据", "Source"), esc(indicator.planSection)),
        ]
        if let result = drill.result {
            facts.append((req.t("全区", "District figure"), SupervisionHTML.cell(result, req) + " "
                + esc(SupervisionHTML.target(result.comparison, result.target, unit: result.unit))))
            facts.append((req.t("分子 / 分母", "Numerator / denominator"),
                          esc("\(SupervisionFormat.number(result.numerator, decimals: 2)) / \(SupervisionFormat.number(result.denominator, decimals: 2))")))
            if !result.missing.isEmpty { facts.append((req.t("缺少的数据", "Missing inputs"), esc(SupervisionHTML.missing(result.missing)))) }
        }
        var body = """
        <p><a href="/supervision/districts/\(esc(drill.district.code))\(year)">← \(esc(drill.district.name))</a> · \(drill.year.year) \(req.t("学年", "school year"))</p>
        <dl class="facts">\(facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>
        """
        if indicator.aggregation == .districtFacts {
            let report = drill.districtReport
            body += """
            <h2>\(req.t("区填报", "District report"))</h2>
            \(Table(headers: [req.t("适龄残疾儿童少年", "School-age disabled children"), req.t("其中接受义务教育", "Of whom enrolled")],
                    rows: report.map { [[esc($0.disabledSchoolAgeChildren), esc($0.disabledEnrolled)]] } ?? [],
                    numericColumns: [0, 1]).html)
            """
        } else {
            // A school's part of a district-only ratio has no target of its own: shown uncoloured.
            let judged = indicator.levels.contains(.school)
            let rows = drill.schools.map { entry -> [String] in
                [esc(entry.facts.schoolID),
                 "<a href=\"/supervision/schools/\(esc(entry.facts.schoolID))\(year)\">\(esc(entry.school?.name ?? entry.facts.schoolID))</a>",
                 judged ? SupervisionHTML.cell(entry.result, req) : esc(SupervisionHTML.figure(entry.result.value, unit: entry.result.unit)),
                 esc(SupervisionHTML.inputs(entry.result.inputs)),
                 esc(SupervisionHTML.missing(entry.result.missing))]
            }
            body += """
            <h2>\(req.t("来源学校（\(rows.count) 所）", "Schools behind the figure (\(rows.count))"))</h2>
            <p><a class="download" href="/supervision/districts/\(esc(drill.district.code))/indicators/\(esc(indicator.code))/schools.csv\(year)">\(req.t("下载 CSV", "Download CSV"))</a></p>
            \(Table(headers: [req.t("学校标识码", "School id"), req.t("校名", "Name"), req.t("现值", "Value"), req.t("计算所用数据", "Inputs"),
                              req.t("缺少的数据", "Missing")], rows: rows, numericColumns: [2]).html)
            """
        }
        return Layout.render(req, title: "\(drill.district.name) · \(SupervisionHTML.name(indicator, req))", body: body)
    }

    @Sendable func indicatorCSV(req: Request) async throws -> Response {
        let drill = try await Self.drillDown(req)
        let judged = drill.indicator.levels.contains(.school)
        let rows = drill.schools.map { entry in
            [entry.facts.schoolID, entry.school?.name ?? "", SupervisionFormat.number(entry.result.value),
             judged ? SupervisionFormat.number(entry.result.target) : "", judged ? entry.result.status.rawValue : "",
             SupervisionHTML.inputs(entry.result.inputs), SupervisionHTML.missing(entry.result.missing)]
        }
        return Layout.csv("\(drill.indicator.code)-\(drill.district.code)-\(drill.year.year).csv",
                          header: ["school_id", "name", "value", "target", "status", "inputs", "missing"], rows: rows)
    }

    // MARK: 优质均衡

    static func balanceReport(_ req: Request) async throws -> (District, YearChoice, QualityBalanceReport) {
        let viewer = try req.requireStaff()
        let district = try await visibleDistrict(req, viewer: viewer)
        let stageText = req.query[String.self, at: "stage"] ?? Stage.primary.rawValue
        guard let stage = Stage(rawValue: stageText), stage == .primary || stage == .junior else {
            throw FieldProblem(field: "stage", message: req.t("学段只能是 primary（小学）或 junior（初中）", "stage must be primary or junior"))
        }
        let choice = try await year(req)
        let input = try await req.supervision.input(year: choice.year, scope: .district(district.code))
        return (district, choice, QualityBalance.assess(districtCode: district.code, stage: stage, input: input))
    }

    @Sendable func balance(req: Request) async throws -> Response {
        let (district, choice, report) = try await Self.balanceReport(req)
        let indicators = SupervisionHTML.catalogue.qualityBalanceIndicators(for: report.stage)
        let names = try await Self.schoolNames(req, ids: report.schools.map(\.schoolID) + report.excludedSchools.map(\.scopeID))
        let query = "?year=\(choice.year)&stage=\(report.stage.rawValue)"
        let rows = report.schools.map { school -> [String] in
            [esc(school.schoolID),
             "<a href=\"/supervision/schools/\(esc(school.schoolID))?year=\(choice.year)\">\(esc(names[school.schoolID]?.name ?? school.schoolID))</a>",
             esc(school.stagePupils)]
                + zip(school.values, indicators).map { value, indicator in
                    SupervisionHTML.cell(value.value, unit: indicator.unit, status: value.status, req)
                        + (value.reachesFloor == false ? " <small>&lt;85%</small>" : "")
                }
                + [esc("\(school.indicatorsMet)/\(school.values.count)"), SupervisionHTML.verdictCell(school.verdict, req)]
        }
        let cvRows = zip(report.dispersions, indicators).map { dispersion, indicator -> [String] in
            [esc(SupervisionHTML.name(indicator, req)), esc(SupervisionHTML.target(indicator.comparison, indicator.target, unit: indicator.unit)),
             esc(SupervisionHTML.figure(dispersion.mean, unit: indicator.unit)), esc(SupervisionFormat.number(dispersion.standardDeviation, decimals: 3)),
             esc(SupervisionFormat.number(dispersion.coefficientOfVariation, decimals: 3)), esc("≤ " + SupervisionFormat.number(dispersion.limit, decimals: 2)),
             SupervisionHTML.verdictCell(dispersion.verdict, req)]
        }
        let excluded = report.excludedSchools.map { "<li>\(esc(names[$0.scopeID]?.name ?? $0.scopeID)) (\(esc($0.scopeID))): \(esc($0.reason))</li>" }.joined()
        let otherStage: Stage = report.stage == .primary ? .junior : .primary
        let body = """
        \(SupervisionHTML.yearPicker(req, year: choice.year, known: choice.known, keep: ["stage": report.stage.rawValue]))
        <p><a href="/supervision/districts/\(esc(district.code))?year=\(choice.year)">← \(esc(district.name))</a>
        · <a href="/supervision/districts/\(esc(district.code))/balance?year=\(choice.year)&amp;stage=\(otherStage.rawValue)">\(otherStage.label(req))</a></p>
        <p class="summary">\(req.t("县域义务教育优质均衡资源配置 7 项指标（教督〔2017〕6号）：每校至少 6 项达标、其余不低于标准的 85% 为通过；各项差异系数（按学生数加权）小学 ≤ 0.50、初中 ≤ 0.45。",
                                    "The seven resource indicators of the national 优质均衡 assessment: a school passes with at least 6 met and the rest at 85% of the standard or more; each pupil-weighted CV must be ≤ 0.50 (primary) or ≤ 0.45 (junior)."))</p>
        <p class="verdict">\(req.t("结论：", "Verdict: "))\(SupervisionHTML.verdictCell(report.verdict, req))
        \(req.t("通过学校 \(report.schoolsPassing) / \(report.schools.count) 所", "\(report.schoolsPassing) of \(report.schools.count) schools pass"))
        · <a class="download" href="/supervision/districts/\(esc(district.code))/balance.csv\(query)">\(req.t("下载 CSV（评估表）", "Download CSV (assessment table)"))</a>
        · <a class="download" href="/supervision/districts/\(esc(district.code))/balance.csv\(query)&amp;format=long">\(req.t("下载 CSV（逐项）", "Download CSV (every figure)"))</a></p>
        <h2>\(req.t("各校指标", "Schools"))</h2>
        <div class="wide">\(Table(headers: [req.t("学校标识码", "School id"), req.t("校名", "Name"), req.t("本学段学生", "Pupils of the stage")]
                                    + indicators.map { SupervisionHTML.name($0, req) + " (\(SupervisionHTML.target($0.comparison, $0.target, unit: $0.unit)))" }
                                    + [req.t("达标项数", "Met"), req.t("结果", "Result")],
                                  rows: rows, numericColumns: Set(2..<(3 + indicators.count))).html)</div>
        <h2>\(req.t("校际差异系数", "Inter-school coefficients of variation"))</h2>
        \(Table(headers: [req.t("指标", "Indicator"), req.t("标准", "Standard"), req.t("加权均值 X̄", "Weighted mean X̄"), req.t("标准差 S", "S"),
                          req.t("差异系数 CV", "CV"), req.t("限值", "Limit"), req.t("结果", "Result")], rows: cvRows, numericColumns: [2, 3, 4]).html)
        \(excluded.isEmpty ? "" : "<h2>\(req.t("未纳入评估的学校", "Schools left out"))</h2><ul>\(excluded)</ul>")
        """
        return Layout.render(req, title: "\(district.name) · \(req.t("优质均衡", "Quality balance")) · \(report.stage.label(req))", body: body)
    }

    @Sendable func balanceCSV(req: Request) async throws -> Response {
        let (district, choice, report) = try await Self.balanceReport(req)
        let long = req.query[String.self, at: "format"] == "long"
        return Layout.csv("balance-\(district.code)-\(report.stage.rawValue)-\(choice.year).csv",
                          document: long ? SupervisionCSV.balance(report) : SupervisionCSV.balanceTable(report))
    }
}
