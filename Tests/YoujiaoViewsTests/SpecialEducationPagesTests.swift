import Foundation
import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The special-education pages from model literals: a district's list, a file with every section
/// and a refused assessment, its printable copy, the existence-only page, the hand-over's
/// confirmation and the new-file form.
@Suite("Special education page views")
struct SpecialEducationPagesTests {
    static let today = CaseDate(year: 2026, month: 12, day: 6)

    static func chrome(_ language: Language, flash: Flash? = nil) -> Chrome {
        Chrome(language: language, navigation: NavItem.menu(for: AccessScope(role: .districtAdmin, districtCode: "310101"), currentPath: "/special-education"),
               viewer: .init(displayName: "黄浦区管理员", role: .role(.districtAdmin)), csrfToken: "csrf-123", flash: flash)
    }

    static let rows: [CaseFileListPage.FileRow] = [
        .init(id: "f-1", name: "王小明", maskedID: "310101********123X", contents: .init(
            stage: .primary, category: .hearing, level: .two, placement: nil, schoolName: nil,
            review: .overdue(days: 12, due: CaseDate(year: 2026, month: 11, day: 24)), visits: nil)),
        .init(id: "f-2", name: "李小红", maskedID: "310101********4561", contents: .init(
            stage: .junior, category: .intellectual, level: .three, placement: .homeTeaching, schoolName: "黄浦区辅读学校",
            review: .next(CaseDate(year: 2027, month: 1, day: 10)), visits: (done: 3, planned: 4))),
        .init(id: "f-3", name: "<script>赵</script>", maskedID: "310101********7890", contents: nil),
    ]

    static func list() -> CaseFileListPage.Model {
        var figures = SpecialEducationMonitoring.Figures()
        figures.cases = 3; figures.schoolAge = 2; figures.schoolAgeEnrolled = 1; figures.withoutPlacement = 1
        figures.byPlacement = [.homeTeaching: 1]; figures.homeTeachingCases = 1; figures.visitsDone = 3; figures.visitsPlanned = 4
        return CaseFileListPage.Model(
            scopeName: "黄浦区", mayOpenFiles: true, figures: figures, monitoringHref: "/special-education/monitoring.csv",
            figureRows: [.init(name: .verbatim("黄浦区辅读学校"), href: CaseFileListPage.schoolHref("3101010009", district: nil), figures: figures),
                         .init(name: .specialEducation(.noPlacementRow), href: nil, figures: figures)],
            unplaced: [rows[0]], overdue: [rows[0]], files: rows, total: 3)
    }

    static func file(refused: CaseFilePage.Refused? = nil) -> CaseFilePage.Model {
        let plan = CaseFilePage.Plan(
            id: "p-1", start: CaseDate(year: 2026, month: 9, day: 1), end: CaseDate(year: 2027, month: 2, day: 28),
            status: .overdue(due: CaseDate(year: 2026, month: 11, day: 24)), reviewDates: [CaseDate(year: 2026, month: 11, day: 24)],
            goals: [.init(id: "g-1", description: "认读 50 个常用汉字", criterion: "5 次测试中 4 次正确率 90%", target: nil, latest: .progressing)],
            services: [.init(domain: .rehabilitation, description: "感觉统合训练", provider: "区康复中心", sessionsPerMonth: 4)],
            reviews: [.init(date: CaseDate(year: 2026, month: 10, day: 8), outcome: .continuePlan, summary: "按计划推进",
                            results: [.init(goal: "认读 50 个常用汉字", result: .progressing)])])
        return CaseFilePage.Model(
            id: "f-2", childName: "李小红", maskedID: "310101********4561", age: 11, registrySchool: "黄浦区第一小学", districtName: "黄浦区",
            stage: .primary, category: .intellectual, level: .three, openedOn: CaseDate(year: 2026, month: 9, day: 1),
            currentPlacement: .init(kind: .homeTeaching, schoolName: "黄浦区辅读学校"),
            assessments: [.init(date: CaseDate(year: 2026, month: 9, day: 1), kind: .medical, assessor: "上海市儿童医院", summary: "中度智力落后")],
            placements: [.init(kind: .homeTeaching, schoolName: "黄浦区辅读学校", stage: .primary, start: CaseDate(year: 2026, month: 9, day: 2),
                               end: nil, visitsPerMonth: 2)],
            plans: [plan],
            visits: .init(planned: 4, done: 3, rows: [.init(date: CaseDate(year: 2026, month: 11, day: 30), teacher: "周老师", minutes: 90, content: "识字")]),
            handOvers: [], nextStage: .junior, staff: [.init(displayName: "王老师", username: "school")],
            editing: .init(placementSchools: [.init(id: "3101010009", name: "黄浦区辅读学校", stages: [.special])],
                           nextStageSchools: [.init(id: "3101010002", name: "黄浦区第一初级中学", stages: [.junior])],
                           candidates: [.init(userID: "u-2", member: .init(displayName: "第二位管理员", username: "school2"))], refused: refused),
            today: today)
    }

