import Plot

/// The page before a step that cannot be undone from the page (deleting a logged visit, opening a
/// class's display, archiving it): what the step is about, what it does, and the confirm panel. A
/// confirmation posted without its yes comes back here with the problem at the top.
public enum StepConfirmPage {
    public struct Model: Sendable, Hashable {
        public var heading: Phrase
        public var consequences: [Phrase]
        /// The record the step acts on, as facts (none when the counts say it all).
        public var facts: [FactList.Fact]
        public var counts: [ConfirmPanel.Count]
        public var confirmLabel: Phrase
        public var action: String
        public var cancelHref: String
        public var problem: CampaignPage.Problem?
        public init(heading: Phrase, consequences: [Phrase], facts: [FactList.Fact] = [], counts: [ConfirmPanel.Count] = [],
                    confirmLabel: Phrase = .forms(.confirm), action: String, cancelHref: String, problem: CampaignPage.Problem? = nil) {
            self.heading = heading; self.consequences = consequences; self.facts = facts; self.counts = counts; self.confirmLabel = confirmLabel
            self.action = action; self.cancelHref = cancelHref; self.problem = problem
        }
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { model.heading }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                problemSummary(model.problem, t),
                .if(!model.facts.isEmpty, .component(FactList(model.facts, language: t))),
                .component(ConfirmPanel(heading: model.heading, consequences: model.consequences, counts: model.counts, action: model.action,
                                        csrfToken: chrome.csrfToken, confirmLabel: model.confirmLabel, cancelHref: model.cancelHref, language: t)))
        }
    }
}
