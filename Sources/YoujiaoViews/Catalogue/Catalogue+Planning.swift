import YoujiaoCore

extension Catalogue {
    /// School-place planning (学位供给): the city table, a district's charts, the backtest,
    /// scenarios and their comparison.
    public enum Planning: PhraseBook {
        // Titles and links.
        case overviewTitle, backtestTitle, scenariosTitle, compareTitle
        case backtestLink, scenariosLink, backToCity, backToPlanning, allScenarios, compareWithBaseline, openInCityTable
        // The scenario picker above the tables.
        case scenario, baselineChoice, baseline, years, project
        // Findings and gap tables.
        case seatsRule, findingsHeading, findingsTable, stage, shortDistricts, none
        case legendShort, legendSurplus, legendDarker, district, seatsNow, year, demand, seats, gap, schoolsShort, seatGapsTable
        // One district.
        case observedPupils, projectedPupils, seatsLine, projectionRange, yearByYear, yearTable, kind, observed, projected
        case pupils, low, high
        // Backtest.
        case holdout, birthsAssumption, birthsTrend, birthsHeld, run, otherBirths, byHorizon, horizon, cells
        case districtStageMape, meanError, referenceNote, byGroup, groupedBy, name, mape, byCell, actual, error, absolutePercentError
        case horizonTable, groupTable, cellTable, cityTotal, districtTotal
        // Scenarios.
        case noScenarios, compareTwo, newScenario, scope, wholeCity, births, horizonYears, openings, closures, owner, updated
        case scenariosTable, editScenario, deleteScenario, saveScenario, scenarioSaved, scenarioDeleted, compare
        case deletedScenarioLeavesComparisons, scenarioChanges
        case birthsHeldChoice, birthsTrendChoice, birthsSeriesChoice, trendYears, birthsSeries, birthsSeriesHint
        case changesHeading, changeKind, opening, closure, changeYear, changeSeats, changeLabel, noDistrictChosen
        // Form problems.
        case nameMissing, nameTooLong, unknownDistrict, birthsChoiceInvalid
        // Comparison.
        case totalsTable, shortSeats, emptySeats, districtByYear, comparisonTable, demandDifference, seatsDifference

