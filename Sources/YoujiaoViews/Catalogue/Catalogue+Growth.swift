import YoujiaoCore

extension Catalogue {
    /// 综合素质评价: written records, selection, the class display with objections, archive, the report.
    public enum Growth: PhraseBook {
        case link, schoolTitle, classesCaption, noClasses, classColumn, pupils, withoutRecords, records, selected, archived, openObjections
        case displayColumn, noDisplay, pupil, recordsCaption, noRecords, dimension, kind, title, detail, date, hours, level
        case status, writeHeading, writeHint, save, select, unselect, openDisplay, openDisplayHeading, openDisplayConsequence1
        case openDisplayConsequence2, archive, archiveHeading, archiveConsequence1, archiveConsequence2, objectionsCaption, noObjections
        case reason, raise, raiseHint, uphold, dismiss, decisionNote, displayTitle, displayLead, reportLead
        case summaryCaption, dimensionRecords, dimensionHours, highestAward, healthGrade, correct, correctHeading
        case savedRecord, savedSelection, savedDisplay, savedArchive, savedObjection, savedDecision, savedCorrection, reportLink
        case lighterVariant, print, correctedBefore, open, upheld, dismissed, displayLink, districtTitle, schoolsCaption
        case school, classesWithoutDisplay, chooseLevel, choosePupil, author, pupilWriteHeading, pupilWriteHint, savedPupilRecord

