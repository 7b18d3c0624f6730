import YoujiaoCore

/// The list of case files with the monitoring figures: per district for the city, per school for
/// a district, the files of a school, or a family's children. The city sees figures only.
public enum CaseFileListPage {
    public struct Model: Sendable {
        /// "黄浦区", a school's name, or nil for the whole city.
        public var scopeName: String?
        public var mayOpenFiles: Bool
        /// nil for guardians, who see their children's files only.
        public var figures: SpecialEducationMonitoring.Figures?
        /// The machine CSV of the figures, with the page's district or school.
        public var monitoringHref: String
        /// One row per district (the city) or per school (a district), with a chart for the city.
        public var figureRows: [FigureRow]
        public var figuresByDistrict: Bool
        /// District admins: the children without a placement and the plans overdue (every one, not a page).
        public var unplaced: [FileRow]?
        public var overdue: [FileRow]?
        /// nil when the viewer sees figures only. Otherwise this page of the filtered, sorted files.
        public var files: [FileRow]?
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var filters: Filters
        public var sort: TableSort

        public init(scopeName: String?, mayOpenFiles: Bool, figures: SpecialEducationMonitoring.Figures?, monitoringHref: String,
                    figureRows: [FigureRow] = [], figuresByDistrict: Bool = false, unplaced: [FileRow]? = nil, overdue: [FileRow]? = nil,
                    files: [FileRow]?, total: Int, page: Int = 1, pageCount: Int = 1, filters: Filters = Filters(),
                    sort: TableSort = CaseFileListPage.defaultSort) {
            self.scopeName = scopeName; self.mayOpenFiles = mayOpenFiles; self.figures = figures; self.monitoringHref = monitoringHref
            self.figureRows = figureRows; self.figuresByDistrict = figuresByDistrict; self.unplaced = unplaced; self.overdue = overdue
            self.files = files; self.total = total; self.page = page; self.pageCount = pageCount; self.filters = filters; self.sort = sort
        }
    }

    /// `name` (part of a name), `stage`, `placement` (a kind, or `none`); empty is "all".
    public struct Filters: Sendable, Hashable {
        public var name: String
        public var stage: Stage?
        public var placement: PlacementFilter?
        public init(name: String = "", stage: Stage? = nil, placement: PlacementFilter? = nil) {
            self.name = name; self.stage = stage; self.placement = placement
        }
        public var isEmpty: Bool { name.isEmpty && stage == nil && placement == nil }
    }

    public enum PlacementFilter: Sendable, Hashable {
        case kind(PlacementKind)
        case none
        public init?(_ text: String) {
            if text == "none" { self = .none } else if let kind = PlacementKind(rawValue: text) { self = .kind(kind) } else { return nil }
        }
        public var value: String {
            switch self {
            case .kind(let kind): return kind.rawValue
            case .none: return "none"
            }
        }
    }

    public struct FigureRow: Sendable {
        public var name: Phrase
        public var href: String?
        public var figures: SpecialEducationMonitoring.Figures
        public init(name: Phrase, href: String?, figures: SpecialEducationMonitoring.Figures) {
            self.name = name; self.href = href; self.figures = figures
        }
    }

    /// Where a file's plan stands on the day of the page.
    public enum ReviewState: Sendable, Hashable {
        case overdue(days: Int, due: CaseDate)
        case next(CaseDate)
        case allHeld
        case noActivePlan
    }

    /// What the viewer may read of one file: a reader sees the row; someone who may only know
    /// that the file exists sees the name and the masked number.
    public struct FileRow: Sendable, Hashable {
        public struct Contents: Sendable, Hashable {
            public var stage: Stage
            public var category: DisabilityCategory
            public var level: DisabilityLevel
            public var placement: PlacementKind?
            public var schoolName: String?
            public var review: ReviewState
            public var visits: (done: Int, planned: Int)? {
                get { visitsDone.map { ($0, visitsPlanned ?? 0) } }
                set { visitsDone = newValue?.done; visitsPlanned = newValue?.planned }
            }
            var visitsDone: Int?
            var visitsPlanned: Int?
            public init(stage: Stage, category: DisabilityCategory, level: DisabilityLevel, placement: PlacementKind?, schoolName: String?,
                        review: ReviewState, visits: (done: Int, planned: Int)?) {
                self.stage = stage; self.category = category; self.level = level; self.placement = placement
                self.schoolName = schoolName; self.review = review; self.visits = visits
            }
        }

