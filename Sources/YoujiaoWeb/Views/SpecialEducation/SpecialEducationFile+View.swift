import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The pages of one case file: the whole file with its forms, the printable file, the page for
/// viewers who may only know that a file exists, and the new-case form.
enum SpecialEducationFileView {
    /// Everything the file page shows besides the file itself.
    struct Context {
        var file: CaseFile
        var today: CaseDate
        var canEdit: Bool
        var district: District?
        /// Schools the file mentions, by id.
        var schools: [String: School]
        var staff: [UserRecord]
        /// School admins of the child's school not yet named.
        var candidates: [UserRecord]
        /// Schools of the file's district for a placement at the current stage, and at the next.
        var placementSchools: [School]
        var nextStageSchools: [School]

        static func load(_ req: Request, viewer: Viewer, file: CaseFile, today: CaseDate) async throws -> Context {
            let mentioned = Set([file.child.schoolID].compactMap { $0 } + file.placements.map(\.schoolID) + file.handOvers.compactMap(\.fromSchoolID))
            var schools = Dictionary(uniqueKeysWithValues: try await req.registry.schools(ids: Array(mentioned)).map { ($0.id, $0) })
            let access = SpecialEducationAccess.Audience(districtCode: file.caseRecord.districtCode, caseSchoolID: file.schoolID(on: today),
                                                         registrySchoolID: file.child.schoolID,
                                                         registrySchoolDistrict: file.child.schoolID.flatMap { schools[$0]?.districtCode },
                                                         staffUserIDs: file.staffUserIDs, guardianIDs: file.guardianIDs)
            let canEdit = SpecialEducationAccess.canEdit(viewer.scope, userID: viewer.user.id, audience: access)
            var staff: [UserRecord] = []
            for id in file.staffUserIDs { if let user = try await req.accounts.user(id: id) { staff.append(user) } }
            var candidates: [UserRecord] = [], placementSchools: [School] = [], nextStageSchools: [School] = []
            if canEdit {
                let store = SpecialEducationStore(req.db)
                candidates = try await file.schoolID(on: today).asyncFlatMap { try await store.schoolAdmins(schoolID: $0) }?
                    .filter { !file.staffUserIDs.contains($0.id) } ?? []
                let district = try await req.registry.schools(SchoolFilter(districtCode: file.caseRecord.districtCode), page: .everything).items
                for school in district { schools[school.id] = schools[school.id] ?? school }
                func teaching(_ stage: Stage?) -> [School] {
                    district.filter { school in stage.map(school.stages.contains) == true || school.stages.contains(.special) }
                }
                placementSchools = teaching(file.caseRecord.stage)
                nextStageSchools = teaching(file.caseRecord.stage.nextCaseStage)
            }
            return Context(file: file, today: today, canEdit: canEdit, district: try await req.registry.district(code: file.caseRecord.districtCode),
                           schools: schools, staff: staff, candidates: candidates, placementSchools: placementSchools, nextStageSchools: nextStageSchools)
        }

        func schoolName(_ id: String?) -> String {
            guard let id else { return "—" }
            return esc(schools[id]?.name ?? id)
        }
    }

    // MARK: Pages

    static func page(_ req: Request, context: Context, problem: CaseFileProblem?) -> Response {
        let file = context.file
        let problemBox = problem.map {
            "<p class=\"error\" role=\"alert\" id=\"problem\" data-field=\"\(esc($0.field))\">\(req.t("未保存", "Not saved")) · \(esc($0.field))：\(esc(req.t($0.zh, $0.en)))</p>"
        } ?? ""
        let body = """
        \(problemBox)
        <p class="summary no-print"><a href="/special-education">\(req.t("返回档案列表", "Back to the list"))</a> ·
        <a href="/special-education/\(esc(file.id))/print">\(req.t("打印完整档案", "Printable file"))</a></p>
        \(record(req, context: context))
        """
        return Layout.render(req, title: req.t("一人一案 · ", "Case file · ") + file.child.name, body: body,
                             status: problem == nil ? .ok : .badRequest)
    }

