/// A QR Code (ISO/IEC 18004, Model 2) as a square of dark and light modules, encoded on the server so
/// that a page can draw it without any outside service. Byte mode only, which holds any text as UTF-8.
///
/// Drawing is the caller's: surround the square with a light quiet zone of 4 modules.
public struct QRCode: Sendable, Equatable {
    /// How much of the symbol may be damaged and still read: about 7 %, 15 %, 25 % and 30 %.
    public enum ErrorCorrection: Sendable, CaseIterable {
        case low, medium, quartile, high
    }

    /// The eight data masks; `row` and `column` count modules from the top left.
    public enum Mask: Int, Sendable, CaseIterable {
        /// (row + column) mod 2 = 0
        case pattern0 = 0
        /// row mod 2 = 0
        case pattern1
        /// column mod 3 = 0
        case pattern2
        /// (row + column) mod 3 = 0
        case pattern3
        /// (row / 2 + column / 3) mod 2 = 0
        case pattern4
        /// (row × column) mod 2 + (row × column) mod 3 = 0
        case pattern5
        /// ((row × column) mod 2 + (row × column) mod 3) mod 2 = 0
        case pattern6
        /// ((row + column) mod 2 + (row × column) mod 3) mod 2 = 0
        case pattern7

        func inverts(row: Int, column: Int) -> Bool {
            switch self {
            case .pattern0: (row + column) % 2 == 0
            case .pattern1: row % 2 == 0
            case .pattern2: column % 3 == 0
            case .pattern3: (row + column) % 3 == 0
            case .pattern4: (row / 2 + column / 3) % 2 == 0
            case .pattern5: row * column % 2 + row * column % 3 == 0
            case .pattern6: (row * column % 2 + row * column % 3) % 2 == 0
            case .pattern7: ((row + column) % 2 + row * column % 3) % 2 == 0
            }
        }
    }

    public enum EncodingError: Error, Equatable, Sendable, CustomStringConvertible {
        case dataTooLong(byteCount: Int, maximum: Int, errorCorrection: ErrorCorrection)

        public var description: String {
            switch self {
            case let .dataTooLong(byteCount, maximum, level):
                "QR code: \(byteCount) bytes do not fit; at most \(maximum) at error correction \(level)"
            }
        }
    }

    public static let versions = 1...40

    /// 1–40; the symbol has 17 + 4 × version modules on a side.
    public let version: Int
    public let errorCorrection: ErrorCorrection
    public let mask: Mask
    /// `modules[row][column]`, true for a dark module.
    public let modules: [[Bool]]

    public var size: Int { modules.count }

    /// Encodes `text` as UTF-8 in the smallest version that holds it. Text beyond ASCII is preceded by
    /// the ECI header for UTF-8, without which readers take the bytes for ISO 8859-1 or Shift JIS; that
    /// header takes 12 bits of the capacity. ASCII text (an otpauth URI, for one) needs none.
    ///
    /// The mask is chosen by the standard's penalty rules unless one is given (for tests of every mask).
    public init(text: String, errorCorrection: ErrorCorrection = .medium, mask: Mask? = nil) throws(EncodingError) {
        let bytes = Array(text.utf8)
        try self.init(payload: bytes, declaresUTF8: bytes.contains { $0 >= 0x80 }, errorCorrection: errorCorrection, mask: mask)
    }

    /// Encodes bytes as they are, with no character set declared.
    public init(bytes: [UInt8], errorCorrection: ErrorCorrection = .medium, mask: Mask? = nil) throws(EncodingError) {
        try self.init(payload: bytes, declaresUTF8: false, errorCorrection: errorCorrection, mask: mask)
    }

    private init(payload bytes: [UInt8], declaresUTF8: Bool, errorCorrection: ErrorCorrection, mask: Mask?) throws(EncodingError) {
        let headerBits = declaresUTF8 ? Self.utf8DeclarationBits : 0
        guard let version = Self.versions.first(where: {
            bytes.count <= Self.byteCapacity(version: $0, level: errorCorrection, headerBits: headerBits)
        }) else {
            throw .dataTooLong(
                byteCount: bytes.count,
                maximum: Self.byteCapacity(version: Self.versions.upperBound, level: errorCorrection, headerBits: headerBits),
                errorCorrection: errorCorrection)
        }
        let codewords = Self.interleavedCodewords(
            data: Self.dataCodewords(bytes, declaresUTF8: declaresUTF8, version: version, level: errorCorrection),
            version: version, level: errorCorrection)

        var grid = ModuleGrid(version: version)
        grid.drawFunctionPatterns()
        grid.placeCodewords(codewords)
        var chosen = grid.masked(mask ?? .pattern0, level: errorCorrection)
        if mask == nil {
            // The lowest penalty wins; a tie keeps the lower mask number.
            var lowestPenalty = chosen.penalty
            for candidate in Mask.allCases.dropFirst() {
                let masked = grid.masked(candidate, level: errorCorrection)
                let penalty = masked.penalty
                if penalty < lowestPenalty { chosen = masked; lowestPenalty = penalty }
            }
        }
        self.version = version
        self.errorCorrection = errorCorrection
        self.mask = chosen.mask
        modules = chosen.rows
    }

