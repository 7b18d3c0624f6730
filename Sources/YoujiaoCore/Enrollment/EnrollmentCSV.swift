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
        let (idColumn, nameColumn, districtColumn, ownershipColumn, boardingColumn) = try (
            table.column("school_id"), table.column("name"), table.column("district"), table.column("ownership"), table.column("boarding"))
        let (capacityColumn, latColumn, lonColumn, zonesColumn) = try (
            table.column("capacity"), table.column("lat"), table.column("lon"), table.column("zones"))
        return try parseRows(of: table) { row, errors in
            let id = capture(&errors) { try row.string(idColumn) }
            let district = capture(&errors) { try row.string(districtColumn) }
            let ownership = capture(&errors) { try row.value(ownershipColumn, as: Ownership.self) }
            let boarding = capture(&errors) { try row.bool(boardingColumn) }
            let capacity = capture(&errors) { try row.int(capacityColumn) }
            let latitude = capture(&errors) { try row.double(latColumn) }
            let longitude = capture(&errors) { try row.double(lonColumn) }
            guard let id, let district, let ownership, let boarding, let capacity, let latitude, let longitude else { return nil }
            return EnrollmentSchool(id: id, name: row.optionalString(nameColumn) ?? "", districtCode: district,
                                    ownership: ownership, boarding: boarding, capacity: capacity,
                                    latitude: latitude, longitude: longitude, zones: list(row, zonesColumn))
        }
    }

    public static func applicants(from table: CSVTable) throws -> (values: [Applicant], rows: [Int]) {
        try table.requireColumns(applicantColumns)
        let (idColumn, districtColumn, zoneColumn, latColumn, lonColumn) = try (
            table.column("applicant_id"), table.column("district"), table.column("zone"), table.column("lat"), table.column("lon"))
        let (trackColumn, choicesColumn, tierColumn, yearsColumn) = try (
            table.column("track"), table.column("choices"), table.column("tier"), table.column("years"))
        // The country's applicants are two million rows: they are typed on every core.
        return try parseRowsConcurrently(of: table) { row, errors in
            let id = capture(&errors) { try row.string(idColumn) }
            let district = capture(&errors) { try row.string(districtColumn) }
            let zone = capture(&errors) { try row.string(zoneColumn) }
            let latitude = capture(&errors) { try row.double(latColumn) }
            let longitude = capture(&errors) { try row.double(lonColumn) }
            let track = capture(&errors) { try row.value(trackColumn, as: EnrollmentTrack.self) }
            let tier = capture(&errors) { try row.int(tierColumn) }
            let years = capture(&errors) { try row.int(yearsColumn) }
            guard let id, let district, let zone, let latitude, let longitude, let track, let tier, let years else { return nil }
            return Applicant(id: id, districtCode: district, zone: zone, latitude: latitude, longitude: longitude,
                             track: track, choices: list(row, choicesColumn), tier: tier, yearsAtAddress: years)
        }
    }

    /// results.csv, one row per applicant in input order: the cells of `resultCells`, written
    /// straight into bytes on every core (two million rows in well under a second).
    public static func resultsDocument(_ placements: [Placement]) -> Data {
        CSVWriter.joined(resultsChunks(placements))
    }

    /// results.csv in consecutive chunks, as `resultsDocument` joins them and `enroll run` writes them.
    static func resultsChunks(_ placements: [Placement]) -> [[UInt8]] {
        let comma = UInt8(ascii: ",")
        return CSVWriter.chunks(header: resultColumns, rows: placements.count, bytesPerRow: 64) { index, bytes in
            let placement = placements[index]
            CSVWriter.appendCell(placement.applicantID, to: &bytes)
            bytes.append(comma)
            if let school = placement.schoolID { CSVWriter.appendCell(school, to: &bytes) }
            bytes.append(comma)
            bytes.append(contentsOf: routeBytes(placement.route))
            bytes.append(comma)
            if let rank = placement.choiceRank { CSVWriter.appendDecimal(rank, to: &bytes) }
            bytes.append(comma)
            if let metres = placement.distanceMetres { CSVWriter.appendDecimal(metres, to: &bytes) }
            bytes.append(comma)
            CSVWriter.appendHex(placement.lottery, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    private static let routeNames = EnrollmentRoute.allCases.map { Array($0.rawValue.utf8) }

    private static func routeBytes(_ route: EnrollmentRoute) -> [UInt8] {
        switch route {
        case .private: routeNames[0]
        case .catchment: routeNames[1]
        case .coordinated: routeNames[2]
        case .unplaced: routeNames[3]
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
        return Hex.lowercase(SHA256.hash(data: Array(canonicalApplicantList(applicants).utf8)))
    }

    /// Compares a results file with recomputed placements; returns the differences, first ones first.
    public static func differences(results table: CSVTable, expected placements: [Placement]) throws -> [String] {
        try ResultsComparison(subject: "applicant", inputFile: "applicants file", computation: "draw")
            .differences(results: table, columns: resultColumns, expected: placements.map(resultCells))
    }

    // MARK: - Parsing helpers

    /// `;`-separated ids, spaces around each trimmed, empty entries dropped; an ASCII cell (nearly
    /// all) is split as bytes, others as Characters (a combining mark joins the `;` before it).
    static func list(_ row: CSVRow, _ column: CSVTable.Column) -> [String] {
        row.withRaw(column) { bytes in
            if bytes.contains(where: { $0 >= 0x80 }) {
                return String(decoding: bytes, as: UTF8.self).split(separator: ";").compactMap { item in
                    var trimmed = item
                    while trimmed.first == " " { trimmed.removeFirst() }
                    while trimmed.last == " " { trimmed.removeLast() }
                    return trimmed.isEmpty ? nil : String(trimmed)
                }
            }
            var items: [String] = []
            let semicolon = UInt8(ascii: ";"), space = UInt8(ascii: " ")
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != semicolon { end += 1 }
                var first = start, last = end
                while first < last && bytes[first] == space { first += 1 }
                while last > first && bytes[last - 1] == space { last -= 1 }
                if first < last { items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)) }
                start = end + 1
            }
            return items
        }
    }
}
