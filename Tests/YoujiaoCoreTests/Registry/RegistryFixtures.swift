import Foundation
@testable import YoujiaoCore

/// A small, consistent slice of Xuhui district used by the registry CSV tests.
enum RegistryFixtures {
    static let xuhui = District(code: "310104", name: "徐汇区", zoneKind: .central)
    static let songjiang = District(code: "310117", name: "松江区", zoneKind: .newCity)

    static let primary = School(id: "3131000001", name: "徐汇区第一小学", districtCode: "310104", stages: [.primary],
                                ownership: .public, isInclusive: false, boarding: false, entrySeats: [.g1: 200],
                                latitude: 31.1884, longitude: 121.4365, schoolGroup: "徐汇学区", newQualitySchool: true)
    static let nineYear = School(id: "3131000002", name: "南洋模范\"九年一贯\", 初级中学", districtCode: "310104",
                                 stages: [.primary, .junior], ownership: .private, isInclusive: false, boarding: true,
                                 entrySeats: [.g1: 120, .g6: 0], latitude: 31.2001, longitude: 121.45,
                                 schoolGroup: "=HYPERLINK(\"http://x\")", strengtheningProgramme: true)
    static let kindergarten = School(id: "3131000003", name: "松江区@幼儿园", districtCode: "310117", stages: [.kindergarten],
                                     ownership: .private, isInclusive: true, boarding: false, entrySeats: [.k1: 90],
                                     latitude: 31.03, longitude: 121.2277)

    static let publicKindergarten = School(id: "3131000004", name: "徐汇区第一幼儿园", districtCode: "310104", stages: [.kindergarten],
                                           ownership: .public, isInclusive: true, boarding: false, entrySeats: [.k1: 75],
                                           latitude: 31.191, longitude: 121.441)

    static let zone = CatchmentZone(id: "310104-01", districtCode: "310104", latitude: 31.19, longitude: 121.44,
                                    primarySchoolID: primary.id, juniorSchoolID: nineYear.id, kindergartenSchoolID: publicKindergarten.id)
    static let zoneWithoutSchools = CatchmentZone(id: "310117-07", districtCode: "310117", latitude: 31.0, longitude: 121.2,
                                                  primarySchoolID: nil, juniorSchoolID: nil)

    /// A number whose check character is X, to test the lower-case spelling.
    static let idEndingInX = (0...999).lazy
        .map { NationalID.make(areaCode: "310104", birthDate: "20170512", sequence: $0) }
        .first { $0.value.hasSuffix("X") }!

    static let girl = student(NationalID.make(areaCode: "310104", birthDate: "20150301", sequence: 124),
                              name: "李娜", school: primary.id, grade: .g4, classNumber: 2)
    static let boy = student(NationalID.make(areaCode: "310104", birthDate: "20120820", sequence: 37),
                             name: "-张伟", school: nineYear.id, grade: .g8, classNumber: 11)
    static let toddler = Student(nationalID: idEndingInX.value, name: "王小明", gender: idEndingInX.gender,
                                 birthDate: idEndingInX.birthDate, hukou: .nonLocal, residenceZoneID: nil,
                                 schoolID: nil, grade: nil, classNumber: nil)

    static func student(_ id: NationalID, name: String, school: String, grade: Grade, classNumber: Int) -> Student {
        Student(nationalID: id.value, name: name, gender: id.gender, birthDate: id.birthDate, hukou: .local,
                residenceZoneID: zone.id, schoolID: school, grade: grade, classNumber: classNumber)
    }

    static let mother = Guardian(nationalID: NationalID.make(areaCode: "310104", birthDate: "19850611", sequence: 246).value,
                                 name: "李芳", phone: "13912345678", relation: "mother",
                                 childNationalIDs: [girl.nationalID, boy.nationalID])
    static let grandfather = Guardian(nationalID: NationalID.make(areaCode: "110105", birthDate: "19550101", sequence: 11).value,
                                      name: "王建国", phone: "+852 2345-6789", relation: "grandparent",
                                      childNationalIDs: [toddler.nationalID])

    static let mathsTeacher = Teacher(nationalID: NationalID.make(areaCode: "310104", birthDate: "19880315", sequence: 55).value,
                                      name: "陈老师", schoolID: primary.id, subject: "数学", title: .first, degree: .master,
                                      keyTeacherLevel: .district, specialism: .none, fullTimePsychology: false)
    static let counsellor = Teacher(nationalID: NationalID.make(areaCode: "310117", birthDate: "19920704", sequence: 88).value,
                                    name: "赵老师", schoolID: nineYear.id, subject: "心理健康", title: .second, degree: .bachelor,
                                    keyTeacherLevel: .none, specialism: .psychology, fullTimePsychology: true)

    static let enrollment = [
        EnrollmentCount(districtCode: "310104", year: 2024, grade: .g1, students: 9_321),
        EnrollmentCount(districtCode: "310104", year: 2024, grade: .k1, students: 0),
        EnrollmentCount(districtCode: "310117", year: 2016, grade: .g12, students: 4_100),
    ]
    static let births = [
        BirthCount(districtCode: "310104", year: 2016, births: 10_870),
        BirthCount(districtCode: "310117", year: 2016, births: 19_002),
    ]

    static var references: RegistryReferences {
        var references = RegistryReferences()
        references.add([xuhui, songjiang])
        references.add([zone, zoneWithoutSchools])
        references.add([primary, nineYear, kindergarten, publicKindergarten])
        references.add([girl, boy, toddler])
        return references
    }

    static func table(_ text: String, file: String) throws -> CSVTable {
        try CSVTable.parse(text: text, fileName: file)
    }
}
