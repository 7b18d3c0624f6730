import Foundation

// CSV import and export of every registry entity. Each entity lists its columns once
// (`RegistryCSVRecord`); header mapping, error collection and duplicate detection are shared here.
// Column reference with examples: docs/csv-formats.md.

/// One CSV column: the English name exports write, and the Chinese label imports also accept.
public struct CSVColumn: Sendable, Hashable {
    public let name: String
    public let label: String
    /// A column added after files were already exported: a header without it still imports (its
    /// cells read as empty); exports always write it.
    public let isOptional: Bool
    public init(_ name: String, _ label: String, optional: Bool = false) {
        self.name = name; self.label = label; self.isOptional = optional
    }
}

/// The entities `youjiao import ENTITY FILE` and `youjiao export ENTITY` take, by their CLI name.
public enum RegistryEntityKind: String, Sendable, CaseIterable {
    case districts, zones, schools, students, guardians, teachers, enrollment, births
    /// A teacher's record over time (docs/teachers.md).
    case appointments, qualifications, training, rotations
    /// Where teachers live, for the commute a rotation changes.
    case teacherHomes = "teacher-homes"

    public var recordType: any RegistryCSVRecord.Type {
        switch self {
        case .districts: District.self
        case .zones: CatchmentZone.self
        case .schools: School.self
        case .students: Student.self
        case .guardians: Guardian.self
        case .teachers: Teacher.self
        case .enrollment: EnrollmentCount.self
        case .births: BirthCount.self
        case .appointments: TeacherAppointment.self
        case .qualifications: TeacherQualification.self
        case .training: TeacherTraining.self
        case .rotations: TeacherRotation.self
        case .teacherHomes: TeacherHome.self
        }
    }

    public var columns: [CSVColumn] { recordType.csvColumns }
}

/// What rows may refer to: filled by the importer from the database plus the rows of the same batch.
public struct RegistryReferences: Sendable {
    public var districtCodes: Set<String>
    public var zoneIDs: Set<String>
    /// Every known school with the stages it teaches, to check grades and catchment schools.
    public var schoolStages: [String: [Stage]]
    public var studentIDs: Set<String>
    /// ID numbers of the registry's teachers that a teacher-history file names.
    public var teacherIDs: Set<String>

    public init(districtCodes: Set<String> = [], zoneIDs: Set<String> = [],
                schoolStages: [String: [Stage]] = [:], studentIDs: Set<String> = [], teacherIDs: Set<String> = []) {
        self.districtCodes = districtCodes; self.zoneIDs = zoneIDs
        self.schoolStages = schoolStages; self.studentIDs = studentIDs; self.teacherIDs = teacherIDs
    }

    public mutating func add(_ districts: [District]) { districtCodes.formUnion(districts.map(\.code)) }
    public mutating func add(_ zones: [CatchmentZone]) { zoneIDs.formUnion(zones.map(\.id)) }
    public mutating func add(_ schools: [School]) {
        for school in schools { schoolStages[school.id] = school.stages }
    }
    public mutating func add(_ students: [Student]) { studentIDs.formUnion(students.map(\.nationalID)) }
}

/// A registry value that reads from and writes to one CSV row.
public protocol RegistryCSVRecord: Sendable {
    /// In file order; exports write `name`, imports accept `name` or `label` in the header.
    static var csvColumns: [CSVColumn] { get }
    /// Columns whose values together must be unique within a file.
    static var csvKeyColumns: [String] { get }
    /// Reads one row, recording every bad field in `reader`; nil when any field was bad.
    static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> Self?
    /// Full (unmasked) values in the order of `csvColumns`.
    var csvCells: [String] { get }
}

extension RegistryCSVRecord {
    public static var csvHeader: [String] { csvColumns.map(\.name) }

    /// Every entity of the table, or every problem of it: missing and unknown columns first (then no
    /// row is read), otherwise each bad field of each row and each repeated key.
    public static func csvDecode(table: CSVTable, references: RegistryReferences) throws(InputErrors) -> [Self] {
        let table = try table.resolvingColumns(csvColumns)
        let keyPositions = csvKeyColumns.map { key in csvColumns.firstIndex { $0.name == key }! }
        let keyField = csvKeyColumns.joined(separator: "+")
        var entities: [Self] = []
        entities.reserveCapacity(table.rows.count)
        var errors: [FieldError] = []
        var firstRowOfKey: [[String]: Int] = [:]
        for row in table.rows {
            var reader = CSVRowReader(row: row)
            let decoded = decodeCSVRow(&reader, references: references)
            errors += reader.errors
            guard let entity = decoded, reader.errors.isEmpty else { continue }
            let cells = entity.csvCells
            let key = keyPositions.map { cells[$0] }
            if let first = firstRowOfKey[key] {
                // The value itself is left out: it may be a national ID, which is never shown whole.
                errors.append(row.error(keyField, "the same \(keyField) as row \(first)"))
            } else {
                firstRowOfKey[key] = row.number
                entities.append(entity)
            }
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return entities
    }

    /// Rows of full values for `CSVWriter.document(header: csvHeader, rows:)`.
    public static func csvEncode(_ entities: [Self]) -> [[String]] { entities.map(\.csvCells) }

    /// A whole CSV file, formula cells escaped.
    public static func csvDocument(_ entities: [Self]) -> String {
        CSVWriter.document(header: csvHeader, rows: csvEncode(entities))
    }
}

/// Reads the fields of one row, keeping every problem instead of stopping at the first.
public struct CSVRowReader {
    public let row: CSVRow
    public private(set) var errors: [FieldError] = []

