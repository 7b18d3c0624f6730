import Foundation

/// A campaign's dates and beacon round: set when it is created, changeable until the list is
/// frozen. Families plan around the published window, so every change is logged with who, when
/// and — once registration has opened — why, and families read the log.
public enum CampaignSchedule {
    public enum Field: String, Sendable, CaseIterable, Codable { case opensOn = "opens_on", closesOn = "closes_on", beaconRound = "beacon_round" }

    /// A change as stored: days as yyyy-MM-dd, a round as "<source id> <round>" (a campaign
    /// stored before rounds were checked has its free text as the old value).
    public struct Change: Sendable, Hashable {
        public var field: Field
        public var old: String
        public var new: String
        public init(field: Field, old: String, new: String) { self.field = field; self.old = old; self.new = new }
    }

    /// What the form asks for.
    public struct Request: Sendable, Hashable {
        public var opensOn: String
        public var closesOn: String
        public var beaconSourceID: String
        public var beaconRound: String
        public init(opensOn: String, closesOn: String, beaconSourceID: String, beaconRound: String) {
            self.opensOn = opensOn; self.closesOn = closesOn; self.beaconSourceID = beaconSourceID; self.beaconRound = beaconRound
        }
    }

    /// The end of the closing day in Beijing: the announced round must come after it, so that its
    /// value is unknown for as long as families may register.
    public static func endOfDay(_ day: CaseDate) -> Date {
        Date(timeIntervalSince1970: Double(day.adding(days: 1).dayNumber) * 86_400 - 8 * 3600)
    }

    /// The window and round of a new campaign for school year `year`, checked: real days within
    /// the year before entry and the year of entry, closing on or after opening, a known beacon and
    /// a round published after registration closes.
    public static func checked(_ request: Request, year: Int) throws(CampaignProblem) -> (opens: CaseDate, closes: CaseDate, source: BeaconSource, round: Int64) {
        guard let opens = CaseDate(request.opensOn), let closes = CaseDate(request.closesOn), opens <= closes else {
            throw CampaignProblem("closes_on", zh: "请填写报名起止日期（年-月-日，截止不早于开始）。", en: "Enter the window as year-month-day, closing on or after opening.")
        }
        guard (year - 1...year).contains(opens.year), (year - 1...year).contains(closes.year) else {
            throw CampaignProblem("opens_on", zh: "报名日期须在入学当年或前一年内。", en: "The window must fall in the year of entry or the year before.")
        }
        guard let source = BeaconSource.named(request.beaconSourceID) else {
            throw CampaignProblem("beacon_source", zh: "请选择公开随机数的来源。", en: "Choose the public random beacon.")
        }
        let text = request.beaconRound.trimmingCharacters(in: .whitespaces)
        guard text.utf8.count <= 13, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let round = Int64(text), let time = source.time(ofRound: round) else {
            throw CampaignProblem("beacon_round", zh: "轮次须为正整数。", en: "The round is a whole number from 1.")
        }
        let closing = endOfDay(closes)
        guard time > closing else {
            let first = source.firstRound(after: closing)
            throw CampaignProblem("beacon_round", zh: "第 \(round) 轮产生于 \(time.beijingMinute)（北京时间），不晚于报名截止；请选第 \(first) 轮或更晚的轮次。",
                                  en: "Round \(round) is published at \(time.beijingMinute) Beijing time, before registration closes; choose round \(first) or later.")
        }
        return (opens, closes, source, round)
    }

    /// The changes `request` makes to `campaign`, checked, and the campaign with them. Refused once
    /// the list is frozen; while registration is open the opening day stays (families have begun),
    /// the closing day cannot move into the past (closing early is the freeze, with its reason),
    /// and a reason is required.
    public static func apply(_ request: Request, to campaign: Campaign, reason: String, now: Date = Date())
        throws(CampaignProblem) -> (campaign: Campaign, changes: [Change], reason: String) {
        guard campaign.status == .draft || campaign.status == .open else {
            throw CampaignProblem("status", zh: "名单已冻结，日期和随机数轮次不能再改。", en: "The list is frozen: the dates and the round can no longer change.")
        }
        let (opens, closes, source, round) = try checked(request, year: campaign.year)
        var updated = campaign
        var changes: [Change] = []
        if opens != campaign.opensOn {
            guard campaign.status == .draft else {
                throw CampaignProblem("opens_on", zh: "报名已经开始，开始日期不能再改。", en: "Registration has begun: the opening day can no longer change.")
            }
            changes.append(Change(field: .opensOn, old: campaign.opensOn.description, new: opens.description))
            updated.opensOn = opens
        }
        if closes != campaign.closesOn {
            guard campaign.status == .draft || closes >= CaseDate.today(now: now) else {
                throw CampaignProblem("closes_on", zh: "截止日期不能早于今天；提前截止请使用“截止报名并冻结名单”，并写明理由。",
                                      en: "The closing day cannot be in the past; to close early, freeze the list with a reason.")
            }
            changes.append(Change(field: .closesOn, old: campaign.closesOn.description, new: closes.description))
            updated.closesOn = closes
        }
        if source.id != campaign.beaconSourceID || round != campaign.beaconRoundNumber {
            guard let time = source.time(ofRound: round), time > now else {
                throw CampaignProblem("beacon_round", zh: "这一轮已经产生，其值已公开；请选更晚的轮次。", en: "That round is already out and its value public; choose a later round.")
            }
            let description = source.roundDescription(round)
            let old = campaign.announcedRound.map { "\($0.source.id) \($0.round)" } ?? campaign.beaconRound
            changes.append(Change(field: .beaconRound, old: old, new: "\(source.id) \(round)"))
            updated.beaconSourceID = source.id
            updated.beaconRoundNumber = round
            updated.beaconRound = description.zh
        }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if campaign.status == .open, !changes.isEmpty {
            guard CampaignStepGuard.reasonLength.contains(text.count) else {
                throw CampaignProblem("reason", zh: "报名已经开始：修改须写明理由（\(CampaignStepGuard.reasonLength.lowerBound)–\(CampaignStepGuard.reasonLength.upperBound) 字），家长会看到。",
                                      en: "Registration is open: a change needs a reason (\(CampaignStepGuard.reasonLength.lowerBound)–\(CampaignStepGuard.reasonLength.upperBound) characters), which families will read.")
            }
        }
        return (updated, changes, String(text.prefix(CampaignStepGuard.reasonLength.upperBound)))
    }

    /// A stored round value ("drand-quicknet 12345678") as its source and number; nil for free text.
    public static func round(fromStored value: String) -> (source: BeaconSource, round: Int64)? {
        let parts = value.split(separator: " ")
        guard parts.count == 2, let source = BeaconSource.named(String(parts[0])), let round = Int64(parts[1]),
              BeaconSource.rounds.contains(round) else { return nil }
        return (source, round)
    }
}
