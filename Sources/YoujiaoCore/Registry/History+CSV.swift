import Foundation

// The yearly series behind trends and projections.

/// School years and birth years the history may hold.
private let historyYears = 1949...2100

extension EnrollmentCount: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("district", "所属区"), CSVColumn("year", "学年"), CSVColumn("grade", "年级"),
        CSVColumn("students", "在校生数"),
    ]
    public static let csvKeyColumns = ["district", "year", "grade"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> EnrollmentCount? {
        let district = reader.read { try $0.knownDistrict("district", in: references) }
        let year = reader.read { try $0.int("year", in: historyYears) }
        let grade = reader.read { try $0.value("grade", as: Grade.self) }
        let students = reader.read { try $0.int("students", in: 0...10_000_000) }
        guard let district, let year, let grade, let students else { return nil }
        return EnrollmentCount(districtCode: district, year: year, grade: grade, students: students)
    }

    public var csvCells: [String] { [districtCode, String(year), grade.rawValue, String(students)] }
}

extension BirthCount: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("district", "所属区"), CSVColumn("year", "年份"), CSVColumn("births", "出生人数"),
    ]
    public static let csvKeyColumns = ["district", "year"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> BirthCount? {
        let district = reader.read { try $0.knownDistrict("district", in: references) }
        let year = reader.read { try $0.int("year", in: historyYears) }
        let births = reader.read { try $0.int("births", in: 0...10_000_000) }
        guard let district, let year, let births else { return nil }
        return BirthCount(districtCode: district, year: year, births: births)
    }

    public var csvCells: [String] { [districtCode, String(year), String(births)] }
}
