import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct AuditLogTests {
    @Test func loginsAndChangesAreLoggedWithWhoWhenWhereAndWhy() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email, "wrong password here")
            _ = try await b.login(f.adminA.email)
            try await b.get("/beheer/gebruikers/\(f.pohA.id)")
            _ = try await b.post("/beheer/gebruikers/\(f.pohA.id)", [
                ("name", "Piet P."), ("email", f.pohA.email), ("organisation", f.praktijkA.id.uuidString), ("roles[]", "poh_ggz"), ("active", "on")])
            let recent = try await app.repositories.audit.recent(limit: 3)
            #expect(recent.map(\.action) == [.update, .login, .loginFailed])
            let update = recent[0]
            #expect(update.userID == f.adminA.id && update.organisationID == f.praktijkA.id)
            #expect(update.role == .functioneelBeheerder && update.basis == .administration)
            #expect(update.objectType == "user" && update.objectID == f.pohA.id.uuidString)
            #expect(update.sourceAddress != nil)
        }
    }

    @Test func tamperingWithTheLogIsDetected() async throws {
        try await withTestApp { app, f in
            let audit = app.repositories.audit
            guard case .intact(let n) = try await audit.verify() else { Issue.record("fresh log not intact"); return }
            #expect(n > 5)
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE audit_events SET source_address = 'elders' WHERE seq = 3").run()
            #expect(try await audit.verify() == .broken(atSequence: 3, reason: "entry altered"))
        }
    }

    @Test func cuttingEntriesOffTheEndIsDetected() async throws {
        try await withTestApp { app, _ in
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)").run()
            if case .intact = try await app.repositories.audit.verify() { Issue.record("truncation not detected") }
        }
    }

    @Test func theRegionAdministratorSeesTheLogAndItsVerdict() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.regionAdmin.email)
            let page = try await b.get("/beheer/auditlog")
            #expect(page.status == .ok)
            #expect(page.text.contains("De keten is intact"))
            #expect(page.text.contains("inloggen"))
        }
    }
}
