import YoujiaoCore

extension Catalogue {
    /// 中考招生录取: the campaign, its quota table, candidates, steps, public page and the family's result.
    public enum Zhongkao: PhraseBook {
        case listTitle, campaignsTable, noCampaigns, year, candidates, highSchools, planSeats, quotaSeats, unifiedSeats
        case rounds, tieBreaks, quotasLink, candidatesLink, editQuotasLink, plansCaption, quotaLinesCaption, school, district, kind
        case round, scope, seats, changeTo, saveQuotas, quotasFrozen, quotasSetBySchools, noQuotaLines, candidateID, name, juniorSchool
        case total, result, reason, candidatesCaption, noCandidates, reportCaption, admitted, movedToUnified, admissionLine
        case noAdmission, routesCaption, freezeClosesQuotas, freezePublishesHash, drawAdmits, publishTellsFamilies, publishFiles
        case createHeading, createButton, beaconRoundNumber, beaconRoundHint, notaryCommitment, commitmentHint, verificationLink
        case checkItYourselfSentence, familyHeading, candidateNumber, score, notAdmittedYet, backToCampaign, preAdmitted
        case chartTitle, route, stepOpen, stepFreeze, stepDraw, stepPublish, seedFormulaNote
        case noSuchAdmission, cityAdminsOnly, ownQuotasOnly, notForFamilies, notFrozenYet