    /// The most bytes one version holds at one level (without the UTF-8 declaration); 0 outside `versions`.
    public static func byteCapacity(version: Int, errorCorrection: ErrorCorrection) -> Int {
        guard versions.contains(version) else { return 0 }
        return byteCapacity(version: version, level: errorCorrection, headerBits: 0)
    }

    private static func byteCapacity(version: Int, level: ErrorCorrection, headerBits: Int) -> Int {
        let bits = dataCodewordCount(version: version, level: level) * 8 - headerBits - 4 - characterCountBits(version: version)
        return bits / 8
    }

    /// ECI mode indicator and designator 26, which names UTF-8.
    private static let utf8DeclarationBits = 4 + 8

    /// [ECI 26,] byte mode, count, the bytes, then the terminator and the alternating pad bytes.
    private static func dataCodewords(_ bytes: [UInt8], declaresUTF8: Bool, version: Int, level: ErrorCorrection) -> [UInt8] {
        let capacityBits = dataCodewordCount(version: version, level: level) * 8
        var bits = BitBuffer()
        if declaresUTF8 {
            bits.append(0b0111, count: 4)
            bits.append(26, count: 8)
        }
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: characterCountBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacityBits - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var padIndex = 0
        while codewords.count * 8 < capacityBits {
            codewords.append(padIndex % 2 == 0 ? 0xEC : 0x11)
            padIndex += 1
        }
        return codewords
    }

    /// Splits the data into blocks, adds each block's Reed–Solomon codewords, and interleaves them:
    /// the first codeword of every block, then the second, … then the error correction the same way.
    private static func interleavedCodewords(data: [UInt8], version: Int, level: ErrorCorrection) -> [UInt8] {
        let blocks = blockCount(version: version, level: level)
        let correctionLength = codewordsPerBlock(version: version, level: level)
        let totalCodewords = dataModuleCount(version: version) / 8
        // Some versions mix short blocks with blocks one data codeword longer, the long ones last.
        let shortBlocks = blocks - totalCodewords % blocks
        let shortDataLength = totalCodewords / blocks - correctionLength
        let divisor = ReedSolomon.divisor(degree: correctionLength)

        var dataBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blocks {
            let length = shortDataLength + (index < shortBlocks ? 0 : 1)
            dataBlocks.append(Array(data[start..<(start + length)]))
            start += length
        }
        let correctionBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, divisor: divisor) }

        var result: [UInt8] = []
        result.reserveCapacity(totalCodewords)
        for position in 0...shortDataLength {
            for block in dataBlocks where position < block.count { result.append(block[position]) }
        }
        for position in 0..<correctionLength {
            for block in correctionBlocks { result.append(block[position]) }
        }
        return result
    }
}

/// Bits appended most significant first, read back as bytes.
private struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].enumerated().reduce(UInt8(0)) { byte, bit in
                bit.element ? byte | (0x80 >> UInt8(bit.offset)) : byte
            }
        }
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    /// Powers of α = 2 (twice over, so a sum of two logarithms needs no reduction) and their logarithms.
    private static let (powers, logarithms): ([UInt8], [Int]) = {
        var powers = [UInt8](repeating: 0, count: 510)
        var logarithms = [Int](repeating: 0, count: 256)
        var value = 1
        for exponent in 0..<255 {
            powers[exponent] = UInt8(value)
            powers[exponent + 255] = UInt8(value)
            logarithms[value] = exponent
            value <<= 1
            if value > 0xFF { value ^= 0x11D }
        }
        return (powers, logarithms)
    }()

    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        guard left != 0, right != 0 else { return 0 }
        return powers[logarithms[Int(left)] + logarithms[Int(right)]]
    }

    /// The generator (x − α⁰)(x − α¹)…(x − α^(degree−1)) without its leading 1, highest power first.
    static func divisor(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return coefficients
    }

    /// The error-correction codewords: data × x^degree modulo the generator (long division, one data
    /// codeword at a time).
    static func remainder(of data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        let degree = divisor.count
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ remainder[0]
            for index in 0..<(degree - 1) { remainder[index] = remainder[index + 1] ^ multiply(divisor[index], factor) }
            remainder[degree - 1] = multiply(divisor[degree - 1], factor)
        }
        return remainder
    }
}
