import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The printable quarterly report (`/monitor/kwartaalrapport`). The test clock stands on 18 November
/// 2026, so the report shows 2026-K3 (July–September) unless told otherwise.
@Suite struct DashboardReportTests {
    /// `n` contributions with `value` in the region's summary (all wijken, organisations and routes) in `month`.
    func summary(_ app: Application, _ measure: Measure, _ month: String, value: Int, n: Int) async throws {
        try await (app.db as! any SQLDatabase).insert(into: "monitor_summary")
            .columns("measure", "wijk", "organisation", "route", "month", "value", "n")
            .values(SQLBind(measure.rawValue), SQLBind(""), SQLBind(""), SQLBind(""), SQLBind(month), SQLBind(value), SQLBind(n)).run()
    }

    /// The part of the report about one indicator.
    func article(_ page: String, _ id: String) -> String {
        guard let start = page.range(of: #"<h3 id="\#(id)-title">"#),
              let end = page.range(of: "</article>", range: start.upperBound..<page.endIndex) else { return "" }
        return String(page[start.lowerBound..<end.lowerBound])
    }

    func audit() -> AuditEvent {
        AuditEvent(at: Date(timeIntervalSince1970: 1_795_000_000), userID: nil, organisationID: nil, role: nil, action: .create,
                   objectType: "test", objectID: nil, sourceAddress: "test", basis: .administration)
    }

    @Test func theCoordinatorsReportHasEveryGoalAndChartAndCountsOnlyTheQuartersMonths() async throws {
        try await withTestApp { app, f in
            try await summary(app, .vgWait, "2026-09", value: 3, n: 12)   // the quarter's last month
            try await summary(app, .vgWait, "2026-10", value: 40, n: 20)  // the month after: not in the quarter
            try await summary(app, .vgWait, "2026-06", value: 5, n: 11)   // only in the twelve months of the trend
            try await summary(app, .vgWait, "2025-08", value: 7, n: 15)   // the same quarter a year earlier
            // Referral rate: September 20 per 1,000 patients; October, outside the quarter, 400.
            try await app.repositories.dashboard.importBaseline([
                BaselineMonth(organisationID: f.praktijkA.id, month: YearMonth(year: 2026, month: 9)!, registeredPatients: 1000,
                              referralsBasic: 20, referralsSpecialised: 0, line: 2),
                BaselineMonth(organisationID: f.praktijkA.id, month: YearMonth(year: 2026, month: 10)!, registeredPatients: 1000,
                              referralsBasic: 400, referralsSpecialised: 0, line: 3),
            ], by: f.coordinator.id, at: Date(timeIntervalSince1970: 1_795_000_000), audit: audit())

            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            #expect(try await coordinator.get("/monitor").text.contains("/monitor/kwartaalrapport"))
            let res = try await coordinator.get("/monitor/kwartaalrapport")
            #expect(res.status == .ok)
            let page = res.text
            #expect(page.contains("<h1>Kwartaalrapportage Mentaal Gezondheidsnetwerk — Testregio — K3 2026</h1>"))
            #expect(page.contains("juli 2026 – september 2026") && page.contains("Hoe lees je dit") && !page.contains("voorlopig"))
            for goal in NetworkGoal.allCases { #expect(page.contains(#"<h2 id="doel-\#(goal.rawValue)-title">"#), "\(goal)") }
            for name in ["Snel geholpen", "Hulpvraag beantwoord", "Minder onnodige ggz-instroom", "Gecombineerd aanbod", "Ketensamenwerking"] {
                #expect(page.contains(name))
            }
            // One chart per indicator, each named by a title and described.
            #expect(page.components(separatedBy: "<svg").count - 1 == IndicatorCatalogue.all.count)
            for ind in IndicatorCatalogue.all {
                #expect(page.contains(#"<title id="report-\#(ind.id)-title">"#) && page.contains(#"<desc id="report-\#(ind.id)-desc">"#), "\(ind.id)")
            }

            let wait = article(page, "wachttijd-vg")
            #expect(wait.contains(#"<th scope="row">K3 2026</th><td>3 dagen</td><td></td><td>12</td>"#), "only September counts, not October")
            #expect(wait.contains(#"<th scope="row">K3 2025</th><td>7 dagen</td><td></td><td>15</td>"#))
            #expect(wait.contains(#"<th scope="row">sep 26</th><td>12</td><td>3</td>"#) && !wait.contains("okt 26"))
            #expect(wait.contains("okt 25") && wait.contains("↓ dalend (beter)"))
            #expect(wait.contains("Treeknorm aanmelding"))
            let referrals = article(page, "verwijzingen-ggz")
            #expect(referrals.contains(#"<td>20 per 1.000</td>"#) && referrals.contains("<td>1000</td>") && !referrals.contains("210 per"))

            // Another quarter, spelled in English.
            let q2 = try await coordinator.get("/monitor/kwartaalrapport?kwartaal=2026-q2")
            #expect(q2.text.contains("— K2 2026</h1>") && article(q2.text, "wachttijd-vg").contains(#"<th scope="row">K2 2026</th><td>5 dagen</td>"#))
        }
    }

    @Test func aBadQuarterIsExplainedInDutchAndTheLastEndedOneShown() async throws {
        try await withTestApp { app, f in
            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let bad = try await coordinator.get("/monitor/kwartaalrapport?kwartaal=2026-K5")
            #expect(bad.status == .ok && bad.text.contains("schrijf een kwartaal als jjjj-Kn") && bad.text.contains("— K3 2026</h1>"))
            let future = try await coordinator.get("/monitor/kwartaalrapport?kwartaal=2027-K1")
            #expect(future.text.contains("nog niet begonnen") && future.text.contains("— K3 2026</h1>"))
            let running = try await coordinator.get("/monitor/kwartaalrapport?kwartaal=2026-K4")
            #expect(running.text.contains("— K4 2026</h1>") && running.text.contains("de cijfers zijn voorlopig"))
            #expect(try await coordinator.get("/monitor/kwartaalrapport?wijk=geen-wijk").text.contains("Onbekende wijk."))
        }
    }

    /// A POH of a practice not involved with the only client: the region beside their own practice, no person, no other organisation.
    @Test func aProfessionalSeesTheirOwnColumnAndNoPerson() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            _ = try await clientWithHeldConversation(app, f, clock, poh)

            let other = TestBrowser(app)
            _ = try await other.login(f.pohB.email)
            let res = try await other.get("/monitor/kwartaalrapport?kwartaal=2026-K4")
            #expect(res.status == .ok)
            let page = res.text
            #expect(page.contains(#"<th scope="col">Uw organisatie</th>"#) && page.contains("de regio, met Praktijk B ernaast"))
            #expect(!page.contains("Jan Modaal") && !page.contains("Praktijk A"))
            #expect(page.contains("Regio per maand: jan 26:") && page.contains("Praktijk B per maand: jan 26:"), "both lines told in words in the chart's description")
            // One conversation in the region: its count shows as "<5" and its wait is not shown, nor the month's.
            let wait = article(page, "wachttijd-vg")
            #expect(wait.contains(#"<th scope="row">K4 2026</th><td>te weinig gegevens</td><td></td><td>&lt;5</td><td>te weinig gegevens</td>"#))
            #expect(wait.contains(#"<th scope="row">nov 26</th><td>&lt;5</td><td>n&lt;10</td>"#))
            #expect(try await other.get("/monitor/kwartaalrapport?organisatie=\(f.praktijkA.id.uuidString)").text
                .contains("alleen de cijfers van uw eigen organisatie"))
        }
    }

    @Test func someoneWithoutAFiguresOrCareRoleIsRefused() async throws {
        try await withTestApp { app, f in
            let admin = User(organisationID: f.praktijkA.id, name: "Fien Beheer", email: "beheer@praktijk-a.nl", roles: [.functioneelBeheerder])
            try await app.repositories.users.create(admin, passwordHash: try await app.password.async.hash(Fixture.password), audit: audit())
            let b = TestBrowser(app)
            _ = try await b.login(admin.email)
            #expect(try await b.get("/monitor").status == .notFound)
            #expect(try await b.get("/monitor/kwartaalrapport").status == .notFound)
            let anonymous = try await TestBrowser(app).get("/monitor/kwartaalrapport")
            #expect(anonymous.status != .ok && anonymous.location?.hasPrefix("/inloggen") == true)
        }
    }
}
