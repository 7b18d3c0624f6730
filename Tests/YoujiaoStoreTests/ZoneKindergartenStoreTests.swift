import Foundation
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// The zone's kindergarten (对口幼儿园, migration 014) in the database — SQLite, or PostgreSQL when
/// DATABASE_URL is set: stored, checked against the schools, reverted, and imported from zones
/// files with and without its column.
@Suite("Zone kindergartens in the store")
struct ZoneKindergartenStoreTests {
    /// The fixture city with zone A's kindergarten.
    func withStore(_ body: (OpenStore) async throws -> Void) async throws {
        try await TestDatabase.withStore { store in
            try await Fixture.load(into: store.registry)
            try await Fixture.loadKindergarten(into: store.registry)
            try await body(store)
        }
    }

    func importZones(_ text: String, into store: OpenStore) async throws -> Int {
        try await RegistryImporter(store: store.registry).importTable(CSVTable.parse(text: text, fileName: "zones.csv"), as: .zones)
    }

    func storedKindergarten(_ zoneID: String, in store: OpenStore) async throws -> String? {
        try await store.registry.zones(districtCode: "310101").first { $0.id == zoneID }?.kindergartenSchoolID
    }

    @Test func theKindergartenIsStoredAndMustBeAKnownSchool() async throws {
        try await withStore { store async throws in
            #expect(try await storedKindergarten(Fixture.zoneA.id, in: store) == Fixture.huangpuKindergarten.id)
            var orphan = Fixture.zoneA
            orphan.id = "310101-Z02"
            orphan.kindergartenSchoolID = "3101019999"
            await #expect(throws: (any Error).self, "a foreign key to schools") {
                try await store.registry.transaction { [orphan] in try await $0.upsert(zones: [orphan]) }
            }
            #expect(try await storedKindergarten("310101-Z02", in: store) == nil)
        }
    }

    @Test func theMigrationReverts() async throws {
        try await withStore { store async throws in
            let found = StoreSetup.migrations.first { $0.name.hasSuffix(".AddZoneKindergarten") }
            let migration = try #require(found)
            try await migration.revert(on: store.database).get()
            await #expect(throws: (any Error).self, "the column is gone") {
                try await store.sql.raw("SELECT kindergarten_school_id FROM zones").run()
            }
            #expect(try await store.registry.zones(districtCode: "310101").map(\.id) == [Fixture.zoneA.id], "the zones stay")
            try await migration.prepare(on: store.database).get()
            #expect(try await storedKindergarten(Fixture.zoneA.id, in: store) == nil, "back, empty")
        }
    }

    @Test func aZonesFileWithoutTheColumnKeepsTheStoredKindergartens() async throws {
        try await withStore { store async throws in
            let old = """
                zone_id,district,lat,lon,primary_school,junior_school
                310101-Z01,310101,31.231,121.481,3101010001,
                310101-Z02,310101,31.24,121.49,3101010001,
                """
            #expect(try await importZones(old, into: store) == 2)
            #expect(try await storedKindergarten(Fixture.zoneA.id, in: store) == Fixture.huangpuKindergarten.id, "kept")
            #expect(try await storedKindergarten("310101-Z02", in: store) == nil, "a new zone has none yet")
            // With the column, the file says what each zone has: an empty cell clears it.
            let current = """
                zone_id,district,lat,lon,primary_school,junior_school,kindergarten_school
                310101-Z01,310101,31.231,121.481,3101010001,,
                310101-Z02,310101,31.24,121.49,3101010001,,\(Fixture.huangpuKindergarten.id)
                """
            #expect(try await importZones(current, into: store) == 2)
            #expect(try await storedKindergarten(Fixture.zoneA.id, in: store) == nil)
            #expect(try await storedKindergarten("310101-Z02", in: store) == Fixture.huangpuKindergarten.id)
        }
    }

    @Test func aBadKindergartenStoresNothingAndNamesFileRowAndField() async throws {
        try await withStore { store async throws in
            let text = """
                zone_id,district,lat,lon,primary_school,junior_school,kindergarten_school
                310101-Z02,310101,31.24,121.49,3101010001,,\(Fixture.huangpuKindergarten.id)
                310101-Z03,310101,31.25,121.49,3101010001,,3101019999
                310101-Z04,310101,31.26,121.49,3101010001,,3101010001
                """
            await #expect {
                _ = try await importZones(text, into: store)
            } throws: { error in
                let errors = (error as? InputErrors)?.errors ?? []
                return errors.count == 2
                    && errors.allSatisfy { $0.file == "zones.csv" && $0.field == "kindergarten_school" }
                    && errors[0].row == 3 && errors[0].reason.contains("no school has the id 3101019999")
                    && errors[1].row == 4 && errors[1].reason.contains("school 3101010001 has no kindergarten stage (it teaches primary)")
            }
            #expect(try await store.registry.zones(districtCode: "310101").map(\.id) == [Fixture.zoneA.id], "not even the good row")
        }
    }
}
