import Foundation

/// What of a child's birth may stand beside a masked ID number. The eight hidden digits of a masked
/// number ARE the birth date, and the check character is shown: with the full date beside it the whole
/// number can be rebuilt. A whole-year age (or the birth year) leaves a year of possible dates, about
/// 33 numbers that pass the check, which is what pages, CSV files and the API show instead.
public enum MaskedBirth {
    /// Age in whole years on `today` (Shanghai), nil when the stored date does not parse.
    public static func age(birthDate: String, on today: CaseDate = .today()) -> Int? {
        CaseDate(birthDate)?.age(on: today)
    }

    /// The birth year alone, for system clients that need a cohort rather than an age.
    public static func year(birthDate: String) -> Int? { CaseDate(birthDate)?.year }

    /// How many full ID numbers agree with a masked one and a span of possible birth dates: the
    /// measure behind the rule (1 means the number is given away).
    public static func candidateCount(masked: String, bornFrom first: CaseDate, through last: CaseDate) -> Int {
        let characters = Array(masked)
        guard characters.count == 18, first <= last, first.days(until: last) <= 366 * 120 else { return 0 }
        let area = String(characters[0..<6]), sequence = String(characters[14..<17]), check = characters[17]
        var count = 0
        var date = first
        while date <= last {
            let digits = area + String(format: "%04d%02d%02d", date.year, date.month, date.day) + sequence
            if NationalID.checkCharacter(forFirst17: digits) == check { count += 1 }
            date = date.adding(days: 1)
        }
        return count
    }
}
