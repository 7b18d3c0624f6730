import Foundation

/// The indicators a city supervises. Shanghai's 2024 catalogue is built in; another city supplies
/// its own as data (`IndicatorCatalogue(indicators:)` or `IndicatorCatalogue.parse(csv:)`).
public struct IndicatorCatalogue: Sendable, Hashable, Codable {
    public var indicators: [Indicator]

    public init(indicators: [Indicator]) { self.indicators = indicators }

    public func indicator(code: String) -> Indicator? { indicators.first { $0.code == code } }

    /// The 优质均衡 resource indicators judged for a stage, in catalogue order.
    public func qualityBalanceIndicators(for stage: Stage) -> [Indicator] {
        indicators.filter { $0.measure.isQualityBalanceResource && $0.stages.contains(stage) }
    }
}

extension IndicatorCatalogue {
    /// Sections refer to 《新时代本市基础教育扩优提质行动计划的实施意见》(2024).
    /// Targets the plan adopts from national documents name them after the section.
    public static let shanghai2024 = IndicatorCatalogue(indicators: preschool + compulsoryEducation + wellbeing
        + familyAndSchool + digital + teachers + qualityBalance)

    private static let everyLevel: [IndicatorLevel] = [.school, .district, .city]
    private static let aboveSchool: [IndicatorLevel] = [.district, .city]
    private static let schoolStages: [Stage] = [.primary, .junior, .senior]
    private static let compulsoryStages: [Stage] = [.primary, .junior]
    /// The plan commits every district to pass this national assessment by 2025 (一(二)).
    private static let balanceSource = "一(二); 教督〔2017〕6号 县域义务教育优质均衡发展督导评估办法"

    private static let preschool: [Indicator] = [
        Indicator(code: "KG-PUBLIC-SHARE", nameZh: "公办幼儿园在园幼儿占比", nameEn: "Share of kindergarten children in public kindergartens",
                  unit: "%", formulaZh: "公办幼儿园在园幼儿数 ÷ 在园幼儿总数 × 100%",
                  formulaEn: "children in public kindergartens ÷ all kindergarten children × 100%",
                  measure: .publicKindergartenShare, comparison: .atLeast, target: 80,
                  levels: aboveSchool, stages: [.kindergarten], planSection: "一(二); 二(一)1"),
        Indicator(code: "KG-INCLUSIVE-SHARE", nameZh: "普惠性幼儿园覆盖率", nameEn: "Share of kindergarten children in inclusive (affordable) kindergartens",
                  unit: "%", formulaZh: "(公办幼儿园 + 普惠性民办幼儿园) 在园幼儿数 ÷ 在园幼儿总数 × 100%",
                  formulaEn: "children in public and inclusive private kindergartens ÷ all kindergarten children × 100%",
                  measure: .inclusiveKindergartenShare, comparison: .atLeast, target: 90,
                  levels: aboveSchool, stages: [.kindergarten], planSection: "二(一)1"),
        Indicator(code: "KG-READINESS", nameZh: "幼儿园入学准备教育覆盖率", nameEn: "Readiness-for-school education coverage",
                  unit: "%", formulaZh: "大班开展入学准备教育的幼儿园 ÷ 幼儿园总数 × 100% (单园: 开展为 100, 未开展为 0)",
                  formulaEn: "kindergartens giving readiness-for-school education in the top class ÷ all kindergartens × 100% (one kindergarten: 100 if given, 0 if not)",
                  measure: .readinessEducation, comparison: .equal, target: 100,
                  levels: everyLevel, stages: [.kindergarten], planSection: "二(一)6"),
        Indicator(code: "KG-OUTDOOR", nameZh: "幼儿每日户外活动时间", nameEn: "Daily outdoor activity in kindergarten",
                  unit: "分钟/天", formulaZh: "幼儿园报告的每日在园户外活动分钟数",
                  formulaEn: "minutes of outdoor activity a day, as the kindergarten reports",
                  measure: .dailyOutdoorMinutes, comparison: .atLeast, target: 120,
                  levels: everyLevel, stages: [.kindergarten], planSection: "二(一)6"),
    ]

