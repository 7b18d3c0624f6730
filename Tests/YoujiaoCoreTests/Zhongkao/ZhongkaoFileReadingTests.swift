import Foundation
import Testing
@testable import YoujiaoCore

/// candidates.csv read in pieces on every core must be exactly what the shared reader reads:
/// the same rows with the same line numbers, the same errors on the same rows.
@Suite("中考 candidates.csv read in pieces")
struct ZhongkaoFileReadingTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhongkao-pieces-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func bothReads(_ text: String) throws -> (whole: Result<CSVTable, Error>, pieces: Result<CSVTable, Error>) {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (Result { try CSVTable.read(path: path, limits: ZhongkaoCSV.limits) },
                Result { try ZhongkaoFileReading.table(path: path, limits: ZhongkaoCSV.limits, pieces: 4, minimumBytes: 0) })
    }

    static let lines = (1...40).map { "c\($0),310104,J\($0 % 3),yes,\(600 + $0),no,,,H1;H2" }

    @Test("blank lines, a last line without a line break: same rows on the same lines")
    func sameRows() throws {
        var lines = Self.lines
        lines.insert("", at: 7)
        lines.insert(",,,,,,,,", at: 20)
        let text = "candidate_id,district,junior_school,quota_school_eligible,total,pre_admitted,a,b,unified_choices\n"
            + lines.joined(separator: "\n")
        let (whole, pieces) = try bothReads(text)
        let expected = try whole.get(), found = try pieces.get()
        #expect(found.header == expected.header)
        #expect(found.rows.map(\.number) == expected.rows.map(\.number))
        #expect(found.rows.map(\.values) == expected.rows.map(\.values))
        #expect(expected.rows.last?.number == 43)
        #expect(try found.rows[30].raw("total") == expected.rows[30].raw("total"))
    }

    @Test("ragged rows are reported on the file's own lines")
    func sameErrors() throws {
        var lines = Self.lines
        lines[4] += ",extra"
        lines[33] = "c34,310104"
        let text = "candidate_id,district,junior_school,quota_school_eligible,total,pre_admitted,a,b,unified_choices\n"
            + lines.joined(separator: "\n") + "\n"
        let (whole, pieces) = try bothReads(text)
        func messages(_ result: Result<CSVTable, Error>) -> [String] {
            guard case .failure(let error as InputErrors) = result else { return [] }
            return error.errors.map(\.description)
        }
        #expect(messages(whole).count == 2)
        #expect(messages(pieces) == messages(whole))
        #expect(messages(whole).first?.hasPrefix("zhongkao-pieces-") == true && messages(whole)[0].contains(": row 6, field column 10:"))
    }

    @Test("a file with quotes or carriage returns is read whole")
    func notPlain() {
        #expect(ZhongkaoFileReading.pieces(of: "a,b\n\"x\",1\n", count: 2, maxRows: 10) == nil)
        #expect(ZhongkaoFileReading.pieces(of: "a,b\r\nx,1\r\n", count: 2, maxRows: 10) == nil)
        #expect(ZhongkaoFileReading.pieces(of: ",,\na,b\nx,1\n", count: 2, maxRows: 10) == nil, "header not on line 1")
        #expect(ZhongkaoFileReading.pieces(of: "a,b\nx,1\ny,2\n", count: 2, maxRows: 1) == nil, "over the row cap")
        #expect(ZhongkaoFileReading.pieces(of: "a,b\nx,1\ny,2\n", count: 2, maxRows: 10)?.map(\.firstLine) == [2, 3])
    }
}
