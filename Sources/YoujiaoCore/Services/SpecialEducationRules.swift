import Foundation

/// Why a case-file record is refused, naming the form field (the CSV importer maps it to its column).
public struct CaseFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var zh: String
    public var en: String
    public init(_ field: String, zh: String, en: String) { self.field = field; self.zh = zh; self.en = en }
    public var description: String { "field \(field): \(en)" }
}

/// One write to a case file, validated against the whole file; the store saves exactly this.
public enum CaseChange: Sendable, Equatable {
    case assessment(CaseAssessment)
    /// A new placement, and the previous one with the end date it now gets.
    case placement(CasePlacement, closing: CasePlacement?)
    /// A new plan, and the previous one cut short where they would overlap.
    case plan(PlanFile, shortening: IndividualPlan?)
    case goal(PlanGoal, planID: String)
    case service(PlanService, planID: String)
    case review(PlanReview, planID: String)
    case visit(HomeTeachingVisit)
    /// The move to the next stage: the old placement and plan end the day before, a placement at
    /// the receiving school starts, the file's stage changes.
    case handOver(StageHandOver, closing: CasePlacement?, placement: CasePlacement, shortening: IndividualPlan?)
    case staff(userIDs: [String])
}

/// An account that may be named on a file: it must be a school admin of the child's school.
public struct StaffCandidate: Sendable, Equatable {
    public var userID: String
    public var role: Role
    public var schoolID: String?
    public init(userID: String, role: Role, schoolID: String?) { self.userID = userID; self.role = role; self.schoolID = schoolID }
}

/// The rules of a case file. Each `add…` checks one record against the file, applies it, and
/// returns the change to store; on a problem the file is left as it was.
extension CaseFile {
    static let maxText = 2000
    static let maxName = 100

    /// A new file: the child's stage, and an opening date between birth and today.
    public static func open(_ record: SpecialEducationCase, child: CaseChild, today: CaseDate) throws(CaseFileProblem) -> CaseFile {
        guard Stage.caseStages.contains(record.stage) else {
            throw CaseFileProblem("stage", zh: "学段须为幼儿园、小学、初中或高中；特殊教育学校是安置方式，不是学段。",
                                  en: "the stage is kindergarten, primary, junior or senior; a special school is a placement, not a stage")
        }
        try checkDay(record.openedOn, field: "opened_on", after: child.birthDate, today: today)
        return CaseFile(caseRecord: record, child: child)
    }

    public mutating func addAssessment(_ assessment: CaseAssessment, today: CaseDate) throws(CaseFileProblem) -> CaseChange {
        try Self.checkDay(assessment.date, field: "date", after: child.birthDate, today: today)
        try Self.text(assessment.assessor, field: "assessor", limit: Self.maxName)
        try Self.text(assessment.summary, field: "summary", limit: Self.maxText)
        assessments.append(assessment)
        assessments.sort { $0.date < $1.date }
        return .assessment(assessment)
    }

    /// A placement of the file's current stage. The previous placement ends the day before it starts.
    public mutating func addPlacement(_ placement: CasePlacement, school: School?, today: CaseDate) throws(CaseFileProblem) -> CaseChange {
        var placement = placement
        guard placement.stage == caseRecord.stage else {
            throw CaseFileProblem("stage", zh: "安置的学段（\(placement.stage.caseLabelZH)）与档案当前学段（\(caseRecord.stage.caseLabelZH)）不一致；升学请用转衔。",
                                  en: "the placement's stage \(placement.stage.rawValue) differs from the file's stage \(caseRecord.stage.rawValue); use the stage hand-over to move on")
        }
        try Self.checkPlacement(&placement, school: school)
        let closing = try startAfterLatestPlacement(placement.startDate, field: "start_date")
        if let end = placement.endDate, end < placement.startDate {
            throw CaseFileProblem("end_date", zh: "结束日期 \(end.chineseText) 早于开始日期 \(placement.startDate.chineseText)。",
                                  en: "the end date \(end) is before the start date \(placement.startDate)")
        }
        apply(closing: closing)
        placements.append(placement)
        return .placement(placement, closing: closing)
    }

