import Foundation
import Testing
@testable import YoujiaoCore

/// Streams every school of a (small) city.
private func allBatches(_ city: DemoCity) -> [DemoBatch] {
    var stream = city.makePeopleStream()
    var batches: [DemoBatch] = []
    while let batch = stream.nextBatch() { batches.append(batch) }
    return batches
}

private func schools(_ city: DemoCity, teaching stage: Stage) -> [School] {
    city.schools.filter { $0.stages.contains(stage) }
}

@Suite("Demo city structure")
struct DemoCityStructureTests {
    static let fullCity = try! DemoCity(scale: 1, randomSeed: 2025)

    @Test("the 16 real districts with their GB/T 2260 codes and zone kinds")
    func districts() throws {
        let city = try DemoCity(scale: 0.01, randomSeed: 1)
        #expect(city.districts.count == 16)
        #expect(city.districts.first == District(code: "310101", name: "黄浦区", zoneKind: .central))
        #expect(city.districts.last == District(code: "310151", name: "崇明区", zoneKind: .outer))
        let kinds = Dictionary(uniqueKeysWithValues: city.districts.map { ($0.name, $0.zoneKind) })
        for name in ["嘉定区", "松江区", "青浦区", "奉贤区", "浦东新区"] { #expect(kinds[name] == .newCity) }
        for name in ["宝山区", "金山区"] { #expect(kinds[name] == .northSouth) }
        #expect(city.districts.filter { $0.zoneKind == .central }.count == 7)
    }

    @Test("scale 1 has about 1,700 kindergartens, 680 primary, 620 junior, 260 senior, 30 special schools")
    func fullScaleCounts() {
        let city = Self.fullCity
        let expected: [(Stage, Int)] = [(.kindergarten, 1_700), (.primary, 680), (.junior, 620), (.senior, 260), (.special, 30)]
        for (stage, target) in expected {
            let count = schools(city, teaching: stage).count
            #expect(abs(Double(count - target)) <= 0.05 * Double(target), "\(stage): \(count) schools")
        }
        let nineYear = city.schools.filter { $0.stages == [.primary, .junior] }.count
        #expect(nineYear > 100 && nineYear < 200, "\(nineYear) nine-year schools")
    }

    @Test("every district has every ordinary stage at any scale, a public and a private school for each campaign's entry grade; the city has a special school",
          arguments: [0.0001, 0.01, 0.02, 0.1])
    func everyDistrictHasEveryStage(scale: Double) throws {
        let city = try DemoCity(scale: scale, randomSeed: 3)
        for district in city.districts {
            let local = city.schools.filter { $0.districtCode == district.code }
            for stage in [Stage.kindergarten, .primary, .junior, .senior] {
                #expect(local.contains { $0.stages.contains(stage) }, "\(district.name) lacks \(stage)")
            }
            for grade in Campaign.entryGrades {
                for ownership in Ownership.allCases {
                    #expect(local.contains { $0.entrySeats[grade] != nil && $0.ownership == ownership },
                            "\(district.name) lacks a \(ownership) school admitting to grade \(grade.rawValue)")
                }
            }
        }
        #expect(!schools(city, teaching: .special).isEmpty)
    }

    @Test("at scale 1 every district already has its private schools by the calibrated shares (the minimum adds none)")
    func privateMinimumOnlyActsAtSmallScales() {
        let city = Self.fullCity
        for district in city.districts {
            for kind in DemoSchoolKind.allCases where DemoCalibration.minimumPrivateSchools(kind) > 0 {
                let local = city.schools.indices.filter { city.schools[$0].districtCode == district.code && city.schoolKind[$0] == kind }
                let privateCount = local.filter { city.schools[$0].ownership == .private }.count
                let byShare = Int((Double(local.count) * DemoCalibration.privateShareOfSchools(kind)).rounded())
                #expect(privateCount == byShare && byShare >= DemoCalibration.minimumPrivateSchools(kind), "\(district.name) \(kind)")
            }
        }
    }

    @Test("school ids are unique 10-digit codes of their district; names are unique")
    func idsAndNames() {
        let city = Self.fullCity
        #expect(Set(city.schools.map(\.id)).count == city.schools.count)
        #expect(Set(city.schools.map(\.name)).count == city.schools.count)
        for school in city.schools {
            #expect(school.id.count == 10 && school.id.allSatisfy(\.isASCIIDigitCharacter))
            #expect(school.id.prefix(4) == "31" + school.districtCode.suffix(2))
            #expect(school.name.hasPrefix("上海市" + city.districts.first { $0.code == school.districtCode }!.name))
        }
        #expect(city.schools.contains { $0.name == "上海市黄浦区第一中心小学" })
    }

    @Test("ownership, 普惠, boarding, groups and programmes are present in plausible shares")
    func mixes() {
        let city = Self.fullCity
        let kindergartens = schools(city, teaching: .kindergarten)
        let publicShare = Double(kindergartens.filter { $0.ownership == .public }.count) / Double(kindergartens.count)
        #expect(abs(publicShare - 0.617) < 0.02)
        let privateKindergartens = kindergartens.filter { $0.ownership == .private }
        let inclusive = privateKindergartens.filter(\.isInclusive).count
        #expect(inclusive > 0 && inclusive < privateKindergartens.count)
        #expect(city.schools.contains { $0.ownership == .private && $0.boarding })
        #expect(!city.schools.contains { $0.boarding && $0.stages == [.kindergarten] })
        let groups = Set(city.schools.map(\.schoolGroup).filter { !$0.isEmpty })
        #expect(groups.count >= 250 && groups.count <= 290, "\(groups.count) groups")
        let publicJuniors = schools(city, teaching: .junior).filter { $0.ownership == .public }
        #expect(publicJuniors.contains { $0.strengtheningProgramme })
        #expect(!city.schools.contains { $0.strengtheningProgramme && $0.ownership == .private })
        #expect(city.schools.contains { $0.newQualitySchool })
    }

    @Test("schools lie near their district's centre")
    func locations() {
        let city = Self.fullCity
        for school in city.schools {
            let place = DemoCalibration.districts.first { $0.code == school.districtCode }!
            let distance = hypot(school.latitude - place.latitude, school.longitude - place.longitude)
            #expect(distance <= place.radius + 1e-9)
        }
    }

    @Test("a scale outside 0.0001…1 is refused", arguments: [0, -1, 1.5, Double.nan, 0.00001])
    func invalidScale(scale: Double) {
        #expect(throws: DemoCity.InvalidScale.self) { try DemoCity(scale: scale, randomSeed: 1) }
    }
}

@Suite("Demo city zones")
struct DemoCityZoneTests {
    @Test("every public primary and junior school has a zone; every zone has a public primary, junior school and kindergarten of its own district",
          arguments: [0.0001, 0.01, 1])
    func zonesCoverSchools(scale: Double) throws {
        let city = try DemoCity(scale: scale, randomSeed: 5)
        let byID = Dictionary(uniqueKeysWithValues: city.schools.map { ($0.id, $0) })
        #expect(Set(city.zones.map(\.id)).count == city.zones.count)
        for district in city.districts { #expect(city.zones.contains { $0.districtCode == district.code }, "\(district.name) has zones") }
        for zone in city.zones {
            let primary = try #require(zone.primarySchoolID.flatMap { byID[$0] })
            let junior = try #require(zone.juniorSchoolID.flatMap { byID[$0] })
            let kindergarten = try #require(zone.kindergartenSchoolID.flatMap { byID[$0] })
            #expect(zone.servingSchoolID(for: .k1) == kindergarten.id)
            for (school, stage) in [(primary, Stage.primary), (junior, .junior), (kindergarten, .kindergarten)] {
                #expect(school.districtCode == zone.districtCode)
                #expect(school.ownership == .public && school.stages.contains(stage))
            }
        }
        let servedPrimary = Set(city.zones.compactMap(\.primarySchoolID))
        let servedJunior = Set(city.zones.compactMap(\.juniorSchoolID))
        for school in city.schools where school.ownership == .public {
            if school.stages.contains(.primary) { #expect(servedPrimary.contains(school.id), "\(school.name)") }
            if school.stages.contains(.junior) { #expect(servedJunior.contains(school.id), "\(school.name)") }
        }
        // Kindergartens are spread: within a district no public kindergarten serves two zones more than another serves.
        for district in city.districts {
            let zones = city.zones.filter { $0.districtCode == district.code }
            let kindergartens = city.schools.filter { $0.districtCode == district.code && $0.ownership == .public && $0.stages == [.kindergarten] }
            let served = kindergartens.map { school in zones.filter { $0.kindergartenSchoolID == school.id }.count }
            #expect(served.max()! - served.min()! <= 1, "\(district.name): \(served)")
        }
    }
}

@Suite("Demo city cohorts and history")
struct DemoCityCohortTests {
    @Test("pupils per grade at scale 1 follow the birth series (K1 born 2022, grade 1 born 2019)")
    func pupilsFollowBirths() {
        let city = DemoCityStructureTests.fullCity
        for grade in Grade.allCases {
            let generated = city.pupils(in: grade)
            let birthYear = 2025 - 3 - grade.index
            let arithmetic = Double(DemoCalibration.births(in: birthYear)) * DemoCalibration.pupilsPerBirth(grade)
            #expect(abs(Double(generated) - arithmetic) <= 0.01 * arithmetic, "\(grade): \(generated) vs \(arithmetic)")
        }
        #expect(abs(Double(city.pupils(in: .k1)) - 108_000 * 0.952) < 1_000)
        #expect(abs(Double(city.pupils(in: .g1)) - 169_000 * 1.006) < 1_000)
        #expect(city.expectedPupilCount > 2_000_000 && city.expectedPupilCount < 2_300_000)
    }

    @Test("history covers 2016–2025 and its last year equals the registry's counts at scale 1")
    func historyMatchesRegistryAtFullScale() {
        let city = DemoCityStructureTests.fullCity
        #expect(Set(city.history.map(\.year)) == Set(2016...2025))
        #expect(city.history.count == 10 * 16 * Grade.allCases.count)
        var registry: [String: Int] = [:]
        for (school, grades) in zip(city.schools, city.pupilsPerGrade) {
            for (grade, count) in grades { registry[school.districtCode + grade.rawValue, default: 0] += count }
        }
        for row in city.history where row.year == 2025 {
            #expect(row.students == registry[row.districtCode + row.grade.rawValue, default: 0])
        }
        // Older years follow the older cohorts: grade 1 of 2016 was born in 2010 (159,000 births).
        let grade1of2016 = city.history.filter { $0.year == 2016 && $0.grade == .g1 }.reduce(0) { $0 + $1.students }
        #expect(abs(Double(grade1of2016) - 159_000 * 1.006) < 1_000)
    }

    @Test("history's last year equals the pupils actually generated")
    func historyMatchesGeneratedPupils() throws {
        let city = try DemoCity(scale: 0.005, randomSeed: 11)
        var generated: [String: Int] = [:]
        for batch in allBatches(city) {
            for student in batch.students {
                generated[batch.school.districtCode + student.grade!.rawValue, default: 0] += 1
            }
        }
        for row in city.history where row.year == 2025 {
            #expect(row.students == generated[row.districtCode + row.grade.rawValue, default: 0])
        }
        #expect(generated.values.reduce(0, +) == city.expectedPupilCount)
    }

    @Test("births 2007–2024 per district add up to the city series, scaled")
    func births() throws {
        let city = try DemoCity(scale: 0.5, randomSeed: 1)
        #expect(city.births.count == 18 * 16)
        for year in 2007...2024 {
            let total = city.births.filter { $0.year == year }.reduce(0) { $0 + $1.births }
            #expect(total == Int((Double(DemoCalibration.cityBirths[year]!) * 0.5).rounded()))
        }
        let pudong2016 = try #require(city.births.first { $0.districtCode == "310115" && $0.year == 2016 })
        #expect(abs(Double(pudong2016.births) - 218_400 * 0.5 * 31_328 / 124_666) < 2)
    }

    @Test("new-city districts lack grade-1 seats and central districts have spare ones")
    func seatGaps() {
        let city = DemoCityStructureTests.fullCity
        func balance(_ kind: DistrictZoneKind) -> Int {
            let codes = Set(city.districts.filter { $0.zoneKind == kind }.map(\.code))
            return zip(city.schools, city.pupilsPerGrade).filter { codes.contains($0.0.districtCode) && $0.0.stages.contains(.primary) }
                .reduce(0) { $0 + ($1.0.entrySeats[.g1] ?? 0) - ($1.1[.g1] ?? 0) }
        }
        #expect(balance(.central) > 0)
        let newCities = Set(city.districts.filter { $0.zoneKind == .newCity }.map(\.code))
        let short = zip(city.schools, city.pupilsPerGrade).filter { school, pupils in
            newCities.contains(school.districtCode) && (pupils[.g1] ?? 0) > (school.entrySeats[.g1] ?? .max)
        }
        #expect(!short.isEmpty)
    }

    @Test("private schools take the post-reform share of grade 1")
    func privateShare() {
        let city = DemoCityStructureTests.fullCity
        let privateGrade1 = zip(city.schools, city.pupilsPerGrade).filter { $0.0.ownership == .private }
            .reduce(0) { $0 + ($1.1[.g1] ?? 0) }
        let share = Double(privateGrade1) / Double(city.pupils(in: .g1))
        #expect(share > 0.03 && share <= 0.045, "\(share)")
    }
}

@Suite("Demo city people")
struct DemoCityPeopleTests {
    @Test("same seed gives the same city and people; another seed gives others")
    func determinism() throws {
        let first = try DemoCity(scale: 0.005, randomSeed: 42)
        let again = try DemoCity(scale: 0.005, randomSeed: 42)
        let other = try DemoCity(scale: 0.005, randomSeed: 43)
        #expect(first.schools == again.schools && first.zones == again.zones && first.history == again.history)
        var a = first.makePeopleStream(), b = again.makePeopleStream(), c = other.makePeopleStream()
        for _ in 0..<3 {
            let nextA = a.nextBatch()
            let x = try #require(nextA)
            let nextB = b.nextBatch()
            let y = try #require(nextB)
            let nextC = c.nextBatch()
            let z = try #require(nextC)
            #expect(x.students == y.students && x.guardians == y.guardians && x.teachers == y.teachers)
            #expect(x.students != z.students)
        }
        #expect(first.schools.map(\.name) != other.schools.map(\.name))
    }

    @Test("every national ID is valid GB 11643, unique across the city, and matches the person")
    func nationalIDs() throws {
        let city = try DemoCity(scale: 0.005, randomSeed: 9)
        var seen = Set<String>()
        var people = 0
        let today = ISO8601DateFormatter().date(from: "2025-12-31T00:00:00Z")!
        for batch in allBatches(city) {
            for student in batch.students {
                let id = try NationalID(student.nationalID, today: today)
                #expect(id.birthDate == student.birthDate && id.gender == student.gender)
                seen.insert(student.nationalID); people += 1
            }
            for guardian in batch.guardians {
                let id = try NationalID(guardian.nationalID, today: today)
                #expect(id.birthDate < "2007-01-01", "guardian \(id.birthDate) is not an adult")
                #expect(!guardian.childNationalIDs.isEmpty && guardian.phone.count == 11)
                seen.insert(guardian.nationalID); people += 1
            }
            for teacher in batch.teachers {
                let id = try NationalID(teacher.nationalID, today: today)
                #expect(id.birthDate >= "1965-01-01" && id.birthDate < "2003-01-01")
                seen.insert(teacher.nationalID); people += 1
            }
        }
        #expect(seen.count == people)
        #expect(people > 20_000)
    }

    @Test("pupils are born in their grade's Sept–Aug cohort and live in a zone their public school (or kindergarten, if it serves one) serves")
    func pupils() throws {
        let city = try DemoCity(scale: 0.005, randomSeed: 13)
        let zones = Dictionary(uniqueKeysWithValues: city.zones.map { ($0.id, $0) })
        var nonLocal = 0, total = 0
        for batch in allBatches(city) {
            let guardianChildren = Set(batch.guardians.flatMap(\.childNationalIDs))
            for student in batch.students {
                let grade = try #require(student.grade)
                let gradeOneYear = 2025 - (grade.index - Grade.g1.index)
                #expect(student.birthDate >= "\(gradeOneYear - 7)-09-01" && student.birthDate <= "\(gradeOneYear - 6)-08-31",
                        "\(grade) born \(student.birthDate)")
                #expect(guardianChildren.contains(student.nationalID))
                let zone = try #require(student.residenceZoneID.flatMap { zones[$0] })
                #expect(zone.districtCode == batch.school.districtCode)
                if batch.school.ownership == .public && !batch.school.stages.contains(.special) {
                    if grade.stage == .primary { #expect(zone.primarySchoolID == batch.school.id) }
                    if grade.stage == .junior { #expect(zone.juniorSchoolID == batch.school.id) }
                    if grade.stage == .kindergarten, city.zones.contains(where: { $0.kindergartenSchoolID == batch.school.id }) {
                        #expect(zone.kindergartenSchoolID == batch.school.id)
                    }
                }
                total += 1
                if student.hukou == .nonLocal { nonLocal += 1 }
            }
        }
        let share = Double(nonLocal) / Double(total)
        #expect(share > 0.25 && share < 0.5, "non-local share \(share)")
    }

    @Test("siblings in a school share their guardians")
    func siblings() throws {
        let city = try DemoCity(scale: 0.005, randomSeed: 17)
        let batches = allBatches(city)
        let shared = batches.flatMap(\.guardians).filter { $0.childNationalIDs.count > 1 }
        #expect(!shared.isEmpty)
        let guardianCounts = batches.map { Double($0.guardians.count) / Double(max(1, $0.students.count)) }
        #expect(guardianCounts.allSatisfy { $0 <= 2 })
    }

    @Test("classes mostly stay within the legal caps, a few run over")
    func classSizes() throws {
        #expect(DemoSchoolPeople.classCount(pupils: 200, grade: .g1, special: false, overCap: false) == 6)
        let crowded = DemoSchoolPeople.classCount(pupils: 200, grade: .g1, special: false, overCap: true)
        #expect(200 / crowded > DemoCalibration.classCap(.g1, special: false))
        let city = try DemoCity(scale: 0.05, randomSeed: 19)
        var sizes: [String: Int] = [:]
        var caps: [String: Int] = [:]
        for batch in allBatches(city) {
            for student in batch.students {
                let key = batch.school.id + student.grade!.rawValue + "-" + String(student.classNumber!)
                sizes[key, default: 0] += 1
                caps[key] = DemoCalibration.classCap(student.grade!, special: batch.school.stages == [.special])
            }
        }
        let over = sizes.filter { $0.value > caps[$0.key]! }.count
        #expect(over > 0)
        #expect(Double(over) < 0.05 * Double(sizes.count), "\(over) of \(sizes.count) classes over the cap")
    }

    @Test("teachers follow the staffing norms, with specialists and most schools' psychology teacher")
    func teachers() throws {
        let city = try DemoCity(scale: 0.02, randomSeed: 23)
        let batches = allBatches(city)
        for batch in batches where batch.school.stages == [.primary] {
            let expected = Double(batch.students.count) / 19
            #expect(Double(batch.teachers.count) >= expected && Double(batch.teachers.count) <= expected + 2)
        }
        let ordinary = batches.filter { $0.school.stages != [.kindergarten] }
        let withPsychologist = ordinary.filter { $0.teachers.contains(where: \.fullTimePsychology) }.count
        #expect(withPsychologist > ordinary.count / 2 && withPsychologist < ordinary.count)
        let teachers = batches.flatMap(\.teachers)
        for specialism in [Specialism.pe, .arts, .psychology] { #expect(teachers.contains { $0.specialism == specialism }) }
        #expect(teachers.contains { $0.keyTeacherLevel == .municipal })
        #expect(teachers.contains { $0.keyTeacherLevel == .district })
        #expect(Set(teachers.map(\.degree)).count >= 4 && Set(teachers.map(\.title)).count >= 5)
    }

    @Test("progress counts schools until the stream ends")
    func progress() throws {
        let city = try DemoCity(scale: 0.001, randomSeed: 1)
        var stream = city.makePeopleStream()
        #expect(stream.schoolCount == city.schools.count && stream.schoolsDone == 0)
        var yielded = 0
        while let _ = stream.nextBatch() {
            yielded += 1
            #expect(stream.schoolsDone == yielded)
        }
        #expect(yielded == city.schools.count && stream.fractionDone == 1)
        let afterEnd = stream.nextBatch()
        #expect(afterEnd == nil)
    }
}

@Suite("Demo city helpers")
struct DemoHelperTests {
    @Test("apportion sums exactly and follows the weights")
    func apportionment() {
        #expect(apportion(10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(apportion(7, weights: [0, 3, 4]) == [0, 3, 4])
        #expect(apportion(5, weights: [0, 0]) == [5, 0])
        #expect(apportion(1_000, weights: [0.2, 0.3, 0.5]).reduce(0, +) == 1_000)
    }

    @Test("the school-year cohort runs 1 September to 31 August")
    func cohortDays() {
        let calendar = DemoCalendar.shared
        let days = calendar.cohortDays(birthYear: 2019)
        #expect(calendar.iso[days.lowerBound] == "2018-09-01" && calendar.iso[days.upperBound - 1] == "2019-08-31")
        #expect(days.count == 365)
        #expect(calendar.cohortDays(birthYear: 2020).count == 366)
    }
}

extension DemoCity {
    /// Pupils of a grade across the city's ordinary (non-special) schools.
    fileprivate func pupils(in grade: Grade) -> Int {
        zip(schools, pupilsPerGrade).filter { $0.0.stages != [.special] }
            .reduce(0) { $0 + ($1.1[grade] ?? 0) }
    }
}
