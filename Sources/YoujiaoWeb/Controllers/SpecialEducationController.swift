import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

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
        files.get("download", ":file", use: download)
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
                throw Abort(.forbidden, reason: req.t(.refusal(.caseFilesOfOtherDistrict)))
            }
            filter = .district(scope.districtCode ?? "")
        case .schoolAdmin:
            filter = .school(scope.schoolID ?? "")
        case .guardian:
            filter = .guardian(scope.guardianID ?? "")
        case .teacher:
            throw Abort(.forbidden, reason: req.t(.refusal(.staffOnly)))
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
        let model = try await Self.listModel(req, viewer: viewer, listing: listing)
        return req.page(CaseFileListPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    /// The filters of the list's query; an unknown stage or placement is a 400 naming the field.
    static func filters(_ req: Request) throws -> CaseFileListPage.Filters {
        let name = String((req.query[String.self, at: "name"] ?? "").trimmingCharacters(in: .whitespaces).prefix(50))
        let stageText = req.query[String.self, at: "stage"] ?? "", placementText = req.query[String.self, at: "placement"] ?? ""
        let stage = stageText.isEmpty ? nil : Stage(rawValue: stageText)
        let placement = placementText.isEmpty ? nil : CaseFileListPage.PlacementFilter(placementText)
        if !stageText.isEmpty, stage == nil { throw FieldProblem(field: "stage", message: req.language(.specialEducation(.notAChoice))) }
        if !placementText.isEmpty, placement == nil { throw FieldProblem(field: "placement", message: req.language(.specialEducation(.notAChoice))) }
        return CaseFileListPage.Filters(name: name, stage: stage, placement: placement)
    }

    static func fileRow(_ file: CaseFile, access: CaseFileAccess, listing: Listing) -> CaseFileListPage.FileRow {
        let head = (file.id, file.child.name, file.child.maskedNationalID)
        guard access == .full else { return CaseFileListPage.FileRow(id: head.0, name: head.1, maskedID: head.2, contents: nil) }
        let today = listing.today
        let placement = file.currentPlacement(on: today)
        let review: CaseFileListPage.ReviewState
        if let overdue = SpecialEducationMonitoring.overdueReview(file, on: today) {
            review = .overdue(days: overdue.daysOverdue, due: overdue.due)
        } else if let plan = file.activePlan(on: today)?.plan {
            review = plan.reviewDates.first { $0 >= today }.map { .next($0) } ?? .allHeld
        } else {
            review = .noActivePlan
        }
        let visits = SpecialEducationMonitoring.homeTeachingVisits(file, on: today)
        return CaseFileListPage.FileRow(id: head.0, name: head.1, maskedID: head.2, contents: .init(
            stage: file.caseRecord.stage, category: file.caseRecord.category, level: file.caseRecord.level, placement: placement?.kind,
            schoolName: placement.map { listing.schools[$0.schoolID]?.name ?? $0.schoolID }, review: review,
            visits: visits.map { ($0.done, $0.planned) }))
    }

    /// Every file the filters keep, in the order asked for: the page shows a slice, a download all.
    static func filteredRows(_ req: Request, listing: Listing) throws -> (rows: [CaseFileListPage.FileRow], filters: CaseFileListPage.Filters, sort: TableSort) {
        let filters = try filters(req)
        let sort = try req.tableSort(keys: CaseFileListPage.sortKeys, fallback: CaseFileListPage.defaultSort)
        let rows = listing.files.map { fileRow($0.file, access: $0.access, listing: listing) }
        return (CaseFileListPage.sorted(CaseFileListPage.filtered(rows, by: filters), by: sort), filters, sort)
    }

    static func listModel(_ req: Request, viewer: Viewer, listing: Listing) async throws -> CaseFileListPage.Model {
        let role = viewer.scope.role
        let districts = try await req.registry.districts()
        let scopeName: String? = listing.schoolID.map { listing.schools[$0]?.name ?? $0 }
            ?? listing.districtCode.map { code in districts.first { $0.code == code }?.name ?? code }
        var figureRows: [CaseFileListPage.FigureRow] = []
        let byDistrict = role == .cityAdmin && listing.districtCode == nil
        if byDistrict {
            let figures = SpecialEducationMonitoring.figuresByDistrict(listing.allFiles, districtCodes: districts.map(\.code), on: listing.today)
            figureRows = districts.map { district in
                .init(name: .verbatim(district.name), href: CaseFileListPage.districtHref(district.code),
                      figures: figures[district.code] ?? .init())
            }
        } else if role == .cityAdmin || role == .districtAdmin {
            let grouped = Dictionary(grouping: listing.allFiles) { $0.currentPlacement(on: listing.today)?.schoolID ?? "" }
            figureRows = grouped.keys.sorted().map { id in
                .init(name: id.isEmpty ? .specialEducation(.noPlacementRow) : .verbatim(listing.schools[id]?.name ?? id),
                      href: id.isEmpty ? nil : CaseFileListPage.schoolHref(id, district: role == .cityAdmin ? listing.districtCode : nil),
                      figures: SpecialEducationMonitoring.figures(grouped[id] ?? [], on: listing.today))
            }
        }
        var unplaced: [CaseFileListPage.FileRow]?, overdue: [CaseFileListPage.FileRow]?
        if role == .districtAdmin {
            let full = listing.files.filter { $0.access == .full }.map(\.file)
            unplaced = full.filter { $0.currentPlacement(on: listing.today) == nil }.map { fileRow($0, access: .full, listing: listing) }
            overdue = full.filter { SpecialEducationMonitoring.overdueReview($0, on: listing.today) != nil }.map { fileRow($0, access: .full, listing: listing) }
        }
        var monitoringQuery = URLComponents()
        var items: [URLQueryItem] = []
        if role == .cityAdmin, let district = listing.districtCode { items.append(URLQueryItem(name: "district", value: district)) }
        if role != .schoolAdmin, let school = listing.schoolID { items.append(URLQueryItem(name: "school", value: school)) }
        monitoringQuery.queryItems = items.isEmpty ? nil : items
        let monitoringHref = "/special-education/monitoring.csv" + (monitoringQuery.string ?? "")
        let figures = role == .guardian ? nil : SpecialEducationMonitoring.figures(listing.figureFiles, on: listing.today)
        guard listing.showsRows else {
            return CaseFileListPage.Model(scopeName: scopeName, mayOpenFiles: false, figures: figures, monitoringHref: monitoringHref,
                                          figureRows: figureRows, figuresByDistrict: byDistrict, files: nil, total: 0)
        }
        let (rows, filters, sort) = try filteredRows(req, listing: listing)
        let paging = try req.pageRequest(perPage: CaseFileListPage.perPage)
        let pageCount = max(1, (rows.count + paging.perPage - 1) / paging.perPage)
        guard paging.page <= pageCount else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchPage(paging.page, of: pageCount))))
        }
        let slice = Array(rows.dropFirst((paging.page - 1) * paging.perPage).prefix(paging.perPage))
        return CaseFileListPage.Model(scopeName: scopeName, mayOpenFiles: role == .districtAdmin || role == .schoolAdmin, figures: figures,
                                      monitoringHref: monitoringHref, figureRows: figureRows, figuresByDistrict: byDistrict,
                                      unplaced: unplaced, overdue: overdue, files: slice, total: rows.count, page: paging.page,
                                      pageCount: pageCount, filters: filters, sort: sort)
    }

    /// A table of the page, whole, as CSV (BOM, the page's language) or XLSX: the files (filtered),
    /// the figures per district or school, and the district's unplaced and overdue lists.
    @Sendable func download(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let listing = try await Self.listing(req, viewer: viewer)
        let file = req.parameters.get("file") ?? ""
        if file.hasPrefix("figures.") {
            let model = try await Self.listModel(req, viewer: viewer, listing: listing)
            return try req.download(file: file, from: [CaseFileListPage.figuresTable(model)], name: "special-education")
        }
        guard listing.showsRows else {
            throw Abort(.forbidden, reason: req.t(.refusal(.cityFiguresOnlyForCaseFiles)))
        }
        if file.hasPrefix("unplaced.") || file.hasPrefix("overdue.") {
            let model = try await Self.listModel(req, viewer: viewer, listing: listing)
            let rows = (file.hasPrefix("unplaced.") ? model.unplaced : model.overdue) ?? []
            try await Audit.record(req, caseFiles: listing.allFiles.filter { file in rows.contains { $0.id == file.id } }, action: "list-download")
            return try req.download(file: file, from: [CaseFileListPage.unplacedTable(rows), CaseFileListPage.overdueTable(rows)], name: "special-education")
        }
        let (rows, filters, sort) = try Self.filteredRows(req, listing: listing)
        try await Audit.record(req, caseFiles: listing.allFiles.filter { file in rows.contains { $0.id == file.id } }, action: "list-download")
        let table = CaseFileListPage.filesTable(rows, sort: sort,
                                                emptyState: filters.isEmpty ? .specialEducation(.noFiles) : .specialEducation(.noFilesMatch))
        return try req.download(file: file, from: [table], name: "special-education")
    }

    /// The machine CSV of the files (codes, for systems and the command line); people download the table above.
    @Sendable func listCSV(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let listing = try await Self.listing(req, viewer: viewer)
        guard listing.showsRows else {
            throw Abort(.forbidden, reason: req.t(.refusal(.cityFiguresOnlyForCaseFiles)))
        }
        try await Audit.record(req, caseFiles: listing.allFiles, action: "list-csv")
        return Layout.csv("special-education.csv", header: Self.csvHeader, rows: listing.files.map { Self.csvRow(file: $0.file, access: $0.access, listing: listing) })
    }

    @Sendable func monitoringCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let listing = try await Self.listing(req, viewer: viewer)
        let districts = try await req.registry.districts()
        return Layout.csv("special-education-monitoring.csv", header: Self.monitoringHeader, rows: Self.monitoringRows(listing: listing, districts: districts))
    }

    static let csvHeader = ["case_id", "name", "national_id_masked", "district_code", "stage", "category", "level", "placement", "school_id",
                            "review_overdue_since", "visits_planned", "visits_done"]

    static func csvRow(file: CaseFile, access: CaseFileAccess, listing: Listing) -> [String] {
        let head = [file.id, file.child.name, file.child.maskedNationalID]
        guard access == .full else { return head + Array(repeating: "", count: csvHeader.count - head.count) }
        let placement = file.currentPlacement(on: listing.today)
        let visits = SpecialEducationMonitoring.homeTeachingVisits(file, on: listing.today)
        return head + [file.caseRecord.districtCode, file.caseRecord.stage.rawValue, file.caseRecord.category.rawValue, String(file.caseRecord.level.rawValue),
                       placement?.kind.rawValue ?? "", placement?.schoolID ?? "",
                       SpecialEducationMonitoring.overdueReview(file, on: listing.today)?.due.description ?? "",
                       visits.map { String($0.planned) } ?? "", visits.map { String($0.done) } ?? ""]
    }

    static let monitoringHeader = ["scope", "cases", "school_age", "school_age_enrolled", "enrollment_rate", "meets_target", "without_placement",
                                   "special_school", "special_class", "mainstream", "home_teaching", "active_plans", "overdue_reviews",
                                   "visits_planned", "visits_done"]

    /// One row per district (city), or one for the district or school listed.
    static func monitoringRows(listing: Listing, districts: [District]) -> [[String]] {
        func row(_ scope: String, _ f: SpecialEducationMonitoring.Figures) -> [String] {
            [scope, String(f.cases), String(f.schoolAge), String(f.schoolAgeEnrolled), f.enrollmentRate.map { String(format: "%.2f", $0) } ?? "",
             f.meetsEnrollmentTarget.map { $0 ? "yes" : "no" } ?? "", String(f.withoutPlacement)]
                + PlacementKind.allCases.map { String(f.byPlacement[$0] ?? 0) }
                + [String(f.activePlans), String(f.overdueReviews), String(f.visitsPlanned), String(f.visitsDone)]
        }
        if listing.districtCode == nil && listing.schoolID == nil {
            let byDistrict = SpecialEducationMonitoring.figuresByDistrict(listing.allFiles, districtCodes: districts.map(\.code), on: listing.today)
            return districts.map { row($0.code, byDistrict[$0.code] ?? .init()) }
        }
        return [row(listing.schoolID ?? listing.districtCode ?? "", SpecialEducationMonitoring.figures(listing.figureFiles, on: listing.today))]
    }

    // MARK: A new file

    @Sendable func newForm(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        guard viewer.scope.role == .districtAdmin || viewer.scope.role == .schoolAdmin else {
            throw Abort(.forbidden, reason: req.t(.refusal(.caseFileOpeners)))
        }
        return req.page(NewCaseFilePage.View(chrome: req.chrome(), model: NewCaseFilePage.Model(values: ["opened_on": CaseDate.today().description])))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let form = SpecialEducationForm(req)
        let today = CaseDate.today()
        do throws(CaseFileProblem) {
            let id = try await Self.createFile(req, viewer: viewer, form: form, today: today)
            return req.redirect(to: "/special-education/\(id)?saved=file", redirectType: .normal)
        } catch {
            let model = NewCaseFilePage.Model(values: form.typed, problem: (error.field, Phrase(zh: error.zh, en: error.en)))
            return req.page(NewCaseFilePage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))), model: model), status: .badRequest)
        }
    }

    /// Opens the file the form describes; returns its id.
    private static func createFile(_ req: Request, viewer: Viewer, form: SpecialEducationForm, today: CaseDate) async throws(CaseFileProblem) -> String {
        let nationalID: NationalID
        let typed = try form.required("national_id")
        do throws(NationalID.Problem) { nationalID = try NationalID(typed) } catch {
            throw CaseFileProblem("national_id", zh: "身份证件号有误：\(error.zh)。", en: "The ID number is wrong: \(error.description).")
        }
        let notYours = CaseFileProblem("national_id", zh: "在您的管辖范围内没有身份证件号为 \(nationalID.masked) 的学生。",
                                       en: "No pupil with the ID \(nationalID.masked) is within your scope.")
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
                throw CaseFileProblem("national_id", zh: "该生已有一人一案档案。", en: "The pupil already has a case file.")
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
            throw SpecialEducationForm.problem("national_id", .specialEducation(.cannotSave))
        }
    }

    // MARK: Reading one file

    /// The file and the viewer's access: 404 when absent, 403 when the viewer may not even know of it.
    static func visibleFile(_ req: Request, viewer: Viewer, id: String, today: CaseDate) async throws -> (CaseFile, CaseFileAccess) {
        guard let file = try await SpecialEducationStore(req.db).caseFile(id: id) else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchCaseFile)))
        }
        let access = try await Self.access(req, viewer: viewer, file: file, today: today)
        guard access != .none else {
            throw Abort(.forbidden, reason: req.t(.refusal(.caseFileOutsideScope)))
        }
        return (file, access)
    }

    static func access(_ req: Request, viewer: Viewer, file: CaseFile, today: CaseDate) async throws -> CaseFileAccess {
        let registryDistrict = try await file.child.schoolID.asyncFlatMap { try await req.registry.school(id: $0) }?.districtCode
        return SpecialEducationAccess.access(viewer.scope, userID: viewer.user.id, to: file.audience(on: today, registrySchoolDistrict: registryDistrict))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let saved = req.query[String.self, at: "saved"].flatMap(Self.savedMessage)
        return try await page(req, refused: nil, flash: saved.map(Flash.success))
    }

    /// The words after a save, by the `saved=` the redirect carries.
    static func savedMessage(_ key: String) -> Phrase? {
        let messages: [String: Catalogue.SpecialEducation] = [
            "file": .fileOpened, "assessment": .assessmentSaved, "placement": .placementSaved, "plan": .planSaved, "goal": .goalSaved,
            "service": .serviceSaved, "review": .reviewSaved, "visit": .visitSaved, "handover": .handedOver, "staff": .staffNamed]
        return messages[key].map(Phrase.specialEducation)
    }

    /// The file page; with a refused form, the page again (400) with that form open, filled in as typed.
    private func page(_ req: Request, refused: CaseFilePage.Refused?, flash: Flash?) async throws -> Response {
        let viewer = try req.requireViewer()
        let today = CaseDate.today()
        let (file, access) = try await Self.visibleFile(req, viewer: viewer, id: req.parameters.get("id") ?? "", today: today)
        try await Audit.record(req, caseFiles: [file], action: access == .full ? "view" : "view-existence")
        guard access == .full else {
            let district = try await req.registry.district(code: file.caseRecord.districtCode)?.name ?? file.caseRecord.districtCode
            return req.page(CaseFileExistencePage.View(chrome: req.chrome(), model: .init(childName: file.child.name, maskedID: file.child.maskedNationalID,
                                                                                         districtName: district)))
        }
        var model = try await Self.fileModel(req, viewer: viewer, file: file, today: today)
        model.editing?.refused = refused
        return req.page(CaseFilePage.View(chrome: req.chrome(flash: refused == nil ? flash : .error(.forms(.fixBelow))), model: model, address: req.address),
                        status: refused == nil ? .ok : .badRequest)
    }

    @Sendable func printable(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let today = CaseDate.today()
        let (file, access) = try await Self.visibleFile(req, viewer: viewer, id: req.parameters.get("id") ?? "", today: today)
        guard access == .full else { throw Abort(.forbidden, reason: req.t(.refusal(.caseFileContentsHidden))) }
        try await Audit.record(req, caseFiles: [file], action: "print")
        let model = try await Self.fileModel(req, viewer: viewer, file: file, today: today)
        return req.page(CaseFilePage.View(chrome: req.chrome(), model: model, address: req.address, printable: true))
    }

    /// The file as its page shows it, with the forms' choices when the viewer may add to it.
    static func fileModel(_ req: Request, viewer: Viewer, file: CaseFile, today: CaseDate) async throws -> CaseFilePage.Model {
        let mentioned = Set([file.child.schoolID].compactMap { $0 } + file.placements.map(\.schoolID) + file.handOvers.compactMap(\.fromSchoolID)
                            + file.handOvers.map(\.toSchoolID))
        var schools = Dictionary(uniqueKeysWithValues: try await req.registry.schools(ids: Array(mentioned)).map { ($0.id, $0) })
        let audience = file.audience(on: today, registrySchoolDistrict: file.child.schoolID.flatMap { schools[$0]?.districtCode })
        var editing: CaseFilePage.Editing?
        if SpecialEducationAccess.canEdit(viewer.scope, userID: viewer.user.id, audience: audience) {
            let store = SpecialEducationStore(req.db)
            let candidates = try await file.schoolID(on: today).asyncFlatMap { try await store.schoolAdmins(schoolID: $0) }?
                .filter { !file.staffUserIDs.contains($0.id) } ?? []
            let district = try await req.registry.schools(SchoolFilter(districtCode: file.caseRecord.districtCode), page: .everything).items
            for school in district { schools[school.id] = schools[school.id] ?? school }
            func teaching(_ stage: Stage?) -> [CaseFilePage.SchoolChoice] {
                district.filter { school in stage.map(school.stages.contains) == true || school.stages.contains(.special) }
                    .map { CaseFilePage.SchoolChoice(id: $0.id, name: $0.name, stages: $0.stages) }
            }
            editing = CaseFilePage.Editing(placementSchools: teaching(file.caseRecord.stage), nextStageSchools: teaching(file.caseRecord.stage.nextCaseStage),
                                           candidates: candidates.map { .init(userID: $0.id, member: .init(displayName: $0.displayName, username: $0.username)) })
        }
        var staff: [CaseFilePage.StaffMember] = []
        for id in file.staffUserIDs { if let user = try await req.accounts.user(id: id) { staff.append(.init(displayName: user.displayName, username: user.username)) } }
        func school(_ id: String) -> String { schools[id]?.name ?? id }
        let overdue = SpecialEducationMonitoring.overdueReview(file, on: today)
        let plans = file.plans.reversed().map { planFile in
            let plan = planFile.plan
            let latest = planFile.reviews.last?.goalResults ?? [:]
            let status: CaseFilePage.PlanStatus = overdue?.planID == plan.id ? .overdue(due: overdue!.due) : plan.isActive(on: today) ? .active : .ended
            return CaseFilePage.Plan(
                id: plan.id, start: plan.startDate, end: plan.endDate, status: status, reviewDates: plan.reviewDates,
                goals: planFile.goals.map { .init(id: $0.id, description: $0.description, criterion: $0.criterion, target: $0.targetDate, latest: latest[$0.id]) },
                services: planFile.services.map { .init(domain: $0.domain, description: $0.description, provider: $0.provider, sessionsPerMonth: $0.sessionsPerMonth) },
                reviews: planFile.reviews.map { review in
                    .init(date: review.date, outcome: review.outcome, summary: review.summary,
                          results: planFile.goals.compactMap { goal in review.goalResults[goal.id].map { .init(goal: goal.description, result: $0) } })
                })
        }
        let visitFigures = SpecialEducationMonitoring.homeTeachingVisits(file, on: today)
        let visits = file.placements.contains { $0.kind == .homeTeaching }
            ? CaseFilePage.Visits(planned: visitFigures?.planned, done: visitFigures?.done,
                                  rows: file.visits.reversed().map { .init(date: $0.date, teacher: $0.teacher, minutes: $0.minutes, content: $0.content) })
            : nil
        let district = try await req.registry.district(code: file.caseRecord.districtCode)?.name ?? file.caseRecord.districtCode
        return CaseFilePage.Model(
            id: file.id, childName: file.child.name, maskedID: file.child.maskedNationalID, age: file.child.birthDate.age(on: today),
            registrySchool: file.child.schoolID.map(school), districtName: district, stage: file.caseRecord.stage, category: file.caseRecord.category,
            level: file.caseRecord.level, openedOn: file.caseRecord.openedOn,
            currentPlacement: file.currentPlacement(on: today).map { .init(kind: $0.kind, schoolName: school($0.schoolID)) },
            assessments: file.assessments.map { .init(date: $0.date, kind: $0.kind, assessor: $0.assessor, summary: $0.summary) },
            placements: file.placements.reversed().map { .init(kind: $0.kind, schoolName: school($0.schoolID), stage: $0.stage, start: $0.startDate,
                                                               end: $0.endDate, visitsPerMonth: $0.visitsPerMonth) },
            plans: plans, visits: visits,
            handOvers: file.handOvers.map { .init(date: $0.date, from: $0.fromStage, to: $0.toStage, fromSchool: $0.fromSchoolID.map(school),
                                                  toSchool: school($0.toSchoolID), summary: $0.summary) },
            nextStage: file.caseRecord.stage.nextCaseStage, staff: staff, editing: editing, today: today)
    }

    // MARK: Adding to a file

    /// What a confirmation page needs to say about a change that ends something.
    /// The sentences get the names of the schools involved, by id.
    typealias Consequences = @Sendable (CaseChange, CaseFile, [String: String]) -> [Phrase]?

    /// Applies one change under the rules, in one transaction with the access check. A refused
    /// change shows the file again (400) with the form as typed and the reason beside its field,
    /// and stores nothing. A change with `consequences` (it ends a placement or a stage) first
    /// shows what will happen and waits for the confirmed form.
    private func update(_ req: Request, form: SpecialEducationForm, formID: String, action: String, saved: String, anchor: String,
                        consequences: Consequences? = nil,
                        _ change: @escaping @Sendable (inout CaseFile, CaseDate) throws(CaseFileProblem) -> CaseChange) async throws -> Response {
        let viewer = try req.requireStaff()
        let id = req.parameters.get("id") ?? ""
        let today = CaseDate.today()
        let (current, _) = try await Self.visibleFile(req, viewer: viewer, id: id, today: today)
        let registryDistrict = try await current.child.schoolID.asyncFlatMap { try await req.registry.school(id: $0) }?.districtCode
        let forbidden = Abort(.forbidden, reason: req.t(.refusal(.caseFileEditors)))
        guard SpecialEducationAccess.canEdit(viewer.scope, userID: viewer.user.id,
                                             audience: current.audience(on: today, registrySchoolDistrict: registryDistrict)) else { throw forbidden }
        func refusedPage(_ problem: CaseFileProblem) async throws -> Response {
            try await page(req, refused: CaseFilePage.Refused(form: formID, values: form.typed, field: problem.field,
                                                              message: Phrase(zh: problem.zh, en: problem.en)), flash: nil)
        }
        if let consequences, !form.isConfirmed {
            var trial = current
            let planned: CaseChange
            do throws(CaseFileProblem) { planned = try change(&trial, today) } catch { return try await refusedPage(error) }
            let involved = Set(current.placements.map(\.schoolID) + [form.text("school_id")])
            let names = Dictionary(try await req.registry.schools(ids: Array(involved)).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            if let sentences = consequences(planned, current, names) {
                let model = CaseConfirmPage.Model(
                    childName: current.child.name,
                    heading: action == "hand-over" ? .specialEducation(.confirmHandOverTitle) : .specialEducation(.confirmPlacementTitle),
                    consequences: sentences, action: req.url.path, fields: form.typed, cancelHref: CaseFilePage.href(of: id) + "#\(anchor)")
                return req.page(CaseConfirmPage.View(chrome: req.chrome(), model: model))
            }
        }
        do {
            try await SpecialEducationStore(req.db).transaction { tx in
                guard var file = try await tx.caseFile(id: id) else { throw Abort(.notFound) }
                guard SpecialEducationAccess.canEdit(viewer.scope, userID: viewer.user.id,
                                                     audience: file.audience(on: today, registrySchoolDistrict: registryDistrict)) else { throw forbidden }
                try await tx.save(try change(&file, today), caseID: id)
            }
        } catch let problem as CaseFileProblem {
            return try await refusedPage(problem)
        }
        try await Audit.record(req, caseFiles: [current], action: action)
        return req.redirect(to: "/special-education/\(id)?saved=\(saved)#\(anchor)", redirectType: .normal)
    }

    @Sendable func addAssessment(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        return try await update(req, form: form, formID: "assessment-form", action: "add-assessment", saved: "assessment", anchor: "assessments") { file, today throws(CaseFileProblem) in
            try file.addAssessment(CaseAssessment(date: try form.date("date"), kind: try form.value("kind", as: AssessmentKind.self),
                                                  assessor: form.text("assessor"), summary: form.text("summary")), today: today)
        }
    }

    @Sendable func addPlacement(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let school = try await req.registry.school(id: form.text("school_id"))
        return try await update(req, form: form, formID: "placement-form", action: "add-placement", saved: "placement", anchor: "placements",
                                consequences: { change, _, schoolNames in
            guard case .placement(let new, let closing?) = change, let end = closing.endDate else { return nil }
            return [.caseEnds(.placementKind(closing.kind), school: schoolNames[closing.schoolID] ?? closing.schoolID, on: end),
                    .caseStarts(.placementKind(new.kind), school: schoolNames[new.schoolID] ?? new.schoolID, on: new.startDate)]
        }) { file, today throws(CaseFileProblem) in
            let placement = CasePlacement(kind: try form.value("kind", as: PlacementKind.self), schoolID: school?.id ?? "",
                                          stage: file.caseRecord.stage, startDate: try form.date("start_date"),
                                          endDate: try form.optionalDate("end_date"), visitsPerMonth: try form.optionalInt("visits_per_month", in: 1...31))
            return try file.addPlacement(placement, school: school, today: today)
        }
    }

    @Sendable func addPlan(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        return try await update(req, form: form, formID: "plan-form", action: "add-plan", saved: "plan", anchor: "plans") { file, today throws(CaseFileProblem) in
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
        return try await update(req, form: form, formID: CaseFilePage.goalForm(planID), action: "add-goal", saved: "goal", anchor: "plan-\(planID)") { file, _ throws(CaseFileProblem) in
            try file.addGoal(PlanGoal(description: form.text("description"), criterion: form.text("criterion"),
                                      targetDate: try form.optionalDate("target_date")), planID: planID)
        }
    }

    @Sendable func addService(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let planID = req.parameters.get("plan") ?? ""
        return try await update(req, form: form, formID: CaseFilePage.serviceForm(planID), action: "add-service", saved: "service", anchor: "plan-\(planID)") { file, _ throws(CaseFileProblem) in
            try file.addService(PlanService(domain: try form.value("domain", as: ServiceDomain.self), description: form.text("description"),
                                            provider: form.text("provider"), sessionsPerMonth: try form.int("sessions_per_month", in: 1...100)), planID: planID)
        }
    }

    @Sendable func addReview(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let planID = req.parameters.get("plan") ?? ""
        return try await update(req, form: form, formID: CaseFilePage.reviewForm(planID), action: "add-review", saved: "review", anchor: "plan-\(planID)") { file, today throws(CaseFileProblem) in
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
        return try await update(req, form: form, formID: "visit-form", action: "add-visit", saved: "visit", anchor: "visits") { file, today throws(CaseFileProblem) in
            try file.addVisit(HomeTeachingVisit(placementID: "", date: try form.date("date"), teacher: form.text("teacher"),
                                                minutes: try form.int("minutes", in: 10...480), content: form.text("content")), today: today)
        }
    }

    @Sendable func handOver(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let school = try await req.registry.school(id: form.text("school_id"))
        return try await update(req, form: form, formID: "handover-form", action: "hand-over", saved: "handover", anchor: "handovers",
                                consequences: { change, file, schoolNames in
            guard case .handOver(let handOver, let closing, let placement, let shortening) = change else { return nil }
            var sentences: [Phrase] = [.caseHandOverMoves(from: handOver.fromStage, to: handOver.toStage,
                                                          school: schoolNames[handOver.toSchoolID] ?? handOver.toSchoolID)]
            if let closing, let end = closing.endDate {
                sentences.append(.caseEnds(.placementKind(closing.kind), school: schoolNames[closing.schoolID] ?? closing.schoolID, on: end))
            }
            if let shortening { sentences.append(.casePlanEnds(shortening.endDate)) }
            sentences.append(.caseStarts(.placementKind(placement.kind), school: schoolNames[placement.schoolID] ?? placement.schoolID, on: placement.startDate))
            if !file.staffUserIDs.isEmpty { sentences.append(.caseStaffOfReceivingSchool) }
            return sentences
        }) { file, today throws(CaseFileProblem) in
            let date = try form.date("date")
            let toStage = try form.value("to_stage", as: Stage.self)
            let placement = CasePlacement(kind: try form.value("kind", as: PlacementKind.self), schoolID: school?.id ?? "", stage: toStage,
                                          startDate: date, visitsPerMonth: try form.optionalInt("visits_per_month", in: 1...31))
            return try file.handOver(StageHandOver(date: date, fromStage: file.caseRecord.stage, toStage: toStage, fromSchoolID: nil,
                                                   toSchoolID: school?.id ?? "", summary: form.text("summary")),
                                     placement: placement, school: school, today: today)
        }
    }

    @Sendable func nameStaff(req: Request) async throws -> Response {
        let form = SpecialEducationForm(req)
        let user = try await req.accounts.user(id: form.text("user_id"))
        let candidates = user.map { [StaffCandidate(userID: $0.id, role: $0.roleValue, schoolID: $0.schoolId)] } ?? []
        return try await update(req, form: form, formID: "staff-form", action: "name-staff", saved: "staff", anchor: "staff") { file, today throws(CaseFileProblem) in
            try file.nameStaff(candidates, today: today)
        }
    }
}
