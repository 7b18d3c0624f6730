import Foundation

/// Careers for the demo city's teachers, from what the registry already says about each (school,
/// title, key level, age from the ID number), deterministic for a seed. Assumptions, not found
/// figures: a teacher starts at 23, about a third moved school once; titles were gained about every
/// six years; training runs at 50–110 hours a year of city, district and school courses (most keep
/// pace with 360 hours in five years, some fall behind); one teacher in 40 rotates now, one in 25
/// rotated before; one new hire in 30 came from another province.
public enum TeacherHistoryDemo {
    public struct Teacher: Sendable {
        public var nationalID: String
        public var schoolID: String
        public var title: TeacherTitle
        public var keyLevel: KeyTeacherLevel
        /// The school's district: each district gets review cases of its own.
        public var districtCode: String
        public init(nationalID: String, schoolID: String, title: TeacherTitle, keyLevel: KeyTeacherLevel, districtCode: String = "") {
            self.nationalID = nationalID; self.schoolID = schoolID; self.title = title; self.keyLevel = keyLevel; self.districtCode = districtCode
        }
    }

    public struct Records: Sendable {
        public var appointments: [TeacherAppointment] = []
        public var qualifications: [TeacherQualification] = []
        public var training: [TeacherTraining] = []
        public var rotations: [TeacherRotation] = []
    }

    static let courses: [(String, String, TeacherTraining.Kind)] = [
        ("新课程标准解读", "市师资培训中心", .city), ("大单元教学设计", "区教师进修学院", .district), ("作业设计与评价", "区教师进修学院", .district),
        ("信息技术与课堂教学融合", "市师资培训中心", .online), ("心理健康教育", "区教师进修学院", .district),
        ("校本教研：听评课", "本校", .school), ("课题研究方法", "区教师进修学院", .district), ("班主任工作", "本校", .school),
    ]
    /// Provinces a demo hire came from: some protected (central, west, north-east), some not.
    static let previousProvinces = ["51", "41", "23", "32", "33", "42", "61", "36"]

