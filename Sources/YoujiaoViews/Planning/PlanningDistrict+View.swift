import Plot
import YoujiaoCore

extension PlanningDistrictPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .planningDistrictTitle(model.districtName) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(model.districtName + (t == .zh ? "：" : ": ") + t(model.births))),
                .component(ScenarioPicker(action: model.path, choices: model.scenarios, selected: model.selectedScenario,
                                          years: model.years, language: t)),
                .component(LinkRow(links: [(.planning(.backToCity), PageAddress(path: "/planning", query: address.query).href)], language: t)),
                .forEach(model.stages) { stage in
                    let chart = PlanningDistrictPage.chart(model, stage)
                    return .group(.h2(.words(t(.stage(stage)))),
                                  .element(named: "figure", nodes: [.class("chart-box"),
                                                                    .component(LineChart(title: chart.title, lines: chart.lines, bands: chart.bands, language: t))]))
                },
                .h2(.words(t(.planning(.yearByYear)))),
                .component(TableWithDownloads(table: PlanningDistrictPage.table(model), address: address,
                                              downloadBase: "\(model.path)/download", language: t))
            )
        }
    }
}
