import Foundation
import YoujiaoCore

/// Validates a whole CSV file against the registry, then writes it in one transaction.
public struct RegistryImporter: Sendable {
    public let store: RegistryStore
    public init(store: RegistryStore) { self.store = store }

    /// - Returns: rows stored. Throws `InputErrors` (row, field, reason for each problem) and stores nothing.
    public func importTable(_ table: CSVTable, as kind: RegistryEntityKind) async throws -> Int {
        let known = try await store.knownKeys()
        var references = RegistryReferences(districtCodes: known.districtCodes, zoneIDs: known.zoneIDs, schoolStages: known.schoolStages)
        switch kind {
        case .districts:
            let rows = try District.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(districts: rows) }
            return rows.count
        case .zones:
            let rows = try CatchmentZone.csvDecode(table: table, references: references)
            // A file from before the kindergarten column says nothing about kindergartens: keep the stored ones.
            let keepKindergartens = table.position(of: CatchmentZone.kindergartenColumn) == nil
            try await store.transaction { tx in try await tx.upsert(zones: keepKindergartens ? tx.withStoredKindergartens(rows) : rows) }
            return rows.count
        case .schools:
            let rows = try School.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(schools: rows) }
            return rows.count
        case .students:
            let rows = try Student.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(students: rows) }
            return rows.count
        case .guardians:
            references.studentIDs = try await known.studentNationalIDs(childIDs(in: table))
            let rows = try Guardian.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(guardians: rows) }
            return rows.count
        case .teachers:
            let rows = try Teacher.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(teachers: rows) }
            return rows.count
        case .enrollment:
            let rows = try EnrollmentCount.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(history: rows) }
            return rows.count
        case .births:
            let rows = try BirthCount.csvDecode(table: table, references: references)
            try await store.transaction { try await $0.upsert(births: rows) }
            return rows.count
        case .appointments, .qualifications, .training, .rotations, .teacherHomes:
            references.teacherIDs = Set(try await store.ids(table: "teachers", nationalIDs: teacherIDs(in: table)).keys)
            return try await importTeacherHistory(table, as: kind, references: references)
        }
    }

    private func importTeacherHistory(_ table: CSVTable, as kind: RegistryEntityKind, references: RegistryReferences) async throws -> Int {
        switch kind {
        case .appointments:
            let rows = try TeacherAppointment.csvDecode(table: table, references: references)
            try await store.transaction { try await TeacherHistoryStore($0.database).upsert(appointments: rows) }
            return rows.count
        case .qualifications:
            let rows = try TeacherQualification.csvDecode(table: table, references: references)
            try await store.transaction { try await TeacherHistoryStore($0.database).upsert(qualifications: rows) }
            return rows.count
        case .training:
            let rows = try TeacherTraining.csvDecode(table: table, references: references)
            try await store.transaction { try await TeacherHistoryStore($0.database).upsert(training: rows) }
            return rows.count
        case .rotations:
            let rows = try TeacherRotation.csvDecode(table: table, references: references)
            try await store.transaction { try await TeacherHistoryStore($0.database).upsert(rotations: rows) }
            return rows.count
        case .teacherHomes:
            let rows = try TeacherHome.csvDecode(table: table, references: references)
            try await store.transaction { try await TeacherHomeStore($0.database).upsert(rows, source: .personnelFile) }
            return rows.count
        default:
            preconditionFailure("\(kind) is not a teacher-history file")
        }
    }

    /// The teachers' ID numbers a teacher-history file names (upper-case X), to look up only those.
    private func teacherIDs(in table: CSVTable) -> [String] {
        guard let index = table.position(of: CSVColumn("national_id", "身份证号")) else { return [] }
        return table.rows.map { $0.values[index].trimmingCharacters(in: .whitespaces).uppercased() }
    }

    /// The children named in a guardians file, to look up only those among millions of pupils.
    private func childIDs(in table: CSVTable) -> [String] {
        guard let column = Guardian.csvColumns.first(where: { $0.name == "children" }), let index = table.position(of: column) else { return [] }
        return table.rows.flatMap { row in
            row.values[index].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        }
    }
}

private extension RegistryStore {
    /// `zones` with the kindergarten each already has in the database (none for a new zone).
    func withStoredKindergartens(_ zones: [CatchmentZone]) async throws -> [CatchmentZone] {
        struct Stored: Decodable { var id: String; var kindergartenSchoolId: String? }
        let stored = try await sql.all("SELECT id, kindergarten_school_id FROM zones", as: Stored.self)
        let kindergartens = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.kindergartenSchoolId) })
        return zones.map { zone in
            var zone = zone
            zone.kindergartenSchoolID = kindergartens[zone.id] ?? nil
            return zone
        }
    }
}
