import Testing
@testable import YoujiaoCore

/// The seats form of a campaign (what it may change and how a bad field is named), seats against
/// applications per district, and a district's part of a city-wide draw.
@Suite("Campaign seats")
struct CampaignSeatsTests {
    static let schools = [
        EnrollmentFixture.publicSchool("3101040001", seats: 100, zones: ["Z1"]),
        EnrollmentFixture.privateSchool("3101040002", seats: 30),
        EnrollmentFixture.publicSchool("3101050001", seats: 3_000, zones: ["Z2"], district: EnrollmentFixture.otherDistrict),
    ]

    @Test func changesAreTheFieldsThatDiffer() throws {
        let form = [CampaignSeats.field("3101040001"): "120", CampaignSeats.field("3101040002"): " 30 ", "_csrf": "token"]
        #expect(try CampaignSeats.changes(schools: Self.schools, form: form) == [CampaignSeatChange(schoolID: "3101040001", old: 100, new: 120)])
        #expect(try CampaignSeats.changes(schools: Self.schools, form: [:]).isEmpty, "an absent field keeps the seats")
        #expect(try CampaignSeats.changes(schools: Self.schools, form: [CampaignSeats.field("3101040002"): "0"])
                == [CampaignSeatChange(schoolID: "3101040002", old: 30, new: 0)], "a school may offer no seat")
        #expect(try CampaignSeats.changes(schools: Self.schools, form: [CampaignSeats.field("3101050001"): "3000"]).isEmpty,
                "a registry number above the maximum may stay as it is")
    }

    @Test(arguments: ["-1", "4.5", "", "abc", "+5", "1e3", "２０", "2001", "99999999999999999999999"])
    func aBadNumberNamesTheSchoolAndField(_ value: String) {
        let field = CampaignSeats.field("3101040001")
        #expect(throws: CampaignProblem.self) { try CampaignSeats.changes(schools: Self.schools, form: [field: value]) }
        do {
            _ = try CampaignSeats.changes(schools: Self.schools, form: [CampaignSeats.field("3101040002"): "31", field: value])
        } catch {
            #expect(error.field == field)
            #expect(error.zh.contains("3101040001") && error.en.contains("3101040001"), "the message names the school")
        }
    }

    @Test func aSchoolOutsideTheCampaignIsRefused() {
        do {
            _ = try CampaignSeats.changes(schools: Self.schools, form: [CampaignSeats.field("3101010001"): "10"])
            Issue.record("a stray school was accepted")
        } catch {
            #expect(error.field == CampaignSeats.field("3101010001"))
        }
    }

    @Test func seatsChangeOnlyBeforeFreezing() {
        let campaign = Campaign(id: "c", year: 2026, grade: .g1, districtCode: nil, opensOn: CaseDate(year: 2026, month: 3, day: 1),
                                closesOn: CaseDate(year: 2026, month: 3, day: 31), beaconRound: "r", notaryCommitment: "")
        let allowed = CampaignStatus.allCases.filter { status in
            var c = campaign
            c.status = status
            return c.acceptsSeatChanges
        }
        #expect(allowed == [.draft, .open])
    }

    @Test func balancePerDistrict() {
        let balance = CampaignSeats.balance(schools: Self.schools, applications: [
            ("310104", .public), ("310104", .private), ("310106", .public),
        ])
        #expect(balance.map(\.districtCode) == ["310104", "310105", "310106"])
        #expect(balance[0].publicSeats == 100 && balance[0].privateSeats == 30 && balance[0].applications == 2
                && balance[0].privateTrackApplications == 1 && balance[0].gap == 128)
        #expect(balance[1].seats == 3_000 && balance[1].applications == 0)
        #expect(balance[2].seats == 0 && balance[2].gap == -1, "applications of a district without seats show as a shortfall")
    }

    @Test func aDistrictsPartOfADraw() throws {
        let schools = [EnrollmentFixture.publicSchool("A", seats: 1, zones: ["Z1"]),
                       EnrollmentFixture.publicSchool("A2", seats: 5, zones: [], lat: 31.21),
                       EnrollmentFixture.publicSchool("B", seats: 5, zones: ["Z2"], district: EnrollmentFixture.otherDistrict)]
        let children = [EnrollmentFixture.child("a1"), EnrollmentFixture.child("a2"),
                        EnrollmentFixture.child("b1", zone: "Z2", district: EnrollmentFixture.otherDistrict)]
        let input = try EnrollmentInput(schools: schools, applicants: children)
        let report = EnrollmentReport(input: input, outcome: EnrollmentEngine.allocate(input, lottery: [0, 1, 2], settings: EnrollmentSettings()),
                                      seed: try LotterySeed(hex: EnrollmentFixture.seedHex), settings: EnrollmentSettings())
        let whole = report.part(district: nil)
        #expect(whole.routes == report.routes && whole.schools.count == 3)
        let own = report.part(district: EnrollmentFixture.district)
        #expect(own.routes[.catchment] == 1 && own.routes[.coordinated] == 1 && own.coordinatedPlaced == 1)
        #expect(own.totalDistanceM > 0 && own.schools.map(\.schoolId) == ["A", "A2"])
        let other = report.part(district: EnrollmentFixture.otherDistrict)
        #expect(other.routes[.catchment] == 1 && other.routes[.coordinated] == 0 && other.totalDistanceM == 0)
        let none = report.part(district: "310115")
        #expect(none.routes == EnrollmentReport.RouteCounts() && none.schools.isEmpty, "a district without applicants sees zeros, not the city")
    }
}
