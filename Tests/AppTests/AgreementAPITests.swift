import Domain
import Foundation
@testable import Persistence
import Testing
import Vapor
import VaporTesting

/// The samenwerkingsafspraken through the JSON API: the coordinator records and changes an agreement
/// with the form's rules (a norm change applies from its date, bad input names its fields and stores
/// nothing); a partner reads the agreements, their adherence and its own to-do list, whose items point
/// at the handover to answer. Clock: Wed 20 May 2026, 12:00 (`AdherenceMonitorTests`).
@Suite struct AgreementAPITests {
    typealias M = AdherenceMonitorTests

    @Test func theCoordinatorRecordsAgreementsAndPartnersReadAdherenceAndTheirToDoList() async throws {
        let clock = TestClock(M.now)
        try await withTestApp(clock: clock) { app, f in
            let coordinator = try await APIClient.make(app, f.coordinator, now: M.now)
            let poh = try await APIClient.make(app, f.pohA, now: M.now)
            let ggz = try await APIClient.make(app, f.behandelaar, now: M.now)

            // Bad input: every problem named by its field, nothing stored.
            let bad = try await coordinator.send(.POST, "/api/v1/agreements", [
                "title": " ", "effectiveFrom": "31-02-2026", "parties": [["organisationId": UUID().uuidString]],
                "norms": [["kind": "handover_response", "limit": 200], ["kind": "snel"]]])
            #expect(bad.status == .unprocessableEntity)
            let errors = try #require(try coordinator.object(bad)["errors"] as? [String: String])
            #expect(Set(errors.keys) == ["title", "effectiveFrom", "parties", "norms"], "\(errors)")
            #expect(errors["parties"]?.contains("bestaande organisatie") == true)
            #expect(try await app.repositories.agreements.all().isEmpty)
            // A professional cannot record agreements: the operation does not exist for them.
            let refused = try await poh.send(.POST, "/api/v1/agreements", [
                "title": "Eigen afspraak", "effectiveFrom": "2026-04-01", "parties": [["organisationType": "ggz_aanbieder"]],
                "norms": [["kind": "handover_response", "limit": 5]]])
            #expect(refused.status == .notFound && refused.headers.contentType?.description.contains("problem+json") == true)

            let created = try await coordinator.send(.POST, "/api/v1/agreements", [
                "title": "Overdrachten", "effectiveFrom": "2026-04-01",
                "parties": [["organisationType": "ggz_aanbieder"], ["organisationType": "huisartsenpraktijk"]],
                "norms": [["kind": "handover_response", "limit": 5]]])
            #expect(created.status == .created)
            let id = try #require((try coordinator.object(created)["id"] as? String).flatMap(UUID.init(uuidString:)))

            // A change from 1 May: April keeps 5 working days. Sending the same norm again changes nothing.
            let change: [String: Any] = ["title": "Overdrachten binnen het netwerk", "effectiveFrom": "2026-04-01",
                                         "parties": [["organisationType": "ggz_aanbieder"], ["organisationType": "huisartsenpraktijk"]],
                                         "norms": [["kind": "handover_response", "limit": 3, "validFrom": "2026-05-01"]]]
            let changed = try await coordinator.send(.PUT, "/api/v1/agreements/\(id)", change)
            #expect(changed.status == .ok)
            #expect(try await coordinator.send(.PUT, "/api/v1/agreements/\(id)", change).status == .ok)
            let stored = try #require(try await app.repositories.agreements.find(id: id))
            #expect(stored.title == "Overdrachten binnen het netwerk")
            #expect(stored.versions(of: .handoverResponse).map(\.limit) == [5, 3])
            #expect(stored.versions(of: .handoverResponse).map(\.validFrom.iso) == ["2026-04-01", "2026-05-01"])
            #expect(try await poh.send(.PUT, "/api/v1/agreements/\(id)", change).status == .notFound)
            let entries = try await app.repositories.audit.recent(limit: 200).filter { $0.objectType == "agreement" && $0.objectID == id.uuidString }
            #expect(entries.count { $0.action == .create } == 1 && entries.count { $0.action == .update } == 2)
            #expect(entries.allSatisfy { $0.userID == f.coordinator.id })

            // Three handovers from practice A to the GGZ provider: answered in time in April, one open past its
            // deadline (3 working days: Fri 15 May 11:00), one open and due within two working days (Fri 22 May 10:00).
            let client = Client(regionID: f.region.id, name: "Cliënt", dateOfBirth: DateOnly(year: 1980, month: 1, day: 1)!, bsn: nil, postcode: nil,
                                wijkID: f.wijkA.id, phone: nil, email: nil, createdAt: M.at(3, 1, 9))
            try await ClientModel(client).create(on: app.db)
            // With consent for the handover, the receiver sees it in its inbox (where the to-do link leads).
            try await ConsentModel(Consent(clientID: client.id, purpose: .overdracht, organisationID: f.ggz.id, givenAt: M.at(3, 1, 9), recordedBy: f.pohA.id))
                .create(on: app.db)
            let met = M.handover(client.id, from: f.praktijkA.id, to: f.ggz.id, M.at(4, 2, 10), answered: M.at(4, 8, 10), user: f.pohA.id)
            let late = M.handover(client.id, from: f.praktijkA.id, to: f.ggz.id, M.at(5, 12, 11), user: f.pohA.id)
            let soon = M.handover(client.id, from: f.praktijkA.id, to: f.ggz.id, M.at(5, 19, 10), user: f.pohA.id)
            for h in [met, late, soon] { try await HandoverModel(h).create(on: app.db) }

            // The GGZ provider's to-do list names the handovers, overdue first; the sender has nothing to do.
            let todo = try await ggz.send(.GET, "/api/v1/agreements/todo")
            #expect(todo.status == .ok)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(buffer: todo.body)) as? [[String: Any]])
            #expect(items.map { $0["handoverId"] as? String } == [late.id.uuidString, soon.id.uuidString])
            #expect(items.map { $0["overdue"] as? Bool } == [true, false])
            #expect(items.allSatisfy { $0["kind"] as? String == "handover_response" && $0["limit"] as? Int == 3 && $0["clientId"] == nil })
            #expect(try await poh.send(.GET, "/api/v1/agreements/todo").text == "[]")
            // The to-do page links to the handover itself.
            let page = TestBrowser(app)
            _ = try await page.login(f.behandelaar.email)
            let todoPage = try await page.get("/afspraken/taken").text
            #expect(todoPage.contains("href=\"/overdrachten#overdracht-\(late.id.uuidString)\""))
            #expect(try await page.get("/overdrachten").text.contains("id=\"overdracht-\(late.id.uuidString)\""), "the anchor the link jumps to")

            // Everyone reads the agreements with their adherence over the last 12 months: 1 met, 1 missed, 1 open.
            let list = try await poh.send(.GET, "/api/v1/agreements")
            let agreements = try #require(try JSONSerialization.jsonObject(with: Data(buffer: list.body)) as? [[String: Any]])
            #expect(agreements.count == 1)
            let norm = try #require((agreements[0]["norms"] as? [[String: Any]])?.first)
            #expect(norm["kind"] as? String == "handover_response" && norm["workingDays"] as? Bool == true)
            #expect((norm["versions"] as? [[String: Any]])?.map { $0["limit"] as? Int } == [5, 3])
            let totals = try #require(norm["last12Months"] as? [String: Any])
            #expect(totals["met"] as? Int == 1 && totals["missed"] as? Int == 1 && totals["open"] as? Int == 1 && totals["share"] as? Double == 0.5)

            // One agreement: per month (June 2025 … May 2026) and per responsible organisation.
            let detail = try poh.object(try await poh.send(.GET, "/api/v1/agreements/\(id)"))
            let adherence = try #require((detail["adherence"] as? [[String: Any]])?.first)
            let months = try #require(adherence["byMonth"] as? [[String: Any]])
            #expect(months.count == 12 && months.first?["month"] as? String == "2025-06" && months.last?["month"] as? String == "2026-05")
            func counts(_ m: [String: Any]?) -> [Int] {
                let t = m?["totals"] as? [String: Any]
                return ["met", "missed", "open"].map { t?[$0] as? Int ?? -1 }
            }
            #expect(counts(months.first { $0["month"] as? String == "2026-04" }) == [1, 0, 0])
            #expect(counts(months.last) == [0, 1, 1])
            let orgs = try #require(adherence["byOrganisation"] as? [[String: Any]])
            #expect(orgs.map { $0["organisationId"] as? String } == [f.ggz.id.uuidString])
            #expect(try await poh.send(.GET, "/api/v1/agreements/\(UUID())").status == .notFound)
        }
    }

