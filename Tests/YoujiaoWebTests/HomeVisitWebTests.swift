import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// 家访 and family-education activities over real HTTP, on SQLite and PostgreSQL: a teacher account
/// logs a visit to a pupil of their school by class (bad forms refused with the field named, nothing
/// stored; another school's pupil refused and audited), coverage moves, the family sees the visit
/// without its note, the school logs activities, supervision counts the logs, the district reads
/// coverage, a delete is confirmed, and two identical visits at once store one.
@Suite("Home visits over HTTP")
struct HomeVisitWebTests {
    static let classmate = Student(nationalID: NationalID.make(areaCode: "310101", birthDate: "20170610", sequence: 12).value,
                                   name: "赵小华", gender: .female, birthDate: "2017-06-10", hukou: .local, residenceZoneID: "310101-Z01",
                                   schoolID: "3101010001", grade: .g3, classNumber: 2)
    static let otherClass = Student(nationalID: NationalID.make(areaCode: "310101", birthDate: "20170811", sequence: 13).value,
                                    name: "孙小军", gender: .male, birthDate: "2017-08-11", hukou: .local, residenceZoneID: "310101-Z01",
                                    schoolID: "3101010001", grade: .g3, classNumber: 1)
    let base = "/schools/3101010001/home-visits"

    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    @discardableResult
    func post(_ client: WebHarness.Client, _ path: String, form: [String: String]) async throws -> WebHarness.Response {
        var form = form
        form["_csrf"] = try await client.csrf(from: base)
        return try await client.send(.POST, path, form: form)
    }

    func count(_ h: WebHarness, _ table: String) async throws -> Int {
        struct Row: Decodable { var n: Int }
        return try await (h.app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Row.self)?.n ?? -1
    }

