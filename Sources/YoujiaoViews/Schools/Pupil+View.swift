import Plot

extension PupilPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        /// The pupil's own name, the same in both languages.
        public var title: Phrase { .verbatim(model.name) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .if(model.isRevealed, .p(.class("notice"), .id("full-number-shown"), .words(t(.schools(.fullNumberShown))))),
                .component(FactList(PupilPage.facts(model), language: t)),
                .unwrap(model.revealAction) { action in
                    .form(.attr("method", "post"), .attr("action", action), .class("inline"), .id("reveal"),
                          .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                          .button(.attr("type", "submit"), .words(t(.schools(.showFullNumber)))))
                },
                .unwrap(model.growthHref) { .p(.a(.id("growth-report-link"), .attr("href", $0), .words(t(.growth(.reportLink))))) }
            )
        }
    }
}
