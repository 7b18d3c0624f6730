import Foundation

/// A calendar day in a case file (assessment, placement, plan, review, visit, hand-over), written
/// yyyy-MM-dd. Days are compared and counted with plain arithmetic on the proleptic Gregorian
/// calendar, so rules and monitoring give the same answer on every machine and time zone.
public struct CaseDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date as Chinese text reads it, "2026年3月1日", for messages people see.
    public var chineseText: String { "\(year)年\(month)月\(day)日" }

    /// yyyy-MM-dd, also yyyy/M/d and yyyyMMdd (what spreadsheets make of dates); nil when the text
    /// is not a real day between 1900 and 2199.
    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let parts: [String]
        if text.contains("-") || text.contains("/") {
            parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        } else if text.count == 8 {
            parts = [String(text.prefix(4)), String(text.dropFirst(4).prefix(2)), String(text.suffix(2))]
        } else {
            return nil
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2199).contains(year), (1...12).contains(month),
              (1...CaseDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// A day known to exist (programmer error otherwise).
    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month) && (1...CaseDate.daysIn(month: month, year: year)).contains(day), "no such day")
        self.year = year; self.month = month; self.day = day
    }

    /// Today in Shanghai (UTC+8 all year, no daylight saving since 1991), the day officials see on
    /// their calendars. Plain arithmetic: building a Calendar per ID number made an import of
    /// 250,000 pupils take seconds.
    public static func today(now: Date = Date()) -> CaseDate {
        CaseDate(dayNumber: Int(((now.timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down)))
    }

    public var description: String {
        // Not String(format:), which is slow on Linux.
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    public static func < (a: CaseDate, b: CaseDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CaseDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date (yyyy-MM-dd)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Arithmetic

    public func adding(days: Int) -> CaseDate { CaseDate(dayNumber: dayNumber + days) }

    /// The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb).
    public func adding(months: Int) -> CaseDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CaseDate(year: y, month: m, day: min(day, CaseDate.daysIn(month: m, year: y)))
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CaseDate) -> Int { other.dayNumber - dayNumber }

    /// Whole months from `self` to `other` (0 when `other` is earlier).
    public func fullMonths(until other: CaseDate) -> Int {
        guard other > self else { return 0 }
        var months = (other.year - year) * 12 + other.month - month
        if adding(months: months) > other { months -= 1 }
        return max(0, months)
    }

    /// Age in completed years on `date` of someone born on `self`.
    public func age(on date: CaseDate) -> Int {
        var age = date.year - year
        if (date.month, date.day) < (month, day) { age -= 1 }
        return age
    }

    /// The school year a day falls in, named by its autumn start (DESIGN.md §4: 2025 = 2025–26).
    public var schoolYear: Int { month >= 9 ? year : year - 1 }

    // MARK: Day numbers (days since 1970-01-01; H. Hinnant's civil-calendar algorithms)

    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
