extension Catalogue {
    /// The frame of every page: site name, menu, footer, words used everywhere.
    public enum Common: PhraseBook {
        case siteName, siteTagline, skipToContent, menu, mainMenu, signOut, signedInAs, switchLanguage
        case footerPrivacy
        case navCity, navDistrict, navSchools, navPlanning, navSpecialEducation, navSupervision, navAid
        case navEnrollment, navZhongkao, navMySchool, navMyChildren, navMyRecord, navGrowth, navHomeVisits, navCaseFiles, navSchoolEntry, navExports, navAccounts, navKindergartenFees
        case yes, no, notRecorded

        public var phrase: Phrase {
            switch self {
            case .siteName: return Phrase(zh: "优教", en: "Youjiao")
            case .siteTagline: return Phrase(zh: "优教 · 基础教育扩优提质平台", en: "Youjiao · basic education platform")
            case .skipToContent: return Phrase(zh: "跳到正文", en: "Skip to content")
            case .menu: return Phrase(zh: "菜单", en: "Menu")
            case .mainMenu: return Phrase(zh: "主菜单", en: "Main menu")
            case .signOut: return Phrase(zh: "退出", en: "Sign out")
            case .signedInAs: return Phrase(zh: "当前用户", en: "Signed in as")
            case .switchLanguage: return Phrase(zh: "切换语言", en: "Change language")
            case .footerPrivacy:
                return Phrase(zh: "身份证件号默认脱敏显示；工作人员查看学生个人信息均记入审计日志。",
                              en: "ID numbers are masked; every staff access to pupils' personal data is audited.")
            case .navCity: return Phrase(zh: "全市概览", en: "City")
            case .navDistrict: return Phrase(zh: "本区概览", en: "District")
            case .navSchools: return Phrase(zh: "学校名录", en: "Schools")
            case .navPlanning: return Phrase(zh: "学位规划", en: "Planning")
            case .navSpecialEducation: return Phrase(zh: "特殊教育", en: "Special education")
            case .navSupervision: return Phrase(zh: "督导", en: "Supervision")
            case .navAid: return Phrase(zh: "学生资助", en: "Student aid")
            case .navEnrollment: return Phrase(zh: "入学招生", en: "Enrollment")
            case .navZhongkao: return Phrase(zh: "中考招生", en: "Senior-high admission")
            case .navMySchool: return Phrase(zh: "本校", en: "My school")
            case .navMyChildren: return Phrase(zh: "我的孩子", en: "My children")
            case .navMyRecord: return Phrase(zh: "我的档案", en: "My record")
            case .navGrowth: return Phrase(zh: "综合素质评价", en: "Growth records")
            case .navHomeVisits: return Phrase(zh: "家访", en: "Home visits")
            case .navCaseFiles: return Phrase(zh: "特教档案", en: "Case files")
            case .navSchoolEntry: return Phrase(zh: "入学报名", en: "School entry")
            case .navExports: return Phrase(zh: "导出审批", en: "Export approvals")
            case .navAccounts: return Phrase(zh: "账号", en: "Accounts")
            case .navKindergartenFees: return Phrase(zh: "幼儿园收费", en: "Kindergarten fees")
            case .yes: return Phrase(zh: "是", en: "yes")
            case .no: return Phrase(zh: "否", en: "no")
            case .notRecorded: return Phrase(zh: "未登记", en: "not recorded")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.pupils(1_234), .schools(12), .yuan(1_500), .ageInYears(6),
             .beijingTime("2026-09-01 14:30"), .pageTitle(Phrase(zh: "学校名录", en: "Schools"))]
        }
    }
}

extension Phrase {
    /// "1,234 名学生" / "1,234 pupils".
    public static func pupils(_ count: Int) -> Phrase {
        let n = Format.number(count)
        return Phrase(zh: "\(n) 名学生", en: count == 1 ? "1 pupil" : "\(n) pupils")
    }

    /// "12 所学校" / "12 schools".
    public static func schools(_ count: Int) -> Phrase {
        let n = Format.number(count)
        return Phrase(zh: "\(n) 所学校", en: count == 1 ? "1 school" : "\(n) schools")
    }

    /// An amount of money in whole yuan: "1,500 元" / "¥1,500".
    public static func yuan(_ amount: Int) -> Phrase {
        let n = Format.number(amount)
        return Phrase(zh: "\(n) 元", en: "¥\(n)")
    }

    /// A child's age in whole years: "6 岁" / "6 years old".
    public static func ageInYears(_ years: Int) -> Phrase {
        Phrase(zh: "\(years) 岁", en: years == 1 ? "1 year old" : "\(years) years old")
    }

    /// A time already converted to Beijing time ("yyyy-MM-dd HH:mm"), with the zone said in words.
    public static func beijingTime(_ minute: String) -> Phrase {
        Phrase(zh: "\(minute)（北京时间）", en: "\(minute) Beijing time")
    }

    /// The document title: "学校名录 · 优教" / "Schools · Youjiao".
    public static func pageTitle(_ title: Phrase) -> Phrase {
        Phrase(zh: "\(title.zh) · \(Catalogue.Common.siteName.phrase.zh)", en: "\(title.en) · \(Catalogue.Common.siteName.phrase.en)")
    }
}
