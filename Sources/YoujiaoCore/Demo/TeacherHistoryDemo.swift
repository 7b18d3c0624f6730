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
        public init(nationalID: String, schoolID: String, title: TeacherTitle, keyLevel: KeyTeacherLevel) {
            self.nationalID = nationalID; self.schoolID = schoolID; self.title = title; self.keyLevel = keyLevel
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
        return records
    }
}
