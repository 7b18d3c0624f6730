import Foundation

/// The rules a city sets for its teachers' careers, as data; `shanghai` is the default.
public struct TeacherRules: Sendable, Hashable {
    /// Training hours required per cycle (研训: 360 hours in 5 years).
    public var requiredTenthHours: Int
    public var cycleYears: Int
    /// A cycle starts on 1 January of this year or of a year a multiple of `cycleYears` from it.
    public var cycleAnchorYear: Int
    /// Eligible for rotation after this many consecutive years at the same school.
    public var yearsAtSchoolForRotation: Int
    /// Not asked to rotate within this many years of retirement.
    public var yearsBeforeRetirementExempt: Int
    public var retirementAgeMen: Int
    public var retirementAgeWomen: Int
    /// Provinces (GB/T 2260 two-digit codes) whose teachers may not be poached: central, west, north-east.
    public var protectedProvinces: Set<String>
    /// Cross-school rotation a middle manager needs before promotion to school leadership.
    public var rotationDaysForPromotion: Int
    /// School years a rotation term of each kind lasts.
    public var termYearsByKind: [TeacherRotation.Kind: Int]

    public init(requiredTenthHours: Int, cycleYears: Int, cycleAnchorYear: Int, yearsAtSchoolForRotation: Int,
                yearsBeforeRetirementExempt: Int, retirementAgeMen: Int, retirementAgeWomen: Int,
                protectedProvinces: Set<String>, rotationDaysForPromotion: Int, termYearsByKind: [TeacherRotation.Kind: Int]) {
        self.requiredTenthHours = requiredTenthHours; self.cycleYears = cycleYears; self.cycleAnchorYear = cycleAnchorYear
        self.yearsAtSchoolForRotation = yearsAtSchoolForRotation; self.yearsBeforeRetirementExempt = yearsBeforeRetirementExempt
        self.retirementAgeMen = retirementAgeMen; self.retirementAgeWomen = retirementAgeWomen
        self.protectedProvinces = protectedProvinces; self.rotationDaysForPromotion = rotationDaysForPromotion
        self.termYearsByKind = termYearsByKind
    }

    /// A kind without a term of its own lasts one school year.
    public func termYears(_ kind: TeacherRotation.Kind) -> Int { termYearsByKind[kind] ?? 1 }

    /// 360 hours per five-year cycle from 2021 (the 14th five-year plan), six years at a school,
    /// exempt within 3 years of retirement at 60 (men) or 55 (women), the National Bureau of
    /// Statistics' central, western and north-eastern provinces, one year of rotation for promotion;
    /// three school years in a new city, a rural or a weaker school, one within the group.
    public static let shanghai = TeacherRules(
        requiredTenthHours: 3_600, cycleYears: 5, cycleAnchorYear: 2021, yearsAtSchoolForRotation: 6, yearsBeforeRetirementExempt: 3,
        retirementAgeMen: 60, retirementAgeWomen: 55,
        protectedProvinces: ["14", "34", "36", "41", "42", "43", "15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
                             "21", "22", "23"],
        rotationDaysForPromotion: 365, termYearsByKind: [.group: 1, .newCity: 3, .rural: 3, .weakSchool: 3])

    /// The training cycle that contains `day`.
    public func cycle(containing day: CaseDate) -> ClosedRange<CaseDate> {
        let offset = day.year - cycleAnchorYear
        // Floor division, so a year before the anchor falls in the cycle before it.
        let index = offset >= 0 ? offset / cycleYears : -((-offset + cycleYears - 1) / cycleYears)
        let start = cycleAnchorYear + index * cycleYears
        return CaseDate(year: start, month: 1, day: 1)...CaseDate(year: start + cycleYears - 1, month: 12, day: 31)
    }
}

/// A teacher's training against the cycle: hours so far, hours required, and whether they keep pace.
public struct TrainingPace: Sendable, Hashable {
    public var cycle: ClosedRange<CaseDate>
    public var tenthHours: Int
    public var requiredTenthHours: Int
    /// What the requirement asks by `day`, in proportion to the days of the cycle gone.
    public var expectedTenthHours: Int

    public init(records: [TeacherTraining], on day: CaseDate, rules: TeacherRules) {
        let cycle = rules.cycle(containing: day)
        self.cycle = cycle
        // Each record is at most 500 hours: a career's records cannot overflow.
        tenthHours = records.filter { cycle.contains($0.date) && $0.date <= day }.reduce(0) { $0 + $1.tenthHours }
        requiredTenthHours = rules.requiredTenthHours
        let total = cycle.lowerBound.days(until: cycle.upperBound) + 1
        let gone = cycle.lowerBound.days(until: day) + 1
        expectedTenthHours = requiredTenthHours * gone / total
    }

