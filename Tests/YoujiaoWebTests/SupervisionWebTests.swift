import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
import YoujiaoViews
@testable import YoujiaoWeb

/// Supervision pages over real HTTP, on SQLite by default and on PostgreSQL when DATABASE_URL is set.
@Suite("Supervision pages")
struct SupervisionWebTests {
    static let year = SupervisionStore.schoolYear(of: Date())
    static let huangpu = Fixture.huangpuSchool.id
    static let xuhui = Fixture.xuhuiSchool.id

    /// 黄浦's school reports everything (its one pupil makes every per-pupil figure large);
    /// 徐汇's school reports a floor area of 3 m² for its one pupil, under the 4.5 standard.
    static func withReports(_ body: (WebHarness) async throws -> Void) async throws {
        try await WebHarness.with { h in
            let timetable = Dictionary(uniqueKeysWithValues: Stage.primary.grades.map {
                ($0, GradeTimetable(peLessons: 5, activityLessons: 2, psychologyLessonsPerTwoWeeks: 1, weeklyPeriods: 30))
            })
            let reports = [
                SchoolReport(schoolID: huangpu, year: year, floorArea: 4500, sportsGroundArea: 7500, equipmentValue: 2_000_000,
                             multimediaClassrooms: 23, bandwidthMbps: 1000, timetable: timetable, dailyExerciseMinutes: 120,
                             homeVisits: 2, familyEducationActivities: 4),
                SchoolReport(schoolID: xuhui, year: year, floorArea: 3),
            ]
            try await SupervisionStore(h.app.db).replace(schoolReports: reports, submittedBy: "test")
            try await body(h)
        }
    }

    /// Each role × each route, with a record outside the role's scope.
    @Test func everyRouteChecksTheScopeOfItsRecords() async throws {
        try await Self.withReports { h in
            let year = "?year=\(Self.year)"
            // Expected status for city, district (黄浦), school (黄浦's school) and guardian.
            let matrix: [(path: String, city: HTTPStatus, district: HTTPStatus, school: HTTPStatus, guardian: HTTPStatus)] = [
                ("/supervision\(year)", .ok, .seeOther, .seeOther, .forbidden),
                ("/supervision/dashboard.csv\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/dashboard.xlsx\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310101\(year)", .ok, .ok, .forbidden, .forbidden),
                ("/supervision/districts/310104\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310104/results.csv\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310104/schools.xlsx\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310101/schools.csv\(year)", .ok, .ok, .forbidden, .forbidden),
                ("/supervision/districts/310101/indicators/BAL-FLOOR-PRIMARY\(year)", .ok, .ok, .forbidden, .forbidden),
                ("/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY/schools.csv\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310101/balance\(year)&stage=primary", .ok, .ok, .forbidden, .forbidden),
                ("/supervision/districts/310104/balance.csv\(year)&stage=primary", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310104/balance.xlsx\(year)&stage=primary", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/schools/\(Self.huangpu)\(year)", .ok, .ok, .ok, .forbidden),
                ("/supervision/schools/\(Self.xuhui)\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/schools/\(Self.xuhui)/results.csv\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/schools/\(Self.huangpu)/results.xlsx\(year)", .ok, .ok, .ok, .forbidden),
                ("/supervision/corrections\(year)", .ok, .ok, .ok, .forbidden),
                ("/supervision/corrections.csv\(year)&district=310104", .ok, .forbidden, .ok, .forbidden),
                ("/supervision/corrections.xlsx\(year)", .ok, .ok, .ok, .forbidden),
                ("/supervision/schools/\(Self.huangpu)/report\(year)", .forbidden, .ok, .ok, .forbidden),
                ("/supervision/schools/\(Self.xuhui)/report\(year)", .forbidden, .forbidden, .forbidden, .forbidden),
            ]
            var clients: [String: WebHarness.Client] = [:]
            for user in ["city", "huangpu", "school", "parent-a"] {
                let client = h.client()
                try await client.login(user)
                clients[user] = client
            }
            for row in matrix {
                for (user, expected) in [("city", row.city), ("huangpu", row.district), ("school", row.school), ("parent-a", row.guardian)] {
                    let status = try await clients[user]!.send(.GET, row.path).status
                    #expect(status == expected, "\(user) GET \(row.path): \(status.code), expected \(expected.code)")
                }
                #expect(try await h.client().send(.GET, row.path).status == .seeOther, "anonymous GET \(row.path) goes to the login page")
            }
            let home = try await clients["huangpu"]!.send(.GET, "/supervision\(year)")
            #expect(home.headers.first(name: .location) == "/supervision/districts/310101\(year)", "district staff start at their district")
            // A school admin's correction list holds only its own school, whatever district is asked for.
            let own = try await clients["school"]!.send(.GET, "/supervision/corrections.csv\(year)&district=310104").body.string
            #expect(!own.contains(Self.xuhui))
        }
    }

