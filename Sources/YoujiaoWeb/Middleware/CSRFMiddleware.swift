import Crypto
import Foundation
import Vapor
import YoujiaoViews

/// Every form post must carry the token of its session (`_csrf` field or `X-CSRF-Token` header); a
/// visitor who is not signed in (the sign-in form) gets the token in a cookie of its own instead, so
/// no session row is written for anonymous visitors. API calls with a bearer token are exempt: a
/// browser never adds that header by itself, and tokens work on the read-only API only.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe: [HTTPMethod] = [.POST, .PUT, .PATCH, .DELETE]
        if unsafe.contains(request.method), request.headers.bearerAuthorization == nil {
            // Middleware runs before the route collects the body; a form that arrives in several
            // packets would otherwise look empty here.
            _ = try await request.body.collect(max: 64 * 1024).get()
            let expected = request.webSession?.csrfToken ?? request.cookies[AnonymousCSRF.cookieName]?.string
            let sent = request.headers.first(name: "X-CSRF-Token") ?? request.formFields["_csrf"]
                ?? (try? request.content.get(String.self, at: "_csrf"))   // a JSON body, or a form with nested keys
            guard let expected, let sent, constantTimeEqual(expected, sent) else {
                throw Abort(.forbidden, reason: request.t(.refusal(.formExpired)))
            }
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The CSRF token of a visitor without a session, kept in a strict same-site cookie.
enum AnonymousCSRF {
    static let cookieName = "youjiao_csrf"
    struct NewTokenKey: StorageKey { typealias Value = String }

    static func cookie(_ token: String, settings: ServerSettings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: 3600, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }
}

extension Request {
    /// A URL-encoded form's fields, decoded once: the CSRF check and the handler both read them
    /// (decoding the body twice was a twelfth of a submission's CPU). Empty for another body.
    var formFields: [String: String] {
        if let fields = storage[FormFieldsKey.self] { return fields }
        let fields = (try? content.decode([String: String].self)) ?? [:]
        storage[FormFieldsKey.self] = fields
        return fields
    }

    private struct FormFieldsKey: StorageKey { typealias Value = [String: String] }

    /// The token forms must send back: the session's, or an anonymous visitor's cookie token
    /// (created on first use and set on the response).
    var csrfToken: String {
        if let session = webSession { return session.csrfToken }
        if let pending = storage[AnonymousCSRF.NewTokenKey.self] { return pending }
        if let cookie = cookies[AnonymousCSRF.cookieName]?.string, cookie.count >= 32 { return cookie }
        let token = SecretTokens.generate()
        storage[AnonymousCSRF.NewTokenKey.self] = token
        return token
    }
}
