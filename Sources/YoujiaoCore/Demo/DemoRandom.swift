import Foundation

/// xoshiro256** with its own draw helpers, so the demo city is the same on every platform and
/// toolchain (the standard library's `random(in:using:)` algorithms are not a stability promise).
struct DemoRandom {
    private var s0, s1, s2, s3: UInt64

    init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// An independent stream for one part of the city (a district, a school), so each part
    /// depends only on the seed and its own key, never on how much was drawn before it.
    init(seed: UInt64, stream: UInt64, _ key: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (key &* 0x8CB9_2BA7_2F3D_8DD7))
        self.init(seed: mixer.next())
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in 0..<bound (multiply-high; the bias is below 2⁻³² for the bounds used here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in range.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}

/// A categorical distribution drawn by binary search over cumulative weights.
struct WeightedTable<Value: Sendable>: Sendable {
    let values: [Value]
    private let cumulative: [Double]

    init(_ pairs: [(Value, Double)]) {
        values = pairs.map(\.0)
        var running = 0.0
        cumulative = pairs.map { running += $0.1; return running }
    }

    func draw(_ random: inout DemoRandom) -> Value { values[drawIndex(&random)] }

    func drawIndex(_ random: inout DemoRandom) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// Largest-remainder apportionment: splits `total` into whole parts proportional to `weights`
/// that sum exactly to `total` (all-zero weights give everything to the first part).
func apportion(_ total: Int, weights: [Double]) -> [Int] {
    guard !weights.isEmpty else { return [] }
    let sum = weights.reduce(0, +)
    guard sum > 0 else { return [total] + Array(repeating: 0, count: weights.count - 1) }
    let quotas = weights.map { Double(total) * $0 / sum }
    var parts = quotas.map { Int($0.rounded(.down)) }
    let leftover = total - parts.reduce(0, +)
    let byRemainder = quotas.indices.sorted {
        let a = quotas[$0] - Double(parts[$0]), b = quotas[$1] - Double(parts[$1])
        return a != b ? a > b : $0 < $1
    }
    for index in byRemainder.prefix(leftover) { parts[index] += 1 }
    return parts
}
