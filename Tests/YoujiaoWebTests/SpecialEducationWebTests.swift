import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// 一人一案 pages over real HTTP: who sees what (a matrix of roles × routes), the forms and their
/// refusals, the stage hand-over, the lists and their CSV.
@Suite("Special education pages")
struct SpecialEducationWebTests {
    static let junior = School(id: "3101010002", name: "黄浦区第一初级中学", districtCode: "310101", stages: [.junior], ownership: .public,
                               isInclusive: false, boarding: false, entrySeats: [.g6: 200], latitude: 31.2, longitude: 121.5)
    static let special = School(id: "3101010009", name: "黄浦区辅读学校", districtCode: "310101", stages: [.special], ownership: .public,
                                isInclusive: false, boarding: false, entrySeats: [:], latitude: 31.2, longitude: 121.5)
    static let today = CaseDate.today()

    /// The harness plus: a junior and a special school in Huangpu, a second (unnamed) admin of the
    /// primary school, the Xuhui district admin, the other family's guardian, and — unless
    /// `withFile` is false — a file for child A with one assessment, named staff "school".
    static func with(withFile: Bool = true, _ body: (WebHarness, CaseFile?) async throws -> Void) async throws {
        try await WebHarness.with { h in
            try await h.registry.upsert(schools: [junior, special])
            let hash = try Passwords.hash(WebHarness.password, cost: 4)
            let guardianB = try #require(try await h.registry.guardian(nationalID: Fixture.guardianB.nationalID))
            for user in [
                UserRecord(username: "school2", passwordHash: hash, role: .schoolAdmin, displayName: "第二位管理员", districtCode: "310101", schoolId: Fixture.huangpuSchool.id),
                UserRecord(username: "xuhui", passwordHash: hash, role: .districtAdmin, displayName: "徐汇区管理员", districtCode: "310104"),
                UserRecord(username: "parent-b", passwordHash: hash, role: .guardian, displayName: "李大红", guardianId: guardianB.id),
                UserRecord(username: "junior", passwordHash: hash, role: .schoolAdmin, displayName: "初中管理员", districtCode: "310101", schoolId: junior.id),
            ] { try await h.accounts.create(user) }
            var file: CaseFile?
            if withFile {
                let student = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
                let school = try #require(try await h.accounts.user(username: "school"))
                var opened = try CaseFile.open(SpecialEducationCase(districtCode: "310101", stage: .primary, category: .hearing, level: .two,
                                                                    openedOn: today.adding(days: -60)),
                                               child: CaseChild(studentID: student.id, name: student.name, nationalID: student.nationalId,
                                                                birthDate: CaseDate(student.birthDate)!, schoolID: student.schoolId), today: today)
                _ = try opened.addAssessment(CaseAssessment(date: today.adding(days: -60), kind: .medical, assessor: "上海市儿童医院", summary: "双耳中度听力损失"),
                                             today: today)
                opened.staffUserIDs = [school.id]
                try await SpecialEducationStore(h.app.db).insert([opened])
                file = try await SpecialEducationStore(h.app.db).caseFile(id: opened.id)
            }
            try await body(h, file)
        }
    }

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        if username != "anonymous" { #expect(try await client.login(username).status == .seeOther, "\(username) signs in") }
        return client
    }

