import YoujiaoCore

extension Catalogue {
    /// Student aid without application (免申即享): the overview, a school's published list, the
    /// review queue and its decisions.
    public enum Aid: PhraseBook {
        case title, overviewIntro, schoolYear, byDistrict, bySchool, byPolicy, district, school, policy
        case pupils, grants, yuan, declinedCount, yuanSeries, chartByDistrict, chartByPolicy
        case districtTable, schoolTable, policyTable, noGrants, ownSchoolList
        case grantsTitle, grantsPrivacy, name, grade, classNumber, status, toBePaid, declined, grantsTable
        case reviewTitle, reviewIntro, reason, list, nameOnList, idNumber, nameInRegistry, detail, note
        case reviewTable, noReviewItems, allStatuses, allReasons, allLists, allDistricts, allSchools
        case open, granted, dismissed, cleared, withdrawn
        case decisionTitle, decisionLegend, chooseDecision, grantSame, dismiss, noteHint, next, backToQueue
        case noteNeeded, noteTooLong, alreadyDecided, confirmHeading, confirmDecision
        case grantConsequence, familySeesConsequence, dismissConsequence, logConsequence
        case decidedDone, invalidID, notAdultListing, entryNotValidThisYear

        public var phrase: Phrase {
            switch self {
            case .title: return Phrase(zh: "学生资助（免申即享）", en: "Student aid (no application needed)")
            case .overviewIntro:
                return Phrase(zh: "资助由民政等部门名单与学籍数据自动比对生成，家庭无需申请。",
                              en: "Aid is granted by matching the agencies' lists with the registry; families need not apply.")
            case .schoolYear: return Phrase(zh: "学年", en: "School year")
            case .byDistrict: return Phrase(zh: "各区", en: "By district")
            case .bySchool: return Phrase(zh: "各校", en: "By school")
            case .byPolicy: return Phrase(zh: "各项政策", en: "By policy")
            case .district: return Phrase(zh: "区", en: "District")
            case .school: return Phrase(zh: "学校", en: "School")
            case .policy: return Phrase(zh: "资助项目", en: "Policy")
            case .pupils: return Phrase(zh: "受助学生", en: "Pupils")
            case .grants: return Phrase(zh: "资助笔数", en: "Grants")
            case .yuan: return Phrase(zh: "金额（元）", en: "Amount (yuan)")
            case .declinedCount: return Phrase(zh: "家长放弃", en: "Declined")
            case .yuanSeries: return Phrase(zh: "资助金额（元）", en: "Aid (yuan)")
            case .chartByDistrict: return Phrase(zh: "各区资助金额", en: "Aid by district")
            case .chartByPolicy: return Phrase(zh: "各项政策资助金额", en: "Aid by policy")
            case .districtTable: return Phrase(zh: "各区资助汇总", en: "Aid by district")
            case .schoolTable: return Phrase(zh: "各校资助汇总", en: "Aid by school")
            case .policyTable: return Phrase(zh: "各项政策资助汇总", en: "Aid by policy")
            case .noGrants: return Phrase(zh: "本学年还没有资助记录。", en: "No aid has been granted this school year.")
            case .ownSchoolList: return Phrase(zh: "本校受助学生名单", en: "Pupils of this school receiving aid")
            case .grantsTitle: return Phrase(zh: "受助学生名单", en: "Pupils receiving aid")
            case .grantsPrivacy:
                return Phrase(zh: "公示名单不含身份证件号、家庭住址、出生日期和银行账户信息。",
                              en: "Published lists show no ID number, address, birth date or bank details.")
            case .name: return Phrase(zh: "姓名", en: "Name")
            case .grade: return Phrase(zh: "年级", en: "Grade")
            case .classNumber: return Phrase(zh: "班级", en: "Class")
            case .status: return Phrase(zh: "状态", en: "Status")
            case .toBePaid: return Phrase(zh: "发放", en: "to be paid")
            case .declined: return Phrase(zh: "家长已放弃", en: "declined by the family")
            case .grantsTable: return Phrase(zh: "受助学生", en: "Pupils receiving aid")
            case .reviewTitle: return Phrase(zh: "资助待审核", en: "Aid review queue")
            case .reviewIntro:
                return Phrase(zh: "名单中无法自动资助的记录：既不丢弃，也不自动发放，由工作人员审核。",
                              en: "List entries that cannot be granted automatically: never dropped, never granted silently; staff decide.")
            case .reason: return Phrase(zh: "原因", en: "Reason")
            case .list: return Phrase(zh: "名单", en: "List")
            case .nameOnList: return Phrase(zh: "名单姓名", en: "Name on the list")
            case .idNumber: return Phrase(zh: "身份证件号（已遮盖）", en: "ID number (masked)")
            case .nameInRegistry: return Phrase(zh: "学籍姓名", en: "Name in the registry")
            case .detail: return Phrase(zh: "说明", en: "Detail")
            case .note: return Phrase(zh: "处理说明", en: "Note")
            case .reviewTable: return Phrase(zh: "待审核记录", en: "Entries to review")
            case .noReviewItems: return Phrase(zh: "没有符合条件的待审核记录。", en: "No entries match these filters.")
            case .allStatuses: return Phrase(zh: "全部状态", en: "All statuses")
            case .allReasons: return Phrase(zh: "全部原因", en: "All reasons")
            case .allLists: return Phrase(zh: "全部名单", en: "All lists")
            case .allDistricts: return Phrase(zh: "全部区", en: "All districts")
            case .allSchools: return Phrase(zh: "全部学校", en: "All schools")
            case .open: return Phrase(zh: "待处理", en: "open")
            case .granted: return Phrase(zh: "已确认资助", en: "granted")
            case .dismissed: return Phrase(zh: "不予资助", en: "no aid")
            case .cleared: return Phrase(zh: "重新比对已通过", en: "cleared by a later match")
            case .withdrawn: return Phrase(zh: "已移出名单", en: "removed from the list")
            case .decisionTitle: return Phrase(zh: "审核一条资助记录", en: "Decide on an aid entry")
            case .decisionLegend: return Phrase(zh: "处理结果", en: "Decision")
            case .chooseDecision: return Phrase(zh: "请选择处理结果。", en: "Choose a decision.")
            case .grantSame: return Phrase(zh: "确认为同一学生，予以资助", en: "Same child: grant the aid")
            case .dismiss: return Phrase(zh: "不予资助（须填写理由）", en: "No aid (give the reason)")
            case .noteHint: return Phrase(zh: "不予资助时必填，不超过 500 字；与您的姓名一起记入日志。",
                                          en: "Required for no aid; at most 500 characters, logged with your name.")
            case .next: return Phrase(zh: "下一步：确认", en: "Next: confirm")
            case .backToQueue: return Phrase(zh: "返回待审核列表", en: "Back to the review queue")
            case .noteNeeded: return Phrase(zh: "不予资助时请填写理由。", en: "Give the reason for no aid.")
            case .noteTooLong: return Phrase(zh: "处理说明不超过 500 字。", en: "The note is at most 500 characters.")
            case .alreadyDecided: return Phrase(zh: "这条记录已经处理过，不能再次处理。", en: "This entry has been decided already.")
            case .confirmHeading: return Phrase(zh: "确认处理结果", en: "Confirm the decision")
            case .confirmDecision: return Phrase(zh: "确认处理", en: "Confirm the decision")
            case .grantConsequence:
                return Phrase(zh: "按名单和学生所在学段的适用政策，为该生生成本学年的资助，列入发放清单。",
                              en: "The aid of the policies for the list and the pupil's stage is granted for this school year and goes into the payment file.")
            case .familySeesConsequence:
                return Phrase(zh: "家长会在家庭页面看到资助通知，可以放弃。", en: "The family sees an aid notice on their page and may decline it.")
            case .dismissConsequence:
                return Phrase(zh: "这条名单记录不予资助，记录保留，家庭不会收到通知。", en: "This list entry gets no aid; it stays on record and the family is not notified.")
            case .logConsequence:
                return Phrase(zh: "处理结果、说明和您的姓名记入资助日志。", en: "The decision, the note and your name go into the aid log.")
            case .decidedDone: return Phrase(zh: "已处理，处理结果已记入日志。", en: "Decided; the decision is in the log.")
            case .invalidID: return Phrase(zh: "号码不符合公民身份号码国家标准（校验未通过）", en: "the number fails the national ID check")
            case .notAdultListing: return Phrase(zh: "名单未登记在成年人名下", en: "the entry is not listed under an adult's number")
            case .entryNotValidThisYear: return Phrase(zh: "名单记录在本学年无效", en: "the entry is not valid in this school year")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.aidHolderAge(37), .aidNoPolicy(list: .minimumLivingAllowance, stage: .primary), .aidGrantToChild("王小明"),
             .aidOpenReviews(4), .aidSchoolSummary(school: "黄浦一小", year: 2025, pupils: 12, yuan: 12_000),
             .aidGrantFor(pupil: "王小明", school: "黄浦一小", list: .orphan), .aidDismissNote("已离开本市"), .aidReviewCount(3)]
        }
    }
}