        public var phrase: Phrase {
            switch self {
            case .overviewTitle: return Phrase(zh: "学位供需规划", en: "School-place planning")
            case .backtestTitle: return Phrase(zh: "预测回测", en: "Projection backtest")
            case .scenariosTitle: return Phrase(zh: "规划情景", en: "Planning scenarios")
            case .compareTitle: return Phrase(zh: "情景比较", en: "Scenario comparison")
            case .backtestLink: return Phrase(zh: "回测误差", en: "Backtest errors")
            case .scenariosLink: return Phrase(zh: "规划情景", en: "Scenarios")
            case .backToCity: return Phrase(zh: "返回全市", en: "Back to the city")
            case .backToPlanning: return Phrase(zh: "返回规划", en: "Back to planning")
            case .allScenarios: return Phrase(zh: "全部情景", en: "All scenarios")
            case .compareWithBaseline: return Phrase(zh: "与基准情景比较", en: "Compare with the baseline")
            case .openInCityTable: return Phrase(zh: "在全市表中查看（可下载）", en: "Open in the city table (downloads)")
            case .scenario: return Phrase(zh: "情景", en: "Scenario")
            case .baselineChoice: return Phrase(zh: "基准情景（出生数保持不变，无新增学校）", en: "Baseline (births held, no new schools)")
            case .baseline: return Phrase(zh: "基准情景", en: "Baseline")
            case .years: return Phrase(zh: "预测年数", en: "Years")
            case .project: return Phrase(zh: "计算", en: "Project")
            case .seatsRule: return Phrase(zh: "学位 = 注册学校起始年级学位 × 学段年级数。", en: "Seats = the registry's entry seats × the grades of the stage.")
            case .findingsHeading: return Phrase(zh: "缺位与富余的区", en: "Where seats run short or empty")
            case .findingsTable: return Phrase(zh: "各学段缺位与空位较多的区", en: "Districts short of seats or with many empty seats, by stage")
            case .stage: return Phrase(zh: "学段", en: "Stage")
            case .shortDistricts: return Phrase(zh: "缺位的区（最大缺口及年份）", en: "Districts short of seats (largest shortfall, year)")
            case .none: return Phrase(zh: "无", en: "none")
            case .legendShort: return Phrase(zh: "学位缺口（需求 > 学位）", en: "shortfall (demand > seats)")
            case .legendSurplus: return Phrase(zh: "学位富余（空位）", en: "surplus (empty seats)")
            case .legendDarker: return Phrase(zh: "颜色越深，缺口或富余占学位数的比例越大（5%、15%）。", en: "Darker: a larger share of the seats (5 %, 15 %).")
            case .district: return Phrase(zh: "区", en: "District")
            case .seatsNow: return Phrase(zh: "现有学位", en: "Seats now")
            case .year: return Phrase(zh: "年份", en: "Year")
            case .demand: return Phrase(zh: "需求", en: "Demand")
            case .seats: return Phrase(zh: "学位", en: "Seats")
            case .gap: return Phrase(zh: "缺口", en: "Gap")
            case .schoolsShort: return Phrase(zh: "约缺标准校（所）", en: "Standard schools short")
            case .seatGapsTable: return Phrase(zh: "各区各学段逐年学位缺口", en: "Seat gaps by district, stage and year")
            case .observedPupils: return Phrase(zh: "实际在校生", en: "Observed")
            case .projectedPupils: return Phrase(zh: "预测", en: "Projected")
            case .seatsLine: return Phrase(zh: "学位", en: "Seats")
            case .projectionRange: return Phrase(zh: "预测区间（低–高）", en: "Low–high range")
            case .yearByYear: return Phrase(zh: "逐年数据", en: "Year by year")
            case .yearTable: return Phrase(zh: "各学段逐年在校生、预测与学位", en: "Pupils, projection and seats by stage and year")
            case .kind: return Phrase(zh: "类型", en: "Kind")
            case .observed: return Phrase(zh: "实际", en: "Observed")
            case .projected: return Phrase(zh: "预测", en: "Projected")
            case .pupils: return Phrase(zh: "学生数", en: "Pupils")
            case .low: return Phrase(zh: "低", en: "Low")
            case .high: return Phrase(zh: "高", en: "High")
            case .holdout: return Phrase(zh: "回测年数", en: "Years held out")
            case .birthsAssumption: return Phrase(zh: "出生假设", en: "Births")
            case .birthsTrend: return Phrase(zh: "按最近 5 年趋势外推", en: "Trend of the last 5 years")
            case .birthsHeld: return Phrase(zh: "保持最近一年不变", en: "Held at the last known year")
            case .run: return Phrase(zh: "计算", en: "Run")
            case .otherBirths: return Phrase(zh: "换用另一出生假设", en: "Try the other births assumption")
            case .byHorizon: return Phrase(zh: "按预测年距", en: "By horizon")
            case .horizon: return Phrase(zh: "预测年距", en: "Horizon")
            case .cells: return Phrase(zh: "单元数", en: "Cells")
            case .districtStageMape: return Phrase(zh: "区×学段平均绝对百分比误差（%）", en: "District × stage MAPE (%)")
            case .meanError: return Phrase(zh: "平均误差（人）", en: "Mean error (pupils)")
            case .referenceNote:
                return Phrase(zh: "参照：美国国家教育统计中心《教育统计预测》全国公立学校在校生预测的历史平均绝对百分比误差，年距 1–5 年为 0.3%、0.6%、0.8%、1.1%、1.3%；单个州在长年距下可达 10%。",
                              en: "For reference: NCES Projections of Education Statistics, national public enrollment, past MAPE 0.3, 0.6, 0.8, 1.1 and 1.3 % at lead 1–5 years; single states reach 10 % at long leads.")
            case .byGroup: return Phrase(zh: "按学段和区", en: "By stage and district")
            case .groupedBy: return Phrase(zh: "汇总", en: "By")
            case .name: return Phrase(zh: "名称", en: "Name")
            case .mape: return Phrase(zh: "平均绝对百分比误差（%）", en: "MAPE (%)")
            case .byCell: return Phrase(zh: "区 × 学段 × 年距", en: "District × stage × horizon")
            case .actual: return Phrase(zh: "实际", en: "Actual")
            case .error: return Phrase(zh: "误差（人）", en: "Error (pupils)")
            case .absolutePercentError: return Phrase(zh: "绝对百分比误差（%）", en: "Absolute percentage error (%)")
            case .horizonTable: return Phrase(zh: "各预测年距的误差", en: "Errors by horizon")
            case .groupTable: return Phrase(zh: "各学段和各区的误差", en: "Errors by stage and by district")
            case .cellTable: return Phrase(zh: "每个区、学段和年距的预测与实际", en: "Projected and actual pupils by district, stage and horizon")
            case .cityTotal: return Phrase(zh: "全市", en: "City")
            case .districtTotal: return Phrase(zh: "本区合计", en: "District total")
            case .noScenarios: return Phrase(zh: "还没有情景。可在下面新建一个。", en: "No scenarios yet. Create one below.")
            case .compareTwo: return Phrase(zh: "比较两个情景", en: "Compare two scenarios")
            case .newScenario: return Phrase(zh: "新建情景", en: "New scenario")
            case .scope: return Phrase(zh: "范围", en: "Scope")
            case .wholeCity: return Phrase(zh: "全市", en: "Whole city")
            case .births: return Phrase(zh: "出生假设", en: "Births")
            case .horizonYears: return Phrase(zh: "预测年数", en: "Years")
            case .openings: return Phrase(zh: "新建", en: "Openings")
            case .closures: return Phrase(zh: "关停", en: "Closures")
            case .owner: return Phrase(zh: "制定人", en: "Owner")
            case .updated: return Phrase(zh: "更新于", en: "Updated")
            case .scenariosTable: return Phrase(zh: "已保存的情景", en: "Saved scenarios")
            case .editScenario: return Phrase(zh: "修改情景", en: "Edit the scenario")
            case .deleteScenario: return Phrase(zh: "删除情景", en: "Delete scenario")
            case .saveScenario: return Phrase(zh: "保存情景", en: "Save scenario")
            case .scenarioSaved: return Phrase(zh: "情景已保存。", en: "The scenario is saved.")
            case .scenarioDeleted: return Phrase(zh: "情景已删除。", en: "The scenario is deleted.")
            case .deletedScenarioLeavesComparisons:
                return Phrase(zh: "它将不再出现在情景列表和比较中；基准情景和其他情景不受影响。", en: "It will no longer appear in the list or in comparisons; the baseline and other scenarios are not affected.")
            case .scenarioChanges: return Phrase(zh: "假设条数（新建与关停）", en: "Assumptions (openings and closures)")
            case .compare: return Phrase(zh: "比较", en: "Compare")
            case .birthsHeldChoice: return Phrase(zh: "保持最近一年不变", en: "Held at the last known year")
            case .birthsTrendChoice: return Phrase(zh: "按最近若干年的线性趋势", en: "Linear trend of the last years")
            case .birthsSeriesChoice: return Phrase(zh: "自定义序列（填在下面）", en: "Own series (below)")
            case .trendYears: return Phrase(zh: "趋势年数（2–20，按线性趋势时）", en: "Trend years (2–20, for the linear trend)")
            case .birthsSeries: return Phrase(zh: "出生数序列", en: "Births series")
            case .birthsSeriesHint:
                return Phrase(zh: "每行一个区一年：区代码,年份,出生数（例如 310104,2030,8500）；只填已知年份之后的年份。",
                              en: "One district and year a line: district code,year,births (for example 310104,2030,8500); years after the last known one only.")
            case .changesHeading:
                return Phrase(zh: "新建与关停（学位数为该学段全部年级的学位，自该学年起）",
                              en: "Openings and closures (seats over all grades of the stage, from that school year)")
            case .changeKind: return Phrase(zh: "类型", en: "Kind")
            case .opening: return Phrase(zh: "新建/扩容", en: "Opening")
            case .closure: return Phrase(zh: "关停/缩减", en: "Closure")
            case .changeYear: return Phrase(zh: "学年", en: "School year")
            case .changeSeats: return Phrase(zh: "学位", en: "Seats")
            case .changeLabel: return Phrase(zh: "说明", en: "Label")
            case .noDistrictChosen: return Phrase(zh: "（选择区）", en: "(choose)")
            case .nameMissing: return Phrase(zh: "请填写情景名称。", en: "Give the scenario a name.")
            case .nameTooLong: return Phrase(zh: "名称不超过 80 个字。", en: "The name may have at most 80 characters.")
            case .unknownDistrict: return Phrase(zh: "没有这个区，请从列表中选择。", en: "No such district; choose one from the list.")
            case .birthsChoiceInvalid: return Phrase(zh: "请选择一种出生假设。", en: "Choose one of the births assumptions.")
            case .totalsTable: return Phrase(zh: "两个情景各学段合计", en: "Both scenarios' totals by stage")
            case .shortSeats: return Phrase(zh: "缺位", en: "short")
            case .emptySeats: return Phrase(zh: "空位", en: "empty")
            case .districtByYear: return Phrase(zh: "逐区逐年", en: "District by year")
            case .comparisonTable: return Phrase(zh: "两个情景逐区逐年的需求、学位和缺口", en: "Demand, seats and gaps of both scenarios by district and year")
            case .demandDifference: return Phrase(zh: "需求差（乙 − 甲）", en: "Demand B − A")
            case .seatsDifference: return Phrase(zh: "学位差（乙 − 甲）", en: "Seats B − A")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.planningSummary(baseYear: 2025, firstYear: 2026, lastYear: 2035, births: .planningBirths(.linearTrend(years: 5))),
             .planningBirths(.constant), .planningBaseYearNote(latest: 2026, baseYear: 2025), .planningStageGapHeading(.primary),
             .planningStageGapTable(.junior), .planningEmptyDistricts(lastYear: 2035), .planningShortEntry(district: "浦东新区", gap: 1_234, year: 2030, schools: 2),
             .planningShortEntry(district: "黄浦区", gap: 40, year: 2030, schools: 0),
             .planningEmptyEntry(district: "黄浦区", percent: 12), .planningGapNote(demand: 1_100, seats: 900),
             .planningDistrictTitle("黄浦区"), .planningChartTitle(district: "黄浦区", stage: .primary),
             .planningBacktestSummary(origin: 2020, holdout: 5, trend: true), .planningBacktestSummary(origin: 2020, holdout: 5, trend: false),
             .planningStageMape(total: .planning(.cityTotal), stage: .senior), .planningScenarioTitle("徐汇新校"),
             .planningUpdated(.verbatim("2026-12-06 10:42")), .planningBirthsLegend(baseYear: 2025), .planningChangeRow(2),
             .planningYearsRange(maximum: 15, typed: "16"), .planningTrendYearsRange(typed: "1"),
             .planningSeriesOutside(row: 3, district: "徐汇区"), .planningChangeProblem(row: 1, .planning(.unknownDistrict)),
             .planningChangeOutside(district: "徐汇区", scope: "黄浦区"), .planningChangeYearRange(first: 2026, last: 2040, typed: "2019"),
             .planningSeatsRange(maximum: 100_000, typed: "-5"), .planningLabelTooLong, .planningKindInvalid, .planningStageInvalid,
             .planningSeriesUnreadable(detail: "row 2: births 'abc' is not a number"),
             .planningCannotProject(detail: "closures exceed seats"), .planningScenarioOutsideDistrict("黄浦区"),
             .planningDifferentDistricts("黄浦区", "徐汇区"), .planningCompareSummary(a: "基准情景", aBirths: .planningBirths(.constant),
                                                                                 b: "徐汇新校", bBirths: .planningBirths(.linearTrend(years: 4))),
             .planningTotalsHeading(lastYear: 2035), .planningScenarioColumn(second: true, .planning(.demand)), .planningScenarioLetter(second: false),
             .planningHoldoutRange(maximum: 5, firstYear: 2013, lastYear: 2025, typed: "7"), .planningBirthsChoiceRange(typed: "上升"),
             .planningHistoryTooShort(firstYear: 2020, lastYear: 2025, needed: 8), .planningNoHistory, .planningForPlannersOnly,
             .planningOtherDistrict, .planningScenarioOutsideScope, .planningNoSuchDistrict, .planningNoSuchScenario, .planningOwnDistrictOnly]
        }
    }
}

