import YoujiaoCore

extension Catalogue {
    /// A district's yearly rotation round: needs, the optimiser's plan, swaps, approval, terms.
    public enum RotationRounds: PhraseBook {
        case roundsLink, roundsCaption, noRounds, year, status, needsCount, seatsAccepted, rotated, open, openHint, stepCollecting
        case stepPlanned, stepApproved, needsCaption, noNeeds, school, subject, stage, count, kind, priority, state, checkReason, check
        case addNeed, addNeedHint, saveNeed, planCaption, noPlan, teacher, from, to, key, commuteChange, swapReason, swap
        case makePlan, makePlanAgain, reopen, approve, termsCaption, noTerms, start, plannedEnd, overdue, act, eligible
        case quotaRequired, keyRotated, keyRequired, met, notMet, shortfallsCaption, accept, reject, reason, replacement
        case swapHint, saveSwap, backToRound, approveHeading, approveConsequence1, approveConsequence2, replanHeading
        case replanConsequence, reopenHeading, reopenConsequence, arrived, returned, cancelled, stepHeading, needHeading
        case savedNeed, savedCheck, savedPlan, savedSwap, savedApproval, savedStep, savedReopen, savedOpen, commuteTotal
        case ownSchoolNote, priority1, priority2, priority3, keyYes, keyNo, noCandidates, currentTeacher, rulesNote

