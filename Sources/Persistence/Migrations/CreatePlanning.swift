import Fluent
import SQLKit

/// Availability that professionals publish and the verkennende gesprekken booked in it.
struct CreatePlanning: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("availability")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("start", .datetime, .required)
            .field("end", .datetime, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("vg_appointments")
            .id()
            .field("aanmelding_id", .uuid, .required, .references("aanmeldingen", "id", onDelete: .cascade))
            .field("client_id", .uuid, .required, .references("clients", "id", onDelete: .cascade))
            .field("ggz_user_id", .uuid, .required, .references("users", "id"))
            .field("sociaal_user_id", .uuid, .required, .references("users", "id"))
            .field("planned_for", .datetime, .required)
            .field("end", .datetime, .required)
            .field("planned_at", .datetime, .required)
            .field("planned_by", .uuid, .required, .references("users", "id"))
            .field("held_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("cancel_reason", .string)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "availability_user_idx").on("availability").column("user_id").column("start").run()
        try await sql.create(index: "vg_appointments_client_idx").on("vg_appointments").column("client_id").run()
        try await sql.create(index: "vg_appointments_ggz_idx").on("vg_appointments").column("ggz_user_id").column("planned_for").run()
        try await sql.create(index: "vg_appointments_sociaal_idx").on("vg_appointments").column("sociaal_user_id").column("planned_for").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("vg_appointments").delete()
        try await db.schema("availability").delete()
    }
}
