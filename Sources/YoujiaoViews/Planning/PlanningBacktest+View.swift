import Plot
import YoujiaoCore

extension PlanningBacktestPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .planning(.backtestTitle) }

        public var content: Component {
            let t = chrome.language
            let tables = PlanningBacktestPage.tables(model)
            let births = model.trendBirths ? "trend" : "constant"
            let other = PageAddress(path: "/planning/backtest",
                                    query: [.init("holdout", String(model.holdout)), .init("births", model.trendBirths ? "constant" : "trend")])
            let form = Node<HTML.BodyContext>.form(
                .attr("method", "get"), .attr("action", "/planning/backtest"), .class("filters"),
                .component(FormField(name: "holdout", label: .planning(.holdout), kind: .number, value: String(model.holdout), language: t)),
                .component(FormField(name: "births", label: .planning(.birthsAssumption),
                                     kind: .select([Choice(value: "trend", label: .planning(.birthsTrend)),
                                                    Choice(value: "constant", label: .planning(.birthsHeld))]),
                                     value: births, language: t)),
                .button(.attr("type", "submit"), .words(t(.planning(.run)))))
            func section(_ heading: Phrase, _ table: TableModel) -> Node<HTML.BodyContext> {
                .group(.h2(.words(t(heading))),
                       .component(TableWithDownloads(table: table, address: address, downloadBase: "/planning/backtest/download", language: t)))
            }
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.planningBacktestSummary(origin: model.origin, holdout: model.holdout, trend: model.trendBirths)))),
                form,
                .component(LinkRow(links: [(.planning(.backToPlanning), "/planning"), (.planning(.otherBirths), other.href)], language: t)),
                section(.planning(.byHorizon), tables[0]),
                .p(.class("summary"), .words(t(.planning(.referenceNote)))),
                section(.planning(.byGroup), tables[1]),
                section(.planning(.byCell), tables[2])
            )
        }
    }
}
