import Domain
import Fluent
import Foundation
import MGNApp
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Vapor
import VaporTesting

/// Which database the suite runs on, chosen by the test command (never by a test):
/// `MGN_TEST_POSTGRES_URL=postgres://…/postgres` runs every test on its own fresh PostgreSQL database;
/// without it, every test gets its own SQLite file.
enum TestDatabase {
    /// Request logs at info level would bury test output; warnings and errors still show.
    static let quietLogs: Void = {
        LoggingSystem.bootstrap { label in var h = StreamLogHandler.standardError(label: label); h.logLevel = .warning; return h }
    }()

    static let postgresAdminURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["MGN_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        // Tests create and fill databases: refuse anything but this machine.
        let host = URLComponents(string: url)?.host ?? ""
        precondition(["127.0.0.1", "localhost", "::1", ""].contains(host), "MGN_TEST_POSTGRES_URL must point at this machine, not \(host)")
        return url
    }()

    static var name: String { postgresAdminURL == nil ? "SQLite" : "PostgreSQL" }

    /// A new, empty database for one test.
    static func fresh() async throws -> (DatabaseLocation, cleanup: @Sendable () -> Void) {
        _ = quietLogs
        guard let admin = postgresAdminURL else {
            let path = NSTemporaryDirectory() + "mgn-test-\(UUID().uuidString).sqlite"
            return (.sqlite(path: path), {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            })
        }
        let name = "mgn_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresAdmin.shared.createDatabase(name, adminURL: admin)
        var c = URLComponents(string: admin)!
        c.path = "/" + name
        // The throwaway cluster is removed whole when the suite ends; databases are not dropped one by one.
        return (.postgres(url: c.string!), {})
    }
}

/// One long-lived application whose only job is `CREATE DATABASE` on the test cluster.
actor PostgresAdmin {
    static let shared = PostgresAdmin()
    // A task, not an optional: an actor is re-entered at every `await`, and two tests arriving together
    // must share one application rather than each make one (a dropped Application asserts on deinit).
    private var app: Task<Application, any Error>?

    func createDatabase(_ name: String, adminURL: String) async throws {
        if app == nil {
            app = Task {
                let a = try await Application.make(.testing)
                a.databases.use(.postgres(configuration: try .init(url: adminURL), maxConnectionsPerEventLoop: 1), as: .psql)
                return a
            }
        }
        let admin = try await app!.value
        try await (admin.db as! any SQLDatabase).raw("CREATE DATABASE \(ident: name)").run()
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let value: NIOLockedValueBox<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { value = .init(start) }
    var now: Date { value.withLockedValue { $0 } }
    func advance(_ seconds: TimeInterval) { value.withLockedValue { $0 += seconds } }
    func set(_ date: Date) { value.withLockedValue { $0 = date } }
    var clock: Domain.Clock { Domain.Clock { self.now } }
}

/// Runs `body` with a migrated application on a fresh database, the clock pinned and bcrypt cheap.
func withTestApp(clock: TestClock = TestClock(), fixture: Bool = true,
                 _ body: (Application, Fixture) async throws -> Void) async throws {
    // swift-testing starts every test at once; on PostgreSQL each app opens its own pool, and a few
    // hundred pools at once exhaust the cluster's connections (requests then time out). A few at a time.
    if TestDatabase.postgresAdminURL != nil { await TestSlots.shared.acquire() }
    defer { if TestDatabase.postgresAdminURL != nil { Task { await TestSlots.shared.release() } } }
    let (location, cleanup) = try await TestDatabase.fresh()
    defer { cleanup() }
    var config = AppConfiguration()
    config.database = location
    config.bcryptCost = 4
    config.secureCookies = true
    let app = try await Application.make(.testing)
    do {
        try await MGN.configure(app, config, clock: clock.clock)
        try await MGN.prepareDatabase(app, config)
        let f = fixture ? try await Fixture.create(app) : Fixture.empty
        try await body(app, f)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// A counting semaphore for test apps running at the same time.
actor TestSlots {
    static let shared = TestSlots(limit: 6)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