    /// An advice letter still to send: the to-do item names the client only to someone in the client's
    /// care team; a colleague of the same practice sees the item, not who it is about.
    @Test func anAdviceLetterItemNamesTheClientOnlyToItsCareTeam() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let start = DateOnly(year: 2020, month: 1, day: 1)!
            let agreement = Agreement(title: "Adviesbrief", parties: [.organisationType(.huisartsenpraktijk)], effectiveFrom: start,
                                      norms: [NormVersion(kind: .adviceLetter, limit: 2, validFrom: start)], createdAt: clock.now, createdBy: f.coordinator.id)
            try await app.repositories.agreements.save(agreement, audit: AuditEvent(at: clock.now, userID: f.coordinator.id, organisationID: f.netwerkbureau.id,
                role: .regiocoordinator, action: .create, objectType: "agreement", objectID: agreement.id.uuidString, sourceAddress: nil, basis: .administration))
            let poh = TestBrowser(app)
            let id = try await clientWithHeldConversation(app, f, clock, poh)  // held by the POH of practice A, no advice yet
            clock.advance(600)

            func todo(_ user: User) async throws -> [[String: Any]] {
                let res = try await APIClient.make(app, user, now: clock.now).send(.GET, "/api/v1/agreements/todo")
                return try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [[String: Any]])
            }
            let mine = try await todo(f.pohA)
            #expect(mine.count == 1 && mine.first?["kind"] as? String == "advice_letter" && mine.first?["appointmentId"] != nil)
            #expect(mine.first?["clientId"] as? String == id.uuidString)
            _ = try await poh.login(f.pohA.email)  // a day has passed since the registration's session
            #expect(try await poh.get("/afspraken/taken").text.lowercased().contains("/clienten/\(id.uuidString.lowercased())#plan"))
            // The practice's administrator is not in the care team: the same item, no client.
            let colleague = try await todo(f.adminA)
            #expect(colleague.count == 1 && colleague.first?["kind"] as? String == "advice_letter" && colleague.first?["clientId"] == nil)
            let other = TestBrowser(app)
            _ = try await other.login(f.adminA.email)
            #expect(!(try await other.get("/afspraken/taken").text.lowercased().contains(id.uuidString.lowercased())))
        }
    }

    /// The feedback figures as data: a professional gets their own, their organisation's and the region's
    /// groups, the coordinator the region only; months below 5 answers are counted as hidden, never shown.
    @Test func feedbackFiguresFollowTheGroupsOfThePage() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let poh = TestBrowser(app)
            let id = try await clientWithHeldConversation(app, f, clock, poh)
            let token = try await invitationToken(app, client: id)
            let client = TestBrowser(app)
            #expect(try await client.get("/f/\(token)").status == .ok)
            #expect(try await client.post("/f/\(token)", [("rapportcijfer", "9"), ("relatie", "10")]).status == .ok)
            clock.advance(62 * 86400)  // the month is complete: every invitation of it answered or expired

            let mine = try await APIClient.make(app, f.pohA, now: clock.now).send(.GET, "/api/v1/feedback/figures")
            #expect(mine.status == .ok)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: mine.body)) as? [String: Any])
            #expect(body["minimumGroupSize"] as? Int == 5)
            let groups = try #require(body["groups"] as? [[String: Any]])
            #expect(groups.map { $0["scope"] as? String } == ["own", "organisation", "region"])
            #expect(groups[1]["organisationId"] as? String == f.praktijkA.id.uuidString)
            for g in groups {
                #expect((g["months"] as? [Any])?.isEmpty == true, "one answer is never shown")
                #expect(g["hiddenMonths"] as? Int == 1)
            }
            #expect(!mine.text.contains("\"meanRating\""))
            let region = try await APIClient.make(app, f.coordinator, now: clock.now).send(.GET, "/api/v1/feedback/figures")
            let regionGroups = try #require((try JSONSerialization.jsonObject(with: Data(buffer: region.body)) as? [String: Any])?["groups"] as? [[String: Any]])
            #expect(regionGroups.map { $0["scope"] as? String } == ["region"])
        }
    }
}
