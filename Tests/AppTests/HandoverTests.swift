import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// Registers a client at Praktijk A, holds and records the conversation, and makes the plan.
func clientWithPlan(_ app: Application, _ f: Fixture, _ clock: TestClock, _ poh: TestBrowser, handoverConsentTo: [UUID] = []) async throws -> (client: UUID, plan: String) {
    _ = try await poh.login(f.pohA.email)
    let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id, f.wijkteam.id]))
    for org in handoverConsentTo {
        try await poh.get("/clienten/\(id)")
        _ = try await poh.post("/clienten/\(id)/toestemming", [("purpose", "overdracht"), ("organisation", org.uuidString)])
    }
    try await heldConversation(app, f, clock, client: id)
    _ = try await poh.login(f.pohA.email)
    let form = try await poh.get("/clienten/\(id)/gesprek").text
    let appointment = try #require(form.range(of: #"name="appointment" value=""#).map { String(form[$0.upperBound...].prefix(36)) })
    _ = try await poh.post("/clienten/\(id)/gesprek", [("appointment", appointment)] + conversationForm([6, 4, 3, 5, 4, 6]))
    try await poh.get("/clienten/\(id)")
    #expect(try await poh.post("/clienten/\(id)/plan", [("primary_route", "sociaal_domein"), ("advice", "Schuldhulp via het wijkteam; basis-GGZ voor de slaapklachten.")]).status == .seeOther)
    let page = try await poh.get("/clienten/\(id)").text
    let plan = try #require(page.range(of: #"name="plan" value=""#).map { String(page[$0.upperBound...].prefix(36)) })
    return (id, plan)
}

func handoverIDs(_ page: String) -> [String] {
    page.components(separatedBy: "action=\"/overdrachten/").dropFirst().map { String($0.prefix(36)) }
}

@Suite struct ActionPlanTests {
    @Test func thePlanFollowsTheConversationAndPrintsForClientAndGP() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let (id, plan) = try await clientWithPlan(app, f, clock, poh)
            _ = try await poh.post("/clienten/\(id)/plan/doel", [("plan", plan), ("goal", "Overzicht over de rekeningen")])
            try await poh.get("/clienten/\(id)")
            #expect(try await poh.post("/clienten/\(id)/plan/actie", [("plan", plan), ("route", "zelfhulp"), ("organisation", ""), ("owner", f.pohA.id.uuidString),
                                                                      ("description", "Slaapdagboek bijhouden"), ("due", "15-12-2026")]).status == .seeOther)
            _ = try await poh.post("/clienten/\(id)/plan/gedeeld", [("plan", plan), ("what", "client")])
            try await poh.get("/clienten/\(id)")
            _ = try await poh.post("/clienten/\(id)/plan/gedeeld", [("plan", plan), ("what", "gp")])
            let page = try await poh.get("/clienten/\(id)").text
            #expect(page.contains("Overzicht over de rekeningen") && page.contains("Slaapdagboek bijhouden") && page.contains("15-12-2026"))
            #expect(page.contains("Actieplan gedeeld met de inwoner") && page.contains("Advies verstuurd naar de huisarts"))

            let printout = try await poh.get("/clienten/\(id)/plan/afdruk")
            #expect(printout.status == .ok && printout.text.contains("Slaapdagboek bijhouden") && printout.text.contains(f.sociaalWerker.name))
            let letter = try await poh.get("/clienten/\(id)/advies")
            #expect(letter.text.contains("Schuldhulp via het wijkteam") && letter.text.contains(f.pohA.name) && letter.text.contains("07-03-1985"))
            let prints = try await app.repositories.audit.recent(limit: 100).filter { $0.clientID == id && $0.action == .print }
            #expect(prints.count == 2, "printing is logged as printing")
        }
    }

    @Test func noPlanBeforeTheConversationIsRecorded() async throws {
        try await withTestApp { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let id = try clientID(from: try await registerClient(poh, consentTo: [f.praktijkA.id]))
            try await poh.get("/clienten/\(id)")
            let res = try await poh.post("/clienten/\(id)/plan", [("primary_route", "zelfhulp"), ("advice", "")])
            #expect(res.status == .unprocessableEntity && res.text.contains("volgt op een vastgelegd verkennend gesprek"))
            #expect(try await count(app, "action_plans") == 0)
        }
    }
}

