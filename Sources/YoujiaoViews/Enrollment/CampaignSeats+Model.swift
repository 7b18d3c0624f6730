import YoujiaoCore

/// A campaign's seats as its staff read them: per district against the applications (chart and
/// table), per school (a form for the campaign's owner until the list is frozen), and the log of
/// every change. Each table is also a download.
public enum CampaignSeatsPage {
    public struct District: Sendable, Hashable {
        public var name: String
        public var publicSeats: Int
        public var privateSeats: Int
        public var applications: Int
        public var privateTrackApplications: Int
        public init(name: String, publicSeats: Int, privateSeats: Int, applications: Int, privateTrackApplications: Int) {
            self.name = name; self.publicSeats = publicSeats; self.privateSeats = privateSeats
            self.applications = applications; self.privateTrackApplications = privateTrackApplications
        }
        public var seats: Int { publicSeats + privateSeats }
        /// Seats left over (positive) or children without a seat (negative) if every seat were filled.
        public var gap: Int { seats - applications }
    }

    public struct School: Sendable, Hashable {
        public var id: String
        public var name: String
        public var districtName: String
        public var ownership: Ownership
        public var zones: Int
        /// The registry's entry seats, which the campaign started from; nil when the registry has none.
        public var registrySeats: Int?
        public var seats: Int
        public init(id: String, name: String, districtName: String, ownership: Ownership, zones: Int, registrySeats: Int?, seats: Int) {
            self.id = id; self.name = name; self.districtName = districtName; self.ownership = ownership
            self.zones = zones; self.registrySeats = registrySeats; self.seats = seats
        }
    }

    public struct Change: Sendable, Hashable {
        /// The stored time (ISO 8601, UTC); shown in Beijing time.
        public var at: String
        public var actorName: String
        public var schoolName: String
        public var oldSeats: Int
        public var newSeats: Int
        public init(at: String, actorName: String, schoolName: String, oldSeats: Int, newSeats: Int) {
            self.at = at; self.actorName = actorName; self.schoolName = schoolName; self.oldSeats = oldSeats; self.newSeats = newSeats
        }
    }

    /// Who may change the seats now, and if nobody, why not.
    public enum Editing: Sendable, Hashable { case editable, ownerOnly, frozen }

    public struct Model: Sendable, Hashable {
        public var campaignName: Phrase
        public var campaignID: String
        public var status: CampaignStatus
        public var editing: Editing
        public var districts: [District]
        public var schools: [School]
        public var changes: [Change]
        /// What the owner typed, shown again after a refusal (field name → text).
        public var typed: [String: String]
        /// Schools whose seats the last save changed (the success message).
        public var saved: Int?
        public var problem: CampaignPage.Problem?
        /// The order of the schools table (on the server: a city-wide campaign has hundreds of schools).
        public var sort: TableSort

        public init(campaignName: Phrase, campaignID: String, status: CampaignStatus, editing: Editing, districts: [District],
                    schools: [School], changes: [Change], typed: [String: String] = [:], saved: Int? = nil, problem: CampaignPage.Problem? = nil,
                    sort: TableSort = CampaignSeatsPage.defaultSort) {
            self.campaignName = campaignName; self.campaignID = campaignID; self.status = status; self.editing = editing
            self.districts = districts; self.schools = schools; self.changes = changes; self.typed = typed; self.saved = saved; self.problem = problem
            self.sort = sort
        }

        public var href: String { "/enrollment/\(campaignID)/seats" }
        var campaignHref: String { "/enrollment/\(campaignID)" }
        public var totalSeats: Int { districts.reduce(0) { $0 + $1.seats } }
        public var totalApplications: Int { districts.reduce(0) { $0 + $1.applications } }
    }

    public static let defaultSort = TableSort(key: "school")
    public static let sortableKeys: Set<String> = ["school", "district", "ownership", "zones", "registry", "seats"]

