import Plot
import YoujiaoCore

extension ScenarioComparisonPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .planning(.compareTitle) }

        public var content: Component {
            let t = chrome.language
            let tables = ScenarioComparisonPage.tables(model)
            return Node<HTML.BodyContext>.group(
                .component(CompareForm(choices: model.choices, a: model.a, b: model.b, language: t)),
                .p(.class("summary"), .words(t(.planningCompareSummary(a: model.nameA, aBirths: model.birthsA, b: model.nameB, bBirths: model.birthsB)))),
                .component(LinkRow(links: [(.planning(.allScenarios), "/planning/scenarios")], language: t)),
                .h2(.words(t(.planningTotalsHeading(lastYear: model.lastYear)))),
                .component(TableWithDownloads(table: tables[0], address: address, downloadBase: "/planning/compare/download", language: t)),
                .component(GapLegend(language: t)),
                .h2(.words(t(.planning(.districtByYear)))),
                .component(TableWithDownloads(table: tables[1], address: address, downloadBase: "/planning/compare/download", language: t))
            )
        }
    }
}
