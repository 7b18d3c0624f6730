import YoujiaoCore

/// How supervision figures read on every supervision page and in its downloads: coloured by
/// status with the status said in words, never a zero for a missing figure, and the names and
/// reasons Core gives in its own terms (`floor_area_m2`, "no school report") put into words.
public enum SupervisionFigures {
    public static let catalogue = IndicatorCatalogue.shanghai2024

    /// A figure as the page shows it: the value, how it compares with its target and where it leads.
    public struct Figure: Sendable, Hashable {
        public var value: Double?
        public var unit: String
        /// nil for a figure that is not judged (a school's part of a district-only ratio).
        public var status: IndicatorStatus?
        public var href: String?
        /// What stands instead of a missing value (无数据, or 无此类学校 when the scope has none).
        public var absent: Phrase

        public init(value: Double?, unit: String, status: IndicatorStatus?, href: String? = nil, absent: Phrase = .supervision(.noData)) {
            self.value = value; self.unit = unit; self.status = status; self.href = href; self.absent = absent
        }

        /// A result of the engine; "no school in scope" says so instead of "no data".
        public init(_ result: IndicatorResult, href: String? = nil, judged: Bool = true) {
            let noSchool = result.missing.count == 1 && result.missing[0].scopeID == result.scopeID && result.missing[0].reason == "no school in scope"
            self.init(value: result.value, unit: result.unit, status: judged ? result.status : nil, href: result.value == nil ? nil : href,
                      absent: noSchool ? .supervision(.noSchoolOfTheKind) : .supervision(.noData))
        }

        public var cell: TableModel.Cell {
            guard let value, value.isFinite else {
                return .toned(.phrase(absent), tone: .neutral, note: .supervision(.noData))
            }
            let inner: TableModel.Cell = href.map { .link(SupervisionFigures.text(value, unit: unit), href: $0) } ?? SupervisionFigures.cell(value, unit: unit)
            guard let status else { return inner }
            return .toned(inner, tone: SupervisionFigures.tone(status), note: SupervisionFigures.status(status))
        }
    }

    /// Shares with one decimal, money in whole yuan, everything else with up to two; whole numbers without decimals.
    static func digits(_ value: Double, unit: String) -> Int {
        if value == value.rounded() { return 0 }
        return unit == "%" ? 1 : unit == "元/生" ? 0 : 2
    }

    /// A figure as a table cell, rounded as shown so a download holds what the page says:
    /// whole numbers as integers, the rest with the unit's digits.
    public static func cell(_ value: Double, unit: String) -> TableModel.Cell { cell(value, digits: digits(value, unit: unit)) }

    public static func cell(_ value: Double, digits: Int) -> TableModel.Cell {
        guard value.isFinite, abs(value) < 1e15 else { return .empty }
        guard digits > 0 else { return .number(Int(value.rounded())) }
        let scale = [1.0, 10, 100, 1_000, 10_000][min(digits, 4)]
        return .decimal((value * scale).rounded() / scale, digits: min(digits, 4))
    }

    /// 4500 → "4,500", 4.5 → "4.5", 33.3333 % → "33.3".
    public static func text(_ value: Double, unit: String = "") -> String {
        let digits = value == value.rounded() ? 0 : unit == "%" ? 1 : unit == "元/生" ? 0 : 2
        guard let fixed = Format.decimal(value, digits: digits) else { return "" }
        guard fixed.contains(".") else { return fixed }
        var trimmed = fixed
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }

    public static func status(_ status: IndicatorStatus) -> Phrase {
        switch status {
        case .met: return .supervision(.met)
        case .notMet: return .supervision(.notMet)
        case .noData: return .supervision(.noData)
        }
    }

    public static func tone(_ status: IndicatorStatus) -> TableModel.Tone {
        switch status {
        case .met: return .good
        case .notMet: return .bad
        case .noData: return .neutral
        }
    }

    public static func verdict(_ verdict: BalanceVerdict) -> Phrase {
        switch verdict {
        case .pass: return .supervision(.pass)
        case .fail: return .supervision(.fail)
        case .noData: return .supervision(.noData)
        }
    }

    public static func verdictCell(_ verdict: BalanceVerdict) -> TableModel.Cell {
        .badge(Self.verdict(verdict), tone: verdict == .pass ? .good : verdict == .fail ? .bad : .neutral)
    }

