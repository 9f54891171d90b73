import Fluent
import SQLKit

/// The background work looks for contributions whose window closed since they were stored
/// (`MonitorMaintenance.settle`): one index range per measure instead of a scan of every client's rows.
struct AddMonitorSettleIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await (db as! any SQLDatabase).create(index: "monitor_contributions_settle_idx").on("monitor_contributions")
            .column("measure").column("value").run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "monitor_contributions_settle_idx").run()
    }
}
