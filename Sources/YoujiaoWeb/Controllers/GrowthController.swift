import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// 综合素质评价 over HTTP: a school's classes, a class's workflow (write, select, display, decide
/// objections, archive), the display families read and object on, a pupil's report, corrections
/// of archived records, and a district's schools. Pages naming pupils are audited and never cached.
struct GrowthController {
    let framework = HolisticFramework.shanghai

    func register(_ routes: any RoutesBuilder) {
        routes.get("schools", ":id", "growth", use: school)
        routes.get("schools", ":id", "growth.csv") { try await schoolDownload(req: $0, as: .csv) }
        routes.get("schools", ":id", "growth.xlsx") { try await schoolDownload(req: $0, as: .xlsx) }
        let growthClass = routes.grouped("schools", ":id", "growth", ":grade", ":class")
        growthClass.get(use: showClass)
        growthClass.post("records", use: write)
        growthClass.post("records", ":record", "selection", use: select)
        growthClass.get("display") { try await confirm(req: $0, step: .open) }
        growthClass.post("display", use: openDisplay)
        growthClass.get("archive") { try await confirm(req: $0, step: .archive) }
        growthClass.post("archive", use: archive)
        growthClass.post("objections", ":objection", use: decide)
        routes.get("growth", "displays", ":id", use: showDisplay)
        routes.post("growth", "displays", ":id", "objections", use: object)
        routes.get("students", ":id", "growth", use: report)
        routes.post("students", ":id", "growth", "records", use: writeAsPupil)
        routes.get("growth", "records", ":id", "correct", use: correctionForm)
        routes.post("growth", "records", ":id", "correct", use: correct)
        routes.get("districts", ":code", "growth", use: district)
        routes.get("districts", ":code", "growth.csv") { try await districtDownload(req: $0, as: .csv) }
        routes.get("districts", ":code", "growth.xlsx") { try await districtDownload(req: $0, as: .xlsx) }
    }