extension Phrase {
    public static func planning(_ key: Catalogue.Planning) -> Phrase { key.phrase }

    /// "基准年 2025（预测起点），预测 2026–2035 年；出生数保持最近一年。"
    public static func planningSummary(baseYear: Int, firstYear: Int, lastYear: Int, births: Phrase) -> Phrase {
        Phrase(zh: "基准年 \(baseYear)（预测起点），预测 \(firstYear)–\(lastYear) 年；\(births.zh)。",
               en: "Base year \(baseYear) (the last observed year projected from), projected \(firstYear)–\(lastYear); \(births.en).")
    }

    /// A births assumption in words.
    public static func planningBirths(_ births: BirthsAssumption) -> Phrase {
        switch births {
        case .constant: return Phrase(zh: "出生数保持最近一年", en: "births held at the last known year")
        case .linearTrend(let years):
            return Phrase(zh: "出生数按最近 \(years) 年线性趋势外推", en: "births continue the linear trend of the last \(years) years")
        case .series: return Phrase(zh: "出生数按情景给定序列", en: "births from the scenario's own series")
        }
    }

    public static func planningBaseYearNote(latest: Int, baseYear: Int) -> Phrase {
        Phrase(zh: "在校生数据已到 \(latest) 年，但出生数据只到 \(baseYear) 年；预测从两者都覆盖的 \(baseYear) 年起，\(latest) 年的实际数可用来检验预测。",
               en: "The enrollment history reaches \(latest) but the births only \(baseYear); projections start from \(baseYear), which both reach, so \(latest)'s observed pupils check the projection.")
    }

