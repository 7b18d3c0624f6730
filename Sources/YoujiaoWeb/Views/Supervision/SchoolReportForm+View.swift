import Foundation
import Vapor
import YoujiaoCore

/// The school-report form. Its fields are the columns of the import file (docs/supervision.md),
/// and a submitted form is checked by the same parser as a file, read as one row.
enum SchoolReportForm {
    struct Field {
        var column: String
        var zh: String
        var en: String
        var isTimetable = false
        /// Shown only to schools teaching one of these stages (nil: every school).
        var stages: Set<Stage>? = nil
        func label(_ req: Request) -> String { req.t(zh, en) }
    }

    static let schoolStages: Set<Stage> = [.primary, .junior, .senior, .special]

    static let fields: [Field] = [
        Field(column: "floor_area_m2", zh: "教学及辅助用房面积（m²）", en: "Teaching and auxiliary floor area (m²)"),
        Field(column: "sports_ground_m2", zh: "体育运动场馆面积（m²）", en: "Sports ground area (m²)"),
        Field(column: "equipment_value_yuan", zh: "教学仪器设备值（元）", en: "Equipment value (yuan)"),
        Field(column: "multimedia_classrooms", zh: "网络多媒体教室（间）", en: "Multimedia classrooms"),
        Field(column: "bandwidth_mbps", zh: "出口带宽（Mbps）", en: "Bandwidth (Mbps)"),
        Field(column: "bandwidth_persons", zh: "共用带宽人数（空白：按学籍和教师库的师生数）", en: "Persons sharing it (blank: pupils + teachers of the registry)"),
        Field(column: "daily_exercise_minutes", zh: "学生每天校内外运动（分钟）", en: "Daily exercise in and out of school (minutes)", stages: schoolStages),
        Field(column: "daily_outdoor_minutes", zh: "幼儿每日户外活动（分钟）", en: "Daily outdoor activity (minutes)", stages: [.kindergarten]),
        Field(column: "home_visits", zh: "本学年家访次数", en: "Home visits this school year"),
        Field(column: "family_education_activities", zh: "本学年家庭教育指导和实践活动（次）", en: "Family-education activities this year"),
        Field(column: "readiness_education", zh: "大班开展入学准备教育", en: "Readiness-for-school education in K3", stages: [.kindergarten]),
        Field(column: "pe_lessons", zh: "体育课（节/周）", en: "PE lessons a week", isTimetable: true),
        Field(column: "activity_lessons", zh: "体育活动课（节/周）", en: "PE activity lessons a week", isTimetable: true),
        Field(column: "psychology_lessons_per_two_weeks", zh: "心理健康活动课（节/两周）", en: "Psychology lessons per two weeks", isTimetable: true),
        Field(column: "weekly_periods", zh: "周总课时（选填）", en: "Periods in the week (optional)", isTimetable: true),
    ]

    /// The fields a school of these stages reports (outdoor minutes are a kindergarten's, exercise a school's).
    static func plainFields(for school: School) -> [Field] {
        fields.filter { !$0.isTimetable && ($0.stages.map { !$0.isDisjoint(with: school.stages) } ?? true) }
    }

    static func timetableHeaders(_ req: Request) -> [String] {
        [req.t("年级", "Grade")] + fields.filter(\.isTimetable).map { $0.label(req) }
    }

    /// Grades with a weekly timetable: every grade the school teaches outside kindergarten.
    static func timetableGrades(_ school: School) -> [Grade] {
        Array(Set(school.stages.filter { $0 != .kindergarten }.flatMap(\.grades))).sorted()
    }

    /// The form field of one grade's cell, e.g. `pe_lessons.3`.
    static func gradeField(_ column: String, _ grade: Grade) -> String { "\(column).\(grade.rawValue)" }

    /// A stored report as form values (the import file's cells, and one field per grade).
    static func values(of report: SchoolReport) -> [String: String] {
        var values: [String: String] = [:]
        if let row = try? CSVTable.parse(text: SchoolReportCSV.document([report]), fileName: "report").rows.first {
            for column in SchoolReportCSV.columns { values[column] = try? row.raw(column) }
        }
        for (grade, entry) in report.timetable {
            values[gradeField("pe_lessons", grade)] = String(entry.peLessons)
            values[gradeField("activity_lessons", grade)] = String(entry.activityLessons)
            values[gradeField("psychology_lessons_per_two_weeks", grade)] = String(entry.psychologyLessonsPerTwoWeeks)
            values[gradeField("weekly_periods", grade)] = entry.weeklyPeriods.map(String.init) ?? ""
        }
        return values
    }

