import Foundation
import Plot

/// Figures in SVG drawn on the server (no script, no CDN), as Plot elements so every label is
/// escaped like the rest of the page. Text is 12px in the drawing; app.css keeps the drawing at
/// least 680px wide (the figure scrolls on a phone), so no label renders below 11px.
enum SVG {
    typealias Content = Node<HTML.BodyContext>

    static func element(_ name: String, _ attributes: [(String, String)], _ children: [Content] = []) -> Content {
        .element(named: name, nodes: attributes.map { Content.attr($0.0, $0.1) } + children)
    }

    /// One decimal place, without `String(format:)` (slow on Linux) and never "-0.0".
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10), fraction = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }
}

/// Stacked horizontal bars, one per category, with a legend and each bar's total.
public struct BarChart: Component {
    public struct Series: Sendable, Hashable {
        public var name: Phrase
        /// A colour from the page's palette (`#2f6db5`); also used for the legend swatch.
        public var colour: String
        /// One value per category; missing or negative values count as zero.
        public var values: [Int]
        public init(name: Phrase, colour: String, values: [Int]) { self.name = name; self.colour = colour; self.values = values }
    }

    public var title: Phrase
    public var categories: [String]
    public var series: [Series]
    public var language: Language

    public init(title: Phrase, categories: [String], series: [Series], language: Language) {
        self.title = title; self.categories = categories; self.series = series; self.language = language
    }

    public var body: Component {
        let t = language
        let rowHeight = 22.0, labelWidth = 90.0, chartWidth = 560.0, top = 34.0
        func value(_ s: Series, _ i: Int) -> Double { i < s.values.count ? Double(max(s.values[i], 0)) : 0 }
        // Sums in Double: a sum of Int values from a request must not trap.
        let totals = categories.indices.map { i in series.reduce(0.0) { $0 + value($1, i) } }
        let maxTotal = max(totals.max() ?? 1, 1)
        let height = top + Double(categories.count) * rowHeight + 10
        var legend: [SVG.Content] = []
        var legendX = labelWidth
        for s in series {
            legend.append(SVG.element("rect", [("x", SVG.number(legendX)), ("y", "6"), ("width", "12"), ("height", "12"), ("fill", s.colour)]))
            legend.append(SVG.element("text", [("x", SVG.number(legendX + 16)), ("y", "16"), ("class", "legend")], [.words(t(s.name))]))
            legendX += 24 + Double(t(s.name).count) * (t == .zh ? 13 : 7.5)
        }
        var rows: [SVG.Content] = []
        for (i, category) in categories.enumerated() {
            let y = top + Double(i) * rowHeight
            rows.append(SVG.element("text", [("x", SVG.number(labelWidth - 6)), ("y", SVG.number(y + 15)), ("text-anchor", "end"), ("class", "label")],
                                    [.words(category)]))
            var x = labelWidth
            for s in series where value(s, i) > 0 {
                let width = value(s, i) / maxTotal * chartWidth
                rows.append(SVG.element("rect", [("x", SVG.number(x)), ("y", SVG.number(y + 3)), ("width", SVG.number(width)),
                                                 ("height", SVG.number(rowHeight - 6)), ("fill", s.colour)],
                                        [SVG.element("title", [], [.words("\(category) \(t(s.name)): \(Format.number(Int(min(value(s, i), 9e18))))")])]))
                x += width
            }
            rows.append(SVG.element("text", [("x", SVG.number(x + 4)), ("y", SVG.number(y + 15)), ("class", "value")],
                                    [.words(Format.number(Int(min(totals[i], 9e18))))]))
        }
        return SVG.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"),
                                   ("viewBox", "0 0 \(Int(labelWidth + chartWidth + 80)) \(Int(height))"),
                                   ("role", "img"), ("aria-label", t(title))],
                           [SVG.element("title", [], [.words(t(title))])] + legend + rows)
    }
}

/// Lines over years, with optional shaded bands (a low–high range). The y axis starts at zero so
/// lines of different size compare honestly.
public struct LineChart: Component {
    public struct Point: Sendable, Hashable {
        public var x: Int
        public var y: Double
        public init(x: Int, y: Double) { self.x = x; self.y = y }
    }
    public struct Line: Sendable, Hashable {
        public var name: Phrase
        public var colour: String
        public var points: [Point]
        public var dashed: Bool
        public init(name: Phrase, colour: String, points: [Point], dashed: Bool = false) {
            self.name = name; self.colour = colour; self.points = points; self.dashed = dashed
        }
    }
    public struct BandPoint: Sendable, Hashable {
        public var x: Int
        public var low: Double
        public var high: Double
        public init(x: Int, low: Double, high: Double) { self.x = x; self.low = low; self.high = high }
    }
    public struct Band: Sendable, Hashable {
        public var name: Phrase
        public var colour: String
        public var points: [BandPoint]
        public init(name: Phrase, colour: String, points: [BandPoint]) { self.name = name; self.colour = colour; self.points = points }
    }

