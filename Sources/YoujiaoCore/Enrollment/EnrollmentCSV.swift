import Crypto
import Foundation

/// The file formats of `youjiao enroll`: schools.csv and applicants.csv in, results.csv out.
public enum EnrollmentCSV {
    public static let schoolColumns = ["school_id", "name", "district", "ownership", "boarding", "capacity", "lat", "lon", "zones"]
    public static let applicantColumns = ["applicant_id", "district", "zone", "lat", "lon", "track", "choices", "tier", "years"]
    public static let resultColumns = ["applicant_id", "school_id", "route", "choice_rank", "distance_m", "lottery"]
    /// A city's (or the country's) applicants in one file: far above the upload cap of other importers.
    public static let limits = CSVLimits(maxBytes: 2 << 30, maxRows: 10_000_000)

    /// Parses and validates both files; throws `InputErrors` naming file, row and field.
    public static func input(schools schoolTable: CSVTable, applicants applicantTable: CSVTable) throws -> EnrollmentInput {
        var errors: [FieldError] = []
        let schools = collectingErrors(into: &errors) { try self.schools(from: schoolTable) }
        let applicants = collectingErrors(into: &errors) { try self.applicants(from: applicantTable) }
        // Type errors first: checking choices against half-read schools would only add noise.
        guard let schools, let applicants, errors.isEmpty else { throw InputErrors(errors: errors) }
        return try EnrollmentInput(
            schools: schools.values, applicants: applicants.values,
            origin: InputOrigin(schoolsFile: schoolTable.fileName, applicantsFile: applicantTable.fileName,
                                schoolRows: schools.rows, applicantRows: applicants.rows))
    }

    public static func schools(from table: CSVTable) throws -> (values: [EnrollmentSchool], rows: [Int]) {
        try table.requireColumns(schoolColumns)
        return try parseRows(of: table) { row, errors in
            let id = capture(&errors) { try row.string("school_id") }
            let district = capture(&errors) { try row.string("district") }
            let ownership = capture(&errors) { try row.value("ownership", as: Ownership.self) }
            let boarding = capture(&errors) { try row.bool("boarding") }
            let capacity = capture(&errors) { try row.int("capacity") }
            let latitude = capture(&errors) { try row.double("lat") }
            let longitude = capture(&errors) { try row.double("lon") }
            guard let id, let district, let ownership, let boarding, let capacity, let latitude, let longitude else { return nil }
            return EnrollmentSchool(id: id, name: row.optionalString("name") ?? "", districtCode: district,
                                    ownership: ownership, boarding: boarding, capacity: capacity,
                                    latitude: latitude, longitude: longitude, zones: list(row.optionalString("zones")))
        }
    }

    public static func applicants(from table: CSVTable) throws -> (values: [Applicant], rows: [Int]) {
        try table.requireColumns(applicantColumns)
        return try parseRows(of: table) { row, errors in
            let id = capture(&errors) { try row.string("applicant_id") }
            let district = capture(&errors) { try row.string("district") }
            let zone = capture(&errors) { try row.string("zone") }
            let latitude = capture(&errors) { try row.double("lat") }
            let longitude = capture(&errors) { try row.double("lon") }
            let track = capture(&errors) { try row.value("track", as: EnrollmentTrack.self) }
            let tier = capture(&errors) { try row.int("tier") }
            let years = capture(&errors) { try row.int("years") }
            guard let id, let district, let zone, let latitude, let longitude, let track, let tier, let years else { return nil }
            return Applicant(id: id, districtCode: district, zone: zone, latitude: latitude, longitude: longitude,
                             track: track, choices: list(row.optionalString("choices")), tier: tier, yearsAtAddress: years)
        }
    }

