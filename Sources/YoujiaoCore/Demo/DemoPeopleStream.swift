import Foundation

/// The people of one school: its pupils, their guardians and its teachers.
public struct DemoBatch: Sendable {
    public let school: School
    public let students: [Student]
    /// Each guardian once; a guardian of siblings in this school lists both children.
    public let guardians: [Guardian]
    public let teachers: [Teacher]
}

/// Yields the demo city's people one school at a time, in `DemoCity.schools` order. National IDs
/// are unique across the whole stream; each school's people depend only on the seed and the
/// school (and on the IDs already issued).
public struct DemoPeopleStream: Sendable {
    let city: DemoCity
    private var identities = DemoIdentities()
    /// Schools already yielded, for progress reports.
    public private(set) var schoolsDone = 0

    init(city: DemoCity) { self.city = city }

    public var schoolCount: Int { city.schools.count }
    public var fractionDone: Double { schoolCount == 0 ? 1 : Double(schoolsDone) / Double(schoolCount) }

    /// The next school's people, or nil when every school has been yielded.
    public mutating func nextBatch() -> DemoBatch? {
        guard schoolsDone < city.schools.count else { return nil }
        defer { schoolsDone += 1 }
        var random = DemoRandom(seed: city.randomSeed, stream: 2, UInt64(schoolsDone))
        var people = DemoSchoolPeople(city: city, school: schoolsDone)
        people.makePupils(identities: &identities, random: &random)
        people.makeTeachers(identities: &identities, random: &random)
        return DemoBatch(school: city.schools[schoolsDone], students: people.students,
                         guardians: people.guardians, teachers: people.teachers)
    }
}

/// Builds one school's people.
struct DemoSchoolPeople {
    let city: DemoCity
    let index: Int
    let school: School
    let kind: DemoSchoolKind
    let district: Int
    private(set) var students: [Student] = []
    private(set) var guardians: [Guardian] = []
    var teachers: [Teacher] = []
    /// Classes formed in each grade (kindergarten staffing counts them).
    private(set) var classes: [Grade: Int] = [:]

    /// A household: children of one stage of this school may share it (siblings).
    private struct Family {
        let surname: String
        let hukou: Hukou
        let area: Int
        let zoneIndex: Int?
        let guardianIndices: [Int]
    }

    /// Assumption: 10% of pupils have a sibling in another grade of the same school stage.
    static let siblingShare = 0.10
    /// Assumption: 80% of children have both parents as guardians, 10% the mother alone, 5% the
    /// father alone, 5% a grandparent (隔代).
    static let guardianPatterns = WeightedTable<[String]>([
        (["father", "mother"], 0.80), (["mother"], 0.10), (["father"], 0.05), (["grandparent"], 0.05),
    ])

    init(city: DemoCity, school: Int) {
        self.city = city
        index = school
        self.school = city.schools[school]
        kind = city.schoolKind[school]
        district = city.schoolDistrict[school]
    }

    var place: DistrictCalibration { DemoCalibration.districts[district] }

    mutating func makePupils(identities: inout DemoIdentities, random: inout DemoRandom) {
        let calendar = DemoCalendar.shared
        let isSpecial = kind == .special
        for stage in kind.stages {
            var families: [Family] = []
            for grade in stage.grades {
                let count = city.pupilsPerGrade[index][grade] ?? 0
                guard count > 0 else { continue }
                let classCount = Self.classCount(pupils: count, grade: grade, special: isSpecial,
                                                 overCap: random.chance(DemoCalibration.overCapChance(place.zoneKind)))
                classes[grade] = classCount
                let birthYear = DemoCalibration.birthYear(of: grade, inSchoolYear: DemoCalibration.currentYear)
                let cohort = calendar.cohortDays(birthYear: birthYear)
                let earlierFamilies = families.count
                for pupil in 0..<count {
                    let familyIndex: Int
                    if earlierFamilies > 0 && random.chance(Self.siblingShare) {
                        familyIndex = random.below(earlierFamilies)
                    } else {
                        families.append(makeFamily(stage: stage, childBirthYear: birthYear,
                                                   identities: &identities, random: &random))
                        familyIndex = families.count - 1
                    }
                    let family = families[familyIndex]
                    let gender: Gender = random.chance(DemoCalibration.maleShareAtBirth) ? .male : .female
                    let issued = identities.issue(area: family.area, day: cohort.lowerBound + random.below(cohort.count),
                                                  gender: gender, within: cohort)
                    students.append(Student(
                        nationalID: issued.id,
                        name: DemoNames.personName(gender, surname: family.surname, random: &random),
                        gender: gender, birthDate: calendar.iso[issued.day], hukou: family.hukou,
                        residenceZoneID: family.zoneIndex.map { city.zones[$0].id }, schoolID: school.id,
                        grade: grade, classNumber: pupil * classCount / count + 1))
                    for guardian in family.guardianIndices { guardians[guardian].childNationalIDs.append(issued.id) }
                }
            }
        }
    }

