import Fluent
import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Sign-in with passwords, sessions in the database, and attempts slowed down by SignInPolicy.
struct AuthController {
    /// Compared against when the user does not exist, so timing does not reveal valid names.
    static let dummyHash = (try? Passwords.hash("no such user")) ?? ""
    static let deviceCookie = "youjiao_device"

    func register(_ routes: any RoutesBuilder) {
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.get("lang", ":code", use: language)
    }

    @Sendable func form(req: Request) async throws -> Response {
        loginPage(req, error: nil, username: "", status: .ok)
    }

    struct LoginForm: Content { var username: String?; var password: String?; var next: String? }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = String((form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased().prefix(100))
        let password = form.password ?? ""
        guard !username.isEmpty, !password.isEmpty else {
            return loginPage(req, error: .auth(.enterBoth), username: username, status: .badRequest, next: form.next)
        }
        guard password.utf8.count <= Passwords.maximumBytes else {
            return loginPage(req, error: .auth(.passwordTooLong), username: username, status: .badRequest, next: form.next)
        }
        let now = Date().timeIntervalSince1970
        let accounts = req.accounts
        let addressKey = "address:" + (req.remoteAddress?.ipAddress ?? "unknown")
        let accountKey = "account:" + username
        let deviceHash = req.cookies[Self.deviceCookie].map { SecretTokens.hash($0.string) }
        let trusted = try await deviceHash.asyncFlatMap { try await accounts.isTrustedDevice(tokenHash: $0, username: username) ? true : nil } ?? false
        // Counted before the password is checked: parallel guesses each see those before them.
        var decision = try await accounts.reserveSignInAttempt(key: addressKey, freeAttempts: SignInPolicy.freeAttemptsPerAddress, now: now)
        if case .allowed = decision, !trusted {
            decision = try await accounts.reserveSignInAttempt(key: accountKey, freeAttempts: SignInPolicy.freeAttemptsPerAccount, now: now)
        }
        if case .wait(let seconds) = decision {
            return loginPage(req, error: .tooManySignIns(minutes: max(1, Int((seconds / 60).rounded(.up)))),
                             username: username, status: .tooManyRequests, next: form.next)
        }
        let user = try await accounts.user(username: username)
        let matches = try await Passwords.verifyOffPool(password, storedHash: user?.passwordHash ?? Self.dummyHash)
        guard let user, matches else {
            req.logger.notice("failed sign-in for \(username)")
            return loginPage(req, error: .auth(.wrongCredentials), username: username, status: .unauthorized, next: form.next)
        }
        try await accounts.clearSignInAttempts(key: accountKey)
        try await accounts.refundSignInAttempt(key: addressKey)
        // A fresh session at sign-in, so a planted cookie cannot be promoted (session fixation).
        if let old = req.cookies[SessionCookie.name]?.string { try await accounts.deleteSession(idHash: SecretTokens.hash(old)) }
        let token = SecretTokens.generate()
        try await accounts.createSession(WebSessionRecord(idHash: SecretTokens.hash(token), userId: user.id, csrfToken: SecretTokens.generate(), now: now))
        let response = req.redirect(to: SafeRedirect.localPath(form.next) ?? home(for: user))
        let settings = req.application.youjiaoSettings
        response.cookies[SessionCookie.name] = SessionCookie.value(token, settings: settings)
        if !trusted {
            let device = SecretTokens.generate()
            try await accounts.addTrustedDevice(tokenHash: SecretTokens.hash(device), username: username, now: now)
            response.cookies[Self.deviceCookie] = HTTPCookies.Value(string: device, maxAge: 365 * 86400, path: "/login",
                                                                    isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let cookie = req.cookies[SessionCookie.name]?.string { try await req.accounts.deleteSession(idHash: SecretTokens.hash(cookie)) }
        let response = req.redirect(to: "/login")
        response.cookies[SessionCookie.name] = .expired
        return response
    }

    @Sendable func language(req: Request) async throws -> Response {
        let code = req.parameters.get("code") == "en" ? "en" : "zh"
        let back = SafeRedirect.localPath(fromReferer: req.headers.first(name: .referer)) ?? "/"
        let response = req.redirect(to: back)
        response.cookies["lang"] = HTTPCookies.Value(string: code, maxAge: 365 * 86400, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    func home(for user: UserRecord) -> String {
        switch user.roleValue {
        case .cityAdmin: return "/"
        case .districtAdmin: return "/districts/\(user.districtCode ?? "")"
        case .schoolAdmin: return "/schools/\(user.schoolId ?? "")"
        case .guardian: return "/family"
        }
    }

    /// The sign-in form; `next` (the page to return to) comes from the query, or from the form posted.
    private func loginPage(_ req: Request, error: Phrase?, username: String, status: HTTPStatus, next: String? = nil) -> Response {
        let next = SafeRedirect.localPath(next ?? req.query[String.self, at: "next"]) ?? ""
        return req.page(SignInPage.View(chrome: req.chrome(), model: SignInPage.Model(userName: username, error: error, next: next)), status: status)
    }
}