    /// Seats and applications per district, with the city's totals when there is more than one district.
    public static func districtTable(_ model: Model) -> TableModel {
        let columns: [TableModel.Column] = [
            .init(.seats(.district), key: "district"),
            .init(.seats(.publicSeats), key: "public", isNumeric: true),
            .init(.seats(.privateSeats), key: "private", isNumeric: true),
            .init(.seats(.seats), key: "seats", isNumeric: true),
            .init(.seats(.applications), key: "applications", isNumeric: true),
            .init(.seats(.privateTrack), key: "private-track", isNumeric: true),
            .init(.seats(.gap), key: "gap", isNumeric: true),
        ]
        func cells(_ name: TableModel.Cell, _ d: District) -> [TableModel.Cell] {
            [name, .number(d.publicSeats), .number(d.privateSeats), .number(d.seats), .number(d.applications),
             .number(d.privateTrackApplications), gap(d.gap)]
        }
        let rows = model.districts.map { cells(.text($0.name), $0) }
        let sum = model.districts.reduce(District(name: "", publicSeats: 0, privateSeats: 0, applications: 0, privateTrackApplications: 0)) {
            District(name: "", publicSeats: $0.publicSeats + $1.publicSeats, privateSeats: $0.privateSeats + $1.privateSeats,
                     applications: $0.applications + $1.applications, privateTrackApplications: $0.privateTrackApplications + $1.privateTrackApplications)
        }
        return TableModel(id: "districts", caption: .seats(.perDistrict), columns: columns, rows: rows,
                          totals: model.districts.count > 1 ? cells(.phrase(.tables(.total)), sum) : nil)
    }

    /// The seats per school; with `inputs`, a last column where the owner types the new number.
    public static func schoolTable(_ model: Model, inputs: Bool) -> TableModel {
        var columns: [TableModel.Column] = [
            .init(.seats(.school), key: "school", isSortable: true),
            .init(.seats(.district), key: "district", isSortable: true),
            .init(.seats(.ownership), key: "ownership", isSortable: true),
            .init(.seats(.zones), key: "zones", isNumeric: true, isSortable: true),
            .init(.seats(.registrySeats), key: "registry", isNumeric: true, isSortable: true),
            .init(.seats(.campaignSeats), key: "seats", isNumeric: true, isSortable: true),
        ]
        if inputs { columns.append(.init(.seats(.changeTo), key: "change")) }
        let sorted = model.schools.sorted { a, b in
            let order: Bool?
            switch model.sort.key {
            case "district": order = a.districtName == b.districtName ? nil : a.districtName < b.districtName
            case "ownership": order = a.ownership == b.ownership ? nil : a.ownership.rawValue < b.ownership.rawValue
            case "zones": order = a.zones == b.zones ? nil : a.zones < b.zones
            case "registry": order = a.registrySeats == b.registrySeats ? nil : (a.registrySeats ?? -1) < (b.registrySeats ?? -1)
            case "seats": order = a.seats == b.seats ? nil : a.seats < b.seats
            default: order = nil
            }
            // Ties, and the school column itself, by name then id.
            guard let order else {
                let byName = a.name == b.name ? a.id < b.id : a.name < b.name
                return model.sort.key == "school" && model.sort.direction == .descending ? !byName : byName
            }
            return model.sort.direction == .ascending ? order : !order
        }
        let rows: [[TableModel.Cell]] = sorted.map { school in
            var row: [TableModel.Cell] = [.text(school.name), .text(school.districtName), .phrase(.ownership(school.ownership)),
                                          .number(school.zones), school.registrySeats.map { .number($0) } ?? .text("—"), .number(school.seats)]
            if inputs {
                let field = CampaignSeats.field(school.id)
                row.append(.input(name: field, value: model.typed[field] ?? String(school.seats), label: school.name,
                                  isInvalid: model.problem?.field == field))
            }
            return row
        }
        return TableModel(id: "schools", caption: .seats(.perSchool), columns: columns, rows: rows, sort: model.sort)
    }

    /// Every change, newest last, in Beijing time.
    public static func changeTable(_ model: Model) -> TableModel {
        let columns: [TableModel.Column] = [
            .init(.seats(.changedAt), key: "at"),
            .init(.seats(.changedBy), key: "by"),
            .init(.seats(.school), key: "school"),
            .init(.seats(.oldSeats), key: "old", isNumeric: true),
            .init(.seats(.newSeats), key: "new", isNumeric: true),
        ]
        let rows: [[TableModel.Cell]] = model.changes.map { change in
            [Format.beijingTime(iso: change.at).map { .phrase($0) } ?? .text(change.at), .text(change.actorName), .text(change.schoolName),
             .number(change.oldSeats), .number(change.newSeats)]
        }
        return TableModel(id: "changes", caption: .seats(.changes), columns: columns, rows: rows, emptyState: .seats(.noChanges))
    }

    /// Seats left over in blue, children without a seat in red.
    static func gap(_ value: Int) -> TableModel.Cell {
        .shaded(value, shade: value < 0 ? "gap-short-2" : "gap-surplus-1", note: nil)
    }
}
