import Crypto
import Foundation

/// The audit trail as a hash chain: each event carries the SHA-256 of the one before it together
/// with its own fields, so a changed or deleted event breaks every hash after it. The head hash,
/// written down outside the database from time to time, also shows a cut-off tail.
public enum AuditChain {
    /// The hash before the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// One event as the chain sees it, in the order of `seq`.
    public struct Link: Sendable, Equatable {
        public var seq: Int
        public var fields: [String]
        public var previousHash: String
        public var rowHash: String
        public init(seq: Int, fields: [String], previousHash: String, rowHash: String) {
            self.seq = seq; self.fields = fields; self.previousHash = previousHash; self.rowHash = rowHash
        }
    }

    /// SHA-256 (hex) of the previous hash, the sequence number and the fields, each length-prefixed
    /// so that no two different events can be spelt the same.
    public static func hash(previous: String, seq: Int, fields: [String]) -> String {
        var hasher = SHA256()
        for part in [previous, String(seq)] + fields {
            let bytes = Array(part.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return Hex.lowercase(hasher.finalize())
    }

    public enum Break: Error, Equatable, Sendable, CustomStringConvertible {
        /// An event's fields no longer give its hash: it was changed.
        case changed(seq: Int)
        /// The sequence skips or the link to the previous event does not match: events were removed or reordered.
        case missing(afterSeq: Int)

        public var description: String {
            switch self {
            case .changed(let seq): return "event \(seq) was changed after it was written"
            case .missing(let seq): return "events after \(seq) are missing or out of order"
            }
        }
    }

    /// Checks links in `seq` order, continuing from `previous` (the last verified hash and seq).
    /// Returns the head: the last seq and hash.
    public static func verify<S: Sequence>(_ links: S, from previous: (seq: Int, hash: String) = (0, genesis)) throws(Break) -> (seq: Int, hash: String)
    where S.Element == Link {
        var head = previous
        for link in links {
            guard link.seq == head.seq + 1, link.previousHash == head.hash else { throw .missing(afterSeq: head.seq) }
            guard hash(previous: link.previousHash, seq: link.seq, fields: link.fields) == link.rowHash else { throw .changed(seq: link.seq) }
            head = (link.seq, link.rowHash)
        }
        return head
    }
}
