import Foundation
import YoujiaoCore

/// Opaque row keys, shaped like UUIDs; they appear in URLs instead of ID numbers. The first half
/// counts up, so each table's primary-key index grows at its end: random keys made every insert
/// land on a random page of a multi-million-row index. The second half is random, so keys of two
/// loads never meet. (Foundation's UUID also opened the random device for each key.)
struct RowIDs {
    private var counter: UInt64
    private var random: SplitMix64

    init() {
        var system = SystemRandomNumberGenerator()
        counter = UInt64(Date().timeIntervalSince1970 * 1000) << 16
        random = SplitMix64(seed: system.next())
    }

    mutating func next() -> String {
        counter += 1
        let bytes = [counter, random.next()].flatMap { half in (0..<8).reversed().map { UInt8(truncatingIfNeeded: half >> ($0 * 8)) } }
        var text = Array(Hex.lowercase(bytes).utf8)
        for dash in [20, 16, 12, 8] { text.insert(UInt8(ascii: "-"), at: dash) }   // 8-4-4-4-12
        return String(decoding: text, as: UTF8.self)
    }
}
