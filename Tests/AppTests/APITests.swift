import Crypto
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// An API client acting as `user`, with a token made the way the account page makes one.
struct APIClient {
    let app: Application
    let token: String

    static func make(_ app: Application, _ user: User, now: Date = Date(timeIntervalSince1970: 1_795_000_000)) async throws -> APIClient {
        let secret = "mgn_test_" + UUID().uuidString
        let hash = SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
        try await app.repositories.apiTokens.create(APIToken(userID: user.id, name: "test", tokenHash: hash, createdAt: now, expiresAt: now.addingTimeInterval(86400 * 90)),
                                                    audit: AuditEvent(at: now, userID: user.id, organisationID: user.organisationID, role: nil, action: .create,
                                                                      objectType: "api_token", objectID: nil, sourceAddress: nil, basis: .authentication))
        return APIClient(app: app, token: secret)
    }

    func send(_ method: HTTPMethod, _ path: String, _ json: [String: Any]? = nil) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        var body = ByteBuffer()
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        return try await app.testing().performTest(request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: body))
    }

    func object(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
    }
}

func aanmeldingJSON(_ f: Fixture, name: String = "Api Persoon", bsn: String? = nil, extraConsents: [[String: Any]] = []) -> [String: Any] {
    var json: [String: Any] = ["name": name, "dateOfBirth": "1990-04-02", "postcode": "1011", "helpQuestion": "Ik pieker veel over geld.",
                               "consents": [["purpose": "verkennend_gesprek", "organisationId": f.praktijkA.id.uuidString],
                                            ["purpose": "verkennend_gesprek", "organisationId": f.wijkteam.id.uuidString]] + extraConsents]
    if let bsn { json["bsn"] = bsn }
    return json
}

@Suite struct APIAuthenticationTests {
    @Test func withoutATokenTheAPIAnswersAProblemAndACookieIsNotEnough() async throws {
        try await withTestApp { app, f in
            let anonymous = try await app.testing().performTest(request: TestingHTTPRequest(method: .GET, url: URI(path: "/api/v1/me"), headers: [:], body: ByteBuffer()))
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.contentType?.description.contains("problem+json") == true)
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            #expect(try await b.get("/api/v1/me").status == .unauthorized, "a session cookie does not open the API (no CSRF protection there)")
            let api = try await APIClient.make(app, f.pohA)
            let me = try await api.send(.GET, "/api/v1/me")
            #expect(me.status == .ok && me.text.contains(f.pohA.email))
        }
    }

    @Test func theAccountPageMakesAndRevokesKeys() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            try await b.get("/account/api-sleutels")
            let page = try await b.post("/account/api-sleutels", [("name", "Koppeling HIS")]).text
            let secret = try #require(page.range(of: #"<code class="token">"#).map { String(page[$0.upperBound...].prefix { $0 != "<" }) })
            let api = APIClient(app: app, token: secret)
            #expect(try await api.send(.GET, "/api/v1/me").status == .ok)
            let id = try #require(page.range(of: #"name="token" value=""#).map { String(page[$0.upperBound...].prefix(36)) })
            _ = try await b.post("/account/api-sleutels/intrekken", [("token", id)])
            #expect(try await api.send(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await app.repositories.apiTokens.list(userID: f.pohA.id).first?.tokenHash != secret, "only the hash is stored")
        }
    }
}

@Suite struct APIWorkflowTests {
    @Test func registrationFollowsTheSameRulesAsTheForm() async throws {
        try await withTestApp { app, f in
            let api = try await APIClient.make(app, f.pohA)
            var bad = aanmeldingJSON(f)
            bad["bsn"] = "123456789"; bad["postcode"] = "9999"; bad["consents"] = []
            let refused = try await api.send(.POST, "/api/v1/aanmeldingen", bad)
            #expect(refused.status == .unprocessableEntity)
            let errors = try #require(try api.object(refused)["errors"] as? [String: String])
            #expect(errors["bsn"]?.contains("elfproef") == true && errors["postcode"] != nil && errors["consents"] != nil)
            #expect(try await count(app, "clients") == 0)
            #expect(try await api.send(.POST, "/api/v1/aanmeldingen", ["name": 1]).status == .badRequest, "malformed JSON is a 400 problem")

            let created = try await api.send(.POST, "/api/v1/aanmeldingen", aanmeldingJSON(f, bsn: "123456782"))
            #expect(created.status == .created)
            let clientID = try #require(try api.object(created)["clientId"] as? String)
            let other = try await APIClient.make(app, f.pohB)
            let dup = try await other.send(.POST, "/api/v1/aanmeldingen", aanmeldingJSON(f, bsn: "123456782"))
            #expect(dup.status == .conflict)
            let dupBody = try other.object(dup)
            #expect((dupBody["allowNew"] as? Bool) == false)
            #expect(try await other.send(.GET, "/api/v1/clients/\(clientID)").status == .notFound)
            var again = aanmeldingJSON(f, bsn: "123456782"); again["duplicateDecision"] = "existing:\(clientID)"
            #expect(try await other.send(.POST, "/api/v1/aanmeldingen", again).status == .created)
            #expect(try await other.send(.GET, "/api/v1/clients/\(clientID)").status == .ok)
        }
    }