        public var phrase: Phrase {
            switch self {
            case .link: Phrase(zh: "综合素质评价", en: "Growth record")
            case .schoolTitle: Phrase(zh: "综合素质评价完成情况", en: "Growth record progress")
            case .classesCaption: Phrase(zh: "各班完成情况（本学年）", en: "Classes this school year")
            case .noClasses: Phrase(zh: "没有编班的学生。", en: "No pupils are assigned to classes.")
            case .classColumn: Phrase(zh: "班级", en: "Class")
            case .pupils: Phrase(zh: "学生数", en: "Pupils")
            case .withoutRecords: Phrase(zh: "尚无记录的学生", en: "Pupils without records")
            case .records: Phrase(zh: "记录数", en: "Records")
            case .selected: Phrase(zh: "已遴选", en: "Selected")
            case .archived: Phrase(zh: "已归档", en: "Archived")
            case .openObjections: Phrase(zh: "待处理异议", en: "Open objections")
            case .displayColumn: Phrase(zh: "公示", en: "Display")
            case .noDisplay: Phrase(zh: "未公示", en: "Not displayed")
            case .pupil: Phrase(zh: "学生", en: "Pupil")
            case .recordsCaption: Phrase(zh: "写实记录", en: "Written records")
            case .noRecords: Phrase(zh: "还没有写实记录。", en: "No written records yet.")
            case .dimension: Phrase(zh: "维度", en: "Dimension")
            case .kind: Phrase(zh: "类别", en: "Kind")
            case .title: Phrase(zh: "标题", en: "Title")
            case .detail: Phrase(zh: "具体内容", en: "What happened")
            case .date: Phrase(zh: "日期", en: "Date")
            case .hours: Phrase(zh: "时长（小时）", en: "Hours")
            case .level: Phrase(zh: "级别或等级", en: "Level or grade")
            case .status: Phrase(zh: "状态", en: "Status")
            case .writeHeading: Phrase(zh: "新增写实记录", en: "Add a written record")
            case .writeHint: Phrase(zh: "记录本学年内已发生的事实：活动填写时长，获奖填写级别，体质健康测试填写等级。", en: "Record what happened this school year: hours for an activity, the level for an award, the grade for the health test.")
            case .save: Phrase(zh: "保存记录", en: "Save the record")
            case .select: Phrase(zh: "遴选", en: "Select")
            case .unselect: Phrase(zh: "取消遴选", en: "Unselect")
            case .openDisplay: Phrase(zh: "开始公示", en: "Open the display")
            case .openDisplayHeading: Phrase(zh: "开始本班公示", en: "Open the class's display")
            case .openDisplayConsequence1: Phrase(zh: "本班已遴选的记录向本班学生家长和本校教师公示，期间可以提出异议。", en: "The class's selected records are shown to its families and the school's teachers, who may object meanwhile.")
            case .openDisplayConsequence2: Phrase(zh: "公示开始后不能再改动遴选。", en: "The selection cannot change once the display opens.")
            case .archive: Phrase(zh: "归档", en: "Archive")
            case .archiveHeading: Phrase(zh: "归档本班记录", en: "Archive the class's records")
            case .archiveConsequence1: Phrase(zh: "已遴选且未被撤回的记录归档，写入纪实报告。", en: "The selected records not withdrawn are archived into the reports.")
            case .archiveConsequence2: Phrase(zh: "归档后，记录只能通过留痕的更正修改。", en: "After archiving a record changes only by a logged correction.")
            case .objectionsCaption: Phrase(zh: "公示期间的异议", en: "Objections during the display")
            case .noObjections: Phrase(zh: "没有异议。", en: "No objections.")
            case .reason: Phrase(zh: "理由", en: "Reason")
            case .raise: Phrase(zh: "提出异议", en: "Object")
            case .raiseHint: Phrase(zh: "请写明异议的事实依据（5–500 字）。学校审核后答复。", en: "Say what the objection rests on (5–500 characters). The school reviews it and replies.")
            case .uphold: Phrase(zh: "异议成立，撤回记录", en: "Uphold: withdraw the record")
            case .dismiss: Phrase(zh: "异议不成立，保留记录", en: "Dismiss: keep the record")
            case .decisionNote: Phrase(zh: "处理意见", en: "Decision note")
            case .displayTitle: Phrase(zh: "综合素质评价公示", en: "Growth record display")
            case .displayLead: Phrase(zh: "以下是本班学生遴选的代表性记录。如有不实，可在公示期内提出异议。", en: "These are the representative records chosen for the class's pupils. Object during the display if one is not true.")
            case .reportLead: Phrase(zh: "本报告汇总学生各学年已归档的写实记录，可打印存档。", en: "This report gathers the pupil's archived records of every school year; it prints.")
            case .summaryCaption: Phrase(zh: "各维度汇总（中考名额分配可用）", en: "Summary by dimension (for senior-high quota rounds)")
            case .dimensionRecords: Phrase(zh: "归档记录数", en: "Archived records")
            case .dimensionHours: Phrase(zh: "活动时长（小时）", en: "Activity hours")
            case .highestAward: Phrase(zh: "最高获奖级别", en: "Highest award")
            case .healthGrade: Phrase(zh: "体质健康等级", en: "Health test grade")
            case .correct: Phrase(zh: "更正", en: "Correct")
            case .correctHeading: Phrase(zh: "更正已归档记录", en: "Correct an archived record")
            case .savedRecord: Phrase(zh: "记录已保存。", en: "The record was saved.")
            case .savedSelection: Phrase(zh: "遴选已更新。", en: "The selection was updated.")
            case .savedDisplay: Phrase(zh: "公示已开始。", en: "The display has opened.")
            case .savedArchive: Phrase(zh: "记录已归档。", en: "The records were archived.")
            case .savedObjection: Phrase(zh: "异议已提交，学校将审核答复。", en: "Your objection was sent; the school will review it.")
            case .savedDecision: Phrase(zh: "处理结果已保存。", en: "The decision was saved.")
            case .savedCorrection: Phrase(zh: "更正已保存并留痕。", en: "The correction was saved and logged.")
            case .reportLink: Phrase(zh: "纪实报告", en: "Report")
            case .lighterVariant: Phrase(zh: "小学阶段只保留写实记录，不进行遴选和公示。", en: "Primary classes keep written records only, without selection or display.")
            case .print: Phrase(zh: "打印", en: "Print")
            case .correctedBefore: Phrase(zh: "更正前", en: "Before")
            case .open: Phrase(zh: "待处理", en: "Open")
            case .upheld: Phrase(zh: "成立", en: "Upheld")
            case .dismissed: Phrase(zh: "不成立", en: "Dismissed")
            case .displayLink: Phrase(zh: "查看公示", en: "See the display")
            case .districtTitle: Phrase(zh: "综合素质评价：各校完成情况", en: "Growth record: schools' progress")
            case .schoolsCaption: Phrase(zh: "各校完成情况（本学年）", en: "Schools this school year")
            case .school: Phrase(zh: "学校", en: "School")
            case .classesWithoutDisplay: Phrase(zh: "未公示的初高中班级", en: "Junior and senior classes not displayed")
            case .chooseLevel: Phrase(zh: "请选择", en: "Choose")
            case .choosePupil: Phrase(zh: "请选择学生", en: "Choose a pupil")
            case .author: Phrase(zh: "填写人", en: "Written by")
            case .pupilWriteHeading: Phrase(zh: "学生填写写实记录", en: "Your child writes a record")
            case .pupilWriteHint: Phrase(zh: "由学生本人填写、在家长账户下提交：本学年参加的活动（填写时长）、获奖（填写级别）、艺术和体育成果。教师评语和体质健康测试由教师填写。老师遴选后记录进入班级公示。",
                                          en: "Written by the pupil and sent from the family's account: this school year's activities (with hours), awards (with the level), arts and sports achievements. Comments and health tests are teachers' words. Selected records go on the class's display.")
            case .savedPupilRecord: Phrase(zh: "记录已提交，老师遴选后进入班级公示。", en: "The record was sent; the teacher selects records for the class's display.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            GrowthDimension.allCases.map { .growth(.dimensionName($0)) } + GrowthRecordKind.allCases.map { .growth(.kindName($0)) }
                + AwardLevel.allCases.map { .growth(.awardLevel($0)) } + HealthGrade.allCases.map { .growth(.healthGrade($0)) }
                + GrowthRecord.Status.allCases.map { .growth(.recordStatus($0)) } + GrowthRecord.Author.allCases.map { .growth(.authorName($0)) }
                + [.growth(.className(.g7, 2)), .growth(.displayRuns(CaseDate("2026-12-07")!, CaseDate("2026-12-11")!)),
                   .growth(.displayEnded(CaseDate("2026-12-11")!)), .growth(.displayArchived(CaseDate("2026-12-14")!)),
                   .growth(.classTitle(school: "上海市第一中学", .g7, 2)), .growth(.reportOf("张三")),
                   .growth(.selectionFull(3)), .growth(.dateOutsideYear(2026))]
                + [GrowthProblem.Reason.unknownDimension, .kindNotInDimension, .teacherOnlyKind, .titleLength, .detailTooLong, .badDate, .dateInFuture,
                   .hoursRequired, .hoursOutOfRange, .levelRequired, .gradeRequired, .notSelectable, .displayRunning, .displayExists, .nothingSelected,
                   .displayNotOver, .objectionsOpen, .notOnDisplay, .reasonLength, .objectionExists, .alreadyDecided, .notArchived, .stageNotDisplayed,
                   .changedMeanwhile].map { .growth(.problem($0)) }
        }
    }

    public enum GrowthText: Sendable, Hashable {
        case dimensionName(GrowthDimension), kindName(GrowthRecordKind), awardLevel(AwardLevel), healthGrade(HealthGrade)
        case recordStatus(GrowthRecord.Status), authorName(GrowthRecord.Author), className(Grade, Int), displayRuns(CaseDate, CaseDate), displayEnded(CaseDate)
        case displayArchived(CaseDate), classTitle(school: String, Grade, Int), reportOf(String), selectionFull(Int), dateOutsideYear(Int)
        case problem(GrowthProblem.Reason)

        var phrase: Phrase {
            switch self {
            case .dimensionName(let d):
                switch d {
                case .moral: Phrase(zh: "品德发展", en: "Moral development")
                case .academic: Phrase(zh: "学业水平", en: "Academic attainment")
                case .health: Phrase(zh: "身心健康", en: "Physical and mental health")
                case .arts: Phrase(zh: "艺术素养", en: "Arts")
                case .practice: Phrase(zh: "社会实践", en: "Social practice")
                }
            case .kindName(let k):
                switch k {
                case .communityService: Phrase(zh: "志愿服务", en: "Community service")
                case .socialPractice: Phrase(zh: "社会实践活动", en: "Social practice")
                case .researchProject: Phrase(zh: "研究性学习", en: "Research project")
                case .award: Phrase(zh: "获奖", en: "Award")
                case .artsAchievement: Phrase(zh: "艺术特长与成果", en: "Arts achievement")
                case .sportsAchievement: Phrase(zh: "体育特长与成果", en: "Sports achievement")
                case .healthTest: Phrase(zh: "体质健康测试", en: "Physical health test")
                case .teacherComment: Phrase(zh: "教师评语", en: "Teacher's comment")
                }
            case .awardLevel(let l):
                switch l {
                case .school: Phrase(zh: "校级", en: "School")
                case .district: Phrase(zh: "区级", en: "District")
                case .city: Phrase(zh: "市级", en: "City")
                case .national: Phrase(zh: "国家级", en: "National")
                }
            case .healthGrade(let g):
                switch g {
                case .excellent: Phrase(zh: "优秀", en: "Excellent")
                case .good: Phrase(zh: "良好", en: "Good")
                case .pass: Phrase(zh: "及格", en: "Pass")
                case .fail: Phrase(zh: "不及格", en: "Fail")
                }
            case .recordStatus(let s):
                switch s {
                case .written: Phrase(zh: "已记录", en: "Written")
                case .selected: Phrase(zh: "已遴选", en: "Selected")
                case .archived: Phrase(zh: "已归档", en: "Archived")
                case .withdrawn: Phrase(zh: "已撤回", en: "Withdrawn")
                }
            case .authorName(let a):
                switch a {
                case .teacher: Phrase(zh: "教师", en: "Teacher")
                case .student: Phrase(zh: "学生本人", en: "The pupil")
                }
            case .className(let grade, let number):
                Phrase(zh: "\(Phrase.grade(grade).zh)（\(number)）班", en: "\(Phrase.grade(grade).en), class \(number)")
            case .displayRuns(let from, let to):
                Phrase(zh: "公示中：\(Phrase.day(from).zh) 至 \(Phrase.day(to).zh)", en: "On display: \(Phrase.day(from).en) to \(Phrase.day(to).en)")
            case .displayEnded(let to): Phrase(zh: "公示已于 \(Phrase.day(to).zh) 结束，待归档", en: "Display ended on \(Phrase.day(to).en); to archive")
            case .displayArchived(let day): Phrase(zh: "已于 \(Phrase.day(day).zh) 归档", en: "Archived on \(Phrase.day(day).en)")
            case .classTitle(let school, let grade, let number):
                Phrase(zh: "综合素质评价：\(school) \(GrowthText.className(grade, number).phrase.zh)", en: "Growth record: \(school), \(GrowthText.className(grade, number).phrase.en)")
            case .reportOf(let name): Phrase(zh: "综合素质评价纪实报告：\(name)", en: "Growth record report: \(name)")
            case .selectionFull(let n): Phrase(zh: "每名学生每个维度最多遴选 \(n) 条。", en: "At most \(n) records per pupil and dimension may be selected.")
            case .dateOutsideYear(let year): Phrase(zh: "日期应在本学年内（\(year) 年 9 月 1 日起）。", en: "The date must fall in this school year (from 1 September \(year)).")
            case .problem(let reason):
                switch reason {
                case .unknownDimension: Phrase(zh: "请选择维度。", en: "Choose a dimension.")
                case .kindNotInDimension: Phrase(zh: "这个类别不属于所选维度。", en: "This kind does not belong to the chosen dimension.")
                case .teacherOnlyKind: Phrase(zh: "教师评语和体质健康测试只能由教师填写。", en: "Comments and health tests are written by teachers only.")
                case .titleLength: Phrase(zh: "标题应为 1–60 个字。", en: "The title must be 1–60 characters.")
                case .detailTooLong: Phrase(zh: "具体内容不超过 500 字。", en: "What happened must be at most 500 characters.")
                case .badDate: Phrase(zh: "日期格式应为 年-月-日。", en: "The date must be year-month-day.")
                case .dateInFuture: Phrase(zh: "日期不能晚于今天。", en: "The date cannot be after today.")
                case .dateOutsideYear(let year): GrowthText.dateOutsideYear(year).phrase
                case .hoursRequired: Phrase(zh: "活动需填写时长。", en: "An activity needs its hours.")
                case .hoursOutOfRange: Phrase(zh: "时长应为 0.5–200 小时，最多一位小数。", en: "Hours must be 0.5–200 with at most one decimal.")
                case .levelRequired: Phrase(zh: "获奖需选择级别。", en: "An award needs its level.")
                case .gradeRequired: Phrase(zh: "体质健康测试需选择等级。", en: "A health test needs its grade.")
                case .selectionFull(let n): GrowthText.selectionFull(n).phrase
                case .notSelectable: Phrase(zh: "这条记录的状态已变化，不能这样操作。", en: "This record's status has changed; that step no longer applies.")
                case .displayRunning: Phrase(zh: "本班公示已开始，遴选不能再改动。", en: "The class's display has opened: the selection cannot change.")
                case .displayExists: Phrase(zh: "本班本学年已经公示过。", en: "The class has had its display this school year.")
                case .nothingSelected: Phrase(zh: "本班还没有遴选的记录，不能开始公示。", en: "The class has no selected record to display.")
                case .displayNotOver: Phrase(zh: "公示期还没有结束，不能归档。", en: "The display has not ended: nothing can be archived yet.")
                case .objectionsOpen: Phrase(zh: "还有未处理的异议，处理后才能归档。", en: "Objections are still open: decide them before archiving.")
                case .notOnDisplay: Phrase(zh: "这条记录不在公示期内，不能提出异议。", en: "This record is not on display now: no objection can be raised.")
                case .reasonLength: Phrase(zh: "理由应为 5–500 字。", en: "The reason must be 5–500 characters.")
                case .objectionExists: Phrase(zh: "您已对这条记录提出过异议。", en: "You have objected to this record already.")
                case .alreadyDecided: Phrase(zh: "这条异议已经处理过。", en: "This objection has been decided already.")
                case .notArchived: Phrase(zh: "只有已归档的记录需要更正；其他记录可直接修改遴选。", en: "Only archived records are corrected.")
                case .stageNotDisplayed: Phrase(zh: "小学阶段只保留写实记录，不进行遴选和公示。", en: "Primary classes keep written records only, without selection or display.")
                case .changedMeanwhile: Phrase(zh: "记录刚被他人改动，请刷新后重试。", en: "Someone changed this meanwhile; reload and try again.")
                }
            }
        }
    }
}

extension Phrase {
    public static func growth(_ key: Catalogue.Growth) -> Phrase { key.phrase }
    public static func growth(_ text: Catalogue.GrowthText) -> Phrase { text.phrase }
}
