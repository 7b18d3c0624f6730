import Foundation
import Testing
@testable import YoujiaoCore

/// What a teacher account may read, the home a teacher enters (every bad entry refused by field),
/// the personnel file of homes, and the usernames officials choose.
@Suite("Teacher accounts and homes")
struct TeacherAccountTests {
    static let teacher = NationalID.make(areaCode: "310101", birthDate: "19800505", sequence: 51).value
    static let references = RegistryReferences(schoolStages: ["3101010001": [.primary]], teacherIDs: [teacher])

    @Test func aTeacherAccountSeesOnlyItsOwnRecord() {
        let own = AccessScope(role: .teacher, districtCode: "310101", schoolID: "3101010001", teacherID: "t1")
        #expect(own.canSeeTeacher(id: "t1", schoolID: "3101010001", districtCode: "310101"))
        #expect(!own.canSeeTeacher(id: "t2", schoolID: "3101010001", districtCode: "310101"), "not a colleague at the same school")
        #expect(!own.canSeeSchool(id: "3101010001", districtCode: "310101") && !own.canSeeDistrict("310101"))
        #expect(!own.canSeeStudent(schoolID: "3101010001", schoolDistrict: "310101", guardianIDs: []))
        #expect(!own.canListPupils(schoolID: "3101010001", districtCode: "310101"))
        #expect(!own.canIssueTeacherAccount(schoolID: "3101010001", districtCode: "310101"))
        #expect(!Role.teacher.isStaff && Role.teacher.isEmployee, "a teacher signs in with a second factor but opens no staff page")

        let school = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "3101010001")
        #expect(school.canSeeTeacher(id: "t2", schoolID: "3101010001", districtCode: "310101"))
        #expect(!school.canSeeTeacher(id: "t3", schoolID: "3101010002", districtCode: "310101"))
        #expect(school.canIssueTeacherAccount(schoolID: "3101010001", districtCode: "310101"))
        #expect(AccessScope(role: .districtAdmin, districtCode: "310101").canIssueTeacherAccount(schoolID: "3101010002", districtCode: "310101"))
        #expect(!AccessScope(role: .districtAdmin, districtCode: "310104").canIssueTeacherAccount(schoolID: "3101010002", districtCode: "310101"))
        let guardian = AccessScope(role: .guardian, guardianID: "g1", teacherID: "t1")
        #expect(!guardian.canSeeTeacher(id: "t1", schoolID: "3101010001", districtCode: "310101"), "only a teacher account reads as the teacher")
    }

    func parse(_ latitude: String, _ longitude: String) -> Result<TeacherHome, TeacherHome.Problem> {
        TeacherHome.parse(latitude: latitude, longitude: longitude, teacherNationalID: Self.teacher, schoolLatitude: 31.23, schoolLongitude: 121.48)
    }

    @Test func aHomeIsReadToAbout100MetresAndEveryBadEntryIsNamed() throws {
        let home = try parse(" 31.22049", "121.47051 ").get()
        #expect(home.latitude == 31.22 && home.longitude == 121.471)
        #expect(TeacherHome.fromStored(home.storedText) == TeacherHome(teacherNationalID: "", latitude: 31.22, longitude: 121.471))
        let cases: [(String, String, TeacherHome.Problem)] = [
            ("", "121.4", .latitudeNotANumber), ("abc", "121.4", .latitudeNotANumber), ("1e1", "121.4", .latitudeNotANumber),
            ("nan", "121.4", .latitudeNotANumber), ("inf", "121.4", .latitudeNotANumber), (".5", "121.4", .latitudeNotANumber),
            ("31.", "121.4", .latitudeNotANumber), ("3.1.2", "121.4", .latitudeNotANumber), ("--31", "121.4", .latitudeNotANumber),
            (String(repeating: "9", count: 400), "121.4", .latitudeNotANumber), ("90.5", "121.4", .latitudeOutOfRange),
            ("31.2", "", .longitudeNotANumber), ("31.2", "１２１", .longitudeNotANumber), ("31.2", "-180.01", .longitudeOutOfRange),
            ("39.9042", "116.4074", .farFromSchool(kilometres: 1_067)),
        ]
        for (latitude, longitude, problem) in cases {
            guard case .failure(let found) = parse(latitude, longitude) else { Issue.record("\(latitude), \(longitude) accepted"); continue }
            if case .farFromSchool = problem, case .farFromSchool(let km) = found {
                #expect((1_000...1_100).contains(km), "Beijing is about 1,070 km from Shanghai: \(km)")
            } else {
                #expect(found == problem, "\(latitude), \(longitude)")
            }
        }
        #expect(TeacherHome.Problem.latitudeOutOfRange.field == "latitude" && TeacherHome.Problem.farFromSchool(kilometres: 200).field == "longitude")
        #expect(TeacherHome.fromStored("91,0") == nil && TeacherHome.fromStored("x") == nil)
    }

    @Test func thePersonnelFileOfHomesIsReadAndEveryBadFieldIsNamed() throws {
        let t = Self.teacher
        let good = "national_id,home_latitude,home_longitude\n\(t),31.2,121.45\n"
        let homes = try TeacherHome.csvDecode(table: try CSVTable.parse(text: good, fileName: "homes.csv"), references: Self.references)
        #expect(homes == [TeacherHome(teacherNationalID: t, latitude: 31.2, longitude: 121.45)])
        #expect(TeacherHome.csvDocument(homes) == good, "export writes what import reads")
        let chinese = try TeacherHome.csvDecode(table: try CSVTable.parse(text: "身份证号,住址纬度,住址经度\n\(t),31.2,121.45\n", fileName: "homes.csv"),
                                                references: Self.references)
        #expect(chinese == homes, "the Chinese labels are read too")

        let other = NationalID.make(areaCode: "310101", birthDate: "19810505", sequence: 52).value
        do {
            _ = try TeacherHome.csvDecode(table: try CSVTable.parse(text: """
                national_id,home_latitude,home_longitude
                \(other),31.2,121.45
                \(t),95,121.45
                \(t),31.2,abc
                """, fileName: "homes.csv"), references: Self.references)
            Issue.record("a bad file was read")
        } catch let error as InputErrors {
            let found = error.errors.map { "row \($0.row ?? 0) \($0.field ?? "")" }
            #expect(found.contains("row 2 national_id") && found.contains("row 3 home_latitude") && found.contains("row 4 home_longitude"), "\(found)")
            #expect(error.errors.allSatisfy { $0.file == "homes.csv" })
            #expect(!error.errors.map(\.reason).joined().contains(other), "the ID number is not repeated in the error")
        }
        #expect(throws: InputErrors.self) {
            try TeacherHome.csvDecode(table: try CSVTable.parse(text: "national_id,home_lat\n\(t),31.2\n", fileName: "homes.csv"), references: Self.references)
        }
    }

    @Test func usernamesOfficialsChooseAreChecked() {
        for good in ["t-zhang", "abc", "zhang.san_01", String(repeating: "a", count: 40)] { #expect(AccountNames.isValid(good), "\(good)") }
        for bad in ["", "ab", "Zhang", "张三", "t zhang", "t-zhang;", String(repeating: "a", count: 41), "ｔ-zhang"] { #expect(!AccountNames.isValid(bad), "\(bad)") }
        let suggestion = AccountNames.suggestion(forTeacherID: "3F2A01C9-1234-4bcd-9876-aabbccddeeff")
        #expect(suggestion == "t-bbccddeeff" && AccountNames.isValid(suggestion))
        // Two demo teachers loaded together: ids that share their counting first half still differ.
        #expect(AccountNames.suggestion(forTeacherID: "0193a5b2-4c00-0001-8f1e-2b7c9d0a4e61")
                != AccountNames.suggestion(forTeacherID: "0193a5b2-4c00-0002-51d3-77a0c6e9b812"))
    }
}
