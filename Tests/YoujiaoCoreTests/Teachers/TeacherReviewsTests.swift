import Foundation
import Testing
@testable import YoujiaoCore

/// The district's review lists, each rule at its edges: the province list, the hiring window, the
/// title and key level, the days of rotation at the limit, and which rotations count.
@Suite("Teacher reviews")
struct TeacherReviewsTests {
    static func d(_ text: String) -> CaseDate { CaseDate(text)! }
    static let day = d("2026-12-06")
    let rules = TeacherRules.shanghai

    func appointment(_ post: TeacherPost, _ from: String, until: String? = nil, school: String = "3101010001", province: String? = nil) -> TeacherAppointment {
        TeacherAppointment(teacherNationalID: "t", schoolID: school, post: post, from: Self.d(from), until: until.map(Self.d), previousProvince: province)
    }

    func rotation(_ start: String, _ end: String, _ status: TeacherRotation.Status, kind: TeacherRotation.Kind = .group,
                  to school: String = "3101010002") -> TeacherRotation {
        TeacherRotation(teacherNationalID: "t", fromSchoolID: "3101010001", toSchoolID: school, start: Self.d(start), plannedEnd: Self.d(end),
                        kind: kind, status: status)
    }

    func subject(_ id: String, title: TeacherTitle = .senior, key: KeyTeacherLevel = .none, _ appointments: [TeacherAppointment],
                 rotations: [TeacherRotation] = []) -> TeacherReviews.Subject {
        .init(teacherID: id, title: title, keyLevel: key, appointments: appointments, rotations: rotations)
    }

