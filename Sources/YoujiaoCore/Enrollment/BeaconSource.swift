import Foundation

/// A public randomness beacon whose rounds come at fixed times (drand: round 1 at genesis, one
/// round every period). Because a round's time is known in advance, the draw can check that the
/// round named when the campaign was created came *after* the list was frozen: nobody, the
/// district included, could have known its value while the list could still change.
public struct BeaconSource: Sendable, Hashable {
    public var id: String
    /// The name people know it by, the same in both languages.
    public var name: String
    /// Unix time (seconds) of round 1.
    public var genesis: Int64
    public var periodSeconds: Int64

    public init(id: String, name: String, genesis: Int64, periodSeconds: Int64) {
        self.id = id; self.name = name; self.genesis = genesis; self.periodSeconds = periodSeconds
    }

    /// The League of Entropy's public drand network with unchained rounds (chain info at
    /// api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/info).
    /// Another deployment adds its own beacon here.
    public static let known: [BeaconSource] = [
        BeaconSource(id: "drand-quicknet", name: "drand quicknet", genesis: 1_692_803_367, periodSeconds: 3),
    ]

    public static func named(_ id: String) -> BeaconSource? { known.first { $0.id == id } }

    /// Far beyond any real round (quicknet reaches 10¹² in about 95,000 years); keeps the arithmetic
    /// of a typed number in range.
    public static let rounds: ClosedRange<Int64> = 1...1_000_000_000_000

    /// When `round` is published; nil for a number outside `rounds`.
    public func time(ofRound round: Int64) -> Date? {
        guard Self.rounds.contains(round) else { return nil }
        return Date(timeIntervalSince1970: Double(genesis + (round - 1) * periodSeconds))
    }

    /// The first round published strictly after `date` (round 1 for a date before genesis).
    public func firstRound(after date: Date) -> Int64 {
        let elapsed = date.timeIntervalSince1970 - Double(genesis)
        guard elapsed.isFinite, elapsed >= 0 else { return 1 }
        let periods = (elapsed / Double(periodSeconds)).rounded(.down)
        return periods >= Double(Self.rounds.upperBound - 2) ? Self.rounds.upperBound : Int64(periods) + 2
    }

    /// "drand quicknet 第 12345678 轮" / "drand quicknet round 12345678": what the campaign publishes.
    public func roundDescription(_ round: Int64) -> (zh: String, en: String) {
        ("\(name) 第 \(round) 轮", "\(name) round \(round)")
    }
}

extension Date {
    /// "yyyy-MM-dd HH:mm" in Beijing (UTC+8 all year; China has had no daylight saving since 1991).
    public var beijingMinute: String {
        let minutes = Int((timeIntervalSince1970 / 60).rounded(.down)) + 8 * 60
        let dayNumber = Int((Double(minutes) / 1440).rounded(.down))
        let minuteOfDay = minutes - dayNumber * 1440
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CaseDate(dayNumber: dayNumber)) \(twoDigits(minuteOfDay / 60)):\(twoDigits(minuteOfDay % 60))"
    }
}
