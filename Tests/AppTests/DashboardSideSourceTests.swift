import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// The monitor's indicators over the staff pulse, the casuïstiektafel and the duos' free time: data stored
/// through the repositories, figures read from the pages and the exports, on SQLite and PostgreSQL.
@Suite struct DashboardSideSourceTests {
    static func audit(_ at: Date) -> AuditEvent {
        AuditEvent(at: at, userID: nil, organisationID: nil, role: nil, action: .create, objectType: "user", objectID: nil,
                   sourceAddress: "test", basis: .administration)
    }

    static func colleagues(_ app: Application, _ n: Int, of org: Organisation, _ role: Role, _ tag: String, at: Date) async throws -> [User] {
        var out: [User] = []
        for i in 0..<n {
            let u = User(organisationID: org.id, name: "\(tag) \(i)", email: "\(tag)\(i)@test.nl", roles: [role])
            try await app.repositories.users.create(u, passwordHash: "-", audit: audit(at))
            out.append(u)
        }
        return out
    }

    struct Overview: Decodable { var indicators: [Figure] }
    struct Figure: Decodable { var id: String; var n: String; var value: Double?; var suppressed: Bool; var months: [Month] }
    struct Month: Decodable { var month: String; var round: String?; var n: String; var value: Double?; var suppressed: Bool }

    static func json(_ b: TestBrowser, _ query: String = "") async throws -> [String: Figure] {
        let res = try await b.get("/monitor/overzicht.json" + query)
        let o = try JSONDecoder().decode(Overview.self, from: Data(res.text.utf8))
        return Dictionary(uniqueKeysWithValues: o.indicators.map { ($0.id, $0) })
    }

    /// Round K2: 10 answers of Praktijk A, 10 of GGZ Test, 3 of Wijkteam A; round K3: 4 of Praktijk A.
    /// The wijkteam's 3 are hidden and GGZ Test goes with them into the rest; K3 counts nowhere.
    @Test func thePulseShowsOnlyGroupsThePulsePageShows() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let pa = try await Self.colleagues(app, 10, of: f.praktijkA, .pohGGZ, "poha", at: clock.now)
            let gz = try await Self.colleagues(app, 10, of: f.ggz, .ggzBehandelaar, "ggz", at: clock.now)
            let wt = try await Self.colleagues(app, 3, of: f.wijkteam, .sociaalWerker, "wt", at: clock.now)
            let orgs = [f.praktijkA.id: f.praktijkA, f.ggz.id: f.ggz, f.wijkteam.id: f.wijkteam]
            func answer(_ round: PulseRound, _ u: User, _ a: PulseAnswer) async throws {
                try await app.repositories.pulse.submit(a, roundID: round.id,
                                                        by: Accessor(user: u, organisation: orgs[u.organisationID]!, sourceAddress: nil, at: round.opensAt.addingTimeInterval(3600)))
            }
            let calendar = WorkingDays().calendar
            let k2 = PulseCalendar().round(containing: calendar.date(from: DateComponents(year: 2026, month: 5, day: 15))!)
            let k3 = PulseCalendar().round(containing: calendar.date(from: DateComponents(year: 2026, month: 8, day: 15))!)
            for r in [k2, k3] { _ = try await app.repositories.pulse.ensureRound(r, now: r.opensAt, invite: false) }
            for (i, u) in pa.enumerated() {
                try await answer(k2, u, PulseAnswer(vitality: 4, dedication: 4, absorption: 4, recommend: i < 6 ? 9 : 7, rightPlace: 8,
                                                    partnerRatings: [f.ggz.id: 8], freeText: nil))
            }
            for u in gz {
                try await answer(k2, u, PulseAnswer(vitality: 3, dedication: 3, absorption: 3, recommend: 5, rightPlace: 6, partnerRatings: [f.praktijkA.id: 6], freeText: nil))
            }
            for u in wt {
                try await answer(k2, u, PulseAnswer(vitality: 6, dedication: 6, absorption: 6, recommend: 10, rightPlace: 10,
                                                    partnerRatings: [f.ggz.id: 7, f.praktijkB.id: 9], freeText: "Alleen voor de coördinator"))
            }
            for u in pa.prefix(4) {
                try await answer(k3, u, PulseAnswer(vitality: 0, dedication: 0, absorption: 0, recommend: 0, rightPlace: 1, partnerRatings: [:], freeText: nil))
            }

            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let page = try await coordinator.get("/monitor/indicator/puls-bevlogenheid").text
            // 23 answers of K2: (10·4 + 10·3 + 3·6) / 23 = 3.83 (t interval 3.40–4.25).
            #expect(page.contains(#"<span class="big">3,8</span> <span class="hint">(95%: 3,4 – 4,3)</span> · n = 23"#))
            #expect(page.contains(#"<th scope="row">2026 K2</th><td>23</td><td>3,8</td>"#))
            #expect(page.contains(#"<th scope="row">2026 K3</th><td>&lt;5</td><td>n&lt;10</td>"#), "four answers: too few for the round to count")
            #expect(page.contains(#"<tr class="depth-0"><th scope="row">De hele regio</th><td>23</td><td>3,8</td>"#))
            #expect(page.contains(#"<tr class="depth-2"><th scope="row">Praktijk A</th><td>10</td><td>4</td>"#))
            // Region − Praktijk A's type leaves 13: the wijkteam's 3 together with GGZ Test's 10, never the 3 alone.
            #expect(page.contains(#"<tr class="depth-1"><th scope="row">Overige soorten organisaties, samen</th><td>13</td><td>3,7</td>"#))
            #expect(!page.contains(#"<th scope="row">Wijkteam A</th>"#) && !page.contains(#"<th scope="row">GGZ Test</th>"#))
            #expect(!page.contains("Alleen voor de coördinator"), "free text stays on the pulse page")
            #expect(page.contains("Per ronde") && page.contains("de organisatie van wie antwoordde"))
            // In English the organisation line is English too.
            coordinator.cookies["mgn_lang"] = "en"
            let english = try await coordinator.get("/monitor/indicator/puls-bevlogenheid").text
            #expect(english.contains("Work engagement (staff pulse)") && english.contains("the organisation of whoever answered") && english.contains("Per round"))
            #expect(!english.contains("de organisatie van wie antwoordde"))
            coordinator.cookies["mgn_lang"] = nil

