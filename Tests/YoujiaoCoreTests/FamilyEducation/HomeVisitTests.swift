import Testing
@testable import YoujiaoCore

/// 家访 coverage and the forms' rules: a pupil counts once, the school year starts 1 September,
/// every field is bounded, and who may log what.
@Suite("Home visits")
struct HomeVisitTests {
    let today = CaseDate(year: 2026, month: 12, day: 6)
    let c32 = SchoolClass(grade: .g3, number: 2), c31 = SchoolClass(grade: .g3, number: 1)

    func form(_ changes: [String: String] = [:]) -> [String: String] {
        ["date": "2026-11-20", "way": "home", "attendees": "班主任、母亲", "note": "学习习惯良好", "follow_up": "no"].merging(changes) { $1 }
    }

    func visit(_ form: [String: String]) throws -> HomeVisit {
        try HomeVisit.proposed(id: "v", studentID: "s", schoolID: "x", form: form, today: today, teacherID: "t", loggedByName: "张老师")
    }

    @Test func theSchoolYearStartsOnTheFirstOfSeptember() {
        #expect(SchoolYear.of(CaseDate(year: 2026, month: 8, day: 31)) == 2025)
        #expect(SchoolYear.of(CaseDate(year: 2026, month: 9, day: 1)) == 2026)
        #expect(SchoolYear.of(CaseDate(year: 2027, month: 3, day: 1)) == 2026)
    }

    @Test func aPupilVisitedTwiceCountsOnceAndFollowUpsCountPerVisit() {
        let pupils: [VisitCoverageRules.Pupil] = [.init(id: "a", schoolClass: c32), .init(id: "b", schoolClass: c32), .init(id: "c", schoolClass: c31),
                                                  .init(id: "d", schoolClass: nil)]
        let visits: [VisitCoverageRules.Visit] = [.init(studentID: "a", followUpOpen: true), .init(studentID: "a", followUpOpen: true),
                                                  .init(studentID: "c", followUpOpen: false), .init(studentID: "gone", followUpOpen: true)]
        let byClass = VisitCoverageRules.byClass(pupils: pupils, visits: visits)
        #expect(byClass[c32] == VisitCoverage(pupils: 2, visited: 1, openFollowUps: 2))
        #expect(byClass[c31] == VisitCoverage(pupils: 1, visited: 1, openFollowUps: 0))
        #expect(byClass[nil] == VisitCoverage(pupils: 1, visited: 0, openFollowUps: 0))
        let total = VisitCoverageRules.total(byClass.values)
        #expect(total.pupils == 4 && total.visited == 2 && total.notVisited == 2 && total.percent == 50 && !total.isComplete)
        #expect(byClass[c31]!.isComplete && byClass[c31]!.percent == 100)
        #expect(VisitCoverage(pupils: 3, visited: 2).percent == 66, "rounded down: never 100 % before every pupil")
        #expect(VisitCoverage().percent == nil && VisitCoverage().isComplete)
        #expect(VisitCoverageRules.notVisited(pupils: pupils, visits: visits).map(\.id) == ["b", "d"])
    }

