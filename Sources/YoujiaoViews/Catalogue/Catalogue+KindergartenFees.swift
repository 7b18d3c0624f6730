import YoujiaoCore

extension Catalogue {
    /// Kindergarten fees made public: the public list, a kindergarten's fees, its form, complaints and the district's views.
    public enum KindergartenFees: PhraseBook {
        case publicTitle, publicIntro, kindergarten, district, kind, grade, careFee, otherFees, published, notPublished, allDistricts
        case searchName, noKindergartens, listCaption, itemsCaption, category, itemName, amount, period, covers, cap, noItems, printPage
        case complain, complainTitle, complainIntro, description, descriptionHint, contact, contactHint, submitComplaint, filedTitle
        case filedSentence, keepReference, statusTitle, reference, lookUp, noSuchReference, status, replies, noReply, filedAt
        case schoolTitle, addItem, addHint, remove, savedItem, removedItem, itemGone, notAKindergarten, districtTitle, chartTitle
        case withinCap, roomToCap, overCap, unpublishedCaption, allPublished, complaintCounts, queueTitle, queueCaption, noComplaints
        case allStatuses, searchComplaint, open, decide, step, note, noteHint, reply, replyHint, saveDecision, savedDecision, decisionsCaption
        case decidedAt, decidedBy, noDecisions, closedNote, contactPersonal, noContact, queueLink, districtLink, backToQueue, confirmHeading
        case confirmConsequence, confirmConsequenceReply, tooMany, capsNote, capDefaultNote, perMonth, perDay, typePublic, typeInclusive
        case typePrivate, noGrade, complaintsCount, publicLink, feesLink, statusLink, chooseKindergarten, printHint, overCapBadge

