import Plot

extension FamilyPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model

        public init(chrome: Chrome, model: Model) {
            self.chrome = chrome
            self.model = model
        }

        public var title: Phrase { .family(.title) }

        public var content: Component {
            let t = chrome.language
            guard !model.children.isEmpty else {
                return Node<HTML.BodyContext>.p(.class("empty-state"), .words(t(.family(.noChildren))))
            }
            return Node<HTML.BodyContext>.group(
                .if(!model.registrations.isEmpty, registrations),
                .section(
                    .class("children"), .attr("aria-labelledby", "children-heading"),
                    .h2(.id("children-heading"), .words(t(.family(.children)))),
                    .forEach(model.children) { child($0) }
                ),
                .if(!model.entryResults.isEmpty, entryResults),
                .if(!model.aidNotices.isEmpty, aidNotices),
                .if(!model.familyEducation.isEmpty, .component(FamilyEducationSectionView(section: model.familyEducation, language: t)))
            )
        }

        private var registrations: Node<HTML.BodyContext> {
            let t = chrome.language
            return .section(
                .class("notice register"), .attr("aria-labelledby", "register-heading"),
                .h2(.id("register-heading"), .words(t(.family(.registerNow)))),
                .p(.words(t(.family(.registerHint)))),
                .ul(.forEach(model.registrations) { registration in
                    .li(.a(.attr("href", registration.applyHref), .class("button"),
                           .words(t(.registerChild(registration.childName, campaign: registration.campaign)))),
                        .text(" "),
                        .span(.class("deadline"), .words(t(.closesOn(registration.closesOn)))))
                })
            )
        }

        private func child(_ child: Child) -> Node<HTML.BodyContext> {
            let t = chrome.language
            let school: TableModel.Cell = child.school.map { .link($0.name, href: $0.href) } ?? .phrase(.family(.notAtSchool))
            return .article(
                .class("card child"),
                .h3(.a(.attr("href", child.href), .words(child.name))),
                .component(FactList([
                    .init(.family(.idNumber), .maskedID(child.maskedID)),
                    .init(.family(.age), child.age.map { .phrase($0) } ?? .phrase(.common(.notRecorded))),
                    .init(.family(.school), school),
                    .init(.family(.grade), child.grade.map { .phrase($0) } ?? .phrase(.common(.notRecorded))),
                ], language: t))
            )
        }

        private var entryResults: Node<HTML.BodyContext> {
            let t = chrome.language
            return .section(
                .class("entry-results"), .attr("aria-labelledby", "results-heading"),
                .h2(.id("results-heading"), .words(t(.family(.entryResults)))),
                .forEach(model.entryResults) { result in
                    .article(
                        .class("card result"),
                        .h3(.words(t(.resultFor(result.childName)))),
                        .p(.class("campaign"), .words(t(result.campaign))),
                        .p(.class("reason"), .words(t(result.reason))),
                        .component(FactList([.init(.family(.applicantNumber), .maskedID(result.applicantID))], language: t)),
                        .p(.a(.attr("href", result.verificationHref), .words(t(.family(.verificationPage)))),
                           .text(" "), .span(.class("hint"), .words(t(.family(.verificationHint)))))
                    )
                }
            )
        }

        private var aidNotices: Node<HTML.BodyContext> {
            let t = chrome.language
            return .section(
                .class("notice aid"), .attr("aria-labelledby", "aid-heading"),
                .h2(.id("aid-heading"), .words(t(.family(.aidNotices)))),
                .ul(.forEach(model.aidNotices) { notice in
                    notice.declined
                        ? .li(.class("declined"), .words(t(.aidDeclined(child: notice.childName, policy: notice.policy, schoolYear: notice.schoolYear))))
                        : .li(
                            .words(t(.aidGranted(child: notice.childName, amount: notice.amount, policy: notice.policy, schoolYear: notice.schoolYear))),
                            .form(
                                .attr("method", "post"), .attr("action", notice.declineAction), .class("inline"),
                                .attr("data-confirm", t(.family(.declineQuestion))),
                                .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                                .button(.attr("type", "submit"), .class("secondary"), .words(t(.family(.declineAid))))
                            )
                        )
                })
            )
        }
    }
}
