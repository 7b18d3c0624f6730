import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// The district's teacher review lists over real HTTP: the three tables with their rules, filters,
/// sorts and downloads, who may read them, and the audit of every read and refusal.
@Suite("Teacher review lists")
struct TeacherReviewWebTests {
    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther, "\(username) signs in")
        return client
    }

    static func teacher(_ sequence: Int, _ name: String, title: TeacherTitle, key: KeyTeacherLevel) -> Teacher {
        Teacher(nationalID: NationalID.make(areaCode: "310101", birthDate: "19780303", sequence: sequence).value, name: name, schoolID: "3101010001",
                subject: "数学", title: title, degree: .bachelor, keyTeacherLevel: key, specialism: .none, fullTimePsychology: false)
    }

    @Test func theDistrictReviewsHiresPromotionsAndAppraisal() async throws {
        try await WebHarness.with { h in
            try await h.accounts.create(UserRecord(username: "xuhui", passwordHash: try Passwords.hash(WebHarness.password, cost: 4), role: .districtAdmin,
                                                   displayName: "徐汇区管理员", districtCode: "310104"))
            let manager = Self.teacher(61, "李老师", title: .senior, key: .none)
            let fullSenior = Self.teacher(62, "王老师", title: .fullSenior, key: .municipal)
            let eastern = Self.teacher(63, "赵老师", title: .senior, key: .none)
            try await h.registry.upsert(teachers: [manager, fullSenior, eastern])
            let today = CaseDate.today()
            let hired = today.adding(months: -12), nextSeptember = CaseDate(year: today.schoolYear + 1, month: 9, day: 1)
            let (a, m, f, e) = (Fixture.teacherA.nationalID, manager.nationalID, fullSenior.nationalID, eastern.nationalID)
            let files: [(RegistryEntityKind, String)] = [
                (.appointments, """
                    national_id,school_id,post,from,until,previous_province
                    \(a),3101010001,teacher,\(hired),,51
                    \(e),3101010001,teacher,\(hired),,32
                    \(m),3101010001,middle-manager,2010-09-01,\(nextSeptember.adding(days: -1)),
                    \(m),3101010001,vice-principal,\(nextSeptember),,
                    \(f),3101010001,teacher,2000-09-01,,

                    """),
                (.rotations, """
                    national_id,from_school_id,to_school_id,start,planned_end,kind,status
                    \(f),3101010001,3101040001,2018-09-01,2019-08-31,rural,returned
                    \(m),3101010001,3101040001,2016-09-01,2017-08-31,group,cancelled

                    """),
            ]
            let importer = RegistryImporter(store: h.registry)
            for (kind, text) in files { _ = try await importer.importTable(try CSVTable.parse(text: text, fileName: "\(kind).csv"), as: kind) }
            let ids = Dictionary(uniqueKeysWithValues: try await h.registry.teachers(districtCode: "310101").map { ($0.name, $0.id) })
            let (teacherA, managerID, fullSeniorID) = (try #require(ids["张老师"]), try #require(ids["李老师"]), try #require(ids["王老师"]))

            let district = try await signedIn(h, "huangpu")
            #expect(try await district.send(.GET, "/districts/310101").body.string.contains("href=\"/districts/310101/teacher-reviews\""))
            let response = try await district.send(.GET, "/districts/310101/teacher-reviews")
            #expect(response.status == .ok && response.headers.first(name: .cacheControl) == "no-store")
            let page = response.body.string
            #expect(page.contains("id=\"poaching-count\">1<") && page.contains("id=\"lacking-count\">1<") && page.contains("id=\"appraisal-count\">1<"))
            #expect(page.contains("四川省") && !page.contains("江苏省"), "a hire from Jiangsu is not a concern")
            #expect(page.contains("href=\"/teachers/\(teacherA)\">张老师</a>") && page.contains("href=\"/teachers/\(managerID)\">李老师</a>")
                    && page.contains("href=\"/teachers/\(fullSeniorID)\">王老师</a>"))
            #expect(page.contains("交流经历不足") && page.contains("副校长") && page.contains("拟任"), "a cancelled rotation does not count")
            #expect(page.contains("正高级教师") && page.contains("到乡村学校") && page.contains("徐汇区汇师小学"), "the appraisal list shows the rotation")
            #expect(page.contains(hired.chineseText), "dates in words")
            #expect(!page.contains(">51<") && !page.contains("vice-principal") && !page.contains("full-senior<"), "no raw codes")

            let poaching = try await district.send(.GET, "/districts/310101/teacher-reviews/poaching.csv")
            #expect(poaching.status == .ok && poaching.headers.first(name: .cacheControl) == "no-store")
            #expect(poaching.body.string.hasPrefix("\u{FEFF}姓名,学校,原单位所在省份,入职日期,职称,骨干级别")
                    && poaching.body.string.contains("张老师,黄浦区第一中心小学,四川省,\(hired.chineseText),一级教师,区级骨干"))
            let promotion = try await district.send(.GET, "/districts/310101/teacher-reviews/promotion.csv").body.string
            #expect(promotion.contains("李老师,黄浦区第一中心小学,副校长,黄浦区第一中心小学,\(nextSeptember.chineseText),拟任,0,交流经历不足"))
            let appraisal = try await district.send(.GET, "/districts/310101/teacher-reviews/appraisal.xlsx")
            #expect(appraisal.status == .ok && appraisal.headers.first(name: .contentType)?.contains("spreadsheet") == true)
            #expect(try await district.send(.GET, "/districts/310101/teacher-reviews/appraisal.csv").body.string
                .contains("王老师,黄浦区第一中心小学,正高级教师,市级骨干,365,1,到乡村学校,徐汇区汇师小学"))

            // Filters and sorts on the server; a value the page does not offer is a 400.
            let meeting = try await district.send(.GET, "/districts/310101/teacher-reviews?promotion=meeting").body.string
            #expect(meeting.contains("没有符合条件的提任人选") && meeting.contains("href=\"/teachers/\(teacherA)\""), "the other lists stay")
            #expect(try await district.send(.GET, "/districts/310101/teacher-reviews/promotion.csv?promotion=meeting").body.string
                .split(separator: "\n").count == 1, "the download is the filtered list")
            #expect(try await district.send(.GET, "/districts/310101/teacher-reviews?province=41").body.string.contains("没有需要审核的引进教师"))
            #expect(try await district.send(.GET, "/districts/310101/teacher-reviews?province=32").status == .badRequest, "Jiangsu is not protected")
            #expect(try await district.send(.GET, "/districts/310101/teacher-reviews?standing=special").status == .badRequest)
            #expect(try await district.send(.GET, "/districts/310101/teacher-reviews?sort=salary").status == .badRequest)
            #expect(try await district.send(.GET, "/districts/310101/teacher-reviews?sort=appraisal-days&dir=desc&standing=full-senior").status == .ok)

            let audited = try await h.accounts.auditEvents(subjectID: teacherA).map(\.action)
            #expect(audited.contains("teacher-reviews") && audited.contains("teacher-reviews-export"))

            #expect(try await signedIn(h, "city").send(.GET, "/districts/310101/teacher-reviews").status == .ok)
            #expect(try await signedIn(h, "school").send(.GET, "/districts/310101/teacher-reviews").status == .forbidden, "a school reads no district list")
            let xuhui = try await signedIn(h, "xuhui")
            #expect(try await xuhui.send(.GET, "/districts/310101/teacher-reviews").status == .forbidden)
            #expect(try await xuhui.send(.GET, "/districts/310101/teacher-reviews/poaching.csv").status == .forbidden)
            #expect(try await h.accounts.auditEvents(subjectID: "310101").filter { $0.action == "teacher-reviews-refused" }.count == 3,
                    "every refusal is audited")
            #expect(try await signedIn(h, "parent-a").send(.GET, "/districts/310101/teacher-reviews").status == .forbidden)
            #expect(try await district.send(.GET, "/districts/999999/teacher-reviews").status == .notFound)

            _ = try await district.send(.GET, "/lang/en")
            let english = try await district.send(.GET, "/districts/310101/teacher-reviews").body.string
            #expect(english.contains("Sichuan") && english.contains("Lacks rotation") && english.contains("Full senior teacher") && !english.contains("四川省"))
        }
    }
}
