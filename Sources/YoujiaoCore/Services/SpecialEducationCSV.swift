import Foundation

/// What an import of existing case files may refer to, looked up by the store before decoding.
public struct SpecialEducationReferences: Sendable {
    public var districtCodes: Set<String>
    public var schools: [String: School]
    /// Pupils of the registry named in the file, by national ID.
    public var children: [String: CaseChild]
    /// National IDs of pupils that already have a case file.
    public var childrenWithFile: Set<String>
    public init(districtCodes: Set<String>, schools: [String: School], children: [String: CaseChild], childrenWithFile: Set<String>) {
        self.districtCodes = districtCodes; self.schools = schools; self.children = children; self.childrenWithFile = childrenWithFile
    }
}

/// `youjiao import special-education FILE`: existing case files, one row per goal of a child's
/// current plan (one row for a child without goals). The case columns repeat on every row of a
/// child; only goal and criterion change. Columns and examples: docs/special-education.md.
public enum SpecialEducationCSV {
    public static let columns = [
        CSVColumn("national_id", "身份证号"), CSVColumn("district_code", "区代码"), CSVColumn("stage", "学段"),
        CSVColumn("category", "残疾类别"), CSVColumn("level", "残疾等级"), CSVColumn("opened_on", "建档日期"),
        CSVColumn("assessment_date", "评估日期"), CSVColumn("assessment_kind", "评估类型"), CSVColumn("assessor", "评估机构"),
        CSVColumn("assessment_summary", "评估结论"),
        CSVColumn("placement", "安置方式"), CSVColumn("school_id", "安置学校标识码"), CSVColumn("placement_start", "安置开始日期"),
        CSVColumn("visits_per_month", "每月送教次数"),
        CSVColumn("plan_start", "计划开始日期"), CSVColumn("plan_end", "计划结束日期"), CSVColumn("review_dates", "复核日期"),
        CSVColumn("goal", "目标"), CSVColumn("criterion", "达成标准"),
    ]
    static let goalColumns: Set<String> = ["goal", "criterion"]
    static let assessmentColumns = ["assessment_date", "assessment_kind", "assessor", "assessment_summary"]
    static let placementColumns = ["placement", "school_id", "placement_start"]
    static let planColumns = ["plan_start", "plan_end", "review_dates"]

    /// The national IDs of a file, to look up only those pupils among millions.
    public static func nationalIDs(in table: CSVTable) -> [String] {
        guard let index = table.header.firstIndex(where: { $0.lowercased() == "national_id" || $0 == "身份证号" }) else { return [] }
        return Array(Set(table.rows.map { $0.values[index].trimmingCharacters(in: .whitespaces).uppercased() }))
    }

