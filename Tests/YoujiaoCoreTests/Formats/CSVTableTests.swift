import Foundation
import Testing
@testable import YoujiaoCore

@Suite("CSV reading and writing")
struct CSVTableTests {
    @Test func quotedCellsKeepCommasQuotesAndNewlines() throws {
        let text = "name,note\r\n\"Wang, Fang\",\"she said \"\"hi\"\"\"\r\n\"two\nlines\",plain\r\nlast,\"\"\r\n"
        let table = try CSVTable.parse(text: text, fileName: "notes.csv")
        #expect(table.header == ["name", "note"])
        #expect(table.rows.map(\.values) == [["Wang, Fang", "she said \"hi\""], ["two\nlines", "plain"], ["last", ""]])
        // A row is numbered by the line it starts on, so the row after a two-line cell is line 5.
        #expect(table.rows.map(\.number) == [2, 3, 5])
    }

    @Test func blankLinesAreSkippedButRowsKeepTheirLineNumbers() throws {
        let table = try CSVTable.parse(text: "a,b\n\n1,2\n,\n3,4\n\n\n", fileName: "blank.csv")
        #expect(table.rows.map(\.values) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.number) == [3, 5])
    }

    @Test func everyRaggedRowIsReportedWithItsRowAndField() {
        let found = problems { try CSVTable.parse(text: "a,b,c\n1,2\n1,2,3\n1,2,3,4\n", fileName: "ragged.csv") }
        #expect(found.count == 2)
        expectProblem(found, file: "ragged.csv", row: 2, field: "c", reason: "2 cells where the header has 3")
        expectProblem(found, file: "ragged.csv", row: 4, field: "column 4", reason: "4 cells where the header has 3")
    }

    @Test func brokenQuotingNamesTheRow() {
        expectProblem(problems { try CSVTable.parse(text: "a,b\n1,\"open\n2,3\n", fileName: "q.csv") },
                      file: "q.csv", row: 2, field: nil, reason: "never closed")
        expectProblem(problems { try CSVTable.parse(text: "a,b\n1,2\nx\"y,3\n", fileName: "q.csv") },
                      file: "q.csv", row: 3, field: nil, reason: "a quote inside an unquoted cell")
    }

    @Test func headerProblems() {
        expectProblem(problems { try CSVTable.parse(text: "", fileName: "empty.csv") },
                      file: "empty.csv", row: nil, field: nil, reason: "the file is empty")
        expectProblem(problems { try CSVTable.parse(text: "a,a\n1,2\n", fileName: "twice.csv") },
                      file: "twice.csv", row: 1, field: "a", reason: "appears twice")
        expectProblem(problems { try CSVTable.parse(text: "a,,c\n1,2,3\n", fileName: "unnamed.csv") },
                      file: "unnamed.csv", row: 1, field: nil, reason: "column 2 has no name")
    }

    @Test func missingColumnsAreListedOnce() throws {
        let table = try CSVTable.parse(text: "a\n1\n2\n", fileName: "cols.csv")
        let found = problems { try table.requireColumns(["a", "b", "c"]) }
        #expect(found.map(\.field) == ["b", "c"])
        expectProblem(found, file: "cols.csv", row: 1, field: "b", reason: "missing column")
    }

    @Test func cellReadersNameRowAndField() throws {
        let table = try CSVTable.parse(text: "n,flag,kind\nabc,maybe,new-city\n 7 ,是,nowhere\n", fileName: "cells.csv")
        let (first, second) = (table.rows[0], table.rows[1])
        expectProblem(problems { try first.int("n") }, file: "cells.csv", row: 2, field: "n", reason: "'abc' is not a whole number")
        expectProblem(problems { try first.bool("flag") }, file: "cells.csv", row: 2, field: "flag", reason: "not yes or no")
        #expect(try first.value("kind", as: DistrictZoneKind.self) == .newCity)
        #expect(try second.int("n", in: 1...9) == 7)
        #expect(try second.bool("flag"))
        expectProblem(problems { try second.int("n", in: 8...9) }, file: "cells.csv", row: 3, field: "n", reason: "outside 8…9")
        expectProblem(problems { try second.value("kind", as: DistrictZoneKind.self) }, file: "cells.csv", row: 3,
                      field: "kind", reason: "'nowhere' is not one of central, new-city, north-south, outer")
    }

