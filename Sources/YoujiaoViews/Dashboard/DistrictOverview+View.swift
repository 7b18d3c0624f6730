import Plot
import YoujiaoCore

extension DistrictOverviewPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        /// The district's own name, the same in both languages.
        public var title: Phrase { .verbatim(model.name) }

        public var content: Component {
            let t = chrome.language
            let chart = BarChart(title: .districtPupilsChart(model.name), categories: Stage.allCases.map { t(.stage($0)) },
                                 series: [BarChart.Series(name: .dashboard(.pupils), colour: "#3c8dbc",
                                                          values: Stage.allCases.map { model.pupils[$0] ?? 0 })],
                                 language: t)
            let schools = PageAddress(path: "/schools", query: [.init("district", model.code)])
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.districtSummary(schools: model.schoolCount, pupils: model.totalPupils)))),
                .element(named: "figure", nodes: [.class("chart-box"), .component(chart)]),
                .component(DownloadLinks(csvHref: "\(model.path)/stages.csv", xlsxHref: "\(model.path)/stages.xlsx", language: t)),
                .component(DataTable(DistrictOverviewPage.table(model), address: PageAddress(path: model.path), language: t)),
                .ul(.class("link-list"),
                    .li(.a(.id("district-schools"), .attr("href", schools.href), .words(t(.allSchoolsOfDistrict(model.schoolCount))))),
                    .li(.a(.attr("href", "/planning/districts/\(PageAddress.encode(model.code))"), .words(t(.dashboard(.districtPlanning))))),
                    .li(.a(.attr("href", "/supervision/districts/\(PageAddress.encode(model.code))"), .words(t(.dashboard(.districtSupervision))))),
                    .li(.a(.id("rotation-link"), .attr("href", "/districts/\(PageAddress.encode(model.code))/rotation"), .words(t(.teachers(.rotationLink))))),
                    .li(.a(.id("teacher-reviews-link"), .attr("href", TeacherReviewsPage.href(model.code)), .words(t(.teacherReviews(.link))))),
                    .li(.a(.id("growth-link"), .attr("href", "/districts/\(PageAddress.encode(model.code))/growth"), .words(t(.growth(.schoolTitle))))),
                    .unwrap(model.homeVisitsHref) { .li(.a(.id("home-visits-link"), .attr("href", $0), .words(t(.homeVisits(.districtCaption))))) })
            )
        }
    }
}
