import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The student-aid pages, rendered from model literals and compared with the reviewed files in
/// __Snapshots__/AidPagesTests; and the words the pages give the matcher's codes.
@Suite("Aid page views")
struct AidPagesTests {
    static func chrome(_ language: Language, role: Role = .cityAdmin, path: String = "/aid", flash: Flash? = nil) -> Chrome {
        let scope = AccessScope(role: role, districtCode: role == .cityAdmin ? nil : "310101", schoolID: role == .schoolAdmin ? "3101010001" : nil)
        return Chrome(language: language, navigation: NavItem.menu(for: scope, currentPath: path),
                      viewer: .init(displayName: "资助专员", role: .role(role)), csrfToken: "csrf-123", flash: flash)
    }

    static let policy = Phrase(zh: "义务教育家庭经济困难学生生活补助", en: "Living allowance for compulsory-education pupils")

    // MARK: Overview

    static let city = AidOverviewPage.Model(
        year: 2025, years: [2025, 2024], openReviews: 4, mayRequestPaymentFile: true,
        byDistrict: [.init(name: .verbatim("黄浦区"), href: "/aid?year=2025&district=310101", pupils: 12, grants: 13, yuan: 13_500, declined: 1),
                     .init(name: .verbatim("徐汇区"), href: "/aid?year=2025&district=310104", pupils: 3, grants: 3, yuan: 3_000, declined: 0)],
        byPolicy: [.init(name: policy, pupils: 15, grants: 16, yuan: 16_500, declined: 1)], showsPolicyChart: false)

    static let school = AidOverviewPage.Model(
        year: 2025, years: [2025], openReviews: 0, mayRequestPaymentFile: false,
        byPolicy: [], showsPolicyChart: true, ownSchoolListHref: "/aid/grants?year=2025&school=3101010001")

