import Foundation

/// Policies as a file (`youjiao aid policies FILE`): one row per policy, one amount column per
/// stage (empty: the stage is not covered).
extension AidPolicy: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("id", "政策代码"), CSVColumn("name", "政策名称"), CSVColumn("name_en", "英文名称"),
        CSVColumn("lists", "适用名单"),
    ] + Stage.allCases.map { CSVColumn($0.rawValue, "\($0.rawValue)每年金额") } + [
        CSVColumn("first_year", "起始学年"), CSVColumn("last_year", "终止学年"),
    ]
    public static let csvKeyColumns = ["id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> AidPolicy? {
        let id = reader.read { row in
            let text = try row.string("id")
            guard text.count <= 40, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw row.error("id", "'\(text)' is not a policy code: up to 40 letters, digits and hyphens")
            }
            return text
        }
        let name = reader.read { try $0.string("name") }
        let nameEN = reader.read { try $0.string("name_en") }
        let lists = reader.read { row in
            try row.list("lists").map { text in
                guard let list = EligibilityList(name: text) else {
                    throw row.error("lists", "'\(text)' is not one of \(EligibilityList.namesForMessages)")
                }
                return list
            }
        }
        if let lists, Set(lists).count != lists.count { reader.report("lists", "a list is named twice") }
        var amounts: [Stage: Int] = [:]
        for stage in Stage.allCases {
            if let yuan = reader.read({ try $0.optionalInt(stage.rawValue, in: 1...1_000_000) }), let yuan { amounts[stage] = yuan }
        }
        if amounts.isEmpty { reader.report("primary", "the policy covers no stage: give a yearly amount for at least one") }
        let firstYear = reader.read { try $0.int("first_year", in: 2000...2100) }
        let lastYear = reader.read { try $0.optionalInt("last_year", in: 2000...2100) }
        if let firstYear, case .some(.some(let lastYear)) = lastYear, lastYear < firstYear {
            reader.report("last_year", "\(lastYear) is before first_year \(firstYear)")
        }
        guard let id, let name, let nameEN, let lists, let firstYear, let lastYear, reader.errors.isEmpty else { return nil }
        return AidPolicy(id: id, name: name, nameEN: nameEN, lists: lists, yuanPerYear: amounts,
                         firstYear: firstYear, lastYear: lastYear)
    }

    public var csvCells: [String] {
        [id, name, nameEN, lists.map(\.rawValue).joined(separator: ";")]
            + Stage.allCases.map { yuanPerYear[$0].map(String.init) ?? "" }
            + [String(firstYear), lastYear.map(String.init) ?? ""]
    }
}
