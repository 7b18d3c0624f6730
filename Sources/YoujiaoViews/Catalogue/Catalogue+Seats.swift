import YoujiaoCore

extension Catalogue {
    /// A campaign's seats per district and school, the owner's form and the change log.
    public enum Seats: PhraseBook {
        case district, publicSeats, privateSeats, seats, applications, privateTrack, gap, perDistrict, perSchool
        case school, ownership, zones, registrySeats, campaignSeats, changeTo, changes, changedAt, changedBy, oldSeats, newSeats
        case noChanges, totalSeats, chartTitle, ownerEdits, frozenNote, saveSeats, backToCampaign

        public var phrase: Phrase {
            switch self {
            case .district: return Phrase(zh: "区", en: "District")
            case .publicSeats: return Phrase(zh: "公办学位", en: "Public seats")
            case .privateSeats: return Phrase(zh: "民办学位", en: "Private seats")
            case .seats: return Phrase(zh: "学位", en: "Seats")
            case .applications: return Phrase(zh: "报名人数", en: "Applications")
            case .privateTrack: return Phrase(zh: "其中报名民办", en: "Of which private track")
            case .gap: return Phrase(zh: "学位减报名", en: "Seats minus applications")
            case .perDistrict: return Phrase(zh: "各区学位与报名", en: "Seats and applications per district")
            case .perSchool: return Phrase(zh: "各校学位", en: "Seats per school")
            case .school: return Phrase(zh: "学校", en: "School")
            case .ownership: return Phrase(zh: "性质", en: "Ownership")
            case .zones: return Phrase(zh: "施教区数", en: "Catchment zones")
            case .registrySeats: return Phrase(zh: "登记学位（默认）", en: "Registry seats (default)")
            case .campaignSeats: return Phrase(zh: "本次学位", en: "Seats in this campaign")
            case .changeTo: return Phrase(zh: "修改为", en: "Change to")
            case .changes: return Phrase(zh: "修改记录", en: "Changes")
            case .changedAt: return Phrase(zh: "时间", en: "Time")
            case .changedBy: return Phrase(zh: "修改人", en: "Changed by")
            case .oldSeats: return Phrase(zh: "原学位", en: "Old seats")
            case .newSeats: return Phrase(zh: "新学位", en: "New seats")
            case .noChanges: return Phrase(zh: "学位尚未修改过：各校使用登记的学位。", en: "No seats have been changed: every school has its registry seats.")
            case .totalSeats: return Phrase(zh: "学位合计（公办 + 民办）", en: "Seats (public + private)")
            case .chartTitle: return Phrase(zh: "各区学位与报名人数", en: "Seats and applications per district")
            case .ownerEdits: return Phrase(zh: "学位由负责本次招生的教育局修改。", en: "The authority running this campaign edits the seats.")
            case .frozenNote: return Phrase(zh: "名单已冻结，学位不能再修改；派位使用冻结时的学位。",
                                            en: "The list is frozen: the seats can no longer change; the draw uses the seats frozen with it.")
            case .saveSeats: return Phrase(zh: "保存学位", en: "Save the seats")
            case .backToCampaign: return Phrase(zh: "返回招生页", en: "Back to the campaign")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.seats(.pageTitle(.verbatim("2027 年黄浦区一年级入学"))), .seats(.saved(3)), .seats(.publicPlusPrivate(publicSeats: 1_200, privateSeats: 300)),
             .seats(.barSeats("黄浦区")), .seats(.barApplications("黄浦区")), .seats(.formHint(maximum: 2_000))]
        }
    }

    /// The seats book's phrases that take numbers or names.
    public enum SeatsText: Sendable, Hashable {
        case pageTitle(Phrase), saved(Int), publicPlusPrivate(publicSeats: Int, privateSeats: Int)
        case barSeats(String), barApplications(String), formHint(maximum: Int)

        var phrase: Phrase {
            switch self {
            case .pageTitle(let campaign): return Phrase(zh: "学位：\(campaign.zh)", en: "Seats: \(campaign.en)")
            case .saved(let count): return Phrase(zh: "已保存：\(count) 所学校的学位有修改。", en: "Saved: the seats of \(count) schools changed.")
            case .publicPlusPrivate(let publicSeats, let privateSeats):
                return Phrase(zh: "（\(Format.number(publicSeats)) + \(Format.number(privateSeats))）",
                              en: " (\(Format.number(publicSeats)) + \(Format.number(privateSeats)))")
            case .barSeats(let district): return Phrase(zh: "\(district) 学位", en: "\(district) seats")
            case .barApplications(let district): return Phrase(zh: "\(district) 报名", en: "\(district) applied")
            case .formHint(let maximum):
                return Phrase(zh: "每所学校 0–\(Format.number(maximum)) 的整数；全部保存或全部不保存。",
                              en: "A whole number 0–\(Format.number(maximum)) per school; all saved or nothing.")
            }
        }
    }
}

extension Phrase {
    public static func seats(_ key: Catalogue.Seats) -> Phrase { key.phrase }
    public static func seats(_ text: Catalogue.SeatsText) -> Phrase { text.phrase }
}
