import Plot

/// Plot 0.14 writes attribute values verbatim and leaves entity-like text such as "&lt;" alone.
/// Every view therefore writes text with `.words(_:)` and attributes with `.attr(_:_:)`, which
/// escape exactly once, so a value shows as it was typed and can never close its quote.
public enum HTMLEscaping {
    /// Text between tags: `&`, `<` and `>`.
    public static func text(_ text: String) -> String { escape(text, quotes: false) }

    /// An attribute value (or any text, for pages still written as strings): quotes too.
    public static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    /// Byte by byte (UTF-8 never hides these ASCII bytes inside a character), and most text,
    /// having none of them, is returned as it is: walking characters was 3% of a page's CPU.
    private static func escape(_ input: String, quotes: Bool) -> String {
        func needsEscaping(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
            default: false
            }
        }
        guard input.utf8.contains(where: needsEscaping) else { return input }
        var out: [UInt8] = []
        out.reserveCapacity(input.utf8.count + 16)
        for byte in input.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: out += Array("&quot;".utf8)
            case UInt8(ascii: "'") where quotes: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Node {
    /// Text shown exactly as given.
    static func words(_ text: String) -> Node { .raw(HTMLEscaping.text(text)) }

    /// An attribute with its value escaped; an empty value is written as the bare name.
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: false)
    }

    /// A boolean attribute (`required`, `selected`, `open`) when `isOn`.
    static func flag(_ name: String, _ isOn: Bool = true) -> Node {
        isOn ? .attribute(named: name) : .group([])
    }
}

extension Attribute {
    /// An attribute with its value escaped, for elements that take only attributes (`input`, `meta`).
    static func attr(_ name: String, _ value: String) -> Attribute {
        .attribute(named: name, value: HTMLEscaping.attribute(value))
    }
}
