import Foundation
import SQLKit
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// The findings of the security review, each as an attack that must now fail (both databases).
@Suite("Security")
struct SecurityTests {
    func signedIn(_ h: WebHarness, _ username: String) async throws -> WebHarness.Client {
        let client = h.client()
        #expect(try await client.login(username).status == .seeOther)
        return client
    }

    @Test func hugePageNumbersAreRefusedAndTheServerKeepsServing() async throws {
        try await WebHarness.with { h in
            let school = try await signedIn(h, "school"), city = try await signedIn(h, "city")
            let huge = "9223372036854775807"
            let attacks: [(WebHarness.Client, String)] = [
                (school, "/schools/\(Fixture.huangpuSchool.id)/students?page=\(huge)"),
                (city, "/schools?page=\(huge)"),
                (city, "/schools?page=-3"),
                (city, "/schools?page=abc"),
                (city, "/aid/review?page=\(huge)"),
            ]
            for (client, path) in attacks {
                let response = try await client.send(.GET, path)
                #expect(response.status == .badRequest, "\(path)")
                #expect(response.body.string.contains("page"), "the message names the field: \(path)")
            }
            let token = try await h.apiToken("city")
            var bearer = HTTPHeaders()
            bearer.bearerAuthorization = BearerAuthorization(token: token)
            let api = try await h.client().send(.GET, "/api/v1/schools/\(Fixture.huangpuSchool.id)/students?page=\(huge)&per_page=500", headers: bearer)
            #expect(api.status == .badRequest)
            #expect(api.body.string.contains("\"field\":\"page\""))
            let perPage = try await h.client().send(.GET, "/api/v1/schools?per_page=\(huge)", headers: bearer)
            #expect(perPage.status == .badRequest && perPage.body.string.contains("\"field\":\"per_page\""))
            #expect(try await city.send(.GET, "/schools?page=999").status == .notFound, "a page past the end is 404, not 'page 999 of 1'")
            #expect(try await city.send(.GET, "/schools").status == .ok, "the server is still up")
        }
    }

