import Foundation
import Testing
@testable import YoujiaoCore

/// The rules of a case file, on hand-built files. Each refusal names its field and leaves the file unchanged.
@Suite("Special education: case-file rules")
struct SpecialEducationRulesTests {
    typealias F = SpecialEducationFixtures
    let today = F.today

    /// Expects `body` to refuse with a problem on `field`, and the file to be unchanged.
    func refused(_ file: CaseFile, field: String, containing text: String = "", sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: (inout CaseFile) throws -> CaseChange) {
        var copy = file
        do {
            _ = try body(&copy)
            Issue.record("expected a refusal on \(field)", sourceLocation: sourceLocation)
        } catch let error as CaseFileProblem {
            #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
            #expect(text.isEmpty || error.en.contains(text), "\(error.en)", sourceLocation: sourceLocation)
            #expect(!error.zh.isEmpty, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
        #expect(copy == file, "a refused change leaves the file as it was", sourceLocation: sourceLocation)
    }

    @Test func datesParseAndCount() {
        #expect(CaseDate("2024-02-29")?.description == "2024-02-29")
        #expect(CaseDate("2025/9/1")?.description == "2025-09-01")
        #expect(CaseDate("20250901")?.description == "2025-09-01")
        for bad in ["2025-02-29", "2025-13-01", "25-09-01", "2025-9", "", "abcd-ef-gh", "2025-09-01x"] { #expect(CaseDate(bad) == nil, "\(bad)") }
        #expect(F.day("2024-02-28").adding(days: 2) == F.day("2024-03-01"))
        #expect(F.day("2025-01-31").adding(months: 1) == F.day("2025-02-28"))
        #expect(F.day("2025-12-31").adding(days: 1) == F.day("2026-01-01"))
        #expect(F.day("2025-09-01").fullMonths(until: F.day("2025-11-30")) == 2)
        #expect(F.day("2025-09-01").fullMonths(until: F.day("2025-12-01")) == 3)
        #expect(F.day("2025-09-01").fullMonths(until: F.day("2025-08-01")) == 0)
        #expect(F.day("2017-03-05").age(on: F.day("2025-03-04")) == 7)
        #expect(F.day("2017-03-05").age(on: F.day("2025-03-05")) == 8)
        #expect(F.day("2025-08-31").schoolYear == 2024 && F.day("2025-09-01").schoolYear == 2025)
        #expect(CaseDate.today(now: Date(timeIntervalSince1970: 1_764_000_000)) == F.day("2025-11-25"), "Shanghai time, UTC+8")
    }

    @Test func aFileOpensAtAChildsStageBetweenBirthAndToday() throws {
        let child = F.child(born: "2017-03-05")
        #expect(throws: CaseFileProblem.self) {
            try CaseFile.open(SpecialEducationCase(districtCode: "310101", stage: .special, category: .vision, level: .one, openedOn: F.day("2024-01-01")),
                              child: child, today: today)
        }
        for (opened, reason) in [("2016-01-01", "before the child's birth"), ("2025-11-21", "in the future")] {
            do throws(CaseFileProblem) {
                _ = try CaseFile.open(SpecialEducationCase(districtCode: "310101", stage: .primary, category: .vision, level: .one, openedOn: F.day(opened)),
                                      child: child, today: today)
                Issue.record("opened on \(opened) accepted")
            } catch {
                #expect(error.field == "opened_on" && error.en.contains(reason))
            }
        }
    }

    @Test func placementsNeedASchoolOfTheRightKindAndStage() throws {
        let file = try F.openFile()
        refused(file, field: "school_id", containing: "not the child's stage primary") {
            try $0.addPlacement(CasePlacement(kind: .mainstream, schoolID: F.junior.id, stage: .primary, startDate: F.day("2025-09-01")), school: F.junior, today: today)
        }
        refused(file, field: "school_id", containing: "not a special-education school") {
            try $0.addPlacement(CasePlacement(kind: .specialSchool, schoolID: F.primary.id, stage: .primary, startDate: F.day("2025-09-01")), school: F.primary, today: today)
        }
        refused(file, field: "school_id", containing: "needs a responsible school") {
            try $0.addPlacement(CasePlacement(kind: .homeTeaching, schoolID: "", stage: .primary, startDate: F.day("2025-09-01"), visitsPerMonth: 2), school: nil, today: today)
        }
        refused(file, field: "visits_per_month") {
            try $0.addPlacement(CasePlacement(kind: .homeTeaching, schoolID: F.special.id, stage: .primary, startDate: F.day("2025-09-01")), school: F.special, today: today)
        }
        refused(file, field: "school_id", containing: "neither the child's stage") {
            try $0.addPlacement(CasePlacement(kind: .homeTeaching, schoolID: F.kindergarten.id, stage: .primary, startDate: F.day("2025-09-01"), visitsPerMonth: 2),
                                school: F.kindergarten, today: today)
        }
        refused(file, field: "end_date", containing: "before the start date") {
            try $0.addPlacement(CasePlacement(kind: .mainstream, schoolID: F.primary.id, stage: .primary, startDate: F.day("2025-09-01"),
                                              endDate: F.day("2025-08-01")), school: F.primary, today: today)
        }
        refused(file, field: "stage") {
            try $0.addPlacement(CasePlacement(kind: .mainstream, schoolID: F.junior.id, stage: .junior, startDate: F.day("2025-09-01")), school: F.junior, today: today)
        }
        // A special school takes the child whatever their stage; a special class sits in a school of the stage.
        var placed = file
        _ = try placed.addPlacement(CasePlacement(kind: .specialSchool, schoolID: F.special.id, stage: .primary, startDate: F.day("2024-09-01"), visitsPerMonth: 3),
                                    school: F.special, today: today)
        #expect(placed.placements.first?.visitsPerMonth == nil, "visits a month belong to home teaching only")
    }

    @Test func aNewPlacementEndsThePreviousOneTheDayBefore() throws {
        var file = try F.placedFile(start: "2024-09-01")
        let change = try file.addPlacement(CasePlacement(kind: .homeTeaching, schoolID: F.special.id, stage: .primary, startDate: F.day("2025-03-01"),
                                                         visitsPerMonth: 4), school: F.special, today: today)
        guard case .placement(let placement, let closing?) = change else { Issue.record("no closing in \(change)"); return }
        #expect(closing.endDate == F.day("2025-02-28"))
        #expect(file.currentPlacement(on: today) == placement)
        #expect(file.currentPlacement(on: F.day("2025-02-28"))?.kind == .mainstream)
        refused(file, field: "start_date", containing: "after the previous placement's start") {
            try $0.addPlacement(CasePlacement(kind: .mainstream, schoolID: F.primary.id, stage: .primary, startDate: F.day("2025-03-01")), school: F.primary, today: today)
        }
    }

    @Test func plansNeedOrderedDatesReviewsAndMeasurableGoals() throws {
        let file = try F.placedFile()
        refused(file, field: "end_date", containing: "is not after the start date") { try $0.addPlan(F.plan("2026-07-10", "2025-09-01", reviews: ["2025-11-15"]), today: today) }
        refused(file, field: "review_dates", containing: "at least one") { try $0.addPlan(F.plan(reviews: []), today: today) }
        refused(file, field: "review_dates", containing: "outside the plan's period") { try $0.addPlan(F.plan(reviews: ["2026-08-01"]), today: today) }
        refused(file, field: "review_dates", containing: "twice") { try $0.addPlan(F.plan(reviews: ["2025-11-15", "2025-11-15"]), today: today) }
        refused(file, field: "criterion", containing: "measurable criterion") {
            try $0.addPlan(F.plan(goals: [PlanGoal(description: "认读汉字", criterion: "  ")]), today: today)
        }
        refused(file, field: "target_date") {
            try $0.addPlan(F.plan(goals: [PlanGoal(description: "认读汉字", criterion: "4 次中 3 次", targetDate: F.day("2027-01-01"))]), today: today)
        }
        var planned = file
        let plan = F.plan()
        _ = try planned.addPlan(plan, today: today)
        refused(planned, field: "criterion") { try $0.addGoal(PlanGoal(description: "独立整理书包", criterion: ""), planID: plan.plan.id) }
        refused(planned, field: "description") { try $0.addGoal(PlanGoal(description: "", criterion: "10 天中 8 天"), planID: plan.plan.id) }
        refused(planned, field: "plan_id") { try $0.addGoal(PlanGoal(description: "x", criterion: "y"), planID: "no-such-plan") }
        refused(planned, field: "sessions_per_month") {
            try $0.addService(PlanService(domain: .rehabilitation, description: "言语康复", provider: "区康复中心", sessionsPerMonth: 0), planID: plan.plan.id)
        }
        _ = try planned.addGoal(PlanGoal(description: "独立整理书包", criterion: "10 个上学日中 8 天独立完成"), planID: plan.plan.id)
        #expect(planned.plans[0].goals.count == 2)
    }

    @Test func aNewPlanCutsTheRunningOneShort() throws {
        var file = try F.placedFile()
        let first = F.plan("2025-09-01", "2026-07-10", reviews: ["2025-10-15", "2026-01-15", "2026-06-30"])
        _ = try file.addPlan(first, today: today)
        let second = F.plan("2025-11-01", "2026-07-10", reviews: ["2026-01-15"])
        let change = try file.addPlan(second, today: today)
        guard case .plan(_, let shortening?) = change else { Issue.record("no shortening"); return }
        #expect(shortening.endDate == F.day("2025-10-31"))
        #expect(shortening.reviewDates == [F.day("2025-10-15")], "review dates after the new end are dropped")
        #expect(file.activePlan(on: today)?.plan.id == second.plan.id)
        refused(file, field: "start_date") { try $0.addPlan(F.plan("2025-10-01", "2026-07-10", reviews: ["2026-01-15"]), today: today) }
    }

    @Test func cuttingAPlanOrPlacementShortNeverStrandsARecordedReviewOrVisit() throws {
        var file = try F.placedFile(.homeTeaching, at: F.special, start: "2025-09-01", visits: 2)
        let plan = F.plan("2025-09-01", "2026-07-10", reviews: ["2025-10-15"])
        _ = try file.addPlan(plan, today: today)
        _ = try file.addReview(PlanReview(date: F.day("2025-10-20"), outcome: .continuePlan, summary: "ok", goalResults: [plan.goals[0].id: .progressing]),
                               planID: plan.plan.id, today: today)
        _ = try file.addVisit(HomeTeachingVisit(placementID: "", date: F.day("2025-11-03"), teacher: "周老师", minutes: 90, content: "识字"), today: today)
        refused(file, field: "start_date", containing: "reviewed on 2025-10-20") {
            try $0.addPlan(F.plan("2025-10-20", "2026-07-10", reviews: ["2026-01-15"]), today: today)
        }
        refused(file, field: "start_date", containing: "a visit on 2025-11-03") {
            try $0.addPlacement(CasePlacement(kind: .mainstream, schoolID: F.primary.id, stage: .primary, startDate: F.day("2025-11-03")), school: F.primary, today: today)
        }
        refused(file, field: "date", containing: "a visit on 2025-11-03") {
            try $0.handOver(StageHandOver(date: F.day("2025-11-02"), fromStage: .primary, toStage: .junior, fromSchoolID: nil, toSchoolID: F.junior.id, summary: "x"),
                            placement: CasePlacement(kind: .mainstream, schoolID: F.junior.id, stage: .junior, startDate: F.day("2025-11-02")), school: F.junior, today: today)
        }
        _ = try file.addPlacement(CasePlacement(kind: .mainstream, schoolID: F.primary.id, stage: .primary, startDate: F.day("2025-11-04")), school: F.primary, today: today)
        _ = try file.addPlan(F.plan("2025-10-21", "2026-07-10", reviews: ["2026-01-15"]), today: today)
        #expect(file.plans[0].plan.endDate == F.day("2025-10-20"))
    }

    @Test func reviewsCoverEveryGoalWithinThePlanAndNotInTheFuture() throws {
        var file = try F.placedFile()
        let plan = F.plan()
        _ = try file.addPlan(plan, today: today)
        let goal = plan.goals[0].id
        refused(file, field: "date", containing: "in the future") {
            try $0.addReview(PlanReview(date: F.day("2025-12-01"), outcome: .continuePlan, summary: "ok", goalResults: [goal: .progressing]), planID: plan.plan.id, today: today)
        }
        refused(file, field: "date", containing: "outside the plan's period") {
            try $0.addReview(PlanReview(date: F.day("2025-08-01"), outcome: .continuePlan, summary: "ok", goalResults: [goal: .progressing]), planID: plan.plan.id, today: today)
        }
        refused(file, field: "result_\(goal)") {
            try $0.addReview(PlanReview(date: F.day("2025-11-15"), outcome: .continuePlan, summary: "ok", goalResults: [:]), planID: plan.plan.id, today: today)
        }
        refused(file, field: "result_nope") {
            try $0.addReview(PlanReview(date: F.day("2025-11-15"), outcome: .continuePlan, summary: "ok", goalResults: [goal: .achieved, "nope": .achieved]),
                             planID: plan.plan.id, today: today)
        }
        refused(file, field: "summary") {
            try $0.addReview(PlanReview(date: F.day("2025-11-15"), outcome: .continuePlan, summary: " ", goalResults: [goal: .achieved]), planID: plan.plan.id, today: today)
        }
        _ = try file.addReview(PlanReview(date: F.day("2025-11-15"), outcome: .continuePlan, summary: "按计划推进", goalResults: [goal: .achieved]),
                               planID: plan.plan.id, today: today)
        refused(file, field: "date", containing: "before the previous review") {
            try $0.addReview(PlanReview(date: F.day("2025-11-01"), outcome: .revise, summary: "ok", goalResults: [goal: .achieved]), planID: plan.plan.id, today: today)
        }
    }

    @Test func visitsBelongToAHomeTeachingPlacement() throws {
        let mainstream = try F.placedFile()
        refused(mainstream, field: "date", containing: "no home-teaching placement") {
            try $0.addVisit(HomeTeachingVisit(placementID: "", date: F.day("2025-10-01"), teacher: "周老师", minutes: 90, content: "识字"), today: today)
        }
        var home = try F.placedFile(.homeTeaching, at: F.special, start: "2025-09-01", visits: 2)
        refused(home, field: "date", containing: "in the future") {
            try $0.addVisit(HomeTeachingVisit(placementID: "", date: F.day("2025-12-01"), teacher: "周老师", minutes: 90, content: "识字"), today: today)
        }
        refused(home, field: "minutes") {
            try $0.addVisit(HomeTeachingVisit(placementID: "", date: F.day("2025-10-01"), teacher: "周老师", minutes: 5, content: "识字"), today: today)
        }
        let change = try home.addVisit(HomeTeachingVisit(placementID: "", date: F.day("2025-10-01"), teacher: "周老师", minutes: 90, content: "识字"), today: today)
        guard case .visit(let visit) = change else { Issue.record("\(change)"); return }
        #expect(visit.placementID == home.placements[0].id, "the visit is tied to the placement in force that day")
    }

    @Test func theHandOverMovesTheFileToTheNextStagesSchool() throws {
        var file = try F.placedFile(start: "2021-09-01", born: "2014-05-05")
        let plan = F.plan("2025-01-10", "2025-12-31", reviews: ["2025-06-30", "2025-10-15"])
        _ = try file.addPlan(plan, today: today)
        func handOver(to stage: Stage, school: School, kind: PlacementKind = .mainstream, date: String = "2025-09-01") -> (inout CaseFile) throws -> CaseChange {
            { file throws(CaseFileProblem) in
                try file.handOver(StageHandOver(date: F.day(date), fromStage: .primary, toStage: stage, fromSchoolID: nil, toSchoolID: school.id, summary: "识字量约 300 字"),
                                  placement: CasePlacement(kind: kind, schoolID: school.id, stage: stage, startDate: F.day(date)), school: school, today: today)
            }
        }
        refused(file, field: "to_stage", containing: "next stage, junior") { try handOver(to: .senior, school: F.junior)(&$0) }
        refused(file, field: "school_id", containing: "not the child's stage junior") { try handOver(to: .junior, school: F.primary)(&$0) }
        refused(file, field: "date", containing: "in the future") { try handOver(to: .junior, school: F.junior, date: "2025-12-01")(&$0) }
        let change = try handOver(to: .junior, school: F.junior)(&file)
        guard case .handOver(let record, let closing?, let placement, let shortening?) = change else { Issue.record("\(change)"); return }
        #expect(record.fromStage == .primary && record.toStage == .junior)
        #expect(record.fromSchoolID == F.primary.id && record.toSchoolID == F.junior.id)
        #expect(closing.endDate == F.day("2025-08-31"))
        #expect(placement.stage == .junior && file.caseRecord.stage == .junior)
        #expect(shortening.endDate == F.day("2025-08-31") && shortening.reviewDates == [F.day("2025-06-30")])
        #expect(file.schoolID(on: today) == F.junior.id, "the file follows the child to the receiving school")
        let senior = try F.openFile(stage: .senior, born: "2009-01-01")
        refused(senior, field: "to_stage", containing: "last stage") { try handOver(to: .senior, school: F.junior)(&$0) }
    }

    @Test func onlySchoolAdminsOfTheChildsSchoolAreNamed() throws {
        var file = try F.placedFile()
        refused(file, field: "user_id") { try $0.nameStaff([StaffCandidate(userID: "u1", role: .schoolAdmin, schoolID: F.junior.id)], today: today) }
        refused(file, field: "user_id") { try $0.nameStaff([StaffCandidate(userID: "u2", role: .districtAdmin, schoolID: nil)], today: today) }
        refused(file, field: "user_id") { try $0.nameStaff([], today: today) }
        let change = try file.nameStaff([StaffCandidate(userID: "u3", role: .schoolAdmin, schoolID: F.primary.id)], today: today)
        #expect(change == .staff(userIDs: ["u3"]))
        #expect(try file.nameStaff([StaffCandidate(userID: "u3", role: .schoolAdmin, schoolID: F.primary.id)], today: today) == .staff(userIDs: []),
                "naming someone twice adds nothing")
    }
}
