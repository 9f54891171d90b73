import Domain
import Foundation
@testable import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Every indicator of the catalogue against a value computed by hand, through the stored summary, the
/// SQL that reads it and the JSON export — on SQLite and PostgreSQL. The fixture's contributions are
/// written straight into the summary (how a record becomes contributions is `ContributionTests`), over
/// August–November 2026 with **no data in September**, a contribution in **July** for every measure that
/// would change the figure if the period were not respected, and items whose window has **not closed**
/// yet (undecided: left out) and **open** cases (counted as still waiting). Today is 18 November 2026.
@Suite struct MonitorFixtureTests {
    static func day(_ m: Int, _ d: Int, _ y: Int = 2026) -> Int { DayNumber.of(year: y, month: m, day: d) }
    static let today = day(11, 18)

    struct Builder {
        let f: Fixture
        var rows: [MonitorContribution] = []
        mutating func add(_ m: Measure, _ month: Int, _ values: [Int], route: CareRoute? = nil, year: Int = 2026) {
            for v in values {
                rows.append(MonitorContribution(m, YearMonth(year: year, month: month)!, wijkID: f.wijkA.id, organisations: [f.praktijkA.id, f.ggz.id],
                                                route: route, value: v))
            }
        }
    }

    static func contributions(_ f: Fixture) -> [MonitorContribution] {
        var b = Builder(f: f)
        let t = today
        // wachttijd-vg: 2,4,6,8,10 | 12,20,30,40,50 → median (10+12)/2 = 11; P80 = 30 + 0.2·10 = 32; P90 = 40 + 0.1·10 = 41;
        // within 7 days 3/10, within 28 days 7/10. July's 1000 days must not count.
        b.add(.vgWait, 8, [2, 4, 6, 8, 10]); b.add(.vgWait, 10, [12, 20, 30, 40, 50]); b.add(.vgWait, 7, [1000])
        // wachtend-nu: 6 complete since 8 Nov, 6 since 9 Oct → 12 waiting, 6 longer than 28 days.
        b.add(.vgWaiting, 11, Array(repeating: t - 10, count: 6)); b.add(.vgWaiting, 10, Array(repeating: t - 40, count: 6))
        b.add(.vgWaiting, 7, [t - 130])
        // eerste-contact: contact after 10 days (4×) and 20 days (3×), 2 ended without contact after 15 days, one still
        // open since 30 days ago. KM: S(10) = 6/10, at 20 four at risk, S(20) = 0.6 · 1/4 = 0.15 → median 20; within 98 days 85%.
        b.add(.contactEvent, 8, [10, 10, 10, 10, 20, 20, 20]); b.add(.contactCensored, 8, [15, 15]); b.add(.contactOpen, 10, [t - 30])
        b.add(.contactEvent, 7, [500])
        // rapportcijfer-vg: 6,7,8,8,9 | 9,9,10,10,10 → mean 8.6; 8 of 10 at least 8.
        b.add(.feedbackRating, 8, [6, 7, 8, 8, 9]); b.add(.feedbackRating, 10, [9, 9, 10, 10, 10]); b.add(.feedbackRating, 7, [1])
        // respons-feedback: 6 answered of 12 invitations → 50%.
        b.add(.feedbackInvited, 8, [1, 1, 1, 0, 0, 0]); b.add(.feedbackInvited, 10, [1, 1, 1, 0, 0, 0]); b.add(.feedbackInvited, 7, [0, 0])
        // The four conversation items: relatie 5…9 | 6…10 → 7.5; doelen all 8 → 8; aanpak 0/10 alternating → 5; algemeen all 7 → 7.
        b.add(.feedbackRelationship, 8, [5, 6, 7, 8, 9]); b.add(.feedbackRelationship, 10, [6, 7, 8, 9, 10])
        b.add(.feedbackGoals, 8, Array(repeating: 8, count: 5)); b.add(.feedbackGoals, 10, Array(repeating: 8, count: 5))
        b.add(.feedbackApproach, 8, [0, 10, 0, 10, 0]); b.add(.feedbackApproach, 10, [10, 0, 10, 0, 10])
        b.add(.feedbackOverall, 10, Array(repeating: 7, count: 10)); b.add(.feedbackOverall, 7, [0])
        // hulpvraag-beantwoord: ja 5, deels 3, nee 2 → 50% ja.
        b.add(.followUpAnswered, 8, [0, 0, 0, 1, 1]); b.add(.followUpAnswered, 10, [0, 0, 1, 2, 2]); b.add(.followUpAnswered, 7, [2, 2])
        // plan-en-advies-op-tijd: 10 decided (deadlines 10 Aug, 20 Oct), 7 met; 2 whose deadline is tomorrow are undecided.
        b.add(.planInTimeDue, 8, Array(repeating: day(8, 10), count: 5)); b.add(.planInTimeMet, 8, Array(repeating: day(8, 10), count: 4))
        b.add(.planInTimeDue, 10, Array(repeating: day(10, 20), count: 5)); b.add(.planInTimeMet, 10, Array(repeating: day(10, 20), count: 3))
        b.add(.planInTimeDue, 11, [t + 1, t + 1]); b.add(.planInTimeMet, 11, [t + 1])
        // buiten-ggz: 5 of 10 plans outside GGZ (zelfhulp 3, sociaal domein 2; basis GGZ 5) → 50%; routemix: the same 50% as its
        // headline; in its table basis GGZ 5 (50%), while zelfhulp 3 and sociaal domein 2 show as "<5" without a share.
        b.add(.planOutsideGGZ, 8, [1, 1, 1], route: .zelfhulp); b.add(.planOutsideGGZ, 10, [1, 1], route: .sociaalDomein)
        b.add(.planOutsideGGZ, 10, [0, 0, 0, 0, 0], route: .basisGGZ); b.add(.planOutsideGGZ, 7, [0, 0, 0], route: .basisGGZ)
        // verwijzingen-ggz: MGN referrals basis (Aug) and specialised (Aug, Oct); with the baseline below 12 per 6,000 → 2.0 per 1,000;
        // specialised only 5 per 6,000 → 0.8333 per 1,000.
        b.add(.ggzReferral, 8, [0, 1], route: .basisGGZ); b.add(.ggzReferral, 10, [1], route: .specialistischeGGZ)
        // heraanmelding-90: 10 decided windows (closed 3 Nov), 2 came back → 20%; 3 windows still open (1 came back) are undecided.
        b.add(.reRegistration90Due, 8, Array(repeating: day(11, 3), count: 10)); b.add(.reRegistration90Hit, 8, [day(11, 3), day(11, 3)])
        b.add(.reRegistration90Due, 10, Array(repeating: day(1, 8, 2027), count: 3)); b.add(.reRegistration90Hit, 10, [day(1, 8, 2027)])
        // heraanmelding-365: every window still open → nothing decided, no figure.
        b.add(.reRegistration365Due, 8, Array(repeating: day(8, 5, 2027), count: 10)); b.add(.reRegistration365Hit, 8, [day(8, 5, 2027)])
        // interne-verwijzingen: 10 GGZ starts whose 90 days closed, 3 internal referrals → 30 per 100; 2 starts still in their window.
        b.add(.ggzStartDue, 8, Array(repeating: day(11, 1), count: 10)); b.add(.internalReferralHit, 8, Array(repeating: day(11, 1), count: 3))
        b.add(.ggzStartDue, 10, [day(1, 20, 2027), day(1, 20, 2027)])
        // terug-zonder-behandeling: 10 decided, 1 returned → 10%.
        b.add(.returnDue, 8, Array(repeating: day(9, 5), count: 10)); b.add(.returnHit, 8, [day(9, 5)])
        // meerdere-domeinen: 1,2,3,1,1 | 2,2,4,1,1 → 5 of 10 in two or more domains → 50%.
        b.add(.planDomains, 8, [1, 2, 3, 1, 1]); b.add(.planDomains, 10, [2, 2, 4, 1, 1]); b.add(.planDomains, 7, [4, 4])
        // compleet-duo 7/10 → 70%; ervaringsdeskundige 3/10 → 30%.
        b.add(.vgCompleteDuo, 8, [1, 1, 1, 1, 0]); b.add(.vgCompleteDuo, 10, [1, 1, 1, 0, 0])
        b.add(.vgPeerExpert, 8, [1, 0, 0, 0, 0]); b.add(.vgPeerExpert, 10, [1, 1, 0, 0, 0])
        // reactietijd-overdracht: 0,1,1,2,3 | 3,4,5,6,9 working days → median (3+3)/2 = 3.
        b.add(.handoverAnswer, 8, [0, 1, 1, 2, 3]); b.add(.handoverAnswer, 10, [3, 4, 5, 6, 9]); b.add(.handoverAnswer, 7, [40])
        // overdracht-open: 10 without an answer, 5 of them for more than 7 days.
        b.add(.handoverOpen, 11, Array(repeating: t - 3, count: 5) + Array(repeating: t - 10, count: 5))
        // volledigheid: 10 decided, 9 complete → 90%; 2 still within their 14 days.
        b.add(.completeDue, 8, Array(repeating: day(8, 20), count: 10)); b.add(.completeHit, 8, Array(repeating: day(8, 20), count: 9))
        b.add(.completeDue, 11, [t + 5, t + 5])
        return b.rows
    }

