import YoujiaoCore

/// A district's rotation rounds, one per school year, and the form that opens one.
public enum RotationRoundsPage {
    public struct Row: Sendable, Hashable {
        public var year: Int
        public var status: RotationRound.Status
        public var needs: Int
        public var seatsAccepted: Int
        public var rotated: Int
        public init(year: Int, status: RotationRound.Status, needs: Int, seatsAccepted: Int, rotated: Int) {
            self.year = year; self.status = status; self.needs = needs; self.seatsAccepted = seatsAccepted; self.rotated = rotated
        }
    }

    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var rows: [Row]
        public var mayOpen: Bool
        public var typedYear: String
        public var problem: CampaignPage.Problem?
        public var sort: TableSort
        public init(districtCode: String, districtName: String, rows: [Row], mayOpen: Bool, typedYear: String, problem: CampaignPage.Problem?,
                    sort: TableSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.rows = rows; self.mayOpen = mayOpen
            self.typedYear = typedYear; self.problem = problem; self.sort = sort
        }
        public var href: String { "/districts/\(districtCode)/rotation/rounds" }
    }

    public static let defaultSort = TableSort(key: "year", direction: .descending)
    public static let sortableKeys: Set<String> = ["year", "status"]

    public static func table(_ model: Model) -> TableModel {
        let statuses = RotationRound.Status.allCases
        let rows = model.rows.sorted { a, b in
            let order = model.sort.key == "status" && a.status != b.status
                ? statuses.firstIndex(of: a.status)! < statuses.firstIndex(of: b.status)! : a.year < b.year
            return model.sort.direction == .ascending ? order : !order
        }
        return TableModel(
            id: "rotation-rounds", caption: .rotationRounds(.roundsCaption),
            columns: [.init(.rotationRounds(.year), key: "year", isSortable: true), .init(.rotationRounds(.status), key: "status", isSortable: true),
                      .init(.rotationRounds(.needsCount), key: "needs", isNumeric: true),
                      .init(.rotationRounds(.seatsAccepted), key: "seats", isNumeric: true),
                      .init(.rotationRounds(.rotated), key: "rotated", isNumeric: true)],
            rows: rows.map { row in
                [.phraseLink(.rotationRounds(.schoolYear(row.year)), href: "/districts/\(model.districtCode)/rotation/\(row.year)"),
                 .phrase(.rotationRounds(.statusName(row.status))), .number(row.needs), .number(row.seatsAccepted), .number(row.rotated)]
            },
            sort: model.sort, emptyState: .rotationRounds(.noRounds))
    }
}

/// One round: the needs, the plan with its figures against the yearly targets, and the terms.
public enum RotationRoundPage {
    public struct NeedRow: Sendable, Hashable {
        public var schoolName: String
        public var entry: RotationNeedEntry
        /// Where the district checks it (while collecting, for the district's staff).
        public var checkHref: String?
        public init(schoolName: String, entry: RotationNeedEntry, checkHref: String?) {
            self.schoolName = schoolName; self.entry = entry; self.checkHref = checkHref
        }
    }

    public struct AssignmentRow: Sendable, Hashable {
        public var teacherID: String
        public var teacherName: String
        public var subject: String
        public var fromName: String
        public var toName: String
        public var kind: RotationNeedKind
        public var assignment: RotationRoundAssignment
        public var swapHref: String?
        public init(teacherID: String, teacherName: String, subject: String, fromName: String, toName: String, kind: RotationNeedKind,
                    assignment: RotationRoundAssignment, swapHref: String?) {
            self.teacherID = teacherID; self.teacherName = teacherName; self.subject = subject; self.fromName = fromName; self.toName = toName
            self.kind = kind; self.assignment = assignment; self.swapHref = swapHref
        }
    }

    public struct TermRow: Sendable, Hashable {
        public var teacherID: String
        public var teacherName: String
        public var fromName: String
        public var toName: String
        public var term: TeacherRotation
        public var isOverdue: Bool
        public var actHref: String?
        public init(teacherID: String, teacherName: String, fromName: String, toName: String, term: TeacherRotation, isOverdue: Bool, actHref: String?) {
            self.teacherID = teacherID; self.teacherName = teacherName; self.fromName = fromName; self.toName = toName; self.term = term
            self.isOverdue = isOverdue; self.actHref = actHref
        }
    }

    /// The form a receiving school enters a need with.
    public struct NeedForm: Sendable, Hashable {
        public var subjects: [String]
        public var stages: [Stage]
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public init(subjects: [String], stages: [Stage], values: [String: String], problem: CampaignPage.Problem?) {
            self.subjects = subjects; self.stages = stages; self.values = values; self.problem = problem
        }
    }

