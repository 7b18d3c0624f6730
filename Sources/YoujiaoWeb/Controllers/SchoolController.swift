import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// School directory (search, filters, pages), school page and its pupil list.
struct SchoolController {
    static let perPage = 50

    func register(_ routes: any RoutesBuilder) {
        routes.get("schools", use: directory)
        routes.get("schools.csv") { try await directoryDownload(req: $0, as: .csv) }
        routes.get("schools.xlsx") { try await directoryDownload(req: $0, as: .xlsx) }
        routes.get("schools", ":id", use: show)
        routes.get("schools", ":id", "students", use: pupils)
        routes.get("schools", ":id", "students.csv") { try await pupilsDownload(req: $0, as: .csv) }
        routes.get("schools", ":id", "students.xlsx") { try await pupilsDownload(req: $0, as: .xlsx) }
    }

    /// The filter of a request, narrowed to the viewer's district for district staff.
    static func filter(_ req: Request, viewer: Viewer) throws -> SchoolFilter {
        var filter = SchoolFilter(
            districtCode: (try? req.query.get(String.self, at: "district")).flatMap { $0.isEmpty ? nil : $0 },
            stage: (try? req.query.get(String.self, at: "stage")).flatMap(Stage.init(rawValue:)),
            ownership: (try? req.query.get(String.self, at: "ownership")).flatMap(Ownership.init(rawValue:)),
            text: try? req.query.get(String.self, at: "q"))
        switch viewer.scope.role {
        case .cityAdmin: break
        case .districtAdmin:
            if let asked = filter.districtCode, asked != viewer.scope.districtCode {
                throw Abort(.forbidden, reason: req.t(.refusal(.schoolsOfOtherDistrict)))
            }
            filter.districtCode = viewer.scope.districtCode
        case .schoolAdmin, .teacher, .guardian:
            throw Abort(.forbidden, reason: req.t(.refusal(.directoryStaffOnly)))
        }
        return filter
    }