        public var id: String
        public var name: String
        /// Masked by Core; the list never shows a birth date.
        public var maskedID: String
        /// nil when the viewer may only know that the file exists.
        public var contents: Contents?
        public init(id: String, name: String, maskedID: String, contents: Contents?) {
            self.id = id; self.name = name; self.maskedID = maskedID; self.contents = contents
        }
        public var href: String { "/special-education/\(PageAddress.encode(id))" }
    }

    public static let path = "/special-education"
    public static func districtHref(_ code: String) -> String { "\(path)?district=\(PageAddress.encode(code))" }
    /// A school's files; the city keeps the district in the address so the page names it.
    public static func schoolHref(_ id: String, district: String?) -> String {
        "\(path)?school=\(PageAddress.encode(id))" + (district.map { "&district=\(PageAddress.encode($0))" } ?? "")
    }
    public static let perPage = 50
    public static let sortKeys: Set<String> = ["name", "stage", "placement", "review"]
    public static let defaultSort = TableSort(key: "name")

    /// The files in the order asked for; files the viewer may not read sort after those they may.
    /// Ties fall back to the name, then the id, so pages never overlap.
    public static func sorted(_ rows: [FileRow], by sort: TableSort) -> [FileRow] {
        func key(_ row: FileRow) -> String {
            guard let c = row.contents else { return "~" }
            switch sort.key {
            case "stage": return String(Stage.caseStages.firstIndex(of: c.stage) ?? 9)
            case "placement": return c.placement.map { String(PlacementKind.allCases.firstIndex(of: $0) ?? 9) } ?? "8"
            case "review":
                switch c.review {
                case .overdue(let days, _): return "0" + String(repeating: "0", count: max(0, 9 - String(days).count)) + String(days)
                case .next(let date): return "1" + date.description
                case .allHeld: return "2"
                case .noActivePlan: return "3"
                }
            default: return row.name
            }
        }
        return rows.sorted { a, b in
            let (x, y) = (key(a), key(b))
            if x != y { return sort.direction == .ascending ? x < y : x > y }
            if a.name != b.name { return a.name < b.name }
            return a.id < b.id
        }
    }

    public static func filtered(_ rows: [FileRow], by filters: Filters) -> [FileRow] {
        rows.filter { row in
            if !filters.name.isEmpty, !row.name.localizedCaseInsensitiveContains(filters.name) { return false }
            if let stage = filters.stage, row.contents?.stage != stage { return false }
            switch filters.placement {
            case nil: return true
            case .none?: return row.contents != nil && row.contents?.placement == nil
            case .kind(let kind)?: return row.contents?.placement == kind
            }
        }
    }

    /// The files table as shown and downloaded (the download passes every filtered row).
    /// How many rows of the unplaced and overdue lists the page shows; the downloads hold all.
    public static let shortListLength = 20

    public static func unplacedTable(_ rows: [FileRow]) -> TableModel {
        filesTable(rows, id: "unplaced", caption: .specialEducation(.unplacedTable), sort: nil, emptyState: .specialEducation(.noUnplaced))
    }

    public static func overdueTable(_ rows: [FileRow]) -> TableModel {
        filesTable(rows, id: "overdue", caption: .specialEducation(.overdueTable), sort: nil, emptyState: .specialEducation(.noOverdue))
    }

