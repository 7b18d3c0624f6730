import YoujiaoCore

/// The campaigns a district or city admin may see, and the form that creates a new one.
public enum CampaignListPage {
    public struct Row: Sendable, Hashable {
        public var name: Phrase
        public var href: String
        public var year: Int
        public var status: CampaignStatus
        public var opensOn: CaseDate
        public var closesOn: CaseDate
        public var listHash: String?
        public init(name: Phrase, href: String, year: Int, status: CampaignStatus, opensOn: CaseDate, closesOn: CaseDate, listHash: String?) {
            self.name = name; self.href = href; self.year = year; self.status = status
            self.opensOn = opensOn; self.closesOn = closesOn; self.listHash = listHash
        }
    }

    public struct Model: Sendable, Hashable {
        public var rows: [Row]
        public var sort: TableSort
        public var entryGrades: [Grade]
        /// The form's values: the proposed ones, or what was typed when it comes back with a problem.
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public init(rows: [Row], sort: TableSort = CampaignListPage.defaultSort, entryGrades: [Grade], values: [String: String],
                    problem: CampaignPage.Problem? = nil) {
            self.rows = rows; self.sort = sort; self.entryGrades = entryGrades; self.values = values; self.problem = problem
        }
    }

    public static let defaultSort = TableSort(key: "year", direction: .descending)
    public static let sortableKeys: Set<String> = ["name", "year", "status", "opens"]

    /// The proposed values of a new campaign: next school year's grade 1, registration from today
    /// for 30 days, and the first drand quicknet round after 10:00 Beijing time on the day after closing.
    public static func proposedValues(today: CaseDate) -> [String: String] {
        let closes = today.adding(days: 30)
        let source = BeaconSource.known[0]
        let drawMorning = CampaignSchedule.endOfDay(closes).addingTimeInterval(10 * 3600)
        return ["year": String(today.schoolYear + 1), "grade": Grade.g1.rawValue, "opens_on": today.description,
                "closes_on": closes.description, "beacon_source": source.id, "beacon_round": String(source.firstRound(after: drawMorning))]
    }

    /// The campaigns table of the page and of its downloads, in the requested order (ties by name in `language`).
    public static func table(_ model: Model, language: Language) -> TableModel {
        let columns: [TableModel.Column] = [
            .init(.campaign(.campaign), key: "name", isSortable: true),
            .init(.campaign(.entryYear), key: "year", isNumeric: true, isSortable: true),
            .init(.campaign(.status), key: "status", isSortable: true),
            .init(.campaign(.window), key: "opens", isSortable: true),
            .init(.campaign(.listHash), key: "hash"),
        ]
        let statuses: [CampaignStatus] = [.draft, .open, .frozen, .drawn, .published]
        let sorted = model.rows.sorted { a, b in
            let order: Bool?
            switch model.sort.key {
            case "year": order = a.year == b.year ? nil : a.year < b.year
            case "status":
                let (x, y) = (statuses.firstIndex(of: a.status) ?? 0, statuses.firstIndex(of: b.status) ?? 0)
                order = x == y ? nil : x < y
            case "opens": order = a.opensOn == b.opensOn ? nil : a.opensOn < b.opensOn
            default: order = nil
            }
            // Names in the reader's language: the English list is in English order.
            guard let order else {
                let (x, y) = (language(a.name), language(b.name))
                return x == y ? a.href < b.href : x < y
            }
            return model.sort.direction == .ascending ? order : !order
        }
        let rows: [[TableModel.Cell]] = sorted.map { row in
            [.phraseLink(row.name, href: row.href), .text(String(row.year)), .phrase(.campaignStatus(row.status)),
             .phrase(.campaignWindow(opens: row.opensOn, closes: row.closesOn)), row.listHash.map { .text(String($0.prefix(16)) + "…") } ?? .text("—")]
        }
        return TableModel(id: "campaigns", caption: .campaign(.campaigns), columns: columns, rows: rows, sort: model.sort)
    }
}
