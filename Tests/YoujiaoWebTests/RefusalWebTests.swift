import Foundation
import Testing
import Vapor
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// A refusal's sentence comes from the catalogue in the viewer's language, including the refusals
/// that name no sentence of their own (no such route, a bare 403): no English-only words on a Chinese
/// page and no Chinese on an English one.
@Suite("Refusals in the viewer's language")
struct RefusalWebTests {
    @Test func aControllerRefusalReadsInEachLanguage() async throws {
        try await WebHarness.with { h in
            let parent = h.client()
            try await parent.login("parent-a")
            let students = "/schools/\(Fixture.huangpuSchool.id)/students"
            let chinese = try await parent.send(.GET, students)
            #expect(chinese.status == .forbidden && chinese.body.string.contains("此页面仅对工作人员开放。"))
            #expect(!chinese.body.string.contains("staff only"))
            try await parent.send(.GET, "/lang/en")
            let english = try await parent.send(.GET, students)
            #expect(english.status == .forbidden && english.body.string.contains("This page is for staff only."))
            #expect(!english.body.string.contains("工作人员"))

            let huangpu = h.client()
            try await huangpu.login("huangpu")
            let otherDistrict = try await huangpu.send(.GET, "/schools?district=\(Fixture.xuhui.code)")
            #expect(otherDistrict.status == .forbidden && otherDistrict.body.string.contains("您无权查看其他区的学校。"))
        }
    }

    @Test func aPageQueryOutOfBoundsIsNamedInWords() async throws {
        try await WebHarness.with { h in
            let city = h.client()
            try await city.login("city")
            let letters = try await city.send(.GET, "/schools?page=abc")
            #expect(letters.status == .badRequest && letters.body.string.contains("页码须为整数。"), "the field in words, not its code")
            let zero = try await city.send(.GET, "/schools?page=0")
            #expect(zero.status == .badRequest && zero.body.string.contains("页码须在 1–1,000,000 之间。"))
            let pastTheEnd = try await city.send(.GET, "/schools?page=999")
            #expect(pastTheEnd.status == .notFound && pastTheEnd.body.string.contains("没有第 999 页；共 1 页。"))
            try await city.send(.GET, "/lang/en")
            let english = try await city.send(.GET, "/schools?page=abc")
            #expect(english.body.string.contains("The page number must be a whole number."))
            #expect(try await city.send(.GET, "/schools?page=999").body.string.contains("There is no page 999; there is 1 page."))
        }
    }

    @Test func refusalsWithoutASentenceSayTheCataloguesInstead() async throws {
        try await WebHarness.with { h in
            let visitor = h.client()
            let missing = try await visitor.send(.GET, "/no-such-page")
            #expect(missing.status == .notFound && missing.body.string.contains("没有这个页面。"))
            #expect(!missing.body.string.contains("Not Found"), "Vapor's reason phrase stays off the page")
            // A form posted without its token (a malformed post) is refused in the visitor's language.
            let unsigned = try await visitor.send(.POST, "/login", form: ["username": "city", "password": "x"])
            #expect(unsigned.status == .forbidden && unsigned.body.string.contains("表单已过期或缺少安全令牌"))
            try await visitor.send(.GET, "/lang/en")
            let english = try await visitor.send(.GET, "/no-such-page")
            #expect(english.body.string.contains("There is no such page.") && !english.body.string.contains("没有这个页面"))
            let unsignedEnglish = try await visitor.send(.POST, "/login", form: ["username": "city", "password": "x"])
            #expect(unsignedEnglish.body.string.contains("The form has expired or lacks its security token"))
            // The API keeps its machine-readable answer.
            let api = try await visitor.send(.GET, "/api/v1/no-such-thing")
            #expect(api.status == .notFound || api.status == .unauthorized)
            #expect(api.body.string.hasPrefix("{\"error\""))
        }
    }
}
