import Plot
import YoujiaoCore

extension ScenarioListPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .planning(.scenariosTitle) }

        public var content: Component {
            let t = chrome.language
            let choices = model.scenarios.map { ScenarioChoice(id: $0.id, name: $0.name) }
            return Node<HTML.BodyContext>.group(
                .component(LinkRow(links: [(.planning(.backToPlanning), "/planning")], language: t)),
                .component(TableWithDownloads(table: ScenarioListPage.table(model), address: address,
                                              downloadBase: "/planning/scenarios/download", language: t)),
                .if(!choices.isEmpty, .group(
                    .h2(.words(t(.planning(.compareTwo)))),
                    .component(CompareForm(choices: choices, a: nil, b: choices.first?.id, language: t)))),
                .h2(.words(t(.planning(.newScenario)))),
                .component(ScenarioFormView(model: model.form, csrfToken: chrome.csrfToken, language: t))
            )
        }
    }
}

/// Two scenarios to compare (the baseline is offered on both sides).
struct CompareForm: Component {
    var choices: [ScenarioChoice]
    var a: String?
    var b: String?
    var language: Language
    var body: Component {
        let t = language
        let options = [Choice(value: "baseline", label: .planning(.baseline))] + choices.map { Choice(value: $0.id, label: .verbatim($0.name)) }
        return Node<HTML.BodyContext>.form(
            .attr("method", "get"), .attr("action", "/planning/compare"), .class("filters"),
            .component(FormField(name: "a", label: .planningScenarioLetter(second: false), kind: .select(options),
                                 value: a ?? "baseline", language: t)),
            .component(FormField(name: "b", label: .planningScenarioLetter(second: true), kind: .select(options),
                                 value: b ?? "baseline", language: t)),
            .button(.attr("type", "submit"), .words(t(.planning(.compare)))))
    }
}
