import Foundation
import YoujiaoCore

/// `youjiao-bench enrollment [city|city-full|national|all] [--no-peers] [--keep DIR]`
/// `youjiao-bench enrollment-run DIR [--private-mechanism deferred] [--no-private-penalty]`: one
/// `EnrollmentJob.run` on files kept by `--keep` (for /usr/bin/time -v), writing DIR/results.csv and DIR/report.json.
///
/// Generates a campaign in code, writes schools.csv and applicants.csv, and times
/// `EnrollmentJob.run` (files in and out, the code behind `youjiao enroll run`), the allocation
/// alone and the what-if alone, next to the Python peer (same rules, must write an identical
/// results.csv) and OR-Tools' min-cost flow (must find the same optimal total). Youjiao's times
/// are medians of repeated runs, with the best beside them: the build machine is shared.
enum EnrollmentBenchmark {
    struct Scale {
        var name: String
        var districts: [String]
        var publicSchools: Int
        var privateSchools: Int
        var applicants: Int
        /// Multiplies every public school's capacity: below 1, some districts run out of seats.
        var publicCapacityFactor = 1.0
        /// Runs of the whole job, and of the allocation and the what-if.
        var repeats: (whole: Int, parts: Int)
    }

    static let shanghaiDistricts = ["310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
                                    "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"]
    static let city = Scale(name: "city", districts: shanghaiDistricts, publicSchools: 700, privateSchools: 150, applicants: 160_000,
                            repeats: (whole: 7, parts: 21))
    /// The city with 10% fewer public seats: districts run full and leave children unplaced, so the
    /// what-if is checked where priority, not distance, decides who is placed.
    static let cityFull = Scale(name: "city-full", districts: shanghaiDistricts, publicSchools: 700, privateSchools: 150,
                                applicants: 160_000, publicCapacityFactor: 0.9, repeats: (whole: 7, parts: 21))
    /// 200 districts of 34 public and 6 private schools and 10,000 applicants.
    static let national = Scale(name: "national", districts: (1...200).map { String(format: "9%05d", $0) },
                                publicSchools: 6_800, privateSchools: 1_200, applicants: 2_000_000, repeats: (whole: 3, parts: 5))
    static let seedHex = "5f1c0a9e3b7d2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a0b2d4f6e8c0a2b4d6f8e0a"