    @Test func theWholePathAcrossThreeOrganisationsByAPI() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let gp = try await APIClient.make(app, f.pohA, now: clock.now)
            let start = clock.now.addingTimeInterval(86400)
            for u in [f.pohA, f.sociaalWerker] {
                try await app.repositories.planning.addWindow(AvailabilityWindow(userID: u.id, start: start, end: start.addingTimeInterval(7200)))
            }
            let created = try gp.object(try await gp.send(.POST, "/api/v1/aanmeldingen", aanmeldingJSON(f)))
            let clientID = try #require(created["clientId"] as? String), aanmeldingID = try #require(created["aanmeldingId"] as? String)

            let planning = try gp.object(try await gp.send(.GET, "/api/v1/clients/\(clientID)/planning"))
            let slot = try #require((planning["slots"] as? [[String: Any]])?.first)
            let booked = try await gp.send(.POST, "/api/v1/clients/\(clientID)/appointments",
                                           ["aanmeldingId": aanmeldingID, "start": slot["start"]!, "ggzUserId": slot["ggzUserId"]!, "sociaalDomeinUserId": slot["sociaalDomeinUserId"]!])
            #expect(booked.status == .created)
            let appointmentID = try #require(try gp.object(booked)["id"] as? String)
            #expect(try await gp.send(.POST, "/api/v1/clients/\(clientID)/appointments/\(appointmentID)/held").status == .conflict, "not started yet")
            clock.advance(86400 + 3600)
            #expect(try await gp.send(.POST, "/api/v1/clients/\(clientID)/appointments/\(appointmentID)/held").status == .noContent)
            let conversation: [String: Any] = ["appointmentId": appointmentID, "strengths": "Sportief", "whatMatters": "Werk", "reformulatedQuestion": "Overzicht over geld",
                                               "responses": [["instrumentUrl": "https://mgn.example/fhir/Questionnaire/positieve-gezondheid",
                                                              "answers": ["pg-lichaamsfuncties": 6, "pg-mentaal_welbevinden": 4, "pg-zingeving": 5, "pg-kwaliteit_van_leven": 5,
                                                                          "pg-meedoen": 4, "pg-dagelijks_functioneren": 6, "pg-zingeving-praten": 1]]]]
            #expect(try await gp.send(.POST, "/api/v1/clients/\(clientID)/conversations", conversation).status == .created)
            let planID = try #require(try gp.object(try await gp.send(.POST, "/api/v1/clients/\(clientID)/plans", ["primaryRoute": "sociaal_domein", "adviceText": "Wijkteam"]))["id"] as? String)
            let action: [String: Any] = ["route": "basis_ggz", "organisationId": f.ggz.id.uuidString, "ownerUserId": f.pohA.id.uuidString, "description": "Intake", "request": "Graag intake"]
            let refused = try await gp.send(.POST, "/api/v1/clients/\(clientID)/plans/\(planID)/actions", action)
            #expect(refused.status == .conflict && refused.text.contains("geen toestemming voor overdracht"))
            _ = try await gp.send(.POST, "/api/v1/clients/\(clientID)/consents", ["purpose": "overdracht", "organisationId": f.ggz.id.uuidString])
            #expect(try await gp.send(.POST, "/api/v1/clients/\(clientID)/plans/\(planID)/actions", action).status == .created)

