import Foundation
import FuzzSupport
import YoujiaoCore

/// One uploaded file through the CSV reader in each encoding an official may pick, then every cell
/// read as text, number, yes/no and enumeration; once more under caps small enough to be hit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for encoding in TextEncodingChoice.allCases {
        if let table = try? CSVTable.parse(data: data, fileName: "fuzz.csv", encoding: encoding) {
            readEveryCell(of: table)
        }
    }
    _ = try? CSVTable.parse(data: data, fileName: "fuzz.csv", limits: CSVLimits(maxBytes: 64, maxRows: 2))
    _ = try? CSVTable.parse(data: data, fileName: "fuzz.csv", limits: .unlimited)
    return 0
}