    public static func planningStageGapHeading(_ stage: Stage) -> Phrase {
        let label = Phrase.stage(stage)
        return Phrase(zh: "\(label.zh)：学位缺口（需求 − 学位）", en: "\(label.en): seat gap (demand − seats)")
    }

    public static func planningStageGapTable(_ stage: Stage) -> Phrase {
        let label = Phrase.stage(stage)
        return Phrase(zh: "\(label.zh)各区逐年学位缺口", en: "\(label.en) seat gap by district and year")
    }

    public static func planningEmptyDistricts(lastYear: Int) -> Phrase {
        Phrase(zh: "\(lastYear) 年空位超过一成的区（空位比例）", en: "Districts with over a tenth of seats empty in \(lastYear) (share)")
    }

    /// "浦东新区 +1,234（2030 年，约 2 所标准校）"; a shortfall under half a standard school names no schools.
    public static func planningShortEntry(district: String, gap: Int, year: Int, schools: Int) -> Phrase {
        let figure = Format.signed(gap)
        guard schools > 0 else { return Phrase(zh: "\(district) \(figure)（\(year) 年）", en: "\(district) \(figure) (\(year))") }
        return Phrase(zh: "\(district) \(figure)（\(year) 年，约 \(schools) 所标准校）",
                      en: "\(district) \(figure) (\(year), ≈ \(schools) standard school\(schools == 1 ? "" : "s"))")
    }

