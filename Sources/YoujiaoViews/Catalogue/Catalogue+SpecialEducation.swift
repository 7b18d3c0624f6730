import YoujiaoCore

extension Catalogue {
    /// Special education (一人一案): the list of case files with the monitoring figures, one file,
    /// its printable copy, the page for those who may only know a file exists, and its forms.
    public enum SpecialEducation: PhraseBook {
        // Titles and links.
        case listTitle, newFileTitle, existenceTitle, newFile, backToList, printable, print, backToFile, monitoring, wholeCity
        case confirmHandOverTitle, confirmPlacementTitle
        // Monitoring figures.
        case cases, schoolAge, schoolAgeEnrolled, enrollmentRate, meetsTarget, belowTarget, withoutPlacement, placements
        case activePlans, reviewsOverdue, homeTeachingVisits, monitoringCSV, figuresTable, byDistrict, bySchool, district, school
        case files, specialClassOrSchool, visitsDoneOfPlanned, rate, enrolled, notEnrolled, chartTitle, noPlacementRow
        // The file tables of the list.
        case unplacedHeading, overdueHeading, filesHeading, filesTable, unplacedTable, overdueTable
        case name, idNumber, stage, category, placement, planReview, visits, existsOnly, noPlacement, noActivePlan, allReviewsHeld
        case noFiles, noFilesMatch, noUnplaced, noOverdue, searchName, allStages, allPlacements, withoutPlacementChoice
        // The file.
        case age, registrySchool, keepingDistrict, currentStage, categoryAndLevel, openedOn, currentPlacement
        case assessments, assessmentsTable, date, kind, assessor, findings, addAssessment, saveAssessment
        case placementsTable, from, until, visitsPerMonth, newPlacement, placementSchool, startDate, endDateOptional, visitsPerMonthHint, savePlacement
        case plans, noPlan, active, ended, plannedReviews, goals, goalsTable, goal, criterion, targetDate, latestResult
        case services, servicesTable, domain, service, provider, sessionsPerMonth, reviews, reviewsTable, outcome, summary, goalResults
        case newPlan, endDate, reviewDates, reviewDatesHint, firstGoal, criterionWithGoal, savePlan
        case addGoal, measurableCriterion, targetDateOptional, saveGoal, addService, saveService, recordReview, saveReview
        case visitsHeading, visitsTable, teacher, minutes, content, recordVisit, saveVisit
        case handOvers, handOversTable, fromStage, toStage, fromSchool, receivingSchool, handOverNote, handOverDate
        case newPlacementKind, handOverExplained, handOver, staff, noStaff, nameAdmin, nameStaffButton
        case none, noneYet, notSaved, sensitiveNotice, printedOn, existenceExplained
        // Saved.
        case fileOpened, assessmentSaved, placementSaved, planSaved, goalSaved, serviceSaved, reviewSaved, visitSaved, handedOver, staffNamed
        // New file form.
        case newFileIntro, pupilIDNumber, level, openFile
        // Form problems.
        case required, notADate, notAWholeNumber, notAChoice, levelRange, cannotSave