    public struct Model: Sendable, Hashable {
        public var districtCode: String
        public var districtName: String
        public var round: RotationRound
        public var eligible: Int
        public var figures: RotationRoundPlan.Figures?
        /// The optimiser's report when it proposed the plan (swaps may have changed the figures since).
        public var shortfalls: [RotationPlan.Shortfall]
        public var needs: [NeedRow]
        public var assignments: [AssignmentRow]
        public var terms: [TermRow]
        /// The district's and the city's staff run the round; a school sees its own part.
        public var mayManage: Bool
        public var needForm: NeedForm?
        public var problem: CampaignPage.Problem?
        public var sort: TableSort
        public init(districtCode: String, districtName: String, round: RotationRound, eligible: Int, figures: RotationRoundPlan.Figures?,
                    shortfalls: [RotationPlan.Shortfall], needs: [NeedRow], assignments: [AssignmentRow], terms: [TermRow], mayManage: Bool,
                    needForm: NeedForm?, problem: CampaignPage.Problem?, sort: TableSort) {
            self.districtCode = districtCode; self.districtName = districtName; self.round = round; self.eligible = eligible
            self.figures = figures; self.shortfalls = shortfalls; self.needs = needs; self.assignments = assignments; self.terms = terms
            self.mayManage = mayManage; self.needForm = needForm; self.problem = problem; self.sort = sort
        }
        public var href: String { "/districts/\(districtCode)/rotation/\(round.year)" }
    }

    public static let defaultSort = TableSort(key: "school")
    /// One sort for the page's main table: the needs while collecting, the plan, then the terms.
    public static let sortableKeys: Set<String> = ["school", "priority", "teacher", "from", "to", "commute", "end", "status"]

    static func ordered<Row>(_ rows: [Row], _ sort: TableSort, _ key: (Row) -> (String, Int)?, tieBreak: (Row) -> String) -> [Row] {
        rows.sorted { a, b in
            let (ka, kb) = (key(a), key(b))
            guard let ka, let kb, ka != kb else { return tieBreak(a) < tieBreak(b) }
            let order = ka.1 != kb.1 ? ka.1 < kb.1 : ka.0 < kb.0
            return sort.direction == .ascending ? order : !order
        }
    }

    public static func needsTable(_ model: Model) -> TableModel {
        let sortable = model.round.status == .collecting
        let rows = ordered(model.needs, model.sort, { row in
            switch model.sort.key {
            case "priority": ("", row.entry.priority)
            case "status": ("", RotationNeedEntry.State.allCases.firstIndex(of: row.entry.state)!)
            default: (row.schoolName, 0)
            }
        }, tieBreak: { $0.schoolName + $0.entry.id })
        var columns: [TableModel.Column] = [
            .init(.rotationRounds(.school), key: "school", isSortable: sortable), .init(.rotationRounds(.subject), key: "subject"),
            .init(.rotationRounds(.stage), key: "stage"), .init(.rotationRounds(.count), key: "count", isNumeric: true),
            .init(.rotationRounds(.kind), key: "kind"), .init(.rotationRounds(.priority), key: "priority", isNumeric: true, isSortable: sortable),
            .init(.rotationRounds(.state), key: "status", isSortable: sortable), .init(.rotationRounds(.checkReason), key: "reason")]
        let checkable = model.needs.contains { $0.checkHref != nil }
        if checkable { columns.append(.init(.rotationRounds(.check), key: "check")) }
        return TableModel(
            id: "rotation-needs", caption: .rotationRounds(.needsCaption), columns: columns,
            rows: rows.map { row in
                let tone: TableModel.Tone = switch row.entry.state { case .pending: .warning; case .accepted: .good; case .rejected: .bad }
                var cells: [TableModel.Cell] = [
                    .text(row.schoolName), .text(row.entry.subject), .phrase(.stage(row.entry.stage)), .number(row.entry.count),
                    .phrase(.rotationRounds(.needKind(row.entry.kind))), .number(row.entry.priority),
                    .badge(.rotationRounds(.needState(row.entry.state)), tone: tone), row.entry.checkReason.map { .text($0) } ?? .empty]
                if checkable { cells.append(row.checkHref.map { .phraseLink(.rotationRounds(.check), href: $0) } ?? .empty) }
                return cells
            },
            sort: sortable ? model.sort : nil, emptyState: .rotationRounds(.noNeeds))
    }

    public static func planTable(_ model: Model) -> TableModel {
        let sortable = model.round.status == .planned
        let rows = ordered(model.assignments, model.sort, { row in
            switch model.sort.key {
            case "teacher": (row.teacherName, 0)
            case "from": (row.fromName, 0)
            case "commute": ("", row.assignment.commuteChangeMetres)
            default: (row.toName, 0)
            }
        }, tieBreak: { $0.toName + $0.teacherName + $0.teacherID })
        let swappable = model.assignments.contains { $0.swapHref != nil }
        var columns: [TableModel.Column] = [
            .init(.rotationRounds(.teacher), key: "teacher", isSortable: sortable), .init(.rotationRounds(.subject), key: "subject"),
            .init(.rotationRounds(.from), key: "from", isSortable: sortable), .init(.rotationRounds(.to), key: "to", isSortable: sortable),
            .init(.rotationRounds(.kind), key: "kind"), .init(.rotationRounds(.key), key: "key"),
            .init(.rotationRounds(.commuteChange), key: "commute", isNumeric: true, isSortable: sortable),
            .init(.rotationRounds(.swapReason), key: "reason")]
        if swappable { columns.append(.init(.rotationRounds(.swap), key: "swap")) }
        return TableModel(
            id: "rotation-plan", caption: .rotationRounds(.planCaption), columns: columns,
            rows: rows.map { row in
                var cells: [TableModel.Cell] = [
                    .link(row.teacherName, href: "/teachers/\(row.teacherID)"), .text(row.subject), .text(row.fromName), .text(row.toName),
                    .phrase(.rotationRounds(.needKind(row.kind))),
                    row.assignment.isKey ? .badge(.rotationRounds(.keyYes), tone: .good) : .phrase(.rotationRounds(.keyNo)),
                    .phrase(.rotationRounds(.kilometres(row.assignment.commuteChangeMetres))), row.assignment.swapReason.map { .text($0) } ?? .empty]
                if swappable { cells.append(row.swapHref.map { .phraseLink(.rotationRounds(.swap), href: $0) } ?? .empty) }
                return cells
            },
            sort: sortable ? model.sort : nil, emptyState: .rotationRounds(.noPlan))
    }

