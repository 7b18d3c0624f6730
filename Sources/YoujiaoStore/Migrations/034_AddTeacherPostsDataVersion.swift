import FluentKit
import SQLKit

/// Teachers' posts become an area of their own (DataArea.teacherPosts): a district's rotation list
/// and teacher reviews read every post of the district's teachers and are kept per data version.
/// The training log stays outside any area: nothing kept reads it, and it is most of the rows.
struct AddTeacherPostsDataVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("INSERT INTO data_versions (area, version) VALUES ('teacher_posts', 0)").run()
        try await DataVersionTriggers.create(on: sql, table: "teacher_appointments", area: "teacher_posts")
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await DataVersionTriggers.drop(on: sql, table: "teacher_appointments")
        try await sql.raw("DELETE FROM data_versions WHERE area = 'teacher_posts'").run()
    }
}