    public static func level(_ level: IndicatorLevel) -> Phrase {
        switch level {
        case .city: return .supervision(.levelCity)
        case .district: return .supervision(.levelDistrict)
        case .school: return .supervision(.levelSchool)
        }
    }

    public static func name(_ indicator: Indicator) -> Phrase { Phrase(zh: indicator.nameZh, en: indicator.nameEn) }

    /// The indicator of a code in words; a code the catalogue does not know (an old result) reads "indicator".
    public static func name(code: String) -> Phrase {
        catalogue.indicator(code: code).map(name) ?? .supervision(.indicator)
    }

    /// "≥ 4.5 平方米/生", the target at a level.
    public static func target(_ comparison: IndicatorComparison, _ target: Double, unit: String) -> Phrase {
        .target(comparison, text(target, unit: unit), unit: unit)
    }

    /// "12 / 20", or nothing for a figure without a denominator.
    public static func ratio(_ numerator: Double?, _ denominator: Double?) -> String {
        guard let numerator, let denominator else { return "" }
        return "\(text(numerator)) / \(text(denominator))"
    }

    /// The figures a value was computed from, e.g. "教学及辅助用房面积（平方米） 3；在校生 1".
    public static func inputs(_ inputs: [IndicatorInput]) -> Phrase {
        let parts = inputs.map { input -> Phrase in
            let name = inputName(input.name), figure = text(input.value)
            return Phrase(zh: "\(name.zh) \(figure)", en: "\(name.en) \(figure)")
        }
        return Phrase(zh: parts.map(\.zh).joined(separator: "；"), en: parts.map(\.en).joined(separator: "; "))
    }

    /// Why figures are missing; another scope's reason names it (`names`: school or district names by id).
    public static func missing(_ missing: [MissingInput], own scopeID: String? = nil, names: [String: String] = [:]) -> Phrase {
        let parts = missing.map { item -> Phrase in
            let reason = Self.reason(item.reason)
            guard item.scopeID != scopeID else { return reason }
            let who = names[item.scopeID] ?? item.scopeID
            return Phrase(zh: "\(who)：\(reason.zh)", en: "\(who): \(reason.en)")
        }
        return Phrase(zh: parts.map(\.zh).joined(separator: "；"), en: parts.map(\.en).joined(separator: "; "))
    }

    /// A reason of the engine (Core words it for logs and machine files) in words for people.
    public static func reason(_ reason: String) -> Phrase {
        switch reason {
        case "no teacher records": return .supervision(.reasonNoTeacherRecords)
        case "rotation figures not recorded": return .supervision(.reasonRotationNotRecorded)
        case "no school report": return .supervision(.reasonNoSchoolReport)
        case "the school has no pupils": return .supervision(.reasonNoPupils)
        case "no classes recorded": return .supervision(.reasonNoClasses)
        case "the denominator is zero": return .supervision(.reasonDenominatorZero)
        case "no school in scope": return .supervision(.reasonNoSchoolInScope)
        case "no district report": return .supervision(.reasonNoDistrictReport)
        case "no school-age disabled children reported": return .supervision(.reasonNoDisabledChildren)
        case "no persons to share the bandwidth": return .supervision(.reasonNoPersons)
        case "bandwidth_persons not reported and no teacher records to derive it": return .supervision(.reasonBandwidthPersonsUnknown)
        case "not applicable": return .supervision(.reasonNotApplicable)
        default: break
        }
        let words = reason.split(separator: " ").map(String.init)
        if words.count == 3, words[1] == "not", words[2] == "reported", let field = fieldLabel(words[0]) {
            return .notReportedField(field)
        }
        if words.count == 6, words[0] == "timetable", let grade = Grade(rawValue: words[3]) { return .gradeTimetableMissing(grade) }
        if words.count == 7, words[0] == "class", let stage = Stage(rawValue: words[4]) { return .classSizesUnknown(stage) }
        if words.count == 7, words[1] == "pupils", let pupils = Int(words[0]), let minimum = Int(words[6]) {
            return .excludedForSize(pupils: pupils, minimum: minimum)
        }
        return .supervision(.reasonOther)
    }

