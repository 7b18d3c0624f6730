import Plot
import YoujiaoCore

extension AidDecisionPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) {
            self.chrome = chrome; self.model = model
        }

        public var title: Phrase { .aid(.decisionTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .component(FactList(model.facts, language: t)),
                .unwrap(model.consequences, { consequences in .component(confirmation(consequences)) }, else: form),
                .p(.a(.attr("href", model.queueHref), .words(t(.aid(.backToQueue)))))
            )
        }

        private func confirmation(_ consequences: [Phrase]) -> ConfirmPanel {
            let t = chrome.language
            return ConfirmPanel(
                heading: .aid(.confirmHeading), consequences: consequences, action: model.action, csrfToken: chrome.csrfToken,
                fields: [FormField(name: "outcome", label: .aid(.decisionLegend), kind: .hidden, value: model.chosen, language: t),
                         FormField(name: "note", label: .aid(.note), kind: .hidden, value: model.note, language: t)],
                confirmLabel: .aid(.confirmDecision), cancelHref: model.queueHref, language: t)
        }

        /// Radio buttons (none checked unless the person chose one before an error) and the note.
        private var form: Node<HTML.BodyContext> {
            let t = chrome.language
            return .form(
                .attr("method", "post"), .attr("action", model.action), .class("decision"),
                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                .element(named: "fieldset", nodes: [
                    .class(model.outcomeError == nil ? "field choices" : "field choices has-error"),
                    .if(model.outcomeError != nil, .attr("aria-describedby", "outcome-error")),
                    .element(named: "legend", nodes: [.words(t(.aid(.decisionLegend)))]),
                    .unwrap(model.outcomeError) { .p(.id("outcome-error"), .class("field-error"), .words(t($0))) },
                    .forEach(Array(model.choices.enumerated())) { index, choice in
                        .div(.class("choice"),
                             .selfClosedElement(named: "input", attributes: [
                                 .attr("type", "radio"), .attr("name", "outcome"), .attr("id", "outcome-\(index)"), .attr("value", choice.value),
                                 .attribute(named: "required", value: "required"),
                             ] + (choice.value == model.chosen ? [.attribute(named: "checked", value: "checked")] : [])),
                             .label(.attr("for", "outcome-\(index)"), .words(t(choice.label))))
                    },
                ]),
                .component(FormField(name: "note", label: .aid(.note), kind: .textarea(rows: 3), value: model.note, error: model.noteError,
                                     hint: .aid(.noteHint), language: t)),
                .div(.class("actions"), .button(.attr("type", "submit"), .words(t(.aid(.next)))))
            )
        }
    }
}
