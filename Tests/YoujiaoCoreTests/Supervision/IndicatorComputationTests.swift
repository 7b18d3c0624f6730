import Foundation
import Testing
@testable import YoujiaoCore

private typealias Fixture = SupervisionFixture

/// Every figure below was worked out by hand; the comment next to each fixture shows the arithmetic.
@Suite("Supervision indicators, hand-checked")
struct IndicatorComputationTests {
    // MARK: Preschool

    /// 310101: K-A public 300, K-B private 普惠 100, K-C private 100 → public 300/500 = 60%, 普惠 400/500 = 80%.
    /// 310104: K-D public 450, K-E private 50 → public 450/500 = 90%, 普惠 450/500 = 90% (exactly the target).
    /// City: public 750/1000 = 75%, 普惠 850/1000 = 85%.
    static let kindergartens = Fixture.input([
        Fixture.school("K-A", stages: [.kindergarten], pupils: [.kindergarten: 300]),
        Fixture.school("K-B", stages: [.kindergarten], ownership: .private, inclusive: true, pupils: [.kindergarten: 100]),
        Fixture.school("K-C", stages: [.kindergarten], ownership: .private, pupils: [.kindergarten: 100]),
        Fixture.school("K-D", district: Fixture.otherDistrict, stages: [.kindergarten], pupils: [.kindergarten: 450]),
        Fixture.school("K-E", district: Fixture.otherDistrict, stages: [.kindergarten], ownership: .private, pupils: [.kindergarten: 50]),
        Fixture.school("P-1", stages: [.primary], pupils: [.primary: 900]),  // not a kindergarten: ignored
    ], districts: [Fixture.district, Fixture.otherDistrict])

    @Test func publicKindergartenShareIsARatioOfSums() throws {
        let results = Fixture.results("KG-PUBLIC-SHARE", Self.kindergartens)
        #expect(results.allSatisfy { $0.level != .school })
        let central = try #require(results.at(.district, Fixture.district))
        #expect(central.value == 60)
        #expect(central.status == .notMet)
        #expect(central.numerator == 300 && central.denominator == 500)
        #expect(central.contributingSchoolIDs == ["K-A", "K-B", "K-C"])
        #expect(results.at(.district, Fixture.otherDistrict)?.value == 90)
        #expect(results.at(.district, Fixture.otherDistrict)?.status == .met)
        #expect(results.at(.city, "310000")?.value == 75)
    }

    @Test func inclusiveShareCountsPublicAndInclusivePrivate() {
        let results = Fixture.results("KG-INCLUSIVE-SHARE", Self.kindergartens)
        #expect(results.at(.district, Fixture.district)?.value == 80)
        #expect(results.at(.district, Fixture.district)?.status == .notMet)
        // 450 / 500 = 90% meets "≥ 90%" exactly.
        #expect(results.at(.district, Fixture.otherDistrict)?.status == .met)
        #expect(results.at(.city, "310000")?.value == 85)
    }

    /// Readiness yes, yes, no → schools 100, 100, 0; district 2 of 3 = 66.67% of kindergartens, target 100%.
    @Test func readinessCoverageIsShareOfKindergartens() throws {
        let schools = ["K-A", "K-B", "K-C"].map { Fixture.school($0, stages: [.kindergarten], pupils: [.kindergarten: 100]) }
        let reports = [true, true, false].enumerated().map {
            SchoolReport(schoolID: "K-\(["A", "B", "C"][$0])", year: Fixture.year, readinessEducation: $1)
        }
        let results = Fixture.results("KG-READINESS", Fixture.input(schools, reports: reports))
        #expect(results.at(.school, "K-A")?.value == 100)
        #expect(results.at(.school, "K-A")?.status == .met)
        #expect(results.at(.school, "K-C")?.value == 0)
        #expect(results.at(.school, "K-C")?.status == .notMet)
        let district = try #require(results.at(.district, Fixture.district))
        #expect(abs(district.value! - 200.0 / 3) < 1e-9)
        #expect(district.target == 100)
        #expect(district.unit == "%")
        #expect(district.status == .notMet)
        #expect(district.schoolsNotMeeting == ["K-C"])
    }

