import Plot

extension SignInPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) {
            self.chrome = chrome
            self.model = model
        }

        public var title: Phrase { .auth(.signIn) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.div(
                .class("sign-in"),
                .unwrap(model.error) { .component(FlashMessage(.error($0), language: t)) },
                .form(
                    .attr("method", "post"), .attr("action", "/login"), .class("stacked"),
                    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                    .input(.attr("type", "hidden"), .attr("name", "next"), .attr("value", model.next)),
                    .component(FormField(name: "username", label: .auth(.userName), value: model.userName,
                                         isRequired: true, autocomplete: "username", language: t)),
                    .component(FormField(name: "password", label: .auth(.password), kind: .password,
                                         isRequired: true, autocomplete: "current-password", language: t)),
                    .button(.attr("type", "submit"), .id("login"), .words(t(.auth(.signIn))))
                ),
                .unwrap(model.identityProviderHref) { href in
                    .div(.class("identity-provider"),
                         .p(.words(t(.auth(.orUse)))),
                         .a(.attr("href", href), .class("button secondary"), .words(t(.auth(.signInWithYiwangtong)))))
                }
            )
        }
    }
}
