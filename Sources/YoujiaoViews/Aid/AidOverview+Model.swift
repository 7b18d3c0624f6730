import YoujiaoCore

/// The aid overview (免申即享) of a school year: totals by district (the city), by school (a
/// district) and by policy, the open review entries and, for city and district staff, the way
/// to ask for the payment file.
public enum AidOverviewPage {
    public struct Model: Sendable, Hashable {
        public var year: Int
        /// School years with aid records (and the one on view), newest first.
        public var years: [Int]
        /// The district the city narrowed the page to.
        public var district: District?
        public var openReviews: Int
        public var mayRequestPaymentFile: Bool
        /// Nil when the page does not show the table (a district's page has no district table).
        public var byDistrict: [Total]?
        public var bySchool: [Total]?
        public var byPolicy: [Total]
        /// The policy chart stands in for the district chart below the city level.
        public var showsPolicyChart: Bool
        /// A school's own published list.
        public var ownSchoolListHref: String?
        /// The order one of the tables was asked for (its keys name their table: `school-yuan`).
        public var sort: TableSort?

        public init(year: Int, years: [Int], district: District? = nil, openReviews: Int, mayRequestPaymentFile: Bool,
                    byDistrict: [Total]? = nil, bySchool: [Total]? = nil, byPolicy: [Total], showsPolicyChart: Bool,
                    ownSchoolListHref: String? = nil, sort: TableSort? = nil) {
            self.year = year; self.years = years; self.district = district; self.openReviews = openReviews
            self.mayRequestPaymentFile = mayRequestPaymentFile; self.byDistrict = byDistrict; self.bySchool = bySchool
            self.byPolicy = byPolicy; self.showsPolicyChart = showsPolicyChart; self.ownSchoolListHref = ownSchoolListHref
            self.sort = sort
        }

        /// `year=` and, when narrowed, `district=`: what every link of the page keeps.
        public var query: PageAddress {
            var address = PageAddress(path: "/aid", query: [.init("year", String(year))])
            if let district { address = address.setting("district", to: district.code) }
            return address
        }

        public var reviewHref: String { query.moving(to: "/aid/review").href }

        public var paymentFileHref: String {
            var address = PageAddress(path: "/exports/new", query: [.init("kind", "payment-file"), .init("year", String(year))])
            if let district { address = address.setting("district", to: district.code) }
            return address.href
        }
    }

    public struct District: Sendable, Hashable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    /// One line of a totals table: a district, a school or a policy, already named in both languages.
    public struct Total: Sendable, Hashable {
        public var name: Phrase
        public var href: String?
        public var pupils: Int
        public var grants: Int
        public var yuan: Int
        public var declined: Int
        public init(name: Phrase, href: String? = nil, pupils: Int, grants: Int, yuan: Int, declined: Int) {
            self.name = name; self.href = href; self.pupils = pupils; self.grants = grants; self.yuan = yuan; self.declined = declined
        }
    }

    public enum Grouping: String, Sendable, Hashable, CaseIterable { case district, school, policy }

    /// Every table's sortable columns: a page holds up to three tables, so a key names its table.
    public static let sortableKeys: Set<String> = Set(Grouping.allCases.flatMap { grouping in
        ["name", "pupils", "grants", "yuan", "declined"].map { "\(grouping.rawValue)-\($0)" }
    })

    /// A totals table with its totals row, in `sort`'s order when the sort is this table's (else
    /// as given: by name); the same model writes the downloads.
    public static func table(_ totals: [Total], by grouping: Grouping, sort: TableSort? = nil, language: Language = .zh) -> TableModel {
        let prefix = grouping.rawValue + "-"
        let own = sort.flatMap { $0.key.hasPrefix(prefix) ? $0 : nil }
        let (title, caption): (Phrase, Phrase)
        switch grouping {
        case .district: (title, caption) = (.aid(.district), .aid(.districtTable))
        case .school: (title, caption) = (.aid(.school), .aid(.schoolTable))
        case .policy: (title, caption) = (.aid(.policy), .aid(.policyTable))
        }
        let columns = [
            TableModel.Column(title, key: prefix + "name", isSortable: true),
            TableModel.Column(.aid(.pupils), key: prefix + "pupils", isNumeric: true, isSortable: true),
            TableModel.Column(.aid(.grants), key: prefix + "grants", isNumeric: true, isSortable: true),
            TableModel.Column(.aid(.yuan), key: prefix + "yuan", isNumeric: true, isSortable: true),
            TableModel.Column(.aid(.declinedCount), key: prefix + "declined", isNumeric: true, isSortable: true),
        ]
        var ordered = totals
        if let own {
            let figure: (Total) -> Int? = {
                switch own.key.dropFirst(prefix.count) {
                case "pupils": return { $0.pupils }
                case "grants": return { $0.grants }
                case "yuan": return { $0.yuan }
                case "declined": return { $0.declined }
                default: return { _ in nil }
                }
            }()
            ordered.sort { a, b in
                let ascending: Bool
                if let x = figure(a), let y = figure(b), x != y {
                    ascending = x < y
                } else {
                    // The name column, and ties of a figure, by name in the reader's language.
                    let (m, n) = (language(a.name), language(b.name))
                    guard m != n else { return false }
                    ascending = m < n
                }
                return own.direction == .ascending ? ascending : !ascending
            }
        }
        let rows: [[TableModel.Cell]] = ordered.map { total in
            [total.href.map { .link(total.name.zh, href: $0) } ?? .phrase(total.name),
             .number(total.pupils), .number(total.grants), .number(total.yuan), .number(total.declined)]
        }
        // A pupil aided under two policies counts once per line but would count twice in a sum
        // of pupils, so the totals row leaves pupils empty.
        let sums: [TableModel.Cell] = [.phrase(.tables(.total)), .empty, .number(totals.reduce(0) { $0 + $1.grants }),
                                       .number(totals.reduce(0) { $0 + $1.yuan }), .number(totals.reduce(0) { $0 + $1.declined })]
        return TableModel(id: "aid-\(grouping.rawValue)", caption: caption, columns: columns, rows: rows,
                          totals: totals.isEmpty ? nil : sums, sort: own, emptyState: .aid(.noGrants))
    }
}
