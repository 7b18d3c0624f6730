import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// Pages and API over real HTTP, on SQLite by default and on PostgreSQL when DATABASE_URL is set.
@Suite("Web and API")
struct WebTests {
    @Test func healthAnswersWhenTheDatabaseDoes() async throws {
        try await WebHarness.with { h in
            let response = try await h.client().send(.GET, "/healthz")
            #expect(response.status == .ok)
            #expect(response.body.string == "ok")
        }
    }

    @Test func readinessTellsTheTruthAboutMigrationsAndWrites() async throws {
        try await WebHarness.with { h in
            let ready = try await h.client().send(.GET, "/readyz")
            #expect(ready.status == .ok && ready.body.string == "ready\n")
            // While `serve` computes the monitoring pages' figures after its start: alive, not ready.
            h.app.keptFiguresWarmUp.set(running: true)
            let warming = try await h.client().send(.GET, "/readyz")
            #expect(warming.status == .serviceUnavailable && warming.body.string.contains("figures are still being computed"))
            #expect(try await h.client().send(.GET, "/healthz").status == .ok)
            h.app.keptFiguresWarmUp.set(running: false)
            #expect(try await h.client().send(.GET, "/readyz").status == .ok)
            // A database an older build migrated lacks this build's last migration: alive, not ready.
            let sql = h.app.db as! any SQLDatabase
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = 'YoujiaoStore.CreateReadinessProbe'").run()
            let behind = try await h.client().send(.GET, "/readyz")
            #expect(behind.status == .serviceUnavailable && behind.body.string.contains("migrations not applied: YoujiaoStore.CreateReadinessProbe"))
            #expect(try await h.client().send(.GET, "/healthz").status == .ok)
            guard case .postgres = h.database.target else { return }
            // A standby, or a database switched to read-only, answers SELECT 1 as well as ever.
            // New sessions start read-only, the other sessions are closed, and this one turns read-only too.
            try await sql.raw("""
                DO $$ BEGIN
                  EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database());
                  PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();
                  SET SESSION default_transaction_read_only = on;
                END $$
                """).run()
            // The pool meets its closed connections first; once /healthz answers, connections are live again, and read-only.
            var alive = false
            for _ in 0..<20 where !alive { alive = try await h.client().send(.GET, "/healthz").status == .ok }
            #expect(alive, "/healthz says only that the process reaches the database")
            let readOnly = try await h.client().send(.GET, "/readyz")
            #expect(readOnly.status == .serviceUnavailable && readOnly.body.string.contains("the database does not take writes"))
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefused() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            _ = try await client.send(.GET, "/login")
            let withoutToken = try await client.send(.POST, "/login", form: ["username": "city", "password": WebHarness.password])
            #expect(withoutToken.status == .forbidden)
            #expect(try await client.send(.GET, "/").status == .seeOther, "not signed in: sent to the login page")
            let wrongToken = try await client.send(.POST, "/login", form: ["_csrf": "forged", "username": "city", "password": WebHarness.password])
            #expect(wrongToken.status == .forbidden)
            #expect(try await client.login("city").status == .seeOther)
            #expect(try await client.send(.GET, "/").status == .ok)
            #expect(try await client.send(.POST, "/logout").status == .forbidden, "sign-out form also needs the token")
        }
    }

