import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// Import, export and the schema, on SQLite by default and on PostgreSQL when DATABASE_URL is set.
struct JournalMode: Decodable { var journal_mode: String }
struct Synchronous: Decodable { var synchronous: Int }

@Suite("Registry store on SQLite, or PostgreSQL when DATABASE_URL is set")
struct RegistryImportTests {
    func importCSV(_ text: String, as kind: RegistryEntityKind, into store: OpenStore, file: String = "upload.csv") async throws -> Int {
        let table = try CSVTable.parse(data: Data(text.utf8), fileName: file)
        return try await RegistryImporter(store: store.registry).importTable(table, as: kind)
    }

    func exportCSV(_ kind: RegistryEntityKind, from store: OpenStore) async throws -> String {
        var rows: [[String]] = []
        try await RegistryExporter(store: store.registry).forEachBatch(of: kind) { rows += $0.map(\.csvCells) }
        return CSVWriter.document(header: kind.columns.map(\.name), rows: rows)
    }

    @Test func sqliteFileUsesWALAndFullSync() async throws {
        guard TestDatabase.backend == "sqlite" else { return }
        try await TestDatabase.withStore { store in
            let mode = try await store.sql.raw("PRAGMA journal_mode").first(decoding: JournalMode.self)
            let sync = try await store.sql.raw("PRAGMA synchronous").first(decoding: Synchronous.self)
            #expect(mode?.journal_mode == "wal")
            #expect(sync?.synchronous == 2)
        }
    }