            let enps = try await coordinator.get("/monitor/indicator/puls-enps").text
            #expect(enps.contains(#"<span class="big">−4,3</span>"#))   // 9 promoters, 10 detractors of 23
            let partners = try await coordinator.get("/monitor/indicator/partner-waardering").text
            // 26 ratings; Praktijk B's 3 are hidden and Praktijk A's 10 (the smallest shown) go with them.
            #expect(partners.contains(#"<span class="big">7,2</span>"#))
            #expect(partners.contains(#"<th scope="row">GGZ Test</th><td>13</td><td>7,8</td>"#))
            #expect(partners.contains(#"<th scope="row">Overige partners, samen</th><td>13</td><td>6,7</td>"#))
            #expect(!partners.contains(#"<th scope="row">Praktijk B</th>"#) && !partners.contains(#"<th scope="row">Praktijk A</th>"#))

            let all = try await Self.json(coordinator)
            let engagement = try #require(all["puls-bevlogenheid"])
            #expect(engagement.n == "23" && abs((engagement.value ?? 0) - 88.0 / 23) < 1e-9 && !engagement.suppressed)
            #expect(engagement.months.map(\.round) == ["2026 K2", "2026 K3"] && engagement.months.map(\.month) == ["2026-04", "2026-07"])
            #expect(engagement.months[1].suppressed && engagement.months[1].value == nil && engagement.months[1].n == "<5")
            #expect(abs((all["puls-mgn-item"]?.value ?? 0) - 170.0 / 23) < 1e-9)
            let csv = try await coordinator.get("/monitor/indicator/puls-bevlogenheid/export.csv").text
            #expect(csv.contains("puls-bevlogenheid;2026-07;<5;;;;ja") && csv.contains("puls-bevlogenheid;totaal;23;3.8261;3.4005;4.2516;nee"))

            // A professional of GGZ Test: the region beside their own organisation, which was rolled up — not even a count.
            let behandelaar = TestBrowser(app)
            _ = try await behandelaar.login(f.behandelaar.email)
            let own = try await behandelaar.get("/monitor/indicator/puls-bevlogenheid").text
            #expect(own.contains(#"<span class="big">3,8</span>"#) && own.contains("GGZ Test: <strong>te weinig gegevens</strong>"))
            #expect(!own.contains("Praktijk A"), "another organisation's row is not for them")
            let ownCSV = try await behandelaar.get("/monitor/indicator/puls-bevlogenheid/export.csv?organisatie=\(f.ggz.id.uuidString)").text
            #expect(ownCSV.contains("puls-bevlogenheid;2026-04;—;;;;ja") && ownCSV.contains("puls-bevlogenheid;totaal;0;;;;ja"))
            let ownJSON = try #require(try await Self.json(behandelaar, "?organisatie=\(f.ggz.id.uuidString)")["puls-bevlogenheid"])
            #expect(ownJSON.suppressed && ownJSON.value == nil && ownJSON.months.allSatisfy { $0.suppressed && $0.value == nil })
            #expect(try await behandelaar.get("/monitor/indicator/partner-waardering").text.contains("GGZ Test: <strong>7,8</strong>"))

