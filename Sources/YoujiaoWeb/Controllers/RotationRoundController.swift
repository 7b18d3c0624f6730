import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// A district's 交流轮岗 round per school year (docs/teachers.md): receiving schools enter needs,
/// the district checks them, the optimiser (`RotationPlanner`) proposes, the district swaps with a
/// reason and approves, then follows each term to the teacher's return. Who may do what is
/// `RotationRoundAccess`'s; pages name teachers, so every read is audited and never cached.
struct RotationRoundController {
    func register(_ routes: any RoutesBuilder) {
        let district = routes.grouped("districts", ":code", "rotation")
        district.get("rounds", use: list)
        district.post("rounds", use: open)
        district.get("rounds.csv") { try await listDownload(req: $0, as: .csv) }
        district.get("rounds.xlsx") { try await listDownload(req: $0, as: .xlsx) }
        let round = district.grouped(":year")
        round.get(use: show)
        round.post("needs", use: addNeed)
        round.get("needs", ":need", use: checkPage)
        round.post("needs", ":need", use: check)
        round.post("plan") { try await plan(req: $0, confirmed: false) }
        for kind in [RotationRoundItemPage.ConfirmKind.approve, .replan, .reopen] {
            round.get(PathComponent(stringLiteral: kind.rawValue)) { try await confirmPage(req: $0, kind: kind) }
            round.post(PathComponent(stringLiteral: kind.rawValue)) { try await confirmed(req: $0, kind: kind) }
        }
        round.get("swap", ":teacher", use: swapPage)
        round.post("swap", ":teacher", use: swap)
        round.get("terms", ":teacher", use: termPage)
        round.post("terms", ":teacher", use: termStep)
        for table in ["needs", "plan", "terms"] {
            round.get(PathComponent(stringLiteral: "\(table).csv")) { try await download(req: $0, table: table, as: .csv) }
            round.get(PathComponent(stringLiteral: "\(table).xlsx")) { try await download(req: $0, table: table, as: .xlsx) }
        }
    }

    // MARK: Context

    /// What every page of a district's rounds needs: the viewer, the district, its schools.
    struct District {
        var viewer: Viewer
        var code: String
        var name: String
        var schools: [String: School]
        var mayManage: Bool
        /// A school admin's own school (its part of the round).
        var ownSchoolID: String?
    }

