import Foundation
import JWTKit
import YoujiaoCore

/// Who the provider says signed in, after every check of OpenID Connect Core §3.1.3.7 passed.
/// `description` masks the ID number, so the value can be logged whole.
public struct OIDCVerifiedIdentity: Sendable, Equatable, CustomStringConvertible {
    /// The provider's stable identifier for the person (`sub`).
    public let subject: String
    public let name: String?
    /// Verified by the provider and checked here against GB 11643: the key to match guardians.
    public let nationalID: NationalID

    public init(subject: String, name: String?, nationalID: NationalID) {
        self.subject = subject
        self.name = name
        self.nationalID = nationalID
    }

    public var description: String { "subject \(subject), national ID \(nationalID.masked)" }
}

/// A key from the provider's JWKS that may sign ID tokens.
struct OIDCSigningKey: Sendable {
    let kid: String?
    let jwk: JWK

    /// Accepts RSA and EC signature keys; encryption keys, symmetric keys and kinds JWTKit cannot
    /// read are left out rather than failing the whole set.
    static func parseKeySet(_ body: Data) throws(OIDCError) -> [OIDCSigningKey] {
        let object: [String: Any]
        switch OIDCEncoding.jsonObject(body) {
        case .success(let parsed): object = parsed
        case .failure(let problem): throw .malformedResponse(endpoint: "jwks", reason: problem.reason)
        }
        guard let entries = object["keys"] as? [Any] else {
            throw .malformedResponse(endpoint: "jwks", reason: "no keys array")
        }
        var keys: [OIDCSigningKey] = []
        for entry in entries {
            guard let fields = entry as? [String: Any], let kty = fields["kty"] as? String, kty == "RSA" || kty == "EC",
                  (fields["use"] as? String).map({ $0 == "sig" }) ?? true,
                  let data = try? JSONSerialization.data(withJSONObject: fields),
                  let jwk = try? JSONDecoder().decode(JWK.self, from: data) else { continue }
            keys.append(OIDCSigningKey(kid: fields["kid"] as? String, jwk: jwk))
        }
        return keys
    }

    func fits(algorithm: String) -> Bool {
        if let declared = jwk.algorithm?.rawValue, declared != algorithm { return false }
        return algorithm.hasPrefix("ES") ? jwk.keyType == .ecdsa : jwk.keyType == .rsa
    }
}

