import Plot

extension ExportQueuePage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .exports(.title) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.words(t(.exports(.rules)))),
                .if(!model.askLinks.isEmpty, .section(
                    .class("exports ask"), .attr("aria-labelledby", "ask-heading"),
                    .h2(.id("ask-heading"), .words(t(.exports(.ask)))),
                    .ul(.forEach(model.askLinks) { .li(.a(.attr("href", $0.href), .words(t($0.label)))) })
                )),
                .section(
                    .class("exports awaiting"), .attr("aria-labelledby", "awaiting-heading"),
                    .h2(.id("awaiting-heading"), .words(t(.exports(.awaitingMe)))),
                    model.awaitingMe.isEmpty ? .p(.class("empty-state"), .words(t(.exports(.noAwaiting))))
                        : .group(.forEach(model.awaitingMe) { card($0) })
                ),
                .section(
                    .class("exports mine"), .attr("aria-labelledby", "mine-heading"),
                    .h2(.id("mine-heading"), .words(t(.exports(.myRequests)))),
                    model.mine.isEmpty ? .p(.class("empty-state"), .words(t(.exports(.noMyRequests))))
                        : .group(.forEach(model.mine) { card($0) })
                )
            )
        }

        /// A request as a card, which reads on a phone as well as on a desk.
        private func card(_ request: Request) -> Node<HTML.BodyContext> {
            let t = chrome.language
            var facts: [FactList.Fact] = [
                .init(.exports(.requestNumber), .text(request.id)),
                .init(.exports(.requester), .text(request.requester)),
                .init(.exports(.requestedAt), .phrase(.beijingTime(request.requestedAt))),
                .init(.exports(.reason), .text(request.reason)),
                .init(.exports(.status), .phrase(request.status)),
            ]
            if let decidedBy = request.decidedBy { facts.append(.init(.exports(.decidedBy), .text(decidedBy))) }
            if !request.note.isEmpty { facts.append(.init(.exports(.note), .text(request.note))) }
            return .article(
                .class("card export-request"),
                .h3(.words(t(request.what))),
                .component(FactList(facts, language: t)),
                .unwrap(request.downloadHref) { .p(.a(.attr("href", $0), .class("button download"), .words(t(.exports(.download))))) },
                .if(request.mayDecide, .div(
                    .class("actions"),
                    .a(.attr("href", request.approveHref), .class("button"), .words(t(.exports(.approve)))),
                    .a(.attr("href", request.refuseHref), .class("button secondary"), .words(t(.exports(.refuse))))
                ))
            )
        }
    }
}

extension ExportRequestFormPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .exports(.requestTitle) }

        public var content: Component {
            let t = chrome.language
            let reason = FormField(name: "reason", label: .exports(.reason), kind: .textarea(rows: 3), value: model.reason, error: model.error,
                                   hint: .exports(.reasonHint), isRequired: true, language: t)
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .strong(.words(t(model.what)))),
                .p(.words(t(.exports(.rules)))),
                .form(
                    .attr("method", "post"), .attr("action", "/exports"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    .forEach(model.hiddenFields.sorted { $0.key < $1.key }) { field in
                        .input(.attr("type", "hidden"), .attr("name", field.key), .attr("value", field.value))
                    },
                    .component(reason),
                    .div(.class("actions"),
                         .button(.attr("type", "submit"), .words(t(.exports(.sendRequest)))),
                         .a(.attr("href", "/exports"), .class("cancel"), .words(t(.forms(.cancel)))))
                )
            )
        }
    }
}

extension ExportDecisionPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { model.approving ? .exports(.approveHeading) : .exports(.refuseHeading) }

        public var content: Component {
            let t = chrome.language
            let request = model.request
            let note = FormField(name: "note", label: .exports(.note), kind: .textarea(rows: 3), value: model.note, error: model.error,
                                 hint: model.approving ? .exports(.noteHint) : .exports(.refusalNoteHint), isRequired: !model.approving, language: t)
            return Node<HTML.BodyContext>.group(
                .article(
                    .class("card export-request"),
                    .h2(.words(t(request.what))),
                    .component(FactList([
                        .init(.exports(.requestNumber), .text(request.id)),
                        .init(.exports(.requester), .text(request.requester)),
                        .init(.exports(.requestedAt), .phrase(.beijingTime(request.requestedAt))),
                        .init(.exports(.reason), .text(request.reason)),
                    ], language: t))
                ),
                .component(ConfirmPanel(
                    heading: title,
                    consequences: model.approving ? [.exports(.approveWhoMayDownload), .exports(.approveWatermark)] : [.exports(.refuseConsequence)],
                    action: model.approving ? request.approveHref : request.refuseHref, csrfToken: chrome.csrfToken, reason: note,
                    confirmLabel: model.approving ? .exports(.approve) : .exports(.refuse), cancelHref: "/exports", language: t))
            )
        }
    }
}