    public static func planningEmptyEntry(district: String, percent: Int) -> Phrase {
        Phrase(zh: "\(district)（空位 \(percent)%）", en: "\(district) (\(percent) % empty)")
    }

    public static func planningGapNote(demand: Int, seats: Int) -> Phrase {
        Phrase(zh: "需求 \(Format.number(demand))，学位 \(Format.number(seats))", en: "demand \(Format.number(demand)), seats \(Format.number(seats))")
    }

    public static func planningDistrictTitle(_ district: String) -> Phrase {
        Phrase(zh: "\(district)学位规划", en: "\(district): school places")
    }

    public static func planningChartTitle(district: String, stage: Stage) -> Phrase {
        let label = Phrase.stage(stage)
        return Phrase(zh: "\(district)\(label.zh)：在校生与学位", en: "\(district) \(label.en): pupils and seats")
    }

    public static func planningBacktestSummary(origin: Int, holdout: Int, trend: Bool) -> Phrase {
        Phrase(zh: "以 \(origin) 年为起点（只使用当时已知的出生数，之后按\(trend ? "最近 5 年趋势" : "最近一年不变")外推），预测 \(origin + 1)–\(origin + holdout) 年，与实际在校生比较。误差 = 预测 − 实际；平均绝对百分比误差越小越准。",
               en: "Projected \(origin + 1)–\(origin + holdout) from \(origin), knowing only the births known then (later births: \(trend ? "the trend of the last 5 years" : "held at the last known year")), against the observed pupils. Error = projected − actual; MAPE = mean absolute percentage error.")
    }

