import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// 入学报名 over real HTTP: the guardian's form and its refusals, the district's steps, the
/// published files, and who may do what.
@Suite("Enrollment campaign pages")
struct CampaignWebTests {
    static let privateSchool = School(id: "3101010003", name: "黄浦民办小学", districtCode: "310101", stages: [.primary], ownership: .private,
                                      isInclusive: false, boarding: false, entrySeats: [.g1: 1], latitude: 31.22, longitude: 121.47)
    static let today = CaseDate.today()
    static let secret = "notary-secret"

    /// A drand quicknet round after both campaigns close, so that freezing and drawing pass the round check.
    static let round = BeaconSource.known[0].firstRound(after: CampaignSchedule.endOfDay(today.adding(days: 11)))

    static func campaign(closed: Bool = false) -> Campaign {
        Campaign(id: closed ? "closed" : "open", year: today.schoolYear + 1, grade: .g1, districtCode: "310101",
                 opensOn: today.adding(days: -20), closesOn: today.adding(days: closed ? -1 : 10), status: .open,
                 beaconRound: BeaconSource.known[0].roundDescription(round).zh, beaconSourceID: BeaconSource.known[0].id, beaconRoundNumber: round,
                 notaryCommitment: CampaignSeed.commitment(secret: secret))
    }

