import Foundation
import SQLKit
import YoujiaoCore

extension RegistryStore {
    /// Births, enrollment history and entry seats for school-place planning. Seats are summed in
    /// SQL per district and stage combination (the seat rule is linear, see `SeatCapacity.registrySeats`).
    public func planningData() async throws -> RegistryPlanningData {
        struct SeatRow: Decodable {
            var districtCode: String; var stages: String
            var k1: Int?; var g1: Int?; var g6: Int?; var g10: Int?
        }
        // PostgreSQL sums BIGINT columns as NUMERIC: cast back so both dialects give integers.
        let seatRows = try await sql.all("""
            SELECT district_code, stages, CAST(SUM(seats_k1) AS BIGINT) AS k1, CAST(SUM(seats_g1) AS BIGINT) AS g1,
                   CAST(SUM(seats_g6) AS BIGINT) AS g6, CAST(SUM(seats_g10) AS BIGINT) AS g10
            FROM schools GROUP BY district_code, stages ORDER BY district_code, stages
            """, as: SeatRow.self)
        let schools = seatRows.map { row in
            var seats: [Grade: Int] = [:]
            seats[.k1] = row.k1; seats[.g1] = row.g1; seats[.g6] = row.g6; seats[.g10] = row.g10
            return SchoolSeats(districtCode: row.districtCode,
                               stages: row.stages.split(separator: ";").compactMap { Stage(rawValue: String($0)) },
                               entrySeats: seats)
        }
        return RegistryPlanningData(districtCodes: try await districts().map(\.code), births: try await births(),
                                    enrollment: try await enrollmentHistory(), schools: schools)
    }
}
