import Plot
import YoujiaoCore

private func statusSteps(_ status: CampaignStatus, _ t: Language) -> StepBar {
    let order = CampaignStatus.allCases
    let current = order.firstIndex(of: status) ?? 0
    return StepBar(order.enumerated().map { index, step in
        StepBar.Step(.zhongkao(.status(step)), index < current ? .done : index == current ? .current : .toDo)
    }, language: t)
}

extension ZhongkaoListPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .zhongkao(.listTitle) }

        public var content: Component {
            let t = chrome.language
            let error = { (field: String) in model.problem.flatMap { $0.field == field ? $0.message : nil } }
            func field(_ name: String, _ label: Phrase, _ kind: FormField.Kind = .text, hint: Phrase? = nil) -> FormField {
                FormField(name: name, label: label, kind: kind, value: model.values[name] ?? "", error: error(name), hint: hint,
                          isRequired: true, autocomplete: "off", language: t)
            }
            let beacons = BeaconSource.known.map { Choice(value: $0.id, label: .verbatim($0.name)) }
            return Node<HTML.BodyContext>.group(
                .if(!model.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: "/zhongkao/campaigns.csv",
                                                                  xlsxPath: "/zhongkao/campaigns.xlsx", language: t))),
                .component(DataTable(ZhongkaoListPage.table(model), address: address, language: t)),
                .if(model.canCreate, .group(
                    .h2(.id("new-zhongkao"), .words(t(.zhongkao(.createHeading)))),
                    problemSummary(model.problem, t),
                    .form(.attr("method", "post"), .attr("action", "/zhongkao"), .class("stacked"), .id("create-zhongkao"),
                          .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                          .component(field("year", .zhongkao(.year), .number)),
                          .component(field("beacon_source", .campaign(.beaconSourceField), .select(beacons))),
                          .component(field("beacon_round", .zhongkao(.beaconRoundNumber), .number, hint: .zhongkao(.beaconRoundHint))),
                          .component(field("notary_commitment", .zhongkao(.notaryCommitment), hint: .zhongkao(.commitmentHint))),
                          .button(.attr("type", "submit"), .words(t(.zhongkao(.createButton))))))))
        }
    }
}

