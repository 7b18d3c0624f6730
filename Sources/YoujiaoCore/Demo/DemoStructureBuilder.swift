import Foundation

/// Builds the demo city's structure: schools per district, their names, places, flags, groups,
/// catchment zones, pupils per grade and seats. Each district draws from its own random stream.
struct DemoStructureBuilder {
    let scale: Double
    let seed: UInt64
    private let calibration = DemoCalibration.districts

    private(set) var schools: [School] = []
    private(set) var pupils: [[Grade: Int]] = []
    private(set) var schoolDistrict: [Int] = []
    private(set) var schoolKind: [DemoSchoolKind] = []
    private(set) var zones: [CatchmentZone] = []
    private(set) var zonesByDistrict: [[Int]] = []
    private(set) var zonesServedAsPrimary: [[Int]] = []
    private(set) var zonesServedAsJunior: [[Int]] = []
    private(set) var zonesServedAsKindergarten: [[Int]] = []
    /// Per school: relative size (drawn), and the label its name was built on (for group names).
    private var sizeWeight: [Double] = []
    private var label: [String] = []

    init(scale: Double, seed: UInt64) { self.scale = scale; self.seed = seed }

    mutating func build() {
        let counts = kindCounts()
        for district in calibration.indices {
            var random = DemoRandom(seed: seed, stream: 1, UInt64(district))
            addSchools(of: district, counts: counts[district], random: &random)
        }
        let groupedSchools = calibration.indices.map { publicCompulsorySchools(of: $0).count }
        let groupCounts = apportion(Int((Double(DemoCalibration.schoolGroupsAtFullScale) * scale).rounded()),
                                    weights: groupedSchools.map(Double.init))
        for district in calibration.indices {
            var random = DemoRandom(seed: seed, stream: 3, UInt64(district))
            addGroupsAndProgrammes(of: district, groupCount: groupCounts[district], random: &random)
            addZones(of: district, random: &random)
        }
        allocatePupils()
        assignSeats()
    }

    // MARK: How many schools of each kind

    /// Schools per stage apportioned to districts by the census age band that stage serves
    /// (kindergarten 1–4, primary 5–9, junior and senior 10–14, since 15–19 counts university
    /// students), at least one per district — two of each kind a campaign admits to, one public
    /// and one private (`DemoCalibration.minimumPrivateSchools`); special schools by children
    /// 5–14, at least one in the city. Then nine-year and complete schools are carved out of the
    /// junior/senior counts.
    private func kindCounts() -> [[DemoSchoolKind: Int]] {
        func perDistrict(_ total: Int, minimum: Int, _ weight: (DistrictCalibration) -> Int) -> [Int] {
            apportion(Int((Double(total) * scale).rounded()), weights: calibration.map { Double(weight($0)) })
                .map { max(minimum, $0) }
        }
        // The public school that serves the zones, plus the private ones every district keeps.
        func minimum(_ kind: DemoSchoolKind) -> Int { 1 + DemoCalibration.minimumPrivateSchools(kind) }
        let kindergartens = perDistrict(DemoCalibration.kindergartens, minimum: minimum(.kindergarten)) { $0.age1to4 }
        let primary = perDistrict(DemoCalibration.primarySchools, minimum: minimum(.primary)) { $0.age5to9 }
        let junior = perDistrict(DemoCalibration.juniorSchools, minimum: minimum(.junior)) { $0.age10to14 }
        let senior = perDistrict(DemoCalibration.seniorSchools, minimum: minimum(.senior)) { $0.age10to14 }
        let special = apportion(max(1, Int((Double(DemoCalibration.specialSchools) * scale).rounded())),
                                weights: calibration.map { Double($0.schoolAgeChildren) })
        return calibration.indices.map { d in
            // Keep the minimum of primary-only and junior-only schools per district, so small
            // scales still have a plain public and private school of each compulsory stage.
            let nineYear = max(0, min(primary[d] - minimum(.primary), junior[d] - minimum(.junior),
                                      Int((Double(junior[d]) * DemoCalibration.nineYearShareOfJunior).rounded())))
            let complete = max(0, min(senior[d] - 1, junior[d] - nineYear - minimum(.junior),
                                      Int((Double(senior[d]) * DemoCalibration.completeShareOfSenior).rounded())))
            return [.kindergarten: kindergartens[d], .primary: primary[d] - nineYear, .nineYear: nineYear,
                    .junior: junior[d] - nineYear - complete, .complete: complete,
                    .senior: senior[d] - complete, .special: special[d]]
        }
    }

