import Foundation

/// Where a teacher lives, kept to three decimals (about 100 m): enough for the commute a rotation
/// changes, no closer to a door than that. Sealed in the database and never shown to officials; the
/// rotation planner reads it, and a teacher without one is planned from their current school.
public struct TeacherHome: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// From the employer's personnel file (`youjiao import teacher-homes`).
        case personnelFile = "import"
        /// Entered by the teacher on their own page.
        case teacher = "self"
    }

    public var teacherNationalID: String
    public var latitude: Double
    public var longitude: Double

    public init(teacherNationalID: String, latitude: Double, longitude: Double) {
        self.teacherNationalID = teacherNationalID
        self.latitude = Self.rounded(latitude); self.longitude = Self.rounded(longitude)
    }

    /// A home further than this from the teacher's school is taken for a typing slip.
    public static let furthestFromSchoolMetres = 150_000

    static func rounded(_ degrees: Double) -> Double { (degrees * 1_000).rounded() / 1_000 }

    /// "31.231,121.474": the sealed column's text.
    public var storedText: String { "\(latitude),\(longitude)" }

    public static func fromStored(_ text: String, teacherNationalID: String = "") -> TeacherHome? {
        let parts = text.split(separator: ",")
        guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
              (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        return TeacherHome(teacherNationalID: teacherNationalID, latitude: latitude, longitude: longitude)
    }

    /// What is wrong with a home a teacher types, by field, checked before anything is stored.
    public enum Problem: Error, Sendable, Hashable {
        case latitudeNotANumber, longitudeNotANumber
        case latitudeOutOfRange, longitudeOutOfRange
        /// Further than `furthestFromSchoolMetres` from the teacher's school (in whole kilometres).
        case farFromSchool(kilometres: Int)

        public var field: String {
            switch self {
            case .latitudeNotANumber, .latitudeOutOfRange: "latitude"
            case .longitudeNotANumber, .longitudeOutOfRange, .farFromSchool: "longitude"
            }
        }
    }

    /// Reads the form's two texts (decimal degrees, e.g. 31.2304 and 121.4737) and checks them
    /// against the teacher's school.
    public static func parse(latitude latitudeText: String, longitude longitudeText: String, teacherNationalID: String,
                             schoolLatitude: Double, schoolLongitude: Double) -> Result<TeacherHome, Problem> {
        guard let latitude = decimalDegrees(latitudeText) else { return .failure(.latitudeNotANumber) }
        guard (-90...90).contains(latitude) else { return .failure(.latitudeOutOfRange) }
        guard let longitude = decimalDegrees(longitudeText) else { return .failure(.longitudeNotANumber) }
        guard (-180...180).contains(longitude) else { return .failure(.longitudeOutOfRange) }
        let home = TeacherHome(teacherNationalID: teacherNationalID, latitude: latitude, longitude: longitude)
        let metres = Haversine.metres(latitude: home.latitude, longitude: home.longitude, toLatitude: schoolLatitude, longitude: schoolLongitude)
        guard metres <= furthestFromSchoolMetres else { return .failure(.farFromSchool(kilometres: metres / 1_000)) }
        return .success(home)
    }

    /// A plain decimal of at most 12 characters (sign, digits, one point): no exponent, no "nan".
    static func decimalDegrees(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let body = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
        guard (1...12).contains(trimmed.count), !body.isEmpty, body.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "." }),
              body.filter({ $0 == "." }).count <= 1, body.first != ".", body.last != "." else { return nil }
        return Double(trimmed)
    }
}

extension TeacherHome: RegistryCSVRecord {
    public static let csvColumns = [CSVColumn("national_id", "身份证号"), CSVColumn("home_latitude", "住址纬度"),
                                    CSVColumn("home_longitude", "住址经度")]
    public static let csvKeyColumns = ["national_id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> TeacherHome? {
        let teacher = reader.read { try $0.knownTeacher("national_id", in: references) }
        let latitude = reader.read { try $0.latitude("home_latitude") }
        let longitude = reader.read { try $0.longitude("home_longitude") }
        guard let teacher, let latitude, let longitude, reader.errors.isEmpty else { return nil }
        return TeacherHome(teacherNationalID: teacher, latitude: latitude, longitude: longitude)
    }

    public var csvCells: [String] { [teacherNationalID, "\(latitude)", "\(longitude)"] }
}