    /// "全市小学 MAPE（%）" for the horizon table's per-stage columns.
    public static func planningStageMape(total: Phrase, stage: Stage) -> Phrase {
        let label = Phrase.stage(stage)
        return Phrase(zh: "\(total.zh)\(label.zh)平均绝对百分比误差（%）", en: "\(total.en) \(label.en) MAPE (%)")
    }

    public static func planningScenarioTitle(_ name: String) -> Phrase { Phrase(zh: "情景：\(name)", en: "Scenario: \(name)") }

    public static func planningUpdated(_ time: Phrase) -> Phrase { Phrase(zh: "更新于 \(time.zh)", en: "updated \(time.en)") }

    /// The births fieldset's legend; the year is the last one whose births are known.
    public static func planningBirthsLegend(baseYear: Int) -> Phrase {
        Phrase(zh: "出生假设（\(baseYear) 年后入学队列）", en: "Births after \(baseYear)")
    }

    public static func planningChangeRow(_ number: Int) -> Phrase { Phrase(zh: "第 \(number) 行", en: "Row \(number)") }

    public static func planningYearsRange(maximum: Int, typed: String) -> Phrase {
        Phrase(zh: "预测年数须为 1–\(maximum) 的整数，收到“\(typed)”。", en: "The years must be a whole number from 1 to \(maximum), not “\(typed)”.")
    }

    public static func planningTrendYearsRange(typed: String) -> Phrase {
        Phrase(zh: "趋势年数须为 2–20 的整数，收到“\(typed)”。", en: "The trend years must be a whole number from 2 to 20, not “\(typed)”.")
    }

    public static func planningSeriesOutside(row: Int, district: String) -> Phrase {
        Phrase(zh: "出生数序列第 \(row) 行：\(district)不在本情景的范围内。", en: "Births series row \(row): \(district) is outside the scenario's district.")
    }

    /// A problem of one change row, prefixed with its row number.
    public static func planningChangeProblem(row: Int, _ problem: Phrase) -> Phrase {
        Phrase(zh: "第 \(row) 行：\(problem.zh)", en: "Row \(row): \(problem.en)")
    }

    public static func planningChangeOutside(district: String, scope: String) -> Phrase {
        Phrase(zh: "\(district)不在本情景的范围（\(scope)）内。", en: "\(district) is outside the scenario's district, \(scope).")
    }

    public static func planningChangeYearRange(first: Int, last: Int, typed: String) -> Phrase {
        Phrase(zh: "学年须为 \(first)–\(last) 的整数，收到“\(typed)”。", en: "The school year must be a whole number from \(first) to \(last), not “\(typed)”.")
    }

    public static func planningSeatsRange(maximum: Int, typed: String) -> Phrase {
        Phrase(zh: "学位数须为 1–\(Format.number(maximum)) 的整数，收到“\(typed)”。",
               en: "The seats must be a whole number from 1 to \(Format.number(maximum)), not “\(typed)”.")
    }

    public static var planningLabelTooLong: Phrase { Phrase(zh: "说明不超过 100 个字。", en: "The label may have at most 100 characters.") }
    public static var planningKindInvalid: Phrase { Phrase(zh: "类型须为新建或关停。", en: "The kind must be an opening or a closure.") }
    public static var planningStageInvalid: Phrase {
        Phrase(zh: "学段须为幼儿园、小学、初中或高中。", en: "The stage must be kindergarten, primary, junior or senior secondary.")
    }

    /// The births series could not be read; the engine's own words (English) are kept for the English page.
    public static func planningSeriesUnreadable(detail: String) -> Phrase {
        Phrase(zh: "出生数序列无法读取：请检查每行的区代码、年份和出生数（非负整数）。",
               en: "The births series cannot be read: \(detail)")
    }

