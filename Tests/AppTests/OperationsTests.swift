import Domain
import Fluent
import Foundation
import MGNApp
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct DemoSeedingTests {
    @Test func theDemoRegionFillsAnEmptyDatabaseOnceAndEveryoneCanLogIn() async throws {
        let (location, cleanup) = try await TestDatabase.fresh()
        defer { cleanup() }
        var config = AppConfiguration()
        config.database = location; config.bcryptCost = 4; config.demo = true; config.demoClients = 60
        let app = try await Application.make(.testing)
        do {
            try await MGN.configure(app, config, clock: TestClock().clock)
            try await MGN.prepareDatabase(app, config)
            let repos = app.repositories
            let users = try await repos.users.list(organisationIDs: nil)
            #expect(users.count >= 25)
            #expect(Set(users.flatMap(\.roles)) == Set(Role.allCases))
            #expect(Set(try await repos.organisations.all().map(\.type)) == Set(OrganisationType.allCases))
            #expect(try await repos.region.wijken().count >= 6)
            // Clients in every state of the workflow, each one written through the access path.
            #expect(try await count(app, "clients") >= 50)
            for status in ["requested", "completed", "rejected", "in-progress"] {
                let n = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM handovers WHERE status = \(bind: status)").first()!.decode(column: "n", as: Int.self)
                #expect(n > 0, "handovers \(status)")  // \(status) must occur
            }
            #expect(try await count(app, "vg_records") > 0)
            #expect(try await count(app, "action_plans") > 0)
            guard case .intact = try await repos.audit.verify() else { Issue.record("audit chain"); return }
            // The dashboard's summary, kept incrementally through every write of the seed, equals a full
            // recomputation from the records.
            let stored = try await MonitorMaintenance.storedSummary(on: app.db, now: Date())
            let recomputed = try await MonitorMaintenance.recomputedSummary(on: app.db, now: Date())
            #expect(stored.count > 1000)
            #expect(stored == recomputed, "summary differs in \(Set(stored.keys).symmetricDifference(recomputed.keys).count) cells")
            for measure in [Measure.vgWait, .handoverAnswer, .feedbackRating, .planOutsideGGZ] {
                #expect(stored.keys.contains { $0.measure == measure.rawValue }, "\(measure)")
            }
            // The same for adherence to the demo's agreements: kept through every write (handovers, plans, case
            // tables) and every agreement saved, equal to a recomputation from the records.
            let cells = try await AdherenceMaintenance.storedCells(on: app.db)
            let recomputedCells = try await AdherenceMaintenance.recomputedCells(on: app.db)
            #expect(cells.count > 100)
            #expect(cells == recomputedCells, "adherence differs in \(Set(cells.keys).symmetricDifference(recomputedCells.keys).count) cells")
            for kind in [NormKind.handoverResponse, .adviceLetter, .caseAdvice] {
                #expect(cells.keys.contains { $0.kind == kind.rawValue }, "\(kind)")
            }
            // A second start adds nothing.
            try await MGN.prepareDatabase(app, config)
            #expect(try await repos.users.count() == users.count)
            // The login page lists the demo accounts, and one of each role logs in.
            let page = try await TestBrowser(app).get("/inloggen")
            #expect(page.text.contains("beheer@veenhaven.demo"))
            for role in Role.allCases {
                let u = try #require(users.first { $0.has(role) })
                let b = TestBrowser(app)
                #expect(try await b.login(u.email, config.demoPassword).status == .seeOther, "\(u.email)")
                #expect(try await b.get("/").status == .ok, "\(u.email)")
            }
        } catch { try? await app.asyncShutdown(); throw error }
        try await app.asyncShutdown()
    }
}

@Suite struct ConfigurationTests {
    @Test func flagsOverrideTheEnvironmentAndTheRestGoesToVapor() throws {
        let (c, rest) = try AppConfiguration.parse(
            arguments: ["serve", "--demo", "--database-url", "postgres://u:p@127.0.0.1:5432/mgn", "--port", "9000"],
            environment: ["DATABASE_URL": "postgres://other/db", "MGN_BCRYPT_COST": "10"])
        #expect(c.database == .postgres(url: "postgres://u:p@127.0.0.1:5432/mgn"))
        #expect(c.demo && c.bcryptCost == 10)
        #expect(rest == ["serve", "--port", "9000"])
        #expect(!"\(c.database)".contains(":p@"), "the password is not printed")
    }

    @Test func theDefaultIsAnEmbeddedSQLiteFile() throws {
        let (c, _) = try AppConfiguration.parse(arguments: ["serve"], environment: [:])
        #expect(c.database == .sqlite(path: "./data/mgn.sqlite"))
        #expect(c.secureCookies && !c.demo)
    }

    @Test func everyProblemIsListedAtOnce() {
        #expect(throws: AppConfiguration.Invalid.self) {
            try AppConfiguration.parse(arguments: ["--database-url", "mysql://x"], environment: ["MGN_BCRYPT_COST": "99", "MGN_LOG_FORMAT": "xml"])
        }
        do { _ = try AppConfiguration.parse(arguments: ["--database-url", "mysql://x"], environment: ["MGN_BCRYPT_COST": "99", "MGN_LOG_FORMAT": "xml"]) }
        catch let e as AppConfiguration.Invalid { #expect(e.problems.count == 3) } catch { Issue.record("\(error)") }
    }
}

@Suite struct BackupTests {
    @Test func aBackupOfTheLiveSQLiteFileHoldsEverything() async throws {
        guard TestDatabase.postgresAdminURL == nil else { return }  // pg_dump is PostgreSQL's backup (README)
        try await withTestApp { app, f in
            let target = NSTemporaryDirectory() + "mgn-backup-\(UUID().uuidString).sqlite"
            defer { try? FileManager.default.removeItem(atPath: target) }
            try await DatabaseSetup.backupSQLite(app.db, to: target)
            await #expect(throws: DatabaseSetup.BackupError.self) { try await DatabaseSetup.backupSQLite(app.db, to: target) }

            var config = AppConfiguration(); config.database = .sqlite(path: target); config.bcryptCost = 4
            let restored = try await Application.make(.testing)
            try await MGN.configure(restored, config)
            try await MGN.prepareDatabase(restored, config)
            #expect(try await restored.repositories.users.count() == 8)
            #expect(try await TestBrowser(restored).login(f.pohA.email).status == .seeOther)
            try await restored.asyncShutdown()
        }
    }
}
