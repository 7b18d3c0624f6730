import YoujiaoCore

/// The page that stands between a campaign's manager and an irreversible step (freeze, draw,
/// publish): where the campaign is, what will happen, the counts, and the confirmation.
public enum CampaignStepPage {
    /// School entry or 中考: the same steps, told in each one's words.
    public enum Kind: Sendable, Hashable { case schoolEntry, zhongkao }

    public struct Model: Sendable, Hashable {
        public var kind: Kind
        public var campaignName: Phrase
        public var campaignHref: String
        public var status: CampaignStatus
        public var step: CampaignStepGuard.Step
        public var counts: [ConfirmPanel.Count]
        /// Set when freezing before the published closing day: that day, and a reason is required.
        public var earlyClosingDay: String?
        public var reason: String
        /// The draw's round of the public beacon, named when the value is asked for.
        public var beaconRound: Phrase
        public var problem: (field: String, message: Phrase)?

        public init(campaignName: Phrase, campaignHref: String, status: CampaignStatus, step: CampaignStepGuard.Step,
                    counts: [ConfirmPanel.Count], earlyClosingDay: String? = nil, reason: String = "", beaconRound: Phrase = .verbatim(""),
                    problem: (field: String, message: Phrase)? = nil, kind: Kind = .schoolEntry) {
            self.kind = kind
            self.campaignName = campaignName; self.campaignHref = campaignHref; self.status = status; self.step = step
            self.counts = counts; self.earlyClosingDay = earlyClosingDay; self.reason = reason; self.beaconRound = beaconRound
            self.problem = problem
        }

        public static func == (a: Model, b: Model) -> Bool {
            a.kind == b.kind && a.campaignName == b.campaignName && a.campaignHref == b.campaignHref && a.status == b.status && a.step == b.step
                && a.counts == b.counts && a.earlyClosingDay == b.earlyClosingDay && a.reason == b.reason && a.beaconRound == b.beaconRound
                && a.problem?.field == b.problem?.field && a.problem?.message == b.problem?.message
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(campaignHref); hasher.combine(step.rawValue) }
    }
}