    /// A new plan, with its first goals and services. A plan still running is cut short the day before.
    public mutating func addPlan(_ planFile: PlanFile, today: CaseDate) throws(CaseFileProblem) -> CaseChange {
        let plan = planFile.plan
        if plan.startDate < child.birthDate {
            throw CaseFileProblem("start_date", zh: "开始日期早于出生日期。", en: "the start date is before the child's birth")
        }
        guard plan.endDate > plan.startDate else {
            throw CaseFileProblem("end_date", zh: "结束日期 \(plan.endDate.chineseText) 不晚于开始日期 \(plan.startDate.chineseText)。",
                                  en: "the end date \(plan.endDate) is not after the start date \(plan.startDate)")
        }
        guard !plan.reviewDates.isEmpty else {
            throw CaseFileProblem("review_dates", zh: "计划须至少安排一次复核日期。", en: "a plan needs at least one review date")
        }
        if let outside = plan.reviewDates.first(where: { $0 < plan.startDate || $0 > plan.endDate }) {
            throw CaseFileProblem("review_dates", zh: "复核日期 \(outside.chineseText) 不在计划期 \(plan.startDate.chineseText)–\(plan.endDate.chineseText) 内。",
                                  en: "the review date \(outside) is outside the plan's period \(plan.startDate)–\(plan.endDate)")
        }
        if Set(plan.reviewDates).count != plan.reviewDates.count {
            throw CaseFileProblem("review_dates", zh: "复核日期重复。", en: "a review date is given twice")
        }
        for goal in planFile.goals { try Self.checkGoal(goal, plan: plan) }
        for service in planFile.services { try Self.checkService(service) }
        var shortening: IndividualPlan?
        if let latest = plans.last?.plan {
            guard plan.startDate > latest.startDate else {
                throw CaseFileProblem("start_date", zh: "新计划须在上一份计划开始（\(latest.startDate.chineseText)）之后开始。",
                                      en: "a new plan must start after the previous plan's start, \(latest.startDate)")
            }
            if latest.endDate >= plan.startDate { shortening = try shortenLatestPlan(before: plan.startDate, field: "start_date") }
        }
        if let shortening { plans[plans.count - 1].plan = shortening }
        plans.append(planFile)
        return .plan(planFile, shortening: shortening)
    }

    public mutating func addGoal(_ goal: PlanGoal, planID: String) throws(CaseFileProblem) -> CaseChange {
        let index = try planIndex(planID)
        try Self.checkGoal(goal, plan: plans[index].plan)
        plans[index].goals.append(goal)
        return .goal(goal, planID: planID)
    }

    public mutating func addService(_ service: PlanService, planID: String) throws(CaseFileProblem) -> CaseChange {
        let index = try planIndex(planID)
        try Self.checkService(service)
        plans[index].services.append(service)
        return .service(service, planID: planID)
    }

    /// A review of a plan: within the plan, not in the future, not before the last review, and a
    /// result for every goal of the plan.
    public mutating func addReview(_ review: PlanReview, planID: String, today: CaseDate) throws(CaseFileProblem) -> CaseChange {
        let index = try planIndex(planID)
        let planFile = plans[index]
        if review.date < planFile.plan.startDate || review.date > planFile.plan.endDate {
            throw CaseFileProblem("date", zh: "复核日期 \(review.date.chineseText) 不在计划期 \(planFile.plan.startDate.chineseText)–\(planFile.plan.endDate.chineseText) 内。",
                                  en: "the review date \(review.date) is outside the plan's period \(planFile.plan.startDate)–\(planFile.plan.endDate)")
        }
        if review.date > today {
            throw CaseFileProblem("date", zh: "复核日期 \(review.date.chineseText) 在今天之后。", en: "the review date \(review.date) is in the future")
        }
        if let last = planFile.reviews.last, review.date < last.date {
            throw CaseFileProblem("date", zh: "复核日期早于上一次复核（\(last.date.chineseText)）。", en: "the review date is before the previous review, \(last.date)")
        }
        try Self.text(review.summary, field: "summary", limit: Self.maxText)
        if let unknown = review.goalResults.keys.first(where: { id in !planFile.goals.contains { $0.id == id } }) {
            throw CaseFileProblem("result_\(unknown)", zh: "该目标不属于这份计划。", en: "no goal of this plan has the id \(unknown)")
        }
        if let missing = planFile.goals.first(where: { review.goalResults[$0.id] == nil }) {
            throw CaseFileProblem("result_\(missing.id)", zh: "请为目标“\(missing.description)”填写达成情况。",
                                  en: "give a result for the goal '\(missing.description)'")
        }
        plans[index].reviews.append(review)
        return .review(review, planID: planID)
    }

