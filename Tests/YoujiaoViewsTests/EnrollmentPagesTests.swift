import Foundation
import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The family's application form from model literals: choices in words, what was typed kept after
/// a problem, and the change log.
@Suite("Enrollment pages")
struct EnrollmentPagesTests {
    static func model(problem: ApplicationFormPage.Problem? = nil) -> ApplicationFormPage.Model {
        ApplicationFormPage.Model(
            campaignName: .verbatim("2027 年黄浦区一年级入学"), childName: "王小宝", age: .ageInYears(6), maskedID: "310101********0518",
            action: "/enrollment/c-1/apply/s-1", values: ["track": "private", "choice1": "P1", "zone": "Z1", "tier": "2", "years": "4"],
            privateSchools: [Choice(value: "P1", label: .verbatim("民办甲小学"))],
            zones: [Choice(value: "Z1", label: .catchmentZone(servedBy: "黄浦区第一中心小学", districtName: "黄浦区"))], problem: problem,
            history: [.init(at: .beijingTime("2027-05-06 09:30"), by: "王大明", isFirst: true,
                            content: .applicationContent(track: .public, choices: [], tier: .admissionTier(1), years: 4,
                                                         zone: .catchmentZone(servedBy: "黄浦区第一中心小学", districtName: "黄浦区")))])
    }

    @Test(arguments: Language.allCases)
    func applicationForm(_ language: Language) {
        let chrome = Chrome(language: language, navigation: [], viewer: nil, csrfToken: "csrf-123")
        let view = ApplicationFormPage.View(chrome: chrome, model: Self.model(problem: .init(field: "national_id", message: Phrase(zh: "身份证件号有误。", en: "The ID number is wrong."))))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "applicationForm")
    }

    @Test func theProblemStandsBesideItsFieldAndTheTypedChoicesStay() {
        let html = ApplicationFormPage.View(chrome: Chrome(language: .zh, csrfToken: "c"),
                                            model: Self.model(problem: .init(field: "zone", message: .verbatim("不在本次招生范围。")))).render()
        #expect(html.contains("data-field=\"zone\"") && html.contains("id=\"zone-error\""))
        #expect(html.contains("<option value=\"private\" selected>") && html.contains("<option value=\"2\" selected>"))
        #expect(!html.contains("track=") && !html.contains(">Z1<"))
    }

    @Test(arguments: Language.allCases)
    func drawVerification(_ language: Language) {
        let model = DrawVerificationPage.Model(
            campaignName: .verbatim("2027 年黄浦区一年级入学"), status: .published, path: "/public/enrollment/c-1", listHash: String(repeating: "ab", count: 32),
            beaconRound: .verbatim("drand 4521000"), notaryCommitment: String(repeating: "cd", count: 32), beaconValue: String(repeating: "ef", count: 32),
            notarySecret: "notary-secret", seed: String(repeating: "01", count: 32),
            routes: .init(privateLottery: 120, catchment: 2_300, coordinated: 80, unplaced: 0))
        let chrome = Chrome(language: language, navigation: [], viewer: nil, csrfToken: "csrf-123")
        assertSnapshot(of: DrawVerificationPage.View(chrome: chrome, model: model).render(indentedBy: .spaces(1)),
                       as: .lines, named: language.rawValue, testName: "drawVerification")
    }

    @Test func beforePublicationTheSeedStaysHidden() {
        let model = DrawVerificationPage.Model(
            campaignName: .verbatim("2027 年黄浦区一年级入学"), status: .frozen, path: "/public/enrollment/c-1", listHash: "h",
            beaconRound: .verbatim("drand 4521000"), notaryCommitment: "c", beaconValue: nil, notarySecret: nil, seed: nil, routes: nil)
        let html = DrawVerificationPage.View(chrome: Chrome(language: .zh, csrfToken: "c"), model: model).render()
        #expect(!html.contains("results.csv") && !html.contains("id=\"seed\"") && !html.contains("enroll verify"))
        #expect(html.contains("applicants.csv") && html.contains("enroll commit"))
        #expect(!html.contains("python3 verify.py"), "the Python verifier needs the results and the seed's ingredients")
    }

    /// The page's Python command carries the beacon value and the secret as shell words that stand
    /// for exactly them, whatever they hold; the HTML escapes them once more.
    @Test func thePythonCommandQuotesAnySecretForTheShell() throws {
        let secret = "it's a \"secret\" & <b>$HOME `x`"
        let model = DrawVerificationPage.Model(
            campaignName: .verbatim("2027 年黄浦区一年级入学"), status: .published, path: "/public/enrollment/c-1", listHash: String(repeating: "ab", count: 32),
            beaconRound: .verbatim("drand 4521000"), notaryCommitment: String(repeating: "cd", count: 32), beaconValue: "round 7",
            notarySecret: secret, seed: String(repeating: "01", count: 32), routes: nil)
        let html = DrawVerificationPage.View(chrome: Chrome(language: .en, csrfToken: "c"), model: model).render()
        #expect(html.contains("<a id=\"python-verifier\" href=\"/static/verify.py\" download=\"verify.py\">"))
        #expect(html.contains("--beacon 'round 7' --secret 'it'\\''s a \"secret\" &amp; &lt;b&gt;$HOME `x`'"))
        #expect(DrawVerificationPage.shellWord("drand-quicknet_1:2") == "drand-quicknet_1:2", "a plain word stays as it is")
        for text in [secret, "", "=ls", "~", "a\nb", "公证 密钥"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "printf %s " + DrawVerificationPage.shellWord(text)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let bytes = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(String(decoding: bytes, as: UTF8.self) == text, "the shell reads \(DrawVerificationPage.shellWord(text)) back as \(text)")
        }
    }
}

