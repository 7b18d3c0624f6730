import Foundation
import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The planning pages from model literals: 徐汇区 lacks primary seats, 黄浦区 has primary seats
/// to spare by the last year.
@Suite("Planning pages")
struct PlanningPagesTests {
    static func chrome(_ language: Language, flash: Flash? = nil) -> Chrome {
        Chrome(language: language, navigation: NavItem.menu(for: AccessScope(role: .cityAdmin), currentPath: "/planning"),
               viewer: .init(displayName: "市管理员", role: .role(.cityAdmin)), csrfToken: "csrf-123", flash: flash)
    }

    static func gap(_ code: String, _ name: String, _ stage: Stage, _ year: Int, demand: Int, seats: Int, schools: Int = 0) -> SeatGapFigure {
        SeatGapFigure(districtCode: code, districtName: name, stage: stage, year: year, demand: demand, seats: seats, gap: demand - seats,
                      schoolsShort: schools)
    }

    static let gaps: [SeatGapFigure] = [
        gap("310101", "黄浦区", .primary, 2026, demand: 1_000, seats: 1_000), gap("310101", "黄浦区", .primary, 2027, demand: 850, seats: 1_000),
        gap("310104", "徐汇区", .primary, 2026, demand: 1_100, seats: 900, schools: 1),
        gap("310104", "徐汇区", .primary, 2027, demand: 1_150, seats: 900, schools: 1),
        gap("310101", "黄浦区", .senior, 2026, demand: 500, seats: 480), gap("310101", "黄浦区", .senior, 2027, demand: 520, seats: 480),
        gap("310104", "徐汇区", .senior, 2026, demand: 600, seats: 600), gap("310104", "徐汇区", .senior, 2027, demand: 600, seats: 600),
    ]
    static let stages: [Stage] = [.primary, .senior]
    static let choices = [ScenarioChoice(id: "s-1", name: "徐汇新校")]

    static func overview(sort: TableSort = PlanningTables.defaultStageSort) -> PlanningOverviewPage.Model {
        PlanningOverviewPage.Model(baseYear: 2025, latestObservedYear: nil, projectedYears: 2026...2027, births: .planningBirths(.constant),
                                   scenarios: choices, selectedScenario: nil, stages: stages, gaps: gaps, sort: sort)
    }

    static func form(problems: [ScenarioForm.Problem] = [], values: ScenarioForm.Values = ScenarioForm.Values()) -> ScenarioForm.Model {
        ScenarioForm.Model(values: values, problems: problems, action: "/planning/scenarios", baseYear: 2025,
                           districts: [.init(code: "310101", name: "黄浦区"), .init(code: "310104", name: "徐汇区")], mayPlanWholeCity: true)
    }

    static let scenarioRow = ScenarioListPage.ScenarioRow(
        id: "s-1", name: "徐汇新校", scope: .planning(.wholeCity), births: .planningBirths(.linearTrend(years: 4)), horizon: 5, openings: 1,
        closures: 0, owner: "市管理员", updatedAt: "2026-12-06T02:42:43Z", updated: Format.beijingTime(iso: "2026-12-06T02:42:43Z")!)

