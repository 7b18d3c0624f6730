extension Catalogue {
    /// Signing in and out.
    public enum Auth: PhraseBook {
        case signIn, userName, password, signInWithYiwangtong, orUse, enterBoth, wrongCredentials, passwordTooLong

        public var phrase: Phrase {
            switch self {
            case .signIn: return Phrase(zh: "登录", en: "Sign in")
            case .userName: return Phrase(zh: "用户名", en: "User name")
            case .password: return Phrase(zh: "密码", en: "Password")
            case .signInWithYiwangtong: return Phrase(zh: "一网通办登录", en: "Sign in with 一网通办")
            case .orUse: return Phrase(zh: "或使用上海市统一身份认证：", en: "Or use Shanghai's single sign-on:")
            case .enterBoth: return Phrase(zh: "请输入用户名和密码。", en: "Enter your user name and password.")
            case .wrongCredentials: return Phrase(zh: "用户名或密码错误。", en: "Wrong user name or password.")
            case .passwordTooLong: return Phrase(zh: "密码过长。", en: "The password is too long.")
            }
        }

        public static var parameterisedExamples: [Phrase] { [.tooManySignIns(minutes: 15)] }
    }
}

extension Phrase {
    /// The account is locked for a while after repeated failures.
    public static func tooManySignIns(minutes: Int) -> Phrase {
        Phrase(zh: "登录失败次数过多，请 \(minutes) 分钟后再试。",
               en: minutes == 1 ? "Too many failed sign-ins; try again in 1 minute." : "Too many failed sign-ins; try again in \(minutes) minutes.")
    }
}