    @Test func aMaskedNumberNeverStandsBesideTheBirthDate() async throws {
        try await WebHarness.with { h in
            let child = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            let masked = NationalID.mask(child.nationalId)
            let birth = try #require(CaseDate(child.birthDate))
            // Every way a page, file or API answer could spell the birth date or its year and month.
            let spellings = [child.birthDate, child.birthDate.replacingOccurrences(of: "-", with: ""),
                             "\(birth.year)年\(birth.month)月", String(format: "%04d-%02d", birth.year, birth.month),
                             String(format: "%04d/%02d", birth.year, birth.month)]
            let token = try await h.apiToken("city")
            var bearer = HTTPHeaders()
            bearer.bearerAuthorization = BearerAuthorization(token: token)
            let reads: [(String, String)] = [
                ("city", "/students/\(child.id)"), ("school", "/students/\(child.id)"), ("huangpu", "/students/\(child.id)"),
                ("parent-a", "/students/\(child.id)"), ("parent-a", "/family"),
                ("school", "/schools/\(Fixture.huangpuSchool.id)/students"), ("city", "/schools/\(Fixture.huangpuSchool.id)/students.csv"),
            ]
            var checked = 0
            for (username, path) in reads {
                let body = try await signedIn(h, username).send(.GET, path).body.string
                guard body.contains(masked) else { continue }
                checked += 1
                for spelling in spellings { #expect(!body.contains(spelling), "\(username) \(path) shows \(spelling) beside \(masked)") }
            }
            for path in ["/api/v1/schools/\(Fixture.huangpuSchool.id)/students", "/api/v1/students/\(child.id)"] {
                let body = try await h.client().send(.GET, path, headers: bearer).body.string
                #expect(body.contains(masked), "\(path) shows the masked number")
                checked += 1
                for spelling in spellings { #expect(!body.contains(spelling), "\(path) shows \(spelling) beside \(masked)") }
            }
            #expect(checked >= 7, "the masked number was on the pages checked")
            // What is shown instead (an age, a birth year) leaves dozens of numbers that pass the check.
            let year = CaseDate(year: birth.year, month: 1, day: 1), yearEnd = CaseDate(year: birth.year, month: 12, day: 31)
            #expect(MaskedBirth.candidateCount(masked: masked, bornFrom: year, through: yearEnd) >= 20)
            #expect(MaskedBirth.candidateCount(masked: masked, bornFrom: birth, through: birth) == 1, "the full date gives the number away")
        }
    }

    @Test func parallelWrongPasswordsAreCountedBeforeTheyAreChecked() async throws {
        try await WebHarness.with { h in
            let clients = (0..<24).map { _ in h.client() }
            var tokens: [String] = []
            for client in clients { tokens.append(try await client.csrf()) }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (client, token) in zip(clients, tokens) {
                    group.addTask { try await client.send(.POST, "/login", form: ["_csrf": token, "username": "city", "password": "wrong"]).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == SignInPolicy.freeAttemptsPerAccount,
                    "only the free attempts reach the password check")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 24 - SignInPolicy.freeAttemptsPerAccount)
            #expect(!statuses.contains(.internalServerError))
        }
    }

    @Test func redirectsStayOnTheSite() async throws {
        try await WebHarness.with { h in
            let client = h.client()
            for referer in ["http://127.0.0.1//evil.example/phish", "https://evil.example//evil.example/x"] {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .referer, value: referer)
                let response = try await client.send(.GET, "/lang/en", headers: headers)
                #expect(response.headers.first(name: .location) == "/", "\(referer)")
            }
            // A backslash arrives percent-encoded, which browsers read as part of a local path.
            var backslash = HTTPHeaders()
            backslash.replaceOrAdd(name: .referer, value: "http://127.0.0.1/\\evil.example")
            let location = try await client.send(.GET, "/lang/en", headers: backslash).headers.first(name: .location) ?? ""
            #expect(location == "/" || location == "/%5Cevil.example", "\(location)")
            var local = HTTPHeaders()
            local.replaceOrAdd(name: .referer, value: "http://127.0.0.1:8080/schools?district=310101")
            #expect(try await client.send(.GET, "/lang/zh", headers: local).headers.first(name: .location) == "/schools?district=310101")
            // A guardian signs in in one step, straight to `next` when it is a local path.
            for next in ["/\\evil.example", "//evil.example", "https://evil.example", "/%09/evil.example"] {
                let token = try await client.csrf()
                let response = try await client.send(.POST, "/login", form: ["_csrf": token, "username": "parent-a", "password": WebHarness.password, "next": next])
                let location = response.headers.first(name: .location) ?? ""
                #expect(location == "/family" || location == next && next.hasPrefix("/%"), "next=\(next) went to \(location)")
                try await client.send(.POST, "/logout", form: ["_csrf": try await client.csrf(from: "/family")])
            }
        }
    }

    @Test func apiTokensWorkOnTheAPIOnlyWithinScopeUntilExpiryOrRevocation() async throws {
        try await WebHarness.with { h in
            let child = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            func bearer(_ token: String) -> HTTPHeaders { var headers = HTTPHeaders(); headers.bearerAuthorization = BearerAuthorization(token: token); return headers }
            let city = try await h.apiToken("city")
            #expect(try await h.client().send(.GET, "/api/v1/schools", headers: bearer(city)).status == .ok)
            #expect(try await h.client().send(.POST, "/students/\(child.id)/reveal", headers: bearer(city)).status == .unauthorized,
                    "a token cannot reveal an ID number on a web route")
            #expect(try await h.client().send(.GET, "/aid/payments.csv?year=2025", headers: bearer(city)).status == .unauthorized)
            #expect(try await h.client().send(.GET, "/", headers: bearer(city)).status == .unauthorized)
            let campaigns = try await h.apiToken("city", scope: .campaignsRead)
            #expect(try await h.client().send(.GET, "/api/v1/schools", headers: bearer(campaigns)).status == .forbidden, "wrong scope")
            #expect(try await h.client().send(.GET, "/api/v1/campaigns", headers: bearer(campaigns)).status == .ok)
            let expired = try await h.apiToken("city", expiresIn: -1)
            #expect(try await h.client().send(.GET, "/api/v1/schools", headers: bearer(expired)).status == .unauthorized)
            let tokenID = try #require(try await h.accounts.tokens().first { $0.tokenHash == SecretTokens.hash(city) }?.id)
            #expect(try await h.accounts.revokeToken(id: tokenID, now: Date().timeIntervalSince1970))
            #expect(try await h.client().send(.GET, "/api/v1/schools", headers: bearer(city)).status == .unauthorized, "revoked")
            #expect(try await h.accounts.tokens().allSatisfy { !$0.tokenHash.hasPrefix("yj_") }, "only hashes are stored")
        }
    }

