import Plot
import Testing
import YoujiaoCore
@testable import YoujiaoViews

@Suite("Components")
struct ComponentTests {
    static let address = PageAddress(path: "/schools", query: [.init("district", "310101"), .init("page", "2")])

    static let table = TableModel(
        id: "schools", caption: Phrase(zh: "学校", en: "Schools"),
        columns: [.init(Phrase(zh: "校名", en: "Name"), key: "name", isSortable: true),
                  .init(Phrase(zh: "学段", en: "Stage"), key: "stage"),
                  .init(Phrase(zh: "学位", en: "Seats"), key: "seats", isNumeric: true, isSortable: true)],
        rows: [[.link("黄浦一小 <b>", href: "/schools/1?a=1&b=2"), .phrase(.stage(.primary)), .number(1_200)],
               [.text("卢湾中学"), .badge(Phrase(zh: "未达标", en: "not met"), tone: .bad), .number(80)]],
        totals: [.phrase(.tables(.total)), .empty, .number(1_280)],
        sort: TableSort(key: "seats", direction: .descending))

    static func render(_ component: Component) -> String { component.render() }

    @Test func sortedHeaderCarriesAriaSortAndLinksToTheReverse() {
        let html = Self.render(DataTable(Self.table, address: Self.address, language: .en))
        #expect(html.contains(#"<th scope="col" class="num sortable" aria-sort="descending"><a href="/schools?district=310101&amp;sort=seats&amp;dir=asc">Seats"#))
        // Another sortable column starts ascending; both drop the page number and keep the filter.
        #expect(html.contains(#"<th scope="col" class="sortable"><a href="/schools?district=310101&amp;sort=name&amp;dir=asc">Name"#))
        #expect(html.contains(#"<th scope="col">Stage</th>"#))
        #expect(html.components(separatedBy: "aria-sort").count == 2)
    }

    @Test func cellsAreEscapedLabelledAndNumbersGrouped() {
        let html = Self.render(DataTable(Self.table, address: Self.address, language: .zh))
        #expect(html.contains(#"<th scope="row"><a href="/schools/1?a=1&amp;b=2">黄浦一小 &lt;b&gt;</a></th>"#))
        #expect(html.contains(#"<td>小学</td>"#))
        #expect(html.contains(#"<td class="num">1,200</td>"#))
        #expect(html.contains(#"<span class="badge badge-bad">未达标</span>"#))
        #expect(html.contains(#"<tfoot><tr><th scope="row">合计</th><td></td><td class="num">1,280</td></tr></tfoot>"#))
        #expect(html.contains(#"<div class="table-scroll" role="region" aria-labelledby="schools-caption" tabindex="0">"#))
    }

    /// Plot 0.14 leaves "&lt;" in text alone and writes attribute values verbatim; the views'
    /// own escaping shows text exactly as typed and keeps every value inside its quotes.
    @Test func textAndAttributesAreEscapedExactlyOnce() {
        var table = Self.table
        table.rows = [[.link("&lt;b&gt; & \"x\"", href: "/s?q=\"><script>alert(1)</script>"), .text("&amp;"), .number(1)]]
        let html = Self.render(DataTable(table, address: Self.address, language: .en))
        #expect(html.contains(#"<a href="/s?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&amp;lt;b&amp;gt; &amp; "x"</a>"#))
        #expect(html.contains("<td>&amp;amp;</td>"))
        #expect(!html.contains("<script>"))
        let chrome = Chrome(language: .zh, navigation: [NavItem(label: .verbatim("<i>"), href: "/\"x", isCurrent: true)],
                            viewer: .init(displayName: "<img src=x onerror=alert(1)>", role: .role(.cityAdmin)), csrfToken: "\"/>")
        let page = ErrorPage.View(chrome: chrome, model: .init(status: 404, message: .verbatim("<b>"))).render()
        #expect(page.contains(#"<a href="/&quot;x" aria-current="page">&lt;i&gt;</a>"#))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt; · 市级管理员"))
        #expect(page.contains(#"name="_csrf" value="&quot;/&gt;""#))
        #expect(page.contains("<p class=\"error-message\">&lt;b&gt;</p>"))
    }

