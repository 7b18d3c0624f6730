import Plot
import YoujiaoCore

private func roundProblem(_ problem: CampaignPage.Problem?, _ t: Language) -> Node<HTML.BodyContext> {
    .unwrap(problem) { problem in
        .div(.class("error-summary"), .attr("role", "alert"), .p(.class("error"), .attr("data-field", problem.field), .words(t(problem.message))))
    }
}

/// A form of one button (and the CSRF token) that posts to `action`.
private func postButton(_ action: String, _ label: Phrase, id: String, csrf: String, _ t: Language) -> Node<HTML.BodyContext> {
    .form(.attr("method", "post"), .attr("action", action), .class("inline"),
          .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", csrf)),
          .button(.attr("type", "submit"), .id(id), .words(t(label))))
}

extension RotationRoundsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .rotationRounds(.roundsTitle(model.districtName)) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                roundProblem(model.problem, t),
                .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t)),
                .component(DataTable(RotationRoundsPage.table(model), address: address, language: t)),
                .if(model.mayOpen, .form(
                    .attr("method", "post"), .attr("action", model.href), .id("open-round"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    .h2(.words(t(.rotationRounds(.open)))),
                    .component(FormField(name: "year", label: .rotationRounds(.year), kind: .number, value: model.typedYear,
                                         error: fieldError(model.problem, "year"), hint: .rotationRounds(.openHint), isRequired: true, language: t)),
                    .button(.attr("type", "submit"), .words(t(.rotationRounds(.open)))))),
                .p(.a(.attr("href", "/districts/\(model.districtCode)/rotation"), .words(t(.teachers(.rotationLink)))))
            )
        }
    }
}

