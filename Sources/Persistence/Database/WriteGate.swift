import Fluent
import SQLKit

/// Runs every write as one transaction that never fails because another writer was busy.
///
/// SQLite allows one writer at a time. A plain deferred `BEGIN` that reads and then writes loses about
/// half of concurrent requests with `database is locked` (STACK-NOTES.md), so a write takes the lock up
/// front with `BEGIN IMMEDIATE`. On top of that, writers of one process queue here, first come first
/// served: a writer waiting inside SQLite's busy handler blocks one of the few NIO pool threads that
/// every SQLite call needs, and two such waiters starved the whole process in our concurrency test.
/// The busy timeout still covers other processes (`mgn backup`).
///
/// PostgreSQL: an ordinary transaction; races are settled by row locks and unique constraints.
/// The work must use the connection it is given, not another one from the pool.
public final class WriteGate: Sendable {
    private let queue = FIFOLock()

    public init() {}

    func write<T: Sendable>(_ db: any Database, _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard Self.isSQLite(db) else { return try await db.transaction { try await work($0) } }
        await queue.lock()
        do {
            let result = try await db.withConnection { conn in
                let sql = conn as! any SQLDatabase
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await work(conn)
                    try await sql.raw("COMMIT").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            }
            await queue.unlock()
            return result
        } catch {
            await queue.unlock()
            throw error
        }
    }

    static func isSQLite(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "sqlite"
    }
}

/// An async mutex that wakes waiters in arrival order.
actor FIFOLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !locked { locked = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty { locked = false } else { waiters.removeFirst().resume() }
    }
}
