import Foundation
import YoujiaoCore

/// The aid match benchmark (no peer exists: aid systems start from applications, BENCHMARKS.md).
///
/// `youjiao-bench aid-list [--scale S] [--entries N] [--year Y] [--list NAME] > list.csv` writes an
/// N-entry list (default 残疾儿童, a list the demo seeder does not fill) drawn from the demo city of
/// scale S (`seed --demo --scale S` builds the same pupils), with the demo lists' mistakes, for
/// `youjiao import eligibility` and `youjiao aid match`.
///
/// `youjiao-bench aid-match [--scale S] [--entries N] [--reps R]` times the Core side alone:
/// `AidMatcher.match` over the same list joined in memory to the city's pupils.
enum AidBenchmark {
    struct Options {
        var scale = 1.0, entries = 100_000, year = DemoCity.currentYear, reps = 5
        var list = EligibilityList.disabledChild
        init(_ arguments: [String]) {
            func value(_ flag: String) -> String? {
                arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
            }
            scale = value("--scale").flatMap(Double.init) ?? scale
            entries = value("--entries").flatMap(Int.init) ?? entries
            year = value("--year").flatMap(Int.init) ?? year
            reps = value("--reps").flatMap(Int.init) ?? reps
            list = value("--list").flatMap(EligibilityList.init(name:)) ?? list
        }
    }

    /// Exactly `entries` entries: the demo's 低保 rate raised so the draw gives a few more, then cut.
    static func list(_ options: Options, city: DemoCity) throws -> [EligibilityEntry] {
        let share = min(0.9, Double(options.entries) / Double(city.expectedPupilCount) * 1.05)
        var rates = AidDemoLists.Rates.demo
        rates.perList = [options.list: share]
        rates.leftSchool = 0   // leavers would have to be added to the registry first
        let entries = AidDemoLists(city: city, year: options.year, rates: rates).entries[options.list] ?? []
        guard entries.count >= options.entries else {
            throw PlanningBenchmark.BenchmarkFailure(message: "the city of scale \(options.scale) gives only \(entries.count) entries")
        }
        return Array(entries.prefix(options.entries))
    }

    static func writeList(arguments: [String]) throws {
        let options = Options(arguments)
        let city = try DemoCity(scale: options.scale, randomSeed: 1)
        let entries = try list(options, city: city)
        FileHandle.standardOutput.write(Data(EligibilityEntry.csvDocument(entries).utf8))
    }

    static func match(arguments: [String]) throws {
        let options = Options(arguments)
        let city = try DemoCity(scale: options.scale, randomSeed: 1)
        let entries = try list(options, city: city)
        let wanted = Set(entries.map(\.nationalID))
        var pupils: [String: AidPupil] = [:]
        var stream = city.makePeopleStream()
        while let batch = stream.nextBatch() {
            for student in batch.students where wanted.contains(student.nationalID) {
                pupils[student.nationalID] = AidPupil(studentID: student.nationalID, name: student.name, schoolID: student.schoolID,
                                                      stage: AidPupil.stage(grade: student.grade, schoolStages: batch.school.stages),
                                                      districtCode: batch.school.districtCode)
            }
        }
        let candidates = entries.enumerated().map { AidCandidate(entryID: String($0.offset), entry: $0.element, pupil: pupils[$0.element.nationalID]) }
        var seconds: [Double] = []
        var result: AidMatchResult?
        for _ in 0..<options.reps {
            let started = DispatchTime.now().uptimeNanoseconds
            result = AidMatcher.match(candidates, policies: AidPolicy.shanghaiDefaults, year: options.year, existingGrants: [], queuedEntryIDs: [])
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        seconds.sort()
        let tally = result!.tally
        print("aid match (Core only), \(candidates.count) entries, \(pupils.count) found in the registry of scale \(options.scale):")
        print(String(format: "  median %.3f s, fastest %.3f s over %d runs", seconds[seconds.count / 2], seconds[0], seconds.count))
        print("  \(result!.grants.count) grants for \(tally.granted) entries; \(tally.notValidThisYear) not valid this year; review " +
              AidReviewReason.allCases.map { "\($0.rawValue) \(tally.review[$0] ?? 0)" }.joined(separator: ", "))
    }
}
