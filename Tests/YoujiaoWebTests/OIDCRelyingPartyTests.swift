import Crypto
import CryptoExtras
import Foundation
import JWTKit
import Testing
@testable import YoujiaoCore
@testable import YoujiaoWeb

/// The relying party against a provider that lives in memory: every ID token here is signed in the
/// test with a key made for it, so each check of OpenID Connect Core §3.1.3.7 can be broken alone.
@Suite("OpenID Connect relying party")
struct OIDCRelyingPartyTests {
    static let issuer = "https://id.example.gov.cn"
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let guardianID = NationalID.make(areaCode: "110101", birthDate: "19800101", sequence: 1).value

    static func configuration(
        method: OIDCClientAuthMethod = .clientSecretBasic, claim: String = "id_number"
    ) throws -> OIDCConfiguration {
        try OIDCConfiguration(
            issuer: issuer, clientID: "youjiao", clientSecret: "s3cret:+&", redirectURI: "https://youjiao.example/auth/oidc/callback",
            nationalIDClaim: claim, tokenEndpointAuthMethod: method)
    }

    /// Claims of a token that passes every check; tests change one thing at a time.
    static func goodClaims(nonce: String) -> [String: OIDCIDToken.Claims.Value] {
        [
            "iss": .string(issuer), "aud": .strings(["youjiao"]), "sub": .string("citizen-42"), "name": .string("张丽"),
            "exp": .number(now.timeIntervalSince1970 + 300), "iat": .number(now.timeIntervalSince1970 - 5),
            "nonce": .string(nonce), "id_number": .string(guardianID),
        ]
    }

    // MARK: - Whole flow

