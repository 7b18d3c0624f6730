import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// Writes of the registry. An import re-sent after a correction updates rows in place (keyed by
/// code, school id or ID number), so officials can send the same file twice.
extension RegistryStore {
    public func upsert(districts: [District]) async throws {
        try await sql.insertBatched(into: "districts", districts.map(DistrictRecord.init), upsertOn: ["code"])
    }

    public func upsert(schools: [School]) async throws {
        try await sql.insertBatched(into: "schools", schools.map(SchoolRecord.init), upsertOn: ["id"])
    }

    public func upsert(zones: [CatchmentZone]) async throws {
        try await sql.insertBatched(into: "zones", zones.map(ZoneRecord.init), upsertOn: ["id"])
    }

    public func upsert(students: [Student]) async throws {
        try await sql.insertBatched(into: "students", try students.map { try StudentRecord($0) }, upsertOn: ["national_id_index"])
    }

    public func upsert(teachers: [Teacher]) async throws {
        try await sql.insertBatched(into: "teachers", try teachers.map { try TeacherRecord($0) }, upsertOn: ["national_id_index"])
    }

    /// Guardians and their links to children (children must be in the registry already).
    public func upsert(guardians: [Guardian]) async throws {
        try await sql.insertBatched(into: "guardians", try guardians.map { try GuardianRecord($0) }, upsertOn: ["national_id_index"])
        let guardianIDs = try await ids(table: "guardians", nationalIDs: guardians.map(\.nationalID))
        let studentIDs = try await ids(table: "students", nationalIDs: guardians.flatMap(\.childNationalIDs))
        struct Link: Encodable, Sendable { var guardianId: String; var studentId: String }
        let links = guardians.flatMap { guardian in
            guardian.childNationalIDs.compactMap { child -> Link? in
                guard let g = guardianIDs[guardian.nationalID], let s = studentIDs[child] else { return nil }
                return Link(guardianId: g, studentId: s)
            }
        }
        let encoder = SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase)
        for start in stride(from: 0, to: links.count, by: 400) {
            try await sql.insert(into: "guardian_children")
                .models(Array(links[start..<min(start + 400, links.count)]), with: encoder)
                .ignoringConflicts(with: ["guardian_id", "student_id"]).run()
        }
    }

    public func upsert(history: [EnrollmentCount]) async throws {
        struct Row: Encodable, Sendable { var districtCode: String; var year: Int; var grade: String; var students: Int }
        try await sql.insertBatched(into: "enrollment_history",
                                    history.map { Row(districtCode: $0.districtCode, year: $0.year, grade: $0.grade.rawValue, students: $0.students) },
                                    upsertOn: ["district_code", "year", "grade"])
    }

    public func upsert(births: [BirthCount]) async throws {
        try await sql.insertBatched(into: "births", births, upsertOn: ["district_code", "year"])
    }

    /// Plain inserts of freshly generated rows (the demo city): no conflict handling, fastest path.
    public func insertNew(students: [StudentRecord], guardians: [GuardianRecord], links: [(guardianID: String, studentID: String)],
                          teachers: [TeacherRecord]) async throws {
        try await insertNew(NewPeopleRows(students: students, guardians: guardians, links: links, teachers: teachers))
    }

    func insertNew(_ rows: NewPeopleRows) async throws {
        let writer = BulkWriter(database: database)
        for table in rows.tables { try await writer.write(table) }
    }
}

/// Freshly made registry rows in the bulk writer's form, sealed and indexed already: building
/// them is most of the CPU work of a large load, so the demo loader builds the next batch while
/// the database writes this one.
struct NewPeopleRows: Sendable {
    var tables = [
        BulkRows(table: "students", columns: ["id", "national_id", "national_id_index", "name", "gender", "birth_date", "hukou",
                                             "zone_id", "school_id", "grade", "class_no"]),
        BulkRows(table: "guardians", columns: ["id", "national_id", "national_id_index", "name", "phone", "relation"]),
        BulkRows(table: "guardian_children", columns: ["guardian_id", "student_id"]),
        BulkRows(table: "teachers", columns: ["id", "national_id", "national_id_index", "name", "school_id", "subject", "title",
                                             "degree", "key_level", "specialism", "full_time_psychology"]),
    ]

