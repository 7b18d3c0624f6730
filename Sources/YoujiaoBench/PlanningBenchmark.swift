import Foundation
import YoujiaoCore

/// `youjiao-bench planning [--reps-city N] [--reps-national N] [--python PATH] [--peer PATH]`
///
/// Times the cohort projection (15 years) plus a 5-year backtest on two inputs generated here,
/// deterministically: the 16-district Shanghai city (10 years of history) and a national-scale
/// input (2,850 counties, 15 grades, 15 years of history). The NumPy peer runs the same method on
/// the same input, written to temporary CSVs, in the same run; the two results must agree.
enum PlanningBenchmark {
    static let baseYear = 2024, years = 15, history = 3, holdout = 5

    static func run(arguments: [String]) throws {
        func value(_ flag: String, _ fallback: String) -> String {
            arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil } ?? fallback
        }
        let python = value("--python", FileManager.default.fileExists(atPath: ".venv-bench/bin/python3")
                           ? ".venv-bench/bin/python3" : "python3")
        let peer = value("--peer", "bench/peers/planning_numpy.py")
        let cases = [
            ("city: 16 districts, 10 years of history", SyntheticPlanningInput.city(), Int(value("--reps-city", "50")) ?? 50),
            ("national: 2,850 counties, 15 years of history", SyntheticPlanningInput.national(),
             Int(value("--reps-national", "5")) ?? 5),
        ]
        var accuracy: [String] = [], numpyVersion = "?"
        print("| input | enrollment rows | Youjiao (Swift) median / min | NumPy median / min | max relative difference |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for (name, inputs, reps) in cases {
            let swift = try measure(inputs, reps: reps)
            let numpy = try runPeer(inputs, reps: reps, python: python, script: peer)
            let difference = maxRelativeDifference(swift.projection, swift.backtest, numpy)
            print("| \(name) | \(inputs.enrollment.count) | \(ms(swift.seconds)) | \(ms(numpy.seconds)) | \(String(format: "%.1e", difference)) |")
            guard difference < 1e-9 else {
                throw BenchmarkFailure(message: "\(name): Swift and NumPy disagree (max relative difference \(difference))")
            }
            print("|   peak memory | | \(String(format: "%.0f", peakResidentMegabytes())) MB (whole process so far) | \(String(format: "%.0f", numpy.peakMegabytes)) MB | |")
            accuracy.append("\(name): " + backtestLine(swift.report))
            numpyVersion = numpy.version
        }
        print("\nbacktest MAPE (%) by horizon 1…\(holdout), district × stage cells | citywide stage totals (mean of the four stages):")
        for line in accuracy { print("- " + line) }
        print("\nmedian and fastest of the runs; each run = validation + 15-year projection + \(holdout)-year backtest, history \(history), trend births; NumPy \(numpyVersion)")
    }

    struct BenchmarkFailure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    struct SwiftRun {
        var seconds: [Double]
        var projection: [ProjectedCount]
        var backtest: [BacktestCell]
        var report: BacktestReport
    }

    static func backtestLine(_ report: BacktestReport) -> String {
        let summaries = report.summaries
        let districts = summaries.filter { $0.scope == .horizon }.map { String(format: "%.2f", $0.mape) }
        let city = (1...report.holdout).map { horizon in
            let cells = summaries.filter { $0.scope == .city && $0.horizon == horizon }
            return String(format: "%.2f", cells.reduce(0) { $0 + $1.mape } / Double(cells.count))
        }
        return districts.joined(separator: " ") + " | " + city.joined(separator: " ")
    }

    static func measure(_ inputs: PlanInputs, reps: Int) throws -> SwiftRun {
        let options = ProjectionOptions(baseYear: baseYear, years: years, history: history)
        let scenario = PlanningScenario(name: "trend", births: .trend)
        var seconds: [Double] = []
        var last: (PlanResult, BacktestReport)?
        for _ in 0..<reps {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try PlanningEngine.project(inputs, options: options, scenario: scenario)
            let report = try PlanningEngine.backtest(inputs, options: options, holdout: holdout, births: .trend)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            last = (result, report)
        }
        return SwiftRun(seconds: seconds, projection: last!.0.projection.counts, backtest: last!.1.cells, report: last!.1)
    }

    struct PeerRun {
        var seconds: [Double]
        var peakMegabytes: Double
        var projection: [Double]
        var backtest: [Double]
        var version: String
    }

    static func runPeer(_ inputs: PlanInputs, reps: Int, python: String, script: String) throws -> PeerRun {
        let directory = NSTemporaryDirectory() + "youjiao-planning-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var births = "district,year,births\n"
        for record in inputs.births { births += "\(record.districtCode),\(record.year),\(record.births)\n" }
        var enrollment = "district,year,grade,students\n"
        enrollment.reserveCapacity(inputs.enrollment.count * 20)
        for record in inputs.enrollment {
            enrollment += "\(record.districtCode),\(record.year),\(record.grade.rawValue),\(record.students)\n"
        }
        try births.write(toFile: directory + "/births.csv", atomically: true, encoding: .utf8)
        try enrollment.write(toFile: directory + "/enrollment.csv", atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script, directory, String(baseYear), String(years), String(history),
                             String(holdout), String(reps)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let report = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let seconds = report["seconds"] as? [Double], let peak = report["peak_rss_mb"] as? Double else {
            throw BenchmarkFailure(message: "the NumPy peer failed: \(String(decoding: data, as: UTF8.self))")
        }
        return PeerRun(seconds: seconds, peakMegabytes: peak,
                       projection: try doubles(directory + "/numpy_projection.bin"),
                       backtest: try doubles(directory + "/numpy_backtest.bin"),
                       version: report["numpy"] as? String ?? "?")
    }

    static func doubles(_ path: String) throws -> [Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.withUnsafeBytes { raw in
            (0..<data.count / 8).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
        }
    }

    /// The peer writes [projected, low, high] × district × year × grade and district × stage × horizon,
    /// the order of `Projection.counts` and `BacktestReport.cells`.
    static func maxRelativeDifference(_ counts: [ProjectedCount], _ cells: [BacktestCell], _ peer: PeerRun) -> Double {
        guard peer.projection.count == 3 * counts.count, peer.backtest.count == cells.count else { return .infinity }
        var worst = 0.0
        func compare(_ a: Double, _ b: Double) { worst = max(worst, abs(a - b) / max(1, abs(a), abs(b))) }
        for (index, count) in counts.enumerated() {
            compare(count.projected, peer.projection[index])
            compare(count.low, peer.projection[counts.count + index])
            compare(count.high, peer.projection[2 * counts.count + index])
        }
        for (index, cell) in cells.enumerated() { compare(cell.projected, peer.backtest[index]) }
        return worst
    }

    static func ms(_ seconds: [Double]) -> String {
        let sorted = seconds.sorted()
        return String(format: "%.1f / %.1f ms", sorted[sorted.count / 2] * 1000, sorted[0] * 1000)
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024   // kilobytes on Linux
    }
}