    @Test func anonymousVisitorsStoreNoSessionAndSessionsExpire() async throws {
        try await WebHarness.with { h in
            for path in ["/login", "/healthz", "/", "/login?next=/schools"] { _ = try await h.client().send(.GET, path) }
            let stranger = h.client()
            stranger.cookies["youjiao_session"] = "made-up-value"
            _ = try await stranger.send(.GET, "/login")
            #expect(try await h.accounts.sessionCount() == 0, "no row for anonymous visitors or unknown cookies")

            let city = try await signedIn(h, "city")
            #expect(try await h.accounts.sessionCount() == 1)
            #expect(try await city.send(.GET, "/").status == .ok)
            let sql = try #require(h.app.db as? any SQLDatabase)
            let idle = Date().timeIntervalSince1970 - SignInPolicy.sessionIdleLimit - 1
            try await sql.raw("UPDATE web_sessions SET last_seen_at = \(bind: idle)").run()
            #expect(try await city.send(.GET, "/").status == .seeOther, "an idle session has ended")
            #expect(try await h.accounts.sessionCount() == 0, "and its row is gone")

            let again = try await signedIn(h, "city")
            let old = Date().timeIntervalSince1970 - SignInPolicy.sessionAbsoluteLimit - 1
            try await sql.raw("UPDATE web_sessions SET created_at = \(bind: old)").run()
            #expect(try await again.send(.GET, "/").status == .seeOther, "a session ends 8 hours after sign-in whatever its use")
        }
    }

    @Test func everyByteOfALongPasswordCounts() async throws {
        try await WebHarness.with { h in
            let long = String(repeating: "长", count: 30)  // 90 bytes of UTF-8
            let sameFirst72 = String(repeating: "长", count: 24) + String(repeating: "短", count: 6)
            #expect(long.utf8.prefix(72).elementsEqual(sameFirst72.utf8.prefix(72)))
            try await h.accounts.create(UserRecord(username: "longpw", passwordHash: try Passwords.hash(long, cost: 4), role: .cityAdmin, displayName: "长密码"))
            #expect(try await h.client().login("longpw", password: sameFirst72).status == .unauthorized)
            #expect(try await h.client().login("longpw", password: long).status == .seeOther)
            #expect(try await h.client().login("longpw", password: String(repeating: "x", count: Passwords.maximumBytes + 1)).status == .badRequest)
        }
    }

    @Test func errorPagesCarryTheSecurityHeaders() async throws {
        try await WebHarness.with { h in
            let city = try await signedIn(h, "city")
            for (path, status) in [("/no-such-page", HTTPStatus.notFound), ("/schools?page=0", .badRequest), ("/api/v1/nothing", .notFound)] {
                let response = try await city.send(.GET, path)
                #expect(response.status == status, "\(path)")
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true, "\(path)")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(response.headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
        }
    }

    @Test func strictTransportSecurityWhenServedOverHTTPS() throws {
        #expect(try ServerSettings.forHost("0.0.0.0", environment: ["YOUJIAO_SECURE_COOKIES": "1"]).strictTransportSecurity)
        #expect(!(try ServerSettings.forHost("127.0.0.1", environment: [:]).strictTransportSecurity))
        #expect(try ServerSettings.forHost("0.0.0.0", environment: [:]).secureCookies)
        #expect(throws: TrustedProxiesError.self) { try ServerSettings.forHost("127.0.0.1", environment: ["YOUJIAO_TRUSTED_PROXIES": "proxy.local"]) }
    }

    @Test func signInsAndSignOutsAreAuditedFromTheClientsAddress() async throws {
        try await WebHarness.with { h in
            func events(_ action: String) async throws -> [AuditEventRecord] {
                try await h.accounts.auditEvents().filter { $0.action == action }
            }
            let client = h.client()
            #expect(try await client.login("city", password: "wrong").status == .unauthorized)
            #expect(try await client.login("no-such-person", password: "wrong").status == .unauthorized)
            let failed = try await events("sign-in-failed")
            #expect(failed.map(\.actorName).sorted() == ["(unknown account)", "city"])
            #expect(failed.allSatisfy { $0.detail.hasPrefix("from 127.0.0.1") }, "\(failed.map(\.detail))")
            #expect(try await h.accounts.auditEvents().allSatisfy { !$0.actorName.contains("no-such-person") && !$0.detail.contains("no-such-person") },
                    "a name typed for no account is not kept")

            // Behind a trusted proxy, the client is the right-most address the proxy did not write itself.
            var settings = h.app.youjiaoSettings
            settings.trustedProxies = TrustedProxies(["127.0.0.1"])
            h.app.storage[YoujiaoApp.SettingsKey.self] = settings
            let proxied = h.client()
            #expect(try await proxied.send(.POST, "/login", form: ["_csrf": try await proxied.csrf(), "username": "huangpu", "password": "wrong"],
                                           headers: ["X-Forwarded-For": "198.51.100.1, 203.0.113.9"]).status == .unauthorized)
            #expect(try await events("sign-in-failed").contains { $0.actorName == "huangpu" && $0.detail.hasPrefix("from 203.0.113.9") })

