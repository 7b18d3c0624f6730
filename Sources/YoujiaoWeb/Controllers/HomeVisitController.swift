import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// 家访 and family-education activities (docs/home-visits.md): a school's teachers and administrator
/// log visits to its pupils by class, the school logs its activities, the district follows coverage.
/// Who may do what is `HomeVisitAccess`'s. Pages name pupils: every employee read is audited, never cached.
struct HomeVisitController {
    func register(_ routes: any RoutesBuilder) {
        let school = routes.grouped("schools", ":id")
        school.get("home-visits", use: show)
        school.post("home-visits", use: logVisit)
        for format in [DownloadFormat.csv, .xlsx] {
            school.get("home-visits", PathComponent(stringLiteral: "classes.\(format.rawValue)")) { try await classesDownload(req: $0, as: format) }
            school.get("home-visits", PathComponent(stringLiteral: "pupils.\(format.rawValue)")) { try await pupilsDownload(req: $0, as: format) }
            school.get(PathComponent(stringLiteral: "family-education.\(format.rawValue)")) { try await activitiesDownload(req: $0, as: format) }
            routes.get("districts", ":code", PathComponent(stringLiteral: "home-visits.\(format.rawValue)")) { try await districtDownload(req: $0, as: format) }
        }
        school.get("home-visits", "visits", ":visit", "delete", use: deleteVisitPage)
        school.post("home-visits", "visits", ":visit", "delete", use: deleteVisit)
        school.post("home-visits", "visits", ":visit", "follow-up", use: closeFollowUp)
        school.get("family-education", use: activities)
        school.post("family-education", use: logActivity)
        school.get("family-education", ":activity", "delete", use: deleteActivityPage)
        school.post("family-education", ":activity", "delete", use: deleteActivity)
        routes.get("districts", ":code", "home-visits", use: district)
    }

    // MARK: Context

    struct SchoolContext {
        var viewer: Viewer
        var school: School
        var year: Int
        var today: CaseDate
        var mayLog: Bool
    }

