import Foundation
import Testing
@testable import YoujiaoCore

private typealias Fixture = SupervisionFixture

@Suite("优质均衡 assessment")
struct QualityBalanceTests {
    /// A primary school of `pupils` pupils meeting every primary standard exactly, unless told otherwise:
    /// per 1000 pupils 42 teachers above 中专, 10 key, 9 PE/arts, 4500 m², 7500 m² ground, 2,000,000 yuan, 23 rooms.
    static func primary(_ id: String, pupils: Int = 1000, ground: Double? = nil, rooms: Int? = nil,
                        report: Bool = true, key: Int? = nil, peArts: Int? = nil) -> (SchoolFacts, SchoolReport?) {
        let scale = Double(pupils) / 1000
        let teachers = Fixture.teachers(total: 60, byDegree: [.secondary: 18, .bachelor: Int(42 * scale)],
                                        key: key ?? Int(10 * scale), peArts: peArts ?? Int(9 * scale))
        let facts = Fixture.school(id, stages: [.primary], pupils: [.primary: pupils], teachers: teachers)
        let schoolReport = SchoolReport(schoolID: id, year: Fixture.year, floorArea: 4500 * scale,
                                        sportsGroundArea: ground ?? 7500 * scale, equipmentValue: 2_000_000 * scale,
                                        multimediaClassrooms: rooms ?? Int(23 * scale))
        return (facts, report ? schoolReport : nil)
    }

    static func assess(_ schools: [(SchoolFacts, SchoolReport?)], stage: Stage = .primary) -> QualityBalanceReport {
        QualityBalance.assess(districtCode: Fixture.district, stage: stage,
                              input: Fixture.input(schools.map(\.0), reports: schools.compactMap(\.1)))
    }

    /// Pupils 100, 200, 100 with values 4, 6, 8:
    /// X̄ = (400 + 1200 + 800) / 400 = 6; Σ Pᵢ(Xᵢ − X̄)² = 100·4 + 200·0 + 100·4 = 800; S = √(800 / 400) = √2 = 1.414214;
    /// CV = 1.414214 / 6 = 0.235702.
    @Test func coefficientOfVariationByHand() throws {
        let spread = try #require(QualityBalance.coefficientOfVariation([(100, 4), (200, 6), (100, 8)]))
        #expect(spread.mean == 6)
        #expect(abs(spread.standardDeviation - 2.0.squareRoot()) < 1e-12)
        #expect(abs(spread.coefficientOfVariation - 0.235702) < 1e-6)
        // Weighting matters: the unweighted CV of 4, 6, 8 would be √(8/3) / 6 = 0.272166.
        #expect(abs(spread.coefficientOfVariation - 0.272166) > 0.03)
        #expect(QualityBalance.coefficientOfVariation([]) == nil)
        #expect(QualityBalance.coefficientOfVariation([(100, 0), (100, 0)]) == nil)  // X̄ = 0
    }

    /// Two schools of 100 pupils with values 1 and 3: X̄ = 2, S = √((100·1 + 100·1) / 200) = 1, CV = 0.5,
    /// exactly the primary limit (passes) and above the junior limit 0.45 (fails).
    @Test func cvLimitIsInclusive() {
        let indicator = IndicatorCatalogue.shanghai2024.indicator(code: "BAL-FLOOR-PRIMARY")!
        let primary = QualityBalance.dispersion(indicator, values: [(100, 1), (100, 3)], limit: 0.50)
        #expect(primary.coefficientOfVariation == 0.5)
        #expect(primary.verdict == .pass)
        #expect(QualityBalance.dispersion(indicator, values: [(100, 1), (100, 3)], limit: 0.45).verdict == .fail)
        #expect(QualityBalance.dispersion(indicator, values: [(100, 1), (100, nil)], limit: 0.50).verdict == .noData)
    }