    private func district(_ req: Request) async throws -> District {
        let viewer = try req.requireStaff()
        let code = req.parameters.get("code") ?? ""
        guard let district = try await req.registry.district(code: code) else { throw Abort(.notFound, reason: req.t(.refusal(.noSuchDistrict))) }
        var ownSchool: School?
        if let id = viewer.scope.schoolID { ownSchool = try await req.registry.school(id: id) }
        guard RotationRoundAccess.canSee(viewer.scope, districtCode: code, schoolDistrict: ownSchool?.districtCode) else {
            try await Audit.record(req, action: "rotation-round-refused", subjectKind: "district", subjectIDs: [code])
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
        let schools = try await req.registry.schools(SchoolFilter(districtCode: code), page: .everything).items
        return District(viewer: viewer, code: code, name: district.name, schools: Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0) }),
                        mayManage: RotationRoundAccess.canManage(viewer.scope, districtCode: code),
                        ownSchoolID: viewer.scope.role == .schoolAdmin ? ownSchool?.id : nil)
    }

    private func requireManager(_ req: Request, _ district: District) async throws {
        guard district.mayManage else {
            try await Audit.record(req, action: "rotation-round-refused", subjectKind: "district", subjectIDs: [district.code])
            throw Abort(.forbidden, reason: req.t(.refusal(.districtOutsideScope)))
        }
    }

    private func round(_ req: Request, _ district: District) async throws -> RotationRound {
        guard let year = req.parameters.get("year").flatMap({ $0.count == 4 ? Int($0) : nil }),
              let round = try await RotationRoundStore(req.db).round(districtCode: district.code, year: year) else {
            throw Abort(.notFound, reason: req.t(.rotationRounds(.noRounds)))
        }
        return round
    }

    /// The district's teachers with their standing on the round's first day: who is eligible and
    /// the planner's view of them. The registry holds no home address, so a teacher's current
    /// school stands in for their home (the commute change is the distance between the schools).
    struct Staff {
        var teachers: [String: TeacherRecord]
        var eligible: [RotationTeacher]
        var eligibleBySchool: [String: Int]
    }

    private func staff(_ req: Request, _ district: District, on day: CaseDate) async throws -> Staff {
        let careers = try await TeacherHistoryStore(req.db).districtCareers(districtCode: district.code)
        let teachers = careers.teachers
        var eligibleBySchool = Dictionary(uniqueKeysWithValues: district.schools.values.filter { $0.ownership == .public }.map { ($0.id, 0) })
        var eligible: [RotationTeacher] = []
        let homes = try await TeacherHomeStore(req.db).homes(teacherIDs: teachers.map(\.id))
        for teacher in teachers {
            // The rotation rule binds public schools' teachers (公办); private schools take no part.
            guard let school = district.schools[teacher.schoolId], school.ownership == .public else { continue }
            let history = careers.history(of: teacher.id)
            guard RotationEligibility(nationalID: teacher.nationalId, appointments: history.appointments, rotations: history.rotations,
                                      on: day, rules: .shanghai).isEligible else { continue }
            eligibleBySchool[school.id, default: 0] += 1
            eligible.append(RotationTeacher(id: teacher.id, currentSchoolID: school.id, subject: teacher.subject, stage: RotationTeacher.stage(teachingAt: school.stages),
                                            isKey: KeyTeacherLevel(rawValue: teacher.keyLevel)?.isDistrictOrAbove ?? false,
                                            // Without a home on file the current school stands in: its commute change is school to school.
                                            homeLatitude: homes[teacher.id]?.latitude ?? school.latitude,
                                            homeLongitude: homes[teacher.id]?.longitude ?? school.longitude))
        }
        return Staff(teachers: Dictionary(uniqueKeysWithValues: teachers.map { ($0.id, $0) }), eligible: eligible, eligibleBySchool: eligibleBySchool)
    }

    private func rotationSchools(_ district: District) -> [RotationSchool] {
        district.schools.values.map { RotationSchool(id: $0.id, latitude: $0.latitude, longitude: $0.longitude, districtCode: district.code) }
    }

    // MARK: The list of rounds

    @Sendable func list(req: Request) async throws -> Response {
        let district = try await district(req)
        let model = try await listModel(req, district, typedYear: "", problem: nil)
        let flash: Flash? = req.query[String.self, at: "opened"] == nil ? nil : .success(.rotationRounds(.savedOpen))
        return req.page(RotationRoundsPage.View(chrome: req.chrome(flash: flash), model: model, address: req.address))
    }

    private func listModel(_ req: Request, _ district: District, typedYear: String, problem: CampaignProblem?) async throws -> RotationRoundsPage.Model {
        let store = RotationRoundStore(req.db)
        var rows: [RotationRoundsPage.Row] = []
        for round in try await store.rounds(districtCode: district.code) {
            let needs = try await store.needs(roundID: round.id)
            rows.append(.init(year: round.year, status: round.status, needs: needs.count,
                              seatsAccepted: needs.filter { $0.state == .accepted }.reduce(0) { $0 + $1.count },
                              rotated: try await store.assignments(roundID: round.id).count))
        }
        return RotationRoundsPage.Model(districtCode: district.code, districtName: district.name, rows: rows, mayOpen: district.mayManage,
                                        typedYear: typedYear, problem: problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) },
                                        sort: try req.tableSort(keys: RotationRoundsPage.sortableKeys, fallback: RotationRoundsPage.defaultSort))
    }

    @Sendable func listDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let district = try await district(req)
        return try req.download(RotationRoundsPage.table(try await listModel(req, district, typedYear: "", problem: nil)),
                                name: "rotation-rounds-\(district.code)", as: format)
    }

    @Sendable func open(req: Request) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let typed = EnrollmentController.form(req)["year"] ?? ""
        do {
            let year = try RotationRound.proposedYear(typed, today: CaseDate.today())
            let round = RotationRound(districtCode: district.code, year: year, status: .collecting)
            try await RotationRoundStore(req.db).create(round)
            try await Audit.record(req, action: "rotation-round-open", subjectKind: "rotation-round", subjectIDs: [round.id])
            return req.redirect(to: "/districts/\(district.code)/rotation/rounds?opened=\(year)", redirectType: .normal)
        } catch let problem as CampaignProblem {
            let model = try await listModel(req, district, typedYear: typed, problem: problem)
            return req.page(RotationRoundsPage.View(chrome: req.chrome(flash: .error(.forms(.fixBelow))), model: model, address: req.address),
                            status: .badRequest)
        }
    }

    // MARK: The round

    @Sendable func show(req: Request) async throws -> Response {
        let district = try await district(req)
        let round = try await round(req, district)
        let flash = Self.savedFlash(req)
        return try await page(req, district, round, flash: flash)
    }

    static func savedFlash(_ req: Request) -> Flash? {
        let messages: [String: Catalogue.RotationRounds] = [
            "need": .savedNeed, "check": .savedCheck, "plan": .savedPlan, "swap": .savedSwap, "approve": .savedApproval, "term": .savedStep,
            "reopen": .savedReopen]
        return req.query[String.self, at: "saved"].flatMap { messages[$0] }.map { .success(.rotationRounds($0)) }
    }

    private func page(_ req: Request, _ district: District, _ round: RotationRound, flash: Flash?, needValues: [String: String] = [:],
                      problem: CampaignProblem? = nil) async throws -> Response {
        let (model, teacherIDs) = try await roundModel(req, district, round, needValues: needValues, problem: problem)
        try await Audit.record(req, action: "rotation-round", subjectKind: "teacher", subjectIDs: teacherIDs, staffOnly: true)
        let response = req.page(RotationRoundPage.View(chrome: req.chrome(flash: problem == nil ? flash : .error(.forms(.fixBelow))), model: model,
                                                       address: req.address),
                                status: problem == nil ? .ok : .badRequest)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The round as the viewer may see it, and the teachers it names (for the audit).
    private func roundModel(_ req: Request, _ district: District, _ round: RotationRound, needValues: [String: String] = [:],
                            problem: CampaignProblem? = nil) async throws -> (RotationRoundPage.Model, [String]) {
        let store = RotationRoundStore(req.db)
        let own = district.ownSchoolID
        let href = "/districts/\(district.code)/rotation/\(round.year)"
        func name(_ schoolID: String) -> String { district.schools[schoolID]?.name ?? schoolID }
        let needs = try await store.needs(roundID: round.id, schoolID: own)
        let needByID = Dictionary(uniqueKeysWithValues: try await store.needs(roundID: round.id).map { ($0.id, $0) })
        let staff = try await staff(req, district, on: round.startDate)
        let assignments = try await store.assignments(roundID: round.id).filter { own == nil || $0.fromSchoolID == own || $0.toSchoolID == own }
        let terms = try await store.terms(roundID: round.id).filter { own == nil || $0.value.fromSchoolID == own || $0.value.toSchoolID == own }
        let today = CaseDate.today()
        let plan = district.mayManage && round.status == .planned ? try await store.proposedPlan(roundID: round.id) : nil
        var needForm: RotationRoundPage.NeedForm?
        if let own, let school = district.schools[own],
           RotationRoundAccess.canEnterNeeds(district.viewer.scope, round: round, schoolDistrict: school.districtCode) {
            let subjects = Set(staff.teachers.values.map(\.subject)).sorted()
            needForm = .init(subjects: subjects, stages: school.stages.filter { $0 == .primary || $0 == .junior || $0 == .senior }, values: needValues,
                             problem: problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) })
        }
        // Once approved, the base is the count kept that day (terms under way make teachers ineligible since).
        let eligible = round.status == .approved ? try await store.eligibleAtApproval(roundID: round.id) : staff.eligible.count
        let model = RotationRoundPage.Model(
            districtCode: district.code, districtName: district.name, round: round, eligible: eligible,
            figures: round.status == .collecting ? nil : RotationRoundPlan.figures(assignments, eligible: eligible, rules: .national),
            shortfalls: plan?.shortfalls ?? [],
            needs: needs.map { .init(schoolName: name($0.schoolID), entry: $0,
                                     checkHref: district.mayManage && round.status == .collecting ? "\(href)/needs/\($0.id)" : nil) },
            assignments: assignments.map { a in
                .init(teacherID: a.teacherID, teacherName: staff.teachers[a.teacherID]?.name ?? "", subject: staff.teachers[a.teacherID]?.subject ?? "",
                      fromName: name(a.fromSchoolID), toName: name(a.toSchoolID), kind: needByID[a.needID]?.kind ?? .group, assignment: a,
                      swapHref: district.mayManage && round.status == .planned ? "\(href)/swap/\(a.teacherID)" : nil)
            },
            terms: terms.map { teacherID, term in
                .init(teacherID: teacherID, teacherName: staff.teachers[teacherID]?.name ?? "", fromName: name(term.fromSchoolID), toName: name(term.toSchoolID),
                      term: term, isOverdue: RotationTermProgress.isOverdue(term, on: today),
                      actHref: district.mayManage && [.approved, .active].contains(term.status) ? "\(href)/terms/\(teacherID)" : nil)
            },
            mayManage: district.mayManage, needForm: needForm,
            problem: needForm == nil ? problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) } : nil,
            sort: try req.tableSort(keys: RotationRoundPage.sortableKeys, fallback: RotationRoundPage.defaultSort))
        return (model, assignments.map(\.teacherID) + terms.keys.sorted())
    }

    @Sendable func download(req: Request, table: String, as format: DownloadFormat) async throws -> Response {
        let district = try await district(req)
        let round = try await round(req, district)
        let (model, teacherIDs) = try await roundModel(req, district, round)
        try await Audit.record(req, action: "rotation-round-export", subjectKind: "teacher", subjectIDs: teacherIDs, staffOnly: true)
        let tableModel = switch table {
        case "plan": RotationRoundPage.planTable(model)
        case "terms": RotationRoundPage.termsTable(model)
        default: RotationRoundPage.needsTable(model)
        }
        let response = try req.download(tableModel, name: "rotation-\(round.id)-\(table)", as: format)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    // MARK: Needs

    @Sendable func addNeed(req: Request) async throws -> Response {
        let district = try await district(req)
        let round = try await round(req, district)
        let form = EnrollmentController.form(req)
        guard let own = district.ownSchoolID, let school = district.schools[own],
              RotationRoundAccess.canEnterNeeds(district.viewer.scope, round: round, schoolDistrict: school.districtCode) else {
            try await Audit.record(req, action: "rotation-need-refused", subjectKind: "rotation-round", subjectIDs: [round.id])
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolOutsideScope)))
        }
        do {
            let subjects = Set(try await req.registry.teachers(districtCode: district.code).map(\.subject))
            let need = try RotationNeedEntry.proposed(id: UUID().uuidString.lowercased(), schoolID: own, form: form, schoolStages: school.stages,
                                                      subjects: subjects)
            try await RotationRoundStore(req.db).add(need, roundID: round.id)
            try await Audit.record(req, action: "rotation-need-add", subjectKind: "rotation-need", subjectIDs: [need.id],
                                   detail: { _ in "\(need.subject) \(need.stage.rawValue) ×\(need.count) \(need.kind.rawValue) p\(need.priority)" })
            return req.redirect(to: "/districts/\(district.code)/rotation/\(round.year)?saved=need", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return try await page(req, district, round, flash: nil, needValues: form, problem: problem)
        }
    }

    private func itemPage(_ req: Request, _ district: District, _ round: RotationRound, action: String, kind: RotationRoundItemPage.Kind,
                          values: [String: String] = [:], problem: CampaignProblem? = nil) -> Response {
        let model = RotationRoundItemPage.Model(
            districtName: district.name, year: round.year, roundHref: "/districts/\(district.code)/rotation/\(round.year)", action: action, kind: kind,
            values: values, problem: problem.map { .init(field: $0.field, message: Phrase(zh: $0.zh, en: $0.en)) })
        let response = req.page(RotationRoundItemPage.View(chrome: req.chrome(flash: problem == nil ? nil : .error(.forms(.fixBelow))), model: model),
                                status: problem == nil ? .ok : .badRequest)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func need(_ req: Request, _ district: District, _ round: RotationRound) async throws -> RotationRoundPage.NeedRow {
        let id = req.parameters.get("need") ?? ""
        guard let need = try await RotationRoundStore(req.db).needs(roundID: round.id).first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: req.t(.rotationRounds(.noNeeds)))
        }
        return .init(schoolName: district.schools[need.schoolID]?.name ?? need.schoolID, entry: need, checkHref: nil)
    }

    @Sendable func checkPage(req: Request) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        let row = try await need(req, district, round)
        return itemPage(req, district, round, action: req.url.path, kind: .check(row))
    }

    @Sendable func check(req: Request) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        let row = try await need(req, district, round)
        let form = EnrollmentController.form(req)
        do {
            let accept = form["decision"] == "accept"
            let reason = try RotationNeedEntry.checkReason(accept: accept, reason: form["reason"])
            try await RotationRoundStore(req.db).check(needID: row.entry.id, roundID: round.id, state: accept ? .accepted : .rejected, reason: reason)
            try await Audit.record(req, action: accept ? "rotation-need-accept" : "rotation-need-reject", subjectKind: "rotation-need",
                                   subjectIDs: [row.entry.id], detail: { _ in reason ?? "" })
            return req.redirect(to: "/districts/\(district.code)/rotation/\(round.year)?saved=check", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return itemPage(req, district, round, action: req.url.path, kind: .check(row), values: form, problem: problem)
        }
    }

    // MARK: Plan, approve, reopen

    /// Runs the optimiser on the accepted needs and the teachers eligible on the round's first day.
    @Sendable func plan(req: Request, confirmed: Bool) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        guard round.status == .collecting || confirmed else {
            return try await page(req, district, round, flash: nil, problem: RotationRoundStore.changedMeanwhile)
        }
        let staff = try await staff(req, district, on: round.startDate)
        let schools = rotationSchools(district)
        do {
            let plan = try await RotationRoundStore(req.db).plan(roundID: round.id) { accepted in
                try RotationPlanner.plan(RotationInput(teachers: staff.eligible, schools: schools, needs: accepted.map(\.need)))
            }
            try await Audit.record(req, action: "rotation-round-plan", subjectKind: "rotation-round", subjectIDs: [round.id],
                                   detail: { _ in "rotated \(plan.totals.rotated), key \(plan.totals.keyRotated), required \(plan.totals.quotaRequired)" })
            return req.redirect(to: "/districts/\(district.code)/rotation/\(round.year)?saved=plan", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return try await page(req, district, round, flash: nil, problem: problem)
        }
    }

    @Sendable func confirmPage(req: Request, kind: RotationRoundItemPage.ConfirmKind) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        return try await confirmResponse(req, district, round, kind: kind, problem: nil)
    }

    private func confirmResponse(_ req: Request, _ district: District, _ round: RotationRound, kind: RotationRoundItemPage.ConfirmKind,
                                 problem: CampaignProblem?) async throws -> Response {
        let assignments = try await RotationRoundStore(req.db).assignments(roundID: round.id)
        let counts = [ConfirmPanel.Count(.rotationRounds(.rotated), assignments.count),
                      ConfirmPanel.Count(.rotationRounds(.keyRotated), assignments.filter(\.isKey).count)]
        return itemPage(req, district, round, action: req.url.path, kind: .confirm(kind, counts: counts), problem: problem)
    }

    @Sendable func confirmed(req: Request, kind: RotationRoundItemPage.ConfirmKind) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        guard EnrollmentController.form(req)["confirmed"] == "yes" else {
            return try await confirmResponse(req, district, round, kind: kind, problem: CampaignStepGuard.unconfirmed)
        }
        let store = RotationRoundStore(req.db)
        do {
            switch kind {
            case .replan: return try await plan(req: req, confirmed: true)
            case .reopen:
                try await store.reopen(roundID: round.id)
                try await Audit.record(req, action: "rotation-round-reopen", subjectKind: "rotation-round", subjectIDs: [round.id])
                return req.redirect(to: "/districts/\(district.code)/rotation/\(round.year)?saved=reopen", redirectType: .normal)
            case .approve:
                let staff = try await staff(req, district, on: round.startDate)
                let terms = try await store.approve(roundID: round.id, eligibleBySchool: staff.eligibleBySchool, rules: .shanghai)
                try await Audit.record(req, action: "rotation-round-approve", subjectKind: "rotation-round", subjectIDs: [round.id],
                                       detail: { _ in "\(terms) terms" })
                return req.redirect(to: "/districts/\(district.code)/rotation/\(round.year)?saved=approve", redirectType: .normal)
            }
        } catch let problem as CampaignProblem {
            return try await confirmResponse(req, district, round, kind: kind, problem: problem)
        }
    }

    // MARK: Swap

    private func swapContext(_ req: Request, _ district: District, _ round: RotationRound)
        async throws -> (current: RotationRoundPage.AssignmentRow, need: RotationNeed, staff: Staff, candidates: [RotationRoundItemPage.Candidate]) {
        let store = RotationRoundStore(req.db)
        let teacherID = req.parameters.get("teacher") ?? ""
        let assignments = try await store.assignments(roundID: round.id)
        guard round.status == .planned, let current = assignments.first(where: { $0.teacherID == teacherID }),
              let entry = try await store.needs(roundID: round.id).first(where: { $0.id == current.needID }) else {
            throw Abort(.notFound, reason: req.t(.rotationRounds(.noPlan)))
        }
        let staff = try await staff(req, district, on: round.startDate)
        let planned = Set(assignments.map(\.teacherID))
        let schools = Dictionary(uniqueKeysWithValues: rotationSchools(district).map { ($0.id, $0) })
        let need = entry.need
        let candidates = staff.eligible.filter {
            RotationRoundPlan.swapProblem(replacing: current, with: $0, need: need, planned: planned, reason: "-") == nil
        }.map { teacher in
            let moved = RotationRoundPlan.swapped(current, to: teacher, receiving: schools[need.schoolID]!, home: schools[teacher.currentSchoolID]!, reason: "")
            return RotationRoundItemPage.Candidate(teacherID: teacher.id, name: staff.teachers[teacher.id]?.name ?? "",
                                                   schoolName: district.schools[teacher.currentSchoolID]?.name ?? "", isKey: teacher.isKey,
                                                   commuteChangeMetres: moved.commuteChangeMetres)
        }.sorted { ($0.commuteChangeMetres, $0.name, $0.teacherID) < ($1.commuteChangeMetres, $1.name, $1.teacherID) }
        let row = RotationRoundPage.AssignmentRow(
            teacherID: current.teacherID, teacherName: staff.teachers[current.teacherID]?.name ?? "", subject: need.subject,
            fromName: district.schools[current.fromSchoolID]?.name ?? "", toName: district.schools[current.toSchoolID]?.name ?? "",
            kind: need.kind, assignment: current, swapHref: nil)
        return (row, need, staff, candidates)
    }

    @Sendable func swapPage(req: Request) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        let context = try await swapContext(req, district, round)
        try await Audit.record(req, action: "rotation-swap-candidates", subjectKind: "teacher",
                               subjectIDs: [context.current.teacherID] + context.candidates.map(\.teacherID), staffOnly: true)
        return itemPage(req, district, round, action: req.url.path, kind: .swap(current: context.current, candidates: context.candidates))
    }

    @Sendable func swap(req: Request) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        let context = try await swapContext(req, district, round)
        let form = EnrollmentController.form(req)
        let reason = form["reason"] ?? ""
        let replacement = context.staff.eligible.first { $0.id == form["replacement"] }
        let planned = Set(try await RotationRoundStore(req.db).assignments(roundID: round.id).map(\.teacherID))
        do {
            if let problem = RotationRoundPlan.swapProblem(replacing: context.current.assignment, with: replacement, need: context.need,
                                                           planned: planned, reason: reason) { throw problem }
            let schools = Dictionary(uniqueKeysWithValues: rotationSchools(district).map { ($0.id, $0) })
            let moved = RotationRoundPlan.swapped(context.current.assignment, to: replacement!, receiving: schools[context.need.schoolID]!,
                                                  home: schools[replacement!.currentSchoolID]!, reason: reason)
            try await RotationRoundStore(req.db).swap(roundID: round.id, replacing: context.current.teacherID, with: moved)
            try await Audit.record(req, action: "rotation-swap", subjectKind: "teacher", subjectIDs: [context.current.teacherID, moved.teacherID],
                                   detail: { _ in "\(context.current.teacherID) → \(moved.teacherID): \(moved.swapReason ?? "")" })
            return req.redirect(to: "/districts/\(district.code)/rotation/\(round.year)?saved=swap", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return itemPage(req, district, round, action: req.url.path, kind: .swap(current: context.current, candidates: context.candidates),
                            values: form, problem: problem)
        }
    }

    // MARK: Terms

    private func term(_ req: Request, _ district: District, _ round: RotationRound) async throws -> (RotationRoundPage.TermRow, [RotationTermProgress.Step]) {
        let teacherID = req.parameters.get("teacher") ?? ""
        guard let term = try await RotationRoundStore(req.db).terms(roundID: round.id)[teacherID],
              let teacher = try await req.registry.teacher(id: teacherID) else {
            throw Abort(.notFound, reason: req.t(.rotationRounds(.noTerms)))
        }
        let today = CaseDate.today()
        let steps: [RotationTermProgress.Step] = switch term.status {
        case .approved, .planned: today >= term.start ? [.arrived, .cancelled] : [.cancelled]
        case .active: [.returned]
        case .returned, .cancelled: []
        }
        let row = RotationRoundPage.TermRow(teacherID: teacherID, teacherName: teacher.name, fromName: district.schools[term.fromSchoolID]?.name ?? "",
                                            toName: district.schools[term.toSchoolID]?.name ?? "", term: term,
                                            isOverdue: RotationTermProgress.isOverdue(term, on: today), actHref: nil)
        return (row, steps)
    }

    @Sendable func termPage(req: Request) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        let (row, steps) = try await term(req, district, round)
        try await Audit.record(req, action: "rotation-term", subjectKind: "teacher", subjectIDs: [row.teacherID], staffOnly: true)
        return itemPage(req, district, round, action: req.url.path, kind: .term(row, steps: steps))
    }

    @Sendable func termStep(req: Request) async throws -> Response {
        let district = try await district(req)
        try await requireManager(req, district)
        let round = try await round(req, district)
        let (row, steps) = try await term(req, district, round)
        let form = EnrollmentController.form(req)
        do {
            guard let step = RotationTermProgress.Step(rawValue: form["step"] ?? "") else {
                throw CampaignProblem("step", zh: "请选择要办理的事项。", en: "Choose what to record.")
            }
            let reason = form["reason"] ?? ""
            let status = try await RotationRoundStore(req.db).advance(roundID: round.id, teacherID: row.teacherID, step: step, on: CaseDate.today(),
                                                                     reason: reason)
            try await Audit.record(req, action: "rotation-term-\(step.rawValue)", subjectKind: "teacher", subjectIDs: [row.teacherID],
                                   detail: { _ in "\(status.rawValue) \(reason)" })
            return req.redirect(to: "/districts/\(district.code)/rotation/\(round.year)?saved=term", redirectType: .normal)
        } catch let problem as CampaignProblem {
            return itemPage(req, district, round, action: req.url.path, kind: .term(row, steps: steps), values: form, problem: problem)
        }
    }
}
