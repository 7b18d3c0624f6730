/// The numbers of ISO/IEC 18004 (QR Code Model 2) that the encoder needs, by version and level.
extension QRCode {
    /// Error-correction codewords in each block, by level (L, M, Q, H) then version (index 0 unused).
    private static let errorCorrectionCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Error-correction blocks the codewords are split into, by level (L, M, Q, H) then version.
    private static let errorCorrectionBlockCounts: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    private static func levelIndex(_ level: ErrorCorrection) -> Int {
        switch level {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// The two bits that name the level in the format information (deliberately not in L, M, Q, H order).
    static func formatBits(_ level: ErrorCorrection) -> Int {
        switch level {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    static func codewordsPerBlock(version: Int, level: ErrorCorrection) -> Int {
        errorCorrectionCodewordsPerBlock[levelIndex(level)][version]
    }

    static func blockCount(version: Int, level: ErrorCorrection) -> Int {
        errorCorrectionBlockCounts[levelIndex(level)][version]
    }

    /// Modules left for codewords once the function patterns and format/version areas are drawn;
    /// a multiple of 8 plus the 0–7 remainder bits.
    static func dataModuleCount(version: Int) -> Int {
        var count = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignmentsPerSide = version / 7 + 2
            count -= (25 * alignmentsPerSide - 10) * alignmentsPerSide - 55
            if version >= 7 { count -= 36 }
        }
        return count
    }

    static func dataCodewordCount(version: Int, level: ErrorCorrection) -> Int {
        dataModuleCount(version: version) / 8
            - codewordsPerBlock(version: version, level: level) * blockCount(version: version, level: level)
    }

    /// Bits of the byte-mode character count field.
    static func characterCountBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The centre rows (and columns) of the alignment patterns (Annex E): evenly spaced from the last
    /// at size − 7 back towards 6, with an even step; version 32 is the one the formula misses.
    static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let last = version * 4 + 10
        return [6] + (0..<(count - 1)).reversed().map { last - $0 * step }
    }
}
