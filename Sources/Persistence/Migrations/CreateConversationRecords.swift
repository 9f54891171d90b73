import Fluent
import SQLKit

/// The record of a verkennend gesprek and the instrument answers given in it, with the instrument's
/// version, so answers stay readable when a region changes its instruments.
struct CreateConversationRecords: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("vg_records")
            .id()
            .field("appointment_id", .uuid, .required, .references("vg_appointments", "id", onDelete: .cascade))
            .field("client_id", .uuid, .required, .references("clients", "id", onDelete: .cascade))
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("strengths", .string, .required)
            .field("what_matters", .string, .required)
            .field("reformulated_question", .string, .required)
            .field("peer_expert_present", .bool, .required)
            .unique(on: "appointment_id")
            .create()
        try await db.schema("instrument_answers")
            .id()
            .field("vg_record_id", .uuid, .required, .references("vg_records", "id", onDelete: .cascade))
            .field("instrument_url", .string, .required)
            .field("instrument_version", .string, .required)
            .field("link_id", .string, .required)
            .field("value", .int, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "vg_records_client_idx").on("vg_records").column("client_id").run()
        try await sql.create(index: "instrument_answers_record_idx").on("instrument_answers").column("vg_record_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("instrument_answers").delete()
        try await db.schema("vg_records").delete()
    }
}