    /// - Parameters:
    ///   - otherSchools: schools of the same district and stage, to which a teacher may have belonged before or rotate.
    public static func generate(_ teachers: [Teacher], otherSchools: (String) -> [String], today: CaseDate, seed: UInt64) -> Records {
        var random = SplitMix64(seed: seed ^ 0x7465_6163_6865_7273)
        var records = Records()
        let cycleStart = TeacherRules.shanghai.cycle(containing: today).lowerBound
        let previousCycleStart = CaseDate(year: cycleStart.year - TeacherRules.shanghai.cycleYears, month: 1, day: 1)
        for teacher in teachers {
            guard let id = try? NationalID(teacher.nationalID) else { continue }
            let birth = CaseDate(id.birthDate)!
            let careerStart = CaseDate(year: max(birth.year + 23, 1985), month: 9, day: 1)
            guard careerStart < today else { continue }
            let others = otherSchools(teacher.schoolID).filter { $0 != teacher.schoolID }
            // About a third moved once, a few years after starting.
            var joined = careerStart
            if let before = others.randomElement(using: &random), random.next() % 3 == 0 {
                let years = Int(random.next() % 12) + 2
                let moved = CaseDate(year: min(careerStart.year + years, today.year - 1), month: 9, day: 1)
                if moved > careerStart {
                    records.appointments.append(TeacherAppointment(teacherNationalID: teacher.nationalID, schoolID: before, post: .teacher,
                                                                   from: careerStart, until: moved.adding(days: -1)))
                    joined = moved
                }
            }
            let newHire = joined.year >= today.year - 2 && random.next() % 10 == 0
            let post: TeacherPost = random.next() % 12 == 0 ? .middleManager : .teacher
            records.appointments.append(TeacherAppointment(
                teacherNationalID: teacher.nationalID, schoolID: teacher.schoolID, post: post, from: joined,
                previousProvince: newHire ? previousProvinces[Int(random.next() % UInt64(previousProvinces.count))] : nil))
            // Titles one step about every six years from the start, up to the registry's title.
            let ladder: [TeacherTitle] = [.second, .first, .senior, .fullSenior]
            for (step, title) in ladder.enumerated() where ladder.firstIndex(of: teacher.title).map({ step <= $0 }) ?? false {
                let since = CaseDate(year: min(careerStart.year + 1 + step * 6, today.year), month: 12, day: 1)
                records.qualifications.append(TeacherQualification(teacherNationalID: teacher.nationalID, kind: .title, value: title.rawValue,
                                                                   since: min(since, today)))
            }
            if teacher.keyLevel != .none {
                let since = CaseDate(year: max(careerStart.year + 5, today.year - Int(random.next() % 8) - 1), month: 3, day: 1)
                records.qualifications.append(TeacherQualification(teacherNationalID: teacher.nationalID, kind: .keyLevel,
                                                                   value: teacher.keyLevel.rawValue, since: min(since, today)))
            }
            // Training over the previous and the current cycle: 50–110 hours a year, a few courses a year.
            let yearlyTenths = 500 + Int(random.next() % 601)
            var day = max(previousCycleStart, joined)
            while day < today {
                let count = 3 + Int(random.next() % 3)
                for index in 0..<count {
                    let course = courses[Int(random.next() % UInt64(courses.count))]
                    let date = day.adding(days: index * 60 + Int(random.next() % 50))
                    guard date < today else { break }
                    records.training.append(TeacherTraining(teacherNationalID: teacher.nationalID, course: "\(course.0)（\(date.year)）",
                                                            provider: course.1, tenthHours: max(5, yearlyTenths / count / 5 * 5), date: date,
                                                            kind: course.2))
                }
                day = CaseDate(year: day.year + 1, month: day.month, day: 1)
            }
            // Rotations: a few rotate now (a three-year term), some rotated before.
            let draw = random.next() % 100
            if let target = others.randomElement(using: &random), joined.year < today.year - 6, draw < 7 {
                let now = draw < 3
                let start = now ? CaseDate(year: today.year - (today.month >= 9 ? 0 : 1), month: 9, day: 1)
                    : CaseDate(year: max(joined.year + 1, today.year - 8), month: 9, day: 1)
                let kinds: [TeacherRotation.Kind] = [.group, .group, .weakSchool, .rural, .newCity]
                records.rotations.append(TeacherRotation(
                    teacherNationalID: teacher.nationalID, fromSchoolID: teacher.schoolID, toSchoolID: target, start: start,
                    plannedEnd: CaseDate(year: start.year + (now ? 3 : 1), month: 8, day: 31), kind: kinds[Int(random.next() % 5)],
                    status: now ? .active : .returned))
            }
        }
        addReviewCases(teachers, to: &records, otherSchools: otherSchools, today: today, seed: seed)
        return records
    }

    /// Where the hires of the review cases came from: mostly protected provinces, some eastern ones
    /// (Jiangsu, Zhejiang, Guangdong, the last three), which the poaching list leaves out.
    static let reviewProvinces = ["51", "41", "23", "42", "61", "36", "22", "14", "32", "33", "44"]

