import Foundation

/// The kindergarten fee files (docs/csv-formats.md): fee items, the cap table, kindergarten grades.
/// Each parser reads the whole file, names file, row and field for every problem, and returns
/// nothing when there is one: the importer stores the file whole or not at all.
public enum KindergartenFeeCSV {
    public static let itemColumns = ["school_id", "category", "name", "amount_yuan", "period", "covers"]
    public static let capColumns = ["district_code", "grade", "care_education_max_yuan"]
    public static let gradeColumns = ["school_id", "grade"]

    /// Fee items of kindergartens known to the registry, checked against the rules with the caps
    /// and grades as they will stand after the import. An item (school, category, name) appears once.
    public static func parseItems(_ table: CSVTable, kindergartens: [String: FeeKindergarten], caps: [KindergartenFeeCap]) throws -> [KindergartenFeeItem] {
        try table.requireColumns(itemColumns)
        var seen: Set<String> = []
        return try parseRows(of: table) { row, errors -> KindergartenFeeItem? in
            let before = errors.count
            let schoolID = capture(&errors) { try row.string("school_id") }
            let kindergarten = schoolID.flatMap { kindergartens[$0] }
            if let schoolID, kindergarten == nil { errors.append(row.error("school_id", "'\(schoolID)' is not a kindergarten of the registry")) }
            let category = capture(&errors) { () throws -> KindergartenFeeCategory in
                let text = try row.string("category")
                guard let category = KindergartenFeeCategory(rawValue: text) else {
                    throw row.error("category", "'\(text)' is not an allowed category (care-education, boarding, service)")
                }
                return category
            }
            let name = capture(&errors) { try row.string("name") }
            let amount = capture(&errors) { () throws -> FeeAmount in
                let text = try row.string("amount_yuan")
                guard let amount = FeeAmount(yuan: text) else {
                    throw row.error("amount_yuan", "'\(text.prefix(40))' is not an amount of yuan from 0 to 100000 with at most two decimals")
                }
                return amount
            }
            let period = capture(&errors) { try row.value("period", as: KindergartenFeePeriod.self) }
            let covers = row.optionalString("covers") ?? ""
            guard errors.count == before, let schoolID, let kindergarten, let category, let name, let amount, let period else { return nil }
            let item = KindergartenFeeItem(schoolID: schoolID, category: category, name: name, amount: amount, period: period, covers: covers)
            if let problem = KindergartenFeeRules.problem(item, kindergarten: kindergarten, caps: caps) {
                let field = ["name": "name", "category": "category", "period": "period", "covers": "covers"][problem.field] ?? "amount_yuan"
                errors.append(row.error(field, problem.en))
                return nil
            }
            guard seen.insert("\(schoolID)|\(category.rawValue)|\(name)").inserted else {
                errors.append(row.error("name", "a second '\(name)' of the same kindergarten and category"))
                return nil
            }
            return item
        }.values
    }

    /// The district's cap table: one row per district and grade.
    public static func parseCaps(_ table: CSVTable, districtCodes: Set<String>) throws -> [KindergartenFeeCap] {
        try table.requireColumns(capColumns)
        var seen: Set<String> = []
        return try parseRows(of: table) { row, errors -> KindergartenFeeCap? in
            let before = errors.count
            let code = capture(&errors) { try row.string("district_code") }
            if let code, !districtCodes.contains(code) { errors.append(row.error("district_code", "'\(code)' is not a district of the registry")) }
            let grade = capture(&errors) { try row.value("grade", as: KindergartenGrade.self) }
            let maximum = capture(&errors) { () throws -> FeeAmount in
                let text = try row.string("care_education_max_yuan")
                guard let amount = FeeAmount(yuan: text), amount.fen > 0 else {
                    throw row.error("care_education_max_yuan", "'\(text.prefix(40))' is not an amount of yuan from 0.01 to 100000")
                }
                return amount
            }
            guard errors.count == before, let code, let grade, let maximum else { return nil }
            guard seen.insert("\(code)|\(grade.rawValue)").inserted else {
                errors.append(row.error("grade", "a second row for \(code) \(grade.rawValue)"))
                return nil
            }
            return KindergartenFeeCap(districtCode: code, grade: grade, monthlyMaximum: maximum)
        }.values
    }

    /// The grade of each kindergarten named.
    public static func parseGrades(_ table: CSVTable, kindergartenIDs: Set<String>) throws -> [(schoolID: String, grade: KindergartenGrade)] {
        try table.requireColumns(gradeColumns)
        var seen: Set<String> = []
        return try parseRows(of: table) { row, errors -> (schoolID: String, grade: KindergartenGrade)? in
            let before = errors.count
            let id = capture(&errors) { try row.string("school_id") }
            if let id, !kindergartenIDs.contains(id) { errors.append(row.error("school_id", "'\(id)' is not a kindergarten of the registry")) }
            let grade = capture(&errors) { try row.value("grade", as: KindergartenGrade.self) }
            guard errors.count == before, let id, let grade else { return nil }
            guard seen.insert(id).inserted else {
                errors.append(row.error("school_id", "'\(id)' appears twice"))
                return nil
            }
            return (id, grade)
        }.values
    }

    /// Items as the import reads them (export → import gives the same items).
    public static func itemLines(_ items: [KindergartenFeeItem]) -> String {
        CSVWriter.line(itemColumns) + items.map {
            CSVWriter.line([$0.schoolID, $0.category.rawValue, $0.name, $0.amount.yuanText, $0.period.rawValue, $0.covers])
        }.joined()
    }

    public static func capLines(_ caps: [KindergartenFeeCap]) -> String {
        CSVWriter.line(capColumns) + caps.map { CSVWriter.line([$0.districtCode, $0.grade.rawValue, $0.monthlyMaximum.yuanText]) }.joined()
    }
}
