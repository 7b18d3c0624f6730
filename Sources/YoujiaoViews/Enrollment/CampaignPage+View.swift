import Plot
import YoujiaoCore

extension CampaignPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        /// The request's address: the sort links and downloads keep its query.
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { model.name }

        public var content: Component {
            let t = chrome.language
            let order: [CampaignStatus] = [.draft, .open, .frozen, .drawn, .published]
            let current = order.firstIndex(of: model.status) ?? 0
            let steps = order.enumerated().map { index, status in
                StepBar.Step(.campaignStatus(status), index < current ? .done : index == current ? .current : .toDo)
            }
            return Node<HTML.BodyContext>.group(
                .unwrap(model.problem) { problem in
                    .div(.class("error-summary"), .attr("role", "alert"),
                         .p(.class("error"), .attr("data-field", problem.field), .words(t(problem.message))))
                },
                .unwrap(model.narrowedTo) { .p(.class("summary"), .id("narrowed"), .words(t(.narrowedToDistrict($0)))) },
                .component(StepBar(steps, language: t)),
                facts,
                .unwrap(model.nextStep) { .component(NextStepControl(
                    step: $0, labels: (.campaign(.openRegistration), .campaign(.freezeStep), .campaign(.drawStep), .campaign(.publishStep)),
                    csrfToken: chrome.csrfToken, language: t)) },
                .unwrap(model.scheduleHref) { .p(.a(.id("schedule-link"), .attr("href", $0), .words(t(.schedule(.editLink))))) },
                .if(!model.scheduleChanges.isEmpty,
                    .component(DataTable(CampaignSchedulePage.table(model.scheduleChanges), address: address, language: t))),
                .unwrap(model.review) { review($0) },
                .h2(.words(t(.campaign(.seats)))),
                .p(.a(.id("seats-link"), .attr("href", model.href + "/seats"),
                      .words(t(model.mayEditSeats ? .campaign(.editSeats) : .campaign(.seatsAgainstApplications))))),
                .if(!model.schools.isEmpty, .component(DownloadLinks(for: address, csvPath: model.href + "/schools.csv",
                                                                     xlsxPath: model.href + "/schools.xlsx", language: t))),
                .component(DataTable(CampaignPage.schoolsTable(model), address: address, language: t))
            )
        }

        /// The status and the list hash carry ids: the browser tests and the steps' pages read them.
        private var facts: Node<HTML.BodyContext> {
            let t = chrome.language
            func fact(_ term: Phrase, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
                .group(.dt(.words(t(term))), .dd(value))
            }
            let none = Node<HTML.BodyContext>.words("—")
            return .dl(
                .class("facts"),
                fact(.campaign(.status), .strong(.id("status"), .words(t(.campaignStatus(model.status))))),
                fact(.campaign(.window), .words(t(.campaignWindow(opens: model.opensOn, closes: model.closesOn)))),
                fact(.campaign(.applications), .words(Format.number(model.applications))),
                fact(.campaign(.beaconRound), .words(t(model.beaconRound))),
                fact(.campaign(.notaryCommitment), .code(.class("hash"), .words(model.notaryCommitment))),
                fact(.campaign(.frozenListHash), model.listHash.map { .code(.class("hash"), .id("list-hash"), .words($0)) } ?? none),
                fact(.campaign(.seed), model.seed.map { .code(.class("hash"), .words($0)) } ?? none),
                fact(.campaign(.publicPage), model.publicHref.map { .a(.attr("href", $0), .words(t(.campaign(.publicPage)))) } ?? none)
            )
        }

        private func review(_ review: Review) -> Node<HTML.BodyContext> {
            let t = chrome.language
            let routes = review.routes
            let counts: [(EnrollmentRoute, Int)] = [(.private, routes.privateLottery), (.catchment, routes.catchment),
                                                    (.coordinated, routes.coordinated), (.unplaced, routes.unplaced)]
            return .section(
                .id("review"),
                .h2(.words(t(.campaign(.review)))),
                .element(named: "figure", nodes: [.class("chart-box"), .component(BarChart(
                    title: .campaign(.childrenPerRoute), categories: counts.map { t(.placedBy($0.0)) },
                    series: [.init(name: .campaign(.children), colour: "#3b6ea5", values: counts.map(\.1))], language: t))]),
                .p(.id("routes"), .words(t(.drawRoutes(routes)))),
                .p(.id("what-if"), .words(t(.whatIfDistance(placed: review.coordinatedPlaced, totalMetres: review.totalDistanceMetres,
                                                            optimalMetres: review.optimalDistanceMetres))))
            )
        }
    }
}