    /// Cases for the district's review lists (`TeacherReviews`), drawn from a generator of their own so
    /// the careers above stay as they were for everyone else. In each district the first senior or key
    /// teacher without a rotation, and one in 40 of the others, was hired in the last three school years
    /// from another province; the district's first middle manager is proposed for school leadership next
    /// September and its second became vice-principal this September, and one in 8 (proposed) and one in
    /// 16 (appointed) of the others. The first never rotated, the second did; half of the others served
    /// a year or two of rotation before. A third of
    /// the 正高级 teachers and of the city's key senior teachers without a rotation served one before.
    static func addReviewCases(_ teachers: [Teacher], to records: inout Records, otherSchools: (String) -> [String], today: CaseDate, seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x7265_7669_6577_7300)
        let appointmentsOf = Dictionary(grouping: records.appointments.indices, by: { records.appointments[$0].teacherNationalID })
        let rotated = Set(records.rotations.map(\.teacherNationalID))
        var dropped = Set<Int>()
        var hiresIn = Set<String>(), managersIn: [String: Int] = [:]
        let september = CaseDate(year: today.schoolYear, month: 9, day: 1)
        for teacher in teachers {
            guard let indices = appointmentsOf[teacher.nationalID],
                  let current = indices.max(by: { records.appointments[$0].from < records.appointments[$1].from }) else { continue }
            let appointment = records.appointments[current]
            let others = otherSchools(teacher.schoolID).filter { $0 != teacher.schoolID }
            let draw = Int(random.next() % 120)
            /// A returned rotation from the current school that started in `year`, if they were there by then.
            func pastRotation(year: Int, years: Int, kind: TeacherRotation.Kind) {
                let start = CaseDate(year: year, month: 9, day: 1)
                guard let target = others.randomElement(using: &random), appointment.from < start, !rotated.contains(teacher.nationalID) else { return }
                records.rotations.append(TeacherRotation(
                    teacherNationalID: teacher.nationalID, fromSchoolID: teacher.schoolID, toSchoolID: target, start: start,
                    plannedEnd: CaseDate(year: year + years, month: 8, day: 31), kind: kind, status: .returned))
            }
            let seniorOrKey = teacher.title == .senior || teacher.title == .fullSenior || teacher.keyLevel.isDistrictOrAbove
            let mayBeHire = seniorOrKey && !rotated.contains(teacher.nationalID)
            // The district's first is always from a protected province (the first 8 of the list).
            let firstHire = mayBeHire && hiresIn.insert(teacher.districtCode).inserted
            if mayBeHire, firstHire || draw < 3 {
                // Hired 0–2 school years ago from another province: the career before it was elsewhere.
                dropped.formUnion(indices.filter { $0 != current })
                // `draw` is below 3 for the random cases but anything for the district's first.
                records.appointments[current].from = CaseDate(year: september.year - draw % 3, month: 9, day: 1)
                records.appointments[current].until = nil
                records.appointments[current].previousProvince = reviewProvinces[Int(random.next() % UInt64(firstHire ? 8 : reviewProvinces.count))]
            } else if appointment.post == .middleManager, appointment.until == nil {
                let seen = managersIn[teacher.districtCode, default: 0]
                // The district's first is a manager who never rotated, so its list always has one lacking rotation.
                let counted = seen > 0 || !rotated.contains(teacher.nationalID)
                if counted { managersIn[teacher.districtCode] = seen + 1 }
                let step = counted && seen < 2 ? UInt64(seen * 2) : random.next() % 16
                if step < 2 {
                    let start = CaseDate(year: september.year + 1, month: 9, day: 1)
                    records.appointments[current].until = start.adding(days: -1)
                    records.appointments.append(TeacherAppointment(
                        teacherNationalID: teacher.nationalID, schoolID: others.randomElement(using: &random) ?? teacher.schoolID,
                        post: step == 0 ? .principal : .vicePrincipal, from: start))
                    if seen > 0, random.next() % 2 == 0 { pastRotation(year: today.year - 5, years: 1 + Int(random.next() % 2), kind: .group) }
                } else if step == 2, appointment.from < september {
                    records.appointments[current].until = september.adding(days: -1)
                    records.appointments.append(TeacherAppointment(teacherNationalID: teacher.nationalID, schoolID: teacher.schoolID,
                                                                   post: .vicePrincipal, from: september))
                    // The district's second (appointed) always served one, so the list shows both kinds.
                    if seen == 1 || random.next() % 2 == 0 { pastRotation(year: today.year - 5, years: 1 + Int(random.next() % 2), kind: .group) }
                }
            } else if teacher.title == .fullSenior || (teacher.title == .senior && teacher.keyLevel == .municipal), random.next() % 3 == 0 {
                let kinds: [TeacherRotation.Kind] = [.newCity, .rural, .weakSchool, .group]
                pastRotation(year: today.year - 6 - Int(random.next() % 6), years: 1 + 2 * Int(random.next() % 2), kind: kinds[Int(random.next() % 4)])
            }
        }
        records.appointments = records.appointments.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}
