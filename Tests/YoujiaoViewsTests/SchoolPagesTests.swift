import Foundation
import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews
import ZIPFoundation

/// The school directory, a school's page and its pupil list, rendered from model literals and
/// compared with the reviewed files in __Snapshots__/SchoolPagesTests.
@Suite("School pages")
struct SchoolPagesTests {
    static func chrome(_ language: Language, scope: AccessScope = AccessScope(role: .cityAdmin), path: String = "/schools") -> Chrome {
        Chrome(language: language, navigation: NavItem.menu(for: scope, currentPath: path),
               viewer: .init(displayName: "市管理员", role: .role(scope.role)), csrfToken: "csrf-123")
    }

    // MARK: The directory

    static let huangpu = SchoolDirectoryPage.DistrictChoice(code: "310101", name: "黄浦区")
    static let pudong = SchoolDirectoryPage.DistrictChoice(code: "310115", name: "浦东新区")

    static let directoryRows = [
        SchoolDirectoryPage.SchoolRow(id: "3101010001", name: "黄浦区第一中心小学", districtCode: "310101", districtName: "黄浦区",
                                      stages: [.primary], ownership: .public, isInclusivePrivateKindergarten: false, entrySeats: 1_200),
        SchoolDirectoryPage.SchoolRow(id: "3101150007", name: "浦东新区阳光幼儿园", districtCode: "310115", districtName: "浦东新区",
                                      stages: [.kindergarten], ownership: .private, isInclusivePrivateKindergarten: true, entrySeats: 90),
        SchoolDirectoryPage.SchoolRow(id: "3101150021", name: "浦东新区实验学校", districtCode: "310115", districtName: "浦东新区",
                                      stages: [.primary, .junior], ownership: .public, isInclusivePrivateKindergarten: false, entrySeats: 480),
    ]

    static let directory = SchoolDirectoryPage.Model(
        schools: directoryRows, total: 123, page: 2, pageCount: 3,
        filters: .init(text: "区", stage: nil, ownership: nil), districtChoices: [huangpu, pudong],
        sort: TableSort(key: "seats", direction: .descending))

    static let directoryAddress = PageAddress(path: "/schools", rawQuery: "q=%E5%8C%BA&sort=seats&dir=desc&page=2")

