import Testing
@testable import YoujiaoCore

@Suite("Paging, redirects, sign-in policy and token scopes")
struct PlatformRulesTests {
    @Test(arguments: [
        ("9223372036854775807", "page"), ("-1", "page"), ("0", "page"), ("1000001", "page"),
        ("99999999999999999999999", "page"),
    ])
    func pagesOutOfRangeNameTheField(text: String, field: String) {
        #expect(throws: PageQuery.Problem.outOfRange(field: field, allowed: 1...PageQuery.maximumPage)) {
            try PageQuery(pageText: text, perPageText: nil, defaultPerPage: 50, maxPerPage: 500)
        }
    }

    @Test func perPageIsBoundedByTheCaller() {
        #expect(throws: PageQuery.Problem.outOfRange(field: "per_page", allowed: 1...500)) {
            try PageQuery(pageText: "1", perPageText: "501", defaultPerPage: 50, maxPerPage: 500)
        }
        #expect(throws: PageQuery.Problem.notANumber(field: "per_page")) {
            try PageQuery(pageText: "1", perPageText: "5e2", defaultPerPage: 50, maxPerPage: 500)
        }
        #expect(throws: PageQuery.Problem.notANumber(field: "page")) {
            try PageQuery(pageText: "２", perPageText: nil, defaultPerPage: 50, maxPerPage: 500)
        }
    }

    @Test func theLargestPageStillHasAnOffsetThatFits() throws {
        let last = try PageQuery(page: PageQuery.maximumPage, perPage: 500, maxPerPage: 500)
        #expect(last.offset == 499_999_500)
        let defaults = try PageQuery(pageText: nil, perPageText: " ", defaultPerPage: 50, maxPerPage: 500)
        #expect(defaults == (try PageQuery(page: 1, perPage: 50)))
        #expect(defaults.pageCount(total: 0) == 1 && defaults.pageCount(total: 101) == 3)
    }

    @Test(arguments: [
        ("/schools?district=310101", "/schools?district=310101"), ("/", "/"), ("/%2F%2Fevil.example", "/%2F%2Fevil.example"),
        ("//evil.example/phish", nil), ("/\\evil.example", nil), ("\\\\evil.example", nil), ("https://evil.example", nil),
        ("/\t/evil.example", nil), ("/ok\nLocation: x", nil), ("javascript:alert(1)", nil), ("", nil),
    ] as [(String, String?)])
    func redirectsGoOnlyToLocalPaths(candidate: String, expected: String?) {
        #expect(SafeRedirect.localPath(candidate) == expected)
    }

    @Test func refererKeepsPathAndQueryOnly() {
        #expect(SafeRedirect.localPath(fromReferer: "https://youjiao.example/schools?page=2") == "/schools?page=2")
        #expect(SafeRedirect.localPath(fromReferer: "http://127.0.0.1//evil.example/phish") == nil)
        #expect(SafeRedirect.localPath(fromReferer: "not a url at all \u{0}") == nil)
    }

    @Test func signInWaitsDoubleAfterTheFreeAttemptsUpToFifteenMinutes() {
        let free = SignInPolicy.freeAttemptsPerAccount
        #expect((1..<free).allSatisfy { SignInPolicy.wait(afterAttempt: $0, freeAttempts: free) == 0 })
        #expect(SignInPolicy.wait(afterAttempt: free, freeAttempts: free) == 30)
        #expect(SignInPolicy.wait(afterAttempt: free + 1, freeAttempts: free) == 60)
        #expect(SignInPolicy.wait(afterAttempt: free + 40, freeAttempts: free) == SignInPolicy.longestWait)
        #expect(SignInPolicy.wait(afterAttempt: Int.max, freeAttempts: free) == SignInPolicy.longestWait)
    }

    @Test func tokenScopesFollowTheAPIPaths() {
        #expect(TokenScope.required(forAPIPath: "/api/v1/schools/3101010001/students") == .registryRead)
        #expect(TokenScope.required(forAPIPath: "/api/v1/campaigns/abc/results") == .campaignsRead)
        #expect(TokenScope.required(forAPIPath: "/api/v1/openapi.json") == nil)
    }
}