        public var phrase: Phrase {
            switch self {
            case .listTitle: return Phrase(zh: "特殊教育 · 一人一案", en: "Special education case files")
            case .newFileTitle: return Phrase(zh: "新建一人一案档案", en: "New case file")
            case .existenceTitle: return Phrase(zh: "特殊教育档案", en: "Special-education case file")
            case .newFile: return Phrase(zh: "新建档案", en: "New case file")
            case .backToList: return Phrase(zh: "返回档案列表", en: "Back to the list")
            case .printable: return Phrase(zh: "打印完整档案", en: "Printable file")
            case .print: return Phrase(zh: "打印", en: "Print")
            case .backToFile: return Phrase(zh: "返回档案", en: "Back to the file")
            case .monitoring: return Phrase(zh: "监测", en: "Monitoring")
            case .wholeCity: return Phrase(zh: "全市", en: "the city")
            case .confirmHandOverTitle: return Phrase(zh: "确认升学转衔", en: "Confirm the stage hand-over")
            case .confirmPlacementTitle: return Phrase(zh: "确认新的安置", en: "Confirm the new placement")
            case .cases: return Phrase(zh: "档案数", en: "Case files")
            case .schoolAge: return Phrase(zh: "适龄（6–14 岁）残疾儿童少年", en: "School-age (6–14) disabled children")
            case .schoolAgeEnrolled: return Phrase(zh: "其中接受义务教育", en: "Of them enrolled")
            case .enrollmentRate: return Phrase(zh: "入学率", en: "Enrollment rate")
            case .meetsTarget: return Phrase(zh: "达标", en: "meets the target")
            case .belowTarget: return Phrase(zh: "未达 99% 目标", en: "below the 99% target")
            case .withoutPlacement: return Phrase(zh: "未安置", en: "Without a placement")
            case .placements: return Phrase(zh: "安置方式", en: "Placements")
            case .activePlans: return Phrase(zh: "执行中的计划", en: "Active plans")
            case .reviewsOverdue: return Phrase(zh: "复核逾期", en: "Reviews overdue")
            case .homeTeachingVisits: return Phrase(zh: "送教上门完成情况", en: "Home-teaching visits")
            case .monitoringCSV: return Phrase(zh: "下载监测数据（CSV，供系统导入）", en: "Download the figures (CSV for systems)")
            case .figuresTable: return Phrase(zh: "监测数据", en: "Monitoring figures")
            case .byDistrict: return Phrase(zh: "各区", en: "By district")
            case .bySchool: return Phrase(zh: "各校", en: "By school")
            case .district: return Phrase(zh: "区", en: "District")
            case .school: return Phrase(zh: "学校", en: "School")
            case .files: return Phrase(zh: "档案", en: "Files")
            case .specialClassOrSchool: return Phrase(zh: "特教班/特教学校", en: "Special class/school")
            case .visitsDoneOfPlanned: return Phrase(zh: "送教 完成/计划", en: "Visits done/planned")
            case .rate: return Phrase(zh: "入学率", en: "Rate")
            case .enrolled: return Phrase(zh: "已入学", en: "Enrolled")
            case .notEnrolled: return Phrase(zh: "未入学", en: "Not enrolled")
            case .chartTitle: return Phrase(zh: "各区适龄残疾儿童少年入学情况", en: "School-age disabled children by district")
            case .noPlacementRow: return Phrase(zh: "（未安置）", en: "(no placement)")
            case .unplacedHeading: return Phrase(zh: "未安置儿童", en: "Children without a placement")
            case .overdueHeading: return Phrase(zh: "复核逾期的计划", en: "Plans with overdue reviews")
            case .filesHeading: return Phrase(zh: "档案", en: "Case files")
            case .filesTable: return Phrase(zh: "一人一案档案", en: "Case files")
            case .unplacedTable: return Phrase(zh: "未安置儿童的档案", en: "Files of children without a placement")
            case .overdueTable: return Phrase(zh: "复核逾期的档案", en: "Files with overdue reviews")
            case .name: return Phrase(zh: "姓名", en: "Name")
            case .idNumber: return Phrase(zh: "身份证件号", en: "ID number")
            case .stage: return Phrase(zh: "学段", en: "Stage")
            case .category: return Phrase(zh: "残疾类别", en: "Category")
            case .placement: return Phrase(zh: "安置", en: "Placement")
            case .planReview: return Phrase(zh: "计划复核", en: "Plan review")
            case .visits: return Phrase(zh: "送教 完成/计划", en: "Visits")
            case .existsOnly: return Phrase(zh: "已建档；您未被指定为负责人，无权查看内容", en: "file exists; you are not named on it")
            case .noPlacement: return Phrase(zh: "未安置", en: "none")
            case .noActivePlan: return Phrase(zh: "无执行中的计划", en: "no active plan")
            case .allReviewsHeld: return Phrase(zh: "已全部复核", en: "all held")
            case .noFiles: return Phrase(zh: "还没有档案。", en: "No case files yet.")
            case .noFilesMatch: return Phrase(zh: "没有符合条件的档案。", en: "No case file matches.")
            case .noUnplaced: return Phrase(zh: "每个孩子都已安置。", en: "Every child has a placement.")
            case .noOverdue: return Phrase(zh: "没有复核逾期的计划。", en: "No review is overdue.")
            case .searchName: return Phrase(zh: "按姓名查找", en: "Search by name")
            case .allStages: return Phrase(zh: "全部学段", en: "All stages")
            case .allPlacements: return Phrase(zh: "全部安置", en: "All placements")
            case .withoutPlacementChoice: return Phrase(zh: "未安置", en: "Without a placement")
            case .age: return Phrase(zh: "年龄", en: "Age")
            case .registrySchool: return Phrase(zh: "学籍学校", en: "School in the registry")
            case .keepingDistrict: return Phrase(zh: "档案所属区", en: "District keeping the file")
            case .currentStage: return Phrase(zh: "当前学段", en: "Current stage")
            case .categoryAndLevel: return Phrase(zh: "残疾类别与等级", en: "Category and level")
            case .openedOn: return Phrase(zh: "建档日期", en: "Opened on")
            case .currentPlacement: return Phrase(zh: "当前安置", en: "Current placement")
            case .assessments: return Phrase(zh: "评估记录", en: "Assessments")
            case .assessmentsTable: return Phrase(zh: "评估记录", en: "Assessments")
            case .date: return Phrase(zh: "日期", en: "Date")
            case .kind: return Phrase(zh: "类型", en: "Kind")
            case .assessor: return Phrase(zh: "评估机构", en: "Assessor")
            case .findings: return Phrase(zh: "结论", en: "Findings")
            case .addAssessment: return Phrase(zh: "添加评估", en: "Add an assessment")
            case .saveAssessment: return Phrase(zh: "保存评估", en: "Save the assessment")
            case .placementsTable: return Phrase(zh: "安置记录", en: "Placements")
            case .from: return Phrase(zh: "开始", en: "From")
            case .until: return Phrase(zh: "结束", en: "Until")
            case .visitsPerMonth: return Phrase(zh: "每月送教", en: "Visits a month")
            case .newPlacement: return Phrase(zh: "新的安置（原安置于前一日结束）", en: "New placement (the current one ends the day before)")
            case .placementSchool: return Phrase(zh: "学校（送教上门：负责学校）", en: "School (home teaching: responsible school)")
            case .startDate: return Phrase(zh: "开始日期", en: "Start")
            case .endDateOptional: return Phrase(zh: "结束日期（可空）", en: "End (optional)")
            case .visitsPerMonthHint: return Phrase(zh: "每月送教次数（仅送教上门，1–31）", en: "Visits a month (home teaching only, 1–31)")
            case .savePlacement: return Phrase(zh: "保存安置", en: "Save the placement")
            case .plans: return Phrase(zh: "个别化教育计划", en: "Individual education plans")
            case .noPlan: return Phrase(zh: "尚无计划。", en: "No plan yet.")
            case .active: return Phrase(zh: "执行中", en: "active")
            case .ended: return Phrase(zh: "已结束", en: "ended")
            case .plannedReviews: return Phrase(zh: "计划复核日期", en: "Planned reviews")
            case .goals: return Phrase(zh: "目标", en: "Goals")
            case .goalsTable: return Phrase(zh: "计划目标", en: "Goals of the plan")
            case .goal: return Phrase(zh: "目标", en: "Goal")
            case .criterion: return Phrase(zh: "达成标准", en: "Criterion")
            case .targetDate: return Phrase(zh: "目标日期", en: "Target date")
            case .latestResult: return Phrase(zh: "最近复核结果", en: "Latest result")
            case .services: return Phrase(zh: "支持服务", en: "Services")
            case .servicesTable: return Phrase(zh: "计划的支持服务", en: "Services of the plan")
            case .domain: return Phrase(zh: "领域", en: "Domain")
            case .service: return Phrase(zh: "内容", en: "Service")
            case .provider: return Phrase(zh: "提供方", en: "Provider")
            case .sessionsPerMonth: return Phrase(zh: "每月次数（1–100）", en: "Sessions a month (1–100)")
            case .reviews: return Phrase(zh: "复核记录", en: "Reviews")
            case .reviewsTable: return Phrase(zh: "计划的复核记录", en: "Reviews of the plan")
            case .outcome: return Phrase(zh: "结论", en: "Outcome")
            case .summary: return Phrase(zh: "说明", en: "Summary")
            case .goalResults: return Phrase(zh: "目标达成", en: "Goals")
            case .newPlan: return Phrase(zh: "制订新计划（进行中的计划于前一日结束）", en: "New plan (a running plan ends the day before)")
            case .endDate: return Phrase(zh: "结束日期", en: "End")
            case .reviewDates: return Phrase(zh: "复核日期", en: "Review dates")
            case .reviewDatesHint: return Phrase(zh: "多个日期用空格或逗号分隔，如 2026-03-01, 2026-06-01。", en: "Separate several dates by spaces or commas, as in 2026-03-01, 2026-06-01.")
            case .firstGoal: return Phrase(zh: "第一个目标（可空）", en: "First goal (optional)")
            case .criterionWithGoal: return Phrase(zh: "达成标准（填写目标时必填）", en: "Criterion (required with a goal)")
            case .savePlan: return Phrase(zh: "保存计划", en: "Save the plan")
            case .addGoal: return Phrase(zh: "添加目标", en: "Add a goal")
            case .measurableCriterion: return Phrase(zh: "可测量的达成标准", en: "Measurable criterion")
            case .targetDateOptional: return Phrase(zh: "目标日期（可空）", en: "Target date (optional)")
            case .saveGoal: return Phrase(zh: "保存目标", en: "Save the goal")
            case .addService: return Phrase(zh: "添加支持服务", en: "Add a service")
            case .saveService: return Phrase(zh: "保存服务", en: "Save the service")
            case .recordReview: return Phrase(zh: "记录复核", en: "Record a review")
            case .saveReview: return Phrase(zh: "保存复核", en: "Save the review")
            case .visitsHeading: return Phrase(zh: "送教上门记录", en: "Home-teaching visits")
            case .visitsTable: return Phrase(zh: "送教上门记录", en: "Home-teaching visits")
            case .teacher: return Phrase(zh: "送教教师", en: "Teacher")
            case .minutes: return Phrase(zh: "时长（分钟，10–480）", en: "Minutes (10–480)")
            case .content: return Phrase(zh: "内容", en: "Content")
            case .recordVisit: return Phrase(zh: "记录送教", en: "Record a visit")
            case .saveVisit: return Phrase(zh: "保存送教记录", en: "Save the visit")
            case .handOvers: return Phrase(zh: "转衔记录", en: "Stage hand-overs")
            case .handOversTable: return Phrase(zh: "转衔记录", en: "Stage hand-overs")
            case .fromStage: return Phrase(zh: "从", en: "From")
            case .toStage: return Phrase(zh: "到", en: "To")
            case .fromSchool: return Phrase(zh: "移交学校", en: "From school")
            case .receivingSchool: return Phrase(zh: "接收学校", en: "Receiving school")
            case .handOverNote: return Phrase(zh: "移交说明", en: "Hand-over note")
            case .handOverDate: return Phrase(zh: "转衔日期", en: "Date")
            case .newPlacementKind: return Phrase(zh: "新的安置方式", en: "New placement")
            case .handOverExplained:
                return Phrase(zh: "转衔后档案随学生转至接收学校；原安置与计划于转衔前一日结束，接收学校的管理员需由区中心或接收学校指定。",
                              en: "After the hand-over the file follows the child to the receiving school; the old placement and plan end the day before; staff of the receiving school are named afterwards.")
            case .handOver: return Phrase(zh: "完成转衔", en: "Hand over")
            case .staff: return Phrase(zh: "指定人员", en: "Named staff")
            case .noStaff: return Phrase(zh: "尚未指定学校人员。", en: "No school staff named yet.")
            case .nameAdmin: return Phrase(zh: "指定本校管理员", en: "Name a school admin")
            case .nameStaffButton: return Phrase(zh: "指定", en: "Name")
            case .none: return Phrase(zh: "无", en: "none")
            case .noneYet: return Phrase(zh: "暂无。", en: "None yet.")
            case .notSaved: return Phrase(zh: "未保存", en: "Not saved")
            case .sensitiveNotice:
                return Phrase(zh: "本档案含残疾儿童个人敏感信息，仅限授权人员查阅，请妥善保管。",
                              en: "Sensitive personal data of a disabled child: for authorised staff and the guardians only.")
            case .printedOn: return Phrase(zh: "打印日期", en: "Printed on")
            case .existenceExplained:
                return Phrase(zh: "档案内容仅对该生学校的指定人员、区特殊教育指导中心和监护人开放。",
                              en: "Only the named staff of the child's school, the district special-education centre and the guardians see what it holds.")
            case .fileOpened: return Phrase(zh: "档案已建立。", en: "The case file is open.")
            case .assessmentSaved: return Phrase(zh: "评估已保存。", en: "The assessment is saved.")
            case .placementSaved: return Phrase(zh: "安置已保存。", en: "The placement is saved.")
            case .planSaved: return Phrase(zh: "计划已保存。", en: "The plan is saved.")
            case .goalSaved: return Phrase(zh: "目标已保存。", en: "The goal is saved.")
            case .serviceSaved: return Phrase(zh: "支持服务已保存。", en: "The service is saved.")
            case .reviewSaved: return Phrase(zh: "复核已保存。", en: "The review is saved.")
            case .visitSaved: return Phrase(zh: "送教记录已保存。", en: "The visit is saved.")
            case .handedOver: return Phrase(zh: "转衔已完成，档案已转至接收学校。", en: "Handed over: the file is with the receiving school.")
            case .staffNamed: return Phrase(zh: "已指定负责人员。", en: "The staff member is named.")
            case .newFileIntro:
                return Phrase(zh: "依据残疾人证或评估结论为学生建立一人一案档案。学校管理员建档后自动成为该档案的指定人员。",
                              en: "Open a case file from the disability certificate or an assessment. A school admin who opens a file is named on it.")
            case .pupilIDNumber: return Phrase(zh: "学生身份证件号", en: "Pupil's ID number")
            case .level: return Phrase(zh: "残疾等级", en: "Level")
            case .openFile: return Phrase(zh: "建立档案", en: "Open the file")
            case .required: return Phrase(zh: "必填。", en: "Required.")
            case .notADate: return Phrase(zh: "请填写有效日期（年-月-日）。", en: "Enter a real date (year-month-day).")
            case .notAWholeNumber: return Phrase(zh: "请填写整数。", en: "Enter a whole number.")
            case .notAChoice: return Phrase(zh: "请从列表中选择。", en: "Choose one from the list.")
            case .levelRange: return Phrase(zh: "请选择残疾等级（一级至四级）。", en: "Choose a level from one to four.")
            case .cannotSave: return Phrase(zh: "保存失败，请稍后再试。", en: "The file could not be saved; try again.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.caseDate(CaseDate(year: 2026, month: 3, day: 1)), .disability(.hearing), .disabilityLevel(.two), .placementKind(.homeTeaching),
             .assessmentKind(.medical), .serviceDomain(.health), .goalResult(.notAchieved), .reviewOutcome(.continuePlan),
             .caseCount(.specialEducation(.unplacedHeading), 3), .specialEducation(.firstRowsOf(shown: 20, total: 57)), .caseReviewOverdue(days: 12, due: CaseDate(year: 2026, month: 3, day: 1)),
             .caseNextReview(CaseDate(year: 2026, month: 3, day: 1)), .caseReviewOverdueSince(CaseDate(year: 2026, month: 3, day: 1)),
             .caseVisitsSummary(cases: 2, done: 3, planned: 4, rate: "75%"), .caseVisitsPlanned(planned: 2, done: 1),
             .caseStaffMember(.init(displayName: "王老师", username: "0042")),
             .caseFileTitle("张小明"), .caseExistence(name: "张小明", maskedID: "310101********1234"), .caseAskDistrict("黄浦区"),
             .caseStageHandOver(from: .primary, to: .junior), .caseNumberRange(1, 31), .caseTooLong(2000), .caseMonitoringOf("黄浦区"),
             .caseHandOverMoves(from: .primary, to: .junior, school: "黄浦区第一初级中学"),
             .caseEnds(.placementKind(.mainstream), school: "黄浦区第一小学", on: CaseDate(year: 2026, month: 3, day: 1)),
             .casePlanEnds(CaseDate(year: 2026, month: 3, day: 1)),
             .caseStarts(.placementKind(.mainstream), school: "黄浦区第一小学", on: CaseDate(year: 2026, month: 3, day: 1)),
             .caseStaffOfReceivingSchool, .caseFilesSummary(12), .caseReviewResult(goal: "识字", .achieved)]
        }
    }
}

extension Phrase {
    public static func specialEducation(_ key: Catalogue.SpecialEducation) -> Phrase { key.phrase }