    /// An eligible child for each family (guardian A's younger child, guardian B's child), accounts for Xuhui and parent B.
    static func with(_ body: (WebHarness, _ youngA: StudentRecord, _ youngB: StudentRecord) async throws -> Void) async throws {
        try await WebHarness.with { h in
            try await h.registry.upsert(schools: [privateSchool])
            let hash = try Passwords.hash(WebHarness.password, cost: 4)
            let guardianA = try #require(try await h.registry.guardian(nationalID: Fixture.guardianA.nationalID))
            let guardianB = try #require(try await h.registry.guardian(nationalID: Fixture.guardianB.nationalID))
            for user in [
                UserRecord(username: "xuhui", passwordHash: hash, role: .districtAdmin, displayName: "徐汇区管理员", districtCode: "310104"),
                UserRecord(username: "parent-b", passwordHash: hash, role: .guardian, displayName: "李大红", guardianId: guardianB.id),
            ] { try await h.accounts.create(user) }
            let birth = Campaign.birthSpan(grade: .g1, year: campaign().year)!.lowerBound.adding(days: 40)
            func child(_ sequence: Int, _ name: String) throws -> StudentRecord {
                try StudentRecord(Student(nationalID: NationalID.make(areaCode: "310101", birthDate: birth.description.replacingOccurrences(of: "-", with: ""),
                                                                  sequence: sequence).value,
                                      name: name, gender: .female, birthDate: birth.description, hukou: .local, residenceZoneID: Fixture.zoneA.id,
                                      schoolID: nil, grade: nil, classNumber: nil))
            }
            let youngA = try child(201, "王小雨"), youngB = try child(202, "李小雪")
            try await h.registry.insertNew(students: [youngA, youngB], guardians: [], links: [(guardianA.id, youngA.id), (guardianB.id, youngB.id)], teachers: [])
            try await CampaignStore(h.app.db).create(campaign())
            try await CampaignStore(h.app.db).create(campaign(closed: true))
            try await body(h, youngA, youngB)
        }
    }

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    @discardableResult
    func post(_ client: WebHarness.Client, _ path: String, _ form: [String: String], from page: String = "/enrollment") async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: page)
        return try await client.send(.POST, path, form: form)
    }

    func application(_ child: StudentRecord, _ extra: [String: String] = [:]) -> [String: String] {
        ["national_id": child.nationalId, "track": "public", "zone": Fixture.zoneA.id, "tier": "1", "years": "3"].merging(extra) { $1 }
    }

    @Test func guardianFormRefusesMalformedInput() async throws {
        try await Self.with { h, youngA, youngB in
            let parent = try await signedIn(h, "parent-a")
            let childA = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            let cases: [(String, StudentRecord, [String: String], HTTPStatus, String?)] = [
                ("another family's child", youngB, application(youngB), .forbidden, nil),
                ("not age-eligible", childA, application(childA), .badRequest, "student"),
                ("an ID that is not the child's", youngA, application(youngA, ["national_id": Fixture.childA.nationalID]), .badRequest, "national_id"),
                ("a malformed ID", youngA, application(youngA, ["national_id": "31010120190101123"]), .badRequest, "national_id"),
                ("a public school as private choice", youngA, application(youngA, ["track": "private", "choice1": Fixture.huangpuSchool.id]), .badRequest, "choices"),
                ("three private choices", youngA, application(youngA, ["track": "private", "choice1": Self.privateSchool.id, "choice2": "3101010004", "choice3": "3101010005"]),
                 .badRequest, "choices"),
                ("a zone outside the campaign", youngA, application(youngA, ["zone": "310104-Z09"]), .badRequest, "zone"),
            ]
            for (name, child, form, status, field) in cases {
                let response = try await post(parent, "/enrollment/open/apply/\(child.id)", form)
                #expect(response.status == status, "\(name)")
                if let field { #expect(response.body.string.contains("data-field=\"\(field)\""), "\(name) names \(field)") }
            }
            let short = try await post(parent, "/enrollment/open/apply/\(youngA.id)", application(youngA, ["national_id": "31010120190101123"]))
            #expect(short.body.string.contains("身份证件号应为 18 位，您输入了 17 位"), "a family reads the ID problem in Chinese")
            #expect(try await CampaignStore(h.app.db).applications(campaignID: "open").isEmpty, "nothing stored")
            let closed = try await post(parent, "/enrollment/closed/apply/\(youngA.id)", application(youngA))
            #expect(closed.status == .badRequest && closed.body.string.contains("data-field=\"status\""), "a closed window")

            #expect(try await post(parent, "/enrollment/open/apply/\(youngA.id)", application(youngA)).status == .seeOther, "a good application")
            let again = try await post(parent, "/enrollment/open/apply/\(youngA.id)", application(youngA, ["tier": "2"]))
            #expect(again.status == .badRequest && again.body.string.contains("data-field=\"student\""), "a second application for the same child")
            let stored = try #require(try await CampaignStore(h.app.db).application(campaignID: "open", studentID: youngA.id))
            let edit = try await post(parent, "/enrollment/open/apply/\(youngA.id)", application(youngA, ["tier": "2", "application": stored.id]))
            #expect(edit.status == .seeOther, "an edit of the application")
            #expect(try await CampaignStore(h.app.db).changes(applicationID: stored.id).map(\.action) == ["create", "update"])
            // The family reads its own change log, in Beijing time, on the form.
            let form = try await parent.send(.GET, "/enrollment/open/apply/\(youngA.id)").body.string
            let log = try #require(form.components(separatedBy: "id=\"application-history\"").last)
            #expect(log.components(separatedBy: "<tr>").count == 4 && log.contains("第二类") && log.contains("修改"), "two rows under the header")
            #expect(log.contains("公办；黄浦区第一中心小学施教区；第一类：人户一致（户籍在本施教区且在此居住）；居住 3 年"), "the first submission in words")
            #expect(!log.contains("tier=") && !log.contains("track=") && !log.contains(Fixture.zoneA.id), "no field codes or zone codes")
            #expect(form.range(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）"#, options: .regularExpression) != nil)
            // Choices in words: the zone by the school that serves it, the category explained.
            #expect(form.contains(">黄浦区第一中心小学施教区</option>") && form.contains("第一类：人户一致"))
            // After a problem the form comes back as typed, the problem beside its field.
            let typed = try await post(parent, "/enrollment/open/apply/\(youngA.id)",
                                       application(youngA, ["national_id": "31010120190101123", "years": "7", "tier": "3", "application": stored.id]))
            #expect(typed.status == .badRequest && typed.body.string.contains("id=\"national_id-error\""))
            #expect(typed.body.string.contains("name=\"years\" aria-describedby=\"years-hint\" value=\"7\"") || typed.body.string.contains("value=\"7\""))
            #expect(typed.body.string.contains("<option value=\"3\" selected>"))
            #expect(try await h.client().send(.GET, "/enrollment/open/apply/\(youngA.id)").status == .seeOther, "anonymous: to the login page")
        }
    }

    @Test func districtRunsTheDrawAndFamiliesSeeTheirReason() async throws {
        try await Self.with { h, youngA, youngB in
            let parentA = try await signedIn(h, "parent-a")
            let parentB = try await signedIn(h, "parent-b")
            let before = try await parentA.send(.GET, "/family").body.string
            #expect(before.contains("href=\"/enrollment/open/apply/\(youngA.id)\""), "the family page offers registration to an eligible child")
            #expect(try await post(parentA, "/enrollment/open/apply/\(youngA.id)",
                                   application(youngA, ["track": "private", "choice1": Self.privateSchool.id])).status == .seeOther)
            #expect(!(try await parentA.send(.GET, "/family").body.string.contains("/enrollment/open/apply/\(youngA.id)")), "not once registered")
            #expect(try await post(parentB, "/enrollment/open/apply/\(youngB.id)",
                                   application(youngB, ["track": "private", "choice1": Self.privateSchool.id])).status == .seeOther)

            let anonymous = h.client()
            #expect(try await anonymous.send(.GET, "/public/enrollment/open").status == .notFound, "nothing public before freezing")
            let xuhui = try await signedIn(h, "xuhui")
            #expect(try await post(xuhui, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .forbidden, "another district")
            let city = try await signedIn(h, "city")
            #expect(try await post(city, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .forbidden, "the city does not run a district's campaign")
            #expect(try await city.send(.GET, "/enrollment/open").status == .ok, "but sees it")
            let school = try await signedIn(h, "school")
            #expect(try await school.send(.GET, "/enrollment/open").status == .forbidden)

            let district = try await signedIn(h, "huangpu")
            #expect(try await post(district, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .seeOther)
            #expect(try await post(parentA, "/enrollment/open/apply/\(youngA.id)", application(youngA)).status == .badRequest, "no edits after freezing")
            let wrong = try await post(district, "/enrollment/open/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": "guess"])
            #expect(wrong.status == .badRequest && wrong.body.string.contains("id=\"notary_secret-error\""))
            #expect(try await post(district, "/enrollment/open/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret]).status == .seeOther)
            let review = try await district.send(.GET, "/enrollment/open")
            #expect(review.body.string.contains("id=\"what-if\"") && review.body.string.contains("<svg"))
            #expect(review.body.string.contains("<strong id=\"status\">已派位（待发布）</strong>") && review.body.string.contains("id=\"step-publish\""))
            // The schools table sorts on the server and downloads whole, for the campaign's readers only.
            let sorted = try await district.send(.GET, "/enrollment/open?sort=admitted&dir=desc")
            #expect(sorted.status == .ok && sorted.body.string.contains("aria-sort=\"descending\""))
            #expect(try await district.send(.GET, "/enrollment/open?sort=secret").status == .badRequest, "an unknown column")
            let schools = try await district.send(.GET, "/enrollment/open/schools.csv")
            #expect(schools.status == .ok && schools.body.string.contains("最后录取号码") && schools.body.string.contains(Self.privateSchool.name))
            #expect(try await district.send(.GET, "/enrollment/open/schools.xlsx").status == .ok)
            #expect(try await xuhui.send(.GET, "/enrollment/open/schools.csv").status == .forbidden)
            #expect(try await school.send(.GET, "/enrollment/open/schools.csv").status == .forbidden)
            #expect(try await parentA.send(.GET, "/enrollment/open/schools.csv").status == .forbidden)
            let campaigns = try await district.send(.GET, "/enrollment/campaigns.csv")
            #expect(campaigns.status == .ok && campaigns.body.string.contains("已派位（待发布）"))
            #expect(try await school.send(.GET, "/enrollment/campaigns.xlsx").status == .forbidden)
            #expect(try await parentA.send(.GET, "/enrollment").body.string.contains("<td>尚未发布</td>"), "no result before publishing")
            #expect(try await post(district, "/enrollment/open/publish", ["confirmed": "yes"]).status == .seeOther)

            // One child got the private seat by lottery, the other went back to the catchment school.
            let pages = [try await parentA.send(.GET, "/enrollment").body.string, try await parentB.send(.GET, "/enrollment").body.string]
            #expect(pages.filter { $0.contains("电脑派位录取") && $0.contains("该校最后录取号码") }.count == 1)
            #expect(pages.filter { $0.contains("民办未录取，按施教区对口入学") }.count == 1)
            // The school's staff reach their admitted list from the school's page.
            let schoolPage = try await school.send(.GET, "/schools/\(Fixture.huangpuSchool.id)").body.string
            #expect(schoolPage.contains("href=\"/enrollment/open/results.csv?school=\(Fixture.huangpuSchool.id)\""))
            // After publication the form is closed, with a sentence saying why.
            let closedForm = try await parentA.send(.GET, "/enrollment/open/apply/\(youngA.id)").body.string
            #expect(closedForm.contains("id=\"application-closed\"") && closedForm.contains("结果已发布") && !closedForm.contains("id=\"apply\""))
            // The family page tells each family its child's result, the applicant id and where to check the draw.
            let applicationA = try #require(try await CampaignStore(h.app.db).application(campaignID: "open", studentID: youngA.id))
            let family = try await parentA.send(.GET, "/family").body.string
            #expect(family.contains(applicationA.applicantId) && family.contains("href=\"/public/enrollment/open\""))
            #expect(family.contains("电脑派位录取") || family.contains("民办未录取，按施教区对口入学"))
            #expect(!family.contains("（310101）"), "the campaign is named by the district's name, not its code")

            let export = try await district.send(.GET, "/enrollment/open/results.csv?school=\(Fixture.huangpuSchool.id)")
            #expect(export.status == .ok && export.body.string.contains(NationalID.mask(youngA.nationalId)) != export.body.string.contains(NationalID.mask(youngB.nationalId)))
            #expect(!export.body.string.contains(youngA.nationalId))
            #expect(try await xuhui.send(.GET, "/enrollment/open/results.csv?school=\(Fixture.huangpuSchool.id)").status == .forbidden)
            #expect(try await school.send(.GET, "/enrollment/open/results.csv?school=\(Fixture.huangpuSchool.id)").status == .ok, "its own school, once published")
            #expect(try await school.send(.GET, "/enrollment/open/results.csv?school=\(Self.privateSchool.id)").status == .forbidden)

            let page = try await anonymous.send(.GET, "/public/enrollment/open")
            #expect(page.status == .ok && page.body.string.contains("results.csv") && page.body.string.contains("youjiao enroll verify"))
            for file in ["schools.csv", "applicants.csv", "results.csv"] {
                let download = try await anonymous.send(.GET, "/public/enrollment/open/\(file)")
                #expect(download.status == .ok, "\(file)")
                #expect(!download.body.string.contains("王小雨") && !download.body.string.contains(youngA.nationalId), "\(file) holds no personal data")
            }
            #expect(try await anonymous.send(.GET, "/public/enrollment/open/secrets.csv").status == .notFound)

            // A family with Python and nothing else: the verifier and the files from the site, the command
            // exactly as the page shows it, and the published results agree.
            let verifier = try await anonymous.send(.GET, "/static/verify.py")
            #expect(verifier.status == .ok && verifier.body.string.hasPrefix("#!/usr/bin/env python3"))
            var downloads = ["verify.py": verifier.body.string]
            for file in ["schools.csv", "applicants.csv", "results.csv"] {
                downloads[file] = try await anonymous.send(.GET, "/public/enrollment/open/\(file)").body.string
            }
            let run = try Self.runShownPythonCommand(page: page.body.string, files: downloads)
            #expect(run.status == 0 && run.output.contains("OK: 2 rows agree"), "\(run.output)")
            downloads["results.csv"] = downloads["results.csv"]?.replacingOccurrences(of: ",catchment,", with: ",coordinated,")
            let changed = try Self.runShownPythonCommand(page: page.body.string, files: downloads)
            #expect(changed.status == 1 && changed.output.contains("DIFFERENT: results.csv row"), "\(changed.output)")
        }
    }

    /// Runs the page's `python3 verify.py …` command with /bin/sh in a folder holding `files`.
    static func runShownPythonCommand(page: String, files: [String: String]) throws -> (status: Int32, output: String) {
        let opening = try #require(page.range(of: "<pre class=\"commands\" id=\"python-command\">"))
        let closing = try #require(page[opening.upperBound...].range(of: "</pre>"))
        let command = page[opening.upperBound..<closing.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("youjiao-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, body) in files { try Data(body.utf8).write(to: folder.appendingPathComponent(name)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }

    @Test func irreversibleStepsShowWhatWillHappenAndAskToConfirm() async throws {
        try await Self.with { h, youngA, _ in
            let parentA = try await signedIn(h, "parent-a")
            #expect(try await post(parentA, "/enrollment/open/apply/\(youngA.id)", application(youngA)).status == .seeOther)
            let district = try await signedIn(h, "huangpu")
            let lateForm = try await parentA.send(.GET, "/enrollment/closed/apply/\(youngA.id)").body.string
            #expect(lateForm.contains("报名已于") && !lateForm.contains("id=\"apply\""), "a window that has ended says so instead of showing the form")
            let campaignPage = try await district.send(.GET, "/enrollment/open").body.string
            #expect(campaignPage.contains("href=\"/enrollment/open/freeze\"") && !campaignPage.contains("action=\"/enrollment/open/freeze\""),
                    "the campaign page leads to the confirmation, it does not freeze")
            let confirm = try await district.send(.GET, "/enrollment/open/freeze").body.string
            #expect(confirm.contains("class=\"confirm-panel\"") && confirm.contains("所有家长将不能再报名或修改报名"))
            #expect(confirm.contains("报名原定") && confirm.contains("name=\"reason\""), "closing before the announced day asks for a reason")
            #expect(confirm.contains("aria-current=\"step\""), "a step bar shows where the campaign is")
            // A post that skips the confirmation, or an early freeze without a reason, changes nothing.
            let unconfirmed = try await post(district, "/enrollment/open/freeze", ["reason": "学位调整需要提前截止"])
            #expect(unconfirmed.status == .badRequest)
            let noReason = try await post(district, "/enrollment/open/freeze", ["confirmed": "yes", "reason": " "])
            #expect(noReason.status == .badRequest && noReason.body.string.contains("id=\"reason-error\""))
            #expect(try await CampaignStore(h.app.db).campaign(id: "open")?.status == .open, "still open")
            #expect(try await post(district, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "学位调整需要提前截止"]).status == .seeOther)
            #expect(try await CampaignStore(h.app.db).campaign(id: "open")?.status == .frozen)
            #expect(try await h.accounts.auditEvents().contains { $0.action == "campaign-freeze" && $0.detail == "reason: 学位调整需要提前截止" },
                    "the reason is logged with who and when")
            let drawPage = try await district.send(.GET, "/enrollment/open/draw").body.string
            #expect(drawPage.contains("name=\"beacon_value\"") && drawPage.contains("name=\"notary_secret\"") && !drawPage.contains("name=\"reason\""))
        }
    }
}
