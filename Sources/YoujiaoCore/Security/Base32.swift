/// Base32 of RFC 4648 §6, the text form of a TOTP secret that authenticator apps read and people type.
///
/// Output is upper-case without `=` padding, as the otpauth URI format asks. Input is forgiving in the
/// ways a person copying a secret by hand needs: any case, spaces between groups, trailing padding.
public enum Base32 {
    public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
        /// A character outside A–Z and 2–7; `position` counts characters of the input from 0.
        case invalidCharacter(Character, position: Int)
        /// A length no whole number of bytes encodes to (1, 3 or 6 characters past a group of 8).
        case invalidLength(Int)

        public var description: String {
            switch self {
            case let .invalidCharacter(character, position):
                "base32: character \"\(character)\" at position \(position) is not one of A–Z, 2–7"
            case let .invalidLength(count):
                "base32: \(count) characters cannot encode whole bytes"
            }
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bitCount = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bitCount += 8
            while bitCount >= 5 {
                bitCount -= 5
                output.append(alphabet[Int((buffer >> UInt32(bitCount)) & 0x1F)])
            }
            buffer &= (1 << UInt32(bitCount)) - 1
        }
        if bitCount > 0 {
            output.append(alphabet[Int((buffer << UInt32(5 - bitCount)) & 0x1F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes, ignoring case, whitespace anywhere and `=` padding at the end.
    public static func decode(_ text: String) throws(DecodingError) -> [UInt8] {
        let characters = Array(text)
        var end = characters.count
        while end > 0, characters[end - 1] == "=" || characters[end - 1].isWhitespace { end -= 1 }

        var values: [UInt8] = []
        values.reserveCapacity(end)
        for position in 0..<end {
            let character = characters[position]
            if character.isWhitespace { continue }
            guard let value = value(of: character) else {
                throw .invalidCharacter(character, position: position)
            }
            values.append(value)
        }
        guard [0, 2, 4, 5, 7].contains(values.count % 8) else { throw .invalidLength(values.count) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 5 / 8)
        var buffer: UInt32 = 0
        var bitCount = 0
        for value in values {
            buffer = (buffer << 5) | UInt32(value)
            bitCount += 5
            if bitCount >= 8 {
                bitCount -= 8
                bytes.append(UInt8((buffer >> UInt32(bitCount)) & 0xFF))
                buffer &= (1 << UInt32(bitCount)) - 1
            }
        }
        // The last 1–4 bits only fill the final character; like most decoders, their value is ignored.
        return bytes
    }

    private static func value(of character: Character) -> UInt8? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return ascii - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return ascii - UInt8(ascii: "a")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): return ascii - UInt8(ascii: "2") + 26
        default: return nil
        }
    }
}
