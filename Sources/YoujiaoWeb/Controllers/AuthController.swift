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
        let addressKey = SignInPolicy.addressKey(req.clientAddress ?? "unknown")
        let accountKey = SignInPolicy.accountKey(username)
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
            try await Audit.signIn(req, action: "sign-in-failed", user: user, detail: "wrong password")
            return loginPage(req, error: .auth(.wrongCredentials), username: username, status: .unauthorized, next: form.next)
        }
        guard !user.isDisabled else {
            try await Audit.signIn(req, action: "sign-in-refused", user: user, detail: "account disabled")
            return loginPage(req, error: .auth(.accountDisabled), username: username, status: .forbidden, next: form.next)
        }
        try await Audit.signIn(req, action: user.roleValue.isEmployee ? "password-accepted" : "sign-in", user: user,
                               detail: user.roleValue.isEmployee ? "second factor to follow" : "password")
        try await accounts.clearSignInAttempts(key: accountKey)
        try await accounts.refundSignInAttempt(key: addressKey)
        let response = try await Self.startSession(req, user: user, next: form.next, secondFactor: user.roleValue.isEmployee)
        let settings = req.application.youjiaoSettings
        if !trusted {
            let device = SecretTokens.generate()
            try await accounts.addTrustedDevice(tokenHash: SecretTokens.hash(device), username: username, now: now)
            response.cookies[Self.deviceCookie] = HTTPCookies.Value(string: device, maxAge: 365 * 86400, path: "/login",
                                                                    isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    /// A new session for `user` (a fresh id, so a planted cookie cannot be promoted: session
    /// fixation), and the redirect to `next` or the account's home page.
    /// Staff go on to their second factor (`secondFactor`), families signed in by the identity provider do not.
    static func startSession(_ req: Request, user: UserRecord, next: String?, secondFactor: Bool = false) async throws -> Response {
        if let old = req.cookies[SessionCookie.name]?.string { try await req.accounts.deleteSession(idHash: SecretTokens.hash(old)) }
        let token = SecretTokens.generate()
        try await req.accounts.createSession(WebSessionRecord(idHash: SecretTokens.hash(token), userId: user.id, csrfToken: SecretTokens.generate(),
                                                              now: Date().timeIntervalSince1970, secondFactorPending: secondFactor))
        let next = SafeRedirect.localPath(next)
        let target = secondFactor ? "/login/second-factor" + (next.map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? "")
                                  : next ?? AuthController().home(for: user)
        let response = req.redirect(to: target)
        response.cookies[SessionCookie.name] = SessionCookie.value(token, settings: req.application.youjiaoSettings)
        return response
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let cookie = req.cookies[SessionCookie.name]?.string {
            if let user = req.viewer?.user { try await Audit.signIn(req, action: "sign-out", user: user) }
            try await req.accounts.deleteSession(idHash: SecretTokens.hash(cookie))
        }
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
        case .teacher: return "/teachers/\(user.teacherId ?? "")"
        case .guardian: return "/family"
        }
    }

    /// The sign-in form; `next` (the page to return to) comes from the query, or from the form posted.
    private func loginPage(_ req: Request, error: Phrase?, username: String, status: HTTPStatus, next: String? = nil) -> Response {
        let next = SafeRedirect.localPath(next ?? req.query[String.self, at: "next"]) ?? ""
        return req.page(SignInPage.View(chrome: req.chrome(), model: SignInPage.Model(
            userName: username, error: error, next: next,
            identityProviderHref: req.application.relyingParty == nil ? nil : "/auth/oidc/start" + (next.isEmpty ? "" : "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))),
            status: status)
    }
}