        public var phrase: Phrase {
            switch self {
            case .listTitle: Phrase(zh: "中考招生录取", en: "Senior-high school admission")
            case .campaignsTable: Phrase(zh: "各年度中考招生", en: "Admissions by year")
            case .noCampaigns: Phrase(zh: "还没有中考招生。", en: "No senior-high admission yet.")
            case .year: Phrase(zh: "年度", en: "Year")
            case .candidates: Phrase(zh: "考生", en: "Candidates")
            case .highSchools: Phrase(zh: "招生高中", en: "High schools")
            case .planSeats: Phrase(zh: "招生计划", en: "Planned seats")
            case .quotaSeats: Phrase(zh: "名额分配", en: "Quota seats")
            case .unifiedSeats: Phrase(zh: "统一招生", en: "Unified seats")
            case .rounds: Phrase(zh: "录取批次（按顺序）", en: "Rounds (in order)")
            case .tieBreaks: Phrase(zh: "同分比较（依次）", en: "Ties broken by (in order)")
            case .quotasLink: Phrase(zh: "名额分配表", en: "Quota table")
            case .candidatesLink: Phrase(zh: "考生与录取结果", en: "Candidates and results")
            case .editQuotasLink: Phrase(zh: "填报本校名额分配", en: "Set this school's quotas")
            case .plansCaption: Phrase(zh: "各高中招生计划", en: "Each high school's plan")
            case .quotaLinesCaption: Phrase(zh: "名额分配（到区、到校）", en: "Quota seats (per district, per junior school)")
            case .school: Phrase(zh: "高中", en: "High school")
            case .district: Phrase(zh: "区", en: "District")
            case .kind: Phrase(zh: "类别", en: "Kind")
            case .round: Phrase(zh: "批次", en: "Round")
            case .scope: Phrase(zh: "分配给", en: "Reserved for")
            case .seats: Phrase(zh: "名额", en: "Seats")
            case .changeTo: Phrase(zh: "修改为", en: "Change to")
            case .saveQuotas: Phrase(zh: "保存名额", en: "Save the quotas")
            case .quotasFrozen: Phrase(zh: "名额分配表已冻结，不能再修改；录取使用冻结时的名额。",
                                       en: "The quota table is frozen and can no longer change; admission uses the frozen seats.")
            case .quotasSetBySchools: Phrase(zh: "名额由各高中在名单冻结前填报；合计不能超过该校招生计划，其余名额进入统一招生。",
                                             en: "Each high school sets its quotas before the list is frozen; they may not exceed its plan, and the rest goes to unified admission.")
            case .noQuotaLines: Phrase(zh: "没有名额分配。", en: "No quota seats.")
            case .candidateID: Phrase(zh: "报名号", en: "Candidate number")
            case .name: Phrase(zh: "姓名", en: "Name")
            case .juniorSchool: Phrase(zh: "初中学校", en: "Junior school")
            case .total: Phrase(zh: "总分", en: "Total")
            case .result: Phrase(zh: "录取学校", en: "Admitted to")
            case .reason: Phrase(zh: "说明", en: "Why")
            case .candidatesCaption: Phrase(zh: "考生", en: "Candidates")
            case .noCandidates: Phrase(zh: "没有考生。", en: "No candidates.")
            case .reportCaption: Phrase(zh: "各校各批次录取情况", en: "Admissions per school and round")
            case .admitted: Phrase(zh: "录取", en: "Admitted")
            case .movedToUnified: Phrase(zh: "转入统一招生", en: "Moved to unified")
            case .admissionLine: Phrase(zh: "投档线（最低录取总分）", en: "Admission line (lowest total admitted)")
            case .noAdmission: Phrase(zh: "无人录取", en: "nobody admitted")
            case .routesCaption: Phrase(zh: "各批次录取人数", en: "Candidates admitted per round")
            case .freezeClosesQuotas: Phrase(zh: "名额分配表和考生名单将冻结，各高中不能再修改名额。",
                                             en: "The quota table and the candidate list are frozen; high schools can no longer change their quotas.")
            case .freezePublishesHash: Phrase(zh: "四个输入文件和名单哈希值将公布在公开核验页上。",
                                              en: "The four input files and the list hash are published on the public page.")
            case .drawAdmits: Phrase(zh: "按“分数优先、遵循志愿、一次投档”逐批次录取每名考生；结果先供审核，尚不通知考生。",
                                     en: "Every candidate is admitted round by round, highest score first, by their choices; the results are for review, not yet shown to families.")
            case .publishTellsFamilies: Phrase(zh: "每名考生的家庭将看到录取结果和理由。", en: "Every candidate's family sees the result with the reason.")
            case .publishFiles: Phrase(zh: "录取结果和各校投档线公布在公开核验页上，任何人都可以重新计算核对。",
                                       en: "The results and each school's admission line are published on the public page for anyone to recompute.")
            case .createHeading: Phrase(zh: "新建中考招生", en: "New senior-high admission")
            case .createButton: Phrase(zh: "新建", en: "Create")
            case .beaconRoundNumber: Phrase(zh: "派位使用的 drand quicknet 轮次", en: "drand quicknet round that decides ties")
            case .beaconRoundHint: Phrase(zh: "须晚于名单冻结时间；新建后会公布其产生时间。", en: "It must come after the freeze; its time is published once created.")
            case .notaryCommitment: Phrase(zh: "公证密钥的 SHA-256（64 位十六进制）", en: "SHA-256 of the notary's secret (64 hex digits)")
            case .commitmentHint: Phrase(zh: "由公证处事先提供；密钥本身在录取时才填写。", en: "Handed over by the notary beforehand; the secret itself is entered at the draw.")
            case .verificationLink: Phrase(zh: "公开核验页", en: "Public verification page")
            case .checkItYourselfSentence: Phrase(zh: "下载下面的文件和 Python 核验程序（只用 Python 3 标准库），运行下面的命令即可逐行重算录取结果。",
                                                  en: "Download the files below and the Python verifier (Python 3 standard library only), then run the command to recompute every admission.")
            case .familyHeading: Phrase(zh: "中考录取", en: "Senior-high admission")
            case .candidateNumber: Phrase(zh: "报名号", en: "Candidate number")
            case .score: Phrase(zh: "总分", en: "Total score")
            case .notAdmittedYet: Phrase(zh: "录取结果尚未公布。", en: "The results are not published yet.")
            case .backToCampaign: Phrase(zh: "返回中考招生页", en: "Back to the admission")
            case .preAdmitted: Phrase(zh: "提前录取", en: "Admitted beforehand")
            case .chartTitle: Phrase(zh: "各批次录取人数", en: "Admitted per round")
            case .route: Phrase(zh: "录取方式", en: "How")
            case .stepOpen: Phrase(zh: "开始填报名额", en: "Open the quota table")
            case .stepFreeze: Phrase(zh: "冻结名单…", en: "Freeze the list…")
            case .stepDraw: Phrase(zh: "录取…", en: "Admit…")
            case .stepPublish: Phrase(zh: "发布结果…", en: "Publish…")
            case .noSuchAdmission: Phrase(zh: "没有这次中考招生。", en: "No such senior-high admission.")
            case .cityAdminsOnly: Phrase(zh: "只有市教委可以进行此操作。", en: "Only the city's administrators may do this.")
            case .ownQuotasOnly: Phrase(zh: "学校只能填报本校的名额分配。", en: "A school sets only its own quotas.")
            case .notForFamilies: Phrase(zh: "家长请在“入学报名”页查看孩子的中考录取结果。", en: "Families find their child's result on the school entry page.")
            case .notFrozenYet: Phrase(zh: "名单尚未冻结，还没有公开文件。", en: "The list is not frozen yet: nothing is published.")
            case .seedFormulaNote: Phrase(zh: "种子 = SHA-256（公开随机数 ‖ 公证密钥 ‖ 名单哈希），只用于同分同比较项时的最终排序。",
                                          en: "Seed = SHA-256(beacon value ‖ notary secret ‖ list hash); it orders only candidates equal on every score.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.zhongkao(.title(year: 2027)), .zhongkao(.quotasTitle(year: 2027)), .zhongkao(.candidatesTitle(year: 2027)),
             .zhongkao(.verificationTitle(year: 2027)), .zhongkao(.saved(3)), .zhongkao(.status(.open)), .zhongkao(.roundName(.quotaSchool)),
             .zhongkao(.routeName(.preAdmitted)), .zhongkao(.scopeDistrict("黄浦区")), .zhongkao(.scopeSchool("格致初级中学")),
             .zhongkao(.formHint(maximum: 100_000)), .zhongkao(.lineValue(total: 702, tieBreaks: [430, 140, 135])),
             .zhongkao(.tieBreakColumn("chinese_math_english")), .zhongkao(.tieBreakColumn("math")), .zhongkao(.tieBreakColumn("chinese")),
             .zhongkao(.tieBreakColumn("english")), .zhongkao(.tieBreakColumn("physics")), .zhongkao(.tieBreakColumn("chemistry"))]
        }
    }

