import Foundation
import Testing
@testable import YoujiaoCore

@Suite("TOTP (RFC 6238) over HMAC-SHA1")
struct TOTPTests {
    /// The ASCII key of RFC 4226 appendix D and RFC 6238 appendix B (SHA-1 rows).
    static let rfcSecret = try! TOTPSecret(bytes: Array("12345678901234567890".utf8))

    /// RFC 6238 appendix B, SHA-1: Unix time and the 8-digit code.
    static let rfc6238Vectors: [(seconds: Double, code: String)] = [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ]

    @Test func matchesTheRFC6238SHA1VectorsWithEightDigits() throws {
        let totp = TOTP(secret: Self.rfcSecret, digits: .eight)
        for vector in Self.rfc6238Vectors {
            #expect(try totp.code(at: Date(timeIntervalSince1970: vector.seconds)) == vector.code, "t = \(vector.seconds)")
        }
    }

    @Test func sixDigitCodesAreTheLastSixOfTheSameValue() throws {
        let totp = TOTP(secret: Self.rfcSecret)
        for vector in Self.rfc6238Vectors {
            #expect(try totp.code(at: Date(timeIntervalSince1970: vector.seconds)) == String(vector.code.suffix(6)))
        }
    }

    @Test func matchesTheRFC4226HOTPVectorsByStep() {
        let expected = ["755224", "287082", "359152", "969429", "338314",
                        "254676", "287922", "162583", "399871", "520489"]
        let totp = TOTP(secret: Self.rfcSecret)
        #expect((0..<10).map { totp.code(step: Int64($0)) } == expected)
    }

