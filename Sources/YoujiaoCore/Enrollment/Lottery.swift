import Crypto
import Foundation

/// The campaign seed: 32 bytes, written as 64 hexadecimal digits.
///
/// For a real campaign it is SHA-256 of a public random value drawn after registration closes
/// (a beacon round named in advance), the notary's secret (committed by its hash) and the hash
/// of the frozen applicant list, so nobody can steer it and anybody can recompute the draw.
public struct LotterySeed: Sendable, Hashable {
    public let bytes: [UInt8]

    /// Accepts upper- or lower-case hex; anything but exactly 64 hex digits is an error naming `--seed`.
    public init(hex: String) throws {
        let digits = Array(hex.utf8)
        guard digits.count == 64, let bytes = LotterySeed.decode(digits) else {
            throw FieldError(file: "command line", field: "seed",
                             reason: "'\(hex.prefix(80))' is not 64 hexadecimal digits (32 bytes)")
        }
        self.bytes = bytes
    }

    public var hex: String { bytes.map { String(format: "%02x", $0) }.joined() }

    private static func decode(_ digits: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// 摇号: one number per child per campaign, used at every school; lower wins.
public enum Lottery {
    /// The first 8 bytes, big-endian, of HMAC-SHA256(key: seed, message: UTF-8 applicant id).
    public static func number(for applicantID: String, seed: LotterySeed) -> UInt64 {
        numbers(for: [applicantID], seed: seed)[0]
    }

    public static func numbers(for applicantIDs: [String], seed: LotterySeed) -> [UInt64] {
        // HMAC (RFC 2104) spelled out on swift-crypto's SHA-256: the key is shorter than the
        // 64-byte block, so the inner and outer states after the padded key are computed once per
        // chunk and copied per child — a third of the cost of the HMAC type, which rehashes them each time.
        var innerPad = [UInt8](repeating: 0x36, count: 64)
        var outerPad = [UInt8](repeating: 0x5C, count: 64)
        for (position, byte) in seed.bytes.enumerated() {
            innerPad[position] ^= byte
            outerPad[position] ^= byte
        }
        let keyPads = (inner: innerPad, outer: outerPad)
        // Children are independent: split them over the cores (SHA256 states are not Sendable,
        // so each chunk absorbs the padded key itself).
        let chunks = Swift.max(1, Swift.min(applicantIDs.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let ranges = (0..<chunks).map { applicantIDs.count * $0 / chunks..<applicantIDs.count * ($0 + 1) / chunks }
        return ranges.concurrentMap { range in
            var keyedInner = SHA256()
            keyedInner.update(data: keyPads.inner)
            var keyedOuter = SHA256()
            keyedOuter.update(data: keyPads.outer)
            return applicantIDs[range].map { applicantID in
                var id = applicantID
                var innerHash = keyedInner
                id.withUTF8 { innerHash.update(data: UnsafeRawBufferPointer($0)) }
                var outerHash = keyedOuter
                innerHash.finalize().withUnsafeBytes { outerHash.update(data: $0) }
                return outerHash.finalize().withUnsafeBytes { raw in
                    raw.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                }
            }
        }.flatMap { $0 }
    }

    /// 16 lower-case hex digits, as written in results.csv and report.json.
    public static func hex(_ number: UInt64) -> String {
        let digits = String(number, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Rule 5: haversine distance with R = 6,371,008.8 m (mean Earth radius), rounded to whole metres.
///
/// The operations are written in a fixed order so that any reimplementation doing the same
/// IEEE-754 steps (the Python peer does) gets the same metres.
public enum Haversine {
    public static let earthRadiusMetres = 6_371_008.8

    public static func metres(latitude lat1: Double, longitude lon1: Double,
                              toLatitude lat2: Double, longitude lon2: Double) -> Int {
        metres(Point(latitude: lat1, longitude: lon1), Point(latitude: lat2, longitude: lon2))
    }

    /// A location with the cosine of its latitude computed once, for the distance matrices.
    struct Point: Sendable {
        let latitude: Double
        let longitude: Double
        let cosineOfLatitude: Double
        init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
            cosineOfLatitude = cos(latitude * Haversine.radiansPerDegree)
        }
    }

    static let radiansPerDegree = Double.pi / 180

    static func metres(_ from: Point, _ to: Point) -> Int {
        let halfLatitude = sin((to.latitude - from.latitude) * radiansPerDegree / 2)
        let halfLongitude = sin((to.longitude - from.longitude) * radiansPerDegree / 2)
        let a = halfLatitude * halfLatitude
            + from.cosineOfLatitude * to.cosineOfLatitude * halfLongitude * halfLongitude
        let angle = 2 * asin(min(1, a.squareRoot()))
        return Int((earthRadiusMetres * angle).rounded(.toNearestOrAwayFromZero))
    }
}
