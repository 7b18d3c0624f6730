import YoujiaoCore

extension Catalogue {
    /// The family's application form (入学、入园报名) and its change log.
    public enum Application: PhraseBook {
        case child, typeIDNumber, typeIDNumberHint, track, trackPublic, trackPrivate, trackHint
        case firstChoice, adjustmentChoice, noChoice, privateChoiceHint, zone, zoneHint, tier, tierHint
        case tier1, tier2, tier3, tier4, yearsAtAddress, yearsHint, submit, history, historyTable
        case at, by, action, content, registered, changed, problemHeading

        public var phrase: Phrase {
            switch self {
            case .child: return Phrase(zh: "孩子", en: "Child")
            case .typeIDNumber: return Phrase(zh: "请再次输入孩子的身份证件号", en: "Type the child's ID number")
            case .typeIDNumberHint:
                return Phrase(zh: "为确认是为这个孩子报名，请输入完整的 18 位号码；页面上只显示脱敏号码。",
                              en: "To confirm the application is for this child, type all 18 characters; the page shows only the masked number.")
            case .track: return Phrase(zh: "公办或民办（二选一）", en: "Public or private (one of the two)")
            case .trackPublic: return Phrase(zh: "公办学校（按施教区安排）", en: "Public school (by catchment zone)")
            case .trackPrivate: return Phrase(zh: "民办学校（超额时电脑随机录取）", en: "Private school (a lottery when oversubscribed)")
            case .trackHint:
                return Phrase(zh: "公民同招：选择民办而未被录取的孩子，仍由区教育局在公办学校统筹安排学位。",
                              en: "Public and private enrol together: a child not admitted to a private school still gets a public place arranged by the district.")
            case .firstChoice: return Phrase(zh: "第一志愿（民办学校）", en: "First choice (private school)")
            case .adjustmentChoice: return Phrase(zh: "调剂志愿（民办学校，可不填）", en: "Second choice (private school, optional)")
            case .noChoice: return Phrase(zh: "（不填）", en: "(none)")
            case .privateChoiceHint: return Phrase(zh: "只在选择民办学校时填写。", en: "Only when you choose a private school.")
            case .zone: return Phrase(zh: "施教区（按家庭住址）", en: "Catchment zone (by your home address)")
            case .zoneHint: return Phrase(zh: "按对口学校列出；不确定时请咨询区教育局。", en: "Listed by the school that serves the zone; ask the district bureau if unsure.")
            case .tier: return Phrase(zh: "入学类别", en: "Admission category")
            case .tierHint:
                return Phrase(zh: "类别由区教育局按户籍与居住情况认定；数字越小，在对口公办学校排序越靠前。",
                              en: "The district bureau decides the category from household registration and residence; a lower number ranks earlier at the catchment school.")
            case .tier1: return Phrase(zh: "第一类：人户一致（户籍在本施教区且在此居住）", en: "Category 1: registered and living at this address")
            case .tier2: return Phrase(zh: "第二类", en: "Category 2")
            case .tier3: return Phrase(zh: "第三类", en: "Category 3")
            case .tier4: return Phrase(zh: "第四类", en: "Category 4")
            case .yearsAtAddress: return Phrase(zh: "在该地址居住年数", en: "Years at the address")
            case .yearsHint: return Phrase(zh: "整年数，0–99。同一类别中居住年数长的优先。", en: "Whole years, 0–99. Within a category, longer residence ranks first.")
            case .submit: return Phrase(zh: "提交报名", en: "Submit the application")
            case .history: return Phrase(zh: "报名修改记录", en: "Changes to this application")
            case .historyTable: return Phrase(zh: "本报名的每一次提交和修改", en: "Every submission and change of this application")
            case .at: return Phrase(zh: "时间（北京时间）", en: "Time (Beijing)")
            case .by: return Phrase(zh: "操作人", en: "By")
            case .action: return Phrase(zh: "操作", en: "Action")
            case .content: return Phrase(zh: "报名内容", en: "Application")
            case .registered: return Phrase(zh: "报名", en: "Registered")
            case .changed: return Phrase(zh: "修改", en: "Changed")
            case .problemHeading: return Phrase(zh: "报名未能提交：", en: "The application was not submitted:")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.applicationContent(track: .private, choices: ["民办甲小学"], tier: .application(.tier1), years: 3, zone: .verbatim("黄浦区第一中心小学施教区"))]
        }
    }
}

extension Phrase {
    public static func application(_ key: Catalogue.Application) -> Phrase { key.phrase }

    public static func admissionTier(_ tier: Int) -> Phrase {
        switch tier {
        case 1: return .application(.tier1)
        case 2: return .application(.tier2)
        case 3: return .application(.tier3)
        default: return .application(.tier4)
        }
    }

    /// One application as the change log shows it.
    public static func applicationContent(track: EnrollmentTrack, choices: [String], tier: Phrase, years: Int, zone: Phrase) -> Phrase {
        let route = track == .public ? Phrase(zh: "公办", en: "public") : Phrase(zh: "民办", en: "private")
        let chosen = choices.isEmpty ? "" : choices.joined(separator: "、")
        return Phrase(zh: "\(route.zh)\(chosen.isEmpty ? "" : "（\(chosen)）")；\(zone.zh)；\(tier.zh)；居住 \(years) 年",
                      en: "\(route.en)\(chosen.isEmpty ? "" : " (\(chosen))"); \(zone.en); \(tier.en); \(years) years at the address")
    }
}

extension Catalogue {
    /// A family's list of its children's school-entry campaigns.
    public enum FamilyEnrollment: PhraseBook {
        case childrenTable, registration, form, result, registered, notRegistered, register, change, noResultYet, nothingNow
        case publicPage, applicationSaved

        public var phrase: Phrase {
            switch self {
            case .childrenTable: return Phrase(zh: "您的孩子", en: "Your children")
            case .registration: return Phrase(zh: "报名情况", en: "Registration")
            case .form: return Phrase(zh: "报名表", en: "Form")
            case .result: return Phrase(zh: "结果", en: "Result")
            case .registered: return Phrase(zh: "已报名", en: "Registered")
            case .notRegistered: return Phrase(zh: "未报名", en: "Not registered")
            case .register: return Phrase(zh: "报名", en: "Register")
            case .change: return Phrase(zh: "修改", en: "Change")
            case .noResultYet: return Phrase(zh: "尚未发布", en: "Not published yet")
            case .nothingNow: return Phrase(zh: "目前没有您的孩子可以参加的招生。", en: "No campaign for your children at present.")
            case .publicPage: return Phrase(zh: "派位公开核验页", en: "Public verification of the draw")
            case .applicationSaved: return Phrase(zh: "报名已提交。报名期内仍可修改。", en: "The application is submitted. You can change it until registration closes.")
            }
        }

        public static var parameterisedExamples: [Phrase] { [] }
    }
}

extension Phrase {
    public static func familyEnrollment(_ key: Catalogue.FamilyEnrollment) -> Phrase { key.phrase }
}
