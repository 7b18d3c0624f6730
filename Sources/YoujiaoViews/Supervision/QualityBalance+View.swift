import Plot
import YoujiaoCore

extension QualityBalancePage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .balanceTitle(district: model.districtName, stage: model.stage) }

        public var content: Component {
            let t = chrome.language, year = model.year.year
            let district = "/supervision/districts/\(PageAddress.encode(model.districtCode))"
            let other: Stage = model.stage == .primary ? .junior : .primary
            let stageOnly = PageAddress(path: "\(district)/balance", query: [.init("year", String(year)), .init("stage", model.stage.rawValue)])
            return Node<HTML.BodyContext>.group(
                .component(SupervisionYearPicker(choice: model.year, address: address, language: t)),
                .component(SupervisionLinkLine(links: [(.verbatim("← " + model.districtName), "\(district)?year=\(year)"),
                                            (.balanceTitle(district: model.districtName, stage: other), "\(district)/balance?year=\(year)&stage=\(other.rawValue)")],
                                    language: t)),
                .p(.class("summary"), .words(t(.supervision(.balanceRules)))),
                .p(.class("verdict"), .component(DataTable.content(of: SupervisionFigures.verdictCell(model.verdict), language: t)), .text(" "),
                   .words(t(.balanceVerdict(passing: model.schoolsPassing, of: model.schools.count)))),
                .h2(.words(t(.supervision(.balanceSchoolsTable)))),
                .component(DownloadLinks(for: address, csvPath: "\(district)/balance.csv",
                                         xlsxPath: "\(district)/balance.xlsx", language: t)),
                .component(DataTable(QualityBalancePage.schoolTable(model), address: address, language: t)),
                .h2(.words(t(.supervision(.dispersionTable)))),
                .component(DownloadLinks(for: stageOnly.setting("table", to: "dispersion"), csvPath: "\(district)/balance.csv",
                                         xlsxPath: "\(district)/balance.xlsx", language: t)),
                .component(DataTable(QualityBalancePage.dispersionTable(model), address: address, language: t)),
                .if(!model.excluded.isEmpty, .group(
                    .h2(.words(t(.supervision(.excludedSchools)))),
                    .ul(.forEach(model.excluded) { school in
                        .li(.words(t == .zh ? "\(school.name)（\(school.id)）：\(t(school.reason))" : "\(school.name) (\(school.id)): \(t(school.reason))"))
                    })))
            )
        }
    }
}
