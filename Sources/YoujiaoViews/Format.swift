import Foundation
import YoujiaoCore

/// Figures, times and dates as people read them. Nothing here shows a raw code or an ISO
/// timestamp; what cannot be read is returned as nil so the page says so in words.
public enum Format {
    /// 1234567 → "1,234,567" (both languages group by thousands with a comma).
    public static func number(_ value: Int) -> String {
        // Int.min has no positive counterpart; its magnitude still prints correctly from UInt.
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A ratio or decimal figure with `digits` places, grouped: 1234.5 → "1,234.50".
    /// Non-finite values (a division by zero upstream) give nil.
    public static func decimal(_ value: Double, digits: Int) -> String? {
        guard value.isFinite, (0...6).contains(digits), abs(value) < 1e15 else { return nil }
        let scale = pow(10.0, Double(digits))
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var text = number(whole)
        if digits > 0 {
            let fractionDigits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, digits - fractionDigits.count)) + fractionDigits
        }
        return value < 0 && scaled > 0 ? "-" + text : text
    }

    /// A stored ISO 8601 timestamp (UTC, with or without fractional seconds, or with an offset)
    /// as Beijing time to the minute, "yyyy-MM-dd HH:mm" with the zone said in words.
    /// nil when the text is not a timestamp.
    public static func beijingTime(iso: String) -> Phrase? {
        guard let date = parseTimestamp(iso) else { return nil }
        return .beijingTime(beijingMinute(date))
    }

    /// "yyyy-MM-dd HH:mm" in Beijing.
    public static func beijingMinute(_ date: Date) -> String { date.beijingMinute }

    /// A child's age in whole years on `today` (Shanghai), nil for a malformed date or one after
    /// `today`. Pages show this, never the birth date nor its month, beside a masked ID number:
    /// the hidden digits are the birth date, and a whole year of possible dates is the least that
    /// keeps the number from being rebuilt from its check character.
    public static func age(birthDate: String, on today: CaseDate = .today()) -> Phrase? {
        guard let birth = CaseDate(birthDate), birth <= today else { return nil }
        return .ageInYears(birth.age(on: today))
    }

    /// "yyyy-MM-ddTHH:mm:ss", optional fractional seconds, then "Z" or "±HH:MM", read by hand:
    /// two ISO8601DateFormatters per call were a twentieth of a status page's CPU.
    private static func parseTimestamp(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let day = CaseDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = twoDigitNumber(bytes, at: 11), hour < 24,
              let minute = twoDigitNumber(bytes, at: 14), minute < 60,
              let second = twoDigitNumber(bytes, at: 17), second < 60 else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            let digitsStart = index
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                fraction += Double(digit) * scale; scale /= 10; index += 1
            }
            guard index > digitsStart, index < bytes.count else { return nil }
        }
        let offsetMinutes: Int
        if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count {
            offsetMinutes = 0
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = twoDigitNumber(bytes, at: index + 1), hours < 24, let minutes = twoDigitNumber(bytes, at: index + 4), minutes < 60 {
            offsetMinutes = (bytes[index] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
        } else {
            return nil
        }
        let seconds = day.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func twoDigitNumber(_ bytes: [UInt8], at index: Int) -> Int? {
        guard let tens = digitValue(bytes[index]), let ones = digitValue(bytes[index + 1]) else { return nil }
        return tens * 10 + ones
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
