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

        public init(year: Int, years: [Int], district: District? = nil, openReviews: Int, mayRequestPaymentFile: Bool,
                    byDistrict: [Total]? = nil, bySchool: [Total]? = nil, byPolicy: [Total], showsPolicyChart: Bool,
                    ownSchoolListHref: String? = nil) {
            self.year = year; self.years = years; self.district = district; self.openReviews = openReviews
            self.mayRequestPaymentFile = mayRequestPaymentFile; self.byDistrict = byDistrict; self.bySchool = bySchool
            self.byPolicy = byPolicy; self.showsPolicyChart = showsPolicyChart; self.ownSchoolListHref = ownSchoolListHref
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

    /// A totals table with its totals row; the same model writes the downloads.
    public static func table(_ totals: [Total], by grouping: Grouping) -> TableModel {
        let (title, caption): (Phrase, Phrase)
        switch grouping {
        case .district: (title, caption) = (.aid(.district), .aid(.districtTable))
        case .school: (title, caption) = (.aid(.school), .aid(.schoolTable))
        case .policy: (title, caption) = (.aid(.policy), .aid(.policyTable))
        }
        let columns = [
            TableModel.Column(title, key: "name"),
            TableModel.Column(.aid(.pupils), key: "pupils", isNumeric: true),
            TableModel.Column(.aid(.grants), key: "grants", isNumeric: true),
            TableModel.Column(.aid(.yuan), key: "yuan", isNumeric: true),
            TableModel.Column(.aid(.declinedCount), key: "declined", isNumeric: true),
        ]
        let rows: [[TableModel.Cell]] = totals.map { total in
            [total.href.map { .link(total.name.zh, href: $0) } ?? .phrase(total.name),
             .number(total.pupils), .number(total.grants), .number(total.yuan), .number(total.declined)]
        }
        // A pupil aided under two policies counts once per line but would count twice in a sum
        // of pupils, so the totals row leaves pupils empty.
        let sums: [TableModel.Cell] = [.phrase(.tables(.total)), .empty, .number(totals.reduce(0) { $0 + $1.grants }),
                                       .number(totals.reduce(0) { $0 + $1.yuan }), .number(totals.reduce(0) { $0 + $1.declined })]
        return TableModel(id: "aid-\(grouping.rawValue)", caption: caption, columns: columns, rows: rows,
                          totals: totals.isEmpty ? nil : sums, emptyState: .aid(.noGrants))
    }
}
