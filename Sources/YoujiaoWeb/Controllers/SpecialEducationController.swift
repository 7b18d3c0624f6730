import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// 一人一案: the special-education case files. Lists with the monitoring figures, the new-case
/// form, the forms that add to a file, the stage hand-over, and the printable file. Who sees what
/// is `SpecialEducationAccess` (Core); every read of a file is written to the audit trail.
struct SpecialEducationController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("special-education", use: list)
        routes.post("special-education", use: create)
        routes.get("special-education.csv", use: listCSV)
        let files = routes.grouped("special-education")
        files.get("monitoring.csv", use: monitoringCSV)
        files.get("new", use: newForm)
        files.get(":id", use: show)
        files.get(":id", "print", use: printable)
        files.post(":id", "assessments", use: addAssessment)
        files.post(":id", "placements", use: addPlacement)
        files.post(":id", "plans", use: addPlan)
        files.post(":id", "plans", ":plan", "goals", use: addGoal)
        files.post(":id", "plans", ":plan", "services", use: addService)
        files.post(":id", "plans", ":plan", "reviews", use: addReview)
        files.post(":id", "visits", use: addVisit)
        files.post(":id", "handover", use: handOver)
        files.post(":id", "staff", use: nameStaff)
    }

    // MARK: Lists and monitoring

    /// The files a list shows, each with the viewer's access, and the schools they mention.
    struct Listing {
        var files: [(file: CaseFile, access: CaseFileAccess)]
        var schools: [String: School]
        var today: CaseDate
        /// City admins see figures only; everyone else also sees rows.
        var showsRows: Bool
        var districtCode: String?
        var schoolID: String?
        var allFiles: [CaseFile] { files.map(\.file) }
        /// The files the figures count: for a school, those of children now at the school (not
        /// those who only were, or are in the registry there).
        var figureFiles: [CaseFile] {
            guard let schoolID else { return allFiles }
            return allFiles.filter { $0.schoolID(on: today) == schoolID }
        }
    }

    static func listing(_ req: Request, viewer: Viewer) async throws -> Listing {
        let today = CaseDate.today()
        let scope = viewer.scope
        let askedDistrict = (try? req.query.get(String.self, at: "district")).flatMap { $0.isEmpty ? nil : $0 }
        let askedSchool = (try? req.query.get(String.self, at: "school")).flatMap { $0.isEmpty ? nil : $0 }
        let filter: CaseFileFilter
        switch scope.role {
        case .cityAdmin:
            filter = askedDistrict.map(CaseFileFilter.district) ?? .all
        case .districtAdmin:
            if let askedDistrict, askedDistrict != scope.districtCode {
                throw Abort(.forbidden, reason: req.t("您无权查看其他区的特殊教育档案。", "You may not see another district's case files."))
            }
            filter = .district(scope.districtCode ?? "")
        case .schoolAdmin:
            filter = .school(scope.schoolID ?? "")
        case .guardian:
            filter = .guardian(scope.guardianID ?? "")
        }
        var files = try await SpecialEducationStore(req.db).caseFiles(filter)
        if scope.role == .schoolAdmin, let own = scope.schoolID {
            files = files.filter { $0.schoolID(on: today) == own || $0.child.schoolID == own }
        } else if let askedSchool {
            files = files.filter { $0.schoolID(on: today) == askedSchool }
        }
        let schoolIDs = Set(files.flatMap { file in [file.child.schoolID].compactMap { $0 } + file.placements.map(\.schoolID) })
        let schools = Dictionary(uniqueKeysWithValues: try await req.registry.schools(ids: Array(schoolIDs)).map { ($0.id, $0) })
        let visible = files.map { file in
            (file, SpecialEducationAccess.access(scope, userID: viewer.user.id,
                                                 to: file.audience(on: today, registrySchoolDistrict: file.child.schoolID.flatMap { schools[$0]?.districtCode })))
        }.filter { $0.1 != .none }
        return Listing(files: visible, schools: schools, today: today, showsRows: scope.role != .cityAdmin,
                       districtCode: scope.role == .districtAdmin ? scope.districtCode : askedDistrict,
                       schoolID: scope.role == .schoolAdmin ? scope.schoolID : askedSchool)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let listing = try await Self.listing(req, viewer: viewer)
        if listing.showsRows { try await Audit.record(req, caseFiles: listing.allFiles, action: "list") }
        let districts = try await req.registry.districts()
        return Layout.render(req, title: req.t("特殊教育 · 一人一案", "Special education case files"),
                             body: SpecialEducationListView(req: req, viewer: viewer, listing: listing, districts: districts).html)
    }

    @Sendable func listCSV(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let listing = try await Self.listing(req, viewer: viewer)
        guard listing.showsRows else {
            throw Abort(.forbidden, reason: req.t("市级管理员只能查看汇总数据（见监测 CSV）。", "City admins see the figures only (monitoring CSV)."))
        }
        try await Audit.record(req, caseFiles: listing.allFiles, action: "list-csv")
        let rows = listing.files.map { SpecialEducationListView.csvRow(file: $0.file, access: $0.access, listing: listing) }
        return Layout.csv("special-education.csv", header: SpecialEducationListView.csvHeader, rows: rows)
    }

    @Sendable func monitoringCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let listing = try await Self.listing(req, viewer: viewer)
        let districts = try await req.registry.districts()
        return Layout.csv("special-education-monitoring.csv", header: SpecialEducationListView.monitoringHeader,
                          rows: SpecialEducationListView.monitoringRows(listing: listing, districts: districts))
    }

    // MARK: A new file

    @Sendable func newForm(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        guard viewer.scope.role == .districtAdmin || viewer.scope.role == .schoolAdmin else {
            throw Abort(.forbidden, reason: req.t("只有区特殊教育指导中心（区级管理员）和学校管理员可以建档。", "Only the district centre (district admins) and school admins open files."))
        }
        return SpecialEducationFileView.newCaseForm(req, form: SpecialEducationForm(values: [:]), problem: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let form = SpecialEducationForm(req)
        let today = CaseDate.today()
        do throws(CaseFileProblem) {
            let id = try await Self.createFile(req, viewer: viewer, form: form, today: today)
            return req.redirect(to: "/special-education/\(id)", redirectType: .normal)
        } catch {
            return SpecialEducationFileView.newCaseForm(req, form: form, problem: error)
        }
    }

    /// Opens the file the form describes; returns its id.
    private static func createFile(_ req: Request, viewer: Viewer, form: SpecialEducationForm, today: CaseDate) async throws(CaseFileProblem) -> String {
        let nationalID: NationalID
        let typed = try form.required("national_id")
        do throws(NationalID.Problem) { nationalID = try NationalID(typed) } catch {
            throw CaseFileProblem("national_id", zh: "身份证件号有误：\(error.zh)。", en: error.description)
        }
        let notYours = CaseFileProblem("national_id", zh: "在您的管辖范围内没有身份证件号为 \(nationalID.masked) 的学生。",
                                       en: "no pupil with the ID \(nationalID.masked) is within your scope")
        let stage = try form.value("stage", as: Stage.self)
        let category = try form.value("category", as: DisabilityCategory.self)
        let level = try form.level("level")
        let openedOn = try form.date("opened_on")
        do {
            let store = SpecialEducationStore(req.db)
            guard let student = try await req.registry.student(nationalID: nationalID.value) else { throw notYours }
            let school = try await student.schoolId.asyncFlatMap { try await req.registry.school(id: $0) }
            var district = school?.districtCode
            if district == nil, let zone = student.zoneId {
                district = try await store.residenceDistrict(zoneID: zone)
            }
            guard SpecialEducationAccess.canOpenFile(viewer.scope, pupilSchoolID: student.schoolId, pupilDistrict: district),
                  let district, let birth = CaseDate(student.birthDate) else { throw notYours }
            if try await store.caseID(studentID: student.id) != nil {
                throw CaseFileProblem("national_id", zh: "该生已有一人一案档案。", en: "the pupil already has a case file")
            }
            var file = try CaseFile.open(SpecialEducationCase(districtCode: district, stage: stage, category: category, level: level, openedOn: openedOn),
                                         child: CaseChild(studentID: student.id, name: student.name, nationalID: student.nationalId,
                                                          birthDate: birth, schoolID: student.schoolId), today: today)
            // The school admin who opens a file is named on it; the centre names school staff later.
            if viewer.scope.role == .schoolAdmin { file.staffUserIDs = [viewer.user.id] }
            try await store.insert([file])
            try await Audit.record(req, caseFiles: [file], action: "create")
            return file.id
        } catch let problem as CaseFileProblem {
            throw problem
        } catch {
            req.logger.error("opening a case file failed: \(String(reflecting: error))")
            throw CaseFileProblem("national_id", zh: "保存失败，请稍后再试。", en: "the file could not be saved; try again")
        }
    }

    // MARK: Reading one file

    /// The file and the viewer's access: 404 when absent, 403 when the viewer may not even know of it.
    static func visibleFile(_ req: Request, viewer: Viewer, id: String, today: CaseDate) async throws -> (CaseFile, CaseFileAccess) {
        guard let file = try await SpecialEducationStore(req.db).caseFile(id: id) else {
            throw Abort(.notFound, reason: req.t("没有这份档案。", "No such case file."))
        }
        let access = try await Self.access(req, viewer: viewer, file: file, today: today)
        guard access != .none else {
            throw Abort(.forbidden, reason: req.t("您无权查看这份档案。", "This case file is outside your scope."))
        }
        return (file, access)
    }

    static func access(_ req: Request, viewer: Viewer, file: CaseFile, today: CaseDate) async throws -> CaseFileAccess {
        let registryDistrict = try await file.child.schoolID.asyncFlatMap { try await req.registry.school(id: $0) }?.districtCode
        return SpecialEducationAccess.access(viewer.scope, userID: viewer.user.id, to: file.audience(on: today, registrySchoolDistrict: registryDistrict))
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, problem: nil)
    }

    /// The file page; with a problem, the page of a refused form (400).
    private func page(_ req: Request, problem: CaseFileProblem?) async throws -> Response {
        let viewer = try req.requireViewer()
        let today = CaseDate.today()
        let (file, access) = try await Self.visibleFile(req, viewer: viewer, id: req.parameters.get("id") ?? "", today: today)
        try await Audit.record(req, caseFiles: [file], action: access == .full ? "view" : "view-existence")
        guard access == .full else { return SpecialEducationFileView.existence(req, file: file) }
        let context = try await SpecialEducationFileView.Context.load(req, viewer: viewer, file: file, today: today)
        return SpecialEducationFileView.page(req, context: context, problem: problem)
    }

    @Sendable func printable(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let today = CaseDate.today()
        let (file, access) = try await Self.visibleFile(req, viewer: viewer, id: req.parameters.get("id") ?? "", today: today)
        guard access == .full else { throw Abort(.forbidden, reason: req.t("您无权查看这份档案的内容。", "You may not see what this file holds.")) }
        try await Audit.record(req, caseFiles: [file], action: "print")
        let context = try await SpecialEducationFileView.Context.load(req, viewer: viewer, file: file, today: today)
        return SpecialEducationFileView.printable(req, context: context)
    }

    // MARK: Adding to a file

    /// Applies one change under the rules, in one transaction with the access check; a refused
    /// change shows the file again with the reason (400) and stores nothing.
    private func update(_ req: Request, action: String, anchor: String,
                        _ change: @escaping @Sendable (inout CaseFile, CaseDate) throws(CaseFileProblem) -> CaseChange) async throws -> Response {
        let viewer = try req.requireStaff()
        let id = req.parameters.get("id") ?? ""
        let today = CaseDate.today()
        let (current, _) = try await Self.visibleFile(req, viewer: viewer, id: id, today: today)
        let registryDistrict = try await current.child.schoolID.asyncFlatMap { try await req.registry.school(id: $0) }?.districtCode
        let forbidden = Abort(.forbidden, reason: req.t("只有该生学校的指定人员和区特殊教育指导中心可以修改档案。",
                                                        "Only the named staff of the child's school and the district centre may add to the file."))
        do {
            try await SpecialEducationStore(req.db).transaction { tx in
                guard var file = try await tx.caseFile(id: id) else { throw Abort(.notFound) }
                guard SpecialEducationAccess.canEdit(viewer.scope, userID: viewer.user.id,
                                                     audience: file.audience(on: today, registrySchoolDistrict: registryDistrict)) else { throw forbidden }
                try await tx.save(try change(&file, today), caseID: id)
            }
        } catch let problem as CaseFileProblem {
            return try await page(req, problem: problem)
        }
        try await Audit.record(req, caseFiles: [current], action: action)
        return req.redirect(to: "/special-education/\(id)#\(anchor)", redirectType: .normal)
    }

    @Sendable func addAssessment(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        return try await update(req, action: "add-assessment", anchor: "assessments") { file, today throws(CaseFileProblem) in
            try file.addAssessment(CaseAssessment(date: try form.date("date"), kind: try form.value("kind", as: AssessmentKind.self),
                                                  assessor: form.text("assessor"), summary: form.text("summary")), today: today)
        }
    }

    @Sendable func addPlacement(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let school = try await req.registry.school(id: form.text("school_id"))
        return try await update(req, action: "add-placement", anchor: "placements") { file, today throws(CaseFileProblem) in
            let placement = CasePlacement(kind: try form.value("kind", as: PlacementKind.self), schoolID: school?.id ?? "",
                                          stage: file.caseRecord.stage, startDate: try form.date("start_date"),
                                          endDate: try form.optionalDate("end_date"), visitsPerMonth: try form.optionalInt("visits_per_month"))
            return try file.addPlacement(placement, school: school, today: today)
        }
    }

    @Sendable func addPlan(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        return try await update(req, action: "add-plan", anchor: "plans") { file, today throws(CaseFileProblem) in
            let plan = IndividualPlan(startDate: try form.date("start_date"), endDate: try form.date("end_date"), reviewDates: try form.dates("review_dates"))
            // The first goal may come with the plan; a goal's criterion is checked like any goal's.
            let goals = form.text("description").isEmpty && form.text("criterion").isEmpty ? []
                : [PlanGoal(description: form.text("description"), criterion: form.text("criterion"), targetDate: try form.optionalDate("target_date"))]
            return try file.addPlan(PlanFile(plan: plan, goals: goals), today: today)
        }
    }

    @Sendable func addGoal(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let planID = req.parameters.get("plan") ?? ""
        return try await update(req, action: "add-goal", anchor: "plan-\(planID)") { file, _ throws(CaseFileProblem) in
            try file.addGoal(PlanGoal(description: form.text("description"), criterion: form.text("criterion"),
                                      targetDate: try form.optionalDate("target_date")), planID: planID)
        }
    }

    @Sendable func addService(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let planID = req.parameters.get("plan") ?? ""
        return try await update(req, action: "add-service", anchor: "plan-\(planID)") { file, _ throws(CaseFileProblem) in
            try file.addService(PlanService(domain: try form.value("domain", as: ServiceDomain.self), description: form.text("description"),
                                            provider: form.text("provider"), sessionsPerMonth: try form.int("sessions_per_month")), planID: planID)
        }
    }

    @Sendable func addReview(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let planID = req.parameters.get("plan") ?? ""
        return try await update(req, action: "add-review", anchor: "plan-\(planID)") { file, today throws(CaseFileProblem) in
            var results: [String: GoalResult] = [:]
            for goal in file.plans.first(where: { $0.plan.id == planID })?.goals ?? [] where !form.text("result_\(goal.id)").isEmpty {
                results[goal.id] = try form.value("result_\(goal.id)", as: GoalResult.self)
            }
            return try file.addReview(PlanReview(date: try form.date("date"), outcome: try form.value("outcome", as: ReviewOutcome.self),
                                                 summary: form.text("summary"), goalResults: results), planID: planID, today: today)
        }
    }

    @Sendable func addVisit(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        return try await update(req, action: "add-visit", anchor: "visits") { file, today throws(CaseFileProblem) in
            try file.addVisit(HomeTeachingVisit(placementID: "", date: try form.date("date"), teacher: form.text("teacher"),
                                                minutes: try form.int("minutes"), content: form.text("content")), today: today)
        }
    }

    @Sendable func handOver(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let school = try await req.registry.school(id: form.text("school_id"))
        return try await update(req, action: "hand-over", anchor: "handovers") { file, today throws(CaseFileProblem) in
            let date = try form.date("date")
            let toStage = try form.value("to_stage", as: Stage.self)
            let placement = CasePlacement(kind: try form.value("kind", as: PlacementKind.self), schoolID: school?.id ?? "", stage: toStage,
                                          startDate: date, visitsPerMonth: try form.optionalInt("visits_per_month"))
            return try file.handOver(StageHandOver(date: date, fromStage: file.caseRecord.stage, toStage: toStage, fromSchoolID: nil,
                                                   toSchoolID: school?.id ?? "", summary: form.text("summary")),
                                     placement: placement, school: school, today: today)
        }
    }

    @Sendable func nameStaff(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let user = try await req.accounts.user(id: form.text("user_id"))
        let candidates = user.map { [StaffCandidate(userID: $0.id, role: $0.roleValue, schoolID: $0.schoolId)] } ?? []
        return try await update(req, action: "name-staff", anchor: "staff") { file, today throws(CaseFileProblem) in
            try file.nameStaff(candidates, today: today)
        }
    }
}
