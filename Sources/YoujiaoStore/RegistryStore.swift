import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Counts for one district and stage, computed from the registry (never asked of a school).
public struct StageTotals: Sendable, Hashable, Codable {
    public var districtCode: String
    public var stage: Stage
    public var schools: Int
    public var pupils: Int
}

public struct SchoolFilter: Sendable, Equatable {
    public var districtCode: String?
    public var stage: Stage?
    public var ownership: Ownership?
    /// Part of the name, or the full 10-digit id.
    public var text: String?
    public init(districtCode: String? = nil, stage: Stage? = nil, ownership: Ownership? = nil, text: String? = nil) {
        self.districtCode = districtCode; self.stage = stage; self.ownership = ownership; self.text = text
    }
}

public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var request: PageQuery
    public var page: Int { request.page }
    public var perPage: Int { request.perPage }
    public var pageCount: Int { request.pageCount(total: total) }
    public init(items: [Item], total: Int, request: PageQuery) {
        self.items = items; self.total = total; self.request = request
    }
}

/// Reads and writes of the registry. Callers wrap multi-row writes in `transaction`.
public struct RegistryStore: DatabaseStore {
    public let database: any Database

    public init(_ database: any Database) { self.database = database }

    // MARK: Districts and schools

    public func districts() async throws -> [District] {
        try await sql.all("SELECT code, name, zone_kind FROM districts ORDER BY code", as: DistrictRecord.self).map(\.district)
    }

    public func district(code: String) async throws -> District? {
        try await sql.all("SELECT code, name, zone_kind FROM districts WHERE code = \(bind: code)", as: DistrictRecord.self).first?.district
    }

    public func school(id: String) async throws -> School? {
        try await sql.all("SELECT * FROM schools WHERE id = \(bind: id)", as: SchoolRecord.self).first?.school
    }

    public func schools(ids: [String]) async throws -> [School] {
        guard !ids.isEmpty else { return [] }
        var query: SQLQueryString = "SELECT * FROM schools WHERE id IN ("
        query.appendList(ids)
        query.appendLiteral(")")
        return try await sql.all(query, as: SchoolRecord.self).map(\.school)
    }

    /// The orders the school directory offers: the column and whether it ascends.
    public enum SchoolOrder: String, Sendable, CaseIterable {
        case id, name, district, seats
        var sql: String {
            switch self {
            case .id: return "id"
            case .name: return "name"
            case .district: return "district_code"
            case .seats: return "COALESCE(seats_k1, 0) + COALESCE(seats_g1, 0) + COALESCE(seats_g6, 0) + COALESCE(seats_g10, 0)"
            }
        }
    }

    public func schools(_ filter: SchoolFilter, page: PageQuery, orderBy order: SchoolOrder = .district, ascending: Bool = true) async throws -> Page<School> {
        var conditions: SQLQueryString = "1 = 1"
        if let code = filter.districtCode { conditions.appendInterpolation(unsafeRaw: " AND district_code = "); conditions.appendInterpolation(bind: code) }
        if let stage = filter.stage {
            conditions.appendLiteral(" AND (';' || stages || ';') LIKE ")
            conditions.appendInterpolation(bind: "%;\(stage.rawValue);%")
        }
        if let ownership = filter.ownership { conditions.appendLiteral(" AND ownership = "); conditions.appendInterpolation(bind: ownership.rawValue) }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            conditions.appendLiteral(" AND (name LIKE ")
            conditions.appendInterpolation(bind: "%\(text)%")
            conditions.appendLiteral(" OR id = ")
            conditions.appendInterpolation(bind: text)
            conditions.appendLiteral(")")
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM schools WHERE \(conditions)").first(decoding: CountRow.self)?.n ?? 0
        var query: SQLQueryString = "SELECT * FROM schools WHERE \(conditions) ORDER BY "
        query.appendLiteral(order.sql + (ascending ? " ASC" : " DESC") + ", id LIMIT ")
        query.appendInterpolation(literal: page.perPage)
        query.appendLiteral(" OFFSET ")
        query.appendInterpolation(literal: page.offset)
        let items = try await sql.all(query, as: SchoolRecord.self).map(\.school)
        return Page(items: items, total: total, request: page)
    }

    /// Schools and pupils per district and stage, city-wide (kept per registry version). A pupil
    /// counts in the stage of their grade, or in "special" when their school is a special-education school.
    public func stageTotals() async throws -> [StageTotals] {
        try await ComputedFigures.shared.value("registry.stageTotals", reading: [.registry], on: database) {
            try await RegistryStore($0).countStageTotals()
        }
    }

