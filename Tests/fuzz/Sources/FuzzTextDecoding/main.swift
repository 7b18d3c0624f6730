import Foundation
import YoujiaoCore

/// Raw bytes through the decoder in each mode: UTF-8 with or without BOM, GBK, and the guess.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextDecoding(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for encoding in TextEncodingChoice.allCases {
        _ = try? TextDecoding.decode(data, fileName: "fuzz.csv", encoding: encoding)
    }
    return 0
}