    /// The 中考 book's phrases that take numbers or names.
    public enum ZhongkaoText: Sendable, Hashable {
        case title(year: Int), quotasTitle(year: Int), candidatesTitle(year: Int), verificationTitle(year: Int), saved(Int)
        case status(CampaignStatus), roundName(ZhongkaoRound), routeName(ZhongkaoOutcomeRoute), scopeDistrict(String), scopeSchool(String)
        case formHint(maximum: Int), lineValue(total: Int, tieBreaks: [Int]), tieBreakColumn(String)

        var phrase: Phrase {
            switch self {
            case .title(let year): Phrase(zh: "\(year) 年中考招生录取", en: "Senior-high admission \(year)")
            case .quotasTitle(let year): Phrase(zh: "名额分配表：\(year) 年中考", en: "Quota table: senior-high admission \(year)")
            case .candidatesTitle(let year): Phrase(zh: "考生：\(year) 年中考", en: "Candidates: senior-high admission \(year)")
            case .verificationTitle(let year): Phrase(zh: "录取核验：\(year) 年中考", en: "Admission verification: senior-high admission \(year)")
            case .saved(let count): Phrase(zh: "已保存：\(count) 条名额有修改。", en: "Saved: \(count) quota lines changed.")
            case .status(let status):
                Phrase(zh: ZhongkaoCampaign.words(for: status).zh, en: ZhongkaoCampaign.words(for: status).en)
            case .roundName(let round):
                Phrase(zh: ZhongkaoResultReason.roundName(round).zh, en: ZhongkaoResultReason.roundName(round).en)
            case .routeName(let route):
                switch route {
                case .quotaDistrict: Catalogue.ZhongkaoText.roundName(.quotaDistrict).phrase
                case .quotaSchool: Catalogue.ZhongkaoText.roundName(.quotaSchool).phrase
                case .unified: Catalogue.ZhongkaoText.roundName(.unified).phrase
                case .preAdmitted: Phrase(zh: "提前录取", en: "admitted beforehand")
                case .unadmitted: Phrase(zh: "未录取", en: "not admitted")
                }
            case .scopeDistrict(let district): Phrase(zh: "\(district)考生", en: "candidates of \(district)")
            case .scopeSchool(let school): Phrase(zh: "\(school)考生", en: "candidates of \(school)")
            case .formHint(let maximum):
                Phrase(zh: "每条 0–\(Format.number(maximum)) 的整数，合计不超过该校招生计划；全部保存或全部不保存。",
                       en: "A whole number 0–\(Format.number(maximum)) per line, in all no more than the school's plan; all saved or nothing.")
            case .tieBreakColumn(let column):
                // Subjects a city's rules commonly name; any other column is shown as the city named it.
                switch column {
                case "chinese_math_english": Phrase(zh: "语数外合计", en: "Chinese, maths and English together")
                case "math": Phrase(zh: "数学", en: "Maths")
                case "chinese": Phrase(zh: "语文", en: "Chinese")
                case "english": Phrase(zh: "外语", en: "Foreign language")
                case "physics": Phrase(zh: "物理", en: "Physics")
                case "chemistry": Phrase(zh: "化学", en: "Chemistry")
                default: .verbatim(column)
                }
            case .lineValue(let total, let tieBreaks):
                tieBreaks.isEmpty ? Phrase(zh: "\(total) 分", en: "\(total) points")
                    : Phrase(zh: "\(total) 分（同分比较 \(tieBreaks.map(String.init).joined(separator: " / "))）",
                             en: "\(total) points (ties: \(tieBreaks.map(String.init).joined(separator: " / ")))")
            }
        }
    }
}

extension Phrase {
    public static func zhongkao(_ key: Catalogue.Zhongkao) -> Phrase { key.phrase }
    public static func zhongkao(_ text: Catalogue.ZhongkaoText) -> Phrase { text.phrase }
}