    /// The scenario's fields are each right but the projection refuses them together.
    public static func planningCannotProject(detail: String) -> Phrase {
        Phrase(zh: "按此情景无法计算：关停的学位可能多于现有学位，或出生数序列没有覆盖所需的年份。",
               en: "Cannot project this scenario: \(detail)")
    }

    public static func planningScenarioOutsideDistrict(_ district: String) -> Phrase {
        Phrase(zh: "这个情景只规划\(district)。", en: "This scenario plans \(district) only.")
    }

    public static func planningDifferentDistricts(_ a: String, _ b: String) -> Phrase {
        Phrase(zh: "两个情景规划不同的区（\(a)、\(b)），无法比较。", en: "The scenarios plan different districts (\(a), \(b)); nothing to compare.")
    }

    public static func planningCompareSummary(a: String, aBirths: Phrase, b: String, bBirths: Phrase) -> Phrase {
        Phrase(zh: "情景甲：\(a)（\(aBirths.zh)）；情景乙：\(b)（\(bBirths.zh)）", en: "A: \(a) (\(aBirths.en)); B: \(b) (\(bBirths.en))")
    }

    public static func planningTotalsHeading(lastYear: Int) -> Phrase {
        Phrase(zh: "\(lastYear) 年各学段合计", en: "Totals by stage in \(lastYear)")
    }

    /// "情景甲" / "Scenario A": one of the two compared scenarios (甲 and 乙 in Chinese).
    public static func planningScenarioLetter(second: Bool) -> Phrase {
        second ? Phrase(zh: "情景乙", en: "Scenario B") : Phrase(zh: "情景甲", en: "Scenario A")
    }

    /// "甲需求" / "A demand": a column of one of the two compared scenarios.
    public static func planningScenarioColumn(second: Bool, _ column: Phrase) -> Phrase {
        Phrase(zh: (second ? "乙" : "甲") + column.zh, en: (second ? "B " : "A ") + column.en.lowercased())
    }

    public static func planningHoldoutRange(maximum: Int, firstYear: Int, lastYear: Int, typed: String) -> Phrase {
        Phrase(zh: "回测年数须为 1–\(maximum) 的整数（历史 \(firstYear)–\(lastYear) 年），收到“\(typed)”。",
               en: "The years held out must be a whole number from 1 to \(maximum) (history \(firstYear)–\(lastYear)), not “\(typed)”.")
    }

    public static func planningBirthsChoiceRange(typed: String) -> Phrase {
        Phrase(zh: "出生假设须为“按趋势”或“保持不变”，收到“\(typed)”。", en: "The births assumption must be the trend or held, not “\(typed)”.")
    }

    public static func planningHistoryTooShort(firstYear: Int, lastYear: Int, needed: Int) -> Phrase {
        Phrase(zh: "在校生历史只有 \(firstYear)–\(lastYear) 年，回测至少需要 \(needed) 年。",
               en: "The enrollment history covers \(firstYear)–\(lastYear); a backtest needs at least \(needed) years.")
    }

    public static var planningNoHistory: Phrase {
        Phrase(zh: "数据库中还没有在校生历史数据，无法预测。请先导入在校生和出生数。",
               en: "The database holds no enrollment history to project from; import enrollment and births first.")
    }
    public static var planningForPlannersOnly: Phrase {
        Phrase(zh: "学位规划仅对市、区管理员开放。", en: "School-place planning is for city and district planners.")
    }
    public static var planningNoSuchDistrict: Phrase { Phrase(zh: "没有这个区。", en: "No such district.") }
    public static var planningNoSuchScenario: Phrase { Phrase(zh: "没有这个情景。", en: "No such scenario.") }
    public static var planningOwnDistrictOnly: Phrase {
        Phrase(zh: "区级管理员只能为本区制定情景。", en: "A district planner plans their own district only.")
    }
    public static var planningOtherDistrict: Phrase {
        Phrase(zh: "您无权查看其他区的规划数据。", en: "You may not see another district's planning figures.")
    }
    public static var planningScenarioOutsideScope: Phrase {
        Phrase(zh: "您无权查看这个情景。", en: "This scenario is outside your scope.")
    }
}
