import Plot
import YoujiaoCore

/// A school's teachers with their training this cycle against the requirement, the distribution of
/// hours as a chart, and each teacher's rotation standing; sorted on the server, every row a download.
public enum TeacherListPage {
    public struct Row: Sendable, Hashable {
        public var teacherID: String
        public var name: String
        public var subject: String
        public var title: TeacherTitle
        public var keyLevel: KeyTeacherLevel
        public var pace: TrainingPace
        public var rotatingNow: Bool
        public init(teacherID: String, name: String, subject: String, title: TeacherTitle, keyLevel: KeyTeacherLevel, pace: TrainingPace, rotatingNow: Bool) {
            self.teacherID = teacherID; self.name = name; self.subject = subject; self.title = title; self.keyLevel = keyLevel
            self.pace = pace; self.rotatingNow = rotatingNow
        }
    }

    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        public var rows: [Row]
        public var sort: TableSort
        public init(schoolID: String, schoolName: String, rows: [Row], sort: TableSort) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.rows = rows; self.sort = sort
        }
        public var href: String { "/schools/\(schoolID)/teachers" }
    }

    public static let defaultSort = TableSort(key: "name")
    public static let sortableKeys: Set<String> = ["name", "subject", "title", "key", "hours"]

    public static func table(_ model: Model) -> TableModel {
        let titles = TeacherTitle.allCases, levels = KeyTeacherLevel.allCases
        let rows = model.rows.sorted { a, b in
            let order: Bool? = switch model.sort.key {
            case "subject": a.subject == b.subject ? nil : a.subject < b.subject
            case "title": a.title == b.title ? nil : titles.firstIndex(of: a.title)! < titles.firstIndex(of: b.title)!
            case "key": a.keyLevel == b.keyLevel ? nil : levels.firstIndex(of: a.keyLevel)! < levels.firstIndex(of: b.keyLevel)!
            case "hours": a.pace.tenthHours == b.pace.tenthHours ? nil : a.pace.tenthHours < b.pace.tenthHours
            default: nil
            }
            guard let order else {
                let byName = a.name == b.name ? a.teacherID < b.teacherID : a.name < b.name
                return model.sort.key == "name" && model.sort.direction == .descending ? !byName : byName
            }
            return model.sort.direction == .ascending ? order : !order
        }
        return TableModel(
            id: "teachers", caption: .teachers(.teachersCaption),
            columns: [.init(.teachers(.name), key: "name", isSortable: true), .init(.teachers(.subject), key: "subject", isSortable: true),
                      .init(.teachers(.title), key: "title", isSortable: true), .init(.teachers(.keyLevel), key: "key", isSortable: true),
                      .init(.teachers(.hours), key: "hours", isNumeric: true, isSortable: true), .init(.teachers(.pace), key: "pace"),
                      .init(.teachers(.rotation), key: "rotation")],
            rows: rows.map { row in
                [.link(row.name, href: "/teachers/\(row.teacherID)"), .text(row.subject), .phrase(.teachers(.titleName(row.title))),
                 .phrase(.teachers(.keyLevelName(row.keyLevel))), .decimal(Double(row.pace.tenthHours) / 10, digits: 1),
                 row.pace.isComplete ? .badge(.teachers(.complete), tone: .good)
                    : row.pace.isBehind ? .badge(.teachers(.behind), tone: .bad) : .badge(.teachers(.onPace), tone: .neutral),
                 .phrase(row.rotatingNow ? .teachers(.rotating) : .teachers(.none))]
            },
            sort: model.sort, emptyState: .teachers(.noTeachers))
    }

    /// Teachers per band of 90 hours (a quarter of the requirement), up to the requirement and beyond.
    static func bands(_ rows: [Row]) -> [(label: Phrase, count: Int)] {
        let required = (rows.first?.pace.requiredTenthHours ?? 3_600) / 10
        let step = max(1, required / 4)
        var counts = Array(repeating: 0, count: 5)
        for row in rows { counts[min(4, row.pace.tenthHours / 10 / step)] += 1 }
        return (0..<5).map { index in
            (index < 4 ? .teachers(.hoursBand(low: index * step, high: (index + 1) * step)) : .teachers(.hoursAtLeast(required)), counts[index])
        }
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .teachers(.listTitle(model.schoolName)) }

        public var content: Component {
            let t = chrome.language
            let bands = TeacherListPage.bands(model.rows)
            let behind = model.rows.filter { $0.pace.isBehind && !$0.pace.isComplete }.count
            return Node<HTML.BodyContext>.group(
                .dl(.class("facts"),
                    .dt(.words(t(.teachers(.cycle)))), .dd(.words(model.rows.first.map { t(.teachers(.cycleSpan($0.pace.cycle))) } ?? "—")),
                    .dt(.words(t(.teachers(.required)))),
                    .dd(.words(model.rows.first.map { t(.teachers(.hoursAmount($0.pace.requiredTenthHours))) } ?? "—")),
                    .dt(.words(t(.teachers(.behindCount)))), .dd(.strong(.id("behind-count"), .words(Format.number(behind))))),
                .if(!model.rows.isEmpty, .element(named: "figure", nodes: [.class("chart-box"), .component(BarChart(
                    title: .teachers(.hoursChartTitle), categories: bands.map { t($0.label) },
                    series: [.init(name: .teachers(.teachersInBand), colour: "#3b6ea5", values: bands.map(\.count))], language: t))])),
                .if(!model.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t))),
                .component(DataTable(TeacherListPage.table(model), address: address, language: t)),
                .p(.a(.attr("href", "/schools/\(model.schoolID)"), .words(t(.teachers(.backToSchool)))))
            )
        }
    }
}