    @Test func anEmptyTableIsASentence() {
        var empty = Self.table
        empty.rows = []
        empty.emptyState = Phrase(zh: "本区还没有学校。", en: "No schools in this district yet.")
        #expect(Self.render(DataTable(empty, address: Self.address, language: .zh)) == #"<p class="empty-state">本区还没有学校。</p>"#)
    }

    @Test func pagerKeepsTheQueryAndVanishesForOnePage() {
        let html = Self.render(Pager(page: 2, pageCount: 3, address: Self.address, language: .zh))
        #expect(html == #"<nav class="pager" aria-label="分页"><a href="/schools?district=310101&amp;page=1" rel="prev">上一页</a><span class="page-of">第 2 / 3 页</span><a href="/schools?district=310101&amp;page=3" rel="next">下一页</a></nav>"#)
        #expect(Self.render(Pager(page: 1, pageCount: 1, address: Self.address, language: .zh)).isEmpty)
        #expect(Self.render(Pager(page: 1, pageCount: 0, address: Self.address, language: .zh)).isEmpty)
        let last = Self.render(Pager(page: 3, pageCount: 3, address: Self.address, language: .en))
        #expect(!last.contains("rel=\"next\"") && last.contains("rel=\"prev\""))
        // Past the end (the list shrank): "page 9 of 3" and a way back to the last page.
        let past = Self.render(Pager(page: 9, pageCount: 3, address: Self.address, language: .en))
        #expect(past.contains(#"page=3" rel="prev">Previous</a><span class="page-of">Page 9 of 3</span></nav>"#))
        // Numbers from a bad controller are clamped, never trapped on.
        let extreme = Self.render(Pager(page: Int.max, pageCount: Int.max, address: Self.address, language: .en))
        #expect(extreme.contains("Page 100,000,000 of 100,000,000"))
        #expect(Self.render(Pager(page: Int.min, pageCount: 2, address: Self.address, language: .en)).contains("Page 1 of 2"))
    }

    @Test func downloadsKeepFiltersAndSortButNotThePage() {
        let address = Self.address.setting("sort", to: "seats")
        let html = Self.render(DownloadLinks(for: address, csvPath: "/schools.csv", xlsxPath: "/schools.xlsx", language: .en))
        #expect(html.contains(#"href="/schools.csv?district=310101&amp;sort=seats" download>Download CSV"#))
        #expect(html.contains(#"href="/schools.xlsx?district=310101&amp;sort=seats" download>"#))
    }

    @Test func aFieldWithAnErrorKeepsItsValueAndPointsToTheError() {
        let field = FormField(name: "seats", label: Phrase(zh: "学位数", en: "Seats"), kind: .number, value: "12\"><script>",
                              error: Phrase(zh: "请填写 0 到 5,000 之间的整数。", en: "Enter a whole number from 0 to 5,000."),
                              hint: Phrase(zh: "起始年级", en: "entry grade"), isRequired: true, language: .zh)
        let html = Self.render(field)
        #expect(html.contains(#"<label for="seats">学位数<span class="required">（必填）</span></label>"#))
        #expect(html.contains(#"<p id="seats-error" class="field-error">请填写 0 到 5,000 之间的整数。</p>"#))
        #expect(html.contains(#"<input type="number" id="seats" name="seats" aria-describedby="seats-hint seats-error" aria-invalid="true" required="required" value="12&quot;&gt;&lt;script&gt;"/>"#))
        #expect(!html.contains("<script>"))
    }

    @Test func aPasswordIsNeverEchoedAndSelectsMarkTheirValue() {
        let password = Self.render(FormField(name: "password", label: .auth(.password), kind: .password, value: "secret", language: .en))
        #expect(!password.contains("secret"))
        let select = Self.render(FormField(name: "stage", label: Phrase(zh: "学段", en: "Stage"),
                                           kind: .select([Choice(value: "", label: .tables(.all))] + Stage.allCases.map { Choice(value: $0.rawValue, label: .stage($0)) }),
                                           value: "junior", language: .zh))
        #expect(select.contains(#"<option value="junior" selected>初中</option>"#))
        #expect(select.contains(#"<option value>全部</option>"#))
        #expect(select.components(separatedBy: "selected").count == 2)
        let area = Self.render(FormField(name: "reason", label: .forms(.reason), kind: .textarea(rows: 3), value: "a</textarea><b>", language: .en))
        #expect(area.contains(#"rows="3">a&lt;/textarea&gt;&lt;b&gt;</textarea>"#))
    }

