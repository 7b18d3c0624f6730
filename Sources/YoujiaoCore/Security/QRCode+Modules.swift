/// Laying the symbol out: function patterns, codewords in the zigzag order, mask, format and version.
extension QRCode {
    /// The symbol while it is built, with a note of which modules belong to function patterns (the
    /// mask never touches those).
    struct ModuleGrid {
        let version: Int
        let size: Int
        private var dark: [Bool]
        private var isFunction: [Bool]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            isFunction = Array(repeating: false, count: size * size)
        }

        private mutating func setFunction(row: Int, column: Int, dark isDark: Bool) {
            dark[row * size + column] = isDark
            isFunction[row * size + column] = true
        }

        mutating func drawFunctionPatterns() {
            for index in 0..<size {
                setFunction(row: 6, column: index, dark: index % 2 == 0)
                setFunction(row: index, column: 6, dark: index % 2 == 0)
            }
            for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] { drawFinder(centreRow: row, centreColumn: column) }

            let centres = QRCode.alignmentCentres(version: version)
            for row in centres {
                for column in centres {
                    // The three corners that hold finder patterns get none.
                    let nearFinder = (row == 6 && column == 6) || (row == 6 && column == size - 7) || (row == size - 7 && column == 6)
                    if !nearFinder { drawAlignment(centreRow: row, centreColumn: column) }
                }
            }
            // Reserve the format and version areas now so codewords flow around them; their bits come
            // with the mask.
            drawFormat(bits: 0)
            if version >= 7 { drawVersion() }
        }

        /// The 7 × 7 finder and its light separator, clipped at the symbol's edge.
        private mutating func drawFinder(centreRow: Int, centreColumn: Int) {
            for rowOffset in -4...4 {
                for columnOffset in -4...4 {
                    let row = centreRow + rowOffset, column = centreColumn + columnOffset
                    guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                    let ring = max(abs(rowOffset), abs(columnOffset))
                    setFunction(row: row, column: column, dark: ring != 2 && ring != 4)
                }
            }
        }

        private mutating func drawAlignment(centreRow: Int, centreColumn: Int) {
            for rowOffset in -2...2 {
                for columnOffset in -2...2 {
                    setFunction(row: centreRow + rowOffset, column: centreColumn + columnOffset,
                                dark: max(abs(rowOffset), abs(columnOffset)) != 1)
                }
            }
        }

        /// Level and mask with their BCH(15,5) check bits, drawn twice: around the top-left finder, and
        /// split between the other two; plus the one module that is always dark.
        mutating func drawFormat(bits data: Int) {
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = ((data << 10) | remainder) ^ 0x5412
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }

            for index in 0...5 { setFunction(row: index, column: 8, dark: bit(index)) }
            setFunction(row: 7, column: 8, dark: bit(6))
            setFunction(row: 8, column: 8, dark: bit(7))
            setFunction(row: 8, column: 7, dark: bit(8))
            for index in 9..<15 { setFunction(row: 8, column: 14 - index, dark: bit(index)) }

            for index in 0..<8 { setFunction(row: 8, column: size - 1 - index, dark: bit(index)) }
            for index in 8..<15 { setFunction(row: size - 15 + index, column: 8, dark: bit(index)) }
            setFunction(row: size - 8, column: 8, dark: true)
        }

        /// Version 7 and up: the version with its BCH(18,6) check bits, in two 6 × 3 blocks.
        private mutating func drawVersion() {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = (version << 12) | remainder
            for index in 0..<18 {
                let isDark = (bits >> index) & 1 == 1
                let near = index / 3, far = size - 11 + index % 3
                setFunction(row: near, column: far, dark: isDark)
                setFunction(row: far, column: near, dark: isDark)
            }
        }

        /// Codeword bits, most significant first, in two-column strips from the bottom right, going up
        /// then down, skipping the vertical timing column. The 0–7 modules left over are 0 bits (the mask
        /// still applies to them).
        mutating func placeCodewords(_ codewords: [UInt8]) {
            let bitCount = codewords.count * 8
            var bitIndex = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for step in 0..<size {
                    let row = upward ? size - 1 - step : step
                    for column in [right, right - 1] where !isFunction[row * size + column] && bitIndex < bitCount {
                        dark[row * size + column] = (codewords[bitIndex / 8] >> UInt8(7 - bitIndex % 8)) & 1 == 1
                        bitIndex += 1
                    }
                }
                right -= 2
            }
        }

        func masked(_ mask: Mask, level: ErrorCorrection) -> MaskedSymbol {
            var copy = self
            for row in 0..<size {
                for column in 0..<size where !isFunction[row * size + column] && mask.inverts(row: row, column: column) {
                    copy.dark[row * size + column].toggle()
                }
            }
            copy.drawFormat(bits: (QRCode.formatBits(level) << 3) | mask.rawValue)
            let rows = (0..<size).map { row in Array(copy.dark[(row * size)..<((row + 1) * size)]) }
            return MaskedSymbol(mask: mask, rows: rows)
        }
    }

    struct MaskedSymbol {
        let mask: Mask
        let rows: [[Bool]]
    }
}
