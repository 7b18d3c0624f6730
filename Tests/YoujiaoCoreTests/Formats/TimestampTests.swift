import Foundation
import Testing
@testable import YoujiaoCore

/// Stored timestamps were written by Foundation's ISO8601DateFormatter; the hand-written writer
/// must give the same text, or old and new rows would sort and compare differently.
@Suite("Stored timestamps")
struct TimestampTests {
    @Test func writesWhatFoundationWrites() {
        let withMilliseconds = ISO8601DateFormatter()
        withMilliseconds.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let whole = ISO8601DateFormatter()
        var random = SplitMix64(seed: 20261207)
        // From 1900 to 2199, fractions at every scale. Instants within a hair of halfway between
        // two milliseconds are left out: Foundation breaks those ties by its own arithmetic.
        var compared = 0
        while compared < 20_000 {
            let seconds = Double(Int.random(in: -2_208_988_800...7_258_118_399, using: &random))
            let fraction = [0, 0.5, 0.999_9, 0.000_4, Double.random(in: 0..<1, using: &random)][Int.random(in: 0..<5, using: &random)]
            let date = Date(timeIntervalSince1970: seconds + fraction)
            let milliseconds = date.timeIntervalSince1970 * 1000
            guard abs(milliseconds - milliseconds.rounded(.down) - 0.5) > 0.01 else { continue }
            compared += 1
            #expect(Timestamp.string(date) == withMilliseconds.string(from: date))
            #expect(Timestamp.string(date, milliseconds: false) == whole.string(from: date))
        }
        #expect(Timestamp.string(Date(timeIntervalSince1970: 1.999_6)) == "1970-01-01T00:00:02.000Z")
        #expect(Timestamp.string(Date(timeIntervalSince1970: -0.25)) == "1969-12-31T23:59:59.750Z")
        #expect(Timestamp.string(Date(timeIntervalSince1970: -0.25), milliseconds: false) == "1969-12-31T23:59:59Z")
    }

    @Test func readsWhatItWrites() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &random)) + 0.125)
            #expect(Timestamp.date(Timestamp.string(date)) == date)
            #expect(Timestamp.date(Timestamp.string(date, milliseconds: false)) == Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        }
        let beijing = try #require(Timestamp.date("2026-12-08T05:39:34+08:00"))
        #expect(beijing == Timestamp.date("2026-12-07T21:39:34Z"))
        #expect(Timestamp.date("2026-12-07T21:39:34-01:30") == Timestamp.date("2026-12-07T23:09:34Z"))
    }

    @Test(arguments: [
        "", "2026-12-07", "2026-12-07 21:39:34Z", "2026-12-07T24:00:00Z", "2026-12-07T21:60:00Z", "2026-12-07T21:39:60Z",
        "2026-02-30T00:00:00Z", "2026-12-07T21:39:34", "2026-12-07T21:39:34.Z", "2026-12-07T21:39:34.123", "2026-12-07T21:39:34+08",
        "2026-12-07T21:39:34+08:00x", "２０２６-12-07T21:39:34Z", "1899-12-31T23:59:59Z", "2026-12-07T21:39:34z",
    ])
    func refusesWhatIsNotATimestamp(_ text: String) {
        #expect(Timestamp.date(text) == nil)
    }
}
