import Foundation

/// Plausible yearly school and district reports for the demo city (supervision, issue 5), so the
/// dashboard has figures to judge. Deterministic: the same city and seed give the same reports.
///
/// Everything here is an assumption (no found figures): most schools meet every reported standard
/// with some room; in three districts some schools fall short, as officials would expect to find —
/// 黄浦 (sports grounds in the old city centre), 宝山 (equipment and multimedia rooms), 崇明
/// (bandwidth, home visits, PE activity lessons, and one disabled child not enrolled); and one
/// school of 奉贤 has not reported, so its district shows "no data". Rotation: public primary and
/// junior schools rotate 12–16% of their eligible teachers (a quarter or more of them key
/// teachers), except in 宝山, which rotates 6%.
public struct DemoSupervisionReports: Sendable {
    public let schoolReports: [SchoolReport]
    /// 交流轮岗 of every primary and junior school (private schools have no eligible teachers).
    public let rotations: [RotationReport]
    public let districtReports: [DistrictReport]

    /// Districts where some schools miss a reported standard, and what they miss.
    static let shortfalls: [String: Set<Shortfall>] = [
        "310101": [.sportsGround, .familyEducation],
        "310113": [.equipment, .multimedia, .exercise, .rotation],
        "310151": [.bandwidth, .homeVisits, .activityLessons, .disabledEnrollment, .outdoor],
    ]
    /// The district with one school that sent no report.
    static let unreportedDistrict = "310120"
    /// Share of a short district's other schools that miss (each misses one of the district's shortfalls).
    static let missingShare = 0.3

    enum Shortfall: Hashable, Sendable {
        case sportsGround, equipment, multimedia, bandwidth, homeVisits, activityLessons, exercise,
             familyEducation, outdoor, disabledEnrollment, rotation

        /// Whether one school of this kind can miss it (outdoor minutes are a kindergarten's, lessons a
        /// school's); disabled enrollment and rotation are missed by the whole district.
        func applies(to kind: DemoSchoolKind) -> Bool {
            switch self {
            case .disabledEnrollment, .rotation: return false
            case .outdoor: return kind == .kindergarten
            case .activityLessons, .exercise: return kind != .kindergarten && kind != .special
            default: return true
            }
        }
    }

    public init(city: DemoCity) {
        let year = DemoCalibration.currentYear
        let primaryTeaching = city.schools.indices.filter { city.schoolKind[$0].stages.contains(.primary) }
        // The first primary-teaching school of each district: it misses a target in a short district,
        // and in the unreported district it is the school that sent nothing.
        let firstPrimary = Set(Dictionary(grouping: primaryTeaching, by: { city.schools[$0].districtCode }).values.compactMap(\.first))
        var reports: [SchoolReport] = []
        for (index, school) in city.schools.enumerated() {
            let first = firstPrimary.contains(index)
            if first && school.districtCode == Self.unreportedDistrict { continue }
            var random = DemoRandom(seed: city.randomSeed, stream: 4, UInt64(index))
            let kind = city.schoolKind[index]
            let applicable = (Self.shortfalls[school.districtCode] ?? []).filter { $0.applies(to: kind) }.sorted { "\($0)" < "\($1)" }
            let miss = !applicable.isEmpty && (first || random.chance(Self.missingShare)) ? random.pick(applicable) : nil
            reports.append(Self.report(school: school, kind: kind, pupils: city.pupilsPerGrade[index].values.reduce(0, +),
                                       year: year, miss: miss, random: &random))
        }
        schoolReports = reports
        rotations = city.schools.indices.compactMap { index in
            let school = city.schools[index]
            guard school.stages.contains(.primary) || school.stages.contains(.junior) else { return nil }
            var random = DemoRandom(seed: city.randomSeed, stream: 6, UInt64(index))
            return RotationReport(schoolID: school.id, year: year,
                                  counts: Self.rotation(school, pupils: city.pupilsPerGrade[index], random: &random))
        }
        districtReports = city.districts.enumerated().map { index, district in
            var random = DemoRandom(seed: city.randomSeed, stream: 5, UInt64(index))
            // Assumption: about 0.4% of compulsory-age pupils are disabled children (at least 10 a district).
            let compulsory = city.schools.indices.filter { city.schools[$0].districtCode == district.code }.reduce(0) { sum, school in
                sum + city.pupilsPerGrade[school].filter { $0.key.stage == .primary || $0.key.stage == .junior }.values.reduce(0, +)
            }
            let children = max(10, Int((Double(compulsory) * random.double(in: 0.003...0.005)).rounded()))
            let notEnrolled = Self.shortfalls[district.code]?.contains(.disabledEnrollment) == true ? max(1, children / 50) : 0
            return DistrictReport(districtCode: district.code, year: year, disabledSchoolAgeChildren: children,
                                  disabledEnrolled: children - notEnrolled)
        }
    }

