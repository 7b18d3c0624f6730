import SnapshotTesting
import Testing
import YoujiaoCore
@testable import YoujiaoViews

/// The supervision pages, rendered from model literals and compared with the reviewed files in
/// __Snapshots__/SupervisionPagesTests; and the report form's reading of what a school typed.
@Suite("Supervision pages")
struct SupervisionPagesTests {
    static func chrome(_ language: Language, role: Role = .cityAdmin, path: String = "/supervision", flash: Flash? = nil) -> Chrome {
        let scope = AccessScope(role: role, districtCode: role == .cityAdmin ? nil : "310101", schoolID: role == .schoolAdmin ? "3101010001" : nil)
        return Chrome(language: language, navigation: NavItem.menu(for: scope, currentPath: path),
                      viewer: .init(displayName: "督导员", role: .role(role)), csrfToken: "csrf-123", flash: flash)
    }

    static let year = SupervisionYear(year: 2026, known: [2025, 2026])
    typealias Figure = SupervisionFigures.Figure

    // MARK: The city

    static let city = CityIndicatorsPage.Model(
        year: year, schools: 1_650,
        districts: [.init(code: "310101", name: "黄浦区"), .init(code: "310104", name: "徐汇区")],
        rows: [
            .init(name: Phrase(zh: "小学生均教学及辅助用房面积", en: "Teaching and auxiliary floor area per pupil, primary"),
                  target: .target(.atLeast, "100", unit: "%"), city: Figure(value: 50, unit: "%", status: .notMet),
                  districts: [Figure(value: 100, unit: "%", status: .met, href: "/supervision/districts/310101/indicators/BAL-FLOOR-PRIMARY?year=2026"),
                              Figure(value: 0, unit: "%", status: .notMet, href: "/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY?year=2026")]),
            .init(name: Phrase(zh: "适龄残疾儿童少年义务教育入学率", en: "Enrollment rate of school-age disabled children"),
                  target: .target(.atLeast, "99", unit: "%"), city: Figure(value: nil, unit: "%", status: .noData),
                  districts: [Figure(value: nil, unit: "%", status: .noData), nil]),
        ],
        cityStatuses: [.notMet, .noData])

