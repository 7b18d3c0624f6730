import Plot
import YoujiaoCore

/// A family's school entry (入学报名): for each campaign that concerns one of its children, whether
/// the child is registered, the way to register or change it while registration is open, and once
/// published the result with its reason.
public enum FamilyEnrollmentPage {
    public struct Row: Sendable, Hashable {
        public var childName: String
        public var maskedID: String
        public var isRegistered: Bool
        /// The form, while registration is open.
        public var formHref: String?
        /// The placement and why, once published.
        public var result: Phrase?
        public init(childName: String, maskedID: String, isRegistered: Bool, formHref: String?, result: Phrase?) {
            self.childName = childName; self.maskedID = maskedID; self.isRegistered = isRegistered; self.formHref = formHref; self.result = result
        }
    }

    public struct Campaign: Sendable, Hashable {
        public var id: String
        public var name: Phrase
        public var status: CampaignStatus
        public var publicHref: String?
        public var rows: [Row]
        /// The registration window as it stands now.
        public var window: Phrase?
        /// Every change to the dates or the beacon round, in words, oldest first.
        public var notices: [Phrase]
        public init(id: String, name: Phrase, status: CampaignStatus, publicHref: String?, rows: [Row], window: Phrase? = nil, notices: [Phrase] = []) {
            self.id = id; self.name = name; self.status = status; self.publicHref = publicHref; self.rows = rows
            self.window = window; self.notices = notices
        }
    }

    public struct Model: Sendable, Hashable {
        public var campaigns: [Campaign]
        /// The family's children who are 中考 candidates.
        public var zhongkao: [ZhongkaoFamilyResult]
        public init(campaigns: [Campaign], zhongkao: [ZhongkaoFamilyResult] = []) { self.campaigns = campaigns; self.zhongkao = zhongkao }
    }

    public static func zhongkaoTable(_ results: [ZhongkaoFamilyResult]) -> TableModel {
        TableModel(id: "zhongkao-children", caption: .zhongkao(.familyHeading),
                   columns: [.init(.application(.child), key: "child"), .init(.schools(.idNumber), key: "id"),
                             .init(.zhongkao(.candidateNumber), key: "candidate"), .init(.zhongkao(.score), key: "total", isNumeric: true),
                             .init(.familyEnrollment(.result), key: "result")],
                   rows: results.map { row in
                       [.text(row.childName), .maskedID(row.maskedID), .text(row.candidateID), .number(row.total),
                        row.result.map { .phrase($0) } ?? .phrase(.zhongkao(.notAdmittedYet))]
                   })
    }

    public static func table(_ campaign: Campaign) -> TableModel {
        TableModel(id: "children-\(campaign.id)", caption: .familyEnrollment(.childrenTable),
                   columns: [.init(.application(.child), key: "child"), .init(.schools(.idNumber), key: "id"),
                             .init(.familyEnrollment(.registration), key: "registration"), .init(.familyEnrollment(.form), key: "form"),
                             .init(.familyEnrollment(.result), key: "result")],
                   rows: campaign.rows.map { row in
                       [.text(row.childName), .maskedID(row.maskedID),
                        .phrase(.familyEnrollment(row.isRegistered ? .registered : .notRegistered)),
                        row.formHref.map { .phraseLink(.familyEnrollment(row.isRegistered ? .change : .register), href: $0) } ?? .empty,
                        row.result.map { .phrase($0) } ?? .phrase(.familyEnrollment(.noResultYet))]
                   },
                   sort: nil, emptyState: .familyEnrollment(.nothingNow))
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .common(.navSchoolEntry) }

        public var content: Component {
            let t = chrome.language
            guard !model.campaigns.isEmpty || !model.zhongkao.isEmpty else {
                return Node<HTML.BodyContext>.p(.class("empty"), .words(t(.familyEnrollment(.nothingNow))))
            }
            return Node<HTML.BodyContext>.group(.forEach(model.campaigns) { campaign in
                .section(.class("campaign"),
                         .h2(.words(t(campaign.name) + " · " + t(.campaignStatus(campaign.status)))),
                         .unwrap(campaign.window) { .p(.words(t(.campaign(.window)) + (t == .zh ? "：" : ": ") + t($0))) },
                         .if(!campaign.notices.isEmpty, .div(
                            .class("notices"), .attr("role", "note"),
                            .h3(.words(t(.schedule(.noticesHeading)))),
                            .ul(.forEach(campaign.notices) { .li(.words(t($0))) }))),
                         .unwrap(campaign.publicHref) { .p(.a(.attr("href", $0), .words(t(.familyEnrollment(.publicPage))))) },
                         .component(DataTable(FamilyEnrollmentPage.table(campaign), address: PageAddress(path: "/enrollment"), language: t)))
            }, .forEach(Dictionary(grouping: model.zhongkao, by: \.title).sorted { $0.key.zh > $1.key.zh }) { title, results in
                .section(.class("campaign"), .id("zhongkao"),
                         .h2(.words(t(title) + " · " + t(.zhongkao(.status(results[0].status))))),
                         .unwrap(results[0].publicHref) { .p(.a(.attr("href", $0), .words(t(.zhongkao(.verificationLink))))) },
                         .component(DataTable(FamilyEnrollmentPage.zhongkaoTable(results), address: PageAddress(path: "/enrollment"), language: t)))
            })
        }
    }
}
