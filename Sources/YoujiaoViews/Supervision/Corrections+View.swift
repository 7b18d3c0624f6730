import Plot
import YoujiaoCore

extension CorrectionsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .supervision(.correctionsTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .component(filterForm),
                .p(.class("summary"), .words(t(.correctionsSummary(model.total)))),
                .if(model.total > 0, .component(DownloadLinks(for: address, csvPath: "/supervision/corrections.csv",
                                                              xlsxPath: "/supervision/corrections.xlsx", language: t))),
                .component(DataTable(CorrectionsPage.table(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
            )
        }

        /// The year, the level and (for the city) the district; a new filter keeps the sort.
        private var filterForm: FilterForm {
            let t = chrome.language
            var fields = [
                FormField(name: "year", label: .supervision(.schoolYear),
                          kind: .select(model.year.known.map { Choice(value: String($0), label: .schoolYearLabel($0)) }),
                          value: String(model.year.year), language: t),
                FormField(name: "level", label: .supervision(.level),
                          kind: .select([Choice(value: "", label: .supervision(.allLevels))]
                                        + IndicatorLevel.allCases.reversed().map { Choice(value: $0.rawValue, label: SupervisionFigures.level($0)) }),
                          value: model.filters.level?.rawValue ?? "", language: t),
            ]
            if !model.districtChoices.isEmpty {
                fields.append(FormField(name: "district", label: .supervision(.district),
                                        kind: .select([Choice(value: "", label: .supervision(.allDistricts))]
                                                      + model.districtChoices.map { Choice(value: $0.code, label: .verbatim($0.name)) }),
                                        value: model.filters.districtCode ?? "", language: t))
            }
            return FilterForm(action: "/supervision/corrections", fields: fields,
                              keptSort: address.value("sort") == nil ? nil : model.sort, language: t)
        }
    }
}
