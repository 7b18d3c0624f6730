/// The page shown when a request fails: a title for the status, one sentence, a way home.
public enum ErrorPage {
    public struct Model: Sendable, Hashable {
        /// The HTTP status (400, 403, 404, 429, 500 …); it chooses the title.
        public var status: Int
        /// What went wrong, in words for the visitor (never a stack trace or an internal message).
        public var message: Phrase

        public init(status: Int, message: Phrase) {
            self.status = status
            self.message = message
        }

        public var title: Phrase {
            switch status {
            case 400: return .errors(.badRequest)
            case 403: return .errors(.forbidden)
            case 404: return .errors(.notFound)
            case 429: return .errors(.tooManyRequests)
            case 500...599: return .errors(.serverError)
            default: return .errors(.otherError)
            }
        }
    }
}
