import Foundation

/// The irreversible steps of a campaign (freeze, draw, publish) are taken only after the person has
/// seen what will happen and confirmed it; closing registration before the date families were told
/// needs a written reason, which goes into the log with the name and the time.
public enum CampaignStepGuard {
    public enum Step: String, Sendable, CaseIterable { case freeze, draw, publish }

    /// The refusal of any irreversible step (a campaign's, a 中考 admission's, a rotation round's)
    /// posted without its confirmation.
    public static let unconfirmed = CampaignProblem("confirmed", zh: "请先查看将发生的变化并确认。", en: "Review what will happen and confirm first.")

    /// A reason must say something and stay readable in the log.
    public static let reasonLength = 4...500

    /// Freezing on or before the published closing day cuts the window short for every family.
    public static func freezeIsEarly(_ campaign: Campaign, today: CaseDate) -> Bool {
        campaign.status == .open && today <= campaign.closesOn
    }

    /// Checks a step's confirmation: the confirm box was sent, and an early freeze has its reason.
    /// Returns the reason to log (empty when none is needed).
    public static func check(_ step: Step, campaign: Campaign, confirmed: Bool, reason: String?, today: CaseDate) throws(CampaignProblem) -> String {
        guard confirmed else { throw unconfirmed }
        guard step == .freeze, freezeIsEarly(campaign, today: today) else { return "" }
        let text = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reasonLength.contains(text.count) else {
            throw CampaignProblem("reason", zh: "报名原定 \(campaign.closesOn) 截止；提前截止须写明理由（\(reasonLength.lowerBound)–\(reasonLength.upperBound) 字）。",
                                  en: "Registration was announced to close on \(campaign.closesOn); closing early needs a reason (\(reasonLength.lowerBound)–\(reasonLength.upperBound) characters).")
        }
        return text
    }
}
