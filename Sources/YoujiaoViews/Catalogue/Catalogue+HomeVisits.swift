import YoujiaoCore

extension Catalogue {
    /// 家访 and family education: teachers' visit log, coverage, schools' activities, the family's view.
    public enum HomeVisits: PhraseBook {
        case nav, classesCaption, noPupils, schoolClass, pupils, visited, percent, notVisited, openFollowUps, status, complete, incomplete
        case chartTitle, chartVisited, chartNotVisited, showAll, showIncomplete, show, pupilsCaption, pupil, maskedID, visits, lastVisit
        case unvisitedOnly, allPupils, noVisitsYet, visitsCaption, noVisits, date, way, attendees, note, followUp, followUpText, by
        case logVisit, logHint, save, followUpNo, followUpYes, followUpDone, closeFollowUp, delete, deleteHeading, deleteConsequence
        case savedVisit, savedDelete, savedFollowUp, pickClass, activitiesLink, activitiesTitle, activitiesCaption, noActivities
        case kind, topic, course, attendance, scope, wholeSchool, grade, classNumber, logActivity, activityHint, saveActivity
        case savedActivity, deleteActivityHeading, deleteActivityConsequence, savedActivityDelete, target, met, notMet, backToVisits
        case districtCaption, school, noSchools, activities, familyVisitsCaption, familyActivitiesCaption, child, visitedBy, noteHidden
        case teacherNote, activitiesCount, choosePupil, gone, courseHint, wayHome, wayAtSchool, wayOnline, lecture, practice
        case parentSchool, consultation, logsNote, badFilter, badClass

