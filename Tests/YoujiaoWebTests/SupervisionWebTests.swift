import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
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
                ("/supervision/districts/310101\(year)", .ok, .ok, .forbidden, .forbidden),
                ("/supervision/districts/310104\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310104/results.csv\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310101/indicators/BAL-FLOOR-PRIMARY\(year)", .ok, .ok, .forbidden, .forbidden),
                ("/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY/schools.csv\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/districts/310101/balance\(year)&stage=primary", .ok, .ok, .forbidden, .forbidden),
                ("/supervision/districts/310104/balance.csv\(year)&stage=primary", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/schools/\(Self.huangpu)\(year)", .ok, .ok, .ok, .forbidden),
                ("/supervision/schools/\(Self.xuhui)\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/schools/\(Self.xuhui)/results.csv\(year)", .ok, .forbidden, .forbidden, .forbidden),
                ("/supervision/corrections\(year)", .ok, .ok, .ok, .forbidden),
                ("/supervision/corrections.csv\(year)&district=310104", .ok, .forbidden, .ok, .forbidden),
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
            #expect(html.contains("status met") && html.contains("status not-met") && html.contains("status no-data"))
            #expect(html.contains("/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY?year=\(Self.year)"), "a figure links to its schools")
            let csv = try await client.send(.GET, "/supervision/dashboard.csv?year=\(Self.year)").body.string
            #expect(csv.hasPrefix("\u{FEFF}indicator,level,scope_id,value,target,status\n"))
            // By hand: 徐汇 has one primary school, 3 m² ÷ 1 pupil = 3 < 4.5 → 0% of schools meet; 黄浦 4,500 ≥ 4.5 → 100%.
            #expect(csv.contains("BAL-FLOOR-PRIMARY,district,310104,0,100,not-met"))
            #expect(csv.contains("BAL-FLOOR-PRIMARY,district,310101,100,100,met"))
            #expect(csv.contains("BAL-FLOOR-PRIMARY,city,310000,50,100,not-met"))
            #expect(csv.contains("DISABLED-ENROLLMENT,district,310101,,99,no-data"), "no district report: no data, never 0")
            #expect(!csv.contains(",school,"), "the city file holds district and city figures")
        }
    }

    @Test func aDistrictFigureOpensToItsSchoolsAndTheirCounts() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("city")
            let drill = try await client.send(.GET, "/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY?year=\(Self.year)").body.string
            #expect(drill.contains(Fixture.xuhuiSchool.name) && drill.contains("floor_area_m2 3; pupils 1"))
            #expect(drill.contains("/supervision/schools/\(Self.xuhui)?year=\(Self.year)"))
            let csv = try await client.send(.GET, "/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY/schools.csv?year=\(Self.year)").body.string
            #expect(csv.contains("\(Self.xuhui),\(Fixture.xuhuiSchool.name),3,4.5,not-met,floor_area_m2 3; pupils 1,"))
            // A district-only ratio lists each school's part: 徐汇's school is public with its 1 non-local pupil.
            let migrants = try await client.send(.GET, "/supervision/districts/310104/indicators/MIGRANT-PUBLIC-SHARE?year=\(Self.year)").body.string
            #expect(migrants.contains("public_migrant_pupils 1; migrant_pupils 1") && migrants.contains("1 / 1"))
            let school = try await client.send(.GET, "/supervision/schools/\(Self.xuhui)?year=\(Self.year)").body.string
            #expect(school.contains("教师库中没有本校教师记录"), "no teacher records is said, not shown as zero")
            #expect(school.contains("/schools/\(Self.xuhui)"), "the registry page with the pupils is one click away")
            let reported = try await client.send(.GET, "/supervision/schools/\(Self.huangpu)?year=\(Self.year)").body.string
            #expect(reported.contains("<dt>教学及辅助用房面积（m²）</dt><dd>4500</dd>") && reported.contains("<dd>未填</dd>"), "the report as stored")
            #expect(reported.contains("<td>教师总数</td><td class=\"num\">1</td>"), "the registry's teacher count")
            #expect(reported.contains("<td>交流轮岗</td><td class=\"num\">未报送</td>"), "no rotation figures: said so")
            let district = try await client.send(.GET, "/supervision/districts/310101?year=\(Self.year)").body.string
            #expect(district.contains(Fixture.huangpuSchool.name) && district.contains("balance?year=\(Self.year)&amp;stage=primary"))
        }
    }

    @Test func theBalanceReportAndTheCorrectionList() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("city")
            // 黄浦's only primary school has 1 pupil, under 50: left out of the assessment, so no verdict.
            let balance = try await client.send(.GET, "/supervision/districts/310101/balance?year=\(Self.year)&stage=primary").body.string
            #expect(balance.contains("1 pupils of the stage, under 50"))
            let table = try await client.send(.GET, "/supervision/districts/310101/balance.csv?year=\(Self.year)&stage=primary").body.string
            #expect(table.hasPrefix("\u{FEFF}school_id,pupils,BAL-DEGREE-PRIMARY"))
            let long = try await client.send(.GET, "/supervision/districts/310101/balance.csv?year=\(Self.year)&stage=primary&format=long").body.string
            #expect(long.contains("310101,primary,excluded,\(Self.huangpu)"))
            #expect(try await client.send(.GET, "/supervision/districts/310101/balance?year=\(Self.year)&stage=senior").status == .badRequest)
            let corrections = try await client.send(.GET, "/supervision/corrections.csv?year=\(Self.year)").body.string
            // By hand: 徐汇 3 m² vs ≥ 4.5 → gap 1.5 m², 33.3333% of the target.
            #expect(corrections.contains("BAL-FLOOR-PRIMARY,小学生均教学及辅助用房面积,school,\(Self.xuhui),310104,3,4.5,>=,m²/生,1.5,33.3333"))
            #expect(try await client.send(.GET, "/supervision?year=1990").status == .badRequest)
        }
    }

    /// The fields of a valid form for 黄浦's school (a primary school: grades 1–5).
    static func form(_ token: String, _ changes: [String: String] = [:]) -> [String: String] {
        var form = ["_csrf": token, "year": String(year), "floor_area_m2": "4800", "sports_ground_m2": "7600",
                    "equipment_value_yuan": "2100000", "multimedia_classrooms": "24", "bandwidth_mbps": "1000",
                    "bandwidth_persons": "", "daily_exercise_minutes": "130", "home_visits": "3", "family_education_activities": "5"]
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
            let page = try await client.send(.GET, path + "?year=\(Self.year)")
            #expect(page.body.string.contains("value=\"4500\""), "the form shows the stored report")
            let token = try await client.csrf(from: path + "?year=\(Self.year)")
            let saved = try await client.send(.POST, path, form: Self.form(token))
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/supervision/schools/\(Self.huangpu)?year=\(Self.year)")
            let stored = try #require(try await SupervisionStore(h.app.db).schoolReport(schoolID: Self.huangpu, year: Self.year))
            #expect(stored.floorArea == 4800 && stored.homeVisits == 3 && stored.timetable.count == 5)
            #expect(stored.timetable[.g3] == GradeTimetable(peLessons: 5, activityLessons: 2, psychologyLessonsPerTwoWeeks: 1, weeklyPeriods: 30))
            let audit = try await h.accounts.auditEvents(subjectID: Self.huangpu)
            #expect(audit.first?.action == "school-report" && audit.first?.actorName == "school")
            // The district administrator fills in the report of a school of the district.
            let district = h.client()
            try await district.login("huangpu")
            let districtToken = try await district.csrf(from: path + "?year=\(Self.year)")
            #expect(try await district.send(.POST, path, form: Self.form(districtToken, ["home_visits": "4"])).status == .seeOther)
            #expect(try await SupervisionStore(h.app.db).schoolReport(schoolID: Self.huangpu, year: Self.year)?.homeVisits == 4)
        }
    }

    @Test func aMalformedFormNamesTheFieldAndStoresNothing() async throws {
        try await Self.withReports { h in
            let client = h.client()
            try await client.login("school")
            let path = "/supervision/schools/\(Self.huangpu)/report"
            let token = try await client.csrf(from: path + "?year=\(Self.year)")
            let store = SupervisionStore(h.app.db)
            let before = try await store.schoolReport(schoolID: Self.huangpu, year: Self.year)
            let cases: [(changes: [String: String], field: String, reason: String)] = [
                (["floor_area_m2": "-5"], "floor_area_m2", "negative"),
                (["equipment_value_yuan": "很多"], "equipment_value_yuan", "equipment_value_yuan"),
                (["multimedia_classrooms": "=1+1"], "multimedia_classrooms", "multimedia_classrooms"),
                (["pe_lessons.2": "30", "activity_lessons.2": "9"], "pe_lessons", "exceed the 30 periods"),
                (["activity_lessons.4": ""], "activity_lessons", "grade 4"),
                (["bandwidth_persons": "0"], "bandwidth_persons", "at least 1"),
                (["daily_exercise_minutes": "2000"], "daily_exercise_minutes", "more than 1440"),
            ]
            for bad in cases {
                let response = try await client.send(.POST, path, form: Self.form(token, bad.changes))
                #expect(response.status == .badRequest, "\(bad.changes)")
                #expect(response.body.string.contains("(\(bad.field)):"), "the error names \(bad.field)")
                #expect(response.body.string.contains(esc(bad.reason)), "\(bad.changes): the reason says \(bad.reason)")
                #expect(response.body.string.contains("aria-invalid=\"true\""))
            }
            let unknownYear = try await client.send(.POST, path, form: Self.form(token, ["year": "1999"]))
            #expect(unknownYear.status == .badRequest)
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
}
