import Foundation
import Testing
@testable import YoujiaoCore

/// The hand-checked example every planning test works on.
///
/// District D1, base year 2020. Births 2013–2016: 100 a year, 2017–2020: 200 a year.
/// Enrollment: every grade 100 in 2018; in 2019 K1 90 and grade 1 80, the rest 100; in 2020
/// K1 200, K2 99, grade 2 80, grade 10 60, the rest 100. With two years of history the ratios are
///   K1  2019: 90/births 2016 (100) = 0.9,   2020: 200/births 2017 (200) = 1.0 → mean 0.95
///   K2  2019: 100/K1 2018 (100) = 1.0,      2020: 99/K1 2019 (90) = 1.1     → mean 1.05
///   1   2019: 80/births 2013 (100) = 0.8,   2020: 100/births 2014 (100) = 1.0 → mean 0.9
///   10  2019: 100/grade 9 2018 = 1.0,       2020: 60/grade 9 2019 (100) = 0.6 → mean 0.8
/// and every other grade 1.0. District D2 is D1 with every count doubled (same ratios).
enum PlanningExample {
    static let baseYear = 2020

    static func births(_ district: String = "D1", scale: Int = 1) -> [BirthCount] {
        (2013...2020).map { BirthCount(districtCode: district, year: $0, births: ($0 <= 2016 ? 100 : 200) * scale) }
    }

    static let counts2019: [Grade: Int] = [.k1: 90, .g1: 80]
    static let counts2020: [Grade: Int] = [.k1: 200, .k2: 99, .g2: 80, .g10: 60]

    static func enrollment(_ district: String = "D1", scale: Int = 1) -> [EnrollmentCount] {
        (2018...2020).flatMap { year in
            Grade.allCases.map { grade in
                let special = year == 2019 ? counts2019 : year == 2020 ? counts2020 : [:]
                return EnrollmentCount(districtCode: district, year: year, grade: grade,
                                       students: (special[grade] ?? 100) * scale)
            }
        }
    }

    /// Seats: kindergarten 450 from 2018 and 600 from 2022, primary 500, junior 400, senior 300.
    static func capacity(_ district: String = "D1") -> [SeatCapacity] {
        [SeatCapacity(districtCode: district, year: 2018, stage: .kindergarten, seats: 450),
         SeatCapacity(districtCode: district, year: 2022, stage: .kindergarten, seats: 600),
         SeatCapacity(districtCode: district, year: 2018, stage: .primary, seats: 500),
         SeatCapacity(districtCode: district, year: 2018, stage: .junior, seats: 400),
         SeatCapacity(districtCode: district, year: 2018, stage: .senior, seats: 300)]
    }

    static func inputs(withCapacity: Bool = false) -> PlanInputs {
        PlanInputs(births: births(), enrollment: enrollment(), capacity: withCapacity ? capacity() : [])
    }

    static func twoDistricts() -> PlanInputs {
        PlanInputs(births: births() + births("D2", scale: 2),
                   enrollment: enrollment() + enrollment("D2", scale: 2))
    }

    static func options(years: Int = 4, history: Int = 2, averaging: RatioAveraging = .mean) -> ProjectionOptions {
        ProjectionOptions(baseYear: baseYear, years: years, history: history, averaging: averaging)
    }
}

extension Projection {
    func count(_ year: Int, _ grade: Grade, in district: String = "D1") -> ProjectedCount {
        counts.first { $0.districtCode == district && $0.year == year && $0.grade == grade }!
    }
    func demand(_ year: Int, _ stage: Stage, in district: String = "D1") -> StageDemand {
        stageDemand.first { $0.districtCode == district && $0.year == year && $0.stage == stage }!
    }
    func ratioOf(_ grade: Grade, in district: String = "D1") -> ProgressionRatio {
        ratios.first { $0.districtCode == district && $0.grade == grade }!
    }
}

func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }
