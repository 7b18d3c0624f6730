import Foundation

/// Strings numbered 0, 1, 2… in the order they were first inserted, found again by their UTF-8
/// bytes. Validating a country's input looks ids up millions of times; `Dictionary<String, Int>`
/// pays SipHash and a large, scattered table for each, this pays a few multiplications and a
/// probe in a compact table of packed integers. Immutable copies are read from every core.
struct StringIndex: Sendable {
    private(set) var keys: [String] = []
    /// Open addressing, linear probing: 0 is empty, else the key's hash tag (high 32 bits) and its
    /// number + 1 (low 32 bits), so most probes that miss need not read the key.
    private var slots: [UInt64]
    private var mask: Int
    private let seed: UInt64

    init(capacity: Int = 0) {
        // At most half full, so probes stay short.
        let size = Swift.max(16, 1 << (Int.bitWidth - (2 * Swift.max(capacity, 1) - 1).leadingZeroBitCount))
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        seed = StringIndex.processSeed
    }

    /// The number of `key`, nil when it was never inserted.
    func index(of key: String) -> Int? {
        let hash = StringIndex.hash(key, seed: seed)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            let number = Int(entry & 0xFFFF_FFFF) - 1
            if entry >> 32 == hash >> 32 && keys[number] == key { return number }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Inserts `key` unless present; returns its number either way.
    @discardableResult
    mutating func insert(_ key: String) -> (inserted: Bool, index: Int) {
        if 2 * (keys.count + 1) > slots.count { grow() }
        let hash = StringIndex.hash(key, seed: seed)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            let number = Int(entry & 0xFFFF_FFFF) - 1
            if entry >> 32 == hash >> 32 && keys[number] == key { return (false, number) }
            slot = (slot + 1) & mask
        }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(keys.count + 1)
        keys.append(key)
        return (true, keys.count - 1)
    }

    private mutating func grow() {
        var larger = StringIndex(capacity: 2 * slots.count)
        for key in keys { larger.insert(key) }
        self = larger
    }

    /// For each of `count` strings equal to an earlier one: its position → the first position of
    /// that string. The strings are split by hash into groups, one table per group, the groups
    /// spread over the cores (a country's two million applicant ids).
    static func duplicates(count: Int, _ key: @Sendable (Int) -> String) -> [Int: Int] {
        let seed = processSeed
        let hashes = (0..<count).concurrentMap { StringIndex.hash(key($0), seed: seed) }
        let groupBits = 3
        let found = (0..<(1 << groupBits)).concurrentMap { group -> [(Int, Int)] in
            // Its own table of positions, at most half full: the hash's top bits pick the group,
            // the low bits the slot.
            let members = hashes.reduce(0) { $0 + (Int($1 >> (64 - groupBits)) == group ? 1 : 0) }
            let size = 1 << (Int.bitWidth - (2 * Swift.max(members, 8)).leadingZeroBitCount)
            var slots = [Int32](repeating: -1, count: size)
            var duplicates: [(Int, Int)] = []
            for position in 0..<count where Int(hashes[position] >> (64 - groupBits)) == group {
                var slot = Int(truncatingIfNeeded: hashes[position]) & (size - 1)
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    if hashes[other] == hashes[position] && key(other) == key(position) { break }
                    slot = (slot + 1) & (size - 1)
                }
                if slots[slot] >= 0 {
                    duplicates.append((position, Int(slots[slot])))
                } else {
                    slots[slot] = Int32(position)
                }
            }
            return duplicates
        }
        return Dictionary(uniqueKeysWithValues: found.joined())
    }

    /// Random per process: a file cannot be made to collide on purpose.
    private static let processSeed = UInt64.random(in: .min ... .max)

    /// Eight bytes at a time, each word mixed in by multiplication (as in splitmix64).
    static func hash(_ key: String, seed: UInt64) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in
            var hash = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset < raw.count {
                var word: UInt64 = 0
                if raw.count - offset >= 8 {
                    word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                } else {
                    for shift in 0..<(raw.count - offset) { word |= UInt64(raw[offset + shift]) << (8 * shift) }
                }
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
                offset += 8
            }
            hash = (hash ^ (hash >> 29)) &* 0x94D0_49BB_1331_11EB
            return hash ^ (hash >> 32)
        }
    }
}
