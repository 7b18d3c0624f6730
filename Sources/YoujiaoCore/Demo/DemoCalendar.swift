import Foundation

/// Every day from 1940-01-01 to 2025-12-31 with its two spellings, built once, so that millions
/// of birth dates cost an array lookup instead of date formatting.
struct DemoCalendar: Sendable {
    static let firstYear = 1940
    static let lastYear = DemoCalibration.currentYear
    static let shared = DemoCalendar()

    /// "yyyyMMdd", as inside a national ID.
    let compact: [String]
    /// "yyyy-MM-dd" (ISO 8601).
    let iso: [String]
    /// Index of 1 January of each year, plus one past the end.
    private let yearStarts: [Int]

    private init() {
        var compact: [String] = [], iso: [String] = [], yearStarts: [Int] = []
        for year in DemoCalendar.firstYear...DemoCalendar.lastYear {
            yearStarts.append(compact.count)
            for month in 1...12 {
                for day in 1...DemoCalendar.daysIn(month: month, year: year) {
                    let y = String(year), m = DemoCalendar.twoDigits(month), d = DemoCalendar.twoDigits(day)
                    compact.append(y + m + d)
                    iso.append(y + "-" + m + "-" + d)
                }
            }
        }
        yearStarts.append(compact.count)
        self.compact = compact; self.iso = iso; self.yearStarts = yearStarts
    }

    var dayCount: Int { compact.count }

    /// Day index of 1 January of `year`.
    func start(of year: Int) -> Int { yearStarts[year - DemoCalendar.firstYear] }

    /// Days of the school-year cohort born 1 September (birthYear − 1) … 31 August birthYear: the
    /// children who enter grade 1 in birthYear + 6 (Shanghai's cut-off).
    func cohortDays(birthYear: Int) -> Range<Int> {
        let september = start(of: birthYear - 1) + DemoCalendar.dayOfYear(month: 9, day: 1, year: birthYear - 1)
        let nextSeptember = start(of: birthYear) + DemoCalendar.dayOfYear(month: 9, day: 1, year: birthYear)
        return september..<nextSeptember
    }

    /// Days of a calendar year.
    func days(of year: Int) -> Range<Int> { start(of: year)..<yearStarts[year - DemoCalendar.firstYear + 1] }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Zero-based day of the year.
    static func dayOfYear(month: Int, day: Int, year: Int) -> Int {
        (1..<month).reduce(0) { $0 + daysIn(month: $1, year: year) } + day - 1
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}
