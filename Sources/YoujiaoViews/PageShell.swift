import Plot

/// A page: the frame's model, the page's title and its content. Each page's View conforms, so
/// a controller ends with `try SomePage.View(chrome: chrome, model: model).render()`.
public protocol PageView {
    var chrome: Chrome { get }
    var title: Phrase { get }
    var content: Component { get }
}

extension PageView {
    /// The whole document as served.
    public func render() -> String { PageShell(chrome: chrome, title: title, content: content).render() }

    /// The same document with one element per line, for snapshot files people can review.
    public func render(indentedBy indentation: Indentation.Kind) -> String {
        PageShell(chrome: chrome, title: title, content: content).render(indentedBy: indentation)
    }
}

/// The document around every page: doctype and language, the stylesheet, a skip link, the header
/// with a menu that folds away on phones, the title, the last action's message and the footer.
public struct PageShell {
    public var chrome: Chrome
    public var title: Phrase
    public var content: Component

    public init(chrome: Chrome, title: Phrase, content: Component) {
        self.chrome = chrome
        self.title = title
        self.content = content
    }

    public func render(indentedBy indentation: Indentation.Kind? = nil) -> String {
        let t = chrome.language
        let document = HTML(
            .attr("lang", t.htmlLang),
            .head(
                .meta(.attr("charset", "utf-8")),
                .meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.words(t(.pageTitle(title)))]),
                .link(.attr("rel", "stylesheet"), .attr("href", "/static/app.css")),
                .script(.attr("src", "/static/app.js"), .attribute(named: "defer"))
            ),
            .body(
                .a(.class("skip-link"), .attr("href", "#main"), .words(t(.common(.skipToContent)))),
                header,
                .main(
                    .id("main"), .attr("tabindex", "-1"),
                    .h1(.words(t(title))),
                    .unwrap(chrome.flash) { .component(FlashMessage($0, language: t)) },
                    .component(content)
                ),
                .footer(.class("site-footer"), .p(.words(t(.common(.footerPrivacy)))))
            )
        )
        return indentation.map { document.render(indentedBy: $0) } ?? document.render()
    }

    private var header: Node<HTML.BodyContext> {
        let t = chrome.language
        return .header(
            .class("site-header"),
            .a(.class("brand"), .attr("href", "/"), .words(t(.common(.siteTagline)))),
            .if(chrome.viewer != nil || !chrome.navigation.isEmpty, .group(
                // The checkbox folds the menu on phones without script; wider screens hide it.
                .input(.attr("type", "checkbox"), .attr("id", "menu-toggle"), .class("menu-toggle"),
                       .attr("aria-controls", "site-menu")),
                .label(.attr("for", "menu-toggle"), .class("menu-button"), .words(t(.common(.menu))))
            )),
            .div(
                .id("site-menu"), .class("site-menu"),
                .if(!chrome.navigation.isEmpty, .nav(
                    .attr("aria-label", t(.common(.mainMenu))),
                    .ul(.forEach(chrome.navigation) { item in
                        .li(.a(.attr("href", item.href),
                               .if(item.isCurrent, .attr("aria-current", "page")),
                               .words(t(item.label))))
                    })
                )),
                .unwrap(chrome.viewer) { viewer in
                    .div(
                        .class("account"),
                        .span(.class("visually-hidden"), .words(t(.common(.signedInAs)))),
                        .span(.class("who"), .words("\(viewer.displayName) · \(t(viewer.role))")),
                        .form(
                            .attr("method", "post"), .attr("action", "/logout"), .class("inline"),
                            .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                            .button(.attr("type", "submit"), .words(t(.common(.signOut))))
                        )
                    )
                },
                .a(.class("language-switch"), .attr("href", chrome.languageSwitchHref),
                   .attr("lang", t.other.htmlLang), .attr("hreflang", t.other.htmlLang),
                   .attr("title", t(.common(.switchLanguage))),
                   .words(t.other.nativeName))
            )
        )
    }
}
