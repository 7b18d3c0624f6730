import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// Whole pages rendered from model literals, compared with the reviewed files in
/// __Snapshots__/PageSnapshotTests (one element per line). A missing file is written on the
/// first run and that run fails, so a new snapshot is always looked at before it is committed.
@Suite("Pages")
struct PageSnapshotTests {
    static func guardianChrome(_ language: Language, flash: Flash? = nil) -> Chrome {
        Chrome(language: language, navigation: NavItem.menu(for: AccessScope(role: .guardian, guardianID: "g1"), currentPath: "/family"),
               viewer: .init(displayName: "王芳", role: .role(.guardian)), csrfToken: "csrf-123", flash: flash)
    }

    static let family = FamilyPage.Model(
        children: [
            .init(name: "王小明", href: "/students/s1", maskedID: "310101********0012", age: .ageInYears(6),
                  school: nil, grade: nil),
            .init(name: "王小红", href: "/students/s2", maskedID: "310101********0024", age: .ageInYears(9),
                  school: .init(name: "黄浦区第一中心小学", href: "/schools/3101010001"), grade: .grade(.g3)),
        ],
        registrations: [
            .init(childName: "王小明", campaign: Phrase(zh: "2026 年黄浦区小学一年级招生", en: "Huangpu grade 1 entry 2026"),
                  applyHref: "/enrollment/2026-g1-310101-ab12/apply/s1", closesOn: "2026-05-20"),
        ],
        entryResults: [
            .init(childName: "王小红", campaign: Phrase(zh: "2023 年黄浦区小学一年级招生", en: "Huangpu grade 1 entry 2023"),
                  campaignID: "2023-g1-310101-cd34", applicantID: "A-000123",
                  reason: Phrase(zh: "按施教区对口录取黄浦区第一中心小学。", en: "Admitted to 黄浦区第一中心小学, the school of your catchment zone.")),
        ],
        aidNotices: [
            .init(grantID: "gr-1", childName: "王小红", policy: Phrase(zh: "义务教育家庭经济困难学生生活补助", en: "Living allowance for compulsory-education pupils"),
                  amount: 1_000, schoolYear: 2026, declined: false),
            .init(grantID: "gr-2", childName: "王小明", policy: Phrase(zh: "学前教育资助", en: "Pre-school aid"),
                  amount: 1_500, schoolYear: 2025, declined: true),
        ])

    @Test(arguments: Language.allCases)
    func signInWithError(_ language: Language) {
        let view = SignInPage.View(
            chrome: Chrome(language: language, csrfToken: "csrf-123"),
            model: .init(userName: "admin\"<x>", error: .auth(.wrongCredentials), next: "/schools?page=2",
                         identityProviderHref: "/auth/yiwangtong/start?next=%2Fschools"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "signIn")
    }

    @Test func signInWithoutIdentityProvider() {
        let html = SignInPage.View(chrome: Chrome(language: .zh, csrfToken: "t"), model: .init()).render()
        #expect(!html.contains("一网通办"))
        #expect(!html.contains("role=\"alert\""))
        #expect(!html.contains("menu-toggle"), "a signed-out page has no menu to fold")
        #expect(html.contains(#"<input type="text" id="username" name="username" required="required" autocomplete="username"/>"#))
    }

    @Test(arguments: Language.allCases)
    func familyPage(_ language: Language) {
        let view = FamilyPage.View(chrome: Self.guardianChrome(language, flash: .success(.forms(.saved))), model: Self.family)
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "family")
    }

    @Test func familyPageNeverShowsABirthDate() {
        let html = FamilyPage.View(chrome: Self.guardianChrome(.zh), model: Self.family).render()
        #expect(!html.contains("2019-"))
        #expect(html.contains("6 岁"))
        #expect(html.contains(#"<a href="/public/enrollment/2023-g1-310101-cd34">公开核验页</a>"#))
        #expect(html.contains(#"<a href="/family" aria-current="page">我的孩子</a>"#))
    }

    @Test(arguments: Language.allCases)
    func familyWithoutChildren(_ language: Language) {
        let html = FamilyPage.View(chrome: Self.guardianChrome(language), model: .init(children: [])).render()
        #expect(html.contains("<p class=\"empty-state\">\(language(.family(.noChildren)))</p>"))
        #expect(!html.contains("<section"))
    }

    @Test(arguments: Language.allCases)
    func errorPage(_ language: Language) {
        let view = ErrorPage.View(chrome: Self.guardianChrome(language),
                                  model: .init(status: 403, message: Phrase(zh: "您无权查看这名学生的信息。", en: "This pupil is outside your scope.")))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "error")
    }

    @Test func errorTitlesFollowTheStatus() {
        let message = Phrase.verbatim("x")
        #expect(ErrorPage.Model(status: 404, message: message).title == .errors(.notFound))
        #expect(ErrorPage.Model(status: 503, message: message).title == .errors(.serverError))
        #expect(ErrorPage.Model(status: 418, message: message).title == .errors(.otherError))
    }

    @Test func theShellIsCompleteAndAccessible() {
        let html = ErrorPage.View(chrome: Self.guardianChrome(.en), model: .init(status: 404, message: .verbatim("gone"))).render()
        #expect(html.hasPrefix(#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>Not found · Youjiao</title>"#))
        #expect(html.contains(##"<body><a class="skip-link" href="#main">Skip to content</a>"##))
        #expect(html.contains(#"<main id="main" tabindex="-1"><h1>Not found</h1>"#))
        #expect(html.contains(#"<a class="language-switch" href="/lang/zh" lang="zh-CN" hreflang="zh-CN" title="Change language">中文</a>"#))
        #expect(html.contains(#"<input type="hidden" name="_csrf" value="csrf-123"/>"#))
        #expect(html.hasSuffix("</footer></body></html>"))
    }
}
