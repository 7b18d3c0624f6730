import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// A district's review lists of teachers (/districts/CODE/teacher-reviews): hires from protected
/// provinces, promotions to school leadership against the rotation rule, and rotation experience for
/// 正高级/特级 appraisal. The district's and the city's staff only; every read and refusal is audited
/// and nothing is cached (names and careers are personal data).
struct TeacherReviewController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("districts", ":code", "teacher-reviews", use: page)
        for table in TeacherReviewsPage.Table.allCases {
            for format in [DownloadFormat.csv, .xlsx] {
                routes.get("districts", ":code", "teacher-reviews", "\(table.rawValue).\(format.rawValue)") { req in
                    try await download(req: req, table: table, as: format)
                }
            }
        }
    }

    private func model(_ req: Request) async throws -> TeacherReviewsPage.Model {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        guard viewer.scope.canSeeDistrict(code) else {
            try await Audit.record(req, action: "teacher-reviews-refused", subjectKind: "district", subjectIDs: [code], staffOnly: true)
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
        let filters = try Self.filters(req)
        let sort = try req.tableSort(keys: TeacherReviewsPage.sortableKeys, fallback: TeacherReviewsPage.defaultSorts[.poaching]!)
        let careers = try await TeacherHistoryStore(req.db).districtCareers(districtCode: code)
        let teachers = careers.teachers
        var schoolNames = careers.schoolNames
        let today = CaseDate.today(), rules = TeacherRules.shanghai
        let subjects = teachers.map { teacher in
            let history = careers.history(of: teacher.id)
            return TeacherReviews.Subject(teacherID: teacher.id, title: TeacherTitle(rawValue: teacher.title) ?? .none,
                                          keyLevel: KeyTeacherLevel(rawValue: teacher.keyLevel) ?? .none,
                                          appointments: history.appointments, rotations: history.rotations)
        }
        let hiredSince = today.adding(months: -36)
        let poaching = TeacherReviews.poachingConcerns(subjects, on: today, hiredSince: hiredSince, rules: rules)
        let promotions = TeacherReviews.promotionProposals(subjects, on: today, rules: rules)
        let appraisal = TeacherReviews.appraisal(subjects, on: today)
        // Leadership posts and rotations may be at schools of other districts.
        for id in Set(promotions.map(\.schoolID) + appraisal.flatMap(\.schoolIDs)) where schoolNames[id] == nil {
            schoolNames[id] = try await req.registry.school(id: id)?.name ?? id
        }
        let byID = Dictionary(uniqueKeysWithValues: teachers.map { ($0.id, $0) })
        func person(_ id: String) -> TeacherReviewsPage.Person {
            let teacher = byID[id]!
            return .init(teacherID: id, name: teacher.name, schoolName: schoolNames[teacher.schoolId] ?? teacher.schoolId)
        }
        return TeacherReviewsPage.Model(
            districtCode: code, districtName: district.name, hiredSince: hiredSince, requiredDays: rules.rotationDaysForPromotion,
            poaching: poaching.map { .init(person: person($0.teacherID), province: $0.province, hired: $0.hired, title: $0.title, keyLevel: $0.keyLevel) },
            promotions: promotions.map {
                .init(person: person($0.teacherID), post: $0.post, postSchoolName: schoolNames[$0.schoolID] ?? $0.schoolID, start: $0.start,
                      isAppointed: $0.isAppointed, rotationDays: $0.rotationDays, lacksRotation: $0.lacksRotation)
            },
            appraisal: appraisal.map {
                .init(person: person($0.teacherID), standing: $0.standing, keyLevel: $0.keyLevel, rotationDays: $0.rotationDays,
                      rotationCount: $0.rotations.count, kinds: $0.kinds, schoolNames: $0.schoolIDs.map { schoolNames[$0] ?? $0 })
            },
            filters: filters, sort: sort)
    }

    /// The filters in the address; a value not offered by the page is a 400 naming the field.
    static func filters(_ req: Request) throws -> TeacherReviewsPage.Filters {
        func value(_ name: String) -> String? { req.address.value(name).flatMap { $0.isEmpty ? nil : $0 } }
        var filters = TeacherReviewsPage.Filters()
        if let province = value("province") {
            guard TeacherRules.shanghai.protectedProvinces.contains(province) else {
                throw FieldProblem(field: "province", message: req.t(.teacherReviews(.notAChoice)))
            }
            filters.province = province
        }
        if let text = value("promotion") {
            guard let promotion = TeacherReviewsPage.Filters.Promotion(rawValue: text) else {
                throw FieldProblem(field: "promotion", message: req.t(.teacherReviews(.notAChoice)))
            }
            filters.promotion = promotion
        }
        if let text = value("standing") {
            guard let standing = TeacherReviews.AppraisalStanding(rawValue: text) else {
                throw FieldProblem(field: "standing", message: req.t(.teacherReviews(.notAChoice)))
            }
            filters.standing = standing
        }
        return filters
    }

    @Sendable func page(req: Request) async throws -> Response {
        let model = try await model(req)
        try await Audit.record(req, action: "teacher-reviews", subjectKind: "teacher", subjectIDs: model.shownTeacherIDs, staffOnly: true)
        return Self.neverCached(req.page(TeacherReviewsPage.View(chrome: req.chrome(), model: model, address: req.address)))
    }

    func download(req: Request, table: TeacherReviewsPage.Table, as format: DownloadFormat) async throws -> Response {
        let model = try await model(req)
        let tableModel = TeacherReviewsPage.table(table, model)
        let ids: [String] = switch table {
        case .poaching: model.shownPoaching.map(\.person.teacherID)
        case .promotion: model.shownPromotions.map(\.person.teacherID)
        case .appraisal: model.shownAppraisal.map(\.person.teacherID)
        }
        try await Audit.record(req, action: "teacher-reviews-export", subjectKind: "teacher", subjectIDs: ids, staffOnly: true)
        let response = try req.download(tableModel, name: "teacher-reviews-\(table.rawValue)-\(model.districtCode)", as: format)
        return Self.neverCached(response)
    }

    /// Teachers' names and careers are personal data: no cache keeps them.
    private static func neverCached(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
