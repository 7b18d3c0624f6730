extension Catalogue {
    /// Titles and sentences of the error page.
    public enum Errors: PhraseBook {
        case badRequest, forbidden, notFound, tooManyRequests, serverError, otherError, backHome
        case serverErrorSentence

        public var phrase: Phrase {
            switch self {
            case .badRequest: return Phrase(zh: "请求有误", en: "Bad request")
            case .forbidden: return Phrase(zh: "无权访问", en: "Forbidden")
            case .notFound: return Phrase(zh: "未找到", en: "Not found")
            case .tooManyRequests: return Phrase(zh: "请求过于频繁", en: "Too many requests")
            case .serverError: return Phrase(zh: "服务器出错", en: "Server error")
            case .otherError: return Phrase(zh: "出错了", en: "Error")
            case .backHome: return Phrase(zh: "返回首页", en: "Back to the home page")
            case .serverErrorSentence:
                return Phrase(zh: "服务器暂时无法完成请求，请稍后再试。问题已记录。",
                              en: "The server could not complete the request; please try again later. The problem has been logged.")
            }
        }

        public static var parameterisedExamples: [Phrase] { [] }
    }
}