    @Test func fileOverTheByteCapIsRejectedBeforeReading() throws {
        let limits = CSVLimits(maxBytes: 64, maxRows: 100)
        let text = "name\n" + String(repeating: "abcdefghij\n", count: 6)
        expectProblem(problems { try CSVTable.parse(data: Data(text.utf8), fileName: "big.csv", limits: limits) },
                      file: "big.csv", row: nil, field: nil, reason: "over the limit of 64 bytes")

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("youjiao-cap-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        expectProblem(problems { try CSVTable.read(path: url.path, limits: limits) },
                      file: url.lastPathComponent, row: nil, field: nil, reason: "over the limit of 64 bytes")
        #expect(try CSVTable.read(path: url.path, limits: .standard).rows.count == 6)
    }

    @Test func fiftyMegabyteUploadIsRefusedQuicklyUnderTheStandardCap() {
        let upload = Data(repeating: UInt8(ascii: "a"), count: 50 << 20)
        let clock = ContinuousClock()
        var found: [FieldError] = []
        let elapsed = clock.measure {
            found = problems { try CSVTable.parse(data: upload, fileName: "upload.csv") }
        }
        expectProblem(found, file: "upload.csv", row: nil, field: nil, reason: "52428800 bytes, over the limit")
        #expect(elapsed < .seconds(1))
    }

    @Test func moreRowsThanTheCapAreRefusedAtTheFirstRowOver() throws {
        let limits = CSVLimits(maxBytes: 1 << 20, maxRows: 3)
        expectProblem(problems { try CSVTable.parse(text: "a\n1\n2\n3\n4\n5\n", fileName: "rows.csv", limits: limits) },
                      file: "rows.csv", row: 5, field: nil, reason: "more than 3 data rows")
        // Exactly at the cap, with blank lines around, is fine.
        #expect(try CSVTable.parse(text: "a\n1\n\n2\n3\n\n\n", fileName: "rows.csv", limits: limits).rows.count == 3)
        #expect(try CSVTable.parse(text: "a\n1\n2\n3\n4\n", fileName: "rows.csv", limits: .unlimited).rows.count == 4)
    }

    @Test(arguments: ["=1+1", "+86 139", "-2+3", "@SUM(A1)", "\tx", "'=quoted", "''+twice"])
    func formulaCellsAreEscapedOnWriteAndRestoredOnRead(cell: String) throws {
        let written = CSVWriter.document(header: ["cell"], rows: [[cell]])
        let writtenCell = try #require(written.split(separator: "\n").dropFirst().first)
        #expect(writtenCell.hasPrefix("'") && writtenCell.dropFirst() == cell[...])
        let table = try CSVTable.parse(text: written, fileName: "formula.csv")
        #expect(try table.rows[0].raw("cell") == cell)
    }

    @Test(arguments: ["plain", "'not a formula", "1-2", "a=b", "", "-30", "-29.5"])
    func ordinaryCellsAreWrittenAsTheyAre(cell: String) throws {
        #expect(CSVWriter.escapeFormula(cell) == cell)
        #expect(CSVWriter.unescapeFormula(cell) == cell)
    }

    @Test func writerQuotesOnlyWhatNeedsQuoting() throws {
        let line = CSVWriter.line(["a,b", "say \"hi\"", "two\nlines", "=cmd", "plain"])
        #expect(line == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=cmd,plain\n")
        let back = try CSVTable.parse(text: "c1,c2,c3,c4,c5\n" + line, fileName: "w.csv")
        #expect(try back.rows[0].values.indices.map { try back.rows[0].raw("c\($0 + 1)") }
                == ["a,b", "say \"hi\"", "two\nlines", "=cmd", "plain"])
    }

    /// "\r\n" and "," followed by a combining accent are single Characters equal to none of the
    /// separators: the writer must still quote them, or the file's rows break.
    @Test func writerQuotesSeparatorsInsideLargerCharacters() throws {
        let cells = ["A\r\nB", "x,\u{0301}y", "plain"]
        let line = CSVWriter.line(cells)
        #expect(line == "\"A\r\nB\",\"x,\u{0301}y\",plain\n")
        let back = try CSVTable.parse(text: "c1,c2,c3\n" + line, fileName: "w.csv")
        #expect(back.rows.count == 1)
        #expect(try back.rows[0].raw("c3") == "plain")
    }
}