    static func printable(_ req: Request, context: Context) -> Response {
        var context = context
        context.canEdit = false
        let body = """
        <div class="print-file">
        <p class="summary no-print"><button type="button" data-print>\(req.t("打印", "Print"))</button>
        <a href="/special-education/\(esc(context.file.id))">\(req.t("返回档案", "Back to the file"))</a></p>
        <p class="summary">\(req.t("打印日期", "Printed on")) \(context.today) · \(req.t("本档案含残疾儿童个人敏感信息，仅限授权人员查阅，请妥善保管。", "Sensitive personal data of a disabled child: for authorised staff and the guardians only."))</p>
        \(record(req, context: context))
        </div>
        """
        return Layout.render(req, title: req.t("一人一案档案 · ", "Case file · ") + context.file.child.name, body: body)
    }

    /// For staff whose scope holds the child but who are not among the file's readers.
    static func existence(_ req: Request, file: CaseFile) -> Response {
        let body = """
        <p>\(req.t("\(esc(file.child.name))（\(esc(file.child.maskedNationalID))）已建立特殊教育一人一案档案。",
                   "\(esc(file.child.name)) (\(esc(file.child.maskedNationalID))) has a special-education case file."))</p>
        <p class="summary">\(req.t("档案内容仅对该生学校的指定人员、区特殊教育指导中心和监护人开放。如需查阅，请联系区特殊教育指导中心（\(esc(file.caseRecord.districtCode))）。",
                                   "Only the named staff of the child's school, the district special-education centre and the guardians see what it holds; ask the district centre (\(esc(file.caseRecord.districtCode))) for access."))</p>
        """
        return Layout.render(req, title: req.t("特殊教育档案", "Special-education case file"), body: body)
    }

    static func newCaseForm(_ req: Request, form: SpecialEducationForm, problem: CaseFileProblem?) -> Response {
        let problemBox = problem.map {
            "<p class=\"error\" role=\"alert\" id=\"problem\" data-field=\"\(esc($0.field))\">\(esc($0.field))：\(esc(req.t($0.zh, $0.en)))</p>"
        } ?? ""
        let body = """
        \(problemBox)
        <p class="summary">\(req.t("依据残疾人证或评估结论为学生建立一人一案档案。学校管理员建档后自动成为该档案的指定人员。",
                                   "Open a case file from the disability certificate or an assessment. A school admin who opens a file is named on it."))</p>
        <form method="post" action="/special-education" class="case-form" id="new-case">
        \(csrf(req))
        \(field(req.t("学生身份证件号", "Pupil's ID number"), "<input name=\"national_id\" required maxlength=\"18\" value=\"\(esc(form.text("national_id")))\">"))
        \(field(req.t("当前学段", "Current stage"), select("stage", Stage.caseStages.map { ($0.rawValue, $0.label(req)) }, selected: form.text("stage"))))
        \(field(req.t("残疾类别", "Category"), select("category", DisabilityCategory.allCases.map { ($0.rawValue, $0.label(req)) }, selected: form.text("category"))))
        \(field(req.t("残疾等级", "Level"), select("level", DisabilityLevel.allCases.map { (String($0.rawValue), $0.label(req)) }, selected: form.text("level"))))
        \(field(req.t("建档日期", "Opened on"), dateInput("opened_on", value: form.text("opened_on").isEmpty ? CaseDate.today().description : form.text("opened_on"))))
        <button type="submit">\(req.t("建立档案", "Open the file"))</button>
        </form>
        """
        return Layout.render(req, title: req.t("新建一人一案档案", "New case file"), body: body, status: problem == nil ? .ok : .badRequest)
    }

    // MARK: The record

    /// The whole file, read-only parts and (for editors) the forms, section by section.
    static func record(_ req: Request, context: Context) -> String {
        [facts(req, context), assessments(req, context), placements(req, context), plans(req, context),
         visits(req, context), handOvers(req, context), staff(req, context)].joined(separator: "\n")
    }

