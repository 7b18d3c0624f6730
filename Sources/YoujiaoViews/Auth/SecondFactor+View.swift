import Plot

extension SecondFactorPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { model.enrolment == nil ? .auth(.secondFactorTitle) : .auth(.enrolTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.div(
                .class("sign-in"),
                .unwrap(model.error) { .component(FlashMessage(.error($0), language: t)) },
                .unwrap(model.enrolment) { enrolment in
                    .group(
                        .p(.words(t(.auth(.enrolSteps)))),
                        .element(named: "figure", nodes: [.class("qr"), .component(QRCodeImage(modules: enrolment.qrModules, label: t(.auth(.enrolTitle))))]),
                        .p(.words(t(.auth(.secretForManualEntry)) + (t == .zh ? "：" : ": ")),
                           .code(.id("totp-secret"), .words(enrolment.secret)))
                    )
                },
                .form(
                    .attr("method", "post"), .attr("action", "/login/second-factor"), .class("stacked"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    .input(.attr("type", "hidden"), .attr("name", "next"), .attr("value", model.next)),
                    .component(FormField(name: "code", label: .auth(.authenticatorCode), hint: .auth(.codeHint),
                                         isRequired: model.enrolment != nil, autocomplete: "one-time-code", language: t)),
                    .if(model.enrolment == nil, .group(
                        .p(.words(t(.auth(.orRecoveryCode)))),
                        .component(FormField(name: "recovery", label: .auth(.recoveryCode), autocomplete: "off", language: t))
                    )),
                    .button(.attr("type", "submit"), .id("verify"), .words(t(.auth(.verify))))
                )
            )
        }
    }
}

extension RecoveryCodesPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .auth(.recoveryCodesTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .component(FlashMessage(.success(.auth(.recoveryCodesSentence)), language: t)),
                .ol(.id("recovery-codes"), .class("recovery-codes"), .forEach(model.codes) { .li(.code(.words($0))) }),
                .p(.a(.class("button"), .attr("href", model.next.isEmpty ? "/" : model.next), .id("continue"), .words(t(.auth(.continueToSite)))))
            )
        }
    }
}

/// A QR code as an SVG drawn by the server: one path of unit squares and a quiet zone of four
/// modules, scaled by CSS, so the page needs no script and no outside service.
public struct QRCodeImage: Component {
    public var modules: [[Bool]]
    public var label: String
    public init(modules: [[Bool]], label: String) { self.modules = modules; self.label = label }

    public var body: Component {
        let size = modules.count + 8
        var path = ""
        for (row, line) in modules.enumerated() {
            for (column, dark) in line.enumerated() where dark { path += "M\(column + 4) \(row + 4)h1v1h-1z" }
        }
        return SVG.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "qr-code"), ("viewBox", "0 0 \(size) \(size)"),
                                   ("role", "img"), ("aria-label", label), ("shape-rendering", "crispEdges")],
                           [SVG.element("rect", [("width", "\(size)"), ("height", "\(size)"), ("fill", "#fff")]),
                            SVG.element("path", [("fill", "#000"), ("d", path)])])
    }
}
