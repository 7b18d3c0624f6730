import Plot
import YoujiaoCore

extension GrowthSchoolPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }
        public var title: Phrase { .growth(.schoolTitle) }
        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(model.schoolName)),
                .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t)),
                .component(DataTable(GrowthSchoolPage.table(model), address: address, language: t)))
        }
    }
}

extension GrowthDistrictPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }
        public var title: Phrase { .growth(.districtTitle) }
        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(model.districtName)),
                .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t)),
                .component(DataTable(GrowthDistrictPage.table(model), address: address, language: t)))
        }
    }
}

/// The fields of a written record, shared by the class page (teachers: every kind) and the pupil's
/// report (the pupil through the family's account: the kinds a pupil writes).
enum GrowthRecordForm {
    static func fields(values: [String: String], problem: CampaignPage.Problem?, today: CaseDate, kinds: [GrowthRecordKind],
                       language t: Language) -> Node<HTML.FormContext> {
        func value(_ name: String) -> String { values[name] ?? "" }
        let levels = [Choice(value: "", label: .growth(.chooseLevel))] + AwardLevel.allCases.map { Choice(value: $0.rawValue, label: .growth(.awardLevel($0))) }
            + (kinds.contains(where: \.hasHealthGrade) ? HealthGrade.allCases.map { Choice(value: $0.rawValue, label: .growth(.healthGrade($0))) } : [])
        return .group(
            .component(FormField(name: "dimension", label: .growth(.dimension),
                                 kind: .select(GrowthDimension.allCases.map { Choice(value: $0.rawValue, label: .growth(.dimensionName($0))) }),
                                 value: value("dimension"), error: fieldError(problem, "dimension"), isRequired: true, language: t)),
            .component(FormField(name: "kind", label: .growth(.kind), kind: .select(kinds.map { Choice(value: $0.rawValue, label: .growth(.kindName($0))) }),
                                 value: value("kind"), error: fieldError(problem, "kind"), isRequired: true, language: t)),
            .component(FormField(name: "title", label: .growth(.title), value: value("title"), error: fieldError(problem, "title"),
                                 isRequired: true, language: t)),
            .component(FormField(name: "detail", label: .growth(.detail), kind: .textarea(rows: 3), value: value("detail"),
                                 error: fieldError(problem, "detail"), language: t)),
            .component(FormField(name: "date", label: .growth(.date), kind: .date, value: value("date").isEmpty ? today.description : value("date"),
                                 error: fieldError(problem, "date"), isRequired: true, language: t)),
            .component(FormField(name: "hours", label: .growth(.hours), value: value("hours"), error: fieldError(problem, "hours"), language: t)),
            .component(FormField(name: "level", label: .growth(.level), kind: .select(levels), value: value("level"),
                                 error: fieldError(problem, "level"), language: t)))
    }
}

