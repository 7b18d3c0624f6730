import YoujiaoCore

extension Catalogue {
    /// The school directory, a school's page and its pupil list.
    public enum Schools: PhraseBook {
        // The directory.
        case directoryTitle, searchNameOrID, searchHint, district, allDistricts, stage, allStages, allOwnerships
        case schoolID, name, stages, ownership, entrySeats, directoryTable, totalOnThisPage
        case noSchoolsMatch, noSchoolsYet
        // A school's page.
        case inclusive, notAKindergarten, boarding, schoolGroup, pupils, teachers
        case pupilsByGrade, grade, pupilCount, pupilList, noPupilsInSchool, admissionLists
        // The pupil list.
        case pupilName, searchPupilName, allGrades, idNumber, gender, age, classNumber, hukou
        case pupilsTable, noPupilsMatch, backToSchool
        // One pupil's record.
        case school, catchmentZone, guardians, showFullNumber, fullNumberShown

        public var phrase: Phrase {
            switch self {
            case .admissionLists: return Phrase(zh: "入学录取名单（CSV，身份证件号脱敏，下载记入审计）", en: "Admitted children (CSV, ID numbers masked, downloads audited)")
            case .directoryTitle: return Phrase(zh: "学校名录", en: "School directory")
            case .searchNameOrID: return Phrase(zh: "校名或学校标识码", en: "Name or school ID")
            case .searchHint: return Phrase(zh: "输入校名的一部分，或完整的 10 位学校标识码。", en: "Part of the name, or the whole 10-digit school ID.")
            case .district: return Phrase(zh: "所在区", en: "District")
            case .allDistricts: return Phrase(zh: "全部区", en: "All districts")
            case .stage: return Phrase(zh: "学段", en: "Stage")
            case .allStages: return Phrase(zh: "全部学段", en: "All stages")
            case .allOwnerships: return Phrase(zh: "公办和民办", en: "Public and private")
            case .schoolID: return Phrase(zh: "学校标识码", en: "School ID")
            case .name: return Phrase(zh: "校名", en: "Name")
            case .stages: return Phrase(zh: "学段", en: "Stages")
            case .ownership: return Phrase(zh: "办学性质", en: "Ownership")
            case .entrySeats: return Phrase(zh: "起始年级学位", en: "Entry seats")
            case .directoryTable: return Phrase(zh: "符合条件的学校", en: "Schools matching the filters")
            case .totalOnThisPage: return Phrase(zh: "本页合计", en: "Total on this page")
            case .noSchoolsMatch: return Phrase(zh: "没有符合条件的学校。", en: "No school matches these filters.")
            case .noSchoolsYet: return Phrase(zh: "还没有导入任何学校。", en: "No school has been imported yet.")
            case .inclusive: return Phrase(zh: "普惠性", en: "Inclusive (affordable) kindergarten")
            case .notAKindergarten: return Phrase(zh: "不适用（非幼儿园）", en: "not applicable (no kindergarten)")
            case .boarding: return Phrase(zh: "寄宿", en: "Boarding")
            case .schoolGroup: return Phrase(zh: "学区/集团", en: "School group")
            case .pupils: return Phrase(zh: "在校学生", en: "Pupils")
            case .teachers: return Phrase(zh: "教师", en: "Teachers")
            case .pupilsByGrade: return Phrase(zh: "各年级学生数", en: "Pupils by grade")
            case .grade: return Phrase(zh: "年级", en: "Grade")
            case .pupilCount: return Phrase(zh: "学生数", en: "Pupils")
            case .pupilList: return Phrase(zh: "学生名单", en: "Pupil list")
            case .noPupilsInSchool: return Phrase(zh: "这所学校还没有登记学生。", en: "No pupil is registered at this school yet.")
            case .pupilName: return Phrase(zh: "姓名", en: "Name")
            case .searchPupilName: return Phrase(zh: "姓名包含", en: "Name contains")
            case .allGrades: return Phrase(zh: "全部年级", en: "All grades")
            case .idNumber: return Phrase(zh: "身份证件号", en: "ID number")
            case .gender: return Phrase(zh: "性别", en: "Gender")
            case .age: return Phrase(zh: "年龄（周岁）", en: "Age (years)")
            case .classNumber: return Phrase(zh: "班级", en: "Class")
            case .hukou: return Phrase(zh: "户籍", en: "Hukou")
            case .pupilsTable: return Phrase(zh: "学生名单（身份证件号已脱敏）", en: "Pupils (ID numbers masked)")
            case .noPupilsMatch: return Phrase(zh: "没有符合条件的学生。", en: "No pupil matches these filters.")
            case .backToSchool: return Phrase(zh: "返回学校页面", en: "Back to the school's page")
            case .school: return Phrase(zh: "学校", en: "School")
            case .catchmentZone: return Phrase(zh: "施教区", en: "Catchment zone")
            case .guardians: return Phrase(zh: "监护人", en: "Guardians")
            case .showFullNumber: return Phrase(zh: "查看完整号码（记入审计）", en: "Show the full number (audited)")
            case .fullNumberShown:
                return Phrase(zh: "已显示完整身份证件号，本次查看已记入审计日志。离开本页后将重新脱敏显示。",
                              en: "The full ID number is shown, and this view is in the audit trail. It is masked again when you leave this page.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.schoolsFound(1), .schoolsFound(1_234), .schoolOwnership(.private, inclusiveKindergarten: true),
             .schoolOwnership(.public, inclusiveKindergarten: false), .seatsInGrade(.g1, 1_200),
             .pupilListTitle("黄浦区第一中心小学"), .pupilListSummary(1), .pupilListSummary(1_234)]
        }
    }
}

extension Phrase {
    /// The directory's summary: "共 1,234 所学校" / "1,234 schools".
    public static func schoolsFound(_ count: Int) -> Phrase {
        let n = Format.number(count)
        return Phrase(zh: "共 \(n) 所学校", en: count == 1 ? "1 school" : "\(n) schools")
    }

    /// "民办（普惠）" / "Private (inclusive)": a private kindergarten that is 普惠 says so, since
    /// families choose by it; for every other school the ownership alone.
    public static func schoolOwnership(_ ownership: Ownership, inclusiveKindergarten: Bool) -> Phrase {
        let label = Phrase.ownership(ownership)
        guard ownership == .private, inclusiveKindergarten else { return label }
        return Phrase(zh: label.zh + "（普惠）", en: label.en + " (inclusive)")
    }

    /// One entry grade's seats: "一年级 1,200" / "Grade 1: 1,200".
    public static func seatsInGrade(_ grade: Grade, _ seats: Int) -> Phrase {
        let label = Phrase.grade(grade), n = Format.number(seats)
        return Phrase(zh: "\(label.zh) \(n)", en: "\(label.en): \(n)")
    }

    /// The pupil list's title: "黄浦区第一中心小学 学生名单" / "Pupils of 黄浦区第一中心小学".
    public static func pupilListTitle(_ schoolName: String) -> Phrase {
        Phrase(zh: "\(schoolName) 学生名单", en: "Pupils of \(schoolName)")
    }

    /// The pupil list's summary, which also tells the official that this view is audited.
    public static func pupilListSummary(_ count: Int) -> Phrase {
        let n = Format.number(count)
        return Phrase(zh: "共 \(n) 名学生。身份证件号已脱敏显示；本次查看已记入审计日志。",
                      en: (count == 1 ? "1 pupil" : "\(n) pupils") + ". ID numbers are masked; this view is recorded in the audit log.")
    }
}
