import Testing
@testable import YoujiaoCore

/// Deterministic printable ASCII (no leading "-", so it is safe as a program argument).
func sampleText(length: Int, seed: UInt64) -> String {
    var generator = SplitMix64(seed: seed)
    let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 %&/:?=.+-_~#")
    return String((0..<length).map { index in
        index == 0 ? "Q" : characters[Int(generator.next() % UInt64(characters.count))]
    })
}

/// The 15 format bits, most significant first, read from around the top-left finder and from the
/// copy split between the other two.
func formatBits(_ modules: [[Bool]]) -> (topLeft: Int, split: Int) {
    let size = modules.count
    let topLeft = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8),
                   (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
    let split = (0..<7).map { (size - 1 - $0, 8) } + (0..<8).map { (8, size - 8 + $0) }
    func read(_ places: [(Int, Int)]) -> Int {
        places.reduce(0) { ($0 << 1) | (modules[$1.0][$1.1] ? 1 : 0) }
    }
    return (read(topLeft), read(split))
}

@Suite("QR code encoder: layout and numbers of ISO/IEC 18004")
struct QRCodeTests {
    @Test func byteCapacitiesMatchTheStandardsTable() {
        let expected: [(version: Int, low: Int, medium: Int, quartile: Int, high: Int)] = [
            (1, 17, 14, 11, 7), (2, 32, 26, 20, 14), (5, 106, 84, 60, 44), (6, 134, 106, 74, 58),
            (7, 154, 122, 86, 64), (9, 230, 180, 130, 98), (10, 271, 213, 151, 119),
            (27, 1465, 1125, 805, 625), (40, 2953, 2331, 1663, 1273),
        ]
        for row in expected {
            #expect(QRCode.byteCapacity(version: row.version, errorCorrection: .low) == row.low, "v\(row.version) L")
            #expect(QRCode.byteCapacity(version: row.version, errorCorrection: .medium) == row.medium, "v\(row.version) M")
            #expect(QRCode.byteCapacity(version: row.version, errorCorrection: .quartile) == row.quartile, "v\(row.version) Q")
            #expect(QRCode.byteCapacity(version: row.version, errorCorrection: .high) == row.high, "v\(row.version) H")
        }
        #expect(QRCode.byteCapacity(version: 0, errorCorrection: .medium) == 0)
        #expect(QRCode.byteCapacity(version: 41, errorCorrection: .medium) == 0)
        #expect(QRCode.byteCapacity(version: .min, errorCorrection: .medium) == 0)
    }

    @Test func theSmallestVersionThatHoldsTheDataIsChosen() throws {
        for level in QRCode.ErrorCorrection.allCases {
            for version in 1...39 {
                let capacity = QRCode.byteCapacity(version: version, errorCorrection: level)
                let full = try QRCode(bytes: Array(repeating: 0x41, count: capacity), errorCorrection: level, mask: .pattern0)
                let over = try QRCode(bytes: Array(repeating: 0x41, count: capacity + 1), errorCorrection: level, mask: .pattern0)
                #expect(full.version == version && full.size == 17 + 4 * version, "\(level) v\(version)")
                #expect(over.version == version + 1, "\(level) v\(version) + 1 byte")
            }
        }
        #expect(try QRCode(text: "").version == 1)
    }

