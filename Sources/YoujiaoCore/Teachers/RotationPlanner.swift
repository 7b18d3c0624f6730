import Foundation

/// 交流轮岗: proposes who rotates to which receiving school (docs/teachers.md, "Rotation planning").
///
/// The plan is an exact min-cost maximum flow (source → teacher → need → sink, with a key-teacher
/// pool) whose arc costs are triples compared lexicographically — (priority-weighted seats, key
/// share and key teachers on key-preferred needs, commute metres) — so the levels never share one
/// integer and nothing overflows.
public enum RotationPlanner {
    public static let maxTeachers = 100_000
    public static let maxSchools = 100_000
    public static let maxNeeds = 100_000
    public static let maxSeatsPerNeed = 1_000

    /// Validates the input (throws `InputErrors` naming list, 1-based position and field) and plans it.
    public static func plan(_ input: RotationInput, rules: RotationRules = .national) throws -> RotationPlan {
        try validate(input, rules: rules)
        return RotationSolver(input: input, rules: rules).solve()
    }

    /// One plan per district, as the city runs them: a district's needs are filled from the
    /// teachers whose current school is in that district. In district code order.
    public static func planByDistrict(_ input: RotationInput, rules: RotationRules = .national) throws -> [RotationDistrictPlan] {
        try validate(input, rules: rules)
        let district = Dictionary(uniqueKeysWithValues: input.schools.map { ($0.id, $0.districtCode) })
        let teachers = Dictionary(grouping: input.teachers) { district[$0.currentSchoolID]! }
        let needs = Dictionary(grouping: input.needs) { district[$0.schoolID]! }
        let schools = Dictionary(grouping: input.schools, by: \.districtCode)
        return Set(teachers.keys).union(needs.keys).sorted().map { code in
            let part = RotationInput(teachers: teachers[code] ?? [], schools: schools[code] ?? [], needs: needs[code] ?? [])
            return RotationDistrictPlan(districtCode: code, plan: RotationSolver(input: part, rules: rules).solve())
        }
    }