@Suite("Family enrollment page")
struct FamilyEnrollmentPageTests {
    @Test(arguments: Language.allCases)
    func familyList(_ language: Language) {
        let model = FamilyEnrollmentPage.Model(campaigns: [
            .init(id: "c-1", name: .verbatim("2027 年黄浦区一年级入学"), status: .open, publicHref: nil, rows: [
                .init(childName: "王小宝", maskedID: "310101********0518", isRegistered: false, formHref: "/enrollment/c-1/apply/s-1", result: nil)]),
            .init(id: "c-0", name: .verbatim("2026 年黄浦区一年级入学"), status: .published, publicHref: "/public/enrollment/c-0", rows: [
                .init(childName: "王小明", maskedID: "310101********0115", isRegistered: true, formHref: nil,
                      result: Phrase(zh: "按施教区对口入学：黄浦区第一中心小学", en: "Catchment school: 黄浦区第一中心小学"))]),
        ])
        let chrome = Chrome(language: language, navigation: [], viewer: nil, csrfToken: "csrf-123")
        assertSnapshot(of: FamilyEnrollmentPage.View(chrome: chrome, model: model).render(indentedBy: .spaces(1)),
                       as: .lines, named: language.rawValue, testName: "familyEnrollment")
    }

    @Test func withoutCampaignsItSaysSo() {
        let html = FamilyEnrollmentPage.View(chrome: Chrome(language: .zh, csrfToken: "c"), model: .init(campaigns: [])).render()
        #expect(html.contains("目前没有您的孩子可以参加的招生。"))
    }
}

/// The staff's campaign pages from model literals: the campaign with its review after the draw,
/// and the list with the form that creates a campaign.
@Suite("Campaign pages for staff")
struct CampaignStaffPagesTests {
    static func school(_ id: String, _ name: String, _ ownership: Ownership, seats: Int, applicants: Int, admitted: Int, last: String?) -> CampaignPage.School {
        CampaignPage.School(id: id, name: name, ownership: ownership, seats: seats, zones: 2,
                            result: .init(applicants: applicants, admitted: admitted, lastAdmittedNumber: last,
                                          admittedListHref: "/enrollment/c-1/results.csv?school=\(id)"))
    }

    static func drawn(sort: TableSort = CampaignPage.defaultSort, step: CampaignPage.NextStep? = .publish(href: "/enrollment/c-1/publish")) -> CampaignPage.Model {
        CampaignPage.Model(
            name: .verbatim("2027 年全市一年级入学"), id: "c-1", status: .drawn, opensOn: CaseDate("2027-04-20")!, closesOn: CaseDate("2027-05-20")!,
            applications: 2_400, beaconRound: .verbatim("drand 4521000"), notaryCommitment: String(repeating: "cd", count: 32),
            listHash: String(repeating: "ab", count: 32), seed: String(repeating: "01", count: 32), narrowedTo: "黄浦区", nextStep: step,
            mayEditSeats: false,
            schools: [school("3101010001", "黄浦区第一中心小学", .public, seats: 200, applicants: 230, admitted: 200, last: nil),
                      school("3101010002", "民办甲小学", .private, seats: 60, applicants: 150, admitted: 60, last: "0093")],
            review: .init(routes: .init(privateLottery: 60, catchment: 2_200, coordinated: 130, unplaced: 10), coordinatedPlaced: 130,
                          totalDistanceMetres: 152_345, optimalDistanceMetres: 140_000),
            sort: sort)
    }

