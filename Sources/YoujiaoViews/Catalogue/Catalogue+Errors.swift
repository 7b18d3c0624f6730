extension Catalogue {
    /// Titles and sentences of the error page.
    public enum Errors: PhraseBook {
        case badRequest, forbidden, notFound, tooManyRequests, serverError, otherError, backHome
        // The sentence under the title when the refusal gave none of its own.
        case badRequestSentence, forbiddenSentence, notFoundSentence, tooManyRequestsSentence, serverErrorSentence, otherErrorSentence

        public var phrase: Phrase {
            switch self {
            case .badRequest: return Phrase(zh: "请求有误", en: "Bad request")
            case .forbidden: return Phrase(zh: "无权访问", en: "Forbidden")
            case .notFound: return Phrase(zh: "未找到", en: "Not found")
            case .tooManyRequests: return Phrase(zh: "请求过于频繁", en: "Too many requests")
            case .serverError: return Phrase(zh: "服务器出错", en: "Server error")
            case .otherError: return Phrase(zh: "出错了", en: "Error")
            case .backHome: return Phrase(zh: "返回首页", en: "Back to the home page")
            case .badRequestSentence: return Phrase(zh: "无法处理这个请求，请检查后重试。", en: "The request could not be understood; check it and try again.")
            case .forbiddenSentence: return Phrase(zh: "您无权访问这个页面。", en: "You may not open this page.")
            case .notFoundSentence: return Phrase(zh: "没有这个页面。", en: "There is no such page.")
            case .tooManyRequestsSentence: return Phrase(zh: "请求过于频繁，请稍后再试。", en: "Too many requests; please try again in a minute.")
            case .otherErrorSentence: return Phrase(zh: "请求未能完成。", en: "The request could not be completed.")
            case .serverErrorSentence:
                return Phrase(zh: "服务器暂时无法完成请求，请稍后再试。问题已记录。",
                              en: "The server could not complete the request; please try again later. The problem has been logged.")
            }
        }

        public static var parameterisedExamples: [Phrase] { [] }
    }
}
