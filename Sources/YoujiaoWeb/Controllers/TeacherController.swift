import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Teachers: a school's staff with their training against the cycle's requirement, and one
/// teacher's portrait. Staff of the teacher's school, district or the city read them; every read
/// is audited and never cached (names, ID numbers and careers are personal data).
struct TeacherController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("schools", ":id", "teachers", use: list)
        routes.get("schools", ":id", "teachers.csv") { try await download(req: $0, as: .csv) }
        routes.get("schools", ":id", "teachers.xlsx") { try await download(req: $0, as: .xlsx) }
        routes.get("teachers", ":id", use: portrait)
        routes.post("teachers", ":id", "home", use: saveHome)
        routes.post("teachers", ":id", "home", "clear", use: clearHome)
        routes.post("teachers", ":id", "account", use: issueAccount)
        routes.get("districts", ":code", "rotation", use: rotation)
        routes.get("districts", ":code", "rotation.csv") { try await rotationDownload(req: $0, as: .csv) }
        routes.get("districts", ":code", "rotation.xlsx") { try await rotationDownload(req: $0, as: .xlsx) }
    }

    /// The district's teachers with their rotation standing today; the district's and the city's staff only.
    /// The district's list; `page` nil: every shown row (the downloads). The ids are those of the
    /// rows the answer shows, for the audit.
    private func rotationModel(_ req: Request, page: PageQuery?) async throws -> (RotationEligibilityPage.Model, [String]) {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        guard viewer.scope.canSeeDistrict(code) else {
            try await Audit.record(req, action: "rotation-eligibility-refused", subjectKind: "district", subjectIDs: [code], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
        let careers = try await TeacherHistoryStore(req.db).districtCareers(districtCode: code)
        let today = CaseDate.today()
        let rows = careers.teachers.map { teacher in
            let history = careers.history(of: teacher.id)
            return RotationEligibilityPage.Row(
                teacherID: teacher.id, name: teacher.name, schoolName: careers.schoolNames[teacher.schoolId] ?? teacher.schoolId, subject: teacher.subject,
                keyLevel: KeyTeacherLevel(rawValue: teacher.keyLevel) ?? .none,
                eligibility: RotationEligibility(nationalID: teacher.nationalId, appointments: history.appointments,
                                                 rotations: history.rotations, on: today, rules: .shanghai))
        }
        let model = RotationEligibilityPage.Model(districtCode: code, districtName: district.name, rows: rows,
                                                  eligibleOnly: req.query[String.self, at: "all"] == nil,
                                                  sort: try req.tableSort(keys: RotationEligibilityPage.sortableKeys, fallback: RotationEligibilityPage.defaultSort),
                                                  page: page?.page ?? 1, perPage: page?.perPage)
        if let page, page.page > model.pageCount {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchPage(page.page, of: model.pageCount))))
        }
        return (model, model.pageRows.map(\.teacherID))
    }

    @Sendable func rotation(req: Request) async throws -> Response {
        let (model, ids) = try await rotationModel(req, page: try req.pageRequest(perPage: RotationEligibilityPage.perPage))
        try await Audit.record(req, action: "rotation-eligibility", subjectKind: "teacher", subjectIDs: ids, staffOnly: true)
        let response = req.page(RotationEligibilityPage.View(chrome: req.chrome(), model: model, address: req.address))
        return Self.neverCached(response)
    }

    @Sendable func rotationDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let (model, ids) = try await rotationModel(req, page: nil)
        try await Audit.record(req, action: "rotation-eligibility-export", subjectKind: "teacher", subjectIDs: ids, staffOnly: true)
        let response = try req.download(RotationEligibilityPage.table(model), name: "rotation-\(model.districtCode)", as: format)
        return Self.neverCached(response)
    }

    private func listModel(_ req: Request) async throws -> (TeacherListPage.Model, [String]) {
        let viewer = try req.requireStaff()
        let school = try await SchoolController.visibleSchool(req, viewer: viewer)
        let teachers = try await req.registry.teachers(schoolID: school.id)
        let histories = try await TeacherHistoryStore(req.db).histories(teacherIDs: teachers.map(\.id), parts: [.training, .rotations])
        let today = CaseDate.today()
        let rows = teachers.map { teacher in
            let history = histories[teacher.id] ?? TeacherHistoryStore.History()
            return TeacherListPage.Row(
                teacherID: teacher.id, name: teacher.name, subject: teacher.subject, title: TeacherTitle(rawValue: teacher.title) ?? .none,
                keyLevel: KeyTeacherLevel(rawValue: teacher.keyLevel) ?? .none,
                pace: TrainingPace(records: history.training, on: today, rules: .shanghai),
                rotatingNow: history.rotations.contains { $0.status == .active && $0.start <= today && today <= $0.plannedEnd })
        }
        let model = TeacherListPage.Model(schoolID: school.id, schoolName: school.name, rows: rows,
                                          sort: try req.tableSort(keys: TeacherListPage.sortableKeys, fallback: TeacherListPage.defaultSort))
        return (model, teachers.map(\.id))
    }

    @Sendable func list(req: Request) async throws -> Response {
        let (model, ids) = try await listModel(req)
        try await Audit.record(req, action: "teachers-list", subjectKind: "teacher", subjectIDs: ids, staffOnly: true)
        let response = req.page(TeacherListPage.View(chrome: req.chrome(), model: model, address: req.address))
        return Self.neverCached(response)
    }

    @Sendable func download(req: Request, as format: DownloadFormat) async throws -> Response {
        let (model, ids) = try await listModel(req)
        try await Audit.record(req, action: "teachers-export", subjectKind: "teacher", subjectIDs: ids, staffOnly: true)
        let response = try req.download(TeacherListPage.table(model), name: "teachers-\(model.schoolID)", as: format)
        return Self.neverCached(response)
    }

    /// The teacher and their school, for a viewer who may read the teacher's record (audited refusal otherwise).
    private static func visibleTeacher(_ req: Request, viewer: Viewer) async throws -> (TeacherRecord, School) {
        guard let teacher = try await req.registry.teacher(id: req.parameters.get("id") ?? ""),
              let school = try await req.registry.school(id: teacher.schoolId) else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchTeacher)))
        }
        guard viewer.scope.canSeeTeacher(id: teacher.id, schoolID: school.id, districtCode: school.districtCode) else {
            try await Audit.record(req, action: "teacher-refused", subjectKind: "teacher", subjectIDs: [teacher.id], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        return (teacher, school)
    }

    @Sendable func portrait(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let (teacher, school) = try await Self.visibleTeacher(req, viewer: viewer)
        let saved: [String: Catalogue.TeacherAccounts] = ["home": .homeSaved, "home-cleared": .homeCleared]
        let flash = req.query[String.self, at: "saved"].flatMap { saved[$0] }.map { Flash.success(.teacherAccounts($0)) }
        return try await portraitPage(req, viewer: viewer, teacher: teacher, school: school, flash: flash)
    }

    private func portraitPage(_ req: Request, viewer: Viewer, teacher: TeacherRecord, school: School, flash: Flash?,
                              homeForm: TeacherPortraitPage.HomeForm? = nil, account: TeacherPortraitPage.AccountSection? = nil) async throws -> Response {
        let history = try await TeacherHistoryStore(req.db).histories(teacherIDs: [teacher.id])[teacher.id] ?? TeacherHistoryStore.History()
        let today = CaseDate.today()
        var names: [String: String] = [school.id: school.name]
        for id in Set(history.appointments.map(\.schoolID) + history.rotations.flatMap { [$0.fromSchoolID, $0.toSchoolID] }) where names[id] == nil {
            names[id] = try await req.registry.school(id: id)?.name ?? id
        }
        var events = history.appointments.map {
            TeacherPortraitPage.Event(date: $0.from, what: .teachers(.appointed(school: names[$0.schoolID] ?? $0.schoolID, post: $0.post)))
        }
        events += history.qualifications.compactMap { q in
            let what: Catalogue.TeachersText? = q.kind == .title ? TeacherTitle(rawValue: q.value).map { .titleName($0) }
                : KeyTeacherLevel(rawValue: q.value).map { .keyLevelName($0) }
            return what.map { TeacherPortraitPage.Event(date: q.since, what: .teachers(.gained($0))) }
        }
        events += history.rotations.filter(\.counts).map {
            TeacherPortraitPage.Event(date: $0.start, what: .teachers(.rotated(to: names[$0.toSchoolID] ?? $0.toSchoolID, kind: $0.kind)))
        }
        var model = TeacherPortraitPage.Model(
            name: teacher.name, maskedID: teacher.maskedNationalId, schoolID: school.id, schoolName: school.name, subject: teacher.subject,
            title: TeacherTitle(rawValue: teacher.title) ?? .none, keyLevel: KeyTeacherLevel(rawValue: teacher.keyLevel) ?? .none,
            post: history.appointments.last { $0.from <= today && ($0.until.map { today <= $0 } ?? true) }?.post,
            pace: TrainingPace(records: history.training, on: today, rules: .shanghai),
            eligibility: RotationEligibility(nationalID: teacher.nationalId, appointments: history.appointments,
                                             rotations: history.rotations, on: today, rules: .shanghai),
            rotationDays: TeacherReviewChecks.rotationDays(history.rotations, by: today), events: events.sorted { $0.date < $1.date },
            training: history.training,
            rotations: history.rotations.map { .init(fromName: names[$0.fromSchoolID] ?? $0.fromSchoolID, toName: names[$0.toSchoolID] ?? $0.toSchoolID, rotation: $0) })
        model.today = today
        model.isOwnRecord = viewer.scope.role == .teacher
        model.homeOnFile = try await TeacherHomeStore(req.db).standing(teacherID: teacher.id).map { .init(source: $0.source, updatedOn: $0.updatedOn) }
        let href = "/teachers/\(teacher.id)"
        if model.isOwnRecord {
            model.homeForm = homeForm ?? .init(action: href + "/home", clearAction: href + "/home/clear")
        } else if viewer.scope.canIssueTeacherAccount(schoolID: school.id, districtCode: school.districtCode) {
            let username = try await req.accounts.user(teacherID: teacher.id)?.username
            model.account = account ?? .init(username: username, action: href + "/account",
                                             typedUsername: AccountNames.suggestion(forTeacherID: teacher.id))
        }
        try await Audit.record(req, action: "teacher-portrait", subjectKind: "teacher", subjectIDs: [teacher.id], staffOnly: true)
        let refused = homeForm?.problem != nil || account?.problem != nil
        let response = req.page(TeacherPortraitPage.View(chrome: req.chrome(flash: refused ? .error(.forms(.fixBelow)) : flash), model: model,
                                                         address: req.address),
                                status: refused ? .badRequest : .ok)
        return Self.neverCached(response)
    }

    // MARK: The teacher's own home, and their account

    /// The teacher themself enters where they live; the rotation planner measures the commute from it.
    @Sendable func saveHome(req: Request) async throws -> Response {
        let (viewer, teacher, school) = try await Self.ownRecord(req)
        let form = EnrollmentController.form(req)
        let typed = (form["latitude"] ?? "", form["longitude"] ?? "")
        let href = "/teachers/\(teacher.id)"
        switch TeacherHome.parse(latitude: typed.0, longitude: typed.1, teacherNationalID: teacher.nationalId,
                                 schoolLatitude: school.latitude, schoolLongitude: school.longitude) {
        case .success(let home):
            try await TeacherHomeStore(req.db).set(teacherID: teacher.id, home)
            try await Audit.record(req, action: "teacher-home-saved", subjectKind: "teacher", subjectIDs: [teacher.id], staffOnly: true)
            return req.redirect(to: href + "?saved=home")
        case .failure(let problem):
            let message: Phrase
            switch problem {
            case .latitudeNotANumber: message = .teacherAccounts(.latitudeNotANumber)
            case .longitudeNotANumber: message = .teacherAccounts(.longitudeNotANumber)
            case .latitudeOutOfRange: message = .teacherAccounts(.latitudeOutOfRange)
            case .longitudeOutOfRange: message = .teacherAccounts(.longitudeOutOfRange)
            case .farFromSchool(let km): message = .teacherAccounts(.farFromSchool(kilometres: km))
            }
            let homeForm = TeacherPortraitPage.HomeForm(action: href + "/home", clearAction: href + "/home/clear", latitude: String(typed.0.prefix(40)),
                                                        longitude: String(typed.1.prefix(40)), problem: .init(field: problem.field, message: message))
            return try await portraitPage(req, viewer: viewer, teacher: teacher, school: school, flash: nil, homeForm: homeForm)
        }
    }

    @Sendable func clearHome(req: Request) async throws -> Response {
        let (_, teacher, _) = try await Self.ownRecord(req)
        try await TeacherHomeStore(req.db).clear(teacherID: teacher.id)
        try await Audit.record(req, action: "teacher-home-cleared", subjectKind: "teacher", subjectIDs: [teacher.id], staffOnly: true)
        return req.redirect(to: "/teachers/\(teacher.id)?saved=home-cleared")
    }

    /// Only the teacher themself reaches their home form; staff are refused and the refusal audited.
    private static func ownRecord(_ req: Request) async throws -> (Viewer, TeacherRecord, School) {
        let viewer = try req.requireViewer()
        let (teacher, school) = try await visibleTeacher(req, viewer: viewer)
        guard viewer.scope.role == .teacher else {
            try await Audit.record(req, action: "teacher-home-refused", subjectKind: "teacher", subjectIDs: [teacher.id], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.teacherAccounts(.ownRecordOnly)))
        }
        return (viewer, teacher, school)
    }

    /// Staff of the teacher's school, district or the city issue the account; the first password
    /// is shown once.
    @Sendable func issueAccount(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let (teacher, school) = try await Self.visibleTeacher(req, viewer: viewer)
        guard viewer.scope.canIssueTeacherAccount(schoolID: school.id, districtCode: school.districtCode) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        let username = (EnrollmentController.form(req)["username"] ?? "").lowercased()
        func refused(_ problem: Catalogue.TeacherAccounts) async throws -> Response {
            let account = TeacherPortraitPage.AccountSection(username: try await req.accounts.user(teacherID: teacher.id)?.username,
                                                             action: "/teachers/\(teacher.id)/account", typedUsername: String(username.prefix(40)),
                                                             problem: .teacherAccounts(problem))
            return try await portraitPage(req, viewer: viewer, teacher: teacher, school: school, flash: nil, account: account)
        }
        guard AccountNames.isValid(username) else { return try await refused(.usernameInvalid) }
        let password = Passwords.random()
        let user = UserRecord(username: username, passwordHash: try await Passwords.hashOffPool(password), role: .teacher, displayName: teacher.name,
                              districtCode: school.districtCode, schoolId: school.id, teacherId: teacher.id)
        do {
            try await req.accounts.createTeacherAccount(user)
        } catch let refusal as AccountStore.TeacherAccountRefusal {
            return try await refused(refusal == .accountExists ? .accountExists : .usernameTaken)
        }
        try await Audit.record(req, action: "teacher-account-issued", subjectKind: "teacher", subjectIDs: [teacher.id], detail: { _ in username })
        let page = req.page(TeacherAccountIssuedPage.View(chrome: req.chrome(), model: .init(teacherName: teacher.name, username: username, password: password,
                                                                                              backHref: "/teachers/\(teacher.id)")))
        return Self.neverCached(page)
    }

    /// Teachers' names, ID numbers and careers are personal data: no cache keeps them.
    private static func neverCached(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
