import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// The application form's zones and schools are kept per data version: a seat edit or a zone
/// change shows on the next read.
extension CampaignStoreTests {
    @Test func theFormsChoicesFollowSeatsAndZones() async throws {
        try await withCampaign { store, campaigns in
            let campaign = Self.campaign()
            let before = try await campaigns.formChoices(for: campaign)
            #expect(before.zones.map(\.id) == [Fixture.zoneA.id])
            #expect(before.schools.first { $0.id == Fixture.huangpuSchool.id }?.capacity == 200)
            #expect(before.schoolNames[Self.privateSchool.id] == Self.privateSchool.name)
            #expect(campaign.districtCode == Fixture.huangpu.code && before.districtName == Fixture.huangpu.name)
            _ = try await campaigns.updateSeats(campaignID: campaign.id, form: [Self.publicField: "2"], actor: ApplicationActor(id: nil, name: "huangpu"))
            #expect(try await campaigns.formChoices(for: campaign).schools.first { $0.id == Fixture.huangpuSchool.id }?.capacity == 2)
            try await store.sql.raw("UPDATE zones SET primary_school_id = NULL").run()
            #expect(try await campaigns.formChoices(for: campaign).zones.isEmpty, "a zone no school serves is not offered")
        }
    }
}