    static func facts(_ req: Request, _ c: Context) -> String {
        let file = c.file
        let current = file.currentPlacement(on: c.today)
        let rows: [(String, String)] = [
            (req.t("姓名", "Name"), esc(file.child.name)),
            (req.t("身份证件号", "ID number"), "<span class=\"id\">\(esc(file.child.maskedNationalID))</span>"),
            (req.t("年龄", "Age"), esc(req.t("\(file.child.birthDate.age(on: c.today)) 岁", "\(file.child.birthDate.age(on: c.today)) years"))),
            (req.t("学籍学校", "School in the registry"), c.schoolName(file.child.schoolID)),
            (req.t("档案所属区", "District keeping the file"), esc(c.district?.name ?? file.caseRecord.districtCode)),
            (req.t("当前学段", "Current stage"), esc(file.caseRecord.stage.label(req))),
            (req.t("残疾类别与等级", "Category and level"), esc(file.caseRecord.category.label(req) + " · " + file.caseRecord.level.label(req))),
            (req.t("建档日期", "Opened on"), esc(file.caseRecord.openedOn.description)),
            (req.t("当前安置", "Current placement"), current.map { esc($0.kind.label(req)) + " · " + c.schoolName($0.schoolID) }
                ?? "<strong class=\"error\">\(req.t("未安置", "no placement"))</strong>"),
        ]
        return "<section id=\"summary\"><dl class=\"facts\">\(rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl></section>"
    }

    static func assessments(_ req: Request, _ c: Context) -> String {
        let table = Table(headers: [req.t("日期", "Date"), req.t("类型", "Kind"), req.t("评估机构", "Assessor"), req.t("结论", "Findings")],
                          rows: c.file.assessments.map { [esc($0.date.description), esc($0.kind.label(req)), esc($0.assessor), esc($0.summary)] })
        let form = c.canEdit ? """
            <details><summary>\(req.t("添加评估", "Add an assessment"))</summary>
            <form method="post" action="/special-education/\(esc(c.file.id))/assessments" class="case-form" id="assessment-form">\(csrf(req))
            \(field(req.t("评估日期", "Date"), dateInput("date", value: c.today.description)))
            \(field(req.t("类型", "Kind"), select("kind", AssessmentKind.allCases.map { ($0.rawValue, $0.label(req)) })))
            \(field(req.t("评估机构", "Assessor"), "<input name=\"assessor\" required maxlength=\"100\">"))
            \(field(req.t("结论", "Findings"), "<textarea name=\"summary\" required maxlength=\"2000\"></textarea>"))
            <button type="submit">\(req.t("保存评估", "Save"))</button></form></details>
            """ : ""
        return section(req, "assessments", req.t("评估记录", "Assessments"), table: table, form: form)
    }

    static func placements(_ req: Request, _ c: Context) -> String {
        let table = Table(headers: [req.t("安置方式", "Placement"), req.t("学校", "School"), req.t("学段", "Stage"), req.t("开始", "From"),
                                    req.t("结束", "Until"), req.t("每月送教", "Visits a month")],
                          rows: c.file.placements.reversed().map {
                              [esc($0.kind.label(req)), c.schoolName($0.schoolID), esc($0.stage.label(req)), esc($0.startDate.description),
                               esc($0.endDate?.description ?? "—"), esc($0.visitsPerMonth.map(String.init) ?? "—")]
                          })
        let form = c.canEdit ? """
            <details><summary>\(req.t("新的安置（原安置于前一日结束）", "New placement (the current one ends the day before)"))</summary>
            <form method="post" action="/special-education/\(esc(c.file.id))/placements" class="case-form" id="placement-form">\(csrf(req))
            \(field(req.t("安置方式", "Placement"), select("kind", PlacementKind.allCases.map { ($0.rawValue, $0.label(req)) })))
            \(field(req.t("学校（送教上门：负责学校）", "School (home teaching: responsible school)"), schoolSelect("school_id", c.placementSchools)))
            \(field(req.t("开始日期", "Start"), dateInput("start_date", value: c.today.description)))
            \(field(req.t("结束日期（可空）", "End (optional)"), dateInput("end_date", value: "", required: false)))
            \(field(req.t("每月送教次数（仅送教上门）", "Visits a month (home teaching)"), "<input name=\"visits_per_month\" type=\"number\" min=\"1\" max=\"31\">"))
            <button type="submit">\(req.t("保存安置", "Save"))</button></form></details>
            """ : ""
        return section(req, "placements", req.t("安置记录", "Placements"), table: table, form: form)
    }

