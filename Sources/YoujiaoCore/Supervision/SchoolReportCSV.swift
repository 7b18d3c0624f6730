import Foundation

/// Reads and writes the yearly school reports (`youjiao import school-reports FILE`).
/// Columns are documented in docs/supervision.md; an empty cell means "not reported".
public enum SchoolReportCSV {
    /// English names and the Chinese labels a spreadsheet may use instead (the web form's labels).
    public static let csvColumns = [
        CSVColumn("school_id", "学校标识码"), CSVColumn("year", "学年"),
        // Labels GBK can hold (no "m²"): a file saved from Excel as GBK keeps its header.
        CSVColumn("floor_area_m2", "教学及辅助用房面积（平方米）"), CSVColumn("sports_ground_m2", "体育运动场馆面积（平方米）"),
        CSVColumn("equipment_value_yuan", "教学仪器设备值（元）"), CSVColumn("multimedia_classrooms", "网络多媒体教室（间）"),
        CSVColumn("bandwidth_mbps", "出口带宽（Mbps）"), CSVColumn("bandwidth_persons", "共用带宽人数"),
        CSVColumn("pe_lessons", "体育课（节/周）"), CSVColumn("activity_lessons", "体育活动课（节/周）"),
        CSVColumn("psychology_lessons_per_two_weeks", "心理健康活动课（节/两周）"), CSVColumn("weekly_periods", "周总课时"),
        CSVColumn("daily_exercise_minutes", "学生每天校内外运动（分钟）"), CSVColumn("daily_outdoor_minutes", "幼儿每日户外活动（分钟）"),
        CSVColumn("home_visits", "本学年家访次数"), CSVColumn("family_education_activities", "本学年家庭教育指导和实践活动（次）"),
        CSVColumn("readiness_education", "大班开展入学准备教育"),
    ]
    public static let columns = csvColumns.map(\.name)
    /// Eight periods a day, five days: no grade's week holds more.
    public static let maxWeeklyPeriods = 40
    static let timetableColumns = ["pe_lessons", "activity_lessons", "psychology_lessons_per_two_weeks"]
    static let minutesInDay = 1440

    public static func parse(data: Data, fileName: String, knownSchoolIDs: Set<String>, knownYears: Set<Int>,
                             limits: CSVLimits = .standard, encoding: TextEncodingChoice = .auto) throws -> [SchoolReport] {
        try parse(CSVTable.parse(data: data, fileName: fileName, limits: limits, encoding: encoding),
                  knownSchoolIDs: knownSchoolIDs, knownYears: knownYears)
    }

    /// Every problem of the file in one `InputErrors`; nothing is returned unless the whole file is valid.
    public static func parse(_ table: CSVTable, knownSchoolIDs: Set<String>, knownYears: Set<Int>) throws -> [SchoolReport] {
        let table = try table.resolvingColumns(csvColumns)
        var reader = SupervisionErrorCollector()
        var reports: [SchoolReport] = []
        var firstRow: [String: Int] = [:]
        for row in table.rows {
            let errorsBefore = reader.errors.count
            let schoolID = reader.read { try row.knownValue("school_id", in: knownSchoolIDs, what: "school") }
            let year = reader.read { try row.knownYear("year", in: knownYears) }
            var report = SchoolReport(schoolID: schoolID ?? "", year: year ?? 0)
            report.floorArea = reader.read { try row.nonNegativeDouble("floor_area_m2") } ?? nil
            report.sportsGroundArea = reader.read { try row.nonNegativeDouble("sports_ground_m2") } ?? nil
            report.equipmentValue = reader.read { try row.nonNegativeDouble("equipment_value_yuan") } ?? nil
            report.multimediaClassrooms = reader.read { try row.nonNegativeInt("multimedia_classrooms") } ?? nil
            report.bandwidthMbps = reader.read { try row.nonNegativeDouble("bandwidth_mbps") } ?? nil
            report.bandwidthPersons = reader.read { try row.positiveInt("bandwidth_persons") } ?? nil
            report.timetable = reader.read { try timetable(row) } ?? [:]
            report.dailyExerciseMinutes = reader.read { try row.nonNegativeInt("daily_exercise_minutes", max: minutesInDay) } ?? nil
            report.dailyOutdoorMinutes = reader.read { try row.nonNegativeInt("daily_outdoor_minutes", max: minutesInDay) } ?? nil
            report.homeVisits = reader.read { try row.nonNegativeInt("home_visits") } ?? nil
            report.familyEducationActivities = reader.read { try row.nonNegativeInt("family_education_activities") } ?? nil
            report.readinessEducation = reader.read { try row.optionalString("readiness_education") == nil ? nil : row.bool("readiness_education") } ?? nil
            if let schoolID, let year {
                let key = "\(schoolID)|\(year)"
                if let earlier = firstRow[key] {
                    reader.errors.append(row.error("school_id", "duplicate report: school \(schoolID) already reported for \(year) on row \(earlier)"))
                } else {
                    firstRow[key] = row.number
                }
            }
            if reader.errors.count == errorsBefore { reports.append(report) }
        }
        if !reader.errors.isEmpty { throw InputErrors(errors: reader.errors) }
        return reports
    }

