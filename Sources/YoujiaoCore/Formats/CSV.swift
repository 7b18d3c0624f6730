import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
///
/// The cells stay in the file's bytes (`CSVCells`) and are typed from there when a row is read:
/// a million-row file makes no String per cell, and a column is found by name once per table
/// (`column(_:)`), not once per cell.
/// A header cell that lost characters when its file was saved in an encoding unable to hold them
/// (Excel's GBK turns "²" into "?"): said so, rather than only "unknown column".
public enum CSVHeaderEncoding {
    public static func lostCharactersNote(_ header: String) -> String {
        guard header.contains("?") || header.contains("\u{FFFD}") else { return "" }
        return " (the header holds '?' or '\u{FFFD}': characters were lost when the file was saved in an encoding that cannot hold them; save it as UTF-8)"
    }
}

public struct CSVTable: Sendable {
    public let fileName: String
    public let header: [String]
    let cells: CSVCells
    let index: CSVColumnIndex

    /// A column found in the header, to read the cells of every row without looking it up again.
    public struct Column: Sendable {
        public let name: String
        let position: Int
    }

    public var rows: CSVRows { CSVRows(cells: cells, index: index) }

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
        guard let bytes = fileContents(path: path, size: size) else {
            throw FieldError(file: fileName, reason: "cannot read the file \(path)")
        }
        return try parse(bytes: bytes, fileName: fileName, limits: limits, encoding: encoding)
    }

    public static func parse(data: Data, fileName: String, limits: CSVLimits = .standard,
                             encoding: TextEncodingChoice = .auto) throws -> CSVTable {
        try parse(bytes: [UInt8](data), fileName: fileName, limits: limits, encoding: encoding)
    }

    private static func parse(bytes: consuming [UInt8], fileName: String, limits: CSVLimits,
                              encoding: TextEncodingChoice) throws -> CSVTable {
        if bytes.count > limits.maxBytes {
            throw FieldError(file: fileName, reason: tooLarge(size: bytes.count, limits: limits))
        }
        let text = try TextDecoding.utf8Bytes(bytes, fileName: fileName, encoding: encoding)
        return try parse(utf8: text, fileName: fileName, limits: limits)
    }

    public static func parse(text: String, fileName: String, limits: CSVLimits = .standard) throws -> CSVTable {
        try parse(utf8: Array(text.utf8), fileName: fileName, limits: limits)
    }

    /// `bytes` is valid UTF-8 without BOM; quoted cells are unescaped in it in place.
    static func parse(utf8 bytes: consuming [UInt8], fileName: String, limits: CSVLimits) throws -> CSVTable {
        // One record more than the row cap (the header); `.unlimited` must not overflow.
        let maxRecords = limits.maxRows == .max ? .max : limits.maxRows + 1
        let tokens = try CSVTokenizer.tokenize(bytes, fileName: fileName, maxRecords: maxRecords)
        guard let width = tokens.width else {
            throw FieldError(file: fileName, reason: "the file is empty: a header row is required")
        }
        let cells = CSVCells(bytes: tokens.bytes, bounds: tokens.bounds, width: width, lines: tokens.lines)
        let header = (0..<width).map { cells.string($0).trimmingCharacters(in: .whitespaces) }
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
        if !tokens.raggedRows.isEmpty {
            throw InputErrors(errors: tokens.raggedRows.map { record, count in
                // Named after the first column without a cell, or the first cell without a column.
                let field = count < width ? header[count] : "column \(width + 1)"
                return FieldError(file: fileName, row: tokens.lines[record], field: field,
                                  reason: "\(count) cells where the header has \(width)")
            })
        }
        return CSVTable(fileName: fileName, header: header, cells: cells,
                        index: CSVColumnIndex(fileName: fileName, columns: columns))
    }

    /// Throws one error listing every required column the header lacks.
    public func requireColumns(_ names: [String]) throws {
        let missing = names.filter { !header.contains($0) }
        guard !missing.isEmpty else { return }
        throw InputErrors(errors: missing.map {
            FieldError(file: fileName, row: 1, field: $0, reason: "missing column (expected columns: \(names.joined(separator: ",")))")
        })
    }

    /// The column named `name`; a missing one is the error a row's read by that name gives.
    public func column(_ name: String) throws -> Column {
        guard let position = index.columns[name] else {
            throw FieldError(file: fileName, row: 1, field: name, reason: "missing column")
        }
        return Column(name: name, position: position)
    }

    private static func tooLarge(size: Int, limits: CSVLimits) -> String {
        "the file has \(size) bytes, over the limit of \(limits.maxBytes) bytes; split it into smaller files"
    }
}

