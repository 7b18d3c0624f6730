import Foundation

// `youjiao-bench NAME [options]`: release-mode benchmarks of Core against their peers.
// BENCHMARKS.md gives the command behind every figure.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) throws -> Void] = [
    "enrollment": EnrollmentBenchmark.run(arguments:),
    "enrollment-run": EnrollmentBenchmark.runOnce(arguments:),
    "planning": PlanningBenchmark.run(arguments:),
    "aid-list": AidBenchmark.writeList(arguments:),
    "aid-match": AidBenchmark.match(arguments:),
    "zhongkao": ZhongkaoBenchmark.run(arguments:),
    "zhongkao-run": ZhongkaoBenchmark.runOnce(arguments:),
    "rotation": RotationBenchmark.run(arguments:),
]
guard let name = arguments.first, let run = benchmarks[name] else {
    FileHandle.standardError.write(Data("usage: youjiao-bench \(benchmarks.keys.sorted().joined(separator: "|")) [options]\n".utf8))
    exit(2)
}
try run(Array(arguments.dropFirst()))
