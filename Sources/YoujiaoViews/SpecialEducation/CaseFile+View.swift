import Plot
import YoujiaoCore

extension CaseFilePage {
    /// The file page; with `printable`, the same file laid out for paper, without forms.
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public var printable: Bool

        public init(chrome: Chrome, model: Model, address: PageAddress, printable: Bool = false) {
            self.chrome = chrome; self.model = model; self.address = address; self.printable = printable
        }

        public var title: Phrase { .caseFileTitle(model.childName) }

        public var content: Component {
            let t = chrome.language
            let editing = printable ? nil : model.editing
            let record = CaseRecord(model: model, editing: editing, csrfToken: chrome.csrfToken, address: address, language: t)
            if printable {
                return Node<HTML.BodyContext>.div(
                    .class("print-file"),
                    .p(.class("links no-print"), .button(.attr("type", "button"), .attribute(named: "data-print"), .words(t(.specialEducation(.print)))),
                       .text(" · "), .a(.attr("href", model.href), .words(t(.specialEducation(.backToFile))))),
                    .p(.class("summary"), .words("\(t(.specialEducation(.printedOn))) \(t(.caseDate(model.today))) · \(t(.specialEducation(.sensitiveNotice)))")),
                    .component(record))
            }
            return Node<HTML.BodyContext>.group(
                .unwrap(editing?.refused) { refused in
                    .p(.class("error"), .id("problem"), .attr("role", "alert"), .attr("data-field", refused.field),
                       .words(t(.specialEducation(.notSaved)) + (t == .zh ? "：" : ": ")),
                       .a(.attr("href", "#\(refused.form)-\(refused.field)"), .words(t(refused.message))))
                },
                .p(.class("links no-print"), .a(.attr("href", "/special-education"), .words(t(.specialEducation(.backToList)))), .text(" · "),
                   .a(.attr("href", model.href + "/print"), .words(t(.specialEducation(.printable))))),
                .component(record))
        }
    }
}

/// The sections of a file, each with its form when the viewer may add to it.
struct CaseRecord: Component {
    var model: CaseFilePage.Model
    var editing: CaseFilePage.Editing?
    var csrfToken: String
    var address: PageAddress
    var language: Language

    private typealias Words = Catalogue.SpecialEducation
    private func w(_ key: Words) -> Phrase { .specialEducation(key) }
    private func date(_ day: CaseDate?) -> TableModel.Cell { day.map { .phrase(.caseDate($0)) } ?? .phrase(w(.none)) }
    private func table(_ id: String, _ caption: Words, _ columns: [(Words, Bool)], _ rows: [[TableModel.Cell]]) -> Node<HTML.BodyContext> {
        .component(DataTable(TableModel(id: id, caption: w(caption),
                                        columns: columns.enumerated().map { TableModel.Column(w($1.0), key: "c\($0)", isNumeric: $1.1) },
                                        rows: rows, emptyState: w(.noneYet)), address: address, language: language))
    }

    var body: Component {
        Node<HTML.BodyContext>.group(facts, assessments, placements, plans, visits, handOvers, staff)
    }

    private var facts: Node<HTML.BodyContext> {
        let m = model
        let placement: TableModel.Cell = m.currentPlacement.map {
            .phrase(Phrase(zh: "\(Phrase.placementKind($0.kind).zh) · \($0.schoolName)", en: "\(Phrase.placementKind($0.kind).en), \($0.schoolName)"))
        } ?? .badge(w(.noPlacement), tone: .bad)
        return .section(.id("summary"), .component(FactList([
            .init(w(.name), .text(m.childName)), .init(w(.idNumber), .maskedID(m.maskedID)), .init(w(.age), .phrase(.ageInYears(m.age))),
            .init(w(.registrySchool), m.registrySchool.map { .text($0) } ?? .phrase(w(.none))), .init(w(.keepingDistrict), .text(m.districtName)),
            .init(w(.currentStage), .phrase(.stage(m.stage))),
            .init(w(.categoryAndLevel), .phrase(Phrase(zh: "\(Phrase.disability(m.category).zh) · \(Phrase.disabilityLevel(m.level).zh)",
                                                      en: "\(Phrase.disability(m.category).en), \(Phrase.disabilityLevel(m.level).en.lowercased())"))),
            .init(w(.openedOn), .phrase(.caseDate(m.openedOn))), .init(w(.currentPlacement), placement),
        ], language: language)))
    }

