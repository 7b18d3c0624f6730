import Plot
import YoujiaoCore

private func categoryChoices(boarding: Bool) -> [Choice] {
    KindergartenFeeCategory.allCases.filter { boarding || $0 != .boarding }.map { Choice(value: $0.rawValue, label: .kindergartenFees(.category($0))) }
}

extension KindergartenFeePages {
    /// The public list: every kindergarten's fees, searched by district and name, sorted and paged on the server.
    public struct ListView: PageView {
        public var chrome: Chrome
        public var model: ListModel
        public var address: PageAddress
        public init(chrome: Chrome, model: ListModel, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .kindergartenFees(.publicTitle) }

        public var content: Component {
            let t = chrome.language
            let fields = [
                FormField(name: "q", label: .kindergartenFees(.searchName), value: model.text, language: t),
                FormField(name: "district", label: .kindergartenFees(.district),
                          kind: .select([Choice(value: "", label: .kindergartenFees(.allDistricts))]
                                        + model.districtChoices.map { Choice(value: $0.code, label: .verbatim($0.name)) }),
                          value: model.districtCode ?? "", language: t),
            ]
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.kindergartenFees(.publicIntro)))),
                .p(.a(.attr("href", "/public/kindergarten-fees/complaints/new"), .id("complain"), .words(t(.kindergartenFees(.complain)))), .text(" · "),
                   .a(.attr("href", "/public/kindergarten-fees/complaints/status"), .words(t(.kindergartenFees(.statusLink))))),
                .component(FilterForm(action: "/public/kindergarten-fees", fields: fields,
                                      keptSort: address.value("sort") == nil ? nil : model.sort, language: t)),
                .p(.class("summary"), .words(t(.kindergartenFees(.found(model.total))))),
                .if(!model.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: "/public/kindergarten-fees.csv",
                                                                  xlsxPath: "/public/kindergarten-fees.xlsx", language: t))),
                .component(DataTable(KindergartenFeePages.listTable(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t))
            )
        }
    }

    /// One kindergarten's fees; printed, it is the admission brochure's fees section.
    public struct KindergartenView: PageView {
        public var chrome: Chrome
        public var model: KindergartenModel
        public init(chrome: Chrome, model: KindergartenModel) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .kindergartenFees(.schoolTitle(model.row.name)) }

        public var content: Component {
            let t = chrome.language, row = model.row
            var facts: [FactList.Fact] = [
                .init(.kindergartenFees(.district), .text(row.districtName)), .init(.kindergartenFees(.kind), .phrase(kindPhrase(row.kind))),
                .init(.kindergartenFees(.grade), gradeCell(row.grade))]
            if let cap = row.cap { facts.append(.init(.kindergartenFees(.cap), .text(Format.yuan(cap)))) }
            return Node<HTML.BodyContext>.group(
                .component(FactList(facts, language: t)),
                .component(DataTable(KindergartenFeePages.itemsTable(row.items), address: PageAddress(path: "/"), language: t)),
                .p(.class("summary"), .words(t(.kindergartenFees(.publicIntro)))),
                .p(.id("complaint-channel"), .words(t(.kindergartenFees(.complain))), .text(t == .zh ? "：" : ": "),
                   .a(.attr("href", "/public/kindergarten-fees/complaints/new?school=\(row.schoolID)"), .id("complain"),
                      // The address itself, for the printed brochure: a code, not words of the page.
                      .code(.words("/public/kindergarten-fees/complaints/new")))),
                .p(.class("hint no-print"), .words(t(.kindergartenFees(.printHint)))),
                .p(.class("no-print"), .a(.attr("href", "/public/kindergarten-fees"), .words(t(.kindergartenFees(.publicTitle)))))
            )
        }
    }

    /// The parent's complaint form (no sign-in; the CSRF token comes from the visitor's cookie).
    public struct ComplaintFormView: PageView {
        public var chrome: Chrome
        public var model: ComplaintFormModel
        public init(chrome: Chrome, model: ComplaintFormModel) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .kindergartenFees(.complainTitle) }

        public var content: Component {
            let t = chrome.language
            func value(_ name: String) -> String { model.values[name] ?? "" }
            let school: Node<HTML.FormContext> = if let fixed = model.fixed {
                .group(.p(.strong(.text(fixed.name))), .input(.attr("type", "hidden"), .attr("name", "school"), .attr("value", fixed.code)))
            } else {
                .component(FormField(name: "school", label: .kindergartenFees(.kindergarten),
                                     kind: .select([Choice(value: "", label: .kindergartenFees(.chooseKindergarten))]
                                                   + model.choices.map { Choice(value: $0.code, label: .verbatim($0.name)) }),
                                     value: value("school"), error: fieldError(model.problem, "school"), isRequired: true, language: t))
            }
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .words(t(.kindergartenFees(.complainIntro)))),
                problemSummary(model.problem, t),
                .form(
                    .attr("method", "post"), .attr("action", "/public/kindergarten-fees/complaints"), .class("stacked"), .id("complaint-form"),
                    csrfField(chrome.csrfToken), school,
                    .component(FormField(name: "category", label: .kindergartenFees(.category),
                                         kind: .select(categoryChoices(boarding: true)), value: value("category"),
                                         error: fieldError(model.problem, "category"), isRequired: true, language: t)),
                    .component(FormField(name: "item", label: .kindergartenFees(.itemName), value: value("item"),
                                         error: fieldError(model.problem, "item"), isRequired: true, language: t)),
                    .component(FormField(name: "amount", label: .kindergartenFees(.amount), value: value("amount"),
                                         error: fieldError(model.problem, "amount"), language: t)),
                    .component(FormField(name: "description", label: .kindergartenFees(.description), kind: .textarea(rows: 5),
                                         value: value("description"), error: fieldError(model.problem, "description"),
                                         hint: .kindergartenFees(.descriptionHint), isRequired: true, language: t)),
                    .component(FormField(name: "contact", label: .kindergartenFees(.contact), value: value("contact"),
                                         error: fieldError(model.problem, "contact"), hint: .kindergartenFees(.contactHint),
                                         autocomplete: "off", language: t)),
                    .button(.attr("type", "submit"), .words(t(.kindergartenFees(.submitComplaint))))),
                .p(.a(.attr("href", "/public/kindergarten-fees/complaints/status"), .words(t(.kindergartenFees(.statusLink)))))
            )
        }
    }

    /// The status of a complaint by its reference: status and the district's published replies only.
    public struct StatusView: PageView {
        public var chrome: Chrome
        public var model: StatusModel
        public init(chrome: Chrome, model: StatusModel) { self.chrome = chrome; self.model = model }

        public var title: Phrase { model.justFiled ? .kindergartenFees(.filedTitle) : .kindergartenFees(.statusTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .if(model.justFiled, .p(.class("summary"), .words(t(.kindergartenFees(.keepReference))), .text(" "),
                                        .strong(.id("reference"), .text(model.reference ?? "")))),
                .form(.attr("method", "get"), .attr("action", "/public/kindergarten-fees/complaints/status"), .class("filters"),
                      .component(FormField(name: "ref", label: .kindergartenFees(.reference), value: model.typed,
                                           error: model.notFound ? .kindergartenFees(.noSuchReference) : nil, autocomplete: "off", language: t)),
                      .button(.attr("type", "submit"), .words(t(.kindergartenFees(.lookUp))))),
                .unwrap(model.status) { status in
                    .group(
                        .component(FactList([
                            .init(.kindergartenFees(.reference), .text(model.reference ?? "")),
                            .init(.kindergartenFees(.kindergarten), .text(model.kindergartenName)),
                            .init(.kindergartenFees(.filedAt), .phrase(.beijingTime(model.filedAt))),
                            .init(.kindergartenFees(.status), .badge(.kindergartenFees(.status(status)), tone: statusTone(status))),
                        ], language: t)),
                        .h2(.words(t(.kindergartenFees(.replies)))),
                        model.replies.isEmpty ? .p(.words(t(.kindergartenFees(.noReply))))
                            : .ul(.id("replies"), .forEach(model.replies) { reply in
                                .li(.strong(.words(t(.beijingTime(reply.at)))), .text(" "), .words(t(.kindergartenFees(.status(reply.step))))
                                    , .text("："), .text(reply.text))
                            }))
                }
            )
        }
    }

    /// The kindergarten's own form: its items, add one, remove one.
    public struct SchoolView: PageView {
        public var chrome: Chrome
        public var model: SchoolModel
        public init(chrome: Chrome, model: SchoolModel) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .kindergartenFees(.schoolTitle(model.row.name)) }

        public var content: Component {
            let t = chrome.language, row = model.row
            func value(_ name: String) -> String { model.values[name] ?? "" }
            return Node<HTML.BodyContext>.group(
                problemSummary(model.problem, t),
                .component(FactList([.init(.kindergartenFees(.kind), .phrase(kindPhrase(row.kind))), .init(.kindergartenFees(.grade), gradeCell(row.grade)),
                                     .init(.kindergartenFees(.cap), row.cap.map { .text(Format.yuan($0)) } ?? .phrase(.kindergartenFees(.typePrivate)))],
                                    language: t)),
                .p(.class("hint"), .words(t(.kindergartenFees(.capsNote)))),
                .component(DataTable(KindergartenFeePages.itemsTable(row.items), address: PageAddress(path: model.href), language: t)),
                .if(!row.items.isEmpty, .ul(.class("item-actions"), .forEach(Array(zip(row.items, model.itemIDs))) { item, id in
                    .li(.form(.attr("method", "post"), .attr("action", "\(model.href)/\(id)/remove"), .class("inline"), csrfField(chrome.csrfToken),
                              .button(.attr("type", "submit"), .class("secondary"), .id("remove-\(id)"),
                                      .words("\(t(.kindergartenFees(.remove))) \(item.name)"))))
                })),
                .form(
                    .attr("method", "post"), .attr("action", model.href), .class("stacked"), .id("fee-form"), csrfField(chrome.csrfToken),
                    .h2(.words(t(.kindergartenFees(.addItem)))),
                    .p(.class("hint"), .words(t(.kindergartenFees(.addHint)))),
                    .component(FormField(name: "category", label: .kindergartenFees(.category), kind: .select(categoryChoices(boarding: row.boarding)),
                                         value: value("category"), error: fieldError(model.problem, "category"), isRequired: true, language: t)),
                    .component(FormField(name: "name", label: .kindergartenFees(.itemName), value: value("name"),
                                         error: fieldError(model.problem, "name"), isRequired: true, language: t)),
                    .component(FormField(name: "amount", label: .kindergartenFees(.amount), value: value("amount"),
                                         error: fieldError(model.problem, "amount"), isRequired: true, language: t)),
                    .component(FormField(name: "period", label: .kindergartenFees(.period),
                                         kind: .select([Choice(value: "month", label: .kindergartenFees(.perMonth)),
                                                        Choice(value: "day", label: .kindergartenFees(.perDay))]),
                                         value: value("period"), error: fieldError(model.problem, "period"), isRequired: true, language: t)),
                    .component(FormField(name: "covers", label: .kindergartenFees(.covers), value: value("covers"),
                                         error: fieldError(model.problem, "covers"), language: t)),
                    .button(.attr("type", "submit"), .words(t(.forms(.save))))),
                .p(.a(.attr("href", "/public/kindergarten-fees/\(row.schoolID)"), .words(t(.kindergartenFees(.publicLink)))))
            )
        }
    }

    /// The district's overview: fee against cap per kindergarten (chart and table), the ones not
    /// published, complaints by status.
    public struct DistrictView: PageView {
        public var chrome: Chrome
        public var model: DistrictModel
        public var address: PageAddress
        public init(chrome: Chrome, model: DistrictModel, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .kindergartenFees(.districtTitle(model.districtName)) }

        public var content: Component {
            let t = chrome.language
            let charted = model.rows.filter { $0.careFee != nil }.sorted { ($0.name, $0.schoolID) < ($1.name, $1.schoolID) }
            let fees = charted.map { row in min(row.careFee!.fen, row.cap?.fen ?? row.careFee!.fen) / 100 }
            let room = charted.map { row in row.cap.map { max($0.fen - row.careFee!.fen, 0) / 100 } ?? 0 }
            let over = charted.map { row in row.cap.map { max(row.careFee!.fen - $0.fen, 0) / 100 } ?? 0 }
            let unpublished = model.rows.filter { !$0.isPublished }
            return Node<HTML.BodyContext>.group(
                .if(model.districtChoices.count > 1, .form(
                    .attr("method", "get"), .attr("action", "/kindergarten-fees"), .class("filters"),
                    .component(FormField(name: "district", label: .kindergartenFees(.district),
                                         kind: .select(model.districtChoices.map { Choice(value: $0.code, label: .verbatim($0.name)) }),
                                         value: model.districtCode, language: t)),
                    .button(.attr("type", "submit"), .words(t(.kindergartenFees(.lookUp)))))),
                .p(.a(.attr("href", "/districts/\(model.districtCode)/fee-complaints"), .id("queue-link"), .words(t(.kindergartenFees(.queueLink))))),
                .h2(.words(t(.kindergartenFees(.complaintCounts)))),
                .dl(.class("facts"), .id("complaint-counts"), .forEach(FeeComplaint.Status.allCases) { status in
                    .group(.dt(.words(t(.kindergartenFees(.status(status))))),
                           .dd(.a(.attr("href", "/districts/\(model.districtCode)/fee-complaints?status=\(status.rawValue)"),
                                  .words(Format.number(model.counts[status] ?? 0)))))
                }),
                .h2(.words(t(.kindergartenFees(.chartTitle)))),
                .element(named: "figure", nodes: [.class("chart-box"), .component(BarChart(
                    title: .kindergartenFees(.chartTitle), categories: charted.map { Self.chartLabel($0.name, district: model.districtName) },
                    series: [.init(name: .kindergartenFees(.withinCap), colour: "#2f6db5", values: fees),
                             .init(name: .kindergartenFees(.roomToCap), colour: "#c9d6e8", values: room),
                             .init(name: .kindergartenFees(.overCap), colour: "#c0392b", values: over)],
                    language: t))]),
                .p(.class("hint"), .words(t(.kindergartenFees(.capsNote))), .text(" "), .words(t(.kindergartenFees(.capDefaultNote)))),
                .h2(.words(t(.kindergartenFees(.unpublishedCaption)))),
                unpublished.isEmpty ? .p(.words(t(.kindergartenFees(.allPublished))))
                    : .ul(.id("unpublished"), .forEach(unpublished) { .li(.text($0.name)) }),
                .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t)),
                .component(DataTable(KindergartenFeePages.districtTable(model), address: address, language: t))
            )
        }
    }
}

