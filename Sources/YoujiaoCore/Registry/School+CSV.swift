import Foundation

extension School: RegistryCSVRecord {
    /// The seats column of each entry grade (K1, 1, 6, 10); an empty cell means the grade is not offered.
    static let seatColumns: [(column: String, grade: Grade)] = [
        ("seats_k1", .k1), ("seats_g1", .g1), ("seats_g6", .g6), ("seats_g10", .g10),
    ]

    public static let csvColumns = [
        CSVColumn("school_id", "学校标识码"), CSVColumn("name", "学校名称"), CSVColumn("district", "所属区"),
        CSVColumn("stages", "学段"), CSVColumn("ownership", "办学性质"), CSVColumn("inclusive", "普惠性"),
        CSVColumn("boarding", "寄宿"),
        CSVColumn("seats_k1", "小班学位数"), CSVColumn("seats_g1", "一年级学位数"),
        CSVColumn("seats_g6", "六年级学位数"), CSVColumn("seats_g10", "高一学位数"),
        CSVColumn("lat", "纬度"), CSVColumn("lon", "经度"), CSVColumn("school_group", "学区集团"),
        CSVColumn("new_quality", "新优质学校"), CSVColumn("strengthening", "强校工程"),
    ]
    public static let csvKeyColumns = ["school_id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> School? {
        let id = reader.read { try $0.schoolID("school_id") }
        let name = reader.read { try $0.string("name") }
        let district = reader.read { try $0.knownDistrict("district", in: references) }
        let stages = reader.read { try $0.stages("stages") }
        let ownership = reader.read { try $0.value("ownership", as: Ownership.self) }
        let inclusive = reader.read { try $0.optionalBool("inclusive") }
        let boarding = reader.read { try $0.optionalBool("boarding") }
        var entrySeats: [Grade: Int] = [:]
        for (column, grade) in seatColumns {
            guard let seats = reader.read({ try $0.optionalInt(column, in: 0...100_000) }) ?? nil else { continue }
            if let stages, !stages.contains(where: { $0.grades.contains(grade) }) {
                reader.report(column, "seats for grade \(grade.rawValue), which a school of \(CSVCell.stages(stages)) does not teach")
            }
            entrySeats[grade] = seats
        }
        let latitude = reader.read { try $0.latitude("lat") }
        let longitude = reader.read { try $0.longitude("lon") }
        let group = reader.read { $0.optionalString("school_group") ?? "" }
        let newQuality = reader.read { try $0.optionalBool("new_quality") }
        let strengthening = reader.read { try $0.optionalBool("strengthening") }
        guard let id, let name, let district, let stages, let ownership, let inclusive, let boarding,
              let latitude, let longitude, let group, let newQuality, let strengthening else { return nil }
        return School(id: id, name: name, districtCode: district, stages: stages, ownership: ownership,
                      isInclusive: inclusive, boarding: boarding, entrySeats: entrySeats,
                      latitude: latitude, longitude: longitude, schoolGroup: group,
                      newQualitySchool: newQuality, strengtheningProgramme: strengthening)
    }

    public var csvCells: [String] {
        [id, name, districtCode, CSVCell.stages(stages), ownership.rawValue,
         CSVCell.bool(isInclusive), CSVCell.bool(boarding)]
            + School.seatColumns.map { CSVCell.optional(entrySeats[$0.grade]) }
            + [CSVCell.number(latitude), CSVCell.number(longitude), schoolGroup,
               CSVCell.bool(newQualitySchool), CSVCell.bool(strengtheningProgramme)]
    }
}

private extension CSVRow {
    /// `primary;junior`: known stages, each once.
    func stages(_ column: String) throws -> [Stage] {
        var stages: [Stage] = []
        for text in try list(column) {
            guard let stage = Stage(rawValue: text) else {
                throw error(column, "'\(text)' is not one of \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if stages.contains(stage) { throw error(column, "\(text) is listed twice") }
            stages.append(stage)
        }
        return stages
    }
}
