import Foundation
import Testing
@testable import YoujiaoCore

/// The seat rule of database mode, on a hand-checked district.
@Suite("Seats from the registry's schools")
struct RegistrySeatsTests {
    /// District A: a kindergarten (K1 90), a nine-year school (grade 1 120, grade 6 150), a
    /// twelve-year school (grade 1 40, grade 6 50, grade 10 60) and a special school (grade 1 8).
    ///   kindergarten 90 × 3 = 270
    ///   primary (120 + 40) × 5 + 8 × 5 = 840
    ///   junior  (150 + 50) × 4 + 8 × 4 = 832
    ///   senior  60 × 3 = 180
    /// District B has no school at all: every stage 0.
    static let schools = [
        SchoolSeats(districtCode: "A", stages: [.kindergarten], entrySeats: [.k1: 90]),
        SchoolSeats(districtCode: "A", stages: [.primary, .junior], entrySeats: [.g1: 120, .g6: 150]),
        SchoolSeats(districtCode: "A", stages: [.primary, .junior, .senior], entrySeats: [.g1: 40, .g6: 50, .g10: 60]),
        SchoolSeats(districtCode: "A", stages: [.special], entrySeats: [.g1: 8]),
        SchoolSeats(districtCode: "C", stages: [.primary], entrySeats: [.g1: 1000]),
    ]

    @Test func aStageOffersItsEntrySeatsInEveryGrade() {
        let seats = SeatCapacity.registrySeats(Self.schools, districtCodes: ["A", "B"], year: 2025)
        #expect(seats == [
            SeatCapacity(districtCode: "A", year: 2025, stage: .kindergarten, seats: 270),
            SeatCapacity(districtCode: "A", year: 2025, stage: .primary, seats: 840),
            SeatCapacity(districtCode: "A", year: 2025, stage: .junior, seats: 832),
            SeatCapacity(districtCode: "A", year: 2025, stage: .senior, seats: 180),
            SeatCapacity(districtCode: "B", year: 2025, stage: .kindergarten, seats: 0),
            SeatCapacity(districtCode: "B", year: 2025, stage: .primary, seats: 0),
            SeatCapacity(districtCode: "B", year: 2025, stage: .junior, seats: 0),
            SeatCapacity(districtCode: "B", year: 2025, stage: .senior, seats: 0),
        ], "district C is not asked for, so it has no rows")
    }

    @Test func registryDataProjectsWithSeatsFromTheBaseYear() throws {
        let data = RegistryPlanningData(
            districtCodes: ["D1", "D2"], births: PlanningExample.births(), enrollment: PlanningExample.enrollment(),
            schools: [SchoolSeats(districtCode: "D1", stages: [.primary], entrySeats: [.g1: 100])])
        #expect(data.latestYear == 2020 && data.defaultBaseYear == 2020)
        let result = try PlanningEngine.project(data.inputs(seatsFrom: 2020), options: PlanningExample.options(years: 2))
        let primary2021 = try #require(result.gaps.first { $0.year == 2021 && $0.stage == .primary })
        #expect(primary2021.seats == 500)
        #expect(close(primary2021.demand, result.projection.demand(2021, .primary).projected))
        #expect(result.gaps.filter { $0.stage == .kindergarten }.allSatisfy { $0.seats == 0 })
        // D2 is a registry district without history: no rows, and no error.
        #expect(Set(result.gaps.map(\.districtCode)) == ["D1"])
    }

    @Test func restrictingKeepsOneDistrictsRowsOnly() {
        let data = RegistryPlanningData(districtCodes: ["D1", "D2"], births: PlanningExample.twoDistricts().births,
                                        enrollment: PlanningExample.twoDistricts().enrollment, schools: Self.schools)
        let d2 = data.restricted(to: ["D2"])
        #expect(d2.districtCodes == ["D2"])
        #expect(d2.births.allSatisfy { $0.districtCode == "D2" } && !d2.births.isEmpty)
        #expect(d2.enrollment.allSatisfy { $0.districtCode == "D2" } && !d2.enrollment.isEmpty)
        #expect(d2.schools.isEmpty)
    }

    @Test func databaseErrorsNameTheTable() {
        var enrollment = PlanningExample.enrollment()
        enrollment[3].students = -1
        let data = RegistryPlanningData(districtCodes: ["D1"], births: PlanningExample.births(), enrollment: enrollment, schools: [])
        let errors = fieldErrors { _ = try PlanningEngine.project(data.inputs(seatsFrom: 2020), options: PlanningExample.options()) }
        #expect(errors.map(\.file) == ["database table enrollment_history"])
        #expect(errors.first?.field == "students")
    }

    @Test func aBirthsSeriesFromTextNamesItsRows() throws {
        let series = try PlanningFiles.birthSeries(text: "district,year,births\nD1,2021,150\nD1,2022,140\n", name: "births_series")
        #expect(series.counts == [BirthCount(districtCode: "D1", year: 2021, births: 150), BirthCount(districtCode: "D1", year: 2022, births: 140)])
        #expect(series.source.rows == [2, 3])
        let errors = fieldErrors { _ = try PlanningFiles.birthSeries(text: "district,year,births\nD1,2021,150\nD1,20x2,140\n", name: "births_series") }
        #expect(errors.count == 1 && errors.allSatisfy { $0.description.contains("births_series: row 3") })
        #expect(errors.first?.field == "year")
    }

    @Test func theDefaultBaseYearIsTheLastYearBirthsAndEnrollmentBothReach() {
        let births = PlanningExample.births() + PlanningExample.births("D2").filter { $0.year <= 2019 }
        let enrollment = PlanningExample.enrollment() + PlanningExample.enrollment("D2")
        #expect(PlanInputs.defaultBaseYear(enrollment: enrollment, births: births) == 2019, "D2's births stop in 2019")
        #expect(PlanInputs.defaultBaseYear(enrollment: PlanningExample.enrollment(), births: births) == 2020, "D2 has no history")
        #expect(PlanInputs.defaultBaseYear(enrollment: [], births: births) == nil)
    }
}
