import Foundation
import Testing
@testable import YoujiaoCore

/// Monitoring figures and the access policy on hand-built files.
@Suite("Special education: monitoring and access")
struct SpecialEducationMonitoringTests {
    typealias F = SpecialEducationFixtures
    let today = F.today

    /// Huangpu: an 8-year-old placed in a mainstream class, a 9-year-old taught at home since
    /// September (2 visits a month, 3 done), a 10-year-old without a placement, a 7-year-old still
    /// at kindergarten (缓学), and a 16-year-old at senior high (not school age). Xuhui: one placed child.
    func files() throws -> [CaseFile] {
        var mainstream = try F.placedFile(sequence: 1)
        _ = try mainstream.addPlan(F.plan(reviews: ["2025-10-15", "2025-11-15", "2026-01-15"]), today: today)
        let goal = mainstream.plans[0].goals[0].id
        _ = try mainstream.addReview(PlanReview(date: F.day("2025-10-16"), outcome: .continuePlan, summary: "ok", goalResults: [goal: .progressing]),
                                     planID: mainstream.plans[0].plan.id, today: today)
        var home = try F.placedFile(.homeTeaching, at: F.special, start: "2025-09-01", visits: 2, born: "2016-06-01", sequence: 2)
        for day in ["2025-09-05", "2025-09-20", "2025-10-06"] {
            _ = try home.addVisit(HomeTeachingVisit(placementID: "", date: F.day(day), teacher: "周老师", minutes: 90, content: "识字"), today: today)
        }
        let unplaced = try F.openFile(born: "2015-01-20", sequence: 3)
        let delayed = try F.placedFile(at: F.kindergarten, start: "2024-09-01", stage: .kindergarten, born: "2018-04-01", sequence: 4)
        let senior = try F.openFile(stage: .senior, born: "2009-02-02", sequence: 5)
        var xuhui = try F.placedFile(sequence: 6)
        xuhui.caseRecord.districtCode = "310104"
        return [mainstream, home, unplaced, delayed, senior, xuhui]
    }

    @Test func schoolAgeIsSixToFourteenOnThirtyFirstAugust() {
        #expect(SpecialEducationMonitoring.isSchoolAge(F.day("2019-08-31"), schoolYear: 2025))
        #expect(!SpecialEducationMonitoring.isSchoolAge(F.day("2019-09-01"), schoolYear: 2025), "too young for grade 1 in 2025")
        #expect(SpecialEducationMonitoring.isSchoolAge(F.day("2010-09-01"), schoolYear: 2025))
        #expect(!SpecialEducationMonitoring.isSchoolAge(F.day("2010-08-31"), schoolYear: 2025), "15 on 31 August: past compulsory age")
    }

    @Test func figuresOfADistrict() throws {
        let figures = SpecialEducationMonitoring.figuresByDistrict(try files(), districtCodes: ["310101", "310104", "310105"], on: today)
        let huangpu = try #require(figures["310101"])
        #expect(huangpu.cases == 5)
        #expect(huangpu.schoolAge == 4, "the senior-high 16-year-old is not school age")
        #expect(huangpu.schoolAgeEnrolled == 2, "mainstream and home teaching count; no placement and kindergarten do not")
        #expect(huangpu.enrollmentRate == 50)
        #expect(huangpu.meetsEnrollmentTarget == false)
        #expect(huangpu.withoutPlacement == 2)
        #expect(huangpu.byPlacement == [.mainstream: 2, .homeTeaching: 1], "the kindergarten class counts as mainstream")
        #expect(huangpu.overdueReviews == 1, "one review held, two dates passed")
        #expect(huangpu.homeTeachingCases == 1)
        #expect(huangpu.visitsPlanned == 4 && huangpu.visitsDone == 3, "2 a month × 2 full months; 3 visits recorded")
        #expect(huangpu.visitRate == 75)
        #expect(figures["310104"]?.enrollmentRate == 100 && figures["310104"]?.meetsEnrollmentTarget == true)
        #expect(figures["310105"] == SpecialEducationMonitoring.Figures(), "a district without files gets zeros")
        #expect(figures["310105"]?.enrollmentRate == nil)
    }

