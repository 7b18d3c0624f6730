import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum TextEncodingChoice: String, Sendable, CaseIterable {
    /// UTF-8 (with or without BOM) when the bytes are mostly UTF-8, GBK otherwise (see `decode`).
    case auto
    case utf8
    case gbk
}

/// Decodes the files officials send: UTF-8 from most systems, GBK from Excel on a Chinese Windows.
public enum TextDecoding {
    public static func decode(_ data: Data, fileName: String, encoding: TextEncodingChoice = .auto) throws -> String {
        String(decoding: try utf8Bytes([UInt8](data), fileName: fileName, encoding: encoding), as: UTF8.self)
    }

    /// The text of `data` as valid UTF-8 bytes without BOM (what `decode` gives, without making a String).
    static func utf8Bytes(_ data: consuming [UInt8], fileName: String, encoding: TextEncodingChoice = .auto) throws -> [UInt8] {
        var bytes = data
        let hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadBOM { bytes.removeFirst(3) }
        switch encoding {
        case .utf8:
            return try decodeUTF8(bytes, fileName: fileName)
        case .gbk:
            return try decodeGBK(bytes, fileName: fileName)
        case .auto:
            if hadBOM { return try decodeUTF8(bytes, fileName: fileName) }
            if isValidUTF8(bytes) {
                // Short GBK text can happen to be valid UTF-8 ("学校" = D1 A7 D0 A3 reads as "ѧУ"):
                // UTF-8 Chinese always has 3-byte sequences, so two-byte-only non-Latin text is GBK.
                if looksLikeGBKMisreadAsUTF8(bytes), let gbk = iconvDecode(bytes, from: "GB18030") { return gbk }
                return bytes
            }
            // GBK text contains accidental valid UTF-8 pairs, but UTF-8 Chinese is made of 3-byte
            // sequences: when those outweigh the bad bytes, the file is UTF-8 with some GBK pasted in,
            // and the official is told where, rather than shown a guess.
            let (wideBytes, invalidBytes) = utf8Evidence(bytes)
            if wideBytes > invalidBytes { return try decodeUTF8(bytes, fileName: fileName) }
            return try decodeGBK(bytes, fileName: fileName)
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // The ASCII start is skipped eight bytes at a time; the rest is checked by the standard library.
        let start = asciiPrefixCount(bytes)
        if start == bytes.count { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            (try? UTF8Span(validating: Span(_unsafeElements: UnsafeBufferPointer(rebasing: buffer[start...])))) != nil
        }
    }

    /// How many bytes the text starts with below 0x80 (a registry file often has no other).
    private static func asciiPrefixCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let raw = UnsafeRawBufferPointer(buffer)
            while i + 8 <= buffer.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            while i < buffer.count, buffer[i] < 0x80 { i += 1 }
            return i
        }
    }

    static func decodeUTF8(_ bytes: [UInt8], fileName: String) throws -> [UInt8] {
        if isValidUTF8(bytes) { return bytes }
        throw undecodableCell(bytes, fileName: fileName)
    }

    /// Names the row and column of the first cell holding bytes that are not UTF-8.
    static func undecodableCell(_ bytes: [UInt8], fileName: String) -> FieldError {
        let reason = "bytes that are not UTF-8 (GBK text inside a UTF-8 file?); save the whole file as UTF-8 or as GBK"
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        // Undecodable bytes become U+FFFD; the CSV structure (all ASCII) survives, so the cell is found.
        // A file already holding U+FFFD would mislead the search: fall back to the line.
        if !bytes.contains(replacement),
           let records = try? CSVTokenizer.tokenize(Array(String(decoding: bytes, as: UTF8.self).utf8), fileName: fileName,
                                                    maxRecords: .max).records() {
            for (number, record) in records.enumerated() {
                guard let column = record.fields.firstIndex(where: { $0.contains("\u{FFFD}") }) else { continue }
                let header = records[0].fields
                let field = number > 0 && column < header.count ? header[column] : "column \(column + 1)"
                return FieldError(file: fileName, row: record.line, field: field, reason: reason)
            }
        }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        let row = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return FieldError(file: fileName, row: row, reason: reason)
    }

    static func decodeGBK(_ bytes: [UInt8], fileName: String) throws -> [UInt8] {
        guard let text = iconvDecode(bytes, from: "GB18030") else {
            throw FieldError(file: fileName, reason: "the file is neither UTF-8 nor GBK text")
        }
        return text
    }

    /// Valid UTF-8 with no 3- or 4-byte sequence and a letter beyond Latin (Greek, Cyrillic…):
    /// in a Chinese registry that is GBK bytes, while "José" or "Müller" stay UTF-8.
    private static func looksLikeGBKMisreadAsUTF8(_ bytes: [UInt8]) -> Bool {
        // In valid UTF-8, a lead byte from E0 starts a scalar from U+0800, one from C9 a scalar from U+0240
        // (C9 80…C9 8F are U+0240…U+024F, still Latin).
        var beyondLatin = false
        for i in asciiPrefixCount(bytes)..<bytes.count where bytes[i] >= 0xC9 {
            let byte = bytes[i]
            if byte >= 0xE0 { return false }
            if byte > 0xC9 || bytes[i + 1] >= 0x90 { beyondLatin = true }
        }
        return beyondLatin
    }

    /// Bytes in valid 3- and 4-byte UTF-8 sequences, and bytes that are no part of any valid sequence.
    private static func utf8Evidence(_ bytes: [UInt8]) -> (wide: Int, invalid: Int) {
        var wide = 0, invalid = 0, i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            // Allowed range of the second byte per lead byte (RFC 3629 table), then plain continuations.
            let length: Int, second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: length = 2; second = 0x80...0xBF
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xE1...0xEF: length = 3; second = 0x80...0xBF
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4; second = 0x80...0xBF
            case 0xF4: length = 4; second = 0x80...0x8F
            default: invalid += 1; i += 1; continue
            }
            let valid = i + length <= bytes.count && second.contains(bytes[i + 1])
                && bytes[(i + 2)..<(i + length)].allSatisfy { $0 & 0xC0 == 0x80 }
            if !valid { invalid += 1; i += 1; continue }
            if length >= 3 { wide += length }
            i += length
        }
        return (wide, invalid)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// GB18030 is a superset of GBK, so every GBK file decodes with it.
    private static func iconvDecode(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        if bytes.isEmpty { return [] }
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outLeft = outBuf.count
                let result = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        output.removeLast(output.count - produced)
        return isValidUTF8(output) ? output : nil
    }
}
