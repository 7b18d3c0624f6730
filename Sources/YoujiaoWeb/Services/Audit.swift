import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The one way into the audit trail: who read or did what to which record, when, through which
/// route — including what they were refused.
enum Audit {
    /// Events about `subjects` of one kind by the signed-in viewer; `staffOnly` skips guardians
    /// reading their own children.
    static func record(_ req: Request, action: String, subjectKind: String, subjectIDs: [String],
                       detail: (String) -> String = { _ in "" }, staffOnly: Bool = false) async throws {
        guard let viewer = req.viewer, !subjectIDs.isEmpty, !staffOnly || viewer.user.roleValue.isEmployee else { return }
        let route = "\(req.method.rawValue) \(req.url.path)"
        try await req.accounts.record(subjectIDs.map {
            AuditEventRecord(actorId: viewer.user.id, actorName: viewer.user.username, action: action, route: route,
                             subjectKind: subjectKind, subjectId: $0, detail: detail($0))
        })
    }

    /// Staff reads of pupils' personal data.
    static func record(_ req: Request, students: [StudentRecord], action: String) async throws {
        try await record(req, studentIDs: students.map(\.id), action: action)
    }

    static func record(_ req: Request, studentIDs: [String], action: String) async throws {
        try await record(req, action: action, subjectKind: "student", subjectIDs: studentIDs, staffOnly: true)
    }

    /// Reads of case files, by anyone (guardians too): the file's existence is itself sensitive.
    static func record(_ req: Request, caseFiles: [CaseFile], action: String) async throws {
        let students = Dictionary(uniqueKeysWithValues: caseFiles.map { ($0.id, $0.child.studentID) })
        try await record(req, action: action, subjectKind: "special-education-case", subjectIDs: caseFiles.map(\.id),
                         detail: { "student \(students[$0] ?? "")" })
    }

    /// Sign-ins, second factors and sign-outs, from where and with what outcome. A name typed for an
    /// account that does not exist is not kept (it is often a password typed in the wrong field).
    static func signIn(_ req: Request, action: String, user: UserRecord?, detail: String = "") async throws {
        MetricsExport.signIn(action)
        let address = req.clientAddress
        try await req.accounts.record([AuditEventRecord(
            actorId: user?.id, actorName: user?.username ?? "(unknown account)", action: action,
            route: "\(req.method.rawValue) \(req.url.path)", subjectKind: "account", subjectId: user?.id ?? "-",
            detail: ([address.map { "from \($0)" }, detail.isEmpty ? nil : detail].compactMap { $0 }).joined(separator: "; "))])
    }

    /// A request refused for lack of scope or role (403), so probing leaves a trace.
    static func refusal(_ req: Request, reason: String) async {
        guard let viewer = req.viewer else { return }
        let event = AuditEventRecord(actorId: viewer.user.id, actorName: viewer.user.username, action: "refused",
                                     route: "\(req.method.rawValue) \(req.url.path)", subjectKind: "route", subjectId: req.url.path,
                                     detail: String(reason.prefix(200)))
        do { try await req.accounts.record([event]) } catch {
            req.logger.error("could not audit a refusal of \(req.url.path): \(error)")
        }
    }
}
