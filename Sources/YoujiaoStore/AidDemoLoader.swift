import Foundation
import YoujiaoCore

/// The demo city's aid: Shanghai's default policies, the synthetic agency lists (through the same
/// list replacement an import uses), the children who left school, and a first match.
public enum AidDemoLoader {
    public struct Summary: Sendable {
        public var entries: [EligibilityList: Int]
        public var leavers: Int
        public var run: AidMatchRun
    }

    /// - Parameter alwaysListed: ID numbers of pupils put on the 低保 list whatever the draw.
    public static func load(_ city: DemoCity, into registry: RegistryStore, year: Int,
                            alwaysListed: Set<String>) async throws -> Summary {
        let lists = AidDemoLists(city: city, year: year, alwaysListed: alwaysListed)
        let aid = AidStore(registry.database)
        try await aid.save(policies: AidPolicy.shanghaiDefaults, actor: "demo")
        try await registry.transaction { try await $0.upsert(students: lists.leavers) }
        for (list, entries) in lists.entries.sorted(by: { $0.key < $1.key }) {
            _ = try await aid.replaceList(list, with: entries, sourceFile: "demo-\(list.rawValue).csv", actor: "demo")
        }
        let run = try await aid.match(year: year, actor: "demo")
        return Summary(entries: lists.entries.mapValues(\.count), leavers: lists.leavers.count, run: run)
    }
}
