import Fluent
import SQLKit

/// Users with their roles, database sessions, and the login attempts that drive throttling.
struct CreateAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("team_id", .uuid, .references("teams", "id", onDelete: .setNull))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("preferred_locale", .string)
            .field("password_changed_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email")
            .create()
        try await db.schema("user_roles")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "user_id", "role")
            .create()
        try await db.schema("sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("source_address", .string)
            .field("user_agent", .string)
            .create()
        try await db.schema("login_attempts")
            .id()
            .field("email", .string, .required)
            .field("source_address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "user_roles_user_idx").on("user_roles").column("user_id").run()
        try await sql.create(index: "users_organisation_idx").on("users").column("organisation_id").run()
        try await sql.create(index: "sessions_user_idx").on("sessions").column("user_id").run()
        try await sql.create(index: "sessions_expires_idx").on("sessions").column("expires_at").run()
        try await sql.create(index: "login_attempts_email_idx").on("login_attempts").column("email").column("at").run()
        try await sql.create(index: "login_attempts_address_idx").on("login_attempts").column("source_address").column("at").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["login_attempts", "sessions", "user_roles", "users"] { try await db.schema(table).delete() }
    }
}
