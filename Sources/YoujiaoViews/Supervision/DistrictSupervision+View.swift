import Plot
import YoujiaoCore

extension DistrictSupervisionPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .supervisionTitle(model.districtName) }

        public var content: Component {
            let t = chrome.language, year = model.year.year
            let base = "/supervision/districts/\(PageAddress.encode(model.districtCode))"
            let statuses = model.statuses
            let summary = Phrase.districtSupervisionSummary(year: year, schools: model.schools.count, met: statuses.count { $0 == .met },
                                                            notMet: statuses.count { $0 == .notMet }, noData: statuses.count { $0 == .noData })
            let yearOnly = PageAddress(path: base, query: [.init("year", String(year))])
            return Node<HTML.BodyContext>.group(
                .component(SupervisionYearPicker(choice: model.year, address: address, language: t)),
                .p(.class("summary"), .words(supervisionSentences(t, summary, .supervision(.clickAFigure)))),
                .component(SupervisionLinkLine(links: [
                    (.balanceTitle(district: model.districtName, stage: .primary), "\(base)/balance?year=\(year)&stage=primary"),
                    (.balanceTitle(district: model.districtName, stage: .junior), "\(base)/balance?year=\(year)&stage=junior"),
                    (.supervision(.correctionList), "/supervision/corrections?year=\(year)&district=\(PageAddress.encode(model.districtCode))"),
                ], language: t)),
                .h2(.words(t(.supervision(.districtFigures)))),
                .component(SupervisionStatusLegend(language: t)),
                .component(DownloadLinks(for: yearOnly, csvPath: "\(base)/results.csv", xlsxPath: "\(base)/results.xlsx", language: t)),
                .component(DataTable(DistrictSupervisionPage.indicatorTable(model), address: address, language: t)),
                .h2(.words(t(.supervision(.schoolsOfDistrict)))),
                .component(DownloadLinks(for: address, csvPath: "\(base)/schools.csv", xlsxPath: "\(base)/schools.xlsx", language: t)),
                .component(DataTable(DistrictSupervisionPage.schoolTable(model), address: address, language: t))
            )
        }
    }
}