extension ZhongkaoCampaignPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .zhongkao(.title(year: model.year)) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                problemSummary(model.problem, t),
                .component(statusSteps(model.status, t)),
                facts,
                .unwrap(model.nextStep) { .component(NextStepControl(
                    step: $0, labels: (.zhongkao(.stepOpen), .zhongkao(.stepFreeze), .zhongkao(.stepDraw), .zhongkao(.stepPublish)),
                    csrfToken: chrome.csrfToken, language: t)) },
                .p(.a(.id("quotas-link"), .attr("href", model.href + "/quotas"),
                      .words(t(model.mayEditOwnQuotas ? .zhongkao(.editQuotasLink) : .zhongkao(.quotasLink))))),
                .if(model.mayListCandidates, .p(.a(.id("candidates-link"), .attr("href", model.href + "/candidates"), .words(t(.zhongkao(.candidatesLink)))))),
                .unwrap(model.routes) { routes in
                    .section(.id("review"),
                             .h2(.words(t(.zhongkao(.routesCaption)))),
                             .element(named: "figure", nodes: [.class("chart-box"), .component(routeChart(routes))]),
                             .p(.id("routes"), .words(t(ZhongkaoVerificationPage.routesPhrase(routes)))))
                },
                .if(!model.report.isEmpty, .group(
                    .h2(.words(t(.zhongkao(.reportCaption)))),
                    .component(DownloadLinks(for: address, csvPath: model.href + "/report.csv", xlsxPath: model.href + "/report.xlsx", language: t)),
                    .component(DataTable(ZhongkaoCampaignPage.reportTable(model), address: address, language: t))))
            )
        }

        private var facts: Node<HTML.BodyContext> {
            let t = chrome.language
            func fact(_ term: Phrase, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> { .group(.dt(.words(t(term))), .dd(value)) }
            let none = Node<HTML.BodyContext>.words("—")
            let rounds = Phrase.list(model.rounds.map { .zhongkao(.roundName($0.round)) })
            return .dl(
                .class("facts"),
                fact(.campaign(.status), .strong(.id("status"), .words(t(.zhongkao(.status(model.status)))))),
                fact(.zhongkao(.candidates), .span(.id("candidate-count"), .words(Format.number(model.candidates)))),
                fact(.zhongkao(.highSchools), .words(Format.number(model.highSchools))),
                fact(.zhongkao(.planSeats), .words(Format.number(model.planSeats))),
                fact(.zhongkao(.quotaSeats), .span(.id("quota-total"), .words(Format.number(model.quotaSeats)))),
                fact(.zhongkao(.rounds), .words(t(rounds))),
                fact(.zhongkao(.tieBreaks), .words(t(.list(model.tieBreakColumns.map { .zhongkao(.tieBreakColumn($0)) })))),
                fact(.campaign(.beaconRound), .words(t(model.beaconRound))),
                fact(.campaign(.notaryCommitment), .code(.class("hash"), .words(model.notaryCommitment))),
                fact(.campaign(.frozenListHash), model.listHash.map { .code(.class("hash"), .id("list-hash"), .words($0)) } ?? none),
                fact(.campaign(.seed), model.seed.map { .code(.class("hash"), .words($0)) } ?? none),
                fact(.zhongkao(.verificationLink), model.publicHref.map { .a(.id("public-link"), .attr("href", $0), .words(t(.zhongkao(.verificationLink)))) } ?? none)
            )
        }

        private func routeChart(_ r: ZhongkaoReport.RouteCounts) -> BarChart {
            let t = chrome.language
            let counts: [(ZhongkaoOutcomeRoute, Int)] = [(.quotaDistrict, r.quotaDistrict), (.quotaSchool, r.quotaSchool), (.unified, r.unified),
                                                         (.preAdmitted, r.preAdmitted), (.unadmitted, r.unadmitted)]
            return BarChart(title: .zhongkao(.chartTitle), categories: counts.map { t(.zhongkao(.routeName($0.0))) },
                            series: [.init(name: .zhongkao(.candidates), colour: "#3b6ea5", values: counts.map(\.1))], language: t)
        }
    }
}

extension ZhongkaoQuotasPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .zhongkao(.quotasTitle(year: model.year)) }

        public var content: Component {
            let t = chrome.language
            let editable = model.editableSchoolID != nil
            return Node<HTML.BodyContext>.group(
                problemSummary(model.problem, t),
                .if(model.problem == nil, .unwrap(model.saved) { .p(.class("ok"), .id("saved"), .attr("role", "status"), .words(t(.zhongkao(.saved($0))))) }),
                .p(.class("summary"), .id("quota-note"),
                   .words(t(model.status == .open || model.status == .draft ? .zhongkao(.quotasSetBySchools) : .zhongkao(.quotasFrozen)))),
                .component(DownloadLinks(for: address, csvPath: model.href + "/plans.csv", xlsxPath: model.href + "/plans.xlsx", language: t)),
                .component(DataTable(ZhongkaoQuotasPage.planTable(model), address: address, language: t)),
                .h2(.words(t(.zhongkao(.quotaLinesCaption)))),
                .component(DownloadLinks(for: address, csvPath: model.href + "/lines.csv", xlsxPath: model.href + "/lines.xlsx", language: t)),
                editable
                    ? .form(.attr("method", "post"), .attr("action", model.href), .id("quotas"),
                            .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", chrome.csrfToken)),
                            .input(.attr("type", "hidden"), .attr("name", "school"), .attr("value", model.editableSchoolID ?? "")),
                            .component(DataTable(ZhongkaoQuotasPage.lineTable(model, inputs: true), address: address, language: t)),
                            .p(.button(.attr("type", "submit"), .words(t(.zhongkao(.saveQuotas)))), .text(" "),
                               .span(.class("summary"), .words(t(.zhongkao(.formHint(maximum: ZhongkaoRules.seatRange.upperBound)))))))
                    : .component(DataTable(ZhongkaoQuotasPage.lineTable(model, inputs: false), address: address, language: t)),
                .p(.a(.attr("href", "/zhongkao/\(model.campaignID)"), .words(t(.zhongkao(.backToCampaign)))))
            )
        }
    }
}

extension ZhongkaoCandidatesPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .zhongkao(.candidatesTitle(year: model.year)) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .p(.class("summary"), .id("candidate-total"), .words(t(.zhongkao(.candidates)) + (t == .zh ? "：" : ": ") + Format.number(model.total))),
                .if(model.total > 0, .component(DownloadLinks(for: address, csvPath: model.href + ".csv", xlsxPath: model.href + ".xlsx", language: t))),
                .component(DataTable(ZhongkaoCandidatesPage.table(model), address: address, language: t)),
                .component(Pager(page: model.page, pageCount: model.pageCount, address: address, language: t)),
                .p(.a(.attr("href", "/zhongkao/\(model.campaignID)"), .words(t(.zhongkao(.backToCampaign)))))
            )
        }
    }
}

extension ZhongkaoVerificationPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public init(chrome: Chrome, model: Model) { self.chrome = chrome; self.model = model }

        public var title: Phrase { .zhongkao(.verificationTitle(year: model.year)) }

        public var content: Component {
            let t = chrome.language
            func code(_ id: String, _ value: String) -> Node<HTML.BodyContext> { .code(.id(id), .class("hash"), .words(value)) }
            var facts: [(Phrase, Node<HTML.BodyContext>)] = [
                (.campaign(.status), .words(t(.zhongkao(.status(model.status))))),
                (.campaign(.frozenListHash), code("list-hash", model.listHash)),
                (.zhongkao(.tieBreaks), .words(t(.list(model.tieBreakColumns.map { .zhongkao(.tieBreakColumn($0)) })))),
                (.campaign(.beaconRound), .words(t(model.beaconRound))),
                (.campaign(.notaryCommitment), code("commitment", model.notaryCommitment)),
            ]
            if let beacon = model.beaconValue, let secret = model.notarySecret, let seed = model.seed {
                facts += [(.campaign(.beaconValueLabel), code("beacon", beacon)), (.campaign(.notarySecret), code("secret", secret)),
                          (.campaign(.seedFormula), code("seed", seed))]
            }
            return Node<HTML.BodyContext>.group(
                .dl(.class("facts"), .forEach(facts) { term, value in .group(.dt(.words(t(term))), .dd(value)) }),
                .p(.class("summary"), .words(t(.zhongkao(.seedFormulaNote)))),
                .unwrap(model.routes) { .p(.id("routes"), .words(t(ZhongkaoVerificationPage.routesPhrase($0)))) },
                .h2(.words(t(.campaign(.publishedFiles)))),
                .ul(.id("files"), .forEach(model.files) { file in .li(.a(.attr("href", "\(model.path)/\(file)"), .code(.text(file)))) }),
                .unwrap(command) { command in
                    .group(
                        .h2(.words(t(.campaign(.checkItYourself)))),
                        .p(.words(t(.zhongkao(.checkItYourselfSentence)))),
                        .p(.a(.id("python-verifier"), .attr("href", DrawVerificationPage.verifierPath), .attr("download", "verify.py"),
                              .words(t(.campaign(.downloadPythonVerifier))))),
                        .pre(.class("commands"), .id("python-command"), .words(command)))
                }
            )
        }

        /// The verifier's command with the published seed, list hash and tie-break columns.
        var command: String? {
            guard let seed = model.seed else { return nil }
            return "python3 verify.py zhongkao --high-schools high-schools.csv \\\n"
                + "    --quotas quotas.csv --candidates candidates.csv --rounds rounds.csv \\\n"
                + "    --tie-break \(DrawVerificationPage.shellWord(model.tieBreakColumns.joined(separator: ","))) --results results.csv \\\n"
                + "    --seed \(seed) \\\n"
                + "    --list-hash \(model.listHash)"
        }
    }
}
