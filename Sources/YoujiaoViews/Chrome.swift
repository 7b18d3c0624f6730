import YoujiaoCore

/// Everything about the frame of a page that is not the page itself: who is looking, in which
/// language, the menu, the sign-out form's token and a message left by the last action.
public struct Chrome: Sendable {
    public struct Viewer: Sendable, Hashable {
        public var displayName: String
        public var role: Phrase
        public init(displayName: String, role: Phrase) { self.displayName = displayName; self.role = role }
    }

    public var language: Language
    public var navigation: [NavItem]
    /// nil when nobody is signed in (no menu, no sign-out form).
    public var viewer: Viewer?
    /// The session's CSRF token, sent with the sign-out form.
    public var csrfToken: String
    /// Where the language switch leads (the route that sets the language and comes back).
    public var languageSwitchHref: String
    public var flash: Flash?

    public init(language: Language, navigation: [NavItem] = [], viewer: Viewer? = nil, csrfToken: String,
                languageSwitchHref: String? = nil, flash: Flash? = nil) {
        self.language = language
        self.navigation = navigation
        self.viewer = viewer
        self.csrfToken = csrfToken
        self.languageSwitchHref = languageSwitchHref ?? "/lang/\(language.other.rawValue)"
        self.flash = flash
    }
}

public struct NavItem: Sendable, Hashable {
    public var label: Phrase
    public var href: String
    public var isCurrent: Bool
    public init(label: Phrase, href: String, isCurrent: Bool = false) {
        self.label = label; self.href = href; self.isCurrent = isCurrent
    }
}

/// A message left by the last action: "saved" after a save, or why it failed.
public struct Flash: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case success, error }
    public var kind: Kind
    public var message: Phrase
    public init(kind: Kind, message: Phrase) { self.kind = kind; self.message = message }

    public static func success(_ message: Phrase) -> Flash { Flash(kind: .success, message: message) }
    public static func error(_ message: Phrase) -> Flash { Flash(kind: .error, message: message) }
}

extension NavItem {
    /// The menu of each role, with the item for `currentPath` marked current: the item whose
    /// address is the longest prefix of the path (so /schools/123 marks "Schools").
    public static func menu(for scope: AccessScope, currentPath: String) -> [NavItem] {
        let district = PageAddress.encode(scope.districtCode ?? "")
        let school = PageAddress.encode(scope.schoolID ?? "")
        let entries: [(Catalogue.Common, String)]
        switch scope.role {
        case .cityAdmin:
            entries = [(.navCity, "/"), (.navSchools, "/schools"), (.navPlanning, "/planning"),
                       (.navSpecialEducation, "/special-education"), (.navSupervision, "/supervision"),
                       (.navAid, "/aid"), (.navEnrollment, "/enrollment"), (.navZhongkao, "/zhongkao"), (.navExports, "/exports"),
                       (.navKindergartenFees, "/kindergarten-fees"), (.navAccounts, "/admin/users")]
        case .districtAdmin:
            entries = [(.navDistrict, "/districts/\(district)"), (.navSchools, "/schools"), (.navPlanning, "/planning"),
                       (.navSpecialEducation, "/special-education"), (.navSupervision, "/supervision/districts/\(district)"),
                       (.navAid, "/aid"), (.navEnrollment, "/enrollment"), (.navZhongkao, "/zhongkao"), (.navExports, "/exports"),
                       (.navKindergartenFees, "/kindergarten-fees")]
        case .schoolAdmin:
            entries = [(.navMySchool, "/schools/\(school)"), (.navSpecialEducation, "/special-education"),
                       (.navSupervision, "/supervision/schools/\(school)"), (.navAid, "/aid"), (.navZhongkao, "/zhongkao"),
                       (.navKindergartenFees, "/kindergarten-fees")]
        case .teacher:
            entries = [(.navMyRecord, "/teachers/\(PageAddress.encode(scope.teacherID ?? ""))"), (.navHomeVisits, "/schools/\(school)/home-visits"),
                       (.navGrowth, "/schools/\(school)/growth")]
        case .guardian:
            entries = [(.navMyChildren, "/family"), (.navCaseFiles, "/special-education"), (.navSchoolEntry, "/enrollment")]
        }
        func matches(_ href: String) -> Bool {
            href == "/" ? currentPath == "/" : currentPath == href || currentPath.hasPrefix(href + "/")
        }
        let current = entries.map(\.1).filter(matches).max { $0.count < $1.count }
        return entries.map { NavItem(label: $0.0.phrase, href: $0.1, isCurrent: $0.1 == current) }
    }
}