        public var phrase: Phrase {
            switch self {
            case .roundsLink: Phrase(zh: "年度交流轮岗计划", en: "Yearly rotation rounds")
            case .roundsCaption: Phrase(zh: "交流轮岗计划（按学年）", en: "Rotation rounds by school year")
            case .noRounds: Phrase(zh: "还没有交流轮岗计划。", en: "No rotation round yet.")
            case .year: Phrase(zh: "学年", en: "School year")
            case .status: Phrase(zh: "状态", en: "Status")
            case .needsCount: Phrase(zh: "需求条数", en: "Needs")
            case .seatsAccepted: Phrase(zh: "已通过的需求人数", en: "Seats accepted")
            case .rotated: Phrase(zh: "方案交流人数", en: "Teachers on the plan")
            case .open: Phrase(zh: "开始新学年的交流轮岗计划", en: "Open a rotation round")
            case .openHint: Phrase(zh: "交流自该学年 9 月 1 日开始；开始后各接收学校即可提出需求。",
                                   en: "Terms start on 1 September of that year; receiving schools can enter needs once it is open.")
            case .stepCollecting: Phrase(zh: "收集需求", en: "Collecting needs")
            case .stepPlanned: Phrase(zh: "方案调整", en: "Adjusting the plan")
            case .stepApproved: Phrase(zh: "已批准，执行中", en: "Approved, under way")
            case .needsCaption: Phrase(zh: "接收学校的需求", en: "Receiving schools' needs")
            case .noNeeds: Phrase(zh: "还没有学校提出需求。", en: "No school has entered a need yet.")
            case .school: Phrase(zh: "学校", en: "School")
            case .subject: Phrase(zh: "学科", en: "Subject")
            case .stage: Phrase(zh: "学段", en: "Stage")
            case .count: Phrase(zh: "人数", en: "Teachers")
            case .kind: Phrase(zh: "交流类型", en: "Kind")
            case .priority: Phrase(zh: "优先级", en: "Priority")
            case .state: Phrase(zh: "审核", en: "Check")
            case .checkReason: Phrase(zh: "审核意见", en: "District's note")
            case .check: Phrase(zh: "审核", en: "Check")
            case .addNeed: Phrase(zh: "提出需求", en: "Enter a need")
            case .addNeedHint: Phrase(zh: "写明需要的学科、学段和人数；区教育局审核后纳入方案。",
                                      en: "Say which subject, stage and how many; the district checks each need before planning.")
            case .saveNeed: Phrase(zh: "提交需求", en: "Submit the need")
            case .planCaption: Phrase(zh: "交流方案", en: "The plan")
            case .noPlan: Phrase(zh: "还没有生成方案。", en: "No plan yet.")
            case .teacher: Phrase(zh: "教师", en: "Teacher")
            case .from: Phrase(zh: "派出学校", en: "From")
            case .to: Phrase(zh: "接收学校", en: "To")
            case .key: Phrase(zh: "骨干", en: "Key teacher")
            case .commuteChange: Phrase(zh: "通勤距离变化", en: "Commute change")
            case .swapReason: Phrase(zh: "调整理由", en: "Why changed")
            case .swap: Phrase(zh: "调整人选", en: "Change teacher")
            case .makePlan: Phrase(zh: "生成方案", en: "Make the plan")
            case .makePlanAgain: Phrase(zh: "重新生成方案", en: "Make the plan again")
            case .reopen: Phrase(zh: "退回收集需求", en: "Back to collecting needs")
            case .approve: Phrase(zh: "批准方案", en: "Approve the plan")
            case .termsCaption: Phrase(zh: "交流执行情况", en: "Terms under way")
            case .noTerms: Phrase(zh: "没有交流记录。", en: "No terms.")
            case .start: Phrase(zh: "开始", en: "Start")
            case .plannedEnd: Phrase(zh: "计划结束", en: "Planned end")
            case .overdue: Phrase(zh: "已到期未返回", en: "Past its end, not back")
            case .act: Phrase(zh: "办理", en: "Update")
            case .eligible: Phrase(zh: "符合交流条件的教师", en: "Teachers eligible")
            case .quotaRequired: Phrase(zh: "至少交流人数（符合条件者的 10%）", en: "To rotate at least (10% of the eligible)")
            case .keyRotated: Phrase(zh: "其中骨干教师", en: "Of whom key teachers")
            case .keyRequired: Phrase(zh: "骨干教师至少（交流人数的 20%）", en: "Key teachers at least (20% of those rotated)")
            case .met: Phrase(zh: "达到", en: "Met")
            case .notMet: Phrase(zh: "未达到", en: "Not met")
            case .shortfallsCaption: Phrase(zh: "未达到年度要求的原因", en: "Why a yearly target is missed")
            case .accept: Phrase(zh: "通过", en: "Accept")
            case .reject: Phrase(zh: "退回", en: "Send back")
            case .reason: Phrase(zh: "理由", en: "Reason")
            case .replacement: Phrase(zh: "改派教师", en: "Put in their place")
            case .swapHint: Phrase(zh: "只列出符合交流条件、学科学段相符、尚未在方案中的其他学校教师（按通勤距离变化排序）。",
                                   en: "Only eligible teachers of the same subject and stage from other schools who are not on the plan (by commute change).")
            case .saveSwap: Phrase(zh: "保存调整", en: "Save the change")
            case .backToRound: Phrase(zh: "返回交流轮岗计划", en: "Back to the rotation round")
            case .approveHeading: Phrase(zh: "批准交流方案", en: "Approve the plan")
            case .approveConsequence1: Phrase(zh: "方案中的每位教师都将生成一条交流记录，教师本人和派出、接收学校都能看到。",
                                              en: "Each teacher on the plan gets a rotation term that the teacher and both schools can see.")
            case .approveConsequence2: Phrase(zh: "各校符合交流条件的教师人数将作为本学年督导指标的基数。",
                                              en: "Each school's eligible teachers are kept as the base of this year's supervision figures.")
            case .replanHeading: Phrase(zh: "重新生成方案", en: "Make the plan again")
            case .replanConsequence: Phrase(zh: "现有方案（包括已做的人选调整）将被新方案替换。",
                                            en: "The current plan, with the changes made to it, is replaced by a new one.")
            case .reopenHeading: Phrase(zh: "退回收集需求", en: "Back to collecting needs")
            case .reopenConsequence: Phrase(zh: "现有方案（包括已做的人选调整）将被删除，学校可以继续提出需求。",
                                            en: "The plan and its changes are dropped; schools can enter needs again.")
            case .arrived: Phrase(zh: "确认已到岗", en: "Confirm arrival")
            case .returned: Phrase(zh: "确认已返回", en: "Confirm return")
            case .cancelled: Phrase(zh: "取消这次交流", en: "Cancel this term")
            case .stepHeading: Phrase(zh: "交流执行", en: "The term")
            case .needHeading: Phrase(zh: "审核需求", en: "Check the need")
            case .savedNeed: Phrase(zh: "需求已提交，等待区教育局审核。", en: "The need is submitted for the district's check.")
            case .savedCheck: Phrase(zh: "审核结果已保存。", en: "The check is saved.")
            case .savedPlan: Phrase(zh: "方案已生成。", en: "The plan is made.")
            case .savedSwap: Phrase(zh: "人选已调整，理由已记录。", en: "The teacher is changed and the reason logged.")
            case .savedApproval: Phrase(zh: "方案已批准，交流记录已生成。", en: "The plan is approved and the terms are recorded.")
            case .savedStep: Phrase(zh: "交流状态已更新。", en: "The term is updated.")
            case .savedReopen: Phrase(zh: "已退回收集需求。", en: "Back to collecting needs.")
            case .savedOpen: Phrase(zh: "交流轮岗计划已开始，学校可以提出需求。", en: "The round is open; schools can enter needs.")
            case .commuteTotal: Phrase(zh: "通勤距离变化合计", en: "Total commute change")
            case .ownSchoolNote: Phrase(zh: "这里列出本校提出的需求和与本校有关的交流决定。",
                                        en: "Your school's needs and the decisions that concern your school.")
            case .priority1: Phrase(zh: "1（最急）", en: "1 (most urgent)")
            case .priority2: Phrase(zh: "2（较急）", en: "2 (urgent)")
            case .priority3: Phrase(zh: "3（一般）", en: "3 (in time)")
            case .keyYes: Phrase(zh: "骨干", en: "Key")
            case .keyNo: Phrase(zh: "否", en: "No")
            case .noCandidates: Phrase(zh: "没有可改派的教师。", en: "No other teacher can take this seat.")
            case .currentTeacher: Phrase(zh: "现方案人选", en: "On the plan now")
            case .rulesNote: Phrase(zh: "方案先尽量满足需求（优先级高者优先），再满足骨干教师比例并把骨干优先派往新城和薄弱学校，最后使通勤距离变化总和最小。通勤距离以教师现任学校为家庭住址的近似。",
                                    en: "The plan fills the needs first (most urgent first), then the key-teacher share, with key teachers preferred for new-city and weaker schools, then the least total commute change. The current school stands in for the home address.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            var examples: [Phrase] = RotationRound.Status.allCases.map { Phrase.rotationRounds(.statusName($0)) }
            examples += RotationNeedEntry.State.allCases.map { Phrase.rotationRounds(.needState($0)) }
            examples += RotationNeedKind.allCases.map { Phrase.rotationRounds(.needKind($0)) }
            let bindings: [RotationPlan.Binding] = [
                .seatsOffered(offered: 9, required: 12), .noCompatibleTeacher(needID: "n", subject: "数学", stage: .junior),
                .compatibleTeachersPlacedElsewhere(needID: "n", compatible: 2, unfilled: 1), .eligibleKeyTeachers(eligible: 1, required: 3),
                .placeableKeyTeachers(placeable: 1, eligible: 4, required: 3)]
            examples += bindings.map { Phrase.rotationRounds(.binding($0)) }
            let shortfalls: [RotationPlan.Shortfall] = [
                .init(target: .quota, required: 12, achieved: 9, binding: []), .init(target: .keyShare, required: 3, achieved: 1, binding: [])]
            examples += shortfalls.map { Phrase.rotationRounds(.shortfall($0)) }
            examples += [Phrase.rotationRounds(.title(district: "黄浦区", year: 2027)), .rotationRounds(.roundsTitle("黄浦区")),
                         .rotationRounds(.schoolYear(2027)), .rotationRounds(.kilometres(-1_250)),
                         .rotationRounds(.swapTitle("张三")), .rotationRounds(.termTitle("张三"))]
            return examples
        }
    }

    public enum RotationRoundsText: Sendable, Hashable {
        case statusName(RotationRound.Status), needState(RotationNeedEntry.State), needKind(RotationNeedKind)
        case title(district: String, year: Int), roundsTitle(String), schoolYear(Int), kilometres(Int)
        case shortfall(RotationPlan.Shortfall), binding(RotationPlan.Binding), swapTitle(String), termTitle(String)

        var phrase: Phrase {
            switch self {
            case .statusName(let status):
                switch status {
                case .collecting: Catalogue.RotationRounds.stepCollecting.phrase
                case .planned: Catalogue.RotationRounds.stepPlanned.phrase
                case .approved: Catalogue.RotationRounds.stepApproved.phrase
                }
            case .needState(let state):
                switch state {
                case .pending: Phrase(zh: "待审核", en: "To check")
                case .accepted: Phrase(zh: "已通过", en: "Accepted")
                case .rejected: Phrase(zh: "已退回", en: "Sent back")
                }
            case .needKind(let kind): Catalogue.TeachersText.rotationKind(TeacherRotation.Kind(kind)).phrase
            case .title(let district, let year):
                Phrase(zh: "\(district) \(year) 学年交流轮岗", en: "\(district): rotation \(year)–\(year + 1)")
            case .roundsTitle(let district): Phrase(zh: "年度交流轮岗计划：\(district)", en: "Rotation rounds: \(district)")
            case .schoolYear(let year): Phrase(zh: "\(year)–\(year + 1) 学年", en: "\(year)–\(year + 1)")
            case .kilometres(let metres):
                Phrase(zh: "\(Self.signedKilometres(metres)) 公里", en: "\(Self.signedKilometres(metres)) km")
            case .shortfall(let shortfall):
                switch shortfall.target {
                case .quota:
                    Phrase(zh: "交流人数 \(shortfall.achieved)，要求至少 \(shortfall.required)，差 \(shortfall.missing) 人。",
                           en: "\(shortfall.achieved) teachers rotate, at least \(shortfall.required) required: \(shortfall.missing) short.")
                case .keyShare:
                    Phrase(zh: "骨干教师 \(shortfall.achieved) 人，要求至少 \(shortfall.required)，差 \(shortfall.missing) 人。",
                           en: "\(shortfall.achieved) key teachers, at least \(shortfall.required) required: \(shortfall.missing) short.")
                }
            case .binding(let binding):
                switch binding {
                case let .seatsOffered(offered, required):
                    Phrase(zh: "各校需求合计只有 \(offered) 个岗位，少于要求的 \(required) 人。", en: "The needs offer only \(offered) seats for \(required) required.")
                case let .noCompatibleTeacher(_, subject, stage):
                    Phrase(zh: "没有其他学校符合条件的\(Phrase.stage(stage).zh)\(subject)教师。",
                           en: "No eligible \(Phrase.stage(stage).en.lowercased()) \(subject) teacher at another school.")
                case let .compatibleTeachersPlacedElsewhere(_, compatible, unfilled):
                    Phrase(zh: "有 \(unfilled) 个岗位空缺：学科学段相符的 \(compatible) 位教师都已派往更优先的需求。",
                           en: "\(unfilled) seats unfilled: the \(compatible) teachers of that subject and stage go to more urgent needs.")
                case let .eligibleKeyTeachers(eligible, required):
                    Phrase(zh: "符合条件的骨干教师只有 \(eligible) 人，需要 \(required) 人。", en: "Only \(eligible) eligible key teachers, \(required) needed.")
                case let .placeableKeyTeachers(placeable, eligible, required):
                    Phrase(zh: "符合条件的骨干教师 \(eligible) 人，其中只有 \(placeable) 人与某项需求的学科学段相符，需要 \(required) 人。",
                           en: "\(eligible) eligible key teachers, only \(placeable) fit a need's subject and stage, \(required) needed.")
                }
            case .swapTitle(let name): Phrase(zh: "调整人选：\(name)", en: "Change teacher: \(name)")
            case .termTitle(let name): Phrase(zh: "交流执行：\(name)", en: "Rotation term: \(name)")
            }
        }

        /// 1.25 km from 1,250 m, with its sign (a shorter commute is negative).
        static func signedKilometres(_ metres: Int) -> String {
            let tenths = (abs(metres) + 50) / 100
            let text = "\(Format.number(tenths / 10)).\(tenths % 10)"
            return metres < 0 && tenths > 0 ? "−" + text : (metres > 0 && tenths > 0 ? "+" + text : text)
        }
    }
}

extension Phrase {
    public static func rotationRounds(_ key: Catalogue.RotationRounds) -> Phrase { key.phrase }
    public static func rotationRounds(_ text: Catalogue.RotationRoundsText) -> Phrase { text.phrase }
}