    // MARK: Schools

    private mutating func addSchools(of district: Int, counts: [DemoSchoolKind: Int], random: inout DemoRandom) {
        let place = calibration[district]
        var stems = DemoNames.schoolStems
        random.shuffle(&stems)
        var stemsUsed = 0
        func nextLabel() -> String {
            defer { stemsUsed += 1 }
            let round = stemsUsed / stems.count
            return stems[stemsUsed % stems.count] + (round == 0 ? "" : "第" + DemoNames.chineseNumber(round + 1))
        }
        for kind in DemoSchoolKind.allCases {
            let count = counts[kind] ?? 0
            guard count > 0 else { continue }
            // At least one public school of every kind a district has, so zones always find one.
            let privateCount = min(count - 1, max(DemoCalibration.minimumPrivateSchools(kind),
                                                  Int((Double(count) * DemoCalibration.privateShareOfSchools(kind)).rounded())))
            var ownerships = Array(repeating: Ownership.public, count: count - privateCount)
                + Array(repeating: Ownership.private, count: privateCount)
            random.shuffle(&ownerships)
            var publicOrdinal = 0
            for (ordinal, ownership) in ownerships.enumerated() {
                let schoolLabel: String
                switch (kind, ownership) {
                case (.primary, .public) where publicOrdinal < 3:
                    schoolLabel = "第" + DemoNames.chineseNumber(publicOrdinal + 1) + "中心"
                case (.special, _):
                    schoolLabel = ordinal == 0 ? "" : "第" + DemoNames.chineseNumber(ordinal + 1)
                default:
                    schoolLabel = nextLabel()
                }
                if ownership == .public { publicOrdinal += 1 }
                let angle = random.double(in: 0...(2 * Double.pi))
                let distance = place.radius * random.unit().squareRoot()
                let boarding = random.chance(DemoCalibration.boardingShare(kind, ownership: ownership))
                let inclusive = kind == .kindergarten
                    && (ownership == .public || random.chance(DemoCalibration.inclusiveShareOfPrivateKindergartens))
                schools.append(School(
                    id: "31" + place.code.suffix(2) + String(kind.rawValue) + fiveDigits(ordinal + 1),
                    name: "上海市" + place.name + (ownership == .private ? "民办" : "") + schoolLabel + kind.nameSuffix,
                    districtCode: place.code, stages: kind.stages, ownership: ownership,
                    isInclusive: inclusive, boarding: boarding, entrySeats: [:],
                    latitude: place.latitude + distance * sin(angle),
                    longitude: place.longitude + distance * cos(angle)))
                label.append(schoolLabel)
                sizeWeight.append(random.double(in: 0.6...1.4))
                schoolDistrict.append(district)
                schoolKind.append(kind)
                pupils.append([:])
                zonesServedAsPrimary.append([])
                zonesServedAsJunior.append([])
                zonesServedAsKindergarten.append([])
            }
        }
    }

