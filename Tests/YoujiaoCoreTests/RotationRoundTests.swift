import Testing
@testable import YoujiaoCore

/// A district's rotation round: the forms' bad inputs, who may take a seat on a swap, the steps of
/// a term, and supervision's figures from the terms.
@Suite("Rotation round")
struct RotationRoundTests {
    let today = CaseDate(year: 2026, month: 12, day: 6)

    @Test func aRoundOpensForThisSchoolYearOrTheNextTwo() throws {
        #expect(try RotationRound.proposedYear("2026", today: today) == 2026)
        #expect(try RotationRound.proposedYear(" 2028 ", today: today) == 2028)
        for bad in ["2025", "2029", "", "20x7", "99999999999999999999", "-2027", "2027.0"] {
            #expect(throws: CampaignProblem.self, "\(bad) refused") { try RotationRound.proposedYear(bad, today: today) }
        }
        // Before September the school year is still last year's.
        #expect(try RotationRound.proposedYear("2025", today: CaseDate(year: 2026, month: 8, day: 31)) == 2025)
    }

    @Test func termsLastByKindAndEndOnTheLastDayOfAugust() {
        let round = RotationRound(districtCode: "310101", year: 2027, status: .approved)
        #expect(round.startDate == CaseDate(year: 2027, month: 9, day: 1))
        #expect(round.plannedEnd(for: .group, rules: .shanghai) == CaseDate(year: 2028, month: 8, day: 31))
        #expect(round.plannedEnd(for: .newCity, rules: .shanghai) == CaseDate(year: 2030, month: 8, day: 31))
        #expect(round.plannedEnd(for: .weakSchool, rules: .shanghai) == CaseDate(year: 2030, month: 8, day: 31))
    }

    func need(_ form: [String: String]) throws(CampaignProblem) -> RotationNeedEntry {
        try RotationNeedEntry.proposed(id: "n1", schoolID: "s1", form: form, schoolStages: [.primary], subjects: ["语文", "数学"])
    }

    @Test func aNeedIsCheckedFieldByField() throws {
        let good = ["subject": "语文", "stage": "primary", "count": "2", "kind": "weakSchool", "priority": "1"]
        let entry = try need(good)
        #expect(entry.count == 2 && entry.kind == .weakSchool && entry.state == .pending && entry.need.schoolID == "s1")
        let bad: [(String, String, String)] = [
            ("subject", "物理", "a subject no teacher of the district teaches"), ("subject", "", "empty"),
            ("stage", "junior", "a stage the school does not teach"), ("stage", "college", "unknown"),
            ("count", "0", "zero"), ("count", "21", "above 20"), ("count", "99999999999999999999", "would overflow"), ("count", "2.5", "a fraction"),
            ("count", "-1", "negative"), ("kind", "abroad", "unknown kind"), ("priority", "4", "out of range"), ("priority", "", "missing"),
        ]
        for (field, value, why) in bad {
            var form = good
            form[field] = value
            do { _ = try need(form); Issue.record("\(field)=\(value) (\(why)) accepted") } catch { #expect(error.field == field, "\(why)") }
        }
    }

    @Test func sendingANeedBackNeedsAReason() throws {
        #expect(try RotationNeedEntry.checkReason(accept: true, reason: "  ") == nil)
        #expect(try RotationNeedEntry.checkReason(accept: false, reason: "本校已有该学科教师") == "本校已有该学科教师")
        #expect(throws: CampaignProblem.self) { try RotationNeedEntry.checkReason(accept: false, reason: " \n ") }
        #expect(throws: CampaignProblem.self) { try RotationNeedEntry.checkReason(accept: true, reason: String(repeating: "长", count: 501)) }
    }

    @Test func aSwapTakesOnlyAnEligibleTeacherOfTheSameSubjectAndStageFromAnotherSchool() {
        let need = RotationNeed(id: "n1", schoolID: "to", subject: "语文", stage: .primary, count: 1, kind: .weakSchool, priority: 1)
        let current = RotationRoundAssignment(teacherID: "a", needID: "n1", fromSchoolID: "s1", toSchoolID: "to", isKey: false, commuteChangeMetres: 100)
        func teacher(_ id: String, school: String = "s2", subject: String = "语文", stage: Stage = .primary, key: Bool = false) -> RotationTeacher {
            RotationTeacher(id: id, currentSchoolID: school, subject: subject, stage: stage, isKey: key, homeLatitude: 31.2, homeLongitude: 121.4)
        }
        func problem(_ replacement: RotationTeacher?, planned: Set<String> = ["a"], reason: String = "家庭原因") -> String? {
            RotationRoundPlan.swapProblem(replacing: current, with: replacement, need: need, planned: planned, reason: reason)?.field
        }
        #expect(problem(teacher("b")) == nil)
        #expect(problem(nil) == "replacement", "not eligible (not in the list)")
        #expect(problem(teacher("a")) == "replacement", "the same teacher")
        #expect(problem(teacher("c"), planned: ["a", "c"]) == "replacement", "on the plan already")
        #expect(problem(teacher("b", subject: "数学")) == "replacement")
        #expect(problem(teacher("b", stage: .junior)) == "replacement")
        #expect(problem(teacher("b", school: "to")) == "replacement", "already at the receiving school")
        #expect(problem(teacher("b"), reason: "  ") == "reason", "a swap says why")

        let schools = (RotationSchool(id: "s2", latitude: 31.2, longitude: 121.4, districtCode: "310101"),
                       RotationSchool(id: "to", latitude: 31.2, longitude: 121.5, districtCode: "310101"))
        let moved = RotationRoundPlan.swapped(current, to: teacher("b", key: true), receiving: schools.1, home: schools.0, reason: " 家庭原因 ")
        #expect(moved.teacherID == "b" && moved.fromSchoolID == "s2" && moved.toSchoolID == "to" && moved.isKey && moved.swapReason == "家庭原因")
        #expect((9_400...9_600).contains(moved.commuteChangeMetres), "0.1° of longitude at 31.2° N is about 9.5 km: \(moved.commuteChangeMetres)")
    }

    @Test func thePlanFiguresCountTheTargetsRoundedUp() {
        let a = RotationRoundAssignment(teacherID: "a", needID: "n", fromSchoolID: "s", toSchoolID: "t", isKey: true, commuteChangeMetres: -500)
        let b = RotationRoundAssignment(teacherID: "b", needID: "n", fromSchoolID: "s", toSchoolID: "t", isKey: false, commuteChangeMetres: 2_000)
        let figures = RotationRoundPlan.figures([a, b], eligible: 21, rules: .national)
        #expect(figures.quotaRequired == 3 && !figures.quotaMet, "10% of 21 rounded up is 3")
        #expect(figures.keyRequired == 1 && figures.keyShareMet && figures.commuteChangeMetres == 1_500)
        #expect(RotationRoundPlan.figures([], eligible: 0, rules: .national).quotaMet, "nobody eligible: nothing required")
    }

    @Test func aTermArrivesReturnsOrIsCancelledAndNothingElse() throws {
        var term = TeacherRotation(teacherNationalID: "", fromSchoolID: "s", toSchoolID: "t", start: CaseDate(year: 2026, month: 9, day: 1),
                                   plannedEnd: CaseDate(year: 2027, month: 8, day: 31), kind: .group, status: .approved)
        #expect(throws: CampaignProblem.self, "not before the start") {
            try RotationTermProgress.next(from: term, step: .arrived, on: CaseDate(year: 2026, month: 8, day: 31), reason: "")
        }
        #expect(try RotationTermProgress.next(from: term, step: .arrived, on: today, reason: "") == .active)
        #expect(throws: CampaignProblem.self, "cancelling says why") { try RotationTermProgress.next(from: term, step: .cancelled, on: today, reason: " ") }
        #expect(try RotationTermProgress.next(from: term, step: .cancelled, on: today, reason: "病假") == .cancelled)
        #expect(throws: CampaignProblem.self, "not back before arriving") { try RotationTermProgress.next(from: term, step: .returned, on: today, reason: "") }
        term.status = .active
        #expect(try RotationTermProgress.next(from: term, step: .returned, on: today, reason: "") == .returned)
        #expect(throws: CampaignProblem.self, "an active term is not cancelled") { try RotationTermProgress.next(from: term, step: .cancelled, on: today, reason: "x") }
        #expect(!RotationTermProgress.isOverdue(term, on: CaseDate(year: 2027, month: 8, day: 31)))
        #expect(RotationTermProgress.isOverdue(term, on: CaseDate(year: 2027, month: 9, day: 1)))
        term.status = .returned
        #expect(throws: CampaignProblem.self) { try RotationTermProgress.next(from: term, step: .returned, on: today, reason: "") }
        #expect(!RotationTermProgress.isOverdue(term, on: CaseDate(year: 2030, month: 1, day: 1)))
    }