    public static func termsTable(_ model: Model) -> TableModel {
        let statuses = TeacherRotation.Status.allCases
        let rows = ordered(model.terms, model.sort, { row in
            switch model.sort.key {
            case "teacher": (row.teacherName, 0)
            case "from": (row.fromName, 0)
            case "end": (row.term.plannedEnd.description, 0)
            case "status": ("", statuses.firstIndex(of: row.term.status)!)
            default: (row.toName, 0)
            }
        }, tieBreak: { $0.toName + $0.teacherName + $0.teacherID })
        let actionable = model.terms.contains { $0.actHref != nil }
        var columns: [TableModel.Column] = [
            .init(.rotationRounds(.teacher), key: "teacher", isSortable: true), .init(.rotationRounds(.from), key: "from", isSortable: true),
            .init(.rotationRounds(.to), key: "to", isSortable: true), .init(.rotationRounds(.kind), key: "kind"),
            .init(.rotationRounds(.start), key: "start"), .init(.rotationRounds(.plannedEnd), key: "end", isSortable: true),
            .init(.rotationRounds(.status), key: "status", isSortable: true)]
        if actionable { columns.append(.init(.rotationRounds(.act), key: "act")) }
        return TableModel(
            id: "rotation-terms", caption: .rotationRounds(.termsCaption), columns: columns,
            rows: rows.map { row in
                let tone: TableModel.Tone = switch row.term.status {
                case _ where row.isOverdue: .bad
                case .active: .good
                case .returned, .cancelled: .neutral
                case .planned, .approved: .warning
                }
                var cells: [TableModel.Cell] = [
                    .link(row.teacherName, href: "/teachers/\(row.teacherID)"), .text(row.fromName), .text(row.toName),
                    .phrase(.teachers(.rotationKind(row.term.kind))), .phrase(.day(row.term.start)), .phrase(.day(row.term.plannedEnd)),
                    .badge(row.isOverdue ? .rotationRounds(.overdue) : .teachers(.rotationStatus(row.term.status)), tone: tone)]
                if actionable { cells.append(row.actHref.map { .phraseLink(.rotationRounds(.act), href: $0) } ?? .empty) }
                return cells
            },
            sort: model.round.status == .approved ? model.sort : nil, emptyState: .rotationRounds(.noTerms))
    }
}

/// The small pages of one item of a round: the district's check of a need, a swap on the plan,
/// a step of a term, and the confirmation of approve / plan again / reopen.
public enum RotationRoundItemPage {
    public enum Kind: Sendable, Hashable {
        /// The need's facts; accept or send back with a reason.
        case check(RotationRoundPage.NeedRow)
        /// The seat and who may take it instead (teacher id, name, school name, commute change), with a reason.
        case swap(current: RotationRoundPage.AssignmentRow, candidates: [Candidate])
        /// The term and the steps it can take now.
        case term(RotationRoundPage.TermRow, steps: [RotationTermProgress.Step])
        /// An irreversible step of the round, with what will happen.
        case confirm(ConfirmKind, counts: [ConfirmPanel.Count])
    }

    public enum ConfirmKind: String, Sendable, Hashable { case approve, replan, reopen }

    public struct Candidate: Sendable, Hashable {
        public var teacherID: String
        public var name: String
        public var schoolName: String
        public var isKey: Bool
        public var commuteChangeMetres: Int
        public init(teacherID: String, name: String, schoolName: String, isKey: Bool, commuteChangeMetres: Int) {
            self.teacherID = teacherID; self.name = name; self.schoolName = schoolName; self.isKey = isKey; self.commuteChangeMetres = commuteChangeMetres
        }
    }

    public struct Model: Sendable, Hashable {
        public var districtName: String
        public var year: Int
        public var roundHref: String
        /// Where the form posts.
        public var action: String
        public var kind: Kind
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public init(districtName: String, year: Int, roundHref: String, action: String, kind: Kind, values: [String: String] = [:],
                    problem: CampaignPage.Problem? = nil) {
            self.districtName = districtName; self.year = year; self.roundHref = roundHref; self.action = action; self.kind = kind
            self.values = values; self.problem = problem
        }
    }
}
