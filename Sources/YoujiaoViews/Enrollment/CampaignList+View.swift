import Plot
import YoujiaoCore

extension CampaignListPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        /// The request's address: the sort links and downloads keep its query.
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase { .campaign(.campaigns) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .if(!model.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: "/enrollment/campaigns.csv",
                                                                  xlsxPath: "/enrollment/campaigns.xlsx", language: t))),
                .component(DataTable(CampaignListPage.table(model, language: t), address: address, language: t)),
                .h2(.id("new-campaign"), .words(t(.campaign(.newCampaign)))),
                .unwrap(model.problem) { problem in
                    .div(.class("error-summary"), .attr("role", "alert"),
                         .p(.class("error"), .attr("data-field", problem.field), .words(t(problem.message))))
                },
                .form(
                    .attr("method", "post"), .attr("action", "/enrollment"), .class("stacked"), .id("create-campaign"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    .forEach(fields) { .component($0) },
                    .button(.attr("type", "submit"), .words(t(.campaign(.create))))
                )
            )
        }

        private var fields: [FormField] {
            let t = chrome.language
            let error = { (field: String) in model.problem.flatMap { $0.field == field ? $0.message : nil } }
            func field(_ name: String, _ label: Phrase, _ kind: FormField.Kind = .text, hint: Phrase? = nil) -> FormField {
                FormField(name: name, label: label, kind: kind, value: model.values[name] ?? "", error: error(name), hint: hint, isRequired: true,
                          autocomplete: "off", language: t)
            }
            let grades = model.entryGrades.map { Choice(value: $0.rawValue, label: .grade($0)) }
            let beacons = BeaconSource.known.map { Choice(value: $0.id, label: .verbatim($0.name)) }
            return [field("year", .campaign(.entryYear), .number), field("grade", .campaign(.entryGrade), .select(grades)),
                    field("opens_on", .campaign(.opensOn), .date), field("closes_on", .campaign(.closesOn), .date),
                    field("beacon_source", .campaign(.beaconSourceField), .select(beacons)),
                    field("beacon_round", .campaign(.beaconRoundField), .number, hint: .campaign(.beaconRoundHint)),
                    field("notary_commitment", .campaign(.notaryCommitmentField))]
        }
    }
}