    @Test func theDashboardColoursEachDistrictFigureAndDownloads() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("city")
            let page = try await client.send(.GET, "/supervision?year=\(Self.year)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("黄浦区") && html.contains("徐汇区") && html.contains("<svg"))
            #expect(html.contains("badge badge-good") && html.contains("badge badge-bad") && html.contains("badge badge-neutral"))
            #expect(html.contains(#"<span class="visually-hidden">（未达标）</span>"#), "the colour's word is there for screen readers")
            // (The fixture's schools are teaching points under 50 pupils: the BAL-* figures leave them out, as the 优质均衡 assessment does.)
            #expect(html.contains("/supervision/districts/310104/indicators/CLASS-SIZE-PRIMARY?year=\(Self.year)"), "a figure links to its schools")
            #expect(!html.contains(">BAL-FLOOR-PRIMARY<") && !html.contains("<small>"), "no indicator code is printed")
            let response = try await client.send(.GET, "/supervision/dashboard.csv?year=\(Self.year)")
            let csv = response.body.string
            #expect(response.headers.first(name: .contentDisposition)?.contains("supervision-\(Self.year).csv") == true)
            #expect(csv.hasPrefix("\u{FEFF}指标,目标,全市,黄浦区,徐汇区\r\n"), "\(csv.prefix(80))")
            // Each district's one primary school has a pupil or two: under the 优质均衡 minimum of 50, so no district or
            // city BAL-* figure counts it (the school's own page still shows its 3 m² ÷ 1 pupil; Core's tests check the arithmetic).
            #expect(csv.contains("小学生均教学及辅助用房面积,≥ 100 %,无此类学校,无此类学校,无此类学校"), "\(csv)")
            #expect(csv.contains("适龄残疾儿童少年义务教育入学率,≥ 99 %,无数据,无数据,无数据"), "no district report: no data, never 0")
            #expect(!csv.contains("not-met") && !csv.contains("no-data") && !csv.contains("BAL-"), "labels, not codes")
            let english = h.client()
            try await english.login("city")
            _ = try await english.send(.GET, "/lang/en")
            let englishCSV = try await english.send(.GET, "/supervision/dashboard.csv?year=\(Self.year)").body.string
            #expect(englishCSV.contains("Indicator,Target,City,") && englishCSV.contains("No data"), "\(englishCSV.prefix(200))")
            let workbook = try await client.send(.GET, "/supervision/dashboard.xlsx?year=\(Self.year)")
            #expect(workbook.status == .ok && workbook.headers.contentType?.subType.contains("spreadsheetml") == true)
            #expect(workbook.body.string.hasPrefix("PK") && workbook.body.string.utf8.count > 500, "an XLSX is a ZIP file")
        }
    }

    @Test func aDistrictFigureOpensToItsSchoolsAndTheirCounts() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("city")
            let drill = try await client.send(.GET, "/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY?year=\(Self.year)").body.string
            #expect(drill.contains(Fixture.xuhuiSchool.name) && drill.contains("教学及辅助用房面积（平方米） 3；在校生 1"))
            #expect(!drill.contains("floor_area_m2"), "figures are named in words")
            #expect(drill.contains("/supervision/schools/\(Self.xuhui)?year=\(Self.year)"))
            let csv = try await client.send(.GET, "/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY/schools.csv?year=\(Self.year)").body.string
            #expect(csv.contains("学校标识码,校名,现值,结果,计算所用数据,缺少的数据"))
            #expect(csv.contains("\(Self.xuhui),\(Fixture.xuhuiSchool.name),3,未达标,教学及辅助用房面积（平方米） 3；在校生 1,"), "\(csv)")
            // A district-only ratio lists each school's part: 徐汇's school is public with its 1 non-local pupil.
            let migrants = try await client.send(.GET, "/supervision/districts/310104/indicators/MIGRANT-PUBLIC-SHARE?year=\(Self.year)").body.string
            #expect(migrants.contains("公办学校随迁子女 1；随迁子女 1") && migrants.contains("1 / 1"))
            let school = try await client.send(.GET, "/supervision/schools/\(Self.xuhui)?year=\(Self.year)").body.string
            #expect(school.contains("教师库中没有本校教师记录"), "no teacher records is said, not shown as zero")
            #expect(school.contains("/schools/\(Self.xuhui)"), "the registry page with the pupils is one click away")
            #expect(school.contains("/supervision/districts/310104?year=\(Self.year)"), "the city opens the school's district")
            let reported = try await client.send(.GET, "/supervision/schools/\(Self.huangpu)?year=\(Self.year)").body.string
            #expect(reported.contains("<dt>教学及辅助用房面积（平方米）</dt><dd>4,500</dd>"), "the report as stored")
            #expect(school.contains("<dt>教学及辅助用房面积（平方米）</dt><dd>3</dd>") && school.contains("<dt>本学年家访次数</dt><dd>未填</dd>"),
                    "a field left blank is said to be not reported")
            #expect(reported.contains(#"<th scope="row">教师总数</th><td class="num">1</td>"#), "the registry's teacher count")
            #expect(reported.contains(#"<th scope="row">交流轮岗</th><td class="num">区未报送</td>"#), "no rotation figures: said so")
            #expect(!reported.contains("not reported") && !reported.contains("no school report"), "reasons in words")
            let district = try await client.send(.GET, "/supervision/districts/310101?year=\(Self.year)").body.string
            #expect(district.contains(Fixture.huangpuSchool.name) && district.contains("balance?year=\(Self.year)&amp;stage=primary"))
            // School staff are not sent to a district page they may not open.
            let staff = h.client()
            try await staff.login("school")
            let own = try await staff.send(.GET, "/supervision/schools/\(Self.huangpu)?year=\(Self.year)").body.string
            #expect(!own.contains("/supervision/districts/310101"), "no link that ends in 403")
        }
    }

    @Test func tablesSortOnTheServerAndDownloadTheWholeList() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("city")
            // The city's correction list sorted by the gap, largest first: the page, the CSV and the XLSX in that order.
            let path = "/supervision/corrections?year=\(Self.year)&sort=gap-percent&dir=desc"
            let page = try await client.send(.GET, path).body.string
            #expect(page.contains(#"aria-sort="descending""#))
            let csv = try await client.send(.GET, "/supervision/corrections.csv?year=\(Self.year)&sort=gap-percent&dir=desc").body.string
            let lines = csv.split(whereSeparator: \.isNewline).dropFirst()
            let gaps = lines.compactMap { $0.split(separator: ",", omittingEmptySubsequences: false).last.flatMap { Double($0) } }
            #expect(gaps.count >= 2 && gaps == gaps.sorted(by: >), "\(gaps)")
            let ascending = try await client.send(.GET, "/supervision/corrections.csv?year=\(Self.year)&sort=gap-percent&dir=asc").body.string
            let ascendingGaps = ascending.split(whereSeparator: \.isNewline).dropFirst()
                .compactMap { $0.split(separator: ",", omittingEmptySubsequences: false).last.flatMap { Double($0) } }
            #expect(ascendingGaps == gaps.reversed())
            // Every row of the list is in the download, and the level filter narrows both.
            #expect(lines.count == page.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr>").count - 1)
            let schoolsOnly = try await client.send(.GET, "/supervision/corrections.csv?year=\(Self.year)&level=school").body.string
            #expect(schoolsOnly.split(whereSeparator: \.isNewline).dropFirst().allSatisfy { $0.hasPrefix("校级,") })
            #expect(try await client.send(.GET, "/supervision/corrections?year=\(Self.year)&sort=password").status == .badRequest)
            #expect(try await client.send(.GET, "/supervision/corrections?year=\(Self.year)&level=planet").status == .badRequest)
            #expect(try await client.send(.GET, "/supervision/corrections?year=\(Self.year)&page=999").status == .notFound)
            #expect(try await client.send(.GET, "/supervision/corrections?year=\(Self.year)&page=99999999999999999999").status == .badRequest)
            // The district's schools by pupils, descending.
            let schools = try await client.send(.GET, "/supervision/districts/310101/schools.csv?year=\(Self.year)&sort=pupils&dir=desc").body.string
            #expect(schools.hasPrefix("\u{FEFF}学校标识码,校名,学段,在校生,达标项,未达标项,无数据项"))
            #expect(schools.contains("\(Self.huangpu),\(Fixture.huangpuSchool.name),小学,"))
            #expect(try await client.send(.GET, "/supervision/districts/310101?year=\(Self.year)&sort=pupils&dir=sideways").status == .badRequest)
        }
    }

    @Test func theBalanceReportAndTheCorrectionList() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("city")
            // 黄浦's only primary school has 1 pupil, under 50: left out of the assessment, so no verdict.
            let balance = try await client.send(.GET, "/supervision/districts/310101/balance?year=\(Self.year)&stage=primary").body.string
            #expect(balance.contains("本学段学生 1 人，不足 50 人，不纳入评估"))
            #expect(!balance.contains("pupils of the stage"))
            let table = try await client.send(.GET, "/supervision/districts/310101/balance.csv?year=\(Self.year)&stage=primary").body.string
            #expect(table.hasPrefix("\u{FEFF}学校标识码,校名,本学段学生,小学每百名学生拥有高于规定学历教师数（≥ 4.2 名/百生）,"))
            let cv = try await client.send(.GET, "/supervision/districts/310101/balance.csv?year=\(Self.year)&stage=primary&table=dispersion").body.string
            #expect(cv.hasPrefix("\u{FEFF}指标,标准,加权均值,标准差,差异系数,限值,结果"))
            let long = try await client.send(.GET, "/supervision/districts/310101/balance.csv?year=\(Self.year)&stage=primary&format=long").body.string
            #expect(long.contains("310101,primary,excluded,\(Self.huangpu)"), "the machine file of every figure stays")
            #expect(try await client.send(.GET, "/supervision/districts/310101/balance?year=\(Self.year)&stage=senior").status == .badRequest)
            let corrections = try await client.send(.GET, "/supervision/corrections.csv?year=\(Self.year)").body.string
            // By hand: 徐汇 3 m² vs ≥ 4.5 → gap 1.5 m², 33.3333% of the target.
            #expect(corrections.contains("校级,\(Fixture.xuhuiSchool.name),徐汇区,小学生均教学及辅助用房面积,3,≥ 4.5 平方米/生,1.5,33.3\r\n"), "\(corrections)")
            #expect(!corrections.contains("school,") && !corrections.contains(">="))
            #expect(try await client.send(.GET, "/supervision?year=1990").status == .badRequest)
        }
    }

    /// The fields of a valid form for 黄浦's school (a primary school: grades 1–5).
    static func form(_ token: String, _ changes: [String: String] = [:]) -> [String: String] {
        var form = ["_csrf": token, "year": String(year), "floor_area_m2": "4800", "sports_ground_m2": "7600",
                    "equipment_value_yuan": "2100000", "multimedia_classrooms": "24", "bandwidth_mbps": "1000",
                    "daily_exercise_minutes": "130", "home_visits": "3", "family_education_activities": "5"]
        for grade in 1...5 {
            form["pe_lessons.\(grade)"] = "5"; form["activity_lessons.\(grade)"] = "2"
            form["psychology_lessons_per_two_weeks.\(grade)"] = grade == 3 ? "1" : "0"; form["weekly_periods.\(grade)"] = "30"
        }
        return form.merging(changes) { $1 }
    }

    @Test func theSchoolReportFormStoresAValidReport() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("school")
            let path = "/supervision/schools/\(Self.huangpu)/report"
            let page = try await client.send(.GET, path + "?year=\(Self.year)").body.string
            #expect(page.contains("value=\"4500\""), "the form shows the stored report")
            #expect(page.contains(#"<label for="pe_lessons.3">三年级体育课（节/周）</label>"#), "every lesson cell is labelled with its grade")
            // Only what the registry cannot know is asked: no pupil, teacher or bandwidth-sharing counts.
            #expect(!page.contains("name=\"bandwidth_persons\"") && !page.contains("docs/supervision.md") && !page.contains("<small>"))
            let token = try await client.csrf(from: path + "?year=\(Self.year)")
            let saved = try await client.send(.POST, path, form: Self.form(token))
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            #expect(location == "/supervision/schools/\(Self.huangpu)?year=\(Self.year)&saved=1")
            let after = try await client.send(.GET, location).body.string
            #expect(after.contains("flash flash-success") && after.contains("已保存"), "a success message after the save")
            #expect(after.contains("<dt>教学及辅助用房面积（平方米）</dt><dd>4,800</dd>"))
            let stored = try #require(try await SupervisionStore(h.app.db).schoolReport(schoolID: Self.huangpu, year: Self.year))
            #expect(stored.floorArea == 4800 && stored.homeVisits == 3 && stored.timetable.count == 5)
            #expect(stored.timetable[.g3] == GradeTimetable(peLessons: 5, activityLessons: 2, psychologyLessonsPerTwoWeeks: 1, weeklyPeriods: 30))
            let audit = try await h.accounts.auditEvents(subjectID: Self.huangpu)
            #expect(audit.first?.action == "school-report" && audit.first?.actorName == "school")
            // The district administrator fills in the report of a school of the district; a Chinese
            // input method's full-width digits and a thousands comma read as the number.
            let district = h.client()
            try await district.login("huangpu")
            let districtToken = try await district.csrf(from: path + "?year=\(Self.year)")
            let fullWidth = Self.form(districtToken, ["home_visits": "４", "equipment_value_yuan": "2,200,000"])
            #expect(try await district.send(.POST, path, form: fullWidth).status == .seeOther)
            let again = try await SupervisionStore(h.app.db).schoolReport(schoolID: Self.huangpu, year: Self.year)
            #expect(again?.homeVisits == 4 && again?.equipmentValue == 2_200_000)
        }
    }

    @Test func aMalformedFormNamesTheFieldInWordsKeepsWhatWasTypedAndStoresNothing() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("school")
            let path = "/supervision/schools/\(Self.huangpu)/report"
            let token = try await client.csrf(from: path + "?year=\(Self.year)")
            let store = SupervisionStore(h.app.db)
            let before = try await store.schoolReport(schoolID: Self.huangpu, year: Self.year)
            let cases: [(changes: [String: String], field: String, message: String)] = [
                (["floor_area_m2": "-5"], "floor_area_m2", "教学及辅助用房面积（平方米）不能小于 0。"),
                (["equipment_value_yuan": "很多"], "equipment_value_yuan", "请填写数字"),
                (["equipment_value_yuan": "一千"], "equipment_value_yuan", "请填写数字"),
                (["equipment_value_yuan": "1e400"], "equipment_value_yuan", "请填写数字"),
                (["floor_area_m2": "99999999999999999999"], "floor_area_m2", "不能大于 10,000,000"),
                (["multimedia_classrooms": "=1+1"], "multimedia_classrooms", "请填写数字"),
                (["multimedia_classrooms": "2.5"], "multimedia_classrooms", "请填写整数"),
                (["home_visits": "99999999999999999999999"], "home_visits", "本学年家访次数不能大于 10,000,000。"),
                (["pe_lessons.2": "30", "activity_lessons.2": "9"], "pe_lessons.2", "超过了一周的 30 课时"),
                (["activity_lessons.4": ""], "activity_lessons.4", "须都填写"),
                (["weekly_periods.1": "0"], "weekly_periods.1", "不能小于 1"),
                (["daily_exercise_minutes": "2000"], "daily_exercise_minutes", "不能大于 1,440"),
            ]
            for bad in cases {
                let response = try await client.send(.POST, path, form: Self.form(token, bad.changes))
                let html = response.body.string
                #expect(response.status == .badRequest, "\(bad.changes)")
                // The error sits beside its field, tied to the input, and in the summary with a link to it.
                #expect(html.contains(#"<p id="\#(bad.field)-error" class="field-error">"#) && html.contains(bad.message), "\(bad.changes): \(bad.message)")
                #expect(html.contains(#"id="\#(bad.field)" name="\#(bad.field)" aria-describedby="#) && html.contains(#"\#(bad.field)-error" aria-invalid="true""#), "\(bad.changes)")
                #expect(html.contains(##"<a href="#\##(bad.field)">"##))
                #expect(!html.contains("(\(bad.field))") && !html.contains("is negative") && !html.contains("is not a number"), "no codes or English")
                // What was typed comes back, the bad value and the good ones.
                for (name, value) in bad.changes where !value.isEmpty {
                    #expect(html.contains(#"name="\#(name)" "#) && html.contains("value=\"\(HTMLEscaping.attribute(value))\""), "\(name) keeps \(value)")
                }
                if bad.changes["floor_area_m2"] == nil { #expect(html.contains("value=\"4800\""), "the other fields keep their values") }
            }
            let unknownYear = try await client.send(.POST, path, form: Self.form(token, ["year": "1999"]))
            #expect(unknownYear.status == .badRequest)
            let hugeYear = try await client.send(.POST, path, form: Self.form(token, ["year": "99999999999999999999"]))
            #expect(hugeYear.status == .badRequest)
            #expect(try await store.schoolReport(schoolID: Self.huangpu, year: Self.year) == before, "nothing was stored")
        }
    }

    @Test func theFormNeedsItsCSRFTokenAndTheSchoolsOwnAdministrator() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("school")
            let store = SupervisionStore(h.app.db)
            let before = try await store.schoolReport(schoolID: Self.huangpu, year: Self.year)
            var withoutToken = Self.form("")
            withoutToken["_csrf"] = nil
            #expect(try await client.send(.POST, "/supervision/schools/\(Self.huangpu)/report", form: withoutToken).status == .forbidden)
            #expect(try await client.send(.POST, "/supervision/schools/\(Self.huangpu)/report", form: Self.form("forged")).status == .forbidden)
            let token = try await client.csrf(from: "/supervision/schools/\(Self.huangpu)/report?year=\(Self.year)")
            let other = try await client.send(.POST, "/supervision/schools/\(Self.xuhui)/report", form: Self.form(token))
            #expect(other.status == .forbidden, "a school administrator cannot report for another school")
            let city = h.client()
            try await city.login("city")
            let cityToken = try await city.csrf(from: "/supervision?year=\(Self.year)")
            #expect(try await city.send(.POST, "/supervision/schools/\(Self.huangpu)/report", form: Self.form(cityToken)).status == .forbidden)
            #expect(try await store.schoolReport(schoolID: Self.huangpu, year: Self.year) == before)
            #expect(try await store.schoolReport(schoolID: Self.xuhui, year: Self.year)?.floorArea == 3)
        }
    }

    /// What `serve` computes at start is what the monitoring pages then read: kept and current
    /// afterwards, under the keys the pages ask for, and no longer current once the data changes.
    @Test func theFiguresComputedAtStartAreThoseThePagesRead() async throws {
        try await Self.withReports { h in
            let figures = ComputedFigures.shared
            let cityFigure = "supervision.results.\(Self.year).\(SupervisionScope.city)"
            let districtFigure = "supervision.results.\(Self.year).\(SupervisionScope.district(Fixture.xuhui.code))"
            let keys = ["registry.stageTotals", cityFigure, districtFigure, "specialEducation.caseFiles.\(CaseFileFilter.all)",
                        "specialEducation.caseFiles.\(CaseFileFilter.district(Fixture.huangpu.code))",
                        "teachers.districtCareers.\(Fixture.huangpu.code)"]
            for key in keys { #expect(try await !figures.isCurrent(key, on: h.app.db), "\(key) before") }
            // The stage totals, then the city and each of the 2 districts for supervision and for
            // special education, then each district's teachers.
            #expect(try await KeptFiguresWarmUp.run(on: h.app.db) == 1 + 3 + 3 + 2)
            for key in keys { #expect(try await figures.isCurrent(key, on: h.app.db), "\(key) after") }
            let client = h.client()
            try await client.login("city")
            let page = try await client.send(.GET, "/supervision")
            #expect(page.status == .ok)
            #expect(try await figures.isCurrent(cityFigure, on: h.app.db))

            try await SupervisionStore(h.app.db).replace(schoolReports: [SchoolReport(schoolID: Self.xuhui, year: Self.year, floorArea: 5)],
                                                         submittedBy: "test")
            #expect(try await !figures.isCurrent(cityFigure, on: h.app.db))
            #expect(try await figures.isCurrent("registry.stageTotals", on: h.app.db))
        }
    }
}
