import Foundation

/// The reverse proxies in front of the server (`YOUJIAO_TRUSTED_PROXIES`). Behind a proxy every
/// connection comes from the proxy, so the client's own address is read from `X-Forwarded-For`:
/// the right-most entry that is not one of these proxies. Entries further left were written by the
/// client itself and prove nothing. Without proxies configured the header is ignored entirely.
public struct TrustedProxies: Sendable, Equatable {
    public static let variable = "YOUJIAO_TRUSTED_PROXIES"
    /// More forwarded entries than this are not read: no real chain of proxies is that long.
    static let maximumEntries = 32

    public let addresses: Set<String>

    public init(_ addresses: Set<String> = []) { self.addresses = addresses }

    /// Comma-separated IPv4 or IPv6 addresses; empty or unset: none.
    public static func parse(_ text: String?) throws -> TrustedProxies {
        let entries = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for entry in entries where !isIPAddress(entry) {
            throw TrustedProxiesError(entry: String(entry.prefix(60)))
        }
        return TrustedProxies(Set(entries.map { $0.lowercased() }))
    }

    /// The client's address: the connection's, unless that is a trusted proxy.
    public func clientAddress(connection: String?, forwardedFor headers: [String]) -> String? {
        guard let connection, addresses.contains(connection.lowercased()) else { return connection }
        let entries = headers.flatMap { $0.split(separator: ",") }.suffix(Self.maximumEntries)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for entry in entries.reversed() where !addresses.contains(entry) {
            return Self.isIPAddress(entry) ? entry : connection
        }
        return connection
    }

    static func isIPAddress(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } && UInt8($0) != nil }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard (2...39).contains(text.count), text.allSatisfy({ ($0.isASCII && $0.isHexDigit) || $0 == ":" }) else { return false }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ $0.count <= 4 }) else { return false }
        switch text.components(separatedBy: "::").count - 1 {
        case 0: return groups.count == 8 && groups.allSatisfy { !$0.isEmpty }
        case 1: return groups.count <= 9
        default: return false
        }
    }
}

public struct TrustedProxiesError: Error, CustomStringConvertible {
    public var entry: String
    public var description: String { "\(TrustedProxies.variable): '\(entry)' is not an IP address" }
}
