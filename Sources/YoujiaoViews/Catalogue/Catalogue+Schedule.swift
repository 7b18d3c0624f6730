import YoujiaoCore

extension Catalogue {
    /// A campaign's window and beacon round, and the public log of their changes.
    public enum Schedule: PhraseBook {
        case editLink, save, saved, changesTable, changedAt, changedBy, what, oldValue, newValue, reason, beforeOpening, noChanges
        case beaconRoundName, reasonHint, draftExplanation, openExplanation, noticesHeading

        public var phrase: Phrase {
            switch self {
            case .editLink: return Phrase(zh: "修改报名日期或随机数轮次", en: "Change the dates or the beacon round")
            case .save: return Phrase(zh: "保存修改", en: "Save the changes")
            case .saved: return Phrase(zh: "已保存：修改已记入公开记录，家长可以看到。", en: "Saved: the change is in the public log families read.")
            case .changesTable: return Phrase(zh: "日期与轮次的修改记录", en: "Changes to the dates and the round")
            case .changedAt: return Phrase(zh: "时间", en: "Time")
            case .changedBy: return Phrase(zh: "修改人", en: "Changed by")
            case .what: return Phrase(zh: "修改项", en: "What")
            case .oldValue: return Phrase(zh: "原为", en: "Was")
            case .newValue: return Phrase(zh: "改为", en: "Now")
            case .reason: return Phrase(zh: "理由", en: "Reason")
            case .beforeOpening: return Phrase(zh: "（报名开始前修改，无需理由）", en: "(changed before registration opened; no reason needed)")
            case .noChanges: return Phrase(zh: "日期和随机数轮次没有改过。", en: "The dates and the round have not changed.")
            case .beaconRoundName: return Phrase(zh: "公开随机数轮次", en: "Beacon round")
            case .reasonHint: return Phrase(zh: "报名开始后必须写明理由；理由连同修改一起向家长公开。", en: "Required once registration is open; families read the reason with the change.")
            case .draftExplanation:
                return Phrase(zh: "报名尚未开始：可以修改日期和轮次，每次修改都会记录。", en: "Registration has not opened: the dates and the round may change; every change is logged.")
            case .openExplanation:
                return Phrase(zh: "报名已经开始：开始日期不能再改；截止日期不能改到今天之前；每次修改须写明理由，家长会在“入学报名”页和公开核验页看到。",
                              en: "Registration is open: the opening day stays; the closing day cannot move into the past; each change needs a reason, which families read on their page and on the public page.")
            case .noticesHeading: return Phrase(zh: "招生安排的变更", en: "Changes to this campaign's schedule")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.schedule(.pageTitle(.verbatim("2027 年黄浦区一年级入学"))), .beaconRoundName(source: "drand quicknet", round: 12_345_678),
             .scheduleNotice(what: .campaign(.closesOn), old: .day(CaseDate("2027-05-20")!), new: .day(CaseDate("2027-05-27")!),
                             at: .beijingTime("2027-05-10 09:30"), reason: "系统维护，延长一周"),
             .scheduleNotice(what: .campaign(.opensOn), old: .day(CaseDate("2027-04-20")!), new: .day(CaseDate("2027-04-22")!),
                             at: .beijingTime("2027-04-01 09:30"), reason: "")]
        }
    }

    public enum ScheduleText: Sendable, Hashable {
        case pageTitle(Phrase)
        var phrase: Phrase {
            switch self {
            case .pageTitle(let campaign): return Phrase(zh: "修改日期与轮次：\(campaign.zh)", en: "Dates and round: \(campaign.en)")
            }
        }
    }
}

extension Phrase {
    public static func schedule(_ key: Catalogue.Schedule) -> Phrase { key.phrase }
    public static func schedule(_ text: Catalogue.ScheduleText) -> Phrase { text.phrase }

    public static func beaconRoundName(source: String, round: Int64) -> Phrase {
        Phrase(zh: "\(source) 第 \(round) 轮", en: "\(source) round \(round)")
    }

    /// "报名截止日期已于 2027-05-10 09:30（北京时间）由 2027年5月20日 改为 2027年5月27日。理由：……"
    public static func scheduleNotice(what: Phrase, old: Phrase, new: Phrase, at: Phrase, reason: String) -> Phrase {
        Phrase(zh: "\(what.zh)已于 \(at.zh)由 \(old.zh) 改为 \(new.zh)。" + (reason.isEmpty ? "" : "理由：\(reason)"),
               en: "\(what.en) changed at \(at.en) from \(old.en) to \(new.en)." + (reason.isEmpty ? "" : " Reason: \(reason)"))
    }
}
