import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// Teachers over real HTTP: the school's list with training pace, the portrait with the rotation
/// standing, downloads, who may read them, and the audit of every read.
@Suite("Teacher pages")
struct TeacherWebTests {
    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    @Test func theSchoolListsItsTeachersAndEachHasAPortrait() async throws {
        try await WebHarness.with { h in
            try await h.accounts.create(UserRecord(username: "xuhui", passwordHash: try Passwords.hash(WebHarness.password, cost: 4), role: .districtAdmin,
                                                   displayName: "徐汇区管理员", districtCode: "310104"))
            let t = Fixture.teacherA.nationalID
            let importer = RegistryImporter(store: h.registry)
            let year = CaseDate.today().year
            let files: [(RegistryEntityKind, String)] = [
                (.appointments, "national_id,school_id,post,from,until,previous_province\n\(t),3101040001,teacher,2008-09-01,2012-08-31,\n\(t),3101010001,middle-manager,2012-09-01,,\n"),
                (.qualifications, "national_id,kind,value,since\n\(t),title,first,2016-12-01\n\(t),key-level,district,2021-03-01\n"),
                (.training, "national_id,course,provider,hours,date,kind\n\(t),新课标解读,区教师进修学院,12.5,\(year)-01-05,district\n"),
                (.rotations, "national_id,from_school_id,to_school_id,start,planned_end,kind,status\n\(t),3101010001,3101040001,2018-09-01,2019-08-31,group,returned\n"),
            ]
            for (kind, text) in files { _ = try await importer.importTable(try CSVTable.parse(text: text, fileName: "\(kind).csv"), as: kind) }
            let teacherID = try #require(try await (h.app.db as! any SQLDatabase).raw("SELECT id FROM teachers").first(decoding: IDRow.self)?.id)

            let school = try await signedIn(h, "school")
            #expect(try await school.send(.GET, "/schools/3101010001").body.string.contains("href=\"/schools/3101010001/teachers\""))
            let list = try await school.send(.GET, "/schools/3101010001/teachers")
            #expect(list.status == .ok && list.headers.first(name: .cacheControl) == "no-store")
            let page = list.body.string
            #expect(page.contains("href=\"/teachers/\(teacherID)\">张老师</a>") && page.contains("一级教师") && page.contains("区级骨干"))
            #expect(page.contains(">12.5<") && page.contains("落后于进度") && page.contains("id=\"behind-count\">1<"), "12.5 hours is behind 360 in 5 years")
            #expect(page.contains("svg") && page.contains("本周期研训学时分布"))
            let csv = try await school.send(.GET, "/schools/3101010001/teachers.csv").body.string
            #expect(csv.contains("姓名,任教学科,职称,骨干级别,本周期学时,进度,交流轮岗") && csv.contains("张老师,语文,一级教师,区级骨干,12.5,落后于进度,无"))

            let portrait = try await school.send(.GET, "/teachers/\(teacherID)")
            let text = portrait.body.string
            #expect(portrait.status == .ok && portrait.headers.first(name: .cacheControl) == "no-store")
            #expect(text.contains("310101********") && !text.contains(t), "the ID number masked")
            #expect(text.contains("在本校连续任教") && text.contains("符合交流轮岗条件"), "at the school since 2012: eligible")
            #expect(text.contains("任黄浦区第一中心小学中层干部") && text.contains("任徐汇区汇师小学教师") && text.contains("取得一级教师")
                    && text.contains("交流轮岗至徐汇区汇师小学"), "the career in order")
            #expect(text.contains("365 天"), "a year of rotation served")
            #expect(try await h.accounts.auditEvents(subjectID: teacherID).contains { $0.action == "teacher-portrait" })

            let xuhui = try await signedIn(h, "xuhui")
            #expect(try await xuhui.send(.GET, "/teachers/\(teacherID)").status == .forbidden)
            #expect(try await xuhui.send(.GET, "/schools/3101010001/teachers").status == .forbidden)
            #expect(try await h.accounts.auditEvents(subjectID: teacherID).contains { $0.action == "teacher-refused" }, "refusals are audited too")
            #expect(try await signedIn(h, "parent-a").send(.GET, "/teachers/\(teacherID)").status == .forbidden)
            #expect(try await school.send(.GET, "/teachers/no-such-teacher").status == .notFound)
            #expect(try await signedIn(h, "huangpu").send(.GET, "/schools/3101010001/teachers?sort=hours&dir=desc").status == .ok)
            #expect(try await school.send(.GET, "/schools/3101010001/teachers?sort=salary").status == .badRequest)

            // The district's eligibility list: who may rotate this year and why, and the yearly quota.
            let district = try await signedIn(h, "huangpu")
            #expect(try await district.send(.GET, "/districts/310101").body.string.contains("href=\"/districts/310101/rotation\""))
            let rotation = try await district.send(.GET, "/districts/310101/rotation")
            #expect(rotation.status == .ok && rotation.headers.first(name: .cacheControl) == "no-store")
            #expect(rotation.body.string.contains("id=\"eligible-count\">1<") && rotation.body.string.contains("id=\"yearly-quota\">1<"))
            #expect(rotation.body.string.contains("符合交流轮岗条件") && rotation.body.string.contains("href=\"/teachers/\(teacherID)\""))
            let rotationCSV = try await district.send(.GET, "/districts/310101/rotation.csv").body.string
            #expect(rotationCSV.contains("学校,姓名,任教学科,骨干级别,交流轮岗,事项") && rotationCSV.contains("张老师,语文,区级骨干,符合条件,自 2012年9月1日 起"))
            #expect(try await h.accounts.auditEvents(subjectID: teacherID).contains { $0.action == "rotation-eligibility" })
            #expect(try await xuhui.send(.GET, "/districts/310101/rotation").status == .forbidden)
            #expect(try await school.send(.GET, "/districts/310101/rotation").status == .forbidden, "a school reads no district list")
            #expect(try await district.send(.GET, "/districts/999999/rotation").status == .notFound)
            #expect(try await district.send(.GET, "/districts/310101/rotation?page=2").status == .notFound, "one page only")
            #expect(try await district.send(.GET, "/districts/310101/rotation?page=x").status == .badRequest)
            #expect(try await district.send(.GET, "/districts/310101/rotation?page=99999999999999999999").status == .badRequest)
        }
    }

    struct IDRow: Decodable { var id: String }
}
