import Foundation
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// Teacher-history files through the registry importer and exporter (SQLite, or PostgreSQL when
/// DATABASE_URL is set): all or nothing, a second import replaces rather than repeats, export
/// writes what import read; and the demo's careers.
@Suite("Teacher history store")
struct TeacherHistoryStoreTests {
    func withStore(_ body: (OpenStore) async throws -> Void) async throws {
        let database = try await TestDatabase.make()
        let store = try await database.openStore()
        do {
            try await Fixture.load(into: store.registry)
            try await body(store)
        } catch { await store.close(); await database.destroy(); throw error }
        await store.close()
        await database.destroy()
    }

    func export(_ store: OpenStore, _ kind: RegistryEntityKind) async throws -> String {
        var rows: [[String]] = []
        try await RegistryExporter(store: store.registry).forEachBatch(of: kind) { batch in rows += batch.map(\.csvCells) }
        return CSVWriter.document(header: kind.columns.map(\.name), rows: rows)
    }

    @Test func filesImportAllOrNothingAndExportAsRead() async throws {
        try await withStore { store in
            let t = Fixture.teacherA.nationalID
            let importer = RegistryImporter(store: store.registry)
            let training = "national_id,course,provider,hours,date,kind\n\(t),新课标解读,区教师进修学院,1.5,2024-03-01,district\n\(t),听评课,本校,4,2024-05-01,school\n"
            let trainingTable = try CSVTable.parse(text: training, fileName: "t.csv")
            #expect(try await importer.importTable(trainingTable, as: .training) == 2)
            #expect(try await importer.importTable(trainingTable, as: .training) == 2)
            #expect(try await export(store, .training) == training, "imported twice, stored once, exported as read")

            let stranger = NationalID.make(areaCode: "310101", birthDate: "19900101", sequence: 77).value
            let bad = "national_id,course,provider,hours,date,kind\n\(t),作业设计,本校,2,2024-06-01,school\n\(stranger),作业设计,本校,2,2024-06-01,school\n"
            let badTable = try CSVTable.parse(text: bad, fileName: "bad.csv")
            await #expect(throws: InputErrors.self) { try await importer.importTable(badTable, as: .training) }
            #expect(try await export(store, .training) == training, "a file with one bad row stores none of it")

            let appointments = "national_id,school_id,post,from,until,previous_province\n\(t),3101010001,teacher,2015-09-01,,51\n"
            let appointmentTable = try CSVTable.parse(text: appointments, fileName: "a.csv")
            #expect(try await importer.importTable(appointmentTable, as: .appointments) == 1)
            #expect(try await export(store, .appointments) == appointments)
            let rotations = "national_id,from_school_id,to_school_id,start,planned_end,kind,status\n\(t),3101010001,3101040001,2024-09-01,2027-08-31,rural,active\n"
            let rotationTable = try CSVTable.parse(text: rotations, fileName: "r.csv")
            #expect(try await importer.importTable(rotationTable, as: .rotations) == 1)
            #expect(try await export(store, .rotations) == rotations)
        }
    }

    @Test func theDemoGivesEveryTeacherACareer() async throws {
        try await withStore { store in
            let (appointments, qualifications, training, _) = try await TeacherHistoryDemoLoader.load(into: store.registry, seed: 1, today: CaseDate("2026-12-06")!)
            #expect(appointments >= 1 && qualifications >= 1 && training > 10, "\(appointments) \(qualifications) \(training)")
            let teacher = try #require(try await store.sql.raw("SELECT id FROM teachers").all(decoding: IDRow.self).first)
            let history = try #require(try await TeacherHistoryStore(store.database).histories(teacherIDs: [teacher.id])[teacher.id])
            #expect(history.appointments.last?.schoolID == Fixture.teacherA.schoolID && history.appointments.last?.until == nil, "the current post is the registry's school")
            #expect(history.qualifications.contains { $0.kind == .title && $0.value == Fixture.teacherA.title.rawValue })
            // The rotation pages read only the posts and rotations: the same as in the whole history, nothing else.
            let postsAndRotations = try #require(try await TeacherHistoryStore(store.database)
                .histories(teacherIDs: [teacher.id], parts: .postsAndRotations)[teacher.id])
            #expect(postsAndRotations.appointments == history.appointments && postsAndRotations.rotations == history.rotations)
            #expect(postsAndRotations.qualifications.isEmpty && postsAndRotations.training.isEmpty)
        }
    }

    struct IDRow: Decodable { var id: String }
}
