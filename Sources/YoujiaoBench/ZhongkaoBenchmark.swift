import Foundation
import YoujiaoCore

/// `youjiao-bench zhongkao [shanghai|province|all] [--no-peers] [--keep DIR]`
/// `youjiao-bench zhongkao-run DIR`: one `ZhongkaoJob.run` on files kept by `--keep` (for /usr/bin/time -v).
///
/// Generates a 中考 admission in code, writes its four files, and times `ZhongkaoJob.run` (files in
/// and out, the code behind `youjiao zhongkao run`) and the admission alone, next to the plain-Python
/// peer (bench/peers/zhongkao_peer.py, written from docs/zhongkao.md), whose results.csv must be
/// byte-identical.
enum ZhongkaoBenchmark {
    struct Scale {
        var name: String
        var districts: Int
        var highSchools: Int
        var candidates: Int
        var repeats: (whole: Int, parts: Int)
    }

    static let shanghai = Scale(name: "shanghai", districts: 16, highSchools: 300, candidates: 90_000, repeats: (whole: 7, parts: 11))
    static let province = Scale(name: "province", districts: 100, highSchools: 2_500, candidates: 1_000_000, repeats: (whole: 3, parts: 3))
    static let seedHex = EnrollmentBenchmark.seedHex
    static let tieBreak = ["chinese_math_english", "math", "chinese"]