    static func run(arguments: [String]) throws {
        let named = [city, cityFull, national].filter { arguments.contains($0.name) }
        let scales = arguments.contains("all") ? [city, cityFull, national] : named.isEmpty ? [city] : named
        let runPeers = !arguments.contains("--no-peers")
        let kept = arguments.firstIndex(of: "--keep").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        for scale in scales {
            let directory = kept.map { URL(fileURLWithPath: $0).appendingPathComponent(scale.name) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("youjiao-enroll-\(scale.name)-\(getpid())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
            try measure(scale, in: directory, runPeers: runPeers)
        }
    }

    /// One whole job on kept files, nothing else in the process: what `youjiao enroll run` does.
    static func runOnce(arguments: [String]) throws {
        guard let path = arguments.first else { throw BenchmarkFailure(message: "usage: enrollment-run DIR") }
        let directory = URL(fileURLWithPath: path)
        let files = EnrollmentJob.Files(schools: directory.appendingPathComponent("schools.csv").path,
                                        applicants: directory.appendingPathComponent("applicants.csv").path)
        let mechanism = arguments.firstIndex(of: "--private-mechanism").flatMap { arguments.dropFirst($0 + 1).first }
        let settings = EnrollmentSettings(privateMechanism: mechanism.flatMap(PrivateMechanism.init(rawValue:)) ?? .immediate,
                                          returnedPrivateApplicantsRankLast: !arguments.contains("--no-private-penalty"))
        let start = DispatchTime.now().uptimeNanoseconds
        let output = try EnrollmentJob.run(files, seedHex: seedHex, settings: settings,
                                           resultsPath: directory.appendingPathComponent("results.csv").path,
                                           reportPath: directory.appendingPathComponent("report.json").path)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("\(output.input.applicants.count) applicants in \(Self.seconds(seconds))")
    }

    // MARK: - Measurement

    static func measure(_ scale: Scale, in directory: URL, runPeers: Bool) throws {
        let files = EnrollmentJob.Files(schools: directory.appendingPathComponent("schools.csv").path,
                                        applicants: directory.appendingPathComponent("applicants.csv").path)
        let resultsPath = directory.appendingPathComponent("results.csv").path
        let reportPath = directory.appendingPathComponent("report.json").path
        var generator = CampaignGenerator(scale: scale)
        try generator.write(files)
        print("enrollment benchmark, \(scale.name): \(scale.applicants) applicants, \(scale.publicSchools) public + "
              + "\(scale.privateSchools) private schools, \(scale.districts.count) districts; files in \(directory.path)")

        let settings = EnrollmentSettings()
        print("  load average before: \(loadAverage())")
        var output: EnrollmentJob.Output?
        // The previous run's output (a country's input, placements and report) is freed before the
        // clock starts: `youjiao enroll run` never frees its own, its process ends.
        let whole = try timed(repeats: scale.repeats.whole, prepare: { output = nil }) {
            output = try EnrollmentJob.run(files, seedHex: seedHex, settings: settings, resultsPath: resultsPath, reportPath: reportPath)
        }
        guard let output else { return }
        let seed = try LotterySeed(hex: seedHex)
        let allocation = try timed(repeats: scale.repeats.parts) {
            _ = EnrollmentEngine.allocate(output.input, seed: seed, settings: settings)
        }
        let problems = whatIfProblems(output)
        var optimal = 0
        let whatIf = try timed(repeats: scale.repeats.parts) {
            optimal = problems.reduce(0) { $0 + MinCostAssignment(costs: $1.costs, capacities: $1.seats).totalCost }
        }
        let routes = output.report.routes
        print("  routes: \(routes.private) private, \(routes.catchment) catchment, \(routes.coordinated) coordinated "
              + "(\(percent(routes.coordinated, of: scale.applicants))), \(routes.unplaced) unplaced; coordinated total "
              + "\(output.report.coordinated.totalDistanceM) m, optimal \(output.report.coordinated.optimalTotalDistanceM) m")
        precondition(optimal == output.report.coordinated.optimalTotalDistanceM, "what-if differs from the report")

        var rows: [[String]] = [
            ["Youjiao: enroll run (read, validate, allocate, write results + report)", whole.description, "", ""],
            ["Youjiao: allocation alone (lottery, private, catchment, 统筹, what-if)", allocation.description, "", ""],
            ["Youjiao: what-if min-cost assignment alone (one core)", whatIf.description, "optimal \(optimal) m", ""],
        ]
        if runPeers {
            rows += try pythonPeer(files: files, directory: directory, resultsPath: resultsPath)
            rows += try orToolsPeer(files: files, resultsPath: resultsPath, expected: optimal)
        }
        printTable(header: ["what", "time (Youjiao: median of runs, best)", "result", "matches Youjiao"], rows: rows)
        print("  load average after: \(loadAverage()); peak RSS of this benchmark process (generator included): "
              + "\(peakResidentMegabytes()) MB\n")
    }

    /// Wall times of repeated runs: the median, which a busy moment of the shared machine moves
    /// little, and the best.
    struct Timing: CustomStringConvertible {
        var runs: [Double]
        var median: Double { runs.sorted()[runs.count / 2] }
        var description: String { "\(seconds(median)) (best \(seconds(runs.min())), \(runs.count) runs)" }
    }

    static func timed(repeats: Int, prepare: () -> Void = {}, _ body: () throws -> Void) throws -> Timing {
        var runs: [Double] = []
        for _ in 0..<repeats {
            prepare()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            runs.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Timing(runs: runs)
    }

    /// The coordinated children of each district (those placed: the unplaced take no part in the
    /// what-if) and the seats free after catchment, rebuilt from the job's results exactly as the
    /// OR-Tools peer rebuilds them from results.csv.
    static func whatIfProblems(_ output: EnrollmentJob.Output) -> [(costs: DistanceMatrix, seats: [Int])] {
        let schools = output.input.schools
        var catchmentAdmitted: [String: Int] = [:]
        var children: [String: [Applicant]] = [:]
        for (applicant, placement) in zip(output.input.applicants, output.outcome.placements) {
            switch placement.route {
            case .catchment: catchmentAdmitted[placement.schoolID!, default: 0] += 1
            case .coordinated: children[applicant.districtCode, default: []].append(applicant)
            case .private, .unplaced: break
            }
        }
        return children.keys.sorted().map { district in
            let open = schools.filter {
                $0.districtCode == district && $0.ownership == .public && $0.capacity > catchmentAdmitted[$0.id, default: 0]
            }
            return (DistanceMatrix(children: children[district]!, schools: open),
                    open.map { $0.capacity - catchmentAdmitted[$0.id, default: 0] })
        }
    }

    // MARK: - Peers

    /// Peers are found from the repository root, where the benchmark is run.
    static let repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    static func pythonPeer(files: EnrollmentJob.Files, directory: URL, resultsPath: String) throws -> [[String]] {
        let peerResults = directory.appendingPathComponent("peer-results.csv").path
        let script = repository.appendingPathComponent("bench/peers/enrollment_peer.py").path
        let timings = try runJSON("/usr/bin/env", ["python3", script, "--schools", files.schools, "--applicants", files.applicants,
                                                   "--seed", seedHex, "--out", peerResults])
        let identical = FileManager.default.contentsEqual(atPath: peerResults, andPath: resultsPath)
        return [
            ["Python peer: whole run (same rules, csv + hmac modules)", seconds(timings["total_s"]), "", identical ? "results.csv identical" : "DIFFERENT results.csv"],
            ["Python peer: allocation alone", seconds(timings["allocation_s"]), "", ""],
        ]
    }

    static func orToolsPeer(files: EnrollmentJob.Files, resultsPath: String, expected: Int) throws -> [[String]] {
        let python = repository.appendingPathComponent(".venv-bench/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return [["OR-Tools peer", "not run", "no \(python) (pip install ortools into .venv-bench)", ""]]
        }
        let script = repository.appendingPathComponent("bench/peers/whatif_ortools.py").path
        let result = try runJSON(python, [script, "--schools", files.schools, "--applicants", files.applicants, "--results", resultsPath])
        let total = Int(result["optimal_total"] ?? -1)
        let same = total == expected ? "same optimal total" : "DIFFERENT optimal total"
        return [
            ["OR-Tools SimpleMinCostFlow: solve alone", seconds(result["solve_s"]), "optimal \(total) m", same],
            ["OR-Tools: graph build + solve", seconds(result["build_and_solve_s"]), "", ""],
        ]
    }

    /// Runs a peer that prints one JSON object of numbers on its last line of output.
    static func runJSON(_ executable: String, _ arguments: [String]) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw BenchmarkFailure(message: "\(executable) \(arguments.first ?? "") failed (status \(process.terminationStatus))")
        }
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    struct BenchmarkFailure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    // MARK: - Output

    static func seconds(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value)
    }

    static func percent(_ part: Int, of whole: Int) -> String { String(format: "%.1f%%", Double(part) * 100 / Double(whole)) }

    static func printTable(header: [String], rows: [[String]]) {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        for row in [header, widths.map { String(repeating: "-", count: $0) }] + rows {
            print("  | " + row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |")
        }
    }

    /// The 1-, 5- and 15-minute load averages (the other helpers' builds share the two cores).
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) == 3 ? loads.map { String(format: "%.2f", $0) }.joined(separator: ", ") : "unknown"
    }

    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / 1_048_576
        #endif
    }
}

