import Crypto
import Foundation

/// What the browser must carry from the start of a sign-in to its callback. The web layer keeps it
/// in a short-lived HttpOnly cookie of the browser that started (the state check ties the callback to
/// it); it is Codable for that. The values are secrets of this one sign-in: never log them.
public struct OIDCPendingAuthorization: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Sign-ins slower than this are refused, so a stolen cookie is of use only briefly.
    public static let lifetime: TimeInterval = 10 * 60

    public let state: String
    public let nonce: String
    public let codeVerifier: String
    public let createdAt: Date

    public init(state: String, nonce: String, codeVerifier: String, createdAt: Date) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.createdAt = createdAt
    }

    /// Safe to log: the values themselves are left out.
    public var description: String { "OIDCPendingAuthorization(created \(createdAt))" }
}

/// Where to send the browser, and what to keep until it comes back.
public struct OIDCAuthorizationStart: Sendable, Equatable {
    public let url: URL
    public let pending: OIDCPendingAuthorization
}

/// The provider's endpoints, from its discovery document.
public struct OIDCProviderMetadata: Sendable, Equatable {
    public let issuer: String
    public let authorizationEndpoint: URL
    public let tokenEndpoint: URL
    public let jwksURI: URL
}

/// Youjiao as an OpenID Connect relying party: the authorization code flow with PKCE, a nonce and
/// a state, and ID tokens verified against the provider's published keys. It knows no HTTP library:
/// every request goes through the `http` closure. Discovery and keys are fetched on first use and
/// kept for an hour; an ID token signed by a key not yet seen refreshes the keys once (rotation).
public actor OIDCRelyingParty {
    public let configuration: OIDCConfiguration
    private let http: OIDCHTTPClient
    private let now: @Sendable () -> Date

    static let cacheLifetime: TimeInterval = 60 * 60
    /// A token naming an unknown key refreshes the key set at most this often, so a flood of forged
    /// tokens cannot turn into a flood of requests to the provider.
    static let keyRefreshInterval: TimeInterval = 60
    static let maximumCodeLength = 4096

    private var metadataCache: (value: OIDCProviderMetadata, fetchedAt: Date)?
    private var keysCache: (value: [OIDCSigningKey], fetchedAt: Date)?

    public init(configuration: OIDCConfiguration, http: @escaping OIDCHTTPClient, now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.http = http
        self.now = now
    }

    // MARK: - The two steps the web layer calls

    /// Step 1: a fresh state, nonce and PKCE verifier, and the provider URL that carries them.
    public func startAuthorization() async throws(OIDCError) -> OIDCAuthorizationStart {
        let provider = try await metadata()
        let pending = OIDCPendingAuthorization(
            state: Self.randomToken(), nonce: Self.randomToken(), codeVerifier: Self.randomToken(), createdAt: now())
        return OIDCAuthorizationStart(url: authorizationURL(provider: provider, pending: pending), pending: pending)
    }

    /// Step 2: the query of the request to the redirect URI, and what step 1 gave the browser to keep.
    /// Checks the state, exchanges the code and verifies the ID token; the result is whom the provider
    /// vouches for. Each failure is its own `OIDCError`.
    public func completeAuthorization(
        callbackQuery: [String: String], pending: OIDCPendingAuthorization
    ) async throws(OIDCError) -> OIDCVerifiedIdentity {
        let code = try checkCallback(callbackQuery, pending: pending)
        let idToken = try await exchange(code: code, codeVerifier: pending.codeVerifier)
        return try await verifyIDToken(idToken, expectedNonce: pending.nonce)
    }

    // MARK: - The parts, each checked on its own by the tests

    func authorizationURL(provider: OIDCProviderMetadata, pending: OIDCPendingAuthorization) -> URL {
        let fields = [
            ("response_type", "code"),
            ("client_id", configuration.clientID),
            ("redirect_uri", configuration.redirectURI.absoluteString),
            ("scope", configuration.scopes.joined(separator: " ")),
            ("state", pending.state),
            ("nonce", pending.nonce),
            ("code_challenge", Self.codeChallenge(for: pending.codeVerifier)),
            ("code_challenge_method", "S256"),
        ]
        var components = URLComponents(url: provider.authorizationEndpoint, resolvingAgainstBaseURL: false)!
        // The endpoint may carry query parameters of its own; ours are appended.
        let existing = components.percentEncodedQuery.map { $0.isEmpty ? "" : $0 + "&" } ?? ""
        components.percentEncodedQuery = existing + OIDCEncoding.formEncoded(fields)
        return components.url!
    }

    /// RFC 6749 §4.1.2 and §10.12: the state first, so that nothing an attacker puts in a forged
    /// callback, an error included, is believed.
    func checkCallback(_ query: [String: String], pending: OIDCPendingAuthorization) throws(OIDCError) -> String {
        guard let state = query["state"], OIDCEncoding.constantTimeEqual(state, pending.state) else { throw .stateMismatch }
        let age = now().timeIntervalSince(pending.createdAt)
        guard age >= -OIDCIDToken.clockSkew, age <= OIDCPendingAuthorization.lifetime else { throw .authorizationExpired }
        // RFC 9207: a provider that names itself in the callback must be ours (mix-up defence).
        if let issuer = query["iss"], issuer != configuration.issuer { throw .wrongIssuer(found: OIDCEncoding.loggable(issuer)) }
        if let error = query["error"] {
            throw .providerError(code: OIDCEncoding.loggable(error), description: query["error_description"].map(OIDCEncoding.loggable))
        }
        guard let code = query["code"], !code.isEmpty, code.utf8.count <= Self.maximumCodeLength else { throw .missingCode }
        return code
    }

    /// RFC 6749 §4.1.3 with RFC 7636's code_verifier; returns the ID token, not yet verified.
    func exchange(code: String, codeVerifier: String) async throws(OIDCError) -> String {
        let provider = try await metadata()
        var fields = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", configuration.redirectURI.absoluteString),
            ("code_verifier", codeVerifier),
        ]
        var headers = [
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        ]
        switch configuration.tokenEndpointAuthMethod {
        case .clientSecretBasic:
            // RFC 6749 §2.3.1: each half is form-encoded before the Basic encoding.
            let credentials = OIDCEncoding.percentEncoded(configuration.clientID) + ":" + OIDCEncoding.percentEncoded(configuration.clientSecret)
            headers["Authorization"] = "Basic " + Data(credentials.utf8).base64EncodedString()
        case .clientSecretPost:
            fields += [("client_id", configuration.clientID), ("client_secret", configuration.clientSecret)]
        }
        let request = OIDCHTTPRequest(
            method: .post, url: provider.tokenEndpoint, headers: headers, body: Data(OIDCEncoding.formEncoded(fields).utf8))
        let response = try await send(request, endpoint: "token")
        let body: [String: Any]
        switch OIDCEncoding.jsonObject(response.body) {
        case .success(let parsed): body = parsed
        case .failure(let problem):
            guard response.status == 200 else { throw .httpStatus(endpoint: "token", status: response.status) }
            throw .malformedResponse(endpoint: "token", reason: problem.reason)
        }
        guard response.status == 200 else {
            // RFC 6749 §5.2: a refusal is 400 (401 for client authentication) with an error code.
            if let error = body["error"] as? String {
                throw .tokenRequestRejected(
                    code: OIDCEncoding.loggable(error), description: (body["error_description"] as? String).map(OIDCEncoding.loggable))
            }
            throw .httpStatus(endpoint: "token", status: response.status)
        }
        guard let tokenType = body["token_type"] as? String else {
            throw .malformedResponse(endpoint: "token", reason: "token_type is missing or not a string")
        }
        guard tokenType.lowercased() == "bearer" else {
            throw .malformedResponse(endpoint: "token", reason: "token_type is not Bearer")
        }
        guard body["access_token"] is String else {
            throw .malformedResponse(endpoint: "token", reason: "access_token is missing or not a string")
        }
        guard let idToken = body["id_token"] as? String else {
            throw .malformedResponse(endpoint: "token", reason: "id_token is missing or not a string")
        }
        return idToken
    }

    /// OpenID Connect Core §3.1.3.7: signature with a key from the JWKS, then issuer, audience,
    /// authorized party, expiry, issue time and nonce, then the national ID claim.
    func verifyIDToken(_ token: String, expectedNonce: String) async throws(OIDCError) -> OIDCVerifiedIdentity {
        let header = try OIDCIDToken.header(of: token)
        let key = try await signingKey(for: header)
        let claims = try await OIDCIDToken.verifiedClaims(of: token, key: key)
        return try OIDCIDToken.identity(from: claims, configuration: configuration, expectedNonce: expectedNonce, now: now())
    }

    // MARK: - Discovery and keys

    /// The provider's endpoints, fetched on first use and kept for an hour. Calling it at start-up
    /// tells early whether the provider is reachable and names the configured issuer.
    public func metadata() async throws(OIDCError) -> OIDCProviderMetadata {
        if let cached = metadataCache, now().timeIntervalSince(cached.fetchedAt) < Self.cacheLifetime { return cached.value }
        let base = configuration.issuer.hasSuffix("/") ? String(configuration.issuer.dropLast()) : configuration.issuer
        guard let url = URL(string: base + "/.well-known/openid-configuration") else {
            throw .malformedResponse(endpoint: "discovery", reason: "the issuer does not form a discovery URL")
        }
        let response = try await send(OIDCHTTPRequest(method: .get, url: url, headers: ["Accept": "application/json"]), endpoint: "discovery")
        guard response.status == 200 else { throw .httpStatus(endpoint: "discovery", status: response.status) }
        let parsed = try Self.parseDiscovery(response.body, expectedIssuer: configuration.issuer)
        metadataCache = (parsed, now())
        return parsed
    }

    static func parseDiscovery(_ body: Data, expectedIssuer: String) throws(OIDCError) -> OIDCProviderMetadata {
        let document: [String: Any]
        switch OIDCEncoding.jsonObject(body) {
        case .success(let parsed): document = parsed
        case .failure(let problem): throw .malformedResponse(endpoint: "discovery", reason: problem.reason)
        }
        func string(_ name: String) throws(OIDCError) -> String {
            guard let value = document[name] as? String, !value.isEmpty else {
                throw .malformedResponse(endpoint: "discovery", reason: "\(name) is missing or not a string")
            }
            return value
        }
        func endpoint(_ name: String) throws(OIDCError) -> URL {
            let text = try string(name)
            guard OIDCConfiguration.isAllowedEndpoint(text), let url = URL(string: text) else { throw .insecureEndpoint(name: name) }
            return url
        }
        let issuer = try string("issuer")
        guard issuer == expectedIssuer else { throw .issuerMismatch(expected: expectedIssuer, found: issuer) }
        return OIDCProviderMetadata(
            issuer: issuer,
            authorizationEndpoint: try endpoint("authorization_endpoint"),
            tokenEndpoint: try endpoint("token_endpoint"),
            jwksURI: try endpoint("jwks_uri"))
    }

    private func signingKey(for header: OIDCIDToken.Header) async throws(OIDCError) -> OIDCSigningKey {
        let cachedIsFresh = keysCache.map { now().timeIntervalSince($0.fetchedAt) < Self.cacheLifetime } ?? false
        if cachedIsFresh, let keys = keysCache?.value, let key = Self.pick(from: keys, for: header) { return key }
        // An unknown kid may mean the provider rotated its keys since they were fetched.
        let mayRefresh = keysCache.map { !cachedIsFresh || now().timeIntervalSince($0.fetchedAt) >= Self.keyRefreshInterval } ?? true
        guard mayRefresh else { throw .unknownSigningKey }
        let keys = try await fetchKeys()
        guard let key = Self.pick(from: keys, for: header) else { throw .unknownSigningKey }
        return key
    }

    private func fetchKeys() async throws(OIDCError) -> [OIDCSigningKey] {
        let provider = try await metadata()
        let response = try await send(
            OIDCHTTPRequest(method: .get, url: provider.jwksURI, headers: ["Accept": "application/json"]), endpoint: "jwks")
        guard response.status == 200 else { throw .httpStatus(endpoint: "jwks", status: response.status) }
        let keys = try OIDCSigningKey.parseKeySet(response.body)
        keysCache = (keys, now())
        return keys
    }

    /// The key the header names; with no kid, the one key that fits the algorithm, if only one does.
    static func pick(from keys: [OIDCSigningKey], for header: OIDCIDToken.Header) -> OIDCSigningKey? {
        let fitting = keys.filter { $0.fits(algorithm: header.algorithm) }
        if let kid = header.keyID { return fitting.first { $0.kid == kid } }
        return fitting.count == 1 ? fitting[0] : nil
    }

    private func send(_ request: OIDCHTTPRequest, endpoint: String) async throws(OIDCError) -> OIDCHTTPResponse {
        let response: OIDCHTTPResponse
        do {
            response = try await http(request)
        } catch {
            throw .transport(endpoint: endpoint, reason: OIDCEncoding.loggable(String(describing: error)))
        }
        guard response.body.count <= OIDCHTTPResponse.maximumBodySize else {
            throw .malformedResponse(endpoint: endpoint, reason: "the body is larger than \(OIDCHTTPResponse.maximumBodySize) bytes")
        }
        return response
    }

    // MARK: - Random values and PKCE

    /// 256 bits from the system's secure generator, base64url: 43 characters, fit for state, nonce
    /// and a PKCE verifier (RFC 7636 §4.1 asks 43–128 characters of this alphabet).
    static func randomToken() -> String {
        OIDCEncoding.base64URL(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// RFC 7636 §4.2, S256.
    static func codeChallenge(for verifier: String) -> String {
        OIDCEncoding.base64URL(SHA256.hash(data: Data(verifier.utf8)))
    }
}
