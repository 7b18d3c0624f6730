import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// A district's 交流轮岗 rounds: needs, the plan and its swaps, approval into rotation terms, and
/// the terms' progress. Every step that changes a round locks its row first, so two officials
/// acting at once get one success and one refusal, never a half-applied plan.
public struct RotationRoundStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    struct RoundRow: Codable, Sendable {
        var id: String; var districtCode: String; var year: Int; var status: String; var planJson: String?; var createdAt: String; var approvedAt: String?
        var round: RotationRound? {
            RotationRound.Status(rawValue: status).map { RotationRound(districtCode: districtCode, year: year, status: $0) }
        }
    }
    struct NeedRow: Codable, Sendable {
        var id: String; var roundId: String; var schoolId: String; var subject: String; var stage: String; var count: Int; var kind: String
        var priority: Int; var state: String; var checkReason: String?; var enteredAt: String
        var entry: RotationNeedEntry? {
            guard let stage = Stage(rawValue: stage), let kind = RotationNeedKind(rawValue: kind), let state = RotationNeedEntry.State(rawValue: state) else { return nil }
            return RotationNeedEntry(id: id, schoolID: schoolId, subject: subject, stage: stage, count: count, kind: kind, priority: priority,
                                     state: state, checkReason: checkReason)
        }
    }
    struct AssignmentRow: Codable, Sendable {
        var roundId: String; var teacherId: String; var needId: String; var fromSchoolId: String; var toSchoolId: String; var isKey: Bool
        var commuteChangeMetres: Int; var swapReason: String?
        init(roundID: String, _ a: RotationRoundAssignment) {
            roundId = roundID; teacherId = a.teacherID; needId = a.needID; fromSchoolId = a.fromSchoolID; toSchoolId = a.toSchoolID
            isKey = a.isKey; commuteChangeMetres = a.commuteChangeMetres; swapReason = a.swapReason
        }
        var assignment: RotationRoundAssignment {
            RotationRoundAssignment(teacherID: teacherId, needID: needId, fromSchoolID: fromSchoolId, toSchoolID: toSchoolId, isKey: isKey,
                                    commuteChangeMetres: commuteChangeMetres, swapReason: swapReason)
        }
    }

    public static let changedMeanwhile = CampaignProblem("status", zh: "这一轮交流计划的状态已经改变，请刷新页面。",
                                                   en: "This rotation round has changed meanwhile; reload the page.")

    // MARK: Rounds

    public func round(districtCode: String, year: Int) async throws -> RotationRound? {
        try await sql.all("SELECT * FROM rotation_rounds WHERE district_code = \(bind: districtCode) AND year = \(bind: year)",
                          as: RoundRow.self).first?.round
    }

    /// A district's rounds, latest year first.
    public func rounds(districtCode: String) async throws -> [RotationRound] {
        try await sql.all("SELECT * FROM rotation_rounds WHERE district_code = \(bind: districtCode) ORDER BY year DESC", as: RoundRow.self)
            .compactMap(\.round)
    }

    /// Opens a round; the unique (district, year) decides between two officials opening it at once.
    public func create(_ round: RotationRound, at now: Date = Date()) async throws {
        do {
            try await sql.insert(into: "rotation_rounds").model(RoundRow(
                id: round.id, districtCode: round.districtCode, year: round.year, status: RotationRound.Status.collecting.rawValue, planJson: nil,
                createdAt: Timestamp.string(now), approvedAt: nil), with: CampaignStore.encoder).run()
        } catch {
            if try await self.round(districtCode: round.districtCode, year: round.year) != nil {
                throw CampaignProblem("year", zh: "\(round.year) 学年的交流轮岗计划已经存在。", en: "The \(round.year) rotation round exists already.")
            }
            throw error
        }
    }

    /// Locks the round's row for the rest of the transaction and checks it is in one of `allowed`.
    private func lock(_ id: String, allowed: Set<RotationRound.Status>) async throws -> RotationRound {
        try await takeLock(.rotationRound, "UPDATE rotation_rounds SET status = status WHERE id = \(bind: id)")
        guard let round = try await sql.all("SELECT * FROM rotation_rounds WHERE id = \(bind: id)", as: RoundRow.self).first?.round,
              allowed.contains(round.status) else { throw Self.changedMeanwhile }
        return round
    }

    // MARK: Needs

    /// The round's needs, one school's when `schoolID` is given, in school then entry order.
    public func needs(roundID: String, schoolID: String? = nil) async throws -> [RotationNeedEntry] {
        var query: SQLQueryString = "SELECT * FROM rotation_needs WHERE round_id = \(bind: roundID)"
        if let schoolID { query += " AND school_id = \(bind: schoolID)" }
        query += " ORDER BY school_id, entered_at, id"
        return try await sql.all(query, as: NeedRow.self).compactMap(\.entry)
    }

    /// A school's new need, while the round collects needs.
    public func add(_ need: RotationNeedEntry, roundID: String, at now: Date = Date()) async throws {
        try await transaction { tx in
            _ = try await tx.lock(roundID, allowed: [.collecting])
            try await tx.sql.insert(into: "rotation_needs").model(NeedRow(
                id: need.id, roundId: roundID, schoolId: need.schoolID, subject: need.subject, stage: need.stage.rawValue, count: need.count,
                kind: need.kind.rawValue, priority: need.priority, state: RotationNeedEntry.State.pending.rawValue, checkReason: nil,
                enteredAt: Timestamp.string(now)), with: CampaignStore.encoder).run()
        }
    }

    /// The district's check of a need, while the round collects needs.
    public func check(needID: String, roundID: String, state: RotationNeedEntry.State, reason: String?) async throws {
        try await transaction { tx in
            _ = try await tx.lock(roundID, allowed: [.collecting])
            try await tx.sql.update("rotation_needs").set("state", to: state.rawValue).set("check_reason", to: reason)
                .where("id", .equal, needID).where("round_id", .equal, roundID).run()
        }
    }

    // MARK: The plan

    public func assignments(roundID: String) async throws -> [RotationRoundAssignment] {
        try await sql.all("SELECT * FROM rotation_assignments WHERE round_id = \(bind: roundID) ORDER BY need_id, teacher_id",
                          as: AssignmentRow.self).map(\.assignment)
    }

    /// The optimiser's plan as proposed (its shortfalls and binding constraints), nil before planning.
    public func proposedPlan(roundID: String) async throws -> RotationPlan? {
        guard let json = try await sql.all("SELECT * FROM rotation_rounds WHERE id = \(bind: roundID)", as: RoundRow.self).first?.planJson else { return nil }
        return try JSONDecoder().decode(RotationPlan.self, from: Data(json.utf8))
    }

    /// Stores a new plan in place of any earlier one (swaps included): collecting or planned → planned.
    /// `make` runs inside the lock, on the accepted needs as they are at that moment.
    public func plan(roundID: String, make: @escaping @Sendable ([RotationNeedEntry]) async throws -> RotationPlan) async throws -> RotationPlan {
        try await transaction { tx in
            _ = try await tx.lock(roundID, allowed: [.collecting, .planned])
            let accepted = try await tx.needs(roundID: roundID).filter { $0.state == .accepted }
            guard !accepted.isEmpty else {
                throw CampaignProblem("needs", zh: "还没有已通过审核的需求，不能生成方案。", en: "No need has been accepted yet: there is nothing to plan.")
            }
            let plan = try await make(accepted)
            try await tx.sql.delete(from: "rotation_assignments").where("round_id", .equal, roundID).run()
            try await tx.sql.insertBatched(into: "rotation_assignments", plan.assignments.map { AssignmentRow(roundID: roundID, RotationRoundAssignment($0)) })
            let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
            try await tx.sql.update("rotation_rounds").set("status", to: RotationRound.Status.planned.rawValue).set("plan_json", to: json)
                .where("id", .equal, roundID).run()
            return plan
        }
    }

    /// Back to collecting needs: the plan and its swaps are dropped.
    public func reopen(roundID: String) async throws {
        try await transaction { tx in
            _ = try await tx.lock(roundID, allowed: [.planned])
            try await tx.sql.delete(from: "rotation_assignments").where("round_id", .equal, roundID).run()
            try await tx.sql.update("rotation_rounds").set("status", to: RotationRound.Status.collecting.rawValue).set("plan_json", to: SQLLiteral.null)
                .where("id", .equal, roundID).run()
        }
    }

    /// Puts `replacement` on `current`'s seat while the round is planned. The unique (round, teacher)
    /// decides between two swaps choosing the same teacher at once.
    public func swap(roundID: String, replacing teacherID: String, with replacement: RotationRoundAssignment) async throws {
        try await transaction { tx in
            _ = try await tx.lock(roundID, allowed: [.planned])
            let current = try await tx.assignments(roundID: roundID)
            guard current.contains(where: { $0.teacherID == teacherID }), !current.contains(where: { $0.teacherID == replacement.teacherID }) else {
                throw Self.changedMeanwhile
            }
            try await tx.sql.delete(from: "rotation_assignments").where("round_id", .equal, roundID).where("teacher_id", .equal, teacherID).run()
            try await tx.sql.insert(into: "rotation_assignments").model(AssignmentRow(roundID: roundID, replacement), with: CampaignStore.encoder).run()
        }
    }

    /// planned → approved: the plan's assignments become rotation terms (status approved) and the
    /// eligible teachers per school are kept as supervision's base for this year.
    public func approve(roundID: String, eligibleBySchool: [String: Int], rules: TeacherRules, at now: Date = Date()) async throws -> Int {
        try await transaction { tx in
            let round = try await tx.lock(roundID, allowed: [.planned])
            let needs = Dictionary(uniqueKeysWithValues: try await tx.needs(roundID: roundID).map { ($0.id, $0) })
            let assignments = try await tx.assignments(roundID: roundID)
            struct TermRow: Codable, Sendable {
                var id: String; var teacherId: String; var fromSchoolId: String; var toSchoolId: String; var start: String; var plannedEnd: String
                var kind: String; var status: String; var roundId: String
            }
            let terms = assignments.map { a in
                let kind = TeacherRotation.Kind(needs[a.needID]?.kind ?? .group)
                return TermRow(id: UUID().uuidString.lowercased(), teacherId: a.teacherID, fromSchoolId: a.fromSchoolID, toSchoolId: a.toSchoolID,
                               start: round.startDate.description, plannedEnd: round.plannedEnd(for: kind, rules: rules).description,
                               kind: kind.rawValue, status: TeacherRotation.Status.approved.rawValue, roundId: roundID)
            }
            do { try await tx.sql.insertBatched(into: "teacher_rotation_terms", terms) } catch {
                throw CampaignProblem("plan", zh: "方案中有教师在同一天已有一段交流记录，请调整人选后再批准。",
                                      en: "A teacher on the plan already has a term starting that day; change them before approving.")
            }
            struct EligibleRow: Codable, Sendable { var roundId: String; var schoolId: String; var eligible: Int }
            try await tx.sql.insertBatched(into: "rotation_round_eligible", eligibleBySchool.sorted { $0.key < $1.key }.map {
                EligibleRow(roundId: roundID, schoolId: $0.key, eligible: $0.value)
            })
            try await tx.sql.update("rotation_rounds").set("status", to: RotationRound.Status.approved.rawValue)
                .set("approved_at", to: Timestamp.string(now)).where("id", .equal, roundID).run()
            return terms.count
        }
    }

    /// The district's eligible teachers counted when the plan was approved.
    public func eligibleAtApproval(roundID: String) async throws -> Int {
        // Summed here: PostgreSQL's SUM of a bigint column is a numeric, which does not decode as Int.
        struct Row: Decodable { var eligible: Int }
        return try await sql.all("SELECT eligible FROM rotation_round_eligible WHERE round_id = \(bind: roundID)", as: Row.self)
            .reduce(0) { $0 + $1.eligible }
    }

    // MARK: Terms

    /// The approved round's terms by teacher row id.
    public func terms(roundID: String) async throws -> [String: TeacherRotation] {
        struct Row: Decodable {
            var teacherId: String; var fromSchoolId: String; var toSchoolId: String; var start: String; var plannedEnd: String; var kind: String; var status: String
        }
        var result: [String: TeacherRotation] = [:]
        for row in try await sql.all("SELECT * FROM teacher_rotation_terms WHERE round_id = \(bind: roundID)", as: Row.self) {
            guard let kind = TeacherRotation.Kind(rawValue: row.kind), let status = TeacherRotation.Status(rawValue: row.status),
                  let start = CaseDate(row.start), let end = CaseDate(row.plannedEnd) else { continue }
            // The ID number is not needed here: the page names teachers by the registry.
            result[row.teacherId] = TeacherRotation(teacherNationalID: "", fromSchoolID: row.fromSchoolId, toSchoolID: row.toSchoolId,
                                                    start: start, plannedEnd: end, kind: kind, status: status)
        }
        return result
    }

    /// One step of a term (arrived, returned, cancelled). The update names the status it read, so of
    /// two officials taking a step at once, one changes the row and the other is refused.
    public func advance(roundID: String, teacherID: String, step: RotationTermProgress.Step, on day: CaseDate, reason: String) async throws -> TeacherRotation.Status {
        try await transaction { tx in
            // The row lock makes a second official's step read the status the first one wrote.
            try await tx.takeLock(.rotationTerm, """
                UPDATE teacher_rotation_terms SET status = status WHERE round_id = \(bind: roundID) AND teacher_id = \(bind: teacherID)
                """)
            guard let term = try await tx.terms(roundID: roundID)[teacherID] else { throw Self.changedMeanwhile }
            let next = try RotationTermProgress.next(from: term, step: step, on: day, reason: reason)
            try await tx.sql.update("teacher_rotation_terms").set("status", to: next.rawValue)
                .where("round_id", .equal, roundID).where("teacher_id", .equal, teacherID).run()
            return next
        }
    }

    // MARK: Supervision

    /// Rotation figures per school of `scope` from the approved rounds of `year` (supervision
    /// prefers them to imported reports).
    public func recordedCounts(year: Int, scope: SupervisionScope = .city) async throws -> [String: RotationCounts] {
        struct Eligible: Decodable { var schoolId: String; var eligible: Int }
        struct Term: Decodable { var fromSchoolId: String; var keyLevel: String }
        var eligibleQuery: SQLQueryString = """
            SELECT e.school_id, e.eligible FROM rotation_round_eligible e JOIN rotation_rounds r ON r.id = e.round_id
            WHERE r.year = \(bind: year) AND r.status = 'approved'
            """
        var termQuery: SQLQueryString = """
            SELECT t.from_school_id, te.key_level FROM teacher_rotation_terms t JOIN rotation_rounds r ON r.id = t.round_id
            JOIN teachers te ON te.id = t.teacher_id
            WHERE r.year = \(bind: year) AND r.status = 'approved' AND t.status <> 'cancelled'
            """
        switch scope {
        case .city: break
        case .district(let code):
            eligibleQuery += " AND r.district_code = \(bind: code)"
            termQuery += " AND r.district_code = \(bind: code)"
        case .school(let id):
            eligibleQuery += " AND e.school_id = \(bind: id)"
            termQuery += " AND t.from_school_id = \(bind: id)"
        }
        let eligible = try await sql.all(eligibleQuery, as: Eligible.self)
        guard !eligible.isEmpty else { return [:] }
        let terms = try await sql.all(termQuery, as: Term.self)
        return RotationRecordCounts.counts(
            eligibleBySchool: Dictionary(eligible.map { ($0.schoolId, $0.eligible) }, uniquingKeysWith: +),
            terms: terms.map { .init(fromSchoolID: $0.fromSchoolId, isKey: KeyTeacherLevel(rawValue: $0.keyLevel)?.isDistrictOrAbove ?? false) })
    }
}
