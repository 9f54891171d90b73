import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

/// A table with the wijkteam's social worker as chair, the GGZ's behandelaar and practice B's POH as
/// members; practice A's POH brings a case about a client of theirs.
struct TableFixture {
    var table: CaseTable
    var session: TableSession
    var client: UUID

    static func create(_ app: Application, _ f: Fixture, _ clock: TestClock, submitter: TestBrowser, durationMinutes: Int = 60) async throws -> TableFixture {
        let table = CaseTable(regionID: f.region.id, name: "Testtafel", theme: "Alles wat vastloopt", chairUserID: f.sociaalWerker.id,
                              memberOrganisationIDs: [f.wijkteam.id, f.ggz.id, f.praktijkB.id],
                              memberUserIDs: [f.sociaalWerker.id, f.behandelaar.id, f.pohB.id],
                              defaultMeetingLink: "https://meet.example.nl/tafel", createdAt: clock.now)
        let coordinator = Accessor(user: f.coordinator, organisation: f.netwerkbureau, sourceAddress: "test", at: clock.now)
        try await app.repositories.cases.saveTable(table, by: coordinator)
        let session = TableSession(tableID: table.id, startsAt: clock.now.addingTimeInterval(7 * 86400), durationMinutes: durationMinutes,
                                   meetingLink: table.defaultMeetingLink)
        try await app.repositories.cases.planSession(session, by: coordinator)
        _ = try await submitter.login(f.pohA.email)
        let client = try clientID(from: try await registerClient(submitter, name: "Jan van der Modaal", bsn: "123456782", consentTo: [f.praktijkA.id]))
        return TableFixture(table: table, session: session, client: client)
    }
}

func submitCase(_ b: TestBrowser, client: UUID, table: UUID, situation: String = "Meneer woont alleen en heeft schulden; hij slaapt slecht.",
                question: String = "Wie neemt de regie?") async throws -> TestingHTTPResponse {
    try await b.get("/clienten/\(client)/casuistiek")
    return try await b.post("/clienten/\(client)/casuistiek", [("table", table.uuidString.lowercased()), ("urgency", "hoog"), ("wijk", ""),
                                                              ("situation", situation), ("tried", "Budgetcoaching"), ("question", question)])
}

func caseID(from res: TestingHTTPResponse) throws -> UUID {
    let loc = try #require(res.location)
    return try #require(UUID(uuidString: String(loc.split(separator: "/")[2].split(separator: "?")[0])))
}

@Suite struct CaseTableTests {
    @Test func aMemberNeverSeesTheClientBeforeAConsentedTakeover() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let t = try await TableFixture.create(app, f, clock, submitter: poh)
            let res = try await submitCase(poh, client: t.client, table: t.table.id)
            #expect(res.status == .seeOther)
            let id = try caseID(from: res)
            let submitterPage = try await poh.get("/casuistiek/casus/\(id)").text
            #expect(submitterPage.contains("Jan van der Modaal"), "the submitter sees who it is about")

            let member = TestBrowser(app)
            _ = try await member.login(f.behandelaar.email)
            func seesNoIdentity(_ path: String) async throws {
                let page = try await member.get(path)
                #expect(!page.text.contains("Modaal") && !page.text.contains("123456782") && !page.text.contains(t.client.uuidString.lowercased()), "\(path)")
            }
            let casePage = try await member.get("/casuistiek/casus/\(id)")
            #expect(casePage.status == .ok && casePage.text.contains("Meneer woont alleen"))
            try await seesNoIdentity("/casuistiek/casus/\(id)")
            try await seesNoIdentity("/casuistiek/tafels/\(t.table.id)")
            #expect(try await member.get("/clienten/\(t.client)").status == .notFound)

