import YoujiaoCore

extension Catalogue {
    /// Supervision (督导): the city, district and school figures, the 优质均衡 report, the
    /// correction list and the school-report form.
    public enum Supervision: PhraseBook {
        // Titles and links.
        case cityTitle, correctionsTitle, qualityBalance, correctionList, registryPage, submitReport, editReport
        case schoolYear, show, districts
        // Statuses, verdicts and levels.
        case met, notMet, noData, noSchoolOfTheKind, pass, fail, levelCity, levelDistrict, levelSchool, city
        // Columns.
        case indicator, target, value, numeratorDenominator, schoolsNotMeeting, missingInputs, schoolID, schoolName
        case stages, pupils, metCount, notMetCount, noDataCount, level, scope, district, gap, gapPercent, inputs
        case formula, schoolTarget, source, districtFigure, disabledChildren, disabledEnrolled, pupilsOfStage
        case indicatorsMet, result, standard, weightedMean, standardDeviation, coefficientOfVariation, limit
        case belowFloor, stage, migrantPupils, classes, largestClass, unknown, teachers, count
        // Tables and sections.
        case cityTable, districtFigures, schoolsOfDistrict, schoolsBehindFigure, districtReport, indicators
        case registryCounts, countsTable, teacherTable, dispersionTable, balanceSchoolsTable, excludedSchools
        case correctionsTable, timetableTable, statusChart, noCorrections, noSchools, noIndicators, allLevels, allDistricts
        case noDistrictReport, noReportYet, balanceRules, clickAFigure, sourcesNote
        // Teachers.
        case totalTeachers, keyTeachers, peArtsTeachers, psychologyTeachers, rotationEligible, rotated, keyRotated
        case rotation, notReportedByDistrict, noTeacherRecords
        // The report form.
        case floorArea, sportsGround, equipmentValue, multimediaClassrooms, bandwidth, dailyExercise, dailyOutdoor
        case homeVisits, familyActivities, readiness, peLessons, activityLessons, psychologyLessons, weeklyPeriods
        case notReported, yes, no, timetable, save, cancel, formIntro, formHasErrors, blankMeansNotReported
        case notANumber, notAWholeNumber, lessonsIncomplete, periodsOptional
        // Reasons a figure is missing.
        case reasonNoSchoolReport, reasonNoTeacherRecords, reasonRotationNotRecorded, reasonNoPupils, reasonNoClasses
        case reasonDenominatorZero, reasonNoSchoolInScope, reasonNoDistrictReport, reasonNoDisabledChildren
        case reasonNoPersons, reasonBandwidthPersonsUnknown, reasonNotApplicable, reasonOther
        // Names of the figures behind a value.
        case inputPupils, inputPublicPupils, inputInclusivePupils, inputPublicMigrantPupils, inputMigrantPupils
        case inputTeachersAboveDegree, inputPersons, inputClassesOverTarget