    /// The hand-computed headline per indicator (nil: no figure).
    static let expected: [String: Double?] = [
        "wachttijd-vg": 11, "wachtend-nu": 12, "eerste-contact": 20, "rapportcijfer-vg": 8.6, "respons-feedback": 50,
        "gesprek-relatie": 7.5, "gesprek-doelen": 8, "gesprek-aanpak": 5, "gesprek-algemeen": 7, "hulpvraag-beantwoord": 50,
        "plan-en-advies-op-tijd": 70, "buiten-ggz": 50, "verwijzingen-ggz": 2.0, "verwijzingen-sggz": 5.0 / 6,
        "heraanmelding-90": 20, "heraanmelding-365": nil, "interne-verwijzingen": 30, "terug-zonder-behandeling": 10,
        "routemix": 50, "meerdere-domeinen": 50, "compleet-duo": 70, "ervaringsdeskundige": 30, "reactietijd-overdracht": 3,
        "overdracht-open": 10, "volledigheid": 90,
    ]

    @Test func everyIndicatorReproducesItsHandComputedValue() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_795_000_000))  // 18 November 2026, 11:06 UTC
        try await withTestApp(clock: clock) { app, f in
            #expect(DayNumber.of(clock.now, calendar: WorkingDays().calendar) == Self.today)
            let contributions = Self.contributions(f)
            try await MonitorMaintenance.apply(SummaryDelta.total(contributions), on: app.db as! any SQLDatabase)
            // The practice's baseline: 2,000 patients in Aug, Oct, Nov (none in Sep): Aug 3+2, Oct 2+1, Nov 1+0 referrals.
            let practiceMonths = [(8, 3, 2), (10, 2, 1), (11, 1, 0)].map { m, basic, spec in
                BaselineMonth(organisationID: f.praktijkA.id, month: YearMonth(year: 2026, month: m)!, registeredPatients: 2000,
                              referralsBasic: basic, referralsSpecialised: spec, line: 0)
            }
            try await app.repositories.dashboard.importBaseline(practiceMonths, by: f.coordinator.id, at: clock.now, audit: AuditEvent(
                at: clock.now, userID: f.coordinator.id, organisationID: f.netwerkbureau.id, role: .regiocoordinator, action: .create,
                objectType: "baseline", objectID: nil, sourceAddress: "test", basis: .administration))

            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let res = try await coordinator.get("/monitor/overzicht.json?van=2026-08&tot=2026-11")
            #expect(res.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as! [String: Any]
            let indicators = Dictionary(uniqueKeysWithValues: (json["indicators"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
            #expect(Set(indicators.keys).isSuperset(of: Set(Self.expected.keys)))
            for (id, want) in Self.expected {
                let got = indicators[id]?["value"] as? Double
                if let want {
                    #expect(got.map { abs($0 - want) < 1e-9 } == true, "\(id): \(String(describing: got)) ≠ \(want)")
                } else {
                    #expect(got == nil, "\(id) should have no figure, has \(String(describing: got))")
                }
                // September had no data: no count, no value.
                let september = (indicators[id]?["months"] as? [[String: Any]])?.first { $0["month"] as? String == "2026-09" }
                let value = september?["value"]
                #expect(september?["n"] as? String == "0" && (value == nil || value is NSNull || value as? Double == 0), "\(id) September")
            }

            // The details of the same figures, as the indicator page shows them.
            let page = try await coordinator.get("/monitor/indicator/wachttijd-vg?van=2026-08&tot=2026-11")
            for text in ["32 dagen", "41 dagen", "30%", "70%"] { #expect(page.text.contains(text), "wachttijd-vg detail \(text)") }
            let waiting = try await coordinator.get("/monitor/indicator/wachtend-nu?van=2026-08&tot=2026-11")
            #expect(waiting.text.contains(">6<"), "six waiting longer than 28 days")
            let contact = try await coordinator.get("/monitor/indicator/eerste-contact?van=2026-08&tot=2026-11")
            #expect(contact.text.contains("85%"), "85% within 14 weeks")
            let rating = try await coordinator.get("/monitor/indicator/rapportcijfer-vg?van=2026-08&tot=2026-11")
            #expect(rating.text.contains("80%"), "8 of 10 rated at least 8")
            let routes = try await coordinator.get("/monitor/indicator/routemix?van=2026-08&tot=2026-11")
            #expect(routes.text.contains("50%") && routes.text.contains("&lt;5") && !routes.text.contains("30%") && !routes.text.contains("20%"),
                    "basis GGZ 5 of 10 shown; the counts 3 and 2 suppressed")
        }
    }
}