    /// 120 minutes meets "≥ 120", 119 does not; a school without a report makes the district "no data".
    @Test func outdoorMinutesAndNoDataPropagation() throws {
        let schools = ["K-A", "K-B", "K-C"].map { Fixture.school($0, stages: [.kindergarten], pupils: [.kindergarten: 100]) }
        let reports = [SchoolReport(schoolID: "K-A", year: Fixture.year, dailyOutdoorMinutes: 120),
                       SchoolReport(schoolID: "K-B", year: Fixture.year, dailyOutdoorMinutes: 119),
                       SchoolReport(schoolID: "K-C", year: Fixture.year - 1, dailyOutdoorMinutes: 150)]  // last year's: ignored
        let results = Fixture.results("KG-OUTDOOR", Fixture.input(schools, reports: reports))
        #expect(results.at(.school, "K-A")?.status == .met)
        #expect(results.at(.school, "K-B")?.status == .notMet)
        let missing = try #require(results.at(.school, "K-C"))
        #expect(missing.status == .noData)
        #expect(missing.value == nil)
        #expect(missing.missing == [MissingInput(scopeID: "K-C", reason: "no school report")])
        let district = try #require(results.at(.district, Fixture.district))
        #expect(district.status == .noData)
        #expect(district.value == nil)
        #expect(district.missing.map(\.scopeID) == ["K-C"])
        #expect(results.at(.city, "310000")?.status == .noData)
    }

    /// A district with no kindergarten shows "no data", not 0%.
    @Test func districtWithoutSchoolsIsNoData() throws {
        let results = Fixture.results("KG-PUBLIC-SHARE", Fixture.input([], districts: [Fixture.district]))
        let district = try #require(results.at(.district, Fixture.district))
        #expect(district.status == .noData)
        #expect(district.value == nil)
        #expect(district.missing == [MissingInput(scopeID: Fixture.district, reason: "no school in scope")])
    }

    // MARK: Compulsory and special education

    /// 310101: 990 of 1000 = 99% (met exactly); 310104: 989 of 1000 = 98.9% (not met); city 1979/2000 = 98.95%.
    @Test func disabledEnrollmentFromDistrictReports() throws {
        let reports = [DistrictReport(districtCode: Fixture.district, year: Fixture.year, disabledSchoolAgeChildren: 1000, disabledEnrolled: 990),
                       DistrictReport(districtCode: Fixture.otherDistrict, year: Fixture.year, disabledSchoolAgeChildren: 1000, disabledEnrolled: 989)]
        let input = Fixture.input([], districtReports: reports, districts: [Fixture.district, Fixture.otherDistrict])
        let results = Fixture.results("DISABLED-ENROLLMENT", input)
        #expect(results.at(.district, Fixture.district)?.value == 99)
        #expect(results.at(.district, Fixture.district)?.status == .met)
        #expect(results.at(.district, Fixture.otherDistrict)?.status == .notMet)
        let city = try #require(results.at(.city, "310000"))
        #expect(abs(city.value! - 98.95) < 1e-9)
        #expect(city.numerator == 1979 && city.denominator == 2000)
    }

    @Test func disabledEnrollmentWithoutDistrictReportIsNoData() {
        let reports = [DistrictReport(districtCode: Fixture.district, year: Fixture.year, disabledSchoolAgeChildren: 10, disabledEnrolled: 10)]
        let input = Fixture.input([], districtReports: reports, districts: [Fixture.district, Fixture.otherDistrict])
        let results = Fixture.results("DISABLED-ENROLLMENT", input)
        #expect(results.at(.district, Fixture.district)?.status == .met)
        #expect(results.at(.district, Fixture.otherDistrict)?.status == .noData)
        #expect(results.at(.city, "310000")?.status == .noData)
        #expect(results.at(.city, "310000")?.missing.map(\.scopeID) == [Fixture.otherDistrict])
    }