    /// Every case file of the table, or every problem of it (nothing is half-read).
    public static func decode(table: CSVTable, references: SpecialEducationReferences, today: CaseDate) throws(InputErrors) -> [CaseFile] {
        let table = try table.resolvingColumns(columns)
        let caseColumns = columns.map(\.name).filter { !goalColumns.contains($0) }
        var files: [CaseFile?] = []
        var first: [String: (row: Int, cells: [String], index: Int)] = [:]
        var goalRows: [String: Int] = [:]
        var errors: [FieldError] = []
        for row in table.rows {
            var reader = CSVRowReader(row: row)
            guard let id = reader.read({ try $0.nationalID("national_id") }) else { errors += reader.errors; continue }
            let cells = caseColumns.map { (try? row.raw($0)) ?? "" }
            let index: Int
            if let earlier = first[id.value] {
                // A further goal of a child already read: the case columns must repeat unchanged.
                for (column, (mine, theirs)) in zip(caseColumns, zip(cells, earlier.cells)) where mine != theirs {
                    reader.report(column, "differs from row \(earlier.row); the rows of one child repeat its case columns, only goal and criterion change")
                }
                index = earlier.index
            } else {
                index = files.count
                first[id.value] = (row.number, cells, index)
                files.append(decodeCase(&reader, id: id, references: references, today: today))
            }
            if reader.errors.isEmpty, var file = files[index] {
                decodeGoal(&reader, file: &file, goalRows: &goalRows, id: id.value)
                files[index] = file
            }
            errors += reader.errors
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return files.compactMap { $0 }
    }

    /// The file of the first row of a child: case, assessment, placement and plan, each checked by
    /// the same rules as the web forms.
    private static func decodeCase(_ reader: inout CSVRowReader, id: NationalID, references: SpecialEducationReferences,
                                   today: CaseDate) -> CaseFile? {
        let child = reader.read { row -> CaseChild in
            guard let child = references.children[id.value] else { throw row.error("national_id", "no pupil has the ID \(id.masked)") }
            if references.childrenWithFile.contains(id.value) {
                throw row.error("national_id", "the pupil \(id.masked) already has a case file; add to it on the platform")
            }
            return child
        }
        let district = reader.read { row in try row.knownDistrict("district_code", in: RegistryReferences(districtCodes: references.districtCodes)) }
        let stage = reader.read { try $0.labelled("stage", as: Stage.self, label: \.caseLabelZH) }
        let category = reader.read { try $0.labelled("category", as: DisabilityCategory.self, label: \.labelZH) }
        let level = reader.read { row -> DisabilityLevel in
            let text = try row.string("level")
            guard let level = DisabilityLevel.allCases.first(where: { String($0.rawValue) == text || $0.labelZH == text }) else {
                throw row.error("level", "'\(text)' is not a level 1–4 (一级–四级)")
            }
            return level
        }
        let opened = reader.read { try $0.date("opened_on") }
        let assessment = reader.read { row -> CaseAssessment? in
            guard try row.group(assessmentColumns) else { return nil }
            return CaseAssessment(date: try row.date("assessment_date"), kind: try row.labelled("assessment_kind", as: AssessmentKind.self, label: \.labelZH),
                                  assessor: try row.string("assessor"), summary: try row.string("assessment_summary"))
        }
        let placement = reader.read { row -> (kind: PlacementKind, school: School, start: CaseDate, visits: Int?)? in
            guard try row.group(placementColumns) else {
                if row.optionalString("visits_per_month") != nil { throw row.error("visits_per_month", "given without a placement") }
                return nil
            }
            let kind = try row.labelled("placement", as: PlacementKind.self, label: \.labelZH)
            let schoolID = try row.schoolID("school_id")
            guard let school = references.schools[schoolID] else { throw row.error("school_id", "no school has the id \(schoolID)") }
            let visits = try row.optionalInt("visits_per_month")
            if kind != .homeTeaching, visits != nil { throw row.error("visits_per_month", "only home teaching has visits a month") }
            return (kind, school, try row.date("placement_start"), visits)
        }
        let plan = reader.read { row -> IndividualPlan? in
            guard try row.group(planColumns) else { return nil }
            let dates = try row.list("review_dates").map { text in
                guard let date = CaseDate(text) else { throw row.error("review_dates", "'\(text)' is not a date (yyyy-MM-dd)") }
                return date
            }
            return IndividualPlan(startDate: try row.date("plan_start"), endDate: try row.date("plan_end"), reviewDates: dates)
        }
        guard let child, let district, let stage, let category, let level, let opened, let assessment, let placement, let plan,
              reader.errors.isEmpty else { return nil }
        do throws(CaseFileProblem) {
            var file = try CaseFile.open(SpecialEducationCase(districtCode: district, stage: stage, category: category, level: level, openedOn: opened),
                                         child: child, today: today)
            if let assessment {
                try renaming(["date": "assessment_date", "summary": "assessment_summary"]) { () throws(CaseFileProblem) in
                    _ = try file.addAssessment(assessment, today: today)
                }
            }
            if let placement {
                try renaming(["start_date": "placement_start"]) { () throws(CaseFileProblem) in
                    _ = try file.addPlacement(CasePlacement(kind: placement.kind, schoolID: placement.school.id, stage: stage,
                                                            startDate: placement.start, visitsPerMonth: placement.visits),
                                              school: placement.school, today: today)
                }
            }
            if let plan {
                try renaming(["start_date": "plan_start", "end_date": "plan_end"]) { () throws(CaseFileProblem) in
                    _ = try file.addPlan(PlanFile(plan: plan), today: today)
                }
            }
            return file
        } catch {
            reader.report(error.field, error.en)
            return nil
        }
    }

    /// Runs `body`, giving a problem the import's column name instead of the form's field name.
    private static func renaming(_ columns: [String: String], _ body: () throws(CaseFileProblem) -> Void) throws(CaseFileProblem) {
        do throws(CaseFileProblem) { try body() } catch {
            var problem = error
            problem.field = columns[error.field] ?? error.field
            throw problem
        }
    }

    /// The goal of a row, added to the child's plan.
    private static func decodeGoal(_ reader: inout CSVRowReader, file: inout CaseFile, goalRows: inout [String: Int], id: String) {
        let row = reader.row
        let goal = row.optionalString("goal"), criterion = row.optionalString("criterion") ?? ""
        guard let goal else {
            if !criterion.isEmpty { reader.report("goal", "a criterion is given without a goal") }
            return
        }
        guard let planID = file.plans.last?.plan.id else {
            reader.report("goal", "a goal needs a plan: fill plan_start, plan_end and review_dates")
            return
        }
        let key = id + "\u{1F}" + goal
        if let earlier = goalRows[key] {
            reader.report("goal", "the same goal as row \(earlier)")
            return
        }
        goalRows[key] = row.number
        do throws(CaseFileProblem) {
            _ = try file.addGoal(PlanGoal(description: goal, criterion: criterion), planID: planID)
        } catch {
            reader.report(error.field == "description" ? "goal" : error.field, error.en)
        }
    }
}

extension Stage {
    /// Chinese names of the stages of a case file, as spreadsheets write them.
    public var caseLabelZH: String {
        switch self {
        case .kindergarten: return "幼儿园"
        case .primary: return "小学"
        case .junior: return "初中"
        case .senior: return "高中"
        case .special: return "特殊教育"
        }
    }
}

private extension CSVRow {
    /// A value given by its English name or its Chinese label.
    func labelled<E: RawRepresentable & CaseIterable>(_ column: String, as type: E.Type, label: (E) -> String) throws -> E where E.RawValue == String {
        let text = try string(column)
        if let value = E.allCases.first(where: { $0.rawValue == text || label($0) == text }) { return value }
        throw error(column, "'\(text)' is not one of \(E.allCases.map { "\($0.rawValue) (\(label($0)))" }.joined(separator: ", "))")
    }

    func date(_ column: String) throws -> CaseDate {
        let text = try string(column)
        guard let date = CaseDate(text) else { throw error(column, "'\(text)' is not a date (yyyy-MM-dd)") }
        return date
    }

    /// Whether a group of columns that go together is given: all filled (true), all empty (false),
    /// or an error naming the first empty one.
    func group(_ columns: [String]) throws -> Bool {
        let filled = columns.filter { optionalString($0) != nil }
        if filled.isEmpty { return false }
        if let missing = columns.first(where: { optionalString($0) == nil }) {
            throw error(missing, "required when \(filled.joined(separator: ", ")) is given")
        }
        return true
    }
}
