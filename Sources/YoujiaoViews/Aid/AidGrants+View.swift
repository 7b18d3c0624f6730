import Plot
import YoujiaoCore

extension AidGrantsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .aid(.grantsTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.aidSchoolSummary(school: model.schoolName, year: model.year,
                                                                  pupils: model.paidPupils, yuan: model.paidYuan)))),
                .p(.class("summary privacy"), .words(t(.aid(.grantsPrivacy)))),
                .if(model.total > 0, .component(DownloadLinks(for: address, csvPath: "/aid/grants.csv", xlsxPath: "/aid/grants.xlsx", language: t))),
                .component(DataTable(AidGrantsPage.table(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
            )
        }
    }
}
