import Foundation

/// Instants as the database stores them: ISO 8601 in UTC, "2026-12-07T21:39:34.123Z", written and
/// read by hand. Foundation's ISO8601DateFormatter cost about 110 µs to build on Linux, and one was
/// built for every audit event, change-log entry and stamped row (millions in the full-city demo).
public enum Timestamp {
    /// What ISO8601DateFormatter writes with `.withInternetDateTime` (and `.withFractionalSeconds`
    /// when `milliseconds`): the instant rounded to the millisecond, then cut to the second when
    /// the milliseconds are left out. An instant within a hair of halfway between two milliseconds
    /// may round the other way than Foundation's did; nothing compares the two.
    public static func string(_ date: Date, milliseconds: Bool = true) -> String {
        let total = Int((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, millisecond) = floorDivision(total, 1000)
        let (dayNumber, secondOfDay) = floorDivision(seconds, 86_400)
        let day = CaseDate(dayNumber: dayNumber)
        var text = day.description + "T" + twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay / 60 % 60) + ":" + twoDigits(secondOfDay % 60)
        if milliseconds {
            text += "." + (millisecond < 10 ? "00" : millisecond < 100 ? "0" : "") + String(millisecond)
        }
        return text + "Z"
    }

    /// "yyyy-MM-ddTHH:mm:ss", optional fractional seconds, then "Z" or "±HH:MM"; nil otherwise,
    /// also for a day before 1900 or after 2199 or a field out of range.
    public static func date(_ text: String) -> Date? {
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

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func twoDigitNumber(_ bytes: [UInt8], at index: Int) -> Int? {
        guard let tens = digitValue(bytes[index]), let ones = digitValue(bytes[index + 1]) else { return nil }
        return tens * 10 + ones
    }
}