    static func snapshot(_ view: some PageView, _ name: String, _ language: Language) {
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: name)
    }

    // MARK: Snapshots of every page

    @Test(arguments: Language.allCases)
    func overviewPage(_ language: Language) {
        Self.snapshot(PlanningOverviewPage.View(chrome: Self.chrome(language), model: Self.overview(), address: PageAddress(path: "/planning")),
                      "planningOverview", language)
    }

    @Test(arguments: Language.allCases)
    func scenarioDeletePage(_ language: Language) {
        Self.snapshot(ScenarioDeletePage.View(chrome: Self.chrome(language),
                                              model: .init(name: "徐汇新校", path: "/planning/scenarios/s-1", changeCount: 2)),
                      "planningScenarioDelete", language)
    }

    @Test(arguments: Language.allCases)
    func districtPage(_ language: Language) {
        let rows = [PlanningDistrictPage.YearRow(stage: .primary, year: 2024, isProjected: false, pupils: 1_080),
                    PlanningDistrictPage.YearRow(stage: .primary, year: 2025, isProjected: false, pupils: 1_100),
                    PlanningDistrictPage.YearRow(stage: .primary, year: 2026, isProjected: true, pupils: 1_100, low: 1_050, high: 1_160, seats: 900)]
        let model = PlanningDistrictPage.Model(districtCode: "310104", districtName: "徐汇区", baseYear: 2025, births: .planningBirths(.constant),
                                               scenarios: Self.choices, selectedScenario: "s-1", years: 1, stages: [.primary], rows: rows)
        Self.snapshot(PlanningDistrictPage.View(chrome: Self.chrome(language), model: model,
                                                address: PageAddress(path: "/planning/districts/310104", rawQuery: "scenario=s-1&years=1")),
                      "planningDistrict", language)
    }

    static let backtest = PlanningBacktestPage.Model(
        origin: 2020, holdout: 2, trendBirths: true, totalLabel: .planning(.cityTotal), stages: [.primary],
        horizons: [.init(horizon: 1, count: 2, mape: 1.25, meanError: -3.5, totalMape: [0.5]), .init(horizon: 2, count: 2, mape: 2.5, meanError: 4, totalMape: [nil])],
        groups: [.init(isStage: true, name: .stage(.primary), count: 4, mape: 1.875, meanError: 0.25),
                 .init(isStage: false, name: .verbatim("黄浦区"), count: 2, mape: 1, meanError: -1)],
        cells: [.init(districtCode: "310104", districtName: "徐汇区", stage: .primary, horizon: 1, year: 2021, projected: 1_010, actual: 1_000,
                      error: 10, absolutePercentError: 1),
                .init(districtCode: "310101", districtName: "黄浦区", stage: .primary, horizon: 1, year: 2021, projected: 950, actual: 1_000,
                      error: -50, absolutePercentError: 5),
                .init(districtCode: "310101", districtName: "黄浦区", stage: .primary, horizon: 2, year: 2022, projected: 0, actual: 0,
                      error: 0, absolutePercentError: nil)],
        sort: TableSort(key: "ape", direction: .descending))

    @Test(arguments: Language.allCases)
    func backtestPage(_ language: Language) {
        Self.snapshot(PlanningBacktestPage.View(chrome: Self.chrome(language), model: Self.backtest,
                                                address: PageAddress(path: "/planning/backtest", rawQuery: "sort=ape&dir=desc")),
                      "planningBacktest", language)
    }

    @Test(arguments: Language.allCases)
    func scenarioListWithAFormError(_ language: Language) {
        let values = ScenarioForm.Values(name: "徐汇新校", years: "16", changes: [.init(district: "310104", year: "20x7", seats: "200", label: "徐汇区第二小学")])
        let problems = [ScenarioForm.Problem(field: "years", message: .planningYearsRange(maximum: 15, typed: "16")),
                        ScenarioForm.Problem(field: "year_0", message: .planningChangeProblem(row: 1, .planningChangeYearRange(first: 2026, last: 2040, typed: "20x7")))]
        let model = ScenarioListPage.Model(scenarios: [Self.scenarioRow], form: Self.form(problems: problems, values: values))
        Self.snapshot(ScenarioListPage.View(chrome: Self.chrome(language, flash: .error(.forms(.fixBelow))), model: model,
                                            address: PageAddress(path: "/planning/scenarios")),
                      "planningScenarios", language)
    }

    @Test(arguments: Language.allCases)
    func scenarioPage(_ language: Language) {
        let model = ScenarioPage.Model(id: "s-1", name: "徐汇新校", scope: .planning(.wholeCity), births: .planningBirths(.constant), owner: "市管理员",
                                       updated: Self.scenarioRow.updated, horizon: 2, projectedYears: 2026...2027, stages: Self.stages, gaps: Self.gaps,
                                       form: Self.form(values: ScenarioForm.Values(name: "徐汇新校", years: "2")))
        Self.snapshot(ScenarioPage.View(chrome: Self.chrome(language, flash: .success(.planning(.scenarioSaved))), model: model,
                                        address: PageAddress(path: "/planning/scenarios/s-1", rawQuery: "saved=1")),
                      "planningScenario", language)
    }

    static let comparison = ScenarioComparisonPage.Model(
        choices: choices, a: nil, b: "s-1", nameA: "基准情景", nameB: "徐汇新校", birthsA: .planningBirths(.constant), birthsB: .planningBirths(.constant),
        lastYear: 2027, stages: [.primary],
        rows: [.init(districtCode: "310101", districtName: "黄浦区", year: 2027, stage: .primary, demandA: 850, seatsA: 1_000, demandB: 850, seatsB: 1_000),
               .init(districtCode: "310104", districtName: "徐汇区", year: 2027, stage: .primary, demandA: 1_150, seatsA: 900, demandB: 1_150, seatsB: 1_100)],
        sort: TableSort(key: "gap-a", direction: .descending))

    @Test(arguments: Language.allCases)
    func comparisonPage(_ language: Language) {
        Self.snapshot(ScenarioComparisonPage.View(chrome: Self.chrome(language), model: Self.comparison,
                                                  address: PageAddress(path: "/planning/compare", rawQuery: "a=baseline&b=s-1&sort=gap-a&dir=desc")),
                      "planningComparison", language)
    }

    // MARK: What the pages say

    @Test func chinesePagesShowNoCodesEnglishOrISOTimes() {
        let pages: [String] = [
            PlanningOverviewPage.View(chrome: Self.chrome(.zh), model: Self.overview(), address: PageAddress(path: "/planning")).render(),
            PlanningBacktestPage.View(chrome: Self.chrome(.zh), model: Self.backtest, address: PageAddress(path: "/planning/backtest")).render(),
            ScenarioListPage.View(chrome: Self.chrome(.zh), model: ScenarioListPage.Model(scenarios: [Self.scenarioRow], form: Self.form()),
                                  address: PageAddress(path: "/planning/scenarios")).render(),
            ScenarioComparisonPage.View(chrome: Self.chrome(.zh), model: Self.comparison, address: PageAddress(path: "/planning/compare")).render(),
        ]
        for html in pages {
            // The words of the page: text between tags, attributes removed.
            // The births series is typed as district code,year,births: its hint's example is the one code a planner needs.
            let words = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: Phrase.planning(.birthsSeriesHint).zh, with: "")
            for code in ["310101", "310104", "primary", "senior", "constant", "trend", "opening", "closure", "2026-12-06T", "births", "year_0"] {
                #expect(!words.contains(code), "\(code) in a Chinese page")
            }
            // Only names of formats and the language switch (which reads in its own language).
            let latin = try! NSRegularExpression(pattern: "[A-Za-z]{2,}")
            let found = Set(latin.matches(in: words, range: NSRange(words.startIndex..., in: words)).map { (words as NSString).substring(with: $0.range) })
            #expect(found.isSubset(of: ["CSV", "Excel", "XLSX", "English"]), "English words in a Chinese page: \(found)")
        }
    }

    @Test func findingsNameTheWorstYearAndTheEmptySeats() {
        let table = PlanningTables.findings(Self.gaps, stages: Self.stages, lastYear: 2027)
        #expect(table.rows[0][1] == .phrase(.planningShortEntry(district: "徐汇区", gap: 250, year: 2027, schools: 1)))
        #expect(table.rows[0][2] == .phrase(.planningEmptyEntry(district: "黄浦区", percent: 15)), "150 of 1,000 seats empty in 2027")
        #expect(table.rows[1][1] == .phrase(.planningShortEntry(district: "黄浦区", gap: 40, year: 2027, schools: 0)))
        #expect(table.rows[1][2] == .phrase(.planning(.none)))
        #expect(Phrase.planningShortEntry(district: "徐汇区", gap: 1_250, year: 2027, schools: 1).zh == "徐汇区 +1,250（2027 年，约 1 所标准校）")
    }

    @Test func gapsAreShadedByTheirShareOfTheSeats() {
        #expect(GapShade.cssClass(gap: 0, seats: 900) == "gap-even")
        #expect(GapShade.cssClass(gap: 200, seats: 900) == "gap-short-3")
        #expect(GapShade.cssClass(gap: 40, seats: 900) == "gap-short-1")
        #expect(GapShade.cssClass(gap: -100, seats: 900) == "gap-surplus-2")
        #expect(GapShade.cssClass(gap: 5, seats: 0) == "gap-short-3", "any shortfall where there are no seats")
        #expect(GapShade.cssClass(gap: Int.min, seats: Int.max) == "gap-surplus-3", "extremes do not trap")
        let html = DataTable.content(of: GapShade.cell(gap: 200, seats: 900, note: .planningGapNote(demand: 1_100, seats: 900)), language: .zh).render()
        #expect(html == "<span class=\"gap-short-3\" title=\"需求 1,100，学位 900\">+200</span>")
        #expect(GapShade.cell(gap: -35, seats: 900).exportValue(.zh) == .integer(-35), "downloads hold the number")
    }

    @Test func stageTablesSortByAnyYearWithTiesByDistrictCode() {
        func order(_ sort: TableSort) -> [String] {
            PlanningOverviewPage.stageTable(Self.overview(sort: sort), .primary).rows.map { row in
                if case .link(let name, _) = row[0] { return name } else { return "" }
            }
        }
        #expect(order(TableSort(key: "district")) == ["黄浦区", "徐汇区"])
        #expect(order(TableSort(key: "district", direction: .descending)) == ["徐汇区", "黄浦区"])
        #expect(order(TableSort(key: "y2027", direction: .descending)) == ["徐汇区", "黄浦区"])
        #expect(order(TableSort(key: "seats")) == ["徐汇区", "黄浦区"], "900 seats before 1,000")
        #expect(PlanningTables.stageSortKeys(years: 2026...2027) == ["district", "seats", "y2026", "y2027"])
        let link = PlanningOverviewPage.stageTable(Self.overview(), .primary).rows[0][0]
        #expect(link == .link("黄浦区", href: "/planning/districts/310101?scenario=baseline&years=2"))
    }

    @Test func backtestAndComparisonSortTheirLongTables() {
        func districts(_ sort: TableSort) -> [String] {
            PlanningBacktestPage.sorted(Self.backtest.cells, by: sort).map { "\($0.districtName)\($0.horizon)" }
        }
        #expect(districts(TableSort(key: "district")) == ["黄浦区1", "黄浦区2", "徐汇区1"])
        #expect(districts(TableSort(key: "ape", direction: .descending)) == ["黄浦区1", "徐汇区1", "黄浦区2"], "no percentage last")
        #expect(districts(TableSort(key: "error")) == ["黄浦区1", "黄浦区2", "徐汇区1"])
        let rows = ScenarioComparisonPage.sorted(Self.comparison.rows, by: TableSort(key: "seats-difference", direction: .descending))
        #expect(rows.map(\.districtName) == ["徐汇区", "黄浦区"])
        let totals = ScenarioComparisonPage.totalsTable(Self.comparison).rows[0]
        #expect(totals == [.phrase(.stage(.primary)), .number(2_000), .number(250), .number(150), .number(2_000), .number(50), .number(150)])
    }

    @Test func theFormKeepsWhatWasTypedAndPutsEachProblemBesideItsField() {
        let values = ScenarioForm.Values(fields: ["name": "徐汇 <新校>", "years": "ten", "kind_0": "closure", "district_0": "310104",
                                                  "stage_0": "senior", "year_0": "2027", "seats_0": "9223372036854775807", "label_0": "",
                                                  "kind_1": "opening", "year_1": "", "seats_1": "", "label_1": "", "kind_45": "opening", "year_45": "2030"])
        #expect(values.changes.count == 1, "blank rows and rows past the limit are not read")
        let problems = [ScenarioForm.Problem(field: "seats_0", message: .planningChangeProblem(row: 1, .planningSeatsRange(maximum: 100_000, typed: values.changes[0].seats)))]
        let html = ScenarioFormView(model: Self.form(problems: problems, values: values), csrfToken: "t", language: .zh).render()
        #expect(html.contains("value=\"徐汇 &lt;新校&gt;\"") && html.contains("value=\"ten\"") && html.contains("value=\"9223372036854775807\""))
        #expect(html.contains("<option value=\"closure\" selected>") && html.contains("<option value=\"senior\" selected>"))
        #expect(html.contains("<li data-field=\"seats_0\"><a href=\"#seats_0\">第 1 行：学位数须为 1–100,000 的整数"))
        #expect(html.contains("<p id=\"seats_0-error\" class=\"field-error\">第 1 行：学位数须为"))
        #expect(html.contains("name=\"seats_3\""), "the typed row and three blank ones")
        #expect(!html.contains("name=\"seats_4\""))
        let full = ScenarioForm.Values(changes: Array(repeating: .init(district: "310101", year: "2027", seats: "1"), count: ScenarioForm.maxChanges))
        let fullHTML = ScenarioFormView(model: Self.form(values: full), csrfToken: "t", language: .zh).render()
        #expect(fullHTML.contains("name=\"seats_39\"") && !fullHTML.contains("name=\"seats_40\""), "no row the server would not read")
    }

    @Test func lineChartPlacesLinesAndBandsOnTheAxes() {
        let chart = LineChart(title: .verbatim("t"), lines: [.init(name: .verbatim("a"), colour: "#000", points: [.init(x: 2020, y: 0), .init(x: 2030, y: 1000)])],
                              bands: [.init(name: .verbatim("b"), colour: "#00f", points: [.init(x: 2020, low: 0, high: 0), .init(x: 2030, low: 500, high: 1000)])],
                              language: .zh)
        let svg = chart.render()
        // x: 64 … 624; y: 0 at 252, the top (1,000) at 34.
        #expect(svg.contains("<polyline points=\"64.0,252.0 624.0,34.0\""))
        #expect(svg.contains("<polygon points=\"64.0,252.0 624.0,34.0 624.0,143.0 64.0,252.0\""))
        #expect(svg.contains(">1,000</text>"))
    }
}
