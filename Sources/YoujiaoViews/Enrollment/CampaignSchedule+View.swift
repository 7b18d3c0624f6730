import Plot
import YoujiaoCore

extension CampaignSchedulePage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .schedule(.pageTitle(model.campaignName)) }

        public var content: Component {
            let t = chrome.language
            let error = { (field: String) in model.problem.flatMap { $0.field == field ? $0.message : nil } }
            func field(_ name: String, _ label: Phrase, _ kind: FormField.Kind, hint: Phrase? = nil, required: Bool = true) -> Component {
                FormField(name: name, label: label, kind: kind, value: model.values[name] ?? "", error: error(name), hint: hint,
                          isRequired: required, autocomplete: "off", language: t)
            }
            let beacons = BeaconSource.known.map { Choice(value: $0.id, label: .verbatim($0.name)) }
            return Node<HTML.BodyContext>.group(
                .unwrap(model.problem) { problem in
                    .div(.class("error-summary"), .attr("role", "alert"),
                         .p(.class("error"), .attr("data-field", problem.field), .words(t(problem.message))))
                },
                .p(.class("summary"), .words(t(model.needsReason ? .schedule(.openExplanation) : .schedule(.draftExplanation)))),
                .form(
                    .attr("method", "post"), .attr("action", model.action), .class("stacked"), .id("schedule"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    .component(field("opens_on", .campaign(.opensOn), .date)),
                    .component(field("closes_on", .campaign(.closesOn), .date)),
                    .component(field("beacon_source", .campaign(.beaconSourceField), .select(beacons))),
                    .component(field("beacon_round", .campaign(.beaconRoundField), .number, hint: .campaign(.beaconRoundHint))),
                    .component(field("reason", .forms(.reason), .textarea(rows: 3), hint: .schedule(.reasonHint), required: model.needsReason)),
                    .button(.attr("type", "submit"), .words(t(.schedule(.save))))
                ),
                .h2(.words(t(.schedule(.changesTable)))),
                .component(DataTable(CampaignSchedulePage.table(model.changes), address: PageAddress(path: model.action), language: t)),
                .p(.a(.attr("href", model.campaignHref), .words(t(.seats(.backToCampaign)))))
            )
        }
    }
}
