import Foundation
import NIOCore
import SQLKit
import Testing
import Vapor
import VaporTesting
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// An app on a fresh database with the fixture city and one account per role, served over real
/// HTTP on a loopback port, and a browser-like client that keeps cookies.
struct WebHarness {
    let app: Application
    let database: TestDatabase
    let baseURL: String
    static let password = "correct horse battery"
    /// The authenticator key of every staff account in the tests (Base32 of 20 bytes).
    static let totpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

    static func with(_ body: (WebHarness) async throws -> Void) async throws {
        let database = try await TestDatabase.make()
        let app = try await YoujiaoApp.make(target: database.target, environment: .testing)
        do {
            try await Fixture.load(into: RegistryStore(app.db))
            let registry = RegistryStore(app.db)
            let guardianA = try #require(try await registry.guardian(nationalID: Fixture.guardianA.nationalID))
            let hash = try Passwords.hash(password, cost: 4)
            for user in [
                UserRecord(username: "city", passwordHash: hash, role: .cityAdmin, displayName: "市管理员"),
                UserRecord(username: "huangpu", passwordHash: hash, role: .districtAdmin, displayName: "黄浦区管理员", districtCode: "310101"),
                UserRecord(username: "school", passwordHash: hash, role: .schoolAdmin, displayName: "学校管理员", districtCode: "310101", schoolId: "3101010001"),
                UserRecord(username: "parent-a", passwordHash: hash, role: .guardian, displayName: "王大明", guardianId: guardianA.id),
            ] { try await AccountStore(app.db).create(user) }
            // A real server on a loopback port, and a client that, like a test should, sees each redirect.
            app.http.client.configuration.redirectConfiguration = .disallow
            // Tests send bursts of parallel requests (24 sign-ins at once) while hundreds of other
            // tests run: enough connections, and patience, that the client is never the bottleneck.
            app.http.client.configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
            app.http.client.configuration.timeout = .init(connect: .seconds(60), read: .seconds(120))
            let port = try await startOnFreePort(app)
            try await body(WebHarness(app: app, database: database, baseURL: "http://127.0.0.1:\(port)"))
            await app.server.shutdown()
        } catch {
            await app.server.shutdown(); try? await app.asyncShutdown(); await database.destroy(); throw error
        }
        try await app.asyncShutdown()
        await database.destroy()
    }

    /// Binds a random loopback port, trying another when one is taken (tests run in parallel).
    static func startOnFreePort(_ app: Application) async throws -> Int {
        for attempt in 1...20 {
            let port = Int.random(in: 20_000...60_000)
            do {
                try await app.server.start(address: .hostname("127.0.0.1", port: port))
                return port
            } catch where attempt < 20 {
                continue
            }
        }
        throw Abort(.internalServerError, reason: "no free port")
    }

    var registry: RegistryStore { RegistryStore(app.db) }
    var accounts: AccountStore { AccountStore(app.db) }
    func client() -> Client { Client(app: app, baseURL: baseURL) }

    /// A new API token of `username`'s, valid for a day unless told otherwise.
    func apiToken(_ username: String, scope: TokenScope = .registryRead, expiresIn seconds: Double = 86400) async throws -> String {
        let user = try #require(try await accounts.user(username: username))
        let token = SecretTokens.generate(prefix: "yj_")
        try await accounts.addToken(APITokenRecord(userId: user.id, tokenHash: SecretTokens.hash(token), name: "test", scope: scope,
                                                   expiresAt: Date().timeIntervalSince1970 + seconds))
        return token
    }

    struct Response {
        struct Body { let string: String }
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: Body
    }

    final class Client: @unchecked Sendable {
        let app: Application
        let baseURL: String
        var cookies: [String: String] = [:]
        init(app: Application, baseURL: String) { self.app = app; self.baseURL = baseURL }

        @discardableResult
        func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil, headers: HTTPHeaders = [:]) async throws -> Response {
            var headers = headers
            if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
            var body: ByteBuffer?
            if let form {
                headers.contentType = .urlEncodedForm
                // Strict form encoding: only letters and digits stay literal, so '+', '=' and '&' inside a
                // value (a base64 CSRF token, a pasted CSV) reach the server exactly as sent.
                func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
                body = ByteBuffer(string: form.map { encode($0.key) + "=" + encode($0.value) }.joined(separator: "&"))
            }
            let raw = try await app.client.send(method, headers: headers, to: URI(string: baseURL + path)) { request in
                request.body = body
            }
            let response = Response(status: raw.status, headers: raw.headers, body: .init(string: raw.body.map { String(buffer: $0) } ?? ""))
            for cookie in response.headers[.setCookie] {
                let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
            }
            return response
        }

        /// The CSRF token of the page at `path`.
        func csrf(from path: String = "/login") async throws -> String {
            let page = try await send(.GET, path).body.string
            let marker = "name=\"_csrf\" value=\""
            guard let start = page.range(of: marker)?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
                Issue.record("no CSRF token on \(path)"); return ""
            }
            return String(page[start..<end]).replacingOccurrences(of: "&#43;", with: "+")
        }

        /// Signs in; staff also pass the second factor with a code of the authenticator every test
        /// account is enrolled with (`WebHarness.totpSecret`), as a person with the phone would.
        @discardableResult
        func login(_ username: String, password: String = WebHarness.password) async throws -> Response {
            let token = try await csrf()
            let sql = app.db as! any SQLDatabase
            if let user = try await AccountStore(app.db).user(username: username), user.roleValue.isEmployee {
                // Tests sign the same account in many times within one 30-second step; a person cannot reuse a code.
                try await sql.raw("UPDATE users SET totp_secret = \(bind: try FieldProtection.seal(WebHarness.totpSecret)), totp_last_step = NULL WHERE id = \(bind: user.id)").run()
            }
            let response = try await send(.POST, "/login", form: ["_csrf": token, "username": username, "password": password])
            guard response.headers.first(name: .location)?.hasPrefix("/login/second-factor") == true else { return response }
            let code = try TOTP(secret: TOTPSecret(base32: WebHarness.totpSecret)).code(at: Date())
            return try await send(.POST, "/login/second-factor", form: ["_csrf": try await csrf(from: "/login/second-factor"), "code": code])
        }
    }
}
