import Foundation
import Testing
@testable import YoujiaoCore

@Suite("Aid: the demo city's synthetic agency lists")
struct AidDemoListsTests {
    static let city = try! DemoCity(scale: 0.005, randomSeed: 1)
    static let rates = AidDemoLists.Rates(perList: [.minimumLivingAllowance: 0.02, .orphan: 0.005], nameMismatch: 0.1,
                                          parentsNumber: 0.1, unknownChild: 0.1, leftSchool: 0.1, expired: 0.1)

    static func pupils() -> [String: Student] {
        var stream = city.makePeopleStream()
        var pupils: [String: Student] = [:]
        while let batch = stream.nextBatch() { for pupil in batch.students { pupils[pupil.nationalID] = pupil } }
        return pupils
    }

    @Test func listsHoldPupilsAtTheirRatesAndEveryKindOfMistake() throws {
        let pupils = Self.pupils()
        let forced = try #require(pupils.keys.sorted().first)
        let lists = AidDemoLists(city: Self.city, year: 2025, rates: Self.rates, alwaysListed: [forced])
        let dibao = try #require(lists.entries[.minimumLivingAllowance])
        #expect(Double(dibao.count) > 0.02 * Double(pupils.count) * 0.8 && Double(dibao.count) < 0.02 * Double(pupils.count) * 1.5)
        #expect(dibao.contains { $0.nationalID == forced && $0.name == pupils[forced]!.name && $0.covers(schoolYear: 2025) })
        for (list, entries) in lists.entries {
            #expect(Set(entries.map(\.nationalID)).count == entries.count, "\(list): one row per ID number, as the import requires")
            #expect(entries.allSatisfy { (try? NationalID($0.nationalID)) != nil && $0.list == list })
        }
        let all = lists.allEntries
        let leavers = Set(lists.leavers.map(\.nationalID))
        let misnamed = all.filter { entry in pupils[entry.nationalID].map { $0.name != entry.name } ?? false }
        let adults = all.filter { pupils[$0.nationalID] == nil && $0.nationalID.dropFirst(6).prefix(4) < "2000" }
        let unknown = all.filter { pupils[$0.nationalID] == nil && !leavers.contains($0.nationalID) && $0.nationalID.dropFirst(6).prefix(4) >= "2000" }
        #expect(!misnamed.isEmpty && !adults.isEmpty && !unknown.isEmpty && !leavers.isEmpty)
        #expect(all.contains { !$0.covers(schoolYear: 2025) }, "some eligibility ended before the school year")
        #expect(lists.leavers.allSatisfy { $0.schoolID == nil && $0.grade == nil && pupils[$0.nationalID] == nil })
        #expect(lists.leavers.allSatisfy { (try? NationalID($0.nationalID))?.gender == $0.gender })
    }

    @Test func anotherDrawsUnknownChildrenAreNeverTheLeavers() {
        // Many of each, so that shared numbering would collide: the bench's list leaves leavers out.
        var benchRates = Self.rates
        benchRates.perList = [.disabledChild: 0.5]
        (benchRates.unknownChild, benchRates.leftSchool) = (0.5, 0)
        var demoRates = Self.rates
        demoRates.leftSchool = 0.5
        let demo = AidDemoLists(city: Self.city, year: 2025, rates: demoRates)
        let bench = AidDemoLists(city: Self.city, year: 2025, rates: benchRates)
        #expect(!demo.leavers.isEmpty)
        let shared = Set(bench.allEntries.map(\.nationalID)).intersection(demo.leavers.map(\.nationalID)).count
        #expect(shared == 0, "unknown children of one draw are not registry pupils stored by another")
    }

    @Test func theSameCityGivesTheSameLists() {
        let a = AidDemoLists(city: Self.city, year: 2025, rates: Self.rates)
        let b = AidDemoLists(city: Self.city, year: 2025, rates: Self.rates)
        #expect(a.allEntries == b.allEntries && a.leavers == b.leavers)
        #expect(EligibilityEntry.csvDocument(a.allEntries).hasPrefix("national_id,name,list,valid_from,valid_to\n"))
    }
}
