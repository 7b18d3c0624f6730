import Foundation
import YoujiaoCore

/// `youjiao-bench rotation [district|city|all] [--no-peers] [--keep DIR]`
///
/// Generates a 交流轮岗 instance in code, writes teachers.csv / schools.csv / needs.csv, times
/// `RotationPlanner` on them (one district; the whole city district by district) and runs the
/// OR-Tools peer (bench/peers/rotation_ortools.py, written from docs/teachers.md) on the same
/// files. Both write the lexicographic objective per district; the files must be identical.
enum RotationBenchmark {
    struct Scale {
        var name: String
        /// Eligible teachers per district.
        var teachers: [Int]
        var needsPerThousand: Int
        /// Key teachers among the eligible, in percent.
        var keyPercent: Int
        var repeats: Int
    }

    static let districtCodes = ["310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
                                "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"]
    static let district = Scale(name: "district", teachers: [5_000], needsPerThousand: 80, keyPercent: 15, repeats: 11)
    /// The district with few key teachers (3%): the key share binds, key teachers are moved around to reach it.
    static let scarce = Scale(name: "scarce", teachers: [5_000], needsPerThousand: 80, keyPercent: 3, repeats: 11)
    /// 30,000 eligible teachers, Pudong largest, Huangpu smallest.
    static let city = Scale(name: "city", teachers: [900, 1_500, 1_000, 1_500, 1_500, 1_100, 1_800, 3_000,
                                                     2_400, 2_000, 6_000, 900, 2_000, 1_200, 1_300, 1_900],
                            needsPerThousand: 80, keyPercent: 15, repeats: 5)