/// One teacher's portrait: the facts, the rotation standing, training against the cycle, and the
/// career in date order (appointments, titles and key levels, rotations), with the records behind it.
public enum TeacherPortraitPage {
    public struct Event: Sendable, Hashable {
        public var date: CaseDate
        public var what: Phrase
        public init(date: CaseDate, what: Phrase) { self.date = date; self.what = what }
    }

    public struct Rotation: Sendable, Hashable {
        public var fromName: String
        public var toName: String
        public var rotation: TeacherRotation
        public init(fromName: String, toName: String, rotation: TeacherRotation) { self.fromName = fromName; self.toName = toName; self.rotation = rotation }
    }

    public struct Model: Sendable, Hashable {
        public var name: String
        public var maskedID: String
        public var schoolID: String
        public var schoolName: String
        public var subject: String
        public var title: TeacherTitle
        public var keyLevel: KeyTeacherLevel
        public var post: TeacherPost?
        public var pace: TrainingPace
        public var eligibility: RotationEligibility
        public var rotationDays: Int
        public var events: [Event]
        public var training: [TeacherTraining]
        public var rotations: [Rotation]
        /// The reader is the teacher themself (their school is not a link they may open).
        public var isOwnRecord = false
        public var today = CaseDate.today()
        /// Whether a home is on file; the place itself is never in the model.
        public var homeOnFile: HomeOnFile?
        /// The teacher's own home form.
        public var homeForm: HomeForm?
        /// Staff who may issue the teacher's account.
        public var account: AccountSection?
        public init(name: String, maskedID: String, schoolID: String, schoolName: String, subject: String, title: TeacherTitle, keyLevel: KeyTeacherLevel,
                    post: TeacherPost?, pace: TrainingPace, eligibility: RotationEligibility, rotationDays: Int, events: [Event],
                    training: [TeacherTraining], rotations: [Rotation]) {
            self.name = name; self.maskedID = maskedID; self.schoolID = schoolID; self.schoolName = schoolName; self.subject = subject
            self.title = title; self.keyLevel = keyLevel; self.post = post; self.pace = pace; self.eligibility = eligibility
            self.rotationDays = rotationDays; self.events = events; self.training = training; self.rotations = rotations
        }
    }

    public static func timelineTable(_ model: Model) -> TableModel {
        TableModel(id: "career", caption: .teachers(.timelineCaption),
                   columns: [.init(.teachers(.when), key: "when"), .init(.teachers(.event), key: "event")],
                   rows: model.events.map { [.phrase(.day($0.date)), .phrase($0.what)] })
    }

    public static func trainingTable(_ model: Model) -> TableModel {
        TableModel(id: "training", caption: .teachers(.trainingCaption),
                   columns: [.init(.teachers(.when), key: "when"), .init(.teachers(.course), key: "course"), .init(.teachers(.provider), key: "provider"),
                             .init(.teachers(.kind), key: "kind"), .init(.teachers(.recordHours), key: "hours", isNumeric: true)],
                   rows: model.training.reversed().map { record in
                       [.phrase(.day(record.date)), .text(record.course), .text(record.provider), .phrase(.teachers(.trainingKind(record.kind))),
                        .decimal(Double(record.tenthHours) / 10, digits: 1)]
                   },
                   emptyState: .teachers(.noTraining))
    }

