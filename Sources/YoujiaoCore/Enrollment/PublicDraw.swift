import Foundation

/// What a school-entry campaign and a 中考 campaign share: the list is frozen and hashed, a public
/// beacon round named in advance and a notary's committed secret make the seed, and the steps
/// draft → open → frozen → drawn → published only go forward.
public protocol PublicDraw {
    var status: CampaignStatus { get }
    /// SHA-256 of the canonical frozen list, published at freezing.
    var listHash: String? { get }
    var beaconSourceID: String? { get }
    var beaconRoundNumber: Int64? { get }
    var frozenAt: Date? { get }
    /// SHA-256 (hex) of the notary's secret, recorded when the campaign is created.
    var notaryCommitment: String { get }
    /// How pages and messages name a status of this kind of campaign.
    static func words(for status: CampaignStatus) -> (zh: String, en: String)
}

extension PublicDraw {
    /// The announced round's source, number and publication time, when the campaign names a known beacon.
    public var announcedRound: (source: BeaconSource, round: Int64, time: Date)? {
        guard let source = beaconSourceID.flatMap(BeaconSource.named), let round = beaconRoundNumber,
              let time = source.time(ofRound: round) else { return nil }
        return (source, round, time)
    }

    /// Freezing after the announced round is out would let whoever froze the list know the value
    /// that decides the draw: the round must be changed (publicly, logged) first.
    public func checkRoundStillAhead(now: Date) throws(CampaignProblem) {
        guard let (source, round, time) = announcedRound else { return }
        guard time > now else {
            let name = source.roundDescription(round)
            throw CampaignProblem("beacon_round", zh: "事先公布的\(name.zh)已于 \(time.beijingMinute)（北京时间）产生，冻结名单前请先改为更晚的轮次（修改公开记录）。",
                                  en: "The announced \(name.en) was published at \(time.beijingMinute) Beijing time: name a later round (the change is logged publicly) before freezing.")
        }
    }

    /// Refuses a step that is not the next one of the life cycle.
    public func checkStep(to target: CampaignStatus) throws(CampaignProblem) {
        guard Campaign.next(after: status) == target else {
            let (now, then) = (Self.words(for: status), Self.words(for: target))
            throw CampaignProblem("status", zh: "招生处于“\(now.zh)”状态，不能进入“\(then.zh)”。",
                                  en: "The campaign is \(now.en); it cannot become \(then.en).")
        }
    }

    /// Checks the notary's secret against the commitment and derives the seed.
    public func seed(beaconValue: String, notarySecret: String) throws(CampaignProblem) -> LotterySeed {
        guard let listHash else {
            throw CampaignProblem("status", zh: "名单尚未冻结。", en: "the list is not frozen yet")
        }
        guard !beaconValue.isEmpty else {
            throw CampaignProblem("beacon_value", zh: "请填写公开随机数。", en: "enter the beacon value")
        }
        // Only a round published after the freeze: its value could not be known while the list could change.
        if beaconSourceID != nil || beaconRoundNumber != nil {
            guard let (source, round, time) = announcedRound, let frozenAt else {
                throw CampaignProblem("beacon_value", zh: "本次招生的公开随机数轮次无法核对。", en: "The campaign's beacon round cannot be checked.")
            }
            guard time > frozenAt else {
                let name = source.roundDescription(round)
                throw CampaignProblem("beacon_value", zh: "\(name.zh)产生于 \(time.beijingMinute)（北京时间），不晚于名单冻结时间 \(frozenAt.beijingMinute)：冻结时其值可能已为人所知，不能用于派位。",
                                      en: "\(name.en) was published at \(time.beijingMinute) Beijing time, not after the list was frozen (\(frozenAt.beijingMinute)): its value could have been known, so it cannot decide the draw.")
            }
        }
        guard CampaignSeed.commitment(secret: notarySecret) == notaryCommitment else {
            throw CampaignProblem("notary_secret", zh: "公证密钥与事先公布的哈希值不符。", en: "the notary secret does not match its commitment")
        }
        return CampaignSeed.derive(beaconValue: beaconValue, notarySecret: notarySecret, listHash: listHash)
    }
}

extension Campaign {
    public static func words(for status: CampaignStatus) -> (zh: String, en: String) { status.words }
}
