import Testing
import YoujiaoCore

/// Every role against a district campaign, another district's and a city-wide one.
@Suite struct CampaignAccessTests {
    static func campaign(_ district: String?, _ status: CampaignStatus = .open) -> Campaign {
        Campaign(id: "c", year: 2027, grade: .g1, districtCode: district, opensOn: CaseDate("2027-04-01")!, closesOn: CaseDate("2027-04-30")!,
                 status: status, beaconRound: "drand quicknet", notaryCommitment: String(repeating: "a", count: 64))
    }

    static let city = AccessScope(role: .cityAdmin)
    static let huangpu = AccessScope(role: .districtAdmin, districtCode: "310101")
    static let xuhui = AccessScope(role: .districtAdmin, districtCode: "310104")
    static let school = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "S1")
    static let parent = AccessScope(role: .guardian, guardianID: "G1")

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var scope: AccessScope
        var campaignDistrict: String?
        var sees: Bool
        var manages: Bool
        var narrowedTo: String?
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "city, district campaign", scope: city, campaignDistrict: "310101", sees: true, manages: false, narrowedTo: nil),
        Row(name: "city, city-wide campaign", scope: city, campaignDistrict: nil, sees: true, manages: true, narrowedTo: nil),
        Row(name: "own district", scope: huangpu, campaignDistrict: "310101", sees: true, manages: true, narrowedTo: nil),
        Row(name: "another district's campaign", scope: xuhui, campaignDistrict: "310101", sees: false, manages: false, narrowedTo: nil),
        Row(name: "district reads its part of a city-wide campaign", scope: huangpu, campaignDistrict: nil, sees: true, manages: false, narrowedTo: "310101"),
        Row(name: "school staff", scope: school, campaignDistrict: "310101", sees: false, manages: false, narrowedTo: nil),
        Row(name: "school staff, city-wide", scope: school, campaignDistrict: nil, sees: false, manages: false, narrowedTo: nil),
        Row(name: "guardian", scope: parent, campaignDistrict: "310101", sees: false, manages: false, narrowedTo: nil),
    ]

    @Test(arguments: rows) func seeManageNarrow(_ row: Row) {
        let c = Self.campaign(row.campaignDistrict)
        #expect(CampaignAccess.canSee(row.scope, c) == row.sees)
        #expect(CampaignAccess.canManage(row.scope, c) == row.manages)
        #expect(CampaignAccess.narrowedDistrict(row.scope, c) == row.narrowedTo)
    }

    @Test func whoCreatesWhichCampaign() {
        #expect(CampaignAccess.creatableScope(Self.city) == (nil, true))
        #expect(CampaignAccess.creatableScope(Self.huangpu) == ("310101", true))
        #expect(CampaignAccess.creatableScope(AccessScope(role: .districtAdmin)) == (nil, false), "a district account without its district")
        #expect(CampaignAccess.creatableScope(Self.school).allowed == false)
        #expect(CampaignAccess.creatableScope(Self.parent).allowed == false)
    }

    @Test func admittedListsFollowTheDrawAndPublication() {
        func may(_ scope: AccessScope, _ status: CampaignStatus, school: String = "S1", district: String = "310101", campaign: String? = "310101") -> Bool {
            CampaignAccess.canExportAdmittedList(scope, Self.campaign(campaign, status), schoolID: school, schoolDistrict: district)
        }
        for status in [CampaignStatus.draft, .open, .frozen] {
            #expect(!may(Self.huangpu, status) && !may(Self.city, status) && !may(Self.school, status), "no list before the draw (\(status))")
        }
        #expect(may(Self.huangpu, .drawn) && may(Self.city, .drawn), "the campaign's staff review the draw")
        #expect(!may(Self.school, .drawn), "the school waits for publication")
        #expect(may(Self.school, .published))
        #expect(!may(Self.school, .published, school: "S2"), "another school's list")
        #expect(!may(Self.xuhui, .published), "another district's school")
        #expect(!may(Self.huangpu, .published, district: "310104", campaign: "310101"), "a school outside the campaign's district")
        #expect(may(Self.huangpu, .drawn, campaign: nil), "a district's school in a city-wide campaign")
        #expect(!may(Self.parent, .published))
    }
}
