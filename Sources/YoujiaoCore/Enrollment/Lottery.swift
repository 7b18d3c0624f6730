#if canImport(CCryptoBoringSSL)
import CCryptoBoringSSL
#endif
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

    public var hex: String { Hex.lowercase(bytes) }

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
    /// The first 8 bytes, big-endian, of HMAC-SHA256(key: seed, message: UTF-8 applicant id):
    /// rule 1 as written, on swift-crypto's HMAC. `numbers(for:seed:)` gives the same, faster.
    public static func number(for applicantID: String, seed: LotterySeed) -> UInt64 {
        HMAC<SHA256>.authenticationCode(for: Array(applicantID.utf8), using: SymmetricKey(data: seed.bytes))
            .withUnsafeBytes(firstEightBytes)
    }

    /// One number per id, in order.
    public static func numbers(for applicantIDs: [String], seed: LotterySeed) -> [UInt64] {
        numbers(count: applicantIDs.count, seed: seed) { applicantIDs[$0] }
    }

    /// The numbers of ids 0..<count, read by `id` where they are stored (no array of ids is built).
    /// Children are independent, so they are split over the cores.
    static func numbers(count: Int, seed: LotterySeed, id: @Sendable (Int) -> String) -> [UInt64] {
        (0..<count).concurrentMap(makeState: { KeyedHMAC(key: seed.bytes) }) { hmac, index in
            hmac.firstEightBytes(of: id(index))
        }
    }

    /// The first 8 bytes of a digest as a big-endian number.
    static func firstEightBytes(_ digest: UnsafeRawBufferPointer) -> UInt64 {
        digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// 16 lower-case hex digits, as written in results.csv and report.json.
    public static func hex(_ number: UInt64) -> String {
        let digits = String(number, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// HMAC-SHA256 (RFC 2104) under one key shorter than the 64-byte block: the SHA-256 states after
/// the padded key are the same for every message, so they are computed once and copied per message.
/// Not Sendable (swift-crypto's SHA256 is not): each core makes its own.
struct KeyedHMAC {
    #if canImport(CCryptoBoringSSL)
    // The BoringSSL inside swift-crypto, called directly: its SHA256_CTX is a plain value, so a copy
    // is a memcpy, whereas swift-crypto's SHA256 allocates and zeroes an object per copy — more than
    // twice the cost of the hashing for a short id. (On Apple platforms swift-crypto is CryptoKit,
    // with no BoringSSL, and the branch below is compiled.)
    private var inner = SHA256_CTX()
    private var outer = SHA256_CTX()
    private var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))

    init(key: [UInt8]) {
        let pads = Self.pads(key)
        CCryptoBoringSSL_SHA256_Init(&inner)
        CCryptoBoringSSL_SHA256_Update(&inner, pads.inner, pads.inner.count)
        CCryptoBoringSSL_SHA256_Init(&outer)
        CCryptoBoringSSL_SHA256_Update(&outer, pads.outer, pads.outer.count)
    }

    mutating func firstEightBytes(of message: String) -> UInt64 {
        var message = message
        var hash = inner
        message.withUTF8 { _ = CCryptoBoringSSL_SHA256_Update(&hash, $0.baseAddress, $0.count) }
        CCryptoBoringSSL_SHA256_Final(&digest, &hash)
        hash = outer
        CCryptoBoringSSL_SHA256_Update(&hash, digest, digest.count)
        CCryptoBoringSSL_SHA256_Final(&digest, &hash)
        return digest.withUnsafeBytes(Lottery.firstEightBytes)
    }
    #else
    private var inner = SHA256()
    private var outer = SHA256()

    init(key: [UInt8]) {
        let pads = Self.pads(key)
        inner.update(data: pads.inner)
        outer.update(data: pads.outer)
    }

    mutating func firstEightBytes(of message: String) -> UInt64 {
        var message = message
        var innerHash = inner
        message.withUTF8 { innerHash.update(data: UnsafeRawBufferPointer($0)) }
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(data: $0) }
        return outerHash.finalize().withUnsafeBytes(Lottery.firstEightBytes)
    }
    #endif

    /// The key zero-padded to the 64-byte block, XOR 0x36 (inner) and XOR 0x5C (outer).
    private static func pads(_ key: [UInt8]) -> (inner: [UInt8], outer: [UInt8]) {
        precondition(key.count <= 64, "a longer key would first be hashed (RFC 2104)")
        let padded = key + [UInt8](repeating: 0, count: 64 - key.count)
        return (padded.map { $0 ^ 0x36 }, padded.map { $0 ^ 0x5C })
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