    /// A home-teaching visit, on a day of a home-teaching placement, not in the future.
    public mutating func addVisit(_ visit: HomeTeachingVisit, today: CaseDate) throws(CaseFileProblem) -> CaseChange {
        var visit = visit
        guard let placement = currentPlacement(on: visit.date), placement.kind == .homeTeaching else {
            throw CaseFileProblem("date", zh: "\(visit.date.chineseText) 这一天没有送教上门安置。", en: "there is no home-teaching placement on \(visit.date)")
        }
        if visit.date > today {
            throw CaseFileProblem("date", zh: "送教日期 \(visit.date.chineseText) 在今天之后。", en: "the visit date \(visit.date) is in the future")
        }
        guard (10...480).contains(visit.minutes) else {
            throw CaseFileProblem("minutes", zh: "时长须在 10–480 分钟之间。", en: "the duration must be 10–480 minutes")
        }
        try Self.text(visit.teacher, field: "teacher", limit: Self.maxName)
        try Self.text(visit.content, field: "content", limit: Self.maxText)
        visit.placementID = placement.id
        visits.append(visit)
        visits.sort { $0.date < $1.date }
        return .visit(visit)
    }

    /// 转衔: the child moves to the next stage with a placement at a school of that stage.
    public mutating func handOver(_ handOver: StageHandOver, placement: CasePlacement, school: School?,
                                  today: CaseDate) throws(CaseFileProblem) -> CaseChange {
        var handOver = handOver, placement = placement
        guard let next = caseRecord.stage.nextCaseStage else {
            throw CaseFileProblem("to_stage", zh: "高中是最后一个学段，无法再转衔。", en: "senior high is the last stage; there is no next stage")
        }
        guard handOver.toStage == next else {
            throw CaseFileProblem("to_stage", zh: "只能转衔到下一学段（\(next.caseLabelZH)）。",
                                  en: "the hand-over goes to the next stage, \(next.rawValue), not \(handOver.toStage.rawValue)")
        }
        if handOver.date > today {
            throw CaseFileProblem("date", zh: "转衔日期 \(handOver.date.chineseText) 在今天之后。", en: "the hand-over date \(handOver.date) is in the future")
        }
        try Self.text(handOver.summary, field: "summary", limit: Self.maxText)
        placement.stage = next
        placement.startDate = handOver.date
        try Self.checkPlacement(&placement, school: school)
        let closing = try startAfterLatestPlacement(handOver.date, field: "date")
        var shortening: IndividualPlan?
        if let latest = plans.last?.plan, latest.endDate >= handOver.date {
            guard latest.startDate < handOver.date else {
                throw CaseFileProblem("date", zh: "转衔日期须晚于当前计划的开始日期（\(latest.startDate.chineseText)）。",
                                      en: "the hand-over must come after the current plan's start, \(latest.startDate)")
            }
            shortening = try shortenLatestPlan(before: handOver.date, field: "date")
        }
        handOver.fromStage = caseRecord.stage
        handOver.toStage = next
        handOver.fromSchoolID = latestPlacement(on: handOver.date)?.schoolID ?? child.schoolID
        handOver.toSchoolID = placement.schoolID
        apply(closing: closing)
        if let shortening { plans[plans.count - 1].plan = shortening }
        placements.append(placement)
        handOvers.append(handOver)
        caseRecord.stage = next
        return .handOver(handOver, closing: closing, placement: placement, shortening: shortening)
    }

