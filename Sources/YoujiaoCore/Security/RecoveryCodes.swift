import Crypto
import Foundation

/// One-time recovery codes for a staff member who has lost the authenticator: shown once at enrolment
/// (to print or write down), stored only as hashes, each good for one sign-in.
public enum RecoveryCodes {
    public static let count = 10
    /// Characters per half of `xxxx-xxxx`.
    public static let groupLength = 4
    /// Lower-case letters and digits without the look-alikes 0/o, 1/l/i: read off paper without doubt.
    public static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    /// The codes to show once, and the hashes to store, in the same order.
    public struct Batch: Sendable {
        public let codes: [String]
        public let hashes: [String]
    }

    /// Ten distinct codes from the system's cryptographically secure generator.
    public static func generate() -> Batch {
        var generator = SystemRandomNumberGenerator()
        var normalisedCodes: [String] = []
        while normalisedCodes.count < count {
            let code = String((0..<(2 * groupLength)).map { _ in alphabet.randomElement(using: &generator)! })
            if !normalisedCodes.contains(code) { normalisedCodes.append(code) }
        }
        return Batch(
            codes: normalisedCodes.map { "\($0.prefix(groupLength))-\($0.suffix(groupLength))" },
            hashes: normalisedCodes.map(hashHex))
    }

    /// The stored form of a code: SHA-256 in lower-case hex of the normalised code; nil when `input`
    /// cannot be a recovery code at all.
    public static func hash(_ input: String) -> String? {
        normalised(input).map(hashHex)
    }

    /// The index in `storedHashes` of the hash `input` matches, for the caller to delete (a code works
    /// once); nil when none does. Every stored hash is compared in full, in constant time, so timing
    /// tells nothing about how close a guess came.
    public static func match(_ input: String, storedHashes: [String]) -> Int? {
        guard let candidate = hash(input) else { return nil }
        let candidateBytes = Array(candidate.utf8)
        var found: Int?
        for (index, stored) in storedHashes.enumerated() {
            if TOTP.constantTimeEqual(candidateBytes, Array(stored.utf8)), found == nil { found = index }
        }
        return found
    }

    /// Lower case, without spaces or hyphens (people type codes with and without them); nil unless
    /// what is left is exactly 8 characters of the alphabet.
    static func normalised(_ input: String) -> String? {
        let kept = input.lowercased().filter { !$0.isWhitespace && $0 != "-" }
        guard kept.count == 2 * groupLength, kept.allSatisfy(alphabet.contains) else { return nil }
        return kept
    }

    private static func hashHex(_ normalisedCode: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(normalisedCode.utf8)))
    }
}
