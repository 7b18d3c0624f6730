import YoujiaoCore

/// A district's review lists of teachers (`TeacherReviews` in Core): hires from protected provinces,
/// middle managers proposed for school leadership with the rotation they served against the rule,
/// and the rotation experience of the 正高级/特级 appraisal list. Each table is filtered and sorted on
/// the server and downloads whole as CSV and XLSX; one `sort=` serves the three tables, its key
/// prefixed by the table's name, and the others keep their default order.
public enum TeacherReviewsPage {
    /// A teacher as the tables name them: linked to the portrait.
    public struct Person: Sendable, Hashable {
        public var teacherID: String
        public var name: String
        public var schoolName: String
        public init(teacherID: String, name: String, schoolName: String) { self.teacherID = teacherID; self.name = name; self.schoolName = schoolName }
    }

    public struct PoachingRow: Sendable, Hashable {
        public var person: Person
        public var province: Province
        public var hired: CaseDate
        public var title: TeacherTitle
        public var keyLevel: KeyTeacherLevel
        public init(person: Person, province: Province, hired: CaseDate, title: TeacherTitle, keyLevel: KeyTeacherLevel) {
            self.person = person; self.province = province; self.hired = hired; self.title = title; self.keyLevel = keyLevel
        }
    }

    public struct PromotionRow: Sendable, Hashable {
        public var person: Person
        public var post: TeacherPost
        public var postSchoolName: String
        public var start: CaseDate
        public var isAppointed: Bool
        public var rotationDays: Int
        public var lacksRotation: Bool
        public init(person: Person, post: TeacherPost, postSchoolName: String, start: CaseDate, isAppointed: Bool, rotationDays: Int, lacksRotation: Bool) {
            self.person = person; self.post = post; self.postSchoolName = postSchoolName; self.start = start; self.isAppointed = isAppointed
            self.rotationDays = rotationDays; self.lacksRotation = lacksRotation
        }
    }

    public struct AppraisalRow: Sendable, Hashable {
        public var person: Person
        public var standing: TeacherReviews.AppraisalStanding
        public var keyLevel: KeyTeacherLevel
        public var rotationDays: Int
        public var rotationCount: Int
        public var kinds: [TeacherRotation.Kind]
        public var schoolNames: [String]
        public init(person: Person, standing: TeacherReviews.AppraisalStanding, keyLevel: KeyTeacherLevel, rotationDays: Int, rotationCount: Int,
                    kinds: [TeacherRotation.Kind], schoolNames: [String]) {
            self.person = person; self.standing = standing; self.keyLevel = keyLevel; self.rotationDays = rotationDays
            self.rotationCount = rotationCount; self.kinds = kinds; self.schoolNames = schoolNames
        }
    }

    /// Which rows each table shows: `province` (a code), `promotion` (lacking, meeting), `standing`; nil is all.
    public struct Filters: Sendable, Hashable {
        public enum Promotion: String, Sendable, Hashable, CaseIterable { case lacking, meeting }
        public var province: String?
        public var promotion: Promotion?
        public var standing: TeacherReviews.AppraisalStanding?
        public init(province: String? = nil, promotion: Promotion? = nil, standing: TeacherReviews.AppraisalStanding? = nil) {
            self.province = province; self.promotion = promotion; self.standing = standing
        }
    }

    public enum Table: String, Sendable, Hashable, CaseIterable { case poaching, promotion, appraisal }

    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        /// The first day of the hiring window; the days of rotation a promotion needs.
        public var hiredSince: CaseDate
        public var requiredDays: Int
        public var poaching: [PoachingRow]
        public var promotions: [PromotionRow]
        public var appraisal: [AppraisalRow]
        public var filters: Filters
        public var sort: TableSort
        public init(districtCode: String, districtName: String, hiredSince: CaseDate, requiredDays: Int, poaching: [PoachingRow],
                    promotions: [PromotionRow], appraisal: [AppraisalRow], filters: Filters, sort: TableSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.hiredSince = hiredSince; self.requiredDays = requiredDays
            self.poaching = poaching; self.promotions = promotions; self.appraisal = appraisal; self.filters = filters; self.sort = sort
        }

        public var href: String { TeacherReviewsPage.href(districtCode) }

