import Plot
import YoujiaoCore

extension SchoolDirectoryPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        /// The request's address: sort headers, page links and downloads keep its filters.
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .schools(.directoryTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .component(filterForm),
                .p(.class("summary"), .words(t(.schoolsFound(model.total)))),
                .if(!model.schools.isEmpty,
                    .component(DownloadLinks(for: address, csvPath: "/schools.csv", xlsxPath: "/schools.xlsx", language: t))),
                .component(DataTable(SchoolDirectoryPage.table(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
            )
        }

        private var filterForm: FilterForm {
            let t = chrome.language, filters = model.filters
            // District staff see only their own district, so "all districts" would say nothing more.
            let allDistricts = model.districtChoices.count > 1 ? [Choice(value: "", label: .schools(.allDistricts))] : []
            let fields = [
                FormField(name: "q", label: .schools(.searchNameOrID), value: filters.text, hint: .schools(.searchHint), language: t),
                FormField(name: "district", label: .schools(.district),
                          kind: .select(allDistricts + model.districtChoices.map { Choice(value: $0.code, label: .verbatim($0.name)) }),
                          value: filters.districtCode ?? "", language: t),
                FormField(name: "stage", label: .schools(.stage),
                          kind: .select([Choice(value: "", label: .schools(.allStages))]
                                        + Stage.allCases.map { Choice(value: $0.rawValue, label: .stage($0)) }),
                          value: filters.stage?.rawValue ?? "", language: t),
                FormField(name: "ownership", label: .schools(.ownership),
                          kind: .select([Choice(value: "", label: .schools(.allOwnerships))]
                                        + Ownership.allCases.map { Choice(value: $0.rawValue, label: .ownership($0)) }),
                          value: filters.ownership?.rawValue ?? "", language: t),
            ]
            // A sort the visitor chose survives a new search; the default needs no parameter.
            return FilterForm(action: "/schools", fields: fields, keptSort: address.value("sort") == nil ? nil : model.sort, language: t)
        }
    }
}
