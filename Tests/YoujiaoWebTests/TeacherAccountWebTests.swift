import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// Teacher accounts over real HTTP, on SQLite and PostgreSQL: the school issues the account, the
/// teacher reads only their own record and decision, enters their home (bad entries refused, nothing
/// stored), officials learn only that a home is on file, and the rotation plan measures the commute
/// from it. Refusals are audited; two officials issuing at once make one account.
@Suite("Teacher accounts")
struct TeacherAccountWebTests {
    func signedIn(_ h: WebHarness, _ username: String, password: String = WebHarness.password) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username, password: password).status == .seeOther, "\(username) signs in")
        return client
    }

    func post(_ client: WebHarness.Client, _ path: String, csrfFrom page: String, form: [String: String] = [:]) async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: page)
        return try await client.send(.POST, path, form: form)
    }

    func teacherIDs(_ h: WebHarness) async throws -> [String: String] {
        struct Row: Decodable { var id: String; var name: String }
        let rows = try await (h.app.db as! any SQLDatabase).raw("SELECT id, name FROM teachers").all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.id) })
    }

    /// The first password on the page that issued the account.
    func issuedPassword(_ page: String) -> String? {
        guard let start = page.range(of: "id=\"issued-password\">")?.upperBound, let end = page[start...].firstIndex(of: "<") else { return nil }
        return String(page[start..<end])
    }

    @Test func theSchoolIssuesTheAccountAndTheTeacherReadsOnlyTheirOwnRecord() async throws {
        try await WebHarness.with { h in
            try await h.registry.transaction { tx in try await tx.upsert(schools: [RotationRoundWebTests.second]) }
            try await h.registry.transaction { tx in try await tx.upsert(teachers: [RotationRoundWebTests.qian]) }
            let ids = try await teacherIDs(h)
            let zhang = try #require(ids["张老师"]), qian = try #require(ids["钱老师"])
            let portrait = "/teachers/\(zhang)"
            try await h.accounts.create(UserRecord(username: "xuhui", passwordHash: try Passwords.hash(WebHarness.password, cost: 4), role: .districtAdmin,
                                                   displayName: "徐汇区管理员", districtCode: "310104"))

            // The school sees the account form; another district's official may not issue; a bad username is refused.
            let school = try await signedIn(h, "school")
            let staffView = try await school.send(.GET, portrait).body.string
            #expect(staffView.contains("id=\"account-form\"") && staffView.contains("value=\"\(AccountNames.suggestion(forTeacherID: zhang))\""))
            #expect(staffView.contains("未登记，以所在学校代替") && !staffView.contains("id=\"home-form\""))
            let xuhui = try await signedIn(h, "xuhui")
            #expect(try await post(xuhui, "\(portrait)/account", csrfFrom: "/schools", form: ["username": "t-zhang"]).status == .forbidden)
            for bad in ["", "ab", "Zhang Laoshi", "张老师", String(repeating: "a", count: 41), "t-zhang;drop"] {
                let refused = try await post(school, "\(portrait)/account", csrfFrom: portrait, form: ["username": bad])
                #expect(refused.status == .badRequest && refused.body.string.contains("用户名应为"), "username '\(bad)' refused")
            }
            #expect(try await h.accounts.user(teacherID: zhang) == nil, "the refused forms created nothing")
            #expect(try await post(school, "\(portrait)/account", csrfFrom: portrait, form: ["username": "school"]).body.string.contains("已被使用"))

            let issued = try await post(school, "\(portrait)/account", csrfFrom: portrait, form: ["username": "T-Zhang"])
            #expect(issued.status == .ok && issued.headers.first(name: .cacheControl) == "no-store")
            let password = try #require(issuedPassword(issued.body.string))
            #expect(issued.body.string.contains(">t-zhang<"), "usernames are lower-case")
            #expect(try await post(school, "\(portrait)/account", csrfFrom: portrait, form: ["username": "t-zhang2"]).body.string.contains("已有账号"))
            #expect(try await school.send(.GET, portrait).body.string.contains("已开通，用户名： <code>t-zhang</code>"))
            #expect(try await h.accounts.auditEvents(subjectID: zhang).contains { $0.action == "teacher-account-issued" && $0.detail == "t-zhang" })

            // The teacher signs in (second factor too) and lands on their own record.
            let teacher = h.client()
            let signIn = try await teacher.login("t-zhang", password: password)
            #expect(signIn.status == .seeOther && signIn.headers.first(name: .location) == portrait)
            let own = try await teacher.send(.GET, portrait)
            let ownText = own.body.string
            #expect(own.status == .ok && own.headers.first(name: .cacheControl) == "no-store")
            #expect(ownText.contains("id=\"home-form\"") && ownText.contains("id=\"decision\"") && ownText.contains("目前没有关于您的交流轮岗决定"))
            #expect(!ownText.contains("href=\"/schools/3101010001\"") && !ownText.contains("id=\"account-form\""), "no link to pages a teacher may not open")
            #expect(ownText.contains("我的档案"))
            for path in ["/teachers/\(qian)", "/schools/3101010001", "/schools/3101010001/teachers", "/districts/310101/rotation", "/supervision",
                         "/special-education", "/aid", "/zhongkao", "/enrollment", "/admin/users", "/exports"] {
                let status = try await teacher.send(.GET, path).status
                #expect(status == .forbidden || status == .notFound, "a teacher reads no \(path) (\(status))")
            }
            #expect(try await h.accounts.auditEvents(subjectID: qian).contains { $0.action == "teacher-refused" }, "the refusal is audited")
            #expect(try await post(teacher, "/teachers/\(qian)/home", csrfFrom: portrait, form: ["latitude": "31.2", "longitude": "121.4"]).status == .forbidden)

            // Bad homes are refused with the field named and nothing stored.
            let home = "\(portrait)/home"
            for (latitude, longitude, message) in [("abc", "121.47", "纬度应是十进制数"), ("1e1", "121.47", "纬度应是十进制数"), ("nan", "121.47", "纬度应是十进制数"),
                                                   ("", "121.47", "纬度应是十进制数"), ("95", "121.47", "纬度应在 -90 到 90"),
                                                   ("31.23", "121.47.1", "经度应是十进制数"), ("31.23", "-181", "经度应在 -180 到 180"),
                                                   ("31.23", "99999999999999999999", "经度应是十进制数"), ("39.9042", "116.4074", "超过 150 公里")] {
                let refused = try await post(teacher, home, csrfFrom: portrait, form: ["latitude": latitude, "longitude": longitude])
                #expect(refused.status == .badRequest && refused.body.string.contains(message), "\(latitude), \(longitude): \(message)")
                #expect(refused.body.string.contains("field has-error"))
            }
            #expect(try await TeacherHomeStore(h.app.db).standing(teacherID: zhang) == nil)

            // A good home is kept to three decimals and sealed; the school sees only that it is on file.
            let saved = try await post(teacher, home, csrfFrom: portrait, form: ["latitude": " 31.22049 ", "longitude": "121.47051"])
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "\(portrait)?saved=home")
            #expect(try await teacher.send(.GET, "\(portrait)?saved=home").body.string.contains("住址已保存"))
            #expect(try await TeacherHomeStore(h.app.db).homes(teacherIDs: [zhang])[zhang].map { [$0.latitude, $0.longitude] } == [31.22, 121.471])
            struct Stored: Decodable { var location: String }
            let stored = try #require(try await (h.app.db as! any SQLDatabase).raw("SELECT location FROM teacher_homes").first(decoding: Stored.self))
            #expect(!stored.location.contains("31.22"), "the place is sealed in the database")
            let afterSave = try await school.send(.GET, portrait).body.string
            #expect(afterSave.contains("已登记（本人于") && !afterSave.contains("31.22") && !afterSave.contains("121.471"))
            #expect(try await post(school, home, csrfFrom: portrait, form: ["latitude": "31.2", "longitude": "121.4"]).status == .forbidden)
            #expect(try await h.accounts.auditEvents(subjectID: zhang).contains { $0.action == "teacher-home-refused" })
            #expect(try await h.accounts.auditEvents(subjectID: zhang).contains { $0.action == "teacher-home-saved" })

            #expect(try await post(teacher, "\(home)/clear", csrfFrom: portrait).status == .seeOther)
            #expect(try await TeacherHomeStore(h.app.db).standing(teacherID: zhang) == nil)
        }
    }

    @Test func twoOfficialsIssuingAtOnceMakeOneAccount() async throws {
        try await WebHarness.with { h in
            let zhang = try #require(try await teacherIDs(h)["张老师"])
            let portrait = "/teachers/\(zhang)"
            let clients = [try await signedIn(h, "school"), try await signedIn(h, "huangpu"), try await signedIn(h, "city")]
            var attempts: [(WebHarness.Client, [String: String])] = []
            for (index, client) in clients.enumerated() {
                attempts.append((client, ["_csrf": try await client.csrf(from: portrait), "username": "t-\(index)"]))
            }
            let sent = attempts
            let statuses = await withTaskGroup(of: HTTPStatus.self) { group in
                for (client, form) in sent {
                    group.addTask { (try? await client.send(.POST, "\(portrait)/account", form: form).status) ?? .internalServerError }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .badRequest }.count == 2, "one account, two clear refusals: \(statuses)")
            struct Count: Decodable { var n: Int }
            #expect(try await (h.app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM users WHERE teacher_id = \(bind: zhang)").first(decoding: Count.self)?.n == 1)
        }
    }

    @Test func theRotationPlanMeasuresTheCommuteFromTheTeachersHome() async throws {
        try await WebHarness.with { h in
            let rounds = RotationRoundWebTests()
            let ids = try await rounds.load(h)
            let year = CaseDate.today().month >= 9 ? CaseDate.today().year : CaseDate.today().year - 1
            let district = try await signedIn(h, "huangpu"), school = try await signedIn(h, "school")
            let base = "/districts/310101/rotation", roundPage = "\(base)/\(year)"
            #expect(try await rounds.post(district, "\(base)/rounds", form: ["year": String(year)]).status == .seeOther)
            #expect(try await rounds.post(school, "\(roundPage)/needs", form: ["subject": "语文", "stage": "primary", "count": "1", "kind": "weakSchool",
                                                                                "priority": "1"]).status == .seeOther)
            let needID = try #require(try await RotationRoundStore(h.app.db).needs(roundID: "310101-\(year)").first?.id)
            #expect(try await rounds.post(district, "\(roundPage)/needs/\(needID)", form: ["decision": "accept"]).status == .seeOther)
            // 钱 lives beside the receiving school (imported from the personnel file): the move shortens the commute.
            let qianID = RotationRoundWebTests.qian.nationalID
            _ = try await RegistryImporter(store: h.registry).importTable(
                try CSVTable.parse(text: "national_id,home_latitude,home_longitude\n\(qianID),31.23,121.48\n", fileName: "homes.csv"), as: .teacherHomes)
            #expect(try await rounds.post(district, "\(roundPage)/plan").status == .seeOther)
            let swap = try await district.send(.GET, "\(roundPage)/swap/\(ids["孙老师"]!)").body.string
            #expect(swap.contains("钱老师") && swap.contains("−1.5 公里"), "from home, 钱's commute falls by the 1.5 km between the schools")
            let plan = try await district.send(.GET, "\(roundPage)/plan.csv").body.string
            #expect(plan.contains("孙老师") && plan.contains("+1.5"), "孙 has no home on file: school to school")
        }
    }
}
