import Foundation
import Testing
@testable import YoujiaoCore

/// Agency lists and policy files: every bad row named by row and field, nothing returned then.
@Suite("Aid: eligibility lists and policy files")
struct AidEligibilityTests {
    static let child = NationalID.make(areaCode: "310104", birthDate: "20150301", sequence: 124)
    static let sister = NationalID.make(areaCode: "310104", birthDate: "20170912", sequence: 126)

    func decode(_ text: String, list: EligibilityList = .minimumLivingAllowance) throws -> [EligibilityEntry] {
        try EligibilityEntry.decodeList(try CSVTable.parse(data: Data(text.utf8), fileName: "dibao.csv"), list: list)
    }

    func errors(_ text: String, list: EligibilityList = .minimumLivingAllowance) -> [FieldError] {
        do { _ = try decode(text, list: list); return [] } catch let errors as InputErrors { return errors.errors } catch {
            return [error as? FieldError].compactMap { $0 }
        }
    }

    @Test func aGoodFileReadsWithChineseHeaderAndNames() throws {
        let entries = try decode("""
            身份证号,姓名,名单,有效期起,有效期止
            \(Self.child.value),李娜,低保,2025-01-01,2026-12-31
            \(Self.sister.value.lowercased()),李小娜,minimumLivingAllowance,2025/3/1,
            """)
        #expect(entries.count == 2)
        #expect(entries[0] == EligibilityEntry(nationalID: Self.child.value, name: "李娜", list: .minimumLivingAllowance,
                                               validFrom: "2025-01-01", validTo: "2026-12-31", sourceRow: 2))
        #expect(entries[1].validFrom == "2025-03-01" && entries[1].validTo == nil, "spreadsheet dates normalised; empty end: open")
        #expect(entries[1].sourceRow == 3)
    }

    @Test func aGBKFileIsRead() throws {
        // 身份证号 姓名 名单 有效期起 有效期止 / 张伟 低保, typed as GBK bytes.
        let header: [UInt8] = [0xC9, 0xED, 0xB7, 0xDD, 0xD6, 0xA4, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x2C,
                               0xC3, 0xFB, 0xB5, 0xA5, 0x2C, 0xD3, 0xD0, 0xD0, 0xA7, 0xC6, 0xDA, 0xC6, 0xF0, 0x2C,
                               0xD3, 0xD0, 0xD0, 0xA7, 0xC6, 0xDA, 0xD6, 0xB9, 0x0D, 0x0A]
        let row = Array("\(Self.child.value),".utf8) + GBK.张伟 + [0x2C, 0xB5, 0xCD, 0xB1, 0xA3] + Array(",2025-01-01,2025-12-31\r\n".utf8)
        let table = try CSVTable.parse(data: Data(header + row), fileName: "gbk.csv")
        let entries = try EligibilityEntry.decodeList(table, list: .minimumLivingAllowance)
        #expect(entries.map(\.name) == ["张伟"])
        #expect(entries[0].list == .minimumLivingAllowance)
    }

    @Test func duplicateRowsBadCheckCharactersAndReversedDatesAreNamed() {
        var bad = Self.sister.value
        bad = String(bad.dropLast()) + (bad.last == "1" ? "2" : "1")
        let found = errors("""
            national_id,name,list,valid_from,valid_to
            \(Self.child.value),李娜,低保,2025-01-01,2025-12-31
            \(Self.child.value),李娜,低保,2025-01-01,2025-12-31
            \(bad),李小娜,低保,2025-01-01,2025-12-31
            \(NationalID.make(areaCode: "310101", birthDate: "20160101", sequence: 3).value),王五,低保,2025-09-01,2025-03-01
            """)
        #expect(found.map(\.row) == [3, 4, 5])
        #expect(found.map(\.field) == ["national_id", "national_id", "valid_to"])
        #expect(found[0].reason.contains("the same national_id as row 2"))
        #expect(found[1].reason.contains("wrong check character"))
        #expect(found[2].reason.contains("before valid_from"))
        #expect(found.allSatisfy { $0.file == "dibao.csv" })
        #expect(!found.map(\.description).joined().contains(Self.child.value), "no full ID number in a message")
    }

    @Test func otherBadCellsAreAllReported() {
        let found = errors("""
            national_id,name,list,valid_from,valid_to
            3.10104E+17,李娜,低保,2025-01-01,
            \(Self.child.value),,低保,2025-02-30,
            \(Self.sister.value),李小娜,救济,2025-01-01,someday
            """)
        #expect(found.map { "\($0.row!):\($0.field!)" } == ["2:national_id", "3:name", "3:valid_from", "4:list", "4:valid_to"])
        #expect(found[0].reason.contains("format the column as text"))
        #expect(found[3].reason.contains("minimumLivingAllowance (低保)"))
    }

    @Test func aRowOfAnotherListIsRefused() {
        let found = errors("""
            national_id,name,list,valid_from,valid_to
            \(Self.child.value),李娜,孤儿,2025-01-01,
            """)
        #expect(found.count == 1 && found[0].row == 2 && found[0].field == "list")
        #expect(found[0].reason.contains("imported as minimumLivingAllowance"))
    }

    @Test func aMissingColumnIsReported() {
        let found = errors("national_id,name,valid_from,valid_to\n\(Self.child.value),李娜,2025-01-01,\n")
        #expect(found.count == 1 && found[0].row == 1 && found[0].field == "list")
    }

    @Test func entriesCoverTheSchoolYearsTheyOverlap() {
        let entry = EligibilityEntry(nationalID: Self.child.value, name: "李娜", list: .orphan, validFrom: "2025-01-01", validTo: "2025-08-31")
        #expect(entry.covers(schoolYear: 2024))
        #expect(!entry.covers(schoolYear: 2025), "ended the day before school year 2025 began")
        var open = entry
        open.validTo = nil
        #expect(open.covers(schoolYear: 2030) && !open.covers(schoolYear: 2023))
        #expect(SchoolYear.containing("2025-09-01") == 2025 && SchoolYear.containing("2026-08-31") == 2025)
    }

    @Test func listNamesReadInEitherLanguage() {
        #expect(EligibilityList(name: "特困") == .extremePoverty)
        #expect(EligibilityList(name: "ORPHAN") == .orphan)
        #expect(EligibilityList(name: "poor") == nil)
    }

    @Test func policiesRoundTripAndBadPolicyRowsAreNamed() throws {
        let text = AidPolicy.csvDocument(AidPolicy.shanghaiDefaults)
        let table = try CSVTable.parse(text: text, fileName: "policies.csv")
        let back = try AidPolicy.csvDecode(table: table, references: RegistryReferences())
        #expect(back == AidPolicy.shanghaiDefaults)

        let header = AidPolicy.csvHeader.joined(separator: ",")
        let bad = try CSVTable.parse(text: """
            \(header)
            bad id!,名,Name,低保,,,,,,2020,
            empty,名,Name,低保;低保,,,,,,2025,2024
            nolist,名,Name,救济,,100,,,,2020,
            """, fileName: "policies.csv")
        #expect {
            _ = try AidPolicy.csvDecode(table: bad, references: RegistryReferences())
        } throws: { error in
            let found = (error as? InputErrors)?.errors.map { "\($0.row!):\($0.field!)" } ?? []
            return found == ["2:id", "2:primary", "3:lists", "3:primary", "3:last_year", "4:lists"]
        }
    }
}
