import Crypto
import Foundation
import NIOPosix
import Vapor

/// Account passwords: bcrypt (cost 12) of the password's SHA-256, so every byte counts — bcrypt
/// alone reads only the first 72 bytes, and a 30-character Chinese password is 90. Hashing runs on a
/// thread of its own: a burst of sign-ins must not hold up the database pool that every page uses.
public enum Passwords {
    /// Marks a stored hash of the pre-hashed password; older hashes (raw bcrypt) still verify.
    static let prehashedPrefix = "sha256$"
    /// Longer input is refused before any hashing (a sign-in form is no place for a megabyte).
    public static let maximumBytes = 1_024

    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        // The lowest CPU priority (nice 19) for this one thread (on Linux, PRIO_PROCESS with 0 sets the
        // calling thread's): on a busy machine pages are served first and a sign-in waits a little
        // longer, rather than every page waiting for bcrypt.
        pool.submit { _ in _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19) }
        return pool
    }()

    public static func hash(_ password: String, cost: Int = 12) throws -> String {
        prehashedPrefix + (try Bcrypt.hash(prehash(password), cost: cost))
    }

    public static func verify(_ password: String, storedHash: String) throws -> Bool {
        guard password.utf8.count <= maximumBytes else { return false }
        if storedHash.hasPrefix(prehashedPrefix) {
            return try Bcrypt.verify(prehash(password), created: String(storedHash.dropFirst(prehashedPrefix.count)))
        }
        // An account that signs in only through the identity provider stores no password hash.
        guard storedHash.hasPrefix("$2") else { return false }
        return try Bcrypt.verify(password, created: storedHash)
    }

    /// `hash` on the hashing thread, so bcrypt never holds up the event loops.
    static func hashOffPool(_ password: String) async throws -> String {
        try await pool.runIfActive { try hash(password) }
    }

    /// `verify` on the hashing thread.
    static func verifyOffPool(_ password: String, storedHash: String) async throws -> Bool {
        try await pool.runIfActive { try verify(password, storedHash: storedHash) }
    }

    /// Base64 of SHA-256: 44 ASCII bytes, inside bcrypt's 72, with no zero byte to cut it short.
    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    /// A random password of 16 letters and digits, for accounts created by the operator.
    public static func random() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