    /// Names accounts on the file: each must be a school admin of the child's school.
    public mutating func nameStaff(_ candidates: [StaffCandidate], today: CaseDate) throws(CaseFileProblem) -> CaseChange {
        guard !candidates.isEmpty else {
            throw CaseFileProblem("user_id", zh: "请选择要指定的学校工作人员。", en: "choose the staff to name")
        }
        let school = schoolID(on: today)
        for candidate in candidates where candidate.role != .schoolAdmin || candidate.schoolID == nil || candidate.schoolID != school {
            throw CaseFileProblem("user_id", zh: "只能指定该生所在学校的学校管理员账号。",
                                  en: "only school-admin accounts of the child's school can be named (account \(candidate.userID))")
        }
        let added = candidates.map(\.userID).filter { !staffUserIDs.contains($0) }
        staffUserIDs += added
        return .staff(userIDs: added)
    }

    // MARK: Shared checks

    /// The school fits the placement: a special school for `specialSchool`, a school of the
    /// placement's stage for a special or mainstream class, and for home teaching a responsible
    /// school of that stage or a special school. Visits a month only for home teaching.
    static func checkPlacement(_ placement: inout CasePlacement, school: School?) throws(CaseFileProblem) {
        guard let school else {
            throw CaseFileProblem("school_id", zh: placement.kind == .homeTeaching ? "送教上门须指定负责送教的学校。" : "请指定安置学校（学校标识码）。",
                                  en: placement.kind == .homeTeaching ? "home teaching needs a responsible school" : "the placement needs a school (school id)")
        }
        let stages = school.stages.map(\.rawValue).joined(separator: ";")
        let stagesZH = school.stages.map(\.caseLabelZH).joined(separator: "、")
        switch placement.kind {
        case .specialSchool:
            guard school.stages.contains(.special) else {
                throw CaseFileProblem("school_id", zh: "\(school.name)（\(stagesZH)）不是特殊教育学校。",
                                      en: "\(school.id) (\(stages)) is not a special-education school")
            }
        case .specialClass, .mainstream:
            guard school.stages.contains(placement.stage) else {
                throw CaseFileProblem("school_id", zh: "\(school.name)（\(stagesZH)）不招收\(placement.stage.caseLabelZH)的学生。",
                                      en: "\(school.id) teaches \(stages), not the child's stage \(placement.stage.rawValue)")
            }
        case .homeTeaching:
            guard school.stages.contains(placement.stage) || school.stages.contains(.special) else {
                throw CaseFileProblem("school_id", zh: "负责送教的学校（\(stagesZH)）须是该学段的学校或特殊教育学校。",
                                      en: "the responsible school \(school.id) teaches \(stages), neither the child's stage \(placement.stage.rawValue) nor special education")
            }
        }
        if placement.kind == .homeTeaching {
            guard let visits = placement.visitsPerMonth, (1...31).contains(visits) else {
                throw CaseFileProblem("visits_per_month", zh: "送教上门须填写每月送教次数（1–31）。",
                                      en: "home teaching needs the number of visits a month (1–31)")
            }
        } else {
            placement.visitsPerMonth = nil
        }
    }

    /// A new placement must start after the latest one, and after its last visit; returns the
    /// latest with its new end date.
    private func startAfterLatestPlacement(_ start: CaseDate, field: String) throws(CaseFileProblem) -> CasePlacement? {
        if start < child.birthDate {
            throw CaseFileProblem(field, zh: "开始日期早于出生日期。", en: "the start date is before the child's birth")
        }
        guard var latest = placements.last else { return nil }
        guard start > latest.startDate else {
            throw CaseFileProblem(field, zh: "开始日期须晚于上一安置的开始日期（\(latest.startDate.chineseText)）。",
                                  en: "the start date must be after the previous placement's start, \(latest.startDate)")
        }
        if let end = latest.endDate, end < start { return nil }
        if let visit = visits.last(where: { $0.placementID == latest.id && $0.date >= start }) {
            throw CaseFileProblem(field, zh: "上一安置在 \(visit.date.chineseText) 还有送教记录，新安置须在其后开始。",
                                  en: "the previous placement has a visit on \(visit.date); the new one must start after it")
        }
        latest.endDate = start.adding(days: -1)
        return latest
    }

