import Plot

/// Facts about one record as a description list: term, then value.
public struct FactList: Component {
    public struct Fact: Sendable, Hashable {
        public var term: Phrase
        public var value: TableModel.Cell
        public init(_ term: Phrase, _ value: TableModel.Cell) { self.term = term; self.value = value }
    }

    public var facts: [Fact]
    public var language: Language

    public init(_ facts: [Fact], language: Language) {
        self.facts = facts
        self.language = language
    }

    public var body: Component {
        Node<HTML.BodyContext>.dl(
            .class("facts"),
            .forEach(facts) { fact in
                .group(.dt(.words(language(fact.term))), .dd(DataTable.content(of: fact.value, language: language)))
            }
        )
    }
}
