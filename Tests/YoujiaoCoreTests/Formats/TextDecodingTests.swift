import Foundation
import Testing
@testable import YoujiaoCore

/// GBK bytes typed in by hand, so the tests do not depend on the encoder under test.
enum GBK {
    static let 学校名称: [UInt8] = [0xD1, 0xA7, 0xD0, 0xA3, 0xC3, 0xFB, 0xB3, 0xC6]
    static let 学校: [UInt8] = [0xD1, 0xA7, 0xD0, 0xA3]
    static let 区: [UInt8] = [0xC7, 0xF8]
    static let 徐汇区: [UInt8] = [0xD0, 0xEC, 0xBB, 0xE3, 0xC7, 0xF8]
    static let 第一小学: [UInt8] = [0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xA1, 0xD1, 0xA7]
    static let 张伟: [UInt8] = [0xD5, 0xC5, 0xCE, 0xB0]
}

@Suite("Text encodings of uploaded files")
struct TextDecodingTests {
    private func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func utf8WithByteOrderMarkLosesTheMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("name,区\n第一小学,徐汇区\n".utf8))
        let table = try CSVTable.parse(data: data, fileName: "bom.csv")
        #expect(table.header == ["name", "区"])
        #expect(table.rows[0].values == ["第一小学", "徐汇区"])
    }

    @Test func wholeGBKFileDecodes() throws {
        let bytes = GBK.学校名称 + ascii(",") + GBK.区 + ascii("\r\n")
            + GBK.第一小学 + ascii(",") + GBK.徐汇区 + ascii("\r\n")
            + ascii("\"") + GBK.张伟 + ascii(", ") + GBK.学校 + ascii("\",") + GBK.区 + ascii("\r\n")
        let table = try CSVTable.parse(data: Data(bytes), fileName: "gbk.csv")
        #expect(table.header == ["学校名称", "区"])
        #expect(table.rows.map(\.values) == [["第一小学", "徐汇区"], ["张伟, 学校", "区"]])
    }

    @Test func shortGBKTextThatHappensToBeValidUTF8IsReadAsGBK() throws {
        // D1 A7 D0 A3 is also valid UTF-8 ("ѧУ"); Chinese in UTF-8 would need 3-byte sequences.
        #expect(try TextDecoding.decode(Data(GBK.学校), fileName: "short.csv") == "学校")
        // Accented Latin names, which are valid 2-byte UTF-8 too, stay UTF-8.
        #expect(try TextDecoding.decode(Data("José,Müller".utf8), fileName: "latin.csv") == "José,Müller")
    }

    @Test func gbkBytesInsideAUTF8FileNameTheRowAndField() {
        let bytes = ascii("school_id,name,district\n")
            + ascii("3101040001,") + Array("第一小学".utf8) + ascii(",310104\n")
            + ascii("3101040002,\"") + Array("徐汇区".utf8) + ascii("\n") + Array("第二小学".utf8) + ascii("\",310104\n")
            + ascii("3101040003,") + GBK.张伟 + ascii(",310104\n")
        let found = problems { try CSVTable.parse(data: Data(bytes), fileName: "mixed.csv") }
        // Row 4 starts on line 5: the cell above it spans two lines.
        expectProblem(found, file: "mixed.csv", row: 5, field: "name", reason: "not UTF-8")
    }

    @Test func gbkBytesInAFileWithAByteOrderMarkAreReported() {
        let bytes = [0xEF, 0xBB, 0xBF] + ascii("name,district\n") + GBK.第一小学 + ascii(",310104\n")
        expectProblem(problems { try CSVTable.parse(data: Data(bytes), fileName: "bom-gbk.csv") },
                      file: "bom-gbk.csv", row: 2, field: "name", reason: "not UTF-8")
    }

    @Test func explicitEncodingsAreHonoured() throws {
        let gbk = Data(GBK.学校)
        #expect(try TextDecoding.decode(gbk, fileName: "x.csv", encoding: .gbk) == "学校")
        #expect(try TextDecoding.decode(gbk, fileName: "x.csv", encoding: .utf8) == "ѧУ")
        expectProblem(problems { try TextDecoding.decode(Data(GBK.张伟), fileName: "x.csv", encoding: .utf8) },
                      file: "x.csv", row: 1, field: "column 1", reason: "not UTF-8")
    }

    @Test func bytesThatAreNeitherEncodingAreRefused() {
        expectProblem(problems { try TextDecoding.decode(Data([0x61, 0xFF, 0xFF, 0x0A]), fileName: "binary.csv") },
                      file: "binary.csv", row: nil, field: nil, reason: "neither UTF-8 nor GBK")
    }
}
