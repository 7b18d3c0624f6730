import Foundation
import YoujiaoCore

/// A line of five `=` splits one fuzz input into schools.csv (before) and applicants.csv (after).
let separator = Data("\n=====\n".utf8)
let seed = try! LotterySeed(hex: String(repeating: "5a", count: 32))

/// The two files of `youjiao enroll` through commitment, validation and the draw; an accepted input
/// is allocated, and its results file must verify against the same draw, as `enroll verify` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnrollment(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let split = data.range(of: separator),
          let schools = try? CSVTable.parse(data: data[..<split.lowerBound], fileName: "schools.csv",
                                            limits: EnrollmentCSV.limits),
          let applicants = try? CSVTable.parse(data: data[split.upperBound...], fileName: "applicants.csv",
                                               limits: EnrollmentCSV.limits) else { return 0 }
    _ = try? EnrollmentCSV.commitment(applicants: applicants)
    guard let input = try? EnrollmentCSV.input(schools: schools, applicants: applicants) else { return 0 }
    let outcome = EnrollmentEngine.allocate(input, seed: seed)
    let results = EnrollmentCSV.resultsDocument(outcome.placements)
    do {
        let table = try CSVTable.parse(data: results, fileName: "results.csv", limits: EnrollmentCSV.limits)
        let differences = try EnrollmentCSV.differences(results: table, expected: outcome.placements)
        guard differences.isEmpty else { fatalError("results.csv does not verify:\n\(differences.joined(separator: "\n"))") }
    } catch {
        fatalError("results.csv does not read back: \(error)")
    }
    return 0
}
