extension Catalogue {
    /// The family page: a guardian's children, their school-entry results and aid.
    public enum Family: PhraseBook {
        case title, children, name, idNumber, age, school, grade, notAtSchool
        case entryResults, applicantNumber, verificationPage, verificationHint
        case aidNotices, declineAid, declineQuestion
        case registerNow, registerHint, register
        case noChildren, backToFamily

        public var phrase: Phrase {
            switch self {
            case .backToFamily: return Phrase(zh: "返回“我的孩子”", en: "Back to My children")
            case .title: return Phrase(zh: "我的孩子", en: "My children")
            case .children: return Phrase(zh: "孩子", en: "Children")
            case .name: return Phrase(zh: "姓名", en: "Name")
            case .idNumber: return Phrase(zh: "身份证件号", en: "ID number")
            case .age: return Phrase(zh: "年龄", en: "Age")
            case .school: return Phrase(zh: "学校", en: "School")
            case .grade: return Phrase(zh: "年级", en: "Grade")
            case .notAtSchool: return Phrase(zh: "尚未入学", en: "not at school yet")
            case .entryResults: return Phrase(zh: "入学结果", en: "School entry results")
            case .applicantNumber: return Phrase(zh: "报名编号", en: "Applicant number")
            case .verificationPage: return Phrase(zh: "公开核验页", en: "Public verification page")
            case .verificationHint:
                return Phrase(zh: "核验页公布摇号的全部输入，任何人都可以重新计算并核对结果。",
                              en: "The verification page publishes every input of the draw, so anyone can re-run it and check the result.")
            case .aidNotices: return Phrase(zh: "资助通知", en: "Aid notices")
            case .declineAid: return Phrase(zh: "放弃这项资助", en: "Decline this aid")
            case .declineQuestion:
                return Phrase(zh: "放弃后本学年不再发放这项资助，确定吗？", en: "Once declined, this aid is not paid this school year. Decline?")
            case .registerNow: return Phrase(zh: "现在可以报名", en: "Registration is open")
            case .registerHint:
                return Phrase(zh: "以下孩子符合正在进行的招生条件，请在截止日期前报名。",
                              en: "These children are eligible for a campaign that is open now; register before it closes.")
            case .register: return Phrase(zh: "报名", en: "Register")
            case .noChildren:
                return Phrase(zh: "您的账号下还没有登记孩子。如有遗漏，请联系孩子所在学校或区教育局。",
                              en: "No children are registered to your account. If one is missing, contact the child's school or the district education bureau.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.aidGranted(child: "王小明", amount: 1_500, policy: Phrase(zh: "学前教育资助", en: "Pre-school aid"), schoolYear: 2026),
             .aidDeclined(child: "王小明", policy: Phrase(zh: "学前教育资助", en: "Pre-school aid"), schoolYear: 2026),
             .registerChild("王小明", campaign: Phrase(zh: "2026 年小学一年级招生", en: "Grade 1 entry 2026")),
             .closesOn("2026-05-20"), .schoolYear(2026), .resultFor("王小明")]
        }
    }
}

extension Phrase {
    /// "2026–27 学年" / "school year 2026–27".
    public static func schoolYear(_ year: Int) -> Phrase {
        let next = (year + 1) % 100
        let span = "\(year)–\(next < 10 ? "0" : "")\(next)"
        return Phrase(zh: "\(span) 学年", en: "school year \(span)")
    }

    /// Aid granted without an application (免申即享).
    public static func aidGranted(child: String, amount: Int, policy: Phrase, schoolYear year: Int) -> Phrase {
        let money = Phrase.yuan(amount), span = Phrase.schoolYear(year)
        return Phrase(zh: "您的孩子 \(child) 获得 \(money.zh)资助，无需申请（\(policy.zh)，\(span.zh)）。",
                      en: "Your child \(child) receives \(money.en) of aid; nothing to do (\(policy.en), \(span.en)).")
    }

    public static func aidDeclined(child: String, policy: Phrase, schoolYear year: Int) -> Phrase {
        let span = Phrase.schoolYear(year)
        return Phrase(zh: "您已放弃 \(child) 的\(policy.zh)（\(span.zh)）。",
                      en: "You declined \(policy.en) for \(child) (\(span.en)).")
    }

    /// The link that opens a child's application form.
    public static func registerChild(_ child: String, campaign: Phrase) -> Phrase {
        Phrase(zh: "为 \(child) 报名：\(campaign.zh)", en: "Register \(child): \(campaign.en)")
    }

    /// "报名截止 2026-05-20" / "closes on 2026-05-20".
    public static func closesOn(_ day: String) -> Phrase {
        Phrase(zh: "报名截止 \(day)", en: "closes on \(day)")
    }

    /// The heading of one child's result.
    public static func resultFor(_ child: String) -> Phrase {
        Phrase(zh: "\(child)的入学结果", en: "Result for \(child)")
    }
}
