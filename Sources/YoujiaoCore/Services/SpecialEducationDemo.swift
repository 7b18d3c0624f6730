import Foundation

/// The disabled children of the demo city: about 0.3% of pupils get a case file, some at special
/// schools, most in mainstream classes (随班就读) or special classes, some taught at home, a few
/// still without a placement, and some plans whose review is overdue. Same seed, schools, pupils
/// and day → same files. Dates are set around `today`, so the monitoring has something to show
/// whenever the demo is loaded.
public enum SpecialEducationDemo {
    /// A pupil of the registry as the demo needs them.
    public struct Pupil: Sendable {
        public var child: CaseChild
        public var grade: Grade
        public init(child: CaseChild, grade: Grade) { self.child = child; self.grade = grade }
    }

    /// Share of an ordinary school's pupils with a file, and of a special school's: together about
    /// 0.3% of all demo pupils (the demo's special schools are large for its scale).
    static let ordinaryShare = 0.0028
    static let specialSchoolShare = 0.05

    /// Files for the pupils of one school (sorted by national ID, so the draw is reproducible).
    /// - Parameter homeTeachingSchool: the school responsible for home teaching in the district
    ///   (its special school); the pupil's own school when nil.
    public static func files(school: School, pupils: [Pupil], homeTeachingSchool: School?, seed: UInt64, today: CaseDate) -> [CaseFile] {
        var random = DemoRandom(seed: seed, stream: 0x5BED, UInt64(school.id) ?? 0)
        let isSpecial = school.stages.contains(.special)
        let expected = Double(pupils.count) * (isSpecial ? specialSchoolShare : ordinaryShare)
        let count = min(pupils.count, Int(expected) + (random.unit() < expected - expected.rounded(.down) ? 1 : 0))
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(random.below(pupils.count)) }
        return chosen.sorted().compactMap { index in
            let kind: PlacementKind? = isSpecial ? .specialSchool : placements.draw(&random)
            let placementSchool = kind == .homeTeaching ? (homeTeachingSchool ?? school) : school
            // A special class needs a school of the child's stage; kindergartens have none here.
            let fitting = kind == .specialClass && pupils[index].grade.stage == .kindergarten ? .mainstream : kind
            return file(for: pupils[index], school: placementSchool, kind: fitting, random: &random, today: today)
        }
    }

    static let placements = WeightedTable<PlacementKind?>([(.mainstream, 70), (.specialClass, 14), (.homeTeaching, 12), (nil, 4)])
    static let categories = WeightedTable<DisabilityCategory>([(.intellectual, 35), (.mental, 22), (.hearing, 10), (.physical, 10),
                                                              (.vision, 7), (.speech, 7), (.multiple, 9)])
    /// Children taught at home or in special schools tend to the severe levels.
    static let severeLevels = WeightedTable<DisabilityLevel>([(.one, 35), (.two, 40), (.three, 20), (.four, 5)])
    static let mildLevels = WeightedTable<DisabilityLevel>([(.one, 3), (.two, 17), (.three, 40), (.four, 40)])
    static let teachers = ["周老师", "陈老师", "徐老师", "孙老师", "朱老师", "马老师"]
    static let assessors = ["区特殊教育指导中心", "上海市儿童医院", "复旦大学附属儿科医院", "区残疾人康复中心"]
    static let goals: [DisabilityCategory: [(String, String)]] = [
        .intellectual: [("认读 50 个常用汉字", "连续两周内 5 次认读测试中 4 次正确率达到 90%"),
                        ("完成 20 以内加减法", "独立完成 20 题练习，正确率不低于 80%"),
                        ("独立整理书包", "一个月内 10 个上学日中 8 天无需提醒独立完成")],
        .mental: [("课堂上轮流发言", "每节课至少 1 次按规则举手发言，连续三周"),
                  ("情绪激动时使用冷静角", "每周记录的 5 次情绪事件中 4 次主动使用冷静策略"),
                  ("与同伴合作完成小组任务", "每月 4 次小组活动中 3 次全程参与")],
        .hearing: [("佩戴助听设备参与课堂", "每天佩戴时间不少于 5 小时，连续一个月"),
                   ("看话理解教师指令", "10 条日常指令中能正确执行 8 条")],
        .vision: [("使用盲文或大字课本阅读", "每分钟读出 40 个字，准确率 90%"),
                  ("独立在校园内定向行走", "从教室到食堂、厕所、校门三条路线均能独立往返")],
        .physical: [("使用辅具独立书写", "每天完成 15 分钟书写练习，字迹可辨认"),
                    ("参与适应性体育活动", "每周参加 2 次体育课适应性项目，全程完成")],
        .speech: [("清楚发出声母 g、k、h", "20 个含目标音的词语中 16 个发音正确"),
                  ("用完整句子表达需求", "一天中 10 次表达需求中 7 次使用完整句子")],
        .multiple: [("用图片交换沟通表达需求", "每天 5 次需求中 4 次主动使用图片卡"),
                     ("配合完成穿脱衣服", "在辅助下完成穿脱外套，连续两周每天完成")],
    ]
    static let services: [(ServiceDomain, String, String)] = [
        (.education, "资源教室个别化辅导", "资源教师"), (.education, "巡回指导教师入校指导", "区特殊教育指导中心"),
        (.rehabilitation, "言语与语言康复训练", "区残疾人康复中心"), (.rehabilitation, "感觉统合训练", "区残疾人康复中心"),
        (.health, "定期复诊与用药评估", "社区卫生服务中心"), (.health, "视力与听力筛查", "区妇幼保健所"),
    ]

    /// One child's file. Without a placement: a file opened lately, assessed, waiting for the
    /// district's placement decision. Otherwise: placed, with this school year's plan.
    static func file(for pupil: Pupil, school: School, kind: PlacementKind?, random: inout DemoRandom, today: CaseDate) -> CaseFile? {
        let yearStart = CaseDate(year: today.schoolYear, month: 9, day: 1)
        let category = categories.draw(&random)
        let severe = kind == .specialSchool || kind == .homeTeaching
        let level = (severe ? severeLevels : mildLevels).draw(&random)
        let stage = pupil.grade.stage
        let birth = pupil.child.birthDate
        // A placed child's file was opened on a day of the last two and a half years before this
        // school year (not before the age of two and a half); an unplaced child's in the last two months.
        let opened: CaseDate
        if kind == nil {
            opened = today.adding(days: -random.int(in: 10...60))
        } else {
            let earliest = max(birth.adding(months: 30), yearStart.adding(days: -900))
            opened = min(today, earliest.adding(days: random.below(max(1, earliest.days(until: yearStart)))))
        }
        do throws(CaseFileProblem) {
            var file = try CaseFile.open(SpecialEducationCase(districtCode: school.districtCode, stage: stage, category: category,
                                                              level: level, openedOn: max(opened, birth)), child: pupil.child, today: today)
            _ = try file.addAssessment(CaseAssessment(date: file.caseRecord.openedOn, kind: random.chance(0.5) ? .medical : .educational,
                                                      assessor: assessors[random.below(assessors.count)],
                                                      summary: "\(category.labelZH)\(level.labelZH)，建议\(kind?.labelZH ?? "待定")"),
                                       today: today)
            guard let kind else { return file }
            let start = min(today, max(file.caseRecord.openedOn, yearStart.adding(months: -12 * random.below(3))))
            let visits = kind == .homeTeaching ? random.int(in: 2...4) : nil
            let placement = CasePlacement(kind: kind, schoolID: school.id, stage: stage, startDate: start, visitsPerMonth: visits)
            _ = try file.addPlacement(placement, school: school, today: today)
            try addPlan(to: &file, category: category, from: max(start, yearStart), random: &random, today: today)
            if let visits { addVisits(to: &file, placement: placement, perMonth: visits, random: &random, today: today) }
            return file
        } catch {
            // The draws above respect every rule; a refusal here is a bug in this generator.
            assertionFailure("demo case file refused: \(error)")
            return nil
        }
    }

    /// This school year's plan: reviews in November, January, April and June; about one plan in
    /// eight misses its latest review that is due.
    static func addPlan(to file: inout CaseFile, category: DisabilityCategory, from start: CaseDate,
                        random: inout DemoRandom, today: CaseDate) throws(CaseFileProblem) {
        let year = start.schoolYear
        let end = CaseDate(year: year + 1, month: 7, day: 10)
        guard start < end else { return }
        let reviewDates = [CaseDate(year: year, month: 11, day: 15), CaseDate(year: year + 1, month: 1, day: 15),
                           CaseDate(year: year + 1, month: 4, day: 15), CaseDate(year: year + 1, month: 6, day: 30)].filter { $0 > start }
        guard !reviewDates.isEmpty else { return }
        let templates = goals[category] ?? []
        let planGoals = templates.prefix(2 + random.below(max(1, templates.count - 1))).map {
            PlanGoal(description: $0.0, criterion: $0.1, targetDate: end)
        }
        let planServices = (0..<(1 + random.below(3))).map { _ in services[random.below(services.count)] }
        var seen = Set<String>()
        let uniqueServices = planServices.filter { seen.insert($0.1).inserted }.map {
            PlanService(domain: $0.0, description: $0.1, provider: $0.2, sessionsPerMonth: random.int(in: 2...8))
        }
        let plan = IndividualPlan(startDate: start, endDate: end, reviewDates: reviewDates)
        _ = try file.addPlan(PlanFile(plan: plan, goals: Array(planGoals), services: uniqueServices), today: today)
        var due = reviewDates.filter { $0 < today }
        if random.chance(0.125), !due.isEmpty { due.removeLast() }
        for date in due {
            let held = min(today, end, date.adding(days: random.below(8)))
            let results = Dictionary(uniqueKeysWithValues: planGoals.map { ($0.id, random.chance(0.3) ? GoalResult.achieved : .progressing) })
            _ = try file.addReview(PlanReview(date: held, outcome: .continuePlan, summary: "按计划推进，家校配合良好。", goalResults: results),
                                   planID: plan.id, today: today)
        }
    }

    /// Visits of each past month at even intervals; about one in seven did not happen.
    static func addVisits(to file: inout CaseFile, placement: CasePlacement, perMonth: Int, random: inout DemoRandom, today: CaseDate) {
        for month in 0..<placement.startDate.fullMonths(until: today) {
            for visit in 0..<perMonth where !random.chance(1.0 / 7) {
                let date = placement.startDate.adding(months: month).adding(days: visit * 28 / perMonth + 1)
                _ = try? file.addVisit(HomeTeachingVisit(placementID: placement.id, date: date, teacher: teachers[random.below(teachers.count)],
                                                         minutes: 60 + 30 * random.below(3), content: "个别化教学与康复训练，指导家长居家训练方法。"),
                                       today: today)
            }
        }
    }
}
