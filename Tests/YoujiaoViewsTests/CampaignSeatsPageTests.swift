import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The seats page from model literals: the owner's form with a refused field, the read-only
/// table, the district totals and the change log in Beijing time.
@Suite("Campaign seats page")
struct CampaignSeatsPageTests {
    static func model(editing: CampaignSeatsPage.Editing, problem: CampaignPage.Problem? = nil, typed: [String: String] = [:],
                      saved: Int? = nil, changes: Bool = true) -> CampaignSeatsPage.Model {
        CampaignSeatsPage.Model(
            campaignName: .campaignTitle(year: 2027, districtName: nil, grade: .g1), campaignID: "c-1", status: .open, editing: editing,
            districts: [.init(name: "黄浦区", publicSeats: 1_200, privateSeats: 90, applications: 1_350, privateTrackApplications: 160),
                        .init(name: "徐汇区", publicSeats: 2_000, privateSeats: 300, applications: 1_900, privateTrackApplications: 250)],
            schools: [.init(id: "3101010001", name: "黄浦区第一中心小学", districtName: "黄浦区", ownership: .public, zones: 2, registrySeats: 180, seats: 200),
                      .init(id: "3101010009", name: "民办甲小学", districtName: "黄浦区", ownership: .private, zones: 0, registrySeats: nil, seats: 90)],
            changes: changes ? [.init(at: "2026-11-29T16:05:09.123Z", actorName: "huangpu", schoolName: "黄浦区第一中心小学", oldSeats: 180, newSeats: 200)] : [],
            typed: typed, saved: saved, problem: problem)
    }

    @Test(arguments: Language.allCases)
    func ownersFormAfterARefusal(_ language: Language) {
        let field = CampaignSeats.field("3101010009")
        let model = Self.model(editing: .editable, problem: .init(field: field, message: Phrase(zh: "民办甲小学：学位须为 0–2000 的整数。", en: "民办甲小学: seats must be a whole number 0–2000.")),
                               typed: [field: "-5"])
        let view = CampaignSeatsPage.View(chrome: Chrome(language: language, csrfToken: "csrf-123"), model: model, address: PageAddress(path: "/enrollment/c-1/seats"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "ownersFormAfterARefusal")
    }

    @Test func theRefusedFieldKeepsWhatWasTypedAndIsMarked() {
        let field = CampaignSeats.field("3101010009")
        let html = CampaignSeatsPage.View(chrome: Chrome(language: .zh, csrfToken: "c"),
                                          model: Self.model(editing: .editable, problem: .init(field: field, message: .verbatim("有误")), typed: [field: "-5"]),
                                          address: PageAddress(path: "/enrollment/c-1/seats")).render()
        #expect(html.contains(#"name="\#(field)" value="-5""#) && html.contains(#"class="invalid" aria-invalid="true" autofocus="autofocus""#))
        #expect(html.contains(#"name="seats-3101010001" value="200""#), "an untouched school shows its seats")
        #expect(html.contains(#"aria-label="民办甲小学""#), "each input is labelled by its school")
        #expect(html.contains(#"data-field="\#(field)""#) && !html.contains(#"id="saved""#), "no success message beside a refusal")
    }

    @Test func readOnlyPagesSayWhyAndHaveNoForm() {
        for (editing, sentence) in [(CampaignSeatsPage.Editing.frozen, "名单已冻结"), (.ownerOnly, "由负责本次招生的教育局修改")] {
            let html = CampaignSeatsPage.View(chrome: Chrome(language: .zh, csrfToken: "c"), model: Self.model(editing: editing),
                                              address: PageAddress(path: "/enrollment/c-1/seats")).render()
            #expect(!html.contains("<form method=\"post\" action=\"/enrollment/c-1/seats\"") && !html.contains("<input name=\"seats-"))
            #expect(html.contains(sentence))
        }
    }

    @Test func totalsChartAndTheLogInWords() {
        let html = CampaignSeatsPage.View(chrome: Chrome(language: .zh, csrfToken: "c"), model: Self.model(editing: .ownerOnly, saved: 2),
                                          address: PageAddress(path: "/enrollment/c-1/seats")).render()
        #expect(html.contains(#"id="seat-total">3,590<"#) && html.contains(#"id="applications">3,250<"#) && html.contains("+340"))
        #expect(html.contains("<tfoot>") && html.contains("合计"), "two districts: a totals row")
        #expect(html.contains("<svg") && html.contains("黄浦区 学位") && html.contains("黄浦区 报名"))
        #expect(html.contains("2026-11-30 00:05（北京时间）") && !html.contains("2026-11-29T"))
        #expect(html.contains("gap-short-2"), "黄浦区 has fewer seats than applications: in red")
        #expect(html.contains(#"id="saved""#) && html.contains("已保存：2 所学校的学位有修改。"))
        let empty = CampaignSeatsPage.View(chrome: Chrome(language: .zh, csrfToken: "c"), model: Self.model(editing: .ownerOnly, changes: false),
                                           address: PageAddress(path: "/enrollment/c-1/seats")).render()
        #expect(empty.contains("学位尚未修改过") && !empty.contains("/seats/changes.csv"), "an empty log says so and offers no download")
    }

    @Test func downloadsHoldTheNumbersNotTheInputs() {
        let model = Self.model(editing: .editable)
        let rows = CampaignSeatsPage.schoolTable(model, inputs: false).exportRows(.zh)
        #expect(rows[0] == [.text("学校"), .text("区"), .text("性质"), .text("施教区数"), .text("登记学位（默认）"), .text("本次学位")])
        #expect(rows.contains([.text("黄浦区第一中心小学"), .text("黄浦区"), .text("公办"), .integer(2), .integer(180), .integer(200)]))
        #expect(rows.contains([.text("民办甲小学"), .text("黄浦区"), .text("民办"), .integer(0), .text("—"), .integer(90)]), "a school without registry seats")
        var bySeats = model
        bySeats.sort = TableSort(key: "seats", direction: .descending)
        #expect(CampaignSeatsPage.schoolTable(bySeats, inputs: true).rows.map { $0[5] } == [.number(200), .number(90)], "sorted on the server")
        bySeats.sort = TableSort(key: "seats")
        #expect(CampaignSeatsPage.schoolTable(bySeats, inputs: true).rows.map { $0[5] } == [.number(90), .number(200)])
        let districts = CampaignSeatsPage.districtTable(model).exportRows(.en)
        #expect(districts.last == [.text("Total"), .integer(3_200), .integer(390), .integer(3_590), .integer(3_250), .integer(410), .integer(340)])
    }
}
