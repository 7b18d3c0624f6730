import Foundation
import SQLKit
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// A campaign in the database (SQLite, or PostgreSQL when DATABASE_URL is set): applications,
/// freezing, the draw, and the published files that `youjiao enroll verify` accepts.
@Suite("Campaign store")
struct CampaignStoreTests {
    static let privateSchool = School(id: "3101010003", name: "黄浦民办小学", districtCode: "310101", stages: [.primary], ownership: .private,
                                      isInclusive: false, boarding: false, entrySeats: [.g1: 1], latitude: 31.22, longitude: 121.47)
    static let secret = "notary-secret"
    static let today = CaseDate.today()

    static func campaign(status: CampaignStatus = .open) -> Campaign {
        Campaign(id: "t-2026-g1", year: today.schoolYear + 1, grade: .g1, districtCode: "310101", opensOn: today.adding(days: -1),
                 closesOn: today.adding(days: 10), status: status, beaconRound: "test round", notaryCommitment: CampaignSeed.commitment(secret: secret))
    }

    /// Fixture city + a private school + five eligible children in zone A, each with an application (two private).
    func withCampaign(_ body: (OpenStore, CampaignStore) async throws -> Void) async throws {
        let database = try await TestDatabase.make()
        let store = try await database.openStore()
        do {
            try await Fixture.load(into: store.registry)
            try await store.registry.upsert(schools: [Self.privateSchool])
            let campaigns = CampaignStore(store.database)
            try await campaigns.create(Self.campaign())
            let span = try #require(Campaign.birthSpan(grade: .g1, year: Self.campaign().year))
            let children = (0..<5).map { index in
                let birth = span.lowerBound.adding(days: 30 * index)
                return Student(nationalID: NationalID.make(areaCode: "310101", birthDate: birth.description.replacingOccurrences(of: "-", with: ""),
                                                           sequence: 100 + index).value,
                               name: "孩子\(index)", gender: .male, birthDate: birth.description, hukou: .local, residenceZoneID: Fixture.zoneA.id,
                               schoolID: nil, grade: nil, classNumber: nil)
            }
            try await store.registry.upsert(students: children)
            for (index, child) in children.enumerated() {
                let record = try #require(try await store.registry.student(nationalID: child.nationalID))
                let choice = index < 2 ? ApplicationChoice(track: .private, choices: [Self.privateSchool.id], tier: 1, yearsAtAddress: 2, zone: Fixture.zoneA.id)
                                       : ApplicationChoice(track: .public, choices: [], tier: 1 + index % 2, yearsAtAddress: index, zone: Fixture.zoneA.id)
                try await campaigns.saveApplication(campaignID: Self.campaign().id, student: record, guardianID: nil, choice: choice,
                                                    zone: Fixture.zoneA, actor: ApplicationActor(id: nil, name: "test"))
            }
            try await body(store, campaigns)
        } catch { await store.close(); await database.destroy(); throw error }
        await store.close()
        await database.destroy()
    }

    @Test func seatsDefaultToTheRegistrysEntrySeats() async throws {
        try await withCampaign { _, campaigns in
            #expect(try await campaigns.seats(campaignID: Self.campaign().id) == ["3101010001": 200, "3101010003": 1])
            let schools = try await campaigns.enrollmentSchools(for: Self.campaign())
            #expect(schools.first { $0.id == "3101010001" }?.zones == [Fixture.zoneA.id])
        }
    }