            let ggz = try await APIClient.make(app, f.behandelaar, now: clock.now)
            let list = try ggz.object(try await ggz.send(.GET, "/api/v1/handovers"))
            let incoming = try #require((list["incoming"] as? [[String: Any]])?.first)
            let handoverID = try #require((incoming["handover"] as? [String: Any])?["id"] as? String)
            #expect(try await ggz.send(.GET, "/api/v1/clients/\(clientID)").status == .notFound)
            #expect(try await gp.send(.POST, "/api/v1/handovers/\(handoverID)/events", ["event": "accept"]).status == .conflict, "the sender cannot accept")
            #expect(try await ggz.send(.POST, "/api/v1/handovers/\(handoverID)/events", ["event": "reject", "reason": ""]).status == .conflict)
            #expect(try await ggz.send(.POST, "/api/v1/handovers/\(handoverID)/events", ["event": "accept"]).status == .noContent)
            #expect(try await ggz.send(.POST, "/api/v1/handovers/\(handoverID)/events", ["event": "first-contact"]).status == .noContent)
            #expect(try await ggz.send(.POST, "/api/v1/handovers/\(handoverID)/milestones", ["milestone": "intake"]).status == .noContent)
            #expect(try await ggz.send(.POST, "/api/v1/handovers/\(handoverID)/events", ["event": "complete"]).status == .noContent)
            let record = try ggz.object(try await ggz.send(.GET, "/api/v1/clients/\(clientID)"))
            let handover = try #require((record["handovers"] as? [[String: Any]])?.first)
            #expect(handover["status"] as? String == "completed" && handover["intakeAt"] != nil)
            let log = try await gp.send(.GET, "/api/v1/clients/\(clientID)/access-log")
            #expect(log.status == .ok && log.text.contains(f.behandelaar.id.uuidString))

            let outsider = try await APIClient.make(app, f.pohB, now: clock.now)
            for path in ["/api/v1/clients/\(clientID)", "/api/v1/clients/\(clientID)/access-log", "/api/v1/clients/\(clientID)/planning"] {
                #expect(try await outsider.send(.GET, path).status == .notFound, "\(path)")
            }
            #expect(try await outsider.send(.POST, "/api/v1/handovers/\(handoverID)/events", ["event": "cancel", "reason": "x"]).status == .notFound)
        }
    }
}

@Suite struct APIPlanOperationsTests {
    @Test func theAPIPublishesAvailabilityAndKeepsThePlanCurrent() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let sw = try await APIClient.make(app, f.sociaalWerker, now: clock.now)
            // A week ahead, clear of the conversation the helper below books for tomorrow.
            let start = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(7 * 86400)), end = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(7 * 86400 + 7200))
            #expect(try await sw.send(.POST, "/api/v1/availability", ["start": end, "end": start]).status == .unprocessableEntity)
            #expect(try await sw.send(.POST, "/api/v1/availability", ["start": start, "end": end]).status == .created)
            #expect(try await sw.send(.POST, "/api/v1/availability", ["start": start, "end": end]).status == .conflict, "overlap")
            #expect(try await sw.send(.GET, "/api/v1/availability").text.contains("\"start\""))
            #expect(try await (try await APIClient.make(app, f.behandelaar)).send(.POST, "/api/v1/availability", ["start": start, "end": end]).status == .notFound,
                    "a capability you lack answers like a page that does not exist")

            let nurse = TestBrowser(app)
            let (id, plan) = try await clientWithPlan(app, f, clock, nurse)
            let api = try await APIClient.make(app, f.pohA, now: clock.now)
            let action = try #require(try api.object(try await api.send(.POST, "/api/v1/clients/\(id)/plans/\(plan)/actions",
                                                                      ["route": "zelfhulp", "ownerUserId": f.pohA.id.uuidString, "description": "Wandelen"]))["id"] as? String)
            #expect(try await api.send(.POST, "/api/v1/clients/\(id)/plans/\(plan)/actions/\(action)/status", ["status": "done"]).status == .noContent)
            #expect(try await api.send(.POST, "/api/v1/clients/\(id)/plans/\(plan)/shared", [:]).status == .unprocessableEntity)
            #expect(try await api.send(.POST, "/api/v1/clients/\(id)/plans/\(plan)/shared", ["withClient": true, "withGp": true]).status == .noContent)
            let record = try api.object(try await api.send(.GET, "/api/v1/clients/\(id)"))
            let p = try #require((record["plans"] as? [[String: Any]])?.first)
            #expect(p["sharedWithClientAt"] != nil && p["adviceToGpAt"] != nil)
            #expect(((p["actions"] as? [[String: Any]])?.first?["status"] as? String) == "done")
        }
    }
}
