import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// A pupil's record (staff in scope, or the child's guardians) and the family page.
struct StudentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("students", ":id", use: show)
        routes.post("students", ":id", "reveal", use: reveal)
        routes.get("family", use: family)
    }

    /// A pupil the viewer may see, with the school and the guardians the decision read.
    struct VisiblePupil {
        var student: StudentRecord
        var school: School?
        var guardianIDs: [String]
    }

    /// The student, if the viewer may see them: 404 when absent, 403 when outside the scope (the
    /// error middleware audits it). `teachersOfTheSchool` lets the pupil's school's teachers in,
    /// for the pages teachers work on (growth records); the pupil's registry page stays staff's.
    static func visiblePupil(_ req: Request, viewer: Viewer, id: String, teachersOfTheSchool: Bool = false) async throws -> VisiblePupil {
        guard let student = try await req.registry.student(id: id) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchPupil))) }
        let school = try await student.schoolId.asyncFlatMap { try await req.registry.school(id: $0) }
        let guardians = try await req.registry.guardianIDs(ofStudent: student.id)
        let teacherOfSchool = teachersOfTheSchool && viewer.scope.role == .teacher && student.schoolId != nil && viewer.scope.schoolID == student.schoolId
        guard teacherOfSchool || viewer.scope.canSeeStudent(schoolID: student.schoolId, schoolDistrict: school?.districtCode, guardianIDs: guardians) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.pupilOutsideScope)))
        }
        return VisiblePupil(student: student, school: school, guardianIDs: guardians)
    }

    static func visibleStudent(_ req: Request, viewer: Viewer, id: String) async throws -> StudentRecord {
        try await visiblePupil(req, viewer: viewer, id: id).student
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
        var model = PupilPage.Model(
            name: student.name, idNumber: revealed ? student.nationalId : student.maskedNationalId, isRevealed: revealed,
            revealAction: isStaff && !revealed ? "/students/\(student.id)/reveal" : nil,
            gender: Gender(rawValue: student.gender), age: MaskedBirth.age(birthDate: student.birthDate).map(Phrase.ageInYears),
            hukou: Hukou(rawValue: student.hukou), school: school.map { ($0.name, "/schools/\($0.id)") },
            grade: student.grade.flatMap(Grade.init(rawValue:)), classNumber: student.classNo,
            zone: try await zoneLabel(req, zoneID: student.zoneId),
            guardians: guardians.map { PupilPage.Guardian(name: $0.name, relation: .guardianRelation($0.relation)) })
        model.growthHref = "/students/\(student.id)/growth"
        return req.page(PupilPage.View(chrome: req.chrome(), model: model))
    }

    /// A catchment zone as families know it: by the primary school that serves it.
    private func zoneLabel(_ req: Request, zoneID: String?) async throws -> Phrase? {
        guard let zoneID, let zone = try await req.registry.zone(id: zoneID) else { return nil }
        let school = try await zone.primarySchoolID.asyncFlatMap { try await req.registry.school(id: $0) }
        let district = try await req.registry.district(code: zone.districtCode)
        return .catchmentZone(servedBy: school?.name, districtName: district?.name ?? "")
    }

    @Sendable func family(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID else {
            return req.redirect(to: AuthController().home(for: viewer.user))
        }
        let model = try await Self.familyModel(req, guardianID: guardianID)
        let declined = req.query[String.self, at: "declined"] != nil
        return req.page(FamilyPage.View(chrome: req.chrome(flash: declined ? .success(.forms(.saved)) : nil), model: model))
    }

    /// The guardian's children; what they can register for now; their published school-entry
    /// results with the reason, applicant id and public page; and their aid.
    static func familyModel(_ req: Request, guardianID: String) async throws -> FamilyPage.Model {
        let children = try await req.registry.children(ofGuardian: guardianID)
        var rows: [FamilyPage.Child] = []
        for child in children {
            let school = try await child.schoolId.asyncFlatMap { try await req.registry.school(id: $0) }
            rows.append(FamilyPage.Child(name: child.name, href: "/students/\(child.id)", maskedID: child.maskedNationalId,
                                         age: MaskedBirth.age(birthDate: child.birthDate).map(Phrase.ageInYears),
                                         school: school.map { FamilyPage.SchoolLink(name: $0.name, href: "/schools/\($0.id)") },
                                         grade: child.grade.flatMap(Grade.init(rawValue:)).map(Phrase.grade)))
        }
        let store = CampaignStore(req.db)
        let today = CaseDate.today()
        var registrations: [FamilyPage.Registration] = [], results: [FamilyPage.EntryResult] = []
        for campaign in try await store.campaigns() where campaign.status != .draft {
            let name = try await EnrollmentView.titlePhrase(req, campaign)
            let cutoffs = campaign.status == .published ? try await store.privateCutoffs(campaignID: campaign.id) : [:]
            for child in children {
                let application = try await store.application(campaignID: campaign.id, studentID: child.id)
                if application == nil, campaign.acceptsApplications(on: today), let birth = CaseDate(child.birthDate),
                   (try? campaign.checkEligible(birthDate: birth, currentGrade: child.grade.flatMap(Grade.init(rawValue:)))) != nil {
                    registrations.append(FamilyPage.Registration(childName: child.name, campaign: name,
                                                                 applyHref: "/enrollment/\(campaign.id)/apply/\(child.id)",
                                                                 closesOn: campaign.closesOn.description))
                }
                if campaign.status == .published, let application,
                   let placed = try await store.result(campaignID: campaign.id, applicantID: application.applicantId) {
                    let reason = try await EnrollmentView.placementReason(req, campaign: campaign, application: application, result: placed, cutoffs: cutoffs)
                    results.append(FamilyPage.EntryResult(childName: child.name, campaign: name, campaignID: campaign.id,
                                                          applicantID: application.applicantId, reason: Phrase(zh: reason.zh, en: reason.en)))
                }
            }
        }
        let notices = try await req.aid.notices(studentIDs: children.map(\.id)).map {
            FamilyPage.AidNotice(grantID: $0.grantId, childName: $0.studentName, policy: Phrase(zh: $0.policyName, en: $0.policyNameEn),
                                 amount: $0.yuan, schoolYear: $0.year, declined: $0.declined)
        }
        return FamilyPage.Model(children: rows, registrations: registrations, entryResults: results, aidNotices: notices,
                                familyEducation: try await HomeVisitController.familySection(req, children: children, today: today))
    }
}

extension Optional where Wrapped: Sendable {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
