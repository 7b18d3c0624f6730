import Plot
import YoujiaoCore

extension AidOverviewPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) {
            self.chrome = chrome; self.model = model
        }

        public var title: Phrase {
            model.district.map { Phrase(zh: "\(Phrase.aid(.title).zh)：\($0.name)", en: "\(Phrase.aid(.title).en): \($0.name)") } ?? .aid(.title)
        }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .component(yearForm),
                .p(.class("summary"), .words(t(.aid(.overviewIntro)))),
                .ul(.class("inline-list"),
                    .li(.a(.attr("href", model.reviewHref), .words(t(.aidOpenReviews(model.openReviews))))),
                    .if(model.mayRequestPaymentFile, .group(
                        .li(.a(.attr("href", model.paymentFileHref), .words(t(.exports(.requestPaymentFile))))),
                        .li(.a(.attr("href", "/exports"), .words(t(.exports(.title)))))
                    )),
                    .unwrap(model.ownSchoolListHref) { .li(.a(.attr("href", $0), .words(t(.aid(.ownSchoolList))))) }),
                .unwrap(model.byDistrict) { totals in
                    .group(
                        .h2(.words(t(.aid(.byDistrict)))),
                        .if(!totals.isEmpty, chartBox(totals, title: .aid(.chartByDistrict))),
                        section(totals, by: .district)
                    )
                },
                .unwrap(model.bySchool) { totals in
                    .group(.h2(.words(t(.aid(.bySchool)))), section(totals, by: .school))
                },
                .h2(.words(t(.aid(.byPolicy)))),
                .if(model.showsPolicyChart && !model.byPolicy.isEmpty, chartBox(model.byPolicy, title: .aid(.chartByPolicy))),
                section(model.byPolicy, by: .policy)
            )
        }

        /// A bar chart in a figure that scrolls on a phone, so its text keeps its size.
        private func chartBox(_ totals: [Total], title: Phrase) -> Node<HTML.BodyContext> {
            let chart = BarChart(title: title, categories: totals.map { chrome.language($0.name) },
                                 series: [BarChart.Series(name: .aid(.yuanSeries), colour: "#c0392b", values: totals.map(\.yuan))],
                                 language: chrome.language)
            return .element(named: "figure", nodes: [.class("chart-box"), .component(chart)])
        }

        private func section(_ totals: [Total], by grouping: Grouping) -> Node<HTML.BodyContext> {
            let t = chrome.language
            var download = model.query.setting("by", to: grouping.rawValue)
            if let sort = model.sort, sort.key.hasPrefix(grouping.rawValue + "-") {
                download = download.setting("sort", to: sort.key).setting("dir", to: sort.direction.rawValue)
            }
            return .group(
                .if(!totals.isEmpty, .component(DownloadLinks(csvHref: download.moving(to: "/aid/summary.csv").href,
                                                              xlsxHref: download.moving(to: "/aid/summary.xlsx").href, language: t))),
                .component(DataTable(AidOverviewPage.table(totals, by: grouping, sort: model.sort, language: t), address: model.query, language: t))
            )
        }

        private var yearForm: FilterForm {
            let t = chrome.language
            var fields = [FormField(name: "year", label: .aid(.schoolYear),
                                    kind: .select(model.years.map { Choice(value: String($0), label: .schoolYearLabel($0)) }),
                                    value: String(model.year), language: t)]
            if let district = model.district { fields.append(FormField(name: "district", label: .aid(.district), kind: .hidden, value: district.code, language: t)) }
            return FilterForm(action: "/aid", fields: fields, language: t)
        }
    }
}