extension Phrase {
    public static func aid(_ key: Catalogue.Aid) -> Phrase { key.phrase }

    public static func aidList(_ list: EligibilityList) -> Phrase { Phrase(zh: list.labelZH, en: list.labelEN) }
    public static func aidReason(_ reason: AidReviewReason) -> Phrase { Phrase(zh: reason.labelZH, en: reason.labelEN) }

    /// "持证人 37 岁": the age of an adult whose number is on a list, never their birth date.
    public static func aidHolderAge(_ age: Int) -> Phrase { Phrase(zh: "持证人 \(age) 岁", en: "holder aged \(age)") }

    /// "低保 × 小学：无适用政策".
    public static func aidNoPolicy(list: EligibilityList, stage: Stage) -> Phrase {
        let stageWords = Phrase.stage(stage)
        return Phrase(zh: "\(list.labelZH) × \(stageWords.zh)：无适用政策", en: "\(list.labelEN) × \(stageWords.en): no policy applies")
    }

    public static func aidGrantToChild(_ child: String) -> Phrase {
        Phrase(zh: "名单登记在监护人名下，资助其子女 \(child)", en: "Listed under a guardian's number: grant to their child \(child)")
    }

    public static func aidOpenReviews(_ count: Int) -> Phrase {
        Phrase(zh: "待审核 \(Format.number(count)) 条", en: count == 1 ? "1 entry to review" : "\(Format.number(count)) entries to review")
    }