    static func validate(_ input: RotationInput, rules: RotationRules) throws {
        var errors: [FieldError] = []
        for (field, value) in [("quota_percent", rules.quotaPercent), ("key_percent", rules.keyPercent)] where !(0...100).contains(value) {
            errors.append(FieldError(file: "rules", field: field, reason: "\(value) is not a percentage 0–100"))
        }
        for (file, count, limit) in [("teachers", input.teachers.count, maxTeachers), ("schools", input.schools.count, maxSchools),
                                     ("needs", input.needs.count, maxNeeds)] where count > limit {
            errors.append(FieldError(file: file, reason: "\(count) rows, at most \(limit) in one plan"))
        }
        guard errors.isEmpty else { throw InputErrors(errors: errors) }

        func coordinates(_ file: String, _ row: Int, _ latitude: Double, _ longitude: Double, _ prefix: String) {
            if !(-90.0...90.0).contains(latitude) {
                errors.append(FieldError(file: file, row: row, field: prefix + "latitude", reason: "\(latitude) is not a latitude"))
            }
            if !(-180.0...180.0).contains(longitude) {
                errors.append(FieldError(file: file, row: row, field: prefix + "longitude", reason: "\(longitude) is not a longitude"))
            }
        }
        func identifiers(_ file: String, _ ids: [String]) {
            var seen = Set<String>()
            for (index, id) in ids.enumerated() {
                if id.isEmpty { errors.append(FieldError(file: file, row: index + 1, field: "id", reason: "empty")) }
                else if !seen.insert(id).inserted { errors.append(FieldError(file: file, row: index + 1, field: "id", reason: "\(id) appears twice")) }
            }
        }
        identifiers("schools", input.schools.map(\.id))
        identifiers("teachers", input.teachers.map(\.id))
        identifiers("needs", input.needs.map(\.id))
        let schoolIDs = Set(input.schools.map(\.id))
        for (index, school) in input.schools.enumerated() {
            coordinates("schools", index + 1, school.latitude, school.longitude, "")
        }
        for (index, teacher) in input.teachers.enumerated() {
            let row = index + 1
            if !schoolIDs.contains(teacher.currentSchoolID) {
                errors.append(FieldError(file: "teachers", row: row, field: "current_school_id", reason: "unknown school \(teacher.currentSchoolID)"))
            }
            if teacher.subject.isEmpty { errors.append(FieldError(file: "teachers", row: row, field: "subject", reason: "empty")) }
            coordinates("teachers", row, teacher.homeLatitude, teacher.homeLongitude, "home_")
        }
        for (index, need) in input.needs.enumerated() {
            let row = index + 1
            if !schoolIDs.contains(need.schoolID) {
                errors.append(FieldError(file: "needs", row: row, field: "school_id", reason: "unknown school \(need.schoolID)"))
            }
            if need.subject.isEmpty { errors.append(FieldError(file: "needs", row: row, field: "subject", reason: "empty")) }
            if !(1...maxSeatsPerNeed).contains(need.count) {
                errors.append(FieldError(file: "needs", row: row, field: "count", reason: "\(need.count) is not 1–\(maxSeatsPerNeed)"))
            }
            if !(1...3).contains(need.priority) {
                errors.append(FieldError(file: "needs", row: row, field: "priority", reason: "\(need.priority) is not 1, 2 or 3"))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
    }
}

public struct RotationDistrictPlan: Sendable, Hashable, Codable {
    public var districtCode: String
    public var plan: RotationPlan
}

/// A triple compared lexicographically; an ordered group, so shortest paths and potentials work
/// on it as on integers. Every component stays far below 2^62 for validated inputs.
struct FlowCost: Comparable {
    /// Minus the priority weight of a filled seat.
    var seats: Int
    /// Minus (teachers + 1) per key teacher counted towards the key share, minus 1 per key teacher on a key-preferred need.
    var keys: Int
    /// Commute change in metres.
    var metres: Int

    static let zero = FlowCost(seats: 0, keys: 0, metres: 0)
    static func + (a: FlowCost, b: FlowCost) -> FlowCost { FlowCost(seats: a.seats + b.seats, keys: a.keys + b.keys, metres: a.metres + b.metres) }
    static func - (a: FlowCost, b: FlowCost) -> FlowCost { FlowCost(seats: a.seats - b.seats, keys: a.keys - b.keys, metres: a.metres - b.metres) }
    static prefix func - (a: FlowCost) -> FlowCost { FlowCost(seats: -a.seats, keys: -a.keys, metres: -a.metres) }
    static func < (a: FlowCost, b: FlowCost) -> Bool {
        a.seats != b.seats ? a.seats < b.seats : a.keys != b.keys ? a.keys < b.keys : a.metres < b.metres
    }
}

/// The solver on a validated input. Teachers and needs are taken in id order, so the plan depends
/// on the input's content, not on the order of its arrays.
///
/// Graph: source → teacher (non-key) or source → key pool → teacher (key); teacher → need of the
/// same subject and stage at another school; need → sink with capacity `count`. The source → pool
/// arc comes twice: `keyRequired` units with a bonus, the rest without.
///
/// Successive shortest paths with Johnson potentials. Free teachers are not nodes of the search:
/// a free teacher's only residual arcs are the one from the source (or pool) and those to its
/// needs, so "source → best free teacher → need" is one arc whose cost is that teacher's arc cost
/// (each need keeps its compatible teachers sorted by cost, with a cursor past the placed ones).
/// A search then visits the needs and the teachers already placed — hundreds, not thousands.
struct RotationSolver {
    struct Arc { var teacher: Int; var metres: Int }
    struct TeacherArc { var need: Int; var metres: Int; var position: Int }

    let rules: RotationRules
    let teachers: [RotationTeacher]
    let needs: [RotationNeed]
    let schoolIndexOfTeacher: [Int]
    let schoolIDs: [String]
    /// Per need: compatible free-able teachers by (metres, teacher index), non-key and key apart.
    var nonKeyArcs: [[Arc]]
    var keyArcs: [[Arc]]
    /// Per teacher: its compatible needs, with its position in that need's list.
    var teacherArcs: [[TeacherArc]]
    let seatWeight: [Int]
    let keyPreferred: [Bool]

    init(input: RotationInput, rules: RotationRules) {
        self.rules = rules
        let teachers = input.teachers.sorted { $0.id < $1.id }
        let needs = input.needs.sorted { $0.id < $1.id }
        self.teachers = teachers
        self.needs = needs
        schoolIDs = input.schools.map(\.id)
        let schoolIndex = Dictionary(uniqueKeysWithValues: input.schools.enumerated().map { ($1.id, $0) })
        let schoolPoints = input.schools.map { Haversine.Point(latitude: $0.latitude, longitude: $0.longitude) }
        let schoolIndexOfTeacher = teachers.map { schoolIndex[$0.currentSchoolID]! }
        self.schoolIndexOfTeacher = schoolIndexOfTeacher
        let homes = teachers.map { Haversine.Point(latitude: $0.homeLatitude, longitude: $0.homeLongitude) }
        let currentMetres = teachers.indices.map { Haversine.metres(homes[$0], schoolPoints[schoolIndexOfTeacher[$0]]) }

        struct Group: Hashable { var subject: String; var stage: Stage }
        var groups: [Group: [Int]] = [:]
        for (index, teacher) in teachers.enumerated() { groups[Group(subject: teacher.subject, stage: teacher.stage), default: []].append(index) }

        var nonKeyArcs = [[Arc]](repeating: [], count: needs.count)
        var keyArcs = [[Arc]](repeating: [], count: needs.count)
        var teacherArcs = [[TeacherArc]](repeating: [], count: teachers.count)
        for (n, need) in needs.enumerated() {
            let school = schoolIndex[need.schoolID]!
            for t in groups[Group(subject: need.subject, stage: need.stage)] ?? [] where schoolIndexOfTeacher[t] != school {
                let arc = Arc(teacher: t, metres: Haversine.metres(homes[t], schoolPoints[school]) - currentMetres[t])
                if teachers[t].isKey { keyArcs[n].append(arc) } else { nonKeyArcs[n].append(arc) }
            }
            nonKeyArcs[n].sort { ($0.metres, $0.teacher) < ($1.metres, $1.teacher) }
            keyArcs[n].sort { ($0.metres, $0.teacher) < ($1.metres, $1.teacher) }
            for (position, arc) in nonKeyArcs[n].enumerated() { teacherArcs[arc.teacher].append(TeacherArc(need: n, metres: arc.metres, position: position)) }
            for (position, arc) in keyArcs[n].enumerated() { teacherArcs[arc.teacher].append(TeacherArc(need: n, metres: arc.metres, position: position)) }
        }
        self.nonKeyArcs = nonKeyArcs
        self.keyArcs = keyArcs
        self.teacherArcs = teacherArcs

        // Priority p's seats outweigh all seats of lower priority: w3 = 1, w2 = S3 + 1,
        // w1 = (S2 + 1)(S3 + 1), with S_p the seats of priority p that could be filled at most.
        var seats = [0, 0, 0, 0]
        for need in needs { seats[need.priority] += need.count }
        let s2 = min(seats[2], teachers.count), s3 = min(seats[3], teachers.count)
        let weights = [0, (s2 + 1) * (s3 + 1), s3 + 1, 1]
        seatWeight = needs.map { weights[$0.priority] }
        keyPreferred = needs.map { rules.keyPreferredKinds.contains($0.kind) }
    }

    // MARK: - Maximum seats

    /// The most seats any plan fills (breadth-first augmenting paths from each need), which
    /// fixes the key teachers required: ⌈key% × rotated⌉.
    func maximumSeats() -> Int {
        var needOf = [Int](repeating: -1, count: teachers.count)
        var teacherStamp = [Int](repeating: 0, count: teachers.count)
        var needStamp = [Int](repeating: 0, count: needs.count)
        var reachedBy = [Int](repeating: -1, count: needs.count)
        var cameFrom = [Int](repeating: -1, count: teachers.count)
        var stamp = 0
        var total = 0
        var queue: [Int] = []
        for root in needs.indices {
            var filled = 0
            search: while filled < needs[root].count {
                stamp += 1
                queue.removeAll(keepingCapacity: true)
                queue.append(root); needStamp[root] = stamp; reachedBy[root] = -1
                var head = 0
                while head < queue.count {
                    let need = queue[head]; head += 1
                    for list in [nonKeyArcs[need], keyArcs[need]] {
                        for arc in list where teacherStamp[arc.teacher] != stamp {
                            teacherStamp[arc.teacher] = stamp
                            cameFrom[arc.teacher] = need
                            let held = needOf[arc.teacher]
                            if held < 0 {
                                // Shift every teacher on the path one need along.
                                var teacher = arc.teacher
                                while true {
                                    let target = cameFrom[teacher]
                                    needOf[teacher] = target
                                    let previous = reachedBy[target]
                                    if previous < 0 { break }
                                    teacher = previous
                                }
                                filled += 1
                                continue search
                            }
                            if needStamp[held] != stamp {
                                needStamp[held] = stamp; reachedBy[held] = arc.teacher; queue.append(held)
                            }
                        }
                    }
                }
                // No augmenting path from this need now means none later either.
                break
            }
            total += filled
        }
        return total
    }

    // MARK: - Min-cost flow

    func arcCost(need: Int, isKey: Bool, metres: Int) -> FlowCost {
        FlowCost(seats: -seatWeight[need], keys: isKey && keyPreferred[need] ? -1 : 0, metres: metres)
    }

    /// Per teacher: the need it fills, or -1.
    func minimumCostAssignment(keyRequired: Int) -> [Int] {
        let needCount = needs.count, teacherCount = teachers.count
        let pool = needCount + teacherCount, source = pool + 1, sink = pool + 2
        let bonus = FlowCost(seats: 0, keys: -(teacherCount + 1), metres: 0)
        var bonusUsed = 0

        var assigned = [Int](repeating: -1, count: teacherCount)
        var assignedMetres = [Int](repeating: 0, count: teacherCount)
        var members = [[Int]](repeating: [], count: needCount)
        var fill = [Int](repeating: 0, count: needCount)
        var nonKeyCursor = [Int](repeating: 0, count: needCount)
        var keyCursor = [Int](repeating: 0, count: needCount)

        // Potentials from the acyclic start graph: source 0, pool at its cheaper arc, needs at their best teacher.
        var potential = [FlowCost](repeating: .zero, count: sink + 1)
        potential[pool] = keyRequired > 0 ? bonus : .zero
        var anyNeed = false
        var sinkPotential = FlowCost.zero
        for n in 0..<needCount {
            var best: FlowCost?
            if let arc = nonKeyArcs[n].first { best = arcCost(need: n, isKey: false, metres: arc.metres) }
            if let arc = keyArcs[n].first {
                let viaPool = potential[pool] + arcCost(need: n, isKey: true, metres: arc.metres)
                best = best.map { min($0, viaPool) } ?? viaPool
            }
            guard let best else { continue }
            potential[n] = best
            sinkPotential = anyNeed ? min(sinkPotential, best) : best
            anyNeed = true
        }
        guard anyNeed else { return assigned }
        potential[sink] = sinkPotential

        var distance = [FlowCost](repeating: .zero, count: sink + 1)
        var reached = [Int](repeating: 0, count: sink + 1)
        var settled = [Int](repeating: 0, count: sink + 1)
        var parent = [Int](repeating: -1, count: sink + 1)
        // For a need reached from the source or pool: the position of the free teacher in its list;
        // reached from a placed teacher: the position in that teacher's arcs.
        var via = [Int](repeating: -1, count: sink + 1)
        var heap = CostHeap()
        var stamp = 0

        while true {
            stamp += 1
            heap.removeAll()
            distance[source] = .zero; reached[source] = stamp; parent[source] = -1
            heap.push(.zero, source)
            // Relaxation, written out at each arc: a nested function capturing these arrays would box them.
            var found = false
            while let (d, u) = heap.pop() {
                if settled[u] == stamp || distance[u] < d { continue }
                settled[u] = stamp
                if u == sink { found = true; break }
                if u == source || u == pool {
                    let isKey = u == pool
                    for n in 0..<needCount {
                        var cursor = isKey ? keyCursor[n] : nonKeyCursor[n]
                        let count = isKey ? keyArcs[n].count : nonKeyArcs[n].count
                        while cursor < count && assigned[isKey ? keyArcs[n][cursor].teacher : nonKeyArcs[n][cursor].teacher] >= 0 { cursor += 1 }
                        if isKey { keyCursor[n] = cursor } else { nonKeyCursor[n] = cursor }
                        guard cursor < count, settled[n] != stamp else { continue }
                        let metres = isKey ? keyArcs[n][cursor].metres : nonKeyArcs[n][cursor].metres
                        let candidate = d + arcCost(need: n, isKey: isKey, metres: metres) + potential[u] - potential[n]
                        if reached[n] != stamp || candidate < distance[n] {
                            reached[n] = stamp; distance[n] = candidate; parent[n] = u; via[n] = cursor
                            heap.push(candidate, n)
                        }
                    }
                    if u == source && settled[pool] != stamp {
                        let candidate = d + (bonusUsed < keyRequired ? bonus : .zero) + potential[source] - potential[pool]
                        if reached[pool] != stamp || candidate < distance[pool] {
                            reached[pool] = stamp; distance[pool] = candidate; parent[pool] = source
                            heap.push(candidate, pool)
                        }
                    }
                } else if u < needCount {
                    if fill[u] < needs[u].count && settled[sink] != stamp {
                        let candidate = d + potential[u] - potential[sink]
                        if reached[sink] != stamp || candidate < distance[sink] {
                            reached[sink] = stamp; distance[sink] = candidate; parent[sink] = u
                            heap.push(candidate, sink)
                        }
                    }
                    for t in members[u] where settled[needCount + t] != stamp {
                        let node = needCount + t
                        let candidate = d - arcCost(need: u, isKey: teachers[t].isKey, metres: assignedMetres[t]) + potential[u] - potential[node]
                        if reached[node] != stamp || candidate < distance[node] {
                            reached[node] = stamp; distance[node] = candidate; parent[node] = u
                            heap.push(candidate, node)
                        }
                    }
                } else {
                    let t = u - needCount
                    let isKey = teachers[t].isKey
                    for (index, arc) in teacherArcs[t].enumerated() where arc.need != assigned[t] && settled[arc.need] != stamp {
                        let candidate = d + arcCost(need: arc.need, isKey: isKey, metres: arc.metres) + potential[u] - potential[arc.need]
                        if reached[arc.need] != stamp || candidate < distance[arc.need] {
                            reached[arc.need] = stamp; distance[arc.need] = candidate; parent[arc.need] = u; via[arc.need] = index
                            heap.push(candidate, arc.need)
                        }
                    }
                    // Back into the pool: this key teacher makes way for another one.
                    if isKey && settled[pool] != stamp {
                        let candidate = d + potential[u] - potential[pool]
                        if reached[pool] != stamp || candidate < distance[pool] {
                            reached[pool] = stamp; distance[pool] = candidate; parent[pool] = u
                            heap.push(candidate, pool)
                        }
                    }
                }
            }
            guard found else { break }

            // Potentials += min(distance, distance to the sink): reduced costs stay ≥ 0. Free
            // teachers keep the potential of the source (0) or the pool implicitly.
            let limit = distance[sink]
            for node in [source, pool, sink] + Array(0..<needCount) {
                potential[node] = potential[node] + (settled[node] == stamp ? distance[node] : limit)
            }
            for t in 0..<teacherCount where assigned[t] >= 0 {
                let node = needCount + t
                potential[node] = potential[node] + (settled[node] == stamp ? distance[node] : limit)
            }

            // Augment one unit along the path, from the sink back.
            var node = sink
            while node != source {
                let from = parent[node]
                if node == sink {
                    fill[from] += 1
                } else if node < needCount {
                    if from == source || from == pool {
                        let arc = from == pool ? keyArcs[node][via[node]] : nonKeyArcs[node][via[node]]
                        assigned[arc.teacher] = node; assignedMetres[arc.teacher] = arc.metres
                        members[node].append(arc.teacher)
                        potential[needCount + arc.teacher] = potential[from]
                    } else {
                        let t = from - needCount
                        let arc = teacherArcs[t][via[node]]
                        assigned[t] = node; assignedMetres[t] = arc.metres
                        members[node].append(t)
                    }
                } else if node == pool {
                    if from == source {
                        if bonusUsed < keyRequired { bonusUsed += 1 }
                    } else {
                        // A key teacher leaves for the pool: free again, so its needs' cursors step back.
                        let t = from - needCount
                        assigned[t] = -1
                        for arc in teacherArcs[t] where arc.position < keyCursor[arc.need] { keyCursor[arc.need] = arc.position }
                    }
                } else {
                    // A placed teacher leaves need `from` (its new need, if any, was set one step earlier).
                    let t = node - needCount
                    members[from].remove(at: members[from].firstIndex(of: t)!)
                }
                node = from
            }
        }
        return assigned
    }

    // MARK: - Plan

    func solve() -> RotationPlan {
        let rotatedAtMost = maximumSeats()
        let keyRequired = RotationRules.required(rules.keyPercent, of: rotatedAtMost)
        let assigned = minimumCostAssignment(keyRequired: keyRequired)

        var assignments: [RotationPlan.Assignment] = []
        var byNeed = [[String]](repeating: [], count: needs.count)
        var rotatedByPriority = [0, 0, 0]
        var keyRotated = 0, keyOnPreferred = 0, commute = 0
        for (t, n) in assigned.enumerated() where n >= 0 {
            let teacher = teachers[t], need = needs[n]
            let metres = teacherArcs[t].first { $0.need == n }!.metres
            let preferred = teacher.isKey && keyPreferred[n]
            assignments.append(RotationPlan.Assignment(
                teacherID: teacher.id, needID: need.id, fromSchoolID: teacher.currentSchoolID, toSchoolID: need.schoolID,
                isKey: teacher.isKey, onKeyPreferredNeed: preferred, commuteChangeMetres: metres))
            byNeed[n].append(teacher.id)
            rotatedByPriority[need.priority - 1] += 1
            if teacher.isKey { keyRotated += 1 }
            if preferred { keyOnPreferred += 1 }
            commute += metres
        }
        assignments.sort { ($0.needID, $0.teacherID) < ($1.needID, $1.teacherID) }

        let results = needs.enumerated().map { n, need in
            let compatible = nonKeyArcs[n].count + keyArcs[n].count
            let filled = byNeed[n].count
            return RotationPlan.NeedResult(
                needID: need.id, schoolID: need.schoolID, subject: need.subject, stage: need.stage, kind: need.kind,
                priority: need.priority, count: need.count, filled: filled, compatibleTeachers: compatible, teacherIDs: byNeed[n],
                unfilledReason: filled == need.count ? nil : compatible == 0 ? .noCompatibleTeacher : .compatibleTeachersPlacedElsewhere)
        }
        let rotated = assignments.count
        let totals = RotationPlan.Totals(
            eligible: teachers.count, eligibleKey: teachers.filter(\.isKey).count, seatsOffered: needs.reduce(0) { $0 + $1.count },
            rotated: rotated, rotatedByPriority: rotatedByPriority, keyRotated: keyRotated, keyOnKeyPreferredNeeds: keyOnPreferred,
            quotaRequired: RotationRules.required(rules.quotaPercent, of: teachers.count),
            keyRequired: RotationRules.required(rules.keyPercent, of: rotated), commuteChangeMetres: commute)

        var shortfalls: [RotationPlan.Shortfall] = []
        if rotated < totals.quotaRequired {
            var binding: [RotationPlan.Binding] = []
            if totals.seatsOffered < totals.quotaRequired {
                binding.append(.seatsOffered(offered: totals.seatsOffered, required: totals.quotaRequired))
            }
            for result in results {
                switch result.unfilledReason {
                case .noCompatibleTeacher?:
                    binding.append(.noCompatibleTeacher(needID: result.needID, subject: result.subject, stage: result.stage))
                case .compatibleTeachersPlacedElsewhere?:
                    binding.append(.compatibleTeachersPlacedElsewhere(needID: result.needID, compatible: result.compatibleTeachers, unfilled: result.unfilled))
                case nil: break
                }
            }
            shortfalls.append(RotationPlan.Shortfall(target: .quota, required: totals.quotaRequired, achieved: rotated, binding: binding))
        }
        if keyRotated < totals.keyRequired {
            let binding: RotationPlan.Binding = totals.eligibleKey < totals.keyRequired
                ? .eligibleKeyTeachers(eligible: totals.eligibleKey, required: totals.keyRequired)
                : .placeableKeyTeachers(placeable: keyRotated, eligible: totals.eligibleKey, required: totals.keyRequired)
            shortfalls.append(RotationPlan.Shortfall(target: .keyShare, required: totals.keyRequired, achieved: keyRotated, binding: [binding]))
        }
        return RotationPlan(assignments: assignments, needs: results, totals: totals, shortfalls: shortfalls)
    }
}

/// A binary min-heap of (cost, node), ties by node: the searches are deterministic.
struct CostHeap {
    private var items: [(cost: FlowCost, node: Int)] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    private static func less(_ a: (cost: FlowCost, node: Int), _ b: (cost: FlowCost, node: Int)) -> Bool {
        a.cost != b.cost ? a.cost < b.cost : a.node < b.node
    }

    mutating func push(_ cost: FlowCost, _ node: Int) {
        items.append((cost, node))
        var child = items.count - 1
        while child > 0 {
            let up = (child - 1) / 2
            guard Self.less(items[child], items[up]) else { break }
            items.swapAt(child, up)
            child = up
        }
    }

    mutating func pop() -> (FlowCost, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && Self.less(items[left], items[smallest]) { smallest = left }
                if right < items.count && Self.less(items[right], items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (top.cost, top.node)
    }
}
