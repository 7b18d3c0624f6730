import YoujiaoCore

/// The words for what the matcher stored about a review entry. The matcher's `detail` is for
/// the log (an age, "list × stage", an English sentence); a page shows it in the catalogue's
/// words, never as stored.
public enum AidWords {
    public static func detail(reason: AidReviewReason?, detail: String) -> Phrase {
        switch reason {
        case .adultID?:
            // The age, not the birth date: a masked number beside a full date gives the number away.
            guard let age = Int(detail), (0...150).contains(age) else { return .verbatim("") }
            return .aidHolderAge(age)
        case .nameMismatch?:
            return .verbatim(detail)
        case .invalidID?:
            return .aid(.invalidID)
        case .noPolicy?:
            let parts = detail.components(separatedBy: " × ")
            if parts.count == 2, let list = EligibilityList(rawValue: parts[0]), let stage = Stage(rawValue: parts[1]) {
                return .aidNoPolicy(list: list, stage: stage)
            }
            return detail.isEmpty ? .verbatim("") : .aid(.entryNotValidThisYear)
        case .notInRegistry?:
            return detail.isEmpty ? .verbatim("") : .aid(.notAdultListing)
        case .leftSchool?, nil:
            return .verbatim("")
        }
    }
}
