import Fluent
import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// Sign-in with bcrypt passwords, sessions in the database and a lock after repeated failures.
struct AuthController {
    /// Five wrong passwords within 15 minutes lock the account name for 15 minutes.
    static let maxFailures = 5
    static let window: Double = 15 * 60
    static let lockDuration: Double = 15 * 60
    /// Compared against when the user does not exist, so timing does not reveal valid names.
    static let dummyHash = (try? Bcrypt.hash("no such user")) ?? ""

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
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        guard !username.isEmpty, !password.isEmpty else {
            return loginPage(req, error: req.t("请输入用户名和密码。", "Enter your user name and password."), username: username, status: .badRequest)
        }
        let now = Date().timeIntervalSince1970
        let accounts = req.accounts
        var state = try await accounts.throttleState(username: username)
            ?? AccountStore.ThrottleState(username: username, failures: 0, windowStart: now, lockedUntil: nil)
        if let locked = state.lockedUntil, locked > now {
            let minutes = Int((locked - now) / 60) + 1
            return loginPage(req, error: req.t("登录失败次数过多，请 \(minutes) 分钟后再试。", "Too many failed sign-ins; try again in \(minutes) minutes."),
                             username: username, status: .tooManyRequests)
        }
        let user = try await accounts.user(username: username)
        let matches = try await req.password.async.verify(password, created: user?.passwordHash ?? Self.dummyHash)
        guard let user, matches else {
            if now - state.windowStart > Self.window { state.failures = 0; state.windowStart = now }
            state.failures += 1
            state.lockedUntil = state.failures >= Self.maxFailures ? now + Self.lockDuration : nil
            try await accounts.saveThrottle(state)
            req.logger.notice("failed sign-in for \(username) (\(state.failures) in window)")
            return loginPage(req, error: req.t("用户名或密码错误。", "Wrong user name or password."), username: username, status: .unauthorized)
        }
        try await accounts.clearThrottle(username: username)
        // A fresh session id at sign-in, so a planted cookie cannot be promoted (session fixation).
        if let oldID = req.session.id { try await req.application.sessions.driver.deleteSession(oldID, for: req).get() }
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data["uid"] = user.id
        _ = req.csrfToken
        let next = form.next.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil }
        return req.redirect(to: next ?? home(for: user))
    }

    @Sendable func logout(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: "/login")
    }

    @Sendable func language(req: Request) async throws -> Response {
        let code = req.parameters.get("code") == "en" ? "en" : "zh"
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path } ?? "/"
        let response = req.redirect(to: back.hasPrefix("/") ? back : "/")
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

    private func loginPage(_ req: Request, error: String?, username: String, status: HTTPStatus) -> Response {
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
        let body = """
        \(error.map { "<p class=\"error\" role=\"alert\">\(esc($0))</p>" } ?? "")
        <form method="post" action="/login" class="login">
        <input type="hidden" name="_csrf" value="\(esc(req.csrfToken))">
        <input type="hidden" name="next" value="\(esc(next))">
        <label>\(req.t("用户名", "User name")) <input name="username" id="username" autocomplete="username" value="\(esc(username))" required></label>
        <label>\(req.t("密码", "Password")) <input name="password" id="password" type="password" autocomplete="current-password" required></label>
        <button type="submit" id="login">\(req.t("登录", "Sign in"))</button>
        </form>
        """
        return Layout.render(req, title: req.t("登录", "Sign in"), body: body, status: status)
    }
}