    private var assessments: Node<HTML.BodyContext> {
        .section(.id("assessments"), .h2(.words(language(w(.assessments)))),
                 table("assessments-table", .assessmentsTable, [(.date, false), (.kind, false), (.assessor, false), (.findings, false)],
                       model.assessments.map { [date($0.date), .phrase(.assessmentKind($0.kind)), .text($0.assessor), .text($0.summary)] }),
                 .unwrap(editing) { _ in
                     form("assessment-form", "/assessments", summary: .addAssessment, button: .saveAssessment, fields: [
                         field("date", .date, .date, model.today.description),
                         field("kind", .kind, .select(AssessmentKind.allCases.map { Choice(value: $0.rawValue, label: .assessmentKind($0)) }), ""),
                         field("assessor", .assessor, .text, ""),
                         field("summary", .findings, .textarea(rows: 6), ""),
                     ])
                 })
    }

    private var placements: Node<HTML.BodyContext> {
        .section(.id("placements"), .h2(.words(language(w(.placementsTable)))),
                 table("placements-table", .placementsTable, [(.placement, false), (.school, false), (.stage, false), (.from, false), (.until, false),
                                                              (.visitsPerMonth, true)],
                       model.placements.map { [.phrase(.placementKind($0.kind)), .text($0.schoolName), .phrase(.stage($0.stage)), date($0.start),
                                               date($0.end), $0.visitsPerMonth.map { .number($0) } ?? .phrase(w(.none))] }),
                 .unwrap(editing) { editing in
                     form("placement-form", "/placements", summary: .newPlacement, button: .savePlacement, fields: [
                         field("kind", .placement, .select(PlacementKind.allCases.map { Choice(value: $0.rawValue, label: .placementKind($0)) }), ""),
                         field("school_id", .placementSchool, .select(editing.placementSchools.map(\.choice)), ""),
                         field("start_date", .startDate, .date, model.today.description),
                         field("end_date", .endDateOptional, .date, "", required: false),
                         field("visits_per_month", .visitsPerMonthHint, .text, "", required: false),
                     ])
                 })
    }

    private var plans: Node<HTML.BodyContext> {
        let t = language
        return .section(
            .id("plans"), .h2(.words(t(w(.plans)))),
            .if(model.plans.isEmpty, .p(.class("empty-state"), .words(t(w(.noPlan))))),
            .forEach(model.plans) { plan in
                let status: Node<HTML.BodyContext>
                switch plan.status {
                case .overdue(let due): status = .strong(.class("error overdue"), .words(t(.caseReviewOverdueSince(due))))
                case .active: status = .words(t(w(.active)))
                case .ended: status = .words(t(w(.ended)))
                }
                return .article(
                    .class("plan"), .id("plan-\(plan.id)"),
                    .h3(.words("\(t(.caseDate(plan.start))) – \(t(.caseDate(plan.end))) · "), status),
                    .p(.words("\(t(w(.plannedReviews)))\(t == .zh ? "：" : ": ")"
                              + (plan.reviewDates.isEmpty ? "—" : t(.list(plan.reviewDates.map(Phrase.caseDate)))))),
                    .h4(.words(t(w(.goals)))),
                    table("plan-\(plan.id)-goals", .goalsTable, [(.goal, false), (.criterion, false), (.targetDate, false), (.latestResult, false)],
                          plan.goals.map { [.text($0.description), .text($0.criterion), date($0.target),
                                            $0.latest.map { .phrase(.goalResult($0)) } ?? .phrase(w(.none))] }),
                    .h4(.words(t(w(.services)))),
                    table("plan-\(plan.id)-services", .servicesTable, [(.domain, false), (.service, false), (.provider, false), (.sessionsPerMonth, true)],
                          plan.services.map { [.phrase(.serviceDomain($0.domain)), .text($0.description), .text($0.provider), .number($0.sessionsPerMonth)] }),
                    .h4(.words(t(w(.reviews)))),
                    table("plan-\(plan.id)-reviews", .reviewsTable, [(.date, false), (.outcome, false), (.summary, false), (.goalResults, false)],
                          plan.reviews.map { review in
                              [date(review.date), .phrase(.reviewOutcome(review.outcome)), .text(review.summary),
                               .phrase(Phrase(zh: review.results.map { Phrase.caseReviewResult(goal: $0.goal, $0.result).zh }.joined(separator: "；"),
                                              en: review.results.map { Phrase.caseReviewResult(goal: $0.goal, $0.result).en }.joined(separator: "; ")))]
                          }),
                    .if(editing != nil && plan.end >= model.today, planForms(plan))
                )
            },
            .unwrap(editing) { _ in
                form("plan-form", "/plans", summary: .newPlan, button: .savePlan, open: model.plans.isEmpty, fields: [
                    field("start_date", .startDate, .date, model.today.description),
                    field("end_date", .endDate, .date, model.today.adding(months: 6).description),
                    field("review_dates", .reviewDates, .text, model.today.adding(months: 3).description, hint: .reviewDatesHint),
                    field("description", .firstGoal, .textarea(rows: 3), "", required: false),
                    field("criterion", .criterionWithGoal, .textarea(rows: 3), "", required: false),
                ])
            })
    }

