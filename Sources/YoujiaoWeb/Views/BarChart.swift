import Foundation

/// A grouped or stacked horizontal bar chart drawn as SVG on the server (no script, no CDN).
struct BarChart {
    struct Series { var name: String; var colour: String; var values: [Int] }
    var categories: [String]
    var series: [Series]
    var title: String

    /// Stacked bars, one per category, with a legend; values are labelled with their total.
    var svg: String {
        let rowHeight = 22.0, labelWidth = 90.0, chartWidth = 560.0, top = 34.0
        let totals = categories.indices.map { i in series.reduce(0) { $0 + $1.values[i] } }
        let maxTotal = Double(max(totals.max() ?? 1, 1))
        let height = top + Double(categories.count) * rowHeight + 10
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(labelWidth + chartWidth + 80)) \(Int(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
        out += "<title>\(esc(title))</title>"
        var legendX = labelWidth
        for s in series {
            out += "<rect x=\"\(legendX)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(s.colour)\"/><text x=\"\(legendX + 16)\" y=\"16\" class=\"legend\">\(esc(s.name))</text>"
            legendX += 24 + Double(s.name.count) * 13
        }
        for (i, category) in categories.enumerated() {
            let y = top + Double(i) * rowHeight
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"label\">\(esc(category))</text>"
            var x = labelWidth
            for s in series where s.values[i] > 0 {
                let width = Double(s.values[i]) / maxTotal * chartWidth
                out += "<rect x=\"\(fmt(x))\" y=\"\(y + 3)\" width=\"\(fmt(width))\" height=\"\(rowHeight - 6)\" fill=\"\(s.colour)\"><title>\(esc(category)) \(esc(s.name)): \(s.values[i])</title></rect>"
                x += width
            }
            out += "<text x=\"\(fmt(x + 4))\" y=\"\(y + 15)\" class=\"value\">\(esc(totals[i]))</text>"
        }
        return out + "</svg>"
    }

    private func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