        public var phrase: Phrase {
            switch self {
            case .nav: Phrase(zh: "家访", en: "Home visits")
            case .classesCaption: Phrase(zh: "各班家访覆盖情况（本学年）", en: "Visits by class this school year")
            case .noPupils: Phrase(zh: "没有学生。", en: "No pupils.")
            case .schoolClass: Phrase(zh: "班级", en: "Class")
            case .pupils: Phrase(zh: "学生数", en: "Pupils")
            case .visited: Phrase(zh: "已家访", en: "Visited")
            case .percent: Phrase(zh: "覆盖率", en: "Covered")
            case .notVisited: Phrase(zh: "未家访", en: "Not visited")
            case .openFollowUps: Phrase(zh: "待跟进", en: "Follow-ups open")
            case .status: Phrase(zh: "状态", en: "Status")
            case .complete: Phrase(zh: "全覆盖", en: "Every pupil")
            case .incomplete: Phrase(zh: "未全覆盖", en: "Not every pupil")
            case .chartTitle: Phrase(zh: "各班已家访与未家访人数", en: "Pupils visited and not visited by class")
            case .chartVisited: Phrase(zh: "已家访", en: "Visited")
            case .chartNotVisited: Phrase(zh: "未家访", en: "Not visited")
            case .showAll: Phrase(zh: "全部", en: "All")
            case .showIncomplete: Phrase(zh: "只看未全覆盖的", en: "Only those not complete")
            case .show: Phrase(zh: "显示", en: "Show")
            case .pupilsCaption: Phrase(zh: "本班学生", en: "Pupils of the class")
            case .pupil: Phrase(zh: "学生", en: "Pupil")
            case .maskedID: Phrase(zh: "身份证号（部分隐藏）", en: "ID number (masked)")
            case .visits: Phrase(zh: "家访次数", en: "Visits")
            case .lastVisit: Phrase(zh: "最近一次", en: "Last visit")
            case .unvisitedOnly: Phrase(zh: "只看未家访的学生", en: "Only pupils not visited")
            case .allPupils: Phrase(zh: "全部学生", en: "All pupils")
            case .noVisitsYet: Phrase(zh: "未家访", en: "Not visited")
            case .visitsCaption: Phrase(zh: "本班家访记录", en: "Visits logged for the class")
            case .noVisits: Phrase(zh: "还没有家访记录。", en: "No visit logged yet.")
            case .date: Phrase(zh: "日期", en: "Date")
            case .way: Phrase(zh: "方式", en: "Way")
            case .attendees: Phrase(zh: "参加人员", en: "Who took part")
            case .note: Phrase(zh: "家访记录", en: "Note")
            case .followUp: Phrase(zh: "需要跟进", en: "Follow-up needed")
            case .followUpText: Phrase(zh: "需要跟进的事项", en: "What must follow")
            case .by: Phrase(zh: "登记人", en: "Logged by")
            case .logVisit: Phrase(zh: "登记家访", en: "Log a visit")
            case .logHint: Phrase(zh: "家访记录只有本校教师和管理员可以看到；家长只能看到日期、方式和家访教师。",
                                  en: "Only the school's teachers and staff read the note; the family sees the date, the way and who visited.")
            case .save: Phrase(zh: "保存家访记录", en: "Save the visit")
            case .followUpNo: Phrase(zh: "不需要", en: "No")
            case .followUpYes: Phrase(zh: "需要", en: "Yes")
            case .followUpDone: Phrase(zh: "已跟进", en: "Done")
            case .closeFollowUp: Phrase(zh: "标记为已跟进", en: "Mark as done")
            case .delete: Phrase(zh: "删除", en: "Delete")
            case .deleteHeading: Phrase(zh: "删除这条家访记录", en: "Delete this visit")
            case .deleteConsequence: Phrase(zh: "这条记录将被永久删除，不能恢复；如这是该生本学年唯一的一次家访，该生将重新计为未家访。",
                                            en: "The visit is deleted for good; if it was the pupil's only visit this year, the pupil counts as not visited again.")
            case .savedVisit: Phrase(zh: "家访记录已保存。", en: "The visit is saved.")
            case .savedDelete: Phrase(zh: "家访记录已删除。", en: "The visit is deleted.")
            case .savedFollowUp: Phrase(zh: "已标记为已跟进。", en: "The follow-up is marked as done.")
            case .pickClass: Phrase(zh: "在上表中选择一个班级，查看学生名单并登记家访。", en: "Pick a class in the table to see its pupils and log visits.")
            case .activitiesLink: Phrase(zh: "家庭教育指导和实践活动", en: "Family-education activities")
            case .activitiesTitle: Phrase(zh: "家庭教育活动", en: "Family-education activities")
            case .activitiesCaption: Phrase(zh: "本学年的家庭教育指导和实践活动", en: "Family-education activities this school year")
            case .noActivities: Phrase(zh: "本学年还没有登记活动。", en: "No activity logged this school year.")
            case .kind: Phrase(zh: "类型", en: "Kind")
            case .topic: Phrase(zh: "主题", en: "Topic")
            case .course: Phrase(zh: "家长学校课程", en: "Parent-school course")
            case .attendance: Phrase(zh: "参加人数", en: "Attendance")
            case .scope: Phrase(zh: "面向", en: "For")
            case .wholeSchool: Phrase(zh: "全校", en: "The whole school")
            case .grade: Phrase(zh: "年级（面向某班时填写）", en: "Grade (when for one class)")
            case .classNumber: Phrase(zh: "班", en: "Class")
            case .logActivity: Phrase(zh: "登记活动", en: "Log an activity")
            case .activityHint: Phrase(zh: "每学年至少开展 4 次家庭教育指导或实践活动；家长学校课程请填写课程名称或系列。",
                                       en: "At least 4 guidance or practice activities a school year; a parent-school session names its course or series.")
            case .saveActivity: Phrase(zh: "保存活动", en: "Save the activity")
            case .savedActivity: Phrase(zh: "活动已保存。", en: "The activity is saved.")
            case .deleteActivityHeading: Phrase(zh: "删除这次活动", en: "Delete this activity")
            case .deleteActivityConsequence: Phrase(zh: "这次活动将被永久删除，不能恢复，本学年的活动次数随之减少。",
                                                    en: "The activity is deleted for good and no longer counts for the year.")
            case .savedActivityDelete: Phrase(zh: "活动已删除。", en: "The activity is deleted.")
            case .target: Phrase(zh: "要求", en: "Target")
            case .met: Phrase(zh: "达到", en: "Met")
            case .notMet: Phrase(zh: "未达到", en: "Not met")
            case .backToVisits: Phrase(zh: "返回家访", en: "Back to home visits")
            case .districtCaption: Phrase(zh: "各校家访和家庭教育活动（本学年）", en: "Visits and activities by school this school year")
            case .school: Phrase(zh: "学校", en: "School")
            case .noSchools: Phrase(zh: "没有学校。", en: "No schools.")
            case .activities: Phrase(zh: "家庭教育活动", en: "Activities")
            case .familyVisitsCaption: Phrase(zh: "家访", en: "Home visits")
            case .familyActivitiesCaption: Phrase(zh: "学校的家庭教育活动", en: "The school's family-education activities")
            case .child: Phrase(zh: "孩子", en: "Child")
            case .visitedBy: Phrase(zh: "家访教师", en: "Visited by")
            case .noteHidden: Phrase(zh: "家访记录由学校保存，这里只显示日期、方式和家访教师。",
                                     en: "The school keeps the visit notes; here are the date, the way and who visited.")
            case .teacherNote: Phrase(zh: "记录", en: "Note")
            case .activitiesCount: Phrase(zh: "本学年家庭教育活动", en: "Family-education activities this year")
            case .choosePupil: Phrase(zh: "学生", en: "Pupil")
            case .gone: Phrase(zh: "这条记录已不存在（可能已被删除）。", en: "This record no longer exists (it may have been deleted).")
            case .courseHint: Phrase(zh: "仅家长学校课程填写。", en: "Only for a parent-school course.")
            case .wayHome: Phrase(zh: "入户", en: "At home")
            case .wayAtSchool: Phrase(zh: "来校", en: "At school")
            case .wayOnline: Phrase(zh: "线上", en: "Online")
            case .lecture: Phrase(zh: "指导讲座", en: "Guidance lecture")
            case .practice: Phrase(zh: "实践活动", en: "Practice activity")
            case .parentSchool: Phrase(zh: "家长学校课程", en: "Parent-school course")
            case .consultation: Phrase(zh: "咨询", en: "Consultation")
            case .badFilter: Phrase(zh: "筛选条件无效。", en: "That filter is not one of the page's.")
            case .badClass: Phrase(zh: "班级应写成 年级-班号，例如 3-2。", en: "Write the class as grade-number, for example 3-2.")
            case .logsNote: Phrase(zh: "学校在本平台登记家访或活动后，督导指标按登记记录计算（已家访学生数、活动次数），不再采用年报填报数。",
                                   en: "Once a school logs visits or activities here, supervision counts them from the logs (pupils visited, activities held) instead of the yearly report.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            var examples: [Phrase] = HomeVisit.Way.allCases.map { Phrase.homeVisits(.way($0)) }
            examples += FamilyEducationActivity.Kind.allCases.map { Phrase.homeVisits(.kind($0)) }
            examples += [Phrase.homeVisits(.schoolClass(SchoolClass(grade: .g3, number: 2))), .homeVisits(.schoolClass(SchoolClass(grade: .k1, number: nil))),
                         .homeVisits(.title(school: "黄浦区第一中心小学", year: 2026)), .homeVisits(.districtTitle(district: "黄浦区", year: 2026)),
                         .homeVisits(.activitiesTitle(school: "黄浦区第一中心小学", year: 2026)), .homeVisits(.percent(nil)),
                         .homeVisits(.countOfTarget(3, target: 4)), .homeVisits(.classPupilsTitle(SchoolClass(grade: .g3, number: 2)))]
            return examples
        }
    }

    public enum HomeVisitsText: Sendable, Hashable {
        case way(HomeVisit.Way), kind(FamilyEducationActivity.Kind), schoolClass(SchoolClass?), title(school: String, year: Int)
        case districtTitle(district: String, year: Int), activitiesTitle(school: String, year: Int), percent(Int?)
        case countOfTarget(Int, target: Int), classPupilsTitle(SchoolClass?)

        var phrase: Phrase {
            switch self {
            case .way(let way):
                switch way {
                case .home: Catalogue.HomeVisits.wayHome.phrase
                case .school: Catalogue.HomeVisits.wayAtSchool.phrase
                case .online: Catalogue.HomeVisits.wayOnline.phrase
                }
            case .kind(let kind):
                switch kind {
                case .lecture: Catalogue.HomeVisits.lecture.phrase
                case .practice: Catalogue.HomeVisits.practice.phrase
                case .parentSchool: Catalogue.HomeVisits.parentSchool.phrase
                case .consultation: Catalogue.HomeVisits.consultation.phrase
                }
            case .schoolClass(let schoolClass): Self.className(schoolClass)
            case .title(let school, let year): Phrase(zh: "家访：\(school)（\(year)–\(year + 1) 学年）", en: "Home visits: \(school), \(year)–\(year + 1)")
            case .districtTitle(let district, let year):
                Phrase(zh: "家访和家庭教育：\(district)（\(year)–\(year + 1) 学年）", en: "Home visits and family education: \(district), \(year)–\(year + 1)")
            case .activitiesTitle(let school, let year):
                Phrase(zh: "家庭教育活动：\(school)（\(year)–\(year + 1) 学年）", en: "Family-education activities: \(school), \(year)–\(year + 1)")
            case .percent(let percent): percent.map { Phrase.verbatim("\($0)%") } ?? Phrase(zh: "无学生", en: "No pupils")
            case .countOfTarget(let count, let target): Phrase(zh: "\(count) 次（要求至少 \(target) 次）", en: "\(count) (at least \(target) required)")
            case .classPupilsTitle(let schoolClass):
                Phrase(zh: "\(Self.className(schoolClass).zh)学生", en: "Pupils of \(Self.className(schoolClass).en)")
            }
        }

        /// "三年级2班" / "Grade 3, class 2".
        static func className(_ schoolClass: SchoolClass?) -> Phrase {
            guard let schoolClass else { return Phrase(zh: "未登记年级", en: "No grade on record") }
            let grade = Phrase.grade(schoolClass.grade)
            guard let number = schoolClass.number else { return Phrase(zh: "\(grade.zh)（未分班）", en: "\(grade.en), no class") }
            return Phrase(zh: "\(grade.zh)\(number)班", en: "\(grade.en), class \(number)")
        }
    }
}

extension Phrase {
    public static func homeVisits(_ key: Catalogue.HomeVisits) -> Phrase { key.phrase }
    public static func homeVisits(_ text: Catalogue.HomeVisitsText) -> Phrase { text.phrase }
}
