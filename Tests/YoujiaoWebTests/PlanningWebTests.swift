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
            #expect(html.contains("<span class=\"gap-short-3\" title=\"需求 1,100，学位 900\">+200</span>"), "徐汇区 primary, 200 of 900 = 22 %")
            #expect(html.contains("<span class=\"gap-even\" title=\"需求 1,000，学位 1,000\">0</span>"), "黄浦区 primary")
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
            #expect(bad.body.string.contains("预测年数须为 1–15 的整数，收到“16”"), "the field in words")
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
            #expect(page.body.string.contains("平均绝对百分比误差") && page.body.string.contains("2020"), "origin 2020 for five held-out years")
            let csv = try await client.send(.GET, "/planning/backtest.csv?holdout=2&births=constant")
            let lines = csv.body.string.split(separator: "\n").map(String.init)
            #expect(lines.first == "\u{FEFF}scope,district,stage,horizon,n,mape_percent,mean_error")
            #expect(lines.contains("horizon,,,1,8,0.00,0.0"), "constant ratios and births: no error")
            #expect(lines.contains("city,city,primary,2,1,0.00,0.0"))
            let tooLong = try await client.send(.GET, "/planning/backtest?holdout=7")
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.body.string.contains("回测年数须为 1–6 的整数（历史 2016–2025 年），收到“7”"))
            let badBirths = try await client.send(.GET, "/planning/backtest.csv?births=rising")
            #expect(badBirths.status == .badRequest && badBirths.body.string.contains("出生假设须为"))
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
            #expect(created.headers.first(name: .location) == "/planning/scenarios/\(stored.id)?saved=1")

            let page = try await client.send(.GET, "/planning/scenarios/\(stored.id)?saved=1")
            #expect(page.status == .ok && page.body.string.contains("徐汇区第二小学"))
            #expect(page.body.string.contains("<p class=\"flash flash-success\" role=\"status\">情景已保存。</p>"), "a success message")
            #expect(!(try await client.send(.GET, "/planning/scenarios/\(stored.id)").body.string.contains("情景已保存")),
                    "only after a save")
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
            #expect(edited.status == .seeOther && edited.headers.first(name: .location) == "/planning/scenarios/\(stored.id)?saved=1")
            let updated = try #require(try await PlanningScenarioStore(h.app.db).scenario(id: stored.id))
            #expect(updated.scenario.name == "徐汇关停" && updated.scenario.births == .linearTrend(years: 4))
            #expect(updated.scenario.openings.isEmpty && updated.scenario.closures.map(\.seats) == [60])
            #expect(updated.createdAt == stored.createdAt && updated.ownerUserID == stored.ownerUserID)

            #expect(try await client.send(.POST, "/planning/scenarios/\(stored.id)/delete", form: [:]).status == .forbidden, "CSRF")
            // Deleting asks first: the page says what goes, and a post without the confirmation deletes nothing.
            let confirm = try await client.send(.GET, "/planning/scenarios/\(stored.id)/delete")
            #expect(confirm.status == .ok && confirm.body.string.contains("confirm-panel") && confirm.body.string.contains("徐汇关停"))
            #expect(confirm.body.string.contains("name=\"confirmed\" value=\"yes\""))
            let unconfirmed = try await client.send(.POST, "/planning/scenarios/\(stored.id)/delete", form: ["_csrf": token])
            #expect(unconfirmed.status == .seeOther && unconfirmed.headers.first(name: .location) == "/planning/scenarios/\(stored.id)/delete")
            #expect(try await PlanningScenarioStore(h.app.db).scenario(id: stored.id) != nil, "not deleted without confirming")
            let deleted = try await client.send(.POST, "/planning/scenarios/\(stored.id)/delete", form: ["_csrf": token, "confirmed": "yes"])
            #expect(deleted.status == .seeOther && deleted.headers.first(name: .location) == "/planning/scenarios?deleted=1")
            #expect(try await client.send(.GET, "/planning/scenarios?deleted=1").body.string.contains("情景已删除。"))
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
                let html = response.body.string
                if field != "scenario" {
                    #expect(html.contains("id=\"\(field)-error\""), "\(fields): the message stands beside \(field)")
                    #expect(html.contains("<a href=\"#\(field)\">"), "\(fields): the summary links to the field")
                }
                #expect(html.contains("未保存：请更正下面标出的内容。"))
                for code in ["year_0", "seats_0", "trend_years", "births_series", "opening", "closure"] {
                    #expect(!html.contains(">\(code)") && !html.contains("\(code)<") && !html.contains(" \(code) "),
                            "\(fields): no field code \(code) in the words of the page")
                }
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
            #expect(try await district.send(.POST, "/planning/scenarios/\(citywide.id)/delete", form: ["_csrf": token, "confirmed": "yes"]).status == .forbidden)
            #expect(try await district.send(.GET, "/planning/scenarios/\(citywide.id)/delete").status == .forbidden)
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

    // MARK: Tables: downloads in the page's words, server sort

    @Test func everyTableDownloadsWholeInThePagesLanguage() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            let csv = try await client.send(.GET, "/planning/download/seat-gaps.csv?years=3")
            #expect(csv.status == .ok && csv.headers.first(name: .contentDisposition)?.contains("planning-seat-gaps.csv") == true)
            let lines = csv.body.string.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.first == "\u{FEFF}区,学段,年份,需求,学位,缺口,约缺标准校（所）")
            #expect(lines.contains { $0.hasPrefix("徐汇区,小学,2026,1100,900,200,") })
            #expect(lines.contains("黄浦区,小学,2028,1000,1000,0,0"))
            #expect(lines.count == 25, "a header, 2 districts × 3 years × 4 stages: the whole result")
            #expect(!csv.body.string.contains("310104") && !csv.body.string.contains("primary"), "names and labels, not codes")

            let xlsx = try await client.send(.GET, "/planning/download/seat-gaps.xlsx?years=3")
            #expect(xlsx.status == .ok && xlsx.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            #expect(xlsx.body.string.hasPrefix("PK"), "a ZIP (XLSX) workbook")
            #expect(xlsx.headers.first(name: .contentDisposition)?.contains("planning-seat-gaps.xlsx") == true)

            for path in ["/planning/download/findings.csv", "/planning/download/gaps-senior.xlsx", "/planning/districts/310104/download/years.csv",
                         "/planning/districts/310104/download/years.xlsx", "/planning/backtest/download/cells.csv",
                         "/planning/backtest/download/horizons.xlsx", "/planning/backtest/download/groups.csv",
                         "/planning/compare/download/detail.csv?a=baseline&b=baseline", "/planning/compare/download/totals.xlsx",
                         "/planning/scenarios/download/scenarios.csv"] {
                #expect(try await client.send(.GET, path).status == .ok, "\(path)")
            }
            let years = try await client.send(.GET, "/planning/districts/310104/download/years.csv?years=5").body.string
            #expect(years.hasPrefix("\u{FEFF}学段,年份,类型,学生数,低,高,学位,缺口"))
            #expect(years.contains("小学,2030,预测,1100,1100,1100,900,200"))
            for path in ["/planning/download/nothing.csv", "/planning/download/seat-gaps.pdf", "/planning/download/seat-gaps"] {
                #expect(try await client.send(.GET, path).status == .notFound, "\(path)")
            }

            _ = try await client.send(.GET, "/lang/en")
            let english = try await client.send(.GET, "/planning/download/seat-gaps.csv?years=3").body.string
            #expect(english.hasPrefix("\u{FEFF}District,Stage,Year,Demand,Seats,Gap,Standard schools short"))
            #expect(english.contains("徐汇区,Primary,2026,1100,900,200,"))

            let district = h.client()
            try await district.login("huangpu")
            let own = try await district.send(.GET, "/planning/download/seat-gaps.csv").body.string
            #expect(own.contains("黄浦区") && !own.contains("徐汇区"), "a district planner downloads their district only")
            #expect(try await district.send(.GET, "/planning/districts/310104/download/years.csv").status == .forbidden)
        }
    }

    @Test func tablesSortOnTheServerAndRefuseUnknownColumns() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            /// The order of the two districts in the primary table of the page.
            func primaryOrder(_ query: String) async throws -> [String] {
                let html = try await client.send(.GET, "/planning?years=3&\(query)").body.string
                let table = try #require(html.range(of: "id=\"gaps-primary-caption\"")).upperBound
                let body = String(html[table...]).components(separatedBy: "</table>")[0]
                return ["徐汇区", "黄浦区"].sorted { body.range(of: ">\($0)</a>")!.lowerBound < body.range(of: ">\($1)</a>")!.lowerBound }
            }
            #expect(try await primaryOrder("") == ["黄浦区", "徐汇区"], "by district code by default")
            #expect(try await primaryOrder("sort=y2026&dir=desc") == ["徐汇区", "黄浦区"], "the largest shortfall first")
            #expect(try await primaryOrder("sort=y2026&dir=asc") == ["黄浦区", "徐汇区"])
            #expect(try await primaryOrder("sort=district&dir=desc") == ["徐汇区", "黄浦区"])
            let sorted = try await client.send(.GET, "/planning?years=3&sort=y2026&dir=desc").body.string
            #expect(sorted.contains("aria-sort=\"descending\""))
            // The download keeps the order of the page.
            let csv = try await client.send(.GET, "/planning/download/gaps-primary.csv?years=3&sort=y2026&dir=desc").body.string
            #expect(csv.split(whereSeparator: \.isNewline).dropFirst().first?.hasPrefix("徐汇区,") == true)

            for path in ["/planning?sort=bogus", "/planning?sort=y2099", "/planning?sort=district&dir=sideways", "/planning/backtest?sort=name",
                         "/planning/compare?sort=owner", "/planning/scenarios?sort=births"] {
                let response = try await client.send(.GET, path)
                #expect(response.status == .badRequest, "\(path)")
                #expect(response.body.string.contains("无法按该列排序"), "\(path)")
            }
            // Numbers from the query are bounded before use: a 400 in words, never a trap.
            for (path, words) in [("/planning?years=0", "预测年数须为"), ("/planning?years=99999999999999999999", "预测年数须为"),
                                  ("/planning/districts/310104?years=-3", "预测年数须为"), ("/planning/compare?years=abc", "预测年数须为"),
                                  ("/planning/download/seat-gaps.csv?years=16", "预测年数须为"),
                                  ("/planning/backtest?holdout=99999999999999999999", "回测年数须为"), ("/planning/backtest?holdout=0", "回测年数须为")] {
                let response = try await client.send(.GET, path)
                #expect(response.status == .badRequest && response.body.string.contains(words), "\(path)")
            }
            let byError = try await client.send(.GET, "/planning/backtest?births=constant&holdout=2&sort=ape&dir=desc")
            #expect(byError.status == .ok && byError.body.string.contains("aria-sort=\"descending\""))
            let compare = try await client.send(.GET, "/planning/compare?a=baseline&b=baseline&years=2&sort=gap-a&dir=desc").body.string
            let detail = String(compare[try #require(compare.range(of: "id=\"detail-caption\"")).upperBound...])
            #expect(try #require(detail.range(of: "<th scope=\"row\">徐汇区</th>")).lowerBound
                    < (try #require(detail.range(of: "<th scope=\"row\">黄浦区</th>"))).lowerBound, "徐汇区 lacks seats, 黄浦区 does not")
        }
    }

    @Test func aFormWithMistakesComesBackAsTypedThenSaves() async throws {
        try await Self.withPlanning { h in
            let client = h.client()
            try await client.login("city")
            let token = try await client.csrf(from: "/planning/scenarios")
            let label = String(repeating: "新", count: 60)
            let typed = Self.scenarioForm(token, ["name": "徐汇 <新校>", "seats_0": "两百", "year_0": "2027", "label_0": label,
                                                  "births": "trend", "trend_years": "4",
                                                  "kind_1": "closure", "district_1": "310101", "stage_1": "primary", "year_1": "2028", "seats_1": "0"])
            let response = try await client.send(.POST, "/planning/scenarios", form: typed)
            #expect(response.status == .badRequest)
            let html = response.body.string
            #expect(html.contains("value=\"徐汇 &lt;新校&gt;\""), "the name as typed, escaped")
            #expect(html.contains("value=\"两百\"") && html.contains("value=\"\(label)\""), "the row as typed")
            #expect(html.contains("<option value=\"trend\" selected>"), "the births choice kept")
            #expect(html.contains("value=\"4\""))
            #expect(html.contains("<option value=\"closure\" selected>") && html.contains("value=\"2028\""), "the second row kept")
            #expect(html.contains("id=\"seats_0-error\" class=\"field-error\">第 1 行：学位数须为 1–100,000 的整数，收到“两百”。"))
            #expect(html.contains("id=\"seats_1-error\" class=\"field-error\">第 2 行：学位数须为 1–100,000 的整数，收到“0”。"))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(try await PlanningScenarioStore(h.app.db).scenarios().isEmpty)

            // Corrected, it saves and says so.
            let fixed = try await client.send(.POST, "/planning/scenarios", form: typed.merging(["seats_0": "200", "seats_1": "50"]) { $1 })
            #expect(fixed.status == .seeOther)
            let stored = try #require(try await PlanningScenarioStore(h.app.db).scenarios().first)
            #expect(stored.scenario.name == "徐汇 <新校>" && stored.scenario.closures.map(\.seats) == [50])
            let page = try await client.send(.GET, fixed.headers.first(name: .location) ?? "")
            #expect(page.body.string.contains("情景已保存。"))
            #expect(!page.body.string.contains(stored.updatedAt), "the time in Beijing time, not the stored ISO text")

            // An edit with a mistake keeps the edit, not the stored values.
            let edit = try await client.send(.POST, "/planning/scenarios/\(stored.id)", form: typed.merging(["name": "改名", "years": "99"]) { $1 })
            #expect(edit.status == .badRequest && edit.body.string.contains("value=\"改名\"") && edit.body.string.contains("value=\"99\""))
            #expect(edit.body.string.contains("预测年数须为 1–15 的整数，收到“99”。"))
        }
    }
}