    static func run(arguments: [String]) throws {
        let scales: [Scale] = arguments.contains("all") ? [district, scarce, city]
            : [city, scarce].filter { arguments.contains($0.name) }.nilIfEmpty ?? [district]
        let runPeers = !arguments.contains("--no-peers")
        let kept = arguments.firstIndex(of: "--keep").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        for scale in scales {
            let directory = kept.map { URL(fileURLWithPath: $0).appendingPathComponent(scale.name) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("youjiao-rotation-\(scale.name)-\(getpid())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
            try measure(scale, in: directory, runPeers: runPeers)
        }
    }

    static func measure(_ scale: Scale, in directory: URL, runPeers: Bool) throws {
        var generator = RotationGenerator(scale: scale)
        let input = generator.generate()
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        try generator.write(input, teachers: path("teachers.csv"), schools: path("schools.csv"), needs: path("needs.csv"))
        print("rotation benchmark, \(scale.name): \(input.teachers.count) eligible teachers (\(input.teachers.filter(\.isKey).count) key), "
              + "\(input.needs.count) needs, \(input.needs.reduce(0) { $0 + $1.count }) seats, \(input.schools.count) schools, "
              + "\(scale.teachers.count) district(s); files in \(directory.path)")
        print("  load average before: \(EnrollmentBenchmark.loadAverage())")

        var plans: [RotationDistrictPlan] = []
        let timing = try EnrollmentBenchmark.timed(repeats: scale.repeats) {
            plans = try RotationPlanner.planByDistrict(input)
        }
        let objective = ["district,seats_p1,seats_p2,seats_p3,key_counted,key_on_preferred,commute_change_m"] + plans.map { entry in
            let totals = entry.plan.totals
            return ([entry.districtCode] + totals.rotatedByPriority + [min(totals.keyRotated, totals.keyRequired),
                                                                       totals.keyOnKeyPreferredNeeds, totals.commuteChangeMetres])
                .map { "\($0)" }.joined(separator: ",")
        }
        try Data((objective.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path("objective.csv")))

        let rotated = plans.reduce(0) { $0 + $1.plan.totals.rotated }
        let key = plans.reduce(0) { $0 + $1.plan.totals.keyRotated }
        let commute = plans.reduce(0) { $0 + $1.plan.totals.commuteChangeMetres }
        let short = plans.filter { !$0.plan.shortfalls.isEmpty }.map(\.districtCode)
        print("  rotated \(rotated) (\(EnrollmentBenchmark.percent(rotated, of: input.teachers.count)) of eligible), key \(key) "
              + "(\(EnrollmentBenchmark.percent(key, of: max(rotated, 1)))), commute change \(commute) m; "
              + (short.isEmpty ? "every district meets both targets" : "short of a target in \(short.joined(separator: " "))"))
        for entry in plans.prefix(3) {
            for shortfall in entry.plan.shortfalls { print("  \(entry.districtCode) \(shortfall.description.prefix(160))") }
        }
        var rows: [[String]] = [["Youjiao: RotationPlanner.planByDistrict (validate + plan)", timing.description, "", ""]]
        if runPeers {
            rows += try orToolsPeer(directory: directory, path: path)
        }
        EnrollmentBenchmark.printTable(header: ["what", "time (Youjiao: median, best)", "objective", "matches Youjiao"], rows: rows)
        print("  load average after: \(EnrollmentBenchmark.loadAverage())\n")
    }

    static func orToolsPeer(directory: URL, path: (String) -> String) throws -> [[String]] {
        let python = EnrollmentBenchmark.repository.appendingPathComponent(".venv-bench/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return [["OR-Tools peer", "not run", "no \(python) (pip install ortools into .venv-bench)", ""]]
        }
        let script = EnrollmentBenchmark.repository.appendingPathComponent("bench/peers/rotation_ortools.py").path
        let result = try EnrollmentBenchmark.runJSON(python, [script, "--teachers", path("teachers.csv"), "--schools", path("schools.csv"),
                                                              "--needs", path("needs.csv"), "--out", path("peer-objective.csv")])
        let same = FileManager.default.contentsEqual(atPath: path("objective.csv"), andPath: path("peer-objective.csv"))
        return [
            ["OR-Tools: max flows + min-cost flow, solves alone", EnrollmentBenchmark.seconds(result["solve_s"]), "per district",
             same ? "objective.csv identical" : "DIFFERENT objective.csv"],
            ["OR-Tools peer: whole run (read, arcs, solves)", EnrollmentBenchmark.seconds(result["total_s"]), "", ""],
        ]
    }
}

extension Array {
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}

/// A deterministic synthetic district or city: schools of three stages around each district's
/// centre, teachers living within a few kilometres of their school, 15% key teachers (3% for scarce);
/// needs at schools of their stage, 1–3 seats, kinds and priorities mixed, subjects weighted like
/// a timetable (so some needs find few teachers).
struct RotationGenerator {
    let scale: RotationBenchmark.Scale
    var random = SplitMix64(seed: 19)

    init(scale: RotationBenchmark.Scale) { self.scale = scale }

    static let subjects: [(String, Int)] = [("语文", 20), ("数学", 18), ("英语", 14), ("物理", 5), ("化学", 4), ("生物", 4),
                                            ("历史", 4), ("地理", 4), ("道德与法治", 5), ("体育", 8), ("音乐", 4), ("美术", 4),
                                            ("信息科技", 3), ("心理", 1)]
    static let stages: [Stage] = [.primary, .junior, .senior]

    mutating func generate() -> RotationInput {
        var schools: [RotationSchool] = []
        var teachers: [RotationTeacher] = []
        var needs: [RotationNeed] = []
        let subjectWeights = Self.subjects.map(\.1)
        for (index, size) in scale.teachers.enumerated() {
            let code = RotationBenchmark.districtCodes[index]
            // District centres on a 4 × 4 grid about 15 km apart around People's Square.
            let centre = (lat: 31_230_000 + (index / 4 - 2) * 135_000, lon: 121_470_000 + (index % 4 - 2) * 160_000)
            let schoolCount = max(6, size / 60)
            let first = schools.count
            for s in 0..<schoolCount {
                schools.append(RotationSchool(id: "\(code)\(String(format: "%04d", s))",
                                              latitude: Double(centre.lat + next(below: 160_000) - 80_000) / 1e6,
                                              longitude: Double(centre.lon + next(below: 180_000) - 90_000) / 1e6, districtCode: code))
            }
            for t in 0..<size {
                let s = next(below: schoolCount)
                let school = schools[first + s]
                let stage = Self.stages[s % 3]
                teachers.append(RotationTeacher(
                    id: "T\(code)\(String(format: "%05d", t))", currentSchoolID: school.id,
                    subject: Self.subjects[pick(subjectWeights)].0, stage: stage, isKey: next(below: 100) < scale.keyPercent,
                    homeLatitude: Double(Int((school.latitude * 1e6).rounded()) + next(below: 80_000) - 40_000) / 1e6,
                    homeLongitude: Double(Int((school.longitude * 1e6).rounded()) + next(below: 90_000) - 45_000) / 1e6))
            }
            for n in 0..<(size * scale.needsPerThousand / 1_000) {
                let s = next(below: schoolCount)
                let kind = [RotationNeedKind.group, .group, .newCity, .rural, .weakSchool, .weakSchool][next(below: 6)]
                needs.append(RotationNeed(id: "N\(code)\(String(format: "%04d", n))", schoolID: schools[first + s].id,
                                          subject: Self.subjects[pick(subjectWeights)].0, stage: Self.stages[s % 3],
                                          count: 1 + next(below: 3), kind: kind, priority: 1 + next(below: 3)))
            }
        }
        return RotationInput(teachers: teachers, schools: schools, needs: needs)
    }

    /// Doubles written in Swift's shortest round-trip form, so Python reads the very same numbers.
    func write(_ input: RotationInput, teachers: String, schools: String, needs: String) throws {
        var text = "id,current_school_id,subject,stage,is_key,home_latitude,home_longitude\n"
        for t in input.teachers {
            text += "\(t.id),\(t.currentSchoolID),\(t.subject),\(t.stage.rawValue),\(t.isKey ? "yes" : "no"),\(t.homeLatitude),\(t.homeLongitude)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: teachers))
        text = "id,latitude,longitude,district\n"
        for s in input.schools { text += "\(s.id),\(s.latitude),\(s.longitude),\(s.districtCode)\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: schools))
        text = "id,school_id,subject,stage,count,kind,priority\n"
        for n in input.needs { text += "\(n.id),\(n.schoolID),\(n.subject),\(n.stage.rawValue),\(n.count),\(n.kind.rawValue),\(n.priority)\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: needs))
    }

    mutating func next(below bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    mutating func pick(_ weights: [Int]) -> Int {
        var left = next(below: weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if left < weight { return index }
            left -= weight
        }
        return weights.count - 1
    }
}