    /// A date as people write it: "2026年3月1日" / "1 Mar 2026".
    public static func caseDate(_ date: CaseDate) -> Phrase {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = (1...12).contains(date.month) ? months[date.month - 1] : String(date.month)
        return Phrase(zh: "\(date.year)年\(date.month)月\(date.day)日", en: "\(date.day) \(month) \(date.year)")
    }

    public static func disability(_ category: DisabilityCategory) -> Phrase {
        let en: String
        switch category {
        case .vision: en = "Visual impairment"
        case .hearing: en = "Hearing impairment"
        case .speech: en = "Speech impairment"
        case .physical: en = "Physical disability"
        case .intellectual: en = "Intellectual disability"
        case .mental: en = "Mental disability"
        case .multiple: en = "Multiple disabilities"
        }
        return Phrase(zh: category.labelZH, en: en)
    }

    public static func disabilityLevel(_ level: DisabilityLevel) -> Phrase {
        Phrase(zh: level.labelZH, en: "Level \(level.rawValue)")
    }

    public static func placementKind(_ kind: PlacementKind) -> Phrase {
        let en: String
        switch kind {
        case .specialSchool: en = "Special school"
        case .specialClass: en = "Special class"
        case .mainstream: en = "Mainstream class"
        case .homeTeaching: en = "Home teaching"
        }
        return Phrase(zh: kind.labelZH, en: en)
    }

