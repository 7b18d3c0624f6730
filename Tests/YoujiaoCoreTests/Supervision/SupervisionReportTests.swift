import Foundation
import Testing
@testable import YoujiaoCore

private typealias Fixture = SupervisionFixture

@Suite("Supervision reports and correction list")
struct SupervisionReportTests {
    /// District 310101: public kindergarten 300 of 500 pupils → 60% (target 80: gap 20 points = 25% of the target).
    /// School P-BIG: largest class 46 (target ≤ 45: gap 1 pupil = 2.2222%). P-OK meets; K-X has no report (no data).
    static let input = Fixture.input([
        Fixture.school("K-A", stages: [.kindergarten], pupils: [.kindergarten: 300]),
        Fixture.school("K-B", stages: [.kindergarten], ownership: .private, pupils: [.kindergarten: 200]),
        Fixture.school("P-BIG", stages: [.primary], pupils: [.primary: 90], classes: [.primary: [44, 46]]),
        Fixture.school("P-OK", stages: [.primary], pupils: [.primary: 90], classes: [.primary: [45, 45]]),
    ])
    static let catalogue = IndicatorCatalogue(indicators: ["KG-PUBLIC-SHARE", "CLASS-SIZE-PRIMARY", "KG-OUTDOOR"].map {
        IndicatorCatalogue.shanghai2024.indicator(code: $0)!
    })

    @Test func resultsCSV() {
        let text = SupervisionCSV.results(SupervisionEngine.compute(catalogue: Self.catalogue, input: Self.input))
        #expect(text == """
            indicator,level,scope_id,value,target,status
            KG-PUBLIC-SHARE,district,310101,60,80,not-met
            KG-PUBLIC-SHARE,city,310000,60,80,not-met
            CLASS-SIZE-PRIMARY,school,P-BIG,46,45,not-met
            CLASS-SIZE-PRIMARY,school,P-OK,45,45,met
            CLASS-SIZE-PRIMARY,district,310101,50,100,not-met
            CLASS-SIZE-PRIMARY,city,310000,50,100,not-met
            KG-OUTDOOR,school,K-A,,120,no-data
            KG-OUTDOOR,school,K-B,,120,no-data
            KG-OUTDOOR,district,310101,,100,no-data
            KG-OUTDOOR,city,310000,,100,no-data

            """)
    }

    @Test func correctionListSaysByHowMuch() throws {
        let corrections = CorrectionList.build(results: SupervisionEngine.compute(catalogue: Self.catalogue, input: Self.input),
                                               catalogue: Self.catalogue)
        // City first, then the district, then schools; no-data results are not corrections.
        #expect(corrections.map(\.scopeID) == ["310000", "310000", "310101", "310101", "P-BIG"])
        let kindergartens = try #require(corrections.first { $0.level == .district && $0.indicatorCode == "KG-PUBLIC-SHARE" })
        #expect(kindergartens.gap == 20)
        #expect(kindergartens.gapPercent == 25)
        let classes = try #require(corrections.last)
        #expect(classes.gap == 1)
        #expect(abs(classes.gapPercent! - 100.0 / 45) < 1e-9)
        let text = CorrectionList.document([classes])
        #expect(text == "indicator,name_zh,level,scope_id,district,value,target,comparison,unit,gap,gap_percent\n"
            + "CLASS-SIZE-PRIMARY,小学班额,school,P-BIG,310101,46,45,<=,人,1,2.2222\n")
    }

    @Test func balanceReportRows() {
        let teachers = Fixture.teachers(total: 100, byDegree: [.master: 100], key: 20, peArts: 20)
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 1000], teachers: teachers),
        ], reports: [SchoolReport(schoolID: "P-1", year: Fixture.year, floorArea: 5000, sportsGroundArea: 8000,
                                  equipmentValue: 2_500_000, multimediaClassrooms: 30)])
        let report = QualityBalance.assess(districtCode: Fixture.district, stage: .primary, input: input)
        let lines = SupervisionCSV.balance(report).split(separator: "\n").map(String.init)
        #expect(lines.first == SupervisionCSV.balanceColumns.joined(separator: ","))
        #expect(lines[1] == "310101,primary,school,P-1,BAL-DEGREE-PRIMARY,10,4.2,met")
        #expect(lines.contains("310101,primary,school-summary,P-1,indicators-met,7,6,pass"))
        #expect(lines.contains("310101,primary,cv,310101,BAL-FLOOR-PRIMARY,0,0.5,pass"))
        #expect(lines.last == "310101,primary,district,310101,quality-balance,1,1,pass")
        #expect(lines.count == 1 + 7 + 1 + 7 + 1)
        let table = SupervisionCSV.balanceTable(report).split(separator: "\n").map(String.init)
        #expect(table[0].hasPrefix("school_id,pupils,BAL-DEGREE-PRIMARY,"))
        #expect(table[1] == "P-1,1000,10,2,2,5,8,2500,3,7,pass")
        #expect(table[2] == "CV,,0,0,0,0,0,0,0,,pass")
    }

    @Test func numbersAreWrittenPlainly() {
        #expect(SupervisionFormat.number(nil) == "")
        #expect(SupervisionFormat.number(0) == "0")
        #expect(SupervisionFormat.number(-0.00001) == "0")
        #expect(SupervisionFormat.number(2.5) == "2.5")
        #expect(SupervisionFormat.number(200.0 / 3) == "66.6667")
    }
}
