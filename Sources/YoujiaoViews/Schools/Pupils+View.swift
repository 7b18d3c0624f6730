import Plot

extension PupilsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        /// The request's address: sort headers, page links and downloads keep its filters.
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .pupilListTitle(model.schoolName) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.class("back"), .a(.attr("href", model.schoolHref), .words(t(.schools(.backToSchool))))),
                .component(filterForm),
                .p(.class("summary"), .words(t(.pupilListSummary(model.total)))),
                .if(!model.pupils.isEmpty,
                    .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t))),
                .component(DataTable(PupilsPage.table(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
            )
        }

        private var filterForm: FilterForm {
            let t = chrome.language
            let grades = [Choice(value: "", label: .schools(.allGrades))]
                + model.gradeChoices.map { Choice(value: $0.rawValue, label: .grade($0)) }
            let fields = [
                FormField(name: "name", label: .schools(.searchPupilName), value: model.filters.name, autocomplete: "off", language: t),
                FormField(name: "grade", label: .schools(.grade), kind: .select(grades), value: model.filters.grade?.rawValue ?? "", language: t),
            ]
            // A sort the visitor chose survives a new search; the default needs no parameter.
            return FilterForm(action: model.href, fields: fields, keptSort: address.value("sort") == nil ? nil : model.sort, language: t)
        }
    }
}
