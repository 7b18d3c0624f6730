import YoujiaoCore

/// The city's 中考 admissions, one per year, and the form that creates the next.
public enum ZhongkaoListPage {
    public struct Row: Sendable, Hashable {
        public var year: Int
        public var status: CampaignStatus
        public var candidates: Int
        public var href: String
        public init(year: Int, status: CampaignStatus, candidates: Int, href: String) {
            self.year = year; self.status = status; self.candidates = candidates; self.href = href
        }
    }

    public struct Model: Sendable, Hashable {
        public var rows: [Row]
        public var canCreate: Bool
        /// The create form's values (shown again after a refusal).
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public var sort: TableSort
        public init(rows: [Row], canCreate: Bool, values: [String: String] = [:], problem: CampaignPage.Problem? = nil,
                    sort: TableSort = ZhongkaoListPage.defaultSort) {
            self.rows = rows; self.canCreate = canCreate; self.values = values; self.problem = problem; self.sort = sort
        }
    }

    public static let defaultSort = TableSort(key: "year", direction: .descending)
    public static let sortableKeys: Set<String> = ["year", "candidates"]

    public static func table(_ model: Model) -> TableModel {
        let rows = model.rows.sorted { a, b in
            let ascending = model.sort.key == "candidates" ? (a.candidates, a.year) < (b.candidates, b.year) : a.year < b.year
            return model.sort.direction == .ascending ? ascending : !ascending
        }
        return TableModel(
            id: "zhongkao-campaigns", caption: .zhongkao(.campaignsTable),
            columns: [.init(.zhongkao(.year), key: "year", isNumeric: true, isSortable: true), .init(.zhongkao(.listTitle), key: "name"),
                      .init(.campaign(.status), key: "status"), .init(.zhongkao(.candidates), key: "candidates", isNumeric: true, isSortable: true)],
            rows: rows.map { row in
                [.number(row.year), .phraseLink(.zhongkao(.title(year: row.year)), href: row.href), .phrase(.zhongkao(.status(row.status))),
                 .number(row.candidates)]
            },
            sort: model.sort, emptyState: .zhongkao(.noCampaigns))
    }
}

/// One year's admission: where it stands, its rules and seed ingredients, the next step for the
/// city, and once admitted the figures per school and round with the admission lines.
public enum ZhongkaoCampaignPage {
    public typealias NextStep = CampaignNextStep

    public struct ReportRow: Sendable, Hashable {
        public var schoolName: String
        public var districtName: String
        public var kind: String
        public var round: ZhongkaoRound
        public var seats: Int
        public var admitted: Int
        public var movedToUnified: Int
        public var lineTotal: Int?
        public var lineTieBreaks: [Int]
        public init(schoolName: String, districtName: String, kind: String, round: ZhongkaoRound, seats: Int, admitted: Int,
                    movedToUnified: Int, lineTotal: Int?, lineTieBreaks: [Int]) {
            self.schoolName = schoolName; self.districtName = districtName; self.kind = kind; self.round = round; self.seats = seats
            self.admitted = admitted; self.movedToUnified = movedToUnified; self.lineTotal = lineTotal; self.lineTieBreaks = lineTieBreaks
        }
    }

    public struct Model: Sendable, Hashable {
        public var id: String
        public var year: Int
        public var status: CampaignStatus
        public var candidates: Int
        public var highSchools: Int
        public var planSeats: Int
        public var quotaSeats: Int
        public var rounds: [ZhongkaoRoundRule]
        public var tieBreakColumns: [String]
        public var beaconRound: Phrase
        public var notaryCommitment: String
        public var listHash: String?
        public var seed: String?
        public var nextStep: NextStep?
        /// Set for a school admin whose school has a plan in this campaign.
        public var mayEditOwnQuotas: Bool
        public var mayListCandidates: Bool
        /// Admitted per route, once admitted.
        public var routes: ZhongkaoReport.RouteCounts?
        public var report: [ReportRow]
        public var sort: TableSort
        public var problem: CampaignPage.Problem?

        public init(id: String, year: Int, status: CampaignStatus, candidates: Int, highSchools: Int, planSeats: Int, quotaSeats: Int,
                    rounds: [ZhongkaoRoundRule], tieBreakColumns: [String], beaconRound: Phrase, notaryCommitment: String,
                    listHash: String?, seed: String?, nextStep: NextStep?, mayEditOwnQuotas: Bool, mayListCandidates: Bool,
                    routes: ZhongkaoReport.RouteCounts?, report: [ReportRow], sort: TableSort = ZhongkaoCampaignPage.defaultSort,
                    problem: CampaignPage.Problem? = nil) {
            self.id = id; self.year = year; self.status = status; self.candidates = candidates; self.highSchools = highSchools
            self.planSeats = planSeats; self.quotaSeats = quotaSeats; self.rounds = rounds; self.tieBreakColumns = tieBreakColumns
            self.beaconRound = beaconRound; self.notaryCommitment = notaryCommitment; self.listHash = listHash; self.seed = seed
            self.nextStep = nextStep; self.mayEditOwnQuotas = mayEditOwnQuotas; self.mayListCandidates = mayListCandidates
            self.routes = routes; self.report = report; self.sort = sort; self.problem = problem
        }

