import Plot

/// The message left by the last action: announced politely on success, at once on error.
public struct FlashMessage: Component {
    public var flash: Flash
    public var language: Language

    public init(_ flash: Flash, language: Language) {
        self.flash = flash
        self.language = language
    }

    public var body: Component {
        Node<HTML.BodyContext>.p(
            .class("flash flash-\(flash.kind.rawValue)"),
            .attr("role", flash.kind == .success ? "status" : "alert"),
            .words(language(flash.message))
        )
    }
}
