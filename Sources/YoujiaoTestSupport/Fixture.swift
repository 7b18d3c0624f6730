import Foundation
import YoujiaoCore
import YoujiaoStore

/// A small hand-made city: two districts, one public primary school in each, two families.
public enum Fixture {
    public static let huangpu = District(code: "310101", name: "黄浦区", zoneKind: .central)
    public static let xuhui = District(code: "310104", name: "徐汇区", zoneKind: .central)
    public static let huangpuSchool = School(id: "3101010001", name: "黄浦区第一中心小学", districtCode: "310101", stages: [.primary],
                                             ownership: .public, isInclusive: false, boarding: false, entrySeats: [.g1: 200],
                                             latitude: 31.23, longitude: 121.48, schoolGroup: "黄浦学区一")
    public static let xuhuiSchool = School(id: "3101040001", name: "徐汇区汇师小学", districtCode: "310104", stages: [.primary],
                                           ownership: .public, isInclusive: false, boarding: false, entrySeats: [.g1: 180],
                                           latitude: 31.19, longitude: 121.44)
    public static let zoneA = CatchmentZone(id: "310101-Z01", districtCode: "310101", latitude: 31.231, longitude: 121.481,
                                            primarySchoolID: "3101010001", juniorSchoolID: nil)
    public static let childA = Student(nationalID: NationalID.make(areaCode: "310101", birthDate: "20170305", sequence: 11).value,
                                       name: "王小明", gender: .male, birthDate: "2017-03-05", hukou: .local, residenceZoneID: "310101-Z01",
                                       schoolID: "3101010001", grade: .g3, classNumber: 2)
    public static let childB = Student(nationalID: NationalID.make(areaCode: "310104", birthDate: "20180711", sequence: 22).value,
                                       name: "李小红", gender: .female, birthDate: "2018-07-11", hukou: .nonLocal, residenceZoneID: nil,
                                       schoolID: "3101040001", grade: .g2, classNumber: 1)
    public static let guardianA = Guardian(nationalID: NationalID.make(areaCode: "310101", birthDate: "19880101", sequence: 31).value,
                                           name: "王大明", phone: "13900000001", relation: "father", childNationalIDs: [childA.nationalID])
    public static let guardianB = Guardian(nationalID: NationalID.make(areaCode: "310104", birthDate: "19900202", sequence: 42).value,
                                           name: "李大红", phone: "13900000002", relation: "mother", childNationalIDs: [childB.nationalID])
    public static let teacherA = Teacher(nationalID: NationalID.make(areaCode: "310101", birthDate: "19850505", sequence: 51).value,
                                         name: "张老师", schoolID: "3101010001", subject: "语文", title: .first, degree: .bachelor,
                                         keyTeacherLevel: .district, specialism: .none, fullTimePsychology: false)

    /// The public kindergarten serving zone A (对口幼儿园); only `loadKindergarten` stores it, so
    /// the counts other tests expect stay.
    public static let huangpuKindergarten = School(id: "3101010007", name: "黄浦区第一幼儿园", districtCode: "310101", stages: [.kindergarten],
                                                   ownership: .public, isInclusive: true, boarding: false, entrySeats: [.k1: 60],
                                                   latitude: 31.232, longitude: 121.483)

    public static func loadKindergarten(into store: RegistryStore) async throws {
        var zone = zoneA
        zone.kindergartenSchoolID = huangpuKindergarten.id
        try await store.transaction { [zone] tx in
            try await tx.upsert(schools: [huangpuKindergarten])
            try await tx.upsert(zones: [zone])
        }
    }

    public static func load(into store: RegistryStore) async throws {
        try await store.transaction { tx in
            try await tx.upsert(districts: [huangpu, xuhui])
            try await tx.upsert(schools: [huangpuSchool, xuhuiSchool])
            try await tx.upsert(zones: [zoneA])
            try await tx.upsert(students: [childA, childB])
            try await tx.upsert(guardians: [guardianA, guardianB])
            try await tx.upsert(teachers: [teacherA])
        }
    }
}
