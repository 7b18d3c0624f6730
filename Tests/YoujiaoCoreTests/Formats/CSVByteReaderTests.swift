import Foundation
import Testing
@testable import YoujiaoCore

/// The reader types cells from the file's bytes; these pin what it accepts and refuses, and check it
/// against a String-per-cell reference reader (the previous one) on thousands of generated files.
@Suite("CSV byte-level reading")
struct CSVByteReaderTests {
    @Test func quotingCornerCases() throws {
        let table = try CSVTable.parse(text: "a,b,c\n  \"x, y\",\"he said \"\"no\"\"\",\"q\"tail\r\"\",\"\",\"\"\r\nlast,\"two\r\nlines\",z", fileName: "q.csv")
        // Spaces before an opening quote go, text after the closing quote stays, a lone CR ends a
        // record, a row of empty quoted cells is blank, the last line needs no line break.
        #expect(table.rows.map(\.values) == [["x, y", "he said \"no\"", "qtail"], ["last", "two\r\nlines", "z"]])
        #expect(table.rows.map(\.number) == [2, 4])
    }

    @Test(arguments: [
        ("a,b\n1,\"x\" \"y\"\n", 2, "a quote inside an unquoted cell"),
        ("a,b\n1,x\"\n", 2, "a quote inside an unquoted cell"),
        ("a,b\n1,2\n3,\"open\n\n", 3, "a quoted cell is never closed"),
        ("a,b\n1,\"a\nb\"c\"\n", 3, "a quote inside an unquoted cell"),
    ])
    func malformedQuotingNamesTheLine(text: String, row: Int, reason: String) {
        expectProblem(problems { try CSVTable.parse(text: text, fileName: "bad.csv") }, file: "bad.csv", row: row, field: nil, reason: reason)
    }

    @Test func aQuotingErrorComesBeforeRaggedRows() {
        let found = problems { try CSVTable.parse(text: "a,b\n1\n2,\"x\n", fileName: "bad.csv") }
        #expect(found.count == 1)
        expectProblem(found, file: "bad.csv", row: 3, field: nil, reason: "never closed")
    }