    /// Posts a form of the file page with the page's CSRF token.
    @discardableResult
    func post(_ client: WebHarness.Client, _ path: String, from page: String, _ form: [String: String]) async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: page)
        return try await client.send(.POST, path, form: form)
    }

    // MARK: Who sees what

    @Test func authorizationMatrix() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let page = "/special-education/\(file.id)"
            // role → (file page, what it shows, print page, adding an assessment)
            enum Shows { case everything, existence, nothing }
            let matrix: [(String, HTTPStatus, Shows, HTTPStatus, HTTPStatus)] = [
                ("city", .ok, .existence, .forbidden, .forbidden),
                ("huangpu", .ok, .everything, .ok, .seeOther),
                ("xuhui", .forbidden, .nothing, .forbidden, .forbidden),
                ("school", .ok, .everything, .ok, .seeOther),
                ("school2", .ok, .existence, .forbidden, .forbidden),
                ("junior", .forbidden, .nothing, .forbidden, .forbidden),
                ("parent-a", .ok, .everything, .ok, .forbidden),
                ("parent-b", .forbidden, .nothing, .forbidden, .forbidden),
            ]
            for (user, showStatus, shows, printStatus, postStatus) in matrix {
                let client = try await signedIn(h, user)
                let shown = try await client.send(.GET, page)
                #expect(shown.status == showStatus, "\(user) GET file")
                #expect(shown.body.string.contains("双耳中度听力损失") == (shows == .everything), "\(user) sees the contents: \(shows)")
                #expect(shown.body.string.contains("已建立特殊教育一人一案档案") == (shows == .existence), "\(user) sees only that a file exists")
                #expect(!shown.body.string.contains(Fixture.childA.nationalID), "the full ID number never shows")
                #expect(try await client.send(.GET, page + "/print").status == printStatus, "\(user) GET print")
                let token = try await client.csrf(from: "/special-education")
                let added = try await client.send(.POST, page + "/assessments", form: [
                    "_csrf": token, "date": Self.today.description, "kind": "educational", "assessor": "区特殊教育指导中心", "summary": "评估 \(user)"])
                #expect(added.status == postStatus, "\(user) POST assessment")
            }
            let anonymous = h.client()
            #expect(try await anonymous.send(.GET, page).status == .seeOther, "anonymous: to the login page")
            #expect(try await anonymous.send(.GET, "/special-education").status == .seeOther)
            let stored = try #require(try await SpecialEducationStore(h.app.db).caseFile(id: file.id))
            #expect(Set(stored.assessments.map(\.summary)) == ["双耳中度听力损失", "评估 huangpu", "评估 school"], "only editors' forms were stored")
        }
    }

    @Test func aGuardianOfAnotherChildIsRefused() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let client = try await signedIn(h, "parent-b")
            let refused = try await client.send(.GET, "/special-education/\(file.id)")
            #expect(refused.status == .forbidden)
            #expect(!refused.body.string.contains(Fixture.childA.name))
            #expect(try await client.send(.GET, "/special-education/\(file.id)", headers: ["Accept": "application/json"]).body.string.contains("\"code\":\"forbidden\""))
            let list = try await client.send(.GET, "/special-education")
            #expect(list.status == .ok && !list.body.string.contains(Fixture.childA.name), "another family's file is not even listed")
            let own = try await signedIn(h, "parent-a").send(.GET, "/special-education")
            #expect(own.body.string.contains(Fixture.childA.name))
        }
    }

    @Test func everyReadIsAudited() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            for user in ["huangpu", "school", "school2", "parent-a", "city"] {
                _ = try await signedIn(h, user).send(.GET, "/special-education/\(file.id)")
            }
            _ = try await signedIn(h, "school").send(.GET, "/special-education/\(file.id)/print")
            _ = try await signedIn(h, "huangpu").send(.GET, "/special-education")
            let events = try await h.accounts.auditEvents(subjectID: file.id)
            #expect(events.allSatisfy { $0.subjectKind == "special-education-case" })
            let seen = Set(events.map { "\($0.actorName) \($0.action)" })
            #expect(seen.isSuperset(of: ["huangpu view", "school view", "school2 view-existence", "parent-a view", "city view-existence", "school print", "huangpu list"]),
                    "\(seen)")
            _ = try await signedIn(h, "parent-b").send(.GET, "/special-education/\(file.id)")
            #expect(!(try await h.accounts.auditEvents(subjectID: file.id)).contains { $0.actorName == "parent-b" }, "a refused request reads nothing")
        }
    }

    // MARK: The flow: new case → placement → plan → review → hand-over

    @Test func newCaseToStageHandOver() async throws {
        try await Self.with(withFile: false) { h, _ in
            let client = try await signedIn(h, "huangpu")
            #expect(try await client.send(.GET, "/special-education/new").status == .ok)
            let created = try await post(client, "/special-education", from: "/special-education/new", [
                "national_id": Fixture.childA.nationalID, "stage": "primary", "category": "intellectual", "level": "3",
                "opened_on": Self.today.adding(days: -30).description])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let opened = try await client.send(.GET, location).body.string
            #expect(opened.contains("智力残疾"))
            #expect(opened.contains("档案已建立。"), "the page says the file was opened")
            let page = String(location.split(separator: "?")[0])
            let id = String(page.split(separator: "/").last!)

            let wrongStage = try await post(client, page + "/placements", from: page, [
                "kind": "mainstream", "school_id": Self.junior.id, "start_date": Self.today.adding(days: -20).description])
            #expect(wrongStage.status == .badRequest)
            #expect(wrongStage.body.string.contains("school_id") && wrongStage.body.string.contains("不招收"))
            #expect(wrongStage.body.string.contains("黄浦区第一初级中学（初中）不招收小学的学生"), "the refusal names stages in words, not codes")
            #expect(try await post(client, page + "/placements", from: page, [
                "kind": "mainstream", "school_id": Fixture.huangpuSchool.id, "start_date": Self.today.adding(days: -20).description]).status == .seeOther)

            let reversed = try await post(client, page + "/plans", from: page, [
                "start_date": Self.today.description, "end_date": Self.today.adding(days: -10).description, "review_dates": Self.today.description])
            #expect(reversed.status == .badRequest && reversed.body.string.contains("end_date"))
            let noCriterion = try await post(client, page + "/plans", from: page, [
                "start_date": Self.today.adding(days: -10).description, "end_date": Self.today.adding(months: 6).description,
                "review_dates": Self.today.adding(days: -1).description, "description": "认读 50 个常用汉字", "criterion": " "])
            #expect(noCriterion.status == .badRequest && noCriterion.body.string.contains("criterion") && noCriterion.body.string.contains("可测量的达成标准"))
            let store = SpecialEducationStore(h.app.db)
            #expect(try await store.caseFile(id: id)?.plans.isEmpty == true, "a refused plan stores nothing")
            #expect(try await post(client, page + "/plans", from: page, [
                "start_date": Self.today.adding(days: -10).description, "end_date": Self.today.adding(months: 6).description,
                "review_dates": Self.today.adding(days: -1).description + ", " + Self.today.adding(months: 3).description,
                "description": "认读 50 个常用汉字", "criterion": "5 次测试中 4 次正确率 90%"]).status == .seeOther)
            let planID = try #require(try await store.caseFile(id: id)?.plans.first?.plan.id)
            let goalID = try #require(try await store.caseFile(id: id)?.plans.first?.goals.first?.id)
            let goalWithout = try await post(client, page + "/plans/\(planID)/goals", from: page, ["description": "独立整理书包", "criterion": ""])
            #expect(goalWithout.status == .badRequest && goalWithout.body.string.contains("criterion"))
            #expect(try await post(client, page + "/plans/\(planID)/services", from: page, [
                "domain": "rehabilitation", "description": "感觉统合训练", "provider": "区康复中心", "sessions_per_month": "4"]).status == .seeOther)
            #expect(try await client.send(.GET, "/special-education").body.string.contains("逾期"), "a review date passed without a review")
            let future = try await post(client, page + "/plans/\(planID)/reviews", from: page, [
                "date": Self.today.adding(days: 5).description, "outcome": "continue", "summary": "按计划推进", "result_\(goalID)": "progressing"])
            #expect(future.status == .badRequest)
            #expect(try await post(client, page + "/plans/\(planID)/reviews", from: page, [
                "date": Self.today.adding(days: -1).description, "outcome": "continue", "summary": "按计划推进", "result_\(goalID)": "progressing"]).status == .seeOther)
            #expect(try await store.caseFile(id: id).map { SpecialEducationMonitoring.overdueReview($0, on: Self.today) } == .some(nil))

            let toPrimary = try await post(client, page + "/handover", from: page, [
                "to_stage": "primary", "date": Self.today.description, "kind": "mainstream", "school_id": Self.junior.id, "summary": "转衔"])
            #expect(toPrimary.status == .badRequest && toPrimary.body.string.contains("to_stage"))
            let handOverForm = ["to_stage": "junior", "date": Self.today.description, "kind": "special-class", "school_id": Self.junior.id,
                                "summary": "识字量约 300 字，需座位靠前"]
            let asked = try await post(client, page + "/handover", from: page, handOverForm)
            #expect(asked.status == .ok && asked.body.string.contains("confirm-panel") && asked.body.string.contains("随学生转至黄浦区第一初级中学"),
                    "the hand-over says what will happen and asks first")
            #expect(try await store.caseFile(id: id)?.caseRecord.stage == .primary, "nothing changes before the confirmation")
            var confirmed = handOverForm
            confirmed["confirmed"] = "yes"
            #expect(try await post(client, page + "/handover", from: page, confirmed).status == .seeOther)
            let handedOver = try #require(try await store.caseFile(id: id))
            #expect(handedOver.caseRecord.stage == .junior)
            #expect(handedOver.schoolID(on: Self.today) == Self.junior.id)
            #expect(handedOver.handOvers.first?.fromSchoolID == Fixture.huangpuSchool.id)
            #expect(handedOver.plans.first?.plan.endDate == Self.today.adding(days: -1), "the old stage's plan ends the day before")

            // The file follows the child: the primary school no longer counts it, the junior school's admin, once named, reads it.
            let primaryFigures = try await signedIn(h, "school").send(.GET, "/special-education/monitoring.csv").body.string
            #expect(primaryFigures.contains("\(Fixture.huangpuSchool.id),0,0,0,"), "\(primaryFigures)")
            let junior = try await signedIn(h, "junior")
            #expect(try await junior.send(.GET, page).body.string.contains("已建立特殊教育一人一案档案"), "before being named: existence only")
            let juniorUser = try #require(try await h.accounts.user(username: "junior"))
            #expect(try await post(client, page + "/staff", from: page, ["user_id": juniorUser.id]).status == .seeOther)
            #expect(try await junior.send(.GET, page).body.string.contains("识字量约 300 字"))
            let printed = try await junior.send(.GET, page + "/print")
            #expect(printed.status == .ok && printed.body.string.contains("print-file") && printed.body.string.contains("感觉统合训练"))
            #expect(!printed.body.string.contains("<form method=\"post\" action=\"/special-education"), "the printable file has no forms")
        }
    }

    @Test func malformedFormsNameTheirField() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let client = try await signedIn(h, "huangpu")
            func newCase(_ id: String, opened: String = Self.today.description) async throws -> WebHarness.Response {
                try await post(client, "/special-education", from: "/special-education/new",
                               ["national_id": id, "stage": "primary", "category": "vision", "level": "2", "opened_on": opened])
            }
            let badID = try await newCase(String(Fixture.childB.nationalID.dropLast()) + (Fixture.childB.nationalID.hasSuffix("0") ? "1" : "0"))
            #expect(badID.status == .badRequest && badID.body.string.contains("national_id") && badID.body.string.contains("校验码应为"))
            let otherDistrict = try await newCase(Fixture.childB.nationalID)
            #expect(otherDistrict.status == .badRequest && otherDistrict.body.string.contains("管辖范围内没有"))
            let twice = try await newCase(Fixture.childA.nationalID)
            #expect(twice.status == .badRequest && twice.body.string.contains("已有一人一案档案"))
            #expect(try await post(client, "/special-education", from: "/special-education/new", ["national_id": Fixture.childA.nationalID, "stage": "special",
                                                                                                   "category": "vision", "level": "2", "opened_on": Self.today.description]).status == .badRequest)
            let page = "/special-education/\(file.id)"
            for (path, form, field) in [
                ("/assessments", ["date": "2025-02-30", "kind": "medical", "assessor": "x", "summary": "y"], "date"),
                ("/assessments", ["date": Self.today.description, "kind": "astrology", "assessor": "x", "summary": "y"], "kind"),
                ("/placements", ["kind": "special-school", "school_id": Fixture.huangpuSchool.id, "start_date": Self.today.description], "school_id"),
                ("/placements", ["kind": "home-teaching", "school_id": "", "start_date": Self.today.description, "visits_per_month": "2"], "school_id"),
                ("/placements", ["kind": "home-teaching", "school_id": Self.special.id, "start_date": Self.today.description, "visits_per_month": "many"], "visits_per_month"),
                ("/placements", ["kind": "mainstream", "school_id": Fixture.huangpuSchool.id, "start_date": Self.today.description,
                                 "end_date": Self.today.adding(days: -3).description], "end_date"),
                ("/plans", ["start_date": Self.today.description, "end_date": Self.today.adding(months: 2).description, "review_dates": "soon"], "review_dates"),
                ("/visits", ["date": Self.today.description, "teacher": "周老师", "minutes": "90", "content": "识字"], "date"),
                ("/staff", ["user_id": "no-such-user"], "user_id"),
            ] {
                let response = try await post(client, page + path, from: page, form)
                #expect(response.status == .badRequest, "\(path) \(form)")
                #expect(response.body.string.contains("data-field=\"\(field)\""), "\(path) names \(field)")
            }
            let stored = try #require(try await SpecialEducationStore(h.app.db).caseFile(id: file.id))
            #expect(stored == file, "no refused form changed the file")
            let withoutToken = try await client.send(.POST, page + "/assessments", form: ["date": Self.today.description, "kind": "medical", "assessor": "x", "summary": "y"])
            #expect(withoutToken.status == .forbidden, "forms need their CSRF token")
        }
    }

    @Test func homeTeachingVisitsCountAgainstThePlan() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let client = try await signedIn(h, "huangpu")
            let page = "/special-education/\(file.id)"
            #expect(try await post(client, page + "/placements", from: page, [
                "kind": "home-teaching", "school_id": Self.special.id, "start_date": Self.today.adding(days: -40).description,
                "visits_per_month": "2"]).status == .seeOther)
            #expect(try await post(client, page + "/visits", from: page, [
                "date": Self.today.adding(days: -3).description, "teacher": "周老师", "minutes": "90", "content": "识字与康复训练"]).status == .seeOther)
            let shown = try await client.send(.GET, page).body.string
            #expect(shown.contains("识字与康复训练") && shown.contains("计划 2 次"), "one visit of the two planned for the first whole month")
            let csv = try await client.send(.GET, "/special-education.csv").body.string
            #expect(csv.contains(",home-teaching,\(Self.special.id),,2,1"), "\(csv)")
        }
    }

    // MARK: Lists and monitoring

    @Test func listsFiguresAndCSV() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let district = try await signedIn(h, "huangpu")
            let list = try await district.send(.GET, "/special-education")
            #expect(list.status == .ok && list.body.string.contains(Fixture.childA.name))
            #expect(list.body.string.contains("未安置儿童（1）"), "the file has no placement yet")
            #expect(list.body.string.contains("id=\"enrollment-rate\">0.0%"), "one school-age child, not placed")
            let csv = try await district.send(.GET, "/special-education.csv")
            #expect(csv.body.string.contains("\(file.id),\(Fixture.childA.name),\(NationalID.mask(Fixture.childA.nationalID)),310101,primary,hearing,2,,"))
            let monitoring = try await district.send(.GET, "/special-education/monitoring.csv")
            #expect(monitoring.body.string.contains("310101,1,1,0,0.00,no,1,0,0,0,0,0,0,0,0"))
            #expect(try await district.send(.GET, "/special-education?district=310104").status == .forbidden)
            // The page's tables in the page's words: the unplaced list (audited), the figures per school.
            let unplaced = try await district.send(.GET, "/special-education/download/unplaced.csv").body.string
            #expect(unplaced.contains(Fixture.childA.name) && unplaced.contains(NationalID.mask(Fixture.childA.nationalID))  && !unplaced.contains(",hearing,"), "words, not codes")
            #expect(try await district.send(.GET, "/special-education/download/figures.xlsx").status == .ok)

            let city = try await signedIn(h, "city")
            let cityFigures = try await city.send(.GET, "/special-education/download/figures.csv")
            #expect(cityFigures.status == .ok && cityFigures.body.string.contains("黄浦区") && !cityFigures.body.string.contains(Fixture.childA.name),
                    "the city downloads the figures per district, no child")
            #expect(try await city.send(.GET, "/special-education/download/unplaced.csv").status == .forbidden, "the city reads no child's name")
            #expect(try await district.send(.GET, "/special-education/download/nothing.csv").status == .notFound)
            let overview = try await city.send(.GET, "/special-education")
            #expect(overview.status == .ok && overview.body.string.contains("<svg") && !overview.body.string.contains(Fixture.childA.name),
                    "the city sees figures, not children")
            #expect(try await city.send(.GET, "/special-education.csv").status == .forbidden)
            let cityCSV = try await city.send(.GET, "/special-education/monitoring.csv").body.string
            #expect(cityCSV.contains("310101,1,1,0,0.00,no") && cityCSV.contains("310104,0,0,0,,,0"))

            let unnamed = try await signedIn(h, "school2").send(.GET, "/special-education.csv")
            #expect(unnamed.body.string.contains("\(file.id),\(Fixture.childA.name),\(NationalID.mask(Fixture.childA.nationalID)),,,"), "existence only")
            #expect(!unnamed.body.string.contains("hearing"))
            #expect(try await signedIn(h, "parent-a").send(.GET, "/special-education/monitoring.csv").status == .forbidden)
        }
    }
}

