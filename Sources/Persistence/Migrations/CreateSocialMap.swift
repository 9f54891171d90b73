import Fluent
import SQLKit

/// The sociale kaart: providers, locations, services (with the newest waiting time kept on the row for
/// filtering), waiting-time history, activities, versions, and a full-text index: FTS5 on SQLite, a
/// generated tsvector on PostgreSQL, both over the same folded text the repository writes.
struct CreateSocialMap: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("sk_providers")
            .id()
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("website", .string)
            .field("email", .string)
            .field("phone", .string)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .create()
        try await db.schema("sk_locations")
            .id()
            .field("provider_id", .uuid, .required, .references("sk_providers", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("street", .string, .required)
            .field("postcode", .string, .required)
            .field("city", .string, .required)
            .field("opening_hours", .string, .required)
            .create()
        try await db.schema("sk_services")
            .id()
            .field("provider_id", .uuid, .required, .references("sk_providers", "id"))
            .field("owner_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("name", .string, .required)
            .field("route", .string, .required)
            .field("description", .string, .required)
            .field("target_group", .string, .required)
            .field("eligibility", .string, .required)
            .field("referral_required", .bool, .required)
            .field("cost", .string, .required)
            .field("languages", .string, .required)
            .field("public_phone", .string)
            .field("public_email", .string)
            .field("website", .string)
            .field("professional_contact", .string)
            .field("internal_note", .string)
            .field("whole_region", .bool, .required)
            .field("is_steuncentrum", .bool, .required)
            .field("ervaringsdeskundigen", .bool, .required)
            .field("status", .string, .required)
            .field("last_checked_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .field("wait_aanmeld_weeks", .int)
            .field("wait_behandel_weeks", .int)
            .field("wait_reported_at", .datetime)
            .field("sort_name", .string, .required)
            .field("search_name", .string, .required)
            .field("search_keywords", .string, .required)
            .field("search_body", .string, .required)
            .create()
        try await sql.create(index: "sk_services_owner_idx").on("sk_services").column("owner_organisation_id").column("last_checked_at").run()
        try await sql.create(index: "sk_services_sort_idx").on("sk_services").column("status").column("sort_name").run()
        try await db.schema("sk_service_wijken")
            .field("service_id", .uuid, .required, .references("sk_services", "id", onDelete: .cascade))
            .field("wijk_id", .uuid, .required, .references("wijken", "id", onDelete: .cascade))
            .compositeIdentifier(over: "service_id", "wijk_id")
            .create()
        try await sql.create(index: "sk_service_wijken_wijk_idx").on("sk_service_wijken").column("wijk_id").run()
        try await db.schema("sk_service_locations")
            .field("service_id", .uuid, .required, .references("sk_services", "id", onDelete: .cascade))
            .field("location_id", .uuid, .required, .references("sk_locations", "id", onDelete: .cascade))
            .compositeIdentifier(over: "service_id", "location_id")
            .create()
        try await db.schema("sk_waiting_times")
            .id()
            .field("service_id", .uuid, .required, .references("sk_services", "id", onDelete: .cascade))
            .field("aanmeld_weeks", .int, .required)
            .field("behandel_weeks", .int)
            .field("reported_at", .datetime, .required)
            .field("reported_by", .uuid, .references("users", "id", onDelete: .setNull))
            .create()
        try await sql.create(index: "sk_waiting_times_service_idx").on("sk_waiting_times").column("service_id").column("reported_at").run()
        try await db.schema("sk_activities")
            .id()
            .field("service_id", .uuid, .required, .references("sk_services", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("weekday", .int)
            .field("date", .string)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .create()
        try await sql.create(index: "sk_activities_service_idx").on("sk_activities").column("service_id").run()
        try await db.schema("sk_service_versions")
            .id()
            .field("service_id", .uuid, .required, .references("sk_services", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("kind", .string, .required)
            .field("at", .datetime, .required)
            .field("user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("user_name", .string, .required)
            .field("changes", .string, .required)
            .create()
        try await sql.create(index: "sk_service_versions_service_idx").on("sk_service_versions").column("service_id").column("version").run()

        if sql.dialect.name == "sqlite" {
            // service_id is stored, not indexed: the join key back to sk_services (rowids change on VACUUM).
            try await sql.raw("""
                CREATE VIRTUAL TABLE sk_search USING fts5(service_id UNINDEXED, name, keywords, body,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')
                """).run()
        } else {
            try await sql.raw("""
                ALTER TABLE sk_services ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', search_name), 'A') ||
                    setweight(to_tsvector('simple', search_keywords), 'B') ||
                    setweight(to_tsvector('simple', search_body), 'C')) STORED
                """).run()
            try await sql.raw("CREATE INDEX sk_services_search_idx ON sk_services USING GIN (search_vector)").run()
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS sk_search").run() }
        for t in ["sk_service_versions", "sk_activities", "sk_waiting_times", "sk_service_locations", "sk_service_wijken", "sk_services", "sk_locations", "sk_providers"] {
            try await db.schema(t).delete()
        }
    }
}

/// An action in an actieplan may point at the sociale-kaart entry it was chosen from.
struct AddServiceToPlanActions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("plan_actions").field("service_id", .uuid, .references("sk_services", "id", onDelete: .setNull)).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("plan_actions").deleteField("service_id").update()
    }
}