    @Sendable func directory(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await Self.directoryModel(req, viewer: viewer, page: try req.pageRequest(perPage: Self.perPage))
        return req.page(SchoolDirectoryPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    /// The whole filtered directory, in the page's order and language.
    @Sendable func directoryDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await Self.directoryModel(req, viewer: viewer, page: .everything)
        return try req.download(SchoolDirectoryPage.table(model), name: "schools", as: format)
    }

    static func directoryModel(_ req: Request, viewer: Viewer, page: PageQuery) async throws -> SchoolDirectoryPage.Model {
        let filter = try Self.filter(req, viewer: viewer)
        let sort = try req.tableSort(keys: SchoolDirectoryPage.sortKeys, fallback: SchoolDirectoryPage.defaultSort)
        let result = try await req.registry.schools(filter, page: page, orderBy: RegistryStore.SchoolOrder(rawValue: sort.key) ?? .district,
                                                    ascending: sort.direction == .ascending)
        try req.requirePageExists(result)
        let districts = try await req.registry.districts().filter { viewer.scope.canSeeDistrict($0.code) }
        let names = Dictionary(uniqueKeysWithValues: districts.map { ($0.code, $0.name) })
        return SchoolDirectoryPage.Model(
            schools: result.items.map { SchoolDirectoryPage.SchoolRow($0, districtName: names[$0.districtCode] ?? $0.districtCode) },
            total: result.total, page: result.page, pageCount: result.pageCount,
            filters: SchoolDirectoryPage.Filters(text: filter.text ?? "", districtCode: filter.districtCode, stage: filter.stage, ownership: filter.ownership),
            districtChoices: districts.map { SchoolDirectoryPage.DistrictChoice(code: $0.code, name: $0.name) }, sort: sort)
    }

    /// The school, if the viewer may see it; 404 for no such school, 403 outside the scope.
    static func visibleSchool(_ req: Request, viewer: Viewer) async throws -> School {
        let id = req.parameters.get("id") ?? ""
        guard let school = try await req.registry.school(id: id) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchSchool))) }
        var childrenSchools: Set<String> = []
        if viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID {
            childrenSchools = Set(try await req.registry.children(ofGuardian: guardianID).compactMap(\.schoolId))
        }
        guard viewer.scope.canSeeSchool(id: school.id, districtCode: school.districtCode, childrenSchoolIDs: childrenSchools) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        return school
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let school = try await Self.visibleSchool(req, viewer: viewer)
        var model = SchoolPage.Model(
            school, districtName: try await req.registry.district(code: school.districtCode)?.name ?? school.districtCode,
            pupilsByGrade: try await req.registry.pupilsByGrade(schoolID: school.id), teachers: try await req.registry.teacherCount(schoolID: school.id),
            mayOpenDistrict: viewer.scope.canSeeDistrict(school.districtCode),
            mayListPupils: viewer.scope.canListPupils(schoolID: school.id, districtCode: school.districtCode))
        if viewer.scope.canListPupils(schoolID: school.id, districtCode: school.districtCode) {
            // The published campaigns this school admitted children in: its staff reach the lists from here.
            for campaign in try await CampaignStore(req.db).campaigns() where campaign.status == .published
                && (campaign.districtCode == nil || campaign.districtCode == school.districtCode) && school.stages.contains(campaign.stage) {
                model.admissionLists.append(SchoolPage.AdmissionList(
                    campaign: try await EnrollmentView.titlePhrase(req, campaign),
                    href: "/enrollment/\(campaign.id)/results.csv?school=\(school.id)"))
            }
        }
        if HomeVisitAccess.canRead(viewer.scope, schoolID: school.id, districtCode: school.districtCode) {
            model.homeVisitsHref = "/schools/\(school.id)/home-visits"
        }
        return req.page(SchoolPage.View(chrome: req.chrome(), model: model))
    }

    @Sendable func pupils(req: Request) async throws -> Response {
        let model = try await pupilsModel(req, page: try req.pageRequest(perPage: Self.perPage))
        return req.page(PupilsPage.View(chrome: req.chrome(), model: model, address: req.address))
    }

    /// The whole filtered list (masked numbers, ages), audited like the page.
    @Sendable func pupilsDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await pupilsModel(req, page: .everything)
        return try req.download(PupilsPage.table(model), name: "pupils", as: format)
    }

    /// A page of the school's pupils for staff in scope, every view written to the audit trail.
    private func pupilsModel(_ req: Request, page: PageQuery) async throws -> PupilsPage.Model {
        let viewer = try req.requireStaff()
        let school = try await Self.visibleSchool(req, viewer: viewer)
        guard viewer.scope.canListPupils(schoolID: school.id, districtCode: school.districtCode) else { throw Abort(.forbidden) }
        let name = (req.query[String.self, at: "name"] ?? "").trimmingCharacters(in: .whitespaces)
        let nameLimit = 50
        guard name.count <= nameLimit else { throw FieldProblem(field: "name", message: req.t(.refusal(.nameSearchTooLong(maximum: nameLimit)))) }
        let gradeText = req.query[String.self, at: "grade"] ?? ""
        guard gradeText.isEmpty || Grade(rawValue: gradeText) != nil else {
            throw FieldProblem(field: "grade", message: req.t(.refusal(.noSuchGrade)))
        }
        let filters = PupilsPage.Filters(name: name, grade: Grade(rawValue: gradeText))
        let sort = try req.tableSort(keys: PupilsPage.sortKeys, fallback: PupilsPage.defaultSort)
        let result = try await req.registry.students(schoolID: school.id, name: name, grade: filters.grade, page: page,
                                                     orderBy: RegistryStore.PupilOrder(rawValue: sort.key) ?? .grade,
                                                     ascending: sort.direction == .ascending)
        try req.requirePageExists(result)
        try await Audit.record(req, students: result.items, action: "list")
        let pupils = result.items.map { r in
            PupilsPage.Pupil(id: r.id, name: r.name, maskedID: r.maskedNationalId, gender: Gender(rawValue: r.gender),
                             age: MaskedBirth.age(birthDate: r.birthDate), grade: r.grade.flatMap(Grade.init(rawValue:)),
                             classNumber: r.classNo, hukou: Hukou(rawValue: r.hukou))
        }
        return PupilsPage.Model(schoolID: school.id, schoolName: school.name, pupils: pupils, total: result.total, page: result.page,
                                pageCount: result.pageCount, filters: filters, grades: school.stages.flatMap(\.grades), sort: sort)
    }
}


