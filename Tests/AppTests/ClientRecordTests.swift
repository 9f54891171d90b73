import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

/// A POH-GGZ of Praktijk A registers a citizen living in wijk A.
func registerClient(_ b: TestBrowser, name: String = "Jan Modaal", bsn: String = "", postcode: String = "1011 AB",
                    question: String = "Ik slaap slecht sinds ik mijn baan verloor.", consentTo: [UUID],
                    decision: String? = nil) async throws -> TestingHTTPResponse {
    try await b.get("/aanmeldingen/nieuw")
    var form: [(String, String)] = [("name", name), ("date_of_birth", "7-3-1985"), ("bsn", bsn), ("postcode", postcode),
                                    ("phone", "06 12345678"), ("email", ""), ("help_question", question), ("urgency", "regulier")]
    form += consentTo.map { ("consent_vg[]", $0.uuidString) }
    if let decision { form.append(("duplicate_decision", decision)) }
    return try await b.post("/aanmeldingen/nieuw", form)
}

func clientID(from res: TestingHTTPResponse) throws -> UUID {
    let loc = try #require(res.location)
    let id = loc.split(separator: "/")[1].split(separator: "?")[0]
    return try #require(UUID(uuidString: String(id)))
}

func count(_ app: Application, _ table: String) async throws -> Int {
    let row = try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
    return try row!.decode(column: "n", as: Int.self)
}

@Suite struct AanmeldingTests {
    @Test func badInputIsExplainedPerFieldAndNothingIsStored() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            try await b.get("/aanmeldingen/nieuw")
            let res = try await b.post("/aanmeldingen/nieuw", [("name", ""), ("date_of_birth", "31-02-1985"), ("bsn", "123456789"),
                                                               ("postcode", "9999"), ("phone", "12"), ("help_question", "")])
            #expect(res.status == .unprocessableEntity)
            let html = res.text
            for id in ["name-error", "dob-error", "bsn-error", "postcode-error", "phone-error", "hq-error", "consent-error"] {
                #expect(html.contains("id=\"\(id)\""), "\(id)")
            }
            #expect(html.contains("elfproef"))
            #expect(html.contains("hoort niet bij een wijk"))
            #expect(html.contains("value=\"123456789\""), "typed values are kept")
            #expect(try await count(app, "clients") == 0)
            #expect(try await count(app, "aanmeldingen") == 0)
        }
    }

    @Test func aRegistrationCreatesTheClientAndThePersonWhoRegisteredSeesIt() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            let res = try await registerClient(b, bsn: "123456782", consentTo: [f.praktijkA.id, f.ggz.id])
            #expect(res.status == .seeOther)
            let id = try clientID(from: res)
            let page = try await b.get("/clienten/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Jan Modaal") && page.text.contains("Ik slaap slecht"))
            #expect(page.text.contains("•••••6782") && !page.text.contains("123456782"), "the BSN is shown masked")
            #expect(page.text.contains("Wijk A"))
            #expect(try await b.get("/clienten").text.contains("Jan Modaal"))
            #expect(try await count(app, "consents") == 2)
        }
    }

    /// Asking for feedback by e-mail needs the client's consent, asked on the form, and an address to send to.
    @Test func theFormAsksWhetherTheClientWantsFeedbackRequestsByEmail() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            #expect(try await b.get("/aanmeldingen/nieuw").text.contains("name=\"consent_feedback\""))
            var form: [(String, String)] = [("name", "Jan Modaal"), ("date_of_birth", "7-3-1985"), ("postcode", "1011 AB"), ("email", ""),
                                            ("help_question", "Ik slaap slecht."), ("urgency", "regulier"),
                                            ("consent_vg[]", f.praktijkA.id.uuidString), ("consent_feedback", "ja")]
            let refused = try await b.post("/aanmeldingen/nieuw", form)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Vul een e-mailadres in, of zet het vinkje"))
            #expect(refused.text.contains("value=\"ja\" aria-describedby=\"consent-feedback-hint\" checked"), "the tick is kept")
            #expect(try await count(app, "clients") == 0)
            form[3] = ("email", "Jan@Example.org")
            let res = try await b.post("/aanmeldingen/nieuw", form)
            #expect(res.status == .seeOther)
            let record = try await app.repositories.clients.record(try clientID(from: res), by: Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: Date()))
            #expect(FeedbackConsent.allowsEmail(record.consents, at: Date()) && record.client.email == "jan@example.org")
            #expect(record.consents.filter { $0.purpose == .feedback }.map(\.organisationID) == [f.praktijkA.id])
        }
    }

    @Test func onlyGPsPracticeNursesAndSocialWorkersRegister() async throws {
        try await withTestApp { app, f in
            for who in [f.behandelaar, f.coordinator, f.regionAdmin] {
                let b = TestBrowser(app)
                _ = try await b.login(who.email)
                #expect(try await b.get("/aanmeldingen/nieuw").status == .notFound, "\(who.email)")
            }
        }
    }
}

