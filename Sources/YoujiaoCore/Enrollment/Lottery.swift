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
        // The keyed state is built once and copied per child: HMAC is a value type, so each copy
        // continues from the same key block instead of hashing the key again.
        let keyed = HMAC<SHA256>(key: SymmetricKey(data: seed.bytes))
        return applicantIDs.map { id in
            var mac = keyed
            mac.update(data: Array(id.utf8))
            return mac.finalize().withUnsafeBytes { raw in
                raw.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            }
        }
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
        let radians = Double.pi / 180
        let halfLatitude = sin((lat2 - lat1) * radians / 2)
        let halfLongitude = sin((lon2 - lon1) * radians / 2)
        let a = halfLatitude * halfLatitude
            + cos(lat1 * radians) * cos(lat2 * radians) * halfLongitude * halfLongitude
        let angle = 2 * asin(min(1, a.squareRoot()))
        return Int((earthRadiusMetres * angle).rounded(.toNearestOrAwayFromZero))
    }
}
