import YoujiaoCore

/// A school's 家访 this school year: coverage by class, a class's pupils and visits, the visit form.
public enum HomeVisitsPage {
    public struct ClassRow: Sendable, Hashable {
        public var schoolClass: SchoolClass?
        public var coverage: VisitCoverage
        public init(schoolClass: SchoolClass?, coverage: VisitCoverage) { self.schoolClass = schoolClass; self.coverage = coverage }
    }

    public struct PupilRow: Sendable, Hashable {
        public var id: String
        public var name: String
        /// As Core masks it.
        public var maskedID: String
        public var visits: Int
        public var lastVisit: CaseDate?
        public init(id: String, name: String, maskedID: String, visits: Int, lastVisit: CaseDate?) {
            self.id = id; self.name = name; self.maskedID = maskedID; self.visits = visits; self.lastVisit = lastVisit
        }
    }

    public struct VisitRow: Sendable, Hashable {
        public var visit: HomeVisit
        public var pupilName: String
        public var mayDelete: Bool
        public init(visit: HomeVisit, pupilName: String, mayDelete: Bool) { self.visit = visit; self.pupilName = pupilName; self.mayDelete = mayDelete }
    }

    /// The class picked (`class=3-2`) with its pupils and visits.
    public struct ClassDetail: Sendable, Hashable {
        public var schoolClass: SchoolClass?
        public var pupils: [PupilRow]
        public var visits: [VisitRow]
        public var unvisitedOnly: Bool
        public init(schoolClass: SchoolClass?, pupils: [PupilRow], visits: [VisitRow], unvisitedOnly: Bool) {
            self.schoolClass = schoolClass; self.pupils = pupils; self.visits = visits; self.unvisitedOnly = unvisitedOnly
        }
    }

    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var year: Int
        public var today: CaseDate
        public var classes: [ClassRow]
        public var activities: Int
        public var detail: ClassDetail?
        /// The viewer may log visits (the school's teachers and administrator).
        public var mayLog: Bool
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public var sort: TableSort
        public var incompleteOnly: Bool
        public init(schoolID: String, schoolName: String, year: Int, today: CaseDate, classes: [ClassRow], activities: Int, detail: ClassDetail?,
                    mayLog: Bool, values: [String: String], problem: CampaignPage.Problem?, sort: TableSort, incompleteOnly: Bool) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.year = year; self.today = today; self.classes = classes
            self.activities = activities; self.detail = detail; self.mayLog = mayLog; self.values = values; self.problem = problem
            self.sort = sort; self.incompleteOnly = incompleteOnly
        }
        public var href: String { "/schools/\(PageAddress.encode(schoolID))/home-visits" }
        public var total: VisitCoverage { VisitCoverageRules.total(classes.map(\.coverage)) }
    }

    public static let defaultSort = TableSort(key: "class")
    public static let sortableKeys: Set<String> = ["class", "percent", "not-visited", "follow-ups"]

    /// Coverage by class, sorted and filtered as asked (the page and its downloads).
    public static func classTable(_ model: Model) -> TableModel {
        let rows = model.classes.filter { !model.incompleteOnly || !$0.coverage.isComplete }.sorted { a, b in
            let order: Bool
            switch model.sort.key {
            case "percent": order = (a.coverage.percent ?? 101, a.schoolClass.map(\.description) ?? "") < (b.coverage.percent ?? 101, b.schoolClass.map(\.description) ?? "")
            case "not-visited": order = a.coverage.notVisited < b.coverage.notVisited
            case "follow-ups": order = a.coverage.openFollowUps < b.coverage.openFollowUps
            default: order = HomeVisitsPage.classOrder(a.schoolClass, b.schoolClass)
            }
            return model.sort.direction == .ascending ? order : !order
        }
        return TableModel(
            id: "visit-classes", caption: .homeVisits(.classesCaption),
            columns: [.init(.homeVisits(.schoolClass), key: "class", isSortable: true), .init(.homeVisits(.pupils), key: "pupils", isNumeric: true),
                      .init(.homeVisits(.visited), key: "visited", isNumeric: true),
                      .init(.homeVisits(.percent), key: "percent", isNumeric: true, isSortable: true),
                      .init(.homeVisits(.notVisited), key: "not-visited", isNumeric: true, isSortable: true),
                      .init(.homeVisits(.openFollowUps), key: "follow-ups", isNumeric: true, isSortable: true),
                      .init(.homeVisits(.status), key: "status")],
            rows: rows.map { row in
                [.phraseLink(.homeVisits(.schoolClass(row.schoolClass)), href: "\(model.href)?class=\(row.schoolClass.map(\.description) ?? "none")"),
                 .number(row.coverage.pupils), .number(row.coverage.visited), .phrase(.homeVisits(.percent(row.coverage.percent))),
                 .number(row.coverage.notVisited), .number(row.coverage.openFollowUps), statusBadge(row.coverage.isComplete)]
            },
            totals: [.phrase(.tables(.total)), .number(model.total.pupils), .number(model.total.visited), .phrase(.homeVisits(.percent(model.total.percent))),
                     .number(model.total.notVisited), .number(model.total.openFollowUps), statusBadge(model.total.isComplete)],
            sort: model.sort, emptyState: .homeVisits(.noPupils))
    }

    static func classOrder(_ a: SchoolClass?, _ b: SchoolClass?) -> Bool {
        switch (a, b) {
        case let (x?, y?): return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        case (nil, nil): return false
        }
    }

    static func statusBadge(_ complete: Bool) -> TableModel.Cell {
        .badge(.homeVisits(complete ? .complete : .incomplete), tone: complete ? .good : .bad)
    }

    /// The picked class's pupils (those not visited only, when asked): for the class teacher.
    public static func pupilTable(_ model: Model, _ detail: ClassDetail) -> TableModel {
        let rows = detail.pupils.filter { !detail.unvisitedOnly || $0.visits == 0 }
        return TableModel(
            id: "visit-pupils", caption: .homeVisits(.classPupilsTitle(detail.schoolClass)),
            columns: [.init(.homeVisits(.pupil), key: "pupil"), .init(.homeVisits(.maskedID), key: "id"),
                      .init(.homeVisits(.visits), key: "visits", isNumeric: true), .init(.homeVisits(.lastVisit), key: "last")],
            rows: rows.map { row in
                [.text(row.name), .maskedID(row.maskedID), .number(row.visits),
                 row.lastVisit.map { .phrase(.day($0)) } ?? .badge(.homeVisits(.noVisitsYet), tone: .warning)]
            },
            emptyState: .homeVisits(.noPupils))
    }

    /// The picked class's visits, latest first; the note only for the school's people (this page).
    public static func visitTable(_ model: Model, _ detail: ClassDetail, withActions: Bool) -> TableModel {
        var columns: [TableModel.Column] = [
            .init(.homeVisits(.date), key: "date"), .init(.homeVisits(.pupil), key: "pupil"), .init(.homeVisits(.way), key: "way"),
            .init(.homeVisits(.attendees), key: "attendees"), .init(.homeVisits(.note), key: "note"), .init(.homeVisits(.followUp), key: "follow-up"),
            .init(.homeVisits(.by), key: "by")]
        if withActions { columns.append(.init(.homeVisits(.delete), key: "actions")) }
        return TableModel(
            id: "visit-log", caption: .homeVisits(.visitsCaption), columns: columns,
            rows: detail.visits.map { row in
                let visit = row.visit
                var cells: [TableModel.Cell] = [
                    .phrase(.day(visit.date)), .text(row.pupilName), .phrase(.homeVisits(.way(visit.way))), .text(visit.attendees), .text(visit.note),
                    visit.followUp.map { text in visit.followUpOpen ? .badge(.verbatim(text), tone: .warning) : .text(text) } ?? .phrase(.homeVisits(.followUpNo)),
                    .text(visit.loggedByName)]
                if withActions {
                    cells.append(row.mayDelete ? .phraseLink(.homeVisits(.delete), href: "\(model.href)/visits/\(PageAddress.encode(visit.id))/delete") : .empty)
                }
                return cells
            },
            emptyState: .homeVisits(.noVisits))
    }
}

