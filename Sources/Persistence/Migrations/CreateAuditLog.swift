import Fluent
import SQLKit

/// The append-only, hash-chained access log (NEN 7513) and its head row.
struct CreateAuditLog: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_events")
            .id()
            .field("seq", .int64, .required)
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("organisation_id", .uuid)
            .field("role", .string)
            .field("client_id", .uuid)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string)
            .field("source_address", .string)
            .field("basis", .string, .required)
            .field("detail", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        try await db.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "audit_events_client_idx").on("audit_events").column("client_id").column("seq").run()
        try await sql.create(index: "audit_events_user_idx").on("audit_events").column("user_id").run()
        try await sql.insert(into: "audit_head").columns("id", "seq", "hash")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(AuditChainGenesis.value)).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_head").delete()
        try await db.schema("audit_events").delete()
    }
}

enum AuditChainGenesis { static let value = String(repeating: "0", count: 64) }
