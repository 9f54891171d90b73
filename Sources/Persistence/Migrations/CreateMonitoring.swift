import Fluent
import SQLKit

/// The dashboard's tables (#8): each client's contributions, the summary they add up to, and the
/// practices' baseline months imported from CSV.
struct CreateMonitoring: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        // Kept so a change can subtract exactly what the client added before; never shown.
        try await sql.raw("""
            CREATE TABLE monitor_contributions (
                client_id TEXT NOT NULL, measure TEXT NOT NULL, month TEXT NOT NULL, wijk TEXT NOT NULL,
                organisations TEXT NOT NULL, route TEXT NOT NULL, value BIGINT NOT NULL)
            """).run()
        try await sql.create(index: "monitor_contributions_client_idx").on("monitor_contributions").column("client_id").run()
        // The key leads with what every dashboard query fixes, so a figure is one index range.
        let withoutRowID = WriteGate.isSQLite(db) ? " WITHOUT ROWID" : ""
        try await sql.raw("""
            CREATE TABLE monitor_summary (
                measure TEXT NOT NULL, wijk TEXT NOT NULL, organisation TEXT NOT NULL, route TEXT NOT NULL,
                month TEXT NOT NULL, value BIGINT NOT NULL, n BIGINT NOT NULL,
                PRIMARY KEY (measure, wijk, organisation, route, month, value))\(unsafeRaw: withoutRowID)
            """).run()
        try await db.schema("baseline_practice_months")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("month", .string, .required)
            .field("registered_patients", .int, .required)
            .field("referrals_basic", .int, .required)
            .field("referrals_specialised", .int, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .uuid, .required, .references("users", "id"))
            .unique(on: "organisation_id", "month")
            .create()
        try await sql.create(index: "baseline_month_idx").on("baseline_practice_months").column("month").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("baseline_practice_months").delete()
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP TABLE monitor_summary").run()
        try await sql.raw("DROP TABLE monitor_contributions").run()
    }
}
