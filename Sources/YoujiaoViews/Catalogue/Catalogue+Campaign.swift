import YoujiaoCore

extension Catalogue {
    /// School-entry campaigns (入学、入园) and their irreversible steps.
    public enum Campaign: PhraseBook {
        case confirmFreeze, confirmDraw, confirmPublish
        case freezeClosesRegistration, freezePublishesHash, drawComputesSeed, drawPlaces, publishTellsFamilies, publishFiles
        case notarySecret, applications, schoolsInCampaign, seats
        case status, frozenListHash, beaconRound, notaryCommitment, beaconValueLabel, seedFormula, publishedFiles
        case checkItYourself, checkItYourselfSentence, pythonVerifierSentence, downloadPythonVerifier
        case campaigns, newCampaign, campaign, window, listHash, seed, publicPage, create
        case entryYear, entryGrade, opensOn, closesOn, beaconSourceField, beaconRoundField, beaconRoundHint, notaryCommitmentField
        case openRegistration, freezeStep, drawStep, publishStep
        case review, childrenPerRoute, children, route, editSeats, seatsAgainstApplications
        case schoolsTable, school, ownership, zones, applicants, admitted, lastAdmittedNumber, admittedList, download

        public var phrase: Phrase {
            switch self {
            case .confirmFreeze: return Phrase(zh: "截止报名并冻结名单", en: "Close registration and freeze the list")
            case .confirmDraw: return Phrase(zh: "派位", en: "Run the draw")
            case .confirmPublish: return Phrase(zh: "发布结果", en: "Publish the results")
            case .freezeClosesRegistration: return Phrase(zh: "所有家长将不能再报名或修改报名。", en: "No family can register or change an application any more.")
            case .freezePublishesHash: return Phrase(zh: "名单的哈希值将公布在公开核验页上，此后名单不能再改。", en: "The list's hash is published on the public page; the list cannot change after that.")
            case .drawComputesSeed: return Phrase(zh: "用公开随机数、公证密钥和名单哈希计算派位种子，并公布三者。", en: "The seed is computed from the beacon value, the notary's secret and the list hash, all three published.")
            case .drawPlaces: return Phrase(zh: "按规则为每名报名儿童安排学位，结果先供审核，尚不通知家长。", en: "Every applicant is placed by the rules; the results are for review and not yet shown to families.")
            case .publishTellsFamilies: return Phrase(zh: "每个家庭将看到孩子的结果和理由。", en: "Every family sees its child's result with the reason.")
            case .publishFiles: return Phrase(zh: "结果文件公布在公开核验页上，任何人都可以重新计算核对。", en: "The results file is published on the public page for anyone to recompute.")
            case .status: return Phrase(zh: "状态", en: "Status")
            case .frozenListHash: return Phrase(zh: "冻结名单的 SHA-256 值", en: "SHA-256 of the frozen list")
            case .beaconRound: return Phrase(zh: "公开随机数来源（事先公布的轮次）", en: "Public random beacon (the round announced in advance)")
            case .notaryCommitment: return Phrase(zh: "公证密钥的哈希（事先公布）", en: "Hash of the notary's secret (published in advance)")
            case .beaconValueLabel: return Phrase(zh: "公开随机数", en: "Beacon value")
            case .seedFormula: return Phrase(zh: "种子 = SHA-256（随机数 ‖ 公证密钥 ‖ 名单哈希）", en: "Seed = SHA-256(beacon ‖ notary secret ‖ list hash)")
            case .publishedFiles: return Phrase(zh: "公开文件（化名编号，不含个人信息）", en: "Published files (pseudonymous ids, no personal data)")
            case .checkItYourself: return Phrase(zh: "自行核验", en: "Check it yourself")
            case .checkItYourselfSentence:
                return Phrase(zh: "下载三个文件，用开源的 youjiao 命令重新计算：第一条命令得出名单哈希，第二条按种子重新派位并与公布结果逐条比对。",
                              en: "Download the three files and recompute with the open-source youjiao command: the first gives the list hash, the second redoes the draw from the seed and compares it with the published results row by row.")
            case .pythonVerifierSentence:
                return Phrase(zh: "不装 youjiao 也能核验：核验程序只有一个文件，只需 Python 3，按公开的派位规则另行编写（不是 youjiao 的翻译）。把它和三个文件放在同一目录，运行下面的命令：它核对公证密钥和名单哈希，算出种子，重新派位，与公布的结果逐字节比对，一致时显示“一致”，否则显示第一处不同的行。",
                              en: "Without youjiao: the verifier verify.py is a single file that needs only Python 3, written separately from the published rules of the draw (not a translation of youjiao). Put it beside the three files and run the command below: it checks the notary's secret and the list hash, computes the seed, redoes the draw and compares it byte for byte with the published results, printing “OK” when they agree and otherwise the first row that differs.")
            case .downloadPythonVerifier: return Phrase(zh: "下载核验程序（Python 3）", en: "Download the verifier verify.py (Python 3)")
            case .notarySecret: return Phrase(zh: "公证密钥", en: "Notary secret")
            case .applications: return Phrase(zh: "报名人数", en: "Applications")
            case .schoolsInCampaign: return Phrase(zh: "参加学校", en: "Schools")
            case .seats: return Phrase(zh: "学位", en: "Seats")
            case .campaigns: return Phrase(zh: "入学招生", en: "Enrollment campaigns")
            case .newCampaign: return Phrase(zh: "新建招生", en: "New campaign")
            case .campaign: return Phrase(zh: "招生", en: "Campaign")
            case .window: return Phrase(zh: "报名期", en: "Registration window")
            case .listHash: return Phrase(zh: "名单哈希", en: "List hash")
            case .seed: return Phrase(zh: "派位种子", en: "Seed")
            case .publicPage: return Phrase(zh: "公开核验页", en: "Public verification page")
            case .create: return Phrase(zh: "创建", en: "Create")
            case .entryYear: return Phrase(zh: "入学年份", en: "Year of entry")
            case .entryGrade: return Phrase(zh: "起始年级", en: "Entry grade")
            case .opensOn: return Phrase(zh: "报名开始日期", en: "Registration opens")
            case .closesOn: return Phrase(zh: "报名截止日期", en: "Registration closes")
            case .beaconSourceField: return Phrase(zh: "公开随机数来源", en: "Public random beacon")
            case .beaconRoundField: return Phrase(zh: "公开随机数轮次（事先公布）", en: "Beacon round (named in advance)")
            case .beaconRoundHint:
                return Phrase(zh: "须在报名截止之后产生；默认是截止次日 10:00（北京时间）后的第一轮。派位只接受名单冻结之后产生的轮次。",
                              en: "It must come after registration closes; the default is the first round after 10:00 Beijing time the day after closing. The draw accepts only a round published after the list was frozen.")
            case .notaryCommitmentField: return Phrase(zh: "公证密钥的 SHA-256", en: "SHA-256 of the notary's secret")
            case .openRegistration: return Phrase(zh: "开放报名", en: "Open registration")
            case .freezeStep: return Phrase(zh: "截止报名并冻结名单（公布哈希）…", en: "Close and freeze the list (publish its hash)…")
            case .drawStep: return Phrase(zh: "派位…", en: "Run the draw…")
            case .publishStep: return Phrase(zh: "发布结果…", en: "Publish the results…")
            case .review: return Phrase(zh: "派位结果审核", en: "Review of the draw")
            case .childrenPerRoute: return Phrase(zh: "各途径人数", en: "Children per route")
            case .children: return Phrase(zh: "人数", en: "Children")
            case .route: return Phrase(zh: "途径", en: "Route")
            case .editSeats: return Phrase(zh: "修改各校学位", en: "Edit the seats per school")
            case .seatsAgainstApplications: return Phrase(zh: "各校学位与报名人数", en: "Seats per school against applications")
            case .schoolsTable: return Phrase(zh: "参加学校", en: "Schools in the campaign")
            case .school: return Phrase(zh: "学校", en: "School")
            case .ownership: return Phrase(zh: "性质", en: "Ownership")
            case .zones: return Phrase(zh: "施教区数", en: "Catchment zones")
            case .applicants: return Phrase(zh: "申请", en: "Applicants")
            case .admitted: return Phrase(zh: "录取", en: "Admitted")
            case .lastAdmittedNumber: return Phrase(zh: "最后录取号码", en: "Last admitted number")
            case .admittedList: return Phrase(zh: "录取名单", en: "Admitted list")
            case .download: return Phrase(zh: "下载", en: "Download")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.drawVerificationTitle(.verbatim("2027 年黄浦区一年级入学")),
             .drawRoutes(.init(privateLottery: 120, catchment: 2_300, coordinated: 80, unplaced: 0)), .registrationNotYetOpen("2027-04-20"), .registrationClosed("2027-05-20"), .resultsPublished, .earlyClosing("2026-12-27"), .campaignStatus(.open), .placedBy(.catchment),
             .narrowedToDistrict("黄浦区"), .campaignTitle(year: 2027, districtName: "黄浦区", grade: .g1), .campaignTitle(year: 2027, districtName: nil, grade: .k1),
             .announcedRound(source: "drand quicknet", round: 12_345_678, publishedAt: "2027-05-21 10:00"), .beaconValue(round: .verbatim("drand")), .campaignWindow(opens: CaseDate("2027-04-20")!, closes: CaseDate("2027-05-20")!),
             .whatIfDistance(placed: 80, totalMetres: 152_300, optimalMetres: 140_000)]
        }
    }
}

