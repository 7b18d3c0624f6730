import Crypto
import Foundation

/// The shared secret of one staff account's authenticator: random bytes, shown once as base32 in the
/// enrolment QR code and kept by the server to check codes.
public struct TOTPSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// 160 bits, the length RFC 4226 recommends for HMAC-SHA1.
    public static let generatedByteCount = 20
    /// RFC 4226 asks for at least 128 bits; 64 bytes is the SHA-1 block size, beyond which HMAC hashes the key.
    public static let acceptedByteCounts = 16...64

    public enum InvalidSecret: Error, Equatable, Sendable, CustomStringConvertible {
        case notBase32(Base32.DecodingError)
        case wrongLength(byteCount: Int)

        public var description: String {
            switch self {
            case let .notBase32(error): "TOTP secret: \(error)"
            case let .wrongLength(byteCount):
                "TOTP secret: \(byteCount) bytes, expected \(TOTPSecret.acceptedByteCounts.lowerBound)–\(TOTPSecret.acceptedByteCounts.upperBound)"
            }
        }
    }

    public let bytes: [UInt8]

    public init(bytes: [UInt8]) throws(InvalidSecret) {
        guard Self.acceptedByteCounts.contains(bytes.count) else { throw .wrongLength(byteCount: bytes.count) }
        self.bytes = bytes
    }

    public init(base32: String) throws(InvalidSecret) {
        let decoded: [UInt8]
        do { decoded = try Base32.decode(base32) } catch { throw .notBase32(error) }
        try self.init(bytes: decoded)
    }

    /// A new secret from the system's cryptographically secure generator (getrandom on Linux).
    public static func generate() -> TOTPSecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<generatedByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return TOTPSecret(checkedBytes: bytes)
    }

    private init(checkedBytes: [UInt8]) { bytes = checkedBytes }

    /// The form an authenticator app takes, and the form to store.
    public var base32: String { Base32.encode(bytes) }

    // A secret must never reach a log by string interpolation.
    public var description: String { "TOTPSecret(redacted)" }
    public var debugDescription: String { description }
}

/// Time-based one-time passwords (RFC 6238) over HMAC-SHA1, as every authenticator app computes them:
/// 30-second steps counted from the Unix epoch.
public struct TOTP: Sendable {
    public enum Digits: Int, Sendable, CaseIterable {
        case six = 6, seven = 7, eight = 8

        fileprivate var modulus: UInt32 {
            switch self {
            case .six: 1_000_000
            case .seven: 10_000_000
            case .eight: 100_000_000
            }
        }
    }

    public enum TimeOutOfRange: Error, Equatable, Sendable, CustomStringConvertible {
        case outsideYears1970To9999
        public var description: String { "TOTP: the time is not between 1970 and the end of year 9999" }
    }

    public static let stepSeconds: Int64 = 30
    /// 10000-01-01T00:00:00Z; a clock past it is broken, and refusing it keeps all arithmetic small.
    private static let endOfYear9999: Double = 253_402_300_800

    public let secret: TOTPSecret
    public let digits: Digits

    public init(secret: TOTPSecret, digits: Digits = .six) {
        self.secret = secret
        self.digits = digits
    }

    /// The number of 30-second steps since 1970 at `date`, or nil for a time before 1970, after year
    /// 9999 or not a number.
    public static func step(at date: Date) -> Int64? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= 0, seconds < endOfYear9999 else { return nil }
        return Int64(seconds) / stepSeconds
    }

    /// The code an authenticator app shows at `date`.
    public func code(at date: Date) throws(TimeOutOfRange) -> String {
        guard let step = Self.step(at: date) else { throw .outsideYears1970To9999 }
        return code(step: step)
    }

    /// The code of one time step (RFC 4226 HOTP with the step as counter).
    public func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret.bytes)))
        // Dynamic truncation: the low nibble of the last byte picks four bytes, top bit cleared.
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let value = String(truncated % digits.modulus)
        return String(repeating: "0", count: digits.rawValue - value.count) + value
    }

    /// Checks a code typed by a person against the steps just before, at and just after `date` (a phone
    /// clock a little off still works). A step at or before `lastUsedStep` is refused, so a code that was
    /// seen once cannot be replayed. Returns the matched step, which the caller stores as the new
    /// `lastUsedStep`; nil when the code is refused for any reason.
    ///
    /// The code must be exactly `digits` ASCII digits; only whitespace around it is trimmed.
    public func verify(code input: String, at date: Date, lastUsedStep: Int64?) -> Int64? {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let typed = Array(trimmed.utf8)
        guard typed.count == digits.rawValue,
              typed.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let current = Self.step(at: date)
        else { return nil }

        // Every candidate is computed and compared in full, so timing does not tell which step matched.
        var matched: Int64?
        for step in (current - 1)...(current + 1) where step >= 0 && step > (lastUsedStep ?? -1) {
            if Self.constantTimeEqual(Array(code(step: step).utf8), typed), matched == nil { matched = step }
        }
        return matched
    }

    /// The enrolment URI the QR code carries (Google Authenticator's key URI format):
    /// `otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`.
    public func otpauthURI(account: String, issuer: String) -> String {
        let label = Self.percentEncoded(issuer) + ":" + Self.percentEncoded(account)
        return "otpauth://totp/\(label)?secret=\(secret.base32)&issuer=\(Self.percentEncoded(issuer))"
            + "&algorithm=SHA1&digits=\(digits.rawValue)&period=\(Self.stepSeconds)"
    }

    /// Percent-encodes every UTF-8 byte except RFC 3986's unreserved characters, so a space is `%20`
    /// (never `+`) and a colon inside the issuer or account cannot be taken for the label's separator.
    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return output
    }

    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
