import Plot
import YoujiaoCore

extension CityIndicatorsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .supervision(.cityTitle) }

        public var content: Component {
            let t = chrome.language, year = "?year=\(model.year.year)"
            let colours: [IndicatorStatus: String] = [.met: "#2e7d4f", .notMet: "#b3261e", .noData: "#8a939c"]
            let chart = BarChart(title: .supervision(.statusChart), categories: model.districts.map(\.name),
                                 series: IndicatorStatus.allCases.map { status in
                                     BarChart.Series(name: SupervisionFigures.status(status), colour: colours[status] ?? "#8a939c",
                                                     values: CityIndicatorsPage.statusCounts(model, status))
                                 }, language: t)
            let summary = Phrase.citySupervisionSummary(year: model.year.year, schools: model.schools, districts: model.districts.count,
                                                        met: model.cityStatuses.count { $0 == .met }, notMet: model.cityStatuses.count { $0 == .notMet },
                                                        noData: model.cityStatuses.count { $0 == .noData })
            return Node<HTML.BodyContext>.group(
                .component(SupervisionYearPicker(choice: model.year, address: address, language: t)),
                .p(.class("summary"), .words(supervisionSentences(t, summary, .supervision(.sourcesNote)))),
                .element(named: "figure", nodes: [.class("chart-box"), .component(chart)]),
                .component(SupervisionLinkLine(links: [(.supervision(.correctionList), "/supervision/corrections\(year)")], language: t)),
                .nav(.attr("aria-label", t(.supervision(.districts))), .class("related"),
                     .ul(.class("inline-list"), .forEach(model.districts) { district in
                         .li(.a(.attr("href", "/supervision/districts/\(PageAddress.encode(district.code))\(year)"), .words(district.name)))
                     })),
                .component(SupervisionStatusLegend(language: t)),
                .component(DownloadLinks(for: address, csvPath: "/supervision/dashboard.csv", xlsxPath: "/supervision/dashboard.xlsx", language: t)),
                .component(DataTable(CityIndicatorsPage.table(model), address: address, language: t))
            )
        }
    }
}