extension RotationRoundPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .rotationRounds(.title(district: model.districtName, year: model.round.year)) }

        public var content: Component {
            let t = chrome.language
            let order = RotationRound.Status.allCases
            let current = order.firstIndex(of: model.round.status)!
            let steps = order.enumerated().map { index, status in
                StepBar.Step(.rotationRounds(.statusName(status)), index < current ? .done : index == current ? .current : .toDo)
            }
            let status = model.round.status
            return Node<HTML.BodyContext>.group(
                .component(StepBar(steps, language: t)),
                roundProblem(model.problem, t),
                .if(!model.mayManage, .p(.class("summary"), .words(t(.rotationRounds(.ownSchoolNote))))),
                facts(t),
                .if(model.mayManage, actions(t)),
                .unwrap(model.needForm) { needForm($0, t) },
                section(RotationRoundPage.needsTable(model), csv: "needs", t),
                .if(status != .collecting || !model.assignments.isEmpty, .group(
                    .if(model.mayManage, .p(.class("summary"), .id("rules-note"), .words(t(.rotationRounds(.rulesNote))))),
                    .if(!model.shortfalls.isEmpty && status == .planned, .group(
                        .h2(.words(t(.rotationRounds(.shortfallsCaption)))),
                        .ul(.id("shortfalls"), .forEach(model.shortfalls) { shortfall in
                            .li(.words(t(.rotationRounds(.shortfall(shortfall)))),
                                .ul(.forEach(shortfall.binding) { .li(.words(t(.rotationRounds(.binding($0))))) }))
                        }))),
                    .if(status == .planned, section(RotationRoundPage.planTable(model), csv: "plan", t)))),
                .if(status == .approved, section(RotationRoundPage.termsTable(model), csv: "terms", t)),
                .p(.a(.attr("href", "/districts/\(model.districtCode)/rotation/rounds"), .words(t(.rotationRounds(.roundsLink)))))
            )
        }

        private func section(_ table: TableModel, csv: String, _ t: Language) -> Node<HTML.BodyContext> {
            .group(
                .if(!table.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: "\(model.href)/\(csv).csv",
                                                                    xlsxPath: "\(model.href)/\(csv).xlsx", language: t))),
                .component(DataTable(table, address: address, language: t)))
        }

        private func facts(_ t: Language) -> Node<HTML.BodyContext> {
            var items: [(Phrase, Node<HTML.BodyContext>)] = [
                (.rotationRounds(.status), .words(t(.rotationRounds(.statusName(model.round.status))))),
                (.rotationRounds(.start), .words(t(.day(model.round.startDate)))),
            ]
            if model.mayManage { items.append((.rotationRounds(.eligible), .span(.id("eligible"), .words(Format.number(model.eligible))))) }
            if let figures = model.figures, model.mayManage {
                func verdict(_ met: Bool) -> Node<HTML.BodyContext> {
                    .span(.class(met ? "badge badge-good" : "badge badge-bad"), .words(t(met ? .rotationRounds(.met) : .rotationRounds(.notMet))))
                }
                items += [
                    (.rotationRounds(.rotated), .group(.span(.id("rotated"), .words(Format.number(figures.rotated))), .text(" "), verdict(figures.quotaMet))),
                    (.rotationRounds(.quotaRequired), .span(.id("quota-required"), .words(Format.number(figures.quotaRequired)))),
                    (.rotationRounds(.keyRotated), .group(.span(.id("key-rotated"), .words(Format.number(figures.keyRotated))), .text(" "),
                                                          verdict(figures.keyShareMet))),
                    (.rotationRounds(.keyRequired), .words(Format.number(figures.keyRequired))),
                    (.rotationRounds(.commuteTotal), .words(t(.rotationRounds(.kilometres(figures.commuteChangeMetres))))),
                ]
            }
            return .dl(.class("facts"), .forEach(items) { term, value in .group(.dt(.words(t(term))), .dd(value)) })
        }

        private func actions(_ t: Language) -> Node<HTML.BodyContext> {
            let csrf = chrome.csrfToken
            switch model.round.status {
            case .collecting:
                return .div(.class("actions"), postButton(model.href + "/plan", .rotationRounds(.makePlan), id: "make-plan", csrf: csrf, t))
            case .planned:
                return .div(.class("actions"),
                            .a(.class("button"), .id("approve"), .attr("href", model.href + "/approve"), .words(t(.rotationRounds(.approve)))),
                            .a(.class("button secondary"), .id("replan"), .attr("href", model.href + "/replan"), .words(t(.rotationRounds(.makePlanAgain)))),
                            .a(.class("button secondary"), .id("reopen"), .attr("href", model.href + "/reopen"), .words(t(.rotationRounds(.reopen)))))
            case .approved:
                return .empty
            }
        }

        private func needForm(_ form: NeedForm, _ t: Language) -> Node<HTML.BodyContext> {
            func value(_ name: String) -> String { form.values[name] ?? "" }
            return .form(
                .attr("method", "post"), .attr("action", model.href + "/needs"), .id("need-form"),
                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                .h2(.words(t(.rotationRounds(.addNeed)))),
                .p(.class("hint"), .words(t(.rotationRounds(.addNeedHint)))),
                .component(FormField(name: "subject", label: .rotationRounds(.subject),
                                     kind: .select(form.subjects.map { Choice(value: $0, label: .verbatim($0)) }), value: value("subject"),
                                     error: fieldError(form.problem, "subject"), isRequired: true, language: t)),
                .component(FormField(name: "stage", label: .rotationRounds(.stage),
                                     kind: .select(form.stages.map { Choice(value: $0.rawValue, label: .stage($0)) }), value: value("stage"),
                                     error: fieldError(form.problem, "stage"), isRequired: true, language: t)),
                .component(FormField(name: "count", label: .rotationRounds(.count), kind: .number, value: value("count").isEmpty ? "1" : value("count"),
                                     error: fieldError(form.problem, "count"), isRequired: true, language: t)),
                .component(FormField(name: "kind", label: .rotationRounds(.kind),
                                     kind: .select(RotationNeedKind.allCases.map { Choice(value: $0.rawValue, label: .rotationRounds(.needKind($0))) }),
                                     value: value("kind"), error: fieldError(form.problem, "kind"), isRequired: true, language: t)),
                .component(FormField(name: "priority", label: .rotationRounds(.priority),
                                     kind: .select([Choice(value: "1", label: .rotationRounds(.priority1)), Choice(value: "2", label: .rotationRounds(.priority2)),
                                                    Choice(value: "3", label: .rotationRounds(.priority3))]),
                                     value: value("priority"), error: fieldError(form.problem, "priority"), isRequired: true, language: t)),
                .button(.attr("type", "submit"), .words(t(.rotationRounds(.saveNeed)))))
        }
    }
}

