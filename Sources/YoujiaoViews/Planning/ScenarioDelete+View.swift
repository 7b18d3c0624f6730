import Plot

/// The step before deleting a saved scenario: deleting cannot be undone, so the planner confirms.
public enum ScenarioDeletePage {
    public struct Model: Sendable, Hashable {
        public var name: String
        /// The scenario's page, e.g. `/planning/scenarios/ID`.
        public var path: String
        public var changeCount: Int
        public init(name: String, path: String, changeCount: Int) { self.name = name; self.path = path; self.changeCount = changeCount }
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .planningDeleteScenarioTitle(model.name) }

        public var content: Component {
            ConfirmPanel(heading: .planning(.deleteScenario),
                         consequences: [.planningScenarioWillBeDeleted(model.name), .planning(.deletedScenarioLeavesComparisons)],
                         counts: [.init(.planning(.scenarioChanges), model.changeCount)],
                         action: "\(model.path)/delete", csrfToken: chrome.csrfToken,
                         confirmLabel: .planning(.deleteScenario), cancelHref: model.path, language: chrome.language)
        }
    }
}

extension Phrase {
    public static func planningDeleteScenarioTitle(_ name: String) -> Phrase {
        Phrase(zh: "删除情景：\(name)", en: "Delete the scenario: \(name)")
    }
    public static func planningScenarioWillBeDeleted(_ name: String) -> Phrase {
        Phrase(zh: "情景“\(name)”及其全部假设（新建、关停和出生数）将被删除。", en: "The scenario “\(name)” and all its assumptions (openings, closures, births) will be deleted.")
    }
}
