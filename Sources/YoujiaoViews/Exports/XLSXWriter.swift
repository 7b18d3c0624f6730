import Foundation
import ZIPFoundation

/// A one-sheet XLSX workbook (SpreadsheetML in a ZIP) with inline strings, numbers as numbers and
/// a frozen header row: the smallest file Excel, WPS and LibreOffice all open without a repair.
public enum XLSXWriter {
    public enum Failure: Error, Equatable {
        /// More rows or columns than a sheet holds (1,048,576 × 16,384).
        case tooLarge
        /// A cell longer than a spreadsheet cell holds (32,767 characters).
        case cellTooLong(row: Int, column: Int)
        case zip(String)
    }

    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let maxRows = 1_048_576, maxColumns = 16_384, maxCellLength = 32_767

    /// The table's header, rows and totals in `language`, on a sheet named after its caption.
    public static func workbook(_ table: TableModel, language: Language) throws(Failure) -> Data {
        try workbook(sheetName: language(table.caption), rows: table.exportRows(language))
    }

    public static func workbook(sheetName: String, rows: [[ExportValue]]) throws(Failure) -> Data {
        guard rows.count <= maxRows, rows.allSatisfy({ $0.count <= maxColumns }) else { throw .tooLarge }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbookXML(sheetName: sanitisedSheetName(sheetName))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/worksheets/sheet1.xml", try sheetXML(rows)),
        ]
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // A fixed date keeps the file the same for the same table (and its tests exact).
            let stamp = Date(timeIntervalSince1970: 1_767_225_600)
            for (path, xml) in parts {
                let data = Data(xml.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure.zip("the archive was not kept in memory") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .zip(String(describing: error))
        }
    }

    /// Sheet names are 1–31 characters without `[ ] : * ? / \` and may not start or end with an
    /// apostrophe; anything else makes Excel refuse the file.
    public static func sanitisedSheetName(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var cleaned = String(name.map { forbidden.contains($0) || $0.isNewline ? " " : $0 }.prefix(31))
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    /// "A", "B", … "Z", "AA", … for a zero-based column.
    static func columnName(_ index: Int) -> String {
        var name = "", n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Text as XML 1.0 character data: markup escaped, characters XML cannot hold dropped.
    static func xmlText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                guard value >= 0x20, value != 0xFFFE, value != 0xFFFF else { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func sheetXML(_ rows: [[ExportValue]]) throws(Failure) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if rows.count > 1 {
            xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        xml += "<sheetData>"
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                let reference = "\(columnName(c))\(r + 1)"
                switch value {
                case .integer(let number):
                    xml += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                case .decimal(let number):
                    xml += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    guard text.count <= maxCellLength else { throw .cellTooLong(row: r + 1, column: c + 1) }
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlText(text))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    static func workbookXML(sheetName: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + "<sheets><sheet name=\"\(xmlText(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    }

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        + "</Types>"

    static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static let workbookRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
        + "</Relationships>"
}
