import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// Kindergarten fees made public, over real HTTP on SQLite and PostgreSQL: the kindergarten enters
/// its fees (over the cap, a category not allowed and a boarding fee refused), the public list and
/// page without sign-in, a parent's complaint (malformed forms, CSRF, the per-address limit), the
/// district's queue and decisions (logged, irreversible ones confirmed, another district refused
/// and audited), and two decisions at once.
@Suite("Kindergarten fees on the web")
struct KindergartenFeeWebTests {
    static let kindergarten = Fixture.huangpuKindergarten.id

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    @discardableResult
    func post(_ client: WebHarness.Client, _ path: String, csrfFrom page: String, form: [String: String] = [:]) async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: page)
        return try await client.send(.POST, path, form: form)
    }

    func load(_ h: WebHarness) async throws {
        try await Fixture.loadKindergarten(into: h.registry)
        // 一级园: the default cap is 500 yuan a month.
        try await KindergartenFeeStore(h.app.db).upsert(grades: [(Self.kindergarten, .first)])
        let hash = try Passwords.hash(WebHarness.password, cost: 4)
        try await h.accounts.create(UserRecord(username: "kg", passwordHash: hash, role: .schoolAdmin, displayName: "幼儿园管理员",
                                               districtCode: "310101", schoolId: Self.kindergarten))
        try await h.accounts.create(UserRecord(username: "xuhui", passwordHash: hash, role: .districtAdmin, displayName: "徐汇区管理员",
                                               districtCode: "310104"))
    }

    @Test func feesArePublishedComplainedAboutAndDecided() async throws {
        try await WebHarness.with { h in
            try await load(h)
            let kg = try await signedIn(h, "kg"), school = try await signedIn(h, "school")
            let form = "/schools/\(Self.kindergarten)/fees"

            // The kindergarten's form: refusals name the field (and the cap), nothing is stored.
            #expect(try await kg.send(.GET, "/kindergarten-fees").headers.first(name: .location) == form)
            // A primary school's menu entry leads to its district's published fees, not to a form it has no use for.
            let primaryFees = try await school.send(.GET, "/kindergarten-fees")
            #expect(primaryFees.headers.first(name: .location) == "/public/kindergarten-fees?district=310101")
            #expect(try await school.send(.GET, "/public/kindergarten-fees?district=310101").status == .ok)
            #expect(try await kg.send(.GET, form).body.string.contains("id=\"fee-form\""))
            let care = ["category": "care-education", "name": "保育教育费", "amount": "480", "period": "month", "covers": ""]
            for (field, value) in [("amount", "520"), ("category", "sponsorship"), ("category", "boarding"), ("amount", "99999999999999999999"),
                                   ("amount", "-1"), ("period", "day"), ("name", "")] {
                var typed = care; typed[field] = value
                let refused = try await post(kg, form, csrfFrom: form, form: typed)
                #expect(refused.status == .badRequest && refused.body.string.contains("data-field=\"\(field == "period" ? "period" : field)\""), "\(field)=\(value)")
                if value == "520" { #expect(refused.body.string.contains("500 元"), "the refusal names the cap") }
            }
            #expect(try await KindergartenFeeStore(h.app.db).items().isEmpty, "the refused forms stored nothing")
            #expect(try await post(school, form, csrfFrom: "/schools/3101010001", form: care).status == .forbidden, "another school's admin")
            #expect(try await post(kg, form, csrfFrom: form, form: care).status == .seeOther)
            #expect(try await kg.send(.GET, form + "?saved=item").body.string.contains("收费项目已保存并公示"))
            #expect(try await post(kg, form, csrfFrom: form, form: care).status == .badRequest, "the same item twice")
            let meals = ["category": "service", "name": "伙食费", "amount": "18.5", "period": "day", "covers": "午餐、两次点心"]
            #expect(try await post(kg, form, csrfFrom: form, form: meals).status == .seeOther)

            // The public list and page, without signing in.
            let visitor = h.client()
            let list = try await visitor.send(.GET, "/public/kindergarten-fees")
            #expect(list.status == .ok && list.body.string.contains("黄浦区第一幼儿园") && list.body.string.contains(">480<"))
            #expect(!list.body.string.contains("13900000001"), "no personal data on the public page")
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees?q=%E7%AC%AC%E4%B8%80%E5%B9%BC").body.string.contains("黄浦区第一幼儿园"))
            #expect(!(try await visitor.send(.GET, "/public/kindergarten-fees?district=310104").body.string.contains("黄浦区第一幼儿园")))
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees?district=999999").status == .badRequest)
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees?sort=salary").status == .badRequest)
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees?page=99999999999999999999").status == .badRequest)
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees?sort=fee&dir=desc").status == .ok)
            let csv = try await visitor.send(.GET, "/public/kindergarten-fees.csv?district=310101").body.string
            #expect(csv.contains("幼儿园,区,类型,等级") && csv.contains("黄浦区第一幼儿园,黄浦区,公办,一级园,480"), "\(csv)")
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees.xlsx").headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            let page = try await visitor.send(.GET, "/public/kindergarten-fees/\(Self.kindergarten)").body.string
            #expect(page.contains("伙食费") && page.contains("18.50") && page.contains("500") && page.contains("complaint-channel"))
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees/3101010001").status == .notFound, "a primary school publishes no fees")

            // A parent's complaint: CSRF, malformed fields, then filed with a reference.
            let newPage = "/public/kindergarten-fees/complaints/new?school=\(Self.kindergarten)"
            let complaint = ["school": Self.kindergarten, "category": "service", "item": "兴趣班费", "amount": "800",
                             "description": "每月另收 800 元兴趣班费，招生简章未公示。", "contact": "13912345678"]
            #expect(try await visitor.send(.POST, "/public/kindergarten-fees/complaints", form: complaint).status == .forbidden, "no CSRF token")
            for (field, value) in [("school", "3101010001"), ("category", "x"), ("amount", "1e5"), ("description", "太贵"),
                                   ("description", String(repeating: "长", count: 2001)), ("contact", String(repeating: "1", count: 101)), ("item", "")] {
                var typed = complaint; typed[field] = value
                let refused = try await post(visitor, "/public/kindergarten-fees/complaints", csrfFrom: newPage, form: typed)
                #expect(refused.status == .badRequest && refused.body.string.contains("data-field=\"\(field)\""), "\(field)")
            }
            let filed = try await post(visitor, "/public/kindergarten-fees/complaints", csrfFrom: newPage, form: complaint)
            #expect(filed.status == .seeOther)
            let location = try #require(filed.headers.first(name: .location))
            let reference = try #require(location.components(separatedBy: "ref=").last?.components(separatedBy: "&").first)
            let status = try await visitor.send(.GET, location)
            #expect(status.body.string.contains(reference) && status.body.string.contains("待受理") && !status.body.string.contains("13912345678"))
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees/complaints/status?ref=YJF-ZZZZZZZZ").status == .notFound)

            // The district's queue: the contact is read by name, audited and never cached.
            let huangpu = try await signedIn(h, "huangpu")
            let queue = try await huangpu.send(.GET, "/districts/310101/fee-complaints")
            #expect(queue.body.string.contains(reference) && queue.headers.first(name: .cacheControl) == "no-store")
            #expect(try await huangpu.send(.GET, "/districts/310101/fee-complaints?status=accepted").body.string.contains("没有符合条件的投诉"))
            #expect(try await huangpu.send(.GET, "/districts/310101/fee-complaints?status=bogus").status == .badRequest)
            #expect(try await huangpu.send(.GET, "/districts/310101/fee-complaints.csv").body.string.contains(reference))
            let item = "/districts/310101/fee-complaints/\(reference)"
            let opened = try await huangpu.send(.GET, item)
            #expect(opened.body.string.contains("13912345678") && opened.headers.first(name: .cacheControl) == "no-store")
            #expect(try await h.accounts.auditEvents(subjectID: reference).contains { $0.action == "fee-complaint-read" })

            // Another district's staff and a school are refused, and the refusal is audited.
            let xuhui = try await signedIn(h, "xuhui")
            #expect(try await xuhui.send(.GET, item).status == .forbidden)
            #expect(try await xuhui.send(.GET, "/districts/310104/fee-complaints/\(reference)").status == .notFound)
            #expect(try await h.accounts.auditEvents(subjectID: "310101").contains { $0.action == "kindergarten-fees-refused" })
            #expect(try await kg.send(.GET, item).status == .forbidden)

            // Decisions: take it up with a reply; "unfounded" closes it and is confirmed first.
            #expect(try await post(huangpu, item, csrfFrom: item, form: ["seen": "received", "step": "accepted", "note": ""]).status == .badRequest)
            #expect(try await post(huangpu, item, csrfFrom: item, form: ["seen": "received", "step": "rectified", "note": "x"]).status == .badRequest)
            #expect(try await post(huangpu, item, csrfFrom: item,
                                   form: ["seen": "received", "step": "accepted", "note": "转检查组", "reply": "已受理，15 个工作日内答复。"]).status == .seeOther)
            #expect(try await post(huangpu, item, csrfFrom: item, form: ["seen": "received", "step": "accepted", "note": "again"]).status == .badRequest,
                    "a decision typed on an older page is refused")
            #expect(try await visitor.send(.GET, "/public/kindergarten-fees/complaints/status?ref=\(reference.lowercased())").body.string
                .contains("已受理，15 个工作日内答复。"))
            let unconfirmed = try await post(huangpu, item, csrfFrom: item, form: ["seen": "accepted", "step": "unfounded", "note": "园方未收取", "reply": "不属实"])
            #expect(unconfirmed.status == .ok && unconfirmed.body.string.contains("name=\"confirmed\""))
            #expect(try await KindergartenFeeStore(h.app.db).complaint(reference: reference)?.status == .accepted, "nothing closed before confirming")
            #expect(try await post(huangpu, item, csrfFrom: item,
                                   form: ["seen": "accepted", "step": "unfounded", "note": "园方未收取", "reply": "不属实", "confirmed": "yes"]).status == .seeOther)
            let closed = try await huangpu.send(.GET, item + "?saved=1").body.string
            #expect(closed.contains("处理结果已记录") && closed.contains("id=\"closed\"") && closed.contains("黄浦区管理员") && closed.contains("转检查组"))
            #expect(try await h.accounts.auditEvents(subjectID: reference).contains { $0.action == "fee-complaint-unfounded" && $0.detail == "园方未收取" })

            // The district's overview: the chart, the counts, the table and its downloads.
            let overview = try await huangpu.send(.GET, "/districts/310101/kindergarten-fees").body.string
            #expect(overview.contains("<svg") && overview.contains("complaint-counts") && overview.contains("黄浦区第一幼儿园"))
            #expect(try await huangpu.send(.GET, "/districts/310101/kindergarten-fees.csv").body.string.contains("黄浦区第一幼儿园,公办,一级园,480,500"))
            #expect(try await xuhui.send(.GET, "/districts/310101/kindergarten-fees").status == .forbidden)

            // Five complaints an hour from one address, then a clear refusal.
            // The window is the clock hour: eleven more attempts refuse some even if an hour turns during the loop.
            var statuses: [HTTPStatus] = []
            for _ in 0..<11 { statuses.append(try await post(visitor, "/public/kindergarten-fees/complaints", csrfFrom: newPage, form: complaint).status) }
            #expect(statuses.contains(.tooManyRequests) && statuses.allSatisfy { $0 == .tooManyRequests || $0 == .seeOther }, "\(statuses)")
        }
    }

    @Test func twoDecisionsAtOnceHaveOneAnswer() async throws {
        try await WebHarness.with { h in
            try await load(h)
            let store = KindergartenFeeStore(h.app.db)
            let complaint = FeeComplaint(reference: "YJF-ABCDEFGH", schoolID: Self.kindergarten, districtCode: "310101", category: .service, itemName: "兴趣班费",
                                         amount: nil, description: "另收兴趣班费，未公示。", contact: nil, filedAt: Date())
            try await store.file(complaint)
            let outcomes = await ConcurrentAttempts.outcomes {
                _ = try await store.decide(reference: complaint.reference, seen: .received, actorID: nil) { status in
                    try FeeComplaintRules.decision(reference: complaint.reference, from: status, form: ["step": "accepted", "note": "受理"],
                                                   actorName: "区管理员", now: Date())
                }
            }
            #expect(outcomes.won == 1 && outcomes.refused == 7 && outcomes.other.isEmpty, "\(outcomes)")
            #expect(try await store.decisions(reference: complaint.reference).count == 1)
            #expect(try await store.complaint(reference: complaint.reference)?.status == .accepted)
        }
    }
}
