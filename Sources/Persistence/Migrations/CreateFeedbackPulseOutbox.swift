import Fluent
import SQLKit

/// The outbox, client feedback and the staff pulse (issue #7).
///
/// The pulse keeps who answered (`pulse_participation`) apart from what was answered (`pulse_answers`,
/// `pulse_partner_ratings`): the answer tables have no person, no timestamp and no sequence — their ids
/// are random and the round's rows are rewritten in random order on every answer, so neither row order
/// nor a system column ties an answer to the moment (and so the person) it came from.
struct CreateFeedbackPulseOutbox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("outbox_messages")
            .id()
            .field("kind", .string, .required)
            .field("recipient", .string, .required)
            .field("locale", .string, .required)
            .field("parameters", .string)  // JSON; erased once sent
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .field("client_id", .uuid, .references("clients", "id"))
            .create()
        try await sql.create(index: "outbox_due_idx").on("outbox_messages").column("status").column("next_attempt_at").run()

        try await db.schema("feedback_invitations")
            .id()
            .field("client_id", .uuid, .required, .references("clients", "id"))
            .field("kind", .string, .required)
            .field("appointment_id", .uuid, .references("vg_appointments", "id"))
            .field("plan_id", .uuid, .references("action_plans", "id"))
            .field("ggz_user_id", .uuid, .required, .references("users", "id"))
            .field("social_user_id", .uuid, .required, .references("users", "id"))
            .field("ggz_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("social_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("conversation_date", .string, .required)
            .field("emailed_at", .datetime)
            .field("reminded_at", .datetime)
            .field("answered_at", .datetime)
            .field("questionnaire_url", .string)
            .field("questionnaire_version", .string)
            .unique(on: "token")
            .create()
        // One invitation per conversation and one follow-up per plan, also when two instances race.
        try await sql.create(index: "feedback_vg_once").unique().on("feedback_invitations").column("appointment_id").column("kind").run()
        try await sql.create(index: "feedback_plan_once").unique().on("feedback_invitations").column("plan_id").column("kind").run()
        try await sql.create(index: "feedback_client_idx").on("feedback_invitations").column("client_id").run()
        try await sql.create(index: "feedback_answered_idx").on("feedback_invitations").column("answered_at").run()
        try await db.schema("feedback_answers")
            .id()
            .field("invitation_id", .uuid, .required, .references("feedback_invitations", "id"))
            .field("link_id", .string, .required)
            .field("value_int", .int)
            .field("value_text", .string)
            .create()
        try await sql.create(index: "feedback_answers_inv_idx").on("feedback_answers").column("invitation_id").run()

        try await db.schema("pulse_rounds")
            .id()
            .field("label", .string, .required)
            .field("period_start", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("invited", .int, .required)
            .unique(on: "label")
            .create()
        try await db.schema("pulse_participation")
            .field("round_id", .uuid, .required, .references("pulse_rounds", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .compositeIdentifier(over: "round_id", "user_id")
            .create()
        try await db.schema("pulse_answers")
            .id()
            .field("round_id", .uuid, .required, .references("pulse_rounds", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("vitality", .int, .required)
            .field("dedication", .int, .required)
            .field("absorption", .int, .required)
            .field("recommend", .int, .required)
            .field("right_place", .int, .required)
            .field("free_text", .string)
            .create()
        try await db.schema("pulse_partner_ratings")
            .id()
            .field("round_id", .uuid, .required, .references("pulse_rounds", "id"))
            .field("partner_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("score", .int, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["pulse_partner_ratings", "pulse_answers", "pulse_participation", "pulse_rounds", "feedback_answers", "feedback_invitations", "outbox_messages"] {
            try await db.schema(t).delete()
        }
    }
}

/// Samenwerkingsafspraken with versioned norms, and the two GGZ reports to the GP that one norm measures.
struct CreateAgreements: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("agreements")
            .id()
            .field("title", .string, .required)
            .field("effective_from", .string, .required)
            .field("ended_on", .string)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .create()
        try await db.schema("agreement_parties")
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("party", .string, .required)
            .compositeIdentifier(over: "agreement_id", "party")
            .create()
        try await db.schema("agreement_norms")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("limit_value", .int)
            .field("valid_from", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "agreement_id", "kind", "valid_from")
            .create()
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await db.schema("handovers").field("intake_report_at", .datetime).update()
        try await db.schema("handovers").field("closing_report_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("handovers").deleteField("intake_report_at").update()
        try await db.schema("handovers").deleteField("closing_report_at").update()
        for t in ["agreement_norms", "agreement_parties", "agreements"] { try await db.schema(t).delete() }
    }
}
