import Foundation
import Testing

/// The text colours of app.css against their backgrounds: WCAG 2 contrast of at least 4.5:1.
/// Each colour must still be in the stylesheet, so the list and the file cannot drift apart.
@Suite("Colour contrast of app.css")
struct ContrastTests {
    static let pairs: [(what: String, text: String, background: String)] = [
        ("body text", "#1d2733", "#ffffff"), ("body text on the page", "#1d2733", "#f6f7f9"),
        ("secondary text", "#4f5b69", "#ffffff"), ("secondary text on the page", "#4f5b69", "#f6f7f9"),
        ("secondary text in table heads", "#4f5b69", "#eef1f5"),
        ("links", "#1a5bb0", "#ffffff"), ("links on the page", "#1a5bb0", "#f6f7f9"), ("button text", "#ffffff", "#1a5bb0"),
        ("danger button text", "#ffffff", "#a93226"), ("brand name", "#c0392b", "#ffffff"),
        ("success", "#1e6b3e", "#d8f0e0"), ("error", "#9b2a1f", "#f8d7d3"), ("warning", "#7a4b00", "#fff1cc"),
        ("neutral badge", "#3d4651", "#e6e9ed"), ("notice text", "#1d2733", "#fff8e6"),
        ("large shortfall", "#ffffff", "#d9342b"), ("large surplus", "#ffffff", "#2f6db5"),
    ]

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    @Test func everyTextColourReadsOnItsBackground() throws {
        let css = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appendingPathComponent("../../Sources/YoujiaoWeb/Public/app.css"), encoding: .utf8).lowercased()
        for pair in Self.pairs {
            #expect(Self.contrast(pair.text, pair.background) >= 4.5, "\(pair.what): \(pair.text) on \(pair.background)")
            for colour in [pair.text, pair.background] where colour != "#ffffff" {
                #expect(css.contains(colour), "\(colour) (\(pair.what)) is no longer in app.css")
            }
        }
        #expect(Self.contrast("#00a65a", "#ffffff") < 4.5, "the check catches a too-light green")
    }
}
