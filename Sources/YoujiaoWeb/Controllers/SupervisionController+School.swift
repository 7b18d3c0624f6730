import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// A school's indicators with the registry counts behind them, and its yearly report form.
extension SupervisionController {
    @Sendable func school(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let school = try await Self.visibleSchool(req, viewer: viewer)
        let choice = try await Self.year(req)
        let (input, results) = try await Self.results(req, year: choice.year, scope: .school(school.id))
        guard let facts = input.schools.first else { throw Abort(.notFound) }
        let report = input.reports.first
        let year = SupervisionHTML.yearQuery(choice.year)
        let indicatorRows = results.map { result -> [String] in
            let gap = result.status == .notMet ? result.value.map { result.comparison.shortfall($0, target: result.target) } : nil
            return [esc(SupervisionHTML.name(code: result.indicatorCode, req)) + " <small>\(esc(result.indicatorCode))</small>",
                    SupervisionHTML.cell(result, req), esc(SupervisionHTML.target(result.comparison, result.target, unit: result.unit)),
                    esc(SupervisionHTML.figure(gap, unit: result.unit)),
                    esc(SupervisionHTML.inputs(result.inputs)), esc(SupervisionHTML.missing(result.missing))]
        }
        let editLink = Self.mayEditReport(viewer, school: school)
            ? " · <a href=\"/supervision/schools/\(esc(school.id))/report\(year)\">\(report == nil ? req.t("填报", "Submit the report") : req.t("修改填报", "Edit the report"))</a>" : ""
        let body = """
        \(SupervisionHTML.yearPicker(req, year: choice.year, known: choice.known))
        <p class="summary">\(esc(school.id)) · <a href="/supervision/districts/\(esc(school.districtCode))\(year)">\(esc(school.districtCode))</a>
        · \(esc(school.stages.map { $0.label(req) }.joined(separator: "、"))) · \(esc(school.ownership.label(req)))
        · <a href="/schools/\(esc(school.id))">\(req.t("学籍登记信息", "Registry page"))</a>
        · <a class="download" href="/supervision/schools/\(esc(school.id))/results.csv\(year)">\(req.t("下载 CSV", "Download CSV"))</a></p>
        <h2>\(req.t("指标", "Indicators"))</h2>
        <p>\(SupervisionHTML.legend(req))</p>
        \(Table(headers: [req.t("指标", "Indicator"), req.t("现值", "Value"), req.t("目标", "Target"), req.t("差距", "Gap"),
                          req.t("计算所用数据", "Inputs"), req.t("缺少的数据", "Missing")], rows: indicatorRows, numericColumns: [1, 3]).html)
        <h2>\(req.t("学籍和教师库统计", "Counted from the registry"))</h2>
        \(Self.countsTable(req, facts).html)
        \(Self.teacherTable(req, facts.teachers, rotation: facts.rotation,
                           rotates: !Set(school.stages).isDisjoint(with: [Stage.primary, .junior])).html)
        <h2>\(req.t("学校填报（\(choice.year) 学年）", "School report (\(choice.year))"))\(editLink)</h2>
        \(report.map { Self.reportFacts(req, $0, school: school) } ?? "<p class=\"error\">\(req.t("本学年尚未填报：依赖填报的指标显示为“无数据”。", "No report for this year: the indicators that depend on it show no data."))</p>")
        """
        return Layout.render(req, title: req.t("督导：", "Supervision: ") + school.name, body: body)
    }

    @Sendable func schoolCSV(req: Request) async throws -> Response {
        let viewer = try req.requireStaff()
        let school = try await Self.visibleSchool(req, viewer: viewer)
        return try await Self.resultsCSV(req, scope: .school(school.id), fileStem: school.id)
    }

    /// Pupils, migrants and classes per stage: the counts the indicators are computed from.
    static func countsTable(_ req: Request, _ facts: SchoolFacts) -> Table {
        let rows = facts.enrollment.keys.sorted().map { stage -> [String] in
            let entry = facts.enrollment[stage]!
            let classes = entry.classSizes
            return [esc(stage.label(req)), esc(entry.pupils), esc(entry.migrantPupils),
                    classes.map { esc($0.count) } ?? req.t("未知", "unknown"), classes?.max().map { esc($0) } ?? "—"]
        }
        return Table(headers: [req.t("学段", "Stage"), req.t("在校生", "Pupils"), req.t("随迁子女（非本市户籍）", "Migrant (non-local hukou)"),
                               req.t("班级数", "Classes"), req.t("最大班额", "Largest class")], rows: rows, numericColumns: [1, 2, 3, 4])
    }

