import Foundation
import YoujiaoCore

/// A table as a CSV download for people: UTF-8 with a byte-order mark (so Excel on a Chinese
/// Windows reads it as UTF-8), CRLF line ends, headers in the page's language, and cells that
/// would run as formulas made into text by Core's `CSVWriter`.
public enum TableCSV {
    public static func document(_ table: TableModel, language: Language) -> Data {
        var text = "\u{FEFF}"
        for row in table.exportRows(language) {
            let cells = row.map { value -> String in
                switch value {
                case .text(let text):
                    // Browsers send CRLF from a textarea; Core's writer quotes cells with a bare
                    // line feed, and "\r\n" is one Character in Swift, so it is made one first.
                    return text.replacingOccurrences(of: "\r\n", with: "\n")
                case .integer(let number): return String(number)
                case .decimal(let number): return String(number)
                }
            }
            // CSVWriter ends a record with "\n"; a download for spreadsheets ends it with CRLF.
            text += CSVWriter.line(cells).dropLast() + "\r\n"
        }
        return Data(text.utf8)
    }

    /// The `Content-Type` of the download.
    public static let contentType = "text/csv; charset=utf-8"
}