    @Test func supervisionCountsTheTermsAgainstTheEligibleOfEachSchool() {
        let counts = RotationRecordCounts.counts(eligibleBySchool: ["s1": 10, "s2": 0, "s3": 4],
                                                 terms: [.init(fromSchoolID: "s1", isKey: true), .init(fromSchoolID: "s1", isKey: false)])
        #expect(counts["s1"] == RotationCounts(eligible: 10, rotated: 2, keyRotated: 1))
        #expect(counts["s2"] == RotationCounts(eligible: 0, rotated: 0, keyRotated: 0), "a school with nobody eligible still reports")
        #expect(counts["s3"]?.rotated == 0)
    }

    @Test func onlyTheDistrictRunsARoundAndOnlyItsSchoolsEnterNeeds() {
        let round = RotationRound(districtCode: "310101", year: 2027, status: .collecting)
        let city = AccessScope(role: .cityAdmin), district = AccessScope(role: .districtAdmin, districtCode: "310101")
        let other = AccessScope(role: .districtAdmin, districtCode: "310104")
        let school = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "s1")
        #expect(RotationRoundAccess.canManage(city, districtCode: "310101") && RotationRoundAccess.canManage(district, districtCode: "310101"))
        #expect(!RotationRoundAccess.canManage(other, districtCode: "310101") && !RotationRoundAccess.canManage(school, districtCode: "310101"))
        #expect(RotationRoundAccess.canSee(school, districtCode: "310101", schoolDistrict: "310101"))
        #expect(!RotationRoundAccess.canSee(school, districtCode: "310104", schoolDistrict: "310101"))
        #expect(!RotationRoundAccess.canSee(AccessScope(role: .guardian, guardianID: "g"), districtCode: "310101", schoolDistrict: nil))
        #expect(RotationRoundAccess.canEnterNeeds(school, round: round, schoolDistrict: "310101"))
        #expect(!RotationRoundAccess.canEnterNeeds(district, round: round, schoolDistrict: "310101"), "the district checks, the school asks")
        #expect(!RotationRoundAccess.canEnterNeeds(school, round: RotationRound(districtCode: "310101", year: 2027, status: .planned), schoolDistrict: "310101"))
    }
}