    static func plans(_ req: Request, _ c: Context) -> String {
        let overdue = SpecialEducationMonitoring.overdueReview(c.file, on: c.today)
        var out = "<section id=\"plans\"><h2>\(req.t("个别化教育计划", "Individual education plans"))</h2>"
        if c.file.plans.isEmpty { out += "<p class=\"summary\">\(req.t("尚无计划。", "No plan yet."))</p>" }
        for planFile in c.file.plans.reversed() {
            let plan = planFile.plan
            let status = overdue?.planID == plan.id
                ? "<strong class=\"error overdue\">\(req.t("复核逾期：应于 \(overdue!.due) 复核", "review overdue since \(overdue!.due)"))</strong>"
                : plan.isActive(on: c.today) ? req.t("执行中", "active") : req.t("已结束", "ended")
            let lastResults = planFile.reviews.last?.goalResults ?? [:]
            out += """
            <article class="plan" id="plan-\(esc(plan.id))">
            <h3>\(esc(plan.startDate.description)) – \(esc(plan.endDate.description)) · \(status)</h3>
            <p>\(req.t("计划复核日期", "Planned reviews"))：\(plan.reviewDates.isEmpty ? "—" : esc(plan.reviewDates.map(\.description).joined(separator: "、")))</p>
            <h4>\(req.t("目标", "Goals"))</h4>
            \(orNone(req, Table(headers: [req.t("目标", "Goal"), req.t("达成标准", "Criterion"), req.t("目标日期", "Target date"), req.t("最近复核结果", "Latest result")],
                    rows: planFile.goals.map { [esc($0.description), esc($0.criterion), esc($0.targetDate?.description ?? "—"),
                                                esc(lastResults[$0.id]?.label(req) ?? "—")] })))
            <h4>\(req.t("支持服务", "Services"))</h4>
            \(orNone(req, Table(headers: [req.t("领域", "Domain"), req.t("内容", "Service"), req.t("提供方", "Provider"), req.t("每月次数", "Sessions a month")],
                    rows: planFile.services.map { [esc($0.domain.label(req)), esc($0.description), esc($0.provider), esc($0.sessionsPerMonth)] },
                    numericColumns: [3])))
            <h4>\(req.t("复核记录", "Reviews"))</h4>
            \(orNone(req, Table(headers: [req.t("日期", "Date"), req.t("结论", "Outcome"), req.t("说明", "Summary"), req.t("目标达成", "Goals")],
                    rows: planFile.reviews.map { review in
                        [esc(review.date.description), esc(review.outcome.label(req)), esc(review.summary),
                         esc(planFile.goals.compactMap { goal in review.goalResults[goal.id].map { "\(goal.description)：\($0.label(req))" } }.joined(separator: "；"))]
                    })))
            \(c.canEdit && plan.endDate >= c.today ? planForms(req, c, planFile) : "")
            </article>
            """
        }
        if c.canEdit {
            out += """
            <details\(c.file.plans.isEmpty ? " open" : "")><summary>\(req.t("制订新计划（进行中的计划于前一日结束）", "New plan (a running plan ends the day before)"))</summary>
            <form method="post" action="/special-education/\(esc(c.file.id))/plans" class="case-form" id="plan-form">\(csrf(req))
            \(field(req.t("开始日期", "Start"), dateInput("start_date", value: c.today.description)))
            \(field(req.t("结束日期", "End"), dateInput("end_date", value: c.today.adding(months: 6).description)))
            \(field(req.t("复核日期（多个用空格或逗号分隔）", "Review dates (separated by spaces or commas)"), "<input name=\"review_dates\" required value=\"\(c.today.adding(months: 3))\">"))
            \(field(req.t("第一个目标（可空）", "First goal (optional)"), "<textarea name=\"description\" maxlength=\"2000\"></textarea>"))
            \(field(req.t("达成标准（目标必填）", "Criterion (required with a goal)"), "<textarea name=\"criterion\" maxlength=\"2000\"></textarea>"))
            <button type="submit">\(req.t("保存计划", "Save the plan"))</button></form></details>
            """
        }
        return out + "</section>"
    }

