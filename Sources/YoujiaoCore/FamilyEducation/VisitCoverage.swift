import Foundation

/// How far a class, school or district is towards "every pupil visited at least once this school
/// year": a pupil counts once however often they were visited, by any way (入户, 来校, 线上).
public struct VisitCoverage: Sendable, Hashable, Codable {
    public var pupils: Int
    public var visited: Int
    /// Visits whose follow-up is not done yet.
    public var openFollowUps: Int

    public init(pupils: Int = 0, visited: Int = 0, openFollowUps: Int = 0) {
        self.pupils = pupils; self.visited = visited; self.openFollowUps = openFollowUps
    }

    public var notVisited: Int { max(pupils - visited, 0) }
    /// Whole per cent, rounded down so that 99.6 % never reads as 100 %; nil without pupils.
    public var percent: Int? { pupils == 0 ? nil : visited * 100 / pupils }
    /// The plan's rule: every pupil visited (a class without pupils has nothing to miss).
    public var isComplete: Bool { visited >= pupils }

    public static func + (a: VisitCoverage, b: VisitCoverage) -> VisitCoverage {
        VisitCoverage(pupils: a.pupils + b.pupils, visited: a.visited + b.visited, openFollowUps: a.openFollowUps + b.openFollowUps)
    }
}

/// A class of a school: grade and class number as the student record has them.
public struct SchoolClass: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var grade: Grade
    /// nil for pupils the registry has in no class.
    public var number: Int?
    public init(grade: Grade, number: Int?) { self.grade = grade; self.number = number }

    public static func < (a: SchoolClass, b: SchoolClass) -> Bool { (a.grade.index, a.number ?? 0) < (b.grade.index, b.number ?? 0) }
    /// "3-2" (grade 3, class 2), "3-0" for no class: the value of `class=` in addresses.
    public var description: String { "\(grade.rawValue)-\(number ?? 0)" }
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let grade = Grade(rawValue: String(parts[0])), parts[1].count <= 2,
              parts[1].allSatisfy({ ("0"..."9").contains($0) }), let number = Int(parts[1]) else { return nil }
        self.init(grade: grade, number: number == 0 ? nil : number)
    }
}

public enum VisitCoverageRules {
    /// One pupil as coverage needs them.
    public struct Pupil: Sendable, Hashable {
        public var id: String
        public var schoolClass: SchoolClass?
        public init(id: String, schoolClass: SchoolClass?) { self.id = id; self.schoolClass = schoolClass }
    }

    /// One visit as coverage needs it.
    public struct Visit: Sendable, Hashable {
        public var studentID: String
        public var followUpOpen: Bool
        public init(studentID: String, followUpOpen: Bool) { self.studentID = studentID; self.followUpOpen = followUpOpen }
    }

    /// Coverage per class of one school year's visits. Visits of pupils who have since left the
    /// school are not counted (the registry is the list of pupils to visit).
    public static func byClass(pupils: [Pupil], visits: [Visit]) -> [SchoolClass?: VisitCoverage] {
        let classOf = Dictionary(pupils.map { ($0.id, $0.schoolClass) }, uniquingKeysWith: { first, _ in first })
        var result: [SchoolClass?: VisitCoverage] = [:]
        for pupil in pupils { result[pupil.schoolClass, default: VisitCoverage()].pupils += 1 }
        var counted: Set<String> = []
        for visit in visits {
            guard let schoolClass = classOf[visit.studentID] else { continue }
            if counted.insert(visit.studentID).inserted { result[schoolClass]!.visited += 1 }
            if visit.followUpOpen { result[schoolClass]!.openFollowUps += 1 }
        }
        return result
    }

    /// The school's pupils not visited yet, in class order.
    public static func notVisited(pupils: [Pupil], visits: [Visit]) -> [Pupil] {
        let visited = Set(visits.map(\.studentID))
        return pupils.filter { !visited.contains($0.id) }
    }

    /// The whole of several parts.
    public static func total<S: Sequence>(_ parts: S) -> VisitCoverage where S.Element == VisitCoverage { parts.reduce(VisitCoverage(), +) }
}

/// Supervision's figures from the logs of one school year, for the schools that log here: pupils
/// visited at least once (so the indicator's "≥ 1 per pupil" means every pupil visited) and
/// activities held. A school with no visit and no activity logged that year keeps its report.
public struct FamilyEducationCounts: Sendable, Hashable {
    public var pupilsVisited: Int
    public var activities: Int
    public init(pupilsVisited: Int, activities: Int) { self.pupilsVisited = pupilsVisited; self.activities = activities }

    /// The school's report with the logged figures in place of the typed ones; a school without a
    /// report gets one holding only these figures.
    public static func merge(reports: [SchoolReport], counts: [String: FamilyEducationCounts], year: Int) -> [SchoolReport] {
        var byID = Dictionary(reports.map { ($0.schoolID, $0) }, uniquingKeysWith: { first, _ in first })
        for (schoolID, figures) in counts {
            var report = byID[schoolID] ?? SchoolReport(schoolID: schoolID, year: year)
            report.homeVisits = figures.pupilsVisited
            report.familyEducationActivities = figures.activities
            byID[schoolID] = report
        }
        let order = reports.map(\.schoolID), reported = Set(order)
        let added = counts.keys.filter { !reported.contains($0) }.sorted()
        return (order + added).compactMap { byID[$0] }
    }
}
