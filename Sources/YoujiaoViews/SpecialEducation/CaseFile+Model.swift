import YoujiaoCore

/// One case file as its readers see it: the facts, assessments, placements, plans with goals,
/// services and reviews, home-teaching visits, hand-overs and named staff; for editors, the forms
/// that add to it; and the same file laid out for printing, without forms.
public enum CaseFilePage {
    public struct Model: Sendable {
        public var id: String
        public var childName: String
        /// Masked by Core. The page shows the age, never the birth date (the hidden digits are the birth date).
        public var maskedID: String
        public var age: Int
        public var registrySchool: String?
        public var districtName: String
        public var stage: Stage
        public var category: DisabilityCategory
        public var level: DisabilityLevel
        public var openedOn: CaseDate
        public var currentPlacement: PlacementLine?
        public var assessments: [Assessment]
        /// Latest first.
        public var placements: [Placement]
        /// Latest first.
        public var plans: [Plan]
        /// nil when the child never had home teaching.
        public var visits: Visits?
        public var handOvers: [HandOver]
        public var nextStage: Stage?
        /// In the order they were named.
        public var staff: [StaffMember]
        /// The forms, for those who may add to the file; nil for readers and on the printable file.
        public var editing: Editing?
        /// The day of the page: defaults of the forms, the printed date.
        public var today: CaseDate

        public init(id: String, childName: String, maskedID: String, age: Int, registrySchool: String?, districtName: String, stage: Stage,
                    category: DisabilityCategory, level: DisabilityLevel, openedOn: CaseDate, currentPlacement: PlacementLine?,
                    assessments: [Assessment] = [], placements: [Placement] = [], plans: [Plan] = [], visits: Visits? = nil,
                    handOvers: [HandOver] = [], nextStage: Stage?, staff: [StaffMember] = [], editing: Editing? = nil, today: CaseDate) {
            self.id = id; self.childName = childName; self.maskedID = maskedID; self.age = age; self.registrySchool = registrySchool
            self.districtName = districtName; self.stage = stage; self.category = category; self.level = level; self.openedOn = openedOn
            self.currentPlacement = currentPlacement; self.assessments = assessments; self.placements = placements; self.plans = plans
            self.visits = visits; self.handOvers = handOvers; self.nextStage = nextStage; self.staff = staff; self.editing = editing
            self.today = today
        }

        public var href: String { CaseFilePage.href(of: id) }
    }

    public static func href(of id: String) -> String { "/special-education/\(PageAddress.encode(id))" }

    public struct PlacementLine: Sendable, Hashable {
        public var kind: PlacementKind
        public var schoolName: String
        public init(kind: PlacementKind, schoolName: String) { self.kind = kind; self.schoolName = schoolName }
    }

    public struct Assessment: Sendable, Hashable {
        public var date: CaseDate, kind: AssessmentKind, assessor: String, summary: String
        public init(date: CaseDate, kind: AssessmentKind, assessor: String, summary: String) {
            self.date = date; self.kind = kind; self.assessor = assessor; self.summary = summary
        }
    }

    public struct Placement: Sendable, Hashable {
        public var kind: PlacementKind, schoolName: String, stage: Stage, start: CaseDate, end: CaseDate?, visitsPerMonth: Int?
        public init(kind: PlacementKind, schoolName: String, stage: Stage, start: CaseDate, end: CaseDate?, visitsPerMonth: Int?) {
            self.kind = kind; self.schoolName = schoolName; self.stage = stage; self.start = start; self.end = end; self.visitsPerMonth = visitsPerMonth
        }
    }

    public enum PlanStatus: Sendable, Hashable { case overdue(due: CaseDate), active, ended }

    public struct Plan: Sendable, Hashable {
        public struct Goal: Sendable, Hashable {
            public var id: String, description: String, criterion: String, target: CaseDate?, latest: GoalResult?
            public init(id: String, description: String, criterion: String, target: CaseDate?, latest: GoalResult?) {
                self.id = id; self.description = description; self.criterion = criterion; self.target = target; self.latest = latest
            }
        }
        public struct Service: Sendable, Hashable {
            public var domain: ServiceDomain, description: String, provider: String, sessionsPerMonth: Int
            public init(domain: ServiceDomain, description: String, provider: String, sessionsPerMonth: Int) {
                self.domain = domain; self.description = description; self.provider = provider; self.sessionsPerMonth = sessionsPerMonth
            }
        }
        public struct Review: Sendable, Hashable {
            public var date: CaseDate, outcome: ReviewOutcome, summary: String
            /// (goal, result) in the goals' order.
            public var results: [GoalOutcome]
            public init(date: CaseDate, outcome: ReviewOutcome, summary: String, results: [GoalOutcome]) {
                self.date = date; self.outcome = outcome; self.summary = summary; self.results = results
            }
        }
        public struct GoalOutcome: Sendable, Hashable {
            public var goal: String, result: GoalResult
            public init(goal: String, result: GoalResult) { self.goal = goal; self.result = result }
        }

        public var id: String, start: CaseDate, end: CaseDate, status: PlanStatus, reviewDates: [CaseDate]
        public var goals: [Goal], services: [Service], reviews: [Review]
        public init(id: String, start: CaseDate, end: CaseDate, status: PlanStatus, reviewDates: [CaseDate],
                    goals: [Goal] = [], services: [Service] = [], reviews: [Review] = []) {
            self.id = id; self.start = start; self.end = end; self.status = status; self.reviewDates = reviewDates
            self.goals = goals; self.services = services; self.reviews = reviews
        }
    }

