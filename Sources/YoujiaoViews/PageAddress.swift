/// The address of the page being shown: its path and query, so that sort headers, page links
/// and download links change one parameter and keep every other filter.
public struct PageAddress: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    public var path: String
    public var query: [Item]

    public init(path: String, query: [Item] = []) {
        self.path = path
        self.query = query
    }

    /// From a path and the raw query string of a request (`a=1&b=x%20y`, `+` meaning a space).
    /// Pieces that do not decode are dropped rather than shown.
    public init(path: String, rawQuery: String?) {
        let items: [Item] = (rawQuery ?? "").split(separator: "&").compactMap { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), !name.isEmpty else { return nil }
            guard let value = parts.count > 1 ? Self.decode(parts[1]) : "" else { return nil }
            return Item(name, value)
        }
        self.init(path: path, query: items)
    }

    /// The first value of a query parameter.
    public func value(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The same address with `name` set to `value` (every earlier value replaced), or removed for nil.
    public func setting(_ name: String, to value: String?) -> PageAddress {
        var copy = self
        guard let index = copy.query.firstIndex(where: { $0.name == name }) else {
            if let value { copy.query.append(Item(name, value)) }
            return copy
        }
        copy.query.removeAll { $0.name == name }
        if let value { copy.query.insert(Item(name, value), at: index) }
        return copy
    }

    /// The same address with only the named parameters (a download keeps the scope, not the sort of another table).
    public func keeping(_ names: Set<String>) -> PageAddress { PageAddress(path: path, query: query.filter { names.contains($0.name) }) }

    /// The same query on another path (a download of the same filtered list).
    public func moving(to path: String) -> PageAddress { PageAddress(path: path, query: query) }

    /// Path and percent-encoded query, ready for an `href` (which the views escape for HTML).
    public var href: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    /// Everything but unreserved characters is encoded, including `+` and `&`, so no form
    /// decoder can misread a value.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0x0F)])"
            }
        }
        return out
    }

    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