    private func fiveDigits(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    private func indices(of district: Int) -> [Int] {
        schoolDistrict.indices.filter { schoolDistrict[$0] == district }
    }

    private func isCompulsory(_ kind: DemoSchoolKind) -> Bool {
        kind.stages.contains(.primary) || kind.stages.contains(.junior)
    }

    private func publicCompulsorySchools(of district: Int) -> [Int] {
        indices(of: district).filter { isCompulsory(schoolKind[$0]) && schools[$0].ownership == .public }
    }

    /// 学区/集团 for ~85% of the district's public compulsory schools in `groupCount` groups (at
    /// least one, and at least two schools a group), then the 新优质 and 强校工程 flags.
    private mutating func addGroupsAndProgrammes(of district: Int, groupCount: Int, random: inout DemoRandom) {
        var members = publicCompulsorySchools(of: district)
        let grouped = Int((Double(members.count) * DemoCalibration.groupedShareOfCompulsorySchools).rounded())
        let groupCount = min(max(1, groupCount), max(1, grouped / 2))
        random.shuffle(&members)
        var groupNames: [String] = []
        for (position, school) in members.prefix(grouped).enumerated() {
            let group = position % groupCount
            if group == groupNames.count {
                let kindOfGroup = group % 2 == 0 ? "教育集团" : "学区"
                groupNames.append(calibration[district].name + label[school] + kindOfGroup)
            }
            schools[school].schoolGroup = groupNames[group]
        }
        for school in publicCompulsorySchools(of: district) {
            schools[school].newQualitySchool = random.chance(DemoCalibration.newQualityShare)
            schools[school].strengtheningProgramme = !schools[school].newQualitySchool
                && schoolKind[school].stages.contains(.junior)
                && random.chance(DemoCalibration.strengtheningShare)
        }
    }

    /// One zone per public primary or junior school (whichever is more numerous); zone i is served
    /// by the i-th public primary and i-th public junior school, nine-year schools first in both
    /// lists so their zones send children through both of their stages. Its kindergarten is the
    /// nearest public one among those serving the fewest zones so far, so every public
    /// kindergarten serves a zone before any serves two, and each zone's is close by.
    private mutating func addZones(of district: Int, random: inout DemoRandom) {
        let local = indices(of: district).filter { schools[$0].ownership == .public }
        func publicSchools(teaching stage: Stage) -> [Int] {
            let teaching = local.filter { schoolKind[$0].stages.contains(stage) && schoolKind[$0] != .special }
            return teaching.filter { schoolKind[$0] == .nineYear } + teaching.filter { schoolKind[$0] != .nineYear }
        }
        let primaries = publicSchools(teaching: .primary), juniors = publicSchools(teaching: .junior)
        let kindergartens = publicSchools(teaching: .kindergarten)
        let code = calibration[district].code
        var districtZones: [Int] = []
        for i in 0..<max(primaries.count, juniors.count) {
            let primary = primaries[i % primaries.count], junior = juniors[i % juniors.count]
            let latitude = schools[primary].latitude + random.double(in: -0.004...0.004)
            let longitude = schools[primary].longitude + random.double(in: -0.004...0.004)
            let kindergarten = kindergartens.min { a, b in
                let distanceA = hypot(schools[a].latitude - latitude, schools[a].longitude - longitude)
                let distanceB = hypot(schools[b].latitude - latitude, schools[b].longitude - longitude)
                return (zonesServedAsKindergarten[a].count, distanceA) < (zonesServedAsKindergarten[b].count, distanceB)
            }!  // every district has a public kindergarten (kindCounts, addSchools)
            let zoneIndex = zones.count
            zones.append(CatchmentZone(
                id: code + "-" + String(fiveDigits(i + 1).suffix(4)), districtCode: code,
                latitude: latitude, longitude: longitude,
                primarySchoolID: schools[primary].id, juniorSchoolID: schools[junior].id,
                kindergartenSchoolID: schools[kindergarten].id))
            zonesServedAsPrimary[primary].append(zoneIndex)
            zonesServedAsJunior[junior].append(zoneIndex)
            zonesServedAsKindergarten[kindergarten].append(zoneIndex)
            districtZones.append(zoneIndex)
        }
        zonesByDistrict.append(districtZones)
    }

    // MARK: Pupils and seats

    /// Splits each district-grade total over the district's schools teaching the grade: the
    /// private share to private schools, the rest to public ones, by each school's size weight.
    /// Special schools get fixed classes on top.
    private mutating func allocatePupils() {
        let year = DemoCalibration.currentYear
        let byDistrict = calibration.indices.map { indices(of: $0) }
        for grade in Grade.allCases {
            let totals = demoDistrictPupils(grade: grade, year: year, scale: scale)
            for (district, members) in byDistrict.enumerated() {
                let teaching = members.filter { schoolKind[$0] != .special && schoolKind[$0].grades.contains(grade) }
                let privates = teaching.filter { schools[$0].ownership == .private }
                let publics = teaching.filter { schools[$0].ownership == .public }
                let privateTotal = privates.isEmpty ? 0
                    : Int((Double(totals[district]) * DemoCalibration.privateShareOfPupils(grade, inSchoolYear: year)).rounded())
                for (part, total) in [(privates, privateTotal), (publics, totals[district] - privateTotal)] {
                    for (school, count) in zip(part, apportion(total, weights: part.map { sizeWeight[$0] })) {
                        pupils[school][grade] = count
                    }
                }
            }
        }
        let specialPupils = DemoCalibration.specialClassesPerSchool * DemoCalibration.specialPupilsPerClass
        let specialGrades = Stage.special.grades
        for school in schoolKind.indices where schoolKind[school] == .special {
            for (grade, count) in zip(specialGrades, apportion(specialPupils, weights: specialGrades.map { _ in 1 })) {
                pupils[school][grade] = count
            }
        }
    }

    /// Seats in each entry grade: the nearest whole number of target-size classes for the intake
    /// the school was planned for — the census split without migration drift — so growing districts come up
    /// short of seats and shrinking ones have spare.
    private mutating func assignSeats() {
        let year = DemoCalibration.currentYear
        var plannedRatio: [Grade: [Double]] = [:]
        for grade in [Grade.k1, .g1, .g6, .g10] {
            let drifted = demoDistrictPupils(grade: grade, year: year, scale: scale)
            let planned = demoDistrictPupils(grade: grade, year: year, scale: scale, drift: false)
            plannedRatio[grade] = zip(planned, drifted).map { $1 == 0 ? 1 : Double($0) / Double($1) }
        }
        for school in schools.indices {
            let special = schoolKind[school] == .special
            var seats: [Grade: Int] = [:]
            for stage in schoolKind[school].stages {
                let entry = stage.entryGrade
                let ratio = special ? 1 : plannedRatio[entry]![schoolDistrict[school]]
                let planned = Double(pupils[school][entry] ?? 0) * ratio
                let classSize = DemoCalibration.targetClassSize(entry, special: special)
                seats[entry] = max(1, Int((planned / Double(classSize)).rounded())) * classSize
            }
            schools[school].entrySeats = seats
        }
    }

    // MARK: History and births

    /// Pupils per district × grade for 2016–2025 by the same cohort arithmetic as this year's
    /// registry; special-school pupils are held at this year's numbers (assumption).
    func history() -> [EnrollmentCount] {
        var special = Array(repeating: [Grade: Int](), count: calibration.count)
        for school in schoolKind.indices where schoolKind[school] == .special {
            special[schoolDistrict[school]].merge(pupils[school], uniquingKeysWith: +)
        }
        var rows: [EnrollmentCount] = []
        for year in DemoCalibration.historyYears {
            for grade in Grade.allCases {
                let totals = demoDistrictPupils(grade: grade, year: year, scale: scale)
                for (district, place) in calibration.enumerated() {
                    rows.append(EnrollmentCount(districtCode: place.code, year: year, grade: grade,
                                                students: totals[district] + (special[district][grade] ?? 0)))
                }
            }
        }
        return rows
    }

    /// City births of 2007–2024 (births.csv) × scale, split by each district's census age-0 share.
    static func births(scale: Double) -> [BirthCount] {
        let districts = DemoCalibration.districts
        return DemoCalibration.birthYears.flatMap { year in
            let total = Int((Double(DemoCalibration.births(in: year)) * scale).rounded())
            return zip(districts, apportion(total, weights: districts.map { Double($0.age0) })).map {
                BirthCount(districtCode: $0.code, year: year, births: $1)
            }
        }
    }
}

extension DemoSchoolKind {
    /// The end of a school name: 幼儿园, 小学, 学校 (nine-year), 初级中学, 中学 (complete), 高级中学.
    var nameSuffix: String {
        switch self {
        case .kindergarten: return "幼儿园"
        case .primary: return "小学"
        case .nineYear: return "学校"
        case .junior: return "初级中学"
        case .complete: return "中学"
        case .senior: return "高级中学"
        case .special: return "特殊教育学校"
        }
    }
}
