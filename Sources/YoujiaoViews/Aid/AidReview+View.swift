import Plot
import YoujiaoCore

extension AidReviewPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .aid(.reviewTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.aid(.reviewIntro)))),
                .component(filterForm),
                .p(.class("summary"), .words(t(.aidReviewCount(model.total)))),
                .if(model.total > 0, .component(DownloadLinks(for: address, csvPath: "/aid/review.csv", xlsxPath: "/aid/review.xlsx", language: t))),
                .component(DataTable(AidReviewPage.table(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
            )
        }

        /// Year, status, reason, list and, where there is a choice, district and school; a new filter keeps the sort.
        private var filterForm: FilterForm {
            let t = chrome.language
            let filters = model.filters
            var fields = [
                FormField(name: "year", label: .aid(.schoolYear),
                          kind: .select(model.years.map { Choice(value: String($0), label: .schoolYearLabel($0)) }),
                          value: String(model.year), language: t),
                FormField(name: "status", label: .aid(.status),
                          kind: .select([Choice(value: Filters.allStatuses, label: .aid(.allStatuses))]
                                        + AidReviewStatusWord.allCases.map { Choice(value: $0.rawValue, label: .aidStatus($0)) }),
                          value: filters.status?.rawValue ?? Filters.allStatuses, language: t),
                FormField(name: "reason", label: .aid(.reason),
                          kind: .select([Choice(value: "", label: .aid(.allReasons))]
                                        + AidReviewReason.allCases.map { Choice(value: $0.rawValue, label: .aidReason($0)) }),
                          value: filters.reason?.rawValue ?? "", language: t),
                FormField(name: "list", label: .aid(.list),
                          kind: .select([Choice(value: "", label: .aid(.allLists))]
                                        + EligibilityList.allCases.map { Choice(value: $0.rawValue, label: .aidList($0)) }),
                          value: filters.list?.rawValue ?? "", language: t),
            ]
            if !model.districtChoices.isEmpty {
                fields.append(FormField(name: "district", label: .aid(.district),
                                        kind: .select([Choice(value: "", label: .aid(.allDistricts))] + model.districtChoices),
                                        value: filters.districtCode ?? "", language: t))
            }
            if model.schoolChoices.count > 1 || filters.schoolID != nil {
                fields.append(FormField(name: "school", label: .aid(.school),
                                        kind: .select([Choice(value: "", label: .aid(.allSchools))] + model.schoolChoices),
                                        value: filters.schoolID ?? "", language: t))
            }
            return FilterForm(action: "/aid/review", fields: fields, keptSort: address.value("sort") == nil ? nil : model.sort, language: t)
        }
    }
}
