import Plot

/// A choice in a select.
public struct Choice: Sendable, Hashable {
    public var value: String
    public var label: Phrase
    public init(value: String, label: Phrase) { self.value = value; self.label = label }
}

/// One labelled field of a form. It keeps the value the person typed when the form comes back
/// with an error, and its error sentence is tied to the input with `aria-describedby`.
public struct FormField: Component {
    public enum Kind: Sendable, Hashable {
        case text, password, number, date, email, tel, hidden
        case textarea(rows: Int)
        case select([Choice])
    }

    public var name: String
    public var label: Phrase
    public var kind: Kind
    public var value: String
    public var error: Phrase?
    public var hint: Phrase?
    public var isRequired: Bool
    /// The browser's autofill hint (`username`, `current-password`, `off`).
    public var autocomplete: String?
    /// The id of the input (the label's `for`, the target of an error summary's link); the
    /// field's name unless two fields of a page share a name.
    public var inputID: String
    public var language: Language

    public init(name: String, label: Phrase, kind: Kind = .text, value: String = "", error: Phrase? = nil, hint: Phrase? = nil,
                isRequired: Bool = false, autocomplete: String? = nil, id: String? = nil, language: Language) {
        self.name = name; self.label = label; self.kind = kind; self.value = value; self.error = error
        self.hint = hint; self.isRequired = isRequired; self.autocomplete = autocomplete; self.inputID = id ?? name
        self.language = language
    }

    public var body: Component {
        let t = language
        if kind == .hidden {
            return Node<HTML.BodyContext>.input(.attr("type", "hidden"), .attr("name", name), .attr("value", value))
        }
        let hintID = "\(inputID)-hint", errorID = "\(inputID)-error"
        let describedBy = [hint == nil ? nil : hintID, error == nil ? nil : errorID].compactMap { $0 }.joined(separator: " ")
        return Node<HTML.BodyContext>.div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.attr("for", inputID), .words(t(label)),
                   .if(isRequired, .span(.class("required"), .words(t == .zh ? "（\(t(.forms(.required)))）" : " (\(t(.forms(.required))))")))),
            .unwrap(hint) { .p(.id(hintID), .class("hint"), .words(t($0))) },
            .unwrap(error) { .p(.id(errorID), .class("field-error"), .words(t($0))) },
            control(describedBy: describedBy)
        )
    }

    private func control(describedBy: String) -> Node<HTML.BodyContext> {
        let t = language
        // (name, value); a nil value is a boolean attribute.
        var attributes: [(String, String?)] = [("id", inputID), ("name", name)]
        if !describedBy.isEmpty { attributes.append(("aria-describedby", describedBy)) }
        if error != nil { attributes.append(("aria-invalid", "true")) }
        if isRequired { attributes.append(("required", nil)) }
        if let autocomplete { attributes.append(("autocomplete", autocomplete)) }
        func nodes() -> [Node<HTML.BodyContext>] {
            attributes.map { name, value in value.map { .attr(name, $0) } ?? .attribute(named: name) }
        }
        switch kind {
        case .textarea(let rows):
            attributes.append(("rows", String(min(max(rows, 1), 40))))
            return .element(named: "textarea", nodes: nodes() + [.words(value)])
        case .select(let choices):
            let options: [Node<HTML.BodyContext>] = choices.map { choice in
                .element(named: "option", nodes: [.attr("value", choice.value), .flag("selected", choice.value == value), .words(t(choice.label))])
            }
            return .element(named: "select", nodes: nodes() + options)
        case .text, .password, .number, .date, .email, .tel, .hidden:
            let type: String
            switch kind {
            case .password: type = "password"
            case .number: type = "number"
            case .date: type = "date"
            case .email: type = "email"
            case .tel: type = "tel"
            default: type = "text"
            }
            attributes.insert(("type", type), at: 0)
            // A password is never sent back to the browser.
            if kind != .password { attributes.append(("value", value)) }
            let list: [Attribute<HTML.BodyContext>] = attributes.map { name, value in
                value.map { .attr(name, $0) } ?? .attribute(named: name, value: name)
            }
            return .selfClosedElement(named: "input", attributes: list)
        }
    }
}

/// A GET form of filters above a table: labelled fields side by side (one per line on phones)
/// and a submit button. Filtering starts again at page 1 but keeps the sort.
public struct FilterForm: Component {
    public var action: String
    public var fields: [FormField]
    public var keptSort: TableSort?
    public var language: Language

    public init(action: String, fields: [FormField], keptSort: TableSort? = nil, language: Language) {
        self.action = action; self.fields = fields; self.keptSort = keptSort; self.language = language
    }

    public var body: Component {
        let t = language
        return Node<HTML.BodyContext>.form(
            .attr("method", "get"), .attr("action", action), .class("filters"),
            .attr("aria-label", t(.tables(.filter))),
            .forEach(fields) { .component($0) },
            .unwrap(keptSort) { sort in
                .group(.input(.attr("type", "hidden"), .attr("name", "sort"), .attr("value", sort.key)),
                       .input(.attr("type", "hidden"), .attr("name", "dir"), .attr("value", sort.direction.rawValue)))
            },
            .button(.attr("type", "submit"), .words(t(.tables(.search))))
        )
    }
}