    public var title: Phrase
    public var lines: [Line]
    public var bands: [Band]
    public var language: Language

    public init(title: Phrase, lines: [Line], bands: [Band] = [], language: Language) {
        self.title = title; self.lines = lines; self.bands = bands; self.language = language
    }

    static let width = 640.0, height = 280.0
    static let left = 64.0, right = 16.0, top = 34.0, bottom = 28.0

    public var body: Component {
        let t = language
        let xs = lines.flatMap { $0.points.map(\.x) } + bands.flatMap { $0.points.map(\.x) }
        let ys = (lines.flatMap { $0.points.map(\.y) } + bands.flatMap { $0.points.map(\.high) }).filter(\.isFinite)
        // Years are small; clamping keeps `x - firstX` far from overflow whatever the model holds.
        let firstX = max(xs.min() ?? 0, -100_000), lastX = min(max(xs.max() ?? 1, firstX + 1), 100_000)
        let (yMax, yStep) = Self.axis(maximum: ys.max() ?? 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func px(_ x: Int) -> String { SVG.number(Self.left + Double(min(max(x, firstX), lastX) - firstX) / Double(lastX - firstX) * plotWidth) }
        func py(_ y: Double) -> String { SVG.number(Self.top + plotHeight - (y.isFinite ? y : 0) / yMax * plotHeight) }

        var nodes: [SVG.Content] = [SVG.element("title", [], [.words(t(title))])]
        for tick in stride(from: 0.0, through: yMax + yStep / 2, by: yStep) {
            nodes.append(SVG.element("line", [("x1", SVG.number(Self.left)), ("x2", SVG.number(Self.width - Self.right)),
                                              ("y1", py(tick)), ("y2", py(tick)), ("stroke", "#e3e7ec")]))
            nodes.append(SVG.element("text", [("x", SVG.number(Self.left - 6)), ("y", py(tick)), ("dy", "4"), ("text-anchor", "end"), ("class", "label")],
                                     [.words(Format.number(Int(tick)))]))
        }
        let labelEvery = max(1, (lastX - firstX + 1 + 11) / 12)
        for x in stride(from: firstX, through: lastX, by: labelEvery) {
            nodes.append(SVG.element("text", [("x", px(x)), ("y", SVG.number(Self.height - 8)), ("text-anchor", "middle"), ("class", "label")],
                                     [.words(String(x))]))
        }
        var legendX = Self.left
        for (name, colour, opacity) in bands.map({ ($0.name, $0.colour, "0.25") }) + lines.map({ ($0.name, $0.colour, "1") }) {
            nodes.append(SVG.element("rect", [("x", SVG.number(legendX)), ("y", "8"), ("width", "14"), ("height", "10"),
                                              ("fill", colour), ("fill-opacity", opacity)]))
            nodes.append(SVG.element("text", [("x", SVG.number(legendX + 18)), ("y", "17"), ("class", "legend")], [.words(t(name))]))
            legendX += 30 + Double(t(name).count) * (t == .zh ? 12 : 7)
        }
        for band in bands where !band.points.isEmpty {
            let upper = band.points.map { "\(px($0.x)),\(py($0.high))" }
            let lower = band.points.reversed().map { "\(px($0.x)),\(py($0.low))" }
            nodes.append(SVG.element("polygon", [("points", (upper + lower).joined(separator: " ")), ("fill", band.colour),
                                                 ("fill-opacity", "0.25"), ("stroke", "none")],
                                     [SVG.element("title", [], [.words(t(band.name))])]))
        }
        for line in lines {
            // A missing figure (NaN) is left out rather than drawn as zero.
            let points = line.points.filter { $0.y.isFinite }
            guard !points.isEmpty else { continue }
            var attributes = [("points", points.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")), ("fill", "none"),
                              ("stroke", line.colour), ("stroke-width", "2")]
            if line.dashed { attributes.append(("stroke-dasharray", "6 4")) }
            nodes.append(SVG.element("polyline", attributes))
            for point in points {
                let shown = Format.number(Int(min(max(point.y, -9e18), 9e18).rounded()))
                nodes.append(SVG.element("circle", [("cx", px(point.x)), ("cy", py(point.y)), ("r", "2.5"), ("fill", line.colour)],
                                         [SVG.element("title", [], [.words("\(t(line.name)) \(point.x): \(shown)")])]))
            }
        }
        return SVG.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart line-chart"),
                                   ("viewBox", "0 0 \(Int(Self.width)) \(Int(Self.height))"), ("role", "img"), ("aria-label", t(title))],
                           nodes)
    }

    /// A rounded top for the y axis and its tick step (1, 2 or 5 × a power of ten, about 5 ticks).
    static func axis(maximum: Double) -> (top: Double, step: Double) {
        guard maximum > 0, maximum.isFinite else { return (1, 1) }
        let rough = maximum / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return (ceil(maximum / step) * step, step)
    }
}
