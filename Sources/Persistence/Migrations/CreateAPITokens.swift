import Fluent
import SQLKit

/// Personal API tokens (stored as SHA-256 only) for the JSON API.
struct CreateAPITokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await (db as! any SQLDatabase).create(index: "api_tokens_user_idx").on("api_tokens").column("user_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("api_tokens").delete() }
}