        public var href: String { "/zhongkao/\(id)" }
        public var publicHref: String? { listHash == nil ? nil : "/public/zhongkao/\(id)" }
    }

    public static let defaultSort = TableSort(key: "school")
    public static let sortableKeys: Set<String> = ["school", "district", "round", "seats", "admitted", "line"]

    public static func reportTable(_ model: Model) -> TableModel {
        let roundOrder = Dictionary(uniqueKeysWithValues: ZhongkaoRound.allCases.enumerated().map { ($1, $0) })
        let sorted = model.report.sorted { a, b in
            let order: Bool? = switch model.sort.key {
            case "district": a.districtName == b.districtName ? nil : a.districtName < b.districtName
            case "round": a.round == b.round ? nil : roundOrder[a.round]! < roundOrder[b.round]!
            case "seats": a.seats == b.seats ? nil : a.seats < b.seats
            case "admitted": a.admitted == b.admitted ? nil : a.admitted < b.admitted
            case "line": a.lineTotal == b.lineTotal ? nil : (a.lineTotal ?? -1) < (b.lineTotal ?? -1)
            default: nil
            }
            guard let order else {
                let byName = a.schoolName == b.schoolName ? roundOrder[a.round]! < roundOrder[b.round]! : a.schoolName < b.schoolName
                return model.sort.key == "school" && model.sort.direction == .descending ? !byName : byName
            }
            return model.sort.direction == .ascending ? order : !order
        }
        return TableModel(
            id: "report", caption: .zhongkao(.reportCaption),
            columns: [.init(.zhongkao(.school), key: "school", isSortable: true), .init(.zhongkao(.district), key: "district", isSortable: true),
                      .init(.zhongkao(.kind), key: "kind"), .init(.zhongkao(.round), key: "round", isSortable: true),
                      .init(.zhongkao(.seats), key: "seats", isNumeric: true, isSortable: true),
                      .init(.zhongkao(.admitted), key: "admitted", isNumeric: true, isSortable: true),
                      .init(.zhongkao(.movedToUnified), key: "moved", isNumeric: true),
                      .init(.zhongkao(.admissionLine), key: "line", isSortable: true)],
            rows: sorted.map { row in
                [.text(row.schoolName), .text(row.districtName), .text(row.kind), .phrase(.zhongkao(.roundName(row.round))),
                 .number(row.seats), .number(row.admitted), .number(row.movedToUnified),
                 row.lineTotal.map { .phrase(.zhongkao(.lineValue(total: $0, tieBreaks: row.lineTieBreaks))) } ?? .phrase(.zhongkao(.noAdmission))]
            },
            sort: model.sort)
    }
}

/// The campaign's plans and quota lines; the lines of one school are a form while it is open.
public enum ZhongkaoQuotasPage {
    public struct Plan: Sendable, Hashable {
        public var schoolID: String
        public var name: String
        public var districtName: String
        public var kind: String
        public var planSeats: Int
        public var quotaSeats: Int
        public init(schoolID: String, name: String, districtName: String, kind: String, planSeats: Int, quotaSeats: Int) {
            self.schoolID = schoolID; self.name = name; self.districtName = districtName; self.kind = kind
            self.planSeats = planSeats; self.quotaSeats = quotaSeats
        }
        public var unifiedSeats: Int { max(0, planSeats - quotaSeats) }
    }