    private func countStageTotals() async throws -> [StageTotals] {
        struct SchoolGroupRow: Decodable { var districtCode: String; var stages: String; var n: Int }
        struct PupilRow: Decodable { var districtCode: String; var stages: String; var grade: String?; var n: Int }
        let schoolRows = try await sql.all("SELECT district_code, stages, COUNT(*) AS n FROM schools GROUP BY district_code, stages", as: SchoolGroupRow.self)
        let pupilRows = try await sql.all("""
            SELECT sc.district_code, sc.stages, st.grade, COUNT(*) AS n FROM students st
            JOIN schools sc ON sc.id = st.school_id GROUP BY sc.district_code, sc.stages, st.grade
            """, as: PupilRow.self)
        var totals: [String: StageTotals] = [:]
        func add(_ district: String, _ stage: Stage, schools: Int = 0, pupils: Int = 0) {
            let key = district + "/" + stage.rawValue
            var entry = totals[key] ?? StageTotals(districtCode: district, stage: stage, schools: 0, pupils: 0)
            entry.schools += schools; entry.pupils += pupils
            totals[key] = entry
        }
        for row in schoolRows {
            for stage in row.stages.split(separator: ";").compactMap({ Stage(rawValue: String($0)) }) {
                add(row.districtCode, stage, schools: row.n)
            }
        }
        for row in pupilRows {
            guard let grade = row.grade.flatMap(Grade.init(rawValue:)) else { continue }
            add(row.districtCode, row.stages == Stage.special.rawValue ? .special : grade.stage, pupils: row.n)
        }
        return totals.values.sorted { ($0.districtCode, $0.stage) < ($1.districtCode, $1.stage) }
    }

    public func pupilsByGrade(schoolID: String) async throws -> [Grade: Int] {
        struct Row: Decodable { var grade: String?; var n: Int }
        let rows = try await sql.all("SELECT grade, COUNT(*) AS n FROM students WHERE school_id = \(bind: schoolID) GROUP BY grade", as: Row.self)
        var counts: [Grade: Int] = [:]
        for row in rows { if let grade = row.grade.flatMap(Grade.init(rawValue:)) { counts[grade] = row.n } }
        return counts
    }

    public func teachers(schoolID: String) async throws -> [TeacherRecord] {
        try await sql.all("SELECT * FROM teachers WHERE school_id = \(bind: schoolID) ORDER BY name, id", as: TeacherRecord.self)
    }

    /// The teachers of a district's schools, by school then name.
    public func teachers(districtCode: String) async throws -> [TeacherRecord] {
        try await sql.all("""
            SELECT t.* FROM teachers t JOIN schools s ON s.id = t.school_id WHERE s.district_code = \(bind: districtCode) ORDER BY t.school_id, t.name, t.id
            """, as: TeacherRecord.self)
    }

    public func teacher(id: String) async throws -> TeacherRecord? {
        try await sql.all("SELECT * FROM teachers WHERE id = \(bind: id)", as: TeacherRecord.self).first
    }

    public func teacherCount(schoolID: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM teachers WHERE school_id = \(bind: schoolID)").first(decoding: CountRow.self)?.n ?? 0
    }

    public func zone(id: String) async throws -> CatchmentZone? {
        try await sql.all("SELECT * FROM zones WHERE id = \(bind: id)", as: ZoneRecord.self).first?.zone
    }

    public func zones(districtCode: String) async throws -> [CatchmentZone] {
        try await sql.all("SELECT * FROM zones WHERE district_code = \(bind: districtCode) ORDER BY id", as: ZoneRecord.self).map(\.zone)
    }

    // MARK: Students and guardians

    /// The orders the pupil list offers. Grades in school order (K1 … 12), not as text.
    public enum PupilOrder: String, Sendable, CaseIterable {
        case name, grade, `class`, age
        func sql(ascending: Bool) -> String {
            let direction = ascending ? " ASC" : " DESC"
            let gradeOrder = "(CASE grade WHEN 'K1' THEN 0 WHEN 'K2' THEN 1 WHEN 'K3' THEN 2 ELSE CAST(grade AS INTEGER) + 2 END)"
            switch self {
            case .name: return "name" + direction + ", id"
            case .grade: return gradeOrder + direction + ", class_no, name, id"
            case .class: return "class_no" + direction + ", name, id"
            // The youngest is the latest born.
            case .age: return "birth_date" + (ascending ? " DESC" : " ASC") + ", name, id"
            }
        }
    }