    @Test func stepsAreThirtySecondsFromTheEpoch() {
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 0)) == 0)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 29.999)) == 0)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 30)) == 1)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 1_111_111_109)) == 37_037_036)
    }

    @Test func timesBefore1970AfterYear9999OrNotANumberAreRefusedWithoutTrapping() {
        let totp = TOTP(secret: Self.rfcSecret)
        let absurd: [Double] = [-0.5, -1, -1e300, 253_402_300_800, 1e300, .infinity, -.infinity, .nan, .greatestFiniteMagnitude]
        for seconds in absurd {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(TOTP.step(at: date) == nil, "\(seconds)")
            #expect(throws: TOTP.TimeOutOfRange.outsideYears1970To9999) { try totp.code(at: date) }
            #expect(totp.verify(code: "123456", at: date, lastUsedStep: nil) == nil)
        }
        // The last second of year 9999 still works, and so does its +1 step.
        let lastSecond = Date(timeIntervalSince1970: 253_402_300_799)
        let code = totp.code(step: TOTP.step(at: lastSecond)! + 1)
        #expect(totp.verify(code: code, at: lastSecond, lastUsedStep: nil) == TOTP.step(at: lastSecond)! + 1)
    }

    @Test func acceptsTheCurrentStepAndOneStepEitherSide() throws {
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 1_700_000_015)
        let current = try #require(TOTP.step(at: now))
        for offset: Int64 in [-1, 0, 1] {
            #expect(totp.verify(code: totp.code(step: current + offset), at: now, lastUsedStep: nil) == current + offset)
        }
        for offset: Int64 in [-3, -2, 2, 3] {
            #expect(totp.verify(code: totp.code(step: current + offset), at: now, lastUsedStep: nil) == nil)
        }
    }

    @Test func aCodeAlreadyUsedOrOlderIsRefused() throws {
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 1_700_000_015)
        let current = try #require(TOTP.step(at: now))
        let code = totp.code(step: current)
        let used = try #require(totp.verify(code: code, at: now, lastUsedStep: nil))
        #expect(totp.verify(code: code, at: now, lastUsedStep: used) == nil)
        #expect(totp.verify(code: code, at: now.addingTimeInterval(20), lastUsedStep: used) == nil)
        // After the current step was used, last step's code (still in the window) is refused too…
        #expect(totp.verify(code: totp.code(step: current - 1), at: now, lastUsedStep: current) == nil)
        // …while the next step's code is accepted.
        #expect(totp.verify(code: totp.code(step: current + 1), at: now, lastUsedStep: current) == current + 1)
        // A last-used step from the future (clock set back) refuses everything up to it.
        #expect(totp.verify(code: code, at: now, lastUsedStep: current + 5) == nil)
    }

    @Test func atTheEpochThereIsNoStepBeforeZero() {
        let totp = TOTP(secret: Self.rfcSecret)
        let epoch = Date(timeIntervalSince1970: 0)
        #expect(totp.verify(code: totp.code(step: 0), at: epoch, lastUsedStep: nil) == 0)
        #expect(totp.verify(code: totp.code(step: 1), at: epoch, lastUsedStep: nil) == 1)
        #expect(totp.verify(code: totp.code(step: -1), at: epoch, lastUsedStep: nil) == nil)
    }

    @Test func onlyExactlySixASCIIDigitsAreAccepted() throws {
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 59)  // step 1: code 287082
        #expect(totp.verify(code: "287082", at: now, lastUsedStep: nil) == 1)
        #expect(totp.verify(code: "  287082\n", at: now, lastUsedStep: nil) == 1)
        #expect(totp.verify(code: "\u{3000}287082", at: now, lastUsedStep: nil) == 1)  // ideographic space
        let refused = [
            "", "28708", "2870820", "94287082", "287 082", "287-082", "28708２",
            "２８７０８２",  // full-width digits
            "٢٨٧٠٨٢",  // Arabic-Indic digits
            "+28708", "-28708", "0x1234", "28708a", "287082\u{0}", "2870８2",
        ]
        for code in refused {
            #expect(totp.verify(code: code, at: now, lastUsedStep: nil) == nil, "\(code.debugDescription)")
        }
        let eight = TOTP(secret: Self.rfcSecret, digits: .eight)
        #expect(eight.verify(code: "94287082", at: now, lastUsedStep: nil) == 1)
        #expect(eight.verify(code: "287082", at: now, lastUsedStep: nil) == nil)
    }

    @Test func generatedSecretsAreTwentyFreshBytes() throws {
        let secrets = (0..<20).map { _ in TOTPSecret.generate() }
        #expect(secrets.allSatisfy { $0.bytes.count == 20 })
        #expect(Set(secrets.map(\.base32)).count == 20)
        // Across 400 random bytes every bit position is set somewhere and clear somewhere.
        let all = secrets.flatMap(\.bytes)
        #expect(all.reduce(0, |) == 0xFF)
        #expect(all.reduce(0xFF, &) == 0)
        let secret = secrets[0]
        #expect(secret.base32.count == 32)
        #expect(try TOTPSecret(base32: secret.base32) == secret)
    }

    @Test func secretsReadFromBase32AsPeopleTypeThem() throws {
        let secret = try TOTPSecret(base32: "gezd gnbv gy3t qojq gezd gnbv gy3t qojq")
        #expect(secret == Self.rfcSecret)
        #expect(secret.base32 == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    }

    @Test func malformedSecretsAreRefusedWithAReason() {
        #expect(throws: TOTPSecret.InvalidSecret.notBase32(.invalidCharacter("1", position: 0))) {
            try TOTPSecret(base32: "1EZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        }
        #expect(throws: TOTPSecret.InvalidSecret.wrongLength(byteCount: 10)) { try TOTPSecret(base32: "GEZDGNBVGY3TQOJQ") }
        #expect(throws: TOTPSecret.InvalidSecret.wrongLength(byteCount: 0)) { try TOTPSecret(base32: "") }
        #expect(throws: TOTPSecret.InvalidSecret.wrongLength(byteCount: 15)) { try TOTPSecret(bytes: Array(repeating: 1, count: 15)) }
        #expect(throws: TOTPSecret.InvalidSecret.wrongLength(byteCount: 65)) { try TOTPSecret(bytes: Array(repeating: 1, count: 65)) }
        #expect(throws: Never.self) { try TOTPSecret(bytes: Array(repeating: 1, count: 16)) }
        #expect(throws: Never.self) { try TOTPSecret(bytes: Array(repeating: 1, count: 64)) }
    }

    @Test func aSecretNeverPrintsItsBytes() {
        let secret = Self.rfcSecret
        #expect("\(secret)" == "TOTPSecret(redacted)")
        #expect(String(reflecting: secret) == "TOTPSecret(redacted)")
        #expect(!"\(TOTP(secret: secret))".contains("GEZDGNBV"))
    }

    @Test func otpauthURIPercentEncodesTheChineseIssuerAndTheAccount() throws {
        let totp = TOTP(secret: Self.rfcSecret)
        let uri = totp.otpauthURI(account: "zhang.wei", issuer: "优教 Youjiao")
        #expect(uri == "otpauth://totp/%E4%BC%98%E6%95%99%20Youjiao:zhang.wei"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E4%BC%98%E6%95%99%20Youjiao"
            + "&algorithm=SHA1&digits=6&period=30")

        // A URL parser reads every part back unchanged.
        let odd = "li na+1&x=y:z/优"
        let components = try #require(URLComponents(string: totp.otpauthURI(account: odd, issuer: "优教 Youjiao")))
        #expect(components.scheme == "otpauth")
        #expect(components.host == "totp")
        #expect(components.path == "/优教 Youjiao:" + odd)
        let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(query == ["secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "issuer": "优教 Youjiao",
                          "algorithm": "SHA1", "digits": "6", "period": "30"])
        #expect(components.percentEncodedPath.contains("%3A") && components.percentEncodedPath.contains("%2F"))
    }

    @Test func otpauthURIStatesTheDigitCount() {
        #expect(TOTP(secret: Self.rfcSecret, digits: .eight).otpauthURI(account: "a", issuer: "b").hasSuffix("&digits=8&period=30"))
    }
}
