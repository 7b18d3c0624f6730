import Foundation
import Testing
import YoujiaoCore
@testable import YoujiaoViews

@Suite("Formatting for people")
struct FormatTests {
    @Test func numbersAreGroupedByThousands() {
        #expect(Format.number(0) == "0")
        #expect(Format.number(999) == "999")
        #expect(Format.number(1_000) == "1,000")
        #expect(Format.number(-1_234_567) == "-1,234,567")
        #expect(Format.number(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test func decimalsAreRoundedAndRefuseNonFinite() {
        #expect(Format.decimal(1234.5, digits: 2) == "1,234.50")
        #expect(Format.decimal(0.456, digits: 2) == "0.46")
        #expect(Format.decimal(-0.004, digits: 2) == "0.00")
        #expect(Format.decimal(-2.5, digits: 1) == "-2.5")
        #expect(Format.decimal(.nan, digits: 2) == nil)
        #expect(Format.decimal(.infinity, digits: 2) == nil)
        #expect(Format.decimal(1e300, digits: 2) == nil)
        #expect(Format.decimal(1, digits: 99) == nil)
    }

    @Test func storedUTCTimesAreShownInBeijingTime() {
        #expect(Format.beijingTime(iso: "2026-09-01T06:30:00Z") == Phrase(zh: "2026-09-01 14:30（北京时间）", en: "2026-09-01 14:30 Beijing time"))
        // Past midnight in Beijing, with fractional seconds, on the last day of the year.
        #expect(Format.beijingTime(iso: "2026-12-31T16:30:59.999Z")?.zh == "2027-01-01 00:30（北京时间）")
        #expect(Format.beijingTime(iso: "2026-03-01T02:00:00+08:00")?.zh == "2026-03-01 02:00（北京时间）")
        #expect(Format.beijingTime(iso: "2026-03-01T00:00:00-05:30")?.zh == "2026-03-01 13:30（北京时间）")
        #expect(Format.beijingMinute(Date(timeIntervalSince1970: -1)) == "1970-01-01 07:59")
    }

    @Test func malformedTimesAreNotShown() {
        for bad in ["", "2026-09-01", "yesterday", "2026-13-01T00:00:00Z", "2026-09-01 06:30:00", "2026-09-01T06:30:00",
                    "2026-09-01T24:00:00Z", "2026-09-01T06:60:00Z", "2026-09-01T06:30:60Z", "2026-02-30T06:30:00Z",
                    "2026-09-01T06:30:00.Z", "2026-09-01T06:30:00.5", "2026-09-01T06:30:00+8", "2026-09-01T06:30:00+08:00Z",
                    "2026-09-01T06:30:00ZZ", "2026/09/01T06:30:00Z", "2026-09-01T6:30:00Z ", "２０２６-09-01T06:30:00Z"] {
            #expect(Format.beijingTime(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func ageIsInWholeYearsOnly() {
        let today = CaseDate(year: 2026, month: 5, day: 3)
        #expect(Format.age(birthDate: "2019-05-03", on: today) == .ageInYears(7))
        #expect(Format.age(birthDate: "2019-05-04", on: today) == .ageInYears(6))
        #expect(Format.age(birthDate: "2025-06-01", on: today) == Phrase(zh: "0 岁", en: "0 years old"))
        #expect(Format.age(birthDate: "2020-02-29", on: CaseDate(year: 2021, month: 2, day: 28))?.en == "0 years old")
        #expect(Format.age(birthDate: "2020-02-29", on: CaseDate(year: 2021, month: 3, day: 1)) == Phrase(zh: "1 岁", en: "1 year old"))
    }

    @Test func badOrFutureBirthDatesGiveNoAge() {
        let today = CaseDate(year: 2026, month: 5, day: 3)
        for bad in ["", "2019-02-30", "2019/13/01", "abcd-ef-gh", "2026-05-04", "1800-01-01"] {
            #expect(Format.age(birthDate: bad, on: today) == nil, "\(bad)")
        }
    }

    @Test func moneyIsInYuan() {
        #expect(Phrase.yuan(1_500) == Phrase(zh: "1,500 元", en: "¥1,500"))
    }
}
