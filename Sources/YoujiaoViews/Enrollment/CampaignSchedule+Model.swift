import YoujiaoCore

/// A campaign's window and beacon round, changeable by its manager until the list is frozen, and
/// the public log of every change (families read it on their page and on the public page).
public enum CampaignSchedulePage {
    public struct Change: Sendable, Hashable {
        public var field: CampaignSchedule.Field
        /// As stored: yyyy-MM-dd, or "<source id> <round>".
        public var old: String
        public var new: String
        public var reason: String
        /// ISO 8601 as stored; shown in Beijing time.
        public var at: String
        public var by: String
        public init(field: CampaignSchedule.Field, old: String, new: String, reason: String, at: String, by: String) {
            self.field = field; self.old = old; self.new = new; self.reason = reason; self.at = at; self.by = by
        }

        /// The sentence families read: what changed, from what to what, when, and why.
        public var notice: Phrase {
            let when = Format.beijingTime(iso: at) ?? .verbatim(at)
            return .scheduleNotice(what: CampaignSchedulePage.fieldName(field), old: CampaignSchedulePage.value(field, old),
                                   new: CampaignSchedulePage.value(field, new), at: when, reason: reason)
        }
    }

    public struct Model: Sendable, Hashable {
        public var campaignName: Phrase
        public var campaignHref: String
        public var status: CampaignStatus
        /// The form's values: the campaign's, or what was typed when it comes back with a problem.
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public var changes: [Change]
        public init(campaignName: Phrase, campaignHref: String, status: CampaignStatus, values: [String: String],
                    problem: CampaignPage.Problem? = nil, changes: [Change]) {
            self.campaignName = campaignName; self.campaignHref = campaignHref; self.status = status; self.values = values
            self.problem = problem; self.changes = changes
        }
        var action: String { campaignHref + "/schedule" }
        /// Once families may register, a change needs a reason they will read.
        var needsReason: Bool { status == .open }
    }

    /// The log as a table (the campaign page and its download).
    public static func table(_ changes: [Change]) -> TableModel {
        TableModel(
            id: "schedule-changes", caption: .schedule(.changesTable),
            columns: [.init(.schedule(.changedAt), key: "at"), .init(.schedule(.changedBy), key: "by"), .init(.schedule(.what), key: "what"),
                      .init(.schedule(.oldValue), key: "old"), .init(.schedule(.newValue), key: "new"), .init(.schedule(.reason), key: "reason")],
            rows: changes.map { change in
                [Format.beijingTime(iso: change.at).map { .phrase($0) } ?? .text(change.at), .text(change.by), .phrase(fieldName(change.field)),
                 .phrase(value(change.field, change.old)), .phrase(value(change.field, change.new)),
                 change.reason.isEmpty ? .phrase(.schedule(.beforeOpening)) : .text(change.reason)]
            },
            emptyState: .schedule(.noChanges))
    }

    static func fieldName(_ field: CampaignSchedule.Field) -> Phrase {
        switch field {
        case .opensOn: return .campaign(.opensOn)
        case .closesOn: return .campaign(.closesOn)
        case .beaconRound: return .schedule(.beaconRoundName)
        }
    }

    static func value(_ field: CampaignSchedule.Field, _ stored: String) -> Phrase {
        switch field {
        case .opensOn, .closesOn: return CaseDate(stored).map { .day($0) } ?? .verbatim(stored)
        case .beaconRound:
            guard let (source, round) = CampaignSchedule.round(fromStored: stored) else { return .verbatim(stored) }
            return .beaconRoundName(source: source.name, round: round)
        }
    }
}