    static func planForms(_ req: Request, _ c: Context, _ planFile: PlanFile) -> String {
        let base = "/special-education/\(esc(c.file.id))/plans/\(esc(planFile.plan.id))"
        let results = planFile.goals.map { goal in
            field(esc(goal.description), select("result_\(goal.id)", GoalResult.allCases.map { ($0.rawValue, $0.label(req)) }, selected: GoalResult.progressing.rawValue))
        }.joined()
        return """
        <details><summary>\(req.t("添加目标", "Add a goal"))</summary>
        <form method="post" action="\(base)/goals" class="case-form goal-form">\(csrf(req))
        \(field(req.t("目标", "Goal"), "<textarea name=\"description\" required maxlength=\"2000\"></textarea>"))
        \(field(req.t("可测量的达成标准", "Measurable criterion"), "<textarea name=\"criterion\" maxlength=\"2000\"></textarea>"))
        \(field(req.t("目标日期（可空）", "Target date (optional)"), dateInput("target_date", value: "", required: false)))
        <button type="submit">\(req.t("保存目标", "Save the goal"))</button></form></details>
        <details><summary>\(req.t("添加支持服务", "Add a service"))</summary>
        <form method="post" action="\(base)/services" class="case-form service-form">\(csrf(req))
        \(field(req.t("领域", "Domain"), select("domain", ServiceDomain.allCases.map { ($0.rawValue, $0.label(req)) })))
        \(field(req.t("内容", "Service"), "<input name=\"description\" required maxlength=\"2000\">"))
        \(field(req.t("提供方", "Provider"), "<input name=\"provider\" required maxlength=\"100\">"))
        \(field(req.t("每月次数", "Sessions a month"), "<input name=\"sessions_per_month\" type=\"number\" min=\"1\" max=\"100\" required>"))
        <button type="submit">\(req.t("保存服务", "Save the service"))</button></form></details>
        <details><summary>\(req.t("记录复核", "Record a review"))</summary>
        <form method="post" action="\(base)/reviews" class="case-form review-form">\(csrf(req))
        \(field(req.t("复核日期", "Date"), dateInput("date", value: min(c.today, planFile.plan.endDate).description)))
        \(field(req.t("结论", "Outcome"), select("outcome", ReviewOutcome.allCases.map { ($0.rawValue, $0.label(req)) })))
        \(results)
        \(field(req.t("说明", "Summary"), "<textarea name=\"summary\" required maxlength=\"2000\"></textarea>"))
        <button type="submit">\(req.t("保存复核", "Save the review"))</button></form></details>
        """
    }

    static func visits(_ req: Request, _ c: Context) -> String {
        let homeTeaching = c.file.placements.filter { $0.kind == .homeTeaching }
        guard !homeTeaching.isEmpty else { return "" }
        let figures = SpecialEducationMonitoring.homeTeachingVisits(c.file, on: c.today)
        let summary = figures.map { req.t("当前送教上门：计划 \($0.planned) 次（按每月次数与已满月数），已完成 \($0.done) 次。",
                                          "Current home teaching: \($0.planned) visits planned so far, \($0.done) done.") } ?? ""
        let table = Table(headers: [req.t("日期", "Date"), req.t("送教教师", "Teacher"), req.t("时长（分钟）", "Minutes"), req.t("内容", "Content")],
                          rows: c.file.visits.reversed().map { [esc($0.date.description), esc($0.teacher), esc($0.minutes), esc($0.content)] },
                          numericColumns: [2])
        let form = c.canEdit && figures != nil ? """
            <details><summary>\(req.t("记录送教", "Record a visit"))</summary>
            <form method="post" action="/special-education/\(esc(c.file.id))/visits" class="case-form" id="visit-form">\(csrf(req))
            \(field(req.t("日期", "Date"), dateInput("date", value: c.today.description)))
            \(field(req.t("送教教师", "Teacher"), "<input name=\"teacher\" required maxlength=\"100\">"))
            \(field(req.t("时长（分钟）", "Minutes"), "<input name=\"minutes\" type=\"number\" min=\"10\" max=\"480\" value=\"90\" required>"))
            \(field(req.t("内容", "Content"), "<textarea name=\"content\" required maxlength=\"2000\"></textarea>"))
            <button type="submit">\(req.t("保存送教记录", "Save the visit"))</button></form></details>
            """ : ""
        return section(req, "visits", req.t("送教上门记录", "Home-teaching visits"), table: table, form: "<p class=\"summary\">\(esc(summary))</p>" + form)
    }

