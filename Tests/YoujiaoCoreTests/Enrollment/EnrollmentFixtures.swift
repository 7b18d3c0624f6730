@testable import YoujiaoCore

/// Small hand-built campaigns. Coordinates sit around 31.2°N 121.4°E; 0.01° of latitude ≈ 1,112 m.
enum EnrollmentFixture {
    static let district = "310104"
    static let otherDistrict = "310105"

    static func publicSchool(_ id: String, seats: Int, zones: [String], lat: Double = 31.2, lon: Double = 121.4,
                             district: String = district) -> EnrollmentSchool {
        EnrollmentSchool(id: id, name: id, districtCode: district, ownership: .public, boarding: false,
                         capacity: seats, latitude: lat, longitude: lon, zones: zones)
    }

    static func privateSchool(_ id: String, seats: Int, boarding: Bool = false, district: String = district) -> EnrollmentSchool {
        EnrollmentSchool(id: id, name: id, districtCode: district, ownership: .private, boarding: boarding,
                         capacity: seats, latitude: 31.25, longitude: 121.45, zones: [])
    }

    static func child(_ id: String, zone: String = "Z1", lat: Double = 31.2, lon: Double = 121.4,
                      choices: [String] = [], tier: Int = 1, years: Int = 3, district: String = district) -> Applicant {
        Applicant(id: id, districtCode: district, zone: zone, latitude: lat, longitude: lon,
                  track: choices.isEmpty ? .public : .private, choices: choices, tier: tier, yearsAtAddress: years)
    }

    /// Allocates with explicit lottery numbers (`lottery[id]`, default: input position).
    static func allocate(_ schools: [EnrollmentSchool], _ applicants: [Applicant], lottery: [String: UInt64] = [:],
                         settings: EnrollmentSettings = EnrollmentSettings()) throws -> [String: Placement] {
        let input = try EnrollmentInput(schools: schools, applicants: applicants)
        let numbers = applicants.enumerated().map { lottery[$0.element.id] ?? UInt64($0.offset) }
        let outcome = EnrollmentEngine.allocate(input, lottery: numbers, settings: settings)
        return Dictionary(uniqueKeysWithValues: outcome.placements.map { ($0.applicantID, $0) })
    }

    static let seedHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
}

/// A deterministic generator for randomised cross-checks.
typealias SeededGenerator = SplitMix64
