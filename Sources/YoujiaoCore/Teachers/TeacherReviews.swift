/// The lists a district reviews from its teachers' records (issue 13): hires from the provinces
/// whose teachers may not be poached, middle managers proposed for school leadership with the
/// rotation they served against the rule, and the rotation experience of those holding or in line
/// for 正高级/特级 appraisal. Each list is computed for one day from the registry's current title and
/// key level and the teacher's appointments and rotations.
public enum TeacherReviews {
    /// One teacher as the reviews read them; `teacherID` is whatever the caller names teachers by.
    public struct Subject: Sendable, Hashable {
        public var teacherID: String
        public var title: TeacherTitle
        public var keyLevel: KeyTeacherLevel
        public var appointments: [TeacherAppointment]
        public var rotations: [TeacherRotation]
        public init(teacherID: String, title: TeacherTitle, keyLevel: KeyTeacherLevel, appointments: [TeacherAppointment], rotations: [TeacherRotation]) {
            self.teacherID = teacherID; self.title = title; self.keyLevel = keyLevel; self.appointments = appointments; self.rotations = rotations
        }

        /// The appointment that covers `day` (the latest to start when two overlap).
        func appointment(on day: CaseDate) -> TeacherAppointment? {
            appointments.filter { $0.from <= day && ($0.until.map { day <= $0 } ?? true) }.max { $0.from < $1.from }
        }
    }

    // MARK: No poaching

    /// A hire from a protected province who holds a senior title or a key level of the district or above.
    public struct PoachingConcern: Sendable, Hashable {
        public var teacherID: String
        public var province: Province
        public var hired: CaseDate
        /// The school that hired them.
        public var schoolID: String
        public var title: TeacherTitle
        public var keyLevel: KeyTeacherLevel
    }

    /// The hires the district reviews: the teacher's first appointment started on or after
    /// `hiredSince` (three years before `day` when not given; a hire recorded ahead of its start is
    /// listed too, so it can be reviewed before it happens) and names a protected province as the
    /// previous employer's, and the teacher holds 高级/正高级 or is a key teacher of the district or the city.
    public static func poachingConcerns(_ teachers: [Subject], on day: CaseDate, hiredSince: CaseDate? = nil,
                                        rules: TeacherRules) -> [PoachingConcern] {
        let since = hiredSince ?? day.adding(months: -36)
        return teachers.compactMap { teacher in
            guard let hire = teacher.appointments.min(by: { $0.from < $1.from }), let code = hire.previousProvince,
                  TeacherReviewChecks.isPoachingConcern(hire, title: teacher.title, keyLevel: teacher.keyLevel, since: since, rules: rules)
            else { return nil }
            // A protected code GB/T 2260 does not name is still listed, under its code.
            let province = Province.named(code) ?? Province(code: code, nameZH: code, nameEN: code)
            return PoachingConcern(teacherID: teacher.teacherID, province: province, hired: hire.from, schoolID: hire.schoolID,
                                   title: teacher.title, keyLevel: teacher.keyLevel)
        }
    }

    // MARK: Promotion to school leadership

    /// A middle manager's appointment as vice-principal or principal: planned (it starts after the
    /// day) or made within the last year, with the cross-school rotation served before it.
    public struct PromotionProposal: Sendable, Hashable {
        public var teacherID: String
        /// The school of the leadership post (often not the one they manage at now).
        public var schoolID: String
        public var post: TeacherPost
        public var start: CaseDate
        /// Already in post (the appointment started on or before the day), rather than proposed.
        public var isAppointed: Bool
        /// Days of rotation served before the post starts, up to the day.
        public var rotationDays: Int
        public var requiredDays: Int
        public var lacksRotation: Bool { rotationDays < requiredDays }
    }

    /// - Parameter appointedWithinMonths: how far back an appointment already made is still listed (a year).
    public static func promotionProposals(_ teachers: [Subject], on day: CaseDate, appointedWithinMonths: Int = 12,
                                          rules: TeacherRules) -> [PromotionProposal] {
        let appointedSince = day.adding(months: -appointedWithinMonths)
        return teachers.compactMap { teacher in
            guard let current = teacher.appointment(on: day) else { return nil }
            let leadership: TeacherAppointment
            if current.post == .middleManager {
                // The first leadership post planned after the day.
                guard let planned = teacher.appointments.filter({ $0.post.isLeadership && $0.from > day }).min(by: { $0.from < $1.from }) else { return nil }
                leadership = planned
            } else if current.post.isLeadership, current.from >= appointedSince,
                      teacher.appointments.filter({ $0.from < current.from }).max(by: { $0.from < $1.from })?.post == .middleManager {
                leadership = current
            } else {
                return nil
            }
            // Rotation counts when served before the post, and only as far as the day (a planned term is not served).
            let days = TeacherReviewChecks.rotationDays(teacher.rotations, by: min(day, leadership.from.adding(days: -1)))
            return PromotionProposal(teacherID: teacher.teacherID, schoolID: leadership.schoolID, post: leadership.post, start: leadership.from,
                                     isAppointed: leadership.from <= day, rotationDays: days, requiredDays: rules.rotationDaysForPromotion)
        }
    }

    // MARK: 正高级 and 特级 appraisal

    /// Why a teacher is in the appraisal list.
    public enum AppraisalStanding: String, Sendable, Hashable, CaseIterable {
        /// Holds the full-senior title (正高级).
        case fullSenior = "full-senior"
        /// A senior teacher who is a key teacher of the city: the pool from which applications for
        /// 正高级 and 特级 come (the registry records no application itself).
        case candidate
    }

    /// A teacher's rotation experience for the appraisal file.
    public struct AppraisalRecord: Sendable, Hashable {
        public var teacherID: String
        public var standing: AppraisalStanding
        public var title: TeacherTitle
        public var keyLevel: KeyTeacherLevel
        /// Days served by the day, over the rotations that count (serving or returned).
        public var rotationDays: Int
        /// The rotations that count, in date order; planned, approved and cancelled terms are left out.
        public var rotations: [TeacherRotation]
        /// Each kind once, in the order first served.
        public var kinds: [TeacherRotation.Kind] { rotations.map(\.kind).uniqued() }
        /// The receiving schools, each once, in the order first served.
        public var schoolIDs: [String] { rotations.map(\.toSchoolID).uniqued() }
    }

    public static func appraisal(_ teachers: [Subject], on day: CaseDate) -> [AppraisalRecord] {
        teachers.compactMap { teacher in
            let standing: AppraisalStanding
            if teacher.title == .fullSenior { standing = .fullSenior }
            else if teacher.title == .senior && teacher.keyLevel == .municipal { standing = .candidate }
            else { return nil }
            let served = teacher.rotations.filter { $0.counts && $0.start <= day }.sorted { $0.start < $1.start }
            return AppraisalRecord(teacherID: teacher.teacherID, standing: standing, title: teacher.title, keyLevel: teacher.keyLevel,
                                   rotationDays: TeacherReviewChecks.rotationDays(served, by: day), rotations: served)
        }
    }
}