    static func run(arguments: [String]) throws {
        let scales: [Scale] = arguments.contains("all") ? [shanghai, province] : arguments.contains("province") ? [province] : [shanghai]
        let runPeers = !arguments.contains("--no-peers")
        let kept = arguments.firstIndex(of: "--keep").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        for scale in scales {
            let directory = kept.map { URL(fileURLWithPath: $0).appendingPathComponent(scale.name) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("youjiao-zhongkao-\(scale.name)-\(getpid())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
            try measure(scale, in: directory, runPeers: runPeers)
        }
    }

    static func files(in directory: URL) -> ZhongkaoJob.Files {
        ZhongkaoJob.Files(highSchools: directory.appendingPathComponent("high-schools.csv").path,
                          quotas: directory.appendingPathComponent("quotas.csv").path,
                          candidates: directory.appendingPathComponent("candidates.csv").path,
                          rounds: directory.appendingPathComponent("rounds.csv").path)
    }

    /// One whole job on kept files, nothing else in the process: what `youjiao zhongkao run` does.
    static func runOnce(arguments: [String]) throws {
        guard let path = arguments.first else { throw EnrollmentBenchmark.BenchmarkFailure(message: "usage: zhongkao-run DIR") }
        let directory = URL(fileURLWithPath: path)
        let start = DispatchTime.now().uptimeNanoseconds
        let output = try ZhongkaoJob.run(files(in: directory), seedHex: seedHex, tieBreakColumns: tieBreak,
                                         resultsPath: directory.appendingPathComponent("results.csv").path,
                                         reportPath: directory.appendingPathComponent("report.json").path)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("\(output.report.candidates) candidates in \(EnrollmentBenchmark.seconds(seconds))")
    }

    static func measure(_ scale: Scale, in directory: URL, runPeers: Bool) throws {
        let files = files(in: directory)
        let resultsPath = directory.appendingPathComponent("results.csv").path
        let reportPath = directory.appendingPathComponent("report.json").path
        var generator = ZhongkaoGenerator(scale: scale)
        try generator.write(files)
        print("zhongkao benchmark, \(scale.name): \(scale.candidates) candidates, \(scale.highSchools) high schools, "
              + "\(scale.districts) districts, \(generator.quotaLines) quota lines; files in \(directory.path)")
        print("  load average before: \(EnrollmentBenchmark.loadAverage())")
        var output: ZhongkaoJob.Output?
        let whole = try EnrollmentBenchmark.timed(repeats: scale.repeats.whole) {
            output = try ZhongkaoJob.run(files, seedHex: seedHex, tieBreakColumns: tieBreak, resultsPath: resultsPath, reportPath: reportPath)
        }
        guard let output else { return }
        let seed = try LotterySeed(hex: seedHex)
        let admission = try EnrollmentBenchmark.timed(repeats: scale.repeats.parts) {
            _ = ZhongkaoEngine.admit(output.input, seed: seed)
        }
        let routes = output.report.routes
        print("  routes: \(routes.quotaDistrict) quota-district, \(routes.quotaSchool) quota-school, \(routes.unified) unified, "
              + "\(routes.preAdmitted) pre-admitted, \(routes.unadmitted) unadmitted")
        var rows: [[String]] = [
            ["Youjiao: zhongkao run (read, validate, admit, write results + report)", whole.description, ""],
            ["Youjiao: admission alone (lottery, order, rounds)", admission.description, ""],
        ]
        if runPeers {
            let peerResults = directory.appendingPathComponent("peer-results.csv").path
            let script = EnrollmentBenchmark.repository.appendingPathComponent("bench/peers/zhongkao_peer.py").path
            let timings = try EnrollmentBenchmark.runJSON("/usr/bin/env", [
                "python3", script, "--high-schools", files.highSchools, "--quotas", files.quotas, "--candidates", files.candidates,
                "--rounds", files.rounds!, "--tie-break", tieBreak.joined(separator: ","), "--seed", seedHex, "--out", peerResults,
            ])
            let identical = FileManager.default.contentsEqual(atPath: peerResults, andPath: resultsPath)
            rows += [
                ["Python peer: whole run (csv + hmac modules)", EnrollmentBenchmark.seconds(timings["total_s"]),
                 identical ? "results.csv identical" : "DIFFERENT results.csv"],
                ["Python peer: admission alone", EnrollmentBenchmark.seconds(timings["admission_s"]), ""],
            ]
        }
        EnrollmentBenchmark.printTable(header: ["what", "time (Youjiao: median of runs, best)", "matches Youjiao"], rows: rows)
        print("  load average after: \(EnrollmentBenchmark.loadAverage()); peak RSS of this benchmark process (generator included): "
              + "\(EnrollmentBenchmark.peakResidentMegabytes()) MB\n")
    }
}

/// A deterministic synthetic admission. Totals out of 750 from a bell curve (mean 560, s.d. 90,
/// cut at 200 and 750) with three tie-break scores tied to them, so many totals tie; high schools
/// ranked by reputation, the best fifth with quota seats to districts (15% of their plan: every
/// district of a city, 16 of a province) and to junior schools of their own district (35%); candidates naming up to 15 unified choices
/// around their own level, best first.
struct ZhongkaoGenerator {
    let scale: ZhongkaoBenchmark.Scale
    var random = SplitMix64(seed: 20_260_615)
    private(set) var quotaLines = 0

    init(scale: ZhongkaoBenchmark.Scale) { self.scale = scale }

    mutating func write(_ files: ZhongkaoJob.Files) throws {
        let districts = (1...scale.districts).map { String(format: "31%04d", $0) }
        let juniorCount = max(scale.districts, scale.candidates / 150)
        let juniors = (0..<juniorCount).map { String(format: "J%06d", $0) }
        let juniorDistrict = juniors.indices.map { $0 % scale.districts }
        let schools = (0..<scale.highSchools).map { String(format: "H%05d", $0) }
        // Plans sum to about 65% of the candidates (the rest go to vocational schools).
        let plan = (0..<scale.highSchools).map { _ in max(20, scale.candidates * 65 / 100 / scale.highSchools + next(below: 200) - 100) }
        let quotaSchools = scale.highSchools / 5

        var quotas = ZhongkaoCSV.quotaColumns.joined(separator: ",") + "\n"
        var unified = plan
        var districtQuotaSchools = [[Int]](repeating: [], count: scale.districts)
        var juniorQuotaSchools = [[Int]](repeating: [], count: juniorCount)
        for school in 0..<quotaSchools {
            // To every district of a city; in a province, to the school's own district and the next 15.
            let home = school % scale.districts
            let reached = min(scale.districts, 16)
            let perDistrict = max(1, plan[school] * 15 / 100 / reached)
            for offset in 0..<reached {
                let district = (home + offset) % scale.districts
                quotas += "\(schools[school]),quota-district,\(districts[district]),\(perDistrict)\n"
                districtQuotaSchools[district].append(school)
                unified[school] -= perDistrict
                quotaLines += 1
            }
            let ownJuniors = juniors.indices.filter { juniorDistrict[$0] == home }
            var left = plan[school] * 35 / 100
            var cursor = next(below: max(1, ownJuniors.count))
            while left > 0 && !ownJuniors.isEmpty && juniorQuotaSchools[ownJuniors[cursor % ownJuniors.count]].count < 8 {
                let junior = ownJuniors[cursor % ownJuniors.count]
                if juniorQuotaSchools[junior].contains(school) { break }
                let seats = min(left, 1 + next(below: 2))
                quotas += "\(schools[school]),quota-school,\(juniors[junior]),\(seats)\n"
                juniorQuotaSchools[junior].append(school)
                unified[school] -= seats
                left -= seats
                quotaLines += 1
                cursor += 1
            }
        }

        var highSchools = ZhongkaoCSV.highSchoolColumns.joined(separator: ",") + "\n"
        for school in 0..<scale.highSchools {
            let kind = school < quotaSchools ? "实验性示范性高中" : "普通高中"
            highSchools += "\(schools[school]),高中\(school),\(districts[school % scale.districts]),\(kind),\(unified[school])\n"
        }

        var candidates = (ZhongkaoCSV.candidateColumns + ZhongkaoBenchmark.tieBreak).joined(separator: ",") + "\n"
        candidates.reserveCapacity(scale.candidates * 140)
        for index in 0..<scale.candidates {
            let junior = index % juniorCount
            let district = juniorDistrict[junior]
            let total = bell()
            let core = min(450, max(0, total * 450 / 750 + next(below: 31) - 15))
            let math = min(150, max(0, core / 3 + next(below: 21) - 10))
            let chinese = min(150, max(0, core / 3 + next(below: 21) - 10))
            // Level: 0 for the best candidates, the number of schools for the weakest.
            let level = min(scale.highSchools - 1, max(0, (750 - total) * scale.highSchools / 450))
            let eligible = next(below: 10) < 8
            let preAdmitted = total >= 690 && next(below: 10) == 0
            let districtChoice = districtQuotaSchools[district].isEmpty || preAdmitted ? "" :
                schools[near(level, in: districtQuotaSchools[district])]
            var schoolChoices: [String] = []
            if eligible && !preAdmitted && !juniorQuotaSchools[junior].isEmpty {
                schoolChoices.append(schools[near(level, in: juniorQuotaSchools[junior])])
                let second = schools[juniorQuotaSchools[junior][next(below: juniorQuotaSchools[junior].count)]]
                if second != schoolChoices[0] && next(below: 2) == 0 { schoolChoices.append(second) }
            }
            var unifiedChoices = Set<Int>()
            let wanted = preAdmitted ? 0 : 8 + next(below: 8)
            while unifiedChoices.count < wanted {
                unifiedChoices.insert(min(scale.highSchools - 1, max(0, level - 25 + next(below: 70))))
            }
            candidates += [String(format: "Z%08d", index), districts[district], juniors[junior], eligible ? "yes" : "no",
                           String(total), preAdmitted ? "yes" : "no", districtChoice, schoolChoices.joined(separator: ";"),
                           unifiedChoices.sorted().map { schools[$0] }.joined(separator: ";"),
                           String(core), String(math), String(chinese)].joined(separator: ",") + "\n"
        }
        let rounds = "round,control_score,unfilled_seats_to_unified\nquota-district,600,yes\nquota-school,580,yes\nunified,,\n"
        try Data(highSchools.utf8).write(to: URL(fileURLWithPath: files.highSchools))
        try Data(quotas.utf8).write(to: URL(fileURLWithPath: files.quotas))
        try Data(candidates.utf8).write(to: URL(fileURLWithPath: files.candidates))
        try Data(rounds.utf8).write(to: URL(fileURLWithPath: files.rounds!))
    }

    /// Mean 560, s.d. about 90 (the sum of 12 uniforms), whole points in 200…750.
    mutating func bell() -> Int {
        var sum = 0
        for _ in 0..<12 { sum += next(below: 1001) }
        return min(750, max(200, 560 + (sum - 6000) * 90 / 1000))
    }

    /// The school of `pool` whose rank is nearest to `level`, give or take a few.
    mutating func near(_ level: Int, in pool: [Int]) -> Int {
        let target = level + next(below: 21) - 10
        return pool.min { abs($0 - target) < abs($1 - target) }!
    }

    mutating func next(below bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
}