    private func planForms(_ plan: CaseFilePage.Plan) -> Node<HTML.BodyContext> {
        let base = "/plans/\(PageAddress.encode(plan.id))"
        let results = plan.goals.map { goal in
            FormFieldSpec(name: "result_\(goal.id)", label: .verbatim(goal.description),
                          kind: .select(GoalResult.allCases.map { Choice(value: $0.rawValue, label: .goalResult($0)) }),
                          value: GoalResult.progressing.rawValue, required: true, hint: nil)
        }
        return .group(
            form(CaseFilePage.goalForm(plan.id), base + "/goals", summary: .addGoal, button: .saveGoal, className: "goal-form", fields: [
                field("description", .goal, .textarea(rows: 3), ""),
                field("criterion", .measurableCriterion, .textarea(rows: 3), "", required: false),
                field("target_date", .targetDateOptional, .date, "", required: false),
            ]),
            form(CaseFilePage.serviceForm(plan.id), base + "/services", summary: .addService, button: .saveService, className: "service-form", fields: [
                field("domain", .domain, .select(ServiceDomain.allCases.map { Choice(value: $0.rawValue, label: .serviceDomain($0)) }), ""),
                field("description", .service, .text, ""),
                field("provider", .provider, .text, ""),
                field("sessions_per_month", .sessionsPerMonth, .text, ""),
            ]),
            form(CaseFilePage.reviewForm(plan.id), base + "/reviews", summary: .recordReview, button: .saveReview, className: "review-form", fields: [
                field("date", .date, .date, min(model.today, plan.end).description),
                field("outcome", .outcome, .select(ReviewOutcome.allCases.map { Choice(value: $0.rawValue, label: .reviewOutcome($0)) }), ""),
            ] + results + [field("summary", .summary, .textarea(rows: 4), "")]))
    }

    private var visits: Node<HTML.BodyContext> {
        .unwrap(model.visits) { visits in
            .section(.id("visits"), .h2(.words(language(w(.visitsHeading))))
                     , .unwrap(visits.planned) { planned in .p(.class("summary"), .words(language(.caseVisitsPlanned(planned: planned, done: visits.done ?? 0)))) },
                     table("visits-table", .visitsTable, [(.date, false), (.teacher, false), (.minutes, true), (.content, false)],
                           visits.rows.map { [date($0.date), .text($0.teacher), .number($0.minutes), .text($0.content)] }),
                     .if(editing != nil && visits.planned != nil,
                         form("visit-form", "/visits", summary: .recordVisit, button: .saveVisit, fields: [
                             field("date", .date, .date, model.today.description),
                             field("teacher", .teacher, .text, ""),
                             field("minutes", .minutes, .text, "90"),
                             field("content", .content, .textarea(rows: 4), ""),
                         ])))
        }
    }

    private var handOvers: Node<HTML.BodyContext> {
        .section(.id("handovers"), .h2(.words(language(w(.handOvers)))),
                 table("handovers-table", .handOversTable, [(.date, false), (.fromStage, false), (.toStage, false), (.fromSchool, false),
                                                            (.receivingSchool, false), (.handOverNote, false)],
                       model.handOvers.map { [date($0.date), .phrase(.stage($0.from)), .phrase(.stage($0.to)),
                                              $0.fromSchool.map { .text($0) } ?? .phrase(w(.none)), .text($0.toSchool), .text($0.summary)] }),
                 .unwrap(editing) { editing in
                     .unwrap(model.nextStage) { next in
                         .group(
                             .p(.class("summary no-print"), .words(language(w(.handOverExplained)))),
                             form("handover-form", "/handover", summary: nil, summaryPhrase: .caseStageHandOver(from: model.stage, to: next),
                                  button: .handOver, fields: [
                                      FormFieldSpec(name: "to_stage", label: w(.toStage), kind: .hidden, value: next.rawValue, required: false, hint: nil),
                                      field("date", .handOverDate, .date, model.today.description),
                                      field("kind", .newPlacementKind, .select(PlacementKind.allCases.map { Choice(value: $0.rawValue, label: .placementKind($0)) }), ""),
                                      field("school_id", .receivingSchool, .select(editing.nextStageSchools.map(\.choice)), ""),
                                      field("visits_per_month", .visitsPerMonthHint, .text, "", required: false),
                                      field("summary", .handOverNote, .textarea(rows: 4), ""),
                                  ]))
                     }
                 })
    }

    private var staff: Node<HTML.BodyContext> {
        let t = language
        return .section(
            .id("staff"), .h2(.words(t(w(.staff)))),
            .p(.words(model.staff.isEmpty ? t(w(.noStaff)) : t(.list(model.staff.map(Phrase.caseStaffMember))))),
            .unwrap(editing) { editing in
                .if(!editing.candidates.isEmpty, form("staff-form", "/staff", summary: nil, button: .nameStaffButton, fields: [
                    field("user_id", .nameAdmin, .select(editing.candidates.map { Choice(value: $0.userID, label: .caseStaffMember($0.member)) }), ""),
                ]))
            })
    }