@Suite struct ClientAccessTests {
    @Test func onlyTheCareTeamSeesTheClientNotEvenItsExistence() async throws {
        try await withTestApp { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id]))
            let paths = ["/clienten/\(id)", "/clienten/\(id)/inzage"]
            for who in [f.adminA, f.pohB, f.adminB, f.behandelaar, f.coordinator, f.regionAdmin] {
                let b = TestBrowser(app)
                _ = try await b.login(who.email)
                for p in paths { #expect(try await b.get(p).status == .notFound, "\(who.email) \(p)") }
                // Guessing another id answers exactly the same.
                let guessed = try await b.get("/clienten/\(UUID())")
                let real = try await b.get("/clienten/\(id)")
                #expect(guessed.status == real.status)
                let list = try await b.get("/clienten")
                #expect(!list.text.contains("Jan Modaal"), "\(who.email)")
                // Writes are refused the same way and store nothing.
                let before = try await count(app, "contact_moments")
                try await b.get("/")
                let write = try await b.post("/clienten/\(id)/contact", [("aanmelding", UUID().uuidString), ("channel", "telefoon"), ("reached", "on")])
                #expect(write.status == .notFound, "\(who.email)")
                #expect(try await count(app, "contact_moments") == before)
            }
        }
    }

    @Test func aColleagueAddedToTheCareTeamGetsAccessAndItIsLogged() async throws {
        try await withTestApp { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id]))
            try await poh.get("/clienten/\(id)")
            #expect(try await poh.post("/clienten/\(id)/zorgteam", [("user", f.pohB.id.uuidString)]).status == .notFound,
                    "someone of another organisation cannot be added")
            try await poh.get("/clienten/\(id)")
            #expect(try await poh.post("/clienten/\(id)/zorgteam", [("user", f.adminA.id.uuidString)]).status == .seeOther)
            let gp = TestBrowser(app)
            _ = try await gp.login(f.adminA.email)
            #expect(try await gp.get("/clienten/\(id)").status == .ok)
            let log = try await poh.get("/clienten/\(id)/inzage")
            #expect(log.status == .ok)
            #expect(log.text.contains(f.adminA.name) && log.text.contains(f.pohA.name))
            #expect(log.text.contains("behandelrelatie") && log.text.contains("POH-GGZ"))
        }
    }

    @Test func everyReadAndChangeLeavesAnAuditEntryForTheClient() async throws {
        try await withTestApp { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id]))
            let before = try await app.repositories.audit.recent(limit: 1000).filter { $0.clientID == id }.count
            try await poh.get("/clienten/\(id)")
            try await poh.get("/clienten")
            let entries = try await app.repositories.audit.recent(limit: 1000).filter { $0.clientID == id }
            #expect(entries.count == before + 2)
            #expect(entries.allSatisfy { $0.userID == f.pohA.id && $0.organisationID == f.praktijkA.id && $0.role == .pohGGZ && $0.basis == .careRelationship })
            guard case .intact = try await app.repositories.audit.verify() else { Issue.record("chain broken"); return }
        }
    }
}

@Suite struct DuplicateRegistrationTests {
    @Test func aKnownPersonIsShownBeforeASecondRecordIsMadeWithoutRevealingTheirFile() async throws {
        try await withTestApp { app, f in
            let a = TestBrowser(app)
            _ = try await a.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(a, question: "Geheime hulpvraag van A", consentTo: [f.praktijkA.id]))

            let b = TestBrowser(app)
            _ = try await b.login(f.pohB.email)
            let dup = try await registerClient(b, name: "jan  modaal", question: "Vraag via B", consentTo: [f.praktijkB.id])
            #expect(dup.status == .conflict)
            #expect(dup.text.contains("mogelijk al bekend"))
            #expect(!dup.text.contains("Geheime hulpvraag") && !dup.text.contains(f.pohA.name) && !dup.text.contains("/clienten/\(id)\""),
                    "only the fact of a match is shown")
            #expect(dup.text.contains("value=\"Vraag via B\"") || dup.text.contains(">Vraag via B<"), "the form keeps what was typed")
            #expect(try await count(app, "clients") == 1)

