import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// The seats form over real HTTP: validation that names the school and field and stores nothing,
/// the change log, the CSV files, who may edit, and seats carried through freezing into the draw.
extension CampaignWebTests {
    static let publicField = CampaignSeats.field(Fixture.huangpuSchool.id)
    static let privateField = CampaignSeats.field(privateSchool.id)
    static let seatsPage = "/enrollment/open/seats"

    @Test func districtEditsSeatsUntilFrozenAndTheDrawUsesThem() async throws {
        try await Self.with { h, youngA, youngB in
            let store = CampaignStore(h.app.db)
            #expect(try await post(try await signedIn(h, "parent-a"), "/enrollment/open/apply/\(youngA.id)", application(youngA)).status == .seeOther)
            #expect(try await post(try await signedIn(h, "parent-b"), "/enrollment/open/apply/\(youngB.id)", application(youngB)).status == .seeOther)

            let district = try await signedIn(h, "huangpu")
            let page = try await district.send(.GET, Self.seatsPage).body.string
            #expect(page.contains("<form method=\"post\" action=\"/enrollment/open/seats\" id=\"seats\">") && page.contains("class=\"data-table\""))
            #expect(page.contains("id=\"seat-total\">201<") && page.contains("id=\"applications\">2<") && page.contains("id=\"seat-gap\"><span class=\"gap-surplus-1\">+199<"),
                    "seats against applications")
            #expect(try await district.send(.GET, "/enrollment/open").body.string.contains("href=\"/enrollment/open/seats\""), "linked from the campaign page")

            for bad in ["-1", "12.5", "abc", "", "2001"] {
                let refused = try await post(district, Self.seatsPage, [Self.publicField: "1", Self.privateField: bad], from: Self.seatsPage)
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(refused.body.string.contains("data-field=\"\(Self.privateField)\"") && refused.body.string.contains(Self.privateSchool.name),
                        "\(bad): the error names the school and the field")
                #expect(refused.body.string.contains("name=\"\(Self.publicField)\" value=\"1\""), "what was typed is shown again")
            }
            let stray = try await post(district, Self.seatsPage, [CampaignSeats.field(Fixture.xuhuiSchool.id): "5"], from: Self.seatsPage)
            #expect(stray.status == .badRequest && stray.body.string.contains("data-field=\"\(CampaignSeats.field(Fixture.xuhuiSchool.id))\""),
                    "another district's school is not this campaign's")
            #expect(try await store.seats(campaignID: "open") == [Fixture.huangpuSchool.id: 200, Self.privateSchool.id: 1], "nothing stored")
            #expect(try await store.seatChanges(campaignID: "open").isEmpty)

            // One catchment seat for two public-track children.
            let saved = try await post(district, Self.seatsPage, [Self.publicField: "1", Self.privateField: "3"], from: Self.seatsPage)
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "\(Self.seatsPage)?saved=2")
            let after = try await district.send(.GET, "\(Self.seatsPage)?saved=2").body.string
            #expect(after.contains("id=\"saved\"") && after.contains("id=\"seat-total\">4<") && after.contains("gap-surplus-1\">+2<"))
            #expect(after.contains("<td>huangpu</td><td>\(Fixture.huangpuSchool.name)</td><td class=\"num\">200</td><td class=\"num\">1</td>"),
                    "the change log: who, school, old → new")
            // Not "T0" anywhere on the page: the random CSRF token holds it about once in a hundred pages.
            let storedAt = try #require(try await store.seatChanges(campaignID: "open").last?.at)
            #expect(after.contains("北京时间") && !after.contains(storedAt) && !after.contains("Z</"), "the time in Beijing time, not as stored")

            // Every table as a download with the page's headers and words: the whole table, CSV and XLSX.
            let seatsCSV = try await district.send(.GET, "\(Self.seatsPage)/schools.csv")
            #expect(seatsCSV.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(seatsCSV.body.string.contains("学校,区,性质,施教区数,登记学位（默认）,本次学位"))
            #expect(seatsCSV.body.string.contains("\(Fixture.huangpuSchool.name),黄浦区,公办,1,200,1"))
            let balance = try await district.send(.GET, "\(Self.seatsPage)/districts.csv").body.string
            #expect(balance.contains("黄浦区,1,3,4,2,0,2"))
            let changes = try await district.send(.GET, "\(Self.seatsPage)/changes.csv").body.string
            #expect(changes.contains(",huangpu,\(Self.privateSchool.name),1,3"))
            let workbook = try await district.send(.GET, "\(Self.seatsPage)/schools.xlsx")
            #expect(workbook.status == .ok && workbook.body.string.hasPrefix("PK") && workbook.headers.contentType?.description.contains("spreadsheetml") == true)

            // Who may: the city reads, nobody else edits; another district, a school and a family read nothing.
            let city = try await signedIn(h, "city")
            let cityPage = try await city.send(.GET, Self.seatsPage)
            #expect(cityPage.status == .ok && !cityPage.body.string.contains("id=\"seats\""), "the city reads a district's seats")
            #expect(try await post(city, Self.seatsPage, [Self.publicField: "9"]).status == .forbidden)
            let xuhui = try await signedIn(h, "xuhui")
            #expect(try await xuhui.send(.GET, Self.seatsPage).status == .forbidden)
            #expect(try await xuhui.send(.GET, "\(Self.seatsPage)/schools.csv").status == .forbidden)
            #expect(try await post(xuhui, Self.seatsPage, [Self.publicField: "9"]).status == .forbidden)
            #expect(try await signedIn(h, "school").send(.GET, Self.seatsPage).status == .forbidden)
            #expect(try await signedIn(h, "parent-a").send(.GET, Self.seatsPage).status == .forbidden)
            #expect(try await h.client().send(.GET, Self.seatsPage).status == .seeOther, "anonymous: to the login page")
            #expect(try await store.seats(campaignID: "open")[Fixture.huangpuSchool.id] == 1)

            // Frozen: refused, read only; the published schools.csv and the draw carry the edited seats.
            #expect(try await post(district, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .seeOther)
            let late = try await post(district, Self.seatsPage, [Self.publicField: "2"], from: Self.seatsPage)
            #expect(late.status == .badRequest && late.body.string.contains("data-field=\"status\"") && !late.body.string.contains("id=\"seats\""))
            #expect(try await store.seats(campaignID: "open")[Fixture.huangpuSchool.id] == 1)
            let schools = try await h.client().send(.GET, "/public/enrollment/open/schools.csv").body.string
            #expect(schools.contains("\(Fixture.huangpuSchool.id),\(Fixture.huangpuSchool.name),310101,public,no,1,"), "the frozen file has the new capacity")
            #expect(schools.contains("\(Self.privateSchool.id),\(Self.privateSchool.name),310101,private,no,3,"))
            #expect(try await post(district, "/enrollment/open/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret]).status == .seeOther)
            let routes = try await store.results(campaignID: "open").map(\.route).sorted()
            #expect(routes == ["catchment", "unplaced"], "one catchment seat: the second child is left for cross-district placement")
        }
    }
}
