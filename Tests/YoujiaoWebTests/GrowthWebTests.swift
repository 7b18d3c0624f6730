import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// 综合素质评价 over real HTTP, on SQLite and PostgreSQL: a teacher writes records (every bad field
/// refused, nothing stored), selects them, the school opens the class's display, a classmate's
/// guardian objects, the school upholds it, the display ends and the class is archived; the report,
/// a logged correction, the district's view, refusals and concurrent openings.
@Suite("Growth records")
struct GrowthWebTests {
    static let junior = School(id: "3101010003", name: "黄浦区第一初级中学", districtCode: "310101", stages: [.junior], ownership: .public,
                               isInclusive: false, boarding: false, entrySeats: [.g6: 200], latitude: 31.225, longitude: 121.475)
    static func pupil(_ sequence: Int, _ name: String) -> Student {
        Student(nationalID: NationalID.make(areaCode: "310101", birthDate: "20130305", sequence: sequence).value, name: name, gender: .male,
                birthDate: "2013-03-05", hukou: .local, residenceZoneID: nil, schoolID: junior.id, grade: .g7, classNumber: 1)
    }
    static let one = pupil(71, "周一"), two = pupil(72, "周二")
    static let family = Guardian(nationalID: NationalID.make(areaCode: "310101", birthDate: "19850101", sequence: 73).value, name: "周父",
                                 phone: "13900000073", relation: "father", childNationalIDs: [two.nationalID])
    static let teacher = Teacher(nationalID: NationalID.make(areaCode: "310101", birthDate: "19800101", sequence: 74).value, name: "吴老师",
                                 schoolID: junior.id, subject: "语文", title: .first, degree: .bachelor, keyTeacherLevel: .none, specialism: .none,
                                 fullTimePsychology: false)

    struct IDRow: Decodable { var id: String }

