import Foundation
import Testing
@testable import YoujiaoCore

private typealias Fixture = SupervisionFixture

@Suite("Indicator catalogue")
struct IndicatorCatalogueTests {
    static let catalogue = IndicatorCatalogue.shanghai2024

    /// Every target of issue 5, as the plan (or the national standard it adopts) states it.
    @Test(arguments: [
        ("KG-PUBLIC-SHARE", ">=", 80.0), ("KG-INCLUSIVE-SHARE", ">=", 90), ("KG-READINESS", "=", 100), ("KG-OUTDOOR", ">=", 120),
        ("DISABLED-ENROLLMENT", ">=", 99), ("MIGRANT-PUBLIC-SHARE", ">=", 85),
        ("CLASS-SIZE-PRIMARY", "<=", 45), ("CLASS-SIZE-JUNIOR", "<=", 50),
        ("SCHOOL-SIZE", "<=", 2000), ("SCHOOL-SIZE-THROUGH", "<=", 2500),
        ("PE-PRIMARY", ">=", 5), ("PE-ACTIVITY-PRIMARY", ">=", 2), ("PE-JUNIOR", ">=", 4), ("PE-ACTIVITY-JUNIOR", ">=", 1),
        ("PE-SENIOR", ">=", 4), ("EXERCISE-2H", ">=", 120), ("PSY-LESSON", ">=", 1), ("PSY-TEACHER", ">=", 1),
        ("HOME-VISITS", ">=", 1), ("FAMILY-EDUCATION", ">=", 4), ("BANDWIDTH", ">=", 1),
        ("ROTATION", ">=", 10), ("ROTATION-KEY", ">=", 20),
        ("BAL-DEGREE-PRIMARY", ">=", 4.2), ("BAL-DEGREE-JUNIOR", ">=", 5.3),
        ("BAL-KEY-PRIMARY", ">=", 1), ("BAL-KEY-JUNIOR", ">=", 1),
        ("BAL-PE-ARTS-PRIMARY", ">=", 0.9), ("BAL-PE-ARTS-JUNIOR", ">=", 0.9),
        ("BAL-FLOOR-PRIMARY", ">=", 4.5), ("BAL-FLOOR-JUNIOR", ">=", 5.8),
        ("BAL-GROUND-PRIMARY", ">=", 7.5), ("BAL-GROUND-JUNIOR", ">=", 10.2),
        ("BAL-EQUIPMENT-PRIMARY", ">=", 2000), ("BAL-EQUIPMENT-JUNIOR", ">=", 2500),
        ("BAL-MEDIA-PRIMARY", ">=", 2.3), ("BAL-MEDIA-JUNIOR", ">=", 2.4),
    ])
    func everyIssueTargetIsInTheCatalogue(code: String, comparison: String, target: Double) throws {
        let indicator = try #require(Self.catalogue.indicator(code: code))
        #expect(indicator.comparison.rawValue == comparison)
        #expect(indicator.target == target)
        #expect(!indicator.nameZh.isEmpty && !indicator.nameEn.isEmpty && !indicator.formulaZh.isEmpty)
        #expect(!indicator.planSection.isEmpty && !indicator.stages.isEmpty && !indicator.levels.isEmpty)
    }

    @Test func catalogueIsConsistent() {
        let codes = Self.catalogue.indicators.map(\.code)
        #expect(codes.count == 37)
        #expect(Set(codes).count == codes.count)
        #expect(Self.catalogue.indicators.allSatisfy { Set($0.levels).isSubset(of: $0.measure.possibleLevels) })
        #expect(Self.catalogue.qualityBalanceIndicators(for: .primary).count == 7)
        #expect(Self.catalogue.qualityBalanceIndicators(for: .junior).count == 7)
        // Every measure is used, so every computation path is reachable from the Shanghai catalogue.
        #expect(Set(Self.catalogue.indicators.map(\.measure)) == Set(IndicatorMeasure.allCases))
    }

    @Test func everyShanghaiFormulaHasItsEnglish() {
        for indicator in Self.catalogue.indicators {
            #expect(!indicator.formulaEn.isEmpty && !indicator.formulaEn.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                    "\(indicator.code): \(indicator.formulaEn)")
        }
    }

