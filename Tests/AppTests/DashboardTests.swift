import Domain
import Foundation
@testable import Persistence
import Testing
import Vapor
import VaporTesting

@Suite struct DashboardTests {
    /// Aggregates for the coordinator; a professional of an uninvolved organisation sees figures but no
    /// person; someone without a figures role is refused; the summary equals a recomputation.
    @Test func coordinatorsSeeFiguresAndNobodySeesAPerson() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            _ = try await clientWithHeldConversation(app, f, clock, poh)

            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let overview = try await coordinator.get("/monitor")
            #expect(overview.status == .ok)
            for goal in ["Snel geholpen", "Hulpvraag beantwoord", "Minder onnodige ggz-instroom", "Ketensamenwerking"] { #expect(overview.text.contains(goal)) }
            #expect(!overview.text.contains("Jan Modaal"))
            let page = try await coordinator.get("/monitor/indicator/wachttijd-vg")
            #expect(page.status == .ok && page.text.contains("<svg") && page.text.contains("<title"))
            // One conversation: the count shows as "<5" and the wait is not shown.
            #expect(page.text.contains("&lt;5") && !page.text.contains("Jan Modaal"))
            let csv = try await coordinator.get("/monitor/indicator/wachttijd-vg/export.csv")
            #expect(csv.status == .ok && csv.text.contains("totaal;<5;;;;ja"))
            let json = try await coordinator.get("/monitor/overzicht.json")
            #expect(json.status == .ok && json.text.contains("definition_nl") && !json.text.contains("Jan Modaal"))
            #expect(try await coordinator.get("/monitor/indicator/bestaat-niet").status == .notFound)
            #expect(try await coordinator.get("/monitor?van=2026-13").text.contains("schrijf een maand als jjjj-mm"))

            // A POH of another practice: region beside own organisation, never a person, never another organisation.
            let other = TestBrowser(app)
            _ = try await other.login(f.pohB.email)
            let mine = try await other.get("/monitor")
            #expect(mine.status == .ok && mine.text.contains(f.praktijkB.name) && !mine.text.contains("Jan Modaal"))
            #expect(try await other.get("/monitor?organisatie=\(f.praktijkA.id.uuidString)").text.contains("alleen de cijfers van uw eigen organisatie"))

            #expect(try await MonitorMaintenance.storedSummary(on: app.db, now: clock.now) == MonitorMaintenance.recomputedSummary(on: app.db, now: clock.now))

            // Weeks later the windows of that conversation have closed: settling stores them as decided
            // (0: many clients then share one cell), the figures stay exactly the same, and the summary still
            // equals a recomputation.
            clock.advance(40 * 86_400)
            let before = try await coordinator.get("/monitor/overzicht.json").text
            let today = DayNumber.of(clock.now, calendar: WorkingDays().calendar)
            func closedDays() async throws -> Int {  // raw cells of settling measures still holding a passed day
                try await MonitorMaintenance.storedSummary(on: app.db, now: Date(timeIntervalSince1970: 0)).keys.filter {
                    Measure(rawValue: $0.measure)!.settles && $0.value > 0 && $0.value < today
                }.count
            }
            #expect(try await closedDays() > 0)
            #expect(try await app.repositories.dashboard.settle(now: clock.now) == 1)
            #expect(try await app.repositories.dashboard.settle(now: clock.now) == 0, "nothing left to settle")
            #expect(try await coordinator.get("/monitor/overzicht.json").text == before)
            #expect(try await closedDays() == 0)
            #expect(try await MonitorMaintenance.storedSummary(on: app.db, now: clock.now) == MonitorMaintenance.recomputedSummary(on: app.db, now: clock.now))
        }
    }

    /// Several instances settling the same client at once (PostgreSQL: one database, many app
    /// instances) apply its change once: the summary still equals a recomputation.
    @Test func concurrentRefreshesOfOneClientApplyItsChangeOnce() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let id = try await clientWithHeldConversation(app, f, clock, poh)
            clock.advance(40 * 86_400)
            let now = clock.now, gate = app.writeGate, db = app.db
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { try await gate.write(db) { conn in try await MonitorMaintenance.refresh(id, on: conn, at: now) } } }
                try await group.waitForAll()
            }
            #expect(try await MonitorMaintenance.storedSummary(on: app.db, now: now) == MonitorMaintenance.recomputedSummary(on: app.db, now: now))
            #expect(try await MonitorMaintenance.storedSummary(on: app.db, now: Date(timeIntervalSince1970: 0)).values.allSatisfy { $0 > 0 })
        }
    }

    @Test func aBadBaselineFileStoresNothingAndSaysWhichLine() async throws {
        try await withTestApp { app, f in
            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            #expect(try await coordinator.get("/monitor/nulmeting").status == .ok)
            let bad = try await coordinator.post("/monitor/nulmeting", [("csv", "agb;maand;ingeschreven_patienten;verwijzingen_basis_ggz;verwijzingen_specialistische_ggz\n01234567;2025-13;100;2;1\n")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Regel 2") && bad.text.contains("Niets geïmporteerd"))
            #expect(try await app.repositories.dashboard.baseline(organisationID: nil, from: YearMonth(year: 2020, month: 1)!, to: YearMonth(year: 2030, month: 1)!).isEmpty)
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            #expect(try await poh.get("/monitor/nulmeting").status == .notFound)
        }
    }
}