    /// Eligible teachers (six years or more in the school): about 40% of the teachers the staffing
    /// norm gives; rounded up in a district that meets the target, down in one that does not.
    private static func rotation(_ school: School, pupils: [Grade: Int], random: inout DemoRandom) -> RotationCounts {
        guard school.ownership == .public else { return RotationCounts(eligible: 0, rotated: 0, keyRotated: 0) }
        let teachers = pupils.reduce(0.0) { sum, entry in
            sum + (entry.key.stage == .kindergarten ? 0 : Double(entry.value) / DemoCalibration.pupilsPerTeacher(entry.key.stage))
        }
        let eligible = max(1, Int((teachers * random.double(in: 0.35...0.45)).rounded()))
        if shortfalls[school.districtCode]?.contains(.rotation) == true {
            let rotated = Int((Double(eligible) * 0.06).rounded(.down))
            return RotationCounts(eligible: eligible, rotated: rotated, keyRotated: Int((Double(rotated) * 0.3).rounded(.down)))
        }
        let rotated = Int((Double(eligible) * random.double(in: 0.12...0.16)).rounded(.up))
        return RotationCounts(eligible: eligible, rotated: rotated, keyRotated: Int((Double(rotated) * random.double(in: 0.25...0.4)).rounded(.up)))
    }

    /// The standard a value must meet: the stricter (junior) one for a school teaching both stages.
    private static func standard(_ kind: DemoSchoolKind, primary: Double, junior: Double) -> Double {
        kind.stages.contains(.junior) || kind.stages.contains(.senior) ? junior : primary
    }

    private static func report(school: School, kind: DemoSchoolKind, pupils: Int, year: Int, miss: Shortfall?,
                               random: inout DemoRandom) -> SchoolReport {
        /// A per-pupil amount: 5–60% above the standard, or 75–84% of it when this is the school's miss
        /// (under the 85% floor of 优质均衡, so the school fails the assessment). Rounded away from the
        /// standard, so that a small school (a private one of a dozen pupils) stays on its side of it.
        func amount(_ perPupilStandard: Double, _ shortfall: Shortfall?, scale: Double = 1) -> Double {
            let misses = shortfall != nil && miss == shortfall
            let factor = misses ? random.double(in: 0.75...0.84) : random.double(in: 1.05...1.6)
            return (perPupilStandard * factor * Double(max(pupils, 1)) / scale).rounded(misses ? .down : .up)
        }
        var report = SchoolReport(schoolID: school.id, year: year)
        // No district is short of floor area: 黄浦's old schools lack sports grounds, not classrooms.
        report.floorArea = amount(standard(kind, primary: 4.5, junior: 5.8), nil)
        report.sportsGroundArea = amount(standard(kind, primary: 7.5, junior: 10.2), .sportsGround)
        report.equipmentValue = amount(standard(kind, primary: 2000, junior: 2500), .equipment)
        report.multimediaClassrooms = Int(amount(standard(kind, primary: 2.3, junior: 2.4), .multimedia, scale: 100).rounded(.up))
        // Persons: pupils plus about one teacher for every 12 pupils, counted by the registry.
        let persons = Double(max(pupils, 1)) * 1.09
        let perPerson = miss == .bandwidth ? random.double(in: 0.5...0.9) : random.double(in: 1.3...3)
        report.bandwidthMbps = miss == .bandwidth ? (persons * perPerson).rounded(.down) : ((persons * perPerson) / 100).rounded(.up) * 100
        report.homeVisits = Int((Double(pupils) * (miss == .homeVisits ? random.double(in: 0.7...0.95) : random.double(in: 1...1.4))).rounded(.up))
        report.familyEducationActivities = miss == .familyEducation ? random.int(in: 1...3) : random.int(in: 4...10)
        if kind == .kindergarten {
            report.dailyOutdoorMinutes = miss == .outdoor ? random.int(in: 90...110) : random.pick([120, 120, 130, 150])
            report.readinessEducation = true
        } else {
            report.dailyExerciseMinutes = miss == .exercise ? random.int(in: 90...110) : random.pick([120, 120, 130, 150])
            report.timetable = timetable(kind.stages, shortActivity: miss == .activityLessons, random: &random)
        }
        return report
    }

    /// The weekly timetable of every grade: the plan's PE and activity lessons, a psychology lesson
    /// every two weeks in some grades, and the periods of the week (Shanghai's curriculum plan).
    private static func timetable(_ stages: [Stage], shortActivity: Bool, random: inout DemoRandom) -> [Grade: GradeTimetable] {
        var table: [Grade: GradeTimetable] = [:]
        for stage in stages where stage != .kindergarten {
            let (pe, activity, periods): (Int, Int, Int)
            switch stage {
            case .primary: (pe, activity, periods) = (5, 2, 30)
            case .junior: (pe, activity, periods) = (4, 1, 34)
            case .senior: (pe, activity, periods) = (4, 0, 35)
            case .kindergarten, .special: (pe, activity, periods) = (3, 1, 28)
            }
            let grades = stage.grades
            let psychologyGrades = Set(grades.prefix(random.int(in: 1...grades.count)))
            let shortGrade = shortActivity && stage != .senior ? random.pick(grades) : nil
            for grade in grades {
                table[grade] = GradeTimetable(peLessons: pe, activityLessons: grade == shortGrade ? activity - 1 : activity,
                                              psychologyLessonsPerTwoWeeks: psychologyGrades.contains(grade) ? 1 : 0,
                                              weeklyPeriods: periods)
            }
        }
        return table
    }
}