/// The file's bytes read straight into one array (no `Data` to copy them from); nil when it cannot be read.
private func fileContents(path: String, size: Int) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
        count = 0
        while count < buffer.count {
            let result = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if result < 0 && errno == EINTR { continue }
            if result < 0 { failed = true; count = 0; return }
            if result == 0 { return }
            count += result
        }
    }
    if failed { return nil }
    // A file that grew since its size was taken is still read whole.
    if bytes.count > size { return FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
    return bytes
}

/// Column positions shared by every row of a table (one allocation per table, not per row).
final class CSVColumnIndex: Sendable {
    let fileName: String
    let columns: [String: Int]
    init(fileName: String, columns: [String: Int]) { self.fileName = fileName; self.columns = columns }
}

/// Every cell of a file as a range of one UTF-8 buffer: the header's `width` cells, then `width`
/// per data row.
final class CSVCells: Sendable {
    let bytes: [UInt8]
    /// Start and end offset of each cell in `bytes`, two entries per cell.
    let bounds: [UInt32]
    let width: Int
    /// Spreadsheet line number of each data row's first line.
    let lines: [Int]

    init(bytes: [UInt8], bounds: [UInt32], width: Int, lines: [Int]) {
        self.bytes = bytes; self.bounds = bounds; self.width = width; self.lines = lines
    }

    func withCell<R>(_ cell: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(bounds[2 * cell]), end = Int(bounds[2 * cell + 1])
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    func string(_ cell: Int) -> String { withCell(cell) { String(decoding: $0, as: UTF8.self) } }
}

/// The data rows of a table, made when read.
public struct CSVRows: RandomAccessCollection, Sendable {
    let cells: CSVCells
    let index: CSVColumnIndex
    public var startIndex: Int { 0 }
    public var endIndex: Int { cells.lines.count }
    /// The spreadsheet row number of every row, in order.
    var numbers: [Int] { cells.lines }
    public subscript(position: Int) -> CSVRow {
        CSVRow(number: cells.lines[position], cells: cells, firstCell: (position + 1) * cells.width, index: index)
    }
}

public struct CSVRow: Sendable {
    /// Spreadsheet line number of the row's first line (the header is row 1).
    public let number: Int
    let cells: CSVCells
    let firstCell: Int
    let index: CSVColumnIndex

    /// The cells as written in the file (quotes taken off, nothing trimmed).
    public var values: [String] { (0..<cells.width).map { cells.string(firstCell + $0) } }

    public var fileName: String { index.fileName }

    public func error(_ field: String, _ reason: String) -> FieldError {
        FieldError(file: index.fileName, row: number, field: field, reason: reason)
    }

    private func column(_ name: String) throws -> CSVTable.Column {
        guard let position = index.columns[name] else { throw error(name, "missing column") }
        return CSVTable.Column(name: name, position: position)
    }

    public func hasColumn(_ column: String) -> Bool { index.columns[column] != nil }

    // By name: each read looks the column up; the `CSVTable.Column` forms below do not.

