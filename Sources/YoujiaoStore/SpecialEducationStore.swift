import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Which case files to load. `school` also returns files whose child merely was at the school;
/// callers narrow to `CaseFile.schoolID(on:)`.
public enum CaseFileFilter: Sendable, Equatable {
    case all
    case id(String)
    case student(String)
    case district(String)
    case school(String)
    case guardian(String)
}

/// 一人一案 case files: whole files in and out, and each `CaseChange` the rules allow. Every write
/// runs in a transaction (callers put the read-check-write of one change in `transaction`).
public struct SpecialEducationStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    // MARK: Reading

    public func caseFile(id: String) async throws -> CaseFile? {
        try await caseFiles(.id(id)).first
    }

    /// The id of a pupil's file, if there is one: what roles without access may learn.
    public func caseID(studentID: String) async throws -> String? {
        struct Row: Decodable { var id: String }
        return try await sql.all("SELECT id FROM sped_cases WHERE student_id = \(bind: studentID)", as: Row.self).first?.id
    }

    /// The case files the filter keeps, whole, each sub-record loaded with one query for all of them. The city's and a district's (the monitoring pages) are kept
    /// per version of the files and the registry (ComputedFigures); a school's or a family's are read.
    public func caseFiles(_ filter: CaseFileFilter) async throws -> [CaseFile] {
        switch filter {
        case .all, .district:
            try await ComputedFigures.shared.value("specialEducation.caseFiles.\(filter)", reading: [.specialEducation, .registry],
                                                   on: database) { try await SpecialEducationStore($0).readCaseFiles(filter) }
        case .id, .student, .school, .guardian:
            try await readCaseFiles(filter)
        }
    }

    private func readCaseFiles(_ filter: CaseFileFilter) async throws -> [CaseFile] {
        let condition = condition(filter)
        let cases = try await sql.all("""
            SELECT c.*, st.name, st.national_id, st.birth_date, st.school_id AS student_school_id
            FROM sped_cases c JOIN students st ON st.id = c.student_id
            WHERE \(condition) ORDER BY c.district_code, st.name, c.id
            """, as: CaseRow.self)
        guard !cases.isEmpty else { return [] }
        func rows<Row: Decodable>(_ select: SQLQueryString, _ type: Row.Type) async throws -> [String: [Row]] where Row: CaseOwned {
            Dictionary(grouping: try await sql.all(select, as: Row.self), by: \.caseId)
        }
        /// `table alias` joined to its case and pupil, so `condition` applies.
        func owned(_ table: String, _ alias: String, on column: String = "case_id", caseColumn: String = "id") -> SQLQueryString {
            "\(unsafeRaw: table) \(unsafeRaw: alias) JOIN sped_cases c ON c.\(unsafeRaw: caseColumn) = \(unsafeRaw: alias).\(unsafeRaw: column) JOIN students st ON st.id = c.student_id"
        }
        let assessments = try await rows("SELECT a.* FROM \(owned("sped_assessments", "a")) WHERE \(condition) ORDER BY a.assessed_on, a.id", AssessmentRow.self)
        let placements = try await rows("SELECT p.* FROM \(owned("sped_placements", "p")) WHERE \(condition) ORDER BY p.start_date", PlacementRow.self)
        let handOvers = try await rows("SELECT h.* FROM \(owned("sped_handovers", "h")) WHERE \(condition) ORDER BY h.handed_on, h.id", HandOverRow.self)
        let plans = try await rows("SELECT pl.* FROM \(owned("sped_plans", "pl")) WHERE \(condition) ORDER BY pl.start_date", PlanRow.self)
        let visits = try await rows("SELECT v.* FROM \(owned("sped_visits", "v")) WHERE \(condition) ORDER BY v.visited_on, v.id", VisitRow.self)
        let staff = try await rows("SELECT s.* FROM \(owned("sped_case_staff", "s")) WHERE \(condition) ORDER BY s.user_id", StaffRow.self)
        let guardians = try await rows("""
            SELECT c.id AS case_id, gc.guardian_id FROM \(owned("guardian_children", "gc", on: "student_id", caseColumn: "student_id"))
            WHERE \(condition) ORDER BY gc.guardian_id
            """, GuardianLinkRow.self)
        let planFrom: SQLQueryString = "JOIN sped_plans pl ON pl.id = x.plan_id JOIN sped_cases c ON c.id = pl.case_id JOIN students st ON st.id = c.student_id"
        let goals = Dictionary(grouping: try await sql.all("SELECT x.* FROM sped_goals x \(planFrom) WHERE \(condition) ORDER BY x.seq", as: GoalRow.self), by: \.planId)
        let services = Dictionary(grouping: try await sql.all("SELECT x.* FROM sped_services x \(planFrom) WHERE \(condition) ORDER BY x.seq", as: ServiceRow.self), by: \.planId)
        let reviews = Dictionary(grouping: try await sql.all("SELECT x.* FROM sped_reviews x \(planFrom) WHERE \(condition) ORDER BY x.reviewed_on, x.id", as: ReviewRow.self), by: \.planId)
        let results = Dictionary(grouping: try await sql.all("""
            SELECT rr.* FROM sped_review_results rr JOIN sped_reviews x ON x.id = rr.review_id \(planFrom) WHERE \(condition)
            """, as: ReviewResultRow.self), by: \.reviewId)
        return try cases.map { row in
            let planFiles = try (plans[row.id] ?? []).map { plan in
                PlanFile(plan: try plan.value, goals: try (goals[plan.id] ?? []).map { try $0.value },
                         services: try (services[plan.id] ?? []).map { try $0.value },
                         reviews: try (reviews[plan.id] ?? []).map { try $0.value(results: results[$0.id] ?? []) })
            }
            return CaseFile(caseRecord: try row.value, child: try row.child,
                            assessments: try (assessments[row.id] ?? []).map { try $0.value },
                            placements: try (placements[row.id] ?? []).map { try $0.value },
                            plans: planFiles, visits: try (visits[row.id] ?? []).map { try $0.value },
                            handOvers: try (handOvers[row.id] ?? []).map { try $0.value },
                            staffUserIDs: (staff[row.id] ?? []).map(\.userId), guardianIDs: (guardians[row.id] ?? []).map(\.guardianId))
        }
    }

    private func condition(_ filter: CaseFileFilter) -> SQLQueryString {
        switch filter {
        case .all: return "1 = 1"
        case .id(let id): return "c.id = \(bind: id)"
        case .student(let id): return "c.student_id = \(bind: id)"
        case .district(let code): return "c.district_code = \(bind: code)"
        case .school(let id):
            // The school's pupils' cases and the cases placed there, each found by its index (an OR
            // over the join would read every case and its pupil).
            return """
                c.id IN (SELECT sc.id FROM students sp JOIN sped_cases sc ON sc.student_id = sp.id WHERE sp.school_id = \(bind: id)
                         UNION SELECT case_id FROM sped_placements WHERE school_id = \(bind: id))
                """
        case .guardian(let id):
            return "c.student_id IN (SELECT student_id FROM guardian_children WHERE guardian_id = \(bind: id))"
        }
    }

    /// The supervision input of the enrollment-rate indicator (DISABLED-ENROLLMENT, ≥ 99%) for
    /// every district, computed from the case files on `date` (school year `date.schoolYear`).
    public func districtReports(on date: CaseDate) async throws -> [DistrictReport] {
        let districts = try await RegistryStore(database).districts().map(\.code)
        return SpecialEducationMonitoring.districtReports(try await caseFiles(.all), districtCodes: districts, on: date)
    }

    /// The district of a catchment zone: where a child without a school lives.
    public func residenceDistrict(zoneID: String) async throws -> String? {
        struct Row: Decodable { var districtCode: String }
        return try await sql.all("SELECT district_code FROM zones WHERE id = \(bind: zoneID)", as: Row.self).first?.districtCode
    }

    /// School-admin accounts of a school: those that may be named on a file.
    public func schoolAdmins(schoolID: String) async throws -> [UserRecord] {
        try await sql.all("""
            SELECT * FROM users WHERE role = \(bind: Role.schoolAdmin.rawValue) AND school_id = \(bind: schoolID) ORDER BY username
            """, as: UserRecord.self)
    }

    // MARK: Writing

    /// New files with everything in them (the new-case form, the import, the demo), in batches.
    public func insert(_ files: [CaseFile]) async throws {
        try await transaction { tx in
            try await tx.sql.insertBatched(into: "sped_cases", files.map { CaseRow.Stored($0.caseRecord, studentID: $0.child.studentID) })
            try await tx.sql.insertBatched(into: "sped_case_staff", files.flatMap { file in file.staffUserIDs.map { StaffRow(caseId: file.id, userId: $0) } })
            try await tx.sql.insertBatched(into: "sped_assessments", files.flatMap { file in file.assessments.map { AssessmentRow($0, caseID: file.id) } })
            try await tx.sql.insertBatched(into: "sped_placements", files.flatMap { file in file.placements.map { PlacementRow($0, caseID: file.id) } })
            try await tx.sql.insertBatched(into: "sped_handovers", files.flatMap { file in file.handOvers.map { HandOverRow($0, caseID: file.id) } })
            try await tx.insert(plans: files.flatMap { file in file.plans.map { (file.id, $0) } })
            try await tx.sql.insertBatched(into: "sped_visits", files.flatMap { file in file.visits.map { VisitRow($0, caseID: file.id) } })
        }
    }

    /// Stores one change the rules returned for the file `caseID`.
    public func save(_ change: CaseChange, caseID: String) async throws {
        try await transaction { tx in
            switch change {
            case .assessment(let assessment):
                try await tx.sql.insertBatched(into: "sped_assessments", [AssessmentRow(assessment, caseID: caseID)])
            case .placement(let placement, let closing):
                try await tx.close(closing)
                try await tx.sql.insertBatched(into: "sped_placements", [PlacementRow(placement, caseID: caseID)])
            case .plan(let plan, let shortening):
                try await tx.shorten(shortening)
                try await tx.insert(plans: [(caseID, plan)])
            case .goal(let goal, let planID):
                let seq = try await tx.nextSeq("sped_goals", planID: planID)
                try await tx.sql.insertBatched(into: "sped_goals", [GoalRow(goal, planID: planID, seq: seq)])
            case .service(let service, let planID):
                let seq = try await tx.nextSeq("sped_services", planID: planID)
                try await tx.sql.insertBatched(into: "sped_services", [ServiceRow(service, planID: planID, seq: seq)])
            case .review(let review, let planID):
                try await tx.insert(reviews: [(review, planID)])
            case .visit(let visit):
                try await tx.sql.insertBatched(into: "sped_visits", [VisitRow(visit, caseID: caseID)])
            case .handOver(let handOver, let closing, let placement, let shortening):
                try await tx.close(closing)
                try await tx.shorten(shortening)
                try await tx.sql.insertBatched(into: "sped_placements", [PlacementRow(placement, caseID: caseID)])
                try await tx.sql.insertBatched(into: "sped_handovers", [HandOverRow(handOver, caseID: caseID)])
                try await tx.sql.raw("UPDATE sped_cases SET stage = \(bind: handOver.toStage.rawValue) WHERE id = \(bind: caseID)").run()
            case .staff(let userIDs):
                try await tx.sql.insertBatched(into: "sped_case_staff", userIDs.map { StaffRow(caseId: caseID, userId: $0) })
            }
        }
    }

    private func close(_ placement: CasePlacement?) async throws {
        guard let placement else { return }
        try await sql.raw("UPDATE sped_placements SET end_date = \(bind: placement.endDate?.description) WHERE id = \(bind: placement.id)").run()
    }

    private func shorten(_ plan: IndividualPlan?) async throws {
        guard let plan else { return }
        try await sql.raw("""
            UPDATE sped_plans SET end_date = \(bind: plan.endDate.description), review_dates = \(bind: PlanRow.dates(plan.reviewDates))
            WHERE id = \(bind: plan.id)
            """).run()
    }

    /// New plans with their goals, services and reviews, each kind in batches.
    private func insert(plans: [(caseID: String, plan: PlanFile)]) async throws {
        try await sql.insertBatched(into: "sped_plans", plans.map { PlanRow($0.plan.plan, caseID: $0.caseID) })
        try await sql.insertBatched(into: "sped_goals", plans.flatMap { entry in
            entry.plan.goals.enumerated().map { GoalRow($1, planID: entry.plan.plan.id, seq: $0) }
        })
        try await sql.insertBatched(into: "sped_services", plans.flatMap { entry in
            entry.plan.services.enumerated().map { ServiceRow($1, planID: entry.plan.plan.id, seq: $0) }
        })
        try await insert(reviews: plans.flatMap { entry in entry.plan.reviews.map { ($0, entry.plan.plan.id) } })
    }

    private func insert(reviews: [(review: PlanReview, planID: String)]) async throws {
        try await sql.insertBatched(into: "sped_reviews", reviews.map { ReviewRow($0.review, planID: $0.planID) })
        try await sql.insertBatched(into: "sped_review_results", reviews.flatMap { entry in
            entry.review.goalResults.sorted { $0.key < $1.key }.map { ReviewResultRow(reviewId: entry.review.id, goalId: $0.key, result: $0.value.rawValue) }
        })
    }

    /// The position after the last goal or service of a plan.
    private func nextSeq(_ table: String, planID: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE plan_id = \(bind: planID)").first(decoding: CountRow.self)?.n ?? 0
    }
}