            let joined = try await registerClient(b, name: "jan  modaal", question: "Vraag via B", consentTo: [f.praktijkB.id], decision: "existing:\(id)")
            #expect(joined.status == .seeOther)
            #expect(try await count(app, "clients") == 1)
            #expect(try await count(app, "aanmeldingen") == 2)
            #expect(try await b.get("/clienten/\(id)").status == .ok, "B registered the person and joined the care team")
            let log = try await a.get("/clienten/\(id)/inzage").text
            #expect(log.contains("controle op dubbele aanmelding") && log.contains(f.pohB.name))
        }
    }

    @Test func aSecondClientWithTheSameBSNIsImpossible() async throws {
        try await withTestApp { app, f in
            let a = TestBrowser(app)
            _ = try await a.login(f.pohA.email)
            _ = try await registerClient(a, bsn: "123456782", consentTo: [f.praktijkA.id])
            let b = TestBrowser(app)
            _ = try await b.login(f.pohB.email)
            let res = try await registerClient(b, name: "Iemand Anders", bsn: "123456782", postcode: "1021", consentTo: [f.praktijkB.id], decision: "new")
            #expect(res.status == .conflict)
            #expect(res.text.contains("een tweede cliënt met dit BSN is niet mogelijk"))
            #expect(try await count(app, "clients") == 1)
        }
    }

    @Test func someoneElseWithTheSameNameCanBeRegisteredOnPurpose() async throws {
        try await withTestApp { app, f in
            let a = TestBrowser(app)
            _ = try await a.login(f.pohA.email)
            _ = try await registerClient(a, consentTo: [f.praktijkA.id])
            let again = try await registerClient(a, consentTo: [f.praktijkA.id], decision: "new")
            #expect(again.status == .seeOther)
            #expect(try await count(app, "clients") == 2)
        }
    }
}

@Suite struct ClientRecordChangeTests {
    @Test func theFirstSuccessfulContactEndsTheWaitAndConsentCanBeRevoked() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id, f.ggz.id]))
            clock.advance(2 * 86400)
            _ = try await poh.login(f.pohA.email)  // two days is past the session's idle timeout
            let record = try await poh.get("/clienten/\(id)").text
            #expect(record.contains("Nog geen contact, wacht 2 dagen"))
            let aanmelding = try #require(record.range(of: #"name="aanmelding" value=""#).map { String(record[$0.upperBound...].prefix(36)) })
            let first = try await poh.post("/clienten/\(id)/contact", [("aanmelding", aanmelding), ("channel", "telefoon"), ("note", "voicemail")])
            #expect(first.status == .seeOther, "\(first.status) \(first.text.prefix(300))")
            clock.advance(600)
            _ = try await poh.post("/clienten/\(id)/contact", [("aanmelding", aanmelding), ("channel", "telefoon"), ("reached", "on"), ("note", "afspraak gemaakt")])
            let after = try await poh.get("/clienten/\(id)").text
            #expect(after.contains("Eerste contact:") && after.contains("(2 dagen)"))
            #expect(after.contains("voicemail") && after.contains("afspraak gemaakt"))

            let consent = try #require(after.range(of: #"name="consent" value=""#).map { String(after[$0.upperBound...].prefix(36)) })
            let revoked = try await poh.post("/clienten/\(id)/toestemming/intrekken", [("consent", consent)])
            #expect(revoked.status == .seeOther)
            #expect(try await poh.get("/clienten/\(id)").text.contains("Ingetrokken op"))
        }
    }

    @Test func hostileTextInAHelpQuestionIsShownAsText() async throws {
        try await withTestApp { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, name: "<img src=x onerror=alert(1)>", question: "<script>alert('x')</script>", consentTo: [f.praktijkA.id]))
            let page = try await poh.get("/clienten/\(id)").text
            #expect(!page.contains("<script>alert") && !page.contains("<img src=x"))
            #expect(page.contains("&lt;script&gt;"))
        }
    }
}