            // A POH of Praktijk A: their own 10 answers of K2 beside the region's 23 (K3's 4 stay out).
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            #expect(try await poh.get("/monitor/indicator/puls-bevlogenheid").text.contains("Praktijk A: <strong>4</strong>"))
            let overview = try await poh.get("/monitor").text
            #expect(overview.contains("Collega&#39;s tevreden") || overview.contains("Collega's tevreden"))
            #expect(overview.contains("Bevlogenheid (collegapuls)") && overview.contains("Waardering van de samenwerking met partners"))
        }
    }

    /// Twelve cases answered at a table (ten of Praktijk A, two of Praktijk B), one still waiting.
    @Test func caseTableFiguresFollowTheSubmittersOrganisation() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let start = clock.now
            let pohA = TestBrowser(app)
            let t = try await TableFixture.create(app, f, clock, submitter: pohA, durationMinutes: 240)
            let pohB = TestBrowser(app)
            _ = try await pohB.login(f.pohB.email)
            let clientB = try clientID(from: try await registerClient(pohB, name: "Karel de Tester", postcode: "1021 AB", consentTo: [f.praktijkB.id]))
            let chair = { (at: Date) in Accessor(user: f.sociaalWerker, organisation: f.wijkteam, sourceAddress: nil, at: at) }
            let asA = { (at: Date) in Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: at) }
            let asB = { (at: Date) in Accessor(user: f.pohB, organisation: f.praktijkB, sourceAddress: nil, at: at) }
            try await app.repositories.clients.recordConsent(Consent(clientID: t.client, purpose: .casuistiekOvername, organisationID: f.wijkteam.id,
                                                                     givenAt: start, recordedBy: f.pohA.id), by: asA(start))
            enum Outcome { case advice, takenOver, proposed, none }
            // Days to the answer: Praktijk A 1 2 2 3 4 4 6 8 10 12 (median 4), Praktijk B 9 11; together median 5.
            let plan: [(Bool, Int, Outcome)] = [(true, 1, .advice), (true, 2, .advice), (true, 2, .takenOver), (true, 3, .advice), (true, 4, .advice),
                                                (true, 4, .proposed), (true, 6, .advice), (true, 8, .takenOver), (true, 10, .advice), (true, 12, .advice),
                                                (false, 9, .advice), (false, 11, .advice), (true, 0, .none)]
            var ids: [(UUID, Date)] = []
            for (i, (a, _, _)) in plan.enumerated() {
                let at = start.addingTimeInterval(Double(i) * 60)
                let c = TableCase(tableID: t.table.id, submittedBy: a ? f.pohA.id : f.pohB.id, submitterOrganisationID: a ? f.praktijkA.id : f.praktijkB.id,
                                  submittedAt: at, ageBand: .from35, wijkID: nil, situation: "Meneer woont alleen en heeft schulden; hij slaapt slecht.",
                                  tried: "Budgetcoaching", question: "Wie neemt de regie?", urgency: .regulier)
                try await app.repositories.cases.submit(c, clientID: a ? t.client : clientB, by: a ? asA(at) : asB(at))
                ids.append((c.id, at))
            }
            for (id, _) in ids.dropLast() { try await app.repositories.cases.schedule(id, on: t.session.id, by: chair(start)) }
            try await app.repositories.cases.startSession(t.session.id, by: chair(start))
            for (i, (_, days, outcome)) in plan.enumerated() where outcome != .none {
                let (id, submitted) = ids[i]
                let at = submitted.addingTimeInterval(Double(days) * 86400 + 3600)
                if outcome == .advice {
                    try await app.repositories.cases.recordOutcome(.advice("Eerst schuldhulp via het wijkteam."), caseID: id, by: chair(at))
                } else {
                    try await app.repositories.cases.recordOutcome(.takeover(organisationID: f.wijkteam.id, text: "Het wijkteam neemt over."), caseID: id, by: chair(at))
                    if outcome == .takenOver {
                        try await app.repositories.cases.confirmTakeover(id, route: .sociaalDomein, request: "Graag kennismaken.", by: asA(at.addingTimeInterval(3600)))
                    }
                }
            }
            clock.advance(14 * 86400)

            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let days = try await coordinator.get("/monitor/indicator/casus-advies-dagen").text
            #expect(days.contains(#"<span class="big">5 dagen</span>"#) && days.contains("n = 12"))
            #expect(days.contains(#"<th scope="row">Testtafel</th><td>12</td><td>5 dagen</td>"#))
            #expect(days.contains("<dt>Nu wachtend op de tafel</dt><dd>—</dd>"), "one waiting: a count under 5")
            #expect(days.contains("<dt>Binnen 14 dagen</dt><dd>100%"))
            // Settled: 9 advice and 2 confirmed take-overs; the open proposal is neither. 2 of 11.
            let takenOver = try await coordinator.get("/monitor/indicator/casus-overgenomen").text
            #expect(takenOver.contains(#"<span class="big">18,2%</span>"#) && takenOver.contains("n = 11"))
            let all = try await Self.json(coordinator)
            #expect(all["casus-advies-dagen"]?.value == 5 && all["casus-overgenomen"]?.n == "11")

            // Praktijk A beside the region: its median of 4 days; its 9 settled outcomes are too few for a share.
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            #expect(try await poh.get("/monitor/indicator/casus-advies-dagen").text.contains("Praktijk A: <strong>4 dagen</strong>"))
            #expect(try await poh.get("/monitor/indicator/casus-overgenomen").text.contains("Praktijk A: <strong>te weinig gegevens</strong>"))
            let csv = try await poh.get("/monitor/indicator/casus-overgenomen/export.csv?organisatie=\(f.praktijkA.id.uuidString)").text
            #expect(csv.contains("casus-overgenomen;totaal;9;;;;ja"))
            let other = TestBrowser(app)
            _ = try await other.login(f.pohB.email)
            let b = try #require(try await Self.json(other, "?organisatie=\(f.praktijkB.id.uuidString)")["casus-advies-dagen"])
            #expect(b.n == "<5" && b.suppressed && b.value == nil)
        }
    }

    /// The GGZ side of a duo is a POH-GGZ: Praktijk A's serves wijk A, Praktijk B's wijk B; Wijkteam A serves wijk A, a new team wijk B.
    @Test func theCurrentWaitPerWijkUsesThePlanningsFreeSlots() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let now = clock.now
            let teamB = Organisation(regionID: f.region.id, name: "Wijkteam B", type: .sociaalWijkteam, wijkIDs: [f.wijkB.id])
            try await app.repositories.organisations.save(teamB, audit: Self.audit(now))
            let swB = try await Self.colleagues(app, 1, of: teamB, .sociaalWerker, "swb", at: now)[0]
            func window(_ u: User, days: Double) async throws {
                let s = now.addingTimeInterval(days * 86400)
                try await app.repositories.planning.addWindow(AvailabilityWindow(userID: u.id, start: s, end: s.addingTimeInterval(3 * 3600)))
            }
            try await window(f.pohA, days: 1); try await window(f.sociaalWerker, days: 1)   // wijk A: three slots tomorrow
            try await window(f.pohB, days: 3); try await window(swB, days: 3)               // wijk B: three slots in 3 days

            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let page = try await coordinator.get("/monitor/indicator/wachttijd-vg-wijk").text
            #expect(page.contains(#"<span class="big">2 dagen</span>"#), "the median of 1 and 3 days")
            #expect(page.contains(#"<th scope="row">Wijk A</th><td>1 dag</td>"#) && page.contains(#"<th scope="row">Wijk B</th><td>3 dagen</td>"#))
            #expect(page.contains("Dit cijfer gaat over nu") && !page.contains("<svg"))
            let wijkA = try await coordinator.get("/monitor/indicator/wachttijd-vg-wijk?wijk=\(f.wijkA.id.uuidString)").text
            #expect(wijkA.contains(#"<span class="big">1 dag</span>"#) && !wijkA.contains(#"<th scope="row">Wijk B</th>"#))
            let all = try await Self.json(coordinator)
            #expect(all["wachttijd-vg-wijk"]?.value == 2 && all["wachttijd-vg-wijk"]?.months.isEmpty == true)

            // Wijkteam A's social worker: their own figure is over the wijk Wijkteam A serves, with duos that include one of them.
            let sw = TestBrowser(app)
            _ = try await sw.login(f.sociaalWerker.email)
            let own = try await sw.get("/monitor/indicator/wachttijd-vg-wijk").text
            #expect(own.contains(#"<span class="big">2 dagen</span>"#) && own.contains("Wijkteam A: <strong>1 dag</strong>"))
            #expect(own.contains(#"<th scope="row">Wijk B</th><td>3 dagen</td>"#), "the per-wijk table is the region's")
            // GGZ Test serves both wijken but has no one in a duo: no known wait anywhere.
            let behandelaar = TestBrowser(app)
            _ = try await behandelaar.login(f.behandelaar.email)
            #expect(try await behandelaar.get("/monitor/indicator/wachttijd-vg-wijk").text.contains("GGZ Test: <strong>—</strong>"))
        }
    }
}