    /// The school of the address, when the viewer may read its visits; a refusal is audited.
    private func context(_ req: Request) async throws -> SchoolContext {
        let viewer = try req.requireViewer()
        guard viewer.scope.role.isEmployee else { throw Abort(.forbidden, reason: req.t(.refusal(.staffOnly))) }
        let id = req.parameters.get("id") ?? ""
        guard let school = try await req.registry.school(id: id) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool))) }
        guard HomeVisitAccess.canRead(viewer.scope, schoolID: school.id, districtCode: school.districtCode) else {
            try await Audit.record(req, action: "home-visits-refused", subjectKind: "school", subjectIDs: [school.id])
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        let today = CaseDate.today()
        return SchoolContext(viewer: viewer, school: school, year: SchoolYear.of(today), today: today,
                             mayLog: HomeVisitAccess.canLog(viewer.scope, schoolID: school.id))
    }

    private func requireLogger(_ req: Request, _ context: SchoolContext) async throws {
        guard context.mayLog else {
            try await Audit.record(req, action: "home-visits-refused", subjectKind: "school", subjectIDs: [context.school.id])
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
    }

    private static func noStore(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private static func problem(_ problem: CampaignProblem?) -> CampaignPage.Problem? {
        problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) }
    }

    // MARK: The school's visits

    /// The class of `class=` (400 when malformed), nil when none is asked.
    private func pickedClass(_ req: Request) throws -> SchoolClass?? {
        guard let text = req.query[String.self, at: "class"], !text.isEmpty else { return nil }
        if text == "none" { return .some(nil) }
        guard let picked = SchoolClass(text) else { throw FieldProblem(field: "class", message: req.t(.homeVisits(.badClass))) }
        return .some(picked)
    }

    private func flag(_ req: Request, _ name: String, _ value: String) throws -> Bool {
        guard let text = req.query[String.self, at: name], !text.isEmpty else { return false }
        guard text == value else { throw FieldProblem(field: name, message: req.t(.homeVisits(.badFilter))) }
        return true
    }

    /// The page's model, and the pupils it names (for the audit).
    private func model(_ req: Request, _ context: SchoolContext, values: [String: String] = [:], problem: CampaignProblem? = nil,
                       withDetail: Bool = true) async throws -> (HomeVisitsPage.Model, [String]) {
        let store = HomeVisitStore(req.db)
        let byClass = try await store.coverageByClass(schoolID: context.school.id, year: context.year)
        let activities = try await store.activities(schoolIDs: [context.school.id], year: context.year).count
        var detail: HomeVisitsPage.ClassDetail?
        var named: [String] = []
        if withDetail, let picked = try pickedClass(req) {
            let records = try await store.pupils(schoolID: context.school.id, in: picked)
            let visits = try await store.visits(schoolID: context.school.id, year: context.year, studentIDs: records.map(\.id))
            let byPupil = Dictionary(grouping: visits, by: \.studentID)
            let names = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.name) })
            detail = HomeVisitsPage.ClassDetail(
                schoolClass: picked,
                pupils: records.map { HomeVisitsPage.PupilRow(id: $0.id, name: $0.name, maskedID: $0.maskedNationalId, visits: byPupil[$0.id]?.count ?? 0,
                                                              lastVisit: byPupil[$0.id]?.map(\.date).max()) },
                visits: visits.map { HomeVisitsPage.VisitRow(visit: $0, pupilName: names[$0.studentID] ?? "", mayDelete: HomeVisitAccess.canDelete(context.viewer.scope, visit: $0)) },
                unvisitedOnly: try flag(req, "pupils", "unvisited"))
            named = records.map(\.id)
        }
        let model = HomeVisitsPage.Model(
            schoolID: context.school.id, schoolName: context.school.name, year: context.year, today: context.today,
            classes: byClass.map { HomeVisitsPage.ClassRow(schoolClass: $0.key, coverage: $0.value) }, activities: activities, detail: detail,
            mayLog: context.mayLog, values: values, problem: Self.problem(problem),
            sort: try req.tableSort(keys: HomeVisitsPage.sortableKeys, fallback: HomeVisitsPage.defaultSort),
            incompleteOnly: try flag(req, "show", "incomplete"))
        return (model, named)
    }

    private func render(_ req: Request, _ context: SchoolContext, flash: Flash?, values: [String: String] = [:], problem: CampaignProblem? = nil) async throws -> Response {
        let (model, named) = try await model(req, context, values: values, problem: problem)
        try await Audit.record(req, studentIDs: named, action: "home-visits-read")
        return Self.noStore(req.page(HomeVisitsPage.View(chrome: req.chrome(flash: problem == nil ? flash : .error(.forms(.fixBelow))), model: model,
                                                         address: req.address), status: problem == nil ? .ok : .badRequest))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await context(req)
        let messages: [String: Catalogue.HomeVisits] = ["visit": .savedVisit, "deleted": .savedDelete, "follow-up": .savedFollowUp]
        let flash = req.query[String.self, at: "saved"].flatMap { messages[$0] }.map { Flash.success(.homeVisits($0)) }
        return try await render(req, context, flash: flash)
    }

    @Sendable func classesDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let context = try await context(req)
        let (model, _) = try await model(req, context, withDetail: false)
        return Self.noStore(try req.download(HomeVisitsPage.classTable(model), name: "home-visits-\(context.school.id)", as: format))
    }

    @Sendable func pupilsDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let context = try await context(req)
        let (model, named) = try await model(req, context)
        guard let detail = model.detail else { throw FieldProblem(field: "class", message: req.t(.homeVisits(.badClass))) }
        try await Audit.record(req, studentIDs: named, action: "home-visits-download")
        return Self.noStore(try req.download(HomeVisitsPage.pupilTable(model, detail), name: "home-visits-\(context.school.id)-\(detail.schoolClass.map(\.description) ?? "none")", as: format))
    }

    @Sendable func logVisit(req: Request) async throws -> Response {
        let context = try await context(req)
        try await requireLogger(req, context)
        let form = EnrollmentController.form(req)
        let studentID = form["student"] ?? ""
        // The pupil is checked against the registry: unknown, or of another school, is refused and audited.
        guard studentID.count <= 64, let pupil = try await req.registry.student(id: studentID) else {
            return try await render(req, context, flash: nil, values: form,
                                    problem: CampaignProblem("student", zh: "请从名单中选择本校学生。", en: "Choose a pupil of the school from the list."))
        }
        guard pupil.schoolId == context.school.id else {
            try await Audit.record(req, action: "home-visit-refused", subjectKind: "student", subjectIDs: [pupil.id], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.pupilOutsideScope)))
        }
        do {
            let visit = try HomeVisit.proposed(id: UUID().uuidString.lowercased(), studentID: pupil.id, schoolID: context.school.id, form: form,
                                               today: context.today, teacherID: context.viewer.scope.teacherID, loggedByName: context.viewer.user.displayName)
            try await HomeVisitStore(req.db).add(visit, loggedBy: context.viewer.user.id)
            try await Audit.record(req, action: "home-visit-logged", subjectKind: "student", subjectIDs: [pupil.id], detail: { _ in visit.id }, staffOnly: true)
            let schoolClass = pupil.grade.flatMap(Grade.init(rawValue:)).map { SchoolClass(grade: $0, number: pupil.classNo).description } ?? "none"
            return req.redirect(to: "/schools/\(context.school.id)/home-visits?class=\(schoolClass)&saved=visit", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return try await render(req, context, flash: nil, values: form, problem: problem)
        }
    }

    /// The visit of the address, of this school (another school's is not found here).
    private func visit(_ req: Request, _ context: SchoolContext) async throws -> HomeVisit {
        guard let id = req.parameters.get("visit"), id.count <= 64, let visit = try await HomeVisitStore(req.db).visit(id: id),
              visit.schoolID == context.school.id else {
            throw Abort(.notFound, reason: req.t(.homeVisits(.gone)))
        }
        return visit
    }

    private func requireDeleter(_ req: Request, _ context: SchoolContext, _ visit: HomeVisit) async throws {
        guard HomeVisitAccess.canDelete(context.viewer.scope, visit: visit) else {
            try await Audit.record(req, action: "home-visit-refused", subjectKind: "home-visit", subjectIDs: [visit.id])
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
    }

    private func deleteModel(_ req: Request, _ context: SchoolContext, _ visit: HomeVisit, problem: CampaignProblem?) async throws -> StepConfirmPage.Model {
        let pupil = try await req.registry.student(id: visit.studentID)
        return StepConfirmPage.Model(
            heading: .homeVisits(.deleteHeading), consequences: [.homeVisits(.deleteConsequence)],
            facts: [.init(.homeVisits(.pupil), .text(pupil?.name ?? "")), .init(.homeVisits(.date), .phrase(.day(visit.date))),
                    .init(.homeVisits(.way), .phrase(.homeVisits(.way(visit.way)))), .init(.homeVisits(.by), .text(visit.loggedByName))],
            confirmLabel: .homeVisits(.delete), action: req.url.path, cancelHref: "/schools/\(context.school.id)/home-visits", problem: Self.problem(problem))
    }

    @Sendable func deleteVisitPage(req: Request) async throws -> Response {
        let context = try await context(req)
        let visit = try await visit(req, context)
        try await requireDeleter(req, context, visit)
        try await Audit.record(req, studentIDs: [visit.studentID], action: "home-visit-read")
        return Self.noStore(req.page(StepConfirmPage.View(chrome: req.chrome(), model: try await deleteModel(req, context, visit, problem: nil))))
    }

    @Sendable func deleteVisit(req: Request) async throws -> Response {
        let context = try await context(req)
        let visit = try await visit(req, context)
        try await requireDeleter(req, context, visit)
        guard EnrollmentController.form(req)["confirmed"] == "yes" else {
            return Self.noStore(req.page(StepConfirmPage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))),
                                                                   model: try await deleteModel(req, context, visit, problem: CampaignStepGuard.unconfirmed)),
                                         status: .badRequest))
        }
        guard try await HomeVisitStore(req.db).delete(visitID: visit.id) else { throw Abort(.conflict, reason: req.t(.homeVisits(.gone))) }
        try await Audit.record(req, action: "home-visit-deleted", subjectKind: "student", subjectIDs: [visit.studentID], detail: { _ in visit.id }, staffOnly: true)
        return req.redirect(to: "/schools/\(context.school.id)/home-visits?saved=deleted", redirectType: .normal)
    }

    @Sendable func closeFollowUp(req: Request) async throws -> Response {
        let context = try await context(req)
        try await requireLogger(req, context)
        let visit = try await visit(req, context)
        guard try await HomeVisitStore(req.db).closeFollowUp(visitID: visit.id, on: context.today) else {
            throw Abort(.conflict, reason: req.t(.homeVisits(.gone)))
        }
        try await Audit.record(req, action: "home-visit-follow-up-done", subjectKind: "student", subjectIDs: [visit.studentID], detail: { _ in visit.id },
                               staffOnly: true)
        let schoolClass = try await req.registry.student(id: visit.studentID).flatMap { record in
            record.grade.flatMap(Grade.init(rawValue:)).map { SchoolClass(grade: $0, number: record.classNo).description }
        } ?? "none"
        return req.redirect(to: "/schools/\(context.school.id)/home-visits?class=\(schoolClass)&saved=follow-up", redirectType: .normal)
    }

    // MARK: Activities

    private func activitiesModel(_ req: Request, _ context: SchoolContext, values: [String: String] = [:], problem: CampaignProblem? = nil) async throws -> FamilyActivitiesPage.Model {
        FamilyActivitiesPage.Model(
            schoolID: context.school.id, schoolName: context.school.name, year: context.year, today: context.today,
            activities: try await HomeVisitStore(req.db).activities(schoolIDs: [context.school.id], year: context.year),
            grades: Grade.allCases.filter { context.school.stages.contains($0.stage) },
            mayLog: HomeVisitAccess.canLogActivities(context.viewer.scope, schoolID: context.school.id), values: values, problem: Self.problem(problem),
            sort: try req.tableSort(keys: FamilyActivitiesPage.sortableKeys, fallback: FamilyActivitiesPage.defaultSort))
    }

    @Sendable func activities(req: Request) async throws -> Response {
        let context = try await context(req)
        let messages: [String: Catalogue.HomeVisits] = ["activity": .savedActivity, "deleted": .savedActivityDelete]
        let flash = req.query[String.self, at: "saved"].flatMap { messages[$0] }.map { Flash.success(.homeVisits($0)) }
        return Self.noStore(req.page(FamilyActivitiesPage.View(chrome: req.chrome(flash: flash), model: try await activitiesModel(req, context), address: req.address)))
    }

    @Sendable func activitiesDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let context = try await context(req)
        return Self.noStore(try req.download(FamilyActivitiesPage.table(try await activitiesModel(req, context), withActions: false),
                                             name: "family-education-\(context.school.id)", as: format))
    }

    @Sendable func logActivity(req: Request) async throws -> Response {
        let context = try await context(req)
        guard HomeVisitAccess.canLogActivities(context.viewer.scope, schoolID: context.school.id) else {
            try await Audit.record(req, action: "family-education-refused", subjectKind: "school", subjectIDs: [context.school.id])
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        let form = EnrollmentController.form(req)
        do {
            let activity = try FamilyEducationActivity.proposed(id: UUID().uuidString.lowercased(), schoolID: context.school.id, form: form,
                                                                grades: Grade.allCases.filter { context.school.stages.contains($0.stage) }, today: context.today)
            try await HomeVisitStore(req.db).add(activity, loggedBy: context.viewer.user.id)
            try await Audit.record(req, action: "family-education-logged", subjectKind: "school", subjectIDs: [context.school.id], detail: { _ in activity.id })
            return req.redirect(to: "/schools/\(context.school.id)/family-education?saved=activity", redirectType: .normal)
        } catch let problem as CampaignProblem {
            let model = try await activitiesModel(req, context, values: form, problem: problem)
            return Self.noStore(req.page(FamilyActivitiesPage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))), model: model, address: req.address),
                                         status: .badRequest))
        }
    }

    private func activity(_ req: Request, _ context: SchoolContext) async throws -> FamilyEducationActivity {
        guard HomeVisitAccess.canLogActivities(context.viewer.scope, schoolID: context.school.id) else {
            try await Audit.record(req, action: "family-education-refused", subjectKind: "school", subjectIDs: [context.school.id])
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        guard let id = req.parameters.get("activity"), id.count <= 64, let activity = try await HomeVisitStore(req.db).activity(id: id),
              activity.schoolID == context.school.id else { throw Abort(.notFound, reason: req.t(.homeVisits(.gone))) }
        return activity
    }

    private func deleteActivityModel(_ req: Request, _ context: SchoolContext, _ a: FamilyEducationActivity, problem: CampaignProblem?) -> StepConfirmPage.Model {
        StepConfirmPage.Model(
            heading: .homeVisits(.deleteActivityHeading), consequences: [.homeVisits(.deleteActivityConsequence)],
            facts: [.init(.homeVisits(.date), .phrase(.day(a.date))), .init(.homeVisits(.kind), .phrase(.homeVisits(.kind(a.kind)))),
                    .init(.homeVisits(.topic), .text(a.topic)), .init(.homeVisits(.attendance), .number(a.attendance))],
            confirmLabel: .homeVisits(.delete), action: req.url.path, cancelHref: "/schools/\(context.school.id)/family-education", problem: Self.problem(problem))
    }

    @Sendable func deleteActivityPage(req: Request) async throws -> Response {
        let context = try await context(req)
        let activity = try await activity(req, context)
        return Self.noStore(req.page(StepConfirmPage.View(chrome: req.chrome(), model: deleteActivityModel(req, context, activity, problem: nil))))
    }

    @Sendable func deleteActivity(req: Request) async throws -> Response {
        let context = try await context(req)
        let activity = try await activity(req, context)
        guard EnrollmentController.form(req)["confirmed"] == "yes" else {
            return Self.noStore(req.page(StepConfirmPage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))),
                                                                   model: deleteActivityModel(req, context, activity, problem: CampaignStepGuard.unconfirmed)),
                                         status: .badRequest))
        }
        guard try await HomeVisitStore(req.db).deleteActivity(id: activity.id) else { throw Abort(.conflict, reason: req.t(.homeVisits(.gone))) }
        try await Audit.record(req, action: "family-education-deleted", subjectKind: "school", subjectIDs: [context.school.id], detail: { _ in activity.id })
        return req.redirect(to: "/schools/\(context.school.id)/family-education?saved=deleted", redirectType: .normal)
    }

    // MARK: The district

    private func districtModel(_ req: Request) async throws -> DistrictVisitsPage.Model {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        guard HomeVisitAccess.canReadDistrict(viewer.scope, districtCode: code) else {
            try await Audit.record(req, action: "home-visits-refused", subjectKind: "district", subjectIDs: [code])
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
        let year = SchoolYear.of(CaseDate.today())
        let figures = try await HomeVisitStore(req.db).schoolFigures(year: year, scope: .district(code))
        let schools = try await req.registry.schools(SchoolFilter(districtCode: code), page: .everything).items
        return DistrictVisitsPage.Model(
            districtCode: code, districtName: district.name, year: year,
            rows: schools.map { s in
                DistrictVisitsPage.Row(schoolID: s.id, schoolName: s.name, coverage: figures[s.id]?.coverage ?? VisitCoverage(), activities: figures[s.id]?.activities ?? 0)
            },
            sort: try req.tableSort(keys: DistrictVisitsPage.sortableKeys, fallback: DistrictVisitsPage.defaultSort),
            incompleteOnly: try flag(req, "show", "incomplete"))
    }

    @Sendable func district(req: Request) async throws -> Response {
        req.page(DistrictVisitsPage.View(chrome: req.chrome(), model: try await districtModel(req), address: req.address))
    }

    @Sendable func districtDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await districtModel(req)
        return try req.download(DistrictVisitsPage.table(model), name: "home-visits-\(model.districtCode)", as: format)
    }

    // MARK: The family

    /// The visits to a guardian's children (date, way, who visited — never the note) and this school
    /// year's activities of their schools that are for the whole school or for a child's class.
    static func familySection(_ req: Request, children: [StudentRecord], today: CaseDate) async throws -> FamilyEducationSection {
        let store = HomeVisitStore(req.db)
        let names = Dictionary(uniqueKeysWithValues: children.map { ($0.id, $0.name) })
        let visits = try await store.visits(studentIDs: children.map(\.id)).map {
            FamilyEducationSection.Visit(childName: names[$0.studentID] ?? "", date: $0.date, way: $0.way, visitedBy: $0.loggedByName)
        }
        let schoolIDs = Array(Set(children.compactMap(\.schoolId))).sorted()
        var schoolNames: [String: String] = [:]
        for id in schoolIDs { schoolNames[id] = try await req.registry.school(id: id)?.name }
        let classes = Set(children.compactMap { child in child.schoolId.map { "\($0)/\(child.grade ?? "")/\(child.classNo ?? 0)" } })
        let activities = try await store.activities(schoolIDs: schoolIDs, year: SchoolYear.of(today)).filter { a in
            a.grade == nil || classes.contains("\(a.schoolID)/\(a.grade!.rawValue)/\(a.classNumber ?? 0)")
        }.map { FamilyEducationSection.Activity(schoolName: schoolNames[$0.schoolID] ?? "", activity: $0) }
        return FamilyEducationSection(visits: visits, activities: activities)
    }
}
