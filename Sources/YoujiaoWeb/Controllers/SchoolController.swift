import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore

/// School directory (search, filters, pages), school page and its pupil list.
struct SchoolController {
    static let perPage = 50

    func register(_ routes: any RoutesBuilder) {
        routes.get("schools", use: directory)
        routes.get("schools.csv", use: directoryCSV)
        routes.get("schools", ":id", use: show)
        routes.get("schools", ":id", "students", use: pupils)
        routes.get("schools", ":id", "students.csv", use: pupilsCSV)
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
                throw Abort(.forbidden, reason: req.t("您无权查看其他区的学校。", "You may not list another district's schools."))
            }
            filter.districtCode = viewer.scope.districtCode
        case .schoolAdmin, .guardian:
            throw Abort(.forbidden, reason: req.t("学校名录仅对市、区管理员开放。", "The directory is for city and district staff."))
        }
        return filter
    }

    @Sendable func directory(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let filter = try Self.filter(req, viewer: viewer)
        let result = try await req.registry.schools(filter, page: try req.pageRequest(perPage: Self.perPage))
        try req.requirePageExists(result)
        let districts = try await req.registry.districts().filter { viewer.scope.canSeeDistrict($0.code) }
        func option(_ value: String, _ label: String, selected: String?) -> String {
            "<option value=\"\(esc(value))\"\(value == (selected ?? "") ? " selected" : "")>\(esc(label))</option>"
        }
        let form = """
        <form method="get" action="/schools" class="filters">
        <input name="q" placeholder="\(req.t("校名或学校标识码", "Name or school id"))" value="\(esc(filter.text ?? ""))">
        <select name="district">\(option("", req.t("全部区", "All districts"), selected: filter.districtCode))\(districts.map { option($0.code, $0.name, selected: filter.districtCode) }.joined())</select>
        <select name="stage">\(option("", req.t("全部学段", "All stages"), selected: filter.stage?.rawValue))\(Stage.allCases.map { option($0.rawValue, $0.label(req), selected: filter.stage?.rawValue) }.joined())</select>
        <select name="ownership">\(option("", req.t("公办民办", "Public and private"), selected: filter.ownership?.rawValue))\(Ownership.allCases.map { option($0.rawValue, $0.label(req), selected: filter.ownership?.rawValue) }.joined())</select>
        <button type="submit">\(req.t("查询", "Search"))</button>
        </form>
        """
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "district", value: filter.districtCode ?? ""), URLQueryItem(name: "stage", value: filter.stage?.rawValue ?? ""),
                            URLQueryItem(name: "ownership", value: filter.ownership?.rawValue ?? ""), URLQueryItem(name: "q", value: filter.text ?? "")]
        let body = """
        \(form)
        <p class="summary">\(req.t("共 \(result.total) 所学校", "\(result.total) schools")) · <a class="download" href="/schools.csv\(esc(query.string ?? ""))">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(Self.table(req, schools: result.items).html)
        \(Layout.pager(req, page: result.page, pageCount: result.pageCount))
        """
        return Layout.render(req, title: req.t("学校名录", "School directory"), body: body)
    }

    static func table(_ req: Request, schools: [School]) -> Table {
        Table(headers: [req.t("学校标识码", "School id"), req.t("校名", "Name"), req.t("区", "District"), req.t("学段", "Stages"),
                        req.t("办学性质", "Ownership"), req.t("起始年级学位", "Entry seats")],
              rows: schools.map { school in
                  [esc(school.id), "<a href=\"/schools/\(esc(school.id))\">\(esc(school.name))</a>", esc(school.districtCode),
                   esc(school.stages.map { $0.label(req) }.joined(separator: "、")),
                   esc(school.ownership.label(req) + (school.stages.contains(.kindergarten) && school.ownership == .private && school.isInclusive ? req.t("（普惠）", " (inclusive)") : "")),
                   esc(school.entrySeats.values.reduce(0, +))]
              }, numericColumns: [5])
    }

    @Sendable func directoryCSV(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let filter = try Self.filter(req, viewer: viewer)
        let schools = try await req.registry.schools(filter, page: .everything).items
        let rows = schools.map { s in
            [s.id, s.name, s.districtCode, s.stages.map(\.rawValue).joined(separator: ";"), s.ownership.rawValue, s.isInclusive ? "yes" : "no",
             s.boarding ? "yes" : "no", String(s.entrySeats.values.reduce(0, +)), s.schoolGroup]
        }
        return Layout.csv("schools.csv", header: ["school_id", "name", "district", "stages", "ownership", "inclusive", "boarding", "entry_seats", "school_group"], rows: rows)
    }

    /// The school, if the viewer may see it; 404 for no such school, 403 outside the scope.
    static func visibleSchool(_ req: Request, viewer: Viewer) async throws -> School {
        let id = req.parameters.get("id") ?? ""
        guard let school = try await req.registry.school(id: id) else { throw Abort(.notFound, reason: req.t("没有这所学校", "No such school")) }
        var childrenSchools: Set<String> = []
        if viewer.scope.role == .guardian, let guardianID = viewer.scope.guardianID {
            childrenSchools = Set(try await req.registry.children(ofGuardian: guardianID).compactMap(\.schoolId))
        }
        guard viewer.scope.canSeeSchool(id: school.id, districtCode: school.districtCode, childrenSchoolIDs: childrenSchools) else {
            throw Abort(.forbidden, reason: req.t("您无权查看这所学校。", "This school is outside your scope."))
        }
        return school
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let school = try await Self.visibleSchool(req, viewer: viewer)
        let grades = try await req.registry.pupilsByGrade(schoolID: school.id)
        let teachers = try await req.registry.teacherCount(schoolID: school.id)
        let pupils = grades.values.reduce(0, +)
        let gradeRows = grades.keys.sorted().map { [esc($0.label(req)), esc(grades[$0] ?? 0)] }
        let facts: [(String, String)] = [
            (req.t("学校标识码", "School id"), esc(school.id)),
            (req.t("所在区", "District"), "<a href=\"/districts/\(esc(school.districtCode))\">\(esc(school.districtCode))</a>"),
            (req.t("学段", "Stages"), esc(school.stages.map { $0.label(req) }.joined(separator: "、"))),
            (req.t("办学性质", "Ownership"), esc(school.ownership.label(req))),
            (req.t("普惠性", "Inclusive (普惠)"), school.countsAsInclusive ? req.t("是", "yes") : req.t("否", "no")),
            (req.t("寄宿", "Boarding"), school.boarding ? req.t("是", "yes") : req.t("否", "no")),
            (req.t("起始年级学位", "Entry seats"), esc(school.entrySeats.sorted { $0.key < $1.key }.map { "\($0.key.label(req)) \($0.value)" }.joined(separator: "，"))),
            (req.t("学区/集团", "School group"), esc(school.schoolGroup.isEmpty ? "—" : school.schoolGroup)),
            (req.t("在校学生", "Pupils"), esc(pupils)),
            (req.t("教师", "Teachers"), esc(teachers)),
            (req.t("坐标", "Location"), String(format: "%.4f, %.4f", school.latitude, school.longitude)),
        ]
        let pupilLink = viewer.scope.canListPupils(schoolID: school.id, districtCode: school.districtCode)
            ? "<p><a href=\"/schools/\(esc(school.id))/students\">\(req.t("学生名单", "Pupil list"))</a></p>" : ""
        let body = """
        <dl class="facts">\(facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>
        \(pupilLink)
        <h2>\(req.t("各年级学生数", "Pupils by grade"))</h2>
        \(Table(headers: [req.t("年级", "Grade"), req.t("学生数", "Pupils")], rows: gradeRows, numericColumns: [1]).html)
        """
        return Layout.render(req, title: school.name, body: body)
    }

    /// One page of the school's pupils, or all of them for the CSV download.
    private func pupilPage(_ req: Request, whole: Bool = false) async throws -> (School, Page<StudentRecord>) {
        let viewer = try req.requireStaff()
        let school = try await Self.visibleSchool(req, viewer: viewer)
        guard viewer.scope.canListPupils(schoolID: school.id, districtCode: school.districtCode) else { throw Abort(.forbidden) }
        let result = try await req.registry.students(schoolID: school.id, page: whole ? .everything : try req.pageRequest(perPage: Self.perPage))
        try req.requirePageExists(result)
        try await Audit.record(req, students: result.items, action: "list")
        return (school, result)
    }

    @Sendable func pupils(req: Request) async throws -> Response {
        let (school, result) = try await pupilPage(req)
        let rows: [[String]] = result.items.map { s in
            let link = "<a href=\"/students/\(esc(s.id))\">\(esc(s.name))</a>"
            let id = "<span class=\"id\">\(esc(s.maskedNationalId))</span>"
            let gender = s.gender == Gender.male.rawValue ? req.t("男", "M") : req.t("女", "F")
            let grade = s.grade.flatMap(Grade.init(rawValue:))?.label(req) ?? "—"
            let classNo = s.classNo.map(String.init) ?? "—"
            let hukou = s.hukou == Hukou.local.rawValue ? req.t("本市", "local") : req.t("外省市", "non-local")
            return [link, id, esc(gender), esc(req.age(birthDate: s.birthDate)), esc(grade), esc(classNo), esc(hukou)]
        }
        let body = """
        <p class="summary">\(req.t("共 \(result.total) 名学生；身份证件号已脱敏，查看记录已写入审计日志。", "\(result.total) pupils; ID numbers masked; this view is audited."))
        · <a class="download" href="/schools/\(esc(school.id))/students.csv">\(req.t("下载 CSV", "Download CSV"))</a></p>
        \(Table(headers: [req.t("姓名", "Name"), req.t("身份证件号", "ID number"), req.t("性别", "Gender"), req.t("年龄", "Age"),
                          req.t("年级", "Grade"), req.t("班级", "Class"), req.t("户籍", "Hukou")], rows: rows).html)
        \(Layout.pager(req, page: result.page, pageCount: result.pageCount))
        """
        return Layout.render(req, title: school.name + req.t(" · 学生名单", " · pupils"), body: body)
    }

    @Sendable func pupilsCSV(req: Request) async throws -> Response {
        let (_, result) = try await pupilPage(req, whole: true)
        let rows: [[String]] = result.items.map { s in
            let classNo: String = s.classNo.map(String.init) ?? ""
            let age = MaskedBirth.age(birthDate: s.birthDate).map(String.init) ?? ""
            return [s.studentNumber, s.name, s.maskedNationalId, s.gender, age, s.grade ?? "", classNo, s.hukou]
        }
        return Layout.csv("pupils.csv", header: ["student_number_masked", "name", "national_id_masked", "gender", "age", "grade", "class", "hukou"], rows: rows)
    }
}

extension StudentRecord {
    /// 全国学籍号, masked like the ID it contains.
    var studentNumber: String { "G" + maskedNationalId }
}