    @Test func overdueReviewNamesTheMissedDate() throws {
        let overdue = try #require(SpecialEducationMonitoring.overdueReview(try files()[0], on: today))
        #expect(overdue.due == F.day("2025-11-15") && overdue.daysOverdue == 5)
        #expect(SpecialEducationMonitoring.overdueReview(try files()[0], on: F.day("2025-11-15")) == nil, "due today is not yet overdue")
    }

    @Test func districtReportsFeedTheSupervisionIndicator() throws {
        let reports = SpecialEducationMonitoring.districtReports(try files(), districtCodes: ["310101", "310104"], on: today)
        #expect(reports == [DistrictReport(districtCode: "310101", year: 2025, disabledSchoolAgeChildren: 4, disabledEnrolled: 2),
                            DistrictReport(districtCode: "310104", year: 2025, disabledSchoolAgeChildren: 1, disabledEnrolled: 1)])
    }

    // MARK: Access

    func audience(staff: [String] = ["named"], guardians: [String] = ["g1"]) -> SpecialEducationAccess.Audience {
        SpecialEducationAccess.Audience(districtCode: "310101", caseSchoolID: F.special.id, registrySchoolID: F.primary.id,
                                        registrySchoolDistrict: "310101", staffUserIDs: staff, guardianIDs: guardians)
    }

    /// Each role, inside and outside the file's circle.
    @Test func accessMatrix() {
        let cases: [(String, AccessScope, String, CaseFileAccess)] = [
            ("city admin", AccessScope(role: .cityAdmin), "u", .existenceOnly),
            ("centre of the file's district", AccessScope(role: .districtAdmin, districtCode: "310101"), "u", .full),
            ("another district", AccessScope(role: .districtAdmin, districtCode: "310104"), "u", .none),
            ("named staff of the placement school", AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: F.special.id), "named", .full),
            ("unnamed staff of the placement school", AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: F.special.id), "other", .existenceOnly),
            ("named, but at the registry school only", AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: F.primary.id), "named", .existenceOnly),
            ("staff of an unrelated school", AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: F.junior.id), "named", .none),
            ("the child's guardian", AccessScope(role: .guardian, guardianID: "g1"), "u", .full),
            ("another child's guardian", AccessScope(role: .guardian, guardianID: "g2"), "u", .none),
        ]
        for (name, scope, user, expected) in cases {
            #expect(SpecialEducationAccess.access(scope, userID: user, to: audience()) == expected, "\(name)")
        }
        #expect(SpecialEducationAccess.canEdit(AccessScope(role: .districtAdmin, districtCode: "310101"), userID: "u", audience: audience()))
        #expect(!SpecialEducationAccess.canEdit(AccessScope(role: .guardian, guardianID: "g1"), userID: "u", audience: audience()), "guardians read only")
        #expect(!SpecialEducationAccess.canEdit(AccessScope(role: .cityAdmin), userID: "u", audience: audience()))
        #expect(SpecialEducationAccess.canOpenFile(AccessScope(role: .schoolAdmin, schoolID: F.primary.id), pupilSchoolID: F.primary.id, pupilDistrict: "310101"))
        #expect(!SpecialEducationAccess.canOpenFile(AccessScope(role: .schoolAdmin, schoolID: F.junior.id), pupilSchoolID: F.primary.id, pupilDistrict: "310101"))
        #expect(SpecialEducationAccess.canOpenFile(AccessScope(role: .districtAdmin, districtCode: "310101"), pupilSchoolID: nil, pupilDistrict: "310101"))
        #expect(!SpecialEducationAccess.canOpenFile(AccessScope(role: .districtAdmin, districtCode: "310104"), pupilSchoolID: nil, pupilDistrict: "310101"))
        #expect(!SpecialEducationAccess.canOpenFile(AccessScope(role: .cityAdmin), pupilSchoolID: F.primary.id, pupilDistrict: "310101"))
    }
}
