import Plot

/// Where a process stands: done steps, the current one (`aria-current="step"`), those to come.
public struct StepBar: Component {
    public enum State: String, Sendable, Hashable { case done, current, toDo = "to-do" }
    public struct Step: Sendable, Hashable {
        public var label: Phrase
        public var state: State
        public init(_ label: Phrase, _ state: State) { self.label = label; self.state = state }
    }

    public var steps: [Step]
    public var language: Language

    public init(_ steps: [Step], language: Language) {
        self.steps = steps
        self.language = language
    }

    public var body: Component {
        let t = language
        return Node<HTML.BodyContext>.ol(
            .class("steps"), .attr("aria-label", t(.forms(.progress))),
            .forEach(steps) { step in
                let state: Phrase = step.state == .done ? .forms(.stepDone) : step.state == .current ? .forms(.stepCurrent) : .forms(.stepToDo)
                return .li(
                    .class("step step-\(step.state.rawValue)"),
                    .if(step.state == .current, .attr("aria-current", "step")),
                    .span(.class("step-label"), .words(t(step.label))),
                    .span(.class("step-state"), .words(t(state)))
                )
            }
        )
    }
}