        public var phrase: Phrase {
            switch self {
            case .publicTitle: Phrase(zh: "幼儿园收费公示", en: "Kindergarten fees")
            case .publicIntro: Phrase(zh: "幼儿园只能收取保育教育费、住宿费（寄宿制）和代办服务性收费。公办和普惠性幼儿园的保育教育费不得超过区教育局公布的限额。",
                                      en: "Kindergartens may charge only the care-and-education fee, boarding (where they board) and service fees. Public and affordable kindergartens' care-and-education fee may not exceed the district's cap.")
            case .kindergarten: Phrase(zh: "幼儿园", en: "Kindergarten")
            case .district: Phrase(zh: "区", en: "District")
            case .kind: Phrase(zh: "类型", en: "Type")
            case .grade: Phrase(zh: "等级", en: "Grade")
            case .careFee: Phrase(zh: "保育教育费（元/月）", en: "Care and education (yuan a month)")
            case .otherFees: Phrase(zh: "其他收费", en: "Other fees")
            case .published: Phrase(zh: "已公示", en: "Published")
            case .notPublished: Phrase(zh: "未公示", en: "Not published")
            case .allDistricts: Phrase(zh: "全部区", en: "All districts")
            case .searchName: Phrase(zh: "幼儿园名称", en: "Kindergarten's name")
            case .noKindergartens: Phrase(zh: "没有符合条件的幼儿园。", en: "No kindergarten matches.")
            case .listCaption: Phrase(zh: "各幼儿园收费", en: "Fees by kindergarten")
            case .itemsCaption: Phrase(zh: "收费项目", en: "Fee items")
            case .category: Phrase(zh: "类别", en: "Category")
            case .itemName: Phrase(zh: "项目", en: "Item")
            case .amount: Phrase(zh: "金额（元）", en: "Amount (yuan)")
            case .period: Phrase(zh: "计费方式", en: "Charged")
            case .covers: Phrase(zh: "包含内容", en: "Covers")
            case .cap: Phrase(zh: "保育教育费限额（元/月）", en: "Cap (yuan a month)")
            case .noItems: Phrase(zh: "本园尚未公示收费。", en: "This kindergarten has not published its fees.")
            case .printPage: Phrase(zh: "打印（招生简章收费部分）", en: "Print (the brochure's fees section)")
            case .complain: Phrase(zh: "投诉收费问题", en: "Complain about a fee")
            case .complainTitle: Phrase(zh: "幼儿园收费投诉", en: "Complaint about a kindergarten fee")
            case .complainIntro: Phrase(zh: "无需登录。提交后您会得到一个查询编号，凭编号可查看处理进度和区教育局的答复。请勿填写孩子的身份证件号。",
                                        en: "No sign-in needed. You get a reference number to follow the complaint and read the district's reply. Do not enter a child's ID number.")
            case .description: Phrase(zh: "情况说明", en: "What happened")
            case .descriptionHint: Phrase(zh: "10 至 2000 字：收费的时间、方式、是否公示。", en: "10 to 2,000 characters: when, how, whether it was published.")
            case .contact: Phrase(zh: "联系方式（选填）", en: "Contact (optional)")
            case .contactHint: Phrase(zh: "电话或邮箱，仅区教育局工作人员可见。", en: "Phone or e-mail; only the district's staff see it.")
            case .submitComplaint: Phrase(zh: "提交投诉", en: "Submit the complaint")
            case .filedTitle: Phrase(zh: "投诉已提交", en: "Complaint filed")
            case .filedSentence: Phrase(zh: "投诉已提交，区教育局将受理并答复。", en: "The complaint is filed; the district will take it up and reply.")
            case .keepReference: Phrase(zh: "请记下查询编号：", en: "Keep this reference number:")
            case .statusTitle: Phrase(zh: "投诉处理进度查询", en: "Complaint status")
            case .reference: Phrase(zh: "查询编号", en: "Reference number")
            case .lookUp: Phrase(zh: "查询", en: "Look up")
            case .noSuchReference: Phrase(zh: "没有这个查询编号的投诉，请核对后再试。", en: "No complaint has this reference number; check it and try again.")
            case .status: Phrase(zh: "处理状态", en: "Status")
            case .replies: Phrase(zh: "区教育局答复", en: "The district's reply")
            case .noReply: Phrase(zh: "暂无答复。", en: "No reply yet.")
            case .filedAt: Phrase(zh: "提交时间", en: "Filed")
            case .schoolTitle: Phrase(zh: "本园收费公示", en: "Our published fees")
            case .addItem: Phrase(zh: "添加收费项目", en: "Add a fee item")
            case .addHint: Phrase(zh: "保育教育费和住宿费按月填写；伙食费等代办服务性收费按天或按月，并写明包含的内容。",
                                  en: "The care-and-education fee and boarding per month; service fees such as meals per day or month, saying what they cover.")
            case .remove: Phrase(zh: "删除", en: "Remove")
            case .savedItem: Phrase(zh: "收费项目已保存并公示。", en: "The fee item is saved and published.")
            case .removedItem: Phrase(zh: "收费项目已删除。", en: "The fee item is removed.")
            case .itemGone: Phrase(zh: "这个收费项目已不存在，请刷新页面。", en: "This item is gone already; reload the page.")
            case .notAKindergarten: Phrase(zh: "只有幼儿园公示收费。", en: "Only kindergartens publish fees here.")
            case .districtTitle: Phrase(zh: "幼儿园收费监管", en: "Kindergarten fee supervision")
            case .chartTitle: Phrase(zh: "各园保育教育费与限额（元/月）", en: "Care-and-education fee against the cap (yuan a month)")
            case .withinCap: Phrase(zh: "保育教育费", en: "Fee")
            case .roomToCap: Phrase(zh: "距限额", en: "Below the cap by")
            case .overCap: Phrase(zh: "超出限额", en: "Over the cap by")
            case .unpublishedCaption: Phrase(zh: "尚未公示收费的幼儿园", en: "Kindergartens that have not published fees")
            case .allPublished: Phrase(zh: "所有幼儿园均已公示收费。", en: "Every kindergarten has published its fees.")
            case .complaintCounts: Phrase(zh: "收费投诉（按状态）", en: "Fee complaints by status")
            case .queueTitle: Phrase(zh: "幼儿园收费投诉处理", en: "Kindergarten fee complaints")
            case .queueCaption: Phrase(zh: "投诉", en: "Complaints")
            case .noComplaints: Phrase(zh: "没有符合条件的投诉。", en: "No complaint matches.")
            case .allStatuses: Phrase(zh: "全部状态", en: "All statuses")
            case .searchComplaint: Phrase(zh: "幼儿园名称或查询编号", en: "Kindergarten or reference")
            case .open: Phrase(zh: "查看", en: "Open")
            case .decide: Phrase(zh: "处理", en: "Decide")
            case .step: Phrase(zh: "处理结果", en: "Decision")
            case .note: Phrase(zh: "处理意见（内部）", en: "Note (internal)")
            case .noteHint: Phrase(zh: "记入处理记录，家长看不到。", en: "Kept in the log; the parent does not see it.")
            case .reply: Phrase(zh: "给家长的答复（公开）", en: "Reply to the parent (published)")
            case .replyHint: Phrase(zh: "家长凭查询编号可以看到；不要写入个人信息。", en: "The parent reads it with the reference number; no personal data.")
            case .saveDecision: Phrase(zh: "记录处理结果", en: "Record the decision")
            case .savedDecision: Phrase(zh: "处理结果已记录。", en: "The decision is recorded.")
            case .decisionsCaption: Phrase(zh: "处理记录", en: "Decisions")
            case .decidedAt: Phrase(zh: "时间", en: "When")
            case .decidedBy: Phrase(zh: "处理人", en: "By")
            case .noDecisions: Phrase(zh: "尚未处理。", en: "No decision yet.")
            case .closedNote: Phrase(zh: "这件投诉已办结。", en: "This complaint is closed.")
            case .contactPersonal: Phrase(zh: "家长联系方式（个人信息，查看已记入审计日志）", en: "Parent's contact (personal data; this read is audited)")
            case .noContact: Phrase(zh: "家长未留联系方式。", en: "The parent left no contact.")
            case .queueLink: Phrase(zh: "收费投诉处理", en: "Fee complaints")
            case .districtLink: Phrase(zh: "收费监管概览", en: "Fee supervision")
            case .backToQueue: Phrase(zh: "返回投诉列表", en: "Back to the complaints")
            case .confirmHeading: Phrase(zh: "确认办结这件投诉", en: "Close this complaint")
            case .confirmConsequence: Phrase(zh: "投诉将办结，之后不能再记录处理结果。", en: "The complaint closes; no further decision can be recorded.")
            case .confirmConsequenceReply: Phrase(zh: "答复将向家长公开。", en: "The reply is published to the parent.")
            case .tooMany: Phrase(zh: "同一网络一小时内提交的投诉过多，请稍后再试或致电区教育局。",
                                  en: "Too many complaints from this network in an hour; try later or call the district.")
            case .capsNote: Phrase(zh: "限额适用于公办和普惠性幼儿园；民办非普惠幼儿园实行市场调节价，由区教育局监督。",
                                   en: "Caps bind public and affordable kindergartens; other private ones are market-priced and checked by the district.")
            case .capDefaultNote: Phrase(zh: "未导入本区限额表时，使用平台的默认限额（示范 700、一级 500、二级 400、三级 300 元/月），应以区教育局公布的标准替换。",
                                         en: "Until a district imports its own table, the platform's default caps apply (model 700, first 500, second 400, third 300 yuan a month); replace them with the district's standard.")
            case .perMonth: Phrase(zh: "按月", en: "per month")
            case .perDay: Phrase(zh: "按天", en: "per day")
            case .typePublic: Phrase(zh: "公办", en: "Public")
            case .typeInclusive: Phrase(zh: "民办普惠", en: "Private, affordable")
            case .typePrivate: Phrase(zh: "民办", en: "Private")
            case .noGrade: Phrase(zh: "未评定", en: "Not graded")
            case .complaintsCount: Phrase(zh: "投诉", en: "Complaints")
            case .publicLink: Phrase(zh: "公示页面", en: "Public page")
            case .feesLink: Phrase(zh: "收费公示", en: "Published fees")
            case .statusLink: Phrase(zh: "查询投诉处理进度", en: "Follow a complaint")
            case .chooseKindergarten: Phrase(zh: "请选择幼儿园", en: "Choose the kindergarten")
            case .printHint: Phrase(zh: "打印时只保留本园名称、收费项目和投诉渠道。", en: "The printout keeps the name, the fees and where to complain.")
            case .overCapBadge: Phrase(zh: "超限额", en: "Over the cap")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            KindergartenFeeCategory.allCases.map { Phrase.kindergartenFees(.category($0)) }
                + KindergartenGrade.allCases.map { Phrase.kindergartenFees(.grade($0)) }
                + FeeComplaint.Status.allCases.map { Phrase.kindergartenFees(.status($0)) }
                + FeeComplaint.Status.allCases.map { Phrase.kindergartenFees(.stepName($0)) }
                + [.kindergartenFees(.yuan(FeeAmount(fen: 70_050)!)), .kindergartenFees(.schoolTitle("黄浦区第一幼儿园")),
                   .kindergartenFees(.districtTitle("黄浦区")), .kindergartenFees(.queueTitle("黄浦区")), .kindergartenFees(.found(12)),
                   .kindergartenFees(.complaintTitle("YJF-23456789")), .kindergartenFees(.capFor(FeeAmount(fen: 70_000)!))]
        }
    }