    /// The token is read from the form's fields decoded once for the whole request; a body that
    /// does not decode as flat fields (here a nested key) is still searched for it.
    @Test func theTokenIsFoundInAFormWithNestedKeysToo() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            let token = try await client.csrf()
            let nested = try await client.send(.POST, "/login", form: ["_csrf": token, "username": "parent-a", "password": WebHarness.password,
                                                                       "note[x]": "1"])
            #expect(nested.status == .seeOther)
            #expect(try await client.send(.GET, "/family").status == .ok, "signed in")
            let forged = h.client()
            _ = try await forged.csrf()
            #expect(try await forged.send(.POST, "/login", form: ["_csrf": "forged", "username": "parent-a", "password": WebHarness.password,
                                                                   "note[x]": "1"]).status == .forbidden)
        }
    }

    @Test func wrongPasswordsSlowTheAccountDownButNotItsOwnBrowser() async throws {
        try await WebHarness.with { h in
            let owner = h.client()
            #expect(try await owner.login("city").status == .seeOther, "the owner signs in once: this browser is now trusted")
            let guesser = h.client()
            var statuses: [HTTPStatus] = []
            for _ in 1...20 { statuses.append(try await guesser.login("city", password: "wrong").status) }
            #expect(statuses.prefix(5).allSatisfy { $0 == .unauthorized })
            #expect(statuses.dropFirst(5).allSatisfy { $0 == .tooManyRequests })
            let rightPasswordFromGuesser = try await guesser.login("city")
            #expect(rightPasswordFromGuesser.status == .tooManyRequests, "the guesser's browser must wait")
            #expect(try await h.accounts.signInAttempts(key: "account:city") == 5, "refused attempts are not counted past the block")
            #expect(try await owner.login("city").status == .seeOther, "the owner's trusted browser is not locked out by a stranger")
        }
    }

    @Test func cityDashboardShowsDistrictsWithAChart() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            try await client.login("city")
            let page = try await client.send(.GET, "/")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("黄浦区") && page.body.string.contains("徐汇区"))
            #expect(page.body.string.contains("<svg"))
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            #expect(!page.body.string.contains("http://") || !page.body.string.contains("<script src=\"http"), "no outside assets")
            let csv = try await client.send(.GET, "/dashboard.csv")
            #expect(csv.body.string.hasPrefix("\u{FEFF}区代码,区,"), "headers in the page's language, with a BOM for Excel")
            #expect(csv.body.string.contains("310101,黄浦区,0,0,1,1"))
            let xlsx = try await client.send(.GET, "/dashboard.xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            // Sorted on the server: 徐汇 (code 310104) first when sorting by code, descending.
            let sorted = try await client.send(.GET, "/?sort=code&dir=desc").body.string
            let xuhui = try #require(sorted.range(of: "徐汇区</a>")), huangpu = try #require(sorted.range(of: "黄浦区</a>"))
            #expect(xuhui.lowerBound < huangpu.lowerBound)
            #expect(sorted.contains("aria-sort=\"descending\""))
            #expect(try await client.send(.GET, "/?sort=password").status == .badRequest, "an unknown column is refused")
        }
    }

    @Test func aGuardianCannotSeeAnotherFamilysChild() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            try await client.login("parent-a")
            let own = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            let other = try #require(try await h.registry.student(nationalID: Fixture.childB.nationalID))
            let ownPage = try await client.send(.GET, "/students/\(own.id)")
            #expect(ownPage.status == .ok)
            #expect(ownPage.body.string.contains(NationalID.mask(Fixture.childA.nationalID)))
            #expect(!ownPage.body.string.contains(Fixture.childA.nationalID), "the full ID number never shows by default")
            // Words, not codes: the guardian's relation and the catchment zone by the school that serves it.
            #expect(ownPage.body.string.contains("王大明（父亲）") && !ownPage.body.string.contains("father"))
            #expect(ownPage.body.string.contains("黄浦区第一中心小学施教区") && !ownPage.body.string.contains(Fixture.zoneA.id))
            #expect(!ownPage.body.string.contains("id=\"reveal\""), "families have no reveal button")
            let otherPage = try await client.send(.GET, "/students/\(other.id)")
            #expect(otherPage.status == .forbidden)
            #expect(!otherPage.body.string.contains(Fixture.childB.name))
            let api = try await client.send(.GET, "/api/v1/students/\(other.id)")
            #expect(api.status == .forbidden)
            #expect(api.body.string.contains("\"code\":\"forbidden\""))
            #expect(try await client.send(.GET, "/schools/\(Fixture.xuhuiSchool.id)").status == .forbidden)
            #expect(try await client.send(.GET, "/schools").status == .forbidden)
        }
    }

    @Test func aDistrictAdminCannotSeeAnotherDistrictsSchool() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            try await client.login("huangpu")
            #expect(try await client.send(.GET, "/schools/\(Fixture.huangpuSchool.id)").status == .ok)
            #expect(try await client.send(.GET, "/schools/\(Fixture.xuhuiSchool.id)").status == .forbidden)
            #expect(try await client.send(.GET, "/api/v1/schools/\(Fixture.xuhuiSchool.id)").status == .forbidden)
            #expect(try await client.send(.GET, "/schools/\(Fixture.xuhuiSchool.id)/students").status == .forbidden)
            #expect(try await client.send(.GET, "/districts/310104").status == .forbidden)
            #expect(try await client.send(.GET, "/districts/310104/stages.csv").status == .forbidden)
            #expect(try await client.send(.GET, "/schools?district=310104").status == .forbidden)
            // The own district: figures by stage with a chart, words not codes, and the table as files.
            let own = try await client.send(.GET, "/districts/310101").body.string
            #expect(own.contains("<h1>黄浦区</h1>") && own.contains("<svg") && own.contains("本区 1 所学校和幼儿园，1 名在校学生。"))
            #expect(own.contains("href=\"/schools?district=310101\"") && !own.contains(">310101<"))
            let csv = try await client.send(.GET, "/districts/310101/stages.csv")
            #expect(csv.body.string.hasPrefix("\u{FEFF}学段,学校数,在校学生数") && csv.body.string.contains("小学,1,1"))
            #expect(try await client.send(.GET, "/districts/310101/stages.xlsx").headers.contentType?.subType.contains("spreadsheetml") == true)
            #expect(try await client.send(.GET, "/districts/310199").status == .notFound)
            let directory = try await client.send(.GET, "/schools")
            #expect(directory.body.string.contains(Fixture.huangpuSchool.name))
            #expect(!directory.body.string.contains(Fixture.xuhuiSchool.name), "the directory is narrowed to the district")
            let other = try #require(try await h.registry.student(nationalID: Fixture.childB.nationalID))
            #expect(try await client.send(.GET, "/students/\(other.id)").status == .forbidden)
        }
    }

    @Test func staffReadsOfPupilsAreAuditedAndMasked() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            try await client.login("school")
            let list = try await client.send(.GET, "/schools/\(Fixture.huangpuSchool.id)/students")
            #expect(list.status == .ok)
            #expect(list.body.string.contains(NationalID.mask(Fixture.childA.nationalID)))
            #expect(!list.body.string.contains(Fixture.childA.nationalID))
            #expect(list.headers.first(name: .cacheControl) == "no-store")
            let child = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            let events = try await h.accounts.auditEvents(subjectID: child.id)
            #expect(events.count == 1)
            #expect(events.first?.actorName == "school" && events.first?.route == "GET /schools/3101010001/students")

            let token = try await client.csrf(from: "/students/\(child.id)")
            #expect(try await client.send(.GET, "/students/\(child.id)").body.string.contains("id=\"reveal\""), "staff may reveal")
            let revealed = try await client.send(.POST, "/students/\(child.id)/reveal", form: ["_csrf": token])
            #expect(revealed.body.string.contains(Fixture.childA.nationalID) && revealed.body.string.contains("id=\"full-number-shown\""))
            #expect(!revealed.body.string.contains("id=\"reveal\""))
            let actions = try await h.accounts.auditEvents(subjectID: child.id).map(\.action)
            #expect(actions.filter { $0 == "reveal-id" }.count == 1)
            #expect(actions.filter { $0 == "view" }.count == 2, "the two page reads (for the form's token, and to see the button)")
        }
    }

    @Test func apiTokensAndErrors() async throws {
        try await WebHarness.with { h in
            let token = try await h.apiToken("huangpu")
            let client = h.client()
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let schools = try await client.send(.GET, "/api/v1/schools", headers: headers)
            #expect(schools.status == .ok)
            let page = try JSONDecoder().decode(APIController.PageJSON<APIController.SchoolJSON>.self, from: Data(schools.body.string.utf8))
            #expect(page.items.map(\.id) == [Fixture.huangpuSchool.id])
            let students = try await client.send(.GET, "/api/v1/schools/\(Fixture.huangpuSchool.id)/students", headers: headers)
            #expect(students.body.string.contains(NationalID.mask(Fixture.childA.nationalID)))
            #expect(!students.body.string.contains(Fixture.childA.nationalID))
            var bad = HTTPHeaders()
            bad.bearerAuthorization = BearerAuthorization(token: "yj_not-a-token")
            let refused = try await client.send(.GET, "/api/v1/schools", headers: bad)
            #expect(refused.status == .unauthorized)
            #expect(refused.body.string.contains("\"error\":{") && refused.body.string.contains("\"code\":\"unauthorized\""))
            let anonymous = try await h.client().send(.GET, "/api/v1/districts")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func openAPIDocumentDescribesTheRoutes() async throws {
        try await WebHarness.with { h in
            let response = try await h.client().send(.GET, "/api/v1/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/api/v1/districts", "/api/v1/districts/{code}", "/api/v1/schools", "/api/v1/schools/{id}",
                         "/api/v1/schools/{id}/students", "/api/v1/students/{id}"] {
                #expect(paths[path] != nil, "\(path) is documented")
            }
        }
    }

    @Test func directoryFiltersAndEnglish() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            try await client.login("city")
            let filtered = try await client.send(.GET, "/schools?district=310104&stage=primary&ownership=public")
            #expect(filtered.body.string.contains(Fixture.xuhuiSchool.name) && !filtered.body.string.contains(Fixture.huangpuSchool.name))
            let searched = try await client.send(.GET, "/schools?q=%E6%B1%87%E5%B8%88")
            #expect(searched.body.string.contains(Fixture.xuhuiSchool.name) && !searched.body.string.contains(Fixture.huangpuSchool.name))
            _ = try await client.send(.GET, "/lang/en")
            let english = try await client.send(.GET, "/schools")
            #expect(english.body.string.contains("School directory"))
        }
    }

    @Test func schoolPagesSortFilterAndDownloadOnTheServer() async throws {
        try await WebHarness.with { h in
            let city = h.client()
            try await city.login("city")
            let byNameDesc = try await city.send(.GET, "/schools?sort=name&dir=desc").body.string
            let huangpu = try #require(byNameDesc.range(of: Fixture.huangpuSchool.name)), xuhui = try #require(byNameDesc.range(of: Fixture.xuhuiSchool.name))
            #expect((Fixture.huangpuSchool.name > Fixture.xuhuiSchool.name) == (huangpu.lowerBound < xuhui.lowerBound), "sorted by name, descending")
            #expect(byNameDesc.contains("黄浦区") && !byNameDesc.contains(">310101<"), "districts by name, not code")
            #expect(try await city.send(.GET, "/schools?sort=lat").status == .badRequest)
            let xlsx = try await city.send(.GET, "/schools.xlsx?district=310104")
            #expect(xlsx.status == .ok && xlsx.body.string.hasPrefix("PK"), "a ZIP (XLSX) of the filtered directory")

            let school = h.client()
            try await school.login("school")
            let path = "/schools/\(Fixture.huangpuSchool.id)/students"
            let list = try await school.send(.GET, path).body.string
            #expect(list.contains(Fixture.childA.name) && list.contains("aria-sort"))
            #expect(!(try await school.send(.GET, path + "?name=不存在的名字").body.string.contains(Fixture.childA.name)), "search by name")
            #expect(try await school.send(.GET, path + "?grade=G13").status == .badRequest, "an unknown grade names the field")
            let csv = try await school.send(.GET, path.replacingOccurrences(of: "/students", with: "/students.csv")).body.string
            #expect(csv.contains(NationalID.mask(Fixture.childA.nationalID)) && !csv.contains("2017-03-05"), "masked, with no birth date")
            let page = try await school.send(.GET, "/schools/\(Fixture.huangpuSchool.id)").body.string
            #expect(page.contains("href=\"\(path)\"") && !page.contains("href=\"/districts/310101\""),
                    "a school's staff reach their pupil list; no link to a district page they may not open")
        }
    }
}