    public static func assessmentKind(_ kind: AssessmentKind) -> Phrase {
        let en: String
        switch kind {
        case .medical: en = "Medical"
        case .educational: en = "Educational"
        case .psychological: en = "Psychological"
        case .rehabilitation: en = "Rehabilitation"
        }
        return Phrase(zh: kind.labelZH, en: en)
    }

    public static func serviceDomain(_ domain: ServiceDomain) -> Phrase {
        let en: String
        switch domain {
        case .education: en = "Education"
        case .health: en = "Health"
        case .rehabilitation: en = "Rehabilitation"
        }
        return Phrase(zh: domain.labelZH, en: en)
    }

    public static func goalResult(_ result: GoalResult) -> Phrase {
        let en: String
        switch result {
        case .achieved: en = "Achieved"
        case .progressing: en = "Progressing"
        case .notAchieved: en = "Not achieved"
        }
        return Phrase(zh: result.labelZH, en: en)
    }

    public static func reviewOutcome(_ outcome: ReviewOutcome) -> Phrase {
        let en: String
        switch outcome {
        case .continuePlan: en = "Continue the plan"
        case .revise: en = "Revise the plan"
        case .completed: en = "Plan completed"
        }
        return Phrase(zh: outcome.labelZH, en: en)
    }

    /// A heading with its count: "未安置儿童（3）" / "Children without a placement (3)".
    public static func specialEducation(_ text: Catalogue.SpecialEducationText) -> Phrase { text.phrase }

