import Plot
import YoujiaoCore

extension CityOverviewPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .dashboard(.cityTitle) }

        public var content: Component {
            let t = chrome.language
            let chart = BarChart(
                title: .dashboard(.pupilsByDistrictChart), categories: model.districts.map(\.name),
                series: Stage.allCases.map { stage in
                    BarChart.Series(name: .stage(stage), colour: CityOverviewPage.stageColours[stage] ?? "#3c8dbc",
                                    values: model.districts.map { $0.pupils[stage] ?? 0 })
                },
                language: t)
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.citySummary(districts: model.districts.count, pupils: model.totalPupils)))),
                .element(named: "figure", nodes: [.class("chart-box"), .component(chart)]),
                .component(DownloadLinks(for: address, csvPath: "/dashboard.csv", xlsxPath: "/dashboard.xlsx", language: t)),
                .component(DataTable(CityOverviewPage.table(model), address: address, language: t))
            )
        }
    }
}
