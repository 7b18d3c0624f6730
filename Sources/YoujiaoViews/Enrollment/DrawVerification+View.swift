import Plot
import YoujiaoCore

/// The public page of a campaign's draw (派位核验), for anyone without signing in: the frozen
/// list's hash, the seed's ingredients once published, the pseudonymous files, the commands that
/// recompute the draw from them, and how many children each route placed.
public enum DrawVerificationPage {
    public struct RouteCounts: Sendable, Hashable {
        public var privateLottery: Int, catchment: Int, coordinated: Int, unplaced: Int
        public init(privateLottery: Int, catchment: Int, coordinated: Int, unplaced: Int) {
            self.privateLottery = privateLottery; self.catchment = catchment; self.coordinated = coordinated; self.unplaced = unplaced
        }
    }

    public struct Model: Sendable, Hashable {
        public var campaignName: Phrase
        public var status: CampaignStatus
        public var path: String
        public var listHash: String
        public var beaconRound: Phrase
        public var notaryCommitment: String
        /// Set once the results are published.
        public var beaconValue: String?
        public var notarySecret: String?
        public var seed: String?
        public var routes: RouteCounts?
        /// Every change to the dates or the beacon round, in words, oldest first.
        public var notices: [Phrase]
        public init(campaignName: Phrase, status: CampaignStatus, path: String, listHash: String, beaconRound: Phrase, notaryCommitment: String,
                    beaconValue: String?, notarySecret: String?, seed: String?, routes: RouteCounts?, notices: [Phrase] = []) {
            self.notices = notices
            self.campaignName = campaignName; self.status = status; self.path = path; self.listHash = listHash; self.beaconRound = beaconRound
            self.notaryCommitment = notaryCommitment; self.beaconValue = beaconValue; self.notarySecret = notarySecret; self.seed = seed
            self.routes = routes
        }
        var isPublished: Bool { status == .published }
        var files: [String] { isPublished ? ["schools.csv", "applicants.csv", "results.csv"] : ["schools.csv", "applicants.csv"] }
    }

    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .drawVerificationTitle(model.campaignName) }

        public var content: Component {
            let t = chrome.language
            func code(_ id: String, _ value: String) -> Node<HTML.BodyContext> { .code(.id(id), .class("hash"), .words(value)) }
            var facts: [(Phrase, Node<HTML.BodyContext>)] = [
                (.campaign(.status), .words(t(.campaignStatus(model.status)))),
                (.campaign(.frozenListHash), code("list-hash", model.listHash)),
                (.campaign(.beaconRound), .words(t(model.beaconRound))),
                (.campaign(.notaryCommitment), code("commitment", model.notaryCommitment)),
            ]
            if let beacon = model.beaconValue, let secret = model.notarySecret, let seed = model.seed {
                facts += [(.campaign(.beaconValueLabel), code("beacon", beacon)), (.campaign(.notarySecret), code("secret", secret)),
                          (.campaign(.seedFormula), code("seed", seed))]
            }
            var commands = "youjiao enroll commit --applicants applicants.csv"
            if let seed = model.seed {
                commands += "\nyoujiao enroll verify --schools schools.csv --applicants applicants.csv \\\n    --seed \(seed) --results results.csv"
            }
            return Node<HTML.BodyContext>.group(
                .dl(.class("facts"), .forEach(facts) { term, value in .group(.dt(.words(t(term))), .dd(value)) }),
                .if(!model.notices.isEmpty, .div(
                    .class("notices"), .id("schedule-changes"), .attr("role", "note"),
                    .h2(.words(t(.schedule(.noticesHeading)))),
                    .ul(.forEach(model.notices) { .li(.words(t($0))) }))),
                .unwrap(model.routes) { routes in
                    .p(.id("routes"), .words(t(.drawRoutes(routes))))
                },
                .h2(.words(t(.campaign(.publishedFiles)))),
                .ul(.id("files"), .forEach(model.files) { file in .li(.a(.attr("href", "\(model.path)/\(file)"), .code(.text(file)))) }),
                .h2(.words(t(.campaign(.checkItYourself)))),
                .p(.words(t(.campaign(.checkItYourselfSentence)))),
                .pre(.class("commands"), .words(commands)),
                .unwrap(pythonCommand) { command in
                    .group(
                        .p(.words(t(.campaign(.pythonVerifierSentence)))),
                        .p(.a(.id("python-verifier"), .attr("href", DrawVerificationPage.verifierPath), .attr("download", "verify.py"),
                              .words(t(.campaign(.downloadPythonVerifier))))),
                        .pre(.class("commands"), .id("python-command"), .words(command)))
                }
            )
        }

        /// The verifier's command with the published ingredients, so that it also checks the
        /// notary's commitment and the list hash; the beacon value and the secret are any text.
        var pythonCommand: String? {
            guard let beacon = model.beaconValue, let secret = model.notarySecret, model.seed != nil else { return nil }
            return "python3 verify.py enroll --schools schools.csv --applicants applicants.csv --results results.csv \\\n"
                + "    --beacon \(shellWord(beacon)) --secret \(shellWord(secret)) \\\n"
                + "    --commitment \(shellWord(model.notaryCommitment)) \\\n"
                + "    --list-hash \(shellWord(model.listHash))"
        }
    }

    /// Where the web application serves the Python verifier (Sources/YoujiaoWeb/Public/verify.py).
    public static let verifierPath = "/static/verify.py"

    /// A shell word that stands for exactly `text` (sh, bash, zsh): as it is when plain, else in single quotes.
    static func shellWord(_ text: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/+@%,")
        if !text.isEmpty && text.allSatisfy(plain.contains) { return text }
        return "'" + text.map { $0 == "'" ? "'\\''" : String($0) }.joined() + "'"
    }
}

extension Phrase {
    public static func drawVerificationTitle(_ campaign: Phrase) -> Phrase {
        Phrase(zh: "派位核验：\(campaign.zh)", en: "Draw verification: \(campaign.en)")
    }
    public static func drawRoutes(_ r: DrawVerificationPage.RouteCounts) -> Phrase {
        let (p, c, o, u) = (Format.number(r.privateLottery), Format.number(r.catchment), Format.number(r.coordinated), Format.number(r.unplaced))
        return Phrase(zh: "民办摇号 \(p) 人，施教区 \(c) 人，统筹 \(o) 人，未安排 \(u) 人。",
                      en: "Private lottery \(p), catchment \(c), coordinated \(o), unplaced \(u).")
    }
}
