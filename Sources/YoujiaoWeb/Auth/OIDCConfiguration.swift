import Foundation

/// How Youjiao proves itself to the provider's token endpoint (OpenID Connect Core §9).
public enum OIDCClientAuthMethod: String, Sendable, Equatable, Codable, CaseIterable {
    /// HTTP Basic with the form-encoded client id and secret: the default the specification names.
    case clientSecretBasic = "client_secret_basic"
    /// The client id and secret as fields of the form body.
    case clientSecretPost = "client_secret_post"
}

/// What Youjiao needs to know about the city's OpenID Connect provider (一网通办) and about itself as
/// its registered client. Built from the environment on start; a half-configured sign-in is an error,
/// never a silently disabled one.
public struct OIDCConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Exactly as registered: discovery's `issuer` and every ID token's `iss` must equal it character
    /// for character (OpenID Connect Discovery §4.3), so no trailing slash is added or removed.
    public let issuer: String
    public let clientID: String
    public let clientSecret: String
    public let redirectURI: URL
    public let scopes: [String]
    /// The ID-token claim that carries the guardian's verified national ID number.
    public let nationalIDClaim: String
    public let tokenEndpointAuthMethod: OIDCClientAuthMethod

    public static let defaultScopes = ["openid", "profile"]
    public static let defaultNationalIDClaim = "id_number"

    public init(
        issuer: String,
        clientID: String,
        clientSecret: String,
        redirectURI: String,
        scopes: [String] = OIDCConfiguration.defaultScopes,
        nationalIDClaim: String = OIDCConfiguration.defaultNationalIDClaim,
        tokenEndpointAuthMethod: OIDCClientAuthMethod = .clientSecretBasic
    ) throws(OIDCConfigurationError) {
        guard OIDCConfiguration.isAllowedEndpoint(issuer), let issuerURL = URL(string: issuer),
              issuerURL.query == nil, issuerURL.fragment == nil else {
            throw .invalidValue(name: "issuer", reason: "must be an https URL (http only on a loopback host) without query or fragment")
        }
        guard !clientID.isEmpty, clientID.count <= 255 else {
            throw .invalidValue(name: "client id", reason: "must have 1–255 characters")
        }
        guard !clientSecret.isEmpty else { throw .invalidValue(name: "client secret", reason: "must not be empty") }
        guard OIDCConfiguration.isAllowedEndpoint(redirectURI), let redirect = URL(string: redirectURI),
              redirect.fragment == nil else {
            throw .invalidValue(name: "redirect URI", reason: "must be an https URL (http only on a loopback host) without fragment")
        }
        guard scopes.contains("openid"),
              scopes.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(OIDCConfiguration.isScopeCharacter) }) else {
            throw .invalidValue(name: "scopes", reason: "must include openid and be space-separated printable ASCII words")
        }
        guard !nationalIDClaim.isEmpty, nationalIDClaim.count <= 100 else {
            throw .invalidValue(name: "national ID claim", reason: "must have 1–100 characters")
        }
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirect
        self.scopes = scopes
        self.nationalIDClaim = nationalIDClaim
        self.tokenEndpointAuthMethod = tokenEndpointAuthMethod
    }

    /// Safe to log: the secret is left out.
    public var description: String {
        "OIDCConfiguration(issuer: \(issuer), client: \(clientID), redirect: \(redirectURI.absoluteString), "
            + "claim: \(nationalIDClaim), auth: \(tokenEndpointAuthMethod.rawValue))"
    }

    /// The environment variables, named here once so that messages and docs agree.
    public enum Variable {
        public static let issuer = "YOUJIAO_OIDC_ISSUER"
        public static let clientID = "YOUJIAO_OIDC_CLIENT_ID"
        public static let clientSecret = "YOUJIAO_OIDC_CLIENT_SECRET"
        public static let redirectURI = "YOUJIAO_OIDC_REDIRECT_URI"
        public static let nationalIDClaim = "YOUJIAO_OIDC_ID_CLAIM"
        public static let scopes = "YOUJIAO_OIDC_SCOPES"
        public static let tokenEndpointAuthMethod = "YOUJIAO_OIDC_TOKEN_AUTH_METHOD"
    }

    /// nil when YOUJIAO_OIDC_ISSUER is unset or empty (families then cannot sign in through the
    /// provider); an error naming the variable when the issuer is set but something else is missing
    /// or malformed. YOUJIAO_OIDC_ID_CLAIM, YOUJIAO_OIDC_SCOPES (space-separated) and
    /// YOUJIAO_OIDC_TOKEN_AUTH_METHOD (client_secret_basic or client_secret_post) are optional.
    public static func fromEnvironment(_ environment: [String: String]) throws(OIDCConfigurationError) -> OIDCConfiguration? {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        guard let issuer = value(Variable.issuer) else {
            let strays = [Variable.clientID, Variable.clientSecret, Variable.redirectURI].filter { value($0) != nil }
            if let first = strays.first { throw .missingVariable(Variable.issuer, because: first) }
            return nil
        }
        func required(_ name: String) throws(OIDCConfigurationError) -> String {
            guard let found = value(name) else { throw .missingVariable(name, because: Variable.issuer) }
            return found
        }
        let clientID = try required(Variable.clientID)
        let clientSecret = try required(Variable.clientSecret)
        let redirectURI = try required(Variable.redirectURI)
        var method = OIDCClientAuthMethod.clientSecretBasic
        if let text = value(Variable.tokenEndpointAuthMethod) {
            guard let parsed = OIDCClientAuthMethod(rawValue: text) else {
                throw .invalidVariable(Variable.tokenEndpointAuthMethod, reason: "must be client_secret_basic or client_secret_post")
            }
            method = parsed
        }
        let scopes = value(Variable.scopes).map { $0.split(separator: " ").map(String.init) } ?? defaultScopes
        do {
            return try OIDCConfiguration(
                issuer: issuer, clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI,
                scopes: scopes, nationalIDClaim: value(Variable.nationalIDClaim) ?? defaultNationalIDClaim,
                tokenEndpointAuthMethod: method)
        } catch {
            guard case .invalidValue(let field, let reason) = error else { throw error }
            let variable = switch field {
            case "issuer": Variable.issuer
            case "client id": Variable.clientID
            case "client secret": Variable.clientSecret
            case "redirect URI": Variable.redirectURI
            case "scopes": Variable.scopes
            default: Variable.nationalIDClaim
            }
            throw .invalidVariable(variable, reason: reason)
        }
    }

    /// https anywhere; plain http only to this machine, for tests and local demos.
    static func isAllowedEndpoint(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty, components.user == nil, components.password == nil else {
            return false
        }
        switch scheme {
        case "https": return true
        case "http": return isLoopback(host: host)
        default: return false
        }
    }

    static func isLoopback(host: String) -> Bool {
        let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in octet.count <= 3 && UInt8(octet) != nil }
    }

    /// RFC 6749 §3.3: scope tokens are printable ASCII without space, quote or backslash.
    private static func isScopeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x21 && scalar.value <= 0x7E && scalar != "\"" && scalar != "\\"
    }
}

/// A setting that stops the server from starting; the message names the variable and never repeats
/// the secret's value.
public enum OIDCConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `because` is the variable whose presence made this one necessary.
    case missingVariable(String, because: String)
    case invalidVariable(String, reason: String)
    case invalidValue(name: String, reason: String)

    public var description: String {
        switch self {
        case .missingVariable(let name, let because):
            return "\(name) is not set, but \(because) is: set all of YOUJIAO_OIDC_ISSUER, YOUJIAO_OIDC_CLIENT_ID, YOUJIAO_OIDC_CLIENT_SECRET and YOUJIAO_OIDC_REDIRECT_URI, or none"
        case .invalidVariable(let name, let reason): return "\(name) \(reason)"
        case .invalidValue(let name, let reason): return "the OpenID Connect \(name) \(reason)"
        }
    }
}
