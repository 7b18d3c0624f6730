import Plot
import YoujiaoCore

extension SchoolSupervisionPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .supervisionTitle(model.schoolName) }

        public var content: Component {
            let t = chrome.language, year = model.year.year
            let yearOnly = PageAddress(path: model.base, query: [.init("year", String(year))])
            let facts = [FactList.Fact(.supervision(.schoolID), .text(model.schoolID)),
                         FactList.Fact(.supervision(.district), model.districtHref.map { .link(model.districtName, href: $0) } ?? .text(model.districtName)),
                         FactList.Fact(.supervision(.stages), .phrase(.list(model.stages.map(Phrase.stage)))),
                         FactList.Fact(.schools(.ownership), .phrase(.ownership(model.ownership))),
                         FactList.Fact(.supervision(.registryPage), .link(t(.supervision(.registryPage)), href: "/schools/\(PageAddress.encode(model.schoolID))"))]
            let reportHref = "\(model.base)/report?year=\(year)"
            return Node<HTML.BodyContext>.group(
                .component(SupervisionYearPicker(choice: model.year, address: address, language: t)),
                .component(FactList(facts, language: t)),
                .h2(.words(t(.supervision(.indicators)))),
                .component(SupervisionStatusLegend(language: t)),
                .component(DownloadLinks(for: yearOnly, csvPath: "\(model.base)/results.csv", xlsxPath: "\(model.base)/results.xlsx", language: t)),
                .component(DataTable(SchoolSupervisionPage.indicatorTable(model), address: address, language: t)),
                .h2(.words(t(.supervision(.registryCounts)))),
                .component(DataTable(SchoolSupervisionPage.countsTable(model), address: address, language: t)),
                .component(DataTable(SchoolSupervisionPage.teacherTable(model), address: address, language: t)),
                .h2(.words(t(.schoolReportHeading(year)))),
                .if(model.mayEditReport, .p(.a(.attr("id", "edit-report"), .attr("href", reportHref),
                                               .words(t(model.report == nil ? .supervision(.submitReport) : .supervision(.editReport)))))),
                .unwrap(model.report, { report in
                    .group(.component(FactList(report.map { FactList.Fact($0.label, .phrase($0.value ?? .supervision(.notReported))) }, language: t)),
                           .if(!model.timetable.isEmpty, .component(DataTable(SchoolSupervisionPage.timetableTable(model), address: address, language: t))))
                }, else: .p(.class("empty-state"), .words(t(.supervision(.noReportYet)))))
            )
        }
    }
}
