import YoujiaoCore

/// A family's application for one child in one campaign: the form (what was typed comes back
/// with a problem), and every earlier submission and change of it.
public enum ApplicationFormPage {
    public struct Change: Sendable, Hashable {
        /// Beijing time.
        public var at: Phrase
        public var by: String
        public var isFirst: Bool
        public var content: Phrase
        public init(at: Phrase, by: String, isFirst: Bool, content: Phrase) { self.at = at; self.by = by; self.isFirst = isFirst; self.content = content }
    }

    /// The problem that stopped the submission: which field, in words.
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: Phrase
        public init(field: String, message: Phrase) { self.field = field; self.message = message }
    }

    public struct Model: Sendable, Hashable {
        public var campaignName: Phrase
        public var childName: String
        public var age: Phrase?
        public var maskedID: String
        public var action: String
        /// The form's values by field name (`application`, `track`, `choice1`, `choice2`, `zone`, `tier`, `years`).
        public var values: [String: String]
        public var privateSchools: [Choice]
        public var zones: [Choice]
        public var problem: Problem?
        public var history: [Change]

        public init(campaignName: Phrase, childName: String, age: Phrase?, maskedID: String, action: String, values: [String: String],
                    privateSchools: [Choice], zones: [Choice], problem: Problem?, history: [Change]) {
            self.campaignName = campaignName; self.childName = childName; self.age = age; self.maskedID = maskedID; self.action = action
            self.values = values; self.privateSchools = privateSchools; self.zones = zones; self.problem = problem; self.history = history
        }

        func error(_ field: String) -> Phrase? { problem?.field == field ? problem?.message : nil }
    }

    public static func historyTable(_ model: Model) -> TableModel {
        TableModel(id: "application-history-table", caption: .application(.historyTable),
                   columns: [.init(.application(.at), key: "at"), .init(.application(.by), key: "by"),
                             .init(.application(.action), key: "action"), .init(.application(.content), key: "content")],
                   rows: model.history.map { [.phrase($0.at), .text($0.by), .phrase(.application($0.isFirst ? .registered : .changed)), .phrase($0.content)] },
                   sort: nil, emptyState: .application(.history))
    }
}
