import YoujiaoCore

/// 综合素质评价 pages: a school's classes with their progress, one class's workflow, the class
/// display families see, a pupil's report, and a district's schools. Tables sort on the server and
/// download as CSV and XLSX.
public enum GrowthSchoolPage {
    public typealias ClassRow = GrowthClassStanding

    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var today: CaseDate
        public var rows: [ClassRow]
        public var sort: TableSort
        public init(schoolID: String, schoolName: String, today: CaseDate, rows: [ClassRow], sort: TableSort) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.today = today; self.rows = rows; self.sort = sort
        }
        public var href: String { "/schools/\(schoolID)/growth" }
    }

    public static let sortableKeys: Set<String> = ["class", "without", "objections"]
    public static let defaultSort = TableSort(key: "class")

    static func displayPhrase(_ display: GrowthDisplay?, today: CaseDate) -> Phrase {
        guard let display else { return .growth(.noDisplay) }
        switch display.phase(on: today) {
        case .running: return .growth(.displayRuns(display.opensOn, display.endsOn))
        case .ended: return .growth(.displayEnded(display.endsOn))
        case .archived: return .growth(.displayArchived(display.archivedOn ?? display.endsOn))
        }
    }

    public static func table(_ model: Model) -> TableModel {
        let rows = model.rows.sorted { a, b in
            let order: Bool
            switch model.sort.key {
            case "without": order = (a.withoutRecords, a.grade.index, a.classNumber) < (b.withoutRecords, b.grade.index, b.classNumber)
            case "objections": order = (a.openObjections, a.grade.index, a.classNumber) < (b.openObjections, b.grade.index, b.classNumber)
            default: order = (a.grade.index, a.classNumber) < (b.grade.index, b.classNumber)
            }
            return model.sort.direction == .ascending ? order : !order
        }
        return TableModel(
            id: "classes", caption: .growth(.classesCaption),
            columns: [.init(.growth(.classColumn), key: "class", isSortable: true), .init(.growth(.pupils), key: "pupils", isNumeric: true),
                      .init(.growth(.withoutRecords), key: "without", isNumeric: true, isSortable: true),
                      .init(.growth(.records), key: "records", isNumeric: true), .init(.growth(.selected), key: "selected", isNumeric: true),
                      .init(.growth(.archived), key: "archived", isNumeric: true),
                      .init(.growth(.openObjections), key: "objections", isNumeric: true, isSortable: true),
                      .init(.growth(.displayColumn), key: "display")],
            rows: rows.map { row in
                [.phraseLink(.growth(.className(row.grade, row.classNumber)), href: "\(model.href)/\(row.grade.rawValue)/\(row.classNumber)"),
                 .number(row.pupils), row.withoutRecords > 0 ? .toned(.number(row.withoutRecords), tone: .warning, note: .growth(.withoutRecords)) : .number(0),
                 .number(row.records), .number(row.selected), .number(row.archived),
                 row.openObjections > 0 ? .toned(.number(row.openObjections), tone: .bad, note: .growth(.openObjections)) : .number(0),
                 row.grade.stage == .primary ? .phrase(.growth(.lighterVariant)) : .phrase(displayPhrase(row.display, today: model.today))]
            },
            sort: model.sort, emptyState: .growth(.noClasses))
    }
}

public enum GrowthClassPage {
    public struct Pupil: Sendable, Hashable {
        public var studentID: String
        public var name: String
        public init(studentID: String, name: String) { self.studentID = studentID; self.name = name }
    }

    public struct Objection: Sendable, Hashable {
        public var objection: GrowthObjection
        public var recordTitle: String
        public var pupilName: String
        public init(objection: GrowthObjection, recordTitle: String, pupilName: String) {
            self.objection = objection; self.recordTitle = recordTitle; self.pupilName = pupilName
        }
    }

