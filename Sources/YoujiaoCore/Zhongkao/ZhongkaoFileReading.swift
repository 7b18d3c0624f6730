import Foundation

/// A province's candidates.csv (a million rows) read as `CSVTable.read` reads it, but in pieces
/// on every core: the shared reader is one thread and was the largest serial part of a run.
enum ZhongkaoFileReading {
    /// Splits only plain files, where a line is a record and its line number is one more than the
    /// line breaks before it: no quote (a quoted cell may span lines), no carriage return (a lone
    /// one also ends a record), a header on line 1 that is not blank, at most `limits.maxRows`
    /// line breaks (so no piece can pass the row cap), and at least `minimumBytes`. Anything else
    /// goes to `CSVTable.read` whole, which also gives its own errors for an unreadable or too
    /// large file.
    static func table(path: String, limits: CSVLimits, pieces: Int = ProcessInfo.processInfo.activeProcessorCount * 2,
                      minimumBytes: Int = 1 << 20) throws -> CSVTable {
        let fileName = (path as NSString).lastPathComponent
        let text: String
        do {
            guard let data = FileManager.default.contents(atPath: path), data.count >= minimumBytes, data.count <= limits.maxBytes else {
                return try CSVTable.read(path: path, limits: limits)
            }
            text = try TextDecoding.decode(data, fileName: fileName)
        }
        guard let pieces = self.pieces(of: text, count: pieces, maxRows: limits.maxRows) else {
            return try CSVTable.parse(text: text, fileName: fileName, limits: limits)
        }
        let parsed = pieces.concurrentMap { piece -> Result<CSVTable, Error> in
            Result { try CSVTable.parse(text: piece.text, fileName: fileName, limits: .unlimited) }
        }
        // Each piece numbered its rows from 2 under its copy of the header: shift them to the file's lines.
        var rows: [CSVRow] = []
        var errors: [FieldError] = []
        var header: [String] = []
        for (piece, result) in zip(pieces, parsed) {
            let shift = piece.firstLine - 2
            switch result {
            case .success(let table):
                header = table.header
                rows.reserveCapacity(rows.count + table.rows.count)
                for row in table.rows { rows.append(CSVRow(number: row.number + shift, values: row.values, index: row.index)) }
            case .failure(let error as InputErrors):
                errors += error.errors.map { error in
                    var shifted = error
                    if let row = error.row, row > 1 { shifted.row = row + shift }
                    return shifted
                }
            case .failure(let error):
                // A problem with the header itself: the same in every piece, and on row 1.
                throw error
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors: errors) }
        return CSVTable(fileName: fileName, header: header, rows: rows)
    }

    /// A piece of the file: the header line, then whole lines of the file from line `firstLine` on.
    struct Piece: Sendable { var text: String; var firstLine: Int }

    /// The file cut into about `count` pieces at line ends, each under a copy of the header; nil
    /// when the text is not plain (see `table`) or has no line after the header.
    static func pieces(of text: String, count: Int, maxRows: Int) -> [Piece]? {
        var text = text
        return text.withUTF8 { bytes -> [Piece]? in
            let newline = UInt8(ascii: "\n")
            var lineBreaks = 0
            for byte in bytes {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") { return nil }
                if byte == newline { lineBreaks += 1 }
            }
            guard lineBreaks <= maxRows, let headerEnd = bytes.firstIndex(of: newline), headerEnd + 1 < bytes.count,
                  bytes[..<headerEnd].contains(where: { $0 != UInt8(ascii: ",") }) else { return nil }
            let header = Array(bytes[...headerEnd])
            var pieces: [Piece] = []
            var start = headerEnd + 1
            var line = 2
            let size = max(1, (bytes.count - start) / max(1, count))
            while start < bytes.count {
                var end = min(bytes.count, start + size)
                while end < bytes.count && bytes[end - 1] != newline { end += 1 }
                pieces.append(Piece(text: String(decoding: header + bytes[start..<end], as: UTF8.self), firstLine: line))
                line += bytes[start..<end].lazy.filter { $0 == newline }.count
                start = end
            }
            return pieces
        }
    }
}
