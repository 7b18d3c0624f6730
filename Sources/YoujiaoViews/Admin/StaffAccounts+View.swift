import Plot

extension StaffAccountsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .auth(.usersTitle) }

        public var content: Component {
            let t = chrome.language
            guard !model.accounts.isEmpty else { return Node<HTML.BodyContext>.p(.class("empty-state"), .words(t(.auth(.noStaffUsers)))) }
            return Node<HTML.BodyContext>.div(
                .class("table-scroll"), .attr("role", "region"), .attr("aria-labelledby", "staff-caption"), .attr("tabindex", "0"),
                .table(
                    .class("data-table"),
                    .caption(.id("staff-caption"), .words(t(.auth(.usersTable)))),
                    .thead(.tr(
                        .th(.attr("scope", "col"), .words(t(.auth(.accountName)))),
                        .th(.attr("scope", "col"), .words(t(.auth(.accountRole)))),
                        .th(.attr("scope", "col"), .words(t(.auth(.secondFactorTitle)))),
                        .th(.attr("scope", "col"), .words(t(.auth(.resetSecondFactor))))
                    )),
                    .tbody(.forEach(model.accounts) { account in
                        .tr(
                            .th(.attr("scope", "row"), .words("\(account.displayName) (\(account.username))")),
                            .td(.words(t(account.role))),
                            .td(.words(t(account.secondFactorEnrolled ? .auth(.secondFactorEnrolled) : .auth(.secondFactorNotEnrolled)))),
                            .td(.if(account.secondFactorEnrolled, .form(
                                .attr("method", "post"), .attr("action", account.resetAction), .class("inline"),
                                .attr("data-confirm", t(.auth(.resetSecondFactor)) + (t == .zh ? "？" : "? ") + t(.forms(.cannotBeUndone))),
                                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                                .button(.attr("type", "submit"), .words(t(.auth(.resetSecondFactor)))))))
                        )
                    })
                )
            )
        }
    }
}