    static func chrome(_ language: Language) -> Chrome { Chrome(language: language, navigation: [], viewer: nil, csrfToken: "csrf-123") }

    @Test(arguments: Language.allCases)
    func campaignAfterTheDraw(_ language: Language) {
        let view = CampaignPage.View(chrome: Self.chrome(language), model: Self.drawn(), address: PageAddress(path: "/enrollment/c-1"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "campaignAfterTheDraw")
    }

    @Test func theReviewIsInWordsWithChartAndWhatIf() {
        let html = CampaignPage.View(chrome: Self.chrome(.zh), model: Self.drawn(), address: PageAddress(path: "/enrollment/c-1")).render()
        #expect(html.contains("<strong id=\"status\">已派位（待发布）</strong>") && html.contains("id=\"step-publish\""))
        #expect(html.contains("<svg") && html.contains(">民办摇号<") && html.contains(">统筹<"))
        #expect(html.contains("统筹安排 130 人，按优先级总距离 152.3 公里；同样学位下总距离最小的安排为 140.0 公里。"))
        #expect(html.contains("2027年4月20日 至 2027年5月20日") && !html.contains("2027-04-20"), "dates in Chinese form")
        #expect(html.contains("href=\"/enrollment/c-1/results.csv?school=3101010002\"") && html.contains(">0093<"))
        #expect(html.contains("id=\"narrowed\"") && html.contains("本区（黄浦区）"))
        #expect(html.contains("/enrollment/c-1/schools.csv") && html.contains("/enrollment/c-1/schools.xlsx"))
        for raw in [">drawn<", ">private<", ">public<", ">coordinated<", "Applicants"] { #expect(!html.contains(raw), "no raw \(raw)") }
    }

    @Test func eachStatusOffersItsOwnStep() {
        let steps: [(CampaignPage.NextStep, String)] = [(.open(action: "/enrollment/c-1/open"), "step-open"), (.freeze(href: "/enrollment/c-1/freeze"), "step-freeze"),
                                                       (.draw(href: "/enrollment/c-1/draw"), "step-draw"), (.publish(href: "/enrollment/c-1/publish"), "step-publish")]
        for (step, id) in steps {
            let html = CampaignPage.View(chrome: Self.chrome(.zh), model: Self.drawn(step: step), address: PageAddress(path: "/enrollment/c-1")).render()
            #expect(steps.map(\.1).filter { html.contains("id=\"\($0)\"") } == [id])
        }
        let reader = CampaignPage.View(chrome: Self.chrome(.zh), model: Self.drawn(step: nil), address: PageAddress(path: "/enrollment/c-1")).render()
        #expect(!reader.contains("id=\"step-"), "no step for a reader")
    }

    @Test func theSchoolsSortOnTheServer() {
        let byAdmitted = CampaignPage.schoolsTable(Self.drawn(sort: TableSort(key: "admitted", direction: .descending)))
        #expect(byAdmitted.rows.map { $0[0] } == [.text("黄浦区第一中心小学"), .text("民办甲小学")])
        let ascending = CampaignPage.schoolsTable(Self.drawn(sort: TableSort(key: "seats")))
        #expect(ascending.rows.map { $0[2] } == [.number(60), .number(200)])
        #expect(ascending.exportRows(.zh).first == [.text("学校"), .text("性质"), .text("学位"), .text("申请"), .text("录取"), .text("最后录取号码"), .text("录取名单")])
        // A column of the results does not sort the table before the draw; an unknown one is refused.
        #expect(!CampaignPage.sortableKeys(afterDraw: false).contains("admitted"))
        #expect(TableSort.requested(in: PageAddress(path: "/enrollment/c-1", rawQuery: "sort=secret"),
                                    sortableKeys: CampaignPage.sortableKeys(afterDraw: true), fallback: CampaignPage.defaultSort) == nil)
    }