    public struct Line: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var round: ZhongkaoRound
        /// The district's or junior school's name.
        public var scopeName: String
        public var seats: Int
        public init(schoolID: String, schoolName: String, round: ZhongkaoRound, scopeName: String, seats: Int) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.round = round; self.scopeName = scopeName; self.seats = seats
        }
    }

    public struct Model: Sendable, Hashable {
        public var campaignID: String
        public var year: Int
        public var status: CampaignStatus
        public var plans: [Plan]
        public var lines: [Line]
        /// The school whose lines are inputs (the viewer's own, or the one a city admin chose).
        public var editableSchoolID: String?
        public var typed: [String: String]
        public var saved: Int?
        public var problem: CampaignPage.Problem?
        public var sort: TableSort
        public init(campaignID: String, year: Int, status: CampaignStatus, plans: [Plan], lines: [Line], editableSchoolID: String?,
                    typed: [String: String] = [:], saved: Int? = nil, problem: CampaignPage.Problem? = nil,
                    sort: TableSort = ZhongkaoQuotasPage.defaultSort) {
            self.campaignID = campaignID; self.year = year; self.status = status; self.plans = plans; self.lines = lines
            self.editableSchoolID = editableSchoolID; self.typed = typed; self.saved = saved; self.problem = problem; self.sort = sort
        }
        public var href: String { "/zhongkao/\(campaignID)/quotas" }
    }

    public static let defaultSort = TableSort(key: "school")
    public static let sortableKeys: Set<String> = ["school", "district", "plan", "quota", "unified"]

    /// The form field of a school's `index`-th quota line (the store's order).
    public static func field(_ index: Int) -> String { "seats-\(index)" }

    public static func planTable(_ model: Model) -> TableModel {
        let sorted = model.plans.sorted { a, b in
            let order: Bool? = switch model.sort.key {
            case "district": a.districtName == b.districtName ? nil : a.districtName < b.districtName
            case "plan": a.planSeats == b.planSeats ? nil : a.planSeats < b.planSeats
            case "quota": a.quotaSeats == b.quotaSeats ? nil : a.quotaSeats < b.quotaSeats
            case "unified": a.unifiedSeats == b.unifiedSeats ? nil : a.unifiedSeats < b.unifiedSeats
            default: nil
            }
            guard let order else {
                let byName = a.name == b.name ? a.schoolID < b.schoolID : a.name < b.name
                return model.sort.key == "school" && model.sort.direction == .descending ? !byName : byName
            }
            return model.sort.direction == .ascending ? order : !order
        }
        let total = sorted.reduce((0, 0, 0)) { ($0.0 + $1.planSeats, $0.1 + $1.quotaSeats, $0.2 + $1.unifiedSeats) }
        return TableModel(
            id: "plans", caption: .zhongkao(.plansCaption),
            columns: [.init(.zhongkao(.school), key: "school", isSortable: true), .init(.zhongkao(.district), key: "district", isSortable: true),
                      .init(.zhongkao(.kind), key: "kind"), .init(.zhongkao(.planSeats), key: "plan", isNumeric: true, isSortable: true),
                      .init(.zhongkao(.quotaSeats), key: "quota", isNumeric: true, isSortable: true),
                      .init(.zhongkao(.unifiedSeats), key: "unified", isNumeric: true, isSortable: true)],
            rows: sorted.map { [.text($0.name), .text($0.districtName), .text($0.kind), .number($0.planSeats), .number($0.quotaSeats), .number($0.unifiedSeats)] },
            totals: sorted.count > 1 ? [.phrase(.tables(.total)), .empty, .empty, .number(total.0), .number(total.1), .number(total.2)] : nil,
            sort: model.sort)
    }

    /// The quota lines; the editable school's with an input column.
    public static func lineTable(_ model: Model, inputs: Bool) -> TableModel {
        var columns: [TableModel.Column] = [.init(.zhongkao(.school), key: "school"), .init(.zhongkao(.round), key: "round"),
                                            .init(.zhongkao(.scope), key: "scope"), .init(.zhongkao(.seats), key: "seats", isNumeric: true)]
        if inputs { columns.append(.init(.zhongkao(.changeTo), key: "change")) }
        var index = 0
        let rows: [[TableModel.Cell]] = model.lines.map { line in
            let scope: Phrase = line.round == .quotaDistrict ? .zhongkao(.scopeDistrict(line.scopeName)) : .zhongkao(.scopeSchool(line.scopeName))
            var row: [TableModel.Cell] = [.text(line.schoolName), .phrase(.zhongkao(.roundName(line.round))), .phrase(scope), .number(line.seats)]
            if inputs {
                let field = field(index)
                row.append(.input(name: field, value: model.typed[field] ?? String(line.seats), label: line.scopeName,
                                  isInvalid: model.problem?.field == field))
                index += 1
            }
            return row
        }
        return TableModel(id: "quota-lines", caption: .zhongkao(.quotaLinesCaption), columns: columns, rows: rows, emptyState: .zhongkao(.noQuotaLines))
    }
}

/// The candidates a viewer may list (the city's, a district's or a junior school's), with the
/// result and its reason once admitted; paged and sorted on the server.
public enum ZhongkaoCandidatesPage {
    public struct Row: Sendable, Hashable {
        public var candidateID: String
        public var name: String
        public var juniorSchoolName: String
        public var total: Int
        public var admittedTo: String?
        public var route: ZhongkaoOutcomeRoute?
        public var reason: Phrase?
        public init(candidateID: String, name: String, juniorSchoolName: String, total: Int, admittedTo: String?,
                    route: ZhongkaoOutcomeRoute?, reason: Phrase?) {
            self.candidateID = candidateID; self.name = name; self.juniorSchoolName = juniorSchoolName; self.total = total
            self.admittedTo = admittedTo; self.route = route; self.reason = reason
        }
    }

