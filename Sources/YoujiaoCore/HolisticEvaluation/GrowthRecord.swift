import Foundation

/// One written record (写实记录) of a pupil's growth, and where it stands in the city's workflow:
/// written → selected as representative (遴选) → on the class's display (公示) → archived; a record
/// an objection was upheld against is withdrawn. An archived record changes only by a logged correction.
public struct GrowthRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable { case written, selected, archived, withdrawn }
    /// Who wrote it: a teacher of the school, or the pupil (through a guardian's family account,
    /// as pupils have none); the teacher's selection is the check a pupil's record passes.
    public enum Author: String, Sendable, Hashable, Codable, CaseIterable { case teacher, student }

    public var id: String
    public var studentID: String
    public var schoolID: String
    /// The school year (autumn start) the record belongs to.
    public var schoolYear: Int
    public var dimension: GrowthDimension
    public var kind: GrowthRecordKind
    public var title: String
    public var detail: String
    public var date: CaseDate
    /// Activities: tenths of an hour.
    public var tenthHours: Int?
    public var awardLevel: AwardLevel?
    public var healthGrade: HealthGrade?
    public var status: Status
    public var writtenBy: String
    public var author: Author

    public init(id: String = UUID().uuidString.lowercased(), studentID: String, schoolID: String, schoolYear: Int, dimension: GrowthDimension,
                kind: GrowthRecordKind, title: String, detail: String, date: CaseDate, tenthHours: Int? = nil, awardLevel: AwardLevel? = nil,
                healthGrade: HealthGrade? = nil, status: Status = .written, writtenBy: String, author: Author = .teacher) {
        self.id = id; self.studentID = studentID; self.schoolID = schoolID; self.schoolYear = schoolYear; self.dimension = dimension
        self.kind = kind; self.title = title; self.detail = detail; self.date = date; self.tenthHours = tenthHours
        self.awardLevel = awardLevel; self.healthGrade = healthGrade; self.status = status; self.writtenBy = writtenBy; self.author = author
    }
}

/// A refusal of a growth-record step, by field, in words the page shows (docs/growth-record.md).
public struct GrowthProblem: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case unknownDimension, kindNotInDimension, teacherOnlyKind, titleLength, detailTooLong, badDate, dateInFuture
        case dateOutsideYear(Int), hoursRequired, hoursOutOfRange, levelRequired, gradeRequired
        case selectionFull(Int), notSelectable, displayRunning, displayExists, nothingSelected, displayNotOver, objectionsOpen
        case notOnDisplay, reasonLength, objectionExists, alreadyDecided, notArchived, stageNotDisplayed, changedMeanwhile
    }
    public var field: String
    public var reason: Reason
    public init(_ field: String, _ reason: Reason) { self.field = field; self.reason = reason }
}

/// A record as typed into the form, checked before anything is stored.
public struct GrowthRecordDraft: Sendable, Hashable {
    public var dimension: String
    public var kind: String
    public var title: String
    public var detail: String
    public var date: String
    public var hours: String
    public var level: String

    public init(dimension: String, kind: String, title: String, detail: String, date: String, hours: String = "", level: String = "") {
        self.dimension = dimension; self.kind = kind; self.title = title; self.detail = detail; self.date = date; self.hours = hours; self.level = level
    }

    public static let titleLengths = 1...60
    public static let detailLimit = 500
    /// 0.5 to 200 hours for one activity.
    public static let tenthHoursRange = 5...2_000

    /// The record for `studentID`, or the first problem by field. The pupil (`.student`) may not write
    /// teachers' kinds (comments, health tests).
    public func record(studentID: String, schoolID: String, writtenBy: String, author: GrowthRecord.Author, today: CaseDate,
                       framework: HolisticFramework = .shanghai) -> Result<GrowthRecord, GrowthProblem> {
        guard let dimension = GrowthDimension(rawValue: dimension) else { return .failure(.init("dimension", .unknownDimension)) }
        guard let kind = GrowthRecordKind(rawValue: kind), framework.allows(kind, in: dimension) else {
            return .failure(.init("kind", .kindNotInDimension))
        }
        if kind.isTeacherOnly && author == .student { return .failure(.init("kind", .teacherOnlyKind)) }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.titleLengths.contains(title.count) else { return .failure(.init("title", .titleLength)) }
        let detail = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        guard detail.count <= Self.detailLimit else { return .failure(.init("detail", .detailTooLong)) }
        guard date.count == 10, let day = CaseDate(date), day.description == date else { return .failure(.init("date", .badDate)) }
        guard day <= today else { return .failure(.init("date", .dateInFuture)) }
        guard day.schoolYear == today.schoolYear else { return .failure(.init("date", .dateOutsideYear(today.schoolYear))) }
        var record = GrowthRecord(studentID: studentID, schoolID: schoolID, schoolYear: day.schoolYear, dimension: dimension, kind: kind,
                                  title: title, detail: detail, date: day, writtenBy: writtenBy, author: author)
        if kind.hasHours {
            let text = hours.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .failure(.init("hours", .hoursRequired)) }
            guard let tenths = Self.tenths(text), Self.tenthHoursRange.contains(tenths) else { return .failure(.init("hours", .hoursOutOfRange)) }
            record.tenthHours = tenths
        }
        if kind.hasAwardLevel {
            guard let level = AwardLevel(rawValue: level) else { return .failure(.init("level", .levelRequired)) }
            record.awardLevel = level
        }
        if kind.hasHealthGrade {
            guard let grade = HealthGrade(rawValue: level) else { return .failure(.init("level", .gradeRequired)) }
            record.healthGrade = grade
        }
        return .success(record)
    }

    /// "12" or "1.5": at most three digits and one decimal, so no text overflows.
    static func tenths(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...3).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigitCharacter),
              parts.count == 1 || (parts[1].count == 1 && parts[1].allSatisfy(\.isASCIIDigitCharacter)), let whole = Int(parts[0]) else { return nil }
        return whole * 10 + (parts.count == 2 ? Int(parts[1])! : 0)
    }
}

