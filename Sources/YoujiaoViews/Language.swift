/// The language of a page: Simplified Chinese by default, English when the visitor chooses it.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case zh, en

    /// The value of `<html lang>` (and of `hreflang` on the language switch).
    public var htmlLang: String {
        switch self {
        case .zh: return "zh-CN"
        case .en: return "en"
        }
    }

    /// The language's name in itself, the label of the link that switches to it.
    public var nativeName: String {
        switch self {
        case .zh: return "中文"
        case .en: return "English"
        }
    }

    /// The language the switch in the header offers.
    public var other: Language { self == .zh ? .en : .zh }

    /// The text of a phrase in this language: `language(.auth(.signIn))`.
    public func callAsFunction(_ phrase: Phrase) -> String { phrase.text(self) }
}
