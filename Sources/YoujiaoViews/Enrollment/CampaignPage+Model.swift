import YoujiaoCore

/// A campaign as its staff read it: where it stands, its facts, the next step for its manager,
/// its schools (seats, and after the draw applicants, admitted and the last admitted number), and
/// after the draw the review: children per route and the what-if distance of the coordinated.
public enum CampaignPage {
    /// The manager's next step; the irreversible ones lead to their confirmation page.
    public typealias NextStep = CampaignNextStep

    public struct School: Sendable, Hashable {
        public var id: String
        public var name: String
        public var ownership: Ownership
        public var seats: Int
        public var zones: Int
        /// After the draw; nil before it.
        public var result: Result?
        public init(id: String, name: String, ownership: Ownership, seats: Int, zones: Int, result: Result? = nil) {
            self.id = id; self.name = name; self.ownership = ownership; self.seats = seats; self.zones = zones; self.result = result
        }
    }

    public struct Result: Sendable, Hashable {
        public var applicants: Int
        public var admitted: Int
        /// The lottery number of the last child admitted by lottery, when there was a lottery.
        public var lastAdmittedNumber: String?
        public var admittedListHref: String
        public init(applicants: Int, admitted: Int, lastAdmittedNumber: String?, admittedListHref: String) {
            self.applicants = applicants; self.admitted = admitted; self.lastAdmittedNumber = lastAdmittedNumber
            self.admittedListHref = admittedListHref
        }
    }

    public struct Review: Sendable, Hashable {
        public var routes: DrawVerificationPage.RouteCounts
        public var coordinatedPlaced: Int
        public var totalDistanceMetres: Int
        public var optimalDistanceMetres: Int
        public init(routes: DrawVerificationPage.RouteCounts, coordinatedPlaced: Int, totalDistanceMetres: Int, optimalDistanceMetres: Int) {
            self.routes = routes; self.coordinatedPlaced = coordinatedPlaced
            self.totalDistanceMetres = totalDistanceMetres; self.optimalDistanceMetres = optimalDistanceMetres
        }
    }

    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: Phrase
        public init(field: String, message: Phrase) { self.field = field; self.message = message }
    }

    public struct Model: Sendable, Hashable {
        public var name: Phrase
        public var id: String
        public var status: CampaignStatus
        public var opensOn: CaseDate
        public var closesOn: CaseDate
        public var applications: Int
        public var beaconRound: Phrase
        public var notaryCommitment: String
        public var listHash: String?
        public var seed: String?
        /// The district's name when a district admin reads their part of a city-wide campaign.
        public var narrowedTo: String?
        public var nextStep: NextStep?
        /// Whether the seats page lets this viewer change the seats.
        public var mayEditSeats: Bool
        public var schools: [School]
        public var review: Review?
        public var sort: TableSort
        public var problem: Problem?
        /// The manager's form for the dates and the beacon round, until the list is frozen.
        public var scheduleHref: String?
        public var scheduleChanges: [CampaignSchedulePage.Change]

        public init(name: Phrase, id: String, status: CampaignStatus, opensOn: CaseDate, closesOn: CaseDate, applications: Int,
                    beaconRound: Phrase, notaryCommitment: String, listHash: String?, seed: String?, narrowedTo: String? = nil,
                    nextStep: NextStep?, mayEditSeats: Bool, schools: [School], review: Review?,
                    sort: TableSort = CampaignPage.defaultSort, problem: Problem? = nil, scheduleHref: String? = nil,
                    scheduleChanges: [CampaignSchedulePage.Change] = []) {
            self.scheduleHref = scheduleHref; self.scheduleChanges = scheduleChanges
            self.name = name; self.id = id; self.status = status; self.opensOn = opensOn; self.closesOn = closesOn
            self.applications = applications; self.beaconRound = beaconRound; self.notaryCommitment = notaryCommitment
            self.listHash = listHash; self.seed = seed; self.narrowedTo = narrowedTo; self.nextStep = nextStep
            self.mayEditSeats = mayEditSeats; self.schools = schools; self.review = review; self.sort = sort; self.problem = problem
        }

        public var href: String { "/enrollment/\(id)" }
        /// The public page exists once the list is frozen.
        var publicHref: String? { listHash == nil ? nil : "/public/enrollment/\(id)" }
    }

    public static let defaultSort = TableSort(key: "name")

    /// The columns the schools table sorts by; the results columns only exist after the draw.
    public static func sortableKeys(afterDraw: Bool) -> Set<String> {
        afterDraw ? ["name", "ownership", "seats", "applicants", "admitted"] : ["name", "ownership", "seats", "zones"]
    }

    /// The schools table of the page and of its downloads, in the requested order (ties by name).
    public static func schoolsTable(_ model: Model) -> TableModel {
        let afterDraw = model.review != nil
        let columns: [TableModel.Column] = [
            .init(.campaign(.school), key: "name", isSortable: true),
            .init(.campaign(.ownership), key: "ownership", isSortable: true),
            .init(.campaign(.seats), key: "seats", isNumeric: true, isSortable: true),
        ] + (afterDraw ? [
            .init(.campaign(.applicants), key: "applicants", isNumeric: true, isSortable: true),
            .init(.campaign(.admitted), key: "admitted", isNumeric: true, isSortable: true),
            .init(.campaign(.lastAdmittedNumber), key: "last"),
            .init(.campaign(.admittedList), key: "list"),
        ] : [.init(.campaign(.zones), key: "zones", isNumeric: true, isSortable: true)])
        let sorted = model.schools.sorted { a, b in
            let order: Bool?
            switch model.sort.key {
            case "ownership": order = a.ownership == b.ownership ? nil : a.ownership.rawValue < b.ownership.rawValue
            case "seats": order = a.seats == b.seats ? nil : a.seats < b.seats
            case "zones": order = a.zones == b.zones ? nil : a.zones < b.zones
            case "applicants": order = compare(a.result?.applicants, b.result?.applicants)
            case "admitted": order = compare(a.result?.admitted, b.result?.admitted)
            default: order = nil
            }
            guard let order else { return a.name == b.name ? a.id < b.id : a.name < b.name }
            return model.sort.direction == .ascending ? order : !order
        }
        let rows: [[TableModel.Cell]] = sorted.map { school in
            var row: [TableModel.Cell] = [.text(school.name), .phrase(.ownership(school.ownership)), .number(school.seats)]
            if afterDraw {
                let result = school.result
                row += [result.map { .number($0.applicants) } ?? .empty, result.map { .number($0.admitted) } ?? .empty,
                        result?.lastAdmittedNumber.map { .text($0) } ?? .text("—"),
                        result.map { .phraseLink(.campaign(.download), href: $0.admittedListHref) } ?? .empty]
            } else {
                row.append(.number(school.zones))
            }
            return row
        }
        return TableModel(id: "schools", caption: .campaign(.schoolsTable), columns: columns, rows: rows, sort: model.sort)
    }

    private static func compare(_ a: Int?, _ b: Int?) -> Bool? {
        let (x, y) = (a ?? -1, b ?? -1)
        return x == y ? nil : x < y
    }
}
