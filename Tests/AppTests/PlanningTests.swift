import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite struct AvailabilityTests {
    @Test func aProfessionalPublishesAvailabilityAndMistakesAreExplained() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            try await b.get("/beschikbaarheid")
            let bad = try await b.post("/beschikbaarheid", [("date", "31-02-2027"), ("from", "9u"), ("to", "08:00")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"date-error\"") && bad.text.contains("id=\"from-error\""))
            let reversed = try await b.post("/beschikbaarheid", [("date", "2-12-2026"), ("from", "12:00"), ("to", "09:00")])
            #expect(reversed.text.contains("De eindtijd moet na de begintijd liggen."))
            #expect(try await b.post("/beschikbaarheid", [("date", "2-12-2026"), ("from", "09:00"), ("to", "12:00")]).status == .seeOther)
            try await b.get("/beschikbaarheid")
            let overlap = try await b.post("/beschikbaarheid", [("date", "2-12-2026"), ("from", "11:00"), ("to", "13:00")])
            #expect(overlap.text.contains("overlapt"))
            #expect(try await app.repositories.planning.windows(userID: f.pohA.id, from: .distantPast).count == 1)
        }
    }

    @Test func onlyDuoProfessionalsPublishAvailability() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)  // huisarts + beheerder: not a duo side
            #expect(try await b.get("/beschikbaarheid").status == .notFound)
        }
    }
}

@Suite struct VGPlanningTests {
    @Test func theDuoIsBookedOnlyWithConsentAndThenJoinsTheCareTeam() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let now = clock.now
            let tomorrow = now.addingTimeInterval(86400)
            for u in [f.pohA, f.sociaalWerker] {
                try await app.repositories.planning.addWindow(AvailabilityWindow(userID: u.id, start: tomorrow, end: tomorrow.addingTimeInterval(3 * 3600)))
            }
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id]))

            let page = try await poh.get("/clienten/\(id)/planning")
            #expect(page.status == .ok)
            #expect(page.text.contains("<strong>1 dagen</strong>"), "three free hours tomorrow: the wijk's third slot is one day away")
            #expect(!page.text.contains(f.sociaalWerker.name), "no consent for the wijkteam yet: its social worker is not proposed")
            #expect(page.text.contains("Leg dan eerst toestemming vast"))
            let start = String(Int(tomorrow.timeIntervalSince1970))
            let aanmelding = try await app.repositories.clients.record(id, by: Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: now))
                .aanmeldingen[0].id.uuidString
            let slot = [("aanmelding", aanmelding), ("start", start), ("ggz", f.pohA.id.uuidString), ("sociaal", f.sociaalWerker.id.uuidString)]

            // No consent for the wijkteam yet: nothing is booked, and the page says why.
            let refused = try await poh.post("/clienten/\(id)/planning", slot)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("geen toestemming") && refused.text.contains("Wijkteam A"))
            let sw = TestBrowser(app)
            _ = try await sw.login(f.sociaalWerker.email)
            #expect(try await sw.get("/clienten/\(id)").status == .notFound)

            try await poh.get("/clienten/\(id)")
            _ = try await poh.post("/clienten/\(id)/toestemming", [("purpose", "verkennend_gesprek"), ("organisation", f.wijkteam.id.uuidString)])
            let proposed = try await poh.get("/clienten/\(id)/planning")
            #expect(proposed.text.contains(f.sociaalWerker.name), "with consent, the duo is proposed")
            let booked = try await poh.post("/clienten/\(id)/planning", slot)
            #expect(booked.status == .seeOther)
            #expect(try await sw.get("/clienten/\(id)").status == .ok, "the social worker of the duo now sees the client")

            // The same duo at the same time cannot be booked twice.
            let other = try clientID(from: try await registerClient(poh, name: "Ander Persoon", consentTo: [f.praktijkA.id, f.wijkteam.id]))
            let otherPage = try await poh.get("/clienten/\(other)/planning")
            #expect(!otherPage.text.contains("value=\"\(start)\""), "the booked hour is no longer proposed")
            let otherAanmelding = try #require(otherPage.text.range(of: #"name="aanmelding" value=""#).map { String(otherPage.text[$0.upperBound...].prefix(36)) })
            let twice = try await poh.post("/clienten/\(other)/planning", [("aanmelding", otherAanmelding), ("start", start), ("ggz", f.pohA.id.uuidString), ("sociaal", f.sociaalWerker.id.uuidString)])
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("net door iemand anders gepland"))
        }
    }

    @Test func aConversationIsRecordedAsHeldOnlyOnceItHasStarted() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let start = clock.now.addingTimeInterval(86400)
            for u in [f.pohA, f.sociaalWerker] {
                try await app.repositories.planning.addWindow(AvailabilityWindow(userID: u.id, start: start, end: start.addingTimeInterval(3600)))
            }
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id, f.wijkteam.id]))
            let page = try await poh.get("/clienten/\(id)/planning")
            let aanmelding = try #require(page.text.range(of: #"name="aanmelding" value=""#).map { String(page.text[$0.upperBound...].prefix(36)) })
            _ = try await poh.post("/clienten/\(id)/planning", [("aanmelding", aanmelding), ("start", String(Int(start.timeIntervalSince1970))),
                                                                  ("ggz", f.pohA.id.uuidString), ("sociaal", f.sociaalWerker.id.uuidString)])
            let record = try await poh.get("/clienten/\(id)").text
            let appointment = try #require(record.range(of: #"name="appointment" value=""#).map { String(record[$0.upperBound...].prefix(36)) })
            let early = try await poh.post("/clienten/\(id)/afspraak", [("appointment", appointment), ("action", "held")])
            #expect(early.status == .unprocessableEntity)
            #expect(early.text.contains("pas als gehouden"))

            clock.advance(86400 + 600)
            _ = try await poh.login(f.pohA.email)
            try await poh.get("/clienten/\(id)")
            #expect(try await poh.post("/clienten/\(id)/afspraak", [("appointment", appointment), ("action", "held")]).status == .seeOther)
            let after = try await poh.get("/clienten/\(id)").text
            #expect(after.contains("gehouden op") && after.contains("Verkennend gesprek gehouden"))
            let stored = try await app.repositories.clients.record(id, by: Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: clock.now))
            #expect(stored.appointments.first?.heldAt == clock.now)
        }
    }
}
