import Foundation

/// Lines over years, with shaded bands (a low–high range), drawn as SVG on the server (no script,
/// no CDN). The y axis starts at zero so lines of different size compare honestly.
struct LineChart {
    struct Point { var x: Int; var y: Double }
    struct Line {
        var name: String
        var colour: String
        var points: [Point]
        var dashed = false
    }
    struct Band {
        var name: String
        var colour: String
        var points: [(x: Int, low: Double, high: Double)]
    }
    var title: String
    var lines: [Line]
    var bands: [Band] = []

    static let width = 640.0, height = 280.0
    static let left = 64.0, right = 16.0, top = 34.0, bottom = 28.0

    var svg: String {
        let xs = lines.flatMap { $0.points.map(\.x) } + bands.flatMap { $0.points.map(\.x) }
        let ys = lines.flatMap { $0.points.map(\.y) } + bands.flatMap { $0.points.map(\.high) }
        let firstX = xs.min() ?? 0, lastX = max(xs.max() ?? 1, firstX + 1)
        let (yMax, yStep) = Self.axis(maximum: ys.max() ?? 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func px(_ x: Int) -> String { fmt(Self.left + Double(x - firstX) / Double(lastX - firstX) * plotWidth) }
        func py(_ y: Double) -> String { fmt(Self.top + plotHeight - y / yMax * plotHeight) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"\(esc(title))\">"
        out += "<title>\(esc(title))</title>"
        // Grid and axis labels.
        for tick in stride(from: 0.0, through: yMax + yStep / 2, by: yStep) {
            out += "<line x1=\"\(fmt(Self.left))\" x2=\"\(fmt(Self.width - Self.right))\" y1=\"\(py(tick))\" y2=\"\(py(tick))\" stroke=\"#e3e7ec\"/>"
            out += "<text x=\"\(fmt(Self.left - 6))\" y=\"\(py(tick))\" dy=\"4\" text-anchor=\"end\" class=\"label\">\(esc(Int(tick)))</text>"
        }
        let labelEvery = max(1, (lastX - firstX + 1 + 11) / 12)
        for x in stride(from: firstX, through: lastX, by: labelEvery) {
            out += "<text x=\"\(px(x))\" y=\"\(fmt(Self.height - 8))\" text-anchor=\"middle\" class=\"label\">\(x)</text>"
        }
        // Legend: lines and bands, in drawing order.
        var legendX = Self.left
        for (name, colour, opacity) in bands.map({ ($0.name, $0.colour, 0.25) }) + lines.map({ ($0.name, $0.colour, 1.0) }) {
            out += "<rect x=\"\(fmt(legendX))\" y=\"8\" width=\"14\" height=\"10\" fill=\"\(colour)\" fill-opacity=\"\(opacity)\"/>"
            out += "<text x=\"\(fmt(legendX + 18))\" y=\"17\" class=\"legend\">\(esc(name))</text>"
            legendX += 30 + Double(name.count) * 12
        }
        for band in bands where !band.points.isEmpty {
            let upper = band.points.map { "\(px($0.x)),\(py($0.high))" }
            let lower = band.points.reversed().map { "\(px($0.x)),\(py($0.low))" }
            out += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(band.colour)\" fill-opacity=\"0.25\" stroke=\"none\"><title>\(esc(band.name))</title></polygon>"
        }
        for line in lines where !line.points.isEmpty {
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            out += "<polyline points=\"\(line.points.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"\(dash)/>"
            for point in line.points {
                out += "<circle cx=\"\(px(point.x))\" cy=\"\(py(point.y))\" r=\"2.5\" fill=\"\(line.colour)\"><title>\(esc(line.name)) \(point.x): \(esc(Int(point.y.rounded())))</title></circle>"
            }
        }
        return out + "</svg>"
    }

    /// A rounded top for the y axis and its tick step (1, 2 or 5 × a power of ten, about 5 ticks).
    static func axis(maximum: Double) -> (top: Double, step: Double) {
        guard maximum > 0 else { return (1, 1) }
        let rough = maximum / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return (ceil(maximum / step) * step, step)
    }

    private func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