    /// The junior school's class, its admin, a teacher account and the guardian of 周二; returns pupil ids by name.
    func load(_ h: WebHarness) async throws -> [String: String] {
        try await h.registry.transaction { tx in
            try await tx.upsert(schools: [Self.junior])
            try await tx.upsert(students: [Self.one, Self.two])
            try await tx.upsert(guardians: [Self.family])
            try await tx.upsert(teachers: [Self.teacher])
        }
        let sql = h.app.db as! any SQLDatabase
        struct Row: Decodable { var id: String; var name: String }
        let pupils = try await sql.raw("SELECT id, name FROM students WHERE school_id = \(bind: Self.junior.id)").all(decoding: Row.self)
        let teacherID = try #require(try await sql.raw("SELECT id FROM teachers WHERE school_id = \(bind: Self.junior.id)").first(decoding: IDRow.self)?.id)
        let guardianID = try #require(try await h.registry.guardian(nationalID: Self.family.nationalID)?.id)
        let hash = try Passwords.hash(WebHarness.password, cost: 4)
        try await h.accounts.create(UserRecord(username: "junior", passwordHash: hash, role: .schoolAdmin, displayName: "初中管理员", districtCode: "310101",
                                               schoolId: Self.junior.id))
        try await h.accounts.create(UserRecord(username: "t-wu", passwordHash: hash, role: .teacher, displayName: "吴老师", districtCode: "310101",
                                               schoolId: Self.junior.id, teacherId: teacherID))
        try await h.accounts.create(UserRecord(username: "parent-zhou", passwordHash: hash, role: .guardian, displayName: "周父", guardianId: guardianID))
        return Dictionary(uniqueKeysWithValues: pupils.map { ($0.name, $0.id) })
    }

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    func post(_ client: WebHarness.Client, _ path: String, from page: String, _ form: [String: String] = [:]) async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: page)
        return try await client.send(.POST, path, form: form)
    }

    func count(_ h: WebHarness, _ table: String) async throws -> Int {
        struct N: Decodable { var n: Int }
        return try await (h.app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: N.self)?.n ?? -1
    }

    @Test func aRecordGoesFromWritingThroughAnObjectionToTheArchive() async throws {
        try await WebHarness.with { h in
            let ids = try await load(h)
            let one = try #require(ids["周一"]), two = try #require(ids["周二"])
            let school = "/schools/\(Self.junior.id)/growth", classPage = "\(school)/7/1"
            let admin = try await signedIn(h, "junior"), teacher = try await signedIn(h, "t-wu"), family = try await signedIn(h, "parent-zhou")
            let today = CaseDate.today()

            let overview = try await admin.send(.GET, school)
            #expect(overview.status == .ok && overview.headers.first(name: .cacheControl) == "no-store" && overview.body.string.contains("href=\"\(classPage)\""))
            #expect(try await admin.send(.GET, "\(school).csv").body.string.contains("尚无记录的学生"))
            #expect(try await teacher.send(.GET, classPage).body.string.contains("id=\"record-form\""), "the school's teacher writes records")

            // Every bad field is refused by name; nothing is stored.
            let good = ["student": one, "dimension": "moral", "kind": "community-service", "title": "社区志愿服务", "detail": "在社区图书馆整理图书",
                        "date": today.description, "hours": "4", "level": ""]
            let cases: [(String, String, String)] = [
                ("student", "", "请选择学生"), ("student", ids["周二"]! + "x", "请选择学生"), ("dimension", "virtue", "请选择维度"),
                ("kind", "award-x", "不属于所选维度"), ("kind", "research-project", "不属于所选维度"), ("title", " ", "标题应为 1–60 个字"),
                ("title", String(repeating: "长", count: 61), "标题应为 1–60 个字"), ("detail", String(repeating: "长", count: 501), "不超过 500 字"),
                ("date", "2026-13-01", "年-月-日"), ("date", today.adding(days: 1).description, "不能晚于今天"),
                ("date", CaseDate(year: today.schoolYear - 1, month: 10, day: 1).description, "本学年内"), ("hours", "", "需填写时长"),
                ("hours", "99999999999999999999", "0.5–200"), ("hours", "0", "0.5–200"), ("hours", "1.25", "0.5–200")]
            for (field, value, message) in cases {
                var form = good; form[field] = value
                let refused = try await post(teacher, "\(classPage)/records", from: classPage, form)
                #expect(refused.status == .badRequest && refused.body.string.contains(message) && refused.body.string.contains("field has-error"),
                        "\(field)=\(value.prefix(20))")
            }
            var award = good; award["dimension"] = "arts"; award["kind"] = "award"; award["title"] = "区艺术节一等奖"; award["hours"] = ""
            #expect(try await post(teacher, "\(classPage)/records", from: classPage, award).body.string.contains("获奖需选择级别"))
            #expect(try await count(h, "growth_records") == 0, "the refused forms stored nothing")

            #expect(try await post(teacher, "\(classPage)/records", from: classPage, good).status == .seeOther)
            award["level"] = "district"
            #expect(try await post(teacher, "\(classPage)/records", from: classPage, award).status == .seeOther)
            let practice = ["student": two, "dimension": "practice", "kind": "social-practice", "title": "博物馆讲解", "detail": "",
                            "date": today.description, "hours": "8", "level": ""]
            #expect(try await post(teacher, "\(classPage)/records", from: classPage, practice).status == .seeOther)
            let store = GrowthRecordStore(h.app.db)
            let records = try await store.records(schoolID: Self.junior.id, year: today.schoolYear, grade: .g7, classNumber: 1)
            let service = try #require(records.first { $0.title == "社区志愿服务" }), artsAward = try #require(records.first { $0.kind == .award })
            let visit = try #require(records.first { $0.title == "博物馆讲解" })
            #expect(service.tenthHours == 40 && artsAward.awardLevel == .district && visit.tenthHours == 80)

            // Selection: the teacher chooses; the limit per pupil and dimension holds.
            for record in [service, visit] {
                #expect(try await post(teacher, "\(classPage)/records/\(record.id)/selection", from: classPage, ["selected": "yes"]).status == .seeOther)
            }
            #expect(try await post(teacher, "\(classPage)/records/\(service.id)/selection", from: classPage, ["selected": "yes"]).status == .badRequest,
                    "selecting twice is refused")
            await #expect(throws: GrowthProblem.self) { try await store.setSelected(recordID: artsAward.id, true, classDisplay: nil, limit: 0) }

            // The display: only the school's admin opens it, after the confirmation, once.
            #expect(try await post(teacher, "\(classPage)/display", from: classPage, ["confirmed": "yes"]).status == .forbidden)
            #expect(try await admin.send(.GET, "\(classPage)/display").body.string.contains("开始本班公示"))
            #expect(try await post(admin, "\(classPage)/display", from: classPage).status == .badRequest, "not without the confirmation")
            #expect(try await post(admin, "\(classPage)/display", from: classPage, ["confirmed": "yes"]).status == .seeOther)
            #expect(try await post(admin, "\(classPage)/display", from: classPage, ["confirmed": "yes"]).body.string.contains("已经公示过"))
            #expect(try await post(teacher, "\(classPage)/records/\(visit.id)/selection", from: classPage, ["selected": "no"]).body.string
                        .contains("公示已开始"), "the selection is frozen")
            let display = try #require(try await store.display(schoolID: Self.junior.id, year: today.schoolYear, grade: .g7, classNumber: 1))
            #expect(display.endsOn > today && !display.endsOn.isWeekend)

            // The family of 周二 reads the display and objects to 周一's record; another family may not.
            let displayPage = "/growth/displays/\(display.id)"
            let shown = try await family.send(.GET, displayPage)
            #expect(shown.status == .ok && shown.body.string.contains("社区志愿服务") && shown.body.string.contains("博物馆讲解")
                    && !shown.body.string.contains("区艺术节一等奖"), "only selected records are displayed")
            let other = try await signedIn(h, "parent-a")
            #expect(try await other.send(.GET, displayPage).status == .forbidden)
            #expect(try await post(family, "\(displayPage)/objections", from: displayPage, ["record": service.id, "reason": "短"]).body.string
                        .contains("理由应为 5–500 字"))
            #expect(try await post(family, "\(displayPage)/objections", from: displayPage, ["record": artsAward.id, "reason": "这条记录与事实不符。"]).body.string
                        .contains("不在公示期内"), "an unselected record takes no objection")
            #expect(try await post(family, "\(displayPage)/objections", from: displayPage,
                                   ["record": service.id, "reason": "当天社区图书馆闭馆，活动没有举行。"]).status == .seeOther)
            #expect(try await post(family, "\(displayPage)/objections", from: displayPage,
                                   ["record": service.id, "reason": "再次提出同样的异议。"]).body.string.contains("已对这条记录提出过异议"))

            // Not before the display ends; then not with an objection open.
            #expect(try await post(admin, "\(classPage)/archive", from: classPage, ["confirmed": "yes"]).body.string.contains("公示期还没有结束"))
            let sql = h.app.db as! any SQLDatabase
            try await sql.raw("UPDATE growth_displays SET ends_on = \(bind: today.adding(days: -1).description), opens_on = \(bind: today.adding(days: -8).description)").run()
            #expect(try await post(admin, "\(classPage)/archive", from: classPage, ["confirmed": "yes"]).body.string.contains("还有未处理的异议"))

            // The school decides: a note is required; upheld withdraws the record; a decision is made once.
            let objection = try #require(try await store.objections(recordIDs: [service.id]).first)
            let decision = "\(classPage)/objections/\(objection.id)"
            #expect(try await post(teacher, decision, from: classPage, ["decision": "uphold", "note": "经核实活动未举行。"]).status == .forbidden)
            #expect(try await post(admin, decision, from: classPage, ["decision": "uphold", "note": ""]).status == .badRequest)
            #expect(try await post(admin, decision, from: classPage, ["decision": "uphold", "note": "经核实活动未举行。"]).status == .seeOther)
            #expect(try await post(admin, decision, from: classPage, ["decision": "dismiss", "note": "再次处理这条异议。"]).body.string.contains("已经处理过"))
            #expect(try await store.record(id: service.id)?.status == .withdrawn)

            // Archive: the remaining selection is archived and the report shows it with its summary.
            #expect(try await admin.send(.GET, "\(classPage)/archive").body.string.contains("归档本班记录"))
            #expect(try await post(admin, "\(classPage)/archive", from: classPage, ["confirmed": "yes"]).status == .seeOther)
            #expect(try await store.record(id: visit.id)?.status == .archived)
            let report = try await family.send(.GET, "/students/\(two)/growth")
            #expect(report.status == .ok && report.headers.first(name: .cacheControl) == "no-store")
            #expect(report.body.string.contains("博物馆讲解") && report.body.string.contains(">8.0<"), "the practice dimension counts 8 hours")
            #expect(try await family.send(.GET, "/students/\(one)/growth").status == .forbidden, "another child's report is refused")
            #expect(try await teacher.send(.GET, "/schools/3101010001/growth").status == .forbidden, "a teacher reads only their own school")
            #expect(try await h.accounts.auditEvents(subjectID: "3101010001").contains { $0.action == "growth-refused" }, "the refusal is audited")

            // A correction after archiving: a reason is required, and the report keeps what it said.
            let correction = "/growth/records/\(visit.id)/correct"
            #expect(try await teacher.send(.GET, correction).status == .forbidden)
            #expect(try await post(admin, correction, from: correction, ["title": "博物馆志愿讲解", "detail": "", "reason": "短"]).status == .badRequest)
            #expect(try await post(admin, correction, from: correction, ["title": "博物馆志愿讲解", "detail": "", "reason": "标题漏写了志愿二字。"]).status == .seeOther)
            let corrected = try await admin.send(.GET, "/students/\(two)/growth").body.string
            #expect(corrected.contains("博物馆志愿讲解") && corrected.contains("更正前：博物馆讲解"))
            #expect(try await post(admin, "/growth/records/\(artsAward.id)/correct", from: correction,
                                   ["title": "改", "detail": "", "reason": "不是归档记录。"]).status == .badRequest, "only archived records are corrected")

            // The district's view, and the audit of the pupils' pages.
            let huangpu = try await signedIn(h, "huangpu")
            let districtView = try await huangpu.send(.GET, "/districts/310101/growth")
            #expect(districtView.status == .ok && districtView.body.string.contains("黄浦区第一初级中学"))
            #expect(try await huangpu.send(.GET, "/districts/310101/growth.csv").body.string.contains("学校,学生数,尚无记录的学生"))
            let xuhui = try await signedIn(h, "parent-a")
            #expect(try await xuhui.send(.GET, "/districts/310101/growth").status == .forbidden)
            #expect(try await h.accounts.auditEvents(subjectID: two).contains { $0.action == "growth-class" })
        }
    }

    /// Pupils have no accounts: 周二 writes a record from the family's account; teachers' kinds and
    /// bad fields are refused with nothing stored; nobody else posts there; the teacher sees who wrote it and selects it.
    @Test func thePupilWritesTheirOwnRecordFromTheFamilyAccount() async throws {
        try await WebHarness.with { h in
            let ids = try await load(h)
            let one = try #require(ids["周一"]), two = try #require(ids["周二"])
            let report = "/students/\(two)/growth", write = "\(report)/records", classPage = "/schools/\(Self.junior.id)/growth/7/1"
            let family = try await signedIn(h, "parent-zhou"), teacher = try await signedIn(h, "t-wu"), admin = try await signedIn(h, "junior")
            let today = CaseDate.today()

            let page = try await family.send(.GET, report)
            #expect(page.status == .ok && page.body.string.contains("id=\"pupil-record-form\""))
            #expect(!page.body.string.contains("value=\"teacher-comment\"") && !page.body.string.contains("value=\"health-test\""),
                    "the pupil's form offers no teachers' kinds")
            #expect(try await teacher.send(.GET, report).body.string.contains("pupil-record-form") == false, "teachers write on the class page")

            let good = ["dimension": "practice", "kind": "social-practice", "title": "博物馆志愿讲解", "detail": "周末在博物馆为观众讲解",
                        "date": today.description, "hours": "6.5", "level": ""]
            let cases: [(String, String, String)] = [
                ("kind", "health-test", "不属于所选维度"), ("title", "", "标题应为 1–60 个字"), ("hours", "1e2", "0.5–200"),
                ("hours", "-1", "0.5–200"), ("date", today.adding(days: 1).description, "不能晚于今天"), ("date", "2026-02-30", "年-月-日")]
            for (field, value, message) in cases {
                var form = good; form[field] = value
                let refused = try await post(family, write, from: report, form)
                #expect(refused.status == .badRequest && refused.body.string.contains(message) && refused.body.string.contains("field has-error"),
                        "\(field)=\(value)")
            }
            var comment = good; comment["dimension"] = "moral"; comment["kind"] = "teacher-comment"; comment["hours"] = ""
            #expect(try await post(family, write, from: report, comment).body.string.contains("只能由教师填写"))
            #expect(try await count(h, "growth_records") == 0, "the refused forms stored nothing")

            let saved = try await post(family, write, from: report, good)
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "\(report)?saved=record")
            #expect(try await family.send(.GET, "\(report)?saved=record").body.string.contains("记录已提交"))
            let store = GrowthRecordStore(h.app.db)
            let record = try #require(try await store.records(studentID: two).first)
            #expect(record.author == .student && record.writtenBy == "parent-zhou" && record.tenthHours == 65 && record.status == .written)

            // Another child's page, the teacher and the school's administrator: refused, nothing stored.
            #expect(try await post(family, "/students/\(one)/growth/records", from: report, good).status == .forbidden)
            #expect(try await post(teacher, write, from: classPage, good).status == .forbidden)
            #expect(try await post(admin, write, from: classPage, good).status == .forbidden)
            #expect(try await count(h, "growth_records") == 1)

            let classView = try await teacher.send(.GET, classPage)
            #expect(classView.body.string.contains("博物馆志愿讲解") && classView.body.string.contains("学生本人"), "the teacher sees who wrote it")
            #expect(try await post(teacher, "\(classPage)/records/\(record.id)/selection", from: classPage, ["selected": "yes"]).status == .seeOther)
            #expect(try await store.record(id: record.id)?.status == .selected)
        }
    }

    @Test func twoAdministratorsOpeningTheDisplayAtOnceOpenItOnce() async throws {
        try await WebHarness.with { h in
            let ids = try await load(h)
            let store = GrowthRecordStore(h.app.db)
            let today = CaseDate.today()
            let record = GrowthRecord(studentID: ids["周一"]!, schoolID: Self.junior.id, schoolYear: today.schoolYear, dimension: .moral,
                                      kind: .communityService, title: "社区服务", detail: "", date: today, tenthHours: 20, status: .selected, writtenBy: "t")
            try await store.add(record)
            let outcomes = await ConcurrentAttempts.outcomes(8) {
                do {
                    try await store.open(GrowthDisplay(schoolID: Self.junior.id, grade: .g7, classNumber: 1, schoolYear: today.schoolYear,
                                                       opensOn: today, endsOn: HolisticFramework.shanghai.displayEnd(openedOn: today)))
                } catch let problem as GrowthProblem where problem.reason == .displayExists {
                    throw CampaignProblem("display", zh: "已存在", en: "exists")
                }
            }
            #expect(outcomes.won == 1 && outcomes.refused == 7 && outcomes.other.isEmpty, "\(outcomes)")
        }
    }
}