@Suite struct ClosedLoopHandoverTests {
    @Test func aHandoverGoesOutOnlyWithConsentAndIsFollowedUntilClosed() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let (id, plan) = try await clientWithPlan(app, f, clock, poh)
            let action: [(String, String)] = [("plan", plan), ("route", "basis_ggz"), ("organisation", f.ggz.id.uuidString), ("owner", f.pohA.id.uuidString),
                                              ("description", "Behandeling slaapproblemen"), ("request", "Graag intake voor CGT-i.")]
            // No consent for handing over to the GGZ: nothing is sent or stored.
            try await poh.get("/clienten/\(id)")
            let refused = try await poh.post("/clienten/\(id)/plan/actie", action)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("geen toestemming voor overdracht aan GGZ Test"))
            #expect(try await count(app, "handovers") == 0)
            #expect(try await count(app, "plan_actions") == 0)

            _ = try await poh.post("/clienten/\(id)/toestemming", [("purpose", "overdracht"), ("organisation", f.ggz.id.uuidString)])
            try await poh.get("/clienten/\(id)")
            #expect(try await poh.post("/clienten/\(id)/plan/actie", action).status == .seeOther)
            #expect(try await count(app, "handovers") == 1)

            // The receiver sees what it needs to decide, not the record.
            let ggz = TestBrowser(app)
            _ = try await ggz.login(f.behandelaar.email)
            let inbox = try await ggz.get("/overdrachten")
            #expect(inbox.text.contains("Jan Modaal") && inbox.text.contains("Graag intake voor CGT-i."))
            #expect(!inbox.text.contains("Ik slaap slecht"), "the help question stays in the record")
            #expect(try await ggz.get("/clienten/\(id)").status == .notFound)
            let other = TestBrowser(app)
            _ = try await other.login(f.pohB.email)
            #expect(!(try await other.get("/overdrachten").text.contains("Jan Modaal")))

            let handover = try #require(handoverIDs(inbox.text).first)
            let early = try await ggz.post("/overdrachten/\(handover)", [("action", "complete")])
            #expect(early.status == .conflict && early.text.contains("niet in de huidige stand"))
            try await ggz.get("/overdrachten")
            let noReason = try await ggz.post("/overdrachten/\(handover)", [("action", "reject"), ("reason", " ")])
            #expect(noReason.status == .conflict && noReason.text.contains("Geef een reden"))
            try await ggz.get("/overdrachten")
            #expect(try await poh.post("/overdrachten/\(handover)", [("action", "accept")]).status == .conflict, "only the receiver accepts")

            clock.advance(3600 * 2)
            _ = try await ggz.login(f.behandelaar.email)
            try await ggz.get("/overdrachten")
            #expect(try await ggz.post("/overdrachten/\(handover)", [("action", "accept")]).status == .seeOther)
            #expect(try await ggz.get("/clienten/\(id)").status == .ok, "accepting puts the receiver in the care team")
            for step in ["first_contact", "intake", "treatment_start", "complete"] {
                try await ggz.get("/overdrachten")
                #expect(try await ggz.post("/overdrachten/\(handover)", [("action", step)]).status == .seeOther, "\(step)")
            }
            let stored = try #require(try await app.repositories.clients.record(id, by: Accessor(user: f.pohA, organisation: f.praktijkA, sourceAddress: nil, at: clock.now)).handovers.first)
            #expect(stored.status == .completed && stored.acceptedBy == f.behandelaar.id)
            #expect(stored.acceptedAt != nil && stored.firstContactAt != nil && stored.intakeAt != nil && stored.treatmentStartAt != nil && stored.completedAt != nil)
            _ = try await poh.login(f.pohA.email)
            let timeline = try await poh.get("/clienten/\(id)").text
            #expect(timeline.contains("GGZ Test accepteerde de overdracht") && timeline.contains("Intake bij GGZ Test") && timeline.contains("GGZ Test rondde af"))
        }
    }

    @Test func theSenderSeesWhatWaitsTooLongAndCanCancel() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let (id, plan) = try await clientWithPlan(app, f, clock, poh, handoverConsentTo: [f.ggz.id])
            try await poh.get("/clienten/\(id)")
            _ = try await poh.post("/clienten/\(id)/plan/actie", [("plan", plan), ("route", "basis_ggz"), ("organisation", f.ggz.id.uuidString),
                                                                  ("owner", f.pohA.id.uuidString), ("description", "Intake")])
            #expect(!(try await poh.get("/overdrachten").text.contains("over de termijn")))
            clock.advance(9 * 86400)  // more than five working days
            _ = try await poh.login(f.pohA.email)
            let outbox = try await poh.get("/overdrachten").text
            #expect(outbox.contains("over de termijn"))
            let handover = try #require(handoverIDs(outbox).first)
            #expect(try await poh.post("/overdrachten/\(handover)", [("action", "cancel"), ("reason", "Inwoner kiest voor zelfhulp")]).status == .seeOther)
            #expect(try await poh.get("/overdrachten").text.contains("ingetrokken"))
            let ggz = TestBrowser(app)
            _ = try await ggz.login(f.behandelaar.email)
            let inbox = try await ggz.get("/overdrachten").text
            #expect(inbox.contains("ingetrokken") && !inbox.contains(">Accepteren<"))
        }
    }

    @Test func aBackReferralToTheGPNeedsItsLetter() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let (id, plan) = try await clientWithPlan(app, f, clock, poh, handoverConsentTo: [f.ggz.id])
            try await poh.get("/clienten/\(id)")
            _ = try await poh.post("/clienten/\(id)/plan/actie", [("plan", plan), ("route", "basis_ggz"), ("organisation", f.ggz.id.uuidString),
                                                                  ("owner", f.pohA.id.uuidString), ("description", "Intake")])
            let ggz = TestBrowser(app)
            _ = try await ggz.login(f.behandelaar.email)
            let handover = try #require(handoverIDs(try await ggz.get("/overdrachten").text).first)
            _ = try await ggz.post("/overdrachten/\(handover)", [("action", "accept")])
            try await ggz.get("/clienten/\(id)")
            let back: [(String, String)] = [("plan", plan), ("route", "huisartsenzorg"), ("organisation", f.praktijkA.id.uuidString),
                                            ("owner", f.behandelaar.id.uuidString), ("description", "Terug naar de huisarts")]
            // Consent to hand over to the practice is also needed; the letter is checked after it.
            _ = try await ggz.post("/clienten/\(id)/toestemming", [("purpose", "overdracht"), ("organisation", f.praktijkA.id.uuidString)])
            try await ggz.get("/clienten/\(id)")
            let noLetter = try await ggz.post("/clienten/\(id)/plan/actie", back)
            #expect(noLetter.status == .unprocessableEntity && noLetter.text.contains("overdrachtsbrief"))
            try await ggz.get("/clienten/\(id)")
            #expect(try await ggz.post("/clienten/\(id)/plan/actie", back + [("letter", "Slaapklachten verminderd; terug voor nazorg bij de POH.")]).status == .seeOther)
            let inboxGP = try await poh.get("/overdrachten").text
            #expect(inboxGP.contains("Terugverwijzing") && inboxGP.contains("Slaapklachten verminderd"))
        }
    }
}