    @Test func hiresFromProtectedProvincesWithASeniorTitleOrKeyLevelAreListed() {
        let teachers = [
            subject("sichuan-senior", [appointment(.teacher, "2025-09-01", province: "51")]),
            subject("jiangsu-senior", [appointment(.teacher, "2025-09-01", province: "32")]),
            subject("henan-first", title: .first, [appointment(.teacher, "2025-09-01", province: "41")]),
            subject("henan-first-school-key", title: .first, key: .school, [appointment(.teacher, "2025-09-01", province: "41")]),
            subject("heilongjiang-first-district-key", title: .first, key: .district, [appointment(.teacher, "2025-09-01", province: "23")]),
            subject("gansu-full-senior", title: .fullSenior, [appointment(.teacher, "2024-02-01", province: "62")]),
            subject("no-province", [appointment(.teacher, "2025-09-01")]),
            // Only the first appointment is the hire: a later move inside the city names no previous employer.
            subject("moved-later", [appointment(.teacher, "2010-09-01", until: "2025-08-31", province: "51"),
                                    appointment(.teacher, "2025-09-01", school: "3101010002", province: "51")]),
        ]
        let concerns = TeacherReviews.poachingConcerns(teachers, on: Self.day, rules: rules)
        #expect(concerns.map(\.teacherID) == ["sichuan-senior", "heilongjiang-first-district-key", "gansu-full-senior"])
        let first = concerns[0]
        #expect(first.province == Province(code: "51", nameZH: "四川省", nameEN: "Sichuan") && first.hired == Self.d("2025-09-01")
                && first.schoolID == "3101010001" && first.title == .senior)
    }

    @Test func theHiringWindowIsThreeYearsByDefaultAndConfigurable() {
        let onEdge = subject("on-edge", [appointment(.teacher, "2023-12-06", province: "51")])
        let dayBefore = subject("day-before", [appointment(.teacher, "2023-12-05", province: "51")])
        let planned = subject("planned", [appointment(.teacher, "2027-02-01", province: "51")])
        #expect(TeacherReviews.poachingConcerns([onEdge, dayBefore, planned], on: Self.day, rules: rules).map(\.teacherID) == ["on-edge", "planned"],
                "three years back to the day, and a hire recorded before it starts")
        #expect(TeacherReviews.poachingConcerns([onEdge, dayBefore], on: Self.day, hiredSince: Self.d("2020-01-01"), rules: rules).count == 2)
        var narrower = rules
        narrower.protectedProvinces = ["23"]
        #expect(TeacherReviews.poachingConcerns([onEdge], on: Self.day, rules: narrower).isEmpty, "the province list is data")
    }

    @Test func provinceNamesComeFromTheTable() {
        #expect(Province.all.count == 34 && Set(Province.all.map(\.code)).count == 34)
        #expect(TeacherRules.shanghai.protectedProvinces.allSatisfy { Province.named($0) != nil }, "every protected code has a name")
        #expect(Province.named("65")?.nameZH == "新疆维吾尔自治区" && Province.named("19") == nil && Province.named("99") == nil)
    }

    @Test func middleManagersProposedForLeadershipWithTheRotationTheyServed() {
        let manager = appointment(.middleManager, "2015-09-01", until: "2027-08-31")
        let proposal = appointment(.vicePrincipal, "2027-09-01", school: "3101010003")
        // 365 days, both ends counted: exactly the rule.
        let enough = rotation("2020-09-01", "2021-08-31", .returned)
        let short = rotation("2020-09-01", "2021-08-30", .returned)
        let teachers = [
            subject("exactly-a-year", [manager, proposal], rotations: [enough]),
            subject("a-day-short", [manager, proposal], rotations: [short]),
            subject("only-planned-and-cancelled", [manager, proposal],
                    rotations: [rotation("2018-09-01", "2020-08-31", .cancelled), rotation("2027-02-01", "2027-08-31", .planned),
                                rotation("2026-09-01", "2027-08-31", .approved)]),
            subject("a-teacher-not-a-manager", [appointment(.teacher, "2015-09-01", until: "2027-08-31"), proposal]),
            subject("no-proposal", [appointment(.middleManager, "2015-09-01")]),
        ]
        let proposals = TeacherReviews.promotionProposals(teachers, on: Self.day, rules: rules)
        #expect(proposals.map(\.teacherID) == ["exactly-a-year", "a-day-short", "only-planned-and-cancelled"])
        #expect(proposals.map(\.rotationDays) == [365, 364, 0] && proposals.map(\.lacksRotation) == [false, true, true])
        #expect(proposals[0].post == .vicePrincipal && proposals[0].schoolID == "3101010003" && proposals[0].start == Self.d("2027-09-01")
                && !proposals[0].isAppointed && proposals[0].requiredDays == 365)
    }

    @Test func aRotationServingNowCountsOnlyAsFarAsTheDay() {
        let serving = rotation("2026-09-01", "2027-08-31", .active)
        let teacher = subject("serving", [appointment(.middleManager, "2015-09-01", until: "2027-08-31"), appointment(.principal, "2027-09-01")],
                              rotations: [serving])
        let proposal = TeacherReviews.promotionProposals([teacher], on: Self.day, rules: rules)
        #expect(proposal.map(\.rotationDays) == [97] && proposal[0].lacksRotation, "1 September to 6 December")
    }

    @Test func appointmentsAlreadyMadeWithinAYearAreListedAsAppointed() {
        let recent = subject("recent", [appointment(.middleManager, "2015-09-01", until: "2026-08-31"), appointment(.vicePrincipal, "2026-09-01")],
                             rotations: [rotation("2020-09-01", "2021-08-31", .returned), rotation("2026-09-01", "2027-08-31", .active)])
        let onEdge = subject("on-edge", [appointment(.middleManager, "2015-09-01", until: "2025-12-05"), appointment(.vicePrincipal, "2025-12-06")])
        let older = subject("older", [appointment(.middleManager, "2015-09-01", until: "2025-12-04"), appointment(.vicePrincipal, "2025-12-05")])
        let transfer = subject("principal-moving", [appointment(.vicePrincipal, "2015-09-01", until: "2026-08-31"), appointment(.principal, "2026-09-01")])
        let proposals = TeacherReviews.promotionProposals([recent, onEdge, older, transfer], on: Self.day, rules: rules)
        #expect(proposals.map(\.teacherID) == ["recent", "on-edge"] && proposals.allSatisfy(\.isAppointed))
        #expect(proposals[0].rotationDays == 365 && !proposals[0].lacksRotation, "a rotation after taking the post does not count toward it")
    }

    @Test func theAppraisalListShowsTheRotationsThatCount() {
        let returned = rotation("2016-09-01", "2017-08-31", .returned, kind: .rural, to: "3101010009")
        let serving = rotation("2025-09-01", "2028-08-31", .active, kind: .newCity, to: "3101010008")
        let again = rotation("2019-09-01", "2020-08-31", .returned, kind: .rural, to: "3101010009")
        let teachers = [
            subject("full-senior", title: .fullSenior, [appointment(.teacher, "2000-09-01")],
                    rotations: [serving, returned, again, rotation("2027-09-01", "2028-08-31", .planned), rotation("2012-09-01", "2013-08-31", .cancelled)]),
            subject("city-key-senior", title: .senior, key: .municipal, [appointment(.teacher, "2000-09-01")]),
            subject("district-key-senior", title: .senior, key: .district, [appointment(.teacher, "2000-09-01")]),
            subject("city-key-first", title: .first, key: .municipal, [appointment(.teacher, "2000-09-01")]),
        ]
        let records = TeacherReviews.appraisal(teachers, on: Self.day)
        #expect(records.map(\.teacherID) == ["full-senior", "city-key-senior"] && records.map(\.standing) == [.fullSenior, .candidate])
        #expect(records[0].rotations == [returned, again, serving], "planned and cancelled terms left out, in date order")
        #expect(records[0].rotationDays == 365 + 366 + 462 && records[0].kinds == [.rural, .newCity] && records[0].schoolIDs == ["3101010009", "3101010008"])
        #expect(records[1].rotationDays == 0 && records[1].rotations.isEmpty)
    }

    /// The demo gives every district with a proposal one lacking rotation, whatever the day, the seed
    /// and the order of the teachers: the browser test and the district's first look at the list rely on it.
    @Test(arguments: ["2026-12-07", "2027-03-01", "2027-09-15"])
    func theDemoGivesEachDistrictAProposalLackingRotation(day: String) {
        let today = Self.d(day)
        let districts = (1...6).map { "3101\($0 < 10 ? "0" : "")\($0)" }
        let teachers = districts.flatMap { district in
            (0..<40).map { index in
                TeacherHistoryDemo.Teacher(nationalID: NationalID.make(areaCode: district, birthDate: "19\(70 + index % 20)0315", sequence: index).value,
                                           schoolID: "\(district)000\(index % 3)", title: .first, keyLevel: .none, districtCode: district)
            }
        }
        var meeting = 0
        for seed in UInt64(1)...8 {
            let records = TeacherHistoryDemo.generate(teachers, otherSchools: { school in (0..<3).map { "\(school.prefix(6))000\($0)" } },
                                                      today: today, seed: seed)
            for district in districts {
                let subjects = teachers.filter { $0.districtCode == district }.map { teacher in
                    TeacherReviews.Subject(teacherID: teacher.nationalID, title: teacher.title, keyLevel: teacher.keyLevel,
                                           appointments: records.appointments.filter { $0.teacherNationalID == teacher.nationalID },
                                           rotations: records.rotations.filter { $0.teacherNationalID == teacher.nationalID })
                }
                let proposals = TeacherReviews.promotionProposals(subjects, on: today, rules: rules)
                #expect(proposals.isEmpty || proposals.contains(where: \.lacksRotation), "seed \(seed), \(district): \(proposals.map(\.rotationDays))")
                meeting += proposals.filter { !$0.lacksRotation }.count
            }
        }
        #expect(meeting > 0, "some proposals served their rotation")
    }
}
