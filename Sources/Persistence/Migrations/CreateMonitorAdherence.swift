import Fluent
import SQLKit

/// Adherence to the samenwerkingsafspraken on the monitor (#8): the norm items the records give (kept
/// per client or case, so a change can subtract exactly what it added) and the cells they add up to
/// under the agreements. Times are whole milliseconds since 1970, the same number in both databases.
struct CreateMonitorAdherence: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE monitor_norm_items (
                owner TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL, responsible TEXT NOT NULL, counterpart TEXT NOT NULL,
                wijk TEXT NOT NULL, route TEXT NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT, satisfied BIGINT,
                PRIMARY KEY (item_id, kind))
            """).run()
        try await sql.create(index: "monitor_norm_items_owner_idx").on("monitor_norm_items").column("owner").run()
        // The key leads with what every dashboard query fixes, so a figure is one index range.
        let withoutRowID = WriteGate.isSQLite(db) ? " WITHOUT ROWID" : ""
        try await sql.raw("""
            CREATE TABLE monitor_adherence (
                wijk TEXT NOT NULL, organisation TEXT NOT NULL, route TEXT NOT NULL, month TEXT NOT NULL,
                agreement_id TEXT NOT NULL, kind TEXT NOT NULL, value BIGINT NOT NULL, n BIGINT NOT NULL,
                PRIMARY KEY (wijk, organisation, route, month, agreement_id, kind, value))\(unsafeRaw: withoutRowID)
            """).run()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP TABLE monitor_adherence").run()
        try await sql.raw("DROP TABLE monitor_norm_items").run()
    }
}
