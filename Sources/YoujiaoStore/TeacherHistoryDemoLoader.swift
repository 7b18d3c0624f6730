import Foundation
import SQLKit
import YoujiaoCore

/// Gives the demo city's teachers their careers (`TeacherHistoryDemo`) and homes (`TeacherHomeDemo`), one transaction.
public enum TeacherHistoryDemoLoader {
    /// Returns the records stored: appointments, qualifications, training, rotations.
    public static func load(into registry: RegistryStore, seed: UInt64, today: CaseDate) async throws -> (Int, Int, Int, Int) {
        struct Row: Decodable { var schoolId: String; @Sealed var nationalId: String; var title: String; var keyLevel: String }
        // Sorted by the ID number itself: the blind index's order depends on the install's key, and the
        // demo must come out the same on every install for a seed and a day.
        let teachers = try await registry.sql.all("SELECT school_id, national_id, title, key_level FROM teachers", as: Row.self)
            .sorted { $0.nationalId < $1.nationalId }
        let schools = try await registry.schools(SchoolFilter(), page: .everything).items
        // A school's peers: the district's schools sharing one of its stages.
        var peers: [String: [String]] = [:]
        let byDistrict = Dictionary(grouping: schools, by: \.districtCode)
        for school in schools {
            peers[school.id] = (byDistrict[school.districtCode] ?? []).filter { !Set($0.stages).isDisjoint(with: school.stages) }.map(\.id)
        }
        let districtOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.districtCode) })
        let records = TeacherHistoryDemo.generate(
            teachers.map { .init(nationalID: $0.nationalId, schoolID: $0.schoolId, title: TeacherTitle(rawValue: $0.title) ?? .none,
                                 keyLevel: KeyTeacherLevel(rawValue: $0.keyLevel) ?? .none, districtCode: districtOf[$0.schoolId] ?? "") },
            otherSchools: { peers[$0] ?? [] }, today: today, seed: seed)
        let schoolByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0) })
        let homes = TeacherHomeDemo.generate(teachers.compactMap { teacher in
            schoolByID[teacher.schoolId].map { .init(nationalID: teacher.nationalId, schoolLatitude: $0.latitude, schoolLongitude: $0.longitude) }
        }, seed: seed)
        try await registry.transaction { tx in try await BulkWriter(database: tx.database).withLargeCache {
            let store = TeacherHistoryStore(tx.database)
            try await store.upsert(appointments: records.appointments)
            try await store.upsert(qualifications: records.qualifications)
            try await store.upsert(training: records.training)
            try await store.upsert(rotations: records.rotations)
            try await TeacherHomeStore(tx.database).upsert(homes, source: .personnelFile, on: today)
        } }
        return (records.appointments.count, records.qualifications.count, records.training.count, records.rotations.count)
    }
}
