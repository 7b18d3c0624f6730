import Foundation
import Testing
import ZIPFoundation
@testable import YoujiaoViews

@Suite("CSV and XLSX downloads")
struct ExportTests {
    static let table = TableModel(
        id: "pupils", caption: Phrase(zh: "学生名单：黄浦/一小", en: "Pupils"),
        columns: [.init(Phrase(zh: "姓名", en: "Name"), key: "name"), .init(Phrase(zh: "备注", en: "Note"), key: "note"),
                  .init(Phrase(zh: "人数", en: "Count"), key: "count", isNumeric: true),
                  .init(Phrase(zh: "比例", en: "Ratio"), key: "ratio", isNumeric: true)],
        rows: [[.text("王小明"), .text(#"他说"好""#), .number(1_234), .decimal(0.25, digits: 2)],
               [.text("=HYPERLINK(\"http://x\")"), .text("两行\r\n备注"), .number(-30), .decimal(.nan, digits: 2)],
               [.link("李 四", href: "/s/2"), .badge(Phrase(zh: "已达标", en: "met"), tone: .good), .number(0), .decimal(1.5, digits: 1)]],
        totals: [.phrase(.tables(.total)), .empty, .number(1_204), .empty])

    @Test func csvHasBOMCRLFLanguageHeadersAndSafeCells() {
        let data = TableCSV.document(Self.table, language: .zh)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "姓名,备注,人数,比例\r\n"
                + "王小明,\"他说\"\"好\"\"\",1234,0.25\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",\"两行\n备注\",-30,\r\n"
                + "李 四,已达标,0,1.5\r\n"
                + "合计,,1204,\r\n")
        let english = String(decoding: TableCSV.document(Self.table, language: .en).dropFirst(3), as: UTF8.self)
        #expect(english.hasPrefix("Name,Note,Count,Ratio\r\n"))
        #expect(english.contains("李 四,met,0,1.5\r\n"))
    }

    @Test func sheetNamesAreMadeAcceptable() {
        #expect(XLSXWriter.sanitisedSheetName("学生名单：黄浦/一小") == "学生名单：黄浦 一小")
        #expect(XLSXWriter.sanitisedSheetName("'[a]*?:b'") == "a    b")
        #expect(XLSXWriter.sanitisedSheetName("  ") == "Sheet1")
        #expect(XLSXWriter.sanitisedSheetName(String(repeating: "长", count: 40)).count == 31)
        #expect(XLSXWriter.columnName(0) == "A")
        #expect(XLSXWriter.columnName(25) == "Z")
        #expect(XLSXWriter.columnName(26) == "AA")
        #expect(XLSXWriter.columnName(16_383) == "XFD")
    }

    @Test func xmlTextIsEscapedAndIllegalCharactersDropped() {
        #expect(XLSXWriter.xmlText("a<b>&\"c\u{0}\u{1B}\td") == "a&lt;b&gt;&amp;&quot;c\td")
    }

    @Test func tooLongCellsAndTooManyColumnsAreRefused() {
        #expect(throws: XLSXWriter.Failure.cellTooLong(row: 2, column: 1)) {
            try XLSXWriter.workbook(sheetName: "s", rows: [[.text("h")], [.text(String(repeating: "x", count: 32_768))]])
        }
        #expect(throws: XLSXWriter.Failure.tooLarge) {
            try XLSXWriter.workbook(sheetName: "s", rows: [Array(repeating: .integer(1), count: 16_385)])
        }
    }

    @Test func workbookHoldsTheFivePartsWithNumbersAsNumbers() throws {
        let data = try XLSXWriter.workbook(Self.table, language: .zh)
        let archive = try Archive(data: data, accessMode: .read)
        #expect(Set(archive.map(\.path)) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"])
        func part(_ path: String) throws -> String {
            var out = Data()
            _ = try archive.extract(archive[path]!) { out.append($0) }
            return String(decoding: out, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<c r="C2"><v>1234</v></c>"#))
        #expect(sheet.contains(#"<c r="B2" t="inlineStr"><is><t xml:space="preserve">他说&quot;好&quot;</t></is></c>"#))
        // An inline string is never a formula, so the text is kept exactly as shown.
        #expect(sheet.contains(#"<t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;)</t>"#))
        #expect(try part("xl/workbook.xml").contains(#"<sheet name="学生名单：黄浦 一小" sheetId="1" r:id="rId1"/>"#))
        // The same table gives the same bytes.
        #expect(try XLSXWriter.workbook(Self.table, language: .zh) == data)
    }

    /// LibreOffice reads the workbook back cell by cell. Without soffice the test returns early,
    /// unless YOUJIAO_REQUIRE_TOOLS=1, when a missing soffice is a failure.
    @Test func libreOfficeReadsTheWorkbookBack() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            #expect(ProcessInfo.processInfo.environment["YOUJIAO_REQUIRE_TOOLS"] != "1",
                    "soffice is missing: apt-get install libreoffice-calc-nogui")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("youjiao-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("table.xlsx")
        try XLSXWriter.workbook(Self.table, language: .zh).write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // Comma, double quote, UTF-8 (76), and every text cell quoted (7th token), so a number read
        // back as a number shows unquoted; a private profile so parallel runs never share one.
        process.arguments = ["-env:UserInstallation=file://\(directory.path)/profile", "--headless",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false",
                             "--outdir", directory.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let csv = try String(contentsOf: directory.appendingPathComponent("table.csv"), encoding: .utf8)
        let lines = csv.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == [
            #""姓名","备注","人数","比例""#,
            #""王小明","他说""好""",1234,0.25"#,
            #""=HYPERLINK(""http://x"")","两行"#,
            #"备注",-30,"#,
            #""李 四","已达标",0,1.5"#,
            #""合计",,1204,"#,
            "",
        ])
    }
}