    @Test func exportImportsBackUnchanged() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            try await Fixture.loadKindergarten(into: store.registry)
            var exports: [RegistryEntityKind: String] = [:]
            for kind in [RegistryEntityKind.districts, .schools, .zones, .students, .guardians, .teachers] {
                exports[kind] = try await exportCSV(kind, from: store)
            }
            #expect(exports[.students]!.contains(Fixture.childA.nationalID), "export writes full ID numbers for the operator")
            #expect(exports[.zones]!.contains(",\(Fixture.huangpuKindergarten.id)\n"), "with the zone's kindergarten")
            // Into a second, empty database: the exported files rebuild the same registry.
            try await TestDatabase.withStore { other in
                for kind in [RegistryEntityKind.districts, .schools, .zones, .students, .guardians, .teachers] {
                    _ = try await importCSV(exports[kind]!, as: kind, into: other)
                    #expect(try await exportCSV(kind, from: other) == exports[kind]!, "\(kind) round trip")
                }
            }
        }
    }

    @Test func aBadRowStoresNothingAndNamesRowAndField() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let good = NationalID.make(areaCode: "310101", birthDate: "20160101", sequence: 101).value
            var bad = NationalID.make(areaCode: "310101", birthDate: "20160102", sequence: 103).value
            bad = String(bad.dropLast()) + (bad.last == "1" ? "2" : "1")
            let csv = """
            national_id,name,gender,birth_date,hukou,zone,school_id,grade,class
            \(good),赵一,1,2016-01-01,local,310101-Z01,3101010001,4,1
            \(bad),钱二,1,2016-01-02,local,310101-Z01,3101010001,4,1
            """
            let before = try await store.registry.count(.students)
            await #expect {
                _ = try await importCSV(csv, as: .students, into: store)
            } throws: { (error: any Error) in
                let errors = (error as? InputErrors)?.errors ?? []
                return errors.count == 1 && errors[0].row == 3 && errors[0].field == "national_id" && errors[0].file == "upload.csv"
            }
            #expect(try await store.registry.count(.students) == before, "the good row was not stored either")
        }
    }

    @Test func duplicateIDsAndMissingColumnsAreRefused() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let id = NationalID.make(areaCode: "310101", birthDate: "20160101", sequence: 101).value
            let duplicate = """
            national_id,name,gender,birth_date,hukou,zone,school_id,grade,class
            \(id),赵一,1,2016-01-01,local,310101-Z01,3101010001,4,1
            \(id),赵一,1,2016-01-01,local,310101-Z01,3101010001,4,1
            """
            await #expect(throws: InputErrors.self) { _ = try await importCSV(duplicate, as: .students, into: store) }
            let missing = "national_id,name,gender\n\(id),赵一,1\n"
            do {
                _ = try await importCSV(missing, as: .students, into: store)
                Issue.record("a file without required columns was accepted")
            } catch let errors as InputErrors {
                #expect(errors.errors.contains { $0.field == "birth_date" && $0.row == 1 })
            }
            #expect(try await store.registry.count(.students) == 2)
        }
    }

    @Test func aGuardianOfAnUnknownChildIsRefused() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let stranger = NationalID.make(areaCode: "310115", birthDate: "20150505", sequence: 7).value
            let guardian = NationalID.make(areaCode: "310115", birthDate: "19800505", sequence: 9).value
            let csv = "national_id,name,phone,relation,children\n\(guardian),孙三,13911112222,father,\(stranger)\n"
            await #expect(throws: InputErrors.self) { _ = try await importCSV(csv, as: .guardians, into: store) }
            #expect(try await store.registry.count(.guardians) == 2)
        }
    }

    @Test func reimportingUpdatesInPlace() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            let before = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            var renamed = Fixture.childA
            renamed.name = "王晓明"
            let update = renamed
            try await store.registry.transaction { try await $0.upsert(students: [update]) }
            let after = try #require(try await store.registry.student(nationalID: Fixture.childA.nationalID))
            #expect(after.name == "王晓明")
            #expect(after.id == before.id, "the row key (used in URLs and links) stays")
            #expect(try await store.registry.count(.students) == 2)
        }
    }

    @Test func gbkFilesImportAndGBKInsideUTF8IsRefused() async throws {
        try await TestDatabase.withStore { store in
            // "黄浦区" in GBK: BB C6 C6 D6 C7 F8.
            var gbk = Data("code,name,zone_kind\n310101,".utf8)
            gbk.append(contentsOf: [0xBB, 0xC6, 0xC6, 0xD6, 0xC7, 0xF8])
            gbk.append(Data(",central\n".utf8))
            let table = try CSVTable.parse(data: gbk, fileName: "districts.csv")
            #expect(try await RegistryImporter(store: store.registry).importTable(table, as: .districts) == 1)
            #expect(try await store.registry.district(code: "310101")?.name == "黄浦区")

            var mixed = Data("code,name,zone_kind\n310104,徐汇区,central\n310105,".utf8)
            mixed.append(contentsOf: [0xB3, 0xA4, 0xC4, 0xFE])  // 长宁 in GBK
            mixed.append(Data(",central\n".utf8))
            do {
                _ = try CSVTable.parse(data: mixed, fileName: "districts.csv")
                Issue.record("GBK bytes inside a UTF-8 file were accepted")
            } catch let error as FieldError {
                #expect(error.row == 3)
            }
            #expect(try await store.registry.count(.districts) == 1)
        }
    }

    @Test func aFiftyMegabyteFileIsRefusedBeforeParsing() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).csv").path
        let line = Data("310101,黄浦区,central\n".utf8)
        var data = Data("code,name,zone_kind\n".utf8)
        while data.count < 50 << 20 { data.append(line) }
        FileManager.default.createFile(atPath: path, contents: data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try CSVTable.read(path: path)
            Issue.record("a 50 MB file was read")
        } catch let error as FieldError {
            #expect(error.reason.contains("over the limit"))
            #expect(error.file.hasPrefix("huge-"))
        }
    }

    /// The bulk path (COPY on PostgreSQL, plain binds on SQLite) stores each value in its column,
    /// escapes included, and reads back sealed and indexed like any other row.
    @Test func freshRowsKeepEveryValueInItsColumn() async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            var pupil = Fixture.childA
            pupil.nationalID = NationalID.make(areaCode: "310101", birthDate: "20170306", sequence: 12).value
            pupil.name = "王\t小\\N\n明\t'\"\r"
            pupil.residenceZoneID = nil; pupil.grade = nil; pupil.classNumber = nil
            let student = try StudentRecord(pupil)
            var parent = Fixture.guardianA
            parent.nationalID = NationalID.make(areaCode: "310101", birthDate: "19880102", sequence: 32).value
            parent.name = "\\N"
            let guardian = try GuardianRecord(parent)
            var staff = Fixture.teacherA
            staff.nationalID = NationalID.make(areaCode: "310101", birthDate: "19850506", sequence: 52).value
            staff.fullTimePsychology = true
            let teacher = try TeacherRecord(staff)
            try await store.registry.insertNew(students: [student], guardians: [guardian], links: [(guardian.id, student.id)], teachers: [teacher])

            let students = try await store.sql.raw("SELECT * FROM students WHERE id = \(bind: student.id)").all(decoding: StudentRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
            #expect(students == [student])
            #expect(try await store.sql.raw("SELECT * FROM guardians WHERE id = \(bind: guardian.id)")
                .all(decoding: GuardianRecord.self, keyDecodingStrategy: .convertFromSnakeCase) == [guardian])
            #expect(try await store.sql.raw("SELECT * FROM teachers WHERE id = \(bind: teacher.id)")
                .all(decoding: TeacherRecord.self, keyDecodingStrategy: .convertFromSnakeCase) == [teacher])
            #expect(try await store.registry.guardians(ofStudent: student.id).map(\.id) == [guardian.id])
            // Sealed at rest, and found by ID number through the blind index.
            struct Stored: Decodable { var national_id: String }
            let stored = try await store.sql.raw("SELECT national_id FROM students WHERE id = \(bind: student.id)").first(decoding: Stored.self)
            #expect(stored?.national_id != pupil.nationalID)
            #expect(try await store.registry.student(nationalID: pupil.nationalID)?.name == pupil.name)
        }
    }

    @Test func demoCityHasEveryDistrictAndStage() async throws {
        try await TestDatabase.withStore { store in
            let city = try DemoCity(scale: 0.002, randomSeed: 7)
            let summary = try await DemoLoader.load(city, into: store.registry) { _, _ in }
            #expect(summary.districts == 16)
            let totals = try await store.registry.stageTotals()
            for district in city.districts {
                for stage in [Stage.kindergarten, .primary, .junior, .senior] {
                    #expect(totals.contains { $0.districtCode == district.code && $0.stage == stage && $0.schools > 0 && $0.pupils > 0 },
                            "\(district.name) has \(stage) schools with pupils")
                }
            }
            #expect(try await store.registry.count(.students) == summary.students)
            #expect(summary.guardians >= summary.students, "every pupil has a guardian")
        }
    }
}
