import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The district's teacher review lists rendered from a model literal, compared with the reviewed
/// files in __Snapshots__/TeacherReviewsPagesTests; and the tables' order, filters and downloads.
@Suite("Teacher review pages")
struct TeacherReviewsPagesTests {
    static let school = "黄浦区第一中心小学"
    static func person(_ id: String, _ name: String) -> TeacherReviewsPage.Person { .init(teacherID: id, name: name, schoolName: school) }
    static let sichuan = Province.named("51")!, henan = Province.named("41")!

    static func model(filters: TeacherReviewsPage.Filters = .init(), sort: TableSort = TeacherReviewsPage.defaultSorts[.poaching]!) -> TeacherReviewsPage.Model {
        TeacherReviewsPage.Model(
            districtCode: "310101", districtName: "黄浦区", hiredSince: CaseDate("2023-12-06")!, requiredDays: 365,
            poaching: [.init(person: person("t1", "张老师"), province: sichuan, hired: CaseDate("2025-09-01")!, title: .senior, keyLevel: .none),
                       .init(person: person("t2", "陈老师"), province: henan, hired: CaseDate("2024-09-01")!, title: .first, keyLevel: .district)],
            promotions: [.init(person: person("t3", "李老师"), post: .vicePrincipal, postSchoolName: "黄浦区第二中心小学", start: CaseDate("2027-09-01")!,
                               isAppointed: false, rotationDays: 0, lacksRotation: true),
                         .init(person: person("t4", "周老师"), post: .principal, postSchoolName: school, start: CaseDate("2026-09-01")!,
                               isAppointed: true, rotationDays: 730, lacksRotation: false)],
            appraisal: [.init(person: person("t5", "王老师"), standing: .fullSenior, keyLevel: .municipal, rotationDays: 365, rotationCount: 1,
                              kinds: [.rural], schoolNames: ["崇明区堡镇小学"]),
                        .init(person: person("t6", "吴老师"), standing: .candidate, keyLevel: .municipal, rotationDays: 0, rotationCount: 0,
                              kinds: [], schoolNames: [])],
            filters: filters, sort: sort)
    }

    @Test(arguments: Language.allCases)
    func reviewListsPage(_ language: Language) {
        let scope = AccessScope(role: .districtAdmin, districtCode: "310101")
        let chrome = Chrome(language: language, navigation: NavItem.menu(for: scope, currentPath: "/districts/310101"),
                            viewer: .init(displayName: "黄浦区管理员", role: .role(.districtAdmin)), csrfToken: "csrf-123")
        let view = TeacherReviewsPage.View(chrome: chrome, model: Self.model(), address: PageAddress(path: "/districts/310101/teacher-reviews"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "teacherReviews")
    }

    @Test func eachTableSortsAndFiltersOnItsOwn() {
        let bySchoolDays = Self.model(sort: TableSort(key: "promotion-days", direction: .descending))
        #expect(TeacherReviewsPage.promotionTable(bySchoolDays).rows.map { $0[0] } == [.link("周老师", href: "/teachers/t4"), .link("李老师", href: "/teachers/t3")])
        #expect(TeacherReviewsPage.poachingTable(bySchoolDays).sort == TableSort(key: "poaching-hired", direction: .descending),
                "another table's sort leaves this one in its default order")
        #expect(TeacherReviewsPage.poachingTable(bySchoolDays).rows.map { $0[0] } == [.link("张老师", href: "/teachers/t1"), .link("陈老师", href: "/teachers/t2")])

        let filtered = Self.model(filters: .init(province: "41", promotion: .lacking, standing: .candidate))
        #expect(filtered.shownPoaching.map(\.person.name) == ["陈老师"] && filtered.shownPromotions.map(\.person.name) == ["李老师"]
                && filtered.shownAppraisal.map(\.person.name) == ["吴老师"])
        #expect(filtered.shownTeacherIDs == ["t2", "t3", "t6"])

        let csv = TeacherReviewsPage.appraisalTable(Self.model()).exportRows(.zh)
        #expect(csv[0] == ["姓名", "学校", "评审类别", "骨干级别", "已交流天数", "交流次数", "交流类型", "交流学校"].map { .text($0) })
        #expect(csv[1] == [.text("吴老师"), .text(Self.school), .text("高级教师、市级骨干（可申报）"), .text("市级骨干"), .integer(0), .integer(0),
                           .text("无交流轮岗经历"), .text("")], "no rotation first, by days")
    }
}
