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
        try await store.transaction { tx in try await BulkWriter(database: tx.database).withLargeCache {
            var summary = Summary()
            try await tx.upsert(districts: city.districts)
            try await tx.sql.insertBatched(into: "schools", city.schools.map(SchoolRecord.init))
            try await tx.sql.insertBatched(into: "zones", city.zones.map(ZoneRecord.init))
            try await tx.upsert(history: city.history)
            try await tx.upsert(births: city.births)
            summary.districts = city.districts.count; summary.schools = city.schools.count; summary.zones = city.zones.count

            var stream = city.makePeopleStream()
            var ids = RowIDs()
            var lastReport = 0.0
            // The next batch is built (ids, sealing, blind indexes: most of the CPU work) while the
            // database writes the previous one, so both cores work.
            var writing: Task<Void, any Error>?
            do {
                while let rows = try nextRows(from: &stream, ids: &ids) {
                    try await writing?.value
                    summary.students += rows.studentCount; summary.guardians += rows.guardianCount; summary.teachers += rows.teacherCount
                    writing = Task { try await tx.insertNew(rows) }
                    if stream.fractionDone - lastReport >= 0.05 || stream.fractionDone == 1 {
                        lastReport = stream.fractionDone
                        progress(stream.fractionDone, summary)
                    }
                }
                try await writing?.value
            } catch {
                _ = try? await writing?.value
                throw error
            }
            try await SupervisionStore(tx.database).store(DemoSupervisionReports(city: city))
            progress(1, summary)
            return summary
        } }
    }

    /// The rows of the stream's next schools, at least 20,000 pupils' worth; nil when it is done.
    private static func nextRows(from stream: inout DemoPeopleStream, ids: inout RowIDs) throws -> NewPeopleRows? {
        var rows = NewPeopleRows()
        var any = false
        while rows.studentCount < 20_000, let batch = stream.nextBatch() {
            any = true
            var rowIDs: [String: String] = [:]
            for student in batch.students {
                let record = try StudentRecord(id: ids.next(), student)
                rowIDs[student.nationalID] = record.id
                try rows.add(record)
            }
            for guardian in batch.guardians {
                let record = try GuardianRecord(id: ids.next(), guardian)
                try rows.add(record)
                for child in guardian.childNationalIDs { if let s = rowIDs[child] { rows.add(link: (record.id, s)) } }
            }
            for teacher in batch.teachers { try rows.add(TeacherRecord(id: ids.next(), teacher)) }
        }
        return any ? rows : nil
    }
}