        public var phrase: Phrase {
            switch self {
            case .cityTitle: return Phrase(zh: "督导：全市指标", en: "Supervision: the city")
            case .correctionsTitle: return Phrase(zh: "督导：整改清单", en: "Supervision: corrections")
            case .qualityBalance: return Phrase(zh: "优质均衡", en: "Quality balance")
            case .correctionList: return Phrase(zh: "整改清单", en: "Correction list")
            case .registryPage: return Phrase(zh: "学籍登记信息", en: "Registry page")
            case .submitReport: return Phrase(zh: "填报", en: "Submit the report")
            case .editReport: return Phrase(zh: "修改填报", en: "Edit the report")
            case .schoolYear: return Phrase(zh: "学年", en: "School year")
            case .show: return Phrase(zh: "查看", en: "Show")
            case .districts: return Phrase(zh: "各区", en: "Districts")
            case .met: return Phrase(zh: "达标", en: "Met")
            case .notMet: return Phrase(zh: "未达标", en: "Not met")
            case .noData: return Phrase(zh: "无数据", en: "No data")
            case .noSchoolOfTheKind: return Phrase(zh: "无此类学校", en: "No such schools")
            case .pass: return Phrase(zh: "通过", en: "Pass")
            case .fail: return Phrase(zh: "未通过", en: "Fail")
            case .levelCity: return Phrase(zh: "市级", en: "City")
            case .levelDistrict: return Phrase(zh: "区级", en: "District")
            case .levelSchool: return Phrase(zh: "校级", en: "School")
            case .city: return Phrase(zh: "全市", en: "City")
            case .indicator: return Phrase(zh: "指标", en: "Indicator")
            case .target: return Phrase(zh: "目标", en: "Target")
            case .value: return Phrase(zh: "现值", en: "Value")
            case .numeratorDenominator: return Phrase(zh: "分子 / 分母", en: "Numerator / denominator")
            case .schoolsNotMeeting: return Phrase(zh: "未达标学校", en: "Schools not meeting")
            case .missingInputs: return Phrase(zh: "缺少的数据", en: "Missing inputs")
            case .schoolID: return Phrase(zh: "学校标识码", en: "School ID")
            case .schoolName: return Phrase(zh: "校名", en: "Name")
            case .stages: return Phrase(zh: "学段", en: "Stages")
            case .pupils: return Phrase(zh: "在校生", en: "Pupils")
            case .metCount: return Phrase(zh: "达标项", en: "Met")
            case .notMetCount: return Phrase(zh: "未达标项", en: "Not met")
            case .noDataCount: return Phrase(zh: "无数据项", en: "No data")
            case .level: return Phrase(zh: "层级", en: "Level")
            case .scope: return Phrase(zh: "对象", en: "Scope")
            case .district: return Phrase(zh: "所在区", en: "District")
            case .gap: return Phrase(zh: "差距", en: "Gap")
            case .gapPercent: return Phrase(zh: "差距占目标（%）", en: "Gap (% of target)")
            case .inputs: return Phrase(zh: "计算所用数据", en: "Inputs")
            case .formula: return Phrase(zh: "计算方法", en: "Formula (as published, in Chinese)")
            case .schoolTarget: return Phrase(zh: "学校目标", en: "School target")
            case .source: return Phrase(zh: "依据", en: "Source (section of the plan)")
            case .districtFigure: return Phrase(zh: "全区", en: "District figure")
            case .disabledChildren: return Phrase(zh: "适龄残疾儿童少年", en: "School-age disabled children")
            case .disabledEnrolled: return Phrase(zh: "其中接受义务教育", en: "Of whom enrolled")
            case .pupilsOfStage: return Phrase(zh: "本学段学生", en: "Pupils of the stage")
            case .indicatorsMet: return Phrase(zh: "达标项数", en: "Indicators met")
            case .result: return Phrase(zh: "结果", en: "Result")
            case .standard: return Phrase(zh: "标准", en: "Standard")
            case .weightedMean: return Phrase(zh: "加权均值", en: "Weighted mean")
            case .standardDeviation: return Phrase(zh: "标准差", en: "Standard deviation")
            case .coefficientOfVariation: return Phrase(zh: "差异系数", en: "Coefficient of variation")
            case .limit: return Phrase(zh: "限值", en: "Limit")
            case .belowFloor: return Phrase(zh: "低于标准的 85%", en: "below 85% of the standard")
            case .stage: return Phrase(zh: "学段", en: "Stage")
            case .migrantPupils: return Phrase(zh: "随迁子女（非本市户籍）", en: "Migrant pupils (hukou of another province)")
            case .classes: return Phrase(zh: "班级数", en: "Classes")
            case .largestClass: return Phrase(zh: "最大班额", en: "Largest class")
            case .unknown: return Phrase(zh: "未知", en: "Unknown")
            case .teachers: return Phrase(zh: "教师", en: "Teachers")
            case .count: return Phrase(zh: "人数", en: "Count")
            case .cityTable: return Phrase(zh: "各区指标（点击数值查看来源学校）", en: "Figures by district (a figure opens its schools)")
            case .districtFigures: return Phrase(zh: "区级指标", en: "District figures")
            case .schoolsOfDistrict: return Phrase(zh: "本区学校", en: "Schools of the district")
            case .schoolsBehindFigure: return Phrase(zh: "来源学校", en: "Schools behind the figure")
            case .districtReport: return Phrase(zh: "区填报", en: "District report")
            case .indicators: return Phrase(zh: "指标", en: "Indicators")
            case .registryCounts: return Phrase(zh: "学籍和教师库统计", en: "Counted from the registry")
            case .countsTable: return Phrase(zh: "各学段学生和班级", en: "Pupils and classes by stage")
            case .teacherTable: return Phrase(zh: "教师（教师库）和交流轮岗（区报送）", en: "Teachers (registry) and rotation (district report)")
            case .dispersionTable: return Phrase(zh: "校际差异系数", en: "Inter-school coefficients of variation")
            case .balanceSchoolsTable: return Phrase(zh: "各校指标", en: "Schools")
            case .excludedSchools: return Phrase(zh: "未纳入评估的学校", en: "Schools left out")
            case .correctionsTable: return Phrase(zh: "未达标的指标", en: "Targets missed")
            case .timetableTable: return Phrase(zh: "各年级周课表", en: "Weekly timetable per grade")
            case .statusChart: return Phrase(zh: "各区指标达标情况", en: "Indicators met by district")
            case .noCorrections: return Phrase(zh: "没有未达标的指标。", en: "No target is missed.")
            case .noSchools: return Phrase(zh: "没有学校。", en: "No schools.")
            case .noIndicators: return Phrase(zh: "没有适用于此的指标。", en: "No indicator applies here.")
            case .allLevels: return Phrase(zh: "全部层级", en: "All levels")
            case .allDistricts: return Phrase(zh: "全部区", en: "All districts")
            case .noDistrictReport: return Phrase(zh: "本区尚未填报本学年的残疾儿童少年数。", en: "The district has not reported its disabled children for this year.")
            case .noReportYet: return Phrase(zh: "本学年尚未填报：依赖填报的指标显示为“无数据”。", en: "No report for this year: the indicators that depend on it show no data.")
            case .balanceRules:
                return Phrase(zh: "县域义务教育优质均衡资源配置 7 项指标（教督〔2017〕6号）：每校至少 6 项达标、其余不低于标准的 85% 为通过；各项差异系数（按学生数加权）小学不超过 0.50、初中不超过 0.45。",
                              en: "The seven resource indicators of the national quality-balance assessment: a school passes with at least 6 met and the rest at 85% of the standard or more; each pupil-weighted coefficient of variation must be at most 0.50 (primary) or 0.45 (junior).")
            case .clickAFigure: return Phrase(zh: "点击数值查看其来源学校。", en: "A figure opens the schools behind it.")
            case .sourcesNote: return Phrase(zh: "学生、教师人数取自学籍和教师库，其余取自学校填报。", en: "Pupil and teacher counts come from the registry, the rest from school reports.")
            case .totalTeachers: return Phrase(zh: "教师总数", en: "Teachers")
            case .keyTeachers: return Phrase(zh: "区级及以上骨干教师", en: "District-level-or-above key teachers")
            case .peArtsTeachers: return Phrase(zh: "体育、艺术专任教师", en: "PE and arts teachers")
            case .psychologyTeachers: return Phrase(zh: "专职心理教师", en: "Full-time psychology teachers")
            case .rotationEligible: return Phrase(zh: "符合交流条件教师（区报送）", en: "Teachers eligible to rotate (district report)")
            case .rotated: return Phrase(zh: "交流轮岗教师", en: "Teachers rotated")
            case .keyRotated: return Phrase(zh: "其中骨干教师", en: "Of whom key teachers")
            case .rotation: return Phrase(zh: "交流轮岗", en: "Rotation")
            case .notReportedByDistrict: return Phrase(zh: "区未报送", en: "Not reported by the district")
            case .noTeacherRecords: return Phrase(zh: "教师库中没有本校教师记录", en: "No teacher records for this school")
            case .floorArea: return Phrase(zh: "教学及辅助用房面积（平方米）", en: "Teaching and auxiliary floor area (m²)")
            case .sportsGround: return Phrase(zh: "体育运动场馆面积（平方米）", en: "Sports ground area (m²)")
            case .equipmentValue: return Phrase(zh: "教学仪器设备值（元）", en: "Equipment value (yuan)")
            case .multimediaClassrooms: return Phrase(zh: "网络多媒体教室（间）", en: "Multimedia classrooms")
            case .bandwidth: return Phrase(zh: "出口带宽（兆比特每秒）", en: "Bandwidth (Mbps)")
            case .dailyExercise: return Phrase(zh: "学生每天校内外运动（分钟）", en: "Daily exercise in and out of school (minutes)")
            case .dailyOutdoor: return Phrase(zh: "幼儿每日户外活动（分钟）", en: "Daily outdoor activity (minutes)")
            case .homeVisits: return Phrase(zh: "本学年家访次数", en: "Home visits this school year")
            case .familyActivities: return Phrase(zh: "本学年家庭教育指导和实践活动（次）", en: "Family-education activities this year")
            case .readiness: return Phrase(zh: "大班开展入学准备教育", en: "Readiness-for-school education in the upper kindergarten class")
            case .peLessons: return Phrase(zh: "体育课（节/周）", en: "PE lessons a week")
            case .activityLessons: return Phrase(zh: "体育活动课（节/周）", en: "PE activity lessons a week")
            case .psychologyLessons: return Phrase(zh: "心理健康活动课（节/两周）", en: "Psychology lessons per two weeks")
            case .weeklyPeriods: return Phrase(zh: "周总课时", en: "Periods in the week")
            case .notReported: return Phrase(zh: "未填", en: "Not reported")
            case .yes: return Phrase(zh: "是", en: "Yes")
            case .no: return Phrase(zh: "否", en: "No")
            case .timetable: return Phrase(zh: "各年级周课表", en: "Weekly timetable per grade")
            case .save: return Phrase(zh: "保存", en: "Save")
            case .cancel: return Phrase(zh: "取消", en: "Cancel")
            case .formIntro:
                return Phrase(zh: "学生、教师人数和共用带宽的人数由学籍和教师库统计，无需填报。",
                              en: "Pupil and teacher counts, and the persons sharing the bandwidth, come from the registry and are not asked.")
            case .blankMeansNotReported:
                return Phrase(zh: "留空表示未填报（显示为“无数据”，不按 0 计）。", en: "A blank means not reported (shown as no data, never as 0).")
            case .formHasErrors: return Phrase(zh: "填报有误，未保存。请按各栏下的提示修改：", en: "The report has errors and was not saved. Please correct the fields marked below:")
            case .notANumber: return Phrase(zh: "请填写数字（阿拉伯数字，如 4500 或 12.5）。", en: "Enter a number in digits, such as 4500 or 12.5.")
            case .notAWholeNumber: return Phrase(zh: "请填写整数（阿拉伯数字，如 24）。", en: "Enter a whole number in digits, such as 24.")
            case .lessonsIncomplete:
                return Phrase(zh: "本年级的体育课、体育活动课和心理健康活动课须都填写（没有开设的填 0）。",
                              en: "Give the PE, PE activity and psychology lessons of this grade together (0 for none).")
            case .periodsOptional: return Phrase(zh: "选填；填写时用于核对课时总数。", en: "Optional; when given, the lessons are checked against it.")
            case .reasonNoSchoolReport: return Phrase(zh: "学校未填报", en: "No school report")
            case .reasonNoTeacherRecords: return Phrase(zh: "教师库中没有记录", en: "No teacher records")
            case .reasonRotationNotRecorded: return Phrase(zh: "区未报送交流轮岗数据", en: "Rotation figures not reported by the district")
            case .reasonNoPupils: return Phrase(zh: "学校没有在校生", en: "The school has no pupils")
            case .reasonNoClasses: return Phrase(zh: "没有班级记录", en: "No classes recorded")
            case .reasonDenominatorZero: return Phrase(zh: "分母为 0", en: "The denominator is zero")
            case .reasonNoSchoolInScope: return Phrase(zh: "范围内没有此类学校", en: "No school of the kind in scope")
            case .reasonNoDistrictReport: return Phrase(zh: "区未填报", en: "No district report")
            case .reasonNoDisabledChildren: return Phrase(zh: "区填报的适龄残疾儿童少年数为 0", en: "No school-age disabled children reported")
            case .reasonNoPersons: return Phrase(zh: "没有共用带宽的人", en: "No persons to share the bandwidth")
            case .reasonBandwidthPersonsUnknown:
                return Phrase(zh: "未填共用带宽人数，且教师库中没有记录可推算", en: "Persons sharing the bandwidth not reported and no teacher records to count them")
            case .reasonNotApplicable: return Phrase(zh: "不适用", en: "Not applicable")
            case .reasonOther: return Phrase(zh: "数据不全", en: "Incomplete data")
            case .inputPupils: return Phrase(zh: "在校生", en: "Pupils")
            case .inputPublicPupils: return Phrase(zh: "公办在校生", en: "Pupils in public schools")
            case .inputInclusivePupils: return Phrase(zh: "普惠性在园幼儿", en: "Children in inclusive kindergartens")
            case .inputPublicMigrantPupils: return Phrase(zh: "公办学校随迁子女", en: "Migrant pupils in public schools")
            case .inputMigrantPupils: return Phrase(zh: "随迁子女", en: "Migrant pupils")
            case .inputTeachersAboveDegree: return Phrase(zh: "高于规定学历教师", en: "Teachers above the required degree")
            case .inputPersons: return Phrase(zh: "共用带宽人数", en: "Persons sharing the bandwidth")
            case .inputClassesOverTarget: return Phrase(zh: "超过目标的班级", en: "Classes over the target")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.supervisionTitle("黄浦区"), .reportFormTitle("黄浦区第一中心小学"), .schoolYearLabel(2026),
             .citySupervisionSummary(year: 2026, schools: 1_650, districts: 16, met: 20, notMet: 3, noData: 1),
             .districtSupervisionSummary(year: 2026, schools: 120, met: 20, notMet: 3, noData: 1),
             .correctionsSummary(213), .balanceVerdict(passing: 40, of: 45), .schoolsBehind(12),
             .excludedForSize(pupils: 13, minimum: 50), .reportSaved(2026), .schoolReportHeading(2026),
             .notReportedField(.supervision(.floorArea)), .classSizesUnknown(.primary), .gradeTimetableMissing(.g3),
             .atLeast(0, field: .supervision(.homeVisits)), .atMost(1_440, field: .supervision(.dailyExercise)),
             .lessonsExceedWeek(pe: 30, activity: 9, psychology: 0, periods: 30), .balanceTitle(district: "黄浦区", stage: .primary),
             .degree(.bachelor), .unitWords("m²/生"), .target(.atLeast, "4.5", unit: "m²/生"), .inputGrade(.supervision(.peLessons), .g2),
             .psychologyGrades(.junior), .stagePupilsInput(.primary), .gradeFields(.g1)]
        }
    }
}

