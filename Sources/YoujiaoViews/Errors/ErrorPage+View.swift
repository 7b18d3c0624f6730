import Plot

extension ErrorPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) {
            self.chrome = chrome
            self.model = model
        }

        public var title: Phrase { model.title }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.div(
                .class("error-page"),
                .p(.class("error-message"), .words(t(model.message))),
                .p(.a(.attr("href", "/"), .words(t(.errors(.backHome)))))
            )
        }
    }
}
