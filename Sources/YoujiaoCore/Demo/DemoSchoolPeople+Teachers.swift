import Foundation

/// Teaching staff of one school. Counts follow the staffing norms in `DemoCalibration`; the
/// subject, degree, title and gender mixes below are assumptions (no found figures), chosen to be
/// plausible for Shanghai: subjects roughly by weekly periods, degrees rising with the stage.
extension DemoSchoolPeople {
    static let psychologySubject = "心理健康"

    static func subjects(_ stage: Stage) -> WeightedTable<String> {
        switch stage {
        case .kindergarten: return kindergartenSubjects
        case .primary: return primarySubjects
        case .junior: return juniorSubjects
        case .senior: return seniorSubjects
        case .special: return specialSubjects
        }
    }

    private static let kindergartenSubjects = WeightedTable<String>([("学前教育", 94), ("体育", 3), ("艺术", 3)])
    private static let primarySubjects = WeightedTable<String>([
        ("语文", 28), ("数学", 20), ("英语", 12), ("体育与健康", 10), ("音乐", 5), ("美术", 5), ("自然", 5),
        ("道德与法治", 5), ("信息科技", 3), ("劳动技术", 2),
    ])
    private static let juniorSubjects = WeightedTable<String>([
        ("语文", 15), ("数学", 15), ("英语", 14), ("物理", 7), ("化学", 5), ("生命科学", 4), ("历史", 5),
        ("地理", 5), ("道德与法治", 6), ("体育与健康", 9), ("音乐", 3), ("美术", 3), ("信息科技", 3), ("劳动技术", 2),
    ])
    private static let seniorSubjects = WeightedTable<String>([
        ("语文", 14), ("数学", 14), ("英语", 13), ("物理", 9), ("化学", 8), ("生命科学", 6), ("历史", 7),
        ("地理", 6), ("思想政治", 7), ("体育与健康", 8), ("艺术", 4), ("信息科技", 3),
    ])
    private static let specialSubjects = WeightedTable<String>([
        ("特殊教育", 70), ("康复训练", 15), ("体育与健康", 8), ("艺术", 7),
    ])

    static func specialism(ofSubject subject: String) -> Specialism {
        switch subject {
        case "体育", "体育与健康": return .pe
        case "音乐", "美术", "艺术": return .arts
        case psychologySubject: return .psychology
        default: return .none
        }
    }

    static func degrees(_ stage: Stage) -> WeightedTable<Degree> {
        switch stage {
        case .kindergarten: return kindergartenDegrees
        case .primary: return primaryDegrees
        case .junior, .special: return juniorDegrees
        case .senior: return seniorDegrees
        }
    }

    private static let kindergartenDegrees = WeightedTable<Degree>([(.associate, 35), (.bachelor, 60), (.master, 5)])
    private static let primaryDegrees = WeightedTable<Degree>([(.associate, 3), (.bachelor, 85), (.master, 12)])
    private static let juniorDegrees = WeightedTable<Degree>([(.bachelor, 75), (.master, 24), (.doctorate, 1)])
    private static let seniorDegrees = WeightedTable<Degree>([(.bachelor, 55), (.master, 43), (.doctorate, 2)])

    /// Titles by age: young teachers start untitled, most reach 一级 by mid-career, 高级 is for
    /// a minority and 正高级 rare.
    static func titles(age: Int) -> WeightedTable<TeacherTitle> {
        switch age {
        case ..<26: return earlyTitles
        case ..<35: return youngTitles
        case ..<45: return midTitles
        default: return lateTitles
        }
    }

    private static let earlyTitles = WeightedTable<TeacherTitle>([(.none, 55), (.second, 45)])
    private static let youngTitles = WeightedTable<TeacherTitle>([(.second, 65), (.first, 35)])
    private static let midTitles = WeightedTable<TeacherTitle>([(.second, 25), (.first, 60), (.senior, 15)])
    private static let lateTitles = WeightedTable<TeacherTitle>([
        (.second, 10), (.first, 50), (.senior, 37), (.fullSenior, 3),
    ])

    /// Share of women among teachers of a stage.
    static func femaleShare(_ stage: Stage) -> Double {
        switch stage {
        case .kindergarten: return 0.97
        case .primary: return 0.80
        case .junior, .special: return 0.70
        case .senior: return 0.60
        }
    }

    /// Teachers each stage of the school needs: kindergartens 2 per class, others pupils ÷ norm.
    func teacherCount(_ stage: Stage) -> Int {
        if stage == .kindergarten {
            return DemoCalibration.kindergartenTeachersPerClass * stage.grades.reduce(0) { $0 + (classes[$1] ?? 0) }
        }
        let pupils = stage.grades.reduce(0) { $0 + (city.pupilsPerGrade[index][$1] ?? 0) }
        return max(2, Int((Double(pupils) / DemoCalibration.pupilsPerTeacher(stage)).rounded(.up)))
    }

    mutating func makeTeachers(identities: inout DemoIdentities, random: inout DemoRandom) {
        let pupils = city.pupilsPerGrade[index].values.reduce(0, +)
        var psychologists = 0
        if kind != .kindergarten && random.chance(DemoCalibration.fullTimePsychologyShare) {
            psychologists = pupils >= 1_500 ? 2 : 1
        }
        // Key teachers cluster in some schools: the district rate varies ±50% between schools.
        let keyShare = DemoCalibration.keyTeacherShare(place.zoneKind) * random.double(in: 0.5...1.5)
        for stage in kind.stages {
            for _ in 0..<max(1, teacherCount(stage)) {
                let subject: String
                if psychologists > 0 {
                    psychologists -= 1
                    subject = Self.psychologySubject
                } else {
                    subject = Self.subjects(stage).draw(&random)
                }
                teachers.append(makeTeacher(stage: stage, subject: subject, keyShare: keyShare,
                                            identities: &identities, random: &random))
            }
        }
    }

    private func makeTeacher(stage: Stage, subject: String, keyShare: Double,
                             identities: inout DemoIdentities, random: inout DemoRandom) -> Teacher {
        let gender: Gender = random.chance(Self.femaleShare(stage)) ? .female : .male
        let age = random.int(in: 23...60)
        // Assumption: 60% of teachers hold Shanghai hukou numbers (half of them of this district).
        let area = random.chance(0.6) ? (random.chance(0.5) ? district : random.below(DemoIdentities.shanghaiAreas))
            : DemoIdentities.otherProvinceArea(&random)
        let days = DemoCalendar.shared.days(of: DemoCalibration.currentYear - age)
        let issued = identities.issue(area: area, day: days.lowerBound + random.below(days.count), gender: gender,
                                      within: days)
        let draw = random.unit()
        let level: KeyTeacherLevel
        if age >= 30 && draw < keyShare {
            level = random.chance(DemoCalibration.municipalShareOfKeyTeachers) ? .municipal : .district
        } else if age >= 30 && draw < keyShare + DemoCalibration.schoolLevelKeyTeacherShare {
            level = .school
        } else {
            level = .none
        }
        var title = Self.titles(age: age).draw(&random)
        if level.isDistrictOrAbove && (title == .none || title == .third || title == .second) { title = .first }
        return Teacher(nationalID: issued.id, name: DemoNames.personName(gender, surname: DemoNames.surnames.draw(&random),
                                                                       random: &random),
                       schoolID: school.id, subject: subject, title: title, degree: Self.degrees(stage).draw(&random),
                       keyTeacherLevel: level, specialism: Self.specialism(ofSubject: subject),
                       fullTimePsychology: subject == Self.psychologySubject)
    }
}
