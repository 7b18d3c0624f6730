import Plot
import YoujiaoCore

extension ApplicationFormPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { model.campaignName }

        public var content: Component {
            let t = chrome.language
            let values = model.values
            let schools = [Choice(value: "", label: .application(.noChoice))] + model.privateSchools
            let tiers = (1...4).map { Choice(value: String($0), label: .admissionTier($0)) }
            let fields: [FormField] = [
                FormField(name: "national_id", label: .application(.typeIDNumber), error: model.error("national_id"),
                          hint: .application(.typeIDNumberHint), isRequired: true, autocomplete: "off", language: t),
                FormField(name: "track", label: .application(.track),
                          kind: .select([Choice(value: "public", label: .application(.trackPublic)), Choice(value: "private", label: .application(.trackPrivate))]),
                          value: values["track"] ?? "public", error: model.error("track"), hint: .application(.trackHint), language: t),
                FormField(name: "choice1", label: .application(.firstChoice), kind: .select(schools), value: values["choice1"] ?? "",
                          error: model.error("choices"), hint: .application(.privateChoiceHint), language: t),
                FormField(name: "choice2", label: .application(.adjustmentChoice), kind: .select(schools), value: values["choice2"] ?? "", language: t),
                FormField(name: "zone", label: .application(.zone), kind: .select(model.zones), value: values["zone"] ?? "",
                          error: model.error("zone"), hint: .application(.zoneHint), language: t),
                FormField(name: "tier", label: .application(.tier), kind: .select(tiers), value: values["tier"] ?? "1",
                          error: model.error("tier"), hint: .application(.tierHint), language: t),
                FormField(name: "years", label: .application(.yearsAtAddress), kind: .number, value: values["years"] ?? "0",
                          error: model.error("years"), hint: .application(.yearsHint), language: t),
            ]
            return Node<HTML.BodyContext>.group(
                .unwrap(model.problem) { problem in
                    .div(.class("error-summary"), .attr("role", "alert"),
                         .p(.class("error"), .attr("data-field", problem.field),
                            .words(t(.application(.problemHeading)) + t(problem.message))))
                },
                .component(FactList([.init(.application(.child), .text(model.childName)),
                                     .init(.schools(.age), model.age.map { .phrase($0) } ?? .phrase(.common(.notRecorded))),
                                     .init(.schools(.idNumber), .maskedID(model.maskedID))], language: t)),
                .form(.attr("method", "post"), .attr("action", model.action), .class("stacked"), .id("apply"),
                      .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                      .input(.attr("type", "hidden"), .attr("name", "application"), .attr("value", values["application"] ?? "")),
                      .forEach(fields) { .component($0) },
                      .button(.attr("type", "submit"), .words(t(.application(.submit))))),
                .if(!model.history.isEmpty, .group(
                    .h2(.id("application-history"), .words(t(.application(.history)))),
                    .component(DataTable(ApplicationFormPage.historyTable(model), address: PageAddress(path: model.action), language: t))
                ))
            )
        }
    }
}
