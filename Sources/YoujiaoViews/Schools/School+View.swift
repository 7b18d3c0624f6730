import Plot

extension SchoolPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) {
            self.chrome = chrome; self.model = model
        }

        /// The school's own name, the same in both languages.
        public var title: Phrase { .verbatim(model.name) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .component(FactList(SchoolPage.facts(model), language: t)),
                .if(model.mayListPupils, .p(.class("actions"), .a(.attr("href", model.pupilListHref), .words(t(.schools(.pupilList)))), .text(" "),
                                            .a(.id("teachers-link"), .attr("href", model.href + "/teachers"), .words(t(.teachers(.listLink)))), .text(" "),
                                            .a(.id("growth-link"), .attr("href", model.href + "/growth"), .words(t(.growth(.link)))),
                                            .unwrap(model.homeVisitsHref) { .group(.text(" "), .a(.id("home-visits-link"), .attr("href", $0), .words(t(.homeVisits(.nav))))) })),
                .if(!model.admissionLists.isEmpty, .section(
                    .class("admission-lists"), .attr("aria-labelledby", "admission-heading"),
                    .h2(.id("admission-heading"), .words(t(.schools(.admissionLists)))),
                    .ul(.forEach(model.admissionLists) { list in
                        .li(.a(.attr("href", list.href), .attribute(named: "download"), .words(t(list.campaign))))
                    })
                )),
                // The table's caption names it; it has no sortable column, so the address only completes the call.
                .component(DataTable(SchoolPage.gradeTable(model), address: PageAddress(path: model.href), language: t))
            )
        }
    }
}