    public struct Visits: Sendable, Hashable {
        public struct Visit: Sendable, Hashable {
            public var date: CaseDate, teacher: String, minutes: Int, content: String
            public init(date: CaseDate, teacher: String, minutes: Int, content: String) {
                self.date = date; self.teacher = teacher; self.minutes = minutes; self.content = content
            }
        }
        /// The current home teaching's visits so far (nil when it is not current).
        public var planned: Int?
        public var done: Int?
        /// Latest first.
        public var rows: [Visit]
        public init(planned: Int?, done: Int?, rows: [Visit]) { self.planned = planned; self.done = done; self.rows = rows }
    }

    public struct HandOver: Sendable, Hashable {
        public var date: CaseDate, from: Stage, to: Stage, fromSchool: String?, toSchool: String, summary: String
        public init(date: CaseDate, from: Stage, to: Stage, fromSchool: String?, toSchool: String, summary: String) {
            self.date = date; self.from = from; self.to = to; self.fromSchool = fromSchool; self.toSchool = toSchool; self.summary = summary
        }
    }

    /// A school a placement may name, with the stages it teaches.
    public struct SchoolChoice: Sendable, Hashable {
        public var id: String, name: String, stages: [Stage]
        public init(id: String, name: String, stages: [Stage]) { self.id = id; self.name = name; self.stages = stages }
        var choice: Choice {
            let stages = Phrase.list(self.stages.map(Phrase.stage))
            return Choice(value: id, label: Phrase(zh: "\(name)（\(stages.zh)）", en: "\(name) (\(stages.en))"))
        }
    }

    /// A named staff member: the display name with the account name, which tells apart two
    /// administrators of the same name.
    public struct StaffMember: Sendable, Hashable {
        public var displayName: String, username: String
        public init(displayName: String, username: String) { self.displayName = displayName; self.username = username }
    }

    public struct StaffChoice: Sendable, Hashable {
        public var userID: String, member: StaffMember
        public init(userID: String, member: StaffMember) { self.userID = userID; self.member = member }
    }

    /// The form that was refused, with what was typed in it and why.
    public struct Refused: Sendable, Hashable {
        /// The form's id (`assessment-form`, `plan-<id>-review`, …).
        public var form: String
        public var values: [String: String]
        /// The field the problem belongs to (`summary`, `school_id`, `result_<goal>`).
        public var field: String
        public var message: Phrase
        public init(form: String, values: [String: String], field: String, message: Phrase) {
            self.form = form; self.values = values; self.field = field; self.message = message
        }
    }

    public struct Editing: Sendable, Hashable {
        public var placementSchools: [SchoolChoice]
        public var nextStageSchools: [SchoolChoice]
        /// School admins of the child's school not yet named.
        public var candidates: [StaffChoice]
        public var refused: Refused?
        public init(placementSchools: [SchoolChoice], nextStageSchools: [SchoolChoice], candidates: [StaffChoice], refused: Refused? = nil) {
            self.placementSchools = placementSchools; self.nextStageSchools = nextStageSchools; self.candidates = candidates; self.refused = refused
        }
    }

    /// The form ids of a plan's own forms.
    public static func goalForm(_ planID: String) -> String { "plan-\(planID)-goal" }
    public static func serviceForm(_ planID: String) -> String { "plan-\(planID)-service" }
    public static func reviewForm(_ planID: String) -> String { "plan-\(planID)-review" }

    /// Limits the forms state and the controller checks.
    public static let maxText = 2000
    public static let maxShortText = 100
}

/// The page for staff whose scope holds the child but who are not among the file's readers.
public enum CaseFileExistencePage {
    public struct Model: Sendable, Hashable {
        public var childName: String
        public var maskedID: String
        public var districtName: String
        public init(childName: String, maskedID: String, districtName: String) {
            self.childName = childName; self.maskedID = maskedID; self.districtName = districtName
        }
    }
}

/// The step before a change that cannot be undone from the page: a hand-over to the next stage,
/// or a new placement that ends the current one.
public enum CaseConfirmPage {
    public struct Model: Sendable, Hashable {
        public var childName: String
        public var heading: Phrase
        public var consequences: [Phrase]
        /// Where the confirmed form posts, with the fields as they were typed.
        public var action: String
        public var fields: [String: String]
        public var cancelHref: String
        public init(childName: String, heading: Phrase, consequences: [Phrase], action: String, fields: [String: String], cancelHref: String) {
            self.childName = childName; self.heading = heading; self.consequences = consequences; self.action = action
            self.fields = fields; self.cancelHref = cancelHref
        }
    }
}

/// The form that opens a case file.
public enum NewCaseFilePage {
    public struct Model: Sendable, Hashable {
        /// The fields as typed (`national_id`, `stage`, `category`, `level`, `opened_on`).
        public var values: [String: String]
        public var problem: (field: String, message: Phrase)? {
            get { problemField.map { ($0, problemMessage ?? .specialEducation(.required)) } }
            set { problemField = newValue?.field; problemMessage = newValue?.message }
        }
        var problemField: String?
        var problemMessage: Phrase?
        public init(values: [String: String], problem: (field: String, message: Phrase)? = nil) {
            self.values = values; self.problem = problem
        }
    }
}