    public func students(schoolID: String, name: String? = nil, grade: Grade? = nil, page: PageQuery,
                         orderBy order: PupilOrder = .grade, ascending: Bool = true) async throws -> Page<StudentRecord> {
        var conditions: SQLQueryString = "school_id = \(bind: schoolID)"
        if let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            conditions.appendLiteral(" AND name LIKE ")
            conditions.appendInterpolation(bind: "%\(name)%")
        }
        if let grade { conditions.appendLiteral(" AND grade = "); conditions.appendInterpolation(bind: grade.rawValue) }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM students WHERE \(conditions)").first(decoding: CountRow.self)?.n ?? 0
        var query: SQLQueryString = "SELECT * FROM students WHERE \(conditions) ORDER BY "
        query.appendLiteral(order.sql(ascending: ascending) + " LIMIT ")
        query.appendInterpolation(literal: page.perPage)
        query.appendLiteral(" OFFSET ")
        query.appendInterpolation(literal: page.offset)
        return Page(items: try await sql.all(query, as: StudentRecord.self), total: total, request: page)
    }

    public func student(id: String) async throws -> StudentRecord? {
        try await sql.all("SELECT * FROM students WHERE id = \(bind: id)", as: StudentRecord.self).first
    }

    public func student(nationalID: String) async throws -> StudentRecord? {
        try await sql.all("SELECT * FROM students WHERE national_id_index = \(bind: try FieldProtection.blindIndex(nationalID))", as: StudentRecord.self).first
    }

    public func guardianIDs(ofStudent studentID: String) async throws -> [String] {
        struct Row: Decodable { var guardianId: String }
        return try await sql.all("SELECT guardian_id FROM guardian_children WHERE student_id = \(bind: studentID)", as: Row.self).map(\.guardianId)
    }

    public func children(ofGuardian guardianID: String) async throws -> [StudentRecord] {
        try await sql.all("""
            SELECT st.* FROM students st JOIN guardian_children gc ON gc.student_id = st.id
            WHERE gc.guardian_id = \(bind: guardianID) ORDER BY st.birth_date
            """, as: StudentRecord.self)
    }

    public func guardian(id: String) async throws -> GuardianRecord? {
        try await sql.all("SELECT * FROM guardians WHERE id = \(bind: id)", as: GuardianRecord.self).first
    }

    public func guardians(ofStudent studentID: String) async throws -> [GuardianRecord] {
        try await sql.all("""
            SELECT g.* FROM guardians g JOIN guardian_children gc ON gc.guardian_id = g.id
            WHERE gc.student_id = \(bind: studentID) ORDER BY g.name
            """, as: GuardianRecord.self)
    }

    public func count(_ table: RegistryTable) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table.rawValue)").first(decoding: CountRow.self)?.n ?? 0
    }

    // MARK: History

    public func enrollmentHistory() async throws -> [EnrollmentCount] {
        struct Row: Decodable { var districtCode: String; var year: Int; var grade: String; var students: Int }
        return try await sql.all("SELECT district_code, year, grade, students FROM enrollment_history ORDER BY district_code, year, grade", as: Row.self)
            .compactMap { row in Grade(rawValue: row.grade).map { EnrollmentCount(districtCode: row.districtCode, year: row.year, grade: $0, students: row.students) } }
    }

    public func births() async throws -> [BirthCount] {
        try await sql.all("SELECT district_code, year, births FROM births ORDER BY district_code, year", as: BirthCount.self)
    }
}

public enum RegistryTable: String, Sendable, CaseIterable {
    case districts, zones, schools, students, guardians, teachers
    case enrollmentHistory = "enrollment_history", births
}

struct CountRow: Decodable { var n: Int }

extension RegistryStore {
    public func teacher(nationalID: String) async throws -> TeacherRecord? {
        try await sql.all("SELECT * FROM teachers WHERE national_id_index = \(bind: try FieldProtection.blindIndex(nationalID))", as: TeacherRecord.self).first
    }

    public func guardian(nationalID: String) async throws -> GuardianRecord? {
        try await sql.all("SELECT * FROM guardians WHERE national_id_index = \(bind: try FieldProtection.blindIndex(nationalID))", as: GuardianRecord.self).first
    }
}