    /// results.csv, one row per applicant in input order: the cells of `resultCells`, written
    /// straight into bytes (two million rows in well under a second).
    public static func resultsDocument(_ placements: [Placement]) -> Data {
        var bytes = Array(CSVWriter.line(resultColumns).utf8)
        bytes.reserveCapacity(placements.count * 64)
        let comma = UInt8(ascii: ",")
        for placement in placements {
            appendCell(placement.applicantID, to: &bytes)
            bytes.append(comma)
            if let school = placement.schoolID { appendCell(school, to: &bytes) }
            bytes.append(comma)
            bytes += placement.route.rawValue.utf8
            bytes.append(comma)
            if let rank = placement.choiceRank { appendDecimal(rank, to: &bytes) }
            bytes.append(comma)
            if let metres = placement.distanceMetres { appendDecimal(metres, to: &bytes) }
            bytes.append(comma)
            for shift in stride(from: 60, through: 0, by: -4) {
                bytes.append(hexDigits[Int(placement.lottery >> UInt64(shift) & 0xF)])
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return Data(bytes)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Digits appended lowest first, then reversed in place: no array per number.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var rest = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// Per first byte: may `CSVWriter` escape a cell starting with it? Its formula starts, and a
    /// quote, since it also looks past leading quotes. A table, not a Set<Character> per cell.
    private static let mayNeedFormulaEscape: [Bool] = (0...255).map { byte in
        byte == UInt8(ascii: "'") || CSVWriter.formulaStarts.contains(Character(Unicode.Scalar(UInt8(byte))))
    }

    /// Appends a cell as `CSVWriter.line` would write it, without building a line per row:
    /// a million-row results file is written in a few tens of milliseconds.
    private static func appendCell(_ cell: String, to bytes: inout [UInt8]) {
        let needsEscaping = cell.utf8.first.map { mayNeedFormulaEscape[Int($0)] } ?? false
            || cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        if needsEscaping {
            bytes += CSVWriter.line([cell]).utf8.dropLast()
        } else {
            bytes += cell.utf8
        }
    }

    /// The cells of one results.csv row, as written and as compared by `verify`.
    public static func resultCells(_ placement: Placement) -> [String] {
        [placement.applicantID, placement.schoolID ?? "", placement.route.rawValue,
         placement.choiceRank.map(String.init) ?? "", placement.distanceMetres.map(String.init) ?? "",
         Lottery.hex(placement.lottery)]
    }

    /// The canonical applicant list a district publishes before the draw: the header, then one row
    /// per applicant sorted by id (UTF-8 bytes), numbers in shortest round-trip form, `;` between
    /// choices, LF line ends. Its SHA-256 is the commitment printed by `enroll commit`.
    public static func canonicalApplicantList(_ applicants: [Applicant]) -> String {
        let sorted = applicants.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return CSVWriter.document(header: applicantColumns, rows: sorted.map { applicant in
            [applicant.id, applicant.districtCode, applicant.zone, "\(applicant.latitude)", "\(applicant.longitude)",
             applicant.track.rawValue, applicant.choices.joined(separator: ";"), "\(applicant.tier)", "\(applicant.yearsAtAddress)"]
        })
    }

    /// SHA-256 (lower-case hex) of the canonical list; throws `InputErrors` on unreadable rows or duplicate ids.
    public static func commitment(applicants table: CSVTable) throws -> String {
        let (applicants, rows) = try self.applicants(from: table)
        var firstRow: [String: Int] = [:]
        var errors: [FieldError] = []
        for (applicant, row) in zip(applicants, rows) {
            if let first = firstRow.updateValue(row, forKey: applicant.id) {
                firstRow[applicant.id] = first
                errors.append(FieldError(file: table.fileName, row: row, field: "applicant_id",
                                         reason: "duplicate applicant id \(applicant.id) (first on row \(first))"))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors: errors) }
        return SHA256.hash(data: Array(canonicalApplicantList(applicants).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares a results file with recomputed placements; returns the differences, first ones first.
    public static func differences(results table: CSVTable, expected placements: [Placement]) throws -> [String] {
        try ResultsComparison(subject: "applicant", inputFile: "applicants file", computation: "draw")
            .differences(results: table, columns: resultColumns, expected: placements.map(resultCells))
    }

    // MARK: - Parsing helpers

    /// `;`-separated ids, trimmed, empty entries dropped.
    static func list(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(separator: ";").compactMap { item in
            var trimmed = item
            while trimmed.first == " " { trimmed.removeFirst() }
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }
}
