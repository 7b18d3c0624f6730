import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

@Suite("City overview page")
struct CityOverviewTests {
    static let rows = [
        CityOverviewPage.DistrictRow(code: "310101", name: "黄浦区", schools: [.primary: 30, .junior: 20], pupils: [.primary: 40_000, .junior: 25_000]),
        CityOverviewPage.DistrictRow(code: "310115", name: "浦东新区", schools: [.primary: 200, .junior: 120], pupils: [.primary: 300_000, .junior: 180_000]),
        CityOverviewPage.DistrictRow(code: "310104", name: "徐汇区", schools: [.primary: 50], pupils: [.primary: 70_000]),
    ]

    static func chrome(_ language: Language) -> Chrome {
        Chrome(language: language, navigation: NavItem.menu(for: AccessScope(role: .cityAdmin), currentPath: "/"),
               viewer: .init(displayName: "市管理员", role: .role(.cityAdmin)), csrfToken: "csrf-123")
    }

    @Test(arguments: Language.allCases)
    func overview(_ language: Language) {
        let model = CityOverviewPage.Model(districts: Self.rows, sort: TableSort(key: "primary-pupils", direction: .descending))
        let view = CityOverviewPage.View(chrome: Self.chrome(language), model: model,
                                         address: PageAddress(path: "/", rawQuery: "sort=primary-pupils&dir=desc"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "cityOverview")
    }

    @Test(arguments: Language.allCases)
    func districtPage(_ language: Language) {
        let model = DistrictOverviewPage.Model(code: "310101", name: "黄浦区", schoolCount: 52, schools: [.primary: 30, .junior: 20],
                                               pupils: [.primary: 40_000, .junior: 25_000])
        assertSnapshot(of: DistrictOverviewPage.View(chrome: Self.chrome(language), model: model).render(indentedBy: .spaces(1)),
                       as: .lines, named: language.rawValue, testName: "districtOverview")
    }

    @Test func theDistrictTableTotalsEveryStage() {
        let model = DistrictOverviewPage.Model(code: "310101", name: "黄浦区", schoolCount: 52, schools: [.primary: 30, .junior: 20],
                                               pupils: [.primary: 40_000, .junior: 25_000])
        let table = DistrictOverviewPage.table(model)
        #expect(table.rows.count == Stage.allCases.count)
        #expect(table.totals == [.phrase(.tables(.total)), .number(50), .number(65_000)])
    }

    @Test func sortsOnAnyColumnWithTiesByCode() {
        func codes(_ key: String, _ direction: TableSort.Direction) -> [String] {
            CityOverviewPage.Model(districts: Self.rows, sort: TableSort(key: key, direction: direction)).districts.map(\.code)
        }
        #expect(codes("primary-pupils", .descending) == ["310115", "310104", "310101"])
        #expect(codes("junior-schools", .ascending) == ["310104", "310101", "310115"])
        #expect(codes("name", .ascending) == ["310115", "310101", "310104"].sorted { a, b in
            Self.rows.first { $0.code == a }!.name < Self.rows.first { $0.code == b }!.name })
        #expect(codes("special-pupils", .descending) == ["310101", "310104", "310115"], "all zero: code order")
        #expect(CityOverviewPage.sortKeys.count == 2 + Stage.allCases.count * 2)
    }

    @Test func totalsAndDownloadsCarryTheSameFigures() throws {
        let table = CityOverviewPage.table(CityOverviewPage.Model(districts: Self.rows, sort: CityOverviewPage.defaultSort))
        let totals = try #require(table.totals)
        #expect(totals[5] == .number(410_000), "primary pupils of the three districts")
        let csv = String(decoding: TableCSV.document(table, language: .zh), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}区代码,区,幼儿园学校,幼儿园学生,小学学校,小学学生"))
        #expect(csv.contains("310101,黄浦区,0,0,30,40000,20,25000"))
    }
}