    func snapshot(_ view: some PageView, _ language: Language, _ name: String) {
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: name)
    }

    @Test(arguments: [Language.zh, .en]) func listPage(_ language: Language) {
        let view = CaseFileListPage.View(chrome: Self.chrome(language), model: Self.list(), address: PageAddress(path: "/special-education", rawQuery: nil))
        let html = view.render()
        #expect(html.contains("id=\"enrollment-rate\""))
        #expect(html.contains("&lt;script&gt;赵"), "names are escaped")
        #expect(html.contains("/special-education/download/files.csv") && html.contains("/special-education/download/files.xlsx"))
        if language == .zh {
            for code in ["hearing", "home-teaching", "primary", "2026-11-24", "special-school"] { #expect(!html.contains(">\(code)<"), "\(code)") }
            #expect(html.contains("逾期 12 天（2026年11月24日）") && html.contains("未安置儿童（1）"))
        }
        snapshot(view, language, "list")
    }

    @Test(arguments: [Language.zh, .en]) func filePage(_ language: Language) {
        let view = CaseFilePage.View(chrome: Self.chrome(language), model: Self.file(), address: PageAddress(path: "/special-education/f-2", rawQuery: nil))
        let html = view.render()
        #expect(html.contains("id=\"plan-form\"") && html.contains("class=\"case-form review-form\"") && html.contains("id=\"handover-form\""))
        if language == .zh { #expect(html.contains("2026年9月1日") && html.contains("11 岁") && !html.contains(">medical<")) }
        snapshot(view, language, "file")
    }

    @Test func aRefusedFormComesBackAsTyped() {
        let summary = String(repeating: "听力评估结论，", count: 280)
        let refused = CaseFilePage.Refused(form: "assessment-form", values: ["date": "2025-02-30", "kind": "medical", "assessor": "市儿童医院", "summary": summary],
                                           field: "date", message: .specialEducation(.notADate))
        let html = CaseFilePage.View(chrome: Self.chrome(.zh), model: Self.file(refused: refused), address: PageAddress(path: "/special-education/f-2", rawQuery: nil)).render()
        #expect(html.contains(summary), "the long summary is kept")
        #expect(html.contains("value=\"2025-02-30\"") && html.contains("市儿童医院"))
        #expect(html.contains("id=\"problem\"") && html.contains("data-field=\"date\""))
        #expect(html.contains("id=\"assessment-form-date-error\""), "the error sits beside its field")
        #expect(html.contains("<details class=\"no-print\" open"), "the refused form is unfolded")
    }

    @Test(arguments: [Language.zh, .en]) func printablePage(_ language: Language) {
        let view = CaseFilePage.View(chrome: Self.chrome(language), model: Self.file(), address: PageAddress(path: "/special-education/f-2/print", rawQuery: nil),
                                     printable: true)
        let html = view.render()
        #expect(html.contains("print-file") && !html.contains("<form method=\"post\" action=\"/special-education"))
        snapshot(view, language, "print")
    }

    @Test(arguments: [Language.zh, .en]) func smallPages(_ language: Language) {
        snapshot(CaseFileExistencePage.View(chrome: Self.chrome(language), model: .init(childName: "李小红", maskedID: "310101********4561",
                                                                                       districtName: "黄浦区")), language, "existence")
        let confirm = CaseConfirmPage.Model(
            childName: "李小红", heading: .specialEducation(.confirmHandOverTitle),
            consequences: [.caseHandOverMoves(from: .primary, to: .junior, school: "黄浦区第一初级中学"), .casePlanEnds(CaseDate(year: 2026, month: 12, day: 5))],
            action: "/special-education/f-2/handover", fields: ["to_stage": "junior", "summary": "需座位靠前"], cancelHref: "/special-education/f-2#handovers")
        let html = CaseConfirmPage.View(chrome: Self.chrome(language), model: confirm).render()
        #expect(html.contains("name=\"confirmed\" value=\"yes\"") && html.contains("value=\"需座位靠前\""))
        snapshot(CaseConfirmPage.View(chrome: Self.chrome(language), model: confirm), language, "confirm")
        snapshot(NewCaseFilePage.View(chrome: Self.chrome(language), model: .init(values: ["national_id": "31010120150101123", "opened_on": "2026-12-06"],
                                                                                  problem: ("national_id", .specialEducation(.required)))), language, "new")
    }

    @Test func sortingPutsOverdueFirstAndUnreadableLast() {
        let byReview = CaseFileListPage.sorted(Self.rows, by: TableSort(key: "review"))
        #expect(byReview.map(\.id) == ["f-1", "f-2", "f-3"])
        #expect(CaseFileListPage.sorted(Self.rows, by: TableSort(key: "review", direction: .descending)).first?.id == "f-3")
        #expect(CaseFileListPage.filtered(Self.rows, by: .init(placement: CaseFileListPage.PlacementFilter("none"))).map(\.id) == ["f-1"])
        #expect(CaseFileListPage.filtered(Self.rows, by: .init(name: "小红")).map(\.id) == ["f-2"])
        #expect(CaseFileListPage.PlacementFilter("astrology") == nil)
    }
}