    @Test(arguments: Language.allCases)
    func directoryPage(_ language: Language) {
        let view = SchoolDirectoryPage.View(chrome: Self.chrome(language), model: Self.directory, address: Self.directoryAddress)
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "directory")
    }

    @Test func directoryShowsNamesAndLabelsNotCodes() {
        let html = SchoolDirectoryPage.View(chrome: Self.chrome(.zh), model: Self.directory, address: Self.directoryAddress).render()
        #expect(html.contains(#"<th scope="row">3101150007</th><td><a href="/schools/3101150007">浦东新区阳光幼儿园</a></td><td>浦东新区</td><td>幼儿园</td><td>民办（普惠）</td><td class="num">90</td>"#))
        #expect(html.contains("<td>小学、初中</td><td>公办</td>"))
        #expect(!html.contains("<td>310115</td>"), "the district is named, not coded")
        #expect(html.contains(#"<p class="summary">共 123 所学校</p>"#))
        #expect(html.contains(#"<tfoot><tr><th scope="row">本页合计</th><td></td><td></td><td></td><td></td><td class="num">1,770</td></tr></tfoot>"#))
        // Downloads keep the search and the sort and drop the page number.
        #expect(html.contains(#"<a href="/schools.csv?q=%E5%8C%BA&amp;sort=seats&amp;dir=desc" download>下载 CSV</a>"#))
        #expect(html.contains(#"<a href="/schools.xlsx?q=%E5%8C%BA&amp;sort=seats&amp;dir=desc" download>"#))
        // Searching again keeps the chosen sort.
        #expect(html.contains(#"<input type="hidden" name="sort" value="seats"/><input type="hidden" name="dir" value="desc"/>"#))
        #expect(html.contains(#"<nav class="pager""#) && html.contains("第 2 / 3 页"))
        let english = SchoolDirectoryPage.View(chrome: Self.chrome(.en), model: Self.directory, address: Self.directoryAddress).render()
        #expect(english.contains("<td>Private (inclusive)</td>") && english.contains("<td>Primary, Junior secondary</td><td>Public</td>"))
        #expect(english.contains("<title>School directory · Youjiao</title>"))
    }

    @Test func aPrivateKindergartenIsInclusiveOnlyWhenFlaggedAndOnlyAsAKindergarten() {
        func row(_ school: School) -> SchoolDirectoryPage.SchoolRow { .init(school, districtName: "黄浦区") }
        let kindergarten = School(id: "3101010009", name: "幼", districtCode: "310101", stages: [.kindergarten], ownership: .private,
                                  isInclusive: true, boarding: false, entrySeats: [.k1: 60], latitude: 31.2, longitude: 121.4)
        var privatePrimary = kindergarten
        privatePrimary.stages = [.primary]
        var notInclusive = kindergarten
        notInclusive.isInclusive = false
        #expect(row(kindergarten).isInclusivePrivateKindergarten)
        #expect(!row(privatePrimary).isInclusivePrivateKindergarten)
        #expect(!row(notInclusive).isInclusivePrivateKindergarten)
        let nineYear = School(id: "3101010010", name: "九", districtCode: "310101", stages: [.junior, .primary], ownership: .public,
                              isInclusive: false, boarding: true, entrySeats: [.g1: 200, .g6: 150], latitude: 31.2, longitude: 121.4)
        #expect(row(nineYear).entrySeats == 350)
        #expect(row(nineYear).stages == [.primary, .junior], "stages in school order")
        #expect(Phrase.schoolOwnership(.public, inclusiveKindergarten: true) == .ownership(.public), "public kindergartens are always 普惠")
    }

    @Test func theDownloadOfTheWholeListHasATrueTotalAndLanguageHeaders() {
        let whole = SchoolDirectoryPage.Model(schools: Self.directoryRows, total: 3, filters: .init(text: "区"), districtChoices: [Self.huangpu])
        let table = SchoolDirectoryPage.table(whole)
        #expect(table.totals?.first == .phrase(.tables(.total)), "every matching school: a plain total")
        let csv = String(decoding: TableCSV.document(table, language: .zh), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}学校标识码,校名,所在区,学段,办学性质,起始年级学位\r\n"))
        #expect(csv.contains("3101150021,浦东新区实验学校,浦东新区,小学、初中,公办,480\r\n"))
        #expect(csv.hasSuffix("合计,,,,,1770\r\n"))
        let english = String(decoding: TableCSV.document(table, language: .en), as: UTF8.self)
        #expect(english.contains("3101150007,浦东新区阳光幼儿园,浦东新区,Kindergarten,Private (inclusive),90\r\n"))
    }

    @Test func theDistrictSelectOffersOnlyTheViewersDistricts() {
        let scope = AccessScope(role: .districtAdmin, districtCode: "310101")
        let model = SchoolDirectoryPage.Model(schools: [Self.directoryRows[0]], total: 1, filters: .init(districtCode: "310101"),
                                              districtChoices: [Self.huangpu])
        let html = SchoolDirectoryPage.View(chrome: Self.chrome(.zh, scope: scope), model: model,
                                            address: PageAddress(path: "/schools")).render()
        #expect(html.contains(#"<select id="district" name="district"><option value="310101" selected>黄浦区</option></select>"#))
        #expect(!html.contains("浦东新区") && !html.contains("全部区"))
        #expect(!html.contains(#"name="sort""#), "the default sort adds nothing to the form")
        #expect(!html.contains(#"class="pager""#), "one page has no pager")
        #expect(html.contains(#"<th scope="row">合计</th>"#))
        let city = SchoolDirectoryPage.View(chrome: Self.chrome(.zh), model: Self.directory, address: Self.directoryAddress).render()
        #expect(city.contains(#"<option value selected>全部区</option><option value="310101">黄浦区</option><option value="310115">浦东新区</option>"#))
    }

    @Test func emptyDirectorySaysWhy() {
        func html(_ filters: SchoolDirectoryPage.Filters) -> String {
            SchoolDirectoryPage.View(chrome: Self.chrome(.zh), model: .init(schools: [], total: 0, filters: filters, districtChoices: [Self.huangpu]),
                                     address: PageAddress(path: "/schools")).render()
        }
        let filtered = html(.init(stage: .senior))
        #expect(filtered.contains(#"<p class="empty-state">没有符合条件的学校。</p>"#))
        #expect(filtered.contains(#"<option value="senior" selected>高中</option>"#))
        #expect(!filtered.contains("<table") && !filtered.contains("下载 CSV"), "nothing to download")
        #expect(html(.init()).contains(#"<p class="empty-state">还没有导入任何学校。</p>"#))
    }

    @Test func typedTextIsShownAsTypedAndNeverAsMarkup() {
        var rows = Self.directoryRows
        rows[0].name = "<script>alert(1)</script>小学"
        let model = SchoolDirectoryPage.Model(schools: rows, total: 3, filters: .init(text: "\"><img src=x>"), districtChoices: [Self.huangpu])
        let html = SchoolDirectoryPage.View(chrome: Self.chrome(.zh), model: model,
                                            address: PageAddress(path: "/schools", rawQuery: "q=%22%3E%3Cimg%20src%3Dx%3E")).render()
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;小学"))
        #expect(html.contains(#"value="&quot;&gt;&lt;img src=x&gt;""#))
    }

    @Test func onlyDeclaredColumnsSort() {
        let keys = SchoolDirectoryPage.sortKeys, fallback = SchoolDirectoryPage.defaultSort
        func asked(_ query: String) -> TableSort? {
            TableSort.requested(in: PageAddress(path: "/schools", rawQuery: query), sortableKeys: keys, fallback: fallback)
        }
        #expect(asked("") == fallback)
        #expect(asked("sort=district&dir=desc") == TableSort(key: "district", direction: .descending))
        #expect(asked("sort=stages") == nil, "not a sortable column: a 400")
        #expect(asked("sort=name;DROP%20TABLE%20schools") == nil)
        #expect(asked("sort=seats&dir=sideways") == nil)
        let sortable = Set(SchoolDirectoryPage.table(Self.directory).columns.filter(\.isSortable).map(\.key))
        #expect(sortable == keys, "every sortable header is a key the store orders by")
        let pupilColumns = Set(PupilsPage.table(Self.pupilList).columns.filter(\.isSortable).map(\.key))
        #expect(pupilColumns == PupilsPage.sortKeys)
        #expect(TableSort.requested(in: PageAddress(path: "/x", rawQuery: "sort=birth-date"), sortableKeys: PupilsPage.sortKeys,
                                    fallback: PupilsPage.defaultSort) == nil)
    }

    // MARK: A school's page

    static let school = SchoolPage.Model(
        id: "3101150021", name: "浦东新区实验学校", districtCode: "310115", districtName: "浦东新区", mayOpenDistrict: true,
        stages: [.junior, .primary], ownership: .public, isInclusive: true, boarding: false, entrySeats: [.g6: 240, .g1: 1_240],
        schoolGroup: "", pupilsByGrade: [.g1: 230, .g2: 225, .g6: 238, .g9: 1], teachers: 96, mayListPupils: true)

    @Test(arguments: Language.allCases)
    func schoolPage(_ language: Language) {
        let view = SchoolPage.View(chrome: Self.chrome(language, path: "/schools/3101150021"), model: Self.school)
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "school")
    }

    @Test func schoolFactsAndGradeTable() {
        let html = SchoolPage.View(chrome: Self.chrome(.zh), model: Self.school).render()
        #expect(html.contains("<h1>浦东新区实验学校</h1>"))
        #expect(html.contains(#"<dt>所在区</dt><dd><a href="/districts/310115">浦东新区</a></dd>"#))
        #expect(html.contains("<dt>起始年级学位</dt><dd>一年级 1,240、六年级 240</dd>"), "entry grades in school order")
        #expect(html.contains("<dt>普惠性</dt><dd>不适用（非幼儿园）</dd>"))
        #expect(html.contains("<dt>学区/集团</dt><dd>—</dd>"))
        #expect(html.contains("<dt>在校学生</dt><dd>694</dd><dt>教师</dt><dd>96</dd>"))
        // Every grade the school teaches, with its zeros, then the total.
        #expect(html.contains(#"<tr><th scope="row">三年级</th><td class="num">0</td></tr>"#))
        #expect(html.contains(#"<tfoot><tr><th scope="row">合计</th><td class="num">694</td></tr></tfoot>"#))
        // The end-to-end test clicks this exact link text.
        #expect(html.contains(#"<a href="/schools/3101150021/students">学生名单</a>"#))
    }

    @Test func theDistrictIsALinkOnlyForAViewerWhoMayOpenIt() {
        var model = Self.school
        model.mayOpenDistrict = false
        for language in Language.allCases {
            let html = SchoolPage.View(chrome: Self.chrome(language, scope: AccessScope(role: .schoolAdmin, schoolID: "3101150021")), model: model).render()
            #expect(!html.contains("/districts/"), "no link to a district page the viewer would be refused")
            #expect(html.contains("<dd>浦东新区</dd>"))
        }
    }

    @Test func thePupilListLinkIsOnlyForStaffAllowedToListPupils() {
        var model = Self.school
        model.mayListPupils = false
        let html = SchoolPage.View(chrome: Self.chrome(.zh), model: model).render()
        #expect(!html.contains("/students") && !html.contains("学生名单"))
    }

    @Test func aKindergartenSaysWhetherItIsInclusive() {
        let kindergarten = School(id: "3101010009", name: "幼", districtCode: "310101", stages: [.kindergarten], ownership: .private,
                                  isInclusive: false, boarding: false, entrySeats: [:], latitude: 31.2, longitude: 121.4, schoolGroup: "黄浦学区")
        let model = SchoolPage.Model(kindergarten, districtName: "黄浦区", pupilsByGrade: [:], teachers: 0, mayOpenDistrict: true, mayListPupils: true)
        let html = SchoolPage.View(chrome: Self.chrome(.en), model: model).render()
        #expect(html.contains("<dt>Inclusive (affordable) kindergarten</dt><dd>no</dd>"))
        #expect(html.contains("<dt>Entry seats</dt><dd>—</dd>") && html.contains("<dt>School group</dt><dd>黄浦学区</dd>"))
        #expect(html.contains(#"<p class="empty-state">No pupil is registered at this school yet.</p>"#))
        #expect(html.contains(#"<a href="/schools/3101010009/students">Pupil list</a>"#))
        var publicKindergarten = kindergarten
        publicKindergarten.ownership = .public
        let inclusive = SchoolPage.Model(publicKindergarten, districtName: "黄浦区", pupilsByGrade: [.k1: 1], teachers: 0,
                                         mayOpenDistrict: true, mayListPupils: true)
        #expect(SchoolPage.facts(inclusive).contains(.init(.schools(.inclusive), .phrase(.common(.yes)))))
    }

    // MARK: The pupil list

    static let pupilList = PupilsPage.Model(
        schoolID: "3101010001", schoolName: "黄浦区第一中心小学",
        pupils: [
            .init(id: "s1", name: "王小明", maskedID: "310101********0012", gender: .male, age: 8, grade: .g2, classNumber: 3, hukou: .local),
            .init(id: "s2", name: "李小红", maskedID: "310101********002X", gender: .female, age: 7, grade: .g2, classNumber: 3, hukou: .nonLocal),
            .init(id: "s3", name: "张三", maskedID: "320102********0031", gender: nil, age: nil, grade: nil, classNumber: nil, hukou: nil),
        ],
        total: 1_234, page: 1, pageCount: 25, filters: .init(name: "小", grade: .g2), grades: Stage.primary.grades,
        sort: TableSort(key: "name"))

    static let pupilAddress = PageAddress(path: "/schools/3101010001/students", rawQuery: "name=%E5%B0%8F&grade=2&sort=name&dir=asc")

    @Test(arguments: Language.allCases)
    func pupilListPage(_ language: Language) {
        let scope = AccessScope(role: .schoolAdmin, schoolID: "3101010001")
        let view = PupilsPage.View(chrome: Self.chrome(language, scope: scope, path: "/schools/3101010001/students"),
                                   model: Self.pupilList, address: Self.pupilAddress)
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "pupils")
    }

    @Test func pupilRowsAreLabelledAndMasked() {
        let html = PupilsPage.View(chrome: Self.chrome(.zh), model: Self.pupilList, address: Self.pupilAddress).render()
        #expect(html.contains(#"<tr><th scope="row"><a href="/students/s1">王小明</a></th><td><span class="id" translate="no">310101********0012</span></td><td>男</td><td class="num">8</td><td>二年级</td><td class="num">3</td><td>本市户籍</td></tr>"#))
        #expect(html.contains("<td>外省市户籍</td>"))
        #expect(html.contains(#"<td class="num">未登记</td><td>未登记</td><td class="num">未登记</td><td>未登记</td>"#))
        #expect(html.contains("共 1,234 名学生。身份证件号已脱敏显示；本次查看已记入审计日志。"), "the official is told the view is audited")
        #expect(html.contains(#"<a href="/schools/3101010001/students.csv?name=%E5%B0%8F&amp;grade=2&amp;sort=name&amp;dir=asc" download>"#))
        #expect(html.contains(#"<option value="2" selected>二年级</option>"#))
        #expect(html.contains(#"<a href="/schools/3101010001">返回学校页面</a>"#))
        #expect(html.contains(#"<form method="get" action="/schools/3101010001/students" class="filters""#))
        #expect(html.contains("<title>黄浦区第一中心小学 学生名单 · 优教</title>"))
        let english = PupilsPage.View(chrome: Self.chrome(.en), model: Self.pupilList, address: Self.pupilAddress).render()
        #expect(english.contains("1,234 pupils. ID numbers are masked; this view is recorded in the audit log."))
        #expect(english.contains("<td>Female</td>") && english.contains("<td>Hukou of another province</td>"))
    }

    @Test func thePupilListNeverShowsABirthDate() throws {
        let today = try #require(CaseDate("2026-05-01"))
        let student = Student(nationalID: "310101201803140012", name: "王小明", gender: .male, birthDate: "2018-03-14", hukou: .local,
                              residenceZoneID: nil, schoolID: "3101010001", grade: .g2, classNumber: 3)
        let pupil = PupilsPage.Pupil(id: "s1", student, on: today)
        #expect(pupil.maskedID == "310101********0012")
        #expect(pupil.age == 8)
        let model = PupilsPage.Model(schoolID: "3101010001", schoolName: "黄浦区第一中心小学", pupils: [pupil], total: 1,
                                     grades: Stage.primary.grades)
        let table = PupilsPage.table(model)
        let documents = try Language.allCases.flatMap { language in
            [PupilsPage.View(chrome: Self.chrome(language), model: model, address: PageAddress(path: model.href)).render(),
             String(decoding: TableCSV.document(table, language: language), as: UTF8.self),
             try Self.sheetText(table, language: language)]
        }
        for document in documents {
            for birth in ["2018-03-14", "20180314", "2018/03/14", "2018年", "03-14", "310101201803140012"] {
                #expect(!document.contains(birth), "\(birth) in \(document.prefix(60))")
            }
        }
        #expect(documents[0].contains(#"<span class="id" translate="no">310101********0012</span>"#))
        #expect(documents[1].contains("王小明,310101********0012,男,8,二年级,3,本市户籍\r\n"))
    }

    /// The worksheet of the XLSX download, as text.
    static func sheetText(_ table: TableModel, language: Language) throws -> String {
        let archive = try Archive(data: try XLSXWriter.workbook(table, language: language), accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func agesThatCannotBeRightAreNotShown() throws {
        let today = try #require(CaseDate("2026-05-01"))
        func age(_ birthDate: String) -> Int? {
            PupilsPage.Pupil(id: "s", Student(nationalID: "310101201803140012", name: "甲", gender: .female, birthDate: birthDate, hukou: .local,
                                              residenceZoneID: nil, schoolID: nil, grade: nil, classNumber: nil), on: today).age
        }
        #expect(age("2018-05-01") == 8 && age("2018-05-02") == 7, "whole years, the birthday counted on the day")
        #expect(age("2030-01-01") == nil, "a date ahead of today")
        #expect(age("not a date") == nil && age("") == nil && age("2018-02-30") == nil)
        #expect(PupilsPage.Pupil(id: "s", name: "甲", maskedID: "x", gender: nil, age: -3, grade: nil, classNumber: nil, hukou: nil).age == nil)
    }

    @Test func gradeFilterOffersTheSchoolsGradesAndKeepsAnOutsideOne() {
        let model = PupilsPage.Model(schoolID: "1", schoolName: "甲", pupils: [], total: 0, filters: .init(grade: .g10), grades: Stage.primary.grades)
        #expect(model.gradeChoices == [.g1, .g2, .g3, .g4, .g5, .g10])
        let html = PupilsPage.View(chrome: Self.chrome(.zh), model: model, address: PageAddress(path: model.href)).render()
        #expect(html.contains(#"<option value="10" selected>十年级</option>"#))
        #expect(html.contains(#"<p class="empty-state">没有符合条件的学生。</p>"#))
        #expect(!html.contains("下载 CSV"))
        let none = PupilsPage.Model(schoolID: "1", schoolName: "甲", pupils: [], total: 0, grades: [.k1, .k2, .k3])
        #expect(PupilsPage.table(none).emptyState == .schools(.noPupilsInSchool))
    }
}

@Suite("Pupil page")
struct PupilPageTests {
    static func model(revealed: Bool) -> PupilPage.Model {
        PupilPage.Model(name: "王小明", idNumber: revealed ? "310101201703050115" : "310101********0115", isRevealed: revealed,
                        revealAction: revealed ? nil : "/students/s-1/reveal", gender: .male, age: .ageInYears(9), hukou: .local,
                        school: ("黄浦区第一中心小学", "/schools/3101010001"), grade: .g3, classNumber: 2,
                        zone: .catchmentZone(servedBy: "黄浦区第一中心小学", districtName: "黄浦区"),
                        guardians: [.init(name: "王大明", relation: .guardianRelation("father"))])
    }

    @Test(arguments: Language.allCases)
    func maskedWithTheRevealButton(_ language: Language) {
        let chrome = Chrome(language: language, navigation: [], viewer: nil, csrfToken: "csrf-123")
        assertSnapshot(of: PupilPage.View(chrome: chrome, model: Self.model(revealed: false)).render(indentedBy: .spaces(1)),
                       as: .lines, named: language.rawValue, testName: "pupil")
    }

    @Test func revealedSaysSoAndOffersNoSecondReveal() {
        let html = PupilPage.View(chrome: Chrome(language: .zh, navigation: [], viewer: nil, csrfToken: "c"), model: Self.model(revealed: true)).render()
        #expect(html.contains("310101201703050115") && html.contains("full-number-shown") && !html.contains("id=\"reveal\""))
        #expect(html.contains("王大明（父亲）") && !html.contains("father"))
    }
}