    private static func noStore(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private static func message(_ problem: GrowthProblem) -> Phrase { .growth(.problem(problem.reason)) }

    /// The record form's fields as typed, on the class page and on the pupil's report alike.
    private static func draft(_ form: [String: String]) -> GrowthRecordDraft {
        GrowthRecordDraft(dimension: form["dimension"] ?? "", kind: form["kind"] ?? "", title: form["title"] ?? "",
                          detail: form["detail"] ?? "", date: form["date"] ?? "", hours: form["hours"] ?? "", level: form["level"] ?? "")
    }

    // MARK: A school

    private func readableSchool(_ req: Request) async throws -> (Viewer, School) {
        let viewer = try req.requireViewer()
        guard let school = try await req.registry.school(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool)))
        }
        guard GrowthAccess.canReadSchool(viewer.scope, schoolID: school.id, districtCode: school.districtCode) else {
            try await Audit.record(req, action: "growth-refused", subjectKind: "school", subjectIDs: [school.id], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        return (viewer, school)
    }

    private func schoolModel(_ req: Request) async throws -> GrowthSchoolPage.Model {
        let (_, school) = try await readableSchool(req)
        let today = CaseDate.today()
        let rows = try await GrowthRecordStore(req.db).classStandings(schoolID: school.id, year: today.schoolYear)
        return GrowthSchoolPage.Model(schoolID: school.id, schoolName: school.name, today: today, rows: rows,
                                      sort: try req.tableSort(keys: GrowthSchoolPage.sortableKeys, fallback: GrowthSchoolPage.defaultSort))
    }

    @Sendable func school(req: Request) async throws -> Response {
        Self.noStore(req.page(GrowthSchoolPage.View(chrome: req.chrome(), model: try await schoolModel(req), address: req.address)))
    }

    @Sendable func schoolDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await schoolModel(req)
        return Self.noStore(try req.download(GrowthSchoolPage.table(model), name: "growth-\(model.schoolID)", as: format))
    }

    // MARK: A class

    struct ClassContext {
        var viewer: Viewer
        var school: School
        var grade: Grade
        var classNumber: Int
        var href: String
        var pupils: [StudentRecord]
    }

    private func classContext(_ req: Request) async throws -> ClassContext {
        let (viewer, school) = try await readableSchool(req)
        guard let grade = Grade(rawValue: req.parameters.get("grade") ?? ""), let number = Int(req.parameters.get("class") ?? ""),
              (1...99).contains(number) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool))) }
        let pupils = try await req.registry.students(schoolID: school.id, grade: grade, page: .everything).items.filter { $0.classNo == number }
        guard !pupils.isEmpty else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchPupil))) }
        return ClassContext(viewer: viewer, school: school, grade: grade, classNumber: number,
                            href: "/schools/\(school.id)/growth/\(grade.rawValue)/\(number)", pupils: pupils.sorted { $0.name < $1.name })
    }

    private func classPage(_ req: Request, _ context: ClassContext, flash: Flash?, values: [String: String] = [:],
                           problem: CampaignPage.Problem? = nil) async throws -> Response {
        let store = GrowthRecordStore(req.db)
        let today = CaseDate.today()
        let records = try await store.records(schoolID: context.school.id, year: today.schoolYear, grade: context.grade, classNumber: context.classNumber)
        let display = try await store.display(schoolID: context.school.id, year: today.schoolYear, grade: context.grade, classNumber: context.classNumber)
        let names = Dictionary(uniqueKeysWithValues: context.pupils.map { ($0.id, $0.name) })
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
        let objections = try await store.objections(recordIDs: records.map(\.id)).map {
            GrowthClassPage.Objection(objection: $0, recordTitle: byID[$0.recordID]?.title ?? "", pupilName: names[byID[$0.recordID]?.studentID ?? ""] ?? "")
        }
        let model = GrowthClassPage.Model(
            schoolName: context.school.name, grade: context.grade, classNumber: context.classNumber, href: context.href, today: today,
            pupils: context.pupils.map { .init(studentID: $0.id, name: $0.name) }, records: records, objections: objections, display: display,
            isDisplayedStage: framework.isDisplayed(context.grade.stage),
            mayWrite: GrowthAccess.canWrite(context.viewer.scope, schoolID: context.school.id),
            mayManage: GrowthAccess.canManage(context.viewer.scope, schoolID: context.school.id), values: values, problem: problem)
        try await Audit.record(req, studentIDs: context.pupils.map(\.id), action: "growth-class")
        let refused = problem != nil
        return Self.noStore(req.page(GrowthClassPage.View(chrome: req.chrome(flash: refused ? .error(.forms(.fixBelow)) : flash), model: model,
                                                          address: req.address), status: refused ? .badRequest : .ok))
    }

    @Sendable func showClass(req: Request) async throws -> Response {
        let context = try await classContext(req)
        let saved: [String: Catalogue.Growth] = ["record": .savedRecord, "selection": .savedSelection, "display": .savedDisplay,
                                                 "archive": .savedArchive, "decision": .savedDecision]
        return try await classPage(req, context, flash: req.query[String.self, at: "saved"].flatMap { saved[$0] }.map { .success(.growth($0)) })
    }

    private func requireWriter(_ req: Request, _ context: ClassContext) throws {
        guard GrowthAccess.canWrite(context.viewer.scope, schoolID: context.school.id) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
    }

    private func requireManager(_ req: Request, _ context: ClassContext) throws {
        guard GrowthAccess.canManage(context.viewer.scope, schoolID: context.school.id) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
    }

    @Sendable func write(req: Request) async throws -> Response {
        let context = try await classContext(req)
        try requireWriter(req, context)
        let form = EnrollmentController.form(req).mapValues { String($0.prefix(600)) }
        guard let student = context.pupils.first(where: { $0.id == form["student"] }) else {
            return try await classPage(req, context, flash: nil, values: form,
                                       problem: .init(field: "student", message: .growth(.choosePupil)))
        }
        switch Self.draft(form).record(studentID: student.id, schoolID: context.school.id, writtenBy: context.viewer.user.username, author: .teacher,
                            today: .today(), framework: framework) {
        case .failure(let problem):
            return try await classPage(req, context, flash: nil, values: form, problem: .init(field: problem.field, message: Self.message(problem)))
        case .success(let record):
            try await GrowthRecordStore(req.db).add(record)
            try await Audit.record(req, studentIDs: [student.id], action: "growth-record-written")
            return req.redirect(to: context.href + "?saved=record")
        }
    }

    @Sendable func select(req: Request) async throws -> Response {
        let context = try await classContext(req)
        try requireWriter(req, context)
        guard framework.isDisplayed(context.grade.stage) else {
            return try await classPage(req, context, flash: nil, problem: .init(field: "record", message: .growth(.problem(.stageNotDisplayed))))
        }
        let store = GrowthRecordStore(req.db)
        guard let record = try await store.record(id: req.parameters.get("record") ?? ""),
              context.pupils.contains(where: { $0.id == record.studentID }) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchPupil))) }
        let display = try await store.display(schoolID: context.school.id, year: record.schoolYear, grade: context.grade, classNumber: context.classNumber)
        do {
            try await store.setSelected(recordID: record.id, EnrollmentController.form(req)["selected"] == "yes", classDisplay: display,
                                        limit: framework.selectionLimit)
        } catch let problem as GrowthProblem {
            return try await classPage(req, context, flash: nil, problem: .init(field: problem.field, message: Self.message(problem)))
        }
        return req.redirect(to: context.href + "?saved=selection")
    }

    enum Step { case open, archive }

    @Sendable func confirm(req: Request, step: Step) async throws -> Response {
        let context = try await classContext(req)
        try requireManager(req, context)
        // The counts of this class only, not the whole school's standings.
        let store = GrowthRecordStore(req.db)
        let selectedIDs = try await store.records(schoolID: context.school.id, year: CaseDate.today().schoolYear, grade: context.grade,
                                                  classNumber: context.classNumber).filter { $0.status == .selected }.map(\.id)
        let openObjections = try await store.objections(recordIDs: selectedIDs).count { $0.status == .open }
        let model: StepConfirmPage.Model
        switch step {
        case .open:
            model = .init(heading: .growth(.openDisplayHeading), consequences: [.growth(.openDisplayConsequence1), .growth(.openDisplayConsequence2)],
                          counts: [.init(.growth(.selected), selectedIDs.count)], action: context.href + "/display", cancelHref: context.href)
        case .archive:
            model = .init(heading: .growth(.archiveHeading), consequences: [.growth(.archiveConsequence1), .growth(.archiveConsequence2)],
                          counts: [.init(.growth(.selected), selectedIDs.count), .init(.growth(.openObjections), openObjections)],
                          action: context.href + "/archive", cancelHref: context.href)
        }
        return Self.noStore(req.page(StepConfirmPage.View(chrome: req.chrome(), model: model)))
    }

    /// An irreversible step posted without its confirmation page's yes.
    private func unconfirmed(_ req: Request, _ context: ClassContext) async throws -> Response {
        let problem = CampaignStepGuard.unconfirmed
        return try await classPage(req, context, flash: nil, problem: .init(field: problem.field, message: Phrase(zh: problem.zh, en: problem.en)))
    }

    @Sendable func openDisplay(req: Request) async throws -> Response {
        let context = try await classContext(req)
        try requireManager(req, context)
        guard EnrollmentController.form(req)["confirmed"] == "yes" else { return try await unconfirmed(req, context) }
        guard framework.isDisplayed(context.grade.stage) else {
            return try await classPage(req, context, flash: nil, problem: .init(field: "display", message: .growth(.problem(.stageNotDisplayed))))
        }
        let today = CaseDate.today()
        let display = GrowthDisplay(schoolID: context.school.id, grade: context.grade, classNumber: context.classNumber, schoolYear: today.schoolYear,
                                    opensOn: today, endsOn: framework.displayEnd(openedOn: today))
        do { try await GrowthRecordStore(req.db).open(display) } catch let problem as GrowthProblem {
            return try await classPage(req, context, flash: nil, problem: .init(field: problem.field, message: Self.message(problem)))
        }
        try await Audit.record(req, action: "growth-display-opened", subjectKind: "school", subjectIDs: [context.school.id],
                               detail: { _ in "\(context.grade.rawValue)-\(context.classNumber)" })
        return req.redirect(to: context.href + "?saved=display")
    }

    @Sendable func archive(req: Request) async throws -> Response {
        let context = try await classContext(req)
        try requireManager(req, context)
        guard EnrollmentController.form(req)["confirmed"] == "yes" else { return try await unconfirmed(req, context) }
        let store = GrowthRecordStore(req.db)
        guard let display = try await store.display(schoolID: context.school.id, year: CaseDate.today().schoolYear, grade: context.grade,
                                                    classNumber: context.classNumber) else { throw Abort(.notFound) }
        do { _ = try await store.archive(displayID: display.id, on: .today()) } catch let problem as GrowthProblem {
            return try await classPage(req, context, flash: nil, problem: .init(field: problem.field, message: Self.message(problem)))
        }
        try await Audit.record(req, action: "growth-archived", subjectKind: "school", subjectIDs: [context.school.id],
                               detail: { _ in "\(context.grade.rawValue)-\(context.classNumber)" })
        return req.redirect(to: context.href + "?saved=archive")
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let context = try await classContext(req)
        try requireManager(req, context)
        let form = EnrollmentController.form(req)
        let id = req.parameters.get("objection") ?? ""
        let store = GrowthRecordStore(req.db)
        guard let objection = try await store.objection(id: id), let record = try await store.record(id: objection.recordID),
              context.pupils.contains(where: { $0.id == record.studentID }) else { throw Abort(.notFound) }
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard GrowthObjection.reasonLengths.contains(note.count), let decision = form["decision"], ["uphold", "dismiss"].contains(decision) else {
            return try await classPage(req, context, flash: nil, problem: .init(field: "note-\(id)", message: .growth(.problem(.reasonLength))))
        }
        do { _ = try await store.decide(objectionID: id, upheld: decision == "uphold", note: note, by: context.viewer.user.username) }
        catch let problem as GrowthProblem {
            // A decided objection has no form left on the page: its refusal is said at the top.
            return try await classPage(req, context, flash: nil, problem: .init(field: problem.reason == .alreadyDecided ? "objection" : "note-\(id)",
                                                                                message: Self.message(problem)))
        }
        try await Audit.record(req, studentIDs: [record.studentID], action: "growth-objection-\(decision == "uphold" ? "upheld" : "dismissed")")
        return req.redirect(to: context.href + "?saved=decision")
    }

    // MARK: The display families read

    /// Families of the class's pupils, the school's teachers and administrators, and staff over the school.
    private func visibleDisplay(_ req: Request) async throws -> (Viewer, GrowthDisplay, School, [StudentRecord]) {
        let viewer = try req.requireViewer()
        guard let display = try await GrowthRecordStore(req.db).display(id: req.parameters.get("id") ?? ""),
              let school = try await req.registry.school(id: display.schoolID) else { throw Abort(.notFound) }
        let pupils = try await req.registry.students(schoolID: school.id, grade: display.grade, page: .everything).items
            .filter { $0.classNo == display.classNumber }
        var allowed = GrowthAccess.canReadSchool(viewer.scope, schoolID: school.id, districtCode: school.districtCode)
        if viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID {
            let children = try await req.registry.children(ofGuardian: guardianID).map(\.id)
            allowed = pupils.contains { children.contains($0.id) }
        }
        guard allowed else {
            try await Audit.record(req, action: "growth-display-refused", subjectKind: "school", subjectIDs: [school.id], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        return (viewer, display, school, pupils)
    }

    private func displayPage(_ req: Request, _ display: GrowthDisplay, _ school: School, _ pupils: [StudentRecord], flash: Flash?,
                             problem: CampaignPage.Problem? = nil, recordID: String? = nil, typed: String = "") async throws -> Response {
        let names = Dictionary(uniqueKeysWithValues: pupils.map { ($0.id, $0.name) })
        let records = try await GrowthRecordStore(req.db).records(schoolID: school.id, year: display.schoolYear, grade: display.grade,
                                                                   classNumber: display.classNumber)
            .filter { $0.status == .selected || $0.status == .archived }
        let model = GrowthDisplayPage.Model(schoolName: school.name, display: display, today: .today(),
                                            records: records.map { .init(record: $0, pupil: names[$0.studentID] ?? "") },
                                            action: "/growth/displays/\(display.id)/objections", problem: problem, problemRecordID: recordID,
                                            typedReason: typed)
        try await Audit.record(req, studentIDs: pupils.map(\.id), action: "growth-display")
        return Self.noStore(req.page(GrowthDisplayPage.View(chrome: req.chrome(flash: problem == nil ? flash : .error(.forms(.fixBelow))), model: model),
                                     status: problem == nil ? .ok : .badRequest))
    }

    @Sendable func showDisplay(req: Request) async throws -> Response {
        let (_, display, school, pupils) = try await visibleDisplay(req)
        let flash: Flash? = req.query[String.self, at: "saved"] == "objection" ? .success(.growth(.savedObjection)) : nil
        return try await displayPage(req, display, school, pupils, flash: flash)
    }

    @Sendable func object(req: Request) async throws -> Response {
        let (viewer, display, school, pupils) = try await visibleDisplay(req)
        let form = EnrollmentController.form(req)
        let recordID = form["record"] ?? ""
        let typed = String((form["reason"] ?? "").prefix(600))
        guard let record = try await GrowthRecordStore(req.db).record(id: recordID), pupils.contains(where: { $0.id == record.studentID }) else {
            throw Abort(.notFound)
        }
        switch GrowthObjection.checkedReason(typed) {
        case .failure(let problem):
            return try await displayPage(req, display, school, pupils, flash: nil, problem: .init(field: "reason", message: Self.message(problem)),
                                         recordID: recordID, typed: typed)
        case .success(let reason):
            do {
                try await GrowthRecordStore(req.db).object(GrowthObjection(recordID: record.id, raisedBy: viewer.user.id, reason: reason, raisedOn: .today()),
                                                           display: display, on: .today())
            } catch let problem as GrowthProblem {
                return try await displayPage(req, display, school, pupils, flash: nil, problem: .init(field: "reason", message: Self.message(problem)),
                                             recordID: recordID, typed: typed)
            }
            try await Audit.record(req, studentIDs: [record.studentID], action: "growth-objection-raised")
            return req.redirect(to: "/growth/displays/\(display.id)?saved=objection")
        }
    }

    // MARK: A pupil's report

    struct ReadablePupil {
        var viewer: Viewer
        var student: StudentRecord
        var school: School?
        /// A guardian of this child: the family's account is where the pupil writes records.
        var isOwnChild: Bool
        /// The pupil is on a school class's roll (not kindergarten), where records are selected and displayed.
        var keepsRecord: Bool {
            school != nil && student.classNo != nil && student.grade.flatMap(Grade.init(rawValue:)).map { $0.stage != .kindergarten } == true
        }
    }

    /// Staff over the pupil, the teachers of the pupil's school, and the child's guardians.
    private func readablePupil(_ req: Request, id: String) async throws -> ReadablePupil {
        let viewer = try req.requireViewer()
        let pupil = try await StudentController.visiblePupil(req, viewer: viewer, id: id, teachersOfTheSchool: true)
        let isOwnChild = viewer.scope.role == .guardian && viewer.scope.guardianID.map(pupil.guardianIDs.contains) == true
        return ReadablePupil(viewer: viewer, student: pupil.student, school: pupil.school, isOwnChild: isOwnChild)
    }

    private func reportPage(_ req: Request, _ pupil: ReadablePupil, flash: Flash?, values: [String: String] = [:],
                            problem: CampaignPage.Problem? = nil) async throws -> Response {
        let store = GrowthRecordStore(req.db)
        let records = try await store.records(studentID: pupil.student.id)
        let corrections = try await store.corrections(recordIDs: records.map(\.id)).mapValues { list in
            list.map { GrowthReportPage.Correction(when: $0.correctedAt, reason: $0.reason, beforeTitle: $0.beforeTitle) }
        }
        var model = GrowthReportPage.Model(studentName: pupil.student.name, schoolName: pupil.school?.name ?? "", records: records,
                                           summaries: GrowthDimensionSummary.summaries(of: records), corrections: corrections,
                                           mayCorrect: pupil.school.map { GrowthAccess.canManage(pupil.viewer.scope, schoolID: $0.id) } ?? false)
        if let school = pupil.school, let grade = pupil.student.grade.flatMap(Grade.init(rawValue:)), let number = pupil.student.classNo,
           let display = try await store.display(schoolID: school.id, year: CaseDate.today().schoolYear, grade: grade, classNumber: number) {
            model.displayHref = "/growth/displays/\(display.id)"
        }
        if pupil.isOwnChild && pupil.keepsRecord {
            model.pupilForm = .init(action: "/students/\(pupil.student.id)/growth/records", today: .today(), values: values, problem: problem)
        }
        try await Audit.record(req, studentIDs: [pupil.student.id], action: "growth-report")
        let refused = problem != nil
        return Self.noStore(req.page(GrowthReportPage.View(chrome: req.chrome(flash: refused ? .error(.forms(.fixBelow)) : flash), model: model,
                                                           address: req.address), status: refused ? .badRequest : .ok))
    }

    @Sendable func report(req: Request) async throws -> Response {
        let pupil = try await readablePupil(req, id: req.parameters.get("id") ?? "")
        let saved: [String: Catalogue.Growth] = ["correction": .savedCorrection, "record": .savedPupilRecord]
        return try await reportPage(req, pupil, flash: req.query[String.self, at: "saved"].flatMap { saved[$0] }.map { .success(.growth($0)) })
    }

    /// The pupil's own record, sent from a guardian's account (pupils have none). Teachers write on the class page.
    @Sendable func writeAsPupil(req: Request) async throws -> Response {
        let pupil = try await readablePupil(req, id: req.parameters.get("id") ?? "")
        guard pupil.isOwnChild, pupil.keepsRecord, let school = pupil.school else {
            throw Abort(.forbidden, reason: req.t(.refusal(.pupilOutsideScope)))
        }
        let form = EnrollmentController.form(req).mapValues { String($0.prefix(600)) }
        switch Self.draft(form).record(studentID: pupil.student.id, schoolID: school.id, writtenBy: pupil.viewer.user.username, author: .student,
                            today: .today(), framework: framework) {
        case .failure(let problem):
            return try await reportPage(req, pupil, flash: nil, values: form, problem: .init(field: problem.field, message: Self.message(problem)))
        case .success(let record):
            try await GrowthRecordStore(req.db).add(record)
            try await Audit.record(req, studentIDs: [pupil.student.id], action: "growth-record-written")
            return req.redirect(to: "/students/\(pupil.student.id)/growth?saved=record")
        }
    }

    // MARK: Corrections

    private func correctable(_ req: Request) async throws -> (Viewer, GrowthRecord, StudentRecord) {
        let viewer = try req.requireStaff()
        guard let record = try await GrowthRecordStore(req.db).record(id: req.parameters.get("id") ?? ""),
              let student = try await req.registry.student(id: record.studentID) else { throw Abort(.notFound) }
        guard GrowthAccess.canManage(viewer.scope, schoolID: record.schoolID) else {
            try await Audit.record(req, studentIDs: [student.id], action: "growth-correction-refused")
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        return (viewer, record, student)
    }

    @Sendable func correctionForm(req: Request) async throws -> Response {
        let (_, record, student) = try await correctable(req)
        return Self.noStore(req.page(GrowthCorrectionPage.View(chrome: req.chrome(), model: .init(
            record: record, pupilName: student.name, action: "/growth/records/\(record.id)/correct", backHref: "/students/\(student.id)/growth"))))
    }

    @Sendable func correct(req: Request) async throws -> Response {
        let (viewer, record, student) = try await correctable(req)
        let form = EnrollmentController.form(req).mapValues { String($0.prefix(600)) }
        func refused(_ field: String, _ reason: GrowthProblem.Reason) -> Response {
            Self.noStore(req.page(GrowthCorrectionPage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))), model: .init(
                record: record, pupilName: student.name, action: "/growth/records/\(record.id)/correct", backHref: "/students/\(student.id)/growth",
                values: form, problem: .init(field: field, message: .growth(.problem(reason))))), status: .badRequest))
        }
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = (form["detail"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard GrowthRecordDraft.titleLengths.contains(title.count) else { return refused("title", .titleLength) }
        guard detail.count <= GrowthRecordDraft.detailLimit else { return refused("detail", .detailTooLong) }
        guard case .success(let reason) = GrowthObjection.checkedReason(form["reason"] ?? "") else { return refused("reason", .reasonLength) }
        do { try await GrowthRecordStore(req.db).correct(recordID: record.id, title: title, detail: detail, reason: reason, by: viewer.user.username) }
        catch let problem as GrowthProblem { return refused(problem.field == "record" ? "title" : problem.field, problem.reason) }
        try await Audit.record(req, studentIDs: [student.id], action: "growth-record-corrected")
        return req.redirect(to: "/students/\(student.id)/growth?saved=correction")
    }

    // MARK: A district

    private func districtModel(_ req: Request) async throws -> GrowthDistrictPage.Model {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        guard viewer.scope.canSeeDistrict(code) else { throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope))) }
        let year = CaseDate.today().schoolYear
        let store = GrowthRecordStore(req.db)
        let schools = try await req.registry.schools(SchoolFilter(districtCode: code), page: .everything).items
            .filter { $0.stages.contains { $0 != .kindergarten } }
        let standings = try await store.classStandings(schoolIDs: schools.map(\.id), year: year)
        let rows: [GrowthDistrictPage.Row] = schools.map { school in
            let classes = standings[school.id] ?? []
            return .init(schoolID: school.id, schoolName: school.name, pupils: classes.reduce(0) { $0 + $1.pupils },
                         withoutRecords: classes.reduce(0) { $0 + $1.pupils - $1.pupilsWithRecords },
                         classesWithoutDisplay: classes.filter { framework.isDisplayed($0.grade.stage) && $0.display == nil }.count,
                         openObjections: classes.reduce(0) { $0 + $1.openObjections })
        }
        return GrowthDistrictPage.Model(districtCode: code, districtName: district.name, rows: rows,
                                        sort: try req.tableSort(keys: GrowthDistrictPage.sortableKeys, fallback: GrowthDistrictPage.defaultSort))
    }

    @Sendable func district(req: Request) async throws -> Response {
        Self.noStore(req.page(GrowthDistrictPage.View(chrome: req.chrome(), model: try await districtModel(req), address: req.address)))
    }

    @Sendable func districtDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await districtModel(req)
        return Self.noStore(try req.download(GrowthDistrictPage.table(model), name: "growth-\(model.districtCode)", as: format))
    }
}