    @Test func allSevenMetPasses() throws {
        let report = Self.assess([Self.primary("P-1")])
        let school = try #require(report.schools.first)
        #expect(school.values.map(\.indicatorCode) == IndicatorCatalogue.shanghai2024.qualityBalanceIndicators(for: .primary).map(\.code))
        #expect(school.values.count == 7)
        #expect(school.indicatorsMet == 7)
        #expect(school.verdict == .pass)
        #expect(report.verdict == .pass)  // one school: every CV is 0
    }

    /// Ground 6375 m² for 1000 pupils = 6.375 = 85% of 7.5 exactly: six met, the seventh at 85% → pass.
    @Test func exactlySixOfSevenAndEightyFivePercentPasses() throws {
        let school = try #require(Self.assess([Self.primary("P-1", ground: 6375)]).schools.first)
        #expect(school.indicatorsMet == 6)
        #expect(school.values.first { $0.indicatorCode == "BAL-GROUND-PRIMARY" }?.reachesFloor == true)
        #expect(school.verdict == .pass)
    }

    /// 6374 m² = 6.374 < 6.375: six met but the seventh under 85% → fail.
    @Test func justUnderEightyFivePercentFails() throws {
        let school = try #require(Self.assess([Self.primary("P-1", ground: 6374)]).schools.first)
        #expect(school.indicatorsMet == 6)
        #expect(school.verdict == .fail)
    }

    /// Ground 6.75 (90%) and 21 rooms = 2.1 per 100 (91%): both above 85% but only five met → fail.
    @Test func fiveOfSevenFails() throws {
        let report = Self.assess([Self.primary("P-1", ground: 6750, rooms: 21)])
        let school = try #require(report.schools.first)
        #expect(school.indicatorsMet == 5)
        #expect(school.verdict == .fail)
        #expect(report.verdict == .fail)
        #expect(report.schoolsPassing == 0)
    }

    /// No report: four values unknown, three met → the school and the district are "no data";
    /// the teacher indicators still get their CVs.
    @Test func missingReportIsNoData() throws {
        let report = Self.assess([Self.primary("P-1"), Self.primary("P-2", report: false)])
        let school = try #require(report.schools.first { $0.schoolID == "P-2" })
        #expect(school.verdict == .noData)
        #expect(school.values.filter { $0.value == nil }.count == 4)
        #expect(school.values.first { $0.indicatorCode == "BAL-FLOOR-PRIMARY" }?.missingReason == "no school report")
        #expect(report.dispersions.first { $0.indicatorCode == "BAL-FLOOR-PRIMARY" }?.verdict == .noData)
        #expect(report.dispersions.first { $0.indicatorCode == "BAL-KEY-PRIMARY" }?.verdict == .pass)
        #expect(report.verdict == .noData)
    }

    /// No report and no key or PE/arts teachers: two indicators already missed → fail, whatever the report says.
    @Test func knownFailureWinsOverMissingData() throws {
        let report = Self.assess([Self.primary("P-1", report: false, key: 0, peArts: 0)])
        #expect(report.schools.first?.verdict == .fail)
        #expect(report.verdict == .fail)
    }

