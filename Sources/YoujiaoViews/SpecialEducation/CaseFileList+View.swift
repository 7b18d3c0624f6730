import Plot
import YoujiaoCore

extension CaseFileListPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        /// The request's address: sort headers, page links and downloads keep its filters.
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .specialEducation(.listTitle) }

        public var content: Component {
            let t = chrome.language
            let scope = model.scopeName.map(Phrase.verbatim) ?? .specialEducation(.wholeCity)
            return Node<HTML.BodyContext>.group(
                .if(model.mayOpenFiles, .p(.class("links"), .a(.attr("href", "/special-education/new"), .words(t(.specialEducation(.newFile)))))),
                .unwrap(model.figures) { figures in
                    .group(
                        .h2(.words(t(.caseMonitoringOf(t(scope))))),
                        .component(MonitoringFigures(figures: figures, language: t)),
                        .p(.class("downloads"), .a(.attr("href", model.monitoringHref), .class("download"),
                                                   .words(t(.specialEducation(.monitoringCSV)))))
                    )
                },
                .if(!model.figureRows.isEmpty, .group(
                    .h2(.words(t(model.figuresByDistrict ? .specialEducation(.byDistrict) : .specialEducation(.bySchool)))),
                    .if(model.figuresByDistrict, .component(enrollmentChart)),
                    .component(downloads("figures")),
                    .component(DataTable(CaseFileListPage.figuresTable(model), address: address, language: t))
                )),
                .unwrap(model.unplaced) { rows in
                    .group(.h2(.id("unplaced"), .words(t(.caseCount(.specialEducation(.unplacedHeading), rows.count)))),
                           shortList(rows, table: CaseFileListPage.unplacedTable))
                },
                .unwrap(model.overdue) { rows in
                    .group(.h2(.id("overdue"), .words(t(.caseCount(.specialEducation(.overdueHeading), rows.count)))),
                           shortList(rows, table: CaseFileListPage.overdueTable))
                },
                .unwrap(model.files) { _ in
                    .section(
                        .id("case-files"),
                        .h2(.id("files"), .words(t(.caseCount(.specialEducation(.filesHeading), model.total)))),
                        .component(filterForm),
                        .if(model.total > 0, .component(DownloadLinks(for: address, csvPath: "/special-education/download/files.csv",
                                                                      xlsxPath: "/special-education/download/files.xlsx", language: t))),
                        .component(DataTable(CaseFileListPage.filesTable(model), address: address, language: t)),
                        .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
                    )
                }
            )
        }

        /// The page's scope (district, school) on a table's download routes.
        private func downloads(_ table: String) -> DownloadLinks {
            DownloadLinks(for: address.keeping(["district", "school"]), csvPath: "/special-education/download/\(table).csv",
                          xlsxPath: "/special-education/download/\(table).xlsx", language: chrome.language)
        }

        /// A list the district works through: the first `shortListLength` rows here, all of them in the download.
        private func shortList(_ rows: [FileRow], table: ([FileRow]) -> TableModel) -> Node<HTML.BodyContext> {
            let t = chrome.language
            let shown = Array(rows.prefix(CaseFileListPage.shortListLength))
            let model = table(rows)
            return .group(
                .if(rows.count > shown.count, .p(.class("summary"), .words(t(.specialEducation(.firstRowsOf(shown: shown.count, total: rows.count)))))),
                .if(!rows.isEmpty, .component(downloads(model.id))),
                .component(DataTable(table(shown), address: address, language: t))
            )
        }

        private var enrollmentChart: Component {
            let rows = model.figureRows
            return Node<HTML.BodyContext>.element(named: "figure", nodes: [.component(BarChart(
                title: .specialEducation(.chartTitle), categories: rows.map { chrome.language($0.name) },
                series: [BarChart.Series(name: .specialEducation(.enrolled), colour: "#00a65a", values: rows.map(\.figures.schoolAgeEnrolled)),
                         BarChart.Series(name: .specialEducation(.notEnrolled), colour: "#c0392b",
                                         values: rows.map { max(0, $0.figures.schoolAge - $0.figures.schoolAgeEnrolled) })],
                language: chrome.language))])
        }

        private var filterForm: FilterForm {
            let t = chrome.language
            let stages = [Choice(value: "", label: .specialEducation(.allStages))] + Stage.caseStages.map { Choice(value: $0.rawValue, label: .stage($0)) }
            let placements = [Choice(value: "", label: .specialEducation(.allPlacements))]
                + PlacementKind.allCases.map { Choice(value: $0.rawValue, label: .placementKind($0)) }
                + [Choice(value: "none", label: .specialEducation(.withoutPlacementChoice))]
            let fields = [
                FormField(name: "name", label: .specialEducation(.searchName), value: model.filters.name, autocomplete: "off", language: t),
                FormField(name: "stage", label: .specialEducation(.stage), kind: .select(stages), value: model.filters.stage?.rawValue ?? "", language: t),
                FormField(name: "placement", label: .specialEducation(.placement), kind: .select(placements),
                          value: model.filters.placement?.value ?? "", language: t),
            ]
            return FilterForm(action: CaseFileListPage.path + "#files", fields: fields,
                              keptSort: address.value("sort") == nil ? nil : model.sort, language: t)
        }
    }
}

/// The monitoring figures of a scope as a list of facts.
struct MonitoringFigures: Component {
    var figures: SpecialEducationMonitoring.Figures
    var language: Language

    var body: Component {
        let t = language, f = figures
        let rate = f.enrollmentRate.flatMap { Format.decimal($0, digits: 1) }.map { $0 + "%" } ?? "—"
        let visitRate = f.visitRate.flatMap { Format.decimal($0, digits: 0) }.map { $0 + "%" } ?? "—"
        let placements = Phrase(zh: PlacementKind.allCases.map { "\($0.labelZH) \(f.byPlacement[$0] ?? 0)" }.joined(separator: "，"),
                                en: PlacementKind.allCases.map { "\(Phrase.placementKind($0).en) \(f.byPlacement[$0] ?? 0)" }.joined(separator: ", "))
        func fact(_ term: Catalogue.SpecialEducation, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.words(t(.specialEducation(term)))), .dd(value))
        }
        return Node<HTML.BodyContext>.dl(
            .class("facts monitoring"),
            fact(.cases, .words(Format.number(f.cases))),
            fact(.schoolAge, .words(Format.number(f.schoolAge))),
            fact(.schoolAgeEnrolled, .words(Format.number(f.schoolAgeEnrolled))),
            fact(.enrollmentRate, .group(
                .span(.id("enrollment-rate"), .words(rate)), .text(" "),
                .unwrap(f.meetsEnrollmentTarget) { meets in
                    meets ? .span(.class("badge badge-good"), .words(t(.specialEducation(.meetsTarget))))
                        : .span(.class("badge badge-bad"), .words(t(.specialEducation(.belowTarget))))
                })),
            fact(.withoutPlacement, .words(Format.number(f.withoutPlacement))),
            fact(.placements, .words(t(placements))),
            fact(.activePlans, .words(Format.number(f.activePlans))),
            fact(.reviewsOverdue, .words(Format.number(f.overdueReviews))),
            fact(.homeTeachingVisits, .words(t(.caseVisitsSummary(cases: f.homeTeachingCases, done: f.visitsDone, planned: f.visitsPlanned,
                                                                  rate: visitRate))))
        )
    }
}
