import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// A district's rotation round over real HTTP, on SQLite and PostgreSQL: a school enters a need,
/// the district checks it, plans, swaps a teacher with a reason, approves, and follows the term;
/// supervision then counts rotation from the terms. Refusals, the audit and concurrent steps too.
@Suite("Rotation rounds")
struct RotationRoundWebTests {
    static let second = School(id: "3101010002", name: "黄浦区第二中心小学", districtCode: "310101", stages: [.primary], ownership: .public,
                               isInclusive: false, boarding: false, entrySeats: [.g1: 120], latitude: 31.22, longitude: 121.47)
    static func teacher(_ sequence: Int, _ name: String, subject: String, key: KeyTeacherLevel) -> Teacher {
        Teacher(nationalID: NationalID.make(areaCode: "310101", birthDate: "19800101", sequence: sequence).value, name: name, schoolID: second.id,
                subject: subject, title: .first, degree: .bachelor, keyTeacherLevel: key, specialism: .none, fullTimePsychology: false)
    }
    /// At the second school since 2010: eligible. 钱 and 孙 teach 语文 (孙 is a key teacher), 李 teaches 数学.
    static let qian = teacher(61, "钱老师", subject: "语文", key: .none)
    static let sun = teacher(62, "孙老师", subject: "语文", key: .district)
    static let li = teacher(63, "李老师", subject: "数学", key: .none)

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    /// A form posted as a browser does, with the session's CSRF token (from the page shell's sign-out form).
    @discardableResult
    func post(_ client: WebHarness.Client, _ path: String, form: [String: String] = [:]) async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: "/districts/310101/rotation/rounds")
        return try await client.send(.POST, path, form: form)
    }

    func load(_ h: WebHarness) async throws -> [String: String] {
        try await h.registry.transaction { tx in
            try await tx.upsert(schools: [Self.second])
            try await tx.upsert(teachers: [Self.qian, Self.sun, Self.li])
        }
        let rows = [Self.qian, Self.sun, Self.li].map { "\($0.nationalID),\(Self.second.id),teacher,2010-09-01,," }
            + ["\(Fixture.teacherA.nationalID),3101010001,teacher,2008-09-01,,"]
        _ = try await RegistryImporter(store: h.registry).importTable(
            try CSVTable.parse(text: "national_id,school_id,post,from,until,previous_province\n" + rows.joined(separator: "\n") + "\n", fileName: "a.csv"),
            as: .appointments)
        struct Row: Decodable { var id: String; var name: String }
        let teachers = try await (h.app.db as! any SQLDatabase).raw("SELECT id, name FROM teachers").all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: teachers.map { ($0.name, $0.id) })
    }

    @Test func aDistrictPlansAdjustsApprovesAndFollowsARotation() async throws {
        try await WebHarness.with { h in
            let ids = try await load(h)
            let year = CaseDate.today().month >= 9 ? CaseDate.today().year : CaseDate.today().year - 1
            let district = try await signedIn(h, "huangpu"), school = try await signedIn(h, "school")
            let base = "/districts/310101/rotation"

            // Opening: bad years refused with the field named, then this school year.
            #expect(try await district.send(.GET, "\(base)").body.string.contains("href=\"\(base)/rounds\""))
            for bad in ["", "1999", "99999999999999999999", String(year + 3)] {
                let refused = try await post(district, "\(base)/rounds", form: ["year": bad])
                #expect(refused.status == .badRequest && refused.body.string.contains("data-field=\"year\""), "year \(bad) refused")
            }
            #expect(try await post(school, "\(base)/rounds", form: ["year": String(year)]).status == .forbidden, "a school opens no round")
            let opened = try await post(district, "\(base)/rounds", form: ["year": String(year)])
            #expect(opened.status == .seeOther)
            #expect(try await post(district, "\(base)/rounds", form: ["year": String(year)]).body.string.contains("已经存在"))
            let rounds = try await district.send(.GET, "\(base)/rounds?opened=\(year)").body.string
            #expect(rounds.contains("交流轮岗计划已开始") && rounds.contains("href=\"\(base)/\(year)\""))
            #expect(try await district.send(.GET, "\(base)/rounds.csv").body.string.contains("学年,状态,需求条数"))

            // The school asks for a 语文 teacher; bad fields come back named, nothing stored.
            let roundPage = "\(base)/\(year)"
            #expect(try await school.send(.GET, roundPage).body.string.contains("id=\"need-form\""))
            let good = ["subject": "语文", "stage": "primary", "count": "1", "kind": "weakSchool", "priority": "1"]
            for (field, value) in [("subject", "物理"), ("stage", "junior"), ("count", "0"), ("count", "123456789012345678901"), ("kind", "x"), ("priority", "9")] {
                var form = good; form[field] = value
                let refused = try await post(school, "\(roundPage)/needs", form: form)
                #expect(refused.status == .badRequest && refused.body.string.contains("field has-error"), "\(field)=\(value)")
            }
            #expect(try await post(district, "\(roundPage)/needs", form: good).status == .forbidden, "the district checks, it does not ask")
            #expect(try await post(school, "\(roundPage)/needs", form: good).status == .seeOther)
            let needID = try #require(try await RotationRoundStore(h.app.db).needs(roundID: "310101-\(year)").first?.id)
            #expect(try await RotationRoundStore(h.app.db).needs(roundID: "310101-\(year)").count == 1, "the refused forms stored nothing")

            // The district cannot plan before accepting; a rejection needs a reason; then it accepts.
            #expect(try await post(district, "\(roundPage)/plan").body.string.contains("还没有已通过审核的需求"))
            #expect(try await school.send(.GET, "\(roundPage)/needs/\(needID)").status == .forbidden)
            #expect(try await post(district, "\(roundPage)/needs/\(needID)", form: ["decision": "reject", "reason": ""]).status == .badRequest)
            #expect(try await post(district, "\(roundPage)/needs/\(needID)", form: ["decision": "accept"]).status == .seeOther)

            // The plan: 孙 (a key teacher, preferred for a weaker school) fills the need.
            #expect(try await post(district, "\(roundPage)/plan").status == .seeOther)
            let planned = try await district.send(.GET, "\(roundPage)?saved=plan")
            let plannedText = planned.body.string
            #expect(planned.headers.first(name: .cacheControl) == "no-store")
            #expect(plannedText.contains("方案已生成") && plannedText.contains("href=\"/teachers/\(ids["孙老师"]!)\">孙老师</a>"))
            #expect(plannedText.contains("id=\"eligible\">4<") && plannedText.contains("id=\"rotated\">1<") && plannedText.contains("id=\"key-rotated\">1<"))
            #expect(!plannedText.contains(">钱老师<"))
            #expect(try await h.accounts.auditEvents(subjectID: ids["孙老师"]!).contains { $0.action == "rotation-round" }, "the page's reads are audited")
            #expect(try await district.send(.GET, "\(roundPage)/plan.csv").body.string.contains("孙老师,语文,黄浦区第二中心小学,黄浦区第一中心小学"))

            // The school sees its part, not the district's controls.
            let schoolView = try await school.send(.GET, roundPage).body.string
            #expect(schoolView.contains("孙老师") && !schoolView.contains("id=\"approve\"") && !schoolView.contains("id=\"eligible\""))

            // A swap: 李 teaches 数学 (refused), 钱 with no reason (refused), 钱 with a reason.
            let swap = "\(roundPage)/swap/\(ids["孙老师"]!)"
            let swapPage = try await district.send(.GET, swap).body.string
            #expect(swapPage.contains("钱老师") && !swapPage.contains("李老师"), "only teachers who fit the need are offered")
            #expect(try await post(district, swap, form: ["replacement": ids["李老师"]!, "reason": "x"]).status == .badRequest)
            #expect(try await post(district, swap, form: ["replacement": ids["钱老师"]!, "reason": " "]).status == .badRequest)
            #expect(try await post(district, swap, form: ["replacement": ids["钱老师"]!, "reason": "孙老师承担区级课题"]).status == .seeOther)
            let swapped = try await district.send(.GET, roundPage).body.string
            #expect(swapped.contains("孙老师承担区级课题") && swapped.contains(">钱老师</a>") && swapped.contains("id=\"key-rotated\">0<"))
            #expect(swapped.contains("未达到"), "no key teacher left on the plan: the key share is missed")
            #expect(try await h.accounts.auditEvents(subjectID: ids["钱老师"]!).contains { $0.action == "rotation-swap" && $0.detail.contains("孙老师承担区级课题") })

            // Approval is confirmed first, then the term is recorded for the teacher and both schools.
            #expect(try await post(district, "\(roundPage)/approve").status == .badRequest, "not without the confirmation")
            let confirm = try await district.send(.GET, "\(roundPage)/approve").body.string
            #expect(confirm.contains("批准交流方案") && confirm.contains("name=\"confirmed\""))
            #expect(try await post(district, "\(roundPage)/approve", form: ["confirmed": "yes"]).status == .seeOther)
            let approved = try await district.send(.GET, "\(roundPage)?saved=approve").body.string
            #expect(approved.contains("方案已批准") && approved.contains("已批准") && approved.contains("href=\"\(roundPage)/terms/\(ids["钱老师"]!)\""))
            let portrait = try await district.send(.GET, "/teachers/\(ids["钱老师"]!)").body.string
            #expect(portrait.contains("黄浦区第一中心小学") && portrait.contains("已批准"), "the teacher's record shows the decision")
            #expect(try await school.send(.GET, roundPage).body.string.contains("钱老师"), "the receiving school sees who comes")

            // Following the term: arrived, then back; a step twice is refused.
            let term = "\(roundPage)/terms/\(ids["钱老师"]!)"
            #expect(try await post(school, term, form: ["step": "arrived"]).status == .forbidden)
            #expect(try await post(district, term, form: ["step": "returned"]).status == .badRequest, "not back before arriving")
            #expect(try await post(district, term, form: ["step": "arrived"]).status == .seeOther)
            #expect(try await post(district, term, form: ["step": "arrived"]).status == .badRequest)
            #expect(try await district.send(.GET, roundPage).body.string.contains("交流中"))

            // Supervision counts this year's rotation from the terms: 1 of 3 eligible at the second school.
            let facts = try await SupervisionStore(h.app.db).schoolFacts(year: year, scope: .district("310101"))
            #expect(facts.first { $0.schoolID == Self.second.id }?.rotation == RotationCounts(eligible: 3, rotated: 1, keyRotated: 0))
            #expect(facts.first { $0.schoolID == "3101010001" }?.rotation == RotationCounts(eligible: 1, rotated: 0, keyRotated: 0))
            #expect(try await post(district, term, form: ["step": "returned"]).status == .seeOther)
            #expect(try await district.send(.GET, "\(roundPage)/terms.csv").body.string.contains("已期满返回"))
        }
    }

    @Test func outsidersAreRefusedAndConcurrentStepsHaveOneAnswer() async throws {
        try await WebHarness.with { h in
            let ids = try await load(h)
            let year = CaseDate.today().month >= 9 ? CaseDate.today().year : CaseDate.today().year - 1
            try await h.accounts.create(UserRecord(username: "xuhui", passwordHash: try Passwords.hash(WebHarness.password, cost: 4), role: .districtAdmin,
                                                   displayName: "徐汇区管理员", districtCode: "310104"))
            let xuhui = try await signedIn(h, "xuhui")
            #expect(try await xuhui.send(.GET, "/districts/310101/rotation/rounds").status == .forbidden)
            #expect(try await h.accounts.auditEvents(subjectID: "310101").contains { $0.action == "rotation-round-refused" }, "refusals are audited")
            #expect(try await signedIn(h, "parent-a").send(.GET, "/districts/310101/rotation/rounds").status == .forbidden)
            #expect(try await signedIn(h, "huangpu").send(.GET, "/districts/310101/rotation/\(year)").status == .notFound)
            #expect(try await signedIn(h, "huangpu").send(.GET, "/districts/310101/rotation/rounds?sort=salary").status == .badRequest)

            let store = RotationRoundStore(h.app.db)
            let round = RotationRound(districtCode: "310101", year: year, status: .collecting)
            let opens = await ConcurrentAttempts.outcomes { try await store.create(round) }
            #expect(opens.won == 1 && opens.refused == 7 && opens.other.isEmpty, "\(opens)")
            let need = RotationNeedEntry(id: "n1", schoolID: "3101010001", subject: "语文", stage: .primary, count: 1, kind: .group, priority: 1)
            try await store.add(need, roundID: round.id)
            try await store.check(needID: "n1", roundID: round.id, state: .accepted, reason: nil)
            let schools = [RotationSchool(id: "3101010001", latitude: 31.23, longitude: 121.48, districtCode: "310101"),
                           RotationSchool(id: Self.second.id, latitude: 31.22, longitude: 121.47, districtCode: "310101")]
            let teachers = [("孙老师", true), ("钱老师", false)].map { name, key in
                RotationTeacher(id: ids[name]!, currentSchoolID: Self.second.id, subject: "语文", stage: .primary, isKey: key,
                                homeLatitude: 31.22, homeLongitude: 121.47)
            }
            let plan = try await store.plan(roundID: round.id) { accepted in
                try RotationPlanner.plan(RotationInput(teachers: teachers, schools: schools, needs: accepted.map(\.need)))
            }
            let current = RotationRoundAssignment(try #require(plan.assignments.first))
            #expect(current.teacherID == ids["孙老师"]!, "the key teacher is proposed")
            let replacement = RotationRoundAssignment(teacherID: ids["钱老师"]!, needID: current.needID, fromSchoolID: current.fromSchoolID,
                                                      toSchoolID: current.toSchoolID, isKey: false, commuteChangeMetres: 0, swapReason: "同时调整")
            let swaps = await ConcurrentAttempts.outcomes { try await store.swap(roundID: round.id, replacing: current.teacherID, with: replacement) }
            #expect(swaps.won == 1 && swaps.refused == 7 && swaps.other.isEmpty, "\(swaps)")
            let approvals = await ConcurrentAttempts.outcomes { _ = try await store.approve(roundID: round.id, eligibleBySchool: [Self.second.id: 3], rules: .shanghai) }
            #expect(approvals.won == 1 && approvals.refused == 7 && approvals.other.isEmpty, "\(approvals)")
            #expect(try await store.terms(roundID: round.id).count == 1, "one term, not eight")
            let steps = await ConcurrentAttempts.outcomes {
                _ = try await store.advance(roundID: round.id, teacherID: replacement.teacherID, step: .arrived, on: .today(), reason: "")
            }
            #expect(steps.won == 1 && steps.refused == 7 && steps.other.isEmpty, "\(steps)")
        }
    }
}
