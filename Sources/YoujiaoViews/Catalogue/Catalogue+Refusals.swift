extension Catalogue {
    /// Why a request was refused (the error page's sentence): the controllers' reasons.
    public enum Refusals: PhraseBook {
        case noSuchCampaign, campaignOutsideScope, campaignSeatsOwnerOnly, campaignManagerOnly

        public var phrase: Phrase {
            switch self {
            case .noSuchCampaign: return Phrase(zh: "没有这次招生。", en: "No such campaign.")
            case .campaignOutsideScope: return Phrase(zh: "这次招生不在您的管辖范围内。", en: "This campaign is outside your scope.")
            case .campaignManagerOnly: return Phrase(zh: "只有负责本次招生的教育局可以操作。", en: "Only the authority running this campaign may do this.")
            case .campaignSeatsOwnerOnly: return Phrase(zh: "只有负责本次招生的教育局可以修改学位。", en: "Only the authority running this campaign may change its seats.")
            }
        }

        public static var parameterisedExamples: [Phrase] { [] }
    }
}

extension Phrase {
    public static func refusal(_ key: Catalogue.Refusals) -> Phrase { key.phrase }
}
