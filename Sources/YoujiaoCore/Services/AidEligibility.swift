import Foundation

/// One child on an agency's eligibility list, as the agency sent it.
public struct EligibilityEntry: Sendable, Hashable, Codable {
    /// Normalised GB 11643 number (the import refuses malformed ones).
    public var nationalID: String
    /// The name the agency holds; matching compares it with the registry's.
    public var name: String
    public var list: EligibilityList
    /// Validity of the child's eligibility, ISO dates; `validTo` nil: until further notice.
    public var validFrom: String
    public var validTo: String?
    /// The spreadsheet row the entry came from (0 when it did not come from a file).
    public var sourceRow: Int

    public init(nationalID: String, name: String, list: EligibilityList, validFrom: String, validTo: String?, sourceRow: Int = 0) {
        self.nationalID = nationalID; self.name = name; self.list = list
        self.validFrom = validFrom; self.validTo = validTo; self.sourceRow = sourceRow
    }

    /// Eligible on at least one day of school year `year` (1 September to 31 August).
    public func covers(schoolYear year: Int) -> Bool {
        validFrom <= SchoolYear.lastDay(year) && (validTo.map { $0 >= SchoolYear.firstDay(year) } ?? true)
    }

    /// The same child with the same data (ignoring where in the file it stood).
    public func hasSameData(as other: EligibilityEntry) -> Bool {
        nationalID == other.nationalID && name == other.name && list == other.list
            && validFrom == other.validFrom && validTo == other.validTo
    }
}

extension EligibilityEntry: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("national_id", "身份证号"), CSVColumn("name", "姓名"), CSVColumn("list", "名单"),
        CSVColumn("valid_from", "有效期起"), CSVColumn("valid_to", "有效期止"),
    ]
    public static let csvKeyColumns = ["national_id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> EligibilityEntry? {
        let id = reader.read { try $0.nationalID("national_id") }
        let name = reader.read { try $0.string("name") }
        let list = reader.read { row in
            let text = try row.string("list")
            guard let list = EligibilityList(name: text) else {
                throw row.error("list", "'\(text)' is not one of \(EligibilityList.namesForMessages)")
            }
            return list
        }
        let validFrom = reader.read { try $0.isoDate("valid_from") }
        let validTo = reader.read { row in row.optionalString("valid_to") == nil ? nil : try row.isoDate("valid_to") }
        if let validFrom, case .some(.some(let validTo)) = validTo, validTo < validFrom {
            reader.report("valid_to", "\(validTo) is before valid_from \(validFrom) (dates reversed?)")
        }
        guard let id, let name, let list, let validFrom, let validTo, reader.errors.isEmpty else { return nil }
        return EligibilityEntry(nationalID: id.value, name: name, list: list, validFrom: validFrom, validTo: validTo,
                                sourceRow: reader.row.number)
    }

    public var csvCells: [String] { [nationalID, name, list.rawValue, validFrom, validTo ?? ""] }

    /// The entries of one agency file for `list`: every bad row, every repeated ID and every row
    /// naming another list is reported (file, row, field); nothing is returned when any is wrong.
    public static func decodeList(_ table: CSVTable, list: EligibilityList) throws(InputErrors) -> [EligibilityEntry] {
        let entries = try csvDecode(table: table, references: RegistryReferences())
        let elsewhere = entries.filter { $0.list != list }.map {
            FieldError(file: table.fileName, row: $0.sourceRow, field: "list",
                       reason: "the row names \($0.list.rawValue) (\($0.list.labelZH)), but the file is imported as \(list.rawValue) (\(list.labelZH))")
        }
        if !elsewhere.isEmpty { throw InputErrors(errors: elsewhere) }
        return entries
    }
}
