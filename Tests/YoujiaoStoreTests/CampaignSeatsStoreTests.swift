import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// Seat edits of a campaign (SQLite, or PostgreSQL when DATABASE_URL is set): one transaction, a
/// log of every change, refused once frozen, carried into the frozen schools.csv and the draw;
/// registration stops at freezing too; the results read a page at a time.
extension CampaignStoreTests {
    static let publicField = CampaignSeats.field(Fixture.huangpuSchool.id)
    static let privateField = CampaignSeats.field(privateSchool.id)

    @Test func editedSeatsAreLoggedFrozenAndDrawn() async throws {
        try await withCampaign { _, campaigns in
            let id = Self.campaign().id
            let actor = ApplicationActor(id: nil, name: "huangpu")
            await #expect(throws: CampaignProblem.self, "a bad field refuses the whole form") {
                try await campaigns.updateSeats(campaignID: id, form: [Self.privateField: "2", Self.publicField: "-2"], actor: actor)
            }
            #expect(try await campaigns.seats(campaignID: id) == [Fixture.huangpuSchool.id: 200, Self.privateSchool.id: 1], "nothing stored")
            #expect(try await campaigns.seatChanges(campaignID: id).isEmpty, "nothing logged")

            // Two seats at the catchment school for three public-track children, two at the private school for its two applicants.
            let form = [Self.privateField: "2", Self.publicField: "2"]
            #expect(try await campaigns.updateSeats(campaignID: id, form: form, actor: actor).count == 2)
            #expect(try await campaigns.seats(campaignID: id) == [Fixture.huangpuSchool.id: 2, Self.privateSchool.id: 2])
            let log = try await campaigns.seatChanges(campaignID: id)
            #expect(log.map { "\($0.schoolId) \($0.oldSeats)→\($0.newSeats) \($0.actorName)" }.sorted()
                    == ["\(Fixture.huangpuSchool.id) 200→2 huangpu", "\(Self.privateSchool.id) 1→2 huangpu"])
            #expect(try await campaigns.updateSeats(campaignID: id, form: form, actor: actor).isEmpty, "the same numbers again change nothing")
            #expect(try await campaigns.seatChanges(campaignID: id).count == 2)
            #expect(try await campaigns.registrySeats(for: Self.campaign()) == [Fixture.huangpuSchool.id: 200, Self.privateSchool.id: 1],
                    "the registry keeps its entry seats")

            let hash = try await campaigns.freeze(id)
            await #expect(throws: CampaignProblem.self, "frozen: no more edits") {
                try await campaigns.updateSeats(campaignID: id, form: [Self.publicField: "3"], actor: actor)
            }
            #expect(try await campaigns.seats(campaignID: id)[Fixture.huangpuSchool.id] == 2)
            let schoolsCSV = try #require(try await campaigns.file(.schools, campaignID: id))
            let row = try #require(schoolsCSV.split(separator: "\n").first { $0.hasPrefix(Fixture.huangpuSchool.id + ",") })
            #expect(row.split(separator: ",", omittingEmptySubsequences: false)[5] == "2", "the frozen schools.csv carries the edited capacity")

            let report = try await campaigns.draw(id, beaconValue: "beacon-7", notarySecret: Self.secret)
            #expect(report.routes.private == 2 && report.routes.catchment == 2 && report.routes.unplaced == 1, "the draw respects the seats")
            #expect(report.schools.first { $0.schoolId == Fixture.huangpuSchool.id }?.admitted == 2)
            #expect(try await campaigns.campaign(id: id)?.listHash == hash)
        }
    }

    @Test func anApplicationAfterFreezingIsRefused() async throws {
        try await withCampaign { store, campaigns in
            let id = Self.campaign().id
            let application = try #require(try await campaigns.applications(campaignID: id).first)
            let student = try #require(try await store.registry.student(id: application.studentId))
            _ = try await campaigns.freeze(id)
            await #expect(throws: CampaignProblem.self) {
                try await campaigns.saveApplication(campaignID: id, student: student, guardianID: nil, choice: ApplicationChoice(
                    track: .public, choices: [], tier: 4, yearsAtAddress: 0, zone: Fixture.zoneA.id), zone: Fixture.zoneA, actor: ApplicationActor(id: nil, name: "late"))
            }
            #expect(try await campaigns.application(campaignID: id, studentID: student.id)?.tier == application.tier, "the frozen application is unchanged")
            #expect(try await campaigns.changes(applicationID: application.id).count == 1)
        }
    }

    @Test func resultsPageByDistrictAndSchool() async throws {
        try await withCampaign { _, campaigns in
            let id = Self.campaign().id
            _ = try await campaigns.freeze(id)
            try await campaigns.draw(id, beaconValue: "beacon-7", notarySecret: Self.secret)
            let all = try await campaigns.results(campaignID: id, district: nil, school: nil, page: PageQuery(page: 1, perPage: 10, maxPerPage: 1_000))
            #expect(all.total == 5 && all.items.map(\.applicantId) == all.items.map(\.applicantId).sorted())
            #expect(all.items.allSatisfy { $0.districtCode == "310101" })
            #expect(try await campaigns.results(campaignID: id, district: "310101", school: nil, page: PageQuery(page: 1, perPage: 10, maxPerPage: 1_000)).total == 5)
            #expect(try await campaigns.results(campaignID: id, district: "310104", school: nil, page: PageQuery(page: 1, perPage: 10, maxPerPage: 1_000)).total == 0, "another district's part is empty")
            #expect(try await campaigns.results(campaignID: id, district: nil, school: Self.privateSchool.id, page: PageQuery(page: 1, perPage: 10, maxPerPage: 1_000)).total == 1)
            let last = try await campaigns.results(campaignID: id, district: nil, school: nil, page: PageQuery(page: 3, perPage: 2, maxPerPage: 1_000))
            #expect(last.total == 5 && last.items.map(\.applicantId) == [all.items[4].applicantId], "pages in applicant id order")
        }
    }
}
