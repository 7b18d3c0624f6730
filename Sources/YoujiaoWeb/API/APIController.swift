import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// JSON API under /api/v1 for system clients (bearer token) and the signed-in browser.
/// The same scope checks as the pages; ID numbers always masked.
struct APIController {
    func register(_ routes: any RoutesBuilder) {
        let api = routes.grouped("api", "v1")
        api.get("openapi.json", use: openAPI)
        api.get("districts", use: districts)
        api.get("districts", ":code", use: district)
        api.get("schools", use: schools)
        api.get("schools", ":id", use: school)
        api.get("schools", ":id", "students", use: students)
        api.get("students", ":id", use: student)
    }

    struct DistrictJSON: Content {
        var code: String; var name: String; var zoneKind: String
        var stages: [StageJSON]
        struct StageJSON: Content { var stage: String; var schools: Int; var pupils: Int }
    }
    struct SchoolJSON: Content {
        var id: String; var name: String; var district: String; var stages: [String]; var ownership: String
        var inclusive: Bool; var boarding: Bool; var entrySeats: [String: Int]; var lat: Double; var lon: Double
        var schoolGroup: String; var newQualitySchool: Bool; var strengtheningProgramme: Bool
        init(_ s: School) {
            id = s.id; name = s.name; district = s.districtCode; stages = s.stages.map(\.rawValue); ownership = s.ownership.rawValue
            inclusive = s.countsAsInclusive; boarding = s.boarding
            entrySeats = Dictionary(uniqueKeysWithValues: s.entrySeats.map { ($0.key.rawValue, $0.value) })
            lat = s.latitude; lon = s.longitude; schoolGroup = s.schoolGroup
            newQualitySchool = s.newQualitySchool; strengtheningProgramme = s.strengtheningProgramme
        }
    }
    struct StudentJSON: Content {
        var id: String; var nationalIdMasked: String; var name: String; var gender: String; var birthYear: Int?
        var hukou: String; var zone: String?; var school: String?; var grade: String?; var classNumber: Int?
        init(_ s: StudentRecord) {
            id = s.id; nationalIdMasked = s.maskedNationalId; name = s.name; gender = s.gender; birthYear = MaskedBirth.year(birthDate: s.birthDate)
            hukou = s.hukou; zone = s.zoneId; school = s.schoolId; grade = s.grade; classNumber = s.classNo
        }
    }
    struct PageJSON<Item: Content>: Content { var items: [Item]; var total: Int; var page: Int; var perPage: Int }

    @Sendable func openAPI(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }

    @Sendable func districts(req: Request) async throws -> [DistrictJSON] {
        let viewer = try req.requireStaff()
        let rows = try await DashboardController.query(on: req.registry)
        return rows.filter { viewer.scope.canSeeDistrict($0.district.code) }.map(Self.json)
    }

    @Sendable func district(req: Request) async throws -> DistrictJSON {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let row = try await DashboardController.query(on: req.registry, only: code).first else { throw Abort(.notFound, reason: "no district \(code)") }
        guard viewer.scope.canSeeDistrict(code) else { throw Abort(.forbidden, reason: "district \(code) is outside your scope") }
        return Self.json(row)
    }

    static func json(_ row: DashboardController.DistrictRow) -> DistrictJSON {
        DistrictJSON(code: row.district.code, name: row.district.name, zoneKind: row.district.zoneKind.rawValue,
                     stages: row.totals.values.sorted { $0.stage < $1.stage }.map { .init(stage: $0.stage.rawValue, schools: $0.schools, pupils: $0.pupils) })
    }

    @Sendable func schools(req: Request) async throws -> PageJSON<SchoolJSON> {
        let viewer = try req.requireStaff()
        let filter = try SchoolController.filter(req, viewer: viewer)
        let result = try await req.registry.schools(filter, page: try req.pageRequest(perPage: 50, maxPerPage: 500))
        return PageJSON(items: result.items.map(SchoolJSON.init), total: result.total, page: result.page, perPage: result.perPage)
    }

    @Sendable func school(req: Request) async throws -> SchoolJSON {
        let viewer = try req.requireViewer()
        return SchoolJSON(try await SchoolController.visibleSchool(req, viewer: viewer))
    }

    @Sendable func students(req: Request) async throws -> PageJSON<StudentJSON> {
        let viewer = try req.requireStaff()
        let school = try await SchoolController.visibleSchool(req, viewer: viewer)
        guard viewer.scope.canListPupils(schoolID: school.id, districtCode: school.districtCode) else { throw Abort(.forbidden) }
        let result = try await req.registry.students(schoolID: school.id, page: try req.pageRequest(perPage: 50, maxPerPage: 500))
        try await Audit.record(req, students: result.items, action: "api-list")
        return PageJSON(items: result.items.map(StudentJSON.init), total: result.total, page: result.page, perPage: result.perPage)
    }

    @Sendable func student(req: Request) async throws -> StudentJSON {
        let viewer = try req.requireViewer()
        let student = try await StudentController.visibleStudent(req, viewer: viewer, id: req.parameters.get("id") ?? "")
        try await Audit.record(req, students: [student], action: "api-view")
        return StudentJSON(student)
    }
}
