import Foundation
import YoujiaoCore

/// Loads the synthetic demo city into an empty database, in one transaction.
public enum DemoLoader {
    public struct Summary: Sendable {
        public var districts = 0, schools = 0, zones = 0, students = 0, guardians = 0, teachers = 0
    }

    /// - Parameter progress: called after each batch of schools with the fraction done.
    public static func load(_ city: DemoCity, into store: RegistryStore,
                            progress: @escaping @Sendable (Double, Summary) -> Void) async throws -> Summary {
        try await store.transaction { tx in
            var summary = Summary()
            try await tx.upsert(districts: city.districts)
            try await tx.sql.insertBatched(into: "schools", city.schools.map(SchoolRecord.init))
            try await tx.sql.insertBatched(into: "zones", city.zones.map(ZoneRecord.init))
            try await tx.upsert(history: city.history)
            try await tx.upsert(births: city.births)
            summary.districts = city.districts.count; summary.schools = city.schools.count; summary.zones = city.zones.count

            var stream = city.makePeopleStream()
            var students: [StudentRecord] = [], guardians: [GuardianRecord] = [], teachers: [TeacherRecord] = []
            var links: [(guardianID: String, studentID: String)] = []
            var lastReport = 0.0
            func flush() async throws {
                try await tx.insertNew(students: students, guardians: guardians, links: links, teachers: teachers)
                summary.students += students.count; summary.guardians += guardians.count; summary.teachers += teachers.count
                students.removeAll(keepingCapacity: true); guardians.removeAll(keepingCapacity: true)
                teachers.removeAll(keepingCapacity: true); links.removeAll(keepingCapacity: true)
            }
            while let batch = stream.nextBatch() {
                var rowIDs: [String: String] = [:]
                for student in batch.students {
                    let record = try StudentRecord(id: DemoLoader.rowID(), student)
                    rowIDs[student.nationalID] = record.id
                    students.append(record)
                }
                for guardian in batch.guardians {
                    let record = try GuardianRecord(id: DemoLoader.rowID(), guardian)
                    guardians.append(record)
                    for child in guardian.childNationalIDs { if let s = rowIDs[child] { links.append((record.id, s)) } }
                }
                teachers += try batch.teachers.map { try TeacherRecord(id: DemoLoader.rowID(), $0) }
                if students.count >= 20_000 { try await flush() }
                if stream.fractionDone - lastReport >= 0.05 || stream.fractionDone == 1 {
                    lastReport = stream.fractionDone
                    progress(stream.fractionDone, summary)
                }
            }
            try await flush()
            try await SupervisionStore(tx.database).store(DemoSupervisionReports(city: city))
            progress(1, summary)
            return summary
        }
    }

    /// Opaque row keys; they appear in URLs instead of ID numbers.
    static func rowID() -> String { UUID().uuidString.lowercased() }
}
