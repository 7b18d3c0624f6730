import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// `youjiao import special-education FILE`: existing case files, validated as a whole against the
/// registry and the rules of the web forms, then written in one transaction.
public struct SpecialEducationImporter: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    /// - Returns: files stored. Throws `InputErrors` (row, field, reason for each problem) and stores nothing.
    public func importTable(_ table: CSVTable, today: CaseDate) async throws -> Int {
        let references = try await references(nationalIDs: SpecialEducationCSV.nationalIDs(in: table))
        let files = try SpecialEducationCSV.decode(table: table, references: references, today: today)
        try await SpecialEducationStore(database).insert(files)
        return files.count
    }

    /// The districts, the schools, and the pupils the file names with whether they have a file.
    private func references(nationalIDs: [String]) async throws -> SpecialEducationReferences {
        let registry = RegistryStore(database)
        let districts = Set(try await registry.districts().map(\.code))
        let schools = try await registry.schools(SchoolFilter(), page: .everything).items
        struct Row: Decodable { var id: String; @Sealed var nationalId: String; var name: String; var birthDate: String; var schoolId: String?; var caseId: String? }
        let indexes = try nationalIDs.map { try FieldProtection.blindIndex($0) }
        var children: [String: CaseChild] = [:], withFile: Set<String> = []
        for start in stride(from: 0, to: nationalIDs.count, by: 400) {
            var query: SQLQueryString = """
                SELECT st.id, st.national_id, st.name, st.birth_date, st.school_id, c.id AS case_id FROM students st
                LEFT JOIN sped_cases c ON c.student_id = st.id WHERE st.national_id_index IN (
                """
            query.appendList(Array(indexes[start..<min(start + 400, indexes.count)]))
            query.appendLiteral(")")
            for row in try await sql.all(query, as: Row.self) {
                guard let birth = CaseDate(row.birthDate) else { continue }
                children[row.nationalId] = CaseChild(studentID: row.id, name: row.name, nationalID: row.nationalId, birthDate: birth, schoolID: row.schoolId)
                if row.caseId != nil { withFile.insert(row.nationalId) }
            }
        }
        return SpecialEducationReferences(districtCodes: districts, schools: Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0) }),
                                          children: children, childrenWithFile: withFile)
    }
}

/// Loads the demo city's case files (`SpecialEducationDemo`) after the registry and the demo
/// accounts: each file names the school-admin accounts of the child's school.
public enum SpecialEducationDemoLoader {
    /// - Returns: the number of files stored.
    public static func load(into database: any Database, seed: UInt64, today: CaseDate) async throws -> Int {
        let registry = RegistryStore(database)
        let sql = registry.sql
        let schools = try await registry.schools(SchoolFilter(), page: .everything).items.sorted { $0.id < $1.id }
        let specialSchools = Dictionary(grouping: schools.filter { $0.stages.contains(.special) }, by: \.districtCode)
        struct PupilRow: Decodable { var id: String; @Sealed var nationalId: String; var name: String; var birthDate: String; var grade: String? }
        var files: [CaseFile] = []
        for school in schools {
            let pupils = try await sql.all("""
                SELECT id, national_id, name, birth_date, grade FROM students WHERE school_id = \(bind: school.id)
                """, as: PupilRow.self).sorted { $0.nationalId < $1.nationalId }.compactMap { row -> SpecialEducationDemo.Pupil? in
                guard let birth = CaseDate(row.birthDate), let grade = row.grade.flatMap(Grade.init(rawValue:)) else { return nil }
                return .init(child: CaseChild(studentID: row.id, name: row.name, nationalID: row.nationalId, birthDate: birth, schoolID: school.id), grade: grade)
            }
            files += SpecialEducationDemo.files(school: school, pupils: pupils, homeTeachingSchool: specialSchools[school.districtCode]?.first,
                                                seed: seed, today: today)
        }
        struct UserRow: Decodable { var id: String; var schoolId: String? }
        let admins = Dictionary(grouping: try await sql.all("SELECT id, school_id FROM users WHERE role = \(bind: Role.schoolAdmin.rawValue) ORDER BY id",
                                                            as: UserRow.self), by: \.schoolId)
        for index in files.indices {
            files[index].staffUserIDs = (admins[files[index].schoolID(on: today)] ?? []).map(\.id)
        }
        try await SpecialEducationStore(database).insert(files)
        return files.count
    }
}