            let chair = TestBrowser(app)
            _ = try await chair.login(f.sociaalWerker.email)
            try await chair.get("/casuistiek/zittingen/\(t.session.id)")
            #expect(try await chair.post("/casuistiek/zittingen/\(t.session.id)/agenda", [("action", "add"), ("case", id.uuidString)]).status == .seeOther)
            _ = try await chair.post("/casuistiek/zittingen/\(t.session.id)/regie", [("action", "start")])
            try await chair.get("/casuistiek/zittingen/\(t.session.id)")
            let outcome = try await chair.post("/casuistiek/zittingen/\(t.session.id)/uitkomst",
                                               [("case", id.uuidString), ("kind", "takeover"), ("organisation", f.ggz.id.uuidString),
                                                ("text", "GGZ Test neemt over voor kortdurende behandeling.")])
            #expect(outcome.status == .seeOther)
            try await seesNoIdentity("/casuistiek/casus/\(id)")
            try await seesNoIdentity("/casuistiek/zittingen/\(t.session.id)")
            try await seesNoIdentity("/casuistiek/zittingen/\(t.session.id)/actueel")
            try await seesNoIdentity("/casuistiek/zittingen/\(t.session.id)/notulen")
            try await seesNoIdentity("/overdrachten")

            // Without the client's consent for that organisation, the take-over is refused and nothing is sent.
            try await poh.get("/casuistiek/casus/\(id)")
            let refused = try await poh.post("/casuistiek/casus/\(id)/overname", [("action", "confirm"), ("route", "basis_ggz"), ("request", "Graag intake")])
            #expect(refused.status == .conflict && refused.text.contains("geen toestemming"))
            #expect(try await count(app, "handovers") == 0)
            try await seesNoIdentity("/overdrachten")

            try await poh.get("/clienten/\(t.client)")
            _ = try await poh.post("/clienten/\(t.client)/toestemming", [("purpose", "casuistiek_overname"), ("organisation", f.ggz.id.uuidString)])
            try await poh.get("/casuistiek/casus/\(id)")
            let confirmed = try await poh.post("/casuistiek/casus/\(id)/overname", [("action", "confirm"), ("route", "basis_ggz"), ("request", "Graag intake")])
            #expect(confirmed.status == .seeOther)
            #expect(try await count(app, "handovers") == 1)
            #expect(try await poh.get("/casuistiek/casus/\(id)").text.contains("Overgenomen"))

            // Now the receiving organisation meets the client, through the handover.
            let inbox = try await member.get("/overdrachten").text
            #expect(inbox.contains("Jan van der Modaal"))
            let handover = try #require(handoverIDs(inbox).first)
            _ = try await member.post("/overdrachten/\(handover)", [("action", "accept")])
            #expect(try await member.get("/clienten/\(t.client)").status == .ok)

            // The audit log: members' reads of the case are logged, without joining the case to the client.
            let entries = try await app.repositories.audit.recent(limit: 500)
            let memberReads = entries.filter { $0.userID == f.behandelaar.id && $0.objectType == "table_case" }
            #expect(!memberReads.isEmpty && memberReads.allSatisfy { $0.clientID == nil && $0.basis == .tableMembership })
            #expect(entries.contains { $0.userID == f.pohA.id && $0.clientID == t.client && $0.objectType == "table_case" && $0.action == .create })