    // MARK: Forms

    /// A field before it knows which form it is in (the form gives it its id, value and error).
    struct FormFieldSpec {
        var name: String, label: Phrase, kind: FormField.Kind, value: String, required: Bool, hint: Phrase?
    }

    private func field(_ name: String, _ label: Words, _ kind: FormField.Kind, _ value: String, required: Bool = true,
                       hint: Words? = nil) -> FormFieldSpec {
        FormFieldSpec(name: name, label: w(label), kind: kind, value: value, required: required, hint: hint.map(w))
    }

    /// A form folded in a `<details>` (open when it came back refused), keeping what was typed
    /// and showing the problem beside its field. Selects and text fields alike: a number typed
    /// as text comes back as typed.
    private func form(_ id: String, _ path: String, summary: Words?, summaryPhrase: Phrase? = nil, button: Words, className: String? = nil,
                      open: Bool = false, fields: [FormFieldSpec]) -> Node<HTML.BodyContext> {
        let t = language
        let refused = editing?.refused?.form == id ? editing?.refused : nil
        let form = Node<HTML.BodyContext>.form(
            .attr("method", "post"), .attr("action", model.href + path), .class(["case-form", className].compactMap { $0 }.joined(separator: " ")),
            .id(id),
            .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", csrfToken)),
            .forEach(fields) { spec in
                .component(FormField(name: spec.name, label: spec.label, kind: spec.kind, value: refused?.values[spec.name] ?? spec.value,
                                     error: refused?.field == spec.name ? refused?.message : nil, hint: spec.hint,
                                     isRequired: spec.required, id: "\(id)-\(spec.name)", language: t))
            },
            .button(.attr("type", "submit"), .words(t(w(button)))))
        guard let title = summaryPhrase ?? summary.map(w) else { return .div(.class("no-print"), form) }
        return .element(named: "details", nodes: [
            .class("no-print"), .flag("open", open || refused != nil),
            .element(named: "summary", nodes: [.words(t(title))]), form])
    }
}

extension CaseFileExistencePage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }
        public var title: Phrase { .specialEducation(.existenceTitle) }
        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.words(t(.caseExistence(name: model.childName, maskedID: model.maskedID)))),
                .p(.class("summary"), .words(t(.specialEducation(.existenceExplained)) + " " + t(.caseAskDistrict(model.districtName)))))
        }
    }
}

extension CaseConfirmPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }
        public var title: Phrase { .caseFileTitle(model.childName) }
        public var content: Component {
            ConfirmPanel(heading: model.heading, consequences: model.consequences, action: model.action, csrfToken: chrome.csrfToken,
                         fields: model.fields.sorted { $0.key < $1.key }.map {
                             FormField(name: $0.key, label: .verbatim($0.key), kind: .hidden, value: $0.value, language: chrome.language)
                         },
                         cancelHref: model.cancelHref, language: chrome.language)
        }
    }
}

extension NewCaseFilePage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }
        public var title: Phrase { .specialEducation(.newFileTitle) }
        public var content: Component {
            let t = chrome.language
            let problem = model.problem
            func field(_ name: String, _ label: Catalogue.SpecialEducation, _ kind: FormField.Kind, fallback: String = "") -> Node<HTML.FormContext> {
                .component(FormField(name: name, label: .specialEducation(label), kind: kind, value: model.values[name] ?? fallback,
                                     error: problem?.field == name ? problem?.message : nil, isRequired: true, language: t))
            }
            return Node<HTML.BodyContext>.group(
                .unwrap(problem) { problem in
                    .p(.class("error"), .id("problem"), .attr("role", "alert"), .attr("data-field", problem.field),
                       .a(.attr("href", "#\(problem.field)"), .words(t(problem.message))))
                },
                .p(.class("summary"), .words(t(.specialEducation(.newFileIntro)))),
                .form(
                    .attr("method", "post"), .attr("action", "/special-education"), .class("case-form"), .id("new-case"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    field("national_id", .pupilIDNumber, .text),
                    field("stage", .currentStage, .select(Stage.caseStages.map { Choice(value: $0.rawValue, label: .stage($0)) })),
                    field("category", .category, .select(DisabilityCategory.allCases.map { Choice(value: $0.rawValue, label: .disability($0)) })),
                    field("level", .level, .select(DisabilityLevel.allCases.map { Choice(value: String($0.rawValue), label: .disabilityLevel($0)) })),
                    field("opened_on", .openedOn, .date),
                    .button(.attr("type", "submit"), .words(t(.specialEducation(.openFile))))))
        }
    }
}
