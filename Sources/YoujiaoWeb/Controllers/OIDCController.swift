import Foundation
import NIOCore
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Families sign in with the city's identity provider (一网通办, OpenID Connect). The guardian is
/// found by the ID number the provider vouches for in the signed ID token, never by a typed one;
/// the first sign-in creates the guardian's account. Configured by the YOUJIAO_OIDC_* variables.
struct OIDCController {
    static let pendingCookie = "youjiao_oidc"

    func register(_ routes: any RoutesBuilder) {
        routes.get("auth", "oidc", "start", use: start)
        routes.get("auth", "oidc", "callback", use: callback)
    }

    /// The relying party, made once from the environment; nil when no provider is configured.
    static func make(_ app: Application, environment: [String: String]) throws -> OIDCRelyingParty? {
        guard let configuration = try OIDCConfiguration.fromEnvironment(environment) else { return nil }
        let client = app.client
        return OIDCRelyingParty(configuration: configuration, http: { request in
            var headers = HTTPHeaders()
            for (name, value) in request.headers { headers.add(name: name, value: value) }
            let response = try await client.send(HTTPMethod(rawValue: request.method.rawValue), headers: headers,
                                                 to: URI(string: request.url.absoluteString)) { outgoing in
                if let body = request.body { outgoing.body = ByteBuffer(data: body) }
            }
            let body = response.body ?? ByteBuffer()
            guard body.readableBytes <= OIDCHTTPResponse.maximumBodySize else {
                return OIDCHTTPResponse(status: Int(response.status.code), body: Data(count: OIDCHTTPResponse.maximumBodySize + 1))
            }
            return OIDCHTTPResponse(status: Int(response.status.code), body: Data(buffer: body))
        })
    }

    struct Pending: Codable { var authorization: OIDCPendingAuthorization; var next: String? }

    @Sendable func start(req: Request) async throws -> Response {
        guard let party = req.application.relyingParty else { throw Abort(.notFound) }
        let begun: OIDCAuthorizationStart
        do { begun = try await party.startAuthorization() } catch {
            req.logger.error("OpenID Connect start failed: \(error)")
            return signInPage(req, .auth(.identityFailed), status: .badGateway)
        }
        let pending = Pending(authorization: begun.pending, next: SafeRedirect.localPath(req.query[String.self, at: "next"]))
        let response = req.redirect(to: begun.url.absoluteString)
        // Kept in the browser that started, so a callback carried to another browser fails its state check.
        response.cookies[Self.pendingCookie] = HTTPCookies.Value(
            string: try JSONEncoder().encode(pending).base64EncodedString(), maxAge: Int(OIDCPendingAuthorization.lifetime),
            path: "/auth/oidc", isSecure: req.application.youjiaoSettings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    @Sendable func callback(req: Request) async throws -> Response {
        guard let party = req.application.relyingParty else { throw Abort(.notFound) }
        guard let cookie = req.cookies[Self.pendingCookie]?.string, let data = Data(base64Encoded: cookie),
              let pending = try? JSONDecoder().decode(Pending.self, from: data) else {
            return signInPage(req, .auth(.identityExpired), status: .badRequest)
        }
        var query: [String: String] = [:]
        for item in URLComponents(string: req.url.string)?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let identity: OIDCVerifiedIdentity
        do {
            identity = try await party.completeAuthorization(callbackQuery: query, pending: pending.authorization)
        } catch .authorizationExpired {
            return signInPage(req, .auth(.identityExpired), status: .badRequest)
        } catch {
            req.logger.notice("OpenID Connect sign-in refused: \(error)")
            return signInPage(req, .auth(.identityFailed), status: .unauthorized)
        }
        guard let guardian = try await req.registry.guardian(nationalID: identity.nationalID.value) else {
            req.logger.notice("OpenID Connect sign-in of someone who is not a registered guardian (\(identity.nationalID.masked))")
            return signInPage(req, .auth(.identityNotAGuardian), status: .forbidden)
        }
        let user = try await req.accounts.guardianAccount(guardianID: guardian.id, displayName: guardian.name)
        guard !user.isDisabled else {
            try await Audit.signIn(req, action: "sign-in-refused", user: user, detail: "identity provider; account disabled")
            return signInPage(req, .auth(.accountDisabled), status: .forbidden)
        }
        try await Audit.signIn(req, action: "sign-in", user: user, detail: "identity provider")
        let response = try await AuthController.startSession(req, user: user, next: pending.next)
        response.cookies[Self.pendingCookie] = .expired
        return response
    }

    private func signInPage(_ req: Request, _ error: Phrase, status: HTTPStatus) -> Response {
        req.page(SignInPage.View(chrome: req.chrome(), model: SignInPage.Model(error: error, identityProviderHref: "/auth/oidc/start")), status: status)
    }
}

extension Application {
    private struct RelyingPartyKey: StorageKey { typealias Value = OIDCRelyingParty }
    var relyingParty: OIDCRelyingParty? {
        get { storage[RelyingPartyKey.self] }
        set { storage[RelyingPartyKey.self] = newValue }
    }
}
