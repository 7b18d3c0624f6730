import Foundation
import Testing
@testable import YoujiaoCore

/// 综合素质评价 rules: what each dimension holds, the form's every refusal, the display's school
/// days, the summary a quota round reads, and who may do what.
@Suite("Growth record rules")
struct GrowthRecordTests {
    let today = CaseDate(year: 2026, month: 12, day: 7)   // a Monday

    func draft(_ changes: [String: String] = [:]) -> GrowthRecordDraft {
        var v = ["dimension": "practice", "kind": "social-practice", "title": "博物馆讲解", "detail": "", "date": "2026-11-20", "hours": "8", "level": ""]
        for (k, value) in changes { v[k] = value }
        return GrowthRecordDraft(dimension: v["dimension"]!, kind: v["kind"]!, title: v["title"]!, detail: v["detail"]!, date: v["date"]!,
                                 hours: v["hours"]!, level: v["level"]!)
    }

    func problem(_ changes: [String: String], author: GrowthRecord.Author = .teacher) -> GrowthProblem? {
        if case .failure(let p) = draft(changes).record(studentID: "s", schoolID: "x", writtenBy: "t", author: author, today: today) { return p }
        return nil
    }

    @Test func aRecordIsCheckedFieldByField() throws {
        let record = try draft().record(studentID: "s", schoolID: "x", writtenBy: "t", author: .teacher, today: today).get()
        #expect(record.tenthHours == 80 && record.schoolYear == 2026 && record.status == .written)
        #expect(problem(["dimension": "virtue"]) == GrowthProblem("dimension", .unknownDimension))
        #expect(problem(["kind": "health-test"]) == GrowthProblem("kind", .kindNotInDimension), "a health test is not social practice")
        #expect(problem(["dimension": "health", "kind": "health-test", "hours": "", "level": "good"], author: .student) == GrowthProblem("kind", .teacherOnlyKind))
        #expect(problem(["title": "  "]) == GrowthProblem("title", .titleLength))
        #expect(problem(["title": String(repeating: "长", count: 61)]) == GrowthProblem("title", .titleLength))
        #expect(problem(["detail": String(repeating: "长", count: 501)]) == GrowthProblem("detail", .detailTooLong))
        for bad in ["", "2026-02-30", "2026-1-05", "20261120", "2026-11-20x"] { #expect(problem(["date": bad]) == GrowthProblem("date", .badDate), "\(bad)") }
        #expect(problem(["date": "2026-12-08"]) == GrowthProblem("date", .dateInFuture))
        #expect(problem(["date": "2026-08-31"]) == GrowthProblem("date", .dateOutsideYear(2026)), "last school year")
        #expect(problem(["hours": ""]) == GrowthProblem("hours", .hoursRequired))
        for bad in ["0", "0.4", "200.1", "1.25", "abc", "-3", "1e2", "99999999999999999999"] {
            #expect(problem(["hours": bad]) == GrowthProblem("hours", .hoursOutOfRange), "\(bad)")
        }
        #expect(problem(["dimension": "arts", "kind": "award", "hours": "", "level": ""]) == GrowthProblem("level", .levelRequired))
        #expect(problem(["dimension": "arts", "kind": "award", "hours": "", "level": "excellent"]) == GrowthProblem("level", .levelRequired))
        #expect(problem(["dimension": "health", "kind": "health-test", "hours": "", "level": "city"]) == GrowthProblem("level", .gradeRequired))
        let award = try draft(["dimension": "arts", "kind": "award", "hours": "", "level": "city"])
            .record(studentID: "s", schoolID: "x", writtenBy: "t", author: .student, today: today).get()
        #expect(award.awardLevel == .city && award.tenthHours == nil && award.author == .student, "an award has no hours; the pupil wrote it")
    }

    @Test func aDisplayRunsFiveSchoolDays() {
        let framework = HolisticFramework.shanghai
        #expect(framework.displayEnd(openedOn: today) == CaseDate(year: 2026, month: 12, day: 11), "Monday to Friday")
        #expect(framework.displayEnd(openedOn: CaseDate(year: 2026, month: 12, day: 10)) == CaseDate(year: 2026, month: 12, day: 16), "Thursday: over the weekend")
        #expect(framework.displayEnd(openedOn: CaseDate(year: 2026, month: 12, day: 12)) == CaseDate(year: 2026, month: 12, day: 18), "opened on Saturday")
        #expect(CaseDate(year: 2026, month: 12, day: 12).isWeekend && CaseDate(year: 2026, month: 12, day: 13).isWeekend && !today.isWeekend)
        let display = GrowthDisplay(schoolID: "x", grade: .g7, classNumber: 1, schoolYear: 2026, opensOn: today, endsOn: framework.displayEnd(openedOn: today))
        #expect(display.phase(on: today) == .running && display.phase(on: CaseDate(year: 2026, month: 12, day: 11)) == .running)
        #expect(display.phase(on: CaseDate(year: 2026, month: 12, day: 12)) == .ended)
        #expect(framework.isDisplayed(.junior) && framework.isDisplayed(.senior) && !framework.isDisplayed(.primary), "primary is the lighter variant")
        #expect(GrowthObjection.checkedReason(" 短 ") == .failure(GrowthProblem("reason", .reasonLength)))
        #expect(GrowthObjection.checkedReason(" 活动当天没有举行。 ") == .success("活动当天没有举行。"))
    }

    @Test func theSummaryCountsArchivedRecordsOnly() {
        func record(_ dimension: GrowthDimension, _ kind: GrowthRecordKind, status: GrowthRecord.Status, hours: Int? = nil, level: AwardLevel? = nil,
                    grade: HealthGrade? = nil, day: Int = 1) -> GrowthRecord {
            GrowthRecord(studentID: "s", schoolID: "x", schoolYear: 2026, dimension: dimension, kind: kind, title: "t", detail: "",
                         date: CaseDate(year: 2026, month: 10, day: day), tenthHours: hours, awardLevel: level, healthGrade: grade, status: status, writtenBy: "t")
        }
        let summaries = GrowthDimensionSummary.summaries(of: [
            record(.practice, .socialPractice, status: .archived, hours: 80), record(.practice, .communityService, status: .archived, hours: 15),
            record(.practice, .socialPractice, status: .selected, hours: 500), record(.practice, .socialPractice, status: .withdrawn, hours: 40),
            record(.arts, .award, status: .archived, level: .district), record(.arts, .award, status: .archived, level: .city),
            record(.health, .healthTest, status: .archived, grade: .pass, day: 1), record(.health, .healthTest, status: .archived, grade: .good, day: 20)])
        let practice = summaries.first { $0.dimension == .practice }!, arts = summaries.first { $0.dimension == .arts }!
        #expect(practice.records == 2 && practice.tenthHours == 95, "selected and withdrawn records do not count")
        #expect(arts.highestAward == .city && summaries.first { $0.dimension == .health }!.healthGrade == .good, "the latest test counts")
        #expect(summaries.count == 5 && summaries.first { $0.dimension == .moral }!.records == 0)
    }

    @Test func whoMayDoWhat() {
        let teacher = AccessScope(role: .teacher, districtCode: "310101", schoolID: "A", teacherID: "t")
        let admin = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "A")
        let district = AccessScope(role: .districtAdmin, districtCode: "310101")
        #expect(GrowthAccess.canWrite(teacher, schoolID: "A") && !GrowthAccess.canWrite(teacher, schoolID: "B") && !GrowthAccess.canManage(teacher, schoolID: "A"))
        #expect(GrowthAccess.canManage(admin, schoolID: "A") && !GrowthAccess.canManage(admin, schoolID: "B"))
        #expect(GrowthAccess.canReadSchool(district, schoolID: "B", districtCode: "310101") && !GrowthAccess.canWrite(district, schoolID: "B"))
        #expect(!GrowthAccess.canReadSchool(district, schoolID: "C", districtCode: "310104"))
        #expect(!GrowthAccess.canReadSchool(AccessScope(role: .guardian, guardianID: "g"), schoolID: "A", districtCode: "310101"))
    }
}