    /// P-1 primary 600 pupils, 3000 m² → 5.0; N-1 nine-year 400 primary + 600 junior, 5000 m² → 5.0 for both stages;
    /// J-1 junior 400 pupils, 2400 m² → 6.0.
    /// Primary: weights 600 and 400, values 5.0 and 5.0 → CV 0.
    /// Junior: X̄ = (400·6 + 600·5) / 1000 = 5.4; S = √((400·0.36 + 600·0.16) / 1000) = √0.24 = 0.489898; CV = 0.090722.
    /// N-1's 5.0 m² meets the primary 4.5 but not the junior 5.8 (86.2% of it).
    @Test func nineYearSchoolCountsInBothStages() throws {
        let teachers = Fixture.teachers(total: 100, byDegree: [.master: 100], key: 20, peArts: 20)
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 600], teachers: teachers),
            Fixture.school("N-1", stages: [.primary, .junior], pupils: [.primary: 400, .junior: 600], teachers: teachers),
            Fixture.school("J-1", stages: [.junior], pupils: [.junior: 400], teachers: teachers),
        ], reports: [SchoolReport(schoolID: "P-1", year: Fixture.year, floorArea: 3000),
                     SchoolReport(schoolID: "N-1", year: Fixture.year, floorArea: 5000),
                     SchoolReport(schoolID: "J-1", year: Fixture.year, floorArea: 2400)])
        let primary = QualityBalance.assess(districtCode: Fixture.district, stage: .primary, input: input)
        let junior = QualityBalance.assess(districtCode: Fixture.district, stage: .junior, input: input)
        #expect(primary.schools.map(\.schoolID) == ["P-1", "N-1"])
        #expect(junior.schools.map(\.schoolID) == ["N-1", "J-1"])
        let nineInPrimary = try #require(primary.schools.first { $0.schoolID == "N-1" })
        let nineInJunior = try #require(junior.schools.first { $0.schoolID == "N-1" })
        #expect(nineInPrimary.stagePupils == 400 && nineInJunior.stagePupils == 600)
        #expect(nineInPrimary.totalPupils == 1000)
        let floorPrimary = try #require(nineInPrimary.values.first { $0.indicatorCode == "BAL-FLOOR-PRIMARY" })
        let floorJunior = try #require(nineInJunior.values.first { $0.indicatorCode == "BAL-FLOOR-JUNIOR" })
        #expect(floorPrimary.value == 5 && floorPrimary.status == .met)
        #expect(floorJunior.value == 5 && floorJunior.status == .notMet && floorJunior.reachesFloor == true)
        #expect(primary.dispersions.first { $0.indicatorCode == "BAL-FLOOR-PRIMARY" }?.coefficientOfVariation == 0)
        let juniorFloor = try #require(junior.dispersions.first { $0.indicatorCode == "BAL-FLOOR-JUNIOR" })
        #expect(abs(juniorFloor.mean! - 5.4) < 1e-12)
        #expect(abs(juniorFloor.standardDeviation! - 0.24.squareRoot()) < 1e-12)
        #expect(abs(juniorFloor.coefficientOfVariation! - 0.090722) < 1e-6)
        #expect(juniorFloor.limit == 0.45)
    }

    /// Teaching points under 50 pupils of the stage are left out, and other districts' schools are not judged.
    @Test func smallSchoolsAndOtherDistrictsAreLeftOut() {
        let tiny = Self.primary("P-TINY", pupils: 49)
        var elsewhere = Self.primary("P-ELSEWHERE")
        elsewhere.0.districtCode = Fixture.otherDistrict
        let report = Self.assess([Self.primary("P-1"), tiny, elsewhere])
        #expect(report.schools.map(\.schoolID) == ["P-1"])
        #expect(report.excludedSchools.map(\.scopeID) == ["P-TINY"])
    }

    @Test func theIndicatorsLeaveOutTheSameSmallSchoolsAsTheAssessment() {
        // A 30-pupil teaching point without a report: the assessment leaves it out, so must the district's BAL-* figures.
        let schools = [Self.primary("P-1"), Self.primary("P-TINY", pupils: 30, report: false)]
        let input = Fixture.input(schools.map(\.0), reports: schools.compactMap(\.1))
        let results = SupervisionEngine.compute(catalogue: .shanghai2024, input: input)
        let floor = results.first { $0.indicatorCode == "BAL-FLOOR-PRIMARY" && $0.level == .district && $0.scopeID == Fixture.district }
        #expect(floor?.missing.isEmpty == true && floor?.value == 100, "the district's share is P-1's, not no-data: \(String(describing: floor?.missing))")
        #expect(results.contains { $0.indicatorCode == "BAL-FLOOR-PRIMARY" && $0.level == .school && $0.scopeID == "P-TINY" && !$0.missing.isEmpty },
                "the teaching point's own page still says what it lacks")
        #expect(Self.assess(schools).excludedSchools.map(\.scopeID) == ["P-TINY"])
    }

    @Test func districtWithoutSchoolsIsNoData() {
        let report = Self.assess([])
        #expect(report.verdict == .noData)
        #expect(report.dispersions.allSatisfy { $0.verdict == .noData })
    }
}
