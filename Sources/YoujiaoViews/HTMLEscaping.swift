import Plot

/// Plot 0.14 writes attribute values verbatim and leaves entity-like text such as "&lt;" alone.
/// Every view therefore writes text with `.words(_:)` and attributes with `.attr(_:_:)`, which
/// escape exactly once, so a value shows as it was typed and can never close its quote.
public enum HTMLEscaping {
    /// Text between tags: `&`, `<` and `>`.
    public static func text(_ text: String) -> String { escape(text, quotes: false) }

    /// An attribute value (or any text, for pages still written as strings): quotes too.
    public static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    private static func escape(_ input: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(input.utf8.count)
        for character in input {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.append(character)
            }
        }
        return out
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
