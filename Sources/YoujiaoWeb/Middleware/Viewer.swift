import Crypto
import Fluent
import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// The signed-in account of a request: from its session cookie, or on `/api/v1` from an API token.
struct Viewer: Sendable {
    var user: UserRecord
    /// Set when the request came with an API token rather than a session.
    var token: APITokenRecord?
    var scope: AccessScope {
        AccessScope(role: user.roleValue, districtCode: user.districtCode, schoolID: user.schoolId, guardianID: user.guardianId, teacherID: user.teacherId)
    }
}

extension Request {
    private struct ViewerKey: StorageKey { typealias Value = Viewer }
    private struct SessionKey: StorageKey { typealias Value = WebSessionRecord }
    private struct PendingKey: StorageKey { typealias Value = (WebSessionRecord, UserRecord) }
    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }
    /// The session row of a signed-in browser.
    var webSession: WebSessionRecord? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }
    /// A staff session past its password, before its second factor: it opens no page but that step.
    var pendingSecondFactor: (WebSessionRecord, UserRecord)? {
        get { storage[PendingKey.self] }
        set { storage[PendingKey.self] = newValue }
    }
    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// The viewer, or 401 (JSON for the API, a redirect to the login page otherwise).
    func requireViewer() throws -> Viewer {
        if let viewer { return viewer }
        if isAPI { throw Abort(.unauthorized, reason: "sign in or send an API token") }
        throw Abort.redirect(to: "/login?next=" + (url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"))
    }

    func requireStaff() throws -> Viewer {
        let viewer = try requireViewer()
        guard viewer.user.roleValue.isStaff else { throw Abort(.forbidden, reason: t(.refusal(.staffOnly))) }
        return viewer
    }

    var registry: RegistryStore { RegistryStore(db) }
    var accounts: AccountStore { AccountStore(db) }
}

enum SessionCookie {
    static let name = "youjiao_session"

    static func value(_ token: String, settings: ServerSettings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(SignInPolicy.sessionAbsoluteLimit), path: "/",
                          isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Finds the viewer. A session cookie is looked up by its hash, ended when idle or too old, and its
/// last-seen time written at most every few minutes; a request without a live session stores
/// nothing. API tokens count only on `/api/v1`, within their scope, until they expire or are revoked.
struct ViewerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = Date().timeIntervalSince1970
        var staleCookie = false
        if let bearer = request.headers.bearerAuthorization {
            guard request.url.path.hasPrefix("/api/v1/") else {
                throw Abort(.unauthorized, reason: "API tokens are accepted on /api/v1 only")
            }
            guard let (user, token) = try await request.accounts.user(tokenHash: SecretTokens.hash(bearer.token), now: now) else {
                throw Abort(.unauthorized, reason: "unknown, expired or revoked API token")
            }
            if let needed = TokenScope.required(forAPIPath: request.url.path), token.scope != needed.rawValue {
                throw Abort(.forbidden, reason: "this token's scope is \(token.scope); this path needs \(needed.rawValue)")
            }
            let minute = Int64(now / 60)
            guard try await request.accounts.countAPIRequest(tokenID: token.id, minute: minute) <= TokenScope.requestsPerMinute else {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .retryAfter, value: String(Int((Double(minute + 1) * 60 - now).rounded(.up))))
                throw Abort(.tooManyRequests, headers: headers,
                            reason: "more than \(TokenScope.requestsPerMinute) requests a minute with this token; try again in a minute")
            }
            request.viewer = Viewer(user: user, token: token)
        } else if let cookie = request.cookies[SessionCookie.name]?.string {
            let idHash = SecretTokens.hash(cookie)
            if let (session, user) = try await request.accounts.session(idHash: idHash, now: now) {
                if session.secondFactorPending {
                    request.pendingSecondFactor = (session, user)
                } else {
                    request.viewer = Viewer(user: user)
                }
                request.webSession = session
                if now - session.lastSeenAt >= SignInPolicy.sessionTouchInterval {
                    try await request.accounts.touchSession(idHash: idHash, now: now)
                }
            } else {
                staleCookie = true
            }
        }
        let response = try await next.respond(to: request)
        if staleCookie, response.cookies[SessionCookie.name] == nil { response.cookies[SessionCookie.name] = .expired }
        if let anonymous = request.storage[AnonymousCSRF.NewTokenKey.self] {
            response.cookies[AnonymousCSRF.cookieName] = AnonymousCSRF.cookie(anonymous, settings: request.application.youjiaoSettings)
        }
        return response
    }
}

/// Random secrets handed out once (API tokens, session cookies, trusted-device cookies); only their
/// SHA-256 is stored, so a copy of the database opens nothing.
public enum SecretTokens {
    public static func generate(prefix: String = "") -> String {
        prefix + Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
    public static func hash(_ token: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(token.utf8)))
    }
}
