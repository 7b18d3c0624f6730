import Foundation

/// Homes for the demo city's teachers, from a generator of their own so the rest of the city stays
/// as it was: four in five teachers have one on file (as if from the personnel file), 0.5–8 km from
/// their school in any direction; the others are planned from their school. An assumption for a
/// plausible demo, not a figure found.
public enum TeacherHomeDemo {
    public struct Teacher: Sendable {
        public var nationalID: String
        public var schoolLatitude: Double
        public var schoolLongitude: Double
        public init(nationalID: String, schoolLatitude: Double, schoolLongitude: Double) {
            self.nationalID = nationalID; self.schoolLatitude = schoolLatitude; self.schoolLongitude = schoolLongitude
        }
    }

    public static func generate(_ teachers: [Teacher], seed: UInt64) -> [TeacherHome] {
        var random = SplitMix64(seed: seed ^ 0x686F_6D65_7300_0000)
        let metresPerDegree = 111_195.0
        return teachers.compactMap { teacher in
            let onFile = Int.random(in: 0..<5, using: &random) < 4
            let distance = Double.random(in: 500...8_000, using: &random)
            let bearing = Double.random(in: 0..<(2 * .pi), using: &random)
            guard onFile else { return nil }
            let north = distance * cos(bearing) / metresPerDegree
            let east = distance * sin(bearing) / (metresPerDegree * cos(teacher.schoolLatitude * .pi / 180))
            return TeacherHome(teacherNationalID: teacher.nationalID, latitude: teacher.schoolLatitude + north, longitude: teacher.schoolLongitude + east)
        }
    }
}
