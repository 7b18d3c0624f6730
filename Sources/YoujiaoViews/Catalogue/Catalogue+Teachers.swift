import YoujiaoCore

extension Catalogue {
    /// Teachers: a school's staff with their training pace, and one teacher's portrait.
    public enum Teachers: PhraseBook {
        case listLink, name, subject, title, keyLevel, hours, required, pace, behind, onPace, complete, rotation, rotating, none
        case teachersCaption, noTeachers, hoursChartTitle, teachersInBand, timelineCaption, when, event, trainingCaption, course
        case provider, kind, rotationsCaption, from, to, start, plannedEnd, status, school, noTraining, noRotations, facts
        case eligibilityHeading, rotationServed, cycle, behindCount, backToSchool, idNumber, post, recordHours
        case eligible, notEligible, eligibleTeachers, eligibleKeyTeachers, yearlyQuota, showEveryTeacher, showEligibleOnly, rotationLink

        public var phrase: Phrase {
            switch self {
            case .listLink: Phrase(zh: "教师与研训学时", en: "Teachers and training hours")
            case .name: Phrase(zh: "姓名", en: "Name")
            case .subject: Phrase(zh: "任教学科", en: "Subject")
            case .title: Phrase(zh: "职称", en: "Title")
            case .keyLevel: Phrase(zh: "骨干级别", en: "Key-teacher level")
            case .hours: Phrase(zh: "本周期学时", en: "Hours this cycle")
            case .required: Phrase(zh: "周期要求", en: "Required per cycle")
            case .pace: Phrase(zh: "进度", en: "Pace")
            case .behind: Phrase(zh: "落后于进度", en: "Behind pace")
            case .onPace: Phrase(zh: "符合进度", en: "On pace")
            case .complete: Phrase(zh: "已完成", en: "Complete")
            case .rotation: Phrase(zh: "交流轮岗", en: "Rotation")
            case .rotating: Phrase(zh: "交流中", en: "Rotating now")
            case .none: Phrase(zh: "无", en: "None")
            case .teachersCaption: Phrase(zh: "教师", en: "Teachers")
            case .noTeachers: Phrase(zh: "本校没有登记的教师。", en: "No teachers are registered at this school.")
            case .hoursChartTitle: Phrase(zh: "本周期研训学时分布（人数）", en: "Training hours this cycle (teachers)")
            case .teachersInBand: Phrase(zh: "教师人数", en: "Teachers")
            case .timelineCaption: Phrase(zh: "职业经历", en: "Career")
            case .when: Phrase(zh: "日期", en: "Date")
            case .event: Phrase(zh: "事项", en: "Event")
            case .trainingCaption: Phrase(zh: "研训记录", en: "Training records")
            case .course: Phrase(zh: "课程", en: "Course")
            case .provider: Phrase(zh: "培训机构", en: "Provider")
            case .kind: Phrase(zh: "层级", en: "Level")
            case .rotationsCaption: Phrase(zh: "交流轮岗经历", en: "Rotations")
            case .from: Phrase(zh: "派出学校", en: "From")
            case .to: Phrase(zh: "接收学校", en: "To")
            case .start: Phrase(zh: "开始", en: "Start")
            case .plannedEnd: Phrase(zh: "计划结束", en: "Planned end")
            case .status: Phrase(zh: "状态", en: "Status")
            case .school: Phrase(zh: "学校", en: "School")
            case .noTraining: Phrase(zh: "没有研训记录。", en: "No training records.")
            case .noRotations: Phrase(zh: "没有交流轮岗经历。", en: "No rotations.")
            case .facts: Phrase(zh: "基本情况", en: "Facts")
            case .eligibilityHeading: Phrase(zh: "交流轮岗资格", en: "Rotation eligibility")
            case .rotationServed: Phrase(zh: "已交流天数（晋升、评审参考）", en: "Days rotated (for promotion and appraisal)")
            case .cycle: Phrase(zh: "研训周期", en: "Training cycle")
            case .behindCount: Phrase(zh: "落后于进度的教师", en: "Teachers behind pace")
            case .backToSchool: Phrase(zh: "返回学校页", en: "Back to the school")
            case .idNumber: Phrase(zh: "身份证件号", en: "ID number")
            case .post: Phrase(zh: "岗位", en: "Post")
            case .recordHours: Phrase(zh: "学时", en: "Hours")
            case .eligible: Phrase(zh: "符合条件", en: "Eligible")
            case .notEligible: Phrase(zh: "不符合", en: "Not eligible")
            case .eligibleTeachers: Phrase(zh: "符合交流条件的教师", en: "Teachers eligible for rotation")
            case .eligibleKeyTeachers: Phrase(zh: "其中骨干教师", en: "Of whom key teachers")
            case .yearlyQuota: Phrase(zh: "本年至少交流（10%）", en: "To rotate this year at least (10%)")
            case .showEveryTeacher: Phrase(zh: "显示全部教师及原因", en: "Show every teacher with the reason")
            case .showEligibleOnly: Phrase(zh: "只显示符合条件的教师", en: "Show eligible teachers only")
            case .rotationLink: Phrase(zh: "交流轮岗资格名单", en: "Rotation eligibility list")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            let d = CaseDate("2020-09-01")!
            return TeacherTitle.allCases.map { .teachers(.titleName($0)) } + KeyTeacherLevel.allCases.map { .teachers(.keyLevelName($0)) }
                + TeacherPost.allCases.map { .teachers(.postName($0)) } + TeacherTraining.Kind.allCases.map { .teachers(.trainingKind($0)) }
                + TeacherRotation.Kind.allCases.map { .teachers(.rotationKind($0)) } + TeacherRotation.Status.allCases.map { .teachers(.rotationStatus($0)) }
                + [.teachers(.listTitle("黄浦区第一中心小学")), .teachers(.hoursAtLeast(360)), .teachers(.hoursAmount(3_600)), .teachers(.hoursBand(low: 0, high: 90)),
                   .teachers(.appointed(school: "格致中学", post: .teacher)), .teachers(.gained(.titleName(.senior))),
                   .teachers(.rotated(to: "崇明区堡镇小学", kind: .rural)),
                   .teachers(.eligibility(.longAtSchool(since: d, years: 7))), .teachers(.eligibility(.tooShort(since: d, years: 3, required: 6))),
                   .teachers(.eligibility(.nearRetirement(retires: d))), .teachers(.eligibility(.rotatingNow(until: d))),
                   .teachers(.eligibility(.noCurrentAppointment)), .teachers(.cycleSpan(d...d)), .teachers(.days(365)), .teachers(.rotationTitle("黄浦区"))]
        }
    }