/// Deterministic synthetic planning inputs.
enum SyntheticPlanningInput {
    typealias Random = SplitMix64

    /// Shanghai's 16 districts weighted by their 2020 census age-0 counts (districts.csv), with the
    /// city's births of 2007–2024 (births.csv, found rows); earlier years repeat 2007.
    static func city() -> PlanInputs {
        let ageZero: [(String, Double)] = [
            ("310101", 2259), ("310104", 4506), ("310105", 2970), ("310106", 4056), ("310107", 5523),
            ("310109", 2729), ("310110", 5027), ("310112", 14330), ("310113", 10999), ("310114", 10245),
            ("310115", 31328), ("310116", 3844), ("310117", 11876), ("310118", 6593), ("310120", 6280),
            ("310151", 2101),
        ]
        let cityBirths: [Double] = [183000, 187000, 188000, 159000, 162000, 226100, 198000, 205000, 185000,
                                    218400, 197000, 174000, 169000, 127600, 116000, 108000, 98000, 118000]
        let total = ageZero.reduce(0) { $0 + $1.1 }
        return make(districts: ageZero.map { code, weight in
            (code, { year in cityBirths[max(0, year - 2007)] * weight / total })
        }, firstYear: 2015, seed: 2024)
    }

    /// 2,850 counties, births 1990–2024 from a random level and trend, enrollment 2010–2024.
    static func national() -> PlanInputs {
        var random = Random(seed: 1949)
        let counties = (1...2850).map { index -> (String, (Int) -> Double) in
            let level = random.uniform(800...20000), trend = random.uniform(-0.04...0.01)
            return (String(format: "C%05d", index), { year in level * max(0.2, 1 + trend * Double(year - 2010)) })
        }
        return make(districts: counties, firstYear: 2010, seed: 7)
    }

    /// Enrollment simulated cohort by cohort with per-district ratios and ±3% yearly noise.
    static func make(districts: [(code: String, births: (Int) -> Double)], firstYear: Int, seed: UInt64) -> PlanInputs {
        var random = Random(seed: seed)
        var births: [BirthCount] = [], enrollment: [EnrollmentCount] = []
        enrollment.reserveCapacity(districts.count * (PlanningBenchmark.baseYear - firstYear + 1) * 15)
        for district in districts {
            let birthYears = (firstYear - 17)...PlanningBenchmark.baseYear
            var birthCounts: [Int: Double] = [:]
            for year in birthYears {
                let count = (district.births(year) * random.uniform(0.97...1.03)).rounded()
                birthCounts[year] = count
                births.append(BirthCount(districtCode: district.code, year: year, births: Int(count)))
            }
            var ratio = Grade.allCases.map { _ in random.uniform(0.97...1.03) }
            ratio[Grade.k1.index] = random.uniform(0.8...1.2)
            ratio[Grade.g1.index] = random.uniform(0.85...1.25)
            ratio[Grade.g10.index] = random.uniform(0.45...0.7)
            var previous: [Double] = []
            for year in firstYear...PlanningBenchmark.baseYear {
                var current = [Double](repeating: 0, count: 15)
                for grade in Grade.allCases {
                    let noise = random.uniform(0.97...1.03)
                    if grade == .k1 || grade == .g1 {
                        current[grade.index] = birthCounts[year - grade.typicalAge]! * ratio[grade.index] * noise
                    } else if previous.isEmpty {
                        // The first year: the cohort's births times the ratios it would have passed.
                        let entry: Grade = grade < .g1 ? .k1 : .g1
                        let passed = (entry.index...grade.index).reduce(1.0) { $0 * ratio[$1] }
                        current[grade.index] = birthCounts[year - grade.typicalAge]! * passed * noise
                    } else {
                        current[grade.index] = previous[grade.index - 1] * ratio[grade.index] * noise
                    }
                    current[grade.index] = current[grade.index].rounded()
                    enrollment.append(EnrollmentCount(districtCode: district.code, year: year, grade: grade,
                                                      students: Int(current[grade.index])))
                }
                previous = current
            }
        }
        return PlanInputs(births: births, enrollment: enrollment)
    }
}

extension SplitMix64 {
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }
}