    public static func caseCount(_ heading: Phrase, _ count: Int) -> Phrase {
        Phrase(zh: "\(heading.zh)（\(Format.number(count))）", en: "\(heading.en) (\(Format.number(count)))")
    }

    public static func caseReviewOverdue(days: Int, due: CaseDate) -> Phrase {
        let date = caseDate(due)
        return Phrase(zh: "逾期 \(days) 天（\(date.zh)）", en: "\(days) days overdue (\(date.en))")
    }

    public static func caseNextReview(_ date: CaseDate) -> Phrase {
        let day = caseDate(date)
        return Phrase(zh: "下次 \(day.zh)", en: "next \(day.en)")
    }

    public static func caseReviewOverdueSince(_ due: CaseDate) -> Phrase {
        let date = caseDate(due)
        return Phrase(zh: "复核逾期：应于 \(date.zh)复核", en: "review overdue since \(date.en)")
    }

    public static func caseVisitsSummary(cases: Int, done: Int, planned: Int, rate: String) -> Phrase {
        Phrase(zh: "\(cases) 人，已送教 \(done) 次 / 计划 \(planned) 次（\(rate)）",
               en: "\(cases) children, \(done) of \(planned) planned visits (\(rate))")
    }

    public static func caseVisitsPlanned(planned: Int, done: Int) -> Phrase {
        Phrase(zh: "当前送教上门：计划 \(planned) 次（按每月次数与已满月数），已完成 \(done) 次。",
               en: "Current home teaching: \(planned) visits planned so far, \(done) done.")
    }

