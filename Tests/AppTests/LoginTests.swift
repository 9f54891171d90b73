import Domain
import Foundation
import MGNApp
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite struct LoginTests {
    @Test func theLoginPageSpeaksDutchAndCarriesAFormToken() async throws {
        try await withTestApp { app, _ in
            let b = TestBrowser(app)
            let res = try await b.get("/inloggen")
            #expect(res.status == .ok)
            #expect(res.text.contains("<html lang=\"nl\">"))
            #expect(res.text.contains("Inloggen"))
            #expect(!b.csrf.isEmpty)
            #expect(b.cookies["mgn_csrf"] == b.csrf)
        }
    }

    @Test func aWrongPasswordIsRefusedAndTheAddressIsKept() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            let res = try await b.login(f.pohA.email, "not the password at all")
            #expect(res.status == .unauthorized)
            #expect(res.text.contains("Deze combinatie van e-mailadres en wachtwoord klopt niet."))
            #expect(res.text.contains("value=\"\(f.pohA.email)\""))
            #expect(b.cookies["mgn_session"] == nil)
        }
    }

    @Test func emptyFieldsAreShownNextToTheFields() async throws {
        try await withTestApp { app, _ in
            let b = TestBrowser(app)
            try await b.get("/inloggen")
            let res = try await b.post("/inloggen", [("email", ""), ("password", "")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("id=\"email-error\""))
            #expect(res.text.contains("id=\"password-error\""))
        }
    }

    @Test func loggingInOpensTheStartPage() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            let res = try await b.login(f.pohA.email)
            #expect(res.status == .seeOther)
            #expect(res.location == "/")
            let cookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("mgn_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax"))
            let home = try await b.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains(f.pohA.name))
            #expect(home.text.contains(f.praktijkA.name))
            #expect(home.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func itReturnsToTheRequestedPageButNeverElsewhere() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            let first = try await b.get("/account/wachtwoord")
            #expect(first.location == "/inloggen?terug=%2Faccount%2Fwachtwoord")
            try await b.get("/inloggen?terug=/account/wachtwoord")
            let ok = try await b.post("/inloggen", [("email", f.pohA.email), ("password", Fixture.password), ("terug", "/account/wachtwoord")])
            #expect(ok.location == "/account/wachtwoord")
            let c = TestBrowser(app)
            try await c.get("/inloggen")
            let evil = try await c.post("/inloggen", [("email", f.pohA.email), ("password", Fixture.password), ("terug", "//evil.example/")])
            #expect(evil.location == "/")
        }
    }

    @Test func sessionsLiveInTheDatabaseAndSurviveARestart() async throws {
        let (location, cleanup) = try await TestDatabase.fresh()
        defer { cleanup() }
        var config = AppConfiguration()
        config.database = location
        config.bcryptCost = 4
        let first = try await Application.make(.testing)
        try await MGN.configure(first, config)
        try await MGN.prepareDatabase(first, config)
        let f = try await Fixture.create(first)
        let b = TestBrowser(first)
        _ = try await b.login(f.pohA.email)
        try await first.asyncShutdown()

        // A second instance on the same database (a restart, or another app server behind the balancer).
        let second = try await Application.make(.testing)
        try await MGN.configure(second, config)
        try await MGN.prepareDatabase(second, config)
        let again = TestBrowser(second)
        again.cookies = b.cookies
        let home = try await again.get("/")
        #expect(home.status == .ok)
        #expect(home.text.contains(f.pohA.name))
        try await second.asyncShutdown()
    }

    @Test func logoutEndsTheSessionEverywhere() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            let stolen = b.cookies
            try await b.get("/")
            let out = try await b.post("/uitloggen", [])
            #expect(out.status == .seeOther)
            let replay = TestBrowser(app)
            replay.cookies = stolen
            #expect(try await replay.get("/").status == .seeOther)
        }
    }

    @Test func anIdleSessionExpires() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            clock.advance(50 * 60)
            #expect(try await b.get("/").status == .ok)   // 50 minutes idle: still in
            clock.advance(50 * 60)
            #expect(try await b.get("/").status == .ok)   // active again within the hour
            clock.advance(61 * 60)
            let res = try await b.get("/")
            #expect(res.status == .seeOther)
            #expect(res.location?.hasPrefix("/inloggen") == true)
        }
    }

    @Test func repeatedFailuresLockTheAccountForAQuarterOfAnHour() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let b = TestBrowser(app)
            for _ in 0..<5 { #expect(try await b.login(f.pohA.email, "wrong password here").status == .unauthorized) }
            // Even the right password is refused while locked, and the answer says for how long.
            let locked = try await b.login(f.pohA.email)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("Te veel mislukte pogingen"))
            // An unknown address is locked the same way: the lock does not reveal which accounts exist.
            for _ in 0..<5 { _ = try await b.login("niemand@nergens.nl", "wrong password here") }
            #expect(try await b.login("niemand@nergens.nl", "wrong password here").status == .tooManyRequests)
            clock.advance(15 * 60 + 1)
            #expect(try await b.login(f.pohA.email).status == .seeOther)
        }
    }

    @Test func aDeactivatedAccountCannotLogIn() async throws {
        try await withTestApp { app, f in
            var u = f.pohA; u.isActive = false
            try await app.repositories.users.update(u, audit: AuditEvent(at: Date(), userID: nil, organisationID: nil, role: nil, action: .update, objectType: "user", objectID: nil, sourceAddress: nil, basis: .administration))
            #expect(try await TestBrowser(app).login(f.pohA.email).status == .unauthorized)
        }
    }

    @Test func changingThePasswordChecksTheOldOneAndEndsOtherSessions() async throws {
        try await withTestApp { app, f in
            let phone = TestBrowser(app)
            _ = try await phone.login(f.pohA.email)
            let desk = TestBrowser(app)
            _ = try await desk.login(f.pohA.email)
            try await desk.get("/account/wachtwoord")

            let wrong = try await desk.post("/account/wachtwoord", [("current", "niet mijn wachtwoord"), ("new", "nieuwe zin voor piet"), ("repeat", "nieuwe zin voor piet")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Dit is niet uw huidige wachtwoord."))
            let mismatch = try await desk.post("/account/wachtwoord", [("current", Fixture.password), ("new", "nieuwe zin voor piet"), ("repeat", "andere zin voor piet")])
            #expect(mismatch.text.contains("De twee wachtwoorden zijn niet gelijk."))
            let short = try await desk.post("/account/wachtwoord", [("current", Fixture.password), ("new", "kort"), ("repeat", "kort")])
            #expect(short.text.contains("minimaal 12 tekens"))

            let ok = try await desk.post("/account/wachtwoord", [("current", Fixture.password), ("new", "nieuwe zin voor piet"), ("repeat", "nieuwe zin voor piet")])
            #expect(ok.status == .seeOther)
            #expect(try await desk.get("/").status == .ok)
            #expect(try await phone.get("/").status == .seeOther, "the other session has ended")
            #expect(try await TestBrowser(app).login(f.pohA.email).status == .unauthorized)
            #expect(try await TestBrowser(app).login(f.pohA.email, "nieuwe zin voor piet").status == .seeOther)
        }
    }

    @Test func theLanguageSwitchShowsEnglishAndReturns() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            let sw = try await b.get("/taal/en?terug=/account/wachtwoord")
            #expect(sw.location == "/account/wachtwoord")
            let page = try await b.get("/account/wachtwoord")
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.text.contains("Change password"))
            #expect(try await b.get("/taal/en?terug=https://evil.example").location == "/")
        }
    }
}
