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

    @Test func maskKeepsFirstSixAndLastFour() {
        #expect(NationalID.mask("31010420150301123X") == "310104********123X")
        #expect(NationalID.mask("12345") == "*****")
    }
}