    /// Public primary 300 migrants, private primary 100, public nine-year 50 + 50 → 400 / 500 = 80% < 85%.
    @Test func migrantPublicShare() throws {
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 900], migrants: [.primary: 300]),
            Fixture.school("P-2", stages: [.primary], ownership: .private, pupils: [.primary: 500], migrants: [.primary: 100]),
            Fixture.school("N-1", stages: [.primary, .junior], pupils: [.primary: 600, .junior: 400], migrants: [.primary: 50, .junior: 50]),
        ])
        let district = try #require(Fixture.results("MIGRANT-PUBLIC-SHARE", input).at(.district, Fixture.district))
        #expect(district.value == 80)
        #expect(district.numerator == 400 && district.denominator == 500)
        #expect(district.status == .notMet)
    }

    /// Primary ≤ 45, junior ≤ 50. The nine-year school is judged in both stages on its own classes.
    @Test func classSizes() {
        let input = Fixture.input([
            Fixture.school("P-OK", stages: [.primary], pupils: [.primary: 89], classes: [.primary: [45, 44]]),
            Fixture.school("P-BIG", stages: [.primary], pupils: [.primary: 90], classes: [.primary: [44, 46]]),
            Fixture.school("N-1", stages: [.primary, .junior], pupils: [.primary: 40, .junior: 51],
                           classes: [.primary: [40], .junior: [51]]),
            Fixture.school("P-UNKNOWN", stages: [.primary], pupils: [.primary: 30]),
        ])
        let primary = Fixture.results("CLASS-SIZE-PRIMARY", input)
        #expect(primary.at(.school, "P-OK")?.status == .met)
        #expect(primary.at(.school, "P-BIG")?.value == 46)
        #expect(primary.at(.school, "P-BIG")?.status == .notMet)
        #expect(primary.at(.school, "P-BIG")?.inputs.contains(IndicatorInput("classes_over_target", 1)) == true)
        #expect(primary.at(.school, "N-1")?.value == 40)
        #expect(primary.at(.school, "P-UNKNOWN")?.status == .noData)
        let junior = Fixture.results("CLASS-SIZE-JUNIOR", input)
        #expect(junior.at(.school, "N-1")?.value == 51)
        #expect(junior.at(.school, "N-1")?.status == .notMet)
        #expect(junior.at(.school, "P-OK") == nil)
        // Junior: the one junior school misses → 0 of 1 schools = 0%.
        #expect(junior.at(.district, Fixture.district)?.value == 0)
    }

    /// Single-stage schools ≤ 2000; nine- and twelve-year schools ≤ 2500 counting compulsory grades only.
    @Test func schoolSizes() {
        let input = Fixture.input([
            Fixture.school("P-2000", stages: [.primary], pupils: [.primary: 2000]),
            Fixture.school("J-2001", stages: [.junior], pupils: [.junior: 2001]),
            Fixture.school("N-2500", stages: [.primary, .junior], pupils: [.primary: 1000, .junior: 1500]),
            // Twelve-year: 1000 + 1501 compulsory pupils = 2501; the 900 senior pupils do not count.
            Fixture.school("T-2501", stages: [.primary, .junior, .senior], pupils: [.primary: 1000, .junior: 1501, .senior: 900]),
            // A complete secondary school is judged on its junior grades alone.
            Fixture.school("JS-1900", stages: [.junior, .senior], pupils: [.junior: 1900, .senior: 1200]),
        ])
        let single = Fixture.results("SCHOOL-SIZE", input)
        #expect(single.at(.school, "P-2000")?.status == .met)
        #expect(single.at(.school, "J-2001")?.status == .notMet)
        #expect(single.at(.school, "JS-1900")?.value == 1900)
        #expect(single.at(.school, "N-2500") == nil)
        #expect(single.at(.district, Fixture.district)?.numerator == 2)  // P-2000 and JS-1900 of 3
        let through = Fixture.results("SCHOOL-SIZE-THROUGH", input)
        #expect(through.at(.school, "N-2500")?.status == .met)
        #expect(through.at(.school, "T-2501")?.value == 2501)
        #expect(through.at(.school, "T-2501")?.status == .notMet)
        #expect(through.at(.school, "P-2000") == nil)
        #expect(through.at(.district, Fixture.district)?.value == 50)
    }

    // MARK: Student wellbeing

    /// Primary 5 PE + 2 activity in every grade; one grade with 4 PE makes the school's minimum 4.
    @Test func weeklyPELessonsPerStage() {
        var weak = Fixture.timetable([.primary, .junior], pe: 5, activity: 2)
        weak[.g4] = GradeTimetable(peLessons: 4, activityLessons: 2, psychologyLessonsPerTwoWeeks: 0)
        weak[.g7] = GradeTimetable(peLessons: 4, activityLessons: 0, psychologyLessonsPerTwoWeeks: 0)
        var partial = Fixture.timetable([.primary], pe: 5, activity: 2)
        partial[.g3] = nil
        let input = Fixture.input([
            Fixture.school("N-1", stages: [.primary, .junior], pupils: [.primary: 500, .junior: 400]),
            Fixture.school("P-OK", stages: [.primary], pupils: [.primary: 500]),
            Fixture.school("P-GAP", stages: [.primary], pupils: [.primary: 500]),
            Fixture.school("S-1", stages: [.senior], pupils: [.senior: 500]),
        ], reports: [SchoolReport(schoolID: "N-1", year: Fixture.year, timetable: weak),
                     SchoolReport(schoolID: "P-OK", year: Fixture.year, timetable: Fixture.timetable([.primary], pe: 5, activity: 2)),
                     SchoolReport(schoolID: "P-GAP", year: Fixture.year, timetable: partial),
                     SchoolReport(schoolID: "S-1", year: Fixture.year, timetable: Fixture.timetable([.senior], pe: 4, activity: 0))])
        let pe = Fixture.results("PE-PRIMARY", input)
        #expect(pe.at(.school, "N-1")?.value == 4)
        #expect(pe.at(.school, "N-1")?.status == .notMet)
        #expect(pe.at(.school, "P-OK")?.status == .met)
        #expect(pe.at(.school, "P-GAP")?.missing.first?.reason == "timetable of grade 3 not reported")
        #expect(Fixture.results("PE-ACTIVITY-PRIMARY", input).at(.school, "N-1")?.status == .met)
        // Junior 4 + 1: grade 7 has 4 PE (met) but 0 activity lessons (not met).
        #expect(Fixture.results("PE-JUNIOR", input).at(.school, "N-1")?.status == .met)
        #expect(Fixture.results("PE-ACTIVITY-JUNIOR", input).at(.school, "N-1")?.value == 0)
        #expect(Fixture.results("PE-SENIOR", input).at(.school, "S-1")?.status == .met)
    }

    @Test func dailyExercise() {
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 100]),
            Fixture.school("P-2", stages: [.primary], pupils: [.primary: 100]),
        ], reports: [SchoolReport(schoolID: "P-1", year: Fixture.year, dailyExerciseMinutes: 120),
                     SchoolReport(schoolID: "P-2", year: Fixture.year, dailyExerciseMinutes: 90)])
        let results = Fixture.results("EXERCISE-2H", input)
        #expect(results.at(.school, "P-1")?.status == .met)
        #expect(results.at(.school, "P-2")?.status == .notMet)
        #expect(results.at(.district, Fixture.district)?.value == 50)
    }

    /// Nine-year school: grade 3 has a psychology lesson every two weeks, no junior grade has one → min(1, 0) = 0.
    @Test func psychologyLessonInEveryStage() {
        var nineYear = Fixture.timetable([.primary, .junior], pe: 5, activity: 1)
        nineYear[.g3]!.psychologyLessonsPerTwoWeeks = 1
        var primary = Fixture.timetable([.primary], pe: 5, activity: 2)
        primary[.g1]!.psychologyLessonsPerTwoWeeks = 2
        primary[.g5]!.psychologyLessonsPerTwoWeeks = 1
        let input = Fixture.input([
            Fixture.school("N-1", stages: [.primary, .junior], pupils: [.primary: 500, .junior: 400]),
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 500]),
        ], reports: [SchoolReport(schoolID: "N-1", year: Fixture.year, timetable: nineYear),
                     SchoolReport(schoolID: "P-1", year: Fixture.year, timetable: primary)])
        let results = Fixture.results("PSY-LESSON", input)
        let nine = results.at(.school, "N-1")
        #expect(nine?.value == 0)
        #expect(nine?.inputs == [IndicatorInput("psychology_grades_primary", 1), IndicatorInput("psychology_grades_junior", 0)])
        #expect(nine?.status == .notMet)
        #expect(results.at(.school, "P-1")?.value == 2)
        #expect(results.at(.school, "P-1")?.status == .met)
    }

    @Test func fullTimePsychologyTeacher() {
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 100], teachers: Fixture.teachers(total: 10, psychology: 1)),
            Fixture.school("P-2", stages: [.primary], pupils: [.primary: 100], teachers: Fixture.teachers(total: 10)),
            Fixture.school("P-3", stages: [.primary], pupils: [.primary: 100]),
        ])
        let results = Fixture.results("PSY-TEACHER", input)
        #expect(results.at(.school, "P-1")?.status == .met)
        #expect(results.at(.school, "P-2")?.status == .notMet)
        #expect(results.at(.school, "P-3")?.missing.first?.reason == "no teacher records")
    }

    // MARK: Family and school

    /// 900 visits / 900 pupils = 1 per pupil (met); 899 / 900 = 0.9989 (not met).
    @Test func homeVisitsAndFamilyEducation() {
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 900]),
            Fixture.school("N-1", stages: [.primary, .junior], pupils: [.primary: 500, .junior: 400]),
        ], reports: [SchoolReport(schoolID: "P-1", year: Fixture.year, homeVisits: 900, familyEducationActivities: 4),
                     SchoolReport(schoolID: "N-1", year: Fixture.year, homeVisits: 899, familyEducationActivities: 3)])
        let visits = Fixture.results("HOME-VISITS", input)
        #expect(visits.at(.school, "P-1")?.value == 1)
        #expect(visits.at(.school, "P-1")?.status == .met)
        #expect(visits.at(.school, "N-1")?.status == .notMet)
        #expect(visits.at(.school, "N-1")?.denominator == 900)
        let activities = Fixture.results("FAMILY-EDUCATION", input)
        #expect(activities.at(.school, "P-1")?.status == .met)
        #expect(activities.at(.school, "N-1")?.value == 3)
        #expect(activities.at(.school, "N-1")?.status == .notMet)
    }

    // MARK: Digital

    /// Reported persons: 1000 Mbps / 1000 = 1 (met). Derived: 900 pupils + 80 teachers = 980 → 1.0204 (met);
    /// 900 Mbps / 980 = 0.918 (not met); no persons and no teacher records → no data.
    @Test func bandwidthPerPerson() {
        let teachers = Fixture.teachers(total: 80)
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 900], teachers: teachers),
            Fixture.school("P-2", stages: [.primary], pupils: [.primary: 900], teachers: teachers),
            Fixture.school("P-3", stages: [.primary], pupils: [.primary: 900], teachers: teachers),
            Fixture.school("P-4", stages: [.primary], pupils: [.primary: 900]),
            Fixture.school("K-1", stages: [.kindergarten], pupils: [.kindergarten: 900]),
        ], reports: [SchoolReport(schoolID: "P-1", year: Fixture.year, bandwidthMbps: 1000, bandwidthPersons: 1000),
                     SchoolReport(schoolID: "P-2", year: Fixture.year, bandwidthMbps: 1000),
                     SchoolReport(schoolID: "P-3", year: Fixture.year, bandwidthMbps: 900),
                     SchoolReport(schoolID: "P-4", year: Fixture.year, bandwidthMbps: 1000)])
        let results = Fixture.results("BANDWIDTH", input)
        #expect(results.at(.school, "P-1")?.value == 1)
        #expect(results.at(.school, "P-2")?.denominator == 980)
        #expect(results.at(.school, "P-2")?.status == .met)
        #expect(results.at(.school, "P-3")?.status == .notMet)
        #expect(results.at(.school, "P-4")?.status == .noData)
        #expect(results.at(.school, "K-1") == nil)  // kindergartens are not compulsory schools
    }

    // MARK: Teachers

    /// A: 40 eligible, 4 rotated (1 key); B: 60 eligible, 5 rotated (1 key).
    /// Rotation 9 / 100 = 9% < 10%; key teachers 2 / 9 = 22.2% ≥ 20%.
    @Test func rotationShares() throws {
        let input = Fixture.input([
            Fixture.school("A", stages: [.primary], pupils: [.primary: 500], rotation: RotationCounts(eligible: 40, rotated: 4, keyRotated: 1)),
            Fixture.school("B", stages: [.junior], pupils: [.junior: 500], rotation: RotationCounts(eligible: 60, rotated: 5, keyRotated: 1)),
        ])
        let rotation = try #require(Fixture.results("ROTATION", input).at(.district, Fixture.district))
        #expect(rotation.value == 9)
        #expect(rotation.status == .notMet)
        let key = try #require(Fixture.results("ROTATION-KEY", input).at(.district, Fixture.district))
        #expect(abs(key.value! - 200.0 / 9) < 1e-9)
        #expect(key.status == .met)
    }

    // MARK: 优质均衡 resource indicators (school level)

    /// Primary school, 1000 pupils: teachers 10 中专 + 20 专科 + 30 本科 → above 中专 = 50 → 5.0 per 100 (≥ 4.2);
    /// 10 key → 1.0 (≥ 1); 9 PE/arts → 0.9 (≥ 0.9, exactly); 4500 m² → 4.5 (≥ 4.5); ground 7000 m² → 7.0 (< 7.5);
    /// equipment 2,000,000 yuan → 2000 (≥ 2000); 23 multimedia rooms → 2.3 per 100 (≥ 2.3).
    /// The same figures in a junior school: above 专科 = 30 → 3.0 (< 5.3); 4.5 m² < 5.8.
    @Test func resourceIndicatorsPerSchool() {
        let teachers = Fixture.teachers(total: 60, byDegree: [.secondary: 10, .associate: 20, .bachelor: 30], key: 10, peArts: 9)
        let report = { (id: String) in
            SchoolReport(schoolID: id, year: Fixture.year, floorArea: 4500, sportsGroundArea: 7000,
                         equipmentValue: 2_000_000, multimediaClassrooms: 23)
        }
        let input = Fixture.input([
            Fixture.school("P-1", stages: [.primary], pupils: [.primary: 1000], teachers: teachers),
            Fixture.school("J-1", stages: [.junior], pupils: [.junior: 1000], teachers: teachers),
        ], reports: [report("P-1"), report("J-1")])
        let expected: [(code: String, value: Double, status: IndicatorStatus)] = [
            ("BAL-DEGREE-PRIMARY", 5.0, .met), ("BAL-KEY-PRIMARY", 1.0, .met), ("BAL-PE-ARTS-PRIMARY", 0.9, .met),
            ("BAL-FLOOR-PRIMARY", 4.5, .met), ("BAL-GROUND-PRIMARY", 7.0, .notMet),
            ("BAL-EQUIPMENT-PRIMARY", 2000, .met), ("BAL-MEDIA-PRIMARY", 2.3, .met),
            ("BAL-DEGREE-JUNIOR", 3.0, .notMet), ("BAL-FLOOR-JUNIOR", 4.5, .notMet),
        ]
        for row in expected {
            let school = row.code.hasSuffix("PRIMARY") ? "P-1" : "J-1"
            let result = Fixture.results(row.code, input).at(.school, school)
            #expect(abs((result?.value ?? -1) - row.value) < 1e-9, "\(row.code)")
            #expect(result?.status == row.status, "\(row.code)")
        }
    }

    /// A report without the floor area: that indicator is "no data", the others are computed.
    @Test func oneUnreportedFieldIsNoDataForItsIndicatorOnly() {
        let input = Fixture.input([Fixture.school("P-1", stages: [.primary], pupils: [.primary: 1000])],
                                  reports: [SchoolReport(schoolID: "P-1", year: Fixture.year, sportsGroundArea: 8000)])
        let floor = Fixture.results("BAL-FLOOR-PRIMARY", input).at(.school, "P-1")
        #expect(floor?.status == .noData)
        #expect(floor?.missing == [MissingInput(scopeID: "P-1", reason: "floor_area_m2 not reported")])
        #expect(Fixture.results("BAL-GROUND-PRIMARY", input).at(.school, "P-1")?.value == 8)
    }

    // MARK: The whole catalogue

    @Test func wholeCatalogueOrdersResultsAndKeepsEveryIndicator() {
        let input = Fixture.input([Fixture.school("P-1", stages: [.primary], pupils: [.primary: 100])])
        let results = SupervisionEngine.compute(input: input)
        let codes = IndicatorCatalogue.shanghai2024.indicators.map(\.code)
        var seen: [String] = []
        for result in results where seen.last != result.indicatorCode { seen.append(result.indicatorCode) }
        #expect(seen == codes)  // one block per indicator, in catalogue order
        #expect(results.allSatisfy { ($0.value == nil) == ($0.status == .noData) })
    }

    @Test func anotherCityCanSetItsOwnTarget() {
        var stricter = IndicatorCatalogue.shanghai2024.indicator(code: "CLASS-SIZE-PRIMARY")!
        stricter.code = "CLASS-SIZE-40"
        stricter.target = 40
        let input = Fixture.input([Fixture.school("P-1", stages: [.primary], pupils: [.primary: 42], classes: [.primary: [42]])])
        let results = SupervisionEngine.compute(catalogue: IndicatorCatalogue(indicators: [stricter]), input: input)
        #expect(results.at(.school, "P-1")?.status == .notMet)
        #expect(Fixture.results("CLASS-SIZE-PRIMARY", input).at(.school, "P-1")?.status == .met)
    }
}

