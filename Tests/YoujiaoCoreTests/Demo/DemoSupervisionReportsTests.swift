import Foundation
import Testing
@testable import YoujiaoCore

@Suite("Demo city school and district reports")
struct DemoSupervisionReportsTests {
    static let city = try! DemoCity(scale: 0.02, randomSeed: 1)

    /// The registry's facts of the demo city, counted as the store counts them.
    static func facts(_ city: DemoCity) -> [SchoolFacts] {
        let rotations = Dictionary(uniqueKeysWithValues: DemoSupervisionReports(city: city).rotations.map { ($0.schoolID, $0.counts) })
        var stream = city.makePeopleStream()
        var facts: [SchoolFacts] = []
        while let batch = stream.nextBatch() {
            facts.append(SchoolFacts(school: batch.school, enrollment: StageEnrollment.count(batch.students),
                                     teachers: batch.teachers.isEmpty ? nil : TeacherCounts(teachers: batch.teachers),
                                     rotation: rotations[batch.school.id]))
        }
        return facts
    }

    @Test func theSameCityGivesTheSameReports() throws {
        let again = DemoSupervisionReports(city: try DemoCity(scale: 0.02, randomSeed: 1))
        let reports = DemoSupervisionReports(city: Self.city)
        #expect(reports.schoolReports == again.schoolReports)
        #expect(reports.districtReports == again.districtReports)
        let other = DemoSupervisionReports(city: try DemoCity(scale: 0.02, randomSeed: 2))
        #expect(other.schoolReports != reports.schoolReports)
    }

    @Test func everyReportPassesTheImportRules() throws {
        let reports = DemoSupervisionReports(city: Self.city)
        #expect(reports.schoolReports.count == Self.city.schools.count - 1, "one school of 奉贤 has not reported")
        let text = SchoolReportCSV.document(reports.schoolReports)
        let parsed = try SchoolReportCSV.parse(data: Data(text.utf8), fileName: "demo.csv",
                                               knownSchoolIDs: Set(Self.city.schools.map(\.id)), knownYears: [DemoCity.currentYear])
        #expect(parsed == reports.schoolReports)
        #expect(reports.districtReports.count == 16)
        let rotation = try RotationCSV.parse(data: Data(RotationCSV.document(reports.rotations).utf8), fileName: "rotation.csv",
                                             knownSchoolIDs: Set(Self.city.schools.map(\.id)), knownYears: [DemoCity.currentYear])
        #expect(rotation == reports.rotations && !rotation.isEmpty)
        #expect(reports.districtReports.allSatisfy { $0.disabledEnrolled <= $0.disabledSchoolAgeChildren && $0.disabledSchoolAgeChildren >= 10 })
    }

    /// The dashboard must show both colours: the short districts miss some reported targets,
    /// the others meet them, and 奉贤 has no data where its unreported school counts.
    @Test func someDistrictsMissTargetsAndOthersMeetThem() throws {
        let reports = DemoSupervisionReports(city: Self.city)
        let input = SupervisionInput(year: DemoCity.currentYear, districtCodes: Self.city.districts.map(\.code),
                                     schools: Self.facts(Self.city), reports: reports.schoolReports, districtReports: reports.districtReports)
        let results = SupervisionEngine.compute(input: input).filter { $0.level == .district }
        func status(_ code: String, _ district: String) -> IndicatorStatus? {
            results.first { $0.indicatorCode == code && $0.scopeID == district }?.status
        }
        #expect(status("ROTATION", "310113") == .notMet && status("ROTATION", "310104") == .met)
        #expect(status("ROTATION-KEY", "310104") == .met)
        #expect(status("DISABLED-ENROLLMENT", "310151") == .notMet)
        #expect(status("DISABLED-ENROLLMENT", "310104") == .met)
        #expect(status("FAMILY-EDUCATION", "310104") == .met)
        #expect(status("BAL-FLOOR-PRIMARY", "310120") == .noData)
        #expect(status("BAL-FLOOR-PRIMARY", "310104") == .met)
        let shortDistricts = ["310101", "310113", "310151"]
        let reportedCodes = ["BAL-GROUND-PRIMARY", "BAL-GROUND-JUNIOR", "BAL-EQUIPMENT-PRIMARY", "BAL-EQUIPMENT-JUNIOR",
                             "BAL-MEDIA-PRIMARY", "BAL-MEDIA-JUNIOR", "BANDWIDTH", "HOME-VISITS", "PE-ACTIVITY-PRIMARY",
                             "PE-ACTIVITY-JUNIOR", "EXERCISE-2H", "FAMILY-EDUCATION"]
        for district in shortDistricts {
            #expect(reportedCodes.contains { status($0, district) == .notMet }, "\(district) misses some reported target")
        }
        for district in Self.city.districts.map(\.code) where !shortDistricts.contains(district) && district != "310120" {
            #expect(reportedCodes.allSatisfy { status($0, district) == .met }, "\(district) meets every reported target")
        }
    }
}