    public static func rotationTable(_ model: Model) -> TableModel {
        TableModel(id: "rotations", caption: .teachers(.rotationsCaption),
                   columns: [.init(.teachers(.from), key: "from"), .init(.teachers(.to), key: "to"), .init(.teachers(.kind), key: "kind"),
                             .init(.teachers(.start), key: "start"), .init(.teachers(.plannedEnd), key: "end"), .init(.teachers(.status), key: "status")],
                   rows: model.rotations.map { r in
                       [.text(r.fromName), .text(r.toName), .phrase(.teachers(.rotationKind(r.rotation.kind))), .phrase(.day(r.rotation.start)),
                        .phrase(.day(r.rotation.plannedEnd)), .phrase(.teachers(.rotationStatus(r.rotation.status)))]
                   },
                   emptyState: .teachers(.noRotations))
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .verbatim(model.name) }

        public var content: Component {
            let t = chrome.language
            func fact(_ term: Phrase, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> { .group(.dt(.words(t(term))), .dd(value)) }
            let pace = model.pace
            let percent = min(100, pace.tenthHours * 100 / max(1, pace.requiredTenthHours))
            return Node<HTML.BodyContext>.group(
                .dl(.class("facts"),
                    fact(.teachers(.idNumber), .span(.class("id"), .words(model.maskedID))),
                    fact(.teachers(.school), model.isOwnRecord ? .words(model.schoolName)
                         : .a(.attr("href", "/schools/\(model.schoolID)"), .words(model.schoolName))),
                    fact(.teachers(.post), .words(model.post.map { t(.teachers(.postName($0))) } ?? "—")),
                    fact(.teachers(.subject), .words(model.subject)),
                    fact(.teachers(.title), .words(t(.teachers(.titleName(model.title))))),
                    fact(.teachers(.keyLevel), .words(t(.teachers(.keyLevelName(model.keyLevel))))),
                    fact(.teachers(.cycle), .words(t(.teachers(.cycleSpan(pace.cycle))))),
                    fact(.teachers(.hours), .group(
                        .strong(.id("cycle-hours"), .words(TeacherTraining.hoursText(pace.tenthHours))),
                        .text(" / " + TeacherTraining.hoursText(pace.requiredTenthHours) + " "),
                        .span(.class(pace.isComplete ? "badge badge-good" : pace.isBehind ? "badge badge-bad" : "badge badge-neutral"),
                              .words(t(pace.isComplete ? .teachers(.complete) : pace.isBehind ? .teachers(.behind) : .teachers(.onPace)))),
                        .element(named: "progress", nodes: [.attr("max", "100"), .attr("value", "\(percent)"),
                                                            .attr("aria-label", t(.teachers(.hours))), .text("\(percent)%")]))),
                    fact(.teachers(.rotationServed), .words(t(.teachers(.days(model.rotationDays))))),
                    .if(!model.isOwnRecord, fact(.teacherAccounts(.homeFact), .span(.id("home-fact"), .words(
                        model.homeOnFile.map { t(.teacherAccounts(.homeOnFile($0.source, $0.updatedOn))) } ?? t(.teacherAccounts(.homeNoneStaff))))))),
                TeacherPortraitPage.decisionSection(model, today: model.today, t),
                .unwrap(model.homeForm) { TeacherPortraitPage.homeSection($0, onFile: model.homeOnFile, csrf: chrome.csrfToken, t) },
                .unwrap(model.account) { TeacherPortraitPage.accountSection($0, csrf: chrome.csrfToken, t) },
                .h2(.words(t(.teachers(.eligibilityHeading)))),
                .p(.id("eligibility"), .class(model.eligibility.isEligible ? "ok" : "summary"), .words(t(.teachers(.eligibility(model.eligibility.reason))))),
                .component(DataTable(TeacherPortraitPage.timelineTable(model), address: address, language: t)),
                .component(DataTable(TeacherPortraitPage.rotationTable(model), address: address, language: t)),
                .component(DataTable(TeacherPortraitPage.trainingTable(model), address: address, language: t))
            )
        }
    }
}

/// A district's teachers with their standing for this year's rotation (交流轮岗): eligible or not and
/// why, from their appointments; the yearly quota the eligible make (10% of them, key teachers 20%
/// of the rotated). Sorted and paged on the server (a large district has thousands); the whole
/// list as CSV and XLSX.
public enum RotationEligibilityPage {
    public static let perPage = 100