    public init(row: CSVRow) { self.row = row }

    /// The parsed value, or nil with the problem recorded.
    public mutating func read<T>(_ parse: (CSVRow) throws -> T) -> T? {
        do { return try parse(row) } catch let error as FieldError {
            errors.append(error)
        } catch {
            errors.append(FieldError(file: row.fileName, row: row.number, reason: "\(error)"))
        }
        return nil
    }

    /// A problem found by comparing fields.
    public mutating func report(_ field: String, _ reason: String) { errors.append(row.error(field, reason)) }
}

extension CSVTable {
    /// The header position of `column` (its name in any case, or its label); nil when the file lacks it.
    public func position(of column: CSVColumn) -> Int? {
        header.firstIndex { $0.lowercased() == column.name || $0 == column.label }
    }

    /// The table with each header cell replaced by its column's English name, so rows are read by
    /// name whichever language the header used. Unknown, repeated and missing columns are all reported.
    func resolvingColumns(_ expected: [CSVColumn]) throws(InputErrors) -> CSVTable {
        var byHeaderText: [String: CSVColumn] = [:]
        for column in expected {
            byHeaderText[column.name.lowercased()] = column
            byHeaderText[column.label] = column
        }
        let expectedList = expected.map { "\($0.name) (\($0.label))" }.joined(separator: ", ")
        var positions: [String: Int] = [:]
        var errors: [FieldError] = []
        for (position, text) in header.enumerated() {
            guard let column = byHeaderText[text] ?? byHeaderText[text.lowercased()] else {
                errors.append(FieldError(file: fileName, row: 1, field: text,
                                         reason: "unknown column\(CSVHeaderEncoding.lostCharactersNote(text)); the columns are: \(expectedList)"))
                continue
            }
            if let earlier = positions[column.name] {
                errors.append(FieldError(file: fileName, row: 1, field: column.name,
                                         reason: "given twice, as '\(header[earlier])' and '\(text)'"))
            }
            positions[column.name] = position
        }
        for column in expected where positions[column.name] == nil && !column.isOptional {
            errors.append(FieldError(file: fileName, row: 1, field: column.name,
                                     reason: "missing column \(column.name) (\(column.label))"))
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        let index = CSVColumnIndex(fileName: fileName, columns: positions)
        return CSVTable(fileName: fileName, header: header, cells: cells, index: index)
    }
}

// Field rules shared by several entities.
extension CSVRow {
    /// A GB 11643 number, normalised (lower-case x stored as X).
    func nationalID(_ column: String) throws -> NationalID {
        let text = try string(column)
        // Excel shows an 18-digit number as 3.10104E+17 and keeps only 15 digits when saving.
        if text.uppercased().contains("E+") {
            throw error(column, "the spreadsheet turned the ID number into a number; format the column as text and retype it")
        }
        do { return try NationalID(text) } catch { throw self.error(column, error.description) }
    }

    /// A 10-digit 学校标识码.
    func schoolID(_ column: String) throws -> String {
        try digits(column, count: 10, what: "a school id (学校标识码)")
    }

    /// A school id that `references` knows, with the stages it teaches.
    func knownSchool(_ column: String, in references: RegistryReferences) throws -> (id: String, stages: [Stage]) {
        let id = try schoolID(column)
        guard let stages = references.schoolStages[id] else { throw error(column, "no school has the id \(id)") }
        return (id, stages)
    }

    /// A 6-digit GB/T 2260 code.
    func districtCode(_ column: String) throws -> String {
        try digits(column, count: 6, what: "a district code (GB/T 2260)")
    }

    /// The code of a district `references` knows.
    func knownDistrict(_ column: String, in references: RegistryReferences) throws -> String {
        let code = try districtCode(column)
        guard references.districtCodes.contains(code) else { throw error(column, "no district has the code \(code)") }
        return code
    }

    func latitude(_ column: String) throws -> Double { try double(column, in: -90...90) }
    func longitude(_ column: String) throws -> Double { try double(column, in: -180...180) }

    /// `a;b;c`, each part trimmed; empty parts are an error.
    func list(_ column: String) throws -> [String] {
        let parts = try string(column).split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.contains(where: \.isEmpty) { throw error(column, "an empty item in the ;-separated list") }
        return parts
    }

    private func digits(_ column: String, count: Int, what: String) throws -> String {
        let text = try string(column)
        guard text.count == count, text.allSatisfy(\.isASCIIDigitCharacter) else {
            throw error(column, "'\(text)' is not \(what): \(count) digits")
        }
        return text
    }
}

/// Cell texts shared by the encoders, matching what the decoders read.
enum CSVCell {
    static func bool(_ value: Bool) -> String { value ? "yes" : "no" }
    static func number(_ value: Double) -> String { String(value) }
    static func optional(_ value: String?) -> String { value ?? "" }
    static func optional(_ value: Int?) -> String { value.map(String.init) ?? "" }
    static func stages(_ stages: [Stage]) -> String { stages.map(\.rawValue).joined(separator: ";") }
}
