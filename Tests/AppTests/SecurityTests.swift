import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite struct CSRFTests {
    @Test func aLoginWithoutTheFormTokenIsRefused() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            try await b.get("/inloggen")
            let res = try await b.post("/inloggen", [("email", f.pohA.email), ("password", Fixture.password)], withToken: false)
            #expect(res.status == .forbidden)
            #expect(res.text.contains("Formulier verlopen"))
        }
    }

    @Test func aFormFromElsewhereCannotChangeAnything() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            let before = try await app.repositories.users.count()
            // The token of the anonymous login page is not the session's token.
            let forged = try await b.post("/beheer/gebruikers/nieuw", [
                ("_csrf", b.cookies["mgn_csrf"] ?? "x"), ("name", "Indringer"), ("email", "x@y.nl"),
                ("organisation", f.praktijkA.id.uuidString), ("roles[]", "poh_ggz"), ("password", "een lange zin als wachtwoord")])
            #expect(forged.status == .forbidden)
            let none = try await b.post("/uitloggen", [], withToken: false)
            #expect(none.status == .forbidden)
            #expect(try await app.repositories.users.count() == before)
            #expect(try await b.get("/").status == .ok, "still logged in: the forged logout did nothing")
        }
    }
}

@Suite struct HeaderTests {
    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await withTestApp { app, _ in
            let b = TestBrowser(app)
            for path in ["/inloggen", "/bestaat-niet", "/health", "/css/mgn.css"] {
                let res = try await b.get(path)
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), "\(path)")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin", "\(path)")
                #expect(res.headers.first(name: "X-Request-Id")?.isEmpty == false, "\(path)")
            }
        }
    }
}

@Suite struct ErrorTests {
    @Test func anonymousVisitorsCannotTellWhichPagesExist() async throws {
        try await withTestApp { app, _ in
            let b = TestBrowser(app)
            let existing = try await b.get("/beheer/gebruikers")
            let missing = try await b.get("/beheer/geheim-rapport")
            #expect(existing.status == .seeOther && missing.status == .seeOther)
            #expect(existing.location?.hasPrefix("/inloggen") == true && missing.location?.hasPrefix("/inloggen") == true)
        }
    }

    @Test func aPageYouMayNotSeeLooksLikeAPageThatDoesNotExist() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            let forbidden = try await b.get("/beheer/gebruikers")
            let missing = try await b.get("/beheer/bestaat-niet")
            #expect(forbidden.status == .notFound && missing.status == .notFound)
            // The main content is identical; only the request id differs.
            let main = { (s: String) -> String in
                let inner = s.components(separatedBy: "<main").last?.components(separatedBy: "</main>").first ?? ""
                return inner.replacingOccurrences(of: #"<code>[^<]*</code>"#, with: "", options: .regularExpression)
            }
            #expect(!main(forbidden.text).isEmpty && main(forbidden.text) == main(missing.text))
            #expect(forbidden.text.contains("Pagina niet gevonden"))
        }
    }

    @Test func healthAnswersJSONAndMetricsCountRequests() async throws {
        try await withTestApp { app, _ in
            let b = TestBrowser(app)
            let h = try await b.get("/health")
            #expect(h.status == .ok)
            #expect(h.text.contains("\"database\":\"ok\""))
            try await b.get("/inloggen")
            let m = try await b.get("/metrics")
            #expect(m.status == .ok)
            #expect(m.text.contains("http_requests_total"))
        }
    }
}