            let staff = try await signedIn(h, "school")
            #expect(try await events("password-accepted").contains { $0.actorName == "school" })
            #expect(try await events("sign-in").contains { $0.actorName == "school" && $0.detail.contains("authenticator code") })
            try await staff.send(.POST, "/logout", form: ["_csrf": try await staff.csrf(from: "/schools/\(Fixture.huangpuSchool.id)")])
            #expect(try await events("sign-out").map(\.actorName) == ["school"])
            let (count, _) = try await h.accounts.verifyAuditChain()
            #expect(count >= 6, "the sign-in events are links of the chain")
        }
    }

    @Test func aDisabledAccountSignsInNoMoreAndLosesItsSessionsAndTokens() async throws {
        try await WebHarness.with { h in
            let staff = try await signedIn(h, "huangpu")
            let token = try await h.apiToken("huangpu")
            #expect(try await staff.send(.GET, "/districts/310101").status == .ok)
            #expect(try await h.accounts.setDisabled(username: "huangpu", true, now: Date().timeIntervalSince1970))
            #expect(try await !h.accounts.setDisabled(username: "huangpu", true, now: Date().timeIntervalSince1970), "already disabled")
            #expect(try await staff.send(.GET, "/districts/310101").status == .seeOther, "the open session ended")
            let api = try await h.client().send(.GET, "/api/v1/schools", headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .unauthorized, "the token stopped working")
            let again = try await h.client().login("huangpu")
            #expect(again.status == .forbidden && again.body.string.contains("此账号已停用"))
            #expect(try await h.accounts.auditEvents().contains { $0.action == "sign-in-refused" && $0.actorName == "huangpu" })
            #expect(try await h.accounts.setDisabled(username: "huangpu", false, now: Date().timeIntervalSince1970))
            #expect(try await h.client().login("huangpu").status == .seeOther, "enabled again")
        }
    }

    @Test func refusedAttemptsAreAudited() async throws {
        try await WebHarness.with { h in
            let childB = try #require(try await h.registry.student(nationalID: Fixture.childB.nationalID))
            let huangpu = try await signedIn(h, "huangpu")
            #expect(try await huangpu.send(.GET, "/students/\(childB.id)").status == .forbidden)
            #expect(try await huangpu.send(.GET, "/schools/\(Fixture.xuhuiSchool.id)/students").status == .forbidden)
            let refused = try await h.accounts.auditEvents().filter { $0.action == "refused" }
            #expect(refused.count == 2)
            #expect(refused.allSatisfy { $0.actorName == "huangpu" })
            #expect(Set(refused.map(\.route)) == ["GET /students/\(childB.id)", "GET /schools/\(Fixture.xuhuiSchool.id)/students"])
        }
    }

    @Test func staffEnrolASecondFactorAndCannotSkipOrReplayIt() async throws {
        try await WebHarness.with { h in
            try await h.accounts.create(UserRecord(username: "newstaff", passwordHash: try Passwords.hash(WebHarness.password, cost: 4),
                                                   role: .districtAdmin, displayName: "新同事", districtCode: "310101"))
            let client = h.client()
            let password = try await client.send(.POST, "/login", form: ["_csrf": try await client.csrf(), "username": "newstaff", "password": WebHarness.password])
            #expect(password.headers.first(name: .location) == "/login/second-factor")
            #expect(try await client.send(.GET, "/districts/310101").status == .seeOther, "the password alone opens nothing")
            let enrol = try await client.send(.GET, "/login/second-factor").body.string
            #expect(enrol.contains("<svg") && enrol.contains("class=\"qr-code\""), "a QR code drawn by the server")
            let secretStart = try #require(enrol.range(of: "id=\"totp-secret\">")).upperBound
            let secret = String(enrol[secretStart...].prefix { $0 != "<" })
            let totp = TOTP(secret: try TOTPSecret(base32: secret))
            let token = try await client.csrf(from: "/login/second-factor")
            #expect(try await client.send(.POST, "/login/second-factor", form: ["_csrf": token, "code": "000000"]).status == .unauthorized)
            let code = try totp.code(at: Date())
            let enrolled = try await client.send(.POST, "/login/second-factor", form: ["_csrf": token, "code": code])
            #expect(enrolled.status == .ok && enrolled.body.string.contains("id=\"recovery-codes\""))
            let codes = enrolled.body.string.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(9)) }
            #expect(codes.count == RecoveryCodes.count)
            #expect(try await client.send(.GET, "/districts/310101").status == .ok)
            let stored = try #require(try await h.accounts.user(username: "newstaff"))
            #expect(stored.totpSecret == secret && stored.recoveryHashList.count == RecoveryCodes.count)

            // The same code again, from another browser: refused (a code works once).
            let other = h.client()
            _ = try await other.send(.POST, "/login", form: ["_csrf": try await other.csrf(), "username": "newstaff", "password": WebHarness.password])
            let otherToken = try await other.csrf(from: "/login/second-factor")
            #expect(try await other.send(.POST, "/login/second-factor", form: ["_csrf": otherToken, "code": code]).status == .unauthorized)
            // A recovery code instead: once.
            let recovered = try await other.send(.POST, "/login/second-factor", form: ["_csrf": otherToken, "recovery": codes[0]])
            #expect(recovered.status == .seeOther)
            let third = h.client()
            _ = try await third.send(.POST, "/login", form: ["_csrf": try await third.csrf(), "username": "newstaff", "password": WebHarness.password])
            #expect(try await third.send(.POST, "/login/second-factor",
                                         form: ["_csrf": try await third.csrf(from: "/login/second-factor"), "recovery": codes[0]]).status == .unauthorized)
            #expect(try #require(try await h.accounts.user(username: "newstaff")).recoveryHashList.count == RecoveryCodes.count - 1)

            // The city administrator resets it (audited); a district administrator may not.
            let huangpu = h.client()
            try await huangpu.login("huangpu")
            #expect(try await huangpu.send(.POST, "/admin/users/newstaff/reset-second-factor",
                                           form: ["_csrf": try await huangpu.csrf(from: "/districts/310101")]).status == .forbidden)
            let city = h.client()
            try await city.login("city")
            #expect(try await city.send(.GET, "/admin/users").body.string.contains("新同事 (newstaff)"))
            let reset = try await city.send(.POST, "/admin/users/newstaff/reset-second-factor", form: ["_csrf": try await city.csrf(from: "/admin/users")])
            #expect(reset.headers.first(name: .location) == "/admin/users?reset=1")
            #expect(try #require(try await h.accounts.user(username: "newstaff")).totpSecret == nil)
            #expect(try await client.send(.GET, "/districts/310101").status == .seeOther, "the colleague's sessions ended")
            #expect(try await h.accounts.auditEvents().contains { $0.action == "reset-second-factor" && $0.actorName == "city" && $0.detail == "newstaff" })
        }
    }

    @Test func aCallbackWithoutItsSignInIsRefused() async throws {
        try await WebHarness.with { h in
            // No provider configured in the tests' environment: the routes do not exist.
            let start = try await h.client().send(.GET, "/auth/oidc/start")
            let callback = try await h.client().send(.GET, "/auth/oidc/callback?code=x&state=y")
            #expect(start.status == .notFound && callback.status == .notFound)
        }
    }

    @Test func eachTokenIsLimitedPerMinute() async throws {
        try await WebHarness.with { h in
            let token = try await h.apiToken("city")
            var bearer = HTTPHeaders()
            bearer.bearerAuthorization = BearerAuthorization(token: token)
            #expect(try await h.client().send(.GET, "/api/v1/districts", headers: bearer).status == .ok)
            // The rest of this minute's allowance used up (as a loop gone wrong would).
            let id = try #require(try await h.accounts.tokens().first { $0.tokenHash == SecretTokens.hash(token) }?.id)
            let sql = try #require(h.app.db as? any SQLDatabase)
            try await sql.raw("UPDATE api_rate_windows SET requests = \(bind: TokenScope.requestsPerMinute) WHERE token_id = \(bind: id)").run()
            let refused = try await h.client().send(.GET, "/api/v1/districts", headers: bearer)
            if refused.status == .tooManyRequests {
                #expect(refused.body.string.contains("\"code\":\"too_many_requests\""))
                #expect(Int(refused.headers.first(name: .retryAfter) ?? "") ?? 0 >= 1)
            } else {
                // The minute turned between the two requests: the new minute starts from one.
                #expect(refused.status == .ok)
            }
            let other = try await h.apiToken("huangpu")
            var otherBearer = HTTPHeaders()
            otherBearer.bearerAuthorization = BearerAuthorization(token: other)
            #expect(try await h.client().send(.GET, "/api/v1/districts", headers: otherBearer).status == .ok, "each token has its own allowance")
        }
    }
}