    init() {}

    init(students: [StudentRecord], guardians: [GuardianRecord], links: [(guardianID: String, studentID: String)],
         teachers: [TeacherRecord]) throws {
        for student in students { try add(student) }
        for guardian in guardians { try add(guardian) }
        for link in links { add(link: link) }
        for teacher in teachers { try add(teacher) }
    }

    var studentCount: Int { tables[0].rows.count }
    var guardianCount: Int { tables[1].rows.count }
    var teacherCount: Int { tables[3].rows.count }

    mutating func add(_ s: StudentRecord) throws {
        tables[0].rows.append([.text(s.id), .text(try FieldProtection.seal(s.nationalId)), .text(s.nationalIdIndex), .text(s.name),
                               .text(s.gender), .text(s.birthDate), .text(s.hukou), BulkValue(s.zoneId), BulkValue(s.schoolId),
                               BulkValue(s.grade), BulkValue(s.classNo)])
    }

    mutating func add(_ g: GuardianRecord) throws {
        tables[1].rows.append([.text(g.id), .text(try FieldProtection.seal(g.nationalId)), .text(g.nationalIdIndex), .text(g.name),
                               .text(g.phone), .text(g.relation)])
    }

    mutating func add(link: (guardianID: String, studentID: String)) {
        tables[2].rows.append([.text(link.guardianID), .text(link.studentID)])
    }

    mutating func add(_ t: TeacherRecord) throws {
        tables[3].rows.append([.text(t.id), .text(try FieldProtection.seal(t.nationalId)), .text(t.nationalIdIndex), .text(t.name),
                               .text(t.schoolId), .text(t.subject), .text(t.title), .text(t.degree), .text(t.keyLevel),
                               .text(t.specialism), .boolean(t.fullTimePsychology)])
    }
}

extension RegistryStore {
    /// Row ids by ID number, looked up through the blind index a few hundred at a time.
    func ids(table: String, nationalIDs: [String]) async throws -> [String: String] {
        struct Row: Decodable { var id: String; var nationalIdIndex: String }
        let byIndex = try Dictionary(Set(nationalIDs).map { (try FieldProtection.blindIndex($0), $0) }, uniquingKeysWith: { a, _ in a })
        let indexes = Array(byIndex.keys)
        var result: [String: String] = [:]
        for start in stride(from: 0, to: indexes.count, by: 400) {
            var query: SQLQueryString = "SELECT id, national_id_index FROM \(unsafeRaw: table) WHERE national_id_index IN ("
            query.appendList(Array(indexes[start..<min(start + 400, indexes.count)]))
            query.appendLiteral(")")
            for row in try await sql.all(query, as: Row.self) {
                if let nationalID = byIndex[row.nationalIdIndex] { result[nationalID] = row.id }
            }
        }
        return result
    }

    /// Known keys, for validating an import's references before anything is written.
    public func knownKeys() async throws -> KnownRegistryKeys {
        struct Code: Decodable { var code: String }
        struct Key: Decodable { var id: String }
        struct SchoolKey: Decodable { var id: String; var stages: String }
        let districts = try await sql.all("SELECT code FROM districts", as: Code.self).map(\.code)
        let zones = try await sql.all("SELECT id FROM zones", as: Key.self).map(\.id)
        let schools = try await sql.all("SELECT id, stages FROM schools", as: SchoolKey.self)
        return KnownRegistryKeys(
            districtCodes: Set(districts), zoneIDs: Set(zones),
            schoolStages: Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.stages.split(separator: ";").compactMap { Stage(rawValue: String($0)) }) }),
            studentNationalIDs: { [self] ids in Set(try await self.ids(table: "students", nationalIDs: ids).keys) })
    }
}

/// Keys already stored. Student IDs are looked up on demand (there are millions).
public struct KnownRegistryKeys: Sendable {
    public var districtCodes: Set<String>
    public var zoneIDs: Set<String>
    public var schoolStages: [String: [Stage]]
    public var studentNationalIDs: @Sendable ([String]) async throws -> Set<String>
}
