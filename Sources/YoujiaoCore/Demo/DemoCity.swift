import Foundation

/// A synthetic Shanghai, calibrated on published Shanghai figures (see `DemoCalibration`), built in two
/// steps: the structure (districts, zones, schools, history, births) at once, and the people
/// (pupils, guardians, teachers) streamed one school at a time by `makePeopleStream()`, so the
/// full city (≈2.1 million pupils) never sits in memory. Same scale and seed → same city.
public struct DemoCity: Sendable {
    public struct InvalidScale: Error, CustomStringConvertible, Equatable {
        public let scale: Double
        public var description: String {
            "the demo scale must lie in \(DemoCity.allowedScales.lowerBound)…\(DemoCity.allowedScales.upperBound) (1 = the full city), not \(scale)"
        }
    }

    /// School year of the registry (2025 = 2025–26).
    public static let currentYear = DemoCalibration.currentYear
    public static let allowedScales: ClosedRange<Double> = 0.0001...1

    public let scale: Double
    public let randomSeed: UInt64
    /// The 16 districts, in GB/T 2260 code order.
    public let districts: [District]
    public let zones: [CatchmentZone]
    public let schools: [School]
    /// Pupils of each grade in each school this year, index-aligned with `schools`; the people
    /// stream generates exactly these numbers.
    public let pupilsPerGrade: [[Grade: Int]]
    /// Pupils per district × grade for the school years 2016–2025; 2025 equals the registry.
    public let history: [EnrollmentCount]
    /// Births per district for 2007–2024 (city births split by census age-0 shares), scaled.
    public let births: [BirthCount]

    /// For each school, the zones it serves as public primary / junior school / kindergarten (empty otherwise).
    let zonesServedAsPrimary: [[Int]]
    let zonesServedAsJunior: [[Int]]
    let zonesServedAsKindergarten: [[Int]]
    /// Zone indices of each district, and each school's district index and kind.
    let zonesByDistrict: [[Int]]
    let schoolDistrict: [Int]
    let schoolKind: [DemoSchoolKind]

    /// Builds the structure; people come from `makePeopleStream()`.
    /// - Parameters: scale in `allowedScales` (1 = full city); randomSeed fixes every random draw.
    public init(scale: Double = 1, randomSeed: UInt64 = 1) throws(InvalidScale) {
        guard DemoCity.allowedScales.contains(scale) else { throw InvalidScale(scale: scale) }
        self.scale = scale
        self.randomSeed = randomSeed
        var builder = DemoStructureBuilder(scale: scale, seed: randomSeed)
        builder.build()
        districts = DemoCalibration.districts.map { District(code: $0.code, name: $0.name, zoneKind: $0.zoneKind) }
        schools = builder.schools
        pupilsPerGrade = builder.pupils
        zones = builder.zones
        zonesServedAsPrimary = builder.zonesServedAsPrimary
        zonesServedAsJunior = builder.zonesServedAsJunior
        zonesServedAsKindergarten = builder.zonesServedAsKindergarten
        zonesByDistrict = builder.zonesByDistrict
        schoolDistrict = builder.schoolDistrict
        schoolKind = builder.schoolKind
        history = builder.history()
        births = DemoStructureBuilder.births(scale: scale)
    }

    /// Pupils the people stream will generate (all schools, all grades).
    public var expectedPupilCount: Int {
        pupilsPerGrade.reduce(0) { $0 + $1.values.reduce(0, +) }
    }

    /// A fresh stream of people, starting at the first school.
    public func makePeopleStream() -> DemoPeopleStream { DemoPeopleStream(city: self) }
}

/// Pupils of a grade per district (calibration order) in a school year: the cohort's births ×
/// pupils per birth × scale, split by the district's census share of the cohort, drifted by
/// migration since the census (`drift: false` gives the census split, which schools planned for).
func demoDistrictPupils(grade: Grade, year: Int, scale: Double, drift: Bool = true) -> [Int] {
    let birthYear = DemoCalibration.birthYear(of: grade, inSchoolYear: year)
    let cityTotal = Double(DemoCalibration.births(in: birthYear)) * DemoCalibration.pupilsPerBirth(grade) * scale
    let yearsSinceCensus = Double(year - DemoCalibration.censusYear)
    let weights = DemoCalibration.districts.map { district in
        let growth = drift ? pow(1 + DemoCalibration.migrationDrift(district.zoneKind), yearsSinceCensus) : 1
        return Double(district.children(bornIn: birthYear)) * growth
    }
    return apportion(Int(cityTotal.rounded()), weights: weights)
}
