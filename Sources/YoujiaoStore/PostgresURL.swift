import Foundation

/// DATABASE_URL for PostgreSQL over TCP, read strictly, in the form libpq and
/// `pg_autoctl show uri` print:
///
///     postgres://user[:password]@host[:port][,host[:port]…][/database][?sslmode=…&target_session_attrs=…]
///
/// Several hosts name the nodes of one formation (a primary and its standbys): the store sends
/// its queries to the first host, in the URL's order, that `target_session_attrs` accepts
/// (`PrimaryRouting`). A host without a port uses 5432. Errors never repeat the URL, which may
/// hold a password.
public struct PostgresURL: Sendable, Equatable {
    public struct Host: Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var port: Int
        public var description: String { name.contains(":") ? "[\(name)]:\(port)" : "\(name):\(port)" }
    }

    /// libpq's `target_session_attrs`, the values that make sense for a platform that writes.
    public enum SessionAttributes: String, Sendable, Equatable {
        /// The first host that accepts a connection (libpq's default).
        case any
        /// The first host whose sessions may write (`SHOW transaction_read_only` is `off`).
        case readWrite = "read-write"
    }

    public var username: String
    public var password: String?
    public var hosts: [Host]
    public var database: String?
    public var sessionAttributes: SessionAttributes
    /// `sslmode` (or PostgresKit's aliases `tlsmode`, `ssl`, `tls`) as written; nil means PostgresKit's default, `prefer`.
    public var tlsMode: String?
    /// The URL as written, with the password replaced by `***`.
    public let redacted: String

    static let schemes: Set<String> = ["postgres", "postgresql", "postgres+tcp", "postgresql+tcp"]
    /// The modes PostgresKit knows (its own names and libpq's).
    static let tlsModes: Set<String> = ["disable", "false", "allow", "prefer", "true", "require", "verify-ca", "verify-full"]

    /// The socket forms (`postgres+uds://…`) are PostgresKit's own, not libpq's; they pass through unchanged.
    public static func isUnixSocket(_ text: String) -> Bool {
        text.hasPrefix("postgres+uds:") || text.hasPrefix("postgresql+uds:")
    }

    public init(_ text: String) throws(PostgresURLError) {
        guard let schemeEnd = text.range(of: "://") else { throw .init("it does not start with postgres://") }
        let scheme = String(text[..<schemeEnd.lowerBound])
        guard Self.schemes.contains(scheme) else {
            throw .init("the scheme \(Self.shown(scheme)) is not postgres:// or postgresql://")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        guard !rest.contains("#") else { throw .init("a fragment (#…) has no meaning in it (write a # in a password as %23)") }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") { query = rest[rest.index(after: mark)...]; rest = rest[..<mark] }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") { path = rest[slash...]; rest = rest[..<slash] }

        // The last @ ends the user part: a password may hold an @ that was not percent-encoded.
        guard let at = rest.lastIndex(of: "@") else { throw .init("it names no user (postgres://USER@HOST/DATABASE)") }
        let userInfo = rest[..<at], hostList = rest[rest.index(after: at)...]
        let userPart = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let user = String(userPart[0]).removingPercentEncoding, !user.isEmpty else {
            throw .init("the user name is empty or not valid percent-encoding")
        }
        username = user
        if userPart.count == 2 {
            guard let decoded = String(userPart[1]).removingPercentEncoding else { throw .init("the password is not valid percent-encoding") }
            password = decoded
        } else {
            password = nil
        }

        hosts = []
        let entries = hostList.split(separator: ",", omittingEmptySubsequences: false)
        for (number, entry) in entries.enumerated() {
            hosts.append(try Self.host(entry, number: number + 1, of: entries.count))
        }

        switch path {
        case "", "/": database = nil
        default:
            let name = path.dropFirst()
            guard !name.contains("/"), let decoded = String(name).removingPercentEncoding, !decoded.isEmpty else {
                throw .init("the path after the hosts is not /DATABASE (one segment)")
            }
            database = decoded
        }

        sessionAttributes = .any
        tlsMode = nil
        for item in query.split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pair[0].lowercased()
            guard pair.count == 2, let value = String(pair[1]).removingPercentEncoding, !value.isEmpty else {
                throw .init("the parameter \(Self.shown(name)) has no value")
            }
            switch name {
            case "sslmode", "tlsmode", "ssl", "tls":
                guard Self.tlsModes.contains(value) else {
                    throw .init("\(name)=\(Self.shown(value)) is not one of \(Self.tlsModes.sorted().joined(separator: ", "))")
                }
                tlsMode = value
            case "target_session_attrs":
                switch value {
                case "any": sessionAttributes = .any
                case "read-write", "primary": sessionAttributes = .readWrite
                default: throw .init("target_session_attrs=\(Self.shown(value)) is not read-write, primary or any (the platform writes)")
                }
            default:
                throw .init("the parameter \(Self.shown(name)) is not supported (sslmode and target_session_attrs are)")
            }
        }

        let shownUser = String(userPart[0])
        redacted = scheme + "://" + shownUser + (password == nil ? "" : ":***") + "@" + hostList + path + (query.isEmpty ? "" : "?" + query)
    }

    /// Text of the URL quoted in a message only when it is short and plainly not a secret's piece:
    /// an unencoded `@`, `/` or `?` in a password shifts the parts, and the message must not show it.
    static func shown(_ text: some StringProtocol) -> String {
        text.count <= 40 && text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            ? "“\(text)”" : "(not shown)"
    }

    /// One `host[:port]` of the list; an IPv6 address is written in brackets (`[::1]:5432`).
    private static func host(_ entry: Substring, number: Int, of count: Int) throws(PostgresURLError) -> Host {
        let which = count == 1 ? "the host" : "host \(number) of \(count)"
        let name: Substring, portText: Substring?
        if entry.hasPrefix("[") {
            guard let close = entry.firstIndex(of: "]") else { throw .init("\(which): “[” without “]”") }
            name = entry[entry.index(after: entry.startIndex)..<close]
            guard !name.isEmpty, name.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw .init("\(which): \(Self.shown(name)) is not an IPv6 address")
            }
            let after = entry[entry.index(after: close)...]
            if after.isEmpty { portText = nil }
            else if after.hasPrefix(":") { portText = after.dropFirst() }
            else { throw .init("\(which): \(Self.shown(after)) after the IPv6 address is not :PORT") }
        } else {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw .init("\(which) has more than one “:” (write an IPv6 address in brackets)") }
            name = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
            guard !name.isEmpty else { throw .init("\(which) is empty") }
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }) else {
                throw .init("\(which): \(Self.shown(name)) is not a host name or address")
            }
        }
        var port = 5432
        if let portText {
            // At most five ASCII digits before converting: a long number must not overflow an Int.
            guard (1...5).contains(portText.count), portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(portText), (1...65535).contains(value) else {
                throw .init("\(which) (\(name)): the port \(Self.shown(portText)) is not a number from 1 to 65535")
            }
            port = value
        }
        return Host(name: String(name), port: port)
    }
}

/// Why DATABASE_URL was refused; it never holds the URL itself.
public struct PostgresURLError: Error, Equatable, CustomStringConvertible {
    public let reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { "DATABASE_URL is not a usable PostgreSQL URL: \(reason)" }
}
