import Foundation
import YoujiaoCore
import YoujiaoStore

/// Aid on top of `Fixture`: the Shanghai policies and a 低保 list with one clean entry (child A)
/// and one entry for each review reason but "no policy".
public enum AidFixture {
    public static let year = 2025
    /// In the registry, living in 黄浦区, without a school.
    public static let leaver = Student(nationalID: NationalID.make(areaCode: "310101", birthDate: "20150909", sequence: 61).value,
                                       name: "陈离校", gender: .male, birthDate: "2015-09-09", hukou: .local,
                                       residenceZoneID: Fixture.zoneA.id, schoolID: nil, grade: nil, classNumber: nil)
    public static let unknownChild = NationalID.make(areaCode: "310101", birthDate: "20160606", sequence: 71).value

    public static func entry(_ id: String, _ name: String, list: EligibilityList = .minimumLivingAllowance, row: Int) -> EligibilityEntry {
        EligibilityEntry(nationalID: id, name: name, list: list, validFrom: "2025-01-01", validTo: "2026-12-31", sourceRow: row)
    }

    /// Child A (granted), child B under another spelling (name mismatch), an unknown child, guardian
    /// A's own number (invalid: an adult), and the leaver.
    public static let dibao = [
        entry(Fixture.childA.nationalID, Fixture.childA.name, row: 2),
        entry(Fixture.childB.nationalID, "李小紅", row: 3),
        entry(unknownChild, "赵六", row: 4),
        entry(Fixture.guardianA.nationalID, Fixture.childA.name, row: 5),
        entry(leaver.nationalID, leaver.name, row: 6),
    ]

    /// Loads `Fixture` first when asked, then policies, the leaver and the list; returns the first match.
    @discardableResult
    public static func load(into registry: RegistryStore, withRegistry: Bool = true) async throws -> AidMatchRun {
        if withRegistry { try await Fixture.load(into: registry) }
        let aid = AidStore(registry.database)
        try await aid.save(policies: AidPolicy.shanghaiDefaults, actor: "test")
        try await registry.transaction { try await $0.upsert(students: [leaver]) }
        _ = try await aid.replaceList(.minimumLivingAllowance, with: dibao, sourceFile: "dibao.csv", actor: "test")
        return try await aid.match(year: year, actor: "test")
    }
}
