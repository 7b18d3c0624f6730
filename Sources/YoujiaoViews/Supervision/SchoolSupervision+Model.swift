import YoujiaoCore

/// A school's indicators, the registry counts behind them and its yearly report as stored.
public enum SchoolSupervisionPage {
    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var districtName: String
        /// nil when the viewer may not open the district's page (school staff).
        public var districtHref: String?
        public var stages: [Stage]
        public var ownership: Ownership
        public var year: SupervisionYear
        public var indicators: [IndicatorRow]
        public var counts: [StageCounts]
        public var teachers: Teachers?
        /// nil for a school that takes no part in rotation (kindergartens, senior high).
        public var rotation: RotationFacts?
        /// The report as stored, nil when the school has not reported this year.
        public var report: [ReportFact]?
        public var timetable: [TimetableRow]
        /// Whether the viewer may fill in the report (the school's or its district's staff).
        public var mayEditReport: Bool

        public init(schoolID: String, schoolName: String, districtName: String, districtHref: String?, stages: [Stage], ownership: Ownership,
                    year: SupervisionYear, indicators: [IndicatorRow], counts: [StageCounts], teachers: Teachers?, rotation: RotationFacts?,
                    report: [ReportFact]?, timetable: [TimetableRow], mayEditReport: Bool) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.districtName = districtName; self.districtHref = districtHref
            self.stages = stages; self.ownership = ownership; self.year = year; self.indicators = indicators; self.counts = counts
            self.teachers = teachers; self.rotation = rotation; self.report = report; self.timetable = timetable; self.mayEditReport = mayEditReport
        }

        public var base: String { "/supervision/schools/\(PageAddress.encode(schoolID))" }
    }

    public struct IndicatorRow: Sendable, Hashable {
        public var name: Phrase
        public var figure: SupervisionFigures.Figure
        public var target: Phrase
        /// How far a missed target is from being met, in the indicator's unit.
        public var gap: Double?
        public var inputs: Phrase
        public var missing: Phrase
        public init(name: Phrase, figure: SupervisionFigures.Figure, target: Phrase, gap: Double?, inputs: Phrase, missing: Phrase) {
            self.name = name; self.figure = figure; self.target = target; self.gap = gap; self.inputs = inputs; self.missing = missing
        }
    }

    public struct StageCounts: Sendable, Hashable {
        public var stage: Stage
        public var pupils: Int
        public var migrantPupils: Int
        /// nil when class sizes are unknown.
        public var classes: Int?
        public var largestClass: Int?
        public init(stage: Stage, pupils: Int, migrantPupils: Int, classes: Int?, largestClass: Int?) {
            self.stage = stage; self.pupils = pupils; self.migrantPupils = migrantPupils; self.classes = classes; self.largestClass = largestClass
        }
    }

    public struct Teachers: Sendable, Hashable {
        public var total: Int
        public var byDegree: [Degree: Int]
        public var keyTeachers: Int
        public var peArtsTeachers: Int
        public var psychologyTeachers: Int
        public init(total: Int, byDegree: [Degree: Int], keyTeachers: Int, peArtsTeachers: Int, psychologyTeachers: Int) {
            self.total = total; self.byDegree = byDegree; self.keyTeachers = keyTeachers
            self.peArtsTeachers = peArtsTeachers; self.psychologyTeachers = psychologyTeachers
        }
    }

    public struct RotationFacts: Sendable, Hashable {
        /// nil when the district has not reported the year's rotation.
        public var figures: (eligible: Int, rotated: Int, keyRotated: Int)? {
            guard let eligible, let rotated, let keyRotated else { return nil }
            return (eligible, rotated, keyRotated)
        }
        public var eligible: Int?
        public var rotated: Int?
        public var keyRotated: Int?
        public init(eligible: Int?, rotated: Int?, keyRotated: Int?) { self.eligible = eligible; self.rotated = rotated; self.keyRotated = keyRotated }
    }

    public struct ReportFact: Sendable, Hashable {
        public var label: Phrase
        /// nil: not reported.
        public var value: Phrase?
        public init(label: Phrase, value: Phrase?) { self.label = label; self.value = value }
    }

    public struct TimetableRow: Sendable, Hashable {
        public var grade: Grade
        public var peLessons: Int
        public var activityLessons: Int
        public var psychologyLessonsPerTwoWeeks: Int
        public var weeklyPeriods: Int?
        public init(grade: Grade, peLessons: Int, activityLessons: Int, psychologyLessonsPerTwoWeeks: Int, weeklyPeriods: Int?) {
            self.grade = grade; self.peLessons = peLessons; self.activityLessons = activityLessons
            self.psychologyLessonsPerTwoWeeks = psychologyLessonsPerTwoWeeks; self.weeklyPeriods = weeklyPeriods
        }
    }

    /// The school's indicators: the first table and the `results` download.
    public static func indicatorTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.supervision(.indicator), key: "indicator"), TableModel.Column(.supervision(.value), key: "value", isNumeric: true),
            TableModel.Column(.supervision(.target), key: "target"), TableModel.Column(.supervision(.gap), key: "gap", isNumeric: true),
            TableModel.Column(.supervision(.inputs), key: "inputs"), TableModel.Column(.supervision(.missingInputs), key: "missing"),
        ]
        let rows: [[TableModel.Cell]] = model.indicators.map { row in
            [.phrase(row.name), row.figure.cell, .phrase(row.target),
             row.gap.map { SupervisionFigures.cell($0, unit: row.figure.unit) } ?? .empty,
             .phrase(row.inputs), .phrase(row.missing)]
        }
        return TableModel(id: "school-indicators", caption: .supervision(.indicators), columns: columns, rows: rows,
                          emptyState: .supervision(.noIndicators))
    }

    public static func countsTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.supervision(.stage), key: "stage"), TableModel.Column(.supervision(.pupils), key: "pupils", isNumeric: true),
            TableModel.Column(.supervision(.migrantPupils), key: "migrants", isNumeric: true),
            TableModel.Column(.supervision(.classes), key: "classes", isNumeric: true),
            TableModel.Column(.supervision(.largestClass), key: "largest", isNumeric: true),
        ]
        let rows: [[TableModel.Cell]] = model.counts.map { row in
            [.phrase(.stage(row.stage)), .number(row.pupils), .number(row.migrantPupils),
             row.classes.map { .number($0) } ?? .phrase(.supervision(.unknown)), row.largestClass.map { .number($0) } ?? .phrase(.supervision(.unknown))]
        }
        return TableModel(id: "school-counts", caption: .supervision(.countsTable), columns: columns, rows: rows, emptyState: .schools(.noPupilsInSchool))
    }

    public static func teacherTable(_ model: Model) -> TableModel {
        var rows: [[TableModel.Cell]]
        if let teachers = model.teachers {
            rows = [[.phrase(.supervision(.totalTeachers)), .number(teachers.total)]]
            rows += Degree.allCases.map { [.phrase(.degree($0)), .number(teachers.byDegree[$0] ?? 0)] }
            rows += [[.phrase(.supervision(.keyTeachers)), .number(teachers.keyTeachers)],
                     [.phrase(.supervision(.peArtsTeachers)), .number(teachers.peArtsTeachers)],
                     [.phrase(.supervision(.psychologyTeachers)), .number(teachers.psychologyTeachers)]]
        } else {
            rows = [[.phrase(.supervision(.noTeacherRecords)), .empty]]
        }
        if let rotation = model.rotation {
            if let figures = rotation.figures {
                rows += [[.phrase(.supervision(.rotationEligible)), .number(figures.eligible)],
                         [.phrase(.supervision(.rotated)), .number(figures.rotated)],
                         [.phrase(.supervision(.keyRotated)), .number(figures.keyRotated)]]
            } else {
                rows.append([.phrase(.supervision(.rotation)), .phrase(.supervision(.notReportedByDistrict))])
            }
        }
        return TableModel(id: "school-teachers", caption: .supervision(.teacherTable),
                          columns: [TableModel.Column(.supervision(.teachers), key: "what"), TableModel.Column(.supervision(.count), key: "count", isNumeric: true)],
                          rows: rows)
    }

    public static func timetableTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.schools(.grade), key: "grade"), TableModel.Column(.supervision(.peLessons), key: "pe", isNumeric: true),
            TableModel.Column(.supervision(.activityLessons), key: "activity", isNumeric: true),
            TableModel.Column(.supervision(.psychologyLessons), key: "psychology", isNumeric: true),
            TableModel.Column(.supervision(.weeklyPeriods), key: "periods", isNumeric: true),
        ]
        let rows: [[TableModel.Cell]] = model.timetable.map { row in
            [.phrase(.grade(row.grade)), .number(row.peLessons), .number(row.activityLessons), .number(row.psychologyLessonsPerTwoWeeks),
             row.weeklyPeriods.map { .number($0) } ?? .phrase(.supervision(.notReported))]
        }
        return TableModel(id: "school-timetable", caption: .supervision(.timetableTable), columns: columns, rows: rows)
    }
}
