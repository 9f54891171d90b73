import Fluent
import SQLKit

/// Clients, their consents, aanmeldingen, contact moments and care teams (core workflow, step 1).
/// Every timestamp the dashboard needs for "snel geholpen" starts here: received, complete, first contact.
struct CreateClientRecords: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("clients")
            .id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("name", .string, .required)
            .field("name_key", .string, .required)  // normalised for the duplicate check
            .field("date_of_birth", .string, .required)  // ISO yyyy-mm-dd: a date, not an instant
            .field("bsn", .string)
            .field("postcode", .string)
            .field("wijk_id", .uuid, .references("wijken", "id"))
            .field("phone", .string)
            .field("email", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "bsn")
            .create()
        try await db.schema("consents")
            .id()
            .field("client_id", .uuid, .required, .references("clients", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("given_at", .datetime, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("revoked_at", .datetime)
            .field("revoked_by", .uuid, .references("users", "id"))
            .create()
        try await db.schema("aanmeldingen")
            .id()
            .field("client_id", .uuid, .required, .references("clients", "id", onDelete: .cascade))
            .field("referrer_user_id", .uuid, .required, .references("users", "id"))
            .field("referrer_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("help_question", .string, .required)
            .field("urgency", .string, .required)
            .field("received_at", .datetime, .required)
            .field("complete_at", .datetime)
            .field("first_contact_at", .datetime)
            .field("closed_at", .datetime)
            .field("closed_reason", .string)
            .create()
        try await db.schema("contact_moments")
            .id()
            .field("aanmelding_id", .uuid, .required, .references("aanmeldingen", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("at", .datetime, .required)
            .field("channel", .string, .required)
            .field("reached", .bool, .required)
            .field("note", .string, .required)
            .create()
        try await db.schema("care_team_members")
            .id()
            .field("client_id", .uuid, .required, .references("clients", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("basis", .string, .required)
            .field("added_at", .datetime, .required)
            .field("ended_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "clients_identity_idx").on("clients").column("name_key").column("date_of_birth").run()
        try await sql.create(index: "consents_client_idx").on("consents").column("client_id").run()
        try await sql.create(index: "aanmeldingen_client_idx").on("aanmeldingen").column("client_id").run()
        try await sql.create(index: "aanmeldingen_received_idx").on("aanmeldingen").column("received_at").run()
        try await sql.create(index: "contact_moments_aanmelding_idx").on("contact_moments").column("aanmelding_id").run()
        try await sql.create(index: "care_team_client_idx").on("care_team_members").column("client_id").run()
        try await sql.create(index: "care_team_user_idx").on("care_team_members").column("user_id").run()
    }

    func revert(on db: any Database) async throws {
        for t in ["care_team_members", "contact_moments", "aanmeldingen", "consents", "clients"] { try await db.schema(t).delete() }
    }
}
