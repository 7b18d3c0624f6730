import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// A school's indicators with the registry counts behind them, and its yearly report form.
extension SupervisionController {
    @Sendable func school(req: Request) async throws -> Response {
        let model = try await Self.schoolModel(req)
        let flash: Flash? = req.query[String.self, at: "saved"] == nil ? nil : .success(.reportSaved(model.year.year))
        return req.page(SchoolSupervisionPage.View(chrome: req.chrome(flash: flash), model: model, address: req.address))
    }

    @Sendable func schoolDownload(req: Request, as format: DownloadFormat) async throws -> Response {
        let model = try await Self.schoolModel(req)
        return try req.download(SchoolSupervisionPage.indicatorTable(model), name: "supervision-\(model.schoolID)-\(model.year.year)", as: format)
    }

    static func schoolModel(_ req: Request) async throws -> SchoolSupervisionPage.Model {
        let viewer = try req.requireStaff()
        let school = try await visibleSchool(req, viewer: viewer)
        let choice = try await year(req)
        let (input, results) = try await results(req, year: choice.year, scope: .school(school.id))
        guard let facts = input.schools.first else { throw Abort(.notFound, reason: req.t(.refusal(.schoolHasNoSupervisionFigures))) }
        let report = input.reports.first
        let indicators = results.map { result in
            SchoolSupervisionPage.IndicatorRow(
                name: SupervisionFigures.name(code: result.indicatorCode), figure: SupervisionFigures.Figure(result),
                target: SupervisionFigures.target(result.comparison, result.target, unit: result.unit),
                gap: result.status == .notMet ? result.value.map { result.comparison.shortfall($0, target: result.target) } : nil,
                inputs: SupervisionFigures.inputs(result.inputs), missing: SupervisionFigures.missing(result.missing, own: school.id))
        }
        let counts = facts.enrollment.keys.sorted().compactMap { stage in
            facts.enrollment[stage].map { entry in
                SchoolSupervisionPage.StageCounts(stage: stage, pupils: entry.pupils, migrantPupils: entry.migrantPupils,
                                                  classes: entry.classSizes?.count, largestClass: entry.classSizes?.max())
            }
        }
        let teachers = facts.teachers.map { counts in
            SchoolSupervisionPage.Teachers(total: counts.total, byDegree: counts.byDegree, keyTeachers: counts.districtOrAboveKeyTeachers,
                                           peArtsTeachers: counts.peAndArtsTeachers, psychologyTeachers: counts.fullTimePsychologyTeachers)
        }
        // Rotation concerns primary and junior schools; the district reports it.
        let rotates = !Set(school.stages).isDisjoint(with: [Stage.primary, .junior])
        let rotation = rotates ? SchoolSupervisionPage.RotationFacts(eligible: facts.rotation?.eligible, rotated: facts.rotation?.rotated,
                                                                     keyRotated: facts.rotation?.keyRotated) : nil
        let district = try await req.registry.district(code: school.districtCode)
        return SchoolSupervisionPage.Model(
            schoolID: school.id, schoolName: school.name, districtName: district?.name ?? school.districtCode,
            districtHref: viewer.scope.role == .schoolAdmin ? nil : SupervisionLinks.district(school.districtCode, year: choice.year),
            stages: school.stages.sorted(), ownership: school.ownership, year: choice, indicators: indicators, counts: counts,
            teachers: teachers, rotation: rotation, report: report.map { reportFacts($0, stages: school.stages) },
            timetable: report.map { timetable($0) } ?? [], mayEditReport: mayEditReport(viewer, school: school))
    }

    /// The stored report as the form's fields read it, "not reported" where a field is blank.
    static func reportFacts(_ report: SchoolReport, stages: [Stage]) -> [SchoolSupervisionPage.ReportFact] {
        let values = SchoolReportFormPage.values(of: report)
        return SchoolReportFormPage.fields(for: stages).map { field in
            let value: Phrase?
            if field.kind == .yesNo {
                value = report.readinessEducation.map { $0 ? .supervision(.yes) : .supervision(.no) }
            } else {
                value = values[field.name].flatMap { Double($0) }.map { .verbatim(SupervisionFigures.text($0)) }
            }
            return SchoolSupervisionPage.ReportFact(label: field.label, value: value)
        }
    }

    static func timetable(_ report: SchoolReport) -> [SchoolSupervisionPage.TimetableRow] {
        report.timetable.keys.sorted().compactMap { grade in
            report.timetable[grade].map {
                SchoolSupervisionPage.TimetableRow(grade: grade, peLessons: $0.peLessons, activityLessons: $0.activityLessons,
                                                   psychologyLessonsPerTwoWeeks: $0.psychologyLessonsPerTwoWeeks, weeklyPeriods: $0.weeklyPeriods)
            }
        }
    }

    // MARK: The report form

    /// A school's own administrator, or its district's; the city reads but does not fill in school reports.
    static func mayEditReport(_ viewer: Viewer, school: School) -> Bool {
        switch viewer.scope.role {
        case .schoolAdmin: return viewer.scope.schoolID == school.id
        case .districtAdmin: return viewer.scope.districtCode == school.districtCode
        case .cityAdmin, .teacher, .guardian: return false
        }
    }

    static func editableSchool(_ req: Request) async throws -> (Viewer, School) {
        let viewer = try req.requireStaff()
        let school = try await visibleSchool(req, viewer: viewer)
        guard mayEditReport(viewer, school: school) else {
            throw Abort(.forbidden, reason: req.t(.refusal(.schoolReportSubmitters)))
        }
        return (viewer, school)
    }

    @Sendable func reportForm(req: Request) async throws -> Response {
        let (_, school) = try await Self.editableSchool(req)
        let choice = try await Self.year(req)
        let existing = try await req.supervision.schoolReport(schoolID: school.id, year: choice.year)
        let model = SchoolReportFormPage.Model(schoolID: school.id, schoolName: school.name, year: choice.year, stages: school.stages,
                                               values: existing.map(SchoolReportFormPage.values(of:)) ?? [:])
        return req.page(SchoolReportFormPage.View(chrome: req.chrome(), model: model))
    }

    @Sendable func submitReport(req: Request) async throws -> Response {
        let (viewer, school) = try await Self.editableSchool(req)
        let form = try req.content.decode([String: String].self)
        let known = try await req.supervision.knownYears()
        let yearText = form["year"] ?? ""
        guard yearText.count <= 4, let year = Int(yearText), known.contains(year) else {
            throw FieldProblem(field: "year", message: req.t(.refusal(.noSupervisionFiguresForYear)))
        }
        let earlier = try await req.supervision.schoolReport(schoolID: school.id, year: year)
        switch SchoolReportFormPage.read(form, schoolID: school.id, year: year, stages: school.stages, earlier: earlier) {
        case .failure(let problems):
            // The form comes back with what was typed, each problem beside its field.
            let model = SchoolReportFormPage.Model(schoolID: school.id, schoolName: school.name, year: year, stages: school.stages,
                                                   values: form.filter { $0.key != "_csrf" }, problems: problems.all)
            return req.page(SchoolReportFormPage.View(chrome: req.chrome(), model: model), status: .badRequest)
        case .success(let report):
            try await req.supervision.transaction { try await $0.replace(schoolReports: [report], submittedBy: viewer.user.username) }
        }
        try await Audit.record(req, action: "school-report", subjectKind: "school", subjectIDs: [school.id], detail: { _ in "year \(year)" })
        return req.redirect(to: SupervisionLinks.school(school.id, year: year) + "&saved=1")
    }
}