    /// The submitted form as an import file of one row. A grade with any lesson cell filled is
    /// listed in every lesson column (an empty cell then fails as "not a whole number", naming the grade).
    static func csv(_ form: [String: String], school: School, year: Int) -> String {
        let grades = timetableGrades(school)
        func cell(_ column: String, _ grade: Grade) -> String { (form[gradeField(column, grade)] ?? "").trimmingCharacters(in: .whitespaces) }
        let lessonColumns = ["pe_lessons", "activity_lessons", "psychology_lessons_per_two_weeks"]
        let taught = grades.filter { grade in lessonColumns.contains { !cell($0, grade).isEmpty } }
        let withPeriods = taught.contains { !cell("weekly_periods", $0).isEmpty } ? taught : []
        let row = SchoolReportCSV.columns.map { column -> String in
            switch column {
            case "school_id": return school.id
            case "year": return String(year)
            case "weekly_periods": return withPeriods.map { "\($0.rawValue)=\(cell(column, $0))" }.joined(separator: ";")
            case _ where lessonColumns.contains(column): return taught.map { "\($0.rawValue)=\(cell(column, $0))" }.joined(separator: ";")
            default: return form[column] ?? ""
            }
        }
        return CSVWriter.document(header: SchoolReportCSV.columns, rows: [row])
    }

    static func render(_ req: Request, school: School, year: SupervisionController.YearChoice, values: [String: String],
                       errors: [FieldError], status: HTTPStatus = .ok) -> Response {
        func input(_ name: String, _ label: String) -> String {
            let invalid = errors.contains { $0.field == name || (name.contains(".") && $0.field == name.split(separator: ".")[0].description) }
            return "<input name=\"\(esc(name))\" id=\"\(esc(name))\" inputmode=\"decimal\" value=\"\(esc(values[name] ?? ""))\" aria-label=\"\(esc(label))\"\(invalid ? " aria-invalid=\"true\" class=\"invalid\"" : "")>"
        }
        let labels = Dictionary(uniqueKeysWithValues: fields.map { ($0.column, $0.label(req)) })
        let errorList = errors.isEmpty ? "" : "<div class=\"error\" role=\"alert\"><p>\(req.t("填报有误，未保存：", "The report has errors and was not saved:"))</p><ul>"
            + errors.map { "<li>\(esc(labels[$0.field ?? ""] ?? $0.field ?? "")) (\(esc($0.field ?? ""))): \(esc($0.reason))</li>" }.joined() + "</ul></div>"
        let plain = plainFields(for: school).map { field -> String in
            if field.column == "readiness_education" {
                let current = values[field.column] ?? ""
                let options = [("", req.t("未填", "not reported")), ("yes", req.t("是", "yes")), ("no", req.t("否", "no"))].map { value, text in
                    "<option value=\"\(value)\"\(current == value ? " selected" : "")>\(esc(text))</option>"
                }.joined()
                return "<label>\(esc(field.label(req))) <select name=\"\(field.column)\" id=\"\(field.column)\">\(options)</select></label>"
            }
            return "<label>\(esc(field.label(req))) <small>\(esc(field.column))</small> \(input(field.column, field.label(req)))</label>"
        }.joined()
        let grades = timetableGrades(school)
        let timetable = grades.isEmpty ? "" : """
            <h2>\(req.t("各年级周课表", "Weekly timetable per grade"))</h2>
            \(Table(headers: timetableHeaders(req), rows: grades.map { grade in
                [esc(grade.label(req))] + fields.filter(\.isTimetable).map { input(gradeField($0.column, grade), "\($0.label(req)) \(grade.label(req))") }
            }).html)
            """
        let body = """
        \(errorList)
        <p class="summary">\(req.t("学生、教师人数由学籍和教师库统计，无需填报；留空表示未填报（显示为“无数据”，不按 0 计）。字段说明见 docs/supervision.md。",
                                    "Pupil and teacher counts come from the registry and are not asked; a blank means not reported (shown as no data, never 0). Fields: docs/supervision.md."))</p>
        <form method="post" action="/supervision/schools/\(esc(school.id))/report" class="report">
        <input type="hidden" name="_csrf" value="\(esc(req.csrfToken))">
        <input type="hidden" name="year" value="\(year.year)">
        <p>\(req.t("学年", "School year")): \(year.year)–\((year.year + 1) % 100)</p>
        <div class="fields">\(plain)</div>
        \(timetable)
        <p><button type="submit" id="save">\(req.t("保存", "Save"))</button>
        <a href="/supervision/schools/\(esc(school.id))?year=\(year.year)">\(req.t("取消", "Cancel"))</a></p>
        </form>
        """
        return Layout.render(req, title: req.t("学校填报：", "School report: ") + school.name, body: body, status: status)
    }
}
