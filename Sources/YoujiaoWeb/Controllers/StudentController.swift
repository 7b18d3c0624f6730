import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// A pupil's record (staff in scope, or the child's guardians) and the family page.
struct StudentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("students", ":id", use: show)
        routes.post("students", ":id", "reveal", use: reveal)
        routes.get("family", use: family)
    }

    /// The student, if the viewer may see them: 404 when absent, 403 when outside the scope.
    static func visibleStudent(_ req: Request, viewer: Viewer, id: String) async throws -> StudentRecord {
        guard let student = try await req.registry.student(id: id) else { throw Abort(.notFound, reason: req.t("没有这名学生", "No such pupil")) }
        let school = try await student.schoolId.asyncFlatMap { try await req.registry.school(id: $0) }
        let guardians = try await req.registry.guardianIDs(ofStudent: student.id)
        guard viewer.scope.canSeeStudent(schoolID: student.schoolId, schoolDistrict: school?.districtCode, guardianIDs: guardians) else {
            throw Abort(.forbidden, reason: req.t("您无权查看这名学生的信息。", "This pupil is outside your scope."))
        }
        return student
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let student = try await Self.visibleStudent(req, viewer: viewer, id: req.parameters.get("id") ?? "")
        try await Audit.record(req, students: [student], action: "view")
        return try await page(req, student: student, revealed: false)
    }

    /// The full ID number, for staff only, each time written to the audit trail.
    @Sendable func reveal(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let student = try await Self.visibleStudent(req, viewer: viewer, id: req.parameters.get("id") ?? "")
        try await Audit.record(req, students: [student], action: "reveal-id")
        return try await page(req, student: student, revealed: true)
    }

    private func page(_ req: Request, student: StudentRecord, revealed: Bool) async throws -> Response {
        let school = try await student.schoolId.asyncFlatMap { try await req.registry.school(id: $0) }
        let guardians = try await req.registry.guardians(ofStudent: student.id)
        let isStaff = req.viewer?.user.roleValue.isStaff == true
        let idCell = revealed ? esc(student.nationalId) : esc(student.maskedNationalId)
        let revealForm = isStaff && !revealed ? """
            <form method="post" action="/students/\(esc(student.id))/reveal" class="inline">
            <input type="hidden" name="_csrf" value="\(esc(req.csrfToken))"><button type="submit">\(req.t("查看完整号码（记入审计）", "Show full number (audited)"))</button></form>
            """ : ""
        let facts: [(String, String)] = [
            (req.t("姓名", "Name"), esc(student.name)),
            (req.t("身份证件号", "ID number"), "<span class=\"id\">\(idCell)</span> \(revealForm)"),
            (req.t("性别", "Gender"), student.gender == Gender.male.rawValue ? req.t("男", "male") : req.t("女", "female")),
            (req.t("年龄", "Age"), esc(req.age(birthDate: student.birthDate))),
            (req.t("户籍", "Hukou"), student.hukou == Hukou.local.rawValue ? req.t("本市户籍", "Shanghai") : req.t("外省市户籍", "other province")),
            (req.t("学校", "School"), school.map { "<a href=\"/schools/\(esc($0.id))\">\(esc($0.name))</a>" } ?? "—"),
            (req.t("年级", "Grade"), esc(student.grade.flatMap(Grade.init(rawValue:))?.label(req) ?? "—")),
            (req.t("班级", "Class"), esc(student.classNo.map(String.init) ?? "—")),
            (req.t("施教区", "Catchment zone"), esc(student.zoneId ?? "—")),
            (req.t("监护人", "Guardians"), esc(guardians.map { "\($0.name)（\($0.relation)）" }.joined(separator: "，"))),
        ]
        return Layout.render(req, title: student.name, body: "<dl class=\"facts\">\(facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>")
    }

    @Sendable func family(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID else {
            return req.redirect(to: AuthController().home(for: viewer.user))
        }
        let children = try await req.registry.children(ofGuardian: guardianID)
        var rows: [[String]] = []
        for child in children {
            let school = try await child.schoolId.asyncFlatMap { try await req.registry.school(id: $0) }
            rows.append(["<a href=\"/students/\(esc(child.id))\">\(esc(child.name))</a>", "<span class=\"id\">\(esc(child.maskedNationalId))</span>",
                         school.map { "<a href=\"/schools/\(esc($0.id))\">\(esc($0.name))</a>" } ?? "—",
                         esc(child.grade.flatMap(Grade.init(rawValue:))?.label(req) ?? "—")])
        }
        let body = try await AidController.familyNotices(req, children: children)
            + Table(headers: [req.t("姓名", "Name"), req.t("身份证件号", "ID number"), req.t("学校", "School"), req.t("年级", "Grade")], rows: rows).html
        return Layout.render(req, title: req.t("我的孩子", "My children"), body: body)
    }
}

extension Optional where Wrapped: Sendable {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
