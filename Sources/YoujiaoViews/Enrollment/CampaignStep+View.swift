import Plot
import YoujiaoCore

extension CampaignStepPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase {
            switch model.step {
            case .freeze: return .campaign(.confirmFreeze)
            case .draw: return .campaign(.confirmDraw)
            case .publish: return .campaign(.confirmPublish)
            }
        }

        public var content: Component {
            let t = chrome.language
            let order: [CampaignStatus] = [.draft, .open, .frozen, .drawn, .published]
            let current = order.firstIndex(of: model.status) ?? 0
            let steps = order.enumerated().map { index, status in
                StepBar.Step(model.kind == .zhongkao ? .zhongkao(.status(status)) : .campaignStatus(status),
                             index < current ? .done : index == current ? .current : .toDo)
            }
            var consequences: [Phrase]
            switch (model.kind, model.step) {
            case (.zhongkao, .freeze): consequences = [.zhongkao(.freezeClosesQuotas), .zhongkao(.freezePublishesHash)]
            case (.zhongkao, .draw): consequences = [.campaign(.drawComputesSeed), .zhongkao(.drawAdmits)]
            case (.zhongkao, .publish): consequences = [.zhongkao(.publishTellsFamilies), .zhongkao(.publishFiles)]
            case (.schoolEntry, .freeze):
                consequences = [.campaign(.freezeClosesRegistration), .campaign(.freezePublishesHash)]
                if let day = model.earlyClosingDay { consequences.insert(.earlyClosing(day), at: 0) }
            case (.schoolEntry, .draw): consequences = [.campaign(.drawComputesSeed), .campaign(.drawPlaces)]
            case (.schoolEntry, .publish): consequences = [.campaign(.publishTellsFamilies), .campaign(.publishFiles)]
            }
            let error = { (field: String) in model.problem.flatMap { $0.field == field ? $0.message : nil } }
            let fields: [FormField] = model.step == .draw ? [
                FormField(name: "beacon_value", label: .beaconValue(round: model.beaconRound), error: error("beacon_value"), isRequired: true,
                          autocomplete: "off", language: t),
                FormField(name: "notary_secret", label: .campaign(.notarySecret), error: error("notary_secret"), isRequired: true,
                          autocomplete: "off", language: t),
            ] : []
            let reason = model.earlyClosingDay == nil ? nil : ConfirmPanel.reasonField(value: model.reason, error: error("reason"), language: t)
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(model.campaignName))),
                .component(StepBar(steps, language: t)),
                .unwrap(model.problem.flatMap { ["reason", "beacon_value", "notary_secret"].contains($0.field) ? nil : $0.message }) {
                    .component(FlashMessage(.error($0), language: t))
                },
                .component(ConfirmPanel(heading: title, consequences: consequences, counts: model.counts,
                                        action: model.campaignHref + "/" + model.step.rawValue, csrfToken: chrome.csrfToken,
                                        reason: reason, fields: fields, confirmLabel: title, cancelHref: model.campaignHref, language: t))
            )
        }
    }
}