extension GrowthClassPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }
        public var title: Phrase { .growth(.classTitle(school: model.schoolName, model.grade, model.classNumber)) }

        public var content: Component {
            let t = chrome.language
            let formFields: Set<String> = ["student", "dimension", "kind", "title", "detail", "date", "hours", "level"]
            return Node<HTML.BodyContext>.group(
                // A refusal of a step without a field of its own (the selection, the display, the archive) is said at the top.
                .unwrap(model.problem.flatMap { formFields.contains($0.field) || $0.field.hasPrefix("note-") ? nil : $0 }) {
                    .p(.class("error"), .id("problem"), .attr("role", "alert"), .attr("data-field", $0.field), .words(t($0.message)))
                },
                .if(!model.isDisplayedStage, .p(.class("summary"), .words(t(.growth(.lighterVariant))))),
                displaySection(t),
                .if(model.mayWrite, recordForm(t)),
                recordsSection(t),
                .if(model.isDisplayedStage, objectionsSection(t)))
        }

        private func displaySection(_ t: Language) -> Node<HTML.BodyContext> {
            guard model.isDisplayedStage else { return .empty }
            let phase = model.display?.phase(on: model.today)
            return .section(.id("display"),
                .h2(.words(t(.growth(.displayColumn)))),
                .p(.id("display-phase"), .words(t(GrowthSchoolPage.displayPhrase(model.display, today: model.today)))),
                .div(.class("actions"),
                     .unwrap(model.display) { .a(.attr("href", "/growth/displays/\($0.id)"), .id("display-link"), .words(t(.growth(.displayLink)))) },
                     .if(model.mayManage && model.display == nil,
                         .a(.class("button"), .id("open-display"), .attr("href", model.href + "/display"), .words(t(.growth(.openDisplay))))),
                     .if(model.mayManage && phase == .ended,
                         .a(.class("button"), .id("archive"), .attr("href", model.href + "/archive"), .words(t(.growth(.archive)))))))
        }

        private func recordForm(_ t: Language) -> Node<HTML.BodyContext> {
            let pupils = [Choice(value: "", label: .growth(.choosePupil))] + model.pupils.map { Choice(value: $0.studentID, label: .verbatim($0.name)) }
            return .form(.attr("method", "post"), .attr("action", model.href + "/records"), .id("record-form"), csrfField(chrome.csrfToken),
                .h2(.words(t(.growth(.writeHeading)))),
                .p(.class("hint"), .words(t(.growth(.writeHint)))),
                .component(FormField(name: "student", label: .growth(.pupil), kind: .select(pupils), value: model.values["student"] ?? "",
                                     error: fieldError(model.problem, "student"), isRequired: true, language: t)),
                GrowthRecordForm.fields(values: model.values, problem: model.problem, today: model.today, kinds: GrowthRecordKind.allCases, language: t),
                .button(.attr("type", "submit"), .id("save-record"), .words(t(.growth(.save)))))
        }

        private func recordsSection(_ t: Language) -> Node<HTML.BodyContext> {
            let mayToggle = model.mayWrite && model.isDisplayedStage && model.display == nil
            guard mayToggle, !model.records.isEmpty else {
                return .component(DataTable(GrowthClassPage.recordsTable(model), address: address, language: t))
            }
            // While the selection may change, each written or selected record has its button.
            return .section(.id("selection"),
                .component(DataTable(GrowthClassPage.recordsTable(model), address: address, language: t)),
                .ul(.class("selection-actions"), .forEach(model.records.filter { $0.status == .written || $0.status == .selected }) { r in
                    .li(.form(.attr("method", "post"), .attr("action", "\(model.href)/records/\(r.id)/selection"), .class("inline"),
                              csrfField(chrome.csrfToken),
                              .input(.attr("type", "hidden"), .attr("name", "selected"), .attr("value", r.status == .written ? "yes" : "no")),
                              .text(model.name(r.studentID) + " · " + r.title + " "),
                              .button(.attr("type", "submit"), .class(r.status == .written ? "" : "secondary"), .attr("data-record", r.id),
                                      .words(t(r.status == .written ? .growth(.select) : .growth(.unselect))))))
                }))
        }

        private func objectionsSection(_ t: Language) -> Node<HTML.BodyContext> {
            guard model.display != nil else { return .empty }
            return .section(.id("objections"),
                .h2(.words(t(.growth(.objectionsCaption)))),
                model.objections.isEmpty ? .p(.class("empty-state"), .words(t(.growth(.noObjections)))) : .ul(.forEach(model.objections) { o in
                    .li(.p(.strong(.words(o.pupilName + " · " + o.recordTitle)), .text(" "),
                           .span(.class("badge badge-neutral"), .words(t(o.objection.status == .open ? .growth(.open)
                                                                           : o.objection.status == .upheld ? .growth(.upheld) : .growth(.dismissed))))),
                        .p(.words(o.objection.reason)),
                        .unwrap(o.objection.decisionNote) { .p(.class("hint"), .words(t(.growth(.decisionNote)) + (t == .zh ? "：" : ": ") + $0)) },
                        .if(model.mayManage && o.objection.status == .open,
                            .form(.attr("method", "post"), .attr("action", "\(model.href)/objections/\(o.objection.id)"), .class("objection-decision"),
                                  csrfField(chrome.csrfToken),
                                  .component(FormField(name: "note", label: .growth(.decisionNote), kind: .textarea(rows: 2),
                                                       error: fieldError(model.problem, "note-\(o.objection.id)"), isRequired: true,
                                                       id: "note-\(o.objection.id)", language: t)),
                                  .div(.class("actions"),
                                       .button(.attr("type", "submit"), .attr("name", "decision"), .attr("value", "uphold"), .class("danger"),
                                               .words(t(.growth(.uphold)))),
                                       .button(.attr("type", "submit"), .attr("name", "decision"), .attr("value", "dismiss"),
                                               .words(t(.growth(.dismiss))))))))
                }))
        }
    }
}

