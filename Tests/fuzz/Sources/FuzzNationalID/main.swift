import Foundation
import YoujiaoCore

/// A fixed "today", so that a run is reproducible: 2025-09-01 00:00 UTC.
let today = Date(timeIntervalSince1970: 1_756_684_800)

/// Any text as an ID number typed into a form; an accepted number is read back in every way the
/// registry uses it, and any text is masked as the error messages do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNationalID(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = NationalID.mask(text)
    guard let id = try? NationalID(text, today: today) else { return 0 }
    _ = (id.value, id.masked, id.birthDate, id.gender, id.areaCode)
    // A normalised number is accepted again unchanged.
    guard let again = try? NationalID(id.value, today: today), again == id else {
        fatalError("\(id.value) was accepted, but not when read back")
    }
    return 0
}
