import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum TextEncodingChoice: String, Sendable, CaseIterable {
    /// UTF-8 (with or without BOM) when the bytes are UTF-8; GBK when they contain no UTF-8 at all.
    case auto
    case utf8
    case gbk
}

/// Decodes the files officials send: UTF-8 from most systems, GBK from Excel on a Chinese Windows.
public enum TextDecoding {
    public static func decode(_ data: Data, fileName: String, encoding: TextEncodingChoice = .auto) throws -> String {
        var bytes = [UInt8](data)
        let hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadBOM { bytes.removeFirst(3) }
        switch encoding {
        case .utf8:
            return try decodeUTF8(bytes, fileName: fileName)
        case .gbk:
            return try decodeGBK(bytes, fileName: fileName)
        case .auto:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            // A BOM or any valid multi-byte UTF-8 sequence says the file is UTF-8 with bad bytes
            // inside (typically GBK text pasted in): report where, rather than guess.
            if hadBOM || containsMultibyteUTF8(bytes) {
                return try decodeUTF8(bytes, fileName: fileName)
            }
            return try decodeGBK(bytes, fileName: fileName)
        }
    }

    static func decodeUTF8(_ bytes: [UInt8], fileName: String) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        let row = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        throw FieldError(file: fileName, row: row,
                         reason: "bytes that are not UTF-8 (GBK text inside a UTF-8 file?); save the whole file as UTF-8 or as GBK")
    }

    static func decodeGBK(_ bytes: [UInt8], fileName: String) throws -> String {
        guard let text = iconvDecode(bytes, from: "GB18030") else {
            throw FieldError(file: fileName, reason: "the file is neither UTF-8 nor GBK text")
        }
        return text
    }

    private static func containsMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            if length > 0, i + length <= bytes.count,
               bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
               String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil {
                return true
            }
            i += 1
        }
        return false
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
    private static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        if bytes.isEmpty { return "" }
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
        return String(validating: output[..<produced], as: UTF8.self)
    }
}