/// A stored value that does not read back as its type: the database was changed behind the app.
struct StoredValueError: Error, CustomStringConvertible {
    var table: String
    var column: String
    var value: String
    var description: String { "\(table).\(column) holds '\(value)', which the app does not know" }
}

func decodeStored<T>(_ value: String, _ parse: (String) -> T?, table: String, column: String) throws -> T {
    guard let parsed = parse(value) else { throw StoredValueError(table: table, column: column, value: value) }
    return parsed
}

protocol CaseOwned { var caseId: String { get } }

// Rows as stored; column names are the snake_case of the property names.

struct CaseRow: Decodable {
    var id: String
    var studentId: String
    var districtCode: String
    var stage: String
    @Sealed var category: String
    var level: Int
    var openedOn: String
    var name: String
    @Sealed var nationalId: String
    var birthDate: String
    var studentSchoolId: String?

    struct Stored: Encodable, Sendable {
        var id: String, studentId: String, districtCode: String, stage: String
        @Sealed var category: String
        var level: Int, openedOn: String
        init(_ c: SpecialEducationCase, studentID: String) {
            id = c.id; studentId = studentID; districtCode = c.districtCode; stage = c.stage.rawValue
            category = c.category.rawValue; level = c.level.rawValue; openedOn = c.openedOn.description
        }
    }

