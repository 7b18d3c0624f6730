/// Words for people in both languages. Catalogue phrases come from the `Catalogue` books
/// (`Phrase.common(.home)`, `Phrase.pupils(3)`); a phrase that arrives already in both languages
/// from Core or the database (a placement reason, a policy name) is made with `init(zh:en:)`, and
/// a proper name, the same in both, with `verbatim(_:)`.
public struct Phrase: Sendable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// A name or a figure that reads the same in both languages (a school's name, a masked ID).
    public static func verbatim(_ text: String) -> Phrase { Phrase(zh: text, en: text) }

    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }

    /// Several phrases as one list, joined as each language joins them ("小学、初中" / "Primary, Junior").
    public static func list(_ phrases: [Phrase]) -> Phrase {
        Phrase(zh: phrases.map(\.zh).joined(separator: "、"), en: phrases.map(\.en).joined(separator: ", "))
    }
}

/// One area of the catalogue: an enum whose cases are keys and whose `phrase` switch gives both
/// languages, so a key without its pair does not compile and the completeness test can walk
/// every key through `allCases`.
public protocol PhraseBook: CaseIterable, Hashable, Sendable where AllCases == [Self] {
    var phrase: Phrase { get }
    /// One call of each phrase of this area that takes numbers or names, so the completeness
    /// test reaches them too.
    static var parameterisedExamples: [Phrase] { get }
}

/// The namespace of the catalogue's books; each lives in its own `Catalogue+Area.swift`.
public enum Catalogue {
    /// Every book, for the completeness test. A new book is added here.
    public static var allBooks: [(name: String, keys: [(key: String, phrase: Phrase)], examples: [Phrase])] {
        [entry(Common.self), entry(Tables.self), entry(Forms.self), entry(Auth.self), entry(Family.self), entry(Errors.self), entry(Dashboard.self),
         entry(Schools.self), entry(Campaign.self), entry(Seats.self), entry(Application.self), entry(FamilyEnrollment.self), entry(Exports.self), entry(Planning.self),
         entry(Supervision.self), entry(SpecialEducation.self), entry(Aid.self), entry(Refusals.self), entry(Schedule.self), entry(Zhongkao.self), entry(Teachers.self),
         entry(RotationRounds.self), entry(TeacherReviews.self), entry(TeacherAccounts.self), entry(KindergartenFees.self), entry(Growth.self),
         entry(HomeVisits.self)]
    }

    private static func entry<Book: PhraseBook>(_ book: Book.Type) -> (name: String, keys: [(key: String, phrase: Phrase)], examples: [Phrase]) {
        (String(describing: book), Book.allCases.map { (String(describing: $0), $0.phrase) }, Book.parameterisedExamples)
    }
}

extension Phrase {
    public static func common(_ key: Catalogue.Common) -> Phrase { key.phrase }
    public static func tables(_ key: Catalogue.Tables) -> Phrase { key.phrase }
    public static func forms(_ key: Catalogue.Forms) -> Phrase { key.phrase }
    public static func auth(_ key: Catalogue.Auth) -> Phrase { key.phrase }
    public static func family(_ key: Catalogue.Family) -> Phrase { key.phrase }
    public static func errors(_ key: Catalogue.Errors) -> Phrase { key.phrase }
    public static func dashboard(_ key: Catalogue.Dashboard) -> Phrase { key.phrase }
    public static func schools(_ key: Catalogue.Schools) -> Phrase { key.phrase }
}
