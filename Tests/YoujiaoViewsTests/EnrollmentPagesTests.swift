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
            beaconRound: "drand 4521000", notaryCommitment: String(repeating: "cd", count: 32), beaconValue: String(repeating: "ef", count: 32),
            notarySecret: "notary-secret", seed: String(repeating: "01", count: 32),
            routes: .init(privateLottery: 120, catchment: 2_300, coordinated: 80, unplaced: 0))
        let chrome = Chrome(language: language, navigation: [], viewer: nil, csrfToken: "csrf-123")
        assertSnapshot(of: DrawVerificationPage.View(chrome: chrome, model: model).render(indentedBy: .spaces(1)),
                       as: .lines, named: language.rawValue, testName: "drawVerification")
    }

    @Test func beforePublicationTheSeedStaysHidden() {
        let model = DrawVerificationPage.Model(
            campaignName: .verbatim("2027 年黄浦区一年级入学"), status: .frozen, path: "/public/enrollment/c-1", listHash: "h",
            beaconRound: "drand 4521000", notaryCommitment: "c", beaconValue: nil, notarySecret: nil, seed: nil, routes: nil)
        let html = DrawVerificationPage.View(chrome: Chrome(language: .zh, csrfToken: "c"), model: model).render()
        #expect(!html.contains("results.csv") && !html.contains("id=\"seed\"") && !html.contains("enroll verify"))
        #expect(html.contains("applicants.csv") && html.contains("enroll commit"))
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