    /// The latest plan ending the day before `day`, without the review dates that now fall outside
    /// it; refused when a review was already held on or after `day`.
    private func shortenLatestPlan(before day: CaseDate, field: String) throws(CaseFileProblem) -> IndividualPlan {
        let latest = plans[plans.count - 1]
        if let review = latest.reviews.last, review.date >= day {
            throw CaseFileProblem(field, zh: "当前计划在 \(review.date.chineseText) 已有复核，须在其后开始。",
                                  en: "the current plan was reviewed on \(review.date); start after that day")
        }
        var plan = latest.plan
        plan.endDate = day.adding(days: -1)
        plan.reviewDates = plan.reviewDates.filter { $0 <= plan.endDate }
        return plan
    }

    private mutating func apply(closing: CasePlacement?) {
        guard let closing, let index = placements.firstIndex(where: { $0.id == closing.id }) else { return }
        placements[index] = closing
    }

    private func planIndex(_ id: String) throws(CaseFileProblem) -> Int {
        guard let index = plans.firstIndex(where: { $0.plan.id == id }) else {
            throw CaseFileProblem("plan_id", zh: "档案中没有这份计划。", en: "the file has no plan \(id)")
        }
        return index
    }

    static func checkGoal(_ goal: PlanGoal, plan: IndividualPlan) throws(CaseFileProblem) {
        try text(goal.description, field: "description", limit: maxText)
        if goal.criterion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw CaseFileProblem("criterion", zh: "每个目标都须有可测量的达成标准（如“连续两周内 5 次中 4 次独立完成”）。",
                                  en: "a goal needs a measurable criterion (e.g. 'done unaided in 4 of 5 trials over two weeks')")
        }
        try text(goal.criterion, field: "criterion", limit: maxText)
        if let target = goal.targetDate, target < plan.startDate || target > plan.endDate {
            throw CaseFileProblem("target_date", zh: "目标日期 \(target.chineseText) 不在计划期 \(plan.startDate.chineseText)–\(plan.endDate.chineseText) 内。",
                                  en: "the target date \(target) is outside the plan's period \(plan.startDate)–\(plan.endDate)")
        }
    }

    static func checkService(_ service: PlanService) throws(CaseFileProblem) {
        try text(service.description, field: "description", limit: maxText)
        try text(service.provider, field: "provider", limit: maxName)
        guard (1...100).contains(service.sessionsPerMonth) else {
            throw CaseFileProblem("sessions_per_month", zh: "每月次数须在 1–100 之间。", en: "sessions a month must be 1–100")
        }
    }

    /// A day between `after` (the child's birth) and today.
    private static func checkDay(_ day: CaseDate, field: String, after birth: CaseDate, today: CaseDate) throws(CaseFileProblem) {
        if day < birth { throw CaseFileProblem(field, zh: "日期 \(day.chineseText) 早于该生的出生日期。", en: "\(day) is before the child's birth") }
        if day > today { throw CaseFileProblem(field, zh: "日期 \(day.chineseText) 在今天之后。", en: "\(day) is in the future") }
    }

    /// Non-empty text of at most `limit` characters.
    private static func text(_ value: String, field: String, limit: Int) throws(CaseFileProblem) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw CaseFileProblem(field, zh: "必填。", en: "required, but empty") }
        if trimmed.count > limit {
            throw CaseFileProblem(field, zh: "超过 \(limit) 个字。", en: "longer than \(limit) characters")
        }
    }
}