    public struct Row: Sendable, Hashable {
        public var teacherID: String
        public var name: String
        public var schoolName: String
        public var subject: String
        public var keyLevel: KeyTeacherLevel
        public var eligibility: RotationEligibility
        public init(teacherID: String, name: String, schoolName: String, subject: String, keyLevel: KeyTeacherLevel, eligibility: RotationEligibility) {
            self.teacherID = teacherID; self.name = name; self.schoolName = schoolName; self.subject = subject; self.keyLevel = keyLevel
            self.eligibility = eligibility
        }
    }

    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var rows: [Row]
        /// Only the eligible (the default), or every teacher with the reason.
        public var eligibleOnly: Bool
        public var sort: TableSort
        public var page: Int
        /// Rows per page; nil: every row (the downloads).
        public var perPage: Int?
        public init(districtCode: String, districtName: String, rows: [Row], eligibleOnly: Bool, sort: TableSort, page: Int = 1, perPage: Int? = nil) {
            self.districtCode = districtCode; self.districtName = districtName; self.rows = rows; self.eligibleOnly = eligibleOnly; self.sort = sort
            self.page = page; self.perPage = perPage
        }
        public var pageCount: Int {
            guard let perPage, perPage > 0 else { return 1 }
            return max((shown.count + perPage - 1) / perPage, 1)
        }
        /// The shown rows in the requested order, this page's slice of them.
        public var pageRows: [Row] {
            let sorted = RotationEligibilityPage.sorted(shown, by: sort)
            guard let perPage, perPage > 0 else { return sorted }
            let start = min((min(max(page, 1), pageCount) - 1) * perPage, sorted.count)
            return Array(sorted[start..<min(start + perPage, sorted.count)])
        }
        public var href: String { "/districts/\(districtCode)/rotation" }
        public var eligible: Int { rows.filter(\.eligibility.isEligible).count }
        public var eligibleKey: Int { rows.filter { $0.eligibility.isEligible && $0.keyLevel != .none }.count }
        /// At least 10% of the eligible rotate each year (rounded up).
        public var yearlyQuota: Int { (eligible + 9) / 10 }
        public var shown: [Row] { eligibleOnly ? rows.filter(\.eligibility.isEligible) : rows }
    }

    public static let defaultSort = TableSort(key: "school")
    public static let sortableKeys: Set<String> = ["school", "name", "subject", "key"]

    static func sorted(_ rows: [Row], by sort: TableSort) -> [Row] {
        let levels = KeyTeacherLevel.allCases
        return rows.sorted { a, b in
            let order: Bool? = switch sort.key {
            case "name": a.name == b.name ? nil : a.name < b.name
            case "subject": a.subject == b.subject ? nil : a.subject < b.subject
            case "key": a.keyLevel == b.keyLevel ? nil : levels.firstIndex(of: a.keyLevel)! < levels.firstIndex(of: b.keyLevel)!
            default: a.schoolName == b.schoolName ? nil : a.schoolName < b.schoolName
            }
            guard let order else { return a.name == b.name ? a.teacherID < b.teacherID : a.name < b.name }
            return sort.direction == .ascending ? order : !order
        }
    }

    /// The page's rows (every shown row when the model has no page size).
    public static func table(_ model: Model) -> TableModel {
        let rows = model.pageRows
        return TableModel(
            id: "rotation-eligibility", caption: .teachers(.eligibilityHeading),
            columns: [.init(.teachers(.school), key: "school", isSortable: true), .init(.teachers(.name), key: "name", isSortable: true),
                      .init(.teachers(.subject), key: "subject", isSortable: true), .init(.teachers(.keyLevel), key: "key", isSortable: true),
                      .init(.teachers(.rotation), key: "eligible"), .init(.teachers(.event), key: "reason")],
            rows: rows.map { row in
                [.text(row.schoolName), .link(row.name, href: "/teachers/\(row.teacherID)"), .text(row.subject),
                 .phrase(.teachers(.keyLevelName(row.keyLevel))),
                 row.eligibility.isEligible ? .badge(.teachers(.eligible), tone: .good) : .badge(.teachers(.notEligible), tone: .neutral),
                 .phrase(.teachers(.eligibility(row.eligibility.reason)))]
            },
            sort: model.sort, emptyState: .teachers(.noTeachers))
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .teachers(.rotationTitle(model.districtName)) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .dl(.class("facts"),
                    .dt(.words(t(.teachers(.eligibleTeachers)))), .dd(.strong(.id("eligible-count"), .words(Format.number(model.eligible)))),
                    .dt(.words(t(.teachers(.eligibleKeyTeachers)))), .dd(.words(Format.number(model.eligibleKey))),
                    .dt(.words(t(.teachers(.yearlyQuota)))), .dd(.span(.id("yearly-quota"), .words(Format.number(model.yearlyQuota))))),
                .p(.a(.id("eligibility-filter"), .attr("href", model.eligibleOnly ? model.href + "?all=1" : model.href),
                      .words(t(model.eligibleOnly ? .teachers(.showEveryTeacher) : .teachers(.showEligibleOnly))))),
                .p(.a(.id("rounds-link"), .attr("href", model.href + "/rounds"), .words(t(.rotationRounds(.roundsLink))))),
                .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t)),
                .component(DataTable(RotationEligibilityPage.table(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
            )
        }
    }
}
