import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

extension WebHarness {
    /// Another staff account, for the second person of the two-person rule.
    func addColleague(_ username: String, role: Role, district: String? = nil) async throws {
        try await accounts.create(UserRecord(username: username, passwordHash: try Passwords.hash(WebHarness.password, cost: 4), role: role,
                                             displayName: "\(username) 管理员", districtCode: district))
    }

    /// The payment file through the web flow: `requester` asks with a reason, `approver` approves
    /// after the confirm step, and the requester's Exports page offers the download, fetched once.
    func approvedPaymentFile(requester: String, approver: String, year: String = "2025", district: String? = nil) async throws -> Response {
        let asking = client()
        #expect(try await asking.login(requester).status == .seeOther)
        var form = ["_csrf": try await asking.csrf(from: "/exports"), "kind": "payment-file", "year": year, "reason": "发放到财务系统"]
        if let district { form["district"] = district }
        #expect(try await asking.send(.POST, "/exports", form: form).status == .seeOther)
        let id = try #require(try await ExportRequestStore(app.db).requests(of: requester).first?.id)
        let deciding = client()
        #expect(try await deciding.login(approver).status == .seeOther)
        let token = try await deciding.csrf(from: "/exports/\(id)/approve")
        #expect(try await deciding.send(.POST, "/exports/\(id)/approve", form: ["_csrf": token, "note": ""]).status == .seeOther)
        let page = try await asking.send(.GET, "/exports").body.string
        let href = try #require(ExportWebTests.downloadLink(in: page), "the requester's page offers the download")
        return try await asking.send(.GET, href)
    }
}

/// The two-person rule for the payment file over real HTTP: ask, decide after a confirm step,
/// download once with a watermark; every refusal of the rules says why, and every step is audited.
@Suite("Export requests on the web")
struct ExportWebTests {
    static func downloadLink(in page: String) -> String? {
        guard let start = page.range(of: "href=\"/aid/payments.csv?")?.lowerBound else { return nil }
        let rest = page[page.index(start, offsetBy: 6)...]
        return rest.prefix { $0 != "\"" }.replacingOccurrences(of: "&amp;", with: "&")
    }