    @Test(arguments: Language.allCases)
    func cityOverview(_ language: Language) {
        let view = AidOverviewPage.View(chrome: Self.chrome(language), model: Self.city)
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "overview-city")
    }

    @Test func theOverviewLinksTheQueueThePaymentRequestAndTheDownloads() {
        let html = AidOverviewPage.View(chrome: Self.chrome(.zh), model: Self.city).render()
        #expect(html.contains(#"<a href="/aid/review?year=2025">待审核 4 条</a>"#))
        #expect(html.contains(#"<a href="/exports/new?kind=payment-file&amp;year=2025">申请下载发放清单（财务）</a>"#))
        #expect(html.contains(#"<a href="/aid/summary.xlsx?year=2025&amp;by=district" download>"#))
        #expect(html.contains("<svg") && html.contains("各区资助金额"))
        let rows = AidOverviewPage.table(Self.city.byDistrict ?? [], by: .district).exportRows(.zh)
        #expect(rows[0] == [.text("区"), .text("受助学生"), .text("资助笔数"), .text("金额（元）"), .text("家长放弃")])
        #expect(rows[1] == [.text("黄浦区"), .integer(12), .integer(13), .integer(13_500), .integer(1)])
        #expect(rows.last == [.text("合计"), .text(""), .integer(16), .integer(16_500), .integer(1)], "a totals row, pupils not summed")
        let narrowed = AidOverviewPage.Model(year: 2025, years: [2025], district: .init(code: "310101", name: "黄浦区"), openReviews: 1,
                                             mayRequestPaymentFile: true, bySchool: [], byPolicy: [], showsPolicyChart: true)
        #expect(narrowed.paymentFileHref == "/exports/new?kind=payment-file&year=2025&district=310101")
        #expect(narrowed.reviewHref == "/aid/review?year=2025&district=310101")
    }

    /// Each totals table sorts on the server by its own keys; the other tables keep their order.
    @Test func totalsSortByTheirOwnColumns() {
        let districts = Self.city.byDistrict ?? []
        let byYuan = AidOverviewPage.table(districts, by: .district, sort: TableSort(key: "district-yuan"))
        #expect(byYuan.rows.map { $0[3] } == [.number(3_000), .number(13_500)])
        let descending = AidOverviewPage.table(districts, by: .district, sort: TableSort(key: "district-yuan", direction: .descending))
        #expect(descending.rows.map { $0[3] } == [.number(13_500), .number(3_000)])
        #expect(descending.totals?[3] == .number(16_500), "the totals row stays last")
        let otherTable = AidOverviewPage.table(districts, by: .district, sort: TableSort(key: "policy-yuan"))
        #expect(otherTable.rows.map { $0[3] } == [.number(13_500), .number(3_000)] && otherTable.sort == nil, "another table's sort leaves this one alone")
        var model = Self.city
        model.sort = TableSort(key: "district-yuan")
        let html = AidOverviewPage.View(chrome: Self.chrome(.zh), model: model).render()
        #expect(html.contains(#"aria-sort="ascending""#) && html.contains("sort=district-yuan"))
        #expect(html.contains(#"/aid/summary.csv?year=2025&amp;by=district&amp;sort=district-yuan&amp;dir=asc"#), "the download keeps the order")
        #expect(AidOverviewPage.sortableKeys.contains("school-declined") && !AidOverviewPage.sortableKeys.contains("yuan"))
    }

    @Test func aSchoolSeesNoPaymentFileAndAnEmptyStateSentence() {
        let html = AidOverviewPage.View(chrome: Self.chrome(.zh, role: .schoolAdmin), model: Self.school).render()
        #expect(!html.contains("/exports/new") && !html.contains("payments.csv"))
        #expect(html.contains(#"<p class="empty-state">本学年还没有资助记录。</p>"#))
        #expect(html.contains(#"<a href="/aid/grants?year=2025&amp;school=3101010001">本校受助学生名单</a>"#))
    }

    // MARK: A school's list

    static func grants(page: Int = 1, perPage: Int? = nil, sort: TableSort = AidGrantsPage.defaultSort) -> AidGrantsPage.Model {
        AidGrantsPage.Model(
            schoolID: "3101010001", schoolName: "黄浦区第一中心小学", year: 2025,
            rows: [.init(pupilKey: "s1", name: "王小明", grade: .g3, classNumber: 2, policy: policy, yuan: 1_000, declined: false),
                   .init(pupilKey: "s2", name: "陈一", grade: .g1, classNumber: 1, policy: policy, yuan: 1_000, declined: true),
                   .init(pupilKey: "s3", name: "张三", grade: .g5, classNumber: 3, policy: policy, yuan: 1_500, declined: false)],
            sort: sort, page: page, perPage: perPage)
    }

    @Test(arguments: Language.allCases)
    func grantsList(_ language: Language) {
        let view = AidGrantsPage.View(chrome: Self.chrome(language, role: .schoolAdmin, path: "/aid/grants"), model: Self.grants(),
                                      address: PageAddress(path: "/aid/grants", rawQuery: "year=2025&school=3101010001"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "grants")
    }

    @Test func theListSumsWhatIsPaidAndSortsAndPagesEveryRow() {
        let model = Self.grants()
        #expect(model.paidPupils == 2 && model.paidYuan == 2_500, "a declined grant is not paid")
        #expect(model.rows.map(\.name) == ["陈一", "王小明", "张三"], "by grade")
        let byAmount = Self.grants(sort: TableSort(key: "yuan", direction: .descending))
        #expect(byAmount.rows.first?.name == "张三")
        let second = Self.grants(page: 2, perPage: 2)
        #expect(second.rows.map(\.name) == ["张三"] && second.pageCount == 2 && second.total == 3 && second.paidYuan == 2_500)
        let html = AidGrantsPage.View(chrome: Self.chrome(.zh), model: model, address: PageAddress(path: "/aid/grants", rawQuery: nil)).render()
        #expect(html.contains("黄浦区第一中心小学 · 2025–26 学年 · 受助学生 2 名，合计 2,500 元"))
        #expect(html.contains(#"<span class="badge badge-neutral">家长已放弃</span>"#))
        let rows = AidGrantsPage.table(model).exportRows(.en)
        #expect(rows[0] == [.text("Name"), .text("Grade"), .text("Class"), .text("Policy"), .text("Amount (yuan)"), .text("Status")])
        #expect(rows[1] == [.text("陈一"), .text("Grade 1"), .integer(1), .text(Self.policy.en), .integer(1_000), .text("declined by the family")])
    }

    // MARK: The review queue

    static func reviewRow(_ id: String, _ name: String, reason: AidReviewReason, detail: Phrase, status: AidReviewStatusWord = .open,
                          school: String? = "黄浦区第一中心小学", note: String = "") -> AidReviewPage.Row {
        AidReviewPage.Row(id: id, reason: .aidReason(reason), list: .aidList(.minimumLivingAllowance), entryName: name,
                          maskedID: "310101********0011", pupilName: school == nil ? nil : "王小明", schoolName: school,
                          districtName: "黄浦区", detail: detail, status: status, note: note,
                          decideHref: status == .open ? AidDecisionPage.href(entryID: id) : nil)
    }

    static let review = AidReviewPage.Model(
        year: 2025, years: [2025],
        rows: [reviewRow("r1", "王小明", reason: .adultID, detail: .aidHolderAge(37)),
               reviewRow("r2", "李小紅", reason: .nameMismatch, detail: .verbatim("李小紅 ≠ 李小红")),
               reviewRow("r3", "赵六", reason: .leftSchool, detail: .verbatim(""), status: .dismissed, school: nil, note: "已迁出本市")],
        filters: .init(status: nil), districtChoices: [Choice(value: "310101", label: .verbatim("黄浦区"))],
        schoolChoices: [Choice(value: "3101010001", label: .verbatim("黄浦区第一中心小学"))])

    @Test(arguments: Language.allCases)
    func reviewQueue(_ language: Language) {
        let view = AidReviewPage.View(chrome: Self.chrome(language, path: "/aid/review", flash: .success(.aid(.decidedDone))), model: Self.review,
                                      address: PageAddress(path: "/aid/review", rawQuery: "year=2025&status=all"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "review")
    }

    @Test func theQueueSaysEverythingInWordsAndLinksOpenEntriesToTheirDecision() {
        var model = Self.review
        model = AidReviewPage.Model(year: 2025, years: [2025], rows: model.rows, sort: TableSort(key: "name", direction: .descending),
                                    filters: model.filters, districtChoices: model.districtChoices, schoolChoices: model.schoolChoices)
        #expect(model.rows.map(\.entryName) == Self.review.rows.map(\.entryName).sorted(by: >))
        let html = AidReviewPage.View(chrome: Self.chrome(.zh), model: model,
                                      address: PageAddress(path: "/aid/review", rawQuery: "status=all&sort=name&dir=desc")).render()
        #expect(html.contains(#"<a href="/aid/review/r1">王小明</a>"#) && !html.contains(#"href="/aid/review/r3""#), "only open entries are decided")
        #expect(html.contains("持证人 37 岁") && html.contains("证件号不是学生的（家长的？）") && html.contains(">低保<"))
        #expect(html.contains(#"<span class="badge badge-neutral">不予资助</span>"#) && html.contains("已迁出本市"))
        #expect(html.contains(#"<option value="all" selected>全部状态</option>"#))
        #expect(html.contains(#"<input type="hidden" name="sort" value="name"/><input type="hidden" name="dir" value="desc"/>"#), "a new filter keeps the sort")
        #expect(html.contains(#"<a href="/aid/review.csv?status=all&amp;sort=name&amp;dir=desc" download>"#))
        // Codes stay in the filters' option values (the address); the words a person reads have none.
        let table = html.components(separatedBy: "<tbody>").last ?? ""
        for code in ["adultID", "minimumLivingAllowance", "nameMismatch", ">open<", ">dismissed<"] { #expect(!table.contains(code), "\(code)") }
        let rows = AidReviewPage.table(Self.review).exportRows(.zh)
        #expect(rows[1][0] == .text("李小紅") && rows[1][1] == .text("姓名与学籍不符") && rows[1][8] == .text("待处理"))
        #expect(rows[2][3] == .text("310101********0011") && rows[2][8] == .text("不予资助") && rows[2][9] == .text("已迁出本市"))
    }

    // MARK: A decision

    static func decision(chosen: String = "", note: String = "", noteError: Phrase? = nil, consequences: [Phrase]? = nil) -> AidDecisionPage.Model {
        AidDecisionPage.Model(
            entryID: "r1", year: 2025,
            facts: [.init(.aid(.nameOnList), .text("王大明")), .init(.aid(.reason), .phrase(.aidReason(.adultID))),
                    .init(.aid(.idNumber), .maskedID("310101********0031")), .init(.aid(.detail), .phrase(.aidHolderAge(37)))],
            choices: [Choice(value: "child:s1", label: .aidGrantToChild("王小明")), Choice(value: AidDecisionPage.dismiss, label: .aid(.dismiss))],
            chosen: chosen, note: note, noteError: noteError, consequences: consequences)
    }

    @Test(arguments: Language.allCases)
    func decisionForm(_ language: Language) {
        let view = AidDecisionPage.View(chrome: Self.chrome(language, path: "/aid/review/r1"),
                                        model: Self.decision(chosen: "dismiss", note: "  ", noteError: .aid(.noteNeeded)))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "decision-form")
    }

    @Test(arguments: Language.allCases)
    func decisionConfirmation(_ language: Language) {
        let model = Self.decision(chosen: "child:s1", note: "低保证登记在父亲名下",
                                  consequences: [.aidGrantFor(pupil: "王小明", school: nil, list: .minimumLivingAllowance), .aid(.grantConsequence)])
        let view = AidDecisionPage.View(chrome: Self.chrome(language, path: "/aid/review/r1/resolve"), model: model)
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "decision-confirm")
    }

    @Test func theFormPreselectsNothingAndKeepsWhatWasTyped() {
        let fresh = AidDecisionPage.View(chrome: Self.chrome(.zh), model: Self.decision()).render()
        #expect(!fresh.contains("checked") && fresh.contains(#"action="/aid/review/r1/resolve""#))
        let again = AidDecisionPage.View(chrome: Self.chrome(.zh), model: Self.decision(chosen: "dismiss", note: "<已迁出>", noteError: .aid(.noteNeeded))).render()
        #expect(again.contains(#"value="dismiss" required="required" checked="checked""#))
        #expect(again.contains("&lt;已迁出&gt;</textarea>"), "the note comes back, escaped")
        #expect(again.contains(#"<p id="note-error" class="field-error">不予资助时请填写理由。</p>"#))
        let confirm = AidDecisionPage.View(chrome: Self.chrome(.zh), model: Self.decision(chosen: "child:s1", note: "父亲名下",
                                                                                          consequences: [.aid(.grantConsequence)])).render()
        #expect(confirm.contains("confirm-panel") && confirm.contains(#"name="outcome" value="child:s1""#) && confirm.contains(#"name="note" value="父亲名下""#))
        #expect(!confirm.contains(#"type="radio""#), "the confirmation repeats nothing to change")
    }

    // MARK: Words for the matcher's codes

    @Test func theMatchersDetailIsSaidInWords() {
        #expect(AidWords.detail(reason: .adultID, detail: "37") == .aidHolderAge(37))
        #expect(AidWords.detail(reason: .adultID, detail: "99999999999999999999").zh.isEmpty, "a malformed age shows nothing")
        #expect(AidWords.detail(reason: .noPolicy, detail: "orphan × senior").zh == "孤儿 × 高中：无适用政策")
        #expect(AidWords.detail(reason: .noPolicy, detail: "the entry is not valid in school year 2025") == .aid(.entryNotValidThisYear))
        #expect(AidWords.detail(reason: .invalidID, detail: "bad check digit") == .aid(.invalidID))
        #expect(AidWords.detail(reason: .nameMismatch, detail: "李小紅 ≠ 李小红").zh == "李小紅 ≠ 李小红")
        #expect(AidWords.detail(reason: .notInRegistry, detail: "").zh.isEmpty && AidWords.detail(reason: nil, detail: "x").zh.isEmpty)
    }
}
