import FluentKit
import SQLKit

/// An area of the data added after CreateDataVersions (DataArea): its row in `data_versions` and
/// the triggers that raise it on every write to its tables. Each addition is its own migration,
/// named as it was first applied.
struct AddDataArea: AsyncMigration {
    let name: String
    let area: String
    let tables: [String]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("INSERT INTO data_versions (area, version) VALUES (\(bind: area), 0)").run()
        for table in tables { try await DataVersionTriggers.create(on: sql, table: table, area: area) }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in tables { try await DataVersionTriggers.drop(on: sql, table: table) }
        try await sql.raw("DELETE FROM data_versions WHERE area = \(bind: area)").run()
    }

    /// A district's rotation list, teacher reviews and rotation rounds read every post of its
    /// teachers. The training log stays outside any area: nothing kept reads it, and it is most of
    /// the rows.
    static let teacherPosts = AddDataArea(name: "YoujiaoStore.AddTeacherPostsDataVersion", area: "teacher_posts", tables: ["teacher_appointments"])
    /// The aid overview's totals of a school year.
    static let aid = AddDataArea(name: "YoujiaoStore.AddAidDataVersion", area: "aid", tables: ["aid_grants", "aid_policies"])
    /// The zones and schools a campaign's application form offers.
    static let enrollmentSetup = AddDataArea(name: "YoujiaoStore.AddEnrollmentSetupDataVersion", area: "enrollment_setup",
                                             tables: ["zones", "campaign_seats"])
}
