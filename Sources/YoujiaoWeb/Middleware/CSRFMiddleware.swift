import Crypto
import Foundation
import Vapor

/// Every form post must carry the session's token (`_csrf` field or `X-CSRF-Token` header).
/// API calls with a bearer token are exempt: a browser never adds that header by itself.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe: [HTTPMethod] = [.POST, .PUT, .PATCH, .DELETE]
        if unsafe.contains(request.method), request.headers.bearerAuthorization == nil {
            // Middleware runs before the route collects the body; a form that arrives in several
            // packets would otherwise look empty here.
            _ = try await request.body.collect(max: 64 * 1024).get()
            let expected = request.hasSession ? request.session.data["csrf"] : nil
            let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: "_csrf"))
            guard let expected, let sent, constantTimeEqual(expected, sent) else {
                throw Abort(.forbidden, reason: "表单已过期或缺少安全令牌 (CSRF token missing or wrong); reload the page and try again")
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

extension Request {
    /// The session's CSRF token, created on first use.
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
        session.data["csrf"] = token
        return token
    }
}
