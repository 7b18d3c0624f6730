import Plot

/// The next step of a campaign's life cycle for its manager: opening is a button (nothing is lost
/// by it); freezing, drawing and publishing link to their confirmation page.
public enum CampaignNextStep: Sendable, Hashable {
    case open(action: String)
    case freeze(href: String), draw(href: String), publish(href: String)
}

struct NextStepControl: Component {
    var step: CampaignNextStep
    /// The words of each step, in the order open, freeze, draw, publish.
    var labels: (open: Phrase, freeze: Phrase, draw: Phrase, publish: Phrase)
    var csrfToken: String
    var language: Language

    var body: Component {
        let t = language
        func link(_ id: String, _ href: String, _ label: Phrase) -> Node<HTML.BodyContext> {
            .p(.a(.class("button"), .id(id), .attr("href", href), .words(t(label))))
        }
        let node: Node<HTML.BodyContext>
        switch step {
        case .open(let action):
            node = .form(.attr("method", "post"), .attr("action", action), .class("inline"),
                         .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", csrfToken)),
                         .button(.attr("type", "submit"), .id("step-open"), .words(t(labels.open))))
        case .freeze(let href): node = link("step-freeze", href, labels.freeze)
        case .draw(let href): node = link("step-draw", href, labels.draw)
        case .publish(let href): node = link("step-publish", href, labels.publish)
        }
        return node
    }
}
