import Foundation

// 家访 and family education (the city's plan, item 25; docs/home-visits.md): every pupil is visited
// at least once a school year, every school holds at least 4 family-education activities a year.
// Teachers log visits to their own school's pupils; schools log activities; supervision counts both.

/// School years as days (the school year a day falls in is named by its autumn start: a day in
/// March 2027 is in 2026), and the small checks the visit and activity forms share.
extension SchoolYear {
    public static func of(_ day: CaseDate) -> Int { day.month >= 9 ? day.year : day.year - 1 }
    public static func start(_ year: Int) -> CaseDate { CaseDate(year: year, month: 9, day: 1) }
    public static func end(_ year: Int) -> CaseDate { CaseDate(year: year + 1, month: 8, day: 31) }

    /// A day typed into a form: a real day, in the school year of `today`, not after `today`.
    public static func pastDay(_ text: String?, field: String, today: CaseDate) throws(CampaignProblem) -> CaseDate {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 10, let day = CaseDate(trimmed) else {
            throw CampaignProblem(field, zh: "日期应写成 年-月-日，例如 \(today)。", en: "Write the date as year-month-day, for example \(today).")
        }
        guard day <= today else { throw CampaignProblem(field, zh: "日期不能晚于今天。", en: "The date cannot be after today.") }
        let year = of(today)
        guard day >= start(year) else {
            throw CampaignProblem(field, zh: "只能登记本学年（\(start(year).chineseText)起）的记录。",
                                  en: "Only this school year's records can be logged (from \(start(year))).")
        }
        return day
    }

    /// Free text of at most `limit` characters, trimmed; nil when empty.
    static func text(_ value: String?, field: String, limit: Int, required: Bool, zhName: String, enName: String) throws(CampaignProblem) -> String? {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { throw CampaignProblem(field, zh: "请填写\(zhName)。", en: "Fill in \(enName).") }
            return nil
        }
        guard text.count <= limit else {
            throw CampaignProblem(field, zh: "\(zhName)最多 \(limit) 字。", en: "\(enName.prefix(1).uppercased() + enName.dropFirst()): at most \(limit) characters.")
        }
        // Control characters other than line breaks have no place in a note a person reads.
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }) else {
            throw CampaignProblem(field, zh: "\(zhName)含有无法显示的字符。", en: "\(enName.prefix(1).uppercased() + enName.dropFirst()) holds characters that cannot be shown.")
        }
        return text
    }

    /// Digits only, at most `digits` of them: a longer number is refused, never converted with a trap.
    static func wholeNumber(_ text: String?, digits: Int = 6) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), (1...digits).contains(text.count),
              text.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(text)
    }
}

/// One visit as a teacher logged it.
public struct HomeVisit: Sendable, Hashable, Codable {
    /// 入户 / 来校 / 线上: where teacher and family met.
    public enum Way: String, Sendable, Hashable, Codable, CaseIterable { case home, school, online }

    public var id: String
    public var studentID: String
    public var schoolID: String
    public var date: CaseDate
    public var way: Way
    /// Who took part (the teacher, the class teacher, a parent…), short free text.
    public var attendees: String
    /// The teacher's note; it may hold sensitive remarks, so only the school's staff and teachers read it.
    public var note: String
    /// What must follow, when something must; nil when nothing.
    public var followUp: String?
    /// The day the follow-up was done.
    public var followUpClosedOn: CaseDate?
    /// The teacher row of the teacher who logged it (nil when the school administrator did).
    public var teacherID: String?
    /// The account's display name, as the family and the school see who visited.
    public var loggedByName: String

    public init(id: String, studentID: String, schoolID: String, date: CaseDate, way: Way, attendees: String, note: String,
                followUp: String?, followUpClosedOn: CaseDate? = nil, teacherID: String?, loggedByName: String) {
        self.id = id; self.studentID = studentID; self.schoolID = schoolID; self.date = date; self.way = way; self.attendees = attendees
        self.note = note; self.followUp = followUp; self.followUpClosedOn = followUpClosedOn; self.teacherID = teacherID; self.loggedByName = loggedByName
    }

    public var schoolYear: Int { SchoolYear.of(date) }
    public var followUpOpen: Bool { followUp != nil && followUpClosedOn == nil }

    public static let noteLimit = 500
    public static let attendeesLimit = 100
    public static let followUpLimit = 200

    /// The fields of the visit form, checked in the order the form shows them; the pupil is checked
    /// by the caller against the registry (`HomeVisitAccess`).
    public static func proposed(id: String, studentID: String, schoolID: String, form: [String: String], today: CaseDate,
                                teacherID: String?, loggedByName: String) throws(CampaignProblem) -> HomeVisit {
        let date = try SchoolYear.pastDay(form["date"], field: "date", today: today)
        guard let way = Way(rawValue: form["way"] ?? "") else {
            throw CampaignProblem("way", zh: "请选择家访方式（入户、来校或线上）。", en: "Choose how the visit took place (at home, at school or online).")
        }
        let attendees = try SchoolYear.text(form["attendees"], field: "attendees", limit: attendeesLimit, required: true,
                                            zhName: "参加人员", enName: "who took part")!
        let note = try SchoolYear.text(form["note"], field: "note", limit: noteLimit, required: false, zhName: "家访记录", enName: "the note") ?? ""
        var followUp: String?
        switch form["follow_up"] ?? "no" {
        case "no", "": followUp = nil
        case "yes":
            followUp = try SchoolYear.text(form["follow_up_text"], field: "follow_up_text", limit: followUpLimit, required: true,
                                           zhName: "需要跟进的事项", enName: "what must follow")
        default:
            throw CampaignProblem("follow_up", zh: "请选择是否需要跟进。", en: "Say whether a follow-up is needed.")
        }
        return HomeVisit(id: id, studentID: studentID, schoolID: schoolID, date: date, way: way, attendees: attendees, note: note,
                         followUp: followUp, teacherID: teacherID, loggedByName: loggedByName)
    }
}

