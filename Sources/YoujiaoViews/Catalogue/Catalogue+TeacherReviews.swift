import YoujiaoCore

extension Catalogue {
    /// The district's review lists of teachers: hires from protected provinces, promotions to
    /// school leadership against the rotation rule, and rotation experience for 正高级/特级 appraisal.
    public enum TeacherReviews: PhraseBook {
        case link, poachingHeading, poachingIntro, promotionHeading, appraisalHeading, appraisalIntro
        case province, hired, proposedPost, postSchool, postStart, state, daysServed, rotationCheck, standing, rotationCount
        case rotationKinds, rotationSchools, planned, appointed, lacking, meeting, noRotation
        case allProvinces, allProposals, lackingOnly, meetingOnly, allStandings
        case poachingCount, lackingCount, appraisalCount, noPoaching, noPromotions, noAppraisal, backToDistrict, notAChoice

        public var phrase: Phrase {
            switch self {
            case .link: Phrase(zh: "晋升、评审与引进教师审核名单", en: "Review lists: promotions, appraisal and hires")
            case .poachingHeading: Phrase(zh: "引进教师审核：原单位在中西部和东北地区", en: "Hires from central, western and north-eastern provinces")
            case .poachingIntro:
                Phrase(zh: "原单位在中西部和东北地区、具有高级及以上职称或区级及以上骨干称号的新入职教师，须经区教育局审核，防止违规抽调当地教师。",
                       en: "New hires whose previous employer is in a central, western or north-eastern province and who hold a senior title or a district or city key-teacher level; the district reviews each so that no school poaches those provinces' teachers.")
            case .promotionHeading: Phrase(zh: "拟提任校级领导的中层干部", en: "Middle managers proposed for school leadership")
            case .appraisalHeading: Phrase(zh: "正高级、特级教师评审：交流轮岗经历", en: "Appraisal for full senior and special-grade teachers: rotation experience")
            case .appraisalIntro:
                Phrase(zh: "正高级教师，以及具有高级职称的市级骨干教师（正高级、特级教师的申报人选）的交流轮岗经历，供评审参考。只计交流中和已期满返回的交流。",
                       en: "The rotation experience of full senior teachers and of senior teachers who are city key teachers (who may apply for the full senior title or special-grade teacher), for the appraisal file. Only rotations served or being served count.")
            case .province: Phrase(zh: "原单位所在省份", en: "Previous employer's province")
            case .hired: Phrase(zh: "入职日期", en: "Hired on")
            case .proposedPost: Phrase(zh: "提任职务", en: "Leadership post")
            case .postSchool: Phrase(zh: "任职学校", en: "At school")
            case .postStart: Phrase(zh: "任职日期", en: "From")
            case .state: Phrase(zh: "状态", en: "State")
            case .daysServed: Phrase(zh: "已交流天数", en: "Days rotated")
            case .rotationCheck: Phrase(zh: "交流经历", en: "Rotation")
            case .standing: Phrase(zh: "评审类别", en: "Appraisal standing")
            case .rotationCount: Phrase(zh: "交流次数", en: "Rotations")
            case .rotationKinds: Phrase(zh: "交流类型", en: "Kinds")
            case .rotationSchools: Phrase(zh: "交流学校", en: "Schools rotated to")
            case .planned: Phrase(zh: "拟任", en: "Proposed")
            case .appointed: Phrase(zh: "已任职", en: "Appointed")
            case .lacking: Phrase(zh: "交流经历不足", en: "Lacks rotation")
            case .meeting: Phrase(zh: "符合要求", en: "Meets the rule")
            case .noRotation: Phrase(zh: "无交流轮岗经历", en: "No rotation")
            case .allProvinces: Phrase(zh: "全部省份", en: "All provinces")
            case .allProposals: Phrase(zh: "全部人选", en: "Everyone proposed")
            case .lackingOnly: Phrase(zh: "只看交流经历不足的", en: "Lacking rotation only")
            case .meetingOnly: Phrase(zh: "只看符合要求的", en: "Meeting the rule only")
            case .allStandings: Phrase(zh: "全部类别", en: "Every standing")
            case .poachingCount: Phrase(zh: "待审核的引进教师", en: "Hires to review")
            case .lackingCount: Phrase(zh: "交流经历不足的提任人选", en: "Proposed leaders lacking rotation")
            case .appraisalCount: Phrase(zh: "评审名单人数", en: "Teachers in the appraisal list")
            case .noPoaching: Phrase(zh: "没有需要审核的引进教师。", en: "No hires to review.")
            case .noPromotions: Phrase(zh: "没有符合条件的提任人选。", en: "No middle managers proposed or appointed.")
            case .noAppraisal: Phrase(zh: "没有符合条件的教师。", en: "No teachers in this list.")
            case .backToDistrict: Phrase(zh: "返回区页面", en: "Back to the district")
            case .notAChoice: Phrase(zh: "筛选条件无效，请从列表中选择。", en: "Choose a filter from the list.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            YoujiaoCore.TeacherReviews.AppraisalStanding.allCases.map { .teacherReviews(.standingName($0)) }
                + [.teacherReviews(.pageTitle("黄浦区")), .teacherReviews(.promotionIntro(days: 365)),
                   .teacherReviews(.windowNote(since: CaseDate("2023-12-06")!))]
        }
    }

    /// The review book's phrases that take values.
    public enum TeacherReviewsText: Sendable, Hashable {
        case pageTitle(String), promotionIntro(days: Int), standingName(YoujiaoCore.TeacherReviews.AppraisalStanding), windowNote(since: CaseDate)

        var phrase: Phrase {
            switch self {
            case .pageTitle(let district): Phrase(zh: "教师审核名单：\(district)", en: "Teacher review lists: \(district)")
            case .promotionIntro(let days):
                Phrase(zh: "中层干部提任副校长、校长，须有 \(Format.number(days)) 天以上跨校交流轮岗经历（交流期间的天数，只计交流中和已期满返回的交流，算到任职前一天或今天）。列出已登记、尚未开始的校级领导任职，以及近一年内已任职的人员。",
                       en: "A middle manager promoted to vice-principal or principal needs at least \(Format.number(days)) days of cross-school rotation (served or being served, counted to the day before the post starts or to today). Listed: leadership appointments recorded ahead of their start, and those made within the last year.")
            case .standingName(let standing):
                switch standing {
                case .fullSenior: Phrase(zh: "正高级教师", en: "Full senior teacher")
                case .candidate: Phrase(zh: "高级教师、市级骨干（可申报）", en: "Senior teacher and city key teacher (may apply)")
                }
            case .windowNote(let since): Phrase(zh: "自 \(Phrase.day(since).zh) 起入职（近三年）。", en: "Hired since \(Phrase.day(since).en) (the last three years).")
            }
        }
    }
}

extension Phrase {
    public static func teacherReviews(_ key: Catalogue.TeacherReviews) -> Phrase { key.phrase }
    public static func teacherReviews(_ text: Catalogue.TeacherReviewsText) -> Phrase { text.phrase }
}
