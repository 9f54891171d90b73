import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// A client registered at Praktijk A by its POH (signed in on `poh`), with the conversation held.
func clientWithHeldConversation(_ app: Application, _ f: Fixture, _ clock: TestClock, _ poh: TestBrowser) async throws -> UUID {
    _ = try await poh.login(f.pohA.email)
    let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id, f.wijkteam.id]))
    try await heldConversation(app, f, clock, client: id)
    return id
}

/// Books a conversation for the client one day ahead and records it as held (the clock moves a day).
func heldConversation(_ app: Application, _ f: Fixture, _ clock: TestClock, client: UUID) async throws {
    let start = clock.now.addingTimeInterval(86400)
    for u in [f.pohA, f.sociaalWerker] {
        try await app.repositories.planning.addWindow(AvailabilityWindow(userID: u.id, start: start, end: start.addingTimeInterval(3600)))
    }
    let by = { Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: "test", at: clock.now) }
    let record = try await app.repositories.clients.record(client, by: by())
    let a = VGAppointment(aanmeldingID: record.aanmeldingen[0].id, clientID: client, ggzUserID: f.pohA.id, sociaalDomeinUserID: f.sociaalWerker.id,
                          plannedFor: start, end: start.addingTimeInterval(3600), plannedAt: clock.now, plannedBy: f.pohA.id)
    try await app.repositories.clients.bookVG(a, by: by())
    clock.advance(86400 + 1800)
    try await app.repositories.clients.markVGHeld(a.id, clientID: client, by: by())
}

func conversationForm(_ scores: [Int], talkAbout: String? = nil) -> [(String, String)] {
    let dims = ["lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen", "dagelijks_functioneren"]
    var form: [(String, String)] = [("strengths", "Houdt van fietsen, goede band met zus"), ("what_matters", "Weer werken"),
                                    ("reformulated_question", "Hoe krijg ik weer ritme en overzicht over geld?")]
    for (d, s) in zip(dims, scores) { form.append(("i0_pg-\(d)", String(s))) }
    if let talkAbout { form.append(("i0_pg-\(talkAbout)-praten", "on")) }
    form.append(("i1_zrm-financien", "2"))
    return form
}

@Suite struct ConversationTests {
    @Test func theConversationIsRecordedWithItsInstrumentsAndShowsChangeNextTime() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id, f.wijkteam.id]))
            #expect(try await poh.get("/clienten/\(id)/gesprek").status == .notFound, "nothing to record before a conversation is held")
            try await heldConversation(app, f, clock, client: id)
            _ = try await poh.login(f.pohA.email)

            let form = try await poh.get("/clienten/\(id)/gesprek")
            #expect(form.status == .ok)
            #expect(form.text.contains("Zingeving") && form.text.contains("Maatschappelijke participatie"))
            let appointment = try #require(form.text.range(of: #"name="appointment" value=""#).map { String(form.text[$0.upperBound...].prefix(36)) })

            var bad = conversationForm([5, 5, 11, 5, 5])  // out of range, and one dimension missing
            bad[0] = ("strengths", "")
            let refused = try await poh.post("/clienten/\(id)/gesprek", [("appointment", appointment)] + bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Kies een waarde binnen de schaal.") && refused.text.contains("id=\"strengths-error\""))
            #expect(refused.text.contains("Hoe krijg ik weer ritme"), "what was typed is kept")

            let saved = try await poh.post("/clienten/\(id)/gesprek", [("appointment", appointment)] + conversationForm([6, 4, 3, 5, 4, 6], talkAbout: "zingeving"))
            #expect(saved.status == .seeOther)
            let page = try await poh.get("/clienten/\(id)").text
            #expect(page.contains("Hoe krijg ik weer ritme") && page.contains("hier wil ik over praten"))
            #expect(page.contains("Positieve Gezondheid") && page.contains("(versie 1.0)"))
            #expect(page.contains("Vervolggesprek plannen") && !page.contains(">Verkennend gesprek plannen<"), "after a conversation, planning is a follow-up")
            let held = try #require(try await app.repositories.clients.record(id, by: Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: clock.now)).appointments.first)
            let formatter = DateFormatter(); formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam"); formatter.dateFormat = "dd-MM-yyyy HH:mm"
            #expect(page.contains("Gesprek van \(formatter.string(from: held.plannedFor))"), "a conversation is known by when it was held")
            #expect(try await poh.post("/clienten/\(id)/gesprek", [("appointment", appointment)] + conversationForm([6, 4, 3, 5, 4, 6])).status == .notFound,
                    "a conversation is recorded once")

            // A later conversation shows the change against this one.
            try await heldConversation(app, f, clock, client: id)
            _ = try await poh.login(f.pohA.email)
            let second = try await poh.get("/clienten/\(id)/gesprek")
            let appointment2 = try #require(second.text.range(of: #"name="appointment" value=""#).map { String(second.text[$0.upperBound...].prefix(36)) })
            _ = try await poh.post("/clienten/\(id)/gesprek", [("appointment", appointment2)] + conversationForm([7, 6, 5, 5, 4, 6]))
            let compared = try await poh.get("/clienten/\(id)").text
            #expect(compared.contains("Vorige keer") && compared.contains(">+2<"))
        }
    }
}
