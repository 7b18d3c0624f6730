import Foundation

/// Everything that can go wrong between sending a family to the provider and knowing who they are.
/// Each description is fit for a log line: it names what failed, never the code, a token, the client
/// secret or a national ID number.
public enum OIDCError: Error, Equatable, Sendable, CustomStringConvertible {
    // Talking to the provider.
    case transport(endpoint: String, reason: String)
    case httpStatus(endpoint: String, status: Int)
    case malformedResponse(endpoint: String, reason: String)
    case issuerMismatch(expected: String, found: String)
    case insecureEndpoint(name: String)
    /// The provider's token endpoint refused the exchange (RFC 6749 §5.2).
    case tokenRequestRejected(code: String, description: String?)

    // The callback.
    case stateMismatch
    /// The sign-in took longer than `OIDCPendingAuthorization.lifetime`.
    case authorizationExpired
    /// The family refused, or the provider could not sign them in (RFC 6749 §4.1.2.1).
    case providerError(code: String, description: String?)
    case missingCode

    // The ID token.
    case malformedIDToken(String)
    case unsupportedAlgorithm(String)
    case unknownSigningKey
    case badSignature
    case wrongIssuer(found: String)
    case wrongAudience
    case wrongAuthorizedParty
    case expired
    case issuedInFuture
    case nonceMismatch
    case missingNationalID(claim: String)
    /// The claim is there but is not a GB 11643 number; the reason names the rule, not the digits.
    case invalidNationalID(claim: String, reason: String)

    public var description: String {
        switch self {
        case .transport(let endpoint, let reason): return "OpenID Connect \(endpoint) request failed: \(reason)"
        case .httpStatus(let endpoint, let status): return "OpenID Connect \(endpoint) answered HTTP \(status)"
        case .malformedResponse(let endpoint, let reason): return "OpenID Connect \(endpoint) response is malformed: \(reason)"
        case .issuerMismatch(let expected, let found):
            return "the provider's discovery document names issuer \(OIDCEncoding.loggable(found)), not the configured \(expected)"
        case .insecureEndpoint(let name): return "the provider's \(name) is not https (http is allowed only on loopback)"
        case .tokenRequestRejected(let code, let description):
            return "the token endpoint refused the code: \(code)" + (description.map { " (\($0))" } ?? "")
        case .stateMismatch: return "the callback's state does not match the one this browser was given"
        case .authorizationExpired: return "the sign-in was not completed in time"
        case .providerError(let code, let description):
            return "the provider reported \(code)" + (description.map { " (\($0))" } ?? "")
        case .missingCode: return "the callback has no authorization code"
        case .malformedIDToken(let reason): return "the ID token is malformed: \(reason)"
        case .unsupportedAlgorithm(let alg): return "the ID token is signed with \(alg), which is not accepted"
        case .unknownSigningKey: return "the ID token's key is not in the provider's key set"
        case .badSignature: return "the ID token's signature does not verify"
        case .wrongIssuer(let found): return "the ID token was issued by \(found), not the configured issuer"
        case .wrongAudience: return "the ID token is not meant for this client"
        case .wrongAuthorizedParty: return "the ID token's authorized party (azp) is not this client"
        case .expired: return "the ID token has expired"
        case .issuedInFuture: return "the ID token's issue time is in the future"
        case .nonceMismatch: return "the ID token's nonce does not match this sign-in"
        case .missingNationalID(let claim): return "the ID token has no string claim \(claim)"
        case .invalidNationalID(let claim, let reason): return "the ID token's \(claim) is not a valid national ID number: \(reason)"
        }
    }
}