    @Test func classesReadFromAddresses() {
        #expect(SchoolClass("3-2") == c32 && SchoolClass("K1-0") == SchoolClass(grade: .k1, number: nil))
        for bad in ["", "3", "3-", "13-1", "3-123", "3-x", "3-2-1", "-1"] { #expect(SchoolClass(bad) == nil, "\(bad)") }
        #expect(c32.description == "3-2" && c31 < c32)
    }

    @Test func aVisitFormIsCheckedFieldByField() throws {
        let saved = try visit(form())
        #expect(saved.way == .home && saved.followUp == nil && saved.schoolYear == 2026 && !saved.followUpOpen)
        let followed = try visit(form(["follow_up": "yes", "follow_up_text": "联系心理老师"]))
        #expect(followed.followUp == "联系心理老师" && followed.followUpOpen)
        let refusals: [([String: String], String)] = [
            (["date": "2026-13-01"], "date"), (["date": "tomorrow"], "date"), (["date": "2026-12-07"], "date"), (["date": "2026-08-31"], "date"),
            (["date": String(repeating: "9", count: 40)], "date"), (["way": "phone"], "way"), (["attendees": ""], "attendees"),
            (["attendees": String(repeating: "人", count: 101)], "attendees"), (["note": String(repeating: "字", count: 501)], "note"),
            (["note": "bell\u{7}"], "note"), (["follow_up": "maybe"], "follow_up"), (["follow_up": "yes"], "follow_up_text"),
            (["follow_up": "yes", "follow_up_text": String(repeating: "x", count: 201)], "follow_up_text"),
        ]
        for (change, field) in refusals {
            #expect(throws: CampaignProblem.self, "\(change)") { try visit(form(change)) }
            do { _ = try visit(form(change)) } catch let problem as CampaignProblem { #expect(problem.field == field, "\(change) names \(field)") } catch {}
        }
        #expect(try visit(form(["note": String(repeating: "字", count: 500), "date": "2026-09-01"])).note.count == 500)
    }

    @Test func anActivityFormIsCheckedFieldByField() throws {
        func activity(_ changes: [String: String]) throws -> FamilyEducationActivity {
            let base = ["date": "2026-10-10", "kind": "lecture", "topic": "亲子沟通", "attendance": "120"]
            return try FamilyEducationActivity.proposed(id: "a", schoolID: "x", form: base.merging(changes) { $1 }, grades: [.g1, .g2, .g3], today: today)
        }
        #expect(try activity([:]).attendance == 120)
        let course = try activity(["kind": "parent-school", "course": "新生家长课堂"])
        #expect(course.course == "新生家长课堂")
        let classScoped = try activity(["grade": "3", "class": "2"])
        #expect(classScoped.grade == .g3 && classScoped.classNumber == 2)
        let refusals: [([String: String], String)] = [
            (["date": "2027-01-01"], "date"), (["date": "2026-02-30"], "date"), (["kind": "party"], "kind"), (["topic": ""], "topic"),
            (["kind": "parent-school"], "course"), (["course": "系列"], "course"), (["attendance": "0"], "attendance"),
            (["attendance": "5001"], "attendance"), (["attendance": "99999999999999999999999"], "attendance"), (["attendance": "-3"], "attendance"),
            (["attendance": "1.5"], "attendance"), (["grade": "7", "class": "1"], "grade"), (["grade": "3"], "class"), (["grade": "3", "class": "31"], "class"),
            (["grade": "3", "class": "999999999999"], "class"),
        ]
        for (change, field) in refusals {
            do { _ = try activity(change); Issue.record("\(change) accepted") } catch let problem as CampaignProblem {
                #expect(problem.field == field, "\(change) names \(field)")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func whoMayLogReadAndDelete() {
        let teacher = AccessScope(role: .teacher, districtCode: "310101", schoolID: "A", teacherID: "t1")
        let other = AccessScope(role: .teacher, districtCode: "310101", schoolID: "A", teacherID: "t2")
        let admin = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "A")
        let district = AccessScope(role: .districtAdmin, districtCode: "310101")
        let xuhui = AccessScope(role: .districtAdmin, districtCode: "310104")
        let parent = AccessScope(role: .guardian, guardianID: "g")
        let table: [(AccessScope, log: Bool, read: Bool, activities: Bool, districtRead: Bool)] = [
            (teacher, true, true, false, false), (admin, true, true, true, false), (district, false, true, false, true),
            (xuhui, false, false, false, false), (AccessScope(role: .cityAdmin), false, true, false, true), (parent, false, false, false, false),
            (AccessScope(role: .teacher, districtCode: "310101", schoolID: "B", teacherID: "t3"), false, false, false, false),
        ]
        for row in table {
            #expect(HomeVisitAccess.canLog(row.0, schoolID: "A") == row.log, "\(row.0.role) logs")
            #expect(HomeVisitAccess.canRead(row.0, schoolID: "A", districtCode: "310101") == row.read, "\(row.0.role) reads")
            #expect(HomeVisitAccess.canLogActivities(row.0, schoolID: "A") == row.activities, "\(row.0.role) logs activities")
            #expect(HomeVisitAccess.canReadDistrict(row.0, districtCode: "310101") == row.districtRead, "\(row.0.role) reads the district")
        }
        let visit = HomeVisit(id: "v", studentID: "s", schoolID: "A", date: today, way: .home, attendees: "", note: "", followUp: nil,
                              teacherID: "t1", loggedByName: "")
        #expect(HomeVisitAccess.canDelete(teacher, visit: visit) && HomeVisitAccess.canDelete(admin, visit: visit))
        #expect(!HomeVisitAccess.canDelete(other, visit: visit) && !HomeVisitAccess.canDelete(district, visit: visit))
    }

    @Test func loggedFiguresReplaceReportedOnesForLoggingSchoolsOnly() {
        let reports = [SchoolReport(schoolID: "A", year: 2026, floorArea: 10, homeVisits: 900, familyEducationActivities: 9),
                       SchoolReport(schoolID: "B", year: 2026, homeVisits: 50, familyEducationActivities: 5)]
        let merged = FamilyEducationCounts.merge(reports: reports, counts: ["A": .init(pupilsVisited: 40, activities: 2), "C": .init(pupilsVisited: 1, activities: 0)],
                                                 year: 2026)
        #expect(merged.map(\.schoolID) == ["A", "B", "C"])
        #expect(merged[0].homeVisits == 40 && merged[0].familyEducationActivities == 2 && merged[0].floorArea == 10)
        #expect(merged[1].homeVisits == 50 && merged[1].familyEducationActivities == 5)
        #expect(merged[2].homeVisits == 1 && merged[2].floorArea == nil)
    }
}