extension Phrase {
    public static func supervision(_ key: Catalogue.Supervision) -> Phrase { key.phrase }

    public static func supervisionTitle(_ name: String) -> Phrase { Phrase(zh: "督导：\(name)", en: "Supervision: \(name)") }
    public static func reportFormTitle(_ school: String) -> Phrase { Phrase(zh: "学校填报：\(school)", en: "School report: \(school)") }
    public static func balanceTitle(district: String, stage: Stage) -> Phrase {
        Phrase(zh: "\(district) · 优质均衡 · \(Phrase.stage(stage).zh)", en: "\(district) · Quality balance · \(Phrase.stage(stage).en)")
    }
    /// "2026–27 学年", the school year that starts in September of `year`.
    public static func schoolYearLabel(_ year: Int) -> Phrase {
        let next = String((year + 1) % 100)
        let label = "\(year)–\(next.count == 1 ? "0" + next : next)"
        return Phrase(zh: "\(label) 学年", en: "School year \(label)")
    }
    public static func citySupervisionSummary(year: Int, schools: Int, districts: Int, met: Int, notMet: Int, noData: Int) -> Phrase {
        let span = schoolYearLabel(year)
        return Phrase(zh: "\(span.zh)，全市 \(Format.number(schools)) 所学校、\(districts) 个区；全市指标达标 \(met) 项、未达标 \(notMet) 项、无数据 \(noData) 项。",
                      en: "\(span.en): \(Format.number(schools)) schools in \(districts) districts; city figures met \(met), not met \(notMet), no data \(noData).")
    }
    public static func districtSupervisionSummary(year: Int, schools: Int, met: Int, notMet: Int, noData: Int) -> Phrase {
        let span = schoolYearLabel(year)
        return Phrase(zh: "\(span.zh)，\(Format.number(schools)) 所学校；区级指标达标 \(met) 项、未达标 \(notMet) 项、无数据 \(noData) 项。",
                      en: "\(span.en), \(Format.number(schools)) schools; district figures met \(met), not met \(notMet), no data \(noData).")
    }
    public static func correctionsSummary(_ count: Int) -> Phrase {
        Phrase(zh: "未达标 \(Format.number(count)) 项。差距以指标单位和目标的百分比表示；“无数据”的指标需要补报，不在此列。",
               en: "\(Format.number(count)) targets missed. The gap is in the indicator's unit and as a share of the target; figures without data need a report, not a correction, and are not listed.")
    }
    public static func balanceVerdict(passing: Int, of total: Int) -> Phrase {
        Phrase(zh: "通过学校 \(passing) / \(total) 所", en: "\(passing) of \(total) schools pass")
    }
    public static func schoolsBehind(_ count: Int) -> Phrase {
        Phrase(zh: "来源学校（\(Format.number(count)) 所）", en: "Schools behind the figure (\(Format.number(count)))")
    }
    public static func excludedForSize(pupils: Int, minimum: Int) -> Phrase {
        Phrase(zh: "本学段学生 \(Format.number(pupils)) 人，不足 \(minimum) 人，不纳入评估",
               en: "\(Format.number(pupils)) pupils of the stage, fewer than \(minimum): not assessed")
    }
    public static func reportSaved(_ year: Int) -> Phrase {
        let span = schoolYearLabel(year)
        return Phrase(zh: "已保存\(span.zh)的学校填报。", en: "The school report for the \(span.en.lowercased()) is saved.")
    }
    public static func schoolReportHeading(_ year: Int) -> Phrase {
        let span = schoolYearLabel(year)
        return Phrase(zh: "学校填报（\(span.zh)）", en: "School report (\(span.en.lowercased()))")
    }
    public static func notReportedField(_ field: Phrase) -> Phrase {
        Phrase(zh: "未填：\(field.zh)", en: "Not reported: \(field.en)")
    }
    public static func classSizesUnknown(_ stage: Stage) -> Phrase {
        Phrase(zh: "\(Phrase.stage(stage).zh)班额未知", en: "Class sizes of the \(Phrase.stage(stage).en.lowercased()) stage unknown")
    }
    public static func gradeTimetableMissing(_ grade: Grade) -> Phrase {
        Phrase(zh: "未填\(Phrase.grade(grade).zh)课表", en: "Timetable of \(Phrase.grade(grade).en) not reported")
    }
    public static func atLeast(_ minimum: Int, field: Phrase) -> Phrase {
        Phrase(zh: "\(field.zh)不能小于 \(Format.number(minimum))。", en: "\(field.en) cannot be less than \(Format.number(minimum)).")
    }
    public static func atMost(_ maximum: Int, field: Phrase) -> Phrase {
        Phrase(zh: "\(field.zh)不能大于 \(Format.number(maximum))。", en: "\(field.en) cannot be more than \(Format.number(maximum)).")
    }
    public static func lessonsExceedWeek(pe: Int, activity: Int, psychology: Int, periods: Int) -> Phrase {
        Phrase(zh: "体育课 \(pe) 节 + 体育活动课 \(activity) 节 + 心理健康活动课 \(psychology) 节/两周（按一半计）超过了一周的 \(periods) 课时。",
               en: "\(pe) PE + \(activity) PE activity lessons + \(psychology) psychology lessons per two weeks (counted as half) exceed the \(periods) periods of the week.")
    }
    public static func degree(_ degree: Degree) -> Phrase {
        switch degree {
        case .secondary: return Phrase(zh: "学历：中专", en: "Degree: secondary vocational")
        case .associate: return Phrase(zh: "学历：专科", en: "Degree: associate")
        case .bachelor: return Phrase(zh: "学历：本科", en: "Degree: bachelor")
        case .master: return Phrase(zh: "学历：硕士", en: "Degree: master")
        case .doctorate: return Phrase(zh: "学历：博士", en: "Degree: doctorate")
        }
    }
    /// The units of the indicator catalogue in words; a unit another city's catalogue brings is shown as written.
    public static func unitWords(_ unit: String) -> Phrase {
        switch unit {
        case "%": return Phrase(zh: "%", en: "%")
        case "Mbps/人": return Phrase(zh: "兆比特每秒/人", en: "Mbps per person")
        case "个年级": return Phrase(zh: "个年级", en: "grades")
        case "人": return Phrase(zh: "人", en: "pupils")
        case "名": return Phrase(zh: "名", en: "teachers")
        case "分钟/天": return Phrase(zh: "分钟/天", en: "minutes a day")
        case "次/年": return Phrase(zh: "次/年", en: "a year")
        case "次/生": return Phrase(zh: "次/生", en: "per pupil")
        case "节/周": return Phrase(zh: "节/周", en: "lessons a week")
        case "名/百生": return Phrase(zh: "名/百生", en: "per 100 pupils")
        case "间/百生": return Phrase(zh: "间/百生", en: "rooms per 100 pupils")
        case "m²/生": return Phrase(zh: "平方米/生", en: "m² per pupil")
        case "元/生": return Phrase(zh: "元/生", en: "yuan per pupil")
        default: return .verbatim(unit)
        }
    }
    /// "≥ 4.5 m²/生": a target with its comparison and unit.
    public static func target(_ comparison: IndicatorComparison, _ figure: String, unit: String) -> Phrase {
        let words = unitWords(unit)
        return Phrase(zh: "\(comparison.symbol) \(figure) \(words.zh)", en: "\(comparison.symbol) \(figure) \(words.en)")
    }
    public static func inputGrade(_ field: Phrase, _ grade: Grade) -> Phrase {
        Phrase(zh: "\(Phrase.grade(grade).zh)\(field.zh)", en: "\(field.en), \(Phrase.grade(grade).en)")
    }
    public static func psychologyGrades(_ stage: Stage) -> Phrase {
        Phrase(zh: "\(Phrase.stage(stage).zh)开设心理课的年级", en: "Grades with psychology lessons, \(Phrase.stage(stage).en.lowercased())")
    }
    public static func stagePupilsInput(_ stage: Stage) -> Phrase {
        Phrase(zh: "\(Phrase.stage(stage).zh)在校生", en: "\(Phrase.stage(stage).en) pupils")
    }
    /// The legend of one grade's fields on the report form.
    public static func gradeFields(_ grade: Grade) -> Phrase { Phrase(zh: Phrase.grade(grade).zh, en: Phrase.grade(grade).en) }
}