/// The pieces of an ID token checked by hand, around JWTKit's signature check.
enum OIDCIDToken {
    /// Asymmetric algorithms only: `none` carries no signature, and the HS family is keyed with a
    /// shared secret instead of a key the provider publishes in its JWKS.
    static let acceptedAlgorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]
    static let maximumLength = 64 * 1024
    /// Clocks of the provider and of Youjiao may disagree by this much.
    static let clockSkew: TimeInterval = 60

    struct Header: Equatable {
        let algorithm: String
        let keyID: String?
    }

    static func header(of token: String) throws(OIDCError) -> Header {
        guard token.utf8.count <= maximumLength else { throw .malformedIDToken("longer than \(maximumLength) bytes") }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedIDToken("not a signed JWT of three parts") }
        guard let data = OIDCEncoding.base64URLDecoded(parts[0]),
              let header = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .malformedIDToken("the header is not base64url JSON")
        }
        guard let algorithm = header["alg"] as? String else { throw .malformedIDToken("the header has no alg") }
        guard acceptedAlgorithms.contains(algorithm) else { throw .unsupportedAlgorithm(OIDCEncoding.loggable(algorithm)) }
        // RFC 7515 §4.1.11: extensions the reader does not understand make the token invalid.
        guard header["crit"] == nil else { throw .malformedIDToken("the header lists critical extensions") }
        if header["kid"] != nil, !(header["kid"] is String) { throw .malformedIDToken("kid is not a string") }
        return Header(algorithm: algorithm, keyID: header["kid"] as? String)
    }

    /// Checks the signature with JWTKit and returns the claims, still unchecked.
    static func verifiedClaims(of token: String, key: OIDCSigningKey) async throws(OIDCError) -> Claims {
        var jwk = key.jwk
        // JWTKit files every key under a kid; a lone key without one gets a placeholder.
        if jwk.keyIdentifier == nil { jwk.keyIdentifier = JWKIdentifier(string: "youjiao-oidc-only-key") }
        do {
            let keys = JWTKeyCollection()
            try await keys.add(jwk: jwk, isDefault: true)
            return try await keys.verify(token, as: Claims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw .malformedIDToken("JWTKit could not read it")
        } catch let error as JWTError where error.errorType == .invalidJWK || error.errorType == .generic {
            throw .unknownSigningKey
        } catch {
            throw .malformedIDToken("JWTKit refused it (\(type(of: error)))")
        }
    }

    /// OpenID Connect Core §3.1.3.7 steps 2–3 and 9–11, then the national ID claim.
    static func identity(
        from claims: Claims, configuration: OIDCConfiguration, expectedNonce: String, now: Date
    ) throws(OIDCError) -> OIDCVerifiedIdentity {
        guard case .string(let issuer)? = claims.values["iss"] else { throw .malformedIDToken("no iss") }
        guard issuer == configuration.issuer else { throw .wrongIssuer(found: OIDCEncoding.loggable(issuer)) }

        let audiences: [String]
        switch claims.values["aud"] {
        case .string(let single)?: audiences = [single]
        case .strings(let several)?: audiences = several
        default: throw .malformedIDToken("no aud")
        }
        guard audiences.contains(configuration.clientID) else { throw .wrongAudience }
        switch claims.values["azp"] {
        case nil: guard audiences.count == 1 else { throw .wrongAuthorizedParty }
        case .string(let party)?: guard party == configuration.clientID else { throw .wrongAuthorizedParty }
        default: throw .malformedIDToken("azp is not a string")
        }

        let expiry = try time(claims, "exp")
        let issuedAt = try time(claims, "iat")
        guard now.timeIntervalSince1970 < expiry + clockSkew else { throw .expired }
        guard issuedAt <= now.timeIntervalSince1970 + clockSkew else { throw .issuedInFuture }

        guard case .string(let nonce)? = claims.values["nonce"],
              OIDCEncoding.constantTimeEqual(nonce, expectedNonce) else { throw .nonceMismatch }

        // §2: sub is at most 255 ASCII characters.
        guard case .string(let subject)? = claims.values["sub"], !subject.isEmpty, subject.utf8.count <= 255 else {
            throw .malformedIDToken("sub is missing or longer than 255 bytes")
        }
        var name: String?
        if case .string(let given)? = claims.values["name"], !given.isEmpty { name = given }

        let claimName = configuration.nationalIDClaim
        guard case .string(let number)? = claims.values[claimName] else { throw .missingNationalID(claim: claimName) }
        let nationalID: NationalID
        do {
            nationalID = try NationalID(number, today: now)
        } catch {
            throw .invalidNationalID(claim: claimName, reason: reason(error))
        }
        return OIDCVerifiedIdentity(subject: subject, name: name, nationalID: nationalID)
    }

    /// A NumericDate (seconds since 1970) within a range that cannot overflow anything downstream.
    private static func time(_ claims: Claims, _ name: String) throws(OIDCError) -> TimeInterval {
        guard case .number(let seconds)? = claims.values[name], seconds.isFinite, seconds >= 0, seconds < 1e11 else {
            throw .malformedIDToken("\(name) is missing or not a time")
        }
        return seconds
    }

    /// The rule broken, without the digits, so the message can be logged.
    private static func reason(_ problem: NationalID.Problem) -> String {
        switch problem {
        case .wrongLength(let length): return "\(length) characters instead of 18"
        case .notDigits: return "not 17 digits and a digit or X"
        case .invalidBirthDate: return "the birth date is not a real date"
        case .futureBirthDate: return "the birth date is in the future"
        case .wrongCheckCharacter: return "the GB 11643 check character is wrong"
        }
    }

    /// Every claim of the token that is a string, a number or a list of strings; others are kept
    /// only as present, so an unexpected claim never makes an otherwise good token unreadable.
    struct Claims: JWTPayload, Equatable {
        enum Value: Codable, Equatable, Sendable {
            case string(String)
            case number(Double)
            case strings([String])
            case other

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    self = .string(text)
                } else if let number = try? container.decode(Double.self) {
                    self = .number(number)
                } else if let list = try? container.decode([String].self) {
                    self = .strings(list)
                } else {
                    self = .other
                }
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .string(let text): try container.encode(text)
                case .number(let number): try container.encode(number)
                case .strings(let list): try container.encode(list)
                case .other: try container.encodeNil()
                }
            }
        }

        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        var values: [String: Value]

        init(values: [String: Value]) { self.values = values }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var values: [String: Value] = [:]
            for key in container.allKeys { values[key.stringValue] = try container.decode(Value.self, forKey: key) }
            self.values = values
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in values { try container.encode(value, forKey: Key(stringValue: name)) }
        }

        /// Claims are checked by `identity(from:…)`, with errors of our own, after the signature.
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}