    public static func filesTable(_ rows: [FileRow], id: String = "files", caption: Phrase = .specialEducation(.filesTable),
                                  sort: TableSort?, emptyState: Phrase) -> TableModel {
        let sortable = sort != nil
        let columns = [
            TableModel.Column(.specialEducation(.name), key: "name", isSortable: sortable),
            TableModel.Column(.specialEducation(.idNumber), key: "id-number"),
            TableModel.Column(.specialEducation(.stage), key: "stage", isSortable: sortable),
            TableModel.Column(.specialEducation(.category), key: "category"),
            TableModel.Column(.specialEducation(.placement), key: "placement", isSortable: sortable),
            TableModel.Column(.specialEducation(.school), key: "school"),
            TableModel.Column(.specialEducation(.planReview), key: "review", isSortable: sortable),
            TableModel.Column(.specialEducation(.visits), key: "visits"),
        ]
        let cells: [[TableModel.Cell]] = rows.map { row in
            let head: [TableModel.Cell] = [.link(row.name, href: row.href), .maskedID(row.maskedID)]
            guard let c = row.contents else {
                return head + [.empty, .empty, .empty, .empty, .phrase(.specialEducation(.existsOnly)), .empty]
            }
            let review: TableModel.Cell
            switch c.review {
            case .overdue(let days, let due): review = .badge(.caseReviewOverdue(days: days, due: due), tone: .bad)
            case .next(let date): review = .phrase(.caseNextReview(date))
            case .allHeld: review = .phrase(.specialEducation(.allReviewsHeld))
            case .noActivePlan: review = .phrase(.specialEducation(.noActivePlan))
            }
            return head + [
                .phrase(.stage(c.stage)),
                .phrase(Phrase(zh: "\(Phrase.disability(c.category).zh) \(Phrase.disabilityLevel(c.level).zh)",
                               en: "\(Phrase.disability(c.category).en), \(Phrase.disabilityLevel(c.level).en.lowercased())")),
                c.placement.map { .phrase(.placementKind($0)) } ?? .badge(.specialEducation(.noPlacement), tone: .bad),
                c.schoolName.map { .text($0) } ?? .phrase(.specialEducation(.none)),
                review,
                c.visits.map { .text("\($0.done) / \($0.planned)") } ?? .phrase(.specialEducation(.none)),
            ]
        }
        return TableModel(id: id, caption: caption, columns: columns, rows: cells, sort: sort, emptyState: emptyState)
    }

    public static func filesTable(_ model: Model, rows: [FileRow]? = nil) -> TableModel {
        filesTable(rows ?? model.files ?? [], sort: model.sort,
                   emptyState: model.filters.isEmpty ? .specialEducation(.noFiles) : .specialEducation(.noFilesMatch))
    }

    /// One row per district or school with its figures.
    public static func figuresTable(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(model.figuresByDistrict ? .specialEducation(.district) : .specialEducation(.school), key: "scope"),
            TableModel.Column(.specialEducation(.files), key: "files", isNumeric: true),
            TableModel.Column(.specialEducation(.schoolAge), key: "school-age", isNumeric: true),
            TableModel.Column(.specialEducation(.enrolled), key: "enrolled", isNumeric: true),
            TableModel.Column(.specialEducation(.rate), key: "rate", isNumeric: true),
            TableModel.Column(.specialEducation(.withoutPlacement), key: "without-placement", isNumeric: true),
            TableModel.Column(.placementKind(.mainstream), key: "mainstream", isNumeric: true),
            TableModel.Column(.specialEducation(.specialClassOrSchool), key: "special", isNumeric: true),
            TableModel.Column(.specialEducation(.reviewsOverdue), key: "overdue", isNumeric: true),
            TableModel.Column(.specialEducation(.visitsDoneOfPlanned), key: "visits"),
        ]
        let rows: [[TableModel.Cell]] = model.figureRows.map { row in
            let f = row.figures
            return [row.href.map { .link(row.name.zh, href: $0) } ?? .phrase(row.name),
                    .number(f.cases), .number(f.schoolAge), .number(f.schoolAgeEnrolled),
                    f.enrollmentRate.map { .decimal($0, digits: 1) } ?? .phrase(.specialEducation(.none)),
                    .number(f.withoutPlacement), .number(f.byPlacement[.mainstream] ?? 0),
                    .number((f.byPlacement[.specialClass] ?? 0) + (f.byPlacement[.specialSchool] ?? 0)),
                    .number(f.overdueReviews), .text("\(f.visitsDone) / \(f.visitsPlanned)")]
        }
        return TableModel(id: "figures", caption: .specialEducation(.figuresTable), columns: columns, rows: rows, emptyState: .specialEducation(.noFiles))
    }
}