    var value: SpecialEducationCase {
        get throws {
            SpecialEducationCase(id: id, districtCode: districtCode,
                                 stage: try decodeStored(stage, Stage.init(rawValue:), table: "sped_cases", column: "stage"),
                                 category: try decodeStored(category, DisabilityCategory.init(rawValue:), table: "sped_cases", column: "category"),
                                 level: try decodeStored(String(level), { Int($0).flatMap(DisabilityLevel.init(rawValue:)) }, table: "sped_cases", column: "level"),
                                 openedOn: try decodeStored(openedOn, CaseDate.init, table: "sped_cases", column: "opened_on"))
        }
    }

    var child: CaseChild {
        get throws {
            CaseChild(studentID: studentId, name: name, nationalID: nationalId,
                      birthDate: try decodeStored(birthDate, CaseDate.init, table: "students", column: "birth_date"), schoolID: studentSchoolId)
        }
    }
}

struct StaffRow: Codable, Sendable, CaseOwned {
    var caseId: String
    var userId: String
}

struct GuardianLinkRow: Decodable, CaseOwned {
    var caseId: String
    var guardianId: String
}

struct AssessmentRow: Codable, Sendable, CaseOwned {
    var id: String, caseId: String, assessedOn: String, kind: String, assessor: String
    @Sealed var summary: String
    init(_ a: CaseAssessment, caseID: String) {
        id = a.id; caseId = caseID; assessedOn = a.date.description; kind = a.kind.rawValue; assessor = a.assessor; summary = a.summary
    }
    var value: CaseAssessment {
        get throws {
            CaseAssessment(id: id, date: try decodeStored(assessedOn, CaseDate.init, table: "sped_assessments", column: "assessed_on"),
                           kind: try decodeStored(kind, AssessmentKind.init(rawValue:), table: "sped_assessments", column: "kind"),
                           assessor: assessor, summary: summary)
        }
    }
}

