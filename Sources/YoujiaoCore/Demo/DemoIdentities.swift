import Foundation

/// Issues national IDs that are unique across the whole demo city: one counter per area code,
/// birth day and gender (GB 11643 sequence: odd for men, even for women, 500 of each a day).
struct DemoIdentities: Sendable {
    /// Area codes: the 16 Shanghai districts first (calibration order), then other provinces.
    static let areaCodes = DemoCalibration.districts.map(\.code) + DemoNames.otherProvinceAreaCodes.values
    static let shanghaiAreas = DemoCalibration.districts.count
    private static let perGender = 500

    private var issued: [UInt16]
    private let dayCount: Int

    init() {
        dayCount = DemoCalendar.shared.dayCount
        issued = Array(repeating: 0, count: DemoIdentities.areaCodes.count * dayCount * 2)
    }

    /// Draws the area of a person from another province.
    static func otherProvinceArea(_ random: inout DemoRandom) -> Int {
        shanghaiAreas + DemoNames.otherProvinceAreaCodes.drawIndex(&random)
    }

    /// A new ID for someone of `area` born on `day`; when that day's 500 numbers are used up, the
    /// next day inside `days` is taken. Returns the ID and the birth day actually used.
    mutating func issue(area: Int, day: Int, gender: Gender, within days: Range<Int>) -> (id: String, day: Int) {
        var day = day
        for _ in 0..<days.count {
            let slot = (area * dayCount + day) * 2 + (gender == .male ? 0 : 1)
            let count = Int(issued[slot])
            if count < DemoIdentities.perGender - (gender == .male ? 0 : 1) {
                issued[slot] += 1
                // male 001, 003 … 999; female 002, 004 … 998
                let sequence = gender == .male ? 2 * count + 1 : 2 * count + 2
                let id = NationalID.make(areaCode: DemoIdentities.areaCodes[area],
                                         birthDate: DemoCalendar.shared.compact[day], sequence: sequence)
                return (id.value, day)
            }
            day = day + 1 < days.upperBound ? day + 1 : days.lowerBound
        }
        preconditionFailure("no national ID left for area \(DemoIdentities.areaCodes[area]) in \(days)")
    }
}