/// A school's family-education activities this school year and the form that logs one.
public enum FamilyActivitiesPage {
    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var year: Int
        public var today: CaseDate
        public var activities: [FamilyEducationActivity]
        public var grades: [Grade]
        public var mayLog: Bool
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public var sort: TableSort
        public init(schoolID: String, schoolName: String, year: Int, today: CaseDate, activities: [FamilyEducationActivity], grades: [Grade],
                    mayLog: Bool, values: [String: String], problem: CampaignPage.Problem?, sort: TableSort) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.year = year; self.today = today; self.activities = activities
            self.grades = grades; self.mayLog = mayLog; self.values = values; self.problem = problem; self.sort = sort
        }
        public var href: String { "/schools/\(PageAddress.encode(schoolID))/family-education" }
        public var met: Bool { activities.count >= FamilyEducationActivity.yearlyTarget }
    }

    public static let defaultSort = TableSort(key: "date", direction: .descending)
    public static let sortableKeys: Set<String> = ["date", "kind", "attendance"]

    public static func table(_ model: Model, withActions: Bool) -> TableModel {
        let kinds = FamilyEducationActivity.Kind.allCases
        let rows = model.activities.sorted { a, b in
            let order: Bool
            switch model.sort.key {
            case "kind": order = (kinds.firstIndex(of: a.kind)!, a.date.description) < (kinds.firstIndex(of: b.kind)!, b.date.description)
            case "attendance": order = (a.attendance, a.date.description) < (b.attendance, b.date.description)
            default: order = (a.date.description, a.topic) < (b.date.description, b.topic)
            }
            return model.sort.direction == .ascending ? order : !order
        }
        var columns: [TableModel.Column] = [
            .init(.homeVisits(.date), key: "date", isSortable: true), .init(.homeVisits(.kind), key: "kind", isSortable: true),
            .init(.homeVisits(.topic), key: "topic"), .init(.homeVisits(.course), key: "course"),
            .init(.homeVisits(.attendance), key: "attendance", isNumeric: true, isSortable: true), .init(.homeVisits(.scope), key: "scope")]
        if withActions { columns.append(.init(.homeVisits(.delete), key: "actions")) }
        return TableModel(
            id: "family-activities", caption: .homeVisits(.activitiesCaption), columns: columns,
            rows: rows.map { a in
                var cells: [TableModel.Cell] = [
                    .phrase(.day(a.date)), .phrase(.homeVisits(.kind(a.kind))), .text(a.topic), a.course.map { .text($0) } ?? .empty,
                    .number(a.attendance), scopeCell(a)]
                if withActions { cells.append(.phraseLink(.homeVisits(.delete), href: "\(model.href)/\(PageAddress.encode(a.id))/delete")) }
                return cells
            },
            emptyState: .homeVisits(.noActivities))
    }

    static func scopeCell(_ a: FamilyEducationActivity) -> TableModel.Cell {
        guard let grade = a.grade else { return .phrase(.homeVisits(.wholeSchool)) }
        return .phrase(.homeVisits(.schoolClass(SchoolClass(grade: grade, number: a.classNumber))))
    }
}