    /// Classes for a grade: enough to stay at the target size, or — for the few overcrowded
    /// grades — few enough that classes run above the legal cap.
    static func classCount(pupils: Int, grade: Grade, special: Bool, overCap: Bool) -> Int {
        if overCap && !special {
            return max(1, pupils / (DemoCalibration.classCap(grade, special: false) + 4))
        }
        let target = DemoCalibration.targetClassSize(grade, special: special)
        return max(1, (pupils + target - 1) / target)
    }

    /// The zone a child of this school's stage lives in: one the school serves when it is the
    /// child's public kindergarten/primary/junior school, otherwise any zone of the district.
    private func residenceZone(stage: Stage, random: inout DemoRandom) -> Int? {
        let served: [Int]
        switch stage {
        case .kindergarten: served = city.zonesServedAsKindergarten[index]
        case .primary: served = city.zonesServedAsPrimary[index]
        case .junior: served = city.zonesServedAsJunior[index]
        default: served = []
        }
        if !served.isEmpty { return random.pick(served) }
        let districtZones = city.zonesByDistrict[district]
        return districtZones.isEmpty ? nil : random.pick(districtZones)
    }

    private mutating func makeFamily(stage: Stage, childBirthYear: Int, identities: inout DemoIdentities,
                                     random: inout DemoRandom) -> Family {
        let hukou: Hukou = random.chance(DemoCalibration.nonLocalShare(of: place, stage: stage)) ? .nonLocal : .local
        // Assumption: 90% of local children are registered in the district they live in.
        let area = hukou == .nonLocal ? DemoIdentities.otherProvinceArea(&random)
            : random.chance(0.9) ? district : random.below(DemoIdentities.shanghaiAreas)
        let surname = DemoNames.surnames.draw(&random)
        let motherAge = random.int(in: 24...38)
        var guardianIndices: [Int] = []
        for relation in Self.guardianPatterns.draw(&random) {
            let gender: Gender, age: Int, familyName: String
            switch relation {
            case "father": (gender, age, familyName) = (.male, motherAge + random.int(in: 0...4), surname)
            case "mother": (gender, age, familyName) = (.female, motherAge, DemoNames.surnames.draw(&random))
            default:
                gender = random.chance(0.5) ? .male : .female
                age = random.int(in: 50...65)
                familyName = gender == .male ? surname : DemoNames.surnames.draw(&random)
            }
            let days = DemoCalendar.shared.days(of: childBirthYear - age)
            let issued = identities.issue(area: area, day: days.lowerBound + random.below(days.count),
                                          gender: gender, within: days)
            guardianIndices.append(guardians.count)
            guardians.append(Guardian(
                nationalID: issued.id, name: DemoNames.personName(gender, surname: familyName, random: &random),
                phone: Self.mobileNumber(&random), relation: relation, childNationalIDs: []))
        }
        return Family(surname: surname, hukou: hukou, area: area,
                      zoneIndex: residenceZone(stage: stage, random: &random), guardianIndices: guardianIndices)
    }

    /// An 11-digit mainland mobile number (13x, 15x, 17x, 18x, 19x).
    static func mobileNumber(_ random: inout DemoRandom) -> String {
        let rest = String(random.below(1_000_000_000))
        return "1" + random.pick(["3", "5", "7", "8", "9"]) + String(repeating: "0", count: 9 - rest.count) + rest
    }
}
