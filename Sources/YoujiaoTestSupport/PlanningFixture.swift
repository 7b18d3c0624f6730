import Foundation
import YoujiaoCore
import YoujiaoStore

/// Ten years of history for the two districts of `Fixture`, chosen so every projection is
/// checked by hand: births 200 a year in both (2005–2025); 黄浦区 has 200 pupils in every grade (all ratios
/// 1), 徐汇区 220 (entry ratios 1.1, progression 1). So each projected year 黄浦区 has
/// kindergarten 600, primary 1,000, junior 800, senior 600 pupils and 徐汇区 660, 1,100, 880, 660.
/// With the fixture's schools (grade-1 seats 200 and 180) primary seats are 1,000 and 900: 黄浦区
/// has no gap, 徐汇区 lacks 200 primary seats; no district has other seats.
public enum PlanningFixture {
    public static let historyYears = 2016...2025
    public static let baseYear = 2025

    public static func births() -> [BirthCount] {
        [Fixture.huangpu, Fixture.xuhui].flatMap { district in
            (2005...2025).map { BirthCount(districtCode: district.code, year: $0, births: 200) }
        }
    }

    public static func enrollment() -> [EnrollmentCount] {
        [(Fixture.huangpu.code, 200), (Fixture.xuhui.code, 220)].flatMap { code, pupils in
            historyYears.flatMap { year in
                Grade.allCases.map { EnrollmentCount(districtCode: code, year: year, grade: $0, students: pupils) }
            }
        }
    }

    /// `Fixture` plus this history.
    public static func load(into store: RegistryStore) async throws {
        try await Fixture.load(into: store)
        try await loadHistory(into: store)
    }

    /// This history alone, into a database that holds `Fixture` already.
    public static func loadHistory(into store: RegistryStore) async throws {
        try await store.transaction { tx in
            try await tx.upsert(history: enrollment())
            try await tx.upsert(births: births())
        }
    }
}