    public struct Model: Sendable, Hashable {
        public var campaignID: String
        public var year: Int
        public var rows: [Row]
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var sort: TableSort
        public var hasResults: Bool
        public init(campaignID: String, year: Int, rows: [Row], total: Int, page: Int, pageCount: Int, sort: TableSort, hasResults: Bool) {
            self.campaignID = campaignID; self.year = year; self.rows = rows; self.total = total; self.page = page
            self.pageCount = pageCount; self.sort = sort; self.hasResults = hasResults
        }
        public var href: String { "/zhongkao/\(campaignID)/candidates" }
    }

    public static let defaultSort = TableSort(key: "total", direction: .descending)
    public static let sortableKeys: Set<String> = ["candidate", "total", "junior-school", "result"]

    public static func table(_ model: Model) -> TableModel {
        var columns: [TableModel.Column] = [
            .init(.zhongkao(.candidateID), key: "candidate", isSortable: true), .init(.zhongkao(.name), key: "name"),
            .init(.zhongkao(.juniorSchool), key: "junior-school", isSortable: true),
            .init(.zhongkao(.total), key: "total", isNumeric: true, isSortable: true)]
        if model.hasResults {
            columns += [.init(.zhongkao(.result), key: "result", isSortable: true), .init(.zhongkao(.route), key: "route"),
                        .init(.zhongkao(.reason), key: "reason")]
        }
        return TableModel(
            id: "candidates", caption: .zhongkao(.candidatesCaption), columns: columns,
            rows: model.rows.map { row in
                var cells: [TableModel.Cell] = [.text(row.candidateID), .text(row.name), .text(row.juniorSchoolName), .number(row.total)]
                if model.hasResults {
                    cells += [row.admittedTo.map { .text($0) } ?? .empty, row.route.map { .phrase(.zhongkao(.routeName($0))) } ?? .empty,
                              row.reason.map { .phrase($0) } ?? .empty]
                }
                return cells
            },
            sort: model.sort, emptyState: .zhongkao(.noCandidates))
    }
}

/// The public page of a year's admission (录取核验), for anyone without signing in.
public enum ZhongkaoVerificationPage {
    public struct Model: Sendable, Hashable {
        public var year: Int
        public var status: CampaignStatus
        public var path: String
        public var listHash: String
        public var beaconRound: Phrase
        public var notaryCommitment: String
        public var tieBreakColumns: [String]
        /// Set once the results are published.
        public var beaconValue: String?
        public var notarySecret: String?
        public var seed: String?
        public var routes: ZhongkaoReport.RouteCounts?
        public init(year: Int, status: CampaignStatus, path: String, listHash: String, beaconRound: Phrase, notaryCommitment: String,
                    tieBreakColumns: [String], beaconValue: String?, notarySecret: String?, seed: String?, routes: ZhongkaoReport.RouteCounts?) {
            self.year = year; self.status = status; self.path = path; self.listHash = listHash; self.beaconRound = beaconRound
            self.notaryCommitment = notaryCommitment; self.tieBreakColumns = tieBreakColumns; self.beaconValue = beaconValue
            self.notarySecret = notarySecret; self.seed = seed; self.routes = routes
        }
        public var files: [String] { ZhongkaoCampaignFiles.names + (status == .published ? ["results.csv", "report.json"] : []) }
    }

    /// Admitted per route, as a sentence.
    public static func routesPhrase(_ r: ZhongkaoReport.RouteCounts) -> Phrase {
        let (d, s, u, p, n) = (Format.number(r.quotaDistrict), Format.number(r.quotaSchool), Format.number(r.unified),
                               Format.number(r.preAdmitted), Format.number(r.unadmitted))
        return Phrase(zh: "名额分配到区 \(d) 人，名额分配到校 \(s) 人，统一招生 \(u) 人，提前录取 \(p) 人，未录取 \(n) 人。",
                      en: "District quota \(d), school quota \(s), unified \(u), admitted beforehand \(p), not admitted \(n).")
    }
}

/// A family's child in a 中考 admission: the candidacy, and once published the result with its reason.
public struct ZhongkaoFamilyResult: Sendable, Hashable {
    public var title: Phrase
    public var status: CampaignStatus
    public var childName: String
    public var maskedID: String
    public var candidateID: String
    public var total: Int
    public var result: Phrase?
    public var publicHref: String?
    public init(title: Phrase, status: CampaignStatus, childName: String, maskedID: String, candidateID: String, total: Int,
                result: Phrase?, publicHref: String?) {
        self.title = title; self.status = status; self.childName = childName; self.maskedID = maskedID; self.candidateID = candidateID
        self.total = total; self.result = result; self.publicHref = publicHref
    }
}