    private static let compulsoryEducation: [Indicator] = [
        Indicator(code: "DISABLED-ENROLLMENT", nameZh: "适龄残疾儿童少年义务教育入学率", nameEn: "Enrollment rate of school-age disabled children",
                  unit: "%", formulaZh: "接受义务教育的适龄残疾儿童少年数 ÷ 适龄残疾儿童少年总数 × 100%",
                  formulaEn: "school-age disabled children in compulsory education ÷ all school-age disabled children × 100%",
                  measure: .disabledEnrollmentRate, comparison: .atLeast, target: 99,
                  levels: aboveSchool, stages: [.primary, .junior, .special], planSection: "一(二); 二(四)13"),
        Indicator(code: "MIGRANT-PUBLIC-SHARE", nameZh: "随迁子女在公办学校就读比例", nameEn: "Share of migrant children in public schools",
                  unit: "%", formulaZh: "公办义务教育学校随迁子女数 ÷ 义务教育学校随迁子女总数 × 100%",
                  formulaEn: "migrant children in public compulsory schools ÷ all migrant children in compulsory schools × 100%",
                  measure: .migrantPublicShare, comparison: .atLeast, target: 85,
                  levels: aboveSchool, stages: compulsoryStages, planSection: balanceSource),
        Indicator(code: "CLASS-SIZE-PRIMARY", nameZh: "小学班额", nameEn: "Class size, primary",
                  unit: "人", formulaZh: "小学各班学生数的最大值",
                  formulaEn: "pupils in the largest primary class",
                  measure: .largestClassSize, comparison: .atMost, target: 45,
                  levels: everyLevel, stages: [.primary], planSection: balanceSource),
        Indicator(code: "CLASS-SIZE-JUNIOR", nameZh: "初中班额", nameEn: "Class size, junior",
                  unit: "人", formulaZh: "初中各班学生数的最大值",
                  formulaEn: "pupils in the largest junior class",
                  measure: .largestClassSize, comparison: .atMost, target: 50,
                  levels: everyLevel, stages: [.junior], planSection: balanceSource),
        Indicator(code: "SCHOOL-SIZE", nameZh: "小学、初中学校规模", nameEn: "School size, primary or junior school",
                  unit: "人", formulaZh: "只设小学或初中一个义务教育学段的学校, 该学段在校生数",
                  formulaEn: "pupils of that stage, for a school with only one compulsory stage (primary or junior)",
                  measure: .singleStageSchoolSize, comparison: .atMost, target: 2000,
                  levels: everyLevel, stages: compulsoryStages, planSection: balanceSource),
        Indicator(code: "SCHOOL-SIZE-THROUGH", nameZh: "九年一贯制、十二年一贯制学校义务教育段规模", nameEn: "School size, nine- and twelve-year schools (compulsory grades)",
                  unit: "人", formulaZh: "同时设小学和初中的学校, 小学 + 初中在校生数",
                  formulaEn: "primary + junior pupils, for a school with both stages",
                  measure: .throughSchoolSize, comparison: .atMost, target: 2500,
                  levels: everyLevel, stages: compulsoryStages, planSection: balanceSource),
    ]