    public static func aidReviewCount(_ count: Int) -> Phrase {
        Phrase(zh: "共 \(Format.number(count)) 条记录", en: count == 1 ? "1 entry" : "\(Format.number(count)) entries")
    }

    /// "黄浦一小 · 2025–26 学年 · 受助学生 12 名，合计 12,000 元".
    public static func aidSchoolSummary(school: String, year: Int, pupils: Int, yuan: Int) -> Phrase {
        let span = Phrase.schoolYear(year), money = Phrase.yuan(yuan)
        return Phrase(zh: "\(school) · \(span.zh) · 受助学生 \(Format.number(pupils)) 名，合计 \(money.zh)",
                      en: "\(school) · \(span.en) · \(pupils == 1 ? "1 pupil" : "\(Format.number(pupils)) pupils"), \(money.en) in total")
    }

    /// What a grant does, named: "为 王小明（黄浦一小）按“孤儿”名单发放资助".
    public static func aidGrantFor(pupil: String, school: String?, list: EligibilityList?) -> Phrase {
        let at = school.map { (zh: "（\($0)）", en: " (\($0))") } ?? (zh: "", en: "")
        let by = list.map { (zh: "按“\($0.labelZH)”名单", en: " under the list \"\($0.labelEN)\"") } ?? (zh: "", en: "")
        return Phrase(zh: "为 \(pupil)\(at.zh)\(by.zh)发放资助。", en: "Aid is granted to \(pupil)\(at.en)\(by.en).")
    }

    public static func aidDismissNote(_ note: String) -> Phrase { Phrase(zh: "理由：\(note)", en: "Reason: \(note)") }

    public static func aidStatus(_ status: AidReviewStatusWord) -> Phrase {
        switch status {
        case .open: return .aid(.open)
        case .granted: return .aid(.granted)
        case .dismissed: return .aid(.dismissed)
        case .cleared: return .aid(.cleared)
        case .withdrawn: return .aid(.withdrawn)
        }
    }
}

/// The statuses of a review entry as the pages name them (the store's `AidReviewStatus`, which
/// YoujiaoViews does not import, maps one to one by raw value).
public enum AidReviewStatusWord: String, Sendable, Hashable, CaseIterable {
    case open, granted, dismissed, cleared, withdrawn
}