    public struct Model: Sendable, Hashable {
        public var schoolName: String
        public var grade: Grade
        public var classNumber: Int
        public var href: String
        public var today: CaseDate
        public var pupils: [Pupil]
        public var records: [GrowthRecord]
        public var objections: [Objection]
        public var display: GrowthDisplay?
        public var isDisplayedStage: Bool
        public var mayWrite: Bool
        public var mayManage: Bool
        /// The record form's typed values and problem when it came back.
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public init(schoolName: String, grade: Grade, classNumber: Int, href: String, today: CaseDate, pupils: [Pupil], records: [GrowthRecord],
                    objections: [Objection], display: GrowthDisplay?, isDisplayedStage: Bool, mayWrite: Bool, mayManage: Bool,
                    values: [String: String] = [:], problem: CampaignPage.Problem? = nil) {
            self.schoolName = schoolName; self.grade = grade; self.classNumber = classNumber; self.href = href; self.today = today
            self.pupils = pupils; self.records = records; self.objections = objections; self.display = display
            self.isDisplayedStage = isDisplayedStage; self.mayWrite = mayWrite; self.mayManage = mayManage; self.values = values; self.problem = problem
        }
        func name(_ studentID: String) -> String { pupils.first { $0.studentID == studentID }?.name ?? "" }
    }

    static func levelCell(_ record: GrowthRecord) -> TableModel.Cell {
        if let tenths = record.tenthHours { return .decimal(Double(tenths) / 10, digits: 1) }
        if let level = record.awardLevel { return .phrase(.growth(.awardLevel(level))) }
        if let grade = record.healthGrade { return .phrase(.growth(.healthGrade(grade))) }
        return .empty
    }

    public static func recordsTable(_ model: Model) -> TableModel {
        TableModel(
            id: "records", caption: .growth(.recordsCaption),
            columns: [.init(.growth(.pupil), key: "pupil"), .init(.growth(.dimension), key: "dimension"), .init(.growth(.kind), key: "kind"),
                      .init(.growth(.title), key: "title"), .init(.growth(.date), key: "date"), .init(.growth(.level), key: "level"),
                      .init(.growth(.author), key: "author"), .init(.growth(.status), key: "status")],
            rows: model.records.map { r in
                [.link(model.name(r.studentID), href: "/students/\(r.studentID)/growth"), .phrase(.growth(.dimensionName(r.dimension))),
                 .phrase(.growth(.kindName(r.kind))), .text(r.title), .phrase(.day(r.date)), levelCell(r), .phrase(.growth(.authorName(r.author))),
                 .phrase(.growth(.recordStatus(r.status)))]
            },
            emptyState: .growth(.noRecords))
    }
}

/// What a class's families and the school's teachers read during the display, with an objection form.
public enum GrowthDisplayPage {
    public struct Model: Sendable, Hashable {
        public var schoolName: String
        public var display: GrowthDisplay
        public var today: CaseDate
        /// The selected records with their pupil's name.
        public var records: [Displayed]
        public var action: String
        public var problem: CampaignPage.Problem?
        public var problemRecordID: String?
        public var typedReason: String
        public init(schoolName: String, display: GrowthDisplay, today: CaseDate, records: [Displayed], action: String,
                    problem: CampaignPage.Problem? = nil, problemRecordID: String? = nil, typedReason: String = "") {
            self.schoolName = schoolName; self.display = display; self.today = today; self.records = records; self.action = action
            self.problem = problem; self.problemRecordID = problemRecordID; self.typedReason = typedReason
        }
    }

    public struct Displayed: Sendable, Hashable {
        public var record: GrowthRecord
        public var pupil: String
        public init(record: GrowthRecord, pupil: String) { self.record = record; self.pupil = pupil }
    }
}

/// 纪实报告: a pupil's archived records of every year by dimension, the summary a quota round reads,
/// and the corrections made after archiving.
public enum GrowthReportPage {
    public struct Model: Sendable, Hashable {
        public var studentName: String
        public var schoolName: String
        public var records: [GrowthRecord]
        public var summaries: [GrowthDimensionSummary]
        public var corrections: [String: [Correction]]
        /// School admins correct archived records from here.
        public var mayCorrect: Bool
        /// The display of the pupil's class this school year, for the family to read and object.
        public var displayHref: String?
        /// The form a pupil writes a record on, shown to the child's guardians.
        public var pupilForm: PupilForm?
        public init(studentName: String, schoolName: String, records: [GrowthRecord], summaries: [GrowthDimensionSummary],
                    corrections: [String: [Correction]], mayCorrect: Bool) {
            self.studentName = studentName; self.schoolName = schoolName; self.records = records; self.summaries = summaries
            self.corrections = corrections; self.mayCorrect = mayCorrect
        }
    }

