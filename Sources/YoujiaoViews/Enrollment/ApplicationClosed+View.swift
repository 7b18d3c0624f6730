import Plot
import YoujiaoCore

/// Shown instead of the application form when the campaign does not take applications today:
/// why, and where the family goes instead.
public enum ApplicationClosedPage {
    public struct Model: Sendable, Hashable {
        public var campaignName: Phrase
        public var childName: String
        public var status: CampaignStatus
        /// ISO days (yyyy-MM-dd), which compare in date order.
        public var opensOn: String
        public var closesOn: String
        public var today: String
        public init(campaignName: Phrase, childName: String, status: CampaignStatus, opensOn: String, closesOn: String, today: String) {
            self.campaignName = campaignName; self.childName = childName; self.status = status; self.opensOn = opensOn
            self.closesOn = closesOn; self.today = today
        }

        /// The one sentence that says why the form is not open.
        public var reason: Phrase {
            switch status {
            case .draft: return .registrationNotYetOpen(opensOn)
            case .open: return today < opensOn ? .registrationNotYetOpen(opensOn) : .registrationClosed(closesOn)
            case .frozen, .drawn: return .registrationClosed(closesOn)
            case .published: return .resultsPublished
            }
        }
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { model.campaignName }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.div(
                .class("notice closed"),
                .p(.id("application-closed"), .words(t(model.reason))),
                .p(.a(.class("button"), .attr("href", "/family"), .words(t(.family(.backToFamily)))))
            )
        }
    }
}

extension Phrase {
    public static func registrationNotYetOpen(_ day: String) -> Phrase {
        Phrase(zh: "报名尚未开始，将于 \(day) 开放。", en: "Registration has not started; it opens on \(day).")
    }
    public static func registrationClosed(_ day: String) -> Phrase {
        Phrase(zh: "报名已于 \(day) 截止，不能再报名或修改。", en: "Registration closed on \(day); applications can no longer be made or changed.")
    }
    public static var resultsPublished: Phrase {
        Phrase(zh: "结果已发布：请在“我的孩子”页面查看孩子的结果和理由。", en: "The results are published: see your child's result and its reason on the My children page.")
    }
}