/// A class's display (公示) of its pupils' selected records for one school year.
public struct GrowthDisplay: Sendable, Hashable, Codable {
    public var id: String
    public var schoolID: String
    public var grade: Grade
    public var classNumber: Int
    public var schoolYear: Int
    public var opensOn: CaseDate
    public var endsOn: CaseDate
    public var archivedOn: CaseDate?

    public init(id: String = UUID().uuidString.lowercased(), schoolID: String, grade: Grade, classNumber: Int, schoolYear: Int,
                opensOn: CaseDate, endsOn: CaseDate, archivedOn: CaseDate? = nil) {
        self.id = id; self.schoolID = schoolID; self.grade = grade; self.classNumber = classNumber; self.schoolYear = schoolYear
        self.opensOn = opensOn; self.endsOn = endsOn; self.archivedOn = archivedOn
    }

    public enum Phase: String, Sendable, Hashable { case running, ended, archived }
    public func phase(on day: CaseDate) -> Phase { archivedOn != nil ? .archived : day <= endsOn ? .running : .ended }
}

/// An objection raised during a display, and the school's decision on it.
public struct GrowthObjection: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable { case open, upheld, dismissed }
    public var id: String
    public var recordID: String
    public var raisedBy: String
    public var reason: String
    public var raisedOn: CaseDate
    public var status: Status
    public var decisionNote: String?
    public var decidedBy: String?

    public init(id: String = UUID().uuidString.lowercased(), recordID: String, raisedBy: String, reason: String, raisedOn: CaseDate,
                status: Status = .open, decisionNote: String? = nil, decidedBy: String? = nil) {
        self.id = id; self.recordID = recordID; self.raisedBy = raisedBy; self.reason = reason; self.raisedOn = raisedOn
        self.status = status; self.decisionNote = decisionNote; self.decidedBy = decidedBy
    }

    public static let reasonLengths = 5...500

    /// The reason as typed, trimmed, or the problem.
    public static func checkedReason(_ text: String) -> Result<String, GrowthProblem> {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return reasonLengths.contains(reason.count) ? .success(reason) : .failure(.init("reason", .reasonLength))
    }
}

/// What one pupil's archived records give each dimension: the figure a 中考 quota round can read.
public struct GrowthDimensionSummary: Sendable, Hashable {
    public var dimension: GrowthDimension
    public var records: Int
    public var tenthHours: Int
    public var highestAward: AwardLevel?
    public var healthGrade: HealthGrade?

    public static func summaries(of records: [GrowthRecord]) -> [GrowthDimensionSummary] {
        GrowthDimension.allCases.map { dimension in
            let mine = records.filter { $0.dimension == dimension && $0.status == .archived }
            return GrowthDimensionSummary(dimension: dimension, records: mine.count,
                                          tenthHours: mine.reduce(0) { $0 + ($1.tenthHours ?? 0) },
                                          highestAward: mine.compactMap(\.awardLevel).max(),
                                          healthGrade: mine.filter { $0.healthGrade != nil }.max { $0.date < $1.date }?.healthGrade)
        }
    }
}

/// Who may do what with growth records (on top of seeing the pupil's school).
public enum GrowthAccess {
    /// Write and select: the school's administrators and its teachers.
    public static func canWrite(_ scope: AccessScope, schoolID: String) -> Bool {
        (scope.role == .schoolAdmin || scope.role == .teacher) && scope.schoolID == schoolID
    }
    /// Open, review and archive displays, correct archived records: the school's administrators.
    public static func canManage(_ scope: AccessScope, schoolID: String) -> Bool {
        scope.role == .schoolAdmin && scope.schoolID == schoolID
    }
    /// Read a school's completeness and classes: its staff, teachers, and district and city staff.
    public static func canReadSchool(_ scope: AccessScope, schoolID: String, districtCode: String) -> Bool {
        canWrite(scope, schoolID: schoolID) || (scope.role.isStaff && scope.canSeeSchool(id: schoolID, districtCode: districtCode))
    }
}

/// One class's standing in a school year: pupils, those without any record, records selected and
/// archived, objections open, and its display.
public struct GrowthClassStanding: Sendable, Hashable {
    public var grade: Grade
    public var classNumber: Int
    public var pupils: Int
    public var pupilsWithRecords: Int
    public var records: Int
    public var selected: Int
    public var archived: Int
    public var openObjections: Int
    public var display: GrowthDisplay?
    public init(grade: Grade, classNumber: Int, pupils: Int, pupilsWithRecords: Int, records: Int, selected: Int, archived: Int,
                openObjections: Int, display: GrowthDisplay?) {
        self.grade = grade; self.classNumber = classNumber; self.pupils = pupils; self.pupilsWithRecords = pupilsWithRecords
        self.records = records; self.selected = selected; self.archived = archived; self.openObjections = openObjections; self.display = display
    }
    public var withoutRecords: Int { pupils - pupilsWithRecords }
}