extension GrowthDisplayPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }
        public var title: Phrase { .growth(.displayTitle) }

        public var content: Component {
            let t = chrome.language
            let running = model.display.phase(on: model.today) == .running
            let shownIDs = Set(model.records.map(\.record.id))
            return Node<HTML.BodyContext>.group(
                .unwrap(model.problem.flatMap { model.problemRecordID.map(shownIDs.contains) == true ? nil : $0 }) {
                    .p(.class("error"), .id("problem"), .attr("role", "alert"), .words(t($0.message)))
                },
                .p(.class("summary"), .words(model.schoolName + " · " + t(.growth(.className(model.display.grade, model.display.classNumber))))),
                .p(.id("display-phase"), .words(t(GrowthSchoolPage.displayPhrase(model.display, today: model.today)))),
                .p(.words(t(.growth(.displayLead)))),
                .ul(.class("display-records"), .forEach(model.records) { item in
                    let r = item.record
                    let typed = model.problemRecordID == r.id ? model.typedReason : ""
                    let problem = model.problemRecordID == r.id ? model.problem : nil
                    return .li(
                        .p(.strong(.words(item.pupil)), .text(" · "), .words(t(.growth(.dimensionName(r.dimension))) + " · " + t(.growth(.kindName(r.kind))))),
                        .p(.words(r.title + (r.detail.isEmpty ? "" : (t == .zh ? "：" : ": ") + r.detail))),
                        .if(running, .element(named: "details", nodes: [
                            .flag("open", problem != nil),
                            .element(named: "summary", nodes: [.words(t(.growth(.raise)))]),
                            .form(.attr("method", "post"), .attr("action", model.action), .class("objection-form"), csrfField(chrome.csrfToken),
                                  .input(.attr("type", "hidden"), .attr("name", "record"), .attr("value", r.id)),
                                  .p(.class("hint"), .words(t(.growth(.raiseHint)))),
                                  .component(FormField(name: "reason", label: .growth(.reason), kind: .textarea(rows: 3), value: typed,
                                                       error: problem?.message, isRequired: true, id: "reason-\(r.id)", language: t)),
                                  .button(.attr("type", "submit"), .words(t(.growth(.raise)))))])))
                }))
        }
    }
}