    /// The label of a column of the school report (the form's and the import file's).
    public static func fieldLabel(_ column: String) -> Phrase? {
        switch column {
        case "floor_area_m2": return .supervision(.floorArea)
        case "sports_ground_m2": return .supervision(.sportsGround)
        case "equipment_value_yuan": return .supervision(.equipmentValue)
        case "multimedia_classrooms": return .supervision(.multimediaClassrooms)
        case "bandwidth_mbps": return .supervision(.bandwidth)
        case "bandwidth_persons": return .supervision(.inputPersons)
        case "daily_exercise_minutes": return .supervision(.dailyExercise)
        case "daily_outdoor_minutes": return .supervision(.dailyOutdoor)
        case "home_visits": return .supervision(.homeVisits)
        case "family_education_activities": return .supervision(.familyActivities)
        case "readiness_education": return .supervision(.readiness)
        case "pe_lessons": return .supervision(.peLessons)
        case "activity_lessons": return .supervision(.activityLessons)
        case "psychology_lessons_per_two_weeks": return .supervision(.psychologyLessons)
        case "weekly_periods": return .supervision(.weeklyPeriods)
        default: return nil
        }
    }

    /// The name of a figure behind a value (`pupils`, `pe_lessons_grade_3`) in words.
    public static func inputName(_ name: String) -> Phrase {
        switch name {
        case "pupils": return .supervision(.inputPupils)
        case "public_pupils": return .supervision(.inputPublicPupils)
        case "inclusive_pupils": return .supervision(.inputInclusivePupils)
        case "public_migrant_pupils": return .supervision(.inputPublicMigrantPupils)
        case "migrant_pupils": return .supervision(.inputMigrantPupils)
        case "full_time_psychology_teachers": return .supervision(.psychologyTeachers)
        case "rotated": return .supervision(.rotated)
        case "eligible": return .supervision(.rotationEligible)
        case "key_rotated": return .supervision(.keyRotated)
        case "teachers_above_required_degree": return .supervision(.inputTeachersAboveDegree)
        case "key_teachers": return .supervision(.keyTeachers)
        case "pe_arts_teachers": return .supervision(.peArtsTeachers)
        case "persons": return .supervision(.inputPersons)
        case "largest_class": return .supervision(.largestClass)
        case "classes": return .supervision(.classes)
        case "classes_over_target": return .supervision(.inputClassesOverTarget)
        default: break
        }
        if let field = fieldLabel(name) { return field }
        if name.hasPrefix("pupils_"), let stage = Stage(rawValue: String(name.dropFirst("pupils_".count))) { return .stagePupilsInput(stage) }
        if name.hasPrefix("psychology_grades_"), let stage = Stage(rawValue: String(name.dropFirst("psychology_grades_".count))) {
            return .psychologyGrades(stage)
        }
        if let range = name.range(of: "_grade_"), let field = fieldLabel(String(name[..<range.lowerBound])),
           let grade = Grade(rawValue: String(name[range.upperBound...])) {
            return .inputGrade(field, grade)
        }
        return .supervision(.reasonOther)
    }
}

/// A sort of rows held in memory (supervision figures are computed per request, not stored):
/// numbers compare as numbers with missing ones first, text by code point, ties by `tie`.
struct SupervisionSortValue: Comparable {
    var number: Double
    var text: String
    static func number(_ value: Double?) -> SupervisionSortValue { SupervisionSortValue(number: value ?? -.infinity, text: "") }
    static func text(_ value: String) -> SupervisionSortValue { SupervisionSortValue(number: 0, text: value) }
    static func < (a: SupervisionSortValue, b: SupervisionSortValue) -> Bool { a.number != b.number ? a.number < b.number : a.text < b.text }
}

extension Array {
    func supervisionSorted(by sort: TableSort, value: (Element, String) -> SupervisionSortValue, tie: (Element) -> String) -> [Element] {
        sorted { a, b in
            let (x, y) = (value(a, sort.key), value(b, sort.key))
            if x == y { return tie(a) < tie(b) }
            return sort.direction == .ascending ? x < y : y < x
        }
    }
}

/// Addresses of the supervision pages, with the codes in them encoded; `year` keeps the year on view.
public enum SupervisionLinks {
    public static func district(_ code: String, year: Int? = nil) -> String {
        "/supervision/districts/\(PageAddress.encode(code))" + (year.map { "?year=\($0)" } ?? "")
    }
    public static func school(_ id: String, year: Int? = nil) -> String {
        "/supervision/schools/\(PageAddress.encode(id))" + (year.map { "?year=\($0)" } ?? "")
    }
    public static func indicator(district: String, indicator: String, year: Int) -> String {
        "/supervision/districts/\(PageAddress.encode(district))/indicators/\(PageAddress.encode(indicator))?year=\(year)"
    }
}