    /// One grade list per column, e.g. `1=5;2=5;3=5;4=5;5=5`; the lesson columns must list the same grades.
    static func timetable(_ row: CSVRow) throws -> [Grade: GradeTimetable] {
        let pe = try gradeList(row, "pe_lessons", max: maxWeeklyPeriods)
        let activity = try gradeList(row, "activity_lessons", max: maxWeeklyPeriods)
        let psychology = try gradeList(row, "psychology_lessons_per_two_weeks", max: 2 * maxWeeklyPeriods)
        let periods = try gradeList(row, "weekly_periods", max: maxWeeklyPeriods)
        let grades = Set(pe.keys)
        for (column, list) in [("activity_lessons", activity), ("psychology_lessons_per_two_weeks", psychology)]
            where Set(list.keys) != grades {
            throw row.error(column, "lists grades \(describe(Set(list.keys))) but pe_lessons lists \(describe(grades)); give every grade in each lesson column (0 for none)")
        }
        if !periods.isEmpty, Set(periods.keys) != grades {
            throw row.error("weekly_periods", "lists grades \(describe(Set(periods.keys))) but pe_lessons lists \(describe(grades))")
        }
        var timetable: [Grade: GradeTimetable] = [:]
        for grade in grades.sorted() {
            let entry = GradeTimetable(peLessons: pe[grade]!, activityLessons: activity[grade]!,
                                       psychologyLessonsPerTwoWeeks: psychology[grade]!, weeklyPeriods: periods[grade])
            // A psychology lesson every two weeks takes half a period a week.
            let weeklyLessons = Double(entry.peLessons + entry.activityLessons) + Double(entry.psychologyLessonsPerTwoWeeks) / 2
            let capacity = entry.weeklyPeriods ?? maxWeeklyPeriods
            if weeklyLessons > Double(capacity) {
                throw row.error("pe_lessons", "grade \(grade.rawValue): \(entry.peLessons) PE + \(entry.activityLessons) activity + \(entry.psychologyLessonsPerTwoWeeks)/2 psychology lessons exceed the \(capacity) periods of the week")
            }
            timetable[grade] = entry
        }
        return timetable
    }

