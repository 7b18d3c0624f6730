import Foundation

/// Caps that keep one upload from exhausting the server; importers may raise them explicitly.
public struct CSVLimits: Sendable, Equatable {
    public var maxBytes: Int
    public var maxRows: Int
    public init(maxBytes: Int, maxRows: Int) { self.maxBytes = maxBytes; self.maxRows = maxRows }
    /// 32 MiB and 250,000 data rows: a district's pupils fit, a runaway export does not.
    public static let standard = CSVLimits(maxBytes: 32 << 20, maxRows: 250_000)
    public static let unlimited = CSVLimits(maxBytes: .max, maxRows: .max)
}

/// A parsed CSV file (RFC 4180: quotes, doubled quotes, CRLF or LF, newlines inside quotes).
public struct CSVTable: Sendable {
    public let fileName: String
    public let header: [String]
    public let rows: [CSVRow]

    public static func read(path: String, limits: CSVLimits = .standard,
                            encoding: TextEncodingChoice = .auto) throws -> CSVTable {
        let fileName = (path as NSString).lastPathComponent
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int else {
            throw FieldError(file: fileName, reason: "cannot read the file \(path)")
        }
        if size > limits.maxBytes {
            throw FieldError(file: fileName, reason: tooLarge(size: size, limits: limits))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FieldError(file: fileName, reason: "cannot read the file \(path)")
        }
        return try parse(data: data, fileName: fileName, limits: limits, encoding: encoding)
    }

    public static func parse(data: Data, fileName: String, limits: CSVLimits = .standard,
                             encoding: TextEncodingChoice = .auto) throws -> CSVTable {
        if data.count > limits.maxBytes {
            throw FieldError(file: fileName, reason: tooLarge(size: data.count, limits: limits))
        }
        let text = try TextDecoding.decode(data, fileName: fileName, encoding: encoding)
        return try parse(text: text, fileName: fileName, limits: limits)
    }

    public static func parse(text: String, fileName: String, limits: CSVLimits = .standard) throws -> CSVTable {
        // One record more than the row cap (the header); `.unlimited` must not overflow.
        let maxRecords = limits.maxRows == .max ? .max : limits.maxRows + 1
        let records = try CSVTokenizer.records(in: text, fileName: fileName, maxRecords: maxRecords)
        guard let headerRecord = records.first else {
            throw FieldError(file: fileName, reason: "the file is empty: a header row is required")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                throw FieldError(file: fileName, row: 1, reason: "column \(index + 1) has no name")
            }
            if columns[name] != nil {
                throw FieldError(file: fileName, row: 1, field: name, reason: "the column appears twice")
            }
            columns[name] = index
        }
        let dataRecords = records.dropFirst()
        let index = CSVColumnIndex(fileName: fileName, columns: columns)
        var rows: [CSVRow] = []
        rows.reserveCapacity(dataRecords.count)
        var raggedRows: [FieldError] = []
        for record in dataRecords {
            if record.fields.count != header.count {
                // Named after the first column without a cell, or the first cell without a column.
                let field = record.fields.count < header.count ? header[record.fields.count] : "column \(header.count + 1)"
                raggedRows.append(FieldError(file: fileName, row: record.line, field: field,
                                             reason: "\(record.fields.count) cells where the header has \(header.count)"))
                continue
            }
            rows.append(CSVRow(number: record.line, values: record.fields, index: index))
        }
        if !raggedRows.isEmpty { throw InputErrors(errors: raggedRows) }
        return CSVTable(fileName: fileName, header: header, rows: rows)
    }

    /// Throws one error listing every required column the header lacks.
    public func requireColumns(_ names: [String]) throws {
        let missing = names.filter { !header.contains($0) }
        guard !missing.isEmpty else { return }
        throw InputErrors(errors: missing.map {
            FieldError(file: fileName, row: 1, field: $0, reason: "missing column (expected columns: \(names.joined(separator: ",")))")
        })
    }

    private static func tooLarge(size: Int, limits: CSVLimits) -> String {
        "the file has \(size) bytes, over the limit of \(limits.maxBytes) bytes; split it into smaller files"
    }
}

/// Column positions shared by every row of a table (one allocation per table, not per row).
final class CSVColumnIndex: Sendable {
    let fileName: String
    let columns: [String: Int]
    init(fileName: String, columns: [String: Int]) { self.fileName = fileName; self.columns = columns }
}

public struct CSVRow: Sendable {
    /// Spreadsheet line number of the row's first line (the header is row 1).
    public let number: Int
    public let values: [String]
    let index: CSVColumnIndex

    public var fileName: String { index.fileName }

    public func error(_ field: String, _ reason: String) -> FieldError {
        FieldError(file: index.fileName, row: number, field: field, reason: reason)
    }

    /// The trimmed cell, with the spreadsheet-safety quote our exports add taken off again.
    public func raw(_ column: String) throws -> String {
        guard let position = index.columns[column] else { throw error(column, "missing column") }
        let cell = values[position]
        // Foundation's trimming costs about a microsecond a cell, and most cells have nothing to trim.
        let padded = cell.unicodeScalars.first.map(CSVRow.isSpace) == true || cell.unicodeScalars.last.map(CSVRow.isSpace) == true
        return CSVWriter.unescapeFormula(padded ? cell.trimmingCharacters(in: .whitespaces) : cell)
    }

