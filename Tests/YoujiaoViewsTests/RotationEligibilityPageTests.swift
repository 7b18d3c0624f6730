import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The district's rotation list is sorted over every row, then paged: pages follow each other in
/// the order asked, and the downloads (no page size) hold every row.
@Suite("Rotation eligibility page")
struct RotationEligibilityPageTests {
    static let notAppointed = RotationEligibility(appointments: [], rotations: [], birthDate: CaseDate("1980-01-01")!, isWoman: false,
                                                  on: CaseDate("2026-12-06")!, rules: .shanghai)
    static let rows = (0..<250).map { n in
        RotationEligibilityPage.Row(teacherID: "t\(n)", name: "教师\(1000 + (n * 7919) % 250)", schoolName: "学校", subject: "语文",
                                    keyLevel: .none, eligibility: notAppointed)
    }

    static func model(page: Int, perPage: Int?) -> RotationEligibilityPage.Model {
        RotationEligibilityPage.Model(districtCode: "310101", districtName: "黄浦区", rows: rows, eligibleOnly: false,
                                      sort: TableSort(key: "name"), page: page, perPage: perPage)
    }

    @Test func pagesSliceTheWholeSortedList() {
        let whole = Self.model(page: 1, perPage: nil).pageRows.map(\.name)
        #expect(whole.count == 250 && whole == whole.sorted())
        let pages = (1...3).map { Self.model(page: $0, perPage: 100) }
        #expect(pages.map(\.pageCount) == [3, 3, 3])
        #expect(pages.map(\.pageRows.count) == [100, 100, 50])
        #expect(pages.flatMap { $0.pageRows.map(\.name) } == whole, "page after page, the same order as the download")
        #expect(RotationEligibilityPage.table(pages[2]).rows.count == 50, "the table shows the page only")
    }

    @Test func thePagerLinksTheNextPageKeepingTheSort() {
        let html = RotationEligibilityPage.View(chrome: Chrome(language: .zh, csrfToken: "csrf"), model: Self.model(page: 1, perPage: 100),
                                                address: PageAddress(path: "/districts/310101/rotation", rawQuery: "sort=name&all=1")).render()
        #expect(html.contains("rel=\"next\"") && html.contains("page=2") && html.contains("sort=name"))
    }
}
