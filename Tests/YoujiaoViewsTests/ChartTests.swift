import Plot
import Testing
@testable import YoujiaoViews

@Suite("Charts")
struct ChartTests {
    @Test func barChartStacksSeriesEscapesLabelsAndTotals() {
        let chart = BarChart(title: Phrase(zh: "各区学位", en: "Seats by district"), categories: ["黄浦 <区>", "徐汇"],
                             series: [.init(name: Phrase(zh: "公办", en: "Public"), colour: "#2f6db5", values: [300, 100]),
                                      .init(name: Phrase(zh: "民办", en: "Private"), colour: "#c0392b", values: [100])],
                             language: .zh)
        let svg = chart.render()
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 730 88" role="img" aria-label="各区学位"><title>各区学位</title>"#))
        #expect(svg.contains(#"<text x="84.0" y="49.0" text-anchor="end" class="label">黄浦 &lt;区&gt;</text>"#))
        // The longest bar fills the 560 px width: 300 of 400 is 420 px.
        #expect(svg.contains(##"<rect x="90.0" y="37.0" width="420.0" height="16.0" fill="#2f6db5"><title>黄浦 &lt;区&gt; 公办: 300</title></rect>"##))
        #expect(svg.contains(#"<text x="654.0" y="49.0" class="value">400</text>"#))
        // A series shorter than the categories counts as zero, not a crash.
        #expect(svg.contains(#"class="value">100</text>"#))
    }

    @Test func lineChartScalesFromZeroAndSurvivesBadValues() {
        let chart = LineChart(title: Phrase(zh: "入学人数", en: "Entrants"),
                              lines: [.init(name: Phrase(zh: "预测", en: "Projected"), colour: "#1a5bb0",
                                            points: [.init(x: 2020, y: 800), .init(x: 2024, y: .nan), .init(x: 2030, y: 1_000)], dashed: true)],
                              bands: [.init(name: Phrase(zh: "区间", en: "Range"), colour: "#1a5bb0",
                                            points: [.init(x: 2020, low: 700, high: 900), .init(x: 2030, low: 900, high: 1_100)])],
                              language: .en)
        let svg = chart.render()
        #expect(LineChart.axis(maximum: 1_100) == (1_500, 500))
        #expect(LineChart.axis(maximum: 1_000) == (1_000, 200))
        #expect(LineChart.axis(maximum: .infinity) == (1, 1))
        #expect(svg.contains(#"stroke-dasharray="6 4""#))
        #expect(!svg.contains("Projected 2024"))
        #expect(svg.contains(#"<polyline points="64.0,135.7 624.0,106.7" fill="none""#))
        #expect(svg.contains(#"class="label">1,500</text>"#))
        #expect(svg.contains(#"<text x="64.0" y="272.0" text-anchor="middle" class="label">2020</text>"#))
        #expect(!svg.contains("nan"))
    }

    @Test func svgNumbersHaveOneDecimal() {
        #expect(SVG.number(12.345) == "12.3")
        #expect(SVG.number(-0.04) == "0.0")
        #expect(SVG.number(-0.5) == "-0.5")
        #expect(SVG.number(.nan) == "0")
    }
}