    public var isBehind: Bool { tenthHours < expectedTenthHours }
    public var isComplete: Bool { tenthHours >= requiredTenthHours }
}

/// Whether a teacher is asked to rotate this year, and why (or why not), from their record.
public struct RotationEligibility: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// At the current school since this day, for these whole years.
        case longAtSchool(since: CaseDate, years: Int)
        case tooShort(since: CaseDate, years: Int, required: Int)
        case nearRetirement(retires: CaseDate)
        case rotatingNow(until: CaseDate)
        case noCurrentAppointment
    }

    public var isEligible: Bool
    public var reason: Reason

    /// - Parameters:
    ///   - birthDate, isWoman: from the ID number, for the retirement day.
    public init(appointments: [TeacherAppointment], rotations: [TeacherRotation], birthDate: CaseDate, isWoman: Bool,
                on day: CaseDate, rules: TeacherRules) {
        if let away = rotations.first(where: { $0.counts && $0.start <= day && day < $0.plannedEnd && $0.status == .active }) {
            self.init(isEligible: false, reason: .rotatingNow(until: away.plannedEnd)); return
        }
        let current = appointments.filter { $0.from <= day && ($0.until.map { day <= $0 } ?? true) }.max { $0.from < $1.from }
        guard let current else { self.init(isEligible: false, reason: .noCurrentAppointment); return }
        // Consecutive years at the school: back through appointments at the same school that follow on without a gap.
        var since = current.from
        let sameSchool = appointments.filter { $0.schoolID == current.schoolID }.sorted { $0.from > $1.from }
        for earlier in sameSchool where earlier.from < since {
            guard let end = earlier.until, end.adding(days: 1) >= since else { break }
            since = earlier.from
        }
        let years = Self.wholeYears(from: since, to: day)
        let retirementAge = isWoman ? rules.retirementAgeWomen : rules.retirementAgeMen
        let retires = birthDate.adding(months: 12 * retirementAge)
        if day >= retires || Self.wholeYears(from: day, to: retires) < rules.yearsBeforeRetirementExempt {
            self.init(isEligible: false, reason: .nearRetirement(retires: retires)); return
        }
        if years >= rules.yearsAtSchoolForRotation {
            self.init(isEligible: true, reason: .longAtSchool(since: since, years: years))
        } else {
            self.init(isEligible: false, reason: .tooShort(since: since, years: years, required: rules.yearsAtSchoolForRotation))
        }
    }

    /// The same, with the birth date and sex read from the teacher's ID number (a number that does not
    /// parse counts as no retirement in view).
    public init(nationalID: String, appointments: [TeacherAppointment], rotations: [TeacherRotation], on day: CaseDate, rules: TeacherRules) {
        let identity = try? NationalID(nationalID)
        self.init(appointments: appointments, rotations: rotations, birthDate: identity.flatMap { CaseDate($0.birthDate) } ?? day,
                  isWoman: identity?.gender == .female, on: day, rules: rules)
    }

    private init(isEligible: Bool, reason: Reason) { self.isEligible = isEligible; self.reason = reason }

    static func wholeYears(from start: CaseDate, to end: CaseDate) -> Int {
        guard end >= start else { return 0 }
        let years = end.year - start.year
        return (end.month, end.day) >= (start.month, start.day) ? years : years - 1
    }
}

/// Checks the district reviews: hires from protected provinces, and promotions without rotation.
public enum TeacherReviewChecks {
    /// A hire since `since` whose previous employer is in a protected province and who holds a
    /// senior title or a key level of the district or above.
    public static func isPoachingConcern(_ appointment: TeacherAppointment, title: TeacherTitle, keyLevel: KeyTeacherLevel,
                                         since: CaseDate, rules: TeacherRules) -> Bool {
        guard appointment.from >= since, let province = appointment.previousProvince, rules.protectedProvinces.contains(province) else { return false }
        return title == .senior || title == .fullSenior || keyLevel.isDistrictOrAbove
    }

    /// Days of cross-school rotation served by `day` (for promotion and for 特级/正高级 applications).
    public static func rotationDays(_ rotations: [TeacherRotation], by day: CaseDate) -> Int {
        // Each rotation is at most a few years of days: no overflow.
        rotations.reduce(0) { $0 + $1.daysServed(by: day) }
    }

    /// A middle manager proposed for school leadership lacks the rotation the rules ask.
    public static func lacksRotationForPromotion(_ rotations: [TeacherRotation], by day: CaseDate, rules: TeacherRules) -> Bool {
        rotationDays(rotations, by: day) < rules.rotationDaysForPromotion
    }
}
