import Plot
import YoujiaoCore

extension PlanningOverviewPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .planning(.overviewTitle) }

        public var content: Component {
            let t = chrome.language, years = model.projectedYears
            let tables = PlanningOverviewPage.tables(model)
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"),
                   .words(t(.planningSummary(baseYear: model.baseYear, firstYear: years.lowerBound, lastYear: years.upperBound, births: model.births))),
                   .text(" "), .words(t(.planning(.seatsRule))),
                   .unwrap(model.latestObservedYear) { .group(.text(" "), .words(t(.planningBaseYearNote(latest: $0, baseYear: model.baseYear)))) }),
                .component(ScenarioPicker(action: "/planning", choices: model.scenarios, selected: model.selectedScenario,
                                          years: years.count, language: t)),
                .component(LinkRow(links: [(.planning(.backtestLink), "/planning/backtest"), (.planning(.scenariosLink), "/planning/scenarios")],
                                   language: t)),
                .h2(.words(t(.planning(.findingsHeading)))),
                .component(TableWithDownloads(table: tables[0], address: address, downloadBase: "/planning/download", language: t)),
                .component(GapLegend(language: t)),
                .forEach(Array(model.stages.enumerated())) { index, stage in
                    .group(.h2(.words(t(.planningStageGapHeading(stage)))),
                           .component(TableWithDownloads(table: tables[2 + index], address: address, downloadBase: "/planning/download", language: t)))
                },
                .h2(.words(t(.planning(.seatGapsTable)))),
                .component(DownloadLinks(for: address, csvPath: "/planning/download/seat-gaps.csv",
                                         xlsxPath: "/planning/download/seat-gaps.xlsx", language: t))
            )
        }
    }
}