    @Test func wrongCellCountsAfterALongQuotedCell() {
        let found = problems { try CSVTable.parse(text: "a,b\n\"1\n2\",3,4\n5\n6,7\n", fileName: "r.csv") }
        #expect(found.map(\.description) == ["r.csv: row 2, field column 3: 3 cells where the header has 2",
                                              "r.csv: row 4, field b: 1 cells where the header has 2"])
    }

    @Test func numbersAreRangeCheckedWithoutTrapping() throws {
        let table = try CSVTable.parse(
            text: "n\n123456789012345678901234567890\n-9223372036854775808\n9223372036854775808\n+12\n 7 \n'-5\n-\n1e3\n",
            fileName: "n.csv")
        let n = try table.column("n")
        let rows = table.rows
        expectProblem(problems { try rows[0].int(n) }, file: "n.csv", row: 2, field: "n",
                      reason: "'123456789012345678901234567890' is not a whole number")
        #expect(try rows[1].int(n) == .min)
        expectProblem(problems { try rows[2].int(n) }, file: "n.csv", row: 4, field: "n", reason: "is not a whole number")
        #expect(try rows[3].int(n) == 12)
        #expect(try rows[4].int(n, in: 0...9) == 7)
        #expect(try rows[5].int(n) == -5)
        expectProblem(problems { try rows[6].int(n) }, file: "n.csv", row: 8, field: "n", reason: "'-' is not a whole number")
        expectProblem(problems { try rows[3].int(n, in: 0...10) }, file: "n.csv", row: 5, field: "n", reason: "12 is outside 0…10")
        #expect(try rows[7].double(n) == 1000)
        expectProblem(problems { try rows[0].double(n, in: 0...1) }, file: "n.csv", row: 2, field: "n", reason: "is outside 0.0…1.0")
    }

    @Test func decimalsReadExactlyAsDoubleFromStringDoes() throws {
        var generator = SystemRandomNumberGenerator()
        var cells = ["0.1", "-0.0", "+1.5", "1.", ".5", "0.30000000000000004", "9007199254740993", "9007199254740991.5",
                     "121.4737010000000000000001", "31.2304", "-180", "1e-5", "nan", "inf", "0x10", "1_0"]
        for _ in 0..<2_000 {
            let integer = String(UInt64.random(in: 0...999_999_999_999, using: &generator))
            let fraction = String(UInt64.random(in: 0...999_999_999, using: &generator))
            cells.append((Bool.random(using: &generator) ? "-" : "") + integer.prefix(Int.random(in: 1...12)) + "."
                         + String(repeating: "0", count: Int.random(in: 0...6)) + fraction)
        }
        let table = try CSVTable.parse(text: "x\n" + cells.joined(separator: "\n") + "\n", fileName: "d.csv")
        let x = try table.column("x")
        for (row, cell) in zip(table.rows, cells) {
            let expected = Double(cell).flatMap { $0.isFinite ? $0 : nil }
            let found = try? row.double(x)
            #expect(found?.bitPattern == expected?.bitPattern, "\(cell)")
        }
    }

    @Test func booleansInAnyCase() throws {
        let table = try CSVTable.parse(text: "b,c\nYES,1\nNo,1\n是,1\nTrue,1\n Y ,1\n,1\nyess,1\n", fileName: "b.csv")
        let b = try table.column("b")
        #expect(try table.rows.prefix(5).map { try $0.bool(b) } == [true, false, true, true, true])
        #expect(try table.rows[5].optionalBool(b) == false)
        expectProblem(problems { try table.rows[6].bool(b) }, file: "b.csv", row: 8, field: "b", reason: "'yess' is not yes or no")
    }

    @Test func gbkBytesInARaggedRowStillNameTheField() {
        // UTF-8 Chinese outweighs the GBK bytes, so the file is taken as UTF-8 with a bad cell.
        let bytes = Array("name,district\n第一小学,310104\n".utf8) + GBK.张伟 + Array(",310104,extra\n".utf8)
        expectProblem(problems { try CSVTable.parse(data: Data(bytes), fileName: "g.csv") },
                      file: "g.csv", row: 3, field: "name", reason: "not UTF-8")
    }

    // MARK: - Against the reference reader

    @Test func generatedFilesReadAsTheReferenceReadsThem() throws {
        var random = SplitMix(seed: 12)
        let pieces = ["a", "7", "-3", "1.5", "\"", "\"\"", ",", ",", "\n", "\r\n", "\r", " ", "'", "'=x", "yes", "NO", "是",
                      "é", "\u{3000}", "\t", "99999999999999999999", "x;y", "", "+4"]
        for _ in 0..<3_000 {
            var text = "h1,h2,h3\n"
            for _ in 0..<Int.random(in: 0...30, using: &random) { text += pieces.randomElement(using: &random)! }
            let found = Result { try CSVTable.parse(text: text, fileName: "f.csv", limits: CSVLimits(maxBytes: 1 << 20, maxRows: 4)) }
            let expected = Result { try ReferenceCSV.parse(text, fileName: "f.csv", maxRows: 4) }
            switch (found, expected) {
            case (.success(let table), .success(let reference)):
                #expect(table.header == reference.header, "\(text.debugDescription)")
                #expect(table.rows.map(\.number) == reference.rows.map(\.line), "\(text.debugDescription)")
                #expect(table.rows.map(\.values) == reference.rows.map(\.fields), "\(text.debugDescription)")
                for (row, cells) in zip(table.rows, reference.rows) {
                    for (position, name) in reference.header.enumerated() {
                        let column = try table.column(name)
                        let cell = cells.fields[position]
                        #expect(describe { row.raw(column) } == describe { ReferenceCSV.raw(cell) }, "\(text.debugDescription)")
                        #expect(describe { try row.int(column, in: -5...100) } == describe { try ReferenceCSV.int(cell, row.error(name, "")) },
                                "\(text.debugDescription)")
                        #expect(describe { try row.double(column) } == describe { try ReferenceCSV.double(cell, row.error(name, "")) },
                                "\(text.debugDescription)")
                        #expect(describe { try row.bool(column) } == describe { try ReferenceCSV.bool(cell, row.error(name, "")) },
                                "\(text.debugDescription)")
                    }
                }
            case (.failure(let error), .failure(let reference)):
                #expect("\(error)" == "\(reference)", "\(text.debugDescription)")
            default:
                Issue.record("\(text.debugDescription): \(found) but the reference gives \(expected)")
            }
        }
    }

    private func describe<T>(_ body: () throws -> T) -> String {
        do { return "\(try body())" } catch { return "error: \(error)" }
    }
}