extension RotationRoundItemPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase {
            switch model.kind {
            case .check: .rotationRounds(.needHeading)
            case .swap(let current, _): .rotationRounds(.swapTitle(current.teacherName))
            case .term(let row, _): .rotationRounds(.termTitle(row.teacherName))
            case .confirm(let kind, _):
                switch kind {
                case .approve: .rotationRounds(.approveHeading)
                case .replan: .rotationRounds(.replanHeading)
                case .reopen: .rotationRounds(.reopenHeading)
                }
            }
        }

        public var content: Component {
            let t = chrome.language
            let back = Node<HTML.BodyContext>.p(.a(.attr("href", model.roundHref), .words(t(.rotationRounds(.backToRound)))))
            let csrf = Node<HTML.FormContext>.input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken))
            let reason = FormField(name: "reason", label: .rotationRounds(.reason), kind: .textarea(rows: 3), value: model.values["reason"] ?? "",
                                   error: fieldError(model.problem, "reason"), language: t)
            func facts(_ items: [(Phrase, String)]) -> Node<HTML.BodyContext> {
                .dl(.class("facts"), .forEach(items) { term, value in .group(.dt(.words(t(term))), .dd(.words(value))) })
            }
            switch model.kind {
            case .check(let row):
                return Node<HTML.BodyContext>.group(
                    roundProblem(model.problem, t),
                    facts([(.rotationRounds(.school), row.schoolName), (.rotationRounds(.subject), row.entry.subject),
                           (.rotationRounds(.stage), t(.stage(row.entry.stage))), (.rotationRounds(.count), Format.number(row.entry.count)),
                           (.rotationRounds(.kind), t(.rotationRounds(.needKind(row.entry.kind)))),
                           (.rotationRounds(.priority), Format.number(row.entry.priority)),
                           (.rotationRounds(.state), t(.rotationRounds(.needState(row.entry.state))))]),
                    .form(.attr("method", "post"), .attr("action", model.action), .id("check-form"), csrf, .component(reason),
                          .div(.class("actions"),
                               .button(.attr("type", "submit"), .attr("name", "decision"), .attr("value", "accept"), .id("accept"),
                                       .words(t(.rotationRounds(.accept)))),
                               .button(.attr("type", "submit"), .attr("name", "decision"), .attr("value", "reject"), .id("reject"), .class("secondary"),
                                       .words(t(.rotationRounds(.reject)))))),
                    back)
            case .swap(let current, let candidates):
                return Node<HTML.BodyContext>.group(
                    roundProblem(model.problem, t),
                    facts([(.rotationRounds(.currentTeacher), current.teacherName), (.rotationRounds(.subject), current.subject),
                           (.rotationRounds(.from), current.fromName), (.rotationRounds(.to), current.toName),
                           (.rotationRounds(.kind), t(.rotationRounds(.needKind(current.kind))))]),
                    candidates.isEmpty ? .p(.class("summary"), .words(t(.rotationRounds(.noCandidates)))) : .form(
                        .attr("method", "post"), .attr("action", model.action), .id("swap-form"), csrf,
                        .component(FormField(
                            name: "replacement", label: .rotationRounds(.replacement),
                            kind: .select(candidates.map { c in
                                Choice(value: c.teacherID, label: Phrase(
                                    zh: "\(c.name)（\(c.schoolName)\(c.isKey ? "，骨干" : "")，\(Phrase.rotationRounds(.kilometres(c.commuteChangeMetres)).zh)）",
                                    en: "\(c.name) (\(c.schoolName)\(c.isKey ? ", key" : ""), \(Phrase.rotationRounds(.kilometres(c.commuteChangeMetres)).en))"))
                            }),
                            value: model.values["replacement"] ?? "", error: fieldError(model.problem, "replacement"), hint: .rotationRounds(.swapHint),
                            isRequired: true, language: t)),
                        .component(FormField(name: "reason", label: .rotationRounds(.reason), kind: .textarea(rows: 3), value: model.values["reason"] ?? "",
                                             error: fieldError(model.problem, "reason"), isRequired: true, language: t)),
                        .button(.attr("type", "submit"), .words(t(.rotationRounds(.saveSwap))))),
                    back)
            case .term(let row, let steps):
                return Node<HTML.BodyContext>.group(
                    roundProblem(model.problem, t),
                    facts([(.rotationRounds(.teacher), row.teacherName), (.rotationRounds(.from), row.fromName), (.rotationRounds(.to), row.toName),
                           (.rotationRounds(.kind), t(.teachers(.rotationKind(row.term.kind)))), (.rotationRounds(.start), t(.day(row.term.start))),
                           (.rotationRounds(.plannedEnd), t(.day(row.term.plannedEnd))),
                           (.rotationRounds(.status), t(row.isOverdue ? .rotationRounds(.overdue) : .teachers(.rotationStatus(row.term.status))))]),
                    .if(!steps.isEmpty, .form(
                        .attr("method", "post"), .attr("action", model.action), .id("term-form"), csrf,
                        .if(steps.contains(.cancelled), .component(reason)),
                        .div(.class("actions"), .forEach(steps) { step in
                            let label: Phrase = switch step {
                            case .arrived: .rotationRounds(.arrived)
                            case .returned: .rotationRounds(.returned)
                            case .cancelled: .rotationRounds(.cancelled)
                            }
                            return .button(.attr("type", "submit"), .attr("name", "step"), .attr("value", step.rawValue), .id("step-\(step.rawValue)"),
                                           .class(step == .cancelled ? "danger" : ""), .words(t(label)))
                        }))),
                    back)
            case .confirm(let kind, let counts):
                let consequences: [Phrase] = switch kind {
                case .approve: [.rotationRounds(.approveConsequence1), .rotationRounds(.approveConsequence2)]
                case .replan: [.rotationRounds(.replanConsequence)]
                case .reopen: [.rotationRounds(.reopenConsequence)]
                }
                return Node<HTML.BodyContext>.group(
                    roundProblem(model.problem, t),
                    .component(ConfirmPanel(heading: title, consequences: consequences, counts: counts, action: model.action,
                                            csrfToken: chrome.csrfToken, cancelHref: model.roundHref, language: t)))
            }
        }
    }
}