    private static let wellbeing: [Indicator] = [
        Indicator(code: "PE-PRIMARY", nameZh: "小学每周体育课", nameEn: "Weekly PE lessons, primary",
                  unit: "节/周", formulaZh: "小学各年级每周体育课节数的最小值",
                  formulaEn: "fewest weekly PE lessons over the primary grades",
                  measure: .weeklyPELessons, comparison: .atLeast, target: 5,
                  levels: everyLevel, stages: [.primary], planSection: "二(五)17"),
        Indicator(code: "PE-ACTIVITY-PRIMARY", nameZh: "小学每周体育活动课", nameEn: "Weekly PE activity lessons, primary",
                  unit: "节/周", formulaZh: "小学各年级每周体育活动课节数的最小值",
                  formulaEn: "fewest weekly PE activity lessons over the primary grades",
                  measure: .weeklyPEActivityLessons, comparison: .atLeast, target: 2,
                  levels: everyLevel, stages: [.primary], planSection: "二(五)17"),
        Indicator(code: "PE-JUNIOR", nameZh: "初中每周体育课", nameEn: "Weekly PE lessons, junior",
                  unit: "节/周", formulaZh: "初中各年级每周体育课节数的最小值",
                  formulaEn: "fewest weekly PE lessons over the junior grades",
                  measure: .weeklyPELessons, comparison: .atLeast, target: 4,
                  levels: everyLevel, stages: [.junior], planSection: "二(五)17"),
        Indicator(code: "PE-ACTIVITY-JUNIOR", nameZh: "初中每周体育活动课", nameEn: "Weekly PE activity lessons, junior",
                  unit: "节/周", formulaZh: "初中各年级每周体育活动课节数的最小值",
                  formulaEn: "fewest weekly PE activity lessons over the junior grades",
                  measure: .weeklyPEActivityLessons, comparison: .atLeast, target: 1,
                  levels: everyLevel, stages: [.junior], planSection: "二(五)17"),
        Indicator(code: "PE-SENIOR", nameZh: "高中每周体育课", nameEn: "Weekly PE lessons, senior",
                  unit: "节/周", formulaZh: "高中各年级每周体育课节数的最小值",
                  formulaEn: "fewest weekly PE lessons over the senior grades",
                  measure: .weeklyPELessons, comparison: .atLeast, target: 4,
                  levels: everyLevel, stages: [.senior], planSection: "二(五)17"),
        Indicator(code: "EXERCISE-2H", nameZh: "学生每天校内外运动时间", nameEn: "Daily exercise in and out of school",
                  unit: "分钟/天", formulaZh: "学校报告的学生每天校内外运动分钟数",
                  formulaEn: "minutes of exercise a day in and out of school, as the school reports",
                  measure: .dailyExerciseMinutes, comparison: .atLeast, target: 120,
                  levels: everyLevel, stages: schoolStages, planSection: "二(五)17"),
        Indicator(code: "PSY-LESSON", nameZh: "心理健康活动课开设年级", nameEn: "Grades with a psychology lesson every two weeks",
                  unit: "个年级", formulaZh: "学校各学段中每2周至少1课时心理健康活动课的年级数, 取各学段最小值",
                  formulaEn: "grades with at least one mental-health lesson every two weeks, the smallest over the school's stages",
                  measure: .psychologyLessonGrades, comparison: .atLeast, target: 1,
                  levels: everyLevel, stages: schoolStages, planSection: "二(五)17"),
        Indicator(code: "PSY-TEACHER", nameZh: "专职心理教师", nameEn: "Full-time psychology teachers per school",
                  unit: "名", formulaZh: "学校专职心理教师人数",
                  formulaEn: "full-time psychology teachers of the school",
                  measure: .fullTimePsychologyTeachers, comparison: .atLeast, target: 1,
                  levels: everyLevel, stages: schoolStages, planSection: "二(五)17"),
    ]

    private static let familyAndSchool: [Indicator] = [
        Indicator(code: "HOME-VISITS", nameZh: "每生每学年家访次数", nameEn: "Home visits per pupil per school year",
                  unit: "次/生", formulaZh: "学年家访次数 ÷ 在校生数",
                  formulaEn: "home visits in the school year ÷ pupils",
                  measure: .homeVisitsPerPupil, comparison: .atLeast, target: 1,
                  levels: everyLevel, stages: schoolStages, planSection: "二(八)25"),
        Indicator(code: "FAMILY-EDUCATION", nameZh: "家庭教育指导和实践活动", nameEn: "Family-education activities per school per year",
                  unit: "次/年", formulaZh: "学校每年开展家庭教育指导和家庭教育实践活动次数",
                  formulaEn: "family-education guidance and practice activities held in the year",
                  measure: .familyEducationActivities, comparison: .atLeast, target: 4,
                  levels: everyLevel, stages: schoolStages, planSection: "二(八)25"),
    ]

    private static let digital: [Indicator] = [
        Indicator(code: "BANDWIDTH", nameZh: "义务教育学校人均带宽", nameEn: "Bandwidth per person, compulsory schools",
                  unit: "Mbps/人", formulaZh: "出口带宽 (Mbps) ÷ 人数 (报告人数; 未报告时为全校学生数 + 教师数)",
                  formulaEn: "internet bandwidth (Mbps) ÷ persons (as reported; otherwise pupils + teachers)",
                  measure: .bandwidthPerPerson, comparison: .atLeast, target: 1,
                  levels: everyLevel, stages: compulsoryStages, planSection: "二(七)22"),
    ]

