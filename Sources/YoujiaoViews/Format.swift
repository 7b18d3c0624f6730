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
        guard let date = Timestamp.date(iso) else { return nil }
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
}