    @Test func oneApplicationPerChildPerCampaignAndEveryChangeLogged() async throws {
        try await withCampaign { store, campaigns in
            let applications = try await campaigns.applications(campaignID: Self.campaign().id)
            #expect(applications.count == 5)
            let first = try #require(applications.first)
            let student = try #require(try await store.registry.student(id: first.studentId))
            let edited = try await campaigns.saveApplication(campaignID: first.campaignId, student: student, guardianID: nil,
                                                             choice: ApplicationChoice(track: .public, choices: [], tier: 2, yearsAtAddress: 1, zone: Fixture.zoneA.id),
                                                             zone: Fixture.zoneA, actor: ApplicationActor(id: nil, name: "guardian"))
            #expect(edited.id == first.id && edited.applicantId == first.applicantId, "an edit keeps the application and its pseudonym")
            #expect(try await campaigns.changes(applicationID: first.id).map(\.action) == ["create", "update"])
            // The schema itself refuses a second row for the same child in the same campaign.
            var duplicate = first
            duplicate.id = UUID().uuidString
            duplicate.applicantId = "A-OTHER"
            await #expect(throws: (any Error).self) {
                try await store.sql.insert(into: "applications")
                    .model(duplicate, with: SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)).run()
            }
        }
    }

    @Test func concurrentResubmissionsAreOneApplicationAndOneLogEntry() async throws {
        try await withCampaign { store, campaigns in
            let first = try #require(try await campaigns.applications(campaignID: Self.campaign().id).first)
            let student = try #require(try await store.registry.student(id: first.studentId))
            let changed = ApplicationChoice(track: .public, choices: [], tier: 3, yearsAtAddress: 7, zone: Fixture.zoneA.id)
            // 20 identical submissions at once (a double click, retries): one update, the others change nothing.
            let saved = try await withThrowingTaskGroup(of: ApplicationRecord.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await campaigns.saveApplication(campaignID: first.campaignId, student: student, guardianID: nil, choice: changed,
                                                            zone: Fixture.zoneA, actor: ApplicationActor(id: nil, name: "guardian"))
                    }
                }
                return try await group.reduce(into: [ApplicationRecord]()) { $0.append($1) }
            }
            #expect(Set(saved.map(\.id)) == [first.id] && saved.allSatisfy { $0.choice == changed })
            #expect(try await campaigns.changes(applicationID: first.id).map(\.action) == ["create", "update"])
            #expect(try await campaigns.applications(campaignID: Self.campaign().id).count == 5)
        }
    }

    @Test func concurrentNewApplicationsForOneChildHaveOneAnswer() async throws {
        try await withCampaign { store, campaigns in
            let span = try #require(Campaign.birthSpan(grade: .g1, year: Self.campaign().year))
            let child = Student(nationalID: NationalID.make(areaCode: "310101", birthDate: span.lowerBound.description.replacingOccurrences(of: "-", with: ""),
                                                            sequence: 200).value,
                                name: "新孩子", gender: .male, birthDate: span.lowerBound.description, hukou: .local, residenceZoneID: Fixture.zoneA.id,
                                schoolID: nil, grade: nil, classNumber: nil)
            try await store.registry.upsert(students: [child])
            let record = try #require(try await store.registry.student(nationalID: child.nationalID))
            // Two guardians (or two tabs) registering the child at once, each with other choices:
            // the first is stored, every other one refused, never silently overwriting it.
            let outcomes = await ConcurrentAttempts.outcomes(20) {
                try await campaigns.saveApplication(campaignID: Self.campaign().id, student: record, guardianID: nil,
                                                    choice: ApplicationChoice(track: .public, choices: [], tier: 1, yearsAtAddress: Int.random(in: 0...1_000_000),
                                                                              zone: Fixture.zoneA.id),
                                                    zone: Fixture.zoneA, actor: ApplicationActor(id: nil, name: "guardian"), editing: .none)
            }
            #expect(outcomes.won == 1 && outcomes.refused == 19 && outcomes.other.isEmpty, "\(outcomes)")
            let stored = try #require(try await campaigns.application(campaignID: Self.campaign().id, studentID: record.id))
            #expect(try await campaigns.changes(applicationID: stored.id).map(\.action) == ["create"])
            // An edit names the application it changes; naming another one is refused too.
            let edit = ApplicationChoice(track: .public, choices: [], tier: 2, yearsAtAddress: 3, zone: Fixture.zoneA.id)
            await #expect(throws: CampaignProblem.self) {
                try await campaigns.saveApplication(campaignID: Self.campaign().id, student: record, guardianID: nil, choice: edit, zone: Fixture.zoneA,
                                                    actor: ApplicationActor(id: nil, name: "guardian"), editing: .application("another"))
            }
            let edited = try await campaigns.saveApplication(campaignID: Self.campaign().id, student: record, guardianID: nil, choice: edit,
                                                             zone: Fixture.zoneA, actor: ApplicationActor(id: nil, name: "guardian"),
                                                             editing: .application(stored.id))
            #expect(edited.id == stored.id && edited.choice == edit)
        }
    }

    @Test func resultDayReadsWhatTheDrawStored() async throws {
        try await withCampaign { store, campaigns in
            let id = Self.campaign().id
            _ = try await campaigns.freeze(id)
            let drawn = try await campaigns.draw(id, beaconValue: "beacon", notarySecret: Self.secret)
            let rows = EnrollmentCSV.resultsDocument(try await campaigns.results(campaignID: id).map(\.placement))
            // With the inputs gone, a recomputation would fail: the report and results.csv come from what the draw stored.
            try await store.sql.raw("UPDATE campaign_files SET content = '' WHERE campaign_id = \(bind: id) AND name = 'applicants.csv'").run()
            let campaign = try #require(try await campaigns.campaign(id: id))
            #expect(try await campaigns.report(campaign) == drawn)
            #expect(try await campaigns.resultsDocument(campaignID: id) == rows)
        }
    }

    @Test func theDrawIsRecomputableFromThePublishedFiles() async throws {
        try await withCampaign { _, campaigns in
            let id = Self.campaign().id
            let hash = try await campaigns.freeze(id)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func write(_ name: String, _ text: String) throws -> String {
                let path = directory.appendingPathComponent(name).path
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let schools = try write("schools.csv", try #require(try await campaigns.file(.schools, campaignID: id)))
            let applicants = try write("applicants.csv", try #require(try await campaigns.file(.applicants, campaignID: id)))
            #expect(try EnrollmentJob.commitment(applicantsPath: applicants) == hash, "the published hash is `enroll commit` of the published list")
            #expect(!(try String(contentsOfFile: applicants, encoding: .utf8)).contains("孩子"), "no names in the published list")

            // A wrong secret is refused and nothing is drawn.
            await #expect(throws: CampaignProblem.self) { try await campaigns.draw(id, beaconValue: "beacon-42", notarySecret: "guess") }
            #expect(try await campaigns.results(campaignID: id).isEmpty)
            #expect(try await campaigns.campaign(id: id)?.status == .frozen)

            let report = try await campaigns.draw(id, beaconValue: "beacon-42", notarySecret: Self.secret)
            #expect(report.routes.private == 1 && report.routes.catchment == 4)
            let campaign = try #require(try await campaigns.campaign(id: id))
            #expect(campaign.status == .drawn)
            let seed = CampaignSeed.derive(beaconValue: "beacon-42", notarySecret: Self.secret, listHash: hash).hex
            #expect(campaign.seed == seed)
            let resultsText = String(decoding: try await campaigns.resultsDocument(campaignID: id), as: UTF8.self)
            let results = try write("results.csv", resultsText)
            let files = EnrollmentJob.Files(schools: schools, applicants: applicants)
            #expect(try EnrollmentJob.verify(files, seedHex: seed, settings: EnrollmentSettings(), resultsPath: results).isEmpty)

            // Changing one row makes verification fail.
            var lines = resultsText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[1] = lines[1].replacingOccurrences(of: ",catchment,", with: ",coordinated,").replacingOccurrences(of: ",private,", with: ",catchment,")
            let tampered = try write("tampered.csv", lines.joined(separator: "\n"))
            #expect(!(try EnrollmentJob.verify(files, seedHex: seed, settings: EnrollmentSettings(), resultsPath: tampered)).isEmpty)

            try await campaigns.advance(id, to: .published)
            await #expect(throws: CampaignProblem.self) { try await campaigns.advance(id, to: .published) }
        }
    }

    /// Eight managers pressing "draw" (then "publish") at once: one succeeds, the rest are refused
    /// with the campaign's state — never a database error — and the results are written once.
    @Test func concurrentStepsHaveOneAnswer() async throws {
        try await withCampaign { store, campaigns in
            let id = Self.campaign().id
            _ = try await campaigns.freeze(id)
            let draws = await ConcurrentAttempts.outcomes { _ = try await campaigns.draw(id, beaconValue: "beacon", notarySecret: Self.secret) }
            #expect(draws.won == 1 && draws.refused == 7 && draws.other.isEmpty, "\(draws)")
            #expect(try await campaigns.results(campaignID: id).count == 5, "one child, one result")
            let publishes = await ConcurrentAttempts.outcomes { try await campaigns.advance(id, to: .published) }
            #expect(publishes.won == 1 && publishes.refused == 7 && publishes.other.isEmpty, "\(publishes)")
            #expect(try await campaigns.campaign(id: id)?.status == .published)
            _ = store
        }
    }
}
