import Crypto
import Foundation

/// The keys that protect the most sensitive fields at rest (ID numbers, disability details, the
/// agencies' eligibility lists, second-factor secrets).
///
/// - A field is sealed with AES-256-GCM under the *current* data key and stored as
///   `v1.<key id>.<base64 of nonce, ciphertext and tag>`. Older keys stay in the ring to open what
///   they sealed until `youjiao keys rotate` has re-sealed everything under the current key.
/// - Look-ups by ID number use a *blind index*: HMAC-SHA256 of the number under a separate key, so
///   equal numbers find each other (unique keys, joins) without the database seeing the number.
public struct FieldKeyRing: Sendable {
    public struct DataKey: Sendable {
        public let id: String
        let key: SymmetricKey
        public init(id: String, key: SymmetricKey) { self.id = id; self.key = key }
    }

    public let current: DataKey
    let older: [String: SymmetricKey]
    let indexKey: SymmetricKey
    /// HMAC with the index key already mixed in: each blind index copies it instead of setting the
    /// key up again (millions of times in a full-city load).
    private let indexMAC: HMAC<SHA256>

    /// The environment variables that carry the keys.
    public static let dataKeysVariable = "YOUJIAO_FIELD_KEYS"
    public static let indexKeyVariable = "YOUJIAO_INDEX_KEY"

    public init(dataKeys: [DataKey], indexKey: SymmetricKey) throws {
        guard let current = dataKeys.first else { throw FieldKeyError.noDataKey }
        var older: [String: SymmetricKey] = [:]
        for key in dataKeys.dropFirst() {
            guard key.id != current.id, older[key.id] == nil else { throw FieldKeyError.duplicateKeyID(key.id) }
            older[key.id] = key.key
        }
        self.current = current; self.older = older; self.indexKey = indexKey
        indexMAC = HMAC<SHA256>(key: indexKey)
    }

    /// A ring with fresh random keys: the demo's and the tests'.
    public static func generate(keyID: String = FieldKeyRing.newKeyID()) -> FieldKeyRing {
        // Cannot throw: one key, so no duplicate id.
        try! FieldKeyRing(dataKeys: [DataKey(id: keyID, key: SymmetricKey(size: .bits256))], indexKey: SymmetricKey(size: .bits256))
    }

    /// A key id from the date and a random suffix, e.g. `20261206a1b2`.
    public static func newKeyID(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX"); formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd"
        let suffix = (0..<4).map { _ in String("0123456789abcdef".randomElement()!) }.joined()
        return formatter.string(from: now) + suffix
    }

    // MARK: The environment form

    /// Reads `YOUJIAO_FIELD_KEYS` (`id:base64,id:base64,…`, the first is current) and
    /// `YOUJIAO_INDEX_KEY` (base64). Errors name the variable, never the value.
    public static func parse(dataKeys: String, indexKey: String) throws -> FieldKeyRing {
        var keys: [DataKey] = []
        for entry in dataKeys.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
            guard parts.count == 2, isValidKeyID(String(parts[0])) else {
                throw FieldKeyError.malformed(variable: dataKeysVariable, why: "each entry is KEY-ID:BASE64 (key id: 1–32 letters, digits or -)")
            }
            keys.append(DataKey(id: String(parts[0]), key: try key(String(parts[1]), variable: dataKeysVariable)))
        }
        return try FieldKeyRing(dataKeys: keys, indexKey: try key(indexKey, variable: indexKeyVariable))
    }

    /// Both variables, as `parse` reads them: what the demo's key file holds.
    public var environmentForm: [(variable: String, value: String)] {
        let data = ([current.id] + older.keys.sorted()).map { id in
            "\(id):\(Self.base64(id == current.id ? current.key : older[id]!))"
        }.joined(separator: ",")
        return [(Self.dataKeysVariable, data), (Self.indexKeyVariable, Self.base64(indexKey))]
    }

    /// This ring with `key` as the new current key, the old current kept for opening.
    public func adding(_ key: DataKey) throws -> FieldKeyRing {
        let all = [key, current] + older.keys.sorted().map { DataKey(id: $0, key: older[$0]!) }
        return try FieldKeyRing(dataKeys: all, indexKey: indexKey)
    }

    public static func isValidKeyID(_ id: String) -> Bool {
        (1...32).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private static func key(_ text: String, variable: String) throws -> SymmetricKey {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespaces)), data.count == 32 else {
            throw FieldKeyError.malformed(variable: variable, why: "a key is 32 bytes in base64 (44 characters)")
        }
        return SymmetricKey(data: data)
    }

    private static func base64(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    // MARK: Sealing

    static let version = "v1"

    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: current.key)
        guard let combined = box.combined else { throw FieldKeyError.unreadable }
        return "\(Self.version).\(current.id).\(combined.base64EncodedString())"
    }

    public func open(_ sealed: String) throws -> String {
        let parts = sealed.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.version else { throw FieldKeyError.notSealed }
        let id = String(parts[1])
        guard let key = id == current.id ? current.key : older[id] else { throw FieldKeyError.unknownKey(id) }
        guard let combined = Data(base64Encoded: String(parts[2])),
              let box = try? AES.GCM.SealedBox(combined: combined),
              let plain = try? AES.GCM.open(box, using: key),
              let text = String(data: plain, encoding: .utf8) else { throw FieldKeyError.unreadable }
        return text
    }

    /// Whether `sealed` is already under the current key (rotation skips it).
    public func isSealedUnderCurrentKey(_ sealed: String) -> Bool {
        sealed.hasPrefix("\(Self.version).\(current.id).")
    }

    /// The blind index of a value: 64 hex digits.
    public func blindIndex(_ value: String) -> String {
        var mac = indexMAC
        mac.update(data: Array(value.utf8))
        return Hex.lowercase(mac.finalize())
    }
}

public enum FieldKeyError: Error, Equatable, CustomStringConvertible {
    case noDataKey
    case duplicateKeyID(String)
    case malformed(variable: String, why: String)
    case notSealed
    case unknownKey(String)
    case unreadable
    case notConfigured

    public var description: String {
        switch self {
        case .noDataKey: return "\(FieldKeyRing.dataKeysVariable) names no key"
        case .duplicateKeyID(let id): return "\(FieldKeyRing.dataKeysVariable) names key \(id) twice"
        case .malformed(let variable, let why): return "\(variable) is malformed: \(why)"
        case .notSealed: return "a protected field holds a value that is not sealed (was the database changed behind the app?)"
        case .unknownKey(let id): return "a protected field is sealed with key \(id), which the configured keys do not hold"
        case .unreadable: return "a protected field does not open with its key (changed or damaged)"
        case .notConfigured:
            return "no field keys: set \(FieldKeyRing.dataKeysVariable) and \(FieldKeyRing.indexKeyVariable) (youjiao keys generate prints a new pair)"
        }
    }
}