extension Phrase {
    public static func campaign(_ key: Catalogue.Campaign) -> Phrase { key.phrase }

    public static func earlyClosing(_ day: String) -> Phrase {
        Phrase(zh: "报名原定 \(day) 截止：现在截止会提前结束所有家庭的报名，须写明理由，理由连同您的姓名和时间记入日志。",
               en: "Registration was announced to close on \(day): closing now ends it early for every family, so a reason is required and logged with your name and the time.")
    }

    public static func narrowedToDistrict(_ district: String) -> Phrase {
        Phrase(zh: "全市招生：您看到的是本区（\(district)）的学校、报名和派位结果；招生由市教委负责。",
               en: "A city-wide campaign: you see your district's (\(district)) schools, applications and results; the city runs it.")
    }

    /// A day as people write it: 2027年4月20日, 20 April 2027.
    public static func day(_ day: CaseDate) -> Phrase {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return Phrase(zh: day.chineseText, en: "\(day.day) \(months[day.month - 1]) \(day.year)")
    }

    /// "2027 年黄浦区一年级入学", "黄浦区 Grade 1 entry 2027"; kindergarten entry is 入园.
    public static func campaignTitle(year: Int, districtName: String?, grade: Grade) -> Phrase {
        let gradeName = Phrase.grade(grade)
        let entry = grade.stage == .kindergarten ? "入园" : "入学"
        return Phrase(zh: "\(year) 年\(districtName ?? "全市")\(gradeName.zh)\(entry)",
                      en: "\(districtName.map { "\($0) " } ?? "City-wide ")\(gradeName.en) entry \(year)")
    }