    /// The members of `CharacterSet.whitespaces`: space separators and tab.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
    }

    public func hasColumn(_ column: String) -> Bool { index.columns[column] != nil }

    /// A required, non-empty text cell.
    public func string(_ column: String) throws -> String {
        let value = try raw(column)
        if value.isEmpty { throw error(column, "required, but empty") }
        return value
    }

    /// nil when the column is absent or the cell is empty.
    public func optionalString(_ column: String) -> String? {
        guard let value = try? raw(column), !value.isEmpty else { return nil }
        return value
    }

    public func int(_ column: String, in range: ClosedRange<Int>? = nil) throws -> Int {
        let text = try string(column)
        guard let value = Int(text) else { throw error(column, "'\(text)' is not a whole number") }
        if let range, !range.contains(value) {
            throw error(column, "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    public func optionalInt(_ column: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        optionalString(column) == nil ? nil : try int(column, in: range)
    }

    public func double(_ column: String, in range: ClosedRange<Double>? = nil) throws -> Double {
        let text = try string(column)
        guard let value = Double(text), value.isFinite else { throw error(column, "'\(text)' is not a number") }
        if let range, !range.contains(value) {
            throw error(column, "\(text) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    public func optionalDouble(_ column: String, in range: ClosedRange<Double>? = nil) throws -> Double? {
        optionalString(column) == nil ? nil : try double(column, in: range)
    }

    /// yes/no, true/false, 1/0, 是/否 (any case); an empty cell is an error.
    public func bool(_ column: String) throws -> Bool {
        let text = try string(column)
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是": return true
        case "no", "n", "false", "0", "否": return false
        default: throw error(column, "'\(text)' is not yes or no")
        }
    }

    /// An empty cell reads as no.
    public func optionalBool(_ column: String) throws -> Bool {
        optionalString(column) == nil ? false : try bool(column)
    }

    /// A value of a string enumeration, naming the allowed values when it does not match.
    public func value<E: RawRepresentable & CaseIterable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        let text = try string(column)
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        throw error(column, "'\(text)' is not one of \(allowed)")
    }
}

/// Splits CSV text into records of raw fields, tracking each record's first line.
enum CSVTokenizer {
    struct Record { var line: Int; var fields: [String] }

    static func records(in text: String, fileName: String, maxRecords: Int) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() throws {
            endField()
            // Blank lines (also `,,,`) are no records, so they neither count towards the cap nor fail it.
            if !fields.allSatisfy(\.isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            if records.count > maxRecords {
                throw FieldError(file: fileName, row: recordLine, reason: "more than \(maxRecords - 1) data rows; split the file")
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte); i += 2; continue
                    }
                    inQuotes = false
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\""):
                if field.allSatisfy({ $0 == UInt8(ascii: " ") }) && !fieldWasQuoted {
                    field.removeAll(); inQuotes = true; fieldWasQuoted = true
                } else {
                    throw FieldError(file: fileName, row: line, reason: "a quote inside an unquoted cell")
                }
            case UInt8(ascii: "\r"):
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                try endRecord(); line += 1; recordLine = line
            case UInt8(ascii: "\n"):
                try endRecord(); line += 1; recordLine = line
            default:
                field.append(byte)
            }
            i += 1
        }
        if inQuotes {
            throw FieldError(file: fileName, row: recordLine, reason: "a quoted cell is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { try endRecord() }
        return records
    }
}

/// Writes CSV that spreadsheets open safely.
public enum CSVWriter {
    /// Cells starting with these run as formulas in Excel/WPS (CSV injection).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Prefixes a quote so a spreadsheet shows the text instead of running it. A cell that already
    /// starts with quotes before a formula character gets one more, so `unescapeFormula` restores
    /// every cell exactly (`'=x` → `''=x` → `'=x`).
    public static func escapeFormula(_ cell: String) -> String {
        // A plain number such as -30 (a surplus) is data, not a formula: spreadsheets read it as a number.
        if Double(cell) != nil { return cell }
        guard let first = cell.first(where: { $0 != "'" }), formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// Reverses `escapeFormula`, so an export imports back unchanged.
    public static func unescapeFormula(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let first = cell.first(where: { $0 != "'" }), formulaStarts.contains(first) else { return cell }
        return String(cell.dropFirst())
    }

    public static func line(_ cells: [String]) -> String {
        cells.map { cell in
            let safe = escapeFormula(cell)
            // Bytes, not Characters: "\r\n" or "," followed by a combining mark is one Character
            // that equals none of these, and would leave the cell unquoted.
            if safe.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return safe
        }.joined(separator: ",") + "\n"
    }

    public static func document(header: [String], rows: [[String]]) -> String {
        var out = line(header)
        for row in rows { out += line(row) }
        return out
    }
}