    public func raw(_ column: String) throws -> String { try raw(self.column(column)) }
    public func string(_ column: String) throws -> String { try string(self.column(column)) }
    public func optionalString(_ column: String) -> String? { (try? self.column(column)).flatMap { optionalString($0) } }
    public func int(_ column: String, in range: ClosedRange<Int>? = nil) throws -> Int { try int(self.column(column), in: range) }
    public func optionalInt(_ column: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        optionalString(column) == nil ? nil : try int(column, in: range)
    }
    public func double(_ column: String, in range: ClosedRange<Double>? = nil) throws -> Double {
        try double(self.column(column), in: range)
    }
    public func optionalDouble(_ column: String, in range: ClosedRange<Double>? = nil) throws -> Double? {
        optionalString(column) == nil ? nil : try double(column, in: range)
    }
    public func bool(_ column: String) throws -> Bool { try bool(self.column(column)) }
    public func optionalBool(_ column: String) throws -> Bool {
        optionalString(column) == nil ? false : try bool(column)
    }
    public func value<E: RawRepresentable & CaseIterable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        try value(self.column(column), as: type)
    }

    // MARK: - Reading a cell

    /// The trimmed cell, with the spreadsheet-safety quote our exports add taken off again.
    public func raw(_ column: CSVTable.Column) -> String {
        cells.withCell(firstCell + column.position) { cell in
            Self.isPlain(cell) ? String(decoding: cell, as: UTF8.self) : Self.unpadded(String(decoding: cell, as: UTF8.self))
        }
    }

    /// The bytes of `raw(column)`: the cell's own bytes when it is plain, as nearly every cell is.
    func withRaw<R>(_ column: CSVTable.Column, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try cells.withCell(firstCell + column.position) { cell in
            if Self.isPlain(cell) { return try body(cell) }
            var text = Self.unpadded(String(decoding: cell, as: UTF8.self))
            return try text.withUTF8(body)
        }
    }

    /// Nothing to trim or unescape: empty, or starting with an ASCII byte other than a space,
    /// tab or quote, and ending with an ASCII byte other than a space or tab.
    private static func isPlain(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first, let last = cell.last else { return true }
        return first < 0x80 && first != UInt8(ascii: " ") && first != UInt8(ascii: "\t") && first != UInt8(ascii: "'")
            && last < 0x80 && last != UInt8(ascii: " ") && last != UInt8(ascii: "\t")
    }

    private static func unpadded(_ cell: String) -> String {
        // Foundation's trimming costs about a microsecond a cell: only padded cells pay it.
        let padded = cell.unicodeScalars.first.map(isSpace) == true || cell.unicodeScalars.last.map(isSpace) == true
        return CSVWriter.unescapeFormula(padded ? cell.trimmingCharacters(in: .whitespaces) : cell)
    }

