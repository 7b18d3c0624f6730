import Plot
import YoujiaoCore

extension ScenarioPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .planningScenarioTitle(model.name) }

        public var content: Component {
            let t = chrome.language
            let city = PageAddress(path: "/planning", query: model.cityQuery)
            let compare = PageAddress(path: "/planning/compare", query: [.init("a", "baseline"), .init("b", model.id)])
            return Node<HTML.BodyContext>.group(
                .component(FactList([.init(.planning(.scope), .phrase(model.scope)), .init(.planning(.births), .phrase(model.births)),
                                     .init(.planning(.horizonYears), .number(model.horizon)), .init(.planning(.owner), .text(model.owner)),
                                     .init(.planning(.updated), .phrase(model.updated))], language: t)),
                .component(LinkRow(links: [(.planning(.allScenarios), "/planning/scenarios"), (.planning(.compareWithBaseline), compare.href),
                                           (.planning(.openInCityTable), city.href)], language: t)),
                .h2(.words(t(.planning(.findingsHeading)))),
                .component(DataTable(PlanningTables.findings(model.gaps, stages: model.stages, lastYear: model.projectedYears.upperBound),
                                     address: address, language: t)),
                .component(GapLegend(language: t)),
                .forEach(model.stages) { stage in
                    .group(.h3(.words(t(.planningStageGapHeading(stage)))),
                           .component(DataTable(PlanningTables.stageTable(model.gaps, stage: stage, years: model.projectedYears,
                                                                          sort: PlanningTables.defaultStageSort) { code in
                               PageAddress(path: "/planning/districts/\(PageAddress.encode(code))", query: model.cityQuery).href
                           }.unsortable, address: address, language: t)))
                },
                .h2(.words(t(.planning(.editScenario)))),
                .component(ScenarioFormView(model: model.form, csrfToken: chrome.csrfToken, language: t)),
                .p(.a(.attr("href", "\(model.path)/delete"), .id("delete-scenario"), .class("button danger"),
                      .words(t(.planning(.deleteScenario)))))
            )
        }
    }
}

extension TableModel {
    /// The same table without sortable headers: shown where the page offers no sort of it (the
    /// city table, linked from here, sorts and downloads it).
    var unsortable: TableModel {
        var table = self
        table.columns = columns.map { var column = $0; column.isSortable = false; return column }
        table.sort = nil
        return table
    }
}
