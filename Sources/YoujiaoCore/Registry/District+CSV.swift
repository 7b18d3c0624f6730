import Foundation

extension District: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("code", "区划代码"), CSVColumn("name", "区名"), CSVColumn("zone_kind", "区域类型"),
    ]
    public static let csvKeyColumns = ["code"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> District? {
        let code = reader.read { try $0.districtCode("code") }
        let name = reader.read { try $0.string("name") }
        let zoneKind = reader.read { try $0.value("zone_kind", as: DistrictZoneKind.self) }
        guard let code, let name, let zoneKind else { return nil }
        return District(code: code, name: name, zoneKind: zoneKind)
    }

    public var csvCells: [String] { [code, name, zoneKind.rawValue] }
}