    /// Parses `grade=count;grade=count`; an empty cell is an empty list.
    static func gradeList(_ row: CSVRow, _ column: String, max: Int) throws -> [Grade: Int] {
        guard let text = row.optionalString(column) else { return [:] }
        var list: [Grade: Int] = [:]
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let grade = Grade(rawValue: parts[0].uppercased()) else {
                throw row.error(column, "'\(item)' is not grade=count (grades K1–K3, 1–12), e.g. 1=5;2=5")
            }
            guard let count = Int(parts[1]) else {
                throw row.error(column, "grade \(grade.rawValue): '\(parts[1])' is not a whole number")
            }
            guard (0...max).contains(count) else {
                throw row.error(column, "grade \(grade.rawValue): \(count) is more than a week holds (0…\(max))")
            }
            if list[grade] != nil { throw row.error(column, "grade \(grade.rawValue) appears twice") }
            list[grade] = count
        }
        return list
    }

    static func describe(_ grades: Set<Grade>) -> String {
        grades.isEmpty ? "none" : grades.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Writes reports in the import layout (a template, or the demo city's reports).
    public static func document(_ reports: [SchoolReport]) -> String {
        CSVWriter.document(header: columns, rows: reports.map { report in
            func list(_ value: (GradeTimetable) -> Int?) -> String {
                report.timetable.keys.sorted().compactMap { grade in value(report.timetable[grade]!).map { "\(grade.rawValue)=\($0)" } }
                    .joined(separator: ";")
            }
            return [report.schoolID, String(report.year), SupervisionFormat.number(report.floorArea),
                    SupervisionFormat.number(report.sportsGroundArea), SupervisionFormat.number(report.equipmentValue),
                    report.multimediaClassrooms.map(String.init) ?? "", SupervisionFormat.number(report.bandwidthMbps),
                    report.bandwidthPersons.map(String.init) ?? "", list(\.peLessons), list(\.activityLessons),
                    list(\.psychologyLessonsPerTwoWeeks), list(\.weeklyPeriods),
                    report.dailyExerciseMinutes.map(String.init) ?? "", report.dailyOutdoorMinutes.map(String.init) ?? "",
                    report.homeVisits.map(String.init) ?? "", report.familyEducationActivities.map(String.init) ?? "",
                    report.readinessEducation.map { $0 ? "yes" : "no" } ?? ""]
        })
    }
}

/// Reads the yearly district facts (disabled children).
public enum DistrictReportCSV {
    public static let csvColumns = [
        CSVColumn("district_code", "区划代码"), CSVColumn("year", "学年"),
        CSVColumn("disabled_school_age_children", "适龄残疾儿童少年数"), CSVColumn("disabled_enrolled", "其中已入学或安置数"),
    ]
    public static let columns = csvColumns.map(\.name)

    public static func parse(data: Data, fileName: String, knownDistrictCodes: Set<String>, knownYears: Set<Int>,
                             limits: CSVLimits = .standard, encoding: TextEncodingChoice = .auto) throws -> [DistrictReport] {
        try parse(CSVTable.parse(data: data, fileName: fileName, limits: limits, encoding: encoding),
                  knownDistrictCodes: knownDistrictCodes, knownYears: knownYears)
    }

    public static func parse(_ table: CSVTable, knownDistrictCodes: Set<String>, knownYears: Set<Int>) throws -> [DistrictReport] {
        let table = try table.resolvingColumns(csvColumns)
        var reader = SupervisionErrorCollector()
        var reports: [DistrictReport] = []
        var firstRow: [String: Int] = [:]
        for row in table.rows {
            let errorsBefore = reader.errors.count
            let code = reader.read { try row.knownValue("district_code", in: knownDistrictCodes, what: "district") }
            let year = reader.read { try row.knownYear("year", in: knownYears) }
            let children = reader.read { try row.nonNegativeInt("disabled_school_age_children", required: true) } ?? nil
            let enrolled = reader.read { try row.nonNegativeInt("disabled_enrolled", required: true) } ?? nil
            if let children, let enrolled, enrolled > children {
                reader.errors.append(row.error("disabled_enrolled", "\(enrolled) enrolled of \(children) school-age disabled children"))
            }
            if let code, let year {
                if let earlier = firstRow["\(code)|\(year)"] {
                    reader.errors.append(row.error("district_code", "duplicate report: district \(code) already reported for \(year) on row \(earlier)"))
                } else {
                    firstRow["\(code)|\(year)"] = row.number
                }
            }
            if reader.errors.count == errorsBefore, let code, let year, let children, let enrolled {
                reports.append(DistrictReport(districtCode: code, year: year, disabledSchoolAgeChildren: children, disabledEnrolled: enrolled))
            }
        }
        if !reader.errors.isEmpty { throw InputErrors(errors: reader.errors) }
        return reports
    }
}

/// Cell rules shared by the report files of supervision.
extension CSVRow {
    func knownValue(_ column: String, in known: Set<String>, what: String) throws -> String {
        let value = try string(column)
        guard known.contains(value) else { throw error(column, "unknown \(what) '\(value)'") }
        return value
    }

    func knownYear(_ column: String, in known: Set<Int>) throws -> Int {
        let year = try int(column)
        guard known.contains(year) else {
            throw error(column, "unknown school year \(year) (known: \(known.sorted().map(String.init).joined(separator: ", ")))")
        }
        return year
    }

    /// nil when empty (an error when `required`); a negative number is an error.
    func nonNegativeInt(_ column: String, max: Int = .max, required: Bool = false) throws -> Int? {
        guard let value = try required ? int(column) : optionalInt(column) else { return nil }
        if value < 0 { throw error(column, "\(value) is negative") }
        if value > max { throw error(column, "\(value) is more than \(max)") }
        return value
    }

    /// nil when empty; zero or a negative number is an error.
    func positiveInt(_ column: String) throws -> Int? {
        guard let value = try optionalInt(column) else { return nil }
        if value < 1 { throw error(column, "\(value) must be at least 1") }
        return value
    }

    /// nil when empty; a negative number is an error.
    func nonNegativeDouble(_ column: String) throws -> Double? {
        guard let value = try optionalDouble(column) else { return nil }
        if value < 0 { throw error(column, "\(value) is negative") }
        return value
    }
}
