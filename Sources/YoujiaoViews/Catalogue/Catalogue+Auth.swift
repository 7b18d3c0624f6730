extension Catalogue {
    /// Signing in and out.
    public enum Auth: PhraseBook {
        case signIn, userName, password, signInWithYiwangtong, orUse, enterBoth, wrongCredentials, passwordTooLong
        case identityNotAGuardian, identityFailed, identityExpired, accountDisabled
        case secondFactorTitle, enrolTitle, enrolSteps, secretForManualEntry, authenticatorCode, codeHint, verify
        case orRecoveryCode, recoveryCode, wrongCode, recoveryCodesTitle, recoveryCodesSentence, continueToSite
        case usersTitle, usersTable, secondFactorEnrolled, secondFactorNotEnrolled, resetSecondFactor, resetSecondFactorDone
        case noStaffUsers, accountName, accountRole

        public var phrase: Phrase {
            switch self {
            case .signIn: return Phrase(zh: "登录", en: "Sign in")
            case .userName: return Phrase(zh: "用户名", en: "User name")
            case .password: return Phrase(zh: "密码", en: "Password")
            case .signInWithYiwangtong: return Phrase(zh: "一网通办登录", en: "Sign in with Yiwangtongban (Shanghai's citizen sign-on)")
            case .orUse: return Phrase(zh: "或使用上海市统一身份认证：", en: "Or use Shanghai's single sign-on:")
            case .enterBoth: return Phrase(zh: "请输入用户名和密码。", en: "Enter your user name and password.")
            case .wrongCredentials: return Phrase(zh: "用户名或密码错误。", en: "Wrong user name or password.")
            case .passwordTooLong: return Phrase(zh: "密码过长。", en: "The password is too long.")
            case .identityNotAGuardian:
                return Phrase(zh: "您已通过一网通办认证，但本市学籍系统中没有以您的身份证件号登记的监护人。请联系孩子所在学校核对监护人信息。",
                              en: "Yiwangtongban confirmed who you are, but no guardian is registered under your ID number. Ask your child's school to check the guardian details.")
            case .accountDisabled:
                return Phrase(zh: "此账号已停用。如需恢复，请联系本单位的系统管理员。", en: "This account is disabled. Ask your system administrator to restore it.")
            case .identityFailed:
                return Phrase(zh: "一网通办登录未能完成，请重试。", en: "Signing in with Yiwangtongban did not complete; please try again.")
            case .secondFactorTitle: return Phrase(zh: "第二步验证", en: "Second step")
            case .enrolTitle: return Phrase(zh: "设置两步验证", en: "Set up two-step sign-in")
            case .enrolSteps:
                return Phrase(zh: "工作人员账号须使用两步验证。请用手机上的身份验证器应用扫描下面的二维码（或手动输入密钥），再填写应用显示的 6 位验证码。",
                              en: "Staff accounts sign in in two steps. Scan the code below with an authenticator app on your phone (or type the key), then enter the 6-digit code it shows.")
            case .secretForManualEntry: return Phrase(zh: "手动输入的密钥", en: "Key for manual entry")
            case .authenticatorCode: return Phrase(zh: "6 位验证码", en: "6-digit code")
            case .codeHint: return Phrase(zh: "身份验证器应用每 30 秒显示一个新验证码。", en: "The authenticator app shows a new code every 30 seconds.")
            case .verify: return Phrase(zh: "验证", en: "Verify")
            case .orRecoveryCode: return Phrase(zh: "手机不在身边？可改用一个恢复码（每个只能用一次）：", en: "No phone at hand? Use a recovery code instead (each works once):")
            case .recoveryCode: return Phrase(zh: "恢复码", en: "Recovery code")
            case .wrongCode: return Phrase(zh: "验证码不正确或已使用过，请等待下一个验证码。", en: "The code is wrong or was already used; wait for the next one.")
            case .recoveryCodesTitle: return Phrase(zh: "请保存恢复码", en: "Keep your recovery codes")
            case .recoveryCodesSentence:
                return Phrase(zh: "两步验证已设置。手机丢失时可用下列恢复码登录，每个只能用一次。它们只显示这一次，请抄写或打印后妥善保管。",
                              en: "Two-step sign-in is set up. If you lose your phone, sign in with one of these codes; each works once. They are shown only now: write them down or print them and keep them safe.")
            case .continueToSite: return Phrase(zh: "继续", en: "Continue")
            case .usersTitle: return Phrase(zh: "工作人员账号", en: "Staff accounts")
            case .usersTable: return Phrase(zh: "工作人员账号与两步验证", en: "Staff accounts and two-step sign-in")
            case .secondFactorEnrolled: return Phrase(zh: "已设置", en: "set up")
            case .secondFactorNotEnrolled: return Phrase(zh: "未设置", en: "not set up")
            case .resetSecondFactor: return Phrase(zh: "重置两步验证", en: "Reset two-step sign-in")
            case .resetSecondFactorDone: return Phrase(zh: "已重置：该同事下次登录时重新设置两步验证。", en: "Reset: your colleague sets up two-step sign-in again at the next sign-in.")
            case .noStaffUsers: return Phrase(zh: "没有工作人员账号。", en: "There are no staff accounts.")
            case .accountName: return Phrase(zh: "用户名", en: "User name")
            case .accountRole: return Phrase(zh: "角色", en: "Role")
            case .identityExpired:
                return Phrase(zh: "登录已超时，请重新开始。", en: "The sign-in took too long; please start again.")
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