    /// "王老师（0042）" / "王老师 (0042)": the account name in the brackets each language uses.
    public static func caseStaffMember(_ member: CaseFilePage.StaffMember) -> Phrase {
        Phrase(zh: "\(member.displayName)（\(member.username)）", en: "\(member.displayName) (\(member.username))")
    }

    public static func caseFileTitle(_ name: String) -> Phrase { Phrase(zh: "一人一案 · \(name)", en: "Case file · \(name)") }

    public static func caseExistence(name: String, maskedID: String) -> Phrase {
        Phrase(zh: "\(name)（\(maskedID)）已建立特殊教育一人一案档案。", en: "\(name) (\(maskedID)) has a special-education case file.")
    }

    public static func caseAskDistrict(_ district: String) -> Phrase {
        Phrase(zh: "如需查阅，请联系\(district)特殊教育指导中心。", en: "Ask the special-education centre of \(district) for access.")
    }

    public static func caseStageHandOver(from: Stage, to: Stage) -> Phrase {
        let a = stage(from), b = stage(to)
        return Phrase(zh: "升学转衔：\(a.zh) → \(b.zh)", en: "Stage hand-over: \(a.en) → \(b.en)")
    }

    public static func caseNumberRange(_ low: Int, _ high: Int) -> Phrase {
        Phrase(zh: "请填写 \(low)–\(high) 之间的整数。", en: "Enter a whole number from \(low) to \(high).")
    }