/// A district's schools: visit coverage and activities this school year.
public enum DistrictVisitsPage {
    public struct Row: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var coverage: VisitCoverage
        public var activities: Int
        public init(schoolID: String, schoolName: String, coverage: VisitCoverage, activities: Int) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.coverage = coverage; self.activities = activities
        }
        public var meetsBoth: Bool { coverage.isComplete && activities >= FamilyEducationActivity.yearlyTarget }
    }

    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var year: Int
        public var rows: [Row]
        public var sort: TableSort
        public var incompleteOnly: Bool
        public init(districtCode: String, districtName: String, year: Int, rows: [Row], sort: TableSort, incompleteOnly: Bool) {
            self.districtCode = districtCode; self.districtName = districtName; self.year = year; self.rows = rows; self.sort = sort
            self.incompleteOnly = incompleteOnly
        }
        public var href: String { "/districts/\(PageAddress.encode(districtCode))/home-visits" }
        public var shownRows: [Row] { rows.filter { !incompleteOnly || !$0.meetsBoth } }
    }

    /// A chart label: the name without the city and district every school of the page shares, cut
    /// to what the label column holds ("上海市黄浦区南码头初级中学" → "南码头初级中").
    public static func shortName(_ name: String, district: String) -> String {
        var short = Substring(name)
        for prefix in ["上海市", district] where short.hasPrefix(prefix) { short = short.dropFirst(prefix.count) }
        return String(short.prefix(6))
    }

    public static let defaultSort = TableSort(key: "percent")
    public static let sortableKeys: Set<String> = ["school", "percent", "not-visited", "follow-ups", "activities"]

    public static func table(_ model: Model) -> TableModel {
        let rows = model.shownRows.sorted { a, b in
            let order: Bool
            switch model.sort.key {
            case "percent": order = (a.coverage.percent ?? 101, a.schoolID) < (b.coverage.percent ?? 101, b.schoolID)
            case "not-visited": order = (a.coverage.notVisited, a.schoolID) < (b.coverage.notVisited, b.schoolID)
            case "follow-ups": order = (a.coverage.openFollowUps, a.schoolID) < (b.coverage.openFollowUps, b.schoolID)
            case "activities": order = (a.activities, a.schoolID) < (b.activities, b.schoolID)
            default: order = (a.schoolName, a.schoolID) < (b.schoolName, b.schoolID)
            }
            return model.sort.direction == .ascending ? order : !order
        }
        let total = VisitCoverageRules.total(model.shownRows.map(\.coverage))
        return TableModel(
            id: "district-visits", caption: .homeVisits(.districtCaption),
            columns: [.init(.homeVisits(.school), key: "school", isSortable: true), .init(.homeVisits(.pupils), key: "pupils", isNumeric: true),
                      .init(.homeVisits(.visited), key: "visited", isNumeric: true),
                      .init(.homeVisits(.percent), key: "percent", isNumeric: true, isSortable: true),
                      .init(.homeVisits(.notVisited), key: "not-visited", isNumeric: true, isSortable: true),
                      .init(.homeVisits(.openFollowUps), key: "follow-ups", isNumeric: true, isSortable: true),
                      .init(.homeVisits(.activities), key: "activities", isNumeric: true, isSortable: true)],
            rows: rows.map { row in
                let met = row.activities >= FamilyEducationActivity.yearlyTarget
                return [.link(row.schoolName, href: "/schools/\(PageAddress.encode(row.schoolID))/home-visits"), .number(row.coverage.pupils),
                        .number(row.coverage.visited),
                        .toned(.phrase(.homeVisits(.percent(row.coverage.percent))), tone: row.coverage.isComplete ? .good : .bad,
                               note: .homeVisits(row.coverage.isComplete ? .complete : .incomplete)),
                        .number(row.coverage.notVisited), .number(row.coverage.openFollowUps),
                        .toned(.number(row.activities), tone: met ? .good : .bad, note: .homeVisits(met ? .met : .notMet))]
            },
            totals: [.phrase(.tables(.total)), .number(total.pupils), .number(total.visited), .phrase(.homeVisits(.percent(total.percent))),
                     .number(total.notVisited), .number(total.openFollowUps), .number(model.shownRows.reduce(0) { $0 + $1.activities })],
            sort: model.sort, emptyState: .homeVisits(.noSchools))
    }
}

/// What a guardian sees on the family page: the visits to their children (date, way, who visited;
/// never the note) and their schools' family-education activities this school year.
public struct FamilyEducationSection: Sendable, Hashable {
    public struct Visit: Sendable, Hashable {
        public var childName: String
        public var date: CaseDate
        public var way: HomeVisit.Way
        public var visitedBy: String
        public init(childName: String, date: CaseDate, way: HomeVisit.Way, visitedBy: String) {
            self.childName = childName; self.date = date; self.way = way; self.visitedBy = visitedBy
        }
    }
    public struct Activity: Sendable, Hashable {
        public var schoolName: String
        public var activity: FamilyEducationActivity
        public init(schoolName: String, activity: FamilyEducationActivity) { self.schoolName = schoolName; self.activity = activity }
    }
    public var visits: [Visit]
    public var activities: [Activity]
    public init(visits: [Visit] = [], activities: [Activity] = []) { self.visits = visits; self.activities = activities }
    public var isEmpty: Bool { visits.isEmpty && activities.isEmpty }
}