    public static func campaignWindow(opens: CaseDate, closes: CaseDate) -> Phrase {
        Phrase(zh: "\(day(opens).zh) 至 \(day(closes).zh)", en: "\(day(opens).en) to \(day(closes).en)")
    }

    /// The coordinated children's total distance in priority order against the least possible on the same seats.
    public static func whatIfDistance(placed: Int, totalMetres: Int, optimalMetres: Int) -> Phrase {
        let km = { (metres: Int) in Format.decimal(Double(metres) / 1000, digits: 1) ?? "" }
        let (total, optimal) = (km(totalMetres), km(optimalMetres))
        return Phrase(zh: "统筹安排 \(Format.number(placed)) 人，按优先级总距离 \(total) 公里；同样学位下总距离最小的安排为 \(optimal) 公里。",
                      en: "\(Format.number(placed)) children coordinated: \(total) km in priority order; the least total distance on the same seats is \(optimal) km.")
    }

    public static func beaconValue(round: Phrase) -> Phrase {
        Phrase(zh: "公开随机数（\(round.zh)）", en: "Beacon value (\(round.en))")
    }

    /// "drand quicknet 第 12345678 轮（2027-05-21 10:00 北京时间产生）".
    public static func announcedRound(source: String, round: Int64, publishedAt minute: String) -> Phrase {
        Phrase(zh: "\(source) 第 \(round) 轮（\(minute) 北京时间产生）", en: "\(source) round \(round) (published \(minute) Beijing time)")
    }

    /// The words are Core's, which its messages use too.
    public static func campaignStatus(_ status: CampaignStatus) -> Phrase { Phrase(zh: status.words.zh, en: status.words.en) }

    public static func placedBy(_ route: EnrollmentRoute) -> Phrase {
        switch route {
        case .private: return Phrase(zh: "民办摇号", en: "Private lottery")
        case .catchment: return Phrase(zh: "施教区", en: "Catchment")
        case .coordinated: return Phrase(zh: "统筹", en: "Coordinated")
        case .unplaced: return Phrase(zh: "未安排", en: "Unplaced")
        }
    }
}
