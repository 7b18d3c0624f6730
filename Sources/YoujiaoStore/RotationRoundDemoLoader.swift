import Foundation
import SQLKit
import YoujiaoCore

/// Opens the demo district's rotation round for this school year (already started, so that every
/// step down to a teacher's arrival can be tried) with needs from a few of its schools, all
/// accepted but the last, which waits for the district's check.
public enum RotationRoundDemoLoader {
    /// Returns the round and its number of needs; `skipping` is a school left to enter its own.
    public static func load(into registry: RegistryStore, districtCode: String, skipping schoolID: String?, today: CaseDate) async throws
        -> (round: RotationRound, needs: Int) {
        let current = today.month >= 9 ? today.year : today.year - 1
        let round = RotationRound(districtCode: districtCode, year: current, status: .collecting)
        let store = RotationRoundStore(registry.database)
        try await store.create(round)
        let schools = try await registry.schools(SchoolFilter(districtCode: districtCode), page: .everything).items
            .filter { $0.id != schoolID && $0.ownership == .public && ($0.stages.contains(.primary) || $0.stages.contains(.junior)) }
            .sorted { $0.id < $1.id }
        // The subjects most of the district's teachers teach, so that the plan can fill the needs.
        let subjects = Dictionary(grouping: try await registry.teachers(districtCode: districtCode), by: \.subject)
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(3).map(\.key)
        guard !subjects.isEmpty else { return (round, 0) }
        let kinds: [RotationNeedKind] = [.weakSchool, .newCity, .group, .rural]
        let chosen = Array(schools.prefix(8))
        for (index, school) in chosen.enumerated() {
            let need = RotationNeedEntry(
                id: "demo-need-\(index + 1)", schoolID: school.id, subject: subjects[index % subjects.count],
                stage: school.stages.contains(.primary) ? .primary : .junior, count: 1 + index % 3, kind: kinds[index % kinds.count],
                priority: 1 + index % 3)
            try await store.add(need, roundID: round.id)
            if index < chosen.count - 1 { try await store.check(needID: need.id, roundID: round.id, state: .accepted, reason: nil) }
        }
        return (round, chosen.count)
    }
}
