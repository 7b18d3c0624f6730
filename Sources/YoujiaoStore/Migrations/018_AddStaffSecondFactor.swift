import FluentKit
import SQLKit

/// Staff sign in with a second factor (TOTP, RFC 6238) and keep one-time recovery codes; a
/// session stays "pending" between the password and the code, and holds the secret being enrolled.
struct AddStaffSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("totp_secret", .string).update()
        try await database.schema("users").field("totp_last_step", .int64).update()
        // SHA-256 hex of each unused recovery code, comma-separated.
        try await database.schema("users").field("recovery_hashes", .string).update()
        try await database.schema("web_sessions").field("second_factor_pending", .bool, .required, .sql(.default(false))).update()
        try await database.schema("web_sessions").field("enrolment_secret", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("web_sessions").deleteField("enrolment_secret").update()
        try await database.schema("web_sessions").deleteField("second_factor_pending").update()
        try await database.schema("users").deleteField("recovery_hashes").update()
        try await database.schema("users").deleteField("totp_last_step").update()
        try await database.schema("users").deleteField("totp_secret").update()
    }
}