    @Test func filterFormLabelsEveryFieldAndKeepsTheSort() {
        let html = Self.render(FilterForm(action: "/schools", fields: [
            FormField(name: "q", label: Phrase(zh: "校名", en: "Name"), value: "黄浦", language: .zh),
        ], keptSort: TableSort(key: "seats", direction: .descending), language: .zh))
        #expect(html.hasPrefix(#"<form method="get" action="/schools" class="filters" aria-label="筛选">"#))
        #expect(html.contains(#"<label for="q">校名</label><input type="text" id="q" name="q" value="黄浦"/>"#))
        #expect(html.contains(#"<input type="hidden" name="sort" value="seats"/><input type="hidden" name="dir" value="desc"/>"#))
    }

    @Test func flashMessagesAreAnnounced() {
        #expect(Self.render(FlashMessage(.success(.forms(.saved)), language: .zh)) == #"<p class="flash flash-success" role="status">已保存。</p>"#)
        #expect(Self.render(FlashMessage(.error(.forms(.fixBelow)), language: .en)).contains(#"role="alert""#))
    }

    @Test func stepBarMarksTheCurrentStep() {
        let html = Self.render(StepBar([.init(Phrase(zh: "报名", en: "Apply"), .done), .init(Phrase(zh: "冻结", en: "Freeze"), .current),
                                        .init(Phrase(zh: "摇号", en: "Draw"), .toDo)], language: .zh))
        #expect(html.contains(#"<li class="step step-current" aria-current="step"><span class="step-label">冻结</span><span class="step-state">当前步骤</span></li>"#))
        #expect(html.components(separatedBy: "aria-current").count == 2)
    }

    @Test func confirmPanelSaysWhatHappensAndRequiresAReason() {
        let html = Self.render(ConfirmPanel(
            heading: Phrase(zh: "冻结报名名单", en: "Freeze the applications"),
            consequences: [Phrase(zh: "1,234 份报名将不能再修改。", en: "1,234 applications can no longer change.")],
            counts: [.init(Phrase(zh: "报名", en: "Applications"), 1_234)],
            action: "/enrollment/c1/freeze", csrfToken: "tok\"en",
            reason: ConfirmPanel.reasonField(value: "按计划", language: .zh), cancelHref: "/enrollment/c1", language: .zh))
        #expect(html.contains(#"<dd class="num">1,234</dd>"#))
        #expect(html.contains(#"<input type="hidden" name="_csrf" value="tok&quot;en"/>"#))
        #expect(html.contains(#"name="reason" aria-describedby="reason-hint" required rows="3">按计划</textarea>"#))
        #expect(html.contains(#"<button type="submit" class="danger">确认</button><a href="/enrollment/c1" class="cancel">取消</a>"#))
    }

    @Test func factListUsesTheTableCells() {
        let html = Self.render(FactList([.init(.family(.idNumber), .maskedID("310101********0012"))], language: .en))
        #expect(html == #"<dl class="facts"><dt>ID number</dt><dd><span class="id" translate="no">310101********0012</span></dd></dl>"#)
    }

    @Test func menuMarksTheLongestMatchingItem() {
        let city = NavItem.menu(for: AccessScope(role: .cityAdmin), currentPath: "/schools/3101010001/students")
        #expect(city.filter(\.isCurrent).map(\.href) == ["/schools"])
        #expect(NavItem.menu(for: AccessScope(role: .cityAdmin), currentPath: "/").filter(\.isCurrent).map(\.href) == ["/"])
        #expect(NavItem.menu(for: AccessScope(role: .cityAdmin), currentPath: "/schoolsx").filter(\.isCurrent).isEmpty)
        let district = NavItem.menu(for: AccessScope(role: .districtAdmin, districtCode: "310101"), currentPath: "/supervision/districts/310101")
        #expect(district.filter(\.isCurrent).map(\.label) == [.common(.navSupervision)])
        let school = NavItem.menu(for: AccessScope(role: .schoolAdmin, schoolID: "a/b"), currentPath: "/")
        #expect(school.first?.href == "/schools/a%2Fb")
        #expect(NavItem.menu(for: AccessScope(role: .guardian, guardianID: "g"), currentPath: "/family").map(\.isCurrent) == [true, false, false])
    }
}