    @Test func dataBeyondVersion40IsRefusedWithTheLimit() throws {
        #expect(throws: QRCode.EncodingError.dataTooLong(byteCount: 2332, maximum: 2331, errorCorrection: .medium)) {
            try QRCode(bytes: Array(repeating: 0x41, count: 2332))
        }
        #expect(throws: QRCode.EncodingError.dataTooLong(byteCount: 1274, maximum: 1273, errorCorrection: .high)) {
            try QRCode(text: String(repeating: "a", count: 1274), errorCorrection: .high)
        }
        // Text beyond ASCII carries the 12-bit UTF-8 declaration, which costs a byte here (2331.5 → 2330).
        #expect(throws: QRCode.EncodingError.dataTooLong(byteCount: 2331, maximum: 2330, errorCorrection: .medium)) {
            try QRCode(text: "é" + String(repeating: "a", count: 2329))
        }
        #expect(try QRCode(text: "é" + String(repeating: "a", count: 2328)).version == 40)
        #expect(QRCode.EncodingError.dataTooLong(byteCount: 2332, maximum: 2331, errorCorrection: .medium).description
            == "QR code: 2332 bytes do not fit; at most 2331 at error correction medium")
    }

    @Test func reedSolomonMatchesTheStandardsWorkedExamples() {
        // ISO/IEC 18004 annex I: "01234567" as version 1-M.
        let numeric: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon.remainder(of: numeric, divisor: ReedSolomon.divisor(degree: 10))
            == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        // "HELLO WORLD" as version 1-M (alphanumeric mode).
        let hello: [UInt8] = [0x20, 0x5B, 0x0B, 0x78, 0xD1, 0x72, 0xDC, 0x4D, 0x43, 0x40, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon.remainder(of: hello, divisor: ReedSolomon.divisor(degree: 10))
            == [0xC4, 0x23, 0x27, 0x77, 0xEB, 0xD7, 0xE7, 0xE2, 0x5D, 0x17])
        // The degree-7 generator polynomial of annex A, without its leading 1: α⁸⁷, α²²⁹, … α²¹.
        func alpha(_ exponent: Int) -> UInt8 { (0..<exponent).reduce(1) { power, _ in ReedSolomon.multiply(power, 2) } }
        #expect(ReedSolomon.divisor(degree: 7) == [87, 229, 146, 149, 238, 102, 21].map(alpha))
    }

    @Test func alignmentPatternsSitWhereAnnexEPutsThem() {
        #expect(QRCode.alignmentCentres(version: 1) == [])
        #expect(QRCode.alignmentCentres(version: 2) == [6, 18])
        #expect(QRCode.alignmentCentres(version: 7) == [6, 22, 38])
        #expect(QRCode.alignmentCentres(version: 10) == [6, 28, 50])
        #expect(QRCode.alignmentCentres(version: 15) == [6, 26, 48, 70])
        #expect(QRCode.alignmentCentres(version: 22) == [6, 26, 50, 74, 98])
        #expect(QRCode.alignmentCentres(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(QRCode.alignmentCentres(version: 36) == [6, 24, 50, 76, 102, 128, 154])
        #expect(QRCode.alignmentCentres(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    @Test func functionPatternsAreDrawn() throws {
        let code = try QRCode(text: sampleText(length: 80, seed: 1))  // version 5
        let size = code.size
        #expect(code.version == 5 && size == 37 && code.modules.allSatisfy { $0.count == size })
        for (top, left) in [(0, 0), (0, size - 7), (size - 7, 0)] {
            for row in -1...7 {
                for column in -1...7 {
                    let (r, c) = (top + row, left + column)
                    guard (0..<size).contains(r), (0..<size).contains(c) else { continue }
                    let ring = max(abs(row - 3), abs(column - 3))
                    #expect(code.modules[r][c] == (ring != 2 && ring != 4), "finder module \(r),\(c)")
                }
            }
        }
        for index in 8..<(size - 8) {
            #expect(code.modules[6][index] == (index % 2 == 0))
            #expect(code.modules[index][6] == (index % 2 == 0))
        }
        #expect(code.modules[size - 8][8])  // the dark module
        // The one alignment pattern of version 5, centred on (30, 30).
        for row in 28...32 {
            for column in 28...32 {
                #expect(code.modules[row][column] == (max(abs(row - 30), abs(column - 30)) != 1))
            }
        }
    }

    @Test func formatInformationNamesLevelAndMaskInBothCopies() throws {
        // Annex C's table of format information bit sequences, for one mask of each level and all of M.
        let expected: [(QRCode.ErrorCorrection, QRCode.Mask, Int)] = [
            (.low, .pattern0, 0b111011111000100), (.low, .pattern4, 0b110011000101111),
            (.medium, .pattern0, 0b101010000010010), (.medium, .pattern1, 0b101000100100101),
            (.medium, .pattern2, 0b101111001111100), (.medium, .pattern3, 0b101101101001011),
            (.medium, .pattern4, 0b100010111111001), (.medium, .pattern5, 0b100000011001110),
            (.medium, .pattern6, 0b100111110010111), (.medium, .pattern7, 0b100101010100000),
            (.quartile, .pattern2, 0b011111100110001), (.high, .pattern7, 0b000100000111011),
        ]
        for (level, mask, bits) in expected {
            let code = try QRCode(text: "Youjiao", errorCorrection: level, mask: mask)
            #expect(code.mask == mask && code.errorCorrection == level)
            let read = formatBits(code.modules)
            #expect(read.topLeft == bits, "\(level) \(mask)")
            #expect(read.split == bits, "\(level) \(mask)")
        }
    }

    @Test func versionInformationFromVersion7() throws {
        // Annex D: version 7 is 000111 110010010100; version 40 is 101000 110001101001.
        for (version, bits) in [(7, 0b000111_110010010100), (40, 0b101000_110001101001)] {
            let capacity = QRCode.byteCapacity(version: version, errorCorrection: .low)
            let code = try QRCode(bytes: Array(repeating: 0x30, count: capacity), errorCorrection: .low, mask: .pattern3)
            #expect(code.version == version)
            let size = code.size
            let lowerLeft = (0..<18).reduce(0) { $0 | ((code.modules[size - 11 + $1 % 3][$1 / 3] ? 1 : 0) << $1) }
            let upperRight = (0..<18).reduce(0) { $0 | ((code.modules[$1 / 3][size - 11 + $1 % 3] ? 1 : 0) << $1) }
            #expect(lowerLeft == bits && upperRight == bits, "v\(version)")
        }
    }

    /// `qrencode -t ASCII -8 -l M -m 0 Youjiao` (libqrencode 4.1.1), "X" dark and "." light.
    static let qrencodeYoujiao = """
        XXXXXXX.......XXXXXXX
        X.....X.X.XXX.X.....X
        X.XXX.X...X.X.X.XXX.X
        X.XXX.X..XX.X.X.XXX.X
        X.XXX.X.X.X.X.X.XXX.X
        X.....X.....X.X.....X
        XXXXXXX.X.X.X.XXXXXXX
        .........X.XX........
        X.X.X.X...XX....X..X.
        X..XXX.XX.X...XX..XXX
        XX....XXX.X.X...XX.XX
        ..X.X..XX.X...X.X....
        .X.X.XX...X.X.XX.X...
        ........X..X.X.XX....
        XXXXXXX....X.XXXXXXXX
        X.....X..XXXXX......X
        X.XXX.X.XX.X.XX.X..XX
        X.XXX.X...X...XXXXXX.
        X.XXX.X.X...X..XX...X
        X.....X...X...X....X.
        XXXXXXX.X.X.X.X....XX
        """

    @Test func matchesQrencodesSymbolModuleForModule() throws {
        let reference = Self.qrencodeYoujiao.split(separator: "\n").map { $0.map { $0 == "X" } }
        let referenceMask = try #require(QRCode.Mask(rawValue: ((formatBits(reference).topLeft ^ 0x5412) >> 10) & 7))
        let code = try QRCode(text: "Youjiao", mask: referenceMask)
        #expect(code.version == 1)
        #expect(code.modules == reference)
    }

    @Test func textBeyondASCIIDeclaresUTF8AndASCIIDoesNot() throws {
        let ascii = "Youjiao"
        #expect(try QRCode(text: ascii, mask: .pattern2) == QRCode(bytes: Array(ascii.utf8), mask: .pattern2))
        let chinese = "优教"
        #expect(try QRCode(text: chinese, mask: .pattern2) != QRCode(bytes: Array(chinese.utf8), mask: .pattern2))
    }

    @Test func penaltyRuleOneCountsRunsOfFiveOrMore() {
        typealias Symbol = QRCode.MaskedSymbol
        #expect(Symbol.runPenalty([true, true, true, true]) == 0)
        #expect(Symbol.runPenalty([true, true, true, true, true]) == 3)
        #expect(Symbol.runPenalty(Array(repeating: false, count: 7)) == 5)
        #expect(Symbol.runPenalty(Array(repeating: false, count: 5) + Array(repeating: true, count: 6)) == 7)
        #expect(Symbol.runPenalty([true, false, true, false, true, false]) == 0)
    }

    @Test func penaltyRuleThreeFindsFinderLikePatternsWithLightOnOneSide() {
        typealias Symbol = QRCode.MaskedSymbol
        func line(_ text: String) -> [Bool] { text.map { $0 == "1" } }
        #expect(Symbol.finderLikePenalty(line("10111010000")) == 40)
        #expect(Symbol.finderLikePenalty(line("00001011101")) == 40)
        #expect(Symbol.finderLikePenalty(line("000010111010000")) == 40)
        #expect(Symbol.finderLikePenalty(line("1011101")) == 40)  // the edges count as quiet zone
        #expect(Symbol.finderLikePenalty(line("110111011")) == 0)
        #expect(Symbol.finderLikePenalty(line("1001011101001")) == 0)
        #expect(Symbol.finderLikePenalty(line("10111010000101110100001")) == 80)
        #expect(Symbol.finderLikePenalty(line("101")) == 0)
    }

    @Test func penaltyRulesTwoAndFourScoreBlocksAndBalance() {
        let light = QRCode.MaskedSymbol(mask: .pattern0, rows: Array(repeating: Array(repeating: false, count: 5), count: 5))
        #expect(light.blockPenalty == 48)
        #expect(light.balancePenalty == 100)
        #expect(light.penalty == 30 + 48 + 100)
        let checkerboard = QRCode.MaskedSymbol(mask: .pattern0, rows: (0..<6).map { row in (0..<6).map { (row + $0) % 2 == 0 } })
        #expect(checkerboard.penalty == 0)
        // 70 of 100 dark: four whole 5 % steps from half.
        let mostlyDark = QRCode.MaskedSymbol(mask: .pattern0, rows: (0..<10).map { row in (0..<10).map { row * 10 + $0 < 70 } })
        #expect(mostlyDark.balancePenalty == 40)
    }

    @Test func theChosenMaskHasTheLowestPenalty() throws {
        for (length, level) in [(20, QRCode.ErrorCorrection.medium), (120, .medium), (300, .low), (60, .high)] {
            let text = sampleText(length: length, seed: UInt64(length))
            let chosen = try QRCode(text: text, errorCorrection: level)
            let penalties = try QRCode.Mask.allCases.map { mask in
                QRCode.MaskedSymbol(mask: mask, rows: try QRCode(text: text, errorCorrection: level, mask: mask).modules).penalty
            }
            #expect(penalties[chosen.mask.rawValue] == penalties.min())
            #expect(penalties.firstIndex(of: penalties.min()!) == chosen.mask.rawValue)
        }
    }
}