    static func handOvers(_ req: Request, _ c: Context) -> String {
        let table = Table(headers: [req.t("日期", "Date"), req.t("从", "From"), req.t("到", "To"), req.t("移交学校", "From school"),
                                    req.t("接收学校", "Receiving school"), req.t("移交说明", "Hand-over note")],
                          rows: c.file.handOvers.map {
                              [esc($0.date.description), esc($0.fromStage.label(req)), esc($0.toStage.label(req)), c.schoolName($0.fromSchoolID),
                               c.schoolName($0.toSchoolID), esc($0.summary)]
                          })
        var form = ""
        if c.canEdit, let next = c.file.caseRecord.stage.nextCaseStage {
            form = """
            <details><summary>\(req.t("升学转衔：\(c.file.caseRecord.stage.label(req)) → \(next.label(req))", "Stage hand-over: \(c.file.caseRecord.stage.rawValue) → \(next.rawValue)"))</summary>
            <p class="summary">\(req.t("转衔后档案随学生转至接收学校；原安置与计划于转衔前一日结束，接收学校的管理员需由区中心或接收学校指定。",
                                       "After the hand-over the file follows the child to the receiving school; the old placement and plan end the day before; staff of the receiving school are named afterwards."))</p>
            <form method="post" action="/special-education/\(esc(c.file.id))/handover" class="case-form" id="handover-form">\(csrf(req))
            <input type="hidden" name="to_stage" value="\(esc(next.rawValue))">
            \(field(req.t("转衔日期", "Date"), dateInput("date", value: c.today.description)))
            \(field(req.t("新的安置方式", "New placement"), select("kind", PlacementKind.allCases.map { ($0.rawValue, $0.label(req)) })))
            \(field(req.t("接收学校", "Receiving school"), schoolSelect("school_id", c.nextStageSchools)))
            \(field(req.t("每月送教次数（仅送教上门）", "Visits a month (home teaching)"), "<input name=\"visits_per_month\" type=\"number\" min=\"1\" max=\"31\">"))
            \(field(req.t("移交说明", "Hand-over note"), "<textarea name=\"summary\" required maxlength=\"2000\"></textarea>"))
            <button type="submit">\(req.t("完成转衔", "Hand over"))</button></form></details>
            """
        }
        return section(req, "handovers", req.t("转衔记录", "Stage hand-overs"), table: table, form: form)
    }

    static func staff(_ req: Request, _ c: Context) -> String {
        let names = c.staff.map { esc("\($0.displayName)（\($0.username)）") }.joined(separator: "、")
        var out = "<section id=\"staff\"><h2>\(req.t("指定人员", "Named staff"))</h2><p>\(names.isEmpty ? req.t("尚未指定学校人员。", "No school staff named yet.") : names)</p>"
        if c.canEdit, !c.candidates.isEmpty {
            out += """
            <form method="post" action="/special-education/\(esc(c.file.id))/staff" class="case-form no-print" id="staff-form">\(csrf(req))
            \(field(req.t("指定本校管理员", "Name a school admin"), select("user_id", c.candidates.map { ($0.id, "\($0.displayName)（\($0.username)）") })))
            <button type="submit">\(req.t("指定", "Name"))</button></form>
            """
        }
        return out + "</section>"
    }

    // MARK: Pieces

    /// The table, or a line saying there is nothing yet.
    static func orNone(_ req: Request, _ table: Table) -> String {
        table.rows.isEmpty ? "<p class=\"summary\">\(req.t("暂无。", "None yet."))</p>" : table.html
    }

    static func section(_ req: Request, _ id: String, _ title: String, table: Table, form: String) -> String {
        "<section id=\"\(id)\"><h2>\(title)</h2>\(orNone(req, table))\(form)</section>"
    }

    static func csrf(_ req: Request) -> String {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(esc(req.csrfToken))\">"
    }

    static func field(_ label: String, _ control: String) -> String {
        "<label>\(label) \(control)</label>"
    }

    static func dateInput(_ name: String, value: String, required: Bool = true) -> String {
        "<input name=\"\(name)\" type=\"date\" value=\"\(esc(value))\"\(required ? " required" : "")>"
    }

    /// A select of (value, label) pairs; labels are escaped here.
    static func select(_ name: String, _ options: [(String, String)], selected: String = "") -> String {
        "<select name=\"\(esc(name))\">" + options.map {
            "<option value=\"\(esc($0.0))\"\($0.0 == selected ? " selected" : "")>\(esc($0.1))</option>"
        }.joined() + "</select>"
    }

    static func schoolSelect(_ name: String, _ schools: [School]) -> String {
        select(name, schools.map { ($0.id, "\($0.name)（\($0.stages.map(\.caseLabelZH).joined(separator: "、"))）") })
    }
}