    /// Teachers from the registry, and (primary and junior schools) the year's rotation figures as the district reported them.
    static func teacherTable(_ req: Request, _ teachers: TeacherCounts?, rotation: RotationCounts?, rotates: Bool) -> Table {
        let rotationRows: [[String]] = !rotates ? [] : rotation.map { [[req.t("符合交流条件教师（区报送）", "Teachers eligible to rotate (district report)"), esc($0.eligible)],
                                                       [req.t("交流轮岗教师", "Teachers rotated"), esc($0.rotated)],
                                                       [req.t("其中骨干教师", "Of whom key teachers"), esc($0.keyRotated)]] }
            ?? [[req.t("交流轮岗", "Rotation"), req.t("未报送", "not reported")]]
        guard let teachers else {
            return Table(headers: [req.t("教师", "Teachers"), req.t("人数", "Count")],
                         rows: [[req.t("教师库中没有本校教师记录", "No teacher records for this school"), "—"]] + rotationRows)
        }
        var rows: [[String]] = [[req.t("教师总数", "Teachers"), esc(teachers.total)]]
        rows += Degree.allCases.map { [req.t("学历：", "Degree: ") + Self.degreeLabel($0, req), esc(teachers.byDegree[$0] ?? 0)] }
        rows += [[req.t("区级及以上骨干教师", "District-level-or-above key teachers"), esc(teachers.districtOrAboveKeyTeachers)],
                 [req.t("体育、艺术专任教师", "PE and arts teachers"), esc(teachers.peAndArtsTeachers)],
                 [req.t("专职心理教师", "Full-time psychology teachers"), esc(teachers.fullTimePsychologyTeachers)]] + rotationRows
        return Table(headers: [req.t("教师", "Teachers"), req.t("人数", "Count")], rows: rows, numericColumns: [1])
    }

    static func degreeLabel(_ degree: Degree, _ req: Request) -> String {
        switch degree {
        case .secondary: return req.t("中专", "secondary")
        case .associate: return req.t("专科", "associate")
        case .bachelor: return req.t("本科", "bachelor")
        case .master: return req.t("硕士", "master")
        case .doctorate: return req.t("博士", "doctorate")
        }
    }

    static func reportFacts(_ req: Request, _ report: SchoolReport, school: School) -> String {
        let values = SchoolReportForm.values(of: report)
        let facts = SchoolReportForm.plainFields(for: school).map { field -> String in
            var value = values[field.column].flatMap { $0.isEmpty ? nil : $0 } ?? req.t("未填", "not reported")
            if field.column == "readiness_education", let given = report.readinessEducation { value = given ? req.t("是", "yes") : req.t("否", "no") }
            return "<dt>\(esc(field.label(req)))</dt><dd>\(esc(value))</dd>"
        }.joined()
        let timetable = report.timetable.keys.sorted().map { grade -> [String] in
            let entry = report.timetable[grade]!
            return [esc(grade.label(req)), esc(entry.peLessons), esc(entry.activityLessons), esc(entry.psychologyLessonsPerTwoWeeks),
                    esc(entry.weeklyPeriods.map(String.init) ?? "—")]
        }
        return "<dl class=\"facts\">\(facts)</dl>" + (timetable.isEmpty ? "" : Table(headers: SchoolReportForm.timetableHeaders(req), rows: timetable,
                                                                                     numericColumns: [1, 2, 3, 4]).html)
    }

    // MARK: The report form

    /// A school's own administrator, or its district's; the city reads but does not fill in school reports.
    static func mayEditReport(_ viewer: Viewer, school: School) -> Bool {
        switch viewer.scope.role {
        case .schoolAdmin: return viewer.scope.schoolID == school.id
        case .districtAdmin: return viewer.scope.districtCode == school.districtCode
        case .cityAdmin, .guardian: return false
        }
    }

    static func editableSchool(_ req: Request) async throws -> (Viewer, School) {
        let viewer = try req.requireStaff()
        let school = try await visibleSchool(req, viewer: viewer)
        guard mayEditReport(viewer, school: school) else {
            throw Abort(.forbidden, reason: req.t("学校填报由本校或本区管理员提交。", "School reports are submitted by the school or its district."))
        }
        return (viewer, school)
    }

    @Sendable func reportForm(req: Request) async throws -> Response {
        let (_, school) = try await Self.editableSchool(req)
        let choice = try await Self.year(req)
        let existing = try await req.supervision.schoolReport(schoolID: school.id, year: choice.year)
        return SchoolReportForm.render(req, school: school, year: choice, values: existing.map(SchoolReportForm.values(of:)) ?? [:], errors: [])
    }

    @Sendable func submitReport(req: Request) async throws -> Response {
        let (viewer, school) = try await Self.editableSchool(req)
        let form = try req.content.decode([String: String].self)
        let known = try await req.supervision.knownYears()
        let yearText = form["year"] ?? ""
        guard let year = Int(yearText), known.contains(year) else {
            throw FieldProblem(field: "year", message: req.t("未知学年 \(yearText)", "Unknown school year \(yearText)"))
        }
        let choice = YearChoice(year: year, known: known)
        do {
            // The same checks as a CSV import: the form is read as one row of the import file.
            let table = try CSVTable.parse(text: SchoolReportForm.csv(form, school: school, year: year), fileName: "form")
            let reports = try SchoolReportCSV.parse(table, knownSchoolIDs: [school.id], knownYears: known)
            try await req.supervision.transaction { try await $0.replace(schoolReports: reports, submittedBy: viewer.user.username) }
        } catch let errors as InputErrors {
            return SchoolReportForm.render(req, school: school, year: choice, values: form, errors: errors.errors, status: .badRequest)
        } catch let error as FieldError {
            return SchoolReportForm.render(req, school: school, year: choice, values: form, errors: [error], status: .badRequest)
        }
        try await Audit.record(req, action: "school-report", subjectKind: "school", subjectIDs: [school.id], detail: { _ in "year \(year)" })
        return req.redirect(to: "/supervision/schools/\(school.id)?year=\(year)")
    }
}