@Suite struct ResponseNormTests {
    @Test func theRegionAgreesAResponseTimePerPairAndTheOverdueMarkFollowsIt() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let admin = TestBrowser(app)
            _ = try await admin.login(f.regionAdmin.email)
            try await admin.get("/beheer/reactietermijnen")
            let bad = try await admin.post("/beheer/reactietermijnen", [("from", f.praktijkA.id.uuidString), ("to", f.ggz.id.uuidString), ("days", "0")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("van 1 tot 60"))
            #expect(try await admin.post("/beheer/reactietermijnen", [("from", f.praktijkA.id.uuidString), ("to", f.ggz.id.uuidString), ("days", "2")]).status == .seeOther)
            #expect(try await app.repositories.handovers.norm(from: f.praktijkA.id, to: f.ggz.id) == ResponseNorm(workingDays: 2))
            #expect(try await app.repositories.handovers.norm(from: f.ggz.id, to: f.praktijkA.id) == .default)
            let poh = TestBrowser(app)
            _ = try await poh.login(f.adminA.email)
            #expect(try await poh.get("/beheer/reactietermijnen").status == .notFound, "an organisation's administrator does not set regional norms")

            let nurse = TestBrowser(app)
            let (id, plan) = try await clientWithPlan(app, f, clock, nurse, handoverConsentTo: [f.ggz.id])
            try await nurse.get("/clienten/\(id)")
            _ = try await nurse.post("/clienten/\(id)/plan/actie", [("plan", plan), ("route", "basis_ggz"), ("organisation", f.ggz.id.uuidString),
                                                                    ("owner", f.pohA.id.uuidString), ("description", "Intake")])
            clock.advance(5 * 86400)  // past two working days, within five
            _ = try await nurse.login(f.pohA.email)
            #expect(try await nurse.get("/overdrachten").text.contains("over de termijn"))
        }
    }
}