    public struct PupilForm: Sendable, Hashable {
        public var action: String
        public var today: CaseDate
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public init(action: String, today: CaseDate, values: [String: String] = [:], problem: CampaignPage.Problem? = nil) {
            self.action = action; self.today = today; self.values = values; self.problem = problem
        }
    }

    public struct Correction: Sendable, Hashable {
        public var when: String
        public var reason: String
        public var beforeTitle: String
        public init(when: String, reason: String, beforeTitle: String) { self.when = when; self.reason = reason; self.beforeTitle = beforeTitle }
    }

    public static func summaryTable(_ model: Model) -> TableModel {
        TableModel(
            id: "summary", caption: .growth(.summaryCaption),
            columns: [.init(.growth(.dimension), key: "dimension"), .init(.growth(.dimensionRecords), key: "records", isNumeric: true),
                      .init(.growth(.dimensionHours), key: "hours", isNumeric: true), .init(.growth(.highestAward), key: "award"),
                      .init(.growth(.healthGrade), key: "health")],
            rows: model.summaries.map { s in
                [.phrase(.growth(.dimensionName(s.dimension))), .number(s.records), .decimal(Double(s.tenthHours) / 10, digits: 1),
                 s.highestAward.map { .phrase(.growth(.awardLevel($0))) } ?? .empty, s.healthGrade.map { .phrase(.growth(.healthGrade($0))) } ?? .empty]
            })
    }
}

/// A district's schools with their classes' progress this school year.
public enum GrowthDistrictPage {
    public struct Row: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var pupils: Int
        public var withoutRecords: Int
        public var classesWithoutDisplay: Int
        public var openObjections: Int
        public init(schoolID: String, schoolName: String, pupils: Int, withoutRecords: Int, classesWithoutDisplay: Int, openObjections: Int) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.pupils = pupils; self.withoutRecords = withoutRecords
            self.classesWithoutDisplay = classesWithoutDisplay; self.openObjections = openObjections
        }
    }

    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var rows: [Row]
        public var sort: TableSort
        public init(districtCode: String, districtName: String, rows: [Row], sort: TableSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.rows = rows; self.sort = sort
        }
        public var href: String { "/districts/\(districtCode)/growth" }
    }

    public static let sortableKeys: Set<String> = ["school", "without", "display", "objections"]
    public static let defaultSort = TableSort(key: "without", direction: .descending)

    public static func table(_ model: Model) -> TableModel {
        let rows = model.rows.sorted { a, b in
            let order: Bool
            switch model.sort.key {
            case "school": order = a.schoolName < b.schoolName
            case "display": order = (a.classesWithoutDisplay, a.schoolName) < (b.classesWithoutDisplay, b.schoolName)
            case "objections": order = (a.openObjections, a.schoolName) < (b.openObjections, b.schoolName)
            default: order = (a.withoutRecords, a.schoolName) < (b.withoutRecords, b.schoolName)
            }
            return model.sort.direction == .ascending ? order : !order
        }
        return TableModel(
            id: "schools", caption: .growth(.schoolsCaption),
            columns: [.init(.growth(.school), key: "school", isSortable: true), .init(.growth(.pupils), key: "pupils", isNumeric: true),
                      .init(.growth(.withoutRecords), key: "without", isNumeric: true, isSortable: true),
                      .init(.growth(.classesWithoutDisplay), key: "display", isNumeric: true, isSortable: true),
                      .init(.growth(.openObjections), key: "objections", isNumeric: true, isSortable: true)],
            rows: rows.map { r in
                [.link(r.schoolName, href: "/schools/\(r.schoolID)/growth"), .number(r.pupils), .number(r.withoutRecords),
                 .number(r.classesWithoutDisplay), .number(r.openObjections)]
            },
            sort: model.sort, emptyState: .growth(.noClasses))
    }
}
