import Plot

/// The step before an irreversible action (freeze, draw, publish, grant, hand-over): what will
/// happen with its counts, an optional required reason, a confirm button and a way back.
public struct ConfirmPanel: Component {
    public struct Count: Sendable, Hashable {
        public var label: Phrase
        public var value: Int
        public init(_ label: Phrase, _ value: Int) { self.label = label; self.value = value }
    }

    public var heading: Phrase
    /// Sentences saying what will happen, in order.
    public var consequences: [Phrase]
    public var counts: [Count]
    public var action: String
    public var csrfToken: String
    /// The reason field, when the step must say why (the value comes back after an error).
    public var reason: FormField?
    /// Other fields the step needs (the draw's beacon value and notary secret).
    public var fields: [FormField]
    public var confirmLabel: Phrase
    public var cancelHref: String
    public var language: Language

    public init(heading: Phrase, consequences: [Phrase], counts: [Count] = [], action: String, csrfToken: String,
                reason: FormField? = nil, fields: [FormField] = [], confirmLabel: Phrase = .forms(.confirm), cancelHref: String,
                language: Language) {
        self.heading = heading; self.consequences = consequences; self.counts = counts; self.action = action
        self.csrfToken = csrfToken; self.reason = reason; self.fields = fields; self.confirmLabel = confirmLabel; self.cancelHref = cancelHref
        self.language = language
    }

    /// A required reason textarea named `reason`.
    public static func reasonField(value: String = "", error: Phrase? = nil, language: Language) -> FormField {
        FormField(name: "reason", label: .forms(.reason), kind: .textarea(rows: 3), value: value, error: error,
                  hint: .forms(.reasonHint), isRequired: true, language: language)
    }

    public var body: Component {
        let t = language
        return Node<HTML.BodyContext>.section(
            .class("confirm-panel"), .attr("aria-labelledby", "confirm-heading"),
            .h2(.id("confirm-heading"), .words(t(heading))),
            .p(.words(t(.forms(.whatWillHappen)))),
            .ul(.forEach(consequences) { .li(.words(t($0))) }),
            .if(!counts.isEmpty, .dl(.class("facts counts"), .forEach(counts) { count in
                .group(.dt(.words(t(count.label))), .dd(.class("num"), .words(Format.number(count.value))))
            })),
            .p(.class("warning"), .words(t(.forms(.cannotBeUndone)))),
            .form(
                .attr("method", "post"), .attr("action", action),
                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", csrfToken)),
                .input(.attr("type", "hidden"), .attr("name", "confirmed"), .attr("value", "yes")),
                .forEach(fields) { .component($0) },
                .unwrap(reason) { .component($0) },
                .div(.class("actions"),
                     .button(.attr("type", "submit"), .class("danger"), .words(t(confirmLabel))),
                     .a(.attr("href", cancelHref), .class("cancel"), .words(t(.forms(.cancel)))))
            )
        )
    }
}
