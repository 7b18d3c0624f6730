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
        routes.get("districts", ":code", "rotation", use: rotation)
        routes.get("districts", ":code", "rotation.csv") { try await rotationDownload(req: $0, as: .csv) }
        routes.get("districts", ":code", "rotation.xlsx") { try await rotationDownload(req: $0, as: .xlsx) }
    }

    /// The district's teachers with their rotation standing today; the district's and the city's staff only.
    private func rotationModel(_ req: Request) async throws -> (RotationEligibilityPage.Model, [String]) {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        guard viewer.scope.canSeeDistrict(code) else {
            try await Audit.record(req, action: "rotation-eligibility-refused", subjectKind: "district", subjectIDs: [code], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
        let teachers = try await req.registry.teachers(districtCode: code)
        let histories = try await TeacherHistoryStore(req.db).histories(teacherIDs: teachers.map(\.id))
        let schoolNames = Dictionary(uniqueKeysWithValues: try await req.registry.schools(SchoolFilter(districtCode: code), page: .everything).items.map { ($0.id, $0.name) })
        let today = CaseDate.today()
        let rows = teachers.map { teacher in
            let history = histories[teacher.id] ?? TeacherHistoryStore.History()
            return RotationEligibilityPage.Row(
                teacherID: teacher.id, name: teacher.name, schoolName: schoolNames[teacher.schoolId] ?? teacher.schoolId, subject: teacher.subject,
                keyLevel: KeyTeacherLevel(rawValue: teacher.keyLevel) ?? .none,
                eligibility: RotationEligibility(nationalID: teacher.nationalId, appointments: history.appointments,
                                                 rotations: history.rotations, on: today, rules: .shanghai))
        }
        let model = RotationEligibilityPage.Model(districtCode: code, districtName: district.name, rows: rows,
                                                  eligibleOnly: req.query[String.self, at: "all"] == nil,
                                                  sort: try req.tableSort(keys: RotationEligibilityPage.sortableKeys, fallback: RotationEligibilityPage.defaultSort))
        return (model, model.shown.map(\.teacherID))
    }

    @Sendable func rotation(req: Request) async throws -> Response {
        let (model, ids) = try await rotationModel(req)
        try await Audit.record(req, action: "rotation-eligibility", subjectKind: "teacher", subjectIDs: ids, staffOnly: true)
        let response = req.page(RotationEligibilityPage.View(chrome: req.chrome(), model: model, address: req.address))
        return Self.neverCached(response)
    }

    @Sendable func rotationDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let (model, ids) = try await rotationModel(req)
        try await Audit.record(req, action: "rotation-eligibility-export", subjectKind: "teacher", subjectIDs: ids, staffOnly: true)
        let response = try req.download(RotationEligibilityPage.table(model), name: "rotation-\(model.districtCode)", as: format)
        return Self.neverCached(response)
    }

    private func listModel(_ req: Request) async throws -> (TeacherListPage.Model, [String]) {
        let viewer = try req.requireStaff()
        let school = try await SchoolController.visibleSchool(req, viewer: viewer)
        let teachers = try await req.registry.teachers(schoolID: school.id)
        let histories = try await TeacherHistoryStore(req.db).histories(teacherIDs: teachers.map(\.id))
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

    @Sendable func portrait(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        guard let teacher = try await req.registry.teacher(id: req.parameters.get("id") ?? ""),
              let school = try await req.registry.school(id: teacher.schoolId) else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchTeacher)))
        }
        guard viewer.scope.canSeeSchool(id: school.id, districtCode: school.districtCode) else {
            try await Audit.record(req, action: "teacher-refused", subjectKind: "teacher", subjectIDs: [teacher.id], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
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
        let model = TeacherPortraitPage.Model(
            name: teacher.name, maskedID: teacher.maskedNationalId, schoolID: school.id, schoolName: school.name, subject: teacher.subject,
            title: TeacherTitle(rawValue: teacher.title) ?? .none, keyLevel: KeyTeacherLevel(rawValue: teacher.keyLevel) ?? .none,
            post: history.appointments.last { $0.from <= today && ($0.until.map { today <= $0 } ?? true) }?.post,
            pace: TrainingPace(records: history.training, on: today, rules: .shanghai),
            eligibility: RotationEligibility(nationalID: teacher.nationalId, appointments: history.appointments,
                                             rotations: history.rotations, on: today, rules: .shanghai),
            rotationDays: TeacherReviewChecks.rotationDays(history.rotations, by: today), events: events.sorted { $0.date < $1.date },
            training: history.training,
            rotations: history.rotations.map { .init(fromName: names[$0.fromSchoolID] ?? $0.fromSchoolID, toName: names[$0.toSchoolID] ?? $0.toSchoolID, rotation: $0) })
        try await Audit.record(req, action: "teacher-portrait", subjectKind: "teacher", subjectIDs: [teacher.id], staffOnly: true)
        let response = req.page(TeacherPortraitPage.View(chrome: req.chrome(), model: model, address: req.address))
        return Self.neverCached(response)
    }

    /// Teachers' names, ID numbers and careers are personal data: no cache keeps them.
    private static func neverCached(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