    func withAid(_ body: (WebHarness) async throws -> Void) async throws {
        try await WebHarness.with { h in
            try await AidFixture.load(into: h.registry, withRegistry: false)
            try await h.addColleague("huangpu2", role: .districtAdmin, district: "310101")
            try await h.addColleague("xuhui", role: .districtAdmin, district: "310104")
            try await h.addColleague("city2", role: .cityAdmin)
            try await body(h)
        }
    }

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther)
        return client
    }

    @Test func askApproveAndDownloadOnceWithAWatermark() async throws {
        try await withAid { h in
            let huangpu = try await signedIn(h, "huangpu")
            let overview = try await huangpu.send(.GET, "/aid?year=2025").body.string
            #expect(overview.contains("/exports/new?kind=payment-file&amp;year=2025") && overview.contains("申请下载发放清单（财务）"))
            let without = try await huangpu.send(.GET, "/aid/payments.csv?year=2025")
            #expect(without.status == .forbidden && without.body.string.contains("/exports"), "no file without an approved request")

            let form = try await huangpu.send(.GET, "/exports/new?kind=payment-file&year=2025")
            #expect(form.status == .ok && form.body.string.contains("资助发放清单（财务）：2025–26 学年，黄浦区") && form.body.string.contains("name=\"reason\""))
            let token = try await huangpu.csrf(from: "/exports")
            let empty = try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "payment-file", "year": "2025", "reason": " "])
            #expect(empty.status == .badRequest && empty.body.string.contains("请填写申请理由。"), "the form comes back with its sentence")
            let asked = try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "payment-file", "year": "2025", "reason": "第一批发放"])
            #expect(asked.status == .seeOther && asked.headers.first(name: .location) == "/exports?requested=1")
            let queue = try await huangpu.send(.GET, "/exports?requested=1").body.string
            #expect(queue.contains("申请已提交") && queue.contains("role=\"status\"") && queue.contains("第一批发放") && queue.contains("待审批"))
            let id = try #require(try await ExportRequestStore(h.app.db).requests(of: "huangpu").first?.id)

            // The requester can neither approve nor download yet.
            let own = try await huangpu.send(.POST, "/exports/\(id)/approve", form: ["_csrf": token, "note": ""])
            #expect(own.status == .forbidden && own.body.string.contains("不能批准或驳回自己的导出申请"))
            let early = try await huangpu.send(.GET, "/aid/payments.csv?year=2025&request=\(id)")
            #expect(early.status == .forbidden && early.body.string.contains("尚未获批"))

            // Another Huangpu administrator approves after the confirm step.
            let colleague = try await signedIn(h, "huangpu2")
            let waiting = try await colleague.send(.GET, "/exports").body.string
            #expect(waiting.contains("/exports/\(id)/approve") && waiting.contains("第一批发放"))
            let confirm = try await colleague.send(.GET, "/exports/\(id)/approve").body.string
            #expect(confirm.contains("confirm-panel") && confirm.contains("24 小时内下载一次"))
            let approved = try await colleague.send(.POST, "/exports/\(id)/approve", form: ["_csrf": try await colleague.csrf(from: "/exports"), "note": "同意"])
            #expect(approved.status == .seeOther && approved.headers.first(name: .location) == "/exports?approved=1")
            #expect(try await colleague.send(.GET, "/exports?approved=1").body.string.contains("已批准：申请人现在可以下载一次。"))

            // Only the requester downloads, once, for exactly what was approved.
            let mine = try await huangpu.send(.GET, "/exports").body.string
            let href = try #require(Self.downloadLink(in: mine))
            #expect(try await colleague.send(.GET, href).status == .forbidden, "the approver does not download")
            #expect(try await huangpu.send(.GET, "/aid/payments.csv?year=2024&request=\(id)").status == .forbidden, "another year")
            let file = try await huangpu.send(.GET, href)
            #expect(file.status == .ok)
            let lines = file.body.string.split(separator: "\n").map(String.init)
            #expect(lines[0].hasPrefix("\u{FEFF}# 导出：黄浦区管理员（huangpu） 申请，huangpu2 管理员（huangpu2） 批准，") && lines[0].hasSuffix("（北京时间），申请号 \(id)"))
            #expect(lines[1].hasPrefix("# export: requested by 黄浦区管理员（huangpu）") && lines[1].hasSuffix("request \(id)"))
            #expect(lines[2] == AidPayment.csvHeader.joined(separator: ","))
            #expect(file.body.string.contains(Fixture.childA.nationalID) && !file.body.string.contains(Fixture.childB.nationalID))
            let again = try await huangpu.send(.GET, href)
            #expect(again.status == .forbidden && again.body.string.contains("只能下载一次"))
            #expect(!(try await huangpu.send(.GET, "/exports").body.string.contains("href=\"/aid/payments.csv")), "no download link once used")

            let actions = try await h.accounts.auditEvents(subjectID: id).map(\.action)
            #expect(Set(actions) == ["export-requested", "export-approved", "export-downloaded"])
            let refusals = try await h.accounts.auditEvents().filter { $0.action == "refused" && $0.route.contains("/exports/\(id)/approve") }
            #expect(!refusals.isEmpty, "the refused self-approval is in the audit trail")
        }
    }

    @Test func refusalsOfTheRules() async throws {
        try await withAid { h in
            let huangpu = try await signedIn(h, "huangpu")
            let token = try await huangpu.csrf(from: "/exports")
            _ = try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "payment-file", "year": "2025", "reason": "发放"])
            let id = try #require(try await ExportRequestStore(h.app.db).requests(of: "huangpu").first?.id)

            // Another district's administrator may not decide; a school or a parent may not even look.
            let xuhui = try await signedIn(h, "xuhui")
            #expect(!(try await xuhui.send(.GET, "/exports").body.string.contains(id)), "not in another district's queue")
            let foreign = try await xuhui.send(.POST, "/exports/\(id)/approve", form: ["_csrf": try await xuhui.csrf(from: "/exports"), "note": ""])
            #expect(foreign.status == .forbidden && foreign.body.string.contains("只有同区的其他管理员或市级管理员"))
            for username in ["school", "parent-a"] {
                let client = try await signedIn(h, username)
                #expect(try await client.send(.GET, "/exports").status == .forbidden, "\(username)")
                #expect(try await client.send(.GET, "/exports/\(id)/approve").status == .forbidden, "\(username)")
            }
            #expect(try await h.client().send(.GET, "/exports").status == .seeOther, "anonymous: sign in first")

            // Asking outside one's scope or for nonsense.
            #expect(try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "payment-file", "year": "2025", "district": "310104",
                                                                   "reason": "x"]).status == .forbidden)
            #expect(try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "registry-export", "entity": "students",
                                                                   "reason": "x"]).status == .forbidden, "the registry export is the city's")
            #expect(try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "everything", "reason": "x"]).status == .badRequest)
            #expect(try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "payment-file", "year": "99999999999999999999",
                                                                   "reason": "x"]).status == .badRequest)
            let long = try await huangpu.send(.POST, "/exports", form: ["_csrf": token, "kind": "payment-file", "year": "2025",
                                                                      "reason": String(repeating: "长", count: 501)])
            #expect(long.status == .badRequest && long.body.string.contains("不超过 500 字"))
            #expect(try await huangpu.send(.POST, "/exports", form: ["kind": "payment-file", "year": "2025", "reason": "x"]).status == .forbidden,
                    "no CSRF token")
            #expect(try await huangpu.send(.GET, "/exports/nothing/approve").status == .notFound)

            // The city refuses, with a note; the file stays closed.
            let city = try await signedIn(h, "city")
            let cityToken = try await city.csrf(from: "/exports")
            #expect(try await city.send(.GET, "/exports/\(id)/refuse").body.string.contains("申请人会看到您的说明"))
            let noNote = try await city.send(.POST, "/exports/\(id)/refuse", form: ["_csrf": cityToken, "note": ""])
            #expect(noNote.status == .badRequest && noNote.body.string.contains("不予批准时请填写说明。"))
            let refused = try await city.send(.POST, "/exports/\(id)/refuse", form: ["_csrf": cityToken, "note": "本月已发放"])
            #expect(refused.status == .seeOther && refused.headers.first(name: .location) == "/exports?refused=1")
            #expect(try await city.send(.GET, "/exports?refused=1").body.string.contains("已不予批准"))
            let twice = try await city.send(.POST, "/exports/\(id)/approve", form: ["_csrf": cityToken, "note": ""])
            #expect(twice.status == .forbidden || twice.status == .conflict, "decided already")
            let page = try await huangpu.send(.GET, "/exports").body.string
            #expect(page.contains("未批准") && page.contains("本月已发放") && !page.contains("href=\"/aid/payments.csv"))
            #expect(try await huangpu.send(.GET, "/aid/payments.csv?year=2025&request=\(id)").body.string.contains("未获批准"))
            #expect(try await h.accounts.auditEvents(subjectID: id).map(\.action).contains("export-refused"))
            #expect(try await huangpu.send(.GET, "/aid/payments.csv?year=2025&request=nothing").body.string.contains("/exports"))

            // A city administrator's request needs another city administrator, not a district's.
            _ = try await city.send(.POST, "/exports", form: ["_csrf": cityToken, "kind": "payment-file", "year": "2025", "reason": "全市发放"])
            let cityRequest = try #require(try await ExportRequestStore(h.app.db).requests(of: "city").first?.id)
            #expect(try await huangpu.send(.POST, "/exports/\(cityRequest)/approve", form: ["_csrf": token, "note": ""]).status == .forbidden)
            let city2 = try await signedIn(h, "city2")
            #expect(try await city2.send(.POST, "/exports/\(cityRequest)/approve", form: ["_csrf": try await city2.csrf(from: "/exports"), "note": ""])
                .status == .seeOther)
        }
    }

    @Test func theDailyCapHoldsOnTheWeb() async throws {
        try await withAid { h in
            for _ in 0..<ExportRules.dailyDownloadCap {
                #expect(try await h.approvedPaymentFile(requester: "huangpu", approver: "city").status == .ok)
            }
            let fourth = try await h.approvedPaymentFile(requester: "huangpu", approver: "huangpu2")
            #expect(fourth.status == .forbidden && fourth.body.string.contains("每日上限"))
        }
    }

    @Test func thePagesReadInEnglishAndHaveEmptyStates() async throws {
        try await withAid { h in
            let city = try await signedIn(h, "city")
            let empty = try await city.send(.GET, "/exports").body.string
            #expect(empty.contains("没有等待您审批的申请。") && empty.contains("您还没有导出申请。") && empty.contains("学籍数据导出（运维）：学生"))
            _ = try await city.send(.GET, "/lang/en")
            let english = try await city.send(.GET, "/exports").body.string
            #expect(english.contains("<h1>Exports</h1>") && english.contains("Nothing is waiting for your decision.") && english.contains("Registry export (operator): pupils"))
            #expect(english.contains("name=\"viewport\""), "the phone layout's viewport")
        }
    }
}
