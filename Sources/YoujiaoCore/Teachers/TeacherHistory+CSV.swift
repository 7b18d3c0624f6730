import Foundation

// The teacher-history files: appointments, qualifications, training and rotations. Each row names
// its teacher by ID number, who must be in the registry already (`references.teacherIDs`).

extension CSVRow {
    /// A teacher of the registry, by ID number (the number itself never appears in the error).
    func knownTeacher(_ column: String, in references: RegistryReferences) throws -> String {
        let id = try nationalID(column).value
        guard references.teacherIDs.contains(id) else { throw error(column, "no teacher with this ID number in the registry (import teachers first)") }
        return id
    }

    func caseDate(_ column: String) throws -> CaseDate {
        CaseDate(try isoDate(column))!
    }

    func optionalCaseDate(_ column: String) throws -> CaseDate? {
        optionalString(column) == nil ? nil : try caseDate(column)
    }
}

extension TeacherAppointment: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("national_id", "身份证号"), CSVColumn("school_id", "学校标识码"), CSVColumn("post", "岗位"),
        CSVColumn("from", "起始日期"), CSVColumn("until", "结束日期"), CSVColumn("previous_province", "原单位所在省份代码"),
    ]
    public static let csvKeyColumns = ["national_id", "school_id", "from"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> TeacherAppointment? {
        let teacher = reader.read { try $0.knownTeacher("national_id", in: references) }
        let school = reader.read { try $0.knownSchool("school_id", in: references).id }
        let post = reader.read { try $0.value("post", as: TeacherPost.self) }
        let from = reader.read { try $0.caseDate("from") }
        let until = reader.read { try $0.optionalCaseDate("until") }
        let province = reader.read { row -> String? in
            guard let code = row.optionalString("previous_province") else { return nil }
            guard Province.named(code) != nil else {
                throw row.error("previous_province", "'\(code)' is not a province code (two digits of GB/T 2260, e.g. 51)")
            }
            return code
        }
        if let from, let until = until ?? nil, until < from { reader.report("until", "ends (\(until)) before it starts (\(from))") }
        guard let teacher, let school, let post, let from, let until, let province, reader.errors.isEmpty else { return nil }
        return TeacherAppointment(teacherNationalID: teacher, schoolID: school, post: post, from: from, until: until, previousProvince: province)
    }

    public var csvCells: [String] {
        [teacherNationalID, schoolID, post.rawValue, from.description, until?.description ?? "", previousProvince ?? ""]
    }
}

extension TeacherQualification: RegistryCSVRecord {
    public static let csvColumns = [CSVColumn("national_id", "身份证号"), CSVColumn("kind", "类别"), CSVColumn("value", "职称或骨干级别"),
                                    CSVColumn("since", "取得日期")]
    public static let csvKeyColumns = ["national_id", "kind", "since"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> TeacherQualification? {
        let teacher = reader.read { try $0.knownTeacher("national_id", in: references) }
        let kind = reader.read { try $0.value("kind", as: Kind.self) }
        let value = reader.read { row -> String in
            switch kind {
            case .title: try row.value("value", as: TeacherTitle.self).rawValue
            case .keyLevel: try row.value("value", as: KeyTeacherLevel.self).rawValue
            case nil: try row.string("value")
            }
        }
        let since = reader.read { try $0.caseDate("since") }
        guard let teacher, let kind, let value, let since, reader.errors.isEmpty else { return nil }
        return TeacherQualification(teacherNationalID: teacher, kind: kind, value: value, since: since)
    }

    public var csvCells: [String] { [teacherNationalID, kind.rawValue, value, since.description] }
}

extension TeacherTraining: RegistryCSVRecord {
    public static let csvColumns = [CSVColumn("national_id", "身份证号"), CSVColumn("course", "课程"), CSVColumn("provider", "培训机构"),
                                    CSVColumn("hours", "学时"), CSVColumn("date", "日期"), CSVColumn("kind", "层级")]
    public static let csvKeyColumns = ["national_id", "course", "date"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> TeacherTraining? {
        let teacher = reader.read { try $0.knownTeacher("national_id", in: references) }
        let course = reader.read { try $0.string("course") }
        let provider = reader.read { try $0.string("provider") }
        let tenths = reader.read { try $0.tenthHours("hours") }
        let date = reader.read { try $0.caseDate("date") }
        let kind = reader.read { try $0.value("kind", as: Kind.self) }
        guard let teacher, let course, let provider, let tenths, let date, let kind, reader.errors.isEmpty else { return nil }
        return TeacherTraining(teacherNationalID: teacher, course: course, provider: provider, tenthHours: tenths, date: date, kind: kind)
    }

    public var csvCells: [String] {
        [teacherNationalID, course, provider, Self.hoursText(tenthHours), date.description, kind.rawValue]
    }

    /// 15 → "1.5", 40 → "4".
    public static func hoursText(_ tenths: Int) -> String { tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)" }
}

extension CSVRow {
    /// Hours with at most one decimal (4, 1.5), 0.5–500, as tenths; read digit by digit so no text can overflow.
    func tenthHours(_ column: String) throws -> Int {
        let text = try string(column)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...3).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigitCharacter),
              parts.count == 1 || (parts[1].count == 1 && parts[1].allSatisfy(\.isASCIIDigitCharacter)),
              let whole = Int(parts[0]) else {
            throw error(column, "'\(text)' is not a number of hours with at most one decimal (e.g. 4 or 1.5)")
        }
        let tenths = whole * 10 + (parts.count == 2 ? Int(parts[1])! : 0)
        guard TeacherTraining.tenthHoursRange.contains(tenths) else { throw error(column, "\(text) hours is outside 0.5–500") }
        return tenths
    }
}

extension TeacherRotation: RegistryCSVRecord {
    public static let csvColumns = [CSVColumn("national_id", "身份证号"), CSVColumn("from_school_id", "派出学校标识码"),
                                    CSVColumn("to_school_id", "接收学校标识码"), CSVColumn("start", "开始日期"),
                                    CSVColumn("planned_end", "计划结束日期"), CSVColumn("kind", "交流类型"), CSVColumn("status", "状态")]
    public static let csvKeyColumns = ["national_id", "start"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> TeacherRotation? {
        let teacher = reader.read { try $0.knownTeacher("national_id", in: references) }
        let from = reader.read { try $0.knownSchool("from_school_id", in: references).id }
        let to = reader.read { try $0.knownSchool("to_school_id", in: references).id }
        let start = reader.read { try $0.caseDate("start") }
        let end = reader.read { try $0.caseDate("planned_end") }
        let kind = reader.read { try $0.value("kind", as: Kind.self) }
        let status = reader.read { try $0.value("status", as: Status.self) }
        if let from, let to, from == to { reader.report("to_school_id", "the receiving school is the sending school") }
        if let start, let end, end <= start { reader.report("planned_end", "ends (\(end)) on or before it starts (\(start))") }
        guard let teacher, let from, let to, let start, let end, let kind, let status, reader.errors.isEmpty else { return nil }
        return TeacherRotation(teacherNationalID: teacher, fromSchoolID: from, toSchoolID: to, start: start, plannedEnd: end, kind: kind, status: status)
    }

    public var csvCells: [String] {
        [teacherNationalID, fromSchoolID, toSchoolID, start.description, plannedEnd.description, kind.rawValue, status.rawValue]
    }
}