struct PlacementRow: Codable, Sendable, CaseOwned {
    var id: String, caseId: String, kind: String, schoolId: String, stage: String, startDate: String, endDate: String?, visitsPerMonth: Int?
    init(_ p: CasePlacement, caseID: String) {
        id = p.id; caseId = caseID; kind = p.kind.rawValue; schoolId = p.schoolID; stage = p.stage.rawValue
        startDate = p.startDate.description; endDate = p.endDate?.description; visitsPerMonth = p.visitsPerMonth
    }
    var value: CasePlacement {
        get throws {
            CasePlacement(id: id, kind: try decodeStored(kind, PlacementKind.init(rawValue:), table: "sped_placements", column: "kind"),
                          schoolID: schoolId, stage: try decodeStored(stage, Stage.init(rawValue:), table: "sped_placements", column: "stage"),
                          startDate: try decodeStored(startDate, CaseDate.init, table: "sped_placements", column: "start_date"),
                          endDate: try endDate.map { try decodeStored($0, CaseDate.init, table: "sped_placements", column: "end_date") },
                          visitsPerMonth: visitsPerMonth)
        }
    }
}

struct HandOverRow: Codable, Sendable, CaseOwned {
    var id: String, caseId: String, handedOn: String, fromStage: String, toStage: String, fromSchoolId: String?, toSchoolId: String
    @Sealed var summary: String
    init(_ h: StageHandOver, caseID: String) {
        id = h.id; caseId = caseID; handedOn = h.date.description; fromStage = h.fromStage.rawValue; toStage = h.toStage.rawValue
        fromSchoolId = h.fromSchoolID; toSchoolId = h.toSchoolID; summary = h.summary
    }
    var value: StageHandOver {
        get throws {
            StageHandOver(id: id, date: try decodeStored(handedOn, CaseDate.init, table: "sped_handovers", column: "handed_on"),
                          fromStage: try decodeStored(fromStage, Stage.init(rawValue:), table: "sped_handovers", column: "from_stage"),
                          toStage: try decodeStored(toStage, Stage.init(rawValue:), table: "sped_handovers", column: "to_stage"),
                          fromSchoolID: fromSchoolId, toSchoolID: toSchoolId, summary: summary)
        }
    }
}

