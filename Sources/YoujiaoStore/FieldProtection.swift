import Foundation
import Synchronization
import YoujiaoCore

/// The process's field keys (see `FieldKeyRing`). Rows are decoded by Codable, which has no way to
/// carry a key, so the ring is installed once when the database is opened, like the log system.
/// One process serves one database, so it holds one ring.
public enum FieldProtection {
    private static let installed = Mutex<FieldKeyRing?>(nil)

    public static func install(_ ring: FieldKeyRing) {
        installed.withLock { $0 = ring }
    }

    /// Installs `make()` unless a ring is already installed (tests share one generated ring).
    public static func installIfAbsent(_ make: () throws -> FieldKeyRing) rethrows {
        try installed.withLock { if $0 == nil { $0 = try make() } }
    }

    public static var ring: FieldKeyRing {
        get throws {
            guard let ring = installed.withLock({ $0 }) else { throw FieldKeyError.notConfigured }
            return ring
        }
    }

    public static func seal(_ plaintext: String) throws -> String { try ring.seal(plaintext) }
    public static func open(_ sealed: String) throws -> String { try ring.open(sealed) }
    public static func blindIndex(_ value: String) throws -> String { try ring.blindIndex(value) }

    // MARK: Where the keys come from

    /// Where `resolve` found the keys, for the start-up message.
    public enum Source: Sendable, Equatable {
        case environment
        case keyFile(path: String, created: Bool)
    }

    /// The keys for `target`: from `YOUJIAO_FIELD_KEYS` and `YOUJIAO_INDEX_KEY` when set (always so
    /// in production); otherwise, for an SQLite file only, from the key file beside it, made with
    /// fresh keys the first time (the demo). PostgreSQL without the variables is refused.
    public static func resolve(for target: DatabaseTarget,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (FieldKeyRing, Source) {
        let dataKeys = environment[FieldKeyRing.dataKeysVariable].flatMap { $0.isEmpty ? nil : $0 }
        let indexKey = environment[FieldKeyRing.indexKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
        switch (dataKeys, indexKey) {
        case let (data?, index?):
            return (try FieldKeyRing.parse(dataKeys: data, indexKey: index), .environment)
        case (_?, nil):
            throw FieldKeyError.malformed(variable: FieldKeyRing.indexKeyVariable, why: "it is not set, but \(FieldKeyRing.dataKeysVariable) is")
        case (nil, _?):
            throw FieldKeyError.malformed(variable: FieldKeyRing.dataKeysVariable, why: "it is not set, but \(FieldKeyRing.indexKeyVariable) is")
        case (nil, nil):
            guard case .sqlite(let path) = target else { throw FieldKeyError.notConfigured }
            let file = keyFilePath(forDatabase: path)
            if FileManager.default.fileExists(atPath: file) {
                return (try readKeyFile(file), .keyFile(path: file, created: false))
            }
            let ring = FieldKeyRing.generate()
            try writeKeyFile(ring, to: file)
            return (ring, .keyFile(path: file, created: true))
        }
    }

    public static func keyFilePath(forDatabase path: String) -> String { path + ".keys" }

    /// The key file: the two variables as `NAME=value` lines, readable by the owner only.
    public static func readKeyFile(_ path: String) throws -> FieldKeyRing {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FieldKeyError.malformed(variable: path, why: "the key file cannot be read")
        }
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard let data = values[FieldKeyRing.dataKeysVariable], let index = values[FieldKeyRing.indexKeyVariable] else {
            throw FieldKeyError.malformed(variable: path, why: "the key file lacks \(FieldKeyRing.dataKeysVariable) or \(FieldKeyRing.indexKeyVariable)")
        }
        return try FieldKeyRing.parse(dataKeys: data, indexKey: index)
    }

    public static func writeKeyFile(_ ring: FieldKeyRing, to path: String) throws {
        let text = ring.environmentForm.map { "\($0.variable)=\($0.value)\n" }.joined()
        let temporary = path + ".new"
        FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        guard FileManager.default.fileExists(atPath: temporary) else {
            throw FieldKeyError.malformed(variable: path, why: "the key file cannot be written")
        }
        guard rename(temporary, path) == 0 else {
            throw FieldKeyError.malformed(variable: path, why: "the key file cannot be written")
        }
    }
}

/// A text column stored sealed: rows hold the plain value in memory and the sealed one on disk.
@propertyWrapper
public struct Sealed: Codable, Sendable, Hashable {
    public var wrappedValue: String
    public init(wrappedValue: String) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws {
        wrappedValue = try FieldProtection.open(try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(try FieldProtection.seal(wrappedValue))
    }
}

/// `Sealed` for a column that may be NULL.
@propertyWrapper
public struct SealedOptional: Codable, Sendable, Hashable {
    public var wrappedValue: String?
    public init(wrappedValue: String?) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try FieldProtection.open(try container.decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(try FieldProtection.seal(wrappedValue)) } else { try container.encodeNil() }
    }
}