    @Test func writtenCatalogueReadsBackUnchanged() throws {
        let text = Self.catalogue.csvDocument()
        let back = try IndicatorCatalogue.parse(Fixture.table(text, fileName: "catalogue.csv"))
        #expect(back == Self.catalogue)
    }

    static let header = IndicatorCatalogue.csvColumns.joined(separator: ",")
    static let goodRow = "CS,班额,Class size,人,最大班额,largest class,largest-class-size,≤,40,school;district,primary,本市规定"

    @Test func anotherCitysCatalogueLoads() throws {
        let catalogue = try IndicatorCatalogue.parse(Fixture.table(Self.header + "\n" + Self.goodRow, fileName: "city.csv"))
        let indicator = try #require(catalogue.indicators.first)
        #expect(indicator.comparison == .atMost && indicator.target == 40)
        #expect(indicator.levels == [.school, .district] && indicator.stages == [.primary])
        #expect(indicator.formulaEn == "largest class")
        let chineseOnly = try IndicatorCatalogue.parse(Fixture.table(Self.header + "\n" + Self.goodRow.replacingOccurrences(of: ",largest class,", with: ",,"),
                                                                     fileName: "city.csv"))
        #expect(chineseOnly.indicators.first?.formulaEn == "", "the English formula may be left empty")
    }

    @Test func malformedCatalogueRowsNameRowAndField() {
        let rows = [
            Self.goodRow,
            "X1,名,Name,人,式,,no-such-measure,>=,1,school,primary,s",                 // row 3: measure
            "X2,名,Name,人,式,,largest-class-size,>>,1,school,primary,s",              // row 4: comparison
            "X3,名,Name,人,式,,largest-class-size,>=,many,school,primary,s",           // row 5: target
            "X4,名,Name,人,式,,largest-class-size,>=,1,school;county,primary,s",       // row 6: level
            "X5,名,Name,人,式,,largest-class-size,>=,1,school,grade-one,s",            // row 7: stage
            "X6,名,Name,人,式,,disabled-enrollment-rate,>=,99,school;district,primary,s",  // row 8: no school value
            "CS,名,Name,人,式,,largest-class-size,>=,1,school,primary,s",              // row 9: duplicate code
            "X8,,Name,人,式,,largest-class-size,>=,1,school,primary,s",                // row 10: empty name
            "X9,名,Name,人,式,,largest-class-size,>=,1,;,primary,s",                   // row 11: empty list
        ]
        let errors = fieldErrors {
            _ = try IndicatorCatalogue.parse(Fixture.table(([Self.header] + rows).joined(separator: "\n"), fileName: "city.csv"))
        }
        #expect(errors.map(\.row) == [3, 4, 5, 6, 7, 8, 9, 10, 11])
        #expect(errors.map(\.field) == ["measure", "comparison", "target", "levels", "stages", "levels", "code", "name_zh", "levels"])
        #expect(errors[5].reason == "disabled-enrollment-rate has no school value")
        #expect(errors[6].reason == "duplicate code CS, first on row 2")
        #expect(errors.allSatisfy { $0.file == "city.csv" })
    }

    @Test func missingColumnIsReported() {
        let errors = fieldErrors {
            _ = try IndicatorCatalogue.parse(Fixture.table("code,name_zh\nA,名", fileName: "city.csv"))
        }
        #expect(errors.count == IndicatorCatalogue.csvColumns.count - 2)
        #expect(errors.contains { $0.field == "measure" && $0.row == 1 })
    }

    @Test func comparisonsWithTolerance() {
        #expect(IndicatorComparison.atLeast.isMet(84.99999999999999, target: 85))
        #expect(!IndicatorComparison.atLeast.isMet(84.99, target: 85))
        #expect(IndicatorComparison.atMost.isMet(45, target: 45))
        #expect(!IndicatorComparison.atMost.isMet(46, target: 45))
        #expect(IndicatorComparison.equal.isMet(100, target: 100))
        #expect(!IndicatorComparison.equal.isMet(99, target: 100))
        #expect(IndicatorComparison.atLeast.shortfall(60, target: 80) == 20)
        #expect(IndicatorComparison.atMost.shortfall(46, target: 45) == 1)
        #expect(IndicatorComparison.atMost.shortfall(40, target: 45) == 0)
    }
}