        public var shownPoaching: [PoachingRow] { poaching.filter { filters.province == nil || $0.province.code == filters.province } }
        public var shownPromotions: [PromotionRow] {
            promotions.filter { row in filters.promotion.map { $0 == (row.lacksRotation ? .lacking : .meeting) } ?? true }
        }
        public var shownAppraisal: [AppraisalRow] { appraisal.filter { filters.standing == nil || $0.standing == filters.standing } }

        /// The teachers the page shows, for the audit.
        public var shownTeacherIDs: [String] {
            Array(Set(shownPoaching.map(\.person.teacherID) + shownPromotions.map(\.person.teacherID) + shownAppraisal.map(\.person.teacherID))).sorted()
        }

        /// The sort of one table: the one asked for when it is that table's, else the table's default.
        func sort(of table: Table) -> TableSort {
            sort.key.hasPrefix(table.rawValue + "-") ? sort : TeacherReviewsPage.defaultSorts[table]!
        }
    }

    public static func href(_ districtCode: String) -> String { "/districts/\(PageAddress.encode(districtCode))/teacher-reviews" }

    public static let defaultSorts: [Table: TableSort] = [
        .poaching: TableSort(key: "poaching-hired", direction: .descending), .promotion: TableSort(key: "promotion-start"),
        .appraisal: TableSort(key: "appraisal-days"),
    ]
    public static let sortableKeys: Set<String> = [
        "poaching-name", "poaching-school", "poaching-province", "poaching-hired", "poaching-title", "poaching-key",
        "promotion-name", "promotion-school", "promotion-start", "promotion-days", "promotion-state",
        "appraisal-name", "appraisal-school", "appraisal-standing", "appraisal-days",
    ]

    /// Rows in the order asked for; ties by name, then by id, so the order is always the same.
    static func sorted<Row>(_ rows: [Row], by sort: TableSort, person: (Row) -> Person, _ order: (Row, Row) -> Bool?) -> [Row] {
        rows.sorted { a, b in
            let (p, q) = (person(a), person(b))
            let byName = p.name == q.name ? p.teacherID < q.teacherID : p.name < q.name
            guard let order = order(a, b) else { return sort.key.hasSuffix("-name") && sort.direction == .descending ? !byName : byName }
            return sort.direction == .ascending ? order : !order
        }
    }

    static func index<T: CaseIterable & Equatable>(_ value: T) -> Int { Array(T.allCases).firstIndex(of: value)! }

    public static func poachingTable(_ model: Model) -> TableModel {
        let sort = model.sort(of: .poaching)
        let rows = sorted(model.shownPoaching, by: sort, person: \.person) { a, b in
            switch sort.key {
            case "poaching-school": a.person.schoolName == b.person.schoolName ? nil : a.person.schoolName < b.person.schoolName
            case "poaching-province": a.province.code == b.province.code ? nil : a.province.code < b.province.code
            case "poaching-title": a.title == b.title ? nil : index(a.title) < index(b.title)
            case "poaching-key": a.keyLevel == b.keyLevel ? nil : index(a.keyLevel) < index(b.keyLevel)
            case "poaching-hired": a.hired == b.hired ? nil : a.hired < b.hired
            default: nil
            }
        }
        return TableModel(
            id: "poaching-table", caption: .teacherReviews(.poachingHeading),
            columns: [.init(.teachers(.name), key: "poaching-name", isSortable: true), .init(.teachers(.school), key: "poaching-school", isSortable: true),
                      .init(.teacherReviews(.province), key: "poaching-province", isSortable: true),
                      .init(.teacherReviews(.hired), key: "poaching-hired", isSortable: true),
                      .init(.teachers(.title), key: "poaching-title", isSortable: true), .init(.teachers(.keyLevel), key: "poaching-key", isSortable: true)],
            rows: rows.map { row in
                [.link(row.person.name, href: "/teachers/\(row.person.teacherID)"), .text(row.person.schoolName),
                 .phrase(Phrase(zh: row.province.nameZH, en: row.province.nameEN)), .phrase(.day(row.hired)),
                 .phrase(.teachers(.titleName(row.title))), .phrase(.teachers(.keyLevelName(row.keyLevel)))]
            },
            sort: sort, emptyState: .teacherReviews(.noPoaching))
    }

    public static func promotionTable(_ model: Model) -> TableModel {
        let sort = model.sort(of: .promotion)
        let rows = sorted(model.shownPromotions, by: sort, person: \.person) { a, b in
            switch sort.key {
            case "promotion-school": a.person.schoolName == b.person.schoolName ? nil : a.person.schoolName < b.person.schoolName
            case "promotion-start": a.start == b.start ? nil : a.start < b.start
            case "promotion-days": a.rotationDays == b.rotationDays ? nil : a.rotationDays < b.rotationDays
            case "promotion-state": a.isAppointed == b.isAppointed ? nil : !a.isAppointed
            default: nil
            }
        }
        return TableModel(
            id: "promotion-table", caption: .teacherReviews(.promotionHeading),
            columns: [.init(.teachers(.name), key: "promotion-name", isSortable: true), .init(.teachers(.school), key: "promotion-school", isSortable: true),
                      .init(.teacherReviews(.proposedPost), key: "post"), .init(.teacherReviews(.postSchool), key: "post-school"),
                      .init(.teacherReviews(.postStart), key: "promotion-start", isSortable: true),
                      .init(.teacherReviews(.state), key: "promotion-state", isSortable: true),
                      .init(.teacherReviews(.daysServed), key: "promotion-days", isNumeric: true, isSortable: true),
                      .init(.teacherReviews(.rotationCheck), key: "check")],
            rows: rows.map { row in
                [.link(row.person.name, href: "/teachers/\(row.person.teacherID)"), .text(row.person.schoolName),
                 .phrase(.teachers(.postName(row.post))), .text(row.postSchoolName), .phrase(.day(row.start)),
                 .phrase(row.isAppointed ? .teacherReviews(.appointed) : .teacherReviews(.planned)), .number(row.rotationDays),
                 row.lacksRotation ? .badge(.teacherReviews(.lacking), tone: .bad) : .badge(.teacherReviews(.meeting), tone: .good)]
            },
            sort: sort, emptyState: .teacherReviews(.noPromotions))
    }

    public static func appraisalTable(_ model: Model) -> TableModel {
        let sort = model.sort(of: .appraisal)
        let rows = sorted(model.shownAppraisal, by: sort, person: \.person) { a, b in
            switch sort.key {
            case "appraisal-school": a.person.schoolName == b.person.schoolName ? nil : a.person.schoolName < b.person.schoolName
            case "appraisal-standing": a.standing == b.standing ? nil : index(a.standing) < index(b.standing)
            case "appraisal-days": a.rotationDays == b.rotationDays ? nil : a.rotationDays < b.rotationDays
            default: nil
            }
        }
        return TableModel(
            id: "appraisal-table", caption: .teacherReviews(.appraisalHeading),
            columns: [.init(.teachers(.name), key: "appraisal-name", isSortable: true), .init(.teachers(.school), key: "appraisal-school", isSortable: true),
                      .init(.teacherReviews(.standing), key: "appraisal-standing", isSortable: true), .init(.teachers(.keyLevel), key: "key"),
                      .init(.teacherReviews(.daysServed), key: "appraisal-days", isNumeric: true, isSortable: true),
                      .init(.teacherReviews(.rotationCount), key: "count", isNumeric: true), .init(.teacherReviews(.rotationKinds), key: "kinds"),
                      .init(.teacherReviews(.rotationSchools), key: "schools")],
            rows: rows.map { row in
                [.link(row.person.name, href: "/teachers/\(row.person.teacherID)"), .text(row.person.schoolName),
                 .phrase(.teacherReviews(.standingName(row.standing))), .phrase(.teachers(.keyLevelName(row.keyLevel))), .number(row.rotationDays),
                 .number(row.rotationCount),
                 row.kinds.isEmpty ? .phrase(.teacherReviews(.noRotation)) : .phrase(.list(row.kinds.map { .teachers(.rotationKind($0)) })),
                 row.schoolNames.isEmpty ? .empty : .phrase(.list(row.schoolNames.map(Phrase.verbatim)))]
            },
            sort: sort, emptyState: .teacherReviews(.noAppraisal))
    }

    public static func table(_ table: Table, _ model: Model) -> TableModel {
        switch table {
        case .poaching: poachingTable(model)
        case .promotion: promotionTable(model)
        case .appraisal: appraisalTable(model)
        }
    }
}