@Suite("Supervision inputs from registry records")
struct SupervisionInputCountingTests {
    static func student(_ number: Int, grade: Grade?, classNumber: Int?, hukou: Hukou = .local) -> Student {
        Student(nationalID: String(format: "31010120150101%04d", number), name: "学生\(number)", gender: .male,
                birthDate: "2015-01-01", hukou: hukou, residenceZoneID: nil, schoolID: "N-1", grade: grade, classNumber: classNumber)
    }

    /// Grade 1 class 1: 2 pupils, grade 1 class 2: 1, grade 2 class 1: 1 → primary classes [2, 1, 1], 1 migrant;
    /// junior: one pupil without a class number → class sizes unknown.
    @Test func enrollmentIsCountedByStage() {
        let counts = StageEnrollment.count([
            Self.student(1, grade: .g1, classNumber: 1), Self.student(2, grade: .g1, classNumber: 1, hukou: .nonLocal),
            Self.student(3, grade: .g1, classNumber: 2), Self.student(4, grade: .g2, classNumber: 1),
            Self.student(5, grade: .g6, classNumber: 1), Self.student(6, grade: .g6, classNumber: nil),
            Self.student(7, grade: nil, classNumber: nil),
        ])
        #expect(counts[.primary] == StageEnrollment(pupils: 4, migrantPupils: 1, classSizes: [2, 1, 1]))
        #expect(counts[.junior] == StageEnrollment(pupils: 2, migrantPupils: 0, classSizes: nil))
        #expect(counts[.senior] == nil)
    }

    @Test func teachersAreCountedByCategory() {
        func teacher(_ degree: Degree, key: KeyTeacherLevel = .none, specialism: Specialism = .none, psychology: Bool = false) -> Teacher {
            Teacher(nationalID: "x", name: "教师", schoolID: "N-1", subject: "语文", title: .first, degree: degree,
                    keyTeacherLevel: key, specialism: specialism, fullTimePsychology: psychology)
        }
        let counts = TeacherCounts(teachers: [
            teacher(.secondary), teacher(.associate, key: .school), teacher(.bachelor, key: .district, specialism: .pe),
            teacher(.master, key: .municipal, specialism: .arts), teacher(.bachelor, specialism: .psychology, psychology: true),
        ])
        #expect(counts.total == 5)
        #expect(counts.aboveRequiredDegree(for: .primary) == 4)  // above 中专
        #expect(counts.aboveRequiredDegree(for: .junior) == 3)   // above 专科
        #expect(counts.districtOrAboveKeyTeachers == 2)
        #expect(counts.peAndArtsTeachers == 2)
        #expect(counts.fullTimePsychologyTeachers == 1)
    }
}