extension SpecialEducationWebTests {
    // MARK: Forms that keep what was typed, downloads and sort

    @Test func aRefusedAssessmentKeepsItsLongSummary() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let client = try await signedIn(h, "huangpu")
            let page = "/special-education/\(file.id)"
            let summary = String(repeating: "双耳听力损失，建议座位靠前并使用调频系统。", count: 95)
            let refused = try await post(client, page + "/assessments", from: page,
                                         ["date": "2025-02-30", "kind": "educational", "assessor": "区特殊教育指导中心", "summary": summary])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains(summary), "the summary of \(summary.count) characters is kept")
            #expect(refused.body.string.contains("value=\"2025-02-30\"") && refused.body.string.contains("请填写有效日期"))
            #expect(!refused.body.string.contains("yyyy-MM-dd"))
            let fixed = try await post(client, page + "/assessments", from: page,
                                       ["date": Self.today.description, "kind": "educational", "assessor": "区特殊教育指导中心", "summary": summary])
            #expect(fixed.status == .seeOther)
            let location = try #require(fixed.headers.first(name: .location))
            #expect(try await client.send(.GET, location).body.string.contains("评估已保存。"), "a save says so")
            let tooMany = try await post(client, page + "/placements", from: page, [
                "kind": "home-teaching", "school_id": Self.special.id, "start_date": Self.today.description, "visits_per_month": "99999999999999999999"])
            #expect(tooMany.status == .badRequest && tooMany.body.string.contains("请填写 1–31 之间的整数"))
        }
    }

    @Test func closingAPlacementAsksFirst() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let client = try await signedIn(h, "huangpu")
            let page = "/special-education/\(file.id)"
            #expect(try await post(client, page + "/placements", from: page, [
                "kind": "mainstream", "school_id": Fixture.huangpuSchool.id, "start_date": Self.today.adding(days: -20).description]).status == .seeOther)
            let second = ["kind": "home-teaching", "school_id": Self.special.id, "start_date": Self.today.adding(days: -5).description, "visits_per_month": "2"]
            let asked = try await post(client, page + "/placements", from: page, second)
            #expect(asked.status == .ok && asked.body.string.contains("confirm-panel") && asked.body.string.contains("当前安置（随班就读"))
            let store = SpecialEducationStore(h.app.db)
            #expect(try await store.caseFile(id: file.id)?.placements.count == 1, "nothing is stored before the confirmation")
            var confirmed = second
            confirmed["confirmed"] = "yes"
            #expect(try await post(client, page + "/placements", from: page, confirmed).status == .seeOther)
            #expect(try await store.caseFile(id: file.id)?.placements.count == 2)
        }
    }

    @Test func theListDownloadsSortsAndPages() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let client = try await signedIn(h, "huangpu")
            let csv = try await client.send(.GET, "/special-education/download/files.csv")
            #expect(csv.status == .ok)
            #expect(csv.body.string.hasPrefix("\u{FEFF}"), "UTF-8 with a BOM")
            let text = csv.body.string
            #expect(text.contains("姓名") && text.contains("身份证件号") && text.contains("听力残疾 二级") && text.contains(Fixture.childA.name))
            #expect(!text.contains("hearing") && !text.contains(Fixture.childA.nationalID))
            let xlsx = try await client.send(.GET, "/special-education/download/files.xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.description.contains("spreadsheetml") == true, "an XLSX workbook")
            #expect(try await client.send(.GET, "/special-education/download/files.pdf").status == .notFound)
            let filtered = try await client.send(.GET, "/special-education/download/files.csv?placement=mainstream").body.string
            #expect(!filtered.contains(Fixture.childA.name), "the download holds the filtered result")
            #expect(try await client.send(.GET, "/special-education?sort=national_id").status == .badRequest)
            #expect(try await client.send(.GET, "/special-education?stage=university").status == .badRequest)
            #expect(try await client.send(.GET, "/special-education?page=99999999999999999999").status == .badRequest)
            #expect(try await client.send(.GET, "/special-education?page=2").status == .notFound)
            let sorted = try await client.send(.GET, "/special-education?sort=review&dir=desc").body.string
            #expect(sorted.contains("aria-sort=\"descending\""))
            #expect(try await signedIn(h, "city").send(.GET, "/special-education/download/files.csv").status == .forbidden)
            let events = try await h.accounts.auditEvents(subjectID: file.id)
            #expect(events.contains { $0.action == "list-download" }, "a download is a read and is audited")
        }
    }

    @Test func casePagesNeverShowTheBirthDateBesideTheMaskedNumber() async throws {
        try await Self.with { h, file in
            let file = try #require(file)
            let birth = file.child.birthDate
            let spellings = [birth.description, birth.description.replacingOccurrences(of: "-", with: ""), "\(birth.year)年\(birth.month)月",
                             String(format: "%04d-%02d", birth.year, birth.month)]
            for (user, path) in [("huangpu", "/special-education"), ("huangpu", "/special-education/\(file.id)"), ("school", "/special-education/\(file.id)/print"),
                                 ("school2", "/special-education/\(file.id)"), ("parent-a", "/special-education/\(file.id)"),
                                 ("huangpu", "/special-education/download/files.csv")] {
                let body = try await signedIn(h, user).send(.GET, path).body.string
                #expect(body.contains(file.child.maskedNationalID), "\(user) \(path) shows the masked number")
                for spelling in spellings { #expect(!body.contains(spelling), "\(user) \(path) shows \(spelling)") }
            }
        }
    }
}