extension KindergartenFeePages.DistrictView {
    /// The chart's room for a label is about seven characters: the city, the district and the word
    /// 幼儿园 say nothing there (the table below names each kindergarten in full).
    static func chartLabel(_ name: String, district: String) -> String {
        var label = name
        for part in ["上海市", district] where label.hasPrefix(part) { label.removeFirst(part.count) }
        if label.hasSuffix("幼儿园"), label.count > 3 { label.removeLast(3) }
        return label.count > 7 ? String(label.prefix(6)) + "…" : label
    }
}

extension KindergartenFeePages {
    /// The district's complaint queue.
    public struct QueueView: PageView {
        public var chrome: Chrome
        public var model: QueueModel
        public var address: PageAddress
        public init(chrome: Chrome, model: QueueModel, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .kindergartenFees(.queueTitle(model.districtName)) }

        public var content: Component {
            let t = chrome.language
            let fields = [
                FormField(name: "q", label: .kindergartenFees(.searchComplaint), value: model.text, language: t),
                FormField(name: "status", label: .kindergartenFees(.status),
                          kind: .select([Choice(value: "", label: .kindergartenFees(.allStatuses))]
                                        + FeeComplaint.Status.allCases.map { Choice(value: $0.rawValue, label: .kindergartenFees(.status($0))) }),
                          value: model.status?.rawValue ?? "", language: t),
            ]
            return Node<HTML.BodyContext>.group(
                .component(FilterForm(action: model.href, fields: fields, keptSort: address.value("sort") == nil ? nil : model.sort, language: t)),
                .p(.class("summary"), .words(t(.kindergartenFees(.found(model.total))))),
                .if(!model.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t))),
                .component(DataTable(KindergartenFeePages.queueTable(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t)),
                .p(.a(.attr("href", "/districts/\(model.districtCode)/kindergarten-fees"), .words(t(.kindergartenFees(.districtLink)))))
            )
        }
    }

    /// One complaint for the district: what the parent wrote, the contact, the decisions, the next decision.
    public struct ComplaintView: PageView {
        public var chrome: Chrome
        public var model: ComplaintModel
        public init(chrome: Chrome, model: ComplaintModel) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .kindergartenFees(.complaintTitle(model.complaint.reference)) }

        public var content: Component {
            let t = chrome.language, c = model.complaint
            func value(_ name: String) -> String { model.values[name] ?? "" }
            let queue = "/districts/\(model.districtCode)/fee-complaints"
            return Node<HTML.BodyContext>.group(
                problemSummary(model.problem, t),
                .component(FactList([
                    .init(.kindergartenFees(.kindergarten), .text(model.kindergartenName)),
                    .init(.kindergartenFees(.category), .phrase(.kindergartenFees(.category(c.category)))),
                    .init(.kindergartenFees(.itemName), .text(c.itemName)),
                    .init(.kindergartenFees(.amount), c.amount.map { .text(Format.yuan($0)) } ?? .empty),
                    .init(.kindergartenFees(.filedAt), .phrase(.beijingTime(model.filedAt))),
                    .init(.kindergartenFees(.status), .badge(.kindergartenFees(.status(c.status)), tone: statusTone(c.status))),
                    .init(.kindergartenFees(.description), .text(c.description)),
                    .init(.kindergartenFees(.contactPersonal), c.contact.map { .text($0) } ?? .phrase(.kindergartenFees(.noContact))),
                ], language: t)),
                .component(DataTable(KindergartenFeePages.decisionsTable(model.decisions), address: PageAddress(path: model.href), language: t)),
                decisionForm(t, value),
                .p(.a(.attr("href", queue), .words(t(.kindergartenFees(.backToQueue)))))
            )
        }

        private func decisionForm(_ t: Language, _ value: (String) -> String) -> Node<HTML.BodyContext> {
            if let step = model.confirming {
                var consequences: [Phrase] = [.kindergartenFees(.stepName(step)), .kindergartenFees(.confirmConsequence)]
                if !value("reply").isEmpty { consequences.append(.kindergartenFees(.confirmConsequenceReply)) }
                return .component(ConfirmPanel(
                    heading: .kindergartenFees(.confirmHeading), consequences: consequences, action: model.href, csrfToken: chrome.csrfToken,
                    fields: [FormField(name: "step", label: .kindergartenFees(.step), kind: .hidden, value: step.rawValue, language: t),
                             FormField(name: "seen", label: .kindergartenFees(.status), kind: .hidden, value: model.complaint.status.rawValue, language: t),
                             FormField(name: "note", label: .kindergartenFees(.note), kind: .textarea(rows: 3), value: value("note"),
                                       error: fieldError(model.problem, "note"), isRequired: true, language: t),
                             FormField(name: "reply", label: .kindergartenFees(.reply), kind: .textarea(rows: 3), value: value("reply"),
                                       error: fieldError(model.problem, "reply"), hint: .kindergartenFees(.replyHint), language: t)],
                    cancelHref: model.href, language: t))
            }
            guard !model.steps.isEmpty else { return .p(.class("summary"), .id("closed"), .words(t(.kindergartenFees(.closedNote)))) }
            return .form(
                .attr("method", "post"), .attr("action", model.href), .class("stacked"), .id("decision-form"), csrfField(chrome.csrfToken),
                .input(.attr("type", "hidden"), .attr("name", "seen"), .attr("value", model.complaint.status.rawValue)),
                .h2(.words(t(.kindergartenFees(.decide)))),
                .component(FormField(name: "step", label: .kindergartenFees(.step),
                                     kind: .select(model.steps.map { Choice(value: $0.rawValue, label: .kindergartenFees(.stepName($0))) }),
                                     value: value("step"), error: fieldError(model.problem, "step"), isRequired: true, language: t)),
                .component(FormField(name: "note", label: .kindergartenFees(.note), kind: .textarea(rows: 3), value: value("note"),
                                     error: fieldError(model.problem, "note"), hint: .kindergartenFees(.noteHint), isRequired: true, language: t)),
                .component(FormField(name: "reply", label: .kindergartenFees(.reply), kind: .textarea(rows: 3), value: value("reply"),
                                     error: fieldError(model.problem, "reply"), hint: .kindergartenFees(.replyHint), language: t)),
                .button(.attr("type", "submit"), .words(t(.kindergartenFees(.saveDecision)))))
        }
    }
}
