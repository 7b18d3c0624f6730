import YoujiaoCore

extension Catalogue {
    /// A teacher's own account: the home the rotation commute is measured from, and the account
    /// their school or district issues.
    public enum TeacherAccounts: PhraseBook {
        case homeHeading, homeHint, latitude, longitude, latitudeHint, saveHome, clearHome, homeNone, homeSaved, homeCleared
        case latitudeNotANumber, longitudeNotANumber, latitudeOutOfRange, longitudeOutOfRange, homeFact, homeNoneStaff
        case accountHeading, accountNone, username, usernameHint, issue, issuedTitle, issuedLead, password, passwordOnce
        case issued, backToTeacher, decisionHeading, noDecision, usernameInvalid, usernameTaken, accountExists, ownRecordOnly

        public var phrase: Phrase {
            switch self {
            case .homeHeading: Phrase(zh: "家庭住址（用于交流轮岗通勤计算）", en: "Home (for the rotation commute)")
            case .homeHint: Phrase(zh: "填写住址的经纬度（十进制度，可从地图应用复制）。只保留到约 100 米，加密保存，区、校管理员看不到具体位置，只用于计算交流前后的通勤距离。未填写时以您现在的学校代替。",
                                   en: "Enter your home's latitude and longitude (decimal degrees, as a map app shows them). Kept to about 100 m and sealed; officials never see the place, only the planner uses it for the commute before and after a rotation. Without it your current school stands in.")
            case .latitude: Phrase(zh: "纬度", en: "Latitude")
            case .longitude: Phrase(zh: "经度", en: "Longitude")
            case .latitudeHint: Phrase(zh: "例如 31.2304", en: "e.g. 31.2304")
            case .saveHome: Phrase(zh: "保存住址", en: "Save home")
            case .clearHome: Phrase(zh: "删除住址", en: "Remove home")
            case .homeNone: Phrase(zh: "尚未登记住址：交流轮岗方案以您现在的学校代替住址计算通勤。", en: "No home on file: the rotation plan measures your commute from your current school.")
            case .homeSaved: Phrase(zh: "住址已保存。", en: "Your home was saved.")
            case .homeCleared: Phrase(zh: "住址已删除。", en: "Your home was removed.")
            case .latitudeNotANumber: Phrase(zh: "纬度应是十进制数，例如 31.2304。", en: "The latitude must be a decimal number such as 31.2304.")
            case .longitudeNotANumber: Phrase(zh: "经度应是十进制数，例如 121.4737。", en: "The longitude must be a decimal number such as 121.4737.")
            case .latitudeOutOfRange: Phrase(zh: "纬度应在 -90 到 90 之间。", en: "The latitude must be from -90 to 90.")
            case .longitudeOutOfRange: Phrase(zh: "经度应在 -180 到 180 之间。", en: "The longitude must be from -180 to 180.")
            case .homeFact: Phrase(zh: "住址（通勤计算）", en: "Home (commute)")
            case .homeNoneStaff: Phrase(zh: "未登记，以所在学校代替", en: "Not on file; the current school stands in")
            case .accountHeading: Phrase(zh: "教师账号", en: "Teacher account")
            case .accountNone: Phrase(zh: "尚未开通。开通后，教师本人可以查看自己的档案和交流轮岗决定，并登记住址。", en: "Not issued yet. With an account the teacher reads their own record and rotation decision and enters their home.")
            case .username: Phrase(zh: "用户名", en: "Username")
            case .usernameHint: Phrase(zh: "3–40 个小写字母、数字或 . _ -", en: "3–40 lower-case letters, digits or . _ -")
            case .issue: Phrase(zh: "开通账号", en: "Issue the account")
            case .issuedTitle: Phrase(zh: "教师账号已开通", en: "Teacher account issued")
            case .issuedLead: Phrase(zh: "请把用户名和初始密码当面或通过单位内部渠道交给教师本人。首次登录时需设置两步验证。", en: "Give the username and first password to the teacher in person or through the school's own channel. The first sign-in sets up the second step.")
            case .password: Phrase(zh: "初始密码", en: "First password")
            case .passwordOnce: Phrase(zh: "密码只显示这一次，平台不保存明文。", en: "The password is shown only now; the platform keeps no plain copy.")
            case .issued: Phrase(zh: "已开通，用户名：", en: "Issued; username:")
            case .backToTeacher: Phrase(zh: "返回教师档案", en: "Back to the teacher's record")
            case .decisionHeading: Phrase(zh: "交流轮岗决定", en: "Rotation decision")
            case .noDecision: Phrase(zh: "目前没有关于您的交流轮岗决定。", en: "There is no rotation decision about you at present.")
            case .usernameInvalid: Phrase(zh: "用户名应为 3–40 个小写字母、数字或 . _ -。", en: "The username must be 3–40 lower-case letters, digits or . _ -.")
            case .usernameTaken: Phrase(zh: "这个用户名已被使用，请换一个。", en: "This username is taken; choose another.")
            case .accountExists: Phrase(zh: "这位教师已有账号。", en: "This teacher has an account already.")
            case .ownRecordOnly: Phrase(zh: "只有教师本人可以登记自己的住址。", en: "Only the teacher themself enters their home.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.teacherAccounts(.farFromSchool(kilometres: 180)), .teacherAccounts(.homeOnFile(.teacher, CaseDate("2026-12-06")!)),
             .teacherAccounts(.homeOnFile(.personnelFile, CaseDate("2026-12-06")!)),
             .teacherAccounts(.decision(to: "崇明区堡镇小学", kind: .rural, start: CaseDate("2027-09-01")!, end: CaseDate("2030-08-31")!, status: .approved))]
        }
    }

    /// The teacher-account phrases that take values.
    public enum TeacherAccountsText: Sendable, Hashable {
        case farFromSchool(kilometres: Int), homeOnFile(TeacherHome.Source, CaseDate)
        case decision(to: String, kind: TeacherRotation.Kind, start: CaseDate, end: CaseDate, status: TeacherRotation.Status)

        var phrase: Phrase {
            switch self {
            case .farFromSchool(let km):
                Phrase(zh: "这个位置离您的学校 \(Format.number(km)) 公里，超过 150 公里，请核对经纬度。",
                       en: "This place is \(Format.number(km)) km from your school, more than 150 km: check the numbers.")
            case .homeOnFile(let source, let day):
                source == .teacher
                    ? Phrase(zh: "已登记（本人于 \(Phrase.day(day).zh) 填写）", en: "On file (entered by the teacher on \(Phrase.day(day).en))")
                    : Phrase(zh: "已登记（人事档案导入，\(Phrase.day(day).zh)）", en: "On file (from the personnel file, \(Phrase.day(day).en))")
            case .decision(let school, let kind, let start, let end, let status):
                Phrase(zh: "\(Catalogue.TeachersText.rotationStatus(status).phrase.zh)：\(Phrase.day(start).zh) 至 \(Phrase.day(end).zh) 到\(school)交流轮岗（\(Catalogue.TeachersText.rotationKind(kind).phrase.zh)）。",
                       en: "\(Catalogue.TeachersText.rotationStatus(status).phrase.en): rotation to \(school) from \(Phrase.day(start).en) to \(Phrase.day(end).en) (\(Catalogue.TeachersText.rotationKind(kind).phrase.en.lowercased())).")
            }
        }
    }
}

extension Phrase {
    public static func teacherAccounts(_ key: Catalogue.TeacherAccounts) -> Phrase { key.phrase }
    public static func teacherAccounts(_ text: Catalogue.TeacherAccountsText) -> Phrase { text.phrase }
}
