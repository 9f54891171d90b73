import Fluent
import SQLKit

/// What the monitor's two count tables (`monitor_summary`, `monitor_adherence`) share: one writer at a
/// time on PostgreSQL, and adding signed counts to cells.
enum CountTables {
    /// PostgreSQL: two transactions must not both subtract the same old counts. Every audited write takes
    /// the audit head row lock anyway (FluentAuditLog); taking it first makes the second wait, then read
    /// what the first stored. SQLite: BEGIN IMMEDIATE already serialises writers.
    static func lockWriters(_ conn: any Database) async throws {
        if !WriteGate.isSQLite(conn) { try await (conn as! any SQLDatabase).raw("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE").run() }
    }

    /// Adds each row's `n` to its cell (inserting new cells) and removes cells that drop to zero. Rows must
    /// come in one order for every writer (sorted keys): no deadlocks between two PostgreSQL transactions.
    static func add(_ rows: [(key: [any SQLExpression], n: Int)], into table: String, keyColumns: [String], on sql: any SQLDatabase) async throws {
        for chunk in rows.chunked(400) {
            let insert = sql.insert(into: table).columns(keyColumns + ["n"])
            for r in chunk { insert.values(r.key + [SQLBind(r.n)]) }
            try await insert.onConflict(with: keyColumns) {
                $0.set("n", to: SQLBinaryExpression(SQLColumn("n", table: table), .add, SQLColumn("n", table: "excluded")))
            }.run()
        }
        for r in rows where r.n < 0 {
            var delete = sql.delete(from: table)
            for (column, value) in zip(keyColumns, r.key) { delete = delete.where(SQLColumn(column), .equal, value) }
            try await delete.where("n", .equal, 0).run()
        }
    }
}