    @Test func extremeFiguresDoNotTrap() {
        var model = Self.drawn()
        model.review?.totalDistanceMetres = .max
        model.review?.routes.unplaced = .max
        model.schools[0].seats = .max
        let html = CampaignPage.View(chrome: Self.chrome(.en), model: model, address: PageAddress(path: "/enrollment/c-1")).render()
        #expect(html.contains("id=\"what-if\""))
    }

    static func list(problem: CampaignPage.Problem? = nil, values: [String: String]) -> CampaignListPage.Model {
        CampaignListPage.Model(
            rows: [.init(name: .verbatim("2027 年黄浦区一年级入学"), href: "/enrollment/c-1", year: 2027, status: .open,
                         opensOn: CaseDate("2027-04-20")!, closesOn: CaseDate("2027-05-20")!, listHash: nil),
                   .init(name: .verbatim("2026 年黄浦区小班入园"), href: "/enrollment/c-0", year: 2026, status: .published,
                         opensOn: CaseDate("2026-04-20")!, closesOn: CaseDate("2026-05-20")!, listHash: String(repeating: "ab", count: 32))],
            entryGrades: [.k1, .g1, .g6], values: values, problem: problem)
    }

    @Test(arguments: Language.allCases)
    func campaignList(_ language: Language) {
        let model = Self.list(values: CampaignListPage.proposedValues(today: CaseDate("2026-12-01")!))
        let view = CampaignListPage.View(chrome: Self.chrome(language), model: model, address: PageAddress(path: "/enrollment"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "campaignList")
    }

    @Test func theCreateFormKeepsWhatWasTypedWithTheProblemBesideItsField() {
        let typed = ["year": "2027", "grade": "6", "opens_on": "2027-04-20", "closes_on": "2027-04-01", "beacon_round": "drand 1", "notary_commitment": "xyz"]
        let html = CampaignListPage.View(chrome: Self.chrome(.zh),
                                         model: Self.list(problem: .init(field: "closes_on", message: .verbatim("截止不早于开始。")), values: typed),
                                         address: PageAddress(path: "/enrollment")).render()
        #expect(html.contains("data-field=\"closes_on\"") && html.contains("id=\"closes_on-error\"") && !html.contains("id=\"year-error\""))
        #expect(html.contains("<option value=\"6\" selected>") && html.contains("value=\"drand 1\"") && html.contains("value=\"xyz\""))
        #expect(html.contains(">报名中<") && html.contains("2027年4月20日 至 2027年5月20日") && html.contains("abababababababab…"))
        #expect(!html.contains(">open<") && !html.contains(">published<"))
    }

    @Test func theListSortsByYearNewestFirstByDefault() {
        let rows = CampaignListPage.table(Self.list(values: [:]), language: .zh).rows
        #expect(rows.map { $0[1] } == [.text("2027"), .text("2026")])
        var model = Self.list(values: [:])
        model.sort = TableSort(key: "status", direction: .descending)
        #expect(CampaignListPage.table(model, language: .zh).rows.first?[2] == .phrase(.campaignStatus(.published)))
    }

    /// By name, each language in its own order: "Huangpu …" before "Xuhui …" in English, whatever the Chinese.
    @Test func namesSortInTheReadersLanguage() {
        var model = Self.list(values: [:])
        model.rows = [.init(name: Phrase(zh: "2027 年徐汇区一年级入学", en: "Xuhui grade 1 entry 2027"), href: "/enrollment/a", year: 2027, status: .open,
                            opensOn: CaseDate("2027-04-20")!, closesOn: CaseDate("2027-05-20")!, listHash: nil),
                      .init(name: Phrase(zh: "2027 年黄浦区一年级入学", en: "Huangpu grade 1 entry 2027"), href: "/enrollment/b", year: 2027, status: .open,
                            opensOn: CaseDate("2027-04-20")!, closesOn: CaseDate("2027-05-20")!, listHash: nil)]
        model.sort = TableSort(key: "name")
        let english = CampaignListPage.table(model, language: .en).rows.map { $0[0] }
        #expect(english.first == .phraseLink(model.rows[1].name, href: "/enrollment/b"))
        let chinese = CampaignListPage.table(model, language: .zh).rows.map { $0[0] }
        #expect(chinese.first == .phraseLink(model.rows[0].name, href: "/enrollment/a"), "徐 (U+5F90) sorts before 黄 (U+9EC4)")
    }
}
