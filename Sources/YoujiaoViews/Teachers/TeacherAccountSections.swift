import Plot
import YoujiaoCore

/// The parts of a teacher's portrait that depend on who reads it: the rotation decision (everyone
/// who may read the portrait), the home form (the teacher themself), whether a home is on file
/// (staff, never the place), and the account (staff who may issue it).
extension TeacherPortraitPage {
    public struct HomeOnFile: Sendable, Hashable {
        public var source: TeacherHome.Source
        public var updatedOn: CaseDate
        public init(source: TeacherHome.Source, updatedOn: CaseDate) { self.source = source; self.updatedOn = updatedOn }
    }

    /// The teacher's own form; the typed values and the problem come back when it is refused.
    public struct HomeForm: Sendable, Hashable {
        public var action: String
        public var clearAction: String
        public var latitude: String
        public var longitude: String
        public var problem: CampaignPage.Problem?
        public init(action: String, clearAction: String, latitude: String = "", longitude: String = "", problem: CampaignPage.Problem? = nil) {
            self.action = action; self.clearAction = clearAction; self.latitude = latitude; self.longitude = longitude; self.problem = problem
        }
    }

    public struct AccountSection: Sendable, Hashable {
        /// The account's username once issued.
        public var username: String?
        public var action: String
        public var typedUsername: String
        public var problem: Phrase?
        public init(username: String?, action: String, typedUsername: String, problem: Phrase? = nil) {
            self.username = username; self.action = action; self.typedUsername = typedUsername; self.problem = problem
        }
    }

    /// Approved, serving or planned terms not yet over: the decisions a teacher and both schools see.
    static func decisions(_ model: Model, today: CaseDate) -> [Rotation] {
        model.rotations.filter { [.approved, .active, .planned].contains($0.rotation.status) && $0.rotation.plannedEnd >= today }
    }

    static func decisionSection(_ model: Model, today: CaseDate, _ t: Language) -> Node<HTML.BodyContext> {
        let decisions = decisions(model, today: today)
        return .section(.id("decision"),
            .h2(.words(t(.teacherAccounts(.decisionHeading)))),
            decisions.isEmpty ? .p(.class("summary"), .words(t(.teacherAccounts(.noDecision))))
                : .ul(.forEach(decisions) { r in
                    .li(.words(t(.teacherAccounts(.decision(to: r.toName, kind: r.rotation.kind, start: r.rotation.start, end: r.rotation.plannedEnd,
                                                             status: r.rotation.status)))))
                }))
    }

    static func homeSection(_ form: HomeForm, onFile: HomeOnFile?, csrf: String, _ t: Language) -> Node<HTML.BodyContext> {
        let token = Node<HTML.FormContext>.input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", csrf))
        func error(_ field: String) -> Phrase? { form.problem?.field == field ? form.problem?.message : nil }
        return .section(.id("home"),
            .h2(.words(t(.teacherAccounts(.homeHeading)))),
            .p(.id("home-standing"), .words(onFile.map { t(.teacherAccounts(.homeOnFile($0.source, $0.updatedOn))) } ?? t(.teacherAccounts(.homeNone)))),
            .form(.attr("method", "post"), .attr("action", form.action), .id("home-form"), token,
                  .p(.class("hint"), .words(t(.teacherAccounts(.homeHint)))),
                  .component(FormField(name: "latitude", label: .teacherAccounts(.latitude), value: form.latitude, error: error("latitude"),
                                       hint: .teacherAccounts(.latitudeHint), isRequired: true, autocomplete: "off", language: t)),
                  .component(FormField(name: "longitude", label: .teacherAccounts(.longitude), value: form.longitude, error: error("longitude"),
                                       isRequired: true, autocomplete: "off", language: t)),
                  .button(.attr("type", "submit"), .id("save-home"), .words(t(.teacherAccounts(.saveHome))))),
            .if(onFile != nil, .form(.attr("method", "post"), .attr("action", form.clearAction), .class("inline"), token,
                                     .button(.attr("type", "submit"), .class("secondary"), .id("clear-home"), .words(t(.teacherAccounts(.clearHome))))))
        )
    }

    static func accountSection(_ account: AccountSection, csrf: String, _ t: Language) -> Node<HTML.BodyContext> {
        .section(.id("account"),
            .h2(.words(t(.teacherAccounts(.accountHeading)))),
            .unwrap(account.username, { username in
                .group(.unwrap(account.problem) { .p(.class("field-error"), .words(t($0))) },
                       .p(.id("account-standing"), .words(t(.teacherAccounts(.issued)) + " "), .code(.words(username))))
            },
                    else: .form(.attr("method", "post"), .attr("action", account.action), .id("account-form"),
                                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", csrf)),
                                .p(.class("hint"), .words(t(.teacherAccounts(.accountNone)))),
                                .component(FormField(name: "username", label: .teacherAccounts(.username), value: account.typedUsername,
                                                     error: account.problem, hint: .teacherAccounts(.usernameHint), isRequired: true,
                                                     autocomplete: "off", language: t)),
                                .button(.attr("type", "submit"), .id("issue-account"), .words(t(.teacherAccounts(.issue)))))))
    }
}

/// The one time a new teacher account's first password is shown.
public enum TeacherAccountIssuedPage {
    public struct Model: Sendable, Hashable {
        public var teacherName: String
        public var username: String
        public var password: String
        public var backHref: String
        public init(teacherName: String, username: String, password: String, backHref: String) {
            self.teacherName = teacherName; self.username = username; self.password = password; self.backHref = backHref
        }
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .teacherAccounts(.issuedTitle) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .component(FlashMessage(.success(.teacherAccounts(.issuedTitle)), language: t)),
                .p(.words(t(.teacherAccounts(.issuedLead)))),
                .dl(.class("facts"),
                    .dt(.words(t(.teachers(.name)))), .dd(.words(model.teacherName)),
                    .dt(.words(t(.teacherAccounts(.username)))), .dd(.code(.id("issued-username"), .words(model.username))),
                    .dt(.words(t(.teacherAccounts(.password)))), .dd(.code(.id("issued-password"), .words(model.password)))),
                .p(.class("hint"), .words(t(.teacherAccounts(.passwordOnce)))),
                .p(.a(.class("button"), .attr("href", model.backHref), .id("back-to-teacher"), .words(t(.teacherAccounts(.backToTeacher)))))
            )
        }
    }
}
