import Crypto
import Fluent
import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The signed-in account of a request, from its session cookie or its API bearer token.
struct Viewer: Sendable {
    var user: UserRecord
    var scope: AccessScope { AccessScope(role: user.roleValue, districtCode: user.districtCode, schoolID: user.schoolId, guardianID: user.guardianId) }
}

extension Request {
    private struct ViewerKey: StorageKey { typealias Value = Viewer }
    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
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
        guard viewer.user.roleValue.isStaff else { throw Abort(.forbidden, reason: "staff only") }
        return viewer
    }

    var registry: RegistryStore { RegistryStore(db) }
    var accounts: AccountStore { AccountStore(db) }
}

struct ViewerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let hash = APITokens.hash(bearer.token)
            guard let user = try await request.accounts.user(tokenHash: hash) else {
                throw Abort(.unauthorized, reason: "unknown API token")
            }
            request.viewer = Viewer(user: user)
        } else if request.hasSession, let id = request.session.data["uid"], let user = try await request.accounts.user(id: id) {
            request.viewer = Viewer(user: user)
        }
        return try await next.respond(to: request)
    }
}

public enum APITokens {
    /// A new random token, shown once; only its hash is stored.
    public static func generate() -> String {
        "yj_" + Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
