/// The standard's penalty score (ISO/IEC 18004 §7.8.3): the mask that leaves the fewest patterns a
/// reader could stumble on wins.
extension QRCode.MaskedSymbol {
    var penalty: Int {
        let size = rows.count
        let columns = (0..<size).map { column in rows.map { $0[column] } }
        var score = 0
        for line in rows + columns {
            score += Self.runPenalty(line) + Self.finderLikePenalty(line)
        }
        score += blockPenalty + balancePenalty
        return score
    }

    /// Rule 1: five or more modules of one colour in a row: 3, plus 1 for each module past five.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var runLength = 0
        for index in line.indices {
            runLength = index > 0 && line[index] == line[index - 1] ? runLength + 1 : 1
            if runLength == 5 { score += 3 } else if runLength > 5 { score += 1 }
        }
        return score
    }

    /// Rule 3: dark-light-dark×3-light-dark (1:1:3:1:1, like a finder) with four light modules on
    /// either side: 40 each. Modules beyond the edge count as light, as the quiet zone is.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let lightThenFinder = 0b0000_1011101, finderThenLight = 0b1011101_0000
        // The last 15 modules as bits, newest lowest; the line runs on into 4 light modules.
        var window = 0
        var score = 0
        for index in 0..<(line.count + 4) {
            window = ((window << 1) | (index < line.count && line[index] ? 1 : 0)) & 0x7FFF
            let last11 = window & 0x7FF
            // A finder with light on both sides was counted when its light-before form went past.
            if last11 == lightThenFinder || (last11 == finderThenLight && window >> 11 != 0) { score += 40 }
        }
        return score
    }

    /// Rule 2: each 2 × 2 square of one colour: 3.
    var blockPenalty: Int {
        var score = 0
        for row in 0..<(rows.count - 1) {
            for column in 0..<(rows.count - 1) {
                let colour = rows[row][column]
                if rows[row][column + 1] == colour, rows[row + 1][column] == colour, rows[row + 1][column + 1] == colour {
                    score += 3
                }
            }
        }
        return score
    }

    /// Rule 4: 10 for each full 5 % that the share of dark modules is away from half.
    var balancePenalty: Int {
        let total = rows.count * rows.count
        let darkCount = rows.reduce(0) { $0 + $1.count(where: { $0 }) }
        return abs(darkCount * 20 - total * 10) / total * 10
    }
}