    public enum KindergartenFeesText: Sendable, Hashable {
        case category(KindergartenFeeCategory), grade(KindergartenGrade), status(FeeComplaint.Status), stepName(FeeComplaint.Status)
        case yuan(FeeAmount), schoolTitle(String), districtTitle(String), queueTitle(String), found(Int), complaintTitle(String), capFor(FeeAmount)

        var phrase: Phrase {
            switch self {
            case .category(let category):
                switch category {
                case .careEducation: Phrase(zh: "保育教育费", en: "Care and education")
                case .boarding: Phrase(zh: "住宿费", en: "Boarding")
                case .service: Phrase(zh: "代办服务性收费", en: "Service fee")
                }
            case .grade(let grade):
                switch grade {
                case .model: Phrase(zh: "示范园", en: "Model")
                case .first: Phrase(zh: "一级园", en: "First grade")
                case .second: Phrase(zh: "二级园", en: "Second grade")
                case .third: Phrase(zh: "三级园", en: "Third grade")
                }
            case .status(let status):
                switch status {
                case .received: Phrase(zh: "待受理", en: "Received")
                case .accepted: Phrase(zh: "已受理", en: "Taken up")
                case .substantiated: Phrase(zh: "查实", en: "Substantiated")
                case .unfounded: Phrase(zh: "不属实", en: "Unfounded")
                case .rectified: Phrase(zh: "已整改", en: "Corrected")
                }
            case .stepName(let step):
                switch step {
                case .received: Phrase(zh: "提交", en: "Filed")
                case .accepted: Phrase(zh: "受理", en: "Take up")
                case .substantiated: Phrase(zh: "查实", en: "Substantiated")
                case .unfounded: Phrase(zh: "不属实（办结）", en: "Unfounded (closes it)")
                case .rectified: Phrase(zh: "已整改（办结）", en: "Corrected (closes it)")
                }
            case .yuan(let amount): Phrase(zh: "\(Format.yuan(amount)) 元", en: "\(Format.yuan(amount)) yuan")
            case .schoolTitle(let name): Phrase(zh: "收费公示：\(name)", en: "Fees: \(name)")
            case .districtTitle(let name): Phrase(zh: "幼儿园收费监管：\(name)", en: "Kindergarten fees: \(name)")
            case .queueTitle(let name): Phrase(zh: "幼儿园收费投诉：\(name)", en: "Kindergarten fee complaints: \(name)")
            case .found(let count): Phrase(zh: "共 \(Format.number(count)) 条", en: "\(Format.number(count)) found")
            case .complaintTitle(let reference): Phrase(zh: "收费投诉 \(reference)", en: "Fee complaint \(reference)")
            case .capFor(let amount): Phrase(zh: "限额 \(Format.yuan(amount)) 元/月", en: "Cap \(Format.yuan(amount)) yuan a month")
            }
        }
    }
}

extension Format {
    /// "1,200" or "12.50": yuan with thousands separators and the fen only when there are some.
    public static func yuan(_ amount: FeeAmount) -> String {
        let whole = number(amount.fen / 100)
        let fen = amount.fen % 100
        return fen == 0 ? whole : "\(whole).\(fen < 10 ? "0" : "")\(fen)"
    }
}

extension Phrase {
    public static func kindergartenFees(_ key: Catalogue.KindergartenFees) -> Phrase { key.phrase }
    public static func kindergartenFees(_ text: Catalogue.KindergartenFeesText) -> Phrase { text.phrase }
}