    public static func caseTooLong(_ limit: Int) -> Phrase {
        Phrase(zh: "不超过 \(Format.number(limit)) 个字。", en: "At most \(Format.number(limit)) characters.")
    }

    public static func caseMonitoringOf(_ scope: String) -> Phrase {
        Phrase(zh: "监测 · \(scope)", en: "Monitoring · \(scope)")
    }

    public static func caseHandOverMoves(from: Stage, to: Stage, school: String) -> Phrase {
        let a = stage(from), b = stage(to)
        return Phrase(zh: "档案的学段从\(a.zh)改为\(b.zh)，随学生转至\(school)。", en: "The file moves from \(a.en) to \(b.en) and follows the child to \(school).")
    }

    public static func caseEnds(_ placement: Phrase, school: String, on date: CaseDate) -> Phrase {
        let day = caseDate(date)
        return Phrase(zh: "当前安置（\(placement.zh) · \(school)）于 \(day.zh)结束。", en: "The current placement (\(placement.en), \(school)) ends on \(day.en).")
    }

    public static func casePlanEnds(_ date: CaseDate) -> Phrase {
        let day = caseDate(date)
        return Phrase(zh: "进行中的个别化教育计划于 \(day.zh)结束。", en: "The running plan ends on \(day.en).")
    }

    public static func caseStarts(_ placement: Phrase, school: String, on date: CaseDate) -> Phrase {
        let day = caseDate(date)
        return Phrase(zh: "新安置（\(placement.zh) · \(school)）自 \(day.zh)开始。", en: "The new placement (\(placement.en), \(school)) starts on \(day.en).")
    }

    public static var caseStaffOfReceivingSchool: Phrase {
        Phrase(zh: "原学校的指定人员不再能查看档案；接收学校的管理员需另行指定。",
               en: "The named staff of the old school no longer read the file; staff of the receiving school are named afterwards.")
    }

    public static func caseFilesSummary(_ count: Int) -> Phrase {
        Phrase(zh: "共 \(Format.number(count)) 份档案", en: count == 1 ? "1 case file" : "\(Format.number(count)) case files")
    }

    public static func caseReviewResult(goal: String, _ result: GoalResult) -> Phrase {
        let label = goalResult(result)
        return Phrase(zh: "\(goal)：\(label.zh)", en: "\(goal): \(label.en)")
    }
}

extension Catalogue {
    /// The special-education phrases that take numbers.
    public enum SpecialEducationText: Sendable, Hashable {
        case firstRowsOf(shown: Int, total: Int)
        var phrase: Phrase {
            switch self {
            case .firstRowsOf(let shown, let total):
                return Phrase(zh: "这里列出前 \(Format.number(shown)) 条，共 \(Format.number(total)) 条；下载可得全部。",
                              en: "The first \(Format.number(shown)) of \(Format.number(total)) are listed here; the download has them all.")
            }
        }
    }
}
