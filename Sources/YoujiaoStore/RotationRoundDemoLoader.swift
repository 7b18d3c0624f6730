import Foundation
import SQLKit
import YoujiaoCore

/// Opens the demo district's rotation round for this school year (already started, so that every
/// step down to a teacher's arrival can be tried) with needs the district's eligible teachers can
/// fill: all accepted but the last, which waits for the district's check.
public enum RotationRoundDemoLoader {
    public static func load(into registry: RegistryStore, districtCode: String, today: CaseDate) async throws -> (round: RotationRound, needs: Int) {
        let current = today.month >= 9 ? today.year : today.year - 1
        let round = RotationRound(districtCode: districtCode, year: current, status: .collecting)
        let store = RotationRoundStore(registry.database)
        try await store.create(round)
        let schools = Dictionary(uniqueKeysWithValues: try await registry.schools(SchoolFilter(districtCode: districtCode), page: .everything).items.map { ($0.id, $0) })
        let teachers = try await registry.teachers(districtCode: districtCode)
        let histories = try await TeacherHistoryStore(registry.database).histories(teacherIDs: teachers.map(\.id), parts: .postsAndRotations)
        // Eligible teachers by (subject, stage) and school, on the round's first day.
        struct Group: Hashable { var subject: String; var stage: Stage }
        var eligible: [Group: [String: Int]] = [:]
        for teacher in teachers {
            guard let school = schools[teacher.schoolId] else { continue }
            let history = histories[teacher.id] ?? TeacherHistoryStore.History()
            guard RotationEligibility(nationalID: teacher.nationalId, appointments: history.appointments, rotations: history.rotations,
                                      on: round.startDate, rules: .shanghai).isEligible else { continue }
            eligible[Group(subject: teacher.subject, stage: RotationTeacher.stage(teachingAt: school.stages)), default: [:]][school.id, default: 0] += 1
        }
        // Each public compulsory school asks for one teacher of each group with at least two eligible
        // teachers elsewhere (so that the district can also change who goes), most teachers first.
        var needs: [(school: String, group: Group, elsewhere: Int)] = []
        for school in schools.values where school.ownership == .public {
            // Rotation is the compulsory stages' rule (义务教育).
            for (group, bySchool) in eligible where school.stages.contains(group.stage) && (group.stage == .primary || group.stage == .junior) {
                let elsewhere = bySchool.filter { $0.key != school.id }.values.reduce(0, +)
                if elsewhere >= 2 { needs.append((school.id, group, elsewhere)) }
            }
        }
        let chosen = needs.sorted { ($0.elsewhere, $1.school, $1.group.subject) > ($1.elsewhere, $0.school, $0.group.subject) }.prefix(6)
        let kinds: [RotationNeedKind] = [.weakSchool, .group, .newCity, .rural]
        for (index, need) in chosen.enumerated() {
            let entry = RotationNeedEntry(id: "demo-need-\(districtCode)-\(index + 1)", schoolID: need.school, subject: need.group.subject, stage: need.group.stage,
                                          count: 1, kind: kinds[index % kinds.count], priority: 1 + index % 3)
            try await store.add(entry, roundID: round.id)
            if index < chosen.count - 1 { try await store.check(needID: entry.id, roundID: round.id, state: .accepted, reason: nil) }
        }
        return (round, chosen.count)
    }

    /// The district with the most teachers in compulsory schools: the demo's richest round.
    public static func busiestDistrict(_ registry: RegistryStore) async throws -> String? {
        struct Row: Decodable { var districtCode: String; var teachers: Int }
        return try await registry.sql.all("""
            SELECT s.district_code, COUNT(*) AS teachers FROM teachers t JOIN schools s ON s.id = t.school_id
            WHERE s.ownership = 'public' AND (s.stages LIKE '%primary%' OR s.stages LIKE '%junior%')
            GROUP BY s.district_code ORDER BY teachers DESC, s.district_code LIMIT 1
            """, as: Row.self).first?.districtCode
    }
}
