import Plot
import YoujiaoCore

extension CampaignSeatsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .seats(.pageTitle(model.campaignName)) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .unwrap(model.problem) { problem in
                    .div(.class("error-summary"), .attr("role", "alert"),
                         .p(.class("error"), .attr("data-field", problem.field), .words(t(problem.message))))
                },
                .if(model.problem == nil, .unwrap(model.saved) { .p(.class("ok"), .id("saved"), .attr("role", "status"), .words(t(.seats(.saved($0))))) }),
                facts,
                .h2(.words(t(.seats(.perDistrict)))),
                .element(named: "figure", nodes: [.class("chart-box"), .component(chart)]),
                .component(DownloadLinks(csvHref: model.href + "/districts.csv", xlsxHref: model.href + "/districts.xlsx", language: t)),
                .component(DataTable(CampaignSeatsPage.districtTable(model), address: address, language: t)),
                .h2(.words(t(.seats(.perSchool)))),
                .unwrap(editingNote) { .p(.class("summary"), .id("seats-read-only"), .words(t($0))) },
                .component(DownloadLinks(csvHref: model.href + "/schools.csv", xlsxHref: model.href + "/schools.xlsx", language: t)),
                model.editing == .editable ? form : .component(DataTable(CampaignSeatsPage.schoolTable(model, inputs: false), address: address, language: t)),
                .h2(.words(t(.seats(.changes)))),
                .if(!model.changes.isEmpty,
                    .component(DownloadLinks(csvHref: model.href + "/changes.csv", xlsxHref: model.href + "/changes.xlsx", language: t))),
                .component(DataTable(CampaignSeatsPage.changeTable(model), address: address, language: t)),
                .p(.a(.attr("href", model.campaignHref), .words(t(.seats(.backToCampaign)))))
            )
        }

        /// Total seats, applications and the gap carry ids: the browser test reads them.
        private var facts: Node<HTML.BodyContext> {
            let t = chrome.language
            let publicSeats = model.districts.reduce(0) { $0 + $1.publicSeats }
            let privateSeats = model.districts.reduce(0) { $0 + $1.privateSeats }
            let gap = model.totalSeats - model.totalApplications
            return .dl(
                .class("facts"),
                .dt(.words(t(.campaign(.status)))), .dd(.words(t(.campaignStatus(model.status)))),
                .dt(.words(t(.seats(.totalSeats)))),
                .dd(.strong(.id("seat-total"), .words(Format.number(model.totalSeats))),
                    .words(t(.seats(.publicPlusPrivate(publicSeats: publicSeats, privateSeats: privateSeats))))),
                .dt(.words(t(.seats(.applications)))), .dd(.span(.id("applications"), .words(Format.number(model.totalApplications)))),
                .dt(.words(t(.seats(.gap)))),
                .dd(.span(.id("seat-gap"), DataTable.content(of: CampaignSeatsPage.gap(gap), language: t)))
            )
        }

        /// Two bars per district, one above the other (the chart stacks its series): seats, then applications.
        private var chart: BarChart {
            let t = chrome.language
            return BarChart(
                title: .seats(.chartTitle),
                categories: model.districts.flatMap { [t(.seats(.barSeats($0.name))), t(.seats(.barApplications($0.name)))] },
                series: [.init(name: .seats(.seats), colour: "#3b6ea5", values: model.districts.flatMap { [$0.seats, 0] }),
                         .init(name: .seats(.applications), colour: "#b3591b", values: model.districts.flatMap { [0, $0.applications] })],
                language: t)
        }

        private var editingNote: Phrase? {
            switch model.editing {
            case .editable: return nil
            case .ownerOnly: return .seats(.ownerEdits)
            case .frozen: return .seats(.frozenNote)
            }
        }

        private var form: Node<HTML.BodyContext> {
            let t = chrome.language
            return .form(
                .attr("method", "post"), .attr("action", model.href), .id("seats"),
                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                .component(DataTable(CampaignSeatsPage.schoolTable(model, inputs: true), address: address, language: t)),
                .p(.button(.attr("type", "submit"), .words(t(.seats(.saveSeats)))), .text(" "),
                   .span(.class("summary"), .words(t(.seats(.formHint(maximum: CampaignSeats.maximum))))))
            )
        }
    }
}