struct PlanRow: Codable, Sendable, CaseOwned {
    var id: String, caseId: String, startDate: String, endDate: String, reviewDates: String
    init(_ p: IndividualPlan, caseID: String) {
        id = p.id; caseId = caseID; startDate = p.startDate.description; endDate = p.endDate.description; reviewDates = PlanRow.dates(p.reviewDates)
    }
    static func dates(_ dates: [CaseDate]) -> String { dates.map(\.description).joined(separator: ";") }
    var value: IndividualPlan {
        get throws {
            IndividualPlan(id: id, startDate: try decodeStored(startDate, CaseDate.init, table: "sped_plans", column: "start_date"),
                           endDate: try decodeStored(endDate, CaseDate.init, table: "sped_plans", column: "end_date"),
                           reviewDates: try reviewDates.split(separator: ";").map {
                               try decodeStored(String($0), CaseDate.init, table: "sped_plans", column: "review_dates")
                           })
        }
    }
}

struct GoalRow: Codable, Sendable {
    var id: String, planId: String, seq: Int, description: String, criterion: String, targetDate: String?
    init(_ g: PlanGoal, planID: String, seq: Int) {
        id = g.id; planId = planID; self.seq = seq; description = g.description; criterion = g.criterion; targetDate = g.targetDate?.description
    }
    var value: PlanGoal {
        get throws {
            PlanGoal(id: id, description: description, criterion: criterion,
                     targetDate: try targetDate.map { try decodeStored($0, CaseDate.init, table: "sped_goals", column: "target_date") })
        }
    }
}

struct ServiceRow: Codable, Sendable {
    var id: String, planId: String, seq: Int, domain: String, description: String, provider: String, sessionsPerMonth: Int
    init(_ s: PlanService, planID: String, seq: Int) {
        id = s.id; planId = planID; self.seq = seq; domain = s.domain.rawValue; description = s.description; provider = s.provider
        sessionsPerMonth = s.sessionsPerMonth
    }
    var value: PlanService {
        get throws {
            PlanService(id: id, domain: try decodeStored(domain, ServiceDomain.init(rawValue:), table: "sped_services", column: "domain"),
                        description: description, provider: provider, sessionsPerMonth: sessionsPerMonth)
        }
    }
}

struct ReviewRow: Codable, Sendable {
    var id: String, planId: String, reviewedOn: String, outcome: String, summary: String
    init(_ r: PlanReview, planID: String) {
        id = r.id; planId = planID; reviewedOn = r.date.description; outcome = r.outcome.rawValue; summary = r.summary
    }
    func value(results: [ReviewResultRow]) throws -> PlanReview {
        PlanReview(id: id, date: try decodeStored(reviewedOn, CaseDate.init, table: "sped_reviews", column: "reviewed_on"),
                   outcome: try decodeStored(outcome, ReviewOutcome.init(rawValue:), table: "sped_reviews", column: "outcome"),
                   summary: summary,
                   goalResults: Dictionary(uniqueKeysWithValues: try results.map {
                       ($0.goalId, try decodeStored($0.result, GoalResult.init(rawValue:), table: "sped_review_results", column: "result"))
                   }))
    }
}

struct ReviewResultRow: Codable, Sendable {
    var reviewId: String, goalId: String, result: String
}

struct VisitRow: Codable, Sendable, CaseOwned {
    var id: String, caseId: String, placementId: String, visitedOn: String, teacher: String, minutes: Int, content: String
    init(_ v: HomeTeachingVisit, caseID: String) {
        id = v.id; caseId = caseID; placementId = v.placementID; visitedOn = v.date.description; teacher = v.teacher
        minutes = v.minutes; content = v.content
    }
    var value: HomeTeachingVisit {
        get throws {
            HomeTeachingVisit(id: id, placementID: placementId,
                              date: try decodeStored(visitedOn, CaseDate.init, table: "sped_visits", column: "visited_on"),
                              teacher: teacher, minutes: minutes, content: content)
        }
    }
}
