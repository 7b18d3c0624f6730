import Foundation

/// Written records for the demo city's junior and senior pupils, from a generator of their own so
/// the rest of the city stays as it was: one pupil in eight has none yet, the others one to three
/// this school year (activities with hours, awards with a level, the health test), one in three of
/// those pupils with a record already selected; no class has opened its display. An assumption for a
/// plausible demo, not a figure found.
public enum GrowthRecordDemo {
    public struct Pupil: Sendable {
        public var studentID: String
        public var schoolID: String
        public init(studentID: String, schoolID: String) { self.studentID = studentID; self.schoolID = schoolID }
    }

    static let activities: [(GrowthDimension, GrowthRecordKind, String)] = [
        (.practice, .socialPractice, "博物馆志愿讲解"), (.practice, .socialPractice, "社区垃圾分类宣传"), (.moral, .communityService, "敬老院志愿服务"),
        (.moral, .communityService, "图书馆整理图书"), (.academic, .researchProject, "校园植物调查"), (.academic, .researchProject, "家乡河道水质研究")]
    static let awards: [(GrowthDimension, String)] = [(.arts, "艺术节合唱比赛"), (.academic, "科技创新大赛"), (.arts, "书法比赛")]

    public static func generate(_ pupils: [Pupil], today: CaseDate, seed: UInt64) -> [GrowthRecord] {
        var random = SplitMix64(seed: seed ^ 0x6772_6F77_7468_0000)
        let yearStart = CaseDate(year: today.schoolYear, month: 9, day: 1)
        let span = max(0, yearStart.days(until: today))
        var records: [GrowthRecord] = []
        for pupil in pupils {
            guard Int.random(in: 0..<8, using: &random) != 0 else { continue }
            let count = Int.random(in: 1...3, using: &random)
            let selectFirst = Int.random(in: 0..<3, using: &random) == 0
            for index in 0..<count {
                let day = yearStart.adding(days: Int.random(in: 0...span, using: &random))
                var record: GrowthRecord
                switch Int.random(in: 0..<6, using: &random) {
                case 0, 1, 2, 3:
                    let (dimension, kind, title) = activities[Int.random(in: 0..<activities.count, using: &random)]
                    record = GrowthRecord(studentID: pupil.studentID, schoolID: pupil.schoolID, schoolYear: today.schoolYear, dimension: dimension,
                                          kind: kind, title: title, detail: "", date: day, tenthHours: 10 * Int.random(in: 2...16, using: &random),
                                          writtenBy: "demo")
                case 4:
                    let (dimension, title) = awards[Int.random(in: 0..<awards.count, using: &random)]
                    record = GrowthRecord(studentID: pupil.studentID, schoolID: pupil.schoolID, schoolYear: today.schoolYear, dimension: dimension,
                                          kind: .award, title: title, detail: "", date: day,
                                          awardLevel: [AwardLevel.school, .school, .district, .city][Int.random(in: 0..<4, using: &random)], writtenBy: "demo")
                default:
                    record = GrowthRecord(studentID: pupil.studentID, schoolID: pupil.schoolID, schoolYear: today.schoolYear, dimension: .health,
                                          kind: .healthTest, title: "体质健康测试", detail: "", date: day,
                                          healthGrade: [HealthGrade.excellent, .good, .good, .pass][Int.random(in: 0..<4, using: &random)], writtenBy: "demo")
                }
                if selectFirst && index == 0 { record.status = .selected }
                records.append(record)
            }
        }
        return records
    }
}