    func load(_ h: WebHarness) async throws -> (pupil: String, classmate: String, other: String) {
        try await h.registry.transaction { tx in try await tx.upsert(students: [Self.classmate, Self.otherClass]) }
        let teacher = try #require(try await h.registry.teachers(schoolID: "3101010001").first)
        try await h.accounts.create(UserRecord(username: "t-zhang", passwordHash: try Passwords.hash(WebHarness.password, cost: 4), role: .teacher,
                                               displayName: "张老师", districtCode: "310101", schoolId: "3101010001", teacherId: teacher.id))
        let pupil = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID)).id
        let classmate = try #require(try await h.registry.student(nationalID: Self.classmate.nationalID)).id
        let other = try #require(try await h.registry.student(nationalID: Fixture.childB.nationalID)).id
        return (pupil, classmate, other)
    }

    @Test func aTeacherLogsAVisitAndCoverageSupervisionAndTheFamilyFollow() async throws {
        try await WebHarness.with { h in
            let ids = try await load(h)
            let today = CaseDate.today(), year = SchoolYear.of(today)
            let teacher = try await signedIn(h, "t-zhang")

            // The teacher's menu leads here; the school page shows coverage by class, never cached.
            #expect(try await teacher.send(.GET, "/teachers/\(try #require(try await h.registry.teachers(schoolID: "3101010001").first).id)").body.string
                .contains("href=\"\(base)\""))
            let overview = try await teacher.send(.GET, base)
            #expect(overview.status == .ok && overview.headers.first(name: .cacheControl) == "no-store")
            #expect(overview.body.string.contains("三年级2班") && overview.body.string.contains("<svg"))
            let classPage = try await teacher.send(.GET, base + "?class=3-2")
            let classText = classPage.body.string
            #expect(classText.contains("王小明") && classText.contains(NationalID.mask(Fixture.childA.nationalID)) && !classText.contains(Fixture.childA.nationalID))
            #expect(classText.contains("id=\"visit-form\"") && !classText.contains("孙小军"), "one class at a time")
            #expect(try await h.accounts.auditEvents(subjectID: ids.pupil).contains { $0.action == "home-visits-read" }, "the teacher's read is audited")
            for bad in ["?class=3-x", "?class=13-1", "?show=everything", "?sort=name", "?class=3-2&pupils=some"] {
                #expect(try await teacher.send(.GET, base + bad).status == .badRequest, "\(bad)")
            }

            // Bad forms: the field is named, nothing is stored.
            let good = ["student": ids.pupil, "date": today.description, "way": "home", "attendees": "张老师、母亲", "note": "孩子近来睡眠不足",
                        "follow_up": "yes", "follow_up_text": "与家长约定作息"]
            let lastYear = SchoolYear.start(year).adding(days: -1).description
            let refusals: [([String: String], String)] = [
                (["date": "2026-02-30"], "date"), (["date": today.adding(days: 1).description], "date"), (["date": lastYear], "date"),
                (["student": "no-such-pupil"], "student"), (["student": String(repeating: "x", count: 5000)], "student"),
                (["note": String(repeating: "长", count: 501)], "note"), (["way": "letter"], "way"), (["attendees": ""], "attendees"),
                (["follow_up": "yes", "follow_up_text": ""], "follow_up_text"),
            ]
            for (change, field) in refusals {
                let refused = try await post(teacher, base + "?class=3-2", form: good.merging(change) { $1 })
                #expect(refused.status == .badRequest && refused.body.string.contains("data-field=\"\(field)\""), "\(change) names \(field)")
            }
            #expect(try await count(h, "home_visits") == 0, "the refused forms stored nothing")
            // A pupil of another school: refused and audited.
            #expect(try await post(teacher, base, form: good.merging(["student": ids.other]) { $1 }).status == .forbidden)
            #expect(try await h.accounts.auditEvents(subjectID: ids.other).contains { $0.action == "home-visit-refused" })
            #expect(try await teacher.send(.GET, "/schools/3101040001/home-visits").status == .forbidden)

            // The visit is saved; the class's coverage moves from 0 % to 50 %.
            let saved = try await post(teacher, base + "?class=3-2", form: good)
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == base + "?class=3-2&saved=visit")
            let after = try await teacher.send(.GET, base + "?class=3-2&saved=visit").body.string
            #expect(after.contains("家访记录已保存") && after.contains("孩子近来睡眠不足") && after.contains("50%"))
            let unvisited = try await teacher.send(.GET, base + "?class=3-2&pupils=unvisited").body.string
            #expect(unvisited.contains("赵小华") && !unvisited.contains(NationalID.mask(Fixture.childA.nationalID)), "the class teacher's list of pupils not visited")
            let twice = try await post(teacher, base + "?class=3-2", form: good)
            #expect(twice.status == .badRequest && twice.body.string.contains("已经登记过"))
            #expect(try await count(h, "home_visits") == 1)

            // Downloads: the class table and the pupils' list, with the page's words.
            let csv = try await teacher.send(.GET, base + "/classes.csv")
            #expect(csv.status == .ok && csv.body.string.hasPrefix("\u{FEFF}班级,学生数,已家访"))
            #expect(try await teacher.send(.GET, base + "/pupils.xlsx?class=3-2").status == .ok)

            // The family sees date, way and who visited, never the note.
            let family = try await signedIn(h, "parent-a").send(.GET, "/family").body.string
            #expect(family.contains("id=\"family-education\"") && family.contains("入户") && family.contains("张老师"))
            #expect(!family.contains("孩子近来睡眠不足") && !family.contains("与家长约定作息"))
            #expect(try await signedIn(h, "parent-a").send(.GET, base).status == .forbidden)

            // Supervision counts pupils visited from the log.
            let input = try await SupervisionStore(h.app.db).input(year: year, scope: .school("3101010001"))
            #expect(input.reports.first?.homeVisits == 1 && input.reports.first?.familyEducationActivities == 0)

            // The school logs activities; a teacher may not.
            let school = try await signedIn(h, "school")
            let activities = "/schools/3101010001/family-education"
            let activity = ["date": today.description, "kind": "parent-school", "topic": "睡眠与学习", "course": "三年级家长课堂", "attendance": "45"]
            #expect(try await post(teacher, activities, form: activity).status == .forbidden)
            for (change, field) in [(["attendance": "0"], "attendance"), (["attendance": "99999999999999999999999999"], "attendance"),
                                    (["course": ""], "course"), (["kind": "dinner"], "kind"), (["grade": "9", "class": "1"], "grade")] {
                let refused = try await post(school, activities, form: activity.merging(change) { $1 })
                #expect(refused.status == .badRequest && refused.body.string.contains("data-field=\"\(field)\""), "\(change) names \(field)")
            }
            #expect(try await count(h, "family_education_activities") == 0)
            #expect(try await post(school, activities, form: activity).status == .seeOther)
            let listed = try await school.send(.GET, activities + "?saved=activity").body.string
            #expect(listed.contains("活动已保存") && listed.contains("三年级家长课堂") && listed.contains("1 次（要求至少 4 次）"))
            #expect(try await SupervisionStore(h.app.db).input(year: year, scope: .school("3101010001")).reports.first?.familyEducationActivities == 1)
            #expect(try await signedIn(h, "parent-a").send(.GET, "/family").body.string.contains("睡眠与学习"))

            // The district reads every school's coverage; the school's staff may not open the district's.
            let district = try await signedIn(h, "huangpu")
            let table = try await district.send(.GET, "/districts/310101/home-visits")
            #expect(table.status == .ok && table.body.string.contains("黄浦区第一中心小学") && table.body.string.contains("33%"))
            #expect(try await district.send(.GET, "/districts/310101/home-visits.csv?sort=activities&dir=desc").body.string.contains("黄浦区第一中心小学,3,1,33%"))
            #expect(try await district.send(.GET, "/districts/310101/home-visits.xlsx").status == .ok)
            #expect(try await school.send(.GET, "/districts/310101/home-visits").status == .forbidden)
            #expect(try await district.send(.GET, base + "?class=3-2").status == .ok, "the district reads a school's log")
            #expect(try await post(district, base, form: good).status == .forbidden, "but does not log")

            // Deleting a visit is confirmed first.
            struct Row: Decodable { var id: String }
            let visitID = try #require(try await (h.app.db as! any SQLDatabase).raw("SELECT id FROM home_visits").first(decoding: Row.self)).id
            let confirm = try await teacher.send(.GET, "\(base)/visits/\(visitID)/delete")
            #expect(confirm.status == .ok && confirm.body.string.contains("永久删除"))
            #expect(try await post(teacher, "\(base)/visits/\(visitID)/delete", form: [:]).status == .badRequest)
            #expect(try await count(h, "home_visits") == 1)
            let deleted = try await post(teacher, "\(base)/visits/\(visitID)/delete", form: ["confirmed": "yes"])
            let left = try await count(h, "home_visits")
            #expect(deleted.status == .seeOther && left == 0)
            #expect(try await post(teacher, "\(base)/visits/\(visitID)/delete", form: ["confirmed": "yes"]).status == .notFound)
        }
    }

    @Test func twoIdenticalVisitsAtOnceStoreOne() async throws {
        try await WebHarness.with { h in
            let ids = try await load(h)
            let store = HomeVisitStore(h.app.db)
            let today = CaseDate.today()
            let outcomes = await ConcurrentAttempts.outcomes {
                try await store.add(HomeVisit(id: UUID().uuidString, studentID: ids.classmate, schoolID: "3101010001", date: today, way: .online,
                                              attendees: "张老师", note: "", followUp: nil, teacherID: nil, loggedByName: "张老师"), loggedBy: "u")
            }
            #expect(outcomes.won == 1 && outcomes.refused == 7 && outcomes.other.isEmpty, "\(outcomes)")
        }
    }
}