    /// The teachers book's phrases that take values.
    public indirect enum TeachersText: Sendable, Hashable {
        case titleName(TeacherTitle), keyLevelName(KeyTeacherLevel), postName(TeacherPost), trainingKind(TeacherTraining.Kind)
        case rotationKind(TeacherRotation.Kind), rotationStatus(TeacherRotation.Status), listTitle(String), hoursAtLeast(Int), hoursAmount(Int)
        case hoursBand(low: Int, high: Int), appointed(school: String, post: TeacherPost), gained(TeachersText), rotated(to: String, kind: TeacherRotation.Kind)
        case eligibility(RotationEligibility.Reason), cycleSpan(ClosedRange<CaseDate>), days(Int), rotationTitle(String)

        var phrase: Phrase {
            switch self {
            case .titleName(let title):
                switch title {
                case .none: Phrase(zh: "未评职称", en: "No title")
                case .third: Phrase(zh: "三级教师", en: "Third-grade teacher")
                case .second: Phrase(zh: "二级教师", en: "Second-grade teacher")
                case .first: Phrase(zh: "一级教师", en: "First-grade teacher")
                case .senior: Phrase(zh: "高级教师", en: "Senior teacher")
                case .fullSenior: Phrase(zh: "正高级教师", en: "Full senior teacher")
                }
            case .keyLevelName(let level):
                switch level {
                case .none: Phrase(zh: "非骨干", en: "Not a key teacher")
                case .school: Phrase(zh: "校级骨干", en: "School key teacher")
                case .district: Phrase(zh: "区级骨干", en: "District key teacher")
                case .municipal: Phrase(zh: "市级骨干", en: "City key teacher")
                }
            case .postName(let post):
                switch post {
                case .teacher: Phrase(zh: "教师", en: "Teacher")
                case .middleManager: Phrase(zh: "中层干部", en: "Middle manager")
                case .vicePrincipal: Phrase(zh: "副校长", en: "Vice-principal")
                case .principal: Phrase(zh: "校长", en: "Principal")
                }
            case .trainingKind(let kind):
                switch kind {
                case .city: Phrase(zh: "市级", en: "City")
                case .district: Phrase(zh: "区级", en: "District")
                case .school: Phrase(zh: "校本", en: "School-based")
                case .online: Phrase(zh: "网络研修", en: "Online")
                case .degree: Phrase(zh: "学历进修", en: "Degree study")
                }
            case .rotationKind(let kind):
                switch kind {
                case .group: Phrase(zh: "集团（学区）内交流", en: "Within the group or school district")
                case .newCity: Phrase(zh: "到新城学校", en: "To a new-city school")
                case .rural: Phrase(zh: "到乡村学校", en: "To a rural school")
                case .weakSchool: Phrase(zh: "到薄弱学校", en: "To a weaker school")
                }
            case .rotationStatus(let status):
                switch status {
                case .planned: Phrase(zh: "拟安排", en: "Planned")
                case .approved: Phrase(zh: "已批准", en: "Approved")
                case .active: Phrase(zh: "交流中", en: "Serving")
                case .returned: Phrase(zh: "已期满返回", en: "Returned")
                case .cancelled: Phrase(zh: "已取消", en: "Cancelled")
                }
            case .listTitle(let school): Phrase(zh: "教师与研训：\(school)", en: "Teachers and training: \(school)")
            case .hoursAtLeast(let hours): Phrase(zh: "≥ \(hours) 学时", en: "≥ \(hours) hours")
            case .hoursAmount(let tenths): Phrase(zh: "\(TeacherTraining.hoursText(tenths)) 学时", en: "\(TeacherTraining.hoursText(tenths)) hours")
            case .hoursBand(let low, let high): Phrase(zh: "\(low)–\(high) 学时", en: "\(low)–\(high) hours")
            case .appointed(let school, let post):
                Phrase(zh: "任\(school)\(Catalogue.TeachersText.postName(post).phrase.zh)", en: "\(Catalogue.TeachersText.postName(post).phrase.en) at \(school)")
            case .gained(let what): Phrase(zh: "取得\(what.phrase.zh)", en: "Became \(what.phrase.en)")
            case .rotated(let school, let kind):
                Phrase(zh: "交流轮岗至\(school)（\(Catalogue.TeachersText.rotationKind(kind).phrase.zh)）",
                       en: "Rotated to \(school) (\(Catalogue.TeachersText.rotationKind(kind).phrase.en.lowercased()))")
            case .eligibility(let reason):
                switch reason {
                case .longAtSchool(let since, let years):
                    Phrase(zh: "自 \(Phrase.day(since).zh) 起在本校连续任教 \(years) 年，符合交流轮岗条件。",
                           en: "At this school since \(Phrase.day(since).en), \(years) years in a row: eligible for rotation.")
                case .tooShort(let since, let years, let required):
                    Phrase(zh: "自 \(Phrase.day(since).zh) 起在本校任教 \(years) 年，未满 \(required) 年。",
                           en: "At this school since \(Phrase.day(since).en), \(years) years: fewer than \(required).")
                case .nearRetirement(let retires):
                    Phrase(zh: "将于 \(Phrase.day(retires).zh) 退休，临近退休不安排交流。", en: "Retires on \(Phrase.day(retires).en): not asked to rotate so close to retirement.")
                case .rotatingNow(let until):
                    Phrase(zh: "正在交流轮岗，至 \(Phrase.day(until).zh)。", en: "Rotating now, until \(Phrase.day(until).en).")
                case .noCurrentAppointment: Phrase(zh: "没有当前任职记录。", en: "No current appointment on record.")
                }
            case .cycleSpan(let span): Phrase(zh: "\(span.lowerBound.year)–\(span.upperBound.year) 年", en: "\(span.lowerBound.year)–\(span.upperBound.year)")
            case .days(let days): Phrase(zh: "\(Format.number(days)) 天", en: "\(Format.number(days)) days")
            case .rotationTitle(let district): Phrase(zh: "交流轮岗资格：\(district)", en: "Rotation eligibility: \(district)")
            }
        }
    }
}

extension Phrase {
    public static func teachers(_ key: Catalogue.Teachers) -> Phrase { key.phrase }
    public static func teachers(_ text: Catalogue.TeachersText) -> Phrase { text.phrase }
}
