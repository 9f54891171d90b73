import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite struct AdminBoundaryTests {
    @Test func aProfessionalWithoutAdminRightsSeesNoAdminPages() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.pohA.email)
            for path in ["/beheer", "/beheer/gebruikers", "/beheer/gebruikers/nieuw", "/beheer/gebruikers/\(f.pohA.id)",
                         "/beheer/organisaties", "/beheer/wijken", "/beheer/auditlog"] {
                #expect(try await b.get(path).status == .notFound, "\(path)")
            }
            #expect(!(try await b.get("/").text.contains("/beheer")))
        }
    }

    @Test func anOrganisationAdministratorSeesOnlyTheirOwnPeople() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            let list = try await b.get("/beheer/gebruikers")
            #expect(list.status == .ok)
            #expect(list.text.contains(f.pohA.name))
            #expect(!list.text.contains(f.pohB.name) && !list.text.contains(f.adminB.name))
            for path in ["/beheer/organisaties", "/beheer/wijken", "/beheer/auditlog", "/beheer/organisaties/\(f.praktijkA.id)"] {
                #expect(try await b.get(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test func anotherOrganisationsPeopleCannotBeReadOrChanged() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            #expect(try await b.get("/beheer/gebruikers/\(f.pohB.id)").status == .notFound)
            try await b.get("/beheer/gebruikers")
            let res = try await b.post("/beheer/gebruikers/\(f.pohB.id)", [
                ("name", "Overgenomen"), ("email", f.pohB.email), ("organisation", f.praktijkA.id.uuidString), ("roles[]", "poh_ggz"), ("active", "on")])
            #expect(res.status == .notFound)
            #expect(try await app.repositories.users.find(id: f.pohB.id)?.name == f.pohB.name)
            // Nor can a new user be placed in another organisation.
            let before = try await app.repositories.users.count()
            try await b.get("/beheer/gebruikers/nieuw")
            let placed = try await b.post("/beheer/gebruikers/nieuw", [
                ("name", "Nieuw"), ("email", "nieuw@praktijk-b.nl"), ("organisation", f.praktijkB.id.uuidString),
                ("roles[]", "poh_ggz"), ("password", "een lange zin als wachtwoord")])
            #expect(placed.status == .unprocessableEntity)
            #expect(try await app.repositories.users.count() == before)
        }
    }

    @Test func rolesMustFitTheOrganisationAndAdminRightsComeFromTheRegion() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            try await b.get("/beheer/gebruikers/nieuw")
            let coordinator = try await b.post("/beheer/gebruikers/nieuw", [
                ("name", "Co"), ("email", "co@praktijk-a.nl"), ("organisation", f.praktijkA.id.uuidString),
                ("roles[]", "regiocoordinator"), ("password", "een lange zin als wachtwoord")])
            #expect(coordinator.status == .unprocessableEntity)
            #expect(coordinator.text.contains("passen niet bij deze organisatie"))
            let admin = try await b.post("/beheer/gebruikers/nieuw", [
                ("name", "Ad"), ("email", "ad@praktijk-a.nl"), ("organisation", f.praktijkA.id.uuidString),
                ("roles[]", "functioneel_beheerder"), ("password", "een lange zin als wachtwoord")])
            #expect(admin.status == .unprocessableEntity)
        }
    }

    @Test func anAdministratorCannotLockThemselvesOut() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            try await b.get("/beheer/gebruikers/\(f.adminA.id)")
            let res = try await b.post("/beheer/gebruikers/\(f.adminA.id)", [
                ("name", f.adminA.name), ("email", f.adminA.email), ("organisation", f.praktijkA.id.uuidString), ("roles[]", "huisarts")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("eigen beheerrechten"))
            #expect(try await app.repositories.users.find(id: f.adminA.id)?.has(.functioneelBeheerder) == true)
        }
    }

    @Test func deactivatingAUserEndsTheirSessions() async throws {
        try await withTestApp { app, f in
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let admin = TestBrowser(app)
            _ = try await admin.login(f.adminA.email)
            try await admin.get("/beheer/gebruikers/\(f.pohA.id)")
            let res = try await admin.post("/beheer/gebruikers/\(f.pohA.id)", [
                ("name", f.pohA.name), ("email", f.pohA.email), ("organisation", f.praktijkA.id.uuidString), ("roles[]", "poh_ggz")])
            #expect(res.status == .seeOther)
            #expect(try await poh.get("/").status == .seeOther)
        }
    }
}

