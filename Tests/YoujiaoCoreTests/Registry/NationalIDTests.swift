import Foundation
import Testing
@testable import YoujiaoCore

@Suite("National ID numbers (GB 11643)")
struct NationalIDTests {
    /// The worked example of GB 11643-1999 itself.
    static let standardExample = "11010519491231002X"

    @Test func standardExampleIsValid() throws {
        let id = try NationalID(NationalIDTests.standardExample)
        #expect(id.birthDate == "1949-12-31")
        #expect(id.gender == .female)
        #expect(id.areaCode == "110105")
        #expect(id.masked == "110105********002X")
        #expect("\(id)" == id.masked)
    }

    @Test func lowerCaseXIsAcceptedAndStoredUpperCase() throws {
        let id = try NationalID(" 11010519491231002x ")
        #expect(id.value == NationalIDTests.standardExample)
    }

    @Test func wrongCheckCharacterIsRefused() {
        #expect(throws: NationalID.Problem.wrongCheckCharacter(expected: "X", found: "3")) {
            try NationalID("110105194912310023")
        }
    }

    @Test func thirtyFirstOfFebruaryIsRefusedEvenWithAMatchingCheckCharacter() {
        let first17 = "31010420150231123"
        let number = first17 + String(NationalID.checkCharacter(forFirst17: first17))
        #expect(throws: NationalID.Problem.invalidBirthDate("20150231")) { try NationalID(number) }
    }

    @Test func leapDaysFollowTheGregorianRules() throws {
        #expect(try NationalID(NationalID.make(areaCode: "310104", birthDate: "20160229", sequence: 12).value).birthDate == "2016-02-29")
        #expect(try NationalID(NationalID.make(areaCode: "310104", birthDate: "20000229", sequence: 12).value).birthDate == "2000-02-29")
        for date in ["20150229", "19000229", "20151301", "20150400", "18991231"] {
            let number = NationalID.make(areaCode: "310104", birthDate: date, sequence: 12).value
            #expect(throws: NationalID.Problem.invalidBirthDate(date)) { try NationalID(number) }
        }
    }

    @Test func futureBirthDateIsRefused() {
        let number = NationalID.make(areaCode: "310104", birthDate: "20300101", sequence: 1).value
        let today = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01
        #expect(throws: NationalID.Problem.futureBirthDate("2030-01-01")) { try NationalID(number, today: today) }
    }

    @Test func malformedNumbersAreRefused() {
        #expect(throws: NationalID.Problem.wrongLength(17)) { try NationalID("11010519491231002") }
        #expect(throws: NationalID.Problem.wrongLength(15)) { try NationalID("110105491231002") }
        #expect(throws: NationalID.Problem.notDigits) { try NationalID("1101051949123100X2") }
        #expect(throws: NationalID.Problem.notDigits) { try NationalID("11010519491231００2X") }
    }

    @Test func madeNumbersAreValidAndCarryGender() throws {
        let boy = NationalID.make(areaCode: "310115", birthDate: "20180907", sequence: 31)
        let girl = NationalID.make(areaCode: "310115", birthDate: "20180907", sequence: 32)
        #expect(try NationalID(boy.value) == boy)
        #expect(boy.gender == .male && girl.gender == .female)
        #expect(boy.birthDate == "2018-09-07")
    }

    @Test func surroundingSpacesAreIgnoredButInnerOnesAreNot() throws {
        #expect(try NationalID("\t11010519491231002X\u{3000}").value == NationalIDTests.standardExample)
        #expect(throws: NationalID.Problem.notDigits) { try NationalID("110105 19491231002") }
        #expect(throws: NationalID.Problem.wrongLength(6)) { try NationalID("１１０１０５") }
    }

    /// Today's date in Shanghai, from arithmetic, agrees with Foundation's calendar, midnights included.
    @Test func shanghaiDayMatchesTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let midnights: [TimeInterval] = [-16 * 3600, 1_709_222_400 - 8 * 3600]   // 1970-01-01, 2024-03-01 in Shanghai
        let instants = midnights.flatMap { [$0 - 1, $0] }
            + stride(from: 694_224_000.0, to: 4_102_444_800, by: 86_400 * 37.3).map { $0 }   // 1992…2100
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(NationalID.dayString(date) == expected, "\(instant)")
        }
    }

    @Test func maskKeepsFirstSixAndLastFour() {
        #expect(NationalID.mask("31010420150301123X") == "310104********123X")
        #expect(NationalID.mask("12345") == "*****")
    }
}
