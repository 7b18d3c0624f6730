import Foundation
import FuzzSupport
import YoujiaoCore

/// What the rows may refer to: the districts, zones, schools and student of the seed files.
let references = RegistryReferences(
    districtCodes: ["310104", "310117"],
    zoneIDs: ["310104-01", "310117-07"],
    schoolStages: ["3131000001": [.primary], "3131000002": [.primary, .junior], "3131000003": [.kindergarten]],
    studentIDs: ["310104201503011241", "31010420170512018X"])

/// One file as an import of every registry entity (the header decides which one reads rows).
/// A file that imports must export to a file that imports back to the same values, as
/// docs/csv-formats.md promises; a difference stops the run like a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistry(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let table = try? CSVTable.parse(data: Data(bytes: start, count: count), fileName: "fuzz.csv") else { return 0 }
    for kind in RegistryEntityKind.allCases {
        importAndExport(kind.recordType, table: table)
    }
    return 0
}

func importAndExport<Record: RegistryCSVRecord>(_ type: Record.Type, table: CSVTable) {
    guard let records = try? Record.csvDecode(table: table, references: references) else { return }
    let exported = Record.csvDocument(records)
    let reimported: [Record]
    do {
        reimported = try Record.csvDecode(table: try CSVTable.parse(text: exported, fileName: "export.csv"),
                                         references: references)
    } catch {
        fatalError("\(Record.self): the export of an imported file does not import:\n\(error)\n\(exported)")
    }
    guard reimported.map(\.csvCells) == records.map(\.csvCells) else {
        fatalError("\(Record.self): the export imports back to other values:\n\(exported)")
    }
}