    /// The members of `CharacterSet.whitespaces`: space separators and tab.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
    }

    /// A required, non-empty text cell.
    public func string(_ column: CSVTable.Column) throws -> String {
        let value = raw(column)
        if value.isEmpty { throw error(column.name, "required, but empty") }
        return value
    }

    /// nil when the cell is empty.
    public func optionalString(_ column: CSVTable.Column) -> String? {
        let value = raw(column)
        return value.isEmpty ? nil : value
    }

    public func int(_ column: CSVTable.Column, in range: ClosedRange<Int>? = nil) throws -> Int {
        // Digits are read from the bytes; anything unusual (and every error) goes the way of `Int(String)`.
        if let value = withRaw(column, Self.decimalInt), range?.contains(value) ?? true { return value }
        let text = try string(column)
        guard let value = Int(text) else { throw error(column.name, "'\(text)' is not a whole number") }
        if let range, !range.contains(value) {
            throw error(column.name, "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// What `Int(String)` reads from ASCII: an optional sign and digits; nil when it would not read
    /// them, or on overflow.
    private static func decimalInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        var i = negative || first == UInt8(ascii: "+") ? 1 : 0
        guard i < bytes.count else { return nil }
        var value = 0
        while i < bytes.count {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times10.subtractingReportingOverflow(Int(digit)) : times10.addingReportingOverflow(Int(digit))
            if overflow || overflow2 { return nil }
            value = sum
            i += 1
        }
        return value
    }

    public func double(_ column: CSVTable.Column, in range: ClosedRange<Double>? = nil) throws -> Double {
        if let value = withRaw(column, Self.shortDecimal), range?.contains(value) ?? true { return value }
        let text = try string(column)
        guard let value = Double(text), value.isFinite else { throw error(column.name, "'\(text)' is not a number") }
        if let range, !range.contains(value) {
            throw error(column.name, "\(text) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// `[+-]digits[.digits]` with a significand below 2^53 and at most 22 decimals: the significand
    /// and the power of ten are exact doubles, so one division rounds correctly and gives exactly
    /// what `Double(String)` gives. nil for anything else.
    private static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = bytes.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        var i = negative || first == UInt8(ascii: "+") ? 1 : 0
        var significand: UInt64 = 0
        var integerDigits = 0, decimals = -1
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == UInt8(ascii: "."), decimals < 0 { decimals = 0; continue }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            significand = significand * 10 + UInt64(digit)
            guard significand < 1 << 53 else { return nil }
            if decimals >= 0 { decimals += 1 } else { integerDigits += 1 }
        }
        guard integerDigits > 0, decimals != 0, decimals <= 22 else { return nil }
        let magnitude = Double(significand) / powersOfTen[max(decimals, 0)]
        return negative ? -magnitude : magnitude
    }

    /// yes/no, true/false, 1/0, 是/否 (any case); an empty cell is an error.
    public func bool(_ column: CSVTable.Column) throws -> Bool {
        if let value = withRaw(column, Self.asciiBool) { return value }
        let text = try string(column)
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是": return true
        case "no", "n", "false", "0", "否": return false
        default: throw error(column.name, "'\(text)' is not yes or no")
        }
    }

    private static let asciiYes: [[UInt8]] = ["yes", "y", "true", "1"].map { Array($0.utf8) }
    private static let asciiNo: [[UInt8]] = ["no", "n", "false", "0"].map { Array($0.utf8) }

    /// The ASCII spellings of `bool`, any case; nil for anything else.
    private static func asciiBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func matches(_ word: [UInt8]) -> Bool {
            // Upper-case ASCII letters compare as lower case; other bytes as they are.
            word.count == bytes.count && zip(word, bytes).allSatisfy { word, byte in
                word == (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
        }
        if asciiYes.contains(where: matches) { return true }
        if asciiNo.contains(where: matches) { return false }
        return nil
    }

    /// An empty cell reads as no.
    public func optionalBool(_ column: CSVTable.Column) throws -> Bool {
        if withRaw(column, \.isEmpty) { return false }
        return try bool(column)
    }

    /// A value of a string enumeration, naming the allowed values when it does not match.
    public func value<E: RawRepresentable & CaseIterable>(_ column: CSVTable.Column, as type: E.Type) throws -> E where E.RawValue == String {
        let text = try string(column)
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        throw error(column.name, "'\(text)' is not one of \(allowed)")
    }
}

/// Splits UTF-8 CSV bytes into cells in place: an unquoted cell is the range of its bytes, a
/// quoted one is unescaped over its own bytes (it only shrinks). Records are numbered by the
/// line they start on.
enum CSVTokenizer {
    struct Tokens {
        var bytes: [UInt8]
        var bounds: [UInt32] = []
        /// Cells in the first record (the header); nil when the file has no record.
        var width: Int?
        /// The line each data record starts on.
        var lines: [Int] = []
        /// Data record number (from 0) and cell count of each record whose count differs from the header's.
        var raggedRows: [(record: Int, cells: Int)] = []

        /// Every record with its line, the header first (ragged ones too).
        func records() -> [(line: Int, fields: [String])] {
            guard let width else { return [] }
            var counts = [Int](repeating: width, count: lines.count)
            for (record, cells) in raggedRows { counts[record] = cells }
            var next = 0
            return zip([1] + lines, [width] + counts).map { line, count in
                let fields = (next..<(next + count)).map { cell in
                    String(decoding: bytes[Int(bounds[2 * cell])..<Int(bounds[2 * cell + 1])], as: UTF8.self)
                }
                next += count
                return (line, fields)
            }
        }
    }

    static func tokenize(_ bytes: consuming [UInt8], fileName: String, maxRecords: Int) throws -> Tokens {
        guard bytes.count <= Int(UInt32.max) else {
            throw FieldError(file: fileName, reason: "the file has \(bytes.count) bytes; files over 4 GiB are not read; split it")
        }
        var buffer = bytes
        let records = try buffer.withUnsafeMutableBufferPointer { p in
            if let records = scanConcurrently(p, fileName: fileName, maxRecords: maxRecords) { return records }
            var records = Records(fileName: fileName, maxRecords: maxRecords)
            records.bounds.reserveCapacity(p.count / 4)
            try scan(p, in: 0..<p.count, into: &records)
            return records
        }
        return Tokens(bytes: buffer, bounds: records.bounds, width: records.width, lines: records.lines,
                      raggedRows: records.raggedRows)
    }

    /// A file without a quote has no line break inside a cell, so it can be cut after any line
    /// feed and the pieces scanned on every core (a country's applicants are 135 MB). The header
    /// is scanned first, alone, since every piece needs its width; the pieces' records are then
    /// joined, their lines numbered on from the pieces before. nil, for the scan of the whole file
    /// on one core, when the file is small, holds a quote, starts with 64 KB of blank lines, or has
    /// more records than allowed (that scan throws the error at the row where the cap is passed).
    private static func scanConcurrently(_ p: UnsafeMutableBufferPointer<UInt8>, fileName: String, maxRecords: Int) -> Records? {
        guard p.count >= 1 << 20, memchr(p.baseAddress!, Int32(UInt8(ascii: "\"")), p.count) == nil else { return nil }
        /// The offset just after the first line feed from `offset` on; the file's end if there is none.
        func pieceEnd(from offset: Int) -> Int {
            guard offset < p.count, let found = memchr(p.baseAddress! + offset, Int32(UInt8(ascii: "\n")), p.count - offset) else {
                return p.count
            }
            return p.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        var head = Records(fileName: fileName, maxRecords: .max)
        let headEnd = pieceEnd(from: 1 << 16)
        guard (try? scan(p, in: 0..<headEnd, into: &head)) != nil, let width = head.width else { return nil }
        let pieceCount = ProcessInfo.processInfo.activeProcessorCount * 4
        var cuts = [headEnd]
        for piece in 1..<pieceCount { cuts.append(max(cuts.last!, pieceEnd(from: headEnd + (p.count - headEnd) * piece / pieceCount))) }
        cuts.append(p.count)
        nonisolated(unsafe) let bytes = p
        let pieces = (0..<pieceCount).concurrentMap { [cuts] piece -> Records? in
            let range = cuts[piece]..<cuts[piece + 1]
            var records = Records(fileName: fileName, maxRecords: .max)
            records.width = width
            // Room for a cell per two bytes: only the pages used are ever touched.
            records.bounds.reserveCapacity(range.count)
            do { try scan(bytes, in: range, into: &records) } catch { return nil }
            return records
        }
        var parts = [head]
        for piece in pieces {
            guard let piece else { return nil }
            parts.append(piece)
        }
        guard parts.reduce(0, { $0 + $1.count }) <= maxRecords else { return nil }
        return joined(parts)
    }

    /// The records of consecutive pieces as one scan of them would give them: each piece's lines
    /// were counted from 1, its ragged rows from its first record.
    private static func joined(_ parts: [Records]) -> Records {
        var boundStarts = [0], recordStarts = [0], lineShifts = [0]
        for part in parts {
            boundStarts.append(boundStarts.last! + part.bounds.count)
            recordStarts.append(recordStarts.last! + part.lines.count)
            lineShifts.append(lineShifts.last! + part.line - 1)
        }
        var joined = parts[0]
        joined.bounds = [UInt32](unsafeUninitializedCapacity: boundStarts.last!) { bounds, initialized in
            nonisolated(unsafe) let bounds = bounds
            _ = parts.indices.concurrentMap { [boundStarts] part in
                parts[part].bounds.withUnsafeBufferPointer { piece in
                    if let base = piece.baseAddress { (bounds.baseAddress! + boundStarts[part]).initialize(from: base, count: piece.count) }
                }
            }
            initialized = boundStarts.last!
        }
        joined.lines = [Int](unsafeUninitializedCapacity: recordStarts.last!) { lines, initialized in
            nonisolated(unsafe) let lines = lines
            _ = parts.indices.concurrentMap { [recordStarts, lineShifts] part in
                for (index, line) in parts[part].lines.enumerated() { lines[recordStarts[part] + index] = line + lineShifts[part] }
            }
            initialized = recordStarts.last!
        }
        joined.raggedRows = parts.indices.flatMap { part in
            parts[part].raggedRows.map { (record: $0.record + recordStarts[part], cells: $0.cells) }
        }
        return joined
    }

    /// The records found so far (kept in one value passed `inout`, so the scan needs no
    /// exclusivity checks at run time).
    private struct Records {
        let fileName: String
        let maxRecords: Int
        var bounds: [UInt32] = []
        var width: Int?
        var lines: [Int] = []
        var raggedRows: [(record: Int, cells: Int)] = []
        var count = 0
        /// The line the scan has reached.
        var line = 1
        var firstBound = 0
        var hasContent = false

        init(fileName: String, maxRecords: Int) { self.fileName = fileName; self.maxRecords = maxRecords }

        mutating func addCell(start: Int, end: Int) {
            bounds.append(UInt32(truncatingIfNeeded: start))
            bounds.append(UInt32(truncatingIfNeeded: end))
            if end > start { hasContent = true }
        }

        mutating func end(line: Int) throws {
            let cells = (bounds.count - firstBound) / 2
            defer { hasContent = false; firstBound = bounds.count }
            // Blank lines (also `,,,`) are no records, so they neither count towards the cap nor fail it.
            guard hasContent else { bounds.removeLast(cells * 2); return }
            count += 1
            if count > maxRecords {
                throw FieldError(file: fileName, row: line, reason: "more than \(maxRecords - 1) data rows; split the file")
            }
            guard let width else { width = cells; return }
            if cells != width { raggedRows.append((lines.count, cells)) }
            lines.append(line)
        }
    }

    /// Scans the cells of `range`, which starts a line; a range that ends before the file does
    /// ends just after a line feed.
    private static func scan(_ p: UnsafeMutableBufferPointer<UInt8>, in range: Range<Int>, into records: inout Records) throws {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        let n = range.upperBound
        var i = range.lowerBound
        var line = records.line
        var recordLine = line
        defer { records.line = line }
        while i < n {
            // One cell from i: its content is written from `start` to `end`.
            let start = i
            // The usual unquoted cell: up to the next separator, nothing to copy.
            while i < n {
                let byte = p[i]
                if byte == comma || (byte <= quote && (byte == quote || byte == lf || byte == cr)) { break }
                i += 1
            }
            var end = i
            if i < n && p[i] == quote {
                var wasQuoted = false
                scan: while i < n {
                    let byte = p[i]
                    switch byte {
                    case comma, cr, lf:
                        break scan
                    case quote:
                        guard !wasQuoted, p[start..<end].allSatisfy({ $0 == space }) else {
                            throw FieldError(file: records.fileName, row: line, reason: "a quote inside an unquoted cell")
                        }
                        wasQuoted = true
                        end = start
                        i += 1
                        while true {
                            guard i < n else {
                                throw FieldError(file: records.fileName, row: recordLine, reason: "a quoted cell is never closed")
                            }
                            let inner = p[i]
                            if inner == quote {
                                if i + 1 < n && p[i + 1] == quote { p[end] = quote; end += 1; i += 2; continue }
                                i += 1
                                break
                            }
                            if inner == lf { line += 1 }
                            p[end] = inner; end += 1; i += 1
                        }
                    default:
                        p[end] = byte; end += 1; i += 1
                    }
                }
            }
            records.addCell(start: start, end: end)
            guard i < n else { break }
            let separator = p[i]
            i += 1
            if separator == comma {
                // A separator as the file's last byte leaves an empty last cell.
                if i == n { records.addCell(start: n, end: n) }
                continue
            }
            if separator == cr && i < n && p[i] == lf { i += 1 }
            try records.end(line: recordLine)
            line += 1
            recordLine = line
        }
        // The last record, when the file does not end with a line break.
        if records.firstBound < records.bounds.count { try records.end(line: recordLine) }
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

// Results files of a million rows are written straight into bytes, cell by cell, as
// `CSVWriter.line` would write them.
extension CSVWriter {
    /// The header line, then `rows` rows written by `write(row, &bytes)`: consecutive rows on
    /// every core, each chunk into its own buffer.
    static func chunks(header: [String], rows: Int, bytesPerRow: Int,
                       _ write: @Sendable (Int, inout [UInt8]) -> Void) -> [[UInt8]] {
        var chunks = [Array(line(header).utf8)]
        chunks += (0..<rows).concurrentChunks { range in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * bytesPerRow)
            for row in range { write(row, &bytes) }
            return bytes
        }
        return chunks
    }

    /// The document of `chunks(header:rows:bytesPerRow:_:)`: the chunks copied side by side (also
    /// on every core) into the one buffer the document owns.
    static func document(header: [String], rows: Int, bytesPerRow: Int,
                         _ write: @Sendable (Int, inout [UInt8]) -> Void) -> Data {
        joined(chunks(header: header, rows: rows, bytesPerRow: bytesPerRow, write))
    }

    static func joined(_ chunks: [[UInt8]]) -> Data {
        var offsets = [0]
        for chunk in chunks { offsets.append(offsets.last! + chunk.count) }
        // Freed by the Data (`.free`): a 100 MB document is not copied once more to make it.
        nonisolated(unsafe) let document = malloc(Swift.max(offsets.last!, 1))!.assumingMemoryBound(to: UInt8.self)
        _ = chunks.indices.concurrentMap { [offsets] index in
            chunks[index].withUnsafeBufferPointer { chunk in
                if let base = chunk.baseAddress { (document + offsets[index]).update(from: base, count: chunk.count) }
            }
        }
        return Data(bytesNoCopy: document, count: offsets.last!, deallocator: .free)
    }

    /// Writes `chunks` one after another into the file at `path`, created or emptied: a file of
    /// 100 MB is written from the chunks, not first copied into one buffer.
    static func write(_ chunks: [[UInt8]], toFile path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw FieldError(file: (path as NSString).lastPathComponent, reason: "cannot write the file \(path)")
        }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        for chunk in chunks { try file.write(contentsOf: chunk) }
    }

    /// Per first byte: may `escapeFormula` change a cell starting with it? Its formula starts, and a
    /// quote, since it also looks past leading quotes.
    private static let mayNeedFormulaEscape: [Bool] = (0...255).map { byte in
        byte == UInt8(ascii: "'") || formulaStarts.contains(Character(Unicode.Scalar(UInt8(byte))))
    }

    /// Appends `cell` as `line` writes it: copied as it is when nothing is to escape or quote (ids nearly always).
    static func appendCell(_ cell: String, to bytes: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { utf8 in
            let needsEscaping = utf8.first.map { mayNeedFormulaEscape[Int($0)] } ?? false
                || utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            if needsEscaping {
                bytes += line([String(decoding: utf8, as: UTF8.self)]).utf8.dropLast()
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Digits written from the right into scratch space on the stack, then appended at once: no
    /// String per number, no append per digit.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var rest = value.magnitude
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[start...]))
        }
    }

    /// 16 lower-case hex digits, as `Lottery.hex` writes a lottery number: made in two words,
    /// appended as 16 bytes at once.
    static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
        var digits = (hexDigits(of: UInt32(value >> 32)).littleEndian, hexDigits(of: UInt32(truncatingIfNeeded: value)).littleEndian)
        withUnsafeBytes(of: &digits) { bytes.append(contentsOf: $0) }
    }

    /// The 8 hex digits of `value` as ASCII, the first digit in the lowest byte.
    private static func hexDigits(of value: UInt32) -> UInt64 {
        var word: UInt64 = 0
        for position in 0..<8 {
            let nibble = UInt64(value >> (28 - 4 * position) & 0xF)
            word |= (nibble < 10 ? nibble + 0x30 : nibble + 0x57) << (8 * position)   // '0'… or 'a'…
        }
        return word
    }
}
