import FluentKit
import Foundation
import Logging
import NIOPosix
import SQLKit
import Testing
import YoujiaoCore
@testable import YoujiaoStore
import YoujiaoTestSupport

/// Sensitive fields at rest (both databases): no table holds an ID number or a disability detail in
/// clear, look-ups go through the blind index, rotation re-seals everything, a changed value is
/// refused by name, and the migration seals what an older database holds.
@Suite("Field protection store")
struct FieldProtectionStoreTests {
    static let numbers = [Fixture.childA.nationalID, Fixture.childB.nationalID, Fixture.guardianA.nationalID,
                          Fixture.guardianB.nationalID, Fixture.teacherA.nationalID]

    func tables(_ sql: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { var name: String }
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
        return try await sql.raw(query).all(decoding: Row.self).map(\.name)
    }

    /// Every text cell of every table.
    func allText(_ sql: any SQLDatabase) async throws -> [(table: String, text: String)] {
        var cells: [(String, String)] = []
        for table in try await tables(sql) {
            for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                for column in row.allColumns {
                    if let text = try? row.decode(column: column, as: String?.self) { cells.append((table, text)) }
                }
            }
        }
        return cells
    }

    func addCaseFile(_ store: OpenStore) async throws {
        let row = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
        let child = CaseChild(studentID: row.id, name: row.name, nationalID: row.nationalId, birthDate: CaseDate(row.birthDate)!, schoolID: row.schoolId)
        let today = CaseDate("2025-11-20")!
        var file = try CaseFile.open(SpecialEducationCase(districtCode: "310101", stage: .primary, category: .hearing, level: .two,
                                                          openedOn: CaseDate("2024-09-10")!), child: child, today: today)
        _ = try file.addAssessment(CaseAssessment(date: CaseDate("2024-09-05")!, kind: .medical, assessor: "上海市儿童医院",
                                                  summary: "双耳重度感音神经性聋"), today: today)
        try await SpecialEducationStore(store.database).insert([file])
    }

    @Test func noTableHoldsAnIDNumberOrADisabilityDetailInClear() async throws {
        try await TestDatabase.withStore { store in
            _ = try await AidFixture.load(into: store.registry)
            try await addCaseFile(store)
            let cells = try await allText(store.sql)
            #expect(cells.count > 50, "the scan read the tables")
            for number in Self.numbers + AidFixture.dibao.map(\.nationalID) {
                let found = cells.filter { $0.text.contains(number) }.map(\.table)
                #expect(found.isEmpty, "\(NationalID.mask(number)) in clear in \(found)")
            }
            for detail in ["双耳重度感音神经性聋", DisabilityCategory.hearing.rawValue] {
                let found = cells.filter { $0.text.contains(detail) }.map(\.table)
                #expect(found.isEmpty, "\(detail) in clear in \(found)")
            }
            // And every protected column holds sealed values only.
            for column in FieldResealing.columns {
                struct Row: Decodable { var value: String? }
                for row in try await store.sql.raw("SELECT \(ident: column.column) AS value FROM \(ident: column.table)").all(decoding: Row.self) {
                    if let value = row.value { #expect(value.hasPrefix("v1."), "\(column.table).\(column.column)") }
                }
            }
            // Read back through the app, everything is as stored.
            let file = try #require(try await SpecialEducationStore(store.database).caseFiles(.all).first)
            #expect(file.caseRecord.category == .hearing && file.assessments.first?.summary == "双耳重度感音神经性聋")
            #expect(try await store.registry.student(nationalID: Fixture.childA.nationalID)?.name == Fixture.childA.name)
        }
    }

    @Test func numbersAreFoundThroughTheBlindIndexAndAResentImportUpdatesInPlace() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            var renamed = Fixture.childA
            renamed.name = "王小明（改）"
            try await store.registry.upsert(students: [renamed])
            #expect(try await store.registry.count(.students) == 2, "the unique blind index made the second import an update")
            let row = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            #expect(row.name == "王小明（改）" && row.nationalId == Fixture.childA.nationalID)
            #expect(row.nationalIdIndex == (try FieldProtection.blindIndex(Fixture.childA.nationalID)))
            #expect(try await store.registry.student(nationalID: "310101201703050000") == nil)
            #expect(try await store.registry.guardian(nationalID: Fixture.guardianB.nationalID)?.name == Fixture.guardianB.name)
        }
    }

    @Test func rotationResealsEverythingUnderTheNewKey() async throws {
        try await TestDatabase.withStore { store in
            _ = try await AidFixture.load(into: store.registry)
            try await addCaseFile(store)
            // Other tests of this process share the ring: adding a key keeps the old one for them.
            let rotated = try FieldProtection.ring.adding(FieldKeyRing.generate().current)
            FieldProtection.install(rotated)
            let first = try await FieldResealing.rotate(on: store.database)
            let students = try #require(first.first { $0.table == "students" })
            #expect(students.values == 3 && students.underOlderKeys == 3, "AidFixture's leaver too: \(students)")
            #expect(first.first { $0.table == "sped_assessments" }?.values == 1)
            let second = try await FieldResealing.rotate(on: store.database)
            #expect(second.allSatisfy { $0.underOlderKeys == 0 }, "nothing left under older keys")
            for column in FieldResealing.columns {
                struct Row: Decodable { var value: String? }
                for row in try await store.sql.raw("SELECT \(ident: column.column) AS value FROM \(ident: column.table)").all(decoding: Row.self) {
                    if let value = row.value { #expect(rotated.isSealedUnderCurrentKey(value), "\(column.table).\(column.column)") }
                }
            }
            #expect(try await store.registry.student(nationalID: Fixture.childB.nationalID)?.name == Fixture.childB.name)
            #expect(try await SpecialEducationStore(store.database).caseFiles(.all).first?.caseRecord.category == .hearing)
        }
    }

    @Test func aChangedValueIsRefusedByNameAndRotationThenChangesNothing() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let a = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            struct Row: Decodable { var id: String; var nationalId: String }
            let before = try await store.sql.raw("SELECT id, national_id FROM students ORDER BY id").all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            let sealed = try #require(before.first { $0.id == a.id }).nationalId
            let parts = sealed.split(separator: ".", maxSplits: 2).map(String.init)
            var bytes = try #require(Data(base64Encoded: parts[2]))
            bytes[bytes.count - 1] ^= 0x01
            let changed = "\(parts[0]).\(parts[1]).\(bytes.base64EncodedString())"
            try await store.sql.raw("UPDATE students SET national_id = \(bind: changed) WHERE id = \(bind: a.id)").run()

            await #expect(throws: FieldKeyError.unreadable) { try await store.registry.student(id: a.id) }
            do {
                _ = try await FieldResealing.rotate(on: store.database)
                Issue.record("rotation went past a value that does not open")
            } catch let error as ResealingError {
                #expect(error.table == "students" && error.column == "national_id" && error.rowKey == a.id)
                #expect(!error.description.contains(changed) && error.description.contains("nothing was changed"))
            }
            let after = try await store.sql.raw("SELECT id, national_id FROM students ORDER BY id").all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            #expect(after.filter { $0.id != a.id }.map(\.nationalId) == before.filter { $0.id != a.id }.map(\.nationalId), "the transaction rolled back")
        }
    }

    @Test func theMigrationSealsWhatAnOlderDatabaseHolds() async throws {
        let database = try await TestDatabase.make()
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        do {
            try await StoreSetup.register(database.target, on: databases)
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            func migrate(_ list: ArraySlice<any Migration>) async throws {
                let migrations = Migrations()
                for migration in list { migrations.add(migration) }
                let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
                try await migrator.setupIfNeeded().get()
                try await migrator.prepareBatch().get()
            }
            let sealing = try #require(StoreSetup.migrations.firstIndex { $0 is SealSensitiveFields })
            try await migrate(StoreSetup.migrations[..<sealing])
            let db = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
            let sql = db as! any SQLDatabase
            // Rows as the release before sealing wrote them.
            try await sql.raw("INSERT INTO districts (code, name, zone_kind) VALUES ('310101', '黄浦区', 'central')").run()
            try await sql.raw("""
                INSERT INTO students (id, national_id, name, gender, birth_date, hukou) VALUES
                ('s1', \(bind: Fixture.childA.nationalID), '王小明', 'male', '2017-03-05', 'local')
                """).run()
            try await sql.raw("INSERT INTO users (id, username, password_hash, role, display_name, created_at, totp_secret) VALUES ('u1', 'city', 'x', 'city-admin', '市', '2026-01-01T00:00:00Z', 'JBSWY3DPEHPK3PXP')").run()
            try await migrate(StoreSetup.migrations[...])

            struct Row: Decodable { var nationalId: String; var nationalIdIndex: String? }
            let stored = try #require(try await sql.raw("SELECT national_id, national_id_index FROM students").all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).first)
            #expect(stored.nationalId.hasPrefix("v1.") && !stored.nationalId.contains(Fixture.childA.nationalID))
            #expect(stored.nationalIdIndex == (try FieldProtection.blindIndex(Fixture.childA.nationalID)))
            #expect(try await RegistryStore(db).student(nationalID: Fixture.childA.nationalID)?.id == "s1")
            #expect(try await AccountStore(db).user(username: "city")?.totpSecret == "JBSWY3DPEHPK3PXP")
            await #expect(throws: (any Error).self, "the blind index is unique") {
                try await sql.raw("UPDATE students SET national_id_index = 'x'").run()
                try await sql.raw("""
                    INSERT INTO students (id, national_id, national_id_index, name, gender, birth_date, hukou)
                    VALUES ('s2', 'v1.k.x', 'x', '李', 'male', '2017-03-05', 'local')
                    """).run()
            }
        } catch {
            await databases.shutdownAsync(); await database.destroy(); throw error
        }
        await databases.shutdownAsync()
        await database.destroy()
    }

    /// The demo's row keys: UUID-shaped, unique, and in creation order (so indexes grow at their end).
    @Test func demoRowKeysAreUUIDShapedAndAscend() {
        var ids = RowIDs()
        let keys = (0..<1_000).map { _ in ids.next() }
        #expect(keys.allSatisfy { UUID(uuidString: $0) != nil && $0 == $0.lowercased() })
        #expect(keys == keys.sorted())
        #expect(Set(keys).count == keys.count)
        var other = RowIDs()
        #expect(other.next().suffix(17) != keys[0].suffix(17), "two loads draw different random halves")
    }
}
