import Foundation
import SQLKit
import YoujiaoCore

/// Visits and family-education activities for the demo city, so that supervision counts them from
/// logs. For the year of the demo's school reports the logs tell the reports' story: every pupil
/// visited where the report met the target, 70–95 % where it did not, and as many activities as
/// reported. The current school year is under way: 40–80 % of each school's pupils visited so far
/// and 1–3 activities. One school in ten logs nothing, so its report's figures still show.
/// Deterministic for a seed but for the row keys; written by the bulk writer.
public enum HomeVisitDemoLoader {
    public static func load(into registry: RegistryStore, reportYear: Int, seed: UInt64, today: CaseDate) async throws -> (visits: Int, activities: Int) {
        struct PupilRow: Decodable { var id: String; var schoolId: String; var grade: String?; var classNo: Int? }
        struct TeacherRow: Decodable { var id: String; var schoolId: String; var name: String }
        let sql = registry.sql
        let pupils = Dictionary(grouping: try await sql.all("SELECT id, school_id, grade, class_no FROM students WHERE school_id IS NOT NULL ORDER BY id",
                                                            as: PupilRow.self), by: \.schoolId)
        let teachers = Dictionary(grouping: try await sql.all("SELECT id, school_id, name FROM teachers ORDER BY id", as: TeacherRow.self), by: \.schoolId)
        let reports = Dictionary(try await SupervisionStore(registry.database).schoolReports(year: reportYear).map { ($0.schoolID, $0) },
                                 uniquingKeysWith: { first, _ in first })
        let currentYear = SchoolYear.of(today)
        var visits: [HomeVisit] = [], activities: [FamilyEducationActivity] = []
        var ids = RowIDs()
        let ways: [HomeVisit.Way] = [.home, .home, .home, .home, .home, .home, .home, .school, .school, .online]
        let topics = ["科学育儿与亲子沟通", "青春期心理健康", "家庭阅读习惯", "家校共育与习惯养成", "安全教育进家庭", "劳动教育在家庭"]
        let kinds: [FamilyEducationActivity.Kind] = [.lecture, .practice, .parentSchool, .consultation]
        for (index, schoolID) in pupils.keys.sorted().enumerated() {
            var random = SplitMix64(seed: seed &+ 0x9E37_79B9 &* UInt64(index + 1))
            // One school in ten keeps to its yearly report.
            guard Int.random(in: 0..<10, using: &random) != 0 else { continue }
            let schoolPupils = pupils[schoolID] ?? []
            let staff = teachers[schoolID] ?? []
            for year in Set([reportYear, currentYear]).sorted() where year <= currentYear {
                let start = SchoolYear.start(year)
                let last = min(SchoolYear.end(year), today)
                guard start <= last else { continue }
                let span = start.days(until: last)
                let share: Double
                let activityCount: Int
                if year == currentYear && year != reportYear {
                    share = Double.random(in: 0.4...0.8, using: &random)
                    activityCount = Int.random(in: 1...3, using: &random)
                } else if let report = reports[schoolID] {
                    share = min(1, Double(report.homeVisits ?? schoolPupils.count) / Double(max(schoolPupils.count, 1)))
                    activityCount = min(report.familyEducationActivities ?? 4, 12)
                } else {
                    continue
                }
                for pupil in schoolPupils where Double.random(in: 0..<1, using: &random) < share {
                    let teacher = staff.isEmpty ? nil : staff[Int.random(in: 0..<staff.count, using: &random)]
                    let followUp = Int.random(in: 0..<10, using: &random) == 0
                    let date = start.adding(days: Int.random(in: 0...span, using: &random))
                    visits.append(HomeVisit(
                        id: ids.next(),
                        studentID: pupil.id, schoolID: schoolID, date: date, way: ways[Int.random(in: 0..<ways.count, using: &random)],
                        attendees: "班主任、家长", note: "", followUp: followUp ? "学习习惯需家校配合跟进" : nil,
                        followUpClosedOn: followUp && (year < currentYear || Bool.random(using: &random)) ? min(date.adding(days: 14), today) : nil,
                        teacherID: teacher?.id, loggedByName: teacher?.name ?? "学校管理员"))
                }
                for number in 0..<activityCount {
                    let kind = kinds[Int.random(in: 0..<kinds.count, using: &random)]
                    activities.append(FamilyEducationActivity(
                        id: "demo-\(schoolID)-\(year)-\(number)", schoolID: schoolID, date: start.adding(days: span * (number + 1) / (activityCount + 1)),
                        kind: kind, topic: topics[(index + number) % topics.count], course: kind == .parentSchool ? "家长学校系列课程" : nil,
                        attendance: Int.random(in: 20...300, using: &random), grade: nil, classNumber: nil))
                }
            }
        }
        let store = HomeVisitStore(registry.database)
        try await store.transaction { [visits, activities] tx in try await BulkWriter(database: tx.database).withLargeCache {
            try await tx.insert(visits: visits, loggedBy: "demo")
            try await tx.insert(activities: activities, loggedBy: "demo")
        } }
        return (visits.count, activities.count)
    }
}