/// A family-education activity as a school logged it.
public struct FamilyEducationActivity: Sendable, Hashable, Codable {
    /// 指导讲座 / 实践活动 / 家长学校课程 / 咨询.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable { case lecture, practice, parentSchool = "parent-school", consultation }

    public var id: String
    public var schoolID: String
    public var date: CaseDate
    public var kind: Kind
    public var topic: String
    /// The parent-school course (家长学校) or series this session belongs to; set only for that kind.
    public var course: String?
    public var attendance: Int
    /// The class the activity was for; nil when it was for the whole school.
    public var grade: Grade?
    public var classNumber: Int?

    public init(id: String, schoolID: String, date: CaseDate, kind: Kind, topic: String, course: String?, attendance: Int,
                grade: Grade?, classNumber: Int?) {
        self.id = id; self.schoolID = schoolID; self.date = date; self.kind = kind; self.topic = topic; self.course = course
        self.attendance = attendance; self.grade = grade; self.classNumber = classNumber
    }

    public var schoolYear: Int { SchoolYear.of(date) }

    /// The city's plan: at least 4 guidance or practice activities a school year.
    public static let yearlyTarget = 4
    /// Parents attending one activity: a consultation may be one family, a lecture the whole school.
    public static let attendances = 1...5_000
    public static let classNumbers = 1...30
    public static let topicLimit = 100
    public static let courseLimit = 100

    /// The activity form; `grades` are the school's grades (a class scope must be one of them).
    public static func proposed(id: String, schoolID: String, form: [String: String], grades: [Grade], today: CaseDate) throws(CampaignProblem) -> FamilyEducationActivity {
        let date = try SchoolYear.pastDay(form["date"], field: "date", today: today)
        guard let kind = Kind(rawValue: form["kind"] ?? "") else {
            throw CampaignProblem("kind", zh: "请选择活动类型。", en: "Choose the kind of activity.")
        }
        let topic = try SchoolYear.text(form["topic"], field: "topic", limit: topicLimit, required: true, zhName: "主题", enName: "the topic")!
        let course = try SchoolYear.text(form["course"], field: "course", limit: courseLimit, required: kind == .parentSchool,
                                         zhName: "家长学校课程名称", enName: "the parent-school course")
        guard kind == .parentSchool || course == nil else {
            throw CampaignProblem("course", zh: "只有家长学校课程填写课程名称。", en: "Only a parent-school course has a course name.")
        }
        guard let attendance = SchoolYear.wholeNumber(form["attendance"]), attendances.contains(attendance) else {
            throw CampaignProblem("attendance", zh: "参加人数须为 \(attendances.lowerBound) 至 \(attendances.upperBound) 之间的整数。",
                                  en: "Attendance must be a whole number from \(attendances.lowerBound) to \(attendances.upperBound).")
        }
        var grade: Grade?, classNumber: Int?
        let gradeText = form["grade"] ?? "", classText = form["class"] ?? ""
        if !gradeText.isEmpty || !classText.isEmpty {
            guard let g = Grade(rawValue: gradeText), grades.contains(g) else {
                throw CampaignProblem("grade", zh: "请选择本校的年级，或不选（面向全校）。", en: "Choose one of the school's grades, or none (the whole school).")
            }
            guard let number = SchoolYear.wholeNumber(classText, digits: 2), classNumbers.contains(number) else {
                throw CampaignProblem("class", zh: "班级须为 1 至 30 之间的整数。", en: "The class must be a whole number from 1 to 30.")
            }
            grade = g; classNumber = number
        }
        return FamilyEducationActivity(id: id, schoolID: schoolID, date: date, kind: kind, topic: topic, course: course, attendance: attendance,
                                       grade: grade, classNumber: classNumber)
    }
}

/// Who may log, read and delete visits and activities. Teachers are not staff: they reach their own
/// school's pupils here, and nothing else of the school.
public enum HomeVisitAccess {
    /// Logging a visit to a pupil of `schoolID` (also reading that school's pupils and visits for it):
    /// the school's teachers and its administrator.
    public static func canLog(_ scope: AccessScope, schoolID: String) -> Bool {
        (scope.role == .teacher || scope.role == .schoolAdmin) && scope.schoolID == schoolID
    }

    /// A school's coverage and visit log: those who log, and the district's and the city's staff.
    public static func canRead(_ scope: AccessScope, schoolID: String, districtCode: String) -> Bool {
        canLog(scope, schoolID: schoolID) || (scope.role.isStaff && scope.canSeeSchool(id: schoolID, districtCode: districtCode))
    }

    /// Deleting a visit: the teacher who logged it, or the school's administrator.
    public static func canDelete(_ scope: AccessScope, visit: HomeVisit) -> Bool {
        guard canLog(scope, schoolID: visit.schoolID) else { return false }
        return scope.role == .schoolAdmin || (visit.teacherID != nil && visit.teacherID == scope.teacherID)
    }

    /// Logging and deleting activities: the school's administrator.
    public static func canLogActivities(_ scope: AccessScope, schoolID: String) -> Bool {
        scope.role == .schoolAdmin && scope.schoolID == schoolID
    }

    /// A district's coverage table: its staff and the city's.
    public static func canReadDistrict(_ scope: AccessScope, districtCode: String) -> Bool { scope.canSeeDistrict(districtCode) }
}
