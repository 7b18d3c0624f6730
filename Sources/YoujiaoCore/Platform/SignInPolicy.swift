import Foundation

/// How sign-in attempts are slowed down. Every attempt is counted before its password is checked, so
/// parallel guesses cannot slip past the count; after the free attempts of a 15-minute window each
/// further one waits 30 s, 1, 2, 4 … minutes, at most 15 minutes. An account is counted by its name and,
/// separately, every client address; a browser that has signed in to the account before (a trusted
/// device) is not held back by the account's count, so a stranger's guesses cannot lock its owner out.
public enum SignInPolicy {
    public static let window: Double = 15 * 60
    public static let freeAttemptsPerAccount = 5
    public static let freeAttemptsPerAddress = 30
    public static let longestWait: Double = 15 * 60

    /// The counters' keys: an account name, a client address, an account's second factor.
    public static func accountKey(_ username: String) -> String { "account:" + username }
    public static func addressKey(_ address: String) -> String { "address:" + address }
    public static func secondFactorKey(_ username: String) -> String { "second-factor:" + username }

    /// Seconds to wait after the `attempt`-th attempt of a window, or 0.
    public static func wait(afterAttempt attempt: Int, freeAttempts: Int) -> Double {
        guard attempt >= freeAttempts else { return 0 }
        let doublings = min(attempt - freeAttempts, 20)
        return min(30 * Double(1 << doublings), longestWait)
    }

    /// Sessions end after 30 minutes without a request, and 8 hours after sign-in in any case.
    public static let sessionIdleLimit: Double = 30 * 60
    public static let sessionAbsoluteLimit: Double = 8 * 3600
    /// A session's last-seen time is written at most this often (reads should not write).
    public static let sessionTouchInterval: Double = 5 * 60
}