private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The reader before the byte-level one: a String per cell, typed with `Int(String)`,
/// `Double(String)` and Foundation's trimming.
private enum ReferenceCSV {
    struct Record { var line: Int; var fields: [String] }

    static func parse(_ text: String, fileName: String, maxRows: Int) throws -> (header: [String], rows: [Record]) {
        let records = try records(in: text, fileName: fileName, maxRecords: maxRows + 1)
        guard let first = records.first else { throw FieldError(file: fileName, reason: "the file is empty: a header row is required") }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (index, name) in header.enumerated() {
            if name.isEmpty { throw FieldError(file: fileName, row: 1, reason: "column \(index + 1) has no name") }
            if !seen.insert(name).inserted { throw FieldError(file: fileName, row: 1, field: name, reason: "the column appears twice") }
        }
        let ragged = records.dropFirst().filter { $0.fields.count != header.count }.map { record in
            FieldError(file: fileName, row: record.line,
                       field: record.fields.count < header.count ? header[record.fields.count] : "column \(header.count + 1)",
                       reason: "\(record.fields.count) cells where the header has \(header.count)")
        }
        if !ragged.isEmpty { throw InputErrors(errors: ragged) }
        return (header, Array(records.dropFirst()))
    }

    static func records(in text: String, fileName: String, maxRecords: Int) throws -> [Record] {
        var records: [Record] = [], fields: [String] = [], field: [UInt8] = []
        var line = 1, recordLine = 1, inQuotes = false, fieldWasQuoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(); fieldWasQuoted = false }
        func endRecord() throws {
            endField()
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
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(byte); i += 2; continue }
                    inQuotes = false
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","): endField()
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
            default: field.append(byte)
            }
            i += 1
        }
        if inQuotes { throw FieldError(file: fileName, row: recordLine, reason: "a quoted cell is never closed") }
        if !field.isEmpty || !fields.isEmpty { try endRecord() }
        return records
    }

    static func raw(_ cell: String) -> String { CSVWriter.unescapeFormula(cell.trimmingCharacters(in: .whitespaces)) }

    static func string(_ cell: String, _ place: FieldError) throws -> String {
        let value = raw(cell)
        if value.isEmpty { throw failure(place, "required, but empty") }
        return value
    }

    static func int(_ cell: String, _ place: FieldError) throws -> Int {
        let text = try string(cell, place)
        guard let value = Int(text) else { throw failure(place, "'\(text)' is not a whole number") }
        if !(-5...100).contains(value) { throw failure(place, "\(value) is outside -5…100") }
        return value
    }

    static func double(_ cell: String, _ place: FieldError) throws -> Double {
        let text = try string(cell, place)
        guard let value = Double(text), value.isFinite else { throw failure(place, "'\(text)' is not a number") }
        return value
    }

    static func bool(_ cell: String, _ place: FieldError) throws -> Bool {
        let text = try string(cell, place)
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是": return true
        case "no", "n", "false", "0", "否": return false
        default: throw failure(place, "'\(text)' is not yes or no")
        }
    }

    static func failure(_ place: FieldError, _ reason: String) -> FieldError {
        var error = place
        error.reason = reason
        return error
    }
}