extension GrowthReportPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }
        public var title: Phrase { .growth(.reportOf(model.studentName)) }

        public var content: Component {
            let t = chrome.language
            let archived = model.records.filter { $0.status == .archived }
            return Node<HTML.BodyContext>.div(.class("print-file"),
                .p(.class("links no-print"), .button(.attr("type", "button"), .attribute(named: "data-print"), .words(t(.growth(.print))))),
                .p(.class("summary"), .words(model.schoolName + " · " + t(.growth(.reportLead)))),
                .unwrap(model.displayHref) { .p(.class("no-print"), .a(.id("display-link"), .attr("href", $0), .words(t(.growth(.displayLink))))) },
                .component(DataTable(GrowthReportPage.summaryTable(model), address: address, language: t)),
                .forEach(GrowthDimension.allCases) { dimension in
                    let mine = archived.filter { $0.dimension == dimension }
                    return .section(.class("report-dimension"),
                        .h2(.words(t(.growth(.dimensionName(dimension))))),
                        mine.isEmpty ? .p(.class("empty-state"), .words(t(.growth(.noRecords)))) : .ul(.forEach(mine) { r in
                            .li(.p(.strong(.words(r.title)), .text(" · "), .words(t(.growth(.kindName(r.kind))) + " · " + t(.day(r.date)))),
                                .if(!r.detail.isEmpty, .p(.words(r.detail))),
                                .forEach(model.corrections[r.id] ?? []) { c in
                                    .p(.class("hint"), .words(t(.growth(.correctedBefore)) + (t == .zh ? "：" : ": ") + c.beforeTitle + " · " + c.reason))
                                },
                                .if(model.mayCorrect, .p(.class("no-print"), .a(.attr("href", "/growth/records/\(r.id)/correct"), .words(t(.growth(.correct)))))))
                        }))
                },
                .unwrap(model.pupilForm) { form in
                    .form(.attr("method", "post"), .attr("action", form.action), .id("pupil-record-form"), .class("no-print"), csrfField(chrome.csrfToken),
                          .h2(.words(t(.growth(.pupilWriteHeading)))),
                          .p(.class("hint"), .words(t(.growth(.pupilWriteHint)))),
                          .unwrap(form.problem.flatMap { $0.field == "student" ? $0 : nil }) {
                              .p(.class("error"), .id("problem"), .attr("role", "alert"), .words(t($0.message)))
                          },
                          GrowthRecordForm.fields(values: form.values, problem: form.problem, today: form.today,
                                                  kinds: GrowthRecordKind.allCases.filter { !$0.isTeacherOnly }, language: t),
                          .button(.attr("type", "submit"), .id("save-pupil-record"), .words(t(.growth(.save)))))
                },
                .if(model.records.contains { $0.status != .archived },
                    .section(.class("no-print"), .id("this-year"), .h2(.words(t(.growth(.recordsCaption)))),
                             .ul(.forEach(model.records.filter { $0.status != .archived }) { r in
                                 .li(.words([t(.growth(.dimensionName(r.dimension))), r.title, t(.growth(.recordStatus(r.status))),
                                             t(.growth(.authorName(r.author)))].joined(separator: " · ")))
                             }))))
        }
    }
}

/// A school administrator's correction of an archived record: the new title and detail, and why.
public enum GrowthCorrectionPage {
    public struct Model: Sendable, Hashable {
        public var record: GrowthRecord
        public var pupilName: String
        public var action: String
        public var backHref: String
        public var values: [String: String]
        public var problem: CampaignPage.Problem?
        public init(record: GrowthRecord, pupilName: String, action: String, backHref: String, values: [String: String] = [:], problem: CampaignPage.Problem? = nil) {
            self.record = record; self.pupilName = pupilName; self.action = action; self.backHref = backHref; self.values = values; self.problem = problem
        }
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }
        public var title: Phrase { .growth(.correctHeading) }
        public var content: Component {
            let t = chrome.language
            let r = model.record
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(model.pupilName + " · " + t(.growth(.dimensionName(r.dimension))) + " · " + t(.day(r.date)))),
                .form(.attr("method", "post"), .attr("action", model.action), .id("correct-form"), csrfField(chrome.csrfToken),
                      .component(FormField(name: "title", label: .growth(.title), value: model.values["title"] ?? r.title,
                                           error: fieldError(model.problem, "title"), isRequired: true, language: t)),
                      .component(FormField(name: "detail", label: .growth(.detail), kind: .textarea(rows: 3), value: model.values["detail"] ?? r.detail,
                                           error: fieldError(model.problem, "detail"), language: t)),
                      .component(ConfirmPanel.reasonField(value: model.values["reason"] ?? "", error: fieldError(model.problem, "reason"), language: t)),
                      .div(.class("actions"), .button(.attr("type", "submit"), .id("save-correction"), .words(t(.growth(.correct)))),
                           .a(.attr("href", model.backHref), .class("cancel"), .words(t(.forms(.cancel)))))))
        }
    }
}

