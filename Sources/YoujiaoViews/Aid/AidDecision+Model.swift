import YoujiaoCore

/// One review entry and its decision, in two steps: the form (what the entry is, the choices,
/// the note; it comes back with the typed values and each problem beside its field), then the
/// confirmation (what the decision will do), since a grant or a dismissal cannot be undone.
public enum AidDecisionPage {
    public struct Model: Sendable, Hashable {
        public var entryID: String
        public var year: Int
        public var facts: [FactList.Fact]
        /// The decisions open to this entry; none is preselected.
        public var choices: [Choice]
        /// What was chosen and typed (kept after an error, carried into the confirmation).
        public var chosen: String
        public var note: String
        public var outcomeError: Phrase?
        public var noteError: Phrase?
        /// Present on the confirmation step: what the chosen decision will do.
        public var consequences: [Phrase]?

        public init(entryID: String, year: Int, facts: [FactList.Fact], choices: [Choice], chosen: String = "", note: String = "",
                    outcomeError: Phrase? = nil, noteError: Phrase? = nil, consequences: [Phrase]? = nil) {
            self.entryID = entryID; self.year = year; self.facts = facts; self.choices = choices; self.chosen = chosen
            self.note = note; self.outcomeError = outcomeError; self.noteError = noteError; self.consequences = consequences
        }

        public var action: String { AidDecisionPage.href(entryID: entryID) + "/resolve" }
        public var queueHref: String { "/aid/review?year=\(year)" }
    }

    /// The choice values the form posts.
    public static let grant = "grant", dismiss = "dismiss", childPrefix = "child:"
    public static let noteLimit = 500

    /// The decision page of a review entry.
    public static func href(entryID: String) -> String { "/aid/review/\(PageAddress.encode(entryID))" }
}