    @Test(arguments: Language.allCases)
    func cityPage(_ language: Language) {
        let view = CityIndicatorsPage.View(chrome: Self.chrome(language), model: Self.city, address: PageAddress(path: "/supervision", rawQuery: "year=2026"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "city")
    }

    @Test func cityFiguresAreColouredLinkedAndSaidInWords() {
        let html = CityIndicatorsPage.View(chrome: Self.chrome(.zh), model: Self.city, address: PageAddress(path: "/supervision", rawQuery: "year=2026")).render()
        #expect(html.contains(#"<span class="badge badge-bad"><a href="/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY?year=2026">0</a><span class="visually-hidden">（未达标）</span></span>"#))
        #expect(html.contains(#"<span class="badge badge-neutral">无数据<span class="visually-hidden">（无数据）</span></span>"#))
        #expect(html.contains("2026–27 学年，全市 1,650 所学校、2 个区；全市指标达标 0 项、未达标 1 项、无数据 1 项。"))
        #expect(html.contains(#"<a href="/supervision/dashboard.csv?year=2026" download>"#) && html.contains(#"<a href="/supervision/dashboard.xlsx?year=2026" download>"#))
        #expect(html.contains(#"<option value="2025">2025–26 学年</option>"#))
        let rows = CityIndicatorsPage.table(Self.city).exportRows(.zh)
        #expect(rows[0] == [.text("指标"), .text("目标"), .text("全市"), .text("黄浦区"), .text("徐汇区")])
        #expect(rows[1] == [.text("小学生均教学及辅助用房面积"), .text("≥ 100 %"), .integer(50), .text("100"), .text("0")])
        #expect(rows[2][2] == .text("无数据") && rows[2][4] == .text(""))
    }

    // MARK: Corrections

    static func correction(_ scope: String, level: IndicatorLevel, gap: Double, percent: Double) -> CorrectionsPage.Row {
        CorrectionsPage.Row(level: level, scopeName: level == .city ? .supervision(.city) : .verbatim(scope),
                            scopeHref: level == .city ? nil : "/supervision/schools/\(scope)?year=2026", districtName: "徐汇区",
                            indicator: Phrase(zh: "小学生均教学及辅助用房面积", en: "Floor area per pupil, primary"),
                            value: Figure(value: 4.5 - gap, unit: "m²/生", status: .notMet), target: .target(.atLeast, "4.5", unit: "m²/生"),
                            gap: gap, gapPercent: percent)
    }

    static let correctionRows = [correction("全市", level: .city, gap: 0.5, percent: 11.1111),
                                 correction("徐汇区汇师小学", level: .school, gap: 1.5, percent: 33.3333),
                                 correction("徐汇区第二小学", level: .school, gap: 0.9, percent: 20)]

    @Test(arguments: Language.allCases)
    func correctionsPage(_ language: Language) {
        let model = CorrectionsPage.Model(year: Self.year, rows: Self.correctionRows, sort: TableSort(key: "gap-percent", direction: .descending),
                                          page: 1, perPage: 2, districtChoices: [.init(code: "310104", name: "徐汇区")])
        let view = CorrectionsPage.View(chrome: Self.chrome(language), model: model,
                                        address: PageAddress(path: "/supervision/corrections", rawQuery: "year=2026&sort=gap-percent&dir=desc"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "corrections")
    }

    @Test func correctionsSortEveryRowThenPage() {
        func order(_ sort: TableSort, page: Int = 1, perPage: Int? = nil) -> [Double?] {
            CorrectionsPage.Model(year: Self.year, rows: Self.correctionRows, sort: sort, page: page, perPage: perPage).rows.map(\.gapPercent)
        }
        #expect(order(TableSort(key: "gap-percent", direction: .descending)) == [33.3333, 20, 11.1111])
        #expect(order(TableSort(key: "gap-percent", direction: .descending), page: 2, perPage: 2) == [11.1111], "the second page holds the rest")
        #expect(order(CorrectionsPage.defaultSort) == [11.1111, 33.3333, 20], "city first, then the engine's order")
        let model = CorrectionsPage.Model(year: Self.year, rows: Self.correctionRows, page: 1, perPage: 2)
        #expect(model.total == 3 && model.pageCount == 2 && model.rows.count == 2)
        let empty = CorrectionsPage.Model(year: Self.year, rows: [], page: 1, perPage: 50)
        #expect(empty.pageCount == 1 && empty.rows.isEmpty)
        let html = CorrectionsPage.View(chrome: Self.chrome(.zh), model: empty, address: PageAddress(path: "/supervision/corrections")).render()
        #expect(html.contains(#"<p class="empty-state">没有未达标的指标。</p>"#))
        let rows = CorrectionsPage.table(CorrectionsPage.Model(year: Self.year, rows: Self.correctionRows)).exportRows(.en)
        #expect(rows[0].first == .text("Level") && rows[1].first == .text("City") && rows[2].first == .text("School"))
        #expect(rows[2][5] == .text("≥ 4.5 m² per pupil") && rows[2][7] == .decimal(33.3), "rounded as the page shows it")
    }

    // MARK: A district and the schools behind a figure

    static let district = DistrictSupervisionPage.Model(
        districtCode: "310104", districtName: "徐汇区", year: year,
        indicators: [.init(name: Phrase(zh: "小学生均教学及辅助用房面积", en: "Floor area per pupil, primary"),
                           figure: Figure(value: 50, unit: "%", status: .notMet, href: "/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY?year=2026"),
                           target: .target(.atLeast, "100", unit: "%"), ratio: "1 / 2", schoolsNotMeeting: 1, missingInputs: 0)],
        schools: [.init(id: "3101040001", name: "徐汇区汇师小学", href: "/supervision/schools/3101040001?year=2026", stages: [.primary], pupils: 900,
                        met: 10, notMet: 2, noData: 1),
                  .init(id: "3101040002", name: "徐汇区第二小学", href: "/supervision/schools/3101040002?year=2026", stages: [.primary, .junior],
                        pupils: 1_400, met: 12, notMet: 0, noData: 1)],
        sort: TableSort(key: "pupils", direction: .descending))

    @Test(arguments: Language.allCases)
    func districtPage(_ language: Language) {
        let view = DistrictSupervisionPage.View(chrome: Self.chrome(language, role: .districtAdmin, path: "/supervision/districts/310104"),
                                                model: Self.district, address: PageAddress(path: "/supervision/districts/310104", rawQuery: "year=2026&sort=pupils&dir=desc"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "district")
    }

    @Test func districtSchoolsSortOnTheServer() {
        #expect(Self.district.schools.map(\.id) == ["3101040002", "3101040001"])
        let html = DistrictSupervisionPage.View(chrome: Self.chrome(.zh), model: Self.district,
                                                address: PageAddress(path: "/supervision/districts/310104", rawQuery: "year=2026&sort=pupils&dir=desc")).render()
        #expect(html.contains(#"aria-sort="descending""#))
        #expect(html.contains(#"<a href="/supervision/districts/310104/schools.csv?year=2026&amp;sort=pupils&amp;dir=desc" download>"#))
        #expect(html.contains(#"<tfoot><tr><th scope="row">合计</th><td></td><td></td><td class="num">2,300</td>"#))
    }

    static let drill = IndicatorSchoolsPage.Model(
        districtCode: "310104", districtName: "徐汇区", year: year, indicatorCode: "BAL-FLOOR-PRIMARY",
        indicator: Phrase(zh: "小学生均教学及辅助用房面积", en: "Floor area per pupil, primary"), formula: Phrase(zh: "教学及辅助用房面积 ÷ 在校生数", en: "teaching and auxiliary floor area (m²) ÷ pupils"),
        schoolTarget: .target(.atLeast, "4.5", unit: "m²/生"), source: "一(二)", districtFigure: Figure(value: 0, unit: "%", status: .notMet),
        districtTarget: .target(.atLeast, "100", unit: "%"), ratio: "0 / 1", missing: nil, districtReport: nil, isDistrictFact: false,
        schools: [.init(id: "3101040001", name: "徐汇区汇师小学", href: "/supervision/schools/3101040001?year=2026",
                        figure: Figure(value: 3, unit: "m²/生", status: .notMet),
                        inputs: SupervisionFigures.inputs([IndicatorInput("floor_area_m2", 3), IndicatorInput("pupils", 1)]), missing: Phrase(zh: "", en: ""))])

    @Test(arguments: Language.allCases)
    func indicatorPage(_ language: Language) {
        let view = IndicatorSchoolsPage.View(chrome: Self.chrome(language), model: Self.drill,
                                             address: PageAddress(path: "/supervision/districts/310104/indicators/BAL-FLOOR-PRIMARY", rawQuery: "year=2026"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "indicator")
    }

    // MARK: 优质均衡

    static let balance = QualityBalancePage.Model(
        districtCode: "310104", districtName: "徐汇区", year: year, stage: .primary, verdict: .fail, schoolsPassing: 0,
        indicators: [.init(code: "BAL-FLOOR-PRIMARY", name: Phrase(zh: "生均教学及辅助用房面积", en: "Floor area per pupil"),
                           standard: .target(.atLeast, "4.5", unit: "m²/生"))],
        schools: [.init(id: "3101040001", name: "徐汇区汇师小学", href: "/supervision/schools/3101040001?year=2026", stagePupils: 900,
                        values: [.init(figure: Figure(value: 3, unit: "m²/生", status: .notMet), belowFloor: true)], indicatorsMet: 0, verdict: .fail)],
        dispersions: [.init(indicator: Phrase(zh: "生均教学及辅助用房面积", en: "Floor area per pupil"), standard: .target(.atLeast, "4.5", unit: "m²/生"),
                            mean: 3, unit: "m²/生", standardDeviation: 0, coefficientOfVariation: 0, limit: 0.5, verdict: .pass)],
        excluded: [.init(id: "3101040009", name: "徐汇区小小学", reason: SupervisionFigures.reason("13 pupils of the stage, under 50"))])

    @Test(arguments: Language.allCases)
    func balancePage(_ language: Language) {
        let view = QualityBalancePage.View(chrome: Self.chrome(language), model: Self.balance,
                                           address: PageAddress(path: "/supervision/districts/310104/balance", rawQuery: "year=2026&stage=primary"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "balance")
    }

    // MARK: A school and its report form

    static let school = SchoolSupervisionPage.Model(
        schoolID: "3101010001", schoolName: "黄浦区第一中心小学", districtName: "黄浦区", districtHref: nil, stages: [.primary], ownership: .public,
        year: year,
        indicators: [.init(name: Phrase(zh: "小学生均教学及辅助用房面积", en: "Floor area per pupil, primary"), figure: Figure(value: 3, unit: "m²/生", status: .notMet),
                           target: .target(.atLeast, "4.5", unit: "m²/生"), gap: 1.5,
                           inputs: SupervisionFigures.inputs([IndicatorInput("floor_area_m2", 3_000), IndicatorInput("pupils", 1_000)]),
                           missing: Phrase(zh: "", en: "")),
                     .init(name: Phrase(zh: "每生每学年家访次数", en: "Home visits per pupil"), figure: Figure(value: nil, unit: "次/生", status: .noData),
                           target: .target(.atLeast, "1", unit: "次/生"), gap: nil, inputs: Phrase(zh: "", en: ""),
                           missing: SupervisionFigures.missing([MissingInput(scopeID: "3101010001", reason: "home_visits not reported")], own: "3101010001"))],
        counts: [.init(stage: .primary, pupils: 1_000, migrantPupils: 120, classes: nil, largestClass: nil)],
        teachers: nil, rotation: .init(eligible: nil, rotated: nil, keyRotated: nil),
        report: [.init(label: .supervision(.floorArea), value: .verbatim("3,000")), .init(label: .supervision(.homeVisits), value: nil)],
        timetable: [.init(grade: .g1, peLessons: 4, activityLessons: 2, psychologyLessonsPerTwoWeeks: 1, weeklyPeriods: nil)], mayEditReport: true)

    @Test(arguments: Language.allCases)
    func schoolPage(_ language: Language) {
        let view = SchoolSupervisionPage.View(chrome: Self.chrome(language, role: .schoolAdmin, path: "/supervision/schools/3101010001",
                                                                  flash: .success(.reportSaved(2026))),
                                              model: Self.school, address: PageAddress(path: "/supervision/schools/3101010001", rawQuery: "year=2026"))
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "school")
    }

    @Test func schoolPageSaysMissingFiguresInWords() {
        let html = SchoolSupervisionPage.View(chrome: Self.chrome(.zh), model: Self.school, address: PageAddress(path: "/supervision/schools/3101010001")).render()
        #expect(html.contains("未填：本学年家访次数") && html.contains("教学及辅助用房面积（平方米） 3,000；在校生 1,000"))
        #expect(html.contains(#"<th scope="row">交流轮岗</th><td class="num">区未报送</td>"#))
        #expect(!html.contains("home_visits") && !html.contains("floor_area_m2") && !html.contains("/supervision/districts/"))
        #expect(html.contains(#"<a id="edit-report" href="/supervision/schools/3101010001/report?year=2026">修改填报</a>"#))
    }

    static let typed: [String: String] = ["floor_area_m2": "-5", "home_visits": "3", "pe_lessons.1": "5", "activity_lessons.1": "2",
                                          "psychology_lessons_per_two_weeks.1": "", "weekly_periods.1": "30"]

    static var formWithErrors: SchoolReportFormPage.Model {
        let problems: [SchoolReportFormPage.Problem]
        switch SchoolReportFormPage.read(typed, schoolID: "3101010001", year: 2026, stages: [.primary], earlier: nil) {
        case .success: problems = []
        case .failure(let found): problems = found.all
        }
        return SchoolReportFormPage.Model(schoolID: "3101010001", schoolName: "黄浦区第一中心小学", year: 2026, stages: [.primary],
                                          values: typed, problems: problems)
    }

    @Test(arguments: Language.allCases)
    func reportForm(_ language: Language) {
        let view = SchoolReportFormPage.View(chrome: Self.chrome(language, role: .schoolAdmin, path: "/supervision/schools/3101010001/report"),
                                             model: Self.formWithErrors)
        assertSnapshot(of: view.render(indentedBy: .spaces(1)), as: .lines, named: language.rawValue, testName: "reportForm")
    }

    @Test func theFormKeepsWhatWasTypedAndSaysEachErrorBesideItsField() {
        let model = Self.formWithErrors
        #expect(model.problems.map(\.field) == ["floor_area_m2", "psychology_lessons_per_two_weeks.1"])
        let html = SchoolReportFormPage.View(chrome: Self.chrome(.zh), model: model).render()
        #expect(html.contains(#"<p id="floor_area_m2-error" class="field-error">教学及辅助用房面积（平方米）不能小于 0。</p>"#))
        #expect(html.contains(#"value="-5""#) && html.contains(#"id="home_visits" name="home_visits" value="3""#))
        #expect(html.contains(##"<li><a href="#floor_area_m2">教学及辅助用房面积（平方米）</a>：教学及辅助用房面积（平方米）不能小于 0。</li>"##))
        #expect(!html.contains("daily_outdoor_minutes") && !html.contains("readiness_education"), "a primary school is not asked kindergarten figures")
        #expect(!html.contains("bandwidth_persons"), "the registry counts who shares the bandwidth")
    }

    @Test func theFormBoundsEveryNumberAndReadsNothingHalf() {
        func problems(_ form: [String: String], stages: [Stage] = [.primary]) -> [String: String] {
            switch SchoolReportFormPage.read(form, schoolID: "s", year: 2026, stages: stages, earlier: nil) {
            case .success: return [:]
            case .failure(let found): return Dictionary(uniqueKeysWithValues: found.all.map { ($0.field, $0.message.zh) })
            }
        }
        #expect(problems(["floor_area_m2": "1e400"])["floor_area_m2"] == "请填写数字（阿拉伯数字，如 4500 或 12.5）。")
        #expect(problems(["floor_area_m2": "1.2.3"])["floor_area_m2"] != nil)
        #expect(problems(["floor_area_m2": "."])["floor_area_m2"] != nil)
        #expect(problems(["multimedia_classrooms": "9223372036854775808"])["multimedia_classrooms"] == "网络多媒体教室（间）不能大于 10,000。")
        #expect(problems(["multimedia_classrooms": "-9223372036854775809"])["multimedia_classrooms"] == "网络多媒体教室（间）不能小于 0。")
        #expect(problems(["daily_exercise_minutes": "1441"])["daily_exercise_minutes"] == "学生每天校内外运动（分钟）不能大于 1,440。")
        #expect(problems(["pe_lessons.1": "41", "activity_lessons.1": "0", "psychology_lessons_per_two_weeks.1": "0"])["pe_lessons.1"] != nil)
        #expect(problems(["pe_lessons.1": "20", "activity_lessons.1": "20", "psychology_lessons_per_two_weeks.1": "2"])["pe_lessons.1"]?
            .contains("超过了一周的 40 课时") == true)
        #expect(problems(["weekly_periods.3": "30"]).keys.sorted() == ["activity_lessons.3", "pe_lessons.3", "psychology_lessons_per_two_weeks.3"])
        #expect(problems(["readiness_education": "maybe"], stages: [.kindergarten]).isEmpty, "a forged choice reads as not reported")
        // Grades outside the school's stages are not read at all.
        #expect(problems(["pe_lessons.7": "x"]).isEmpty)
        let earlier = SchoolReport(schoolID: "s", year: 2026, bandwidthPersons: 900)
        let report = try? SchoolReportFormPage.read(["floor_area_m2": "４，５００．５", "home_visits": "1 200"], schoolID: "s", year: 2026,
                                                    stages: [.primary], earlier: earlier).get()
        #expect(report?.floorArea == 4500.5 && report?.homeVisits == 1200 && report?.bandwidthPersons == 900)
        #expect(report?.timetable.isEmpty == true && report?.dailyExerciseMinutes == nil, "blank is not reported, never 0")
    }

    @Test func engineWordsBecomeCatalogueWords() {
        #expect(SupervisionFigures.reason("no school report") == .supervision(.reasonNoSchoolReport))
        #expect(SupervisionFigures.reason("floor_area_m2 not reported").zh == "未填：教学及辅助用房面积（平方米）")
        #expect(SupervisionFigures.reason("timetable of grade 3 not reported").zh == "未填三年级课表")
        #expect(SupervisionFigures.reason("class sizes of the junior stage unknown").zh == "初中班额未知")
        #expect(SupervisionFigures.reason("13 pupils of the stage, under 50").zh == "本学段学生 13 人，不足 50 人，不纳入评估")
        #expect(SupervisionFigures.reason("something new").zh == "数据不全")
        #expect(SupervisionFigures.inputName("pe_lessons_grade_2").zh == "二年级体育课（节/周）")
        #expect(SupervisionFigures.inputName("psychology_grades_junior").zh == "初中开设心理课的年级")
        #expect(SupervisionFigures.inputName("pupils_primary").zh == "小学在校生")
        #expect(SupervisionFigures.text(4500) == "4,500" && SupervisionFigures.text(33.3333, unit: "%") == "33.3" && SupervisionFigures.text(4.5) == "4.5")
        for status in IndicatorStatus.allCases { #expect(!SupervisionFigures.status(status).zh.isEmpty) }
        #expect(Set(IndicatorStatus.allCases.map { SupervisionFigures.status($0).zh }).count == IndicatorStatus.allCases.count)
        #expect(Set(BalanceVerdict.allCases.map { SupervisionFigures.verdict($0).en }).count == BalanceVerdict.allCases.count)
    }
}