@Suite struct AdminFormTests {
    @Test func aBadFormShowsEachProblemKeepsTheInputAndStoresNothing() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            let before = try await app.repositories.users.count()
            try await b.get("/beheer/gebruikers/nieuw")
            let res = try await b.post("/beheer/gebruikers/nieuw", [
                ("name", ""), ("email", "geen-adres"), ("organisation", f.praktijkA.id.uuidString), ("password", "kort")])
            #expect(res.status == .unprocessableEntity)
            let html = res.text
            #expect(html.contains("Het formulier is niet opgeslagen"))
            #expect(html.contains("id=\"name-error\"") && html.contains("Vul dit veld in."))
            #expect(html.contains("id=\"email-error\"") && html.contains("geldig e-mailadres"))
            #expect(html.contains("id=\"password-error\"") && html.contains("minimaal 12 tekens"))
            #expect(html.contains("id=\"roles-error\""))
            #expect(html.contains("value=\"geen-adres\""), "what was typed is kept")
            #expect(!html.contains("value=\"kort\""), "a password is never echoed")
            #expect(try await app.repositories.users.count() == before)
        }
    }

    @Test func aTakenAddressIsAFormErrorNotACrash() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            try await b.get("/beheer/gebruikers/nieuw")
            let res = try await b.post("/beheer/gebruikers/nieuw", [
                ("name", "Dubbel"), ("email", f.pohA.email.uppercased()), ("organisation", f.praktijkA.id.uuidString),
                ("roles[]", "poh_ggz"), ("password", "een lange zin als wachtwoord")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Er is al een account met dit e-mailadres."))
        }
    }

    @Test func hostileTextIsStoredAsTextAndShownEscaped() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.adminA.email)
            try await b.get("/beheer/gebruikers/nieuw")
            let hostile = "<script>alert('x')</script>\" onmouseover=\"alert(1)"
            let res = try await b.post("/beheer/gebruikers/nieuw", [
                ("name", hostile), ("email", "nieuw@praktijk-a.nl"), ("organisation", f.praktijkA.id.uuidString),
                ("roles[]", "poh_ggz"), ("password", "een lange zin als wachtwoord")])
            #expect(res.status == .seeOther)
            let list = try await b.get("/beheer/gebruikers").text
            #expect(!list.contains("<script>alert"))
            #expect(list.contains("&lt;script&gt;"))
            let id = try #require(try await app.repositories.users.credentials(email: "nieuw@praktijk-a.nl")?.user.id)
            let form = try await b.get("/beheer/gebruikers/\(id)").text
            #expect(!form.contains("\" onmouseover=\"alert(1)"))
            #expect(form.contains("&quot; onmouseover=&quot;alert(1)"))
        }
    }

    @Test func theRegionAdministratorManagesOrganisationsWijkenAndTeams() async throws {
        try await withTestApp { app, f in
            let b = TestBrowser(app)
            _ = try await b.login(f.regionAdmin.email)
            try await b.get("/beheer/organisaties/nieuw")
            let bad = try await b.post("/beheer/organisaties/nieuw", [("name", ""), ("type", ""), ("agb", "12")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("acht cijfers"))
            let created = try await b.post("/beheer/organisaties/nieuw", [
                ("name", "GGZ Nieuw"), ("type", "ggz_aanbieder"), ("agb", "22334455"), ("wijken[]", f.wijkA.id.uuidString)])
            #expect(created.status == .seeOther)
            let org = try #require(try await app.repositories.organisations.all().first { $0.name == "GGZ Nieuw" })
            #expect(org.wijkIDs == [f.wijkA.id] && org.agbCode == "22334455")

            try await b.get("/beheer/organisaties/\(org.id)")
            let team = try await b.post("/beheer/organisaties/\(org.id)/teams", [("team_name", "Specialistisch team"), ("echelon", "specialistische_ggz")])
            #expect(team.status == .seeOther)
            #expect(try await app.repositories.organisations.teams(of: org.id).map(\.echelon) == [.specialistischeGGZ])

            try await b.get("/beheer/wijken/nieuw")
            let clash = try await b.post("/beheer/wijken/nieuw", [("name", "Wijk C"), ("code", "c"), ("postcodes", "1031, 1011")])
            #expect(clash.status == .unprocessableEntity)
            #expect(clash.text.contains("Postcode 1011 hoort al bij een andere wijk."))
            #expect(clash.text.contains("1031, 1011"), "what was typed is kept")
            let wijk = try await b.post("/beheer/wijken/nieuw", [("name", "Wijk C"), ("code", "c"), ("postcodes", "1031 1032AB")])
            #expect(wijk.status == .seeOther)
            #expect(try await app.repositories.region.wijk(for: PC4("1032")!)?.name == "Wijk C")
        }
    }
}
