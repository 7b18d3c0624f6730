import Foundation

extension CatchmentZone: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("zone_id", "施教区编号"), CSVColumn("district", "所属区"),
        CSVColumn("lat", "纬度"), CSVColumn("lon", "经度"),
        CSVColumn("primary_school", "对口小学"), CSVColumn("junior_school", "对口初中"),
        kindergartenColumn,
    ]
    /// Added with kindergarten campaigns: zones files exported before it still import.
    public static let kindergartenColumn = CSVColumn("kindergarten_school", "对口幼儿园", optional: true)
    public static let csvKeyColumns = ["zone_id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> CatchmentZone? {
        let id = reader.read { try $0.string("zone_id") }
        let district = reader.read { try $0.knownDistrict("district", in: references) }
        let latitude = reader.read { try $0.latitude("lat") }
        let longitude = reader.read { try $0.longitude("lon") }
        let primary = reader.read { try $0.servingSchool("primary_school", stage: .primary, in: references) }
        let junior = reader.read { try $0.servingSchool("junior_school", stage: .junior, in: references) }
        let kindergarten = reader.read { try $0.servingSchool("kindergarten_school", stage: .kindergarten, in: references) }
        guard let id, let district, let latitude, let longitude, let primary, let junior, let kindergarten else { return nil }
        return CatchmentZone(id: id, districtCode: district, latitude: latitude, longitude: longitude,
                             primarySchoolID: primary, juniorSchoolID: junior, kindergartenSchoolID: kindergarten)
    }

    public var csvCells: [String] {
        [id, districtCode, CSVCell.number(latitude), CSVCell.number(longitude),
         CSVCell.optional(primarySchoolID), CSVCell.optional(juniorSchoolID), CSVCell.optional(kindergartenSchoolID)]
    }
}

private extension CSVRow {
    /// An optional catchment school, which must teach `stage`.
    func servingSchool(_ column: String, stage: Stage, in references: RegistryReferences) throws -> String? {
        guard optionalString(column) != nil else { return nil }
        let school = try knownSchool(column, in: references)
        guard school.stages.contains(stage) else {
            throw error(column, "school \(school.id) has no \(stage.rawValue) stage (it teaches \(CSVCell.stages(school.stages)))")
        }
        return school.id
    }
}
