import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// 家访 and family-education activities (docs/home-visits.md): the logs, coverage counted with SQL
/// group-bys (a school of 1,500 pupils reads two narrow lists, no sealed field), and supervision's
/// figures for the schools that log here.
public struct HomeVisitStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    struct VisitRow: Codable, Sendable {
        var id: String; var studentId: String; var schoolId: String; var schoolYear: Int; var visitedOn: String; var way: String
        var attendees: String; var note: String; var followUp: String?; var followUpClosedOn: String?; var teacherId: String?
        var loggedBy: String; var loggedByName: String; var loggedAt: String
        init(_ v: HomeVisit, loggedBy: String, at now: Date) { self.init(v, loggedBy: loggedBy, stamp: Timestamp.string(now)) }
        init(_ v: HomeVisit, loggedBy: String, stamp: String) {
            id = v.id; studentId = v.studentID; schoolId = v.schoolID; schoolYear = v.schoolYear; visitedOn = v.date.description; way = v.way.rawValue
            attendees = v.attendees; note = v.note; followUp = v.followUp; followUpClosedOn = v.followUpClosedOn?.description; teacherId = v.teacherID
            self.loggedBy = loggedBy; loggedByName = v.loggedByName; loggedAt = stamp
        }
        var visit: HomeVisit? {
            guard let date = CaseDate(visitedOn), let way = HomeVisit.Way(rawValue: way) else { return nil }
            return HomeVisit(id: id, studentID: studentId, schoolID: schoolId, date: date, way: way, attendees: attendees, note: note,
                             followUp: followUp, followUpClosedOn: followUpClosedOn.flatMap(CaseDate.init), teacherID: teacherId,
                             loggedByName: loggedByName)
        }
    }

    struct ActivityRow: Codable, Sendable {
        var id: String; var schoolId: String; var schoolYear: Int; var heldOn: String; var kind: String; var topic: String; var course: String?
        var attendance: Int; var grade: String?; var classNo: Int?; var loggedBy: String; var loggedAt: String
        init(_ a: FamilyEducationActivity, loggedBy: String, at now: Date) {
            id = a.id; schoolId = a.schoolID; schoolYear = a.schoolYear; heldOn = a.date.description; kind = a.kind.rawValue; topic = a.topic
            course = a.course; attendance = a.attendance; grade = a.grade?.rawValue; classNo = a.classNumber
            self.loggedBy = loggedBy; loggedAt = Timestamp.string(now)
        }
        var activity: FamilyEducationActivity? {
            guard let date = CaseDate(heldOn), let kind = FamilyEducationActivity.Kind(rawValue: kind) else { return nil }
            return FamilyEducationActivity(id: id, schoolID: schoolId, date: date, kind: kind, topic: topic, course: course, attendance: attendance,
                                           grade: grade.flatMap(Grade.init(rawValue:)), classNumber: classNo)
        }
    }

    /// A pupil as the visit pages list them: no ID number (a class's page masks it from the record).
    public struct Pupil: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var grade: String?
        public var classNo: Int?
        public var schoolClass: SchoolClass? { grade.flatMap(Grade.init(rawValue:)).map { SchoolClass(grade: $0, number: classNo) } }
    }

    public static let alreadyLogged = CampaignProblem("date", zh: "这位学生在这一天以这种方式的家访已经登记过了。",
                                                      en: "A visit to this pupil on that day in that way is logged already.")
    public static let activityLogged = CampaignProblem("topic", zh: "这一天同类型、同主题的活动已经登记过了。",
                                                       en: "An activity of that kind and topic on that day is logged already.")

    // MARK: Pupils

    /// The school's pupils in class order (grade, class, name).
    public func pupils(schoolID: String) async throws -> [Pupil] {
        let rows = try await sql.all("SELECT id, name, grade, class_no FROM students WHERE school_id = \(bind: schoolID)", as: Pupil.self)
        return rows.sorted { a, b in
            let ca = a.schoolClass, cb = b.schoolClass
            if ca != cb { return ca.map { x in cb.map { x < $0 } ?? true } ?? false }
            return (a.name, a.id) < (b.name, b.id)
        }
    }

    /// One class's pupils with their records (the page shows masked ID numbers); nil is the pupils
    /// without a grade on record.
    public func pupils(schoolID: String, in schoolClass: SchoolClass?) async throws -> [StudentRecord] {
        var query: SQLQueryString = "SELECT * FROM students WHERE school_id = \(bind: schoolID)"
        if let schoolClass {
            query += " AND grade = \(bind: schoolClass.grade.rawValue)"
            if let number = schoolClass.number { query += " AND class_no = \(bind: number)" } else { query += " AND class_no IS NULL" }
        } else {
            query += " AND grade IS NULL"
        }
        return try await sql.all(query + " ORDER BY name, id", as: StudentRecord.self)
    }

    /// Coverage by class of a school year, counted by the database (one row per class, whatever
    /// the school's size); the same figures as `VisitCoverageRules.byClass` on the school's pupils and visits.
    public func coverageByClass(schoolID: String, year: Int) async throws -> [SchoolClass?: VisitCoverage] {
        struct Row: Decodable { var grade: String?; var classNo: Int?; var pupils: Int; var visited: Int; var openFollowUps: Int }
        // Sums of integers cast back to integers: PostgreSQL's SUM of a bigint is a numeric, which does not decode as Int.
        let rows = try await sql.all("""
            SELECT st.grade, st.class_no, COUNT(*) AS pupils,
                   CAST(SUM(CASE WHEN v.student_id IS NULL THEN 0 ELSE 1 END) AS INTEGER) AS visited,
                   CAST(SUM(COALESCE(v.open_follow_ups, 0)) AS INTEGER) AS open_follow_ups
            FROM students st LEFT JOIN (
                SELECT student_id, CAST(SUM(CASE WHEN follow_up IS NOT NULL AND follow_up_closed_on IS NULL THEN 1 ELSE 0 END) AS INTEGER) AS open_follow_ups
                FROM home_visits WHERE school_id = \(bind: schoolID) AND school_year = \(bind: year) GROUP BY student_id
            ) v ON v.student_id = st.id
            WHERE st.school_id = \(bind: schoolID)
            GROUP BY st.grade, st.class_no
            """, as: Row.self)
        var result: [SchoolClass?: VisitCoverage] = [:]
        for row in rows {
            let schoolClass = row.grade.flatMap(Grade.init(rawValue:)).map { SchoolClass(grade: $0, number: row.classNo) }
            result[schoolClass, default: VisitCoverage()] = result[schoolClass, default: VisitCoverage()]
                + VisitCoverage(pupils: row.pupils, visited: row.visited, openFollowUps: row.openFollowUps)
        }
        return result
    }

    // MARK: Visits

    /// What coverage needs of a school year's visits: whose, and whether a follow-up is open.
    public func coverageFacts(schoolID: String, year: Int) async throws -> [VisitCoverageRules.Visit] {
        struct Row: Decodable { var studentId: String; var followUp: String?; var followUpClosedOn: String? }
        return try await sql.all("""
            SELECT student_id, follow_up, follow_up_closed_on FROM home_visits WHERE school_id = \(bind: schoolID) AND school_year = \(bind: year)
            """, as: Row.self).map { .init(studentID: $0.studentId, followUpOpen: $0.followUp != nil && $0.followUpClosedOn == nil) }
    }

    /// Visits of a school year, of the given pupils only when `studentIDs` is set, latest first.
    public func visits(schoolID: String, year: Int, studentIDs: [String]? = nil) async throws -> [HomeVisit] {
        var query: SQLQueryString = "SELECT * FROM home_visits WHERE school_id = \(bind: schoolID) AND school_year = \(bind: year)"
        if let studentIDs {
            guard !studentIDs.isEmpty else { return [] }
            query += " AND student_id IN ("
            query.appendList(studentIDs)
            query += ")"
        }
        return try await sql.all(query + " ORDER BY visited_on DESC, logged_at DESC", as: VisitRow.self).compactMap(\.visit)
    }

    /// The visits of these pupils (a family's children), latest first.
    public func visits(studentIDs: [String]) async throws -> [HomeVisit] {
        guard !studentIDs.isEmpty else { return [] }
        var query: SQLQueryString = "SELECT * FROM home_visits WHERE student_id IN ("
        query.appendList(studentIDs)
        query += ") ORDER BY visited_on DESC, logged_at DESC"
        return try await sql.all(query, as: VisitRow.self).compactMap(\.visit)
    }

    public func visit(id: String) async throws -> HomeVisit? {
        try await sql.all("SELECT * FROM home_visits WHERE id = \(bind: id)", as: VisitRow.self).first?.visit
    }

    /// Stores a visit; the unique (pupil, day, way) decides between a form sent twice or two teachers at once.
    public func add(_ visit: HomeVisit, loggedBy userID: String, at now: Date = Date()) async throws {
        do {
            try await sql.insert(into: "home_visits").model(VisitRow(visit, loggedBy: userID, at: now), with: CampaignStore.encoder).run()
        } catch {
            let same = try await sql.all("""
                SELECT * FROM home_visits WHERE student_id = \(bind: visit.studentID) AND visited_on = \(bind: visit.date.description)
                AND way = \(bind: visit.way.rawValue)
                """, as: VisitRow.self)
            if !same.isEmpty { throw Self.alreadyLogged }
            throw error
        }
    }

    /// Deletes a visit; false when it was gone already (deleted meanwhile).
    public func delete(visitID: String) async throws -> Bool {
        try await transaction { tx in
            guard try await tx.visit(id: visitID) != nil else { return false }
            try await tx.sql.delete(from: "home_visits").where("id", .equal, visitID).run()
            return true
        }
    }

    /// Marks a visit's follow-up done; false when there is none open (done meanwhile, or deleted).
    public func closeFollowUp(visitID: String, on day: CaseDate) async throws -> Bool {
        try await transaction { tx in
            try await tx.sql.raw("UPDATE home_visits SET follow_up_closed_on = follow_up_closed_on WHERE id = \(bind: visitID)").run()
            guard let visit = try await tx.visit(id: visitID), visit.followUpOpen else { return false }
            try await tx.sql.update("home_visits").set("follow_up_closed_on", to: day.description).where("id", .equal, visitID).run()
            return true
        }
    }

    /// Many visits at once (the demo), a few hundred per statement. The values are bound directly:
    /// encoding tens of thousands of rows through Codable took most of the demo's load time.
    public func insert(visits: [HomeVisit], loggedBy userID: String, at now: Date = Date()) async throws {
        let stamp = Timestamp.string(now)
        try await sql.insertBatched(into: "home_visits", visits.map { VisitRow($0, loggedBy: userID, stamp: stamp) })
    }

    // MARK: Activities

    public func activities(schoolIDs: [String], year: Int) async throws -> [FamilyEducationActivity] {
        guard !schoolIDs.isEmpty else { return [] }
        var query: SQLQueryString = "SELECT * FROM family_education_activities WHERE school_year = \(bind: year) AND school_id IN ("
        query.appendList(schoolIDs)
        query += ") ORDER BY held_on DESC, logged_at DESC"
        return try await sql.all(query, as: ActivityRow.self).compactMap(\.activity)
    }

    public func activity(id: String) async throws -> FamilyEducationActivity? {
        try await sql.all("SELECT * FROM family_education_activities WHERE id = \(bind: id)", as: ActivityRow.self).first?.activity
    }

    public func add(_ activity: FamilyEducationActivity, loggedBy userID: String, at now: Date = Date()) async throws {
        do {
            try await sql.insert(into: "family_education_activities").model(ActivityRow(activity, loggedBy: userID, at: now), with: CampaignStore.encoder).run()
        } catch {
            let same = try await sql.all("""
                SELECT * FROM family_education_activities WHERE school_id = \(bind: activity.schoolID) AND held_on = \(bind: activity.date.description)
                AND kind = \(bind: activity.kind.rawValue) AND topic = \(bind: activity.topic)
                """, as: ActivityRow.self)
            if !same.isEmpty { throw Self.activityLogged }
            throw error
        }
    }

    public func deleteActivity(id: String) async throws -> Bool {
        try await transaction { tx in
            guard try await tx.activity(id: id) != nil else { return false }
            try await tx.sql.delete(from: "family_education_activities").where("id", .equal, id).run()
            return true
        }
    }

    public func insert(activities: [FamilyEducationActivity], loggedBy userID: String, at now: Date = Date()) async throws {
        try await sql.insertBatched(into: "family_education_activities", activities.map { ActivityRow($0, loggedBy: userID, at: now) })
    }

    // MARK: Districts and supervision

    /// Per school of `scope`: pupils, pupils visited in `year`, open follow-ups, activities held.
    public func schoolFigures(year: Int, scope: SupervisionScope) async throws -> [String: (coverage: VisitCoverage, activities: Int)] {
        struct Count: Decodable { var schoolId: String; var n: Int }
        let pupilCondition = SupervisionStore.condition(scope, school: "st.school_id", district: "sc.district_code")
        let pupils = try await sql.all("""
            SELECT st.school_id, COUNT(*) AS n FROM students st JOIN schools sc ON sc.id = st.school_id
            WHERE \(pupilCondition) GROUP BY st.school_id
            """, as: Count.self)
        let visitCondition = SupervisionStore.condition(scope, school: "v.school_id", district: "sc.district_code")
        // A visit counts while its pupil is still at the school that logged it.
        let visited = try await sql.all("""
            SELECT v.school_id, COUNT(DISTINCT v.student_id) AS n FROM home_visits v JOIN schools sc ON sc.id = v.school_id
            JOIN students st ON st.id = v.student_id AND st.school_id = v.school_id
            WHERE v.school_year = \(bind: year) AND \(visitCondition) GROUP BY v.school_id
            """, as: Count.self)
        let open = try await sql.all("""
            SELECT v.school_id, COUNT(*) AS n FROM home_visits v JOIN schools sc ON sc.id = v.school_id
            JOIN students st ON st.id = v.student_id AND st.school_id = v.school_id
            WHERE v.school_year = \(bind: year) AND v.follow_up IS NOT NULL AND v.follow_up_closed_on IS NULL AND \(visitCondition)
            GROUP BY v.school_id
            """, as: Count.self)
        let activities = try await sql.all("""
            SELECT a.school_id, COUNT(*) AS n FROM family_education_activities a JOIN schools sc ON sc.id = a.school_id
            WHERE a.school_year = \(bind: year) AND \(SupervisionStore.condition(scope, school: "a.school_id", district: "sc.district_code"))
            GROUP BY a.school_id
            """, as: Count.self)
        var result: [String: (coverage: VisitCoverage, activities: Int)] = [:]
        for row in pupils { result[row.schoolId, default: (VisitCoverage(), 0)].coverage.pupils = row.n }
        for row in visited { result[row.schoolId, default: (VisitCoverage(), 0)].coverage.visited = row.n }
        for row in open { result[row.schoolId, default: (VisitCoverage(), 0)].coverage.openFollowUps = row.n }
        for row in activities { result[row.schoolId, default: (VisitCoverage(), 0)].activities = row.n }
        return result
    }

    /// Supervision's figures for the schools of `scope` that logged any visit or activity in `year`.
    public func recordedCounts(year: Int, scope: SupervisionScope = .city) async throws -> [String: FamilyEducationCounts] {
        struct Row: Decodable { var schoolId: String }
        let condition = SupervisionStore.condition(scope, school: "x.school_id", district: "sc.district_code")
        let logging = try await sql.all("""
            SELECT DISTINCT x.school_id FROM (SELECT school_id FROM home_visits WHERE school_year = \(bind: year)
              UNION SELECT school_id FROM family_education_activities WHERE school_year = \(bind: year)) x
            JOIN schools sc ON sc.id = x.school_id WHERE \(condition)
            """, as: Row.self)
        guard !logging.isEmpty else { return [:] }
        let figures = try await schoolFigures(year: year, scope: scope)
        return Dictionary(uniqueKeysWithValues: logging.map { row in
            let f = figures[row.schoolId]
            return (row.schoolId, FamilyEducationCounts(pupilsVisited: f?.coverage.visited ?? 0, activities: f?.activities ?? 0))
        })
    }
}
