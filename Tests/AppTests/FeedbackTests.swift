import Domain
import Foundation
import MGNApp
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Records every mail instead of sending it; fails the addresses it is told to.
final class RecordingTransport: MailTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _sent: [OutgoingMail] = []
    var failures: [String: MailDeliveryError] = [:]
    var sent: [OutgoingMail] { lock.withLock { _sent } }
    func send(_ mail: OutgoingMail) async throws {
        if let f = lock.withLock({ failures[mail.to] }) { throw f }
        lock.withLock { _sent.append(mail) }
    }
}

func invitationToken(_ app: Application, client: UUID) async throws -> String {
    let all = try await SeedSupport.feedbackInvitations(on: app.db).filter { $0.clientID == client }
    return try #require(all.first).token
}

@Suite struct FeedbackTests {
    /// The held conversation makes a one-time link; the client answers it once; a professional sees the
    /// state, never the scores; the AVG export has the answers.
    @Test func aClientAnswersOnceThroughTheLinkAndProfessionalsSeeOnlyTheState() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let id = try await clientWithHeldConversation(app, f, clock, poh)
            let token = try await invitationToken(app, client: id)
            #expect(token.count == 22)

            let client = TestBrowser(app)
            let form = try await client.get("/f/\(token)")
            #expect(form.status == .ok && form.text.contains("Welk rapportcijfer geeft u het gesprek?"))
            let empty = try await client.post("/f/\(token)", [("opmerking", "Fijn gesprek")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Vul dit veld in.") && empty.text.contains("Fijn gesprek"))
            let bad = try await client.post("/f/\(token)", [("rapportcijfer", "11")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Kies een waarde binnen de schaal."))
            let done = try await client.post("/f/\(token)", [("rapportcijfer", "9"), ("relatie", "10"), ("doelen", "8"), ("opmerking", "Fijn gesprek")])
            #expect(done.status == .ok && done.text.contains("Dank u wel!"))
            // A second use, by form or by post, is refused politely and stores nothing.
            let again = try await client.get("/f/\(token)")
            #expect(again.status == .conflict && again.text.contains("U heeft deze vragen al beantwoord"))
            #expect(try await client.post("/f/\(token)", [("rapportcijfer", "1")]).status == .conflict)
            #expect(try await client.get("/f/AAAAAAAAAAAAAAAAAAAAAA").status == .notFound)

            _ = try await poh.login(f.pohA.email)
            let record = try await poh.get("/clienten/\(id)").text
            #expect(record.contains("Ingevuld") && !record.contains("Fijn gesprek"), "the state, never the answer")
            let export = try await poh.get("/clienten/\(id)/inzage-export.json")
            #expect(export.status == .ok && export.text.contains("Fijn gesprek") && export.text.contains("\"number\" : 9"))
            let log = try await app.repositories.audit.entries(clientID: id)
            #expect(log.contains { $0.basis == .clientLink && $0.objectType == "feedback_answers" && $0.userID == nil })
            #expect(log.contains { $0.action == .export && $0.userID == f.pohA.id })
            let answers = try await app.repositories.feedback.answers(clientID: id, by: Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: clock.now))
            #expect(answers.first?.1.first { $0.linkId == "rapportcijfer" }?.integer == 9)
        }
    }

    @Test func anExpiredLinkIsRefusedAndTheFollowUpComesAfterTwelveWeeksWithOneReminder() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let id = try await clientWithHeldConversation(app, f, clock, poh)
            let token = try await invitationToken(app, client: id)
            clock.advance(31 * 86400)
            #expect(try await TestBrowser(app).get("/f/\(token)").status == .gone)

            // The client agrees to e-mail, a plan is made and shared; twelve weeks later the follow-up goes out.
            let by = { Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: "test", at: clock.now) }
            try await app.repositories.clients.recordConsent(Consent(clientID: id, purpose: .feedback, organisationID: f.praktijkA.id, givenAt: clock.now, recordedBy: f.pohA.id), by: by())
            try await (app.db as! any SQLDatabase).update("clients").set("email", to: SQLBind("jan@example.org")).where("id", .equal, SQLBind(id)).run()
            let record = try await app.repositories.clients.record(id, by: by())
            let plan = ActionPlan(clientID: id, aanmeldingID: record.aanmeldingen[0].id, createdAt: clock.now, createdBy: f.pohA.id, primaryRoute: .sociaalDomein, adviceText: "Advies")
            try await app.repositories.clients.recordConversation(VGRecord(appointmentID: record.appointments[0].id, clientID: id, recordedAt: clock.now, recordedBy: f.pohA.id,
                                                                             strengths: "s", whatMatters: "w", reformulatedQuestion: "q", peerExpertPresent: false, responses: []), by: by())
            try await app.repositories.plans.create(plan, by: by())
            try await app.repositories.plans.markShared(planID: plan.id, clientID: id, withClient: true, withGP: false, by: by())
            let schedule = FeedbackSchedule()
            clock.advance(83 * 86400)
            #expect(try await app.repositories.feedback.runSchedule(now: clock.now, schedule: schedule) == (0, 0))
            clock.advance(2 * 86400)
            #expect(try await app.repositories.feedback.runSchedule(now: clock.now, schedule: schedule) == (1, 0))
            #expect(try await app.repositories.feedback.runSchedule(now: clock.now, schedule: schedule) == (0, 0), "made once")
            clock.advance(7 * 86400)
            #expect(try await app.repositories.feedback.runSchedule(now: clock.now, schedule: schedule) == (0, 1))
            #expect(try await app.repositories.feedback.runSchedule(now: clock.now, schedule: schedule) == (0, 0), "one reminder only")
            let mails = try await app.repositories.outbox.list(status: nil, limit: 50).filter { $0.clientID == id }
            #expect(Set(mails.map(\.kind)) == [.followUpInvitation, .followUpReminder] && mails.allSatisfy { $0.recipient == "jan@example.org" })
            // The follow-up form asks whether the question was answered, with the seven routes.
            let followUp = try #require(try await SeedSupport.feedbackInvitations(on: app.db).first { $0.kind == .followUp })
            let c = TestBrowser(app)
            let page = try await c.get("/f/\(followUp.token)")
            #expect(page.text.contains("Is uw hulpvraag beantwoord?") && page.text.contains("name=\"routes[]\""))
            let ok = try await c.post("/f/\(followUp.token)", [("hulpvraag_beantwoord", "deels"), ("routes[]", "basis_ggz"), ("routes[]", "sociaal_domein"), ("welzijn", "7")])
            #expect(ok.status == .ok)
            let stored = try await app.repositories.feedback.answers(clientID: id, by: by()).first { $0.0.kind == .followUp }?.1 ?? []
            #expect(Set(stored.filter { $0.linkId == "routes" }.compactMap(\.text)) == ["basis_ggz", "sociaal_domein"])
        }
    }

    /// The outbox: stored first, delivered once, retried with backoff, given up on a permanent refusal;
    /// a claimed message is not taken by a second run until its lease runs out.
    @Test func theOutboxDeliversOnceRetriesAndKeepsFailures() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let outbox = app.repositories.outbox
            var audit: AuditEvent {
                AuditEvent(at: clock.now, userID: f.regionAdmin.id, organisationID: f.netwerkbureau.id, role: .functioneelBeheerder, action: .create,
                           objectType: "outbox_message", objectID: nil, sourceAddress: nil, basis: .administration)
            }
            for to in ["ok@example.org", "later@example.org", "nooit@example.org"] { try await outbox.enqueueTest(to: to, at: clock.now, audit: audit) }
            let transport = RecordingTransport()
            transport.failures = ["later@example.org": .transient("451 try again"), "nooit@example.org": .permanent("550 5.1.1 <nooit@example.org>: no such user")]
            let delivery = OutboxDelivery(outbox: outbox, transport: transport, composer: MessageComposer(publicURL: "https://mgn.test", from: "MGN <mgn@mgn.test>"), lease: 60)
            let logger = Logger(label: "test")
            let first = try await delivery.runOnce(now: { clock.now }, logger: logger)
            #expect(first.sent == 1 && first.failed == 2)
            #expect(transport.sent.map(\.to) == ["ok@example.org"] && transport.sent[0].subject.contains("Testbericht"))
            #expect(transport.sent[0].messageID.hasSuffix("@mgn.test>"))
            var counts = try await outbox.counts()
            #expect(counts.sent == 1 && counts.waiting == 1 && counts.failed == 1)
            // Nothing is due until the backoff has passed; then the transient one is tried again.
            #expect(try await delivery.runOnce(now: { clock.now }, logger: logger) == (0, 0))
            transport.failures["later@example.org"] = nil
            clock.advance(61)
            #expect(try await delivery.runOnce(now: { clock.now }, logger: logger) == (1, 0))
            #expect(transport.sent.count == 2, "the sent one never again")
            // An administrator puts the failed one back.
            let failed = try #require(try await outbox.list(status: .failed, limit: 5).first)
            // The server quoted the address: it is kept masked, like the recipient column on the page.
            #expect(failed.lastError == "550 5.1.1 <n•••@example.org>: no such user" && failed.parameters.isEmpty == true)
            try await outbox.retry(failed.id, at: clock.now, audit: audit)
            counts = try await outbox.counts()
            #expect(counts.waiting == 1 && counts.failed == 0)
            // A claim holds the message: a second run gets nothing until the lease ends (a crashed run).
            let claimed = try await outbox.claim(now: clock.now, leaseUntil: clock.now.addingTimeInterval(60), limit: 10)
            #expect(claimed.count == 1)
            #expect(try await outbox.claim(now: clock.now.addingTimeInterval(30), leaseUntil: clock.now.addingTimeInterval(90), limit: 10).isEmpty)
            #expect(try await outbox.claim(now: clock.now.addingTimeInterval(61), leaseUntil: clock.now.addingTimeInterval(120), limit: 10).count == 1)
            let sent = try await outbox.list(status: .sent, limit: 5)
            #expect(sent.allSatisfy { $0.parameters.isEmpty }, "no usable link stays behind once sent")
        }
    }

    /// Anonymity by design: the answer tables hold no person, time or sequence, and nothing joins them
    /// to the participation table; a second answer is refused.
    @Test func thePulseCannotBeTracedToAPerson() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let round = PulseCalendar().round(containing: clock.now)
            clock.set(round.opensAt.addingTimeInterval(3600))
            #expect(try await app.repositories.pulse.ensureRound(round, now: clock.now, invite: true))
            #expect(try await !app.repositories.pulse.ensureRound(round, now: clock.now, invite: true), "made once")
            let people = [(f.pohA, f.praktijkA), (f.pohB, f.praktijkB), (f.behandelaar, f.ggz), (f.sociaalWerker, f.wijkteam)]
            for (i, (u, o)) in people.enumerated() {
                let answer = PulseAnswer(vitality: i, dedication: 3, absorption: 4, recommend: 6 + i, rightPlace: 7, partnerRatings: [f.ggz.id: 8], freeText: "tekst \(i)")
                try await app.repositories.pulse.submit(answer, roundID: round.id, by: Accessor(user: u, organisation: o, sourceAddress: nil, at: clock.now))
                clock.advance(60)
            }
            await #expect(throws: DomainError.conflict("answered")) {
                try await app.repositories.pulse.submit(PulseAnswer(vitality: 1, dedication: 1, absorption: 1, recommend: 1, rightPlace: 1, partnerRatings: [:], freeText: nil),
                                                        roundID: round.id, by: Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: clock.now))
            }
            let sql = app.db as! any SQLDatabase
            // The schema: no person, no time, no sequence in the answer tables.
            let forbidden = ["user", "time", "_at", "created", "seq", "order", "participation"]
            for table in ["pulse_answers", "pulse_partner_ratings"] {
                let columns = try await columnNames(sql, table)
                #expect(!columns.isEmpty)
                for c in columns { #expect(!forbidden.contains { c.contains($0) }, "\(table).\(c)") }
            }
            #expect(Set(try await columnNames(sql, "pulse_participation")) == ["round_id", "user_id"], "who answered, and nothing else")
            // The rows: four answers with their organisation only; the participation rows carry no link to them.
            let rows = try await sql.select().column("*").from("pulse_answers").all()
            #expect(rows.count == 4)
            let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
            let participation = try await sql.select().column("*").from("pulse_participation").all()
            #expect(participation.count == 4)
            for p in participation {
                let user = try p.decode(column: "user_id", as: UUID.self)
                #expect(!ids.contains(user))
            }
            // Physical order is not the order of answering: the rows were rewritten in random order.
            let orders = try rows.map { try $0.decode(column: "vitality", as: Int.self) }
            #expect(Set(orders) == [0, 1, 2, 3])
            // Results only after the round closed; groups under 5 roll up (4 answers: nothing shown).
            clock.set(round.closesAt.addingTimeInterval(60))
            let b = TestBrowser(app)
            _ = try await b.login(f.coordinator.email)
            let page = try await b.get("/puls/\(round.id.uuidString.lowercased())")
            #expect(page.status == .ok && page.text.contains("Te weinig antwoorden") && !page.text.contains("tekst 1"))
        }
    }

    /// The pages a professional and a coordinator open: the pulse form, the agreements, the outbox.
    @Test func agreementsAreRecordedWithVersionedNormsAndFormsExplainErrors() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let c = TestBrowser(app)
            _ = try await c.login(f.coordinator.email)
            #expect(try await c.get("/afspraken/nieuw").status == .ok)
            let refused = try await c.post("/afspraken/nieuw", [("title", ""), ("effectiveFrom", "31-02-2026"), ("limit_handover_response", "200")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Vul dit veld in.") && refused.text.contains("Vul een datum in als dd-mm-jjjj.") && refused.text.contains("Vul een aantal dagen van 1 tot 90 in."))
            #expect(try await app.repositories.agreements.all().isEmpty, "nothing stored")
            let created = try await c.post("/afspraken/nieuw", [("title", "Overdrachten"), ("effectiveFrom", "01-01-2026"), ("parties[]", "type:ggz_aanbieder"),
                                                                ("parties[]", "type:huisartsenpraktijk"), ("limit_handover_response", "5"), ("validFrom_handover_response", "01-01-2026")])
            #expect(created.status == .seeOther)
            let a = try #require(try await app.repositories.agreements.all().first)
            let edited = try await c.post("/afspraken/\(a.id.uuidString.lowercased())/bewerken", [("title", "Overdrachten"), ("effectiveFrom", "01-01-2026"),
                ("parties[]", "type:ggz_aanbieder"), ("parties[]", "type:huisartsenpraktijk"), ("limit_handover_response", "3"), ("validFrom_handover_response", "01-06-2026")])
            #expect(edited.status == .seeOther)
            let versions = try #require(try await app.repositories.agreements.find(id: a.id)).versions(of: .handoverResponse)
            #expect(versions.map(\.limit) == [5, 3] && versions.map(\.validFrom.iso) == ["2026-01-01", "2026-06-01"], "the old period keeps its norm")
            #expect(try await c.get("/afspraken/\(a.id.uuidString.lowercased())").text.contains("3 werkdagen vanaf 01-06-2026"))
            // A professional sees agreements and the to-do list, but cannot change them.
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            #expect(try await poh.get("/afspraken").status == .ok)
            #expect(try await poh.get("/afspraken/taken").status == .ok)
            #expect(try await poh.get("/afspraken/nieuw").status == .notFound)
            #expect(try await poh.get("/puls").status == .ok)
            // The administrator's outbox page says mail is not configured.
            let admin = TestBrowser(app)
            _ = try await admin.login(f.regionAdmin.email)
            let outbox = try await admin.get("/beheer/berichten")
            #expect(outbox.status == .ok && outbox.text.contains("Er is geen mailserver ingesteld"))
            #expect(try await admin.post("/beheer/berichten/test", [("to", "geen adres")]).status == .unprocessableEntity)
        }
    }
}

func columnNames(_ sql: any SQLDatabase, _ table: String) async throws -> [String] {
    if sql.dialect.name == "sqlite" {
        return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map { try $0.decode(column: "name", as: String.self) }
    }
    return try await sql.raw("SELECT column_name FROM information_schema.columns WHERE table_name = \(bind: table)").all()
        .map { try $0.decode(column: "column_name", as: String.self) }
}