/// A deterministic synthetic campaign: districts on a grid, public schools each serving three
/// zones, private schools (one in five boarding) of uneven popularity, applicants living in
/// zones. Public capacities scatter around local demand so that about 8% need 统筹.
struct CampaignGenerator {
    let scale: EnrollmentBenchmark.Scale
    var random = SplitMix64(seed: 20_250_601)

    init(scale: EnrollmentBenchmark.Scale) { self.scale = scale }

    /// Coordinates are whole micro-degrees, written as exact decimals.
    struct Point { var lat: Int; var lon: Int }

    mutating func write(_ files: EnrollmentJob.Files) throws {
        let districts = scale.districts
        let columns = Int(Double(districts.count).squareRoot().rounded(.up))
        // District centres 0.2° apart (about 20 km) on a grid starting at 30.7°N 121.0°E.
        let centres = districts.indices.map { Point(lat: 30_700_000 + ($0 / columns) * 200_000, lon: 121_000_000 + ($0 % columns) * 200_000) }

        struct PublicSchool { var id: String; var district: Int; var location: Point; var zones: [String]; var demand = 0 }
        var publicSchools: [PublicSchool] = []
        var zones: [[(id: String, centre: Point, school: Int)]] = Array(repeating: [], count: districts.count)
        for index in 0..<scale.publicSchools {
            let district = index % districts.count
            let location = jitter(centres[district], by: 90_000)
            let zoneIDs = (0..<3).map { "Z\(districts[district])-\(index)-\($0)" }
            for zone in zoneIDs { zones[district].append((zone, jitter(location, by: 12_000), publicSchools.count)) }
            publicSchools.append(PublicSchool(id: schoolID(districts[district], index), district: district, location: location, zones: zoneIDs))
        }
        var privateSchools: [(id: String, district: Int, location: Point, boarding: Bool, popularity: Double)] = []
        for index in 0..<scale.privateSchools {
            let district = index % districts.count
            privateSchools.append((schoolID(districts[district], scale.publicSchools + index), district,
                                   jitter(centres[district], by: 90_000), next(below: 5) == 0, 0.3 + Double(next(below: 1000)) / 400))
        }
        let privateByDistrict = Dictionary(grouping: privateSchools.indices.filter { !privateSchools[$0].boarding }) { privateSchools[$0].district }
        let boarding = privateSchools.indices.filter { privateSchools[$0].boarding }
        var privateDemand = [Double](repeating: 0, count: privateSchools.count)

        var applicants = EnrollmentCSV.applicantColumns.joined(separator: ",") + "\n"
        applicants.reserveCapacity(scale.applicants * 72)
        for index in 0..<scale.applicants {
            let district = index % districts.count
            let zone = zones[district][next(below: zones[district].count)]
            publicSchools[zone.school].demand += 1
            let home = jitter(zone.centre, by: 6_000)
            var choices: [Int] = []
            if next(below: 100) < 15 {
                let local = privateByDistrict[district] ?? []
                let pool = local.isEmpty || next(below: 10) == 0 ? boarding : local
                choices.append(pick(from: pool, weights: privateSchools.map(\.popularity)))
                if next(below: 10) < 7 {
                    let second = pick(from: local + boarding, weights: privateSchools.map(\.popularity))
                    if second != choices[0] { choices.append(second) }
                }
                privateDemand[choices[0]] += 1
            }
            let tierDraw = next(below: 100)
            let row = [String(format: "C%08d", index), districts[district], zone.id, decimal(home.lat), decimal(home.lon),
                       choices.isEmpty ? "public" : "private", choices.map { privateSchools[$0].id }.joined(separator: ";"),
                       tierDraw < 80 ? "1" : tierDraw < 95 ? "2" : "3", String(next(below: 10))]
            applicants += row.joined(separator: ",") + "\n"
        }

        var schools = EnrollmentCSV.schoolColumns.joined(separator: ",") + "\n"
        for school in publicSchools {
            // About 12% of a zone's children go private; capacity is 46–149% of its children.
            let capacity = Int(Double(school.demand) * 0.94 * scale.publicCapacityFactor * (0.49 + Double(next(below: 1100)) / 1000))
            schools += [school.id, "公办\(school.id.suffix(4))", districts[school.district], "public", "no", String(capacity),
                        decimal(school.location.lat), decimal(school.location.lon), school.zones.joined(separator: ";")]
                .joined(separator: ",") + "\n"
        }
        for (index, school) in privateSchools.enumerated() {
            let capacity = Int(privateDemand[index] * (0.5 + Double(next(below: 600)) / 1000))
            schools += [school.id, "民办\(school.id.suffix(4))", districts[school.district], "private", school.boarding ? "yes" : "no",
                        String(capacity), decimal(school.location.lat), decimal(school.location.lon), ""].joined(separator: ",") + "\n"
        }
        try Data(schools.utf8).write(to: URL(fileURLWithPath: files.schools))
        try Data(applicants.utf8).write(to: URL(fileURLWithPath: files.applicants))
    }

    func schoolID(_ district: String, _ index: Int) -> String { String(district.prefix(4)) + String(format: "%06d", index) }

    mutating func next(below bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    mutating func jitter(_ point: Point, by microDegrees: Int) -> Point {
        Point(lat: point.lat + next(below: 2 * microDegrees + 1) - microDegrees,
              lon: point.lon + next(below: 2 * microDegrees + 1) - microDegrees)
    }

    /// Roulette-wheel choice among `pool` by `weights[index]`.
    mutating func pick(from pool: [Int], weights: [Double]) -> Int {
        let total = pool.reduce(0) { $0 + weights[$1] }
        var target = Double(next(below: 1_000_000)) / 1_000_000 * total
        for index in pool {
            target -= weights[index]
            if target < 0 { return index }
        }
        return pool[pool.count - 1]
    }

    func decimal(_ microDegrees: Int) -> String {
        let fraction = String(microDegrees % 1_000_000)
        return "\(microDegrees / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

