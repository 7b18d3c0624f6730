import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// The aid pages over real HTTP: the scope matrix, the published list's privacy, the review queue's
/// decisions, the payment file and the guardian's notice and decline.
@Suite("Aid pages")
struct AidWebTests {
    /// The harness with the aid fixture matched for 2025.
    func withAid(_ body: (WebHarness) async throws -> Void) async throws {
        try await WebHarness.with { h in
            try await AidFixture.load(into: h.registry, withRegistry: false)
            try await body(h)
        }
    }

    func signedIn(_ h: WebHarness, _ username: String?) async throws -> WebHarness.Client {
        let client = h.client()
        if let username { #expect(try await client.login(username).status == .seeOther) }
        return client
    }

    func reviewItem(_ h: WebHarness, _ reason: AidReviewReason) async throws -> AidReviewRow {
        let items = try await AidStore(h.app.db).reviewItems(year: 2025, filter: AidScopeFilter(), status: nil, page: PageQuery(page: 1, perPage: 50)).items
        return try #require(items.first { $0.reasonValue == reason })
    }

    func grantID(_ h: WebHarness, of child: Student) async throws -> String {
        let student = try #require(try await h.registry.student(nationalID: child.nationalID))
        return try #require(try await AidStore(h.app.db).notices(studentIDs: [student.id]).first?.grantId)
    }

    @Test func everyRoleSeesOnlyItsScope() async throws {
        try await withAid { h in
            // Child B's grant exists once a reviewer confirms the spelling; it is outside Huangpu.
            try await AidStore(h.app.db).resolve(reviewID: try await reviewItem(h, .nameMismatch).id, as: .grant, note: "", actor: "test")
            let grantA = try await grantID(h, of: Fixture.childA)
            let grantB = try await grantID(h, of: Fixture.childB)
            let huangpuSchool = Fixture.huangpuSchool.id, xuhuiSchool = Fixture.xuhuiSchool.id
            let ok = HTTPStatus.ok, no = HTTPStatus.forbidden, login = HTTPStatus.seeOther
            //                          city  huangpu school parent anonymous
            let reads: [(String, [HTTPStatus])] = [
                ("/aid", [ok, ok, ok, no, login]),
                ("/aid?district=310104", [ok, no, no, no, login]),
                ("/aid/summary.csv?by=school", [ok, ok, ok, no, login]),
                ("/aid/summary.xlsx?by=district", [ok, ok, ok, no, login]),
                ("/aid/grants?school=\(huangpuSchool)", [ok, ok, ok, no, login]),
                ("/aid/grants?school=\(xuhuiSchool)", [ok, no, no, no, login]),
                ("/aid/grants.csv?school=\(xuhuiSchool)", [ok, no, no, no, login]),
                ("/aid/grants.xlsx?school=\(xuhuiSchool)", [ok, no, no, no, login]),
                ("/aid/review", [ok, ok, ok, no, login]),
                ("/aid/review.csv?status=all", [ok, ok, ok, no, login]),
                ("/aid/review.xlsx?status=all", [ok, ok, ok, no, login]),
                ("/aid/review?district=310104", [ok, no, no, no, login]),
                ("/aid/review/\(try await reviewItem(h, .notInRegistry).id)", [ok, no, no, no, login]),
                ("/aid/review/\(try await reviewItem(h, .leftSchool).id)", [ok, ok, no, no, login]),
                // Full ID numbers: never without an approved export request (ExportWebTests).
                ("/aid/payments.csv", [no, no, no, no, login]),
                ("/aid/payments.csv?district=310104", [no, no, no, no, login]),
            ]
            let users: [String?] = ["city", "huangpu", "school", "parent-a", nil]
            for (index, username) in users.enumerated() {
                let client = try await signedIn(h, username)
                for (path, expected) in reads {
                    let status = try await client.send(.GET, path).status
                    #expect(status == expected[index], "\(username ?? "anonymous") GET \(path)")
                }
                guard username != nil else { continue }
                let token = try await client.csrf(from: username == "parent-a" ? "/family" : "/aid")
                let declineB = try await client.send(.POST, "/aid/grants/\(grantB)/decline", form: ["_csrf": token])
                #expect(declineB.status == .forbidden, "\(username!) may not decline another family's grant")
                if username != "parent-a" {
                    let declineA = try await client.send(.POST, "/aid/grants/\(grantA)/decline", form: ["_csrf": token])
                    #expect(declineA.status == .forbidden, "\(username!) is not the child's guardian")
                }
            }
            // Deciding on the Xuhui pupil's item: only the city here (Huangpu and the school are outside).
            let unknown = try await reviewItem(h, .notInRegistry)
            for username in ["huangpu", "school", "parent-a"] {
                let client = try await signedIn(h, username)
                let token = try await client.csrf(from: username == "parent-a" ? "/family" : "/aid")
                let response = try await client.send(.POST, "/aid/review/\(unknown.id)/resolve",
                                                     form: ["_csrf": token, "outcome": "dismiss", "note": "x"])
                #expect(response.status == .forbidden, "\(username) may not decide on an unknown child")
            }
            let leaver = try await reviewItem(h, .leftSchool)
            let district = try await signedIn(h, "huangpu")
            let token = try await district.csrf(from: "/aid/review")
            let decided = try await district.send(.POST, "/aid/review/\(leaver.id)/resolve",
                                                  form: ["_csrf": token, "outcome": "dismiss", "note": "moved away", "confirmed": "yes"])
            #expect(decided.status == .seeOther, "the district decides on a leaver living in it")
        }
    }

    @Test func theReviewQueueShowsReasonsAndTakesDecisions() async throws {
        try await withAid { h in
            let client = try await signedIn(h, "city")
            let page = try await client.send(.GET, "/aid/review")
            let html = page.body.string
            for reason in [AidReviewReason.adultID, .notInRegistry, .nameMismatch, .leftSchool] { #expect(html.contains(reason.labelZH)) }
            #expect(html.contains("持证人 37 岁"), "the parent's age, not their birth date")
            #expect(html.contains("李小紅 ≠ 李小红"))
            #expect(html.contains(NationalID.mask(Fixture.guardianA.nationalID)) && !html.contains(Fixture.guardianA.nationalID), "IDs masked")
            let mismatch = try await reviewItem(h, .nameMismatch)
            let decisionPage = try await client.send(.GET, "/aid/review/\(mismatch.id)").body.string
            #expect(decisionPage.contains("确认为同一学生"), "a name mismatch can be confirmed")
            let token = try await client.csrf(from: "/aid/review")
            let noToken = try await client.send(.POST, "/aid/review/\(mismatch.id)/resolve", form: ["outcome": "grant"])
            #expect(noToken.status == .forbidden, "CSRF")
            let noNote = try await client.send(.POST, "/aid/review/\(mismatch.id)/resolve", form: ["_csrf": token, "outcome": "dismiss"])
            #expect(noNote.status == .badRequest && noNote.body.string.contains("理由"))
            #expect(noNote.body.string.contains(#"value="dismiss" required="required" checked="checked""#), "the choice is kept after the error")
            #expect(noNote.body.string.contains(#"<p id="note-error" class="field-error">不予资助时请填写理由。</p>"#), "the problem beside its field")
            let badOutcome = try await client.send(.POST, "/aid/review/\(mismatch.id)/resolve", form: ["_csrf": token, "outcome": "pay-twice"])
            #expect(badOutcome.status == .badRequest)
            let leaver = try await reviewItem(h, .leftSchool)
            let refused = try await client.send(.POST, "/aid/review/\(leaver.id)/resolve", form: ["_csrf": token, "outcome": "grant"])
            #expect(refused.status == .conflict && refused.body.string.contains("姓名与学籍不符"))
            let granted = try await client.send(.POST, "/aid/review/\(mismatch.id)/resolve",
                                                form: ["_csrf": token, "outcome": "grant", "note": "繁体字", "confirmed": "yes"])
            #expect(granted.status == .seeOther)
            let list = try await client.send(.GET, "/aid/grants?school=\(Fixture.xuhuiSchool.id)")
            #expect(list.body.string.contains(Fixture.childB.name) && list.body.string.contains("1,000"))
            let again = try await client.send(.POST, "/aid/review/\(mismatch.id)/resolve", form: ["_csrf": token, "outcome": "dismiss", "note": "x"])
            #expect(again.status == .conflict, "decided once")

            // Guardian A's own number on the 低保 list: the usual case of a household listed under a parent.
            let adult = try await reviewItem(h, .adultID)
            let queue = try await client.send(.GET, "/aid/review/\(adult.id)").body.string
            let childA = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            let childB = try #require(try await h.registry.student(nationalID: Fixture.childB.nationalID))
            #expect(queue.contains("value=\"child:\(childA.id)\""), "the guardian's child is offered")
            #expect(!queue.contains("checked"), "no decision is preselected")
            let notTheirs = try await client.send(.POST, "/aid/review/\(adult.id)/resolve", form: ["_csrf": token, "outcome": "child:\(childB.id)"])
            #expect(notTheirs.status == .conflict, "only the listed guardian's own child")
            let toChild = try await client.send(.POST, "/aid/review/\(adult.id)/resolve",
                                                form: ["_csrf": token, "outcome": "child:\(childA.id)", "note": "低保证登记在父亲名下", "confirmed": "yes"])
            #expect(toChild.status == .seeOther)
            #expect(try await AidStore(h.app.db).reviewItem(id: adult.id)?.statusValue == .granted)
        }
    }

    @Test func publishedListsShowNoIDNumberAddressBirthDateOrBankDetails() async throws {
        try await withAid { h in
            let client = try await signedIn(h, "school")
            let child = Fixture.childA
            for path in ["/aid/grants", "/aid/grants.csv", "/aid", "/aid/summary.csv?by=policy"] {
                let text = try await client.send(.GET, path).body.string
                #expect(!text.contains(child.nationalID) && !text.contains(NationalID.mask(child.nationalID)), "\(path): no ID number, not even masked")
                #expect(!text.contains(child.birthDate) && !text.contains(child.birthDate.replacingOccurrences(of: "-", with: "")), "\(path): no birth date")
                #expect(!text.contains(Fixture.zoneA.id), "\(path): no residence")
                #expect(!text.lowercased().contains("bank") && !text.contains("银行卡") && !text.contains("账号"), "\(path): no bank details")
            }
            let list = try await client.send(.GET, "/aid/grants").body.string
            #expect(list.contains(child.name) && list.contains("义务教育家庭经济困难学生生活补助"))
            let csv = try await client.send(.GET, "/aid/grants.csv").body.string
            #expect(csv.hasPrefix("\u{FEFF}姓名,年级,班级,资助项目,金额（元）,状态\r\n"), "the page's columns in the page's words")
            #expect(csv.contains("\r\n\(child.name),三年级,2,义务教育家庭经济困难学生生活补助,1000,发放\r\n"))
            let student = try #require(try await h.registry.student(nationalID: child.nationalID))
            #expect(try await h.accounts.auditEvents(subjectID: student.id).contains { $0.action == "aid-list" }, "reading the list is audited")
        }
    }

    @Test func theGuardianIsToldAndMayDecline() async throws {
        try await withAid { h in
            let parent = try await signedIn(h, "parent-a")
            let family = try await parent.send(.GET, "/family").body.string
            #expect(family.contains("您的孩子 王小明 获得 1,000 元资助，无需申请"))
            _ = try await parent.send(.GET, "/lang/en")
            #expect(try await parent.send(.GET, "/family").body.string.contains("Your child 王小明 receives ¥1,000 of aid; nothing to do"))

            let grant = try await grantID(h, of: Fixture.childA)
            let withoutToken = try await parent.send(.POST, "/aid/grants/\(grant)/decline", form: [:])
            #expect(withoutToken.status == .forbidden)
            let token = try await parent.csrf(from: "/family")
            let declined = try await parent.send(.POST, "/aid/grants/\(grant)/decline", form: ["_csrf": token])
            #expect(declined.status == .seeOther)
            let after = try await parent.send(.GET, declined.headers.first(name: .location) ?? "/family").body.string
            #expect(after.contains("You declined") && after.contains("role=\"status\""), "declined, with a message that it was saved")

            try await h.addColleague("city2", role: .cityAdmin)
            let payments = try await h.approvedPaymentFile(requester: "city", approver: "city2").body.string
            #expect(payments.contains(AidPayment.csvHeader.joined(separator: ",")), "the file itself")
            #expect(!payments.contains(Fixture.childA.nationalID), "a declined grant is not paid")
            #expect(try await AidStore(h.app.db).events(kind: "declined").first?.actor == "parent-a")
        }
    }

    @Test func thePaymentFileCarriesFullIDsAndIsAudited() async throws {
        try await withAid { h in
            try await AidStore(h.app.db).resolve(reviewID: try await reviewItem(h, .nameMismatch).id, as: .grant, note: "", actor: "test")
            try await h.addColleague("city2", role: .cityAdmin)
            let all = try await h.approvedPaymentFile(requester: "city", approver: "city2")
            #expect(all.headers.first(name: .contentDisposition)?.contains("aid-payments-2025.csv") == true)
            let lines = all.body.string.split(separator: "\n")
            // The watermark's two comment lines, then the header a finance system reads.
            #expect(lines.first?.hasPrefix("\u{FEFF}# 导出：") == true && lines.dropFirst().first?.hasPrefix("# export:") == true)
            #expect(lines.dropFirst(2).first.map(String.init) == AidPayment.csvHeader.joined(separator: ","))
            #expect(lines.count == 5 && all.body.string.contains(Fixture.childA.nationalID) && all.body.string.contains(Fixture.childB.nationalID))
            let own = try await h.approvedPaymentFile(requester: "huangpu", approver: "city").body.string
            #expect(own.contains(Fixture.childA.nationalID) && !own.contains(Fixture.childB.nationalID), "Huangpu's pupils only")
            let student = try #require(try await h.registry.student(nationalID: Fixture.childB.nationalID))
            #expect(try await h.accounts.auditEvents(subjectID: student.id).filter { $0.action == "aid-payments" }.count == 1)
        }
    }

    @Test func theOverviewHasAChartTablesAndCSV() async throws {
        try await withAid { h in
            let city = try await signedIn(h, "city")
            let page = try await city.send(.GET, "/aid?year=2025").body.string
            #expect(page.contains("<svg") && page.contains("黄浦区") && page.contains("待审核 4 条"))
            #expect(page.contains("/exports/new?kind=payment-file&amp;year=2025"), "the payment file is asked for, not downloaded at once")
            let csv = try await city.send(.GET, "/aid/summary.csv?year=2025&by=district").body.string
            #expect(csv.hasPrefix("\u{FEFF}区,受助学生,资助笔数,金额（元）,家长放弃"))
            #expect(csv.contains("黄浦区,1,1,1000,0"))
            #expect(try await city.send(.GET, "/aid/summary.csv?by=nothing").status == .badRequest)
            let school = try await signedIn(h, "school")
            let own = try await school.send(.GET, "/aid").body.string
            #expect(!own.contains("/aid/payments.csv") && !own.contains("/exports"), "no payment file for a school")
            #expect(own.contains("待审核 0 条"), "the school's queue is empty: its pupil was granted")
        }
    }

    @Test func theQueueSortsFiltersAndPagesOnTheServer() async throws {
        try await withAid { h in
            let city = try await signedIn(h, "city")
            /// The entry names in the table's first column, in page order.
            func names(_ path: String) async throws -> [String] {
                let html = try await city.send(.GET, path).body.string
                let pattern = try Regex(#"<th scope="row">(?:<a href="[^"]*">)?([^<]*)"#)
                return html.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
            }
            let ascending = try await names("/aid/review?sort=name&dir=asc")
            let descending = try await names("/aid/review?sort=name&dir=desc")
            #expect(ascending.count == 4 && ascending == ascending.sorted() && descending == Array(ascending.reversed()), "\(ascending)")
            let sorted = try await city.send(.GET, "/aid/review?sort=name&dir=asc").body.string
            #expect(sorted.contains(#"aria-sort="ascending""#))

            let adult = try await city.send(.GET, "/aid/review?reason=adultID").body.string
            #expect(adult.contains("共 1 条记录") && adult.contains("持证人 37 岁") && !adult.contains("李小紅 ≠ 李小红"))
            #expect(adult.contains(#"<option value="adultID" selected>"#), "the filter shows what was asked")
            let xuhui = try await city.send(.GET, "/aid/review?district=310104&status=all").body.string
            #expect(xuhui.contains("李小紅 ≠ 李小红") && !xuhui.contains("持证人 37 岁"), "the district filter")
            let school = try await city.send(.GET, "/aid/review?school=\(Fixture.xuhuiSchool.id)").body.string
            #expect(school.contains("共 1 条记录") && school.contains("李小紅 ≠ 李小红"), "the school filter")
            let none = try await city.send(.GET, "/aid/review?list=orphan").body.string
            #expect(none.contains("没有符合条件的待审核记录。") && !none.contains("<table"), "an empty table says so")
            for bad in ["reason=payTwice", "list=minimum", "status=paid", "sort=national_id", "year=20x5"] {
                #expect(try await city.send(.GET, "/aid/review?\(bad)").status == .badRequest, "\(bad)")
            }
            #expect(try await city.send(.GET, "/aid/review?page=2").status == .notFound, "one page of 4 entries")
            #expect(try await city.send(.GET, "/aid/review?page=-1").status == .badRequest)

            // No raw codes, field names or English in the zh page.
            let page = try await city.send(.GET, "/aid/review?status=all").body.string
            let cells = page.components(separatedBy: "<tbody>").last ?? ""
            for code in ["minimumLivingAllowance", "adultID", "nameMismatch", "notInRegistry", "leftSchool", ">open<", "holder aged"] {
                #expect(!cells.contains(code), "\(code) in the table")
            }
        }
    }

    @Test func everyTableDownloadsTheWholeFilteredListAsCSVAndXLSX() async throws {
        try await withAid { h in
            let city = try await signedIn(h, "city")
            let csv = try await city.send(.GET, "/aid/review.csv?status=all&sort=name&dir=desc")
            #expect(csv.headers.first(name: .contentDisposition)?.contains("aid-review-2025.csv") == true)
            let text = csv.body.string
            #expect(text.hasPrefix("\u{FEFF}名单姓名,原因,名单,身份证件号（已遮盖）,学籍姓名,学校,区,说明,状态,处理说明\r\n"))
            let lines = text.split(separator: "\r\n")
            #expect(lines.count == 5, "the header and every entry, not one page")
            #expect(text.contains("证件号不是学生的（家长的？）,低保,") && text.contains("持证人 37 岁") && text.contains(",待处理,"))
            #expect(!text.contains("adultID") && !text.contains("minimumLivingAllowance") && !text.contains(Fixture.guardianA.nationalID))
            let filtered = try await city.send(.GET, "/aid/review.csv?reason=nameMismatch").body.string
            #expect(filtered.split(separator: "\r\n").count == 2 && filtered.contains("李小紅"))

            let xlsx = try await city.send(.GET, "/aid/review.xlsx?status=all")
            #expect(xlsx.headers.contentType?.description.contains("spreadsheetml") == true)
            #expect(xlsx.body.string.hasPrefix("PK"), "a zip workbook")
            let summary = try await city.send(.GET, "/aid/summary.xlsx?by=policy")
            #expect(summary.status == .ok && summary.body.string.hasPrefix("PK"))
            let grants = try await city.send(.GET, "/aid/grants.xlsx?school=\(Fixture.huangpuSchool.id)")
            #expect(grants.status == .ok && grants.body.string.hasPrefix("PK"))

            _ = try await city.send(.GET, "/lang/en")
            let english = try await city.send(.GET, "/aid/review.csv?reason=adultID").body.string
            #expect(english.hasPrefix("\u{FEFF}Name on the list,Reason,List,ID number (masked),"))
            #expect(english.contains("minimum living allowance") && english.contains("holder aged 37"))
            let overview = try await city.send(.GET, "/aid?year=2025").body.string
            #expect(overview.contains(#"href="/aid/summary.csv?year=2025&amp;by=district" download"#))
            #expect(overview.contains(#"href="/aid/summary.xlsx?year=2025&amp;by=policy" download"#))
            // Reading a download is a read: the pupils in it are audited.
            let student = try #require(try await h.registry.student(nationalID: Fixture.childB.nationalID))
            #expect(try await h.accounts.auditEvents(subjectID: student.id).contains { $0.action == "aid-review" })
        }
    }

    @Test func aDecisionShowsWhatWillHappenAndWaitsForConfirmation() async throws {
        try await withAid { h in
            let city = try await signedIn(h, "city")
            let mismatch = try await reviewItem(h, .nameMismatch)
            let token = try await city.csrf(from: "/aid/review/\(mismatch.id)")
            let step = try await city.send(.POST, "/aid/review/\(mismatch.id)/resolve", form: ["_csrf": token, "outcome": "grant", "note": "繁体字"])
            let page = step.body.string
            #expect(step.status == .ok && page.contains("confirm-panel") && page.contains("为 李小红（"), "what will happen, named")
            #expect(page.contains("此操作不可撤销。"), "it says the step cannot be undone")
            #expect(page.contains(#"name="confirmed" value="yes""#) && page.contains(#"name="note" value="繁体字""#), "the note goes on to the confirmation")
            #expect(try await AidStore(h.app.db).reviewItem(id: mismatch.id)?.statusValue == .open, "nothing decided before the confirmation")
            let unknown = try await reviewItem(h, .notInRegistry)
            let dismissStep = try await city.send(.POST, "/aid/review/\(unknown.id)/resolve", form: ["_csrf": token, "outcome": "dismiss", "note": "查无此人"])
            #expect(dismissStep.status == .ok && dismissStep.body.string.contains("理由：查无此人"))
            #expect(try await AidStore(h.app.db).reviewItem(id: unknown.id)?.statusValue == .open)
            let long = try await city.send(.POST, "/aid/review/\(unknown.id)/resolve",
                                           form: ["_csrf": token, "outcome": "dismiss", "note": String(repeating: "长", count: 501), "confirmed": "yes"])
            #expect(long.status == .badRequest && long.body.string.contains("不超过 500 字"))
            #expect(try await AidStore(h.app.db).reviewItem(id: unknown.id)?.statusValue == .open, "a confirmed form with a problem decides nothing")

            let done = try await city.send(.POST, "/aid/review/\(mismatch.id)/resolve",
                                           form: ["_csrf": token, "outcome": "grant", "note": "繁体字", "confirmed": "yes"])
            #expect(done.status == .seeOther)
            let after = try await city.send(.GET, done.headers.first(name: .location) ?? "/aid/review").body.string
            #expect(after.contains(#"<p class="flash flash-success" role="status">已处理"#), "a success message")
            #expect(try await city.send(.GET, "/aid/review/\(mismatch.id)").status == .conflict, "a decided entry has no form")
            #expect(try await city.send(.GET, "/aid/review/nothing").status == .notFound)
        }
    }
}