    /// 10% and 20% are the national rotation rule (教师〔2014〕4号), the plan's 二(六)19 applies it.
    private static let teachers: [Indicator] = [
        Indicator(code: "ROTATION", nameZh: "教师交流轮岗比例", nameEn: "Share of eligible teachers rotating",
                  unit: "%", formulaZh: "本学年交流轮岗教师数 ÷ 符合交流条件教师数 × 100%",
                  formulaEn: "teachers rotated this school year ÷ teachers eligible for rotation × 100%",
                  measure: .rotationShare, comparison: .atLeast, target: 10,
                  levels: aboveSchool, stages: compulsoryStages, planSection: "二(六)19; 教师〔2014〕4号"),
        Indicator(code: "ROTATION-KEY", nameZh: "交流轮岗中骨干教师比例", nameEn: "Share of key teachers among rotating teachers",
                  unit: "%", formulaZh: "交流轮岗骨干教师数 ÷ 交流轮岗教师数 × 100%",
                  formulaEn: "key teachers rotated ÷ teachers rotated × 100%",
                  measure: .keyTeacherRotationShare, comparison: .atLeast, target: 20,
                  levels: aboveSchool, stages: compulsoryStages, planSection: "二(六)19; 教师〔2014〕4号"),
    ]

    /// The seven resource indicators, each with its primary and junior standard.
    private static let qualityBalance: [Indicator] = {
        let table: [(code: String, measure: IndicatorMeasure, zh: String, en: String, unit: String, formula: String, formulaEn: String,
                     primary: Double, junior: Double)] = [
            ("BAL-DEGREE", .degreeTeachersPer100, "每百名学生拥有高于规定学历教师数", "Teachers above the required degree per 100 pupils",
             "名/百生", "高于规定学历教师数 ÷ 在校生数 × 100 (规定学历: 小学中专, 初中专科)",
             "teachers with a degree above the requirement ÷ pupils × 100 (required: secondary vocational for primary, junior college for junior)", 4.2, 5.3),
            ("BAL-KEY", .keyTeachersPer100, "每百名学生拥有区级及以上骨干教师数", "District-level-or-above key teachers per 100 pupils",
             "名/百生", "区级及以上骨干教师数 ÷ 在校生数 × 100",
             "district-level-or-above key teachers ÷ pupils × 100", 1, 1),
            ("BAL-PE-ARTS", .peArtsTeachersPer100, "每百名学生拥有体育、艺术专任教师数", "PE and arts teachers per 100 pupils",
             "名/百生", "体育、艺术(音乐、美术)专任教师数 ÷ 在校生数 × 100",
             "full-time PE and arts (music, fine arts) teachers ÷ pupils × 100", 0.9, 0.9),
            ("BAL-FLOOR", .floorAreaPerPupil, "生均教学及辅助用房面积", "Teaching and auxiliary floor area per pupil",
             "m²/生", "教学及辅助用房面积 ÷ 在校生数",
             "teaching and auxiliary floor area (m²) ÷ pupils", 4.5, 5.8),
            ("BAL-GROUND", .sportsGroundPerPupil, "生均体育运动场馆面积", "Sports ground area per pupil",
             "m²/生", "体育运动场馆面积 ÷ 在校生数",
             "sports ground area (m²) ÷ pupils", 7.5, 10.2),
            ("BAL-EQUIPMENT", .equipmentValuePerPupil, "生均教学仪器设备值", "Equipment value per pupil",
             "元/生", "教学仪器设备值 ÷ 在校生数",
             "equipment value (yuan) ÷ pupils", 2000, 2500),
            ("BAL-MEDIA", .multimediaRoomsPer100, "每百名学生拥有网络多媒体教室数", "Multimedia classrooms per 100 pupils",
             "间/百生", "网络多媒体教室数 ÷ 在校生数 × 100",
             "networked multimedia classrooms ÷ pupils × 100", 2.3, 2.4),
        ]
        return [(Stage.primary, "PRIMARY", "小学"), (Stage.junior, "JUNIOR", "初中")].flatMap { stage, suffix, stageZh in
            table.map { row in
                Indicator(code: "\(row.code)-\(suffix)", nameZh: "\(stageZh)\(row.zh)", nameEn: "\(row.en), \(stage.rawValue)",
                          unit: row.unit, formulaZh: row.formula, formulaEn: row.formulaEn, measure: row.measure, comparison: .atLeast,
                          target: stage == .primary ? row.primary : row.junior,
                          levels: everyLevel, stages: [stage], planSection: balanceSource)
            }
        }
    }()
}
