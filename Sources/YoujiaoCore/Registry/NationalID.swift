import Foundation

/// A citizen identity number checked to GB 11643-1999: 6-digit area code, 8-digit birth date,
/// 3-digit sequence (odd for men, even for women) and a check character.
public struct NationalID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 18 characters, upper-case X.
    public let value: String

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case wrongLength(Int)
        case notDigits
        case invalidBirthDate(String)
        case futureBirthDate(String)
        case wrongCheckCharacter(expected: Character, found: Character)

        public var description: String {
            switch self {
            case .wrongLength(let n): return "an ID number has 18 characters, this one has \(n)"
            case .notDigits: return "the first 17 characters must be digits and the last a digit or X"
            case .invalidBirthDate(let d): return "characters 7–14 (\(d)) are not a real date"
            case .futureBirthDate(let d): return "the birth date \(d) is in the future"
            case .wrongCheckCharacter(let expected, let found):
                return "wrong check character \(found) (GB 11643 gives \(expected)); the number was mistyped"
            }
        }

        /// The same in Chinese, for the forms families fill in.
        public var zh: String {
            switch self {
            case .wrongLength(let n): return "身份证件号应为 18 位，您输入了 \(n) 位"
            case .notDigits: return "前 17 位应为数字，最后一位为数字或 X"
            case .invalidBirthDate(let d): return "第 7–14 位（\(d)）不是有效的出生日期"
            case .futureBirthDate(let d): return "出生日期 \(d) 晚于今天"
            case .wrongCheckCharacter(let expected, let found):
                return "校验码应为 \(expected)，您输入的是 \(found)，号码可能输错了"
            }
        }
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Validates and normalises (a lower-case x becomes X).
    public init(_ text: String, today: Date = Date()) throws(Problem) {
        var bytes = Array(text.utf8)
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        let padded = bytes.first.map(NationalID.isSpace) == true || bytes.last.map(NationalID.isSpace) == true
        // Most numbers are 18 plain ASCII characters; anything else takes Foundation's Unicode-aware
        // trimming (an ideographic space counts) and counts characters for the message.
        if !(ascii && !padded && bytes.count == 18) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let length = trimmed.count
            guard length == 18 else { throw .wrongLength(length) }
            bytes = Array(trimmed.utf8)
        }
        if bytes.last == UInt8(ascii: "x") { bytes[bytes.count - 1] = UInt8(ascii: "X") }
        guard bytes.count == 18, bytes[0..<17].allSatisfy(NationalID.isDigit),
              NationalID.isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else { throw .notDigits }
        let digits = String(decoding: bytes[6..<14], as: UTF8.self)
        guard let birth = NationalID.birthDate(fromDigits: digits) else { throw .invalidBirthDate(digits) }
        if birth > NationalID.dayString(today) { throw .futureBirthDate(birth) }
        let expected = NationalID.checkCharacter(forFirst17: String(decoding: bytes[0..<17], as: UTF8.self))
        let found = Character(Unicode.Scalar(bytes[17]))
        guard expected == found else { throw .wrongCheckCharacter(expected: expected, found: found) }
        value = String(decoding: bytes, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private init(unchecked value: String) { self.value = value }

    public var description: String { masked }

    /// First 6 and last 4 kept: 310104********123X (DESIGN.md §4).
    public var masked: String { NationalID.mask(value) }

    /// ISO birth date yyyy-MM-dd.
    public var birthDate: String {
        NationalID.birthDate(fromDigits: String(decoding: Array(value.utf8)[6..<14], as: UTF8.self))!
    }

    /// The 17th character: odd for male, even for female.
    public var gender: Gender { Array(value.utf8)[16] % 2 == 1 ? .male : .female }

    public var areaCode: String { String(value.prefix(6)) }

    /// Masks any string the way IDs are shown; short or malformed values are masked whole.
    public static func mask(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars[0..<6]) + String(repeating: "*", count: chars.count - 10) + String(chars[(chars.count - 4)...])
    }

    public static func checkCharacter(forFirst17 digits: String) -> Character {
        var sum = 0
        for (digit, weight) in zip(digits.utf8, weights) { sum += Int(digit - UInt8(ascii: "0")) * weight }
        return checkCharacters[sum % 11]
    }

    /// Builds a valid number, for synthetic data (the demo city) and tests.
    /// - Parameters: birthDate as yyyyMMdd; sequence 0…999 (parity must match the gender wanted).
    public static func make(areaCode: String, birthDate: String, sequence: Int) -> NationalID {
        let sequenceDigits = String(sequence)
        let first17 = areaCode + birthDate + String(repeating: "0", count: max(0, 3 - sequenceDigits.count)) + sequenceDigits
        return NationalID(unchecked: first17 + String(checkCharacter(forFirst17: first17)))
    }

    static func birthDate(fromDigits digits: String) -> String? {
        guard digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.suffix(2)), year >= 1900, (1...12).contains(month),
              (1...CaseDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        return CaseDate(year: year, month: month, day: day).description
    }

    /// The calendar date in Shanghai, as yyyy-MM-dd.
    static func dayString(_ date: Date) -> String { CaseDate.today(now: date).description }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
