import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// The planning pages over real HTTP on the fixture city with PlanningFixture's history:
/// 徐汇区 lacks 200 primary seats every year, 黄浦区 has exactly enough.
@Suite("School-place planning pages")
struct PlanningWebTests {
    static func withPlanning(_ body: (WebHarness) async throws -> Void) async throws {
        try await WebHarness.with { h in
            try await PlanningFixture.loadHistory(into: h.registry)
            try await body(h)
        }
    }

    @Test func cityOverviewColoursGapsAndDownloadsThem() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            let page = try await client.send(.GET, "/planning")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("学位供需规划") && html.contains("黄浦区") && html.contains("徐汇区"))
            #expect(html.contains("<span class=\"gap-short-3\" title=\"需求 1100，学位 900\">+200</span>"), "徐汇区 primary, 200 of 900 = 22 %")
            #expect(html.contains("<span class=\"gap-even\" title=\"需求 1000，学位 1000\">0</span>"), "黄浦区 primary")
            #expect(html.contains("2026") && html.contains("2035"), "ten years by default")
            #expect(html.contains("href=\"/planning\""), "the navigation links to planning")
            let csv = try await client.send(.GET, "/planning/gaps.csv?years=3")
            #expect(csv.headers.first(name: .contentDisposition)?.contains("gaps.csv") == true)
            let lines = csv.body.string.split(separator: "\n").map(String.init)
            #expect(lines.first == "\u{FEFF}district,year,stage,demand,seats,gap")
            #expect(lines.contains("310104,2026,primary,1100,900,200"))
            #expect(lines.contains("310101,2028,primary,1000,1000,0"))
            #expect(lines.count == 25, "a header, 2 districts × 3 years × 4 stages")
            let bad = try await client.send(.GET, "/planning?years=16")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("years"))
        }
    }

    @Test func districtPageDrawsTheChartAndTable() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            let page = try await client.send(.GET, "/planning/districts/310104?years=5")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.components(separatedBy: "<svg").count - 1 == 4, "one chart per stage")
            #expect(html.contains("<polygon"), "the low–high band")
            #expect(html.contains("<polyline"))
            let csv = try await client.send(.GET, "/planning/districts/310104/plan.csv?years=5")
            let lines = csv.body.string.split(separator: "\n").map(String.init)
            #expect(lines.contains("310104,primary,2025,observed,1100,,,,"))
            #expect(lines.contains("310104,primary,2030,projected,1100,1100,1100,900,200"))
            #expect(try await client.send(.GET, "/planning/districts/310199").status == .notFound)
        }
    }

    @Test func backtestReportsErrorsAndRefusesABadHoldout() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            let page = try await client.send(.GET, "/planning/backtest")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("MAPE") && page.body.string.contains("2020"), "origin 2020 for five held-out years")
            let csv = try await client.send(.GET, "/planning/backtest.csv?holdout=2&births=constant")
            let lines = csv.body.string.split(separator: "\n").map(String.init)
            #expect(lines.first == "\u{FEFF}scope,district,stage,horizon,n,mape_percent,mean_error")
            #expect(lines.contains("horizon,,,1,8,0.00,0.0"), "constant ratios and births: no error")
            #expect(lines.contains("city,city,primary,2,1,0.00,0.0"))
            let tooLong = try await client.send(.GET, "/planning/backtest?holdout=7")
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.body.string.contains("holdout"))
            let badBirths = try await client.send(.GET, "/planning/backtest.csv?births=rising")
            #expect(badBirths.status == .badRequest && badBirths.body.string.contains("births"))
        }
    }

    @Test func planningIsForCityAndDistrictPlannersInTheirScope() async throws {
        try await Self.withPlanning { h in
            let anonymous = try await h.client().send(.GET, "/planning")
            #expect(anonymous.status == .seeOther)
            for username in ["school", "parent-a"] {
                let client = h.client()
                try await client.login(username)
                for path in ["/planning", "/planning/gaps.csv", "/planning/districts/310101", "/planning/backtest", "/planning/scenarios",
                             "/planning/compare?a=baseline&b=baseline"] {
                    #expect(try await client.send(.GET, path).status == .forbidden, "\(username) \(path)")
                }
                let token = try await client.csrf(from: "/login")
                #expect(try await client.send(.POST, "/planning/scenarios", form: ["_csrf": token, "name": "x"]).status == .forbidden)
            }

            let district = h.client()
            try await district.login("huangpu")
            let own = try await district.send(.GET, "/planning")
            #expect(own.status == .ok)
            #expect(own.body.string.contains("黄浦区") && !own.body.string.contains("徐汇区"), "only their district")
            #expect(try await district.send(.GET, "/planning/districts/310101").status == .ok)
            #expect(try await district.send(.GET, "/planning/districts/310104").status == .forbidden)
            #expect(try await district.send(.GET, "/planning/districts/310104/plan.csv").status == .forbidden)
            let csv = try await district.send(.GET, "/planning/gaps.csv").body.string
            #expect(csv.contains("310101,") && !csv.contains("310104"))
            let backtest = try await district.send(.GET, "/planning/backtest.csv").body.string
            #expect(backtest.contains("310101") && !backtest.contains("310104"))
        }
    }

    // MARK: Scenarios

    static func scenarioForm(_ token: String, _ fields: [String: String] = [:]) -> [String: String] {
        ["_csrf": token, "name": "徐汇新校", "district": "", "years": "5", "births": "constant", "trend_years": "5", "births_series": "",
         "kind_0": "opening", "district_0": "310104", "stage_0": "primary", "year_0": "2027", "seats_0": "200", "label_0": "徐汇区第二小学",
         "kind_1": "opening", "district_1": "", "stage_1": "primary", "year_1": "", "seats_1": "", "label_1": ""]
            .merging(fields) { $1 }
    }

    @Test func aCityPlannerCreatesEditsComparesAndDeletesAScenario() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            let token = try await client.csrf(from: "/planning/scenarios")
            let created = try await client.send(.POST, "/planning/scenarios", form: Self.scenarioForm(token))
            #expect(created.status == .seeOther)
            let stored = try #require(try await PlanningScenarioStore(h.app.db).scenarios().first)
            #expect(stored.scenario.openings == [SeatChange(districtCode: "310104", stage: .primary, year: 2027, seats: 200, label: "徐汇区第二小学")])
            #expect(stored.ownerName == "市管理员" && stored.districtCode == nil && stored.horizon == 5)
            #expect(created.headers.first(name: .location) == "/planning/scenarios/\(stored.id)")

            let page = try await client.send(.GET, "/planning/scenarios/\(stored.id)")
            #expect(page.status == .ok && page.body.string.contains("徐汇区第二小学"))
            let gaps = try await client.send(.GET, "/planning/gaps.csv?scenario=\(stored.id)").body.string
            #expect(gaps.contains("310104,2026,primary,1100,900,200") && gaps.contains("310104,2027,primary,1100,1100,0"))

            let compare = try await client.send(.GET, "/planning/compare?a=baseline&b=\(stored.id)")
            #expect(compare.status == .ok && compare.body.string.contains("徐汇新校"))
            let compareCSV = try await client.send(.GET, "/planning/compare.csv?a=baseline&b=\(stored.id)").body.string
            #expect(compareCSV.contains("310104,2027,primary,1100,900,200,1100,1100,0"))
            #expect(compareCSV.contains("310104,2026,primary,1100,900,200,1100,900,200"))

            // Edit: a trend assumption and a closure instead of the opening.
            let edited = try await client.send(.POST, "/planning/scenarios/\(stored.id)", form: Self.scenarioForm(token, [
                "name": "徐汇关停", "births": "trend", "trend_years": "4", "kind_0": "closure", "seats_0": "60"]))
            #expect(edited.status == .seeOther)
            let updated = try #require(try await PlanningScenarioStore(h.app.db).scenario(id: stored.id))
            #expect(updated.scenario.name == "徐汇关停" && updated.scenario.births == .linearTrend(years: 4))
            #expect(updated.scenario.openings.isEmpty && updated.scenario.closures.map(\.seats) == [60])
            #expect(updated.createdAt == stored.createdAt && updated.ownerUserID == stored.ownerUserID)

            #expect(try await client.send(.POST, "/planning/scenarios/\(stored.id)/delete", form: [:]).status == .forbidden, "CSRF")
            #expect(try await client.send(.POST, "/planning/scenarios/\(stored.id)/delete", form: ["_csrf": token]).status == .seeOther)
            #expect(try await client.send(.GET, "/planning/scenarios/\(stored.id)").status == .notFound)
        }
    }

    @Test func malformedScenarioFormsNameTheFieldAndStoreNothing() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            let token = try await client.csrf(from: "/planning/scenarios")
            let cases: [(fields: [String: String], field: String)] = [
                (["year_0": "20x7"], "year_0"),
                (["year_0": "2019"], "year_0"),
                (["seats_0": "-5"], "seats_0"),
                // Once a trap that stopped the server: the seat sums overflowed.
                (["seats_0": "9223372036854775807"], "seats_0"),
                (["seats_0": "100001"], "seats_0"),
                (["district_0": "999999"], "district_0"),
                (["district": "999999"], "district"),
                (["years": "16"], "years"),
                (["years": "ten"], "years"),
                (["name": "  "], "name"),
                (["births": "trend", "trend_years": "1"], "trend_years"),
                (["births": "series", "births_series": "district,year,births\n310104,2025,abc\n"], "births_series"),
                // Births must reach the last year needed (K1 of 2030 was born in 2027): the projection says so.
                (["births": "series", "births_series": "district,year,births\n310104,2025,190\n"], "scenario"),
                // Closing more kindergarten seats than there are (none).
                (["kind_0": "closure", "stage_0": "kindergarten"], "scenario"),
            ]
            for (fields, field) in cases {
                let response = try await client.send(.POST, "/planning/scenarios", form: Self.scenarioForm(token, fields))
                #expect(response.status == .badRequest, "\(fields)")
                #expect(response.body.string.contains("<li data-field=\"\(field)\">"), "\(fields) names \(field)")
                #expect(response.body.string.contains("value=\"徐汇新校\"") || fields["name"] != nil, "the form comes back as sent")
            }
            let noToken = try await client.send(.POST, "/planning/scenarios", form: Self.scenarioForm(token).filter { $0.key != "_csrf" })
            #expect(noToken.status == .forbidden)
            #expect(try await PlanningScenarioStore(h.app.db).scenarios().isEmpty, "nothing was stored")
        }
    }

    @Test func aDistrictPlannerPlansOnlyTheirDistrict() async throws {
        try await Self.withPlanning { h in
            let city = h.client()
            try await city.login("city")
            let cityToken = try await city.csrf(from: "/planning/scenarios")
            #expect(try await city.send(.POST, "/planning/scenarios", form: Self.scenarioForm(cityToken)).status == .seeOther)
            let citywide = try #require(try await PlanningScenarioStore(h.app.db).scenarios().first)

            let district = h.client()
            try await district.login("huangpu")
            let token = try await district.csrf(from: "/planning/scenarios")
            let list = try await district.send(.GET, "/planning/scenarios")
            #expect(!list.body.string.contains("徐汇新校"), "the citywide scenario is not listed")
            #expect(try await district.send(.GET, "/planning/scenarios/\(citywide.id)").status == .forbidden)
            #expect(try await district.send(.GET, "/planning/compare?a=baseline&b=\(citywide.id)").status == .forbidden)
            #expect(try await district.send(.POST, "/planning/scenarios/\(citywide.id)/delete", form: ["_csrf": token]).status == .forbidden)
            // Another district, or the whole city, as the scope: 403; a change in another district: 400.
            #expect(try await district.send(.POST, "/planning/scenarios", form: Self.scenarioForm(token, ["district": "310104"])).status == .forbidden)
            #expect(try await district.send(.POST, "/planning/scenarios", form: Self.scenarioForm(token)).status == .forbidden)
            let outside = try await district.send(.POST, "/planning/scenarios", form: Self.scenarioForm(token, ["district": "310101"]))
            #expect(outside.status == .badRequest && outside.body.string.contains("data-field=\"district_0\""))
            let own = try await district.send(.POST, "/planning/scenarios", form: Self.scenarioForm(token, [
                "name": "黄浦扩容", "district": "310101", "district_0": "310101", "stage_0": "kindergarten", "seats_0": "300"]))
            #expect(own.status == .seeOther)
            let mine = try #require(try await PlanningScenarioStore(h.app.db).scenarios(district: "310101").first)
            let gaps = try await district.send(.GET, "/planning/gaps.csv?scenario=\(mine.id)").body.string
            #expect(gaps.contains("310101,2026,kindergarten,600,0,600") && gaps.contains("310101,2027,kindergarten,600,300,300"))
            let compare = try await district.send(.GET, "/planning/compare.csv?a=\(mine.id)&b=baseline").body.string
            #expect(compare.contains("310101,2027,kindergarten,600,300,300,600,0,600") && !compare.contains("310104"))
            // The city planner sees it, and comparing it with the citywide one compares 黄浦区 alone.
            #expect(try await city.send(.GET, "/planning/scenarios/\(mine.id)").status == .ok)
            #expect(try await city.send(.GET, "/planning/districts/310104?scenario=\(mine.id)").status == .badRequest,
                    "a 黄浦区 scenario says nothing about 徐汇区")
            let both = try await city.send(.GET, "/planning/compare.csv?a=\(mine.id)&b=\(citywide.id)").body.string
            #expect(both.contains("310101,2027,kindergarten") && !both.contains("310104"))
        }
    }

    @Test func englishPages() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            _ = try await client.send(.GET, "/lang/en")
            #expect(try await client.send(.GET, "/planning").body.string.contains("School-place planning"))
            #expect(try await client.send(.GET, "/planning/backtest").body.string.contains("Projection backtest"))
        }
    }
}

@Suite("Line chart")
struct LineChartTests {
    @Test func axisRoundsUpToAFriendlyStep() {
        #expect(LineChart.axis(maximum: 1_100) == (1_500, 500))
        #expect(LineChart.axis(maximum: 96) == (100, 20))
        #expect(LineChart.axis(maximum: 0) == (1, 1))
    }

    @Test func linesAndBandsArePlacedOnTheAxes() {
        let chart = LineChart(title: "t", lines: [LineChart.Line(name: "a", colour: "#000", points: [.init(x: 2020, y: 0), .init(x: 2030, y: 1000)])],
                              bands: [LineChart.Band(name: "b", colour: "#00f", points: [(x: 2020, low: 0, high: 0), (x: 2030, low: 500, high: 1000)])])
        let svg = chart.svg
        // x: 64 … 624; y: 0 at 252, the top (1,000) at 34.
        #expect(svg.contains("<polyline points=\"64.0,252.0 624.0,34.0\""))
        #expect(svg.contains("<polygon points=\"64.0,252.0 624.0,34.0 624.0,143.0 64.0,252.0\""))
        #expect(svg.contains(">1,000</text>"))
    }
}