            // A colleague of the submitter is not the submitter: the case does not exist for them.
            let colleague = TestBrowser(app)
            _ = try await colleague.login(f.adminA.email)
            #expect(try await colleague.get("/casuistiek/casus/\(id)").status == .notFound)
        }
    }

    @Test func theFormRefusesIdentifiersAndStoresNothing() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let t = try await TableFixture.create(app, f, clock, submitter: poh)
            for (text, word) in [("Jan slaapt slecht", "naam van de cliënt"), ("BSN 123456782", "BSN"), ("geboren 07-03-1985", "datum"),
                                 ("bel 06-12345678", "telefoonnummer"), ("mail jan@example.nl", "e-mailadres"), ("woont op 1011 AB", "adres")] {
                let res = try await submitCase(poh, client: t.client, table: t.table.id, situation: "Situatie: " + text)
                #expect(res.status == .unprocessableEntity, "\(text)")
                #expect(res.text.contains(word) && res.text.contains("Haal ze weg"), "\(text)")
            }
            let noTable = try await poh.post("/clienten/\(t.client)/casuistiek", [("table", ""), ("urgency", "regulier"), ("wijk", ""), ("situation", ""),
                                                                                  ("tried", ""), ("question", "")])
            #expect(noTable.status == .unprocessableEntity && noTable.text.contains("Vul dit veld in"))
            let cases = try await count(app, "ct_cases"), links = try await count(app, "ct_case_clients")
            #expect(cases == 0 && links == 0)

            // The repository checks again, whatever a client of the API or a buggy form sends.
            let accessor = Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: "test", at: clock.now)
            let c = TableCase(tableID: t.table.id, submittedBy: f.pohA.id, submitterOrganisationID: f.praktijkA.id, submittedAt: clock.now,
                              ageBand: .from35, wijkID: nil, situation: "Bel meneer Modaal op 0612345678", tried: "", question: "?", urgency: .regulier)
            await #expect(throws: ValidationErrors.self) { try await app.repositories.cases.submit(c, clientID: t.client, by: accessor) }
            #expect(try await count(app, "ct_cases") == 0)
        }
    }

    @Test func theAgendaTheSessionAndTheFigures() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let t = try await TableFixture.create(app, f, clock, submitter: poh, durationMinutes: 20)  // room for two
            var ids: [UUID] = []
            for _ in 0..<3 { ids.append(try caseID(from: try await submitCase(poh, client: t.client, table: t.table.id))) }
            let chair = TestBrowser(app), member = TestBrowser(app)
            _ = try await chair.login(f.sociaalWerker.email)
            _ = try await member.login(f.pohB.email)
            let s = t.session.id

            // Only the chair runs the agenda; a member may not, and the agenda has a limit.
            try await member.get("/casuistiek/zittingen/\(s)")
            #expect(try await member.post("/casuistiek/zittingen/\(s)/agenda", [("action", "add"), ("case", ids[0].uuidString)]).status == .notFound)
            try await chair.get("/casuistiek/zittingen/\(s)")
            for id in ids.prefix(2) { _ = try await chair.post("/casuistiek/zittingen/\(s)/agenda", [("action", "add"), ("case", id.uuidString)]) }
            let full = try await chair.post("/casuistiek/zittingen/\(s)/agenda", [("action", "add"), ("case", ids[2].uuidString)])
            #expect(full.status == .conflict && full.text.contains("vol"))
            _ = try await chair.post("/casuistiek/zittingen/\(s)/agenda", [("action", "down"), ("case", ids[0].uuidString)])
            let order = try await app.repositories.cases.session(s, by: Accessor(user: f.sociaalWerker, organisation: f.wijkteam, sourceAddress: nil, at: clock.now))
            #expect(order.agenda.map(\.id) == [ids[1], ids[0]])

            // Members write advice beforehand; an identifier in advice is refused too.
            try await member.get("/casuistiek/casus/\(ids[1])")
            #expect(try await member.post("/casuistiek/casus/\(ids[1])/advies", [("text", "Bel hem op 06-12345678")]).status == .unprocessableEntity)
            #expect(try await member.post("/casuistiek/casus/\(ids[1])/advies", [("text", "Schuldhulp eerst, dan de GGZ.")]).status == .seeOther)

            // No outcome before the session runs; then the live page tells that something changed.
            let before = try #require(try await app.repositories.cases.revision(of: s))
            let early = try await chair.post("/casuistiek/zittingen/\(s)/uitkomst", [("case", ids[1].uuidString), ("kind", "advice"), ("text", "Advies")])
            #expect(early.status == .conflict)
            _ = try await chair.post("/casuistiek/zittingen/\(s)/regie", [("action", "start")])
            clock.advance(2 * 86400)
            for (b, u) in [(chair, f.sociaalWerker), (member, f.pohB), (poh, f.pohA)] { _ = try await b.login(u.email) }  // sessions expired meanwhile
            try await chair.get("/casuistiek/zittingen/\(s)")
            #expect(try await chair.post("/casuistiek/zittingen/\(s)/uitkomst",
                                         [("case", ids[1].uuidString), ("kind", "advice"), ("text", "Eerst schuldhulp via het wijkteam.")]).status == .seeOther)
            let after = try #require(try await app.repositories.cases.revision(of: s))
            #expect(after > before)
            let fragment = try await member.get("/casuistiek/zittingen/\(s)/actueel")
            #expect(fragment.status == .ok && fragment.text.contains("Eerst schuldhulp") && !fragment.text.contains("<html"))
            let outsider = TestBrowser(app)
            _ = try await outsider.login(f.adminB.email)
            #expect(try await outsider.get("/casuistiek/zittingen/\(s)/live").status == .notFound)
            #expect(try await outsider.get("/casuistiek/zittingen/\(s)/actueel").status == .notFound)

            // Closing sends the undiscussed case back to waiting; the submitter withdraws another.
            _ = try await chair.post("/casuistiek/zittingen/\(s)/regie", [("action", "close")])
            let waiting = try await app.repositories.cases.caseDetail(ids[0], by: Accessor(user: f.sociaalWerker, organisation: f.wijkteam, sourceAddress: nil, at: clock.now))
            #expect(waiting.tableCase.status == .submitted && waiting.tableCase.sessionID == nil)
            try await poh.get("/casuistiek/casus/\(ids[2])")
            #expect(try await poh.post("/casuistiek/casus/\(ids[2])/intrekken", [("reason", "")]).status == .unprocessableEntity)
            #expect(try await poh.post("/casuistiek/casus/\(ids[2])/intrekken", [("reason", "Elders geholpen")]).status == .seeOther)

            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let overview = try await coordinator.get("/casuistiek").text
            #expect(overview.contains("Testtafel"))
            let figures = try await app.repositories.cases.figures(by: Accessor(user: f.coordinator, organisation: f.netwerkbureau, sourceAddress: nil, at: clock.now))
            let fig = try #require(figures.first?.figures)
            #expect(fig.submitted == 3 && fig.answered == 1 && fig.withdrawn == 1 && fig.open == 1 && fig.shareTakenOver == 0)
            #expect(abs((fig.medianDaysToAdvice ?? 0) - 2) < 0.01)
            // The coordinator sets tables up and sees figures, never the cases.
            #expect(try await coordinator.get("/casuistiek/casus/\(ids[0])").status == .notFound)
            #expect(try await coordinator.get("/casuistiek/zittingen/\(s)").status == .notFound)
        }
    }

    @Test func tablesAreSetUpByCoordinatorsWithClearErrors() async throws {
        try await withTestApp { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            #expect(try await poh.get("/casuistiek/tafels/nieuw").status == .notFound)

            let c = TestBrowser(app)
            _ = try await c.login(f.coordinator.email)
            try await c.get("/casuistiek/tafels/nieuw")
            let bad = try await c.post("/casuistiek/tafels/nieuw", [("name", ""), ("theme", ""), ("meeting_link", "http://niet-veilig.nl"),
                                                                    ("members[]", f.pohA.id.uuidString), ("active", "1")])
            #expect(bad.status == .unprocessableEntity)
            for message in ["Vul dit veld in", "https://", "minstens één deelnemende organisatie", "Kies een voorzitter"] {
                #expect(bad.text.contains(message), "\(message)")
            }
            #expect(try await count(app, "ct_tables") == 0)
            let good = try await c.post("/casuistiek/tafels/nieuw", [("name", "Wijktafel A"), ("theme", "Wijk A"), ("meeting_link", "https://meet.example.nl/a"),
                                                                     ("organisations[]", f.praktijkA.id.uuidString), ("organisations[]", f.wijkteam.id.uuidString),
                                                                     ("members[]", f.pohA.id.uuidString), ("chair", f.sociaalWerker.id.uuidString), ("active", "1")])
            #expect(good.status == .seeOther, "\(good.text.components(separatedBy: "class=\"error\"").dropFirst().map { $0.prefix(80) })")
            let page = try await c.get(try #require(good.location)).text
            #expect(page.contains("Wijktafel A") && page.contains(f.sociaalWerker.name) && page.contains(f.pohA.name))
            // A session in the past or with a bad link is refused with reasons.
            let tableID = try #require(good.location?.split(separator: "/")[2].split(separator: "?").first).description
            let sw = TestBrowser(app)
            _ = try await sw.login(f.sociaalWerker.email)
            try await sw.get("/casuistiek/tafels/\(tableID)")
            let badSession = try await sw.post("/casuistiek/tafels/\(tableID)/zitting", [("date", "01-01-2020"), ("time", "16:00"), ("duration", "5"),
                                                                                         ("meeting_link", "ftp://x")])
            #expect(badSession.status == .unprocessableEntity && badSession.text.contains("verleden") && badSession.text.contains("15 tot 240"))
            #expect(try await count(app, "ct_sessions") == 0)
        }
    }
}