    @Test func goodSignInYieldsTheVerifiedIdentityAndSendsPKCEAndBasicCredentials() async throws {
        let provider = FakeOIDCProvider()
        let party = try await provider.party()
        let start = try await party.startAuthorization()
        let parameters = Self.queryItems(start.url)
        #expect(start.url.absoluteString.hasPrefix(Self.issuer + "/authorize?"))
        #expect(parameters["response_type"] == "code")
        #expect(parameters["client_id"] == "youjiao")
        #expect(parameters["redirect_uri"] == "https://youjiao.example/auth/oidc/callback")
        #expect(parameters["scope"] == "openid profile")
        #expect(parameters["state"] == start.pending.state)
        #expect(parameters["nonce"] == start.pending.nonce)
        #expect(parameters["code_challenge_method"] == "S256")
        let challenge = Data(SHA256.hash(data: Data(start.pending.codeVerifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(parameters["code_challenge"] == challenge)

        await provider.issue(try await OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: start.pending.nonce)))
        let identity = try await party.completeAuthorization(
            callbackQuery: ["state": start.pending.state, "code": "the-code"], pending: start.pending)
        #expect(identity.subject == "citizen-42")
        #expect(identity.name == "张丽")
        #expect(identity.nationalID.value == Self.guardianID)
        #expect(!identity.description.contains(Self.guardianID))
        #expect(!"\(start.pending)".contains(start.pending.state))
        #expect(!"\(try Self.configuration())".contains("s3cret"))

        let sent = try #require(await provider.tokenRequests.first)
        #expect(sent.method == .post)
        #expect(sent.headers["Content-Type"] == "application/x-www-form-urlencoded")
        // RFC 6749 §2.3.1: id and secret are form-encoded, then joined and base64-encoded.
        #expect(sent.headers["Authorization"] == "Basic " + Data("youjiao:s3cret%3A%2B%26".utf8).base64EncodedString())
        let form = Self.formFields(sent.body)
        #expect(form["grant_type"] == "authorization_code")
        #expect(form["code"] == "the-code")
        #expect(form["redirect_uri"] == "https://youjiao.example/auth/oidc/callback")
        #expect(form["code_verifier"] == start.pending.codeVerifier)
        #expect(form["client_secret"] == nil)
    }

    @Test func clientSecretPostSendsTheCredentialsInTheFormInstead() async throws {
        let provider = FakeOIDCProvider()
        let party = try await provider.party(configuration: Self.configuration(method: .clientSecretPost))
        let pending = OIDCPendingAuthorization(state: "s", nonce: "n", codeVerifier: String(repeating: "v", count: 43), createdAt: Self.now)
        await provider.issue(try await OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: "n")))
        _ = try await party.completeAuthorization(callbackQuery: ["state": "s", "code": "c"], pending: pending)
        let sent = try #require(await provider.tokenRequests.first)
        #expect(sent.headers["Authorization"] == nil)
        let form = Self.formFields(sent.body)
        #expect(form["client_id"] == "youjiao")
        #expect(form["client_secret"] == "s3cret:+&")
    }

    @Test func eachSignInGetsFreshRandomValuesOfAtLeast128Bits() async throws {
        let party = try await FakeOIDCProvider().party()
        let first = try await party.startAuthorization().pending
        let second = try await party.startAuthorization().pending
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for value in [first.state, first.nonce, first.codeVerifier] {
            #expect((43...128).contains(value.count))
            #expect(value.allSatisfy(alphabet.contains))
        }
        #expect(Set([first.state, first.nonce, first.codeVerifier, second.state, second.nonce, second.codeVerifier]).count == 6)
    }

    @Test func authorizationEndpointsOwnQueryIsKept() async throws {
        let provider = FakeOIDCProvider()
        await provider.setDiscovery(["authorization_endpoint": .string(Self.issuer + "/authorize?realm=city")])
        let url = try await provider.party().startAuthorization().url
        #expect(Self.queryItems(url)["realm"] == "city")
        #expect(Self.queryItems(url)["response_type"] == "code")
    }

    // MARK: - The callback

    @Test func callbackWithAnotherStateIsRefusedEvenWhenItCarriesAnError() async throws {
        let party = try await FakeOIDCProvider().party()
        let pending = OIDCPendingAuthorization(state: "expected", nonce: "n", codeVerifier: "v", createdAt: Self.now)
        for query in [["state": "forged", "code": "c"], ["code": "c"], ["state": "forged", "error": "access_denied"], ["state": "expecte", "code": "c"]] {
            await #expect(throws: OIDCError.stateMismatch) { try await party.completeAuthorization(callbackQuery: query, pending: pending) }
        }
    }

    @Test func providerErrorIsReportedWithItsCode() async throws {
        let party = try await FakeOIDCProvider().party()
        let pending = OIDCPendingAuthorization(state: "s", nonce: "n", codeVerifier: "v", createdAt: Self.now)
        await #expect(throws: OIDCError.providerError(code: "access_denied", description: "user said no")) {
            try await party.completeAuthorization(
                callbackQuery: ["state": "s", "error": "access_denied", "error_description": "user said no"], pending: pending)
        }
        await #expect(throws: OIDCError.missingCode) {
            try await party.completeAuthorization(callbackQuery: ["state": "s"], pending: pending)
        }
        await #expect(throws: OIDCError.wrongIssuer(found: "https://evil.example")) {
            try await party.completeAuthorization(callbackQuery: ["state": "s", "code": "c", "iss": "https://evil.example"], pending: pending)
        }
    }

    @Test func signInOlderThanTenMinutesIsRefused() async throws {
        let party = try await FakeOIDCProvider().party()
        let pending = OIDCPendingAuthorization(state: "s", nonce: "n", codeVerifier: "v", createdAt: Self.now.addingTimeInterval(-601))
        await #expect(throws: OIDCError.authorizationExpired) {
            try await party.completeAuthorization(callbackQuery: ["state": "s", "code": "c"], pending: pending)
        }
    }

    // MARK: - ID token checks, one broken at a time

    @Test(arguments: [
        ("iss", OIDCIDToken.Claims.Value.string("https://other.example"), OIDCError.wrongIssuer(found: "https://other.example")),
        ("iss", .string(OIDCRelyingPartyTests.issuer + "/"), .wrongIssuer(found: OIDCRelyingPartyTests.issuer + "/")),
        ("aud", .strings(["someone-else"]), .wrongAudience),
        ("aud", .string("someone-else"), .wrongAudience),
        ("aud", .strings(["youjiao", "someone-else"]), .wrongAuthorizedParty),
        ("azp", .string("someone-else"), .wrongAuthorizedParty),
        ("exp", .number(OIDCRelyingPartyTests.now.timeIntervalSince1970 - 61), .expired),
        ("iat", .number(OIDCRelyingPartyTests.now.timeIntervalSince1970 + 61), .issuedInFuture),
        ("nonce", .string("another-nonce"), .nonceMismatch),
        ("id_number", .string("110101198001010013"), .invalidNationalID(claim: "id_number", reason: "the GB 11643 check character is wrong")),
        ("id_number", .string("11010119800101001"), .invalidNationalID(claim: "id_number", reason: "17 characters instead of 18")),
        ("id_number", .number(110101198001010016), .missingNationalID(claim: "id_number")),
        ("exp", .string("tomorrow"), .malformedIDToken("exp is missing or not a time")),
        ("exp", .number(1e300), .malformedIDToken("exp is missing or not a time")),
        ("sub", .string(""), .malformedIDToken("sub is missing or longer than 255 bytes")),
    ] as [(String, OIDCIDToken.Claims.Value, OIDCError)])
    func tokenWithOneBadClaimIsRefusedWithItsOwnError(claim: String, value: OIDCIDToken.Claims.Value, expected: OIDCError) async throws {
        var claims = Self.goodClaims(nonce: "n")
        claims[claim] = value
        try await Self.expectRefusal(claims: claims, expected: expected)
    }

    @Test(arguments: ["iss", "aud", "exp", "iat", "nonce", "sub"])
    func tokenMissingARequiredClaimIsRefused(claim: String) async throws {
        var claims = Self.goodClaims(nonce: "n")
        claims[claim] = nil
        let party = try await FakeOIDCProvider().party()
        await #expect(throws: OIDCError.self) {
            try await party.verifyIDToken(try await OIDCTestKeys.shared.rsaToken(claims), expectedNonce: "n")
        }
    }

    @Test func missingNationalIDClaimIsNamed() async throws {
        var claims = Self.goodClaims(nonce: "n")
        claims["id_number"] = nil
        try await Self.expectRefusal(claims: claims, expected: .missingNationalID(claim: "id_number"))
    }

    @Test func withinTheClockSkewAndWithAMatchingAzpTheTokenIsAccepted() async throws {
        var claims = Self.goodClaims(nonce: "n")
        claims["exp"] = .number(Self.now.timeIntervalSince1970 - 59)
        claims["iat"] = .number(Self.now.timeIntervalSince1970 + 59)
        claims["aud"] = .strings(["youjiao", "city-portal"])
        claims["azp"] = .string("youjiao")
        claims["name"] = nil
        claims["extra"] = .other
        let party = try await FakeOIDCProvider().party()
        let identity = try await party.verifyIDToken(try await OIDCTestKeys.shared.rsaToken(claims), expectedNonce: "n")
        #expect(identity.name == nil)
        #expect(identity.nationalID.value == Self.guardianID)
    }

    @Test func nationalIDClaimNameComesFromTheConfiguration() async throws {
        var claims = Self.goodClaims(nonce: "n")
        claims["id_number"] = nil
        claims["idcard"] = .string(Self.guardianID.lowercased())
        let party = try await FakeOIDCProvider().party(configuration: Self.configuration(claim: "idcard"))
        #expect(try await party.verifyIDToken(try await OIDCTestKeys.shared.rsaToken(claims), expectedNonce: "n").nationalID.value == Self.guardianID)
    }

    @Test func tokenSignedByAnotherKeyUnderTheSameKidIsRefused() async throws {
        try await Self.expectRefusal(token: OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: "n"), signer: .impostor), expected: .badSignature)
    }

    @Test func tokenWithAlteredClaimsIsRefused() async throws {
        let token = try await OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: "n"))
        var altered = Self.goodClaims(nonce: "n")
        altered["id_number"] = .string(NationalID.make(areaCode: "310104", birthDate: "19850505", sequence: 3).value)
        let parts = token.split(separator: ".")
        let forged = [String(parts[0]), Self.base64URL(try JSONEncoder().encode(OIDCIDToken.Claims(values: altered))), String(parts[2])]
        try await Self.expectRefusal(token: forged.joined(separator: "."), expected: .badSignature)
    }

    @Test func unsignedAndSharedSecretTokensAreRefused() async throws {
        let payload = Self.base64URL(try JSONEncoder().encode(OIDCIDToken.Claims(values: Self.goodClaims(nonce: "n"))))
        let none = Self.base64URL(Data(#"{"alg":"none","kid":"k1"}"#.utf8)) + "." + payload + "."
        try await Self.expectRefusal(token: none, expected: .unsupportedAlgorithm("none"))

        let hsHeader = Self.base64URL(Data(#"{"alg":"HS256","kid":"k1"}"#.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data((hsHeader + "." + payload).utf8), using: SymmetricKey(data: Data("s3cret:+&".utf8)))
        try await Self.expectRefusal(token: hsHeader + "." + payload + "." + Self.base64URL(Data(mac)), expected: .unsupportedAlgorithm("HS256"))
    }

    @Test(arguments: [
        ("", OIDCError.malformedIDToken("not a signed JWT of three parts")),
        ("a.b", .malformedIDToken("not a signed JWT of three parts")),
        ("a.b.c.d.e", .malformedIDToken("not a signed JWT of three parts")),
        ("!!!.e30.", .malformedIDToken("the header is not base64url JSON")),
        ("e30.e30.", .malformedIDToken("the header has no alg")),
    ])
    func malformedTokensAreRefused(token: String, expected: OIDCError) async throws {
        try await Self.expectRefusal(token: token, expected: expected)
    }

    @Test func ecdsaSignedTokensAreAcceptedToo() async throws {
        let provider = FakeOIDCProvider()
        await provider.setKeys([try await OIDCTestKeys.shared.ecdsaJWK()])
        let party = try await provider.party()
        let token = try await OIDCTestKeys.shared.ecdsaToken(Self.goodClaims(nonce: "n"))
        #expect(try await party.verifyIDToken(token, expectedNonce: "n").subject == "citizen-42")
    }

    @Test func unknownKidWithinTheRefreshIntervalDoesNotReachTheProviderAgain() async throws {
        let provider = FakeOIDCProvider()
        let party = try await provider.party()
        let good = try await OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: "n"))
        _ = try await party.verifyIDToken(good, expectedNonce: "n")
        #expect(await provider.keyFetches == 1)

        let rotated = try await OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: "n"), signer: .rotated)
        await #expect(throws: OIDCError.unknownSigningKey) { try await party.verifyIDToken(rotated, expectedNonce: "n") }
        // Within the refresh interval a second unknown kid does not reach the provider again.
        await #expect(throws: OIDCError.unknownSigningKey) { try await party.verifyIDToken(rotated, expectedNonce: "n") }
        #expect(await provider.keyFetches == 1)
    }

    @Test func rotatedKeyIsFoundAfterTheRefreshInterval() async throws {
        let provider = FakeOIDCProvider()
        let clock = OIDCTestClock(Self.now)
        let party = try await provider.party(clock: clock)
        _ = try await party.verifyIDToken(try await OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: "n")), expectedNonce: "n")
        await provider.setKeys([try await OIDCTestKeys.shared.rsaJWK(.rotated)])
        clock.advance(by: 61)
        var claims = Self.goodClaims(nonce: "n")
        claims["iat"] = .number(Self.now.timeIntervalSince1970 + 61)
        #expect(try await party.verifyIDToken(try await OIDCTestKeys.shared.rsaToken(claims, signer: .rotated), expectedNonce: "n").subject == "citizen-42")
        #expect(await provider.keyFetches == 2)
    }

    @Test func keySetEntriesThatCannotSignAreSkipped() async throws {
        let provider = FakeOIDCProvider()
        let good = try await OIDCTestKeys.shared.rsaJWK(.main)
        await provider.setKeys([
            .object(["kty": .string("oct"), "kid": .string("k1"), "k": .string("c2VjcmV0")]),
            .object(["kty": .string("RSA"), "kid": .string("k1"), "use": .string("enc"), "n": .string("AQAB"), "e": .string("AQAB")]),
            .string("not a key"),
            good,
        ])
        let party = try await provider.party()
        #expect(try await party.verifyIDToken(try await OIDCTestKeys.shared.rsaToken(Self.goodClaims(nonce: "n")), expectedNonce: "n").subject == "citizen-42")
    }

    // MARK: - Discovery and token endpoint

    @Test func discoveryNamingAnotherIssuerIsRefused() async throws {
        let provider = FakeOIDCProvider()
        await provider.setDiscovery(["issuer": .string(Self.issuer + "/")])
        await #expect(throws: OIDCError.issuerMismatch(expected: Self.issuer, found: Self.issuer + "/")) {
            try await provider.party().startAuthorization()
        }
    }

    @Test(arguments: [
        (["jwks_uri": FakeOIDCProvider.JSON.null], OIDCError.malformedResponse(endpoint: "discovery", reason: "jwks_uri is missing or not a string")),
        (["token_endpoint": .number(3)], .malformedResponse(endpoint: "discovery", reason: "token_endpoint is missing or not a string")),
        (["authorization_endpoint": .string("http://id.example.gov.cn/authorize")], .insecureEndpoint(name: "authorization_endpoint")),
        (["token_endpoint": .string("ftp://id.example.gov.cn/token")], .insecureEndpoint(name: "token_endpoint")),
    ])
    func discoveryWithABadFieldIsRefused(change: [String: FakeOIDCProvider.JSON], expected: OIDCError) async throws {
        let provider = FakeOIDCProvider()
        await provider.setDiscovery(change)
        await #expect(throws: expected) { try await provider.party().startAuthorization() }
    }

    @Test func discoveryThatIsNotJSONOrNot200IsRefused() async throws {
        let provider = FakeOIDCProvider()
        await provider.setRawDiscovery(OIDCHTTPResponse(status: 200, body: Data("<html>".utf8)))
        await #expect(throws: OIDCError.malformedResponse(endpoint: "discovery", reason: "the body is not a JSON object")) {
            try await provider.party().startAuthorization()
        }
        await provider.setRawDiscovery(OIDCHTTPResponse(status: 503, body: Data()))
        await #expect(throws: OIDCError.httpStatus(endpoint: "discovery", status: 503)) { try await provider.party().startAuthorization() }
        await provider.setRawDiscovery(OIDCHTTPResponse(status: 200, body: Data(repeating: 0x20, count: OIDCHTTPResponse.maximumBodySize + 1)))
        await #expect(throws: OIDCError.malformedResponse(endpoint: "discovery", reason: "the body is larger than 1048576 bytes")) {
            try await provider.party().startAuthorization()
        }
    }

    @Test(arguments: [
        (OIDCHTTPResponse(status: 400, body: Data(#"{"error":"invalid_grant","error_description":"Code challenge failed."}"#.utf8)),
         OIDCError.tokenRequestRejected(code: "invalid_grant", description: "Code challenge failed.")),
        (OIDCHTTPResponse(status: 500, body: Data("oops".utf8)), .httpStatus(endpoint: "token", status: 500)),
        (OIDCHTTPResponse(status: 200, body: Data(#"{"access_token":"a","token_type":"Bearer"}"#.utf8)),
         .malformedResponse(endpoint: "token", reason: "id_token is missing or not a string")),
        (OIDCHTTPResponse(status: 200, body: Data(#"{"access_token":"a","token_type":"Bearer","id_token":42}"#.utf8)),
         .malformedResponse(endpoint: "token", reason: "id_token is missing or not a string")),
        (OIDCHTTPResponse(status: 200, body: Data(#"{"access_token":"a","token_type":"MAC","id_token":"x"}"#.utf8)),
         .malformedResponse(endpoint: "token", reason: "token_type is not Bearer")),
        (OIDCHTTPResponse(status: 200, body: Data(#"["id_token"]"#.utf8)),
         .malformedResponse(endpoint: "token", reason: "the body is not a JSON object")),
    ])
    func tokenEndpointTroubleIsReported(response: OIDCHTTPResponse, expected: OIDCError) async throws {
        let provider = FakeOIDCProvider()
        await provider.setRawToken(response)
        let party = try await provider.party()
        let pending = OIDCPendingAuthorization(state: "s", nonce: "n", codeVerifier: "v", createdAt: Self.now)
        await #expect(throws: expected) { try await party.completeAuthorization(callbackQuery: ["state": "s", "code": "c"], pending: pending) }
    }

    @Test func transportFailureIsTyped() async throws {
        struct Refused: Error {}
        let party = OIDCRelyingParty(configuration: try Self.configuration(), http: { _ in throw Refused() })
        await #expect(throws: OIDCError.transport(endpoint: "discovery", reason: "Refused()")) { try await party.startAuthorization() }
    }

    @Test func errorDescriptionsNeverQuoteTheNumberCodeOrSecret() async throws {
        let errors: [OIDCError] = [
            .invalidNationalID(claim: "id_number", reason: "the GB 11643 check character is wrong"), .missingNationalID(claim: "id_number"),
            .stateMismatch, .badSignature, .tokenRequestRejected(code: "invalid_grant", description: nil),
        ]
        for error in errors {
            #expect(!error.description.contains(Self.guardianID))
            #expect(!error.description.contains("s3cret"))
        }
    }

    // MARK: - Configuration from the environment

    static let fullEnvironment = [
        "YOUJIAO_OIDC_ISSUER": "https://id.example.gov.cn",
        "YOUJIAO_OIDC_CLIENT_ID": "youjiao",
        "YOUJIAO_OIDC_CLIENT_SECRET": "s3cret",
        "YOUJIAO_OIDC_REDIRECT_URI": "https://youjiao.example/auth/oidc/callback",
    ]

    @Test func environmentWithoutIssuerMeansNoProvider() throws {
        #expect(try OIDCConfiguration.fromEnvironment([:]) == nil)
        #expect(try OIDCConfiguration.fromEnvironment(["YOUJIAO_OIDC_ISSUER": "  "]) == nil)
    }

    @Test func fullEnvironmentGivesTheDefaults() throws {
        let configuration = try #require(try OIDCConfiguration.fromEnvironment(Self.fullEnvironment))
        #expect(configuration.issuer == "https://id.example.gov.cn")
        #expect(configuration.scopes == ["openid", "profile"])
        #expect(configuration.nationalIDClaim == "id_number")
        #expect(configuration.tokenEndpointAuthMethod == .clientSecretBasic)
        var custom = Self.fullEnvironment
        custom["YOUJIAO_OIDC_ID_CLAIM"] = "idcard"
        custom["YOUJIAO_OIDC_TOKEN_AUTH_METHOD"] = "client_secret_post"
        custom["YOUJIAO_OIDC_ISSUER"] = "http://127.0.0.1:9400"
        let changed = try #require(try OIDCConfiguration.fromEnvironment(custom))
        #expect(changed.nationalIDClaim == "idcard")
        #expect(changed.tokenEndpointAuthMethod == .clientSecretPost)
        #expect(changed.issuer == "http://127.0.0.1:9400")
    }

    @Test(arguments: ["YOUJIAO_OIDC_CLIENT_ID", "YOUJIAO_OIDC_CLIENT_SECRET", "YOUJIAO_OIDC_REDIRECT_URI"])
    func partialEnvironmentNamesTheMissingVariable(missing: String) throws {
        var environment = Self.fullEnvironment
        environment[missing] = nil
        #expect(throws: OIDCConfigurationError.missingVariable(missing, because: "YOUJIAO_OIDC_ISSUER")) {
            try OIDCConfiguration.fromEnvironment(environment)
        }
        #expect("\(OIDCConfigurationError.missingVariable(missing, because: "YOUJIAO_OIDC_ISSUER"))".contains(missing))
    }

    @Test func clientSettingsWithoutIssuerAreAnError() {
        var environment = Self.fullEnvironment
        environment["YOUJIAO_OIDC_ISSUER"] = nil
        #expect(throws: OIDCConfigurationError.missingVariable("YOUJIAO_OIDC_ISSUER", because: "YOUJIAO_OIDC_CLIENT_ID")) {
            try OIDCConfiguration.fromEnvironment(environment)
        }
    }

    @Test(arguments: [
        ("YOUJIAO_OIDC_ISSUER", "http://id.example.gov.cn"),
        ("YOUJIAO_OIDC_ISSUER", "http://127.0.0.1.example.com"),
        ("YOUJIAO_OIDC_ISSUER", "ftp://127.0.0.1"),
        ("YOUJIAO_OIDC_ISSUER", "https://id.example.gov.cn?x=1"),
        ("YOUJIAO_OIDC_ISSUER", "not a url"),
        ("YOUJIAO_OIDC_REDIRECT_URI", "http://youjiao.example/cb"),
        ("YOUJIAO_OIDC_REDIRECT_URI", "/auth/oidc/callback"),
        ("YOUJIAO_OIDC_TOKEN_AUTH_METHOD", "private_key_jwt"),
        ("YOUJIAO_OIDC_SCOPES", "profile"),
    ])
    func malformedVariableIsNamed(variable: String, value: String) {
        var environment = Self.fullEnvironment
        environment[variable] = value
        do {
            _ = try OIDCConfiguration.fromEnvironment(environment)
            Issue.record("\(variable)=\(value) was accepted")
        } catch {
            guard case .invalidVariable(let named, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(named == variable)
        }
    }

    @Test(arguments: ["http://localhost:9400", "http://127.0.0.2", "http://[::1]:9400", "https://id.example.gov.cn/realms/city"])
    func loopbackHttpAndAnyHttpsAreAccepted(issuer: String) throws {
        var environment = Self.fullEnvironment
        environment["YOUJIAO_OIDC_ISSUER"] = issuer
        #expect(try OIDCConfiguration.fromEnvironment(environment)?.issuer == issuer)
    }

    // MARK: - Helpers

    static func expectRefusal(claims: [String: OIDCIDToken.Claims.Value], expected: OIDCError) async throws {
        try await expectRefusal(token: OIDCTestKeys.shared.rsaToken(claims), expected: expected)
    }

    static func expectRefusal(token: String, expected: OIDCError) async throws {
        let party = try await FakeOIDCProvider().party()
        await #expect(throws: expected) { try await party.verifyIDToken(token, expectedNonce: "n") }
    }

    static func queryItems(_ url: URL) -> [String: String] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    static func formFields(_ body: Data?) -> [String: String] {
        var components = URLComponents()
        components.percentEncodedQuery = String(decoding: body ?? Data(), as: UTF8.self)
        return Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// A settable clock, for the key-refresh interval.
final class OIDCTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Signing keys made once for the suite: RSA generation takes a moment.
actor OIDCTestKeys {
    static let shared = OIDCTestKeys()

    enum RSASigner { case main, impostor, rotated }

    private var rsaKeys: [RSASigner: JWTKit.Insecure.RSA.PrivateKey] = [:]
    private let ecdsaKey = ES256PrivateKey()

    private func rsa(_ signer: RSASigner) throws -> JWTKit.Insecure.RSA.PrivateKey {
        if let key = rsaKeys[signer] { return key }
        let key = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        rsaKeys[signer] = key
        return key
    }

    /// The impostor signs under the provider's kid, so only the signature can tell.
    private func kid(_ signer: RSASigner) -> String { signer == .rotated ? "k2" : "k1" }

    func rsaToken(_ claims: [String: OIDCIDToken.Claims.Value], signer: RSASigner = .main) async throws -> String {
        let collection = JWTKeyCollection()
        await collection.add(rsa: try rsa(signer), digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid(signer)))
        return try await collection.sign(OIDCIDToken.Claims(values: claims), kid: JWKIdentifier(string: kid(signer)))
    }

    func rsaJWK(_ signer: RSASigner) throws -> FakeOIDCProvider.JSON {
        let primitives = try rsa(signer).publicKey.getKeyPrimitives()
        return .object([
            "kty": .string("RSA"), "kid": .string(kid(signer)), "use": .string("sig"), "alg": .string("RS256"),
            "n": .string(OIDCRelyingPartyTests.base64URL(primitives.modulus)),
            "e": .string(OIDCRelyingPartyTests.base64URL(primitives.publicExponent)),
        ])
    }

    func ecdsaToken(_ claims: [String: OIDCIDToken.Claims.Value]) async throws -> String {
        let collection = JWTKeyCollection()
        await collection.add(ecdsa: ecdsaKey, kid: "e1")
        return try await collection.sign(OIDCIDToken.Claims(values: claims), kid: "e1")
    }

    func ecdsaJWK() throws -> FakeOIDCProvider.JSON {
        struct NoParameters: Error {}
        guard let parameters = ecdsaKey.parameters else { throw NoParameters() }
        return .object(["kty": .string("EC"), "kid": .string("e1"), "crv": .string("P-256"), "x": .string(parameters.x), "y": .string(parameters.y)])
    }
}

/// An OpenID Connect provider answering from memory, recording what it was sent.
actor FakeOIDCProvider {
    enum JSON: Sendable, Equatable {
        case string(String), number(Double), null, object([String: JSON]), array([JSON])

        var value: Any {
            switch self {
            case .string(let text): return text
            case .number(let number): return number
            case .null: return NSNull()
            case .object(let fields): return fields.mapValues(\.value)
            case .array(let items): return items.map(\.value)
            }
        }

        var data: Data { try! JSONSerialization.data(withJSONObject: value) }
    }

    private var discovery: [String: JSON] = [
        "issuer": .string(OIDCRelyingPartyTests.issuer),
        "authorization_endpoint": .string(OIDCRelyingPartyTests.issuer + "/authorize"),
        "token_endpoint": .string(OIDCRelyingPartyTests.issuer + "/token"),
        "jwks_uri": .string(OIDCRelyingPartyTests.issuer + "/jwks"),
    ]
    private var rawDiscovery: OIDCHTTPResponse?
    private var keys: [JSON]?
    private var tokenResponse = OIDCHTTPResponse(status: 500, body: Data())
    private(set) var tokenRequests: [OIDCHTTPRequest] = []
    private(set) var keyFetches = 0

    func party(configuration: OIDCConfiguration? = nil, clock: OIDCTestClock = OIDCTestClock(OIDCRelyingPartyTests.now)) throws -> OIDCRelyingParty {
        OIDCRelyingParty(
            configuration: try configuration ?? OIDCRelyingPartyTests.configuration(),
            http: { request in await self.answer(request) }, now: { clock.now })
    }

    func setDiscovery(_ changes: [String: JSON]) {
        for (name, value) in changes { discovery[name] = value == .null ? nil : value }
    }
    func setRawDiscovery(_ response: OIDCHTTPResponse) { rawDiscovery = response }
    func setKeys(_ keys: [JSON]) { self.keys = keys }
    func setRawToken(_ response: OIDCHTTPResponse) { tokenResponse = response }
    func issue(_ idToken: String) {
        tokenResponse = OIDCHTTPResponse(status: 200, body: JSON.object([
            "access_token": .string("at"), "token_type": .string("Bearer"), "expires_in": .number(3600), "id_token": .string(idToken),
        ]).data)
    }

    private func answer(_ request: OIDCHTTPRequest) async -> OIDCHTTPResponse {
        switch request.url.path {
        case "/.well-known/openid-configuration":
            return rawDiscovery ?? OIDCHTTPResponse(status: 200, body: JSON.object(discovery).data)
        case "/jwks":
            keyFetches += 1
            var published = keys ?? []
            if keys == nil, let main = try? await OIDCTestKeys.shared.rsaJWK(.main) { published = [main] }
            return OIDCHTTPResponse(status: 200, body: JSON.object(["keys": .array(published)]).data)
        case "/token":
            tokenRequests.append(request)
            return tokenResponse
        default:
            return OIDCHTTPResponse(status: 404, body: Data())
        }
    }
}
