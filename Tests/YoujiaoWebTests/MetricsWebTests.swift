import Foundation
import Testing
import Vapor
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// `/metrics` over real HTTP: requests counted and timed by route pattern, sign-ins and submissions
/// by outcome, and nothing personal in a label.
@Suite("Metrics")
struct MetricsWebTests {
    @Test func requestsSignInsAndSubmissionsAreCountedWithoutPersonalData() async throws {
        try await WebHarness.with { h in
            let school = h.client()
            #expect(try await school.login("school").status == .seeOther)
            #expect(try await school.send(.GET, "/schools/3101010001").status == .ok)
            let wrong = h.client()
            #expect(try await wrong.login("school", password: "not the password").status == .unauthorized)

            let metrics = try await h.client().send(.GET, "/metrics")
            #expect(metrics.status == .ok && metrics.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = metrics.body.string
            #expect(text.contains("http_requests_total{") && text.contains("path=\"/schools/:id\""), "requests by route pattern")
            #expect(text.contains("http_request_duration_seconds_bucket{"), "latency as a histogram")
            #expect(text.contains("youjiao_sign_ins_total{outcome=\"password-accepted\"}") && text.contains("youjiao_sign_ins_total{outcome=\"sign-in-failed\"}"))
            #expect(!text.contains("3101010001") && !text.contains(Fixture.childA.nationalID) && !text.contains("outcome=\"school\""),
                    "ids, ID numbers and user names never become labels")
        }
    }
}
