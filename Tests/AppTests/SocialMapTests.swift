import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// A small map with known answers. The wijkteam owns the social-domain entries; the netwerkbureau the rest.
struct MapFixture {
    var ids: [String: UUID] = [:]
    subscript(_ name: String) -> UUID { ids[name]! }

    static func create(_ app: Application, _ f: Fixture, now: Date) async throws -> MapFixture {
        let repos = app.repositories
        let editor = MapEditor(user: f.coordinator, at: now)
        let gemeente = MapProvider(name: "Gemeente Teststad", description: "De gemeente")
        let ggz = MapProvider(name: "GGZ Test", description: "GGZ", organisationID: f.ggz.id)
        let buurt = MapProvider(name: "Buurtwerk Samen", description: "Welzijn in de wijk")
        for p in [gemeente, ggz, buurt] { try await repos.socialMap.saveProvider(p) }
        let huis = MapLocation(providerID: buurt.id, name: "Buurthuis De Kade", street: "Kade 1", postcode: "1011 AB", city: "Teststad",
                               openingHours: try OpeningHours.parse("ma-vr 09:00-17:00"))
        try await repos.socialMap.saveLocation(huis)
        var m = MapFixture()
        func add(_ name: String, _ provider: MapProvider, _ route: CareRoute, _ description: String, owner: UUID, referral: Bool = false,
                 wijken: [UUID] = [], target: String = "", note: String? = nil, contact: String? = nil, wait: (Int, Int?, Double)? = nil,
                 checkedDaysAgo: Double = 10) async throws {
            let s = MapService(providerID: provider.id, ownerOrganisationID: owner, name: name, route: route, description: description,
                               targetGroup: target, referralRequired: referral, professionalContact: contact, internalNote: note, wijkIDs: wijken,
                               locationIDs: provider.id == buurt.id ? [huis.id] : [],
                               lastCheckedAt: now.addingTimeInterval(-checkedDaysAgo * 86_400), updatedAt: now)
            let stored = try await repos.socialMap.importDirectory(SocialMapDirectory(services: [s]), by: editor)
            #expect(stored.created == 1)
            if let (a, b, daysAgo) = wait {
                try await repos.socialMap.reportWait(WaitingTimeReport(serviceID: s.id, aanmeldWeeks: a, behandelWeeks: b,
                                                                       reportedAt: now.addingTimeInterval(-daysAgo * 86_400), reportedBy: nil), by: editor)
            }
            m.ids[name] = s.id
        }
        try await add("Schuldhulpverlening Teststad", gemeente, .sociaalDomein, "Hulp bij schulden en betalingsachterstanden. Samen maken we een plan.",
                      owner: f.netwerkbureau.id, target: "Volwassenen met geldzorgen", wait: (1, nil, 5))
        try await add("Budgetcoaching", buurt, .sociaalDomein, "Een vrijwilliger helpt met uw administratie, zodat geldzorgen en schulden niet groeien.",
                      owner: f.wijkteam.id, wijken: [f.wijkA.id])
        try await add("Samen Minder Eenzaam", buurt, .sociaalDomein, "Ontmoeting en activiteiten voor wie zich alleen voelt. Eenzaamheid is bespreekbaar.",
                      owner: f.wijkteam.id, wijken: [f.wijkA.id], note: "Intern: groep zit vol tot januari; xyzzyintern", contact: "Bel coördinator Ans: 06-12345678")
        try await add("Rouwgroep De Haven", buurt, .sociaalDomein, "Lotgenotengroep na het verlies van een dierbare.", owner: f.wijkteam.id, wijken: [f.wijkB.id],
                      checkedDaysAgo: 200)
        try await add("Slaapcursus online", gemeente, .zelfhulp, "Een online cursus met oefeningen voor wie slecht slaapt.", owner: f.netwerkbureau.id)
        try await add("Basis-GGZ Angst en Depressie", ggz, .basisGGZ, "Kortdurende behandeling bij angst, somberheid en depressie.", owner: f.ggz.id,
                      referral: true, wait: (6, 4, 10))
        try await add("Jongerenwerk Wijk B", buurt, .sociaalDomein, "Jongerenwerkers voor jongeren van 12 tot 23 jaar.", owner: f.wijkteam.id, wijken: [f.wijkB.id])
        try await add("Mantelzorgsteunpunt", gemeente, .sociaalDomein, "Advies en respijtzorg voor mantelzorgers.", owner: f.netwerkbureau.id, wait: (2, nil, 120))
        return m
    }
}

func postMultipart(_ browser: TestBrowser, _ path: String, file: String, filename: String) async throws -> TestingHTTPResponse {
    let boundary = "mgnTestBoundary7x"
    var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n"
    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/plain\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
    var h = browser.headers
    h.replaceOrAdd(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
    h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    return try await browser.app.testing().performTest(request: TestingHTTPRequest(method: .POST, url: URI(path: path), headers: h, body: ByteBuffer(string: body)))
}

@Suite struct SocialMapSearchTests {
    /// The search-quality table: what a person types, and what must come first.
    @Test func theRightServiceRanksFirst() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let m = try await MapFixture.create(app, f, now: clock.now)
            let table: [(String, String)] = [
                ("schuld", "Schuldhulpverlening Teststad"), ("schulden", "Schuldhulpverlening Teststad"), ("SCHULDHULP", "Schuldhulpverlening Teststad"),
                ("eenzaam", "Samen Minder Eenzaam"), ("eenzaamheid", "Samen Minder Eenzaam"), ("rouw", "Rouwgroep De Haven"),
                ("verlies dierbare", "Rouwgroep De Haven"), ("slapen", "Slaapcursus online"), ("slaap", "Slaapcursus online"),
                ("dépressie", "Basis-GGZ Angst en Depressie"), ("angst", "Basis-GGZ Angst en Depressie"), ("jongeren", "Jongerenwerk Wijk B"),
                ("mantelzorger", "Mantelzorgsteunpunt"), ("hulp bij de administratie", "Budgetcoaching"),
            ]
            for (query, first) in table {
                let r = try await app.repositories.socialMap.search(ServiceSearch(text: query), audience: .publicView, now: clock.now)
                #expect(r.hits.first?.service.name == first, "\(query) → \(r.hits.map(\.service.name))")
            }
            // "geldzorgen schulden": no entry has both in one place except two; all words must match.
            let both = try await app.repositories.socialMap.search(ServiceSearch(text: "schulden geldzorgen"), audience: .publicView, now: clock.now)
            #expect(Set(both.hits.map(\.service.name)) == ["Schuldhulpverlening Teststad", "Budgetcoaching"] && !both.matchedAnyWord)
            let any = try await app.repositories.socialMap.search(ServiceSearch(text: "rouw slaap"), audience: .publicView, now: clock.now)
            #expect(any.matchedAnyWord && Set(any.hits.map(\.service.name)) == ["Rouwgroep De Haven", "Slaapcursus online"])
            _ = m
        }
    }

    @Test func filtersNarrowTheResults() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            _ = try await MapFixture.create(app, f, now: clock.now)
            func names(_ q: ServiceSearch) async throws -> Set<String> {
                Set(try await app.repositories.socialMap.search(q, audience: .publicView, now: clock.now).hits.map(\.service.name))
            }
            #expect(try await names(ServiceSearch(route: .basisGGZ)) == ["Basis-GGZ Angst en Depressie"])
            let inB = try await names(ServiceSearch(wijkID: f.wijkB.id))
            #expect(inB.contains("Rouwgroep De Haven") && inB.contains("Schuldhulpverlening Teststad") && !inB.contains("Budgetcoaching"), "wijk B: its own and region-wide")
            #expect(try await !names(ServiceSearch(noReferralOnly: true)).contains("Basis-GGZ Angst en Depressie"))
            // At most 4 weeks: the 1-week report counts; the 6-week one does not, nor the 2-week report that is 120 days old.
            #expect(try await names(ServiceSearch(maxWaitWeeks: 4)) == ["Schuldhulpverlening Teststad"])

            // Through the page: a postcode picks the wijk; an unknown postcode says so in Dutch.
            let citizen = TestBrowser(app)
            let page = try await citizen.get("/sociale-kaart?q=rouw&postcode=1021")
            #expect(page.status == .ok && page.text.contains("<mark>Rouwgroep</mark>") && page.text.contains("1 dienst gevonden"))
            let wrong = try await citizen.get("/sociale-kaart?q=rouw&postcode=9999")
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Postcode 9999 hoort niet bij een wijk"))
            #expect(try await citizen.get("/sociale-kaart?max_wacht=veel").text.contains("vul een heel aantal weken in"))
        }
    }

    @Test func thePublicSeesNoInternalNotesOrProfessionalContacts() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let m = try await MapFixture.create(app, f, now: clock.now)
            let citizen = TestBrowser(app)
            let pub = try await citizen.get("/sociale-kaart/dienst/\(m["Samen Minder Eenzaam"].uuidString.lowercased())")
            #expect(pub.status == .ok && pub.text.contains("Eenzaamheid is bespreekbaar") && pub.text.contains("Buurthuis De Kade"))
            #expect(!pub.text.contains("xyzzyintern") && !pub.text.contains("06-12345678"))
            // Words only in an internal note find nothing, for anyone.
            #expect(try await citizen.get("/sociale-kaart?q=xyzzyintern").text.contains("0 diensten gevonden"))
            let hsds = try await citizen.get("/sociale-kaart/hsds.json")
            #expect(hsds.status == .ok && !hsds.text.contains("xyzzyintern") && !hsds.text.contains("06-12345678") && hsds.text.contains("Samen Minder Eenzaam"))
            // The professional map needs a login and shows both.
            #expect(try await citizen.get("/kaart").status == .seeOther)
            let pro = TestBrowser(app)
            _ = try await pro.login(f.pohA.email)
            let detail = try await pro.get("/kaart/dienst/\(m["Samen Minder Eenzaam"].uuidString.lowercased())")
            #expect(detail.text.contains("xyzzyintern") && detail.text.contains("06-12345678"))
            // An inactive entry leaves the public map.
            _ = try await pro.login(f.coordinator.email)
            var s = try #require(try await app.repositories.socialMap.detail(serviceID: m["Rouwgroep De Haven"], audience: .professional)).service
            s.status = .inactive
            _ = try await app.repositories.socialMap.saveService(s, expectedVersion: s.version, by: MapEditor(user: f.coordinator, at: clock.now))
            #expect(try await citizen.get("/sociale-kaart/dienst/\(m["Rouwgroep De Haven"].uuidString.lowercased())").status == .notFound)
            #expect(try await !citizen.get("/sociale-kaart?q=rouw").text.contains("Rouwgroep"))
        }
    }
}

@Suite struct SocialMapUpkeepTests {
    @Test func ownersKeepTheirEntriesAndEveryChangeIsAVersion() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let m = try await MapFixture.create(app, f, now: clock.now)
            let id = m["Budgetcoaching"].uuidString.lowercased()
            let worker = TestBrowser(app)
            _ = try await worker.login(f.sociaalWerker.email)
            let form = try await worker.get("/kaart/dienst/\(id)/bewerken")
            #expect(form.status == .ok)
            let version = try #require(form.text.range(of: #"name="version" value=""#).map { String(form.text[$0.upperBound...].prefix { $0 != "\"" }) })
            func fields(_ name: String, _ website: String = "") -> [(String, String)] {
                [("name", name), ("provider", try! #require(form.text.range(of: #"<option value="([0-9a-f-]{36})" selected"#, options: .regularExpression)
                    .map { String(form.text[$0].dropFirst(15).prefix(36)) })),
                 ("route", "sociaal_domein"), ("owner", f.wijkteam.id.uuidString.lowercased()), ("description", "Hulp met de administratie en geldzorgen."),
                 ("languages", "nl, ar"), ("website", website), ("active", "on"), ("wijken[]", f.wijkA.id.uuidString.lowercased()), ("version", version)]
            }
            // A bad website: the form says what is wrong, in Dutch; nothing changes.
            let bad = try await worker.post("/kaart/dienst/\(id)/bewerken", fields("Budgetcoaching Plus", "www.budget.nl"))
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Een website begint met https://") && bad.text.contains("Budgetcoaching Plus"))
            #expect(try await app.repositories.socialMap.detail(serviceID: m["Budgetcoaching"], audience: .professional)?.service.name == "Budgetcoaching")
            try await worker.get("/kaart/dienst/\(id)/bewerken")
            #expect(try await worker.post("/kaart/dienst/\(id)/bewerken", fields("Budgetcoaching Plus")).status == .seeOther)
            let saved = try await app.repositories.socialMap.detail(serviceID: m["Budgetcoaching"], audience: .professional)?.service
            #expect(saved?.wijkIDs == [f.wijkA.id], "the wijken chosen in the form are kept")
            // A second save from the same old form is a conflict, not a silent overwrite.
            try await worker.get("/kaart/dienst/\(id)/bewerken")
            let stale = try await worker.post("/kaart/dienst/\(id)/bewerken", fields("Budgetcoaching Oud"))
            #expect(stale.status == .conflict && stale.text.contains("Iemand anders heeft deze vermelding intussen gewijzigd"))
            let history = try await worker.get("/kaart/dienst/\(id)/versies").text
            #expect(history.contains("Budgetcoaching Plus") && history.contains(f.sociaalWerker.name) && history.contains("Arabisch") == false)
            #expect(history.contains("nl, ar"))

            // Someone of another organisation cannot edit it (and cannot tell it is editable).
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            #expect(try await poh.get("/kaart/dienst/\(id)/bewerken").status == .notFound)
            try await poh.get("/kaart/dienst/\(id)")
            #expect(try await poh.post("/kaart/dienst/\(id)/wachttijd", [("aanmeld", "3")]).status == .notFound)

            // Waiting time: a bad number is explained; a good one becomes current.
            try await worker.get("/kaart/dienst/\(id)")
            let badWait = try await worker.post("/kaart/dienst/\(id)/wachttijd", [("aanmeld", "drie")])
            #expect(badWait.status == .unprocessableEntity && badWait.text.contains("De wachttijd is niet opgeslagen"))
            try await worker.get("/kaart/dienst/\(id)")
            #expect(try await worker.post("/kaart/dienst/\(id)/wachttijd", [("aanmeld", "3"), ("behandel", "")]).status == .seeOther)
            #expect(try await worker.get("/kaart/dienst/\(id)").text.contains("3 wk tot aanmelding"))
        }
    }

    @Test func staleEntriesAreOnTheOwnersListAndTheRegionSeesFreshness() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let m = try await MapFixture.create(app, f, now: clock.now)
            let worker = TestBrowser(app)
            _ = try await worker.login(f.sociaalWerker.email)
            let list = try await worker.get("/kaart/onderhoud").text
            #expect(list.contains("Rouwgroep De Haven") && list.contains("1 vermelding(en) langer dan zes maanden niet gecontroleerd"))
            #expect(!list.contains("Mantelzorgsteunpunt"), "only the organisation's own entries")
            #expect(!list.contains("De regio in één oogopslag"))
            _ = try await worker.post("/kaart/dienst/\(m["Rouwgroep De Haven"].uuidString.lowercased())/gecontroleerd", [("terug", "/kaart/onderhoud")])
            #expect(!(try await worker.get("/kaart/onderhoud").text.contains("langer dan zes maanden niet gecontroleerd")))
            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let region = try await coordinator.get("/kaart/onderhoud").text
            #expect(region.contains("De regio in één oogopslag") && region.contains("Wijkteam A") && region.contains("100%"))
            let versions = try await app.repositories.socialMap.versions(serviceID: m["Rouwgroep De Haven"])
            #expect(versions.first?.kind == .checked && versions.first?.userName == f.sociaalWerker.name)
        }
    }
}

@Suite struct SocialMapExchangeTests {
    @Test func aCSVImportAppliesCompletelyOrNotAtAll() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            _ = try await MapFixture.create(app, f, now: clock.now)
            let before = try await count(app, "sk_services")
            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            try await coordinator.get("/kaart/import")
            let bad = """
            naam;aanbieder;route;omschrijving;verwijzing_nodig;wijken
            Taalcafé;Bibliotheek Test;sociaal domein;Oefenen met Nederlands praten;nee;Wijk A
            Fietsmaatjes;Buurtwerk Samen;sport;Samen fietsen;nee;Wijk A
            Sportclub;Buurtwerk Samen;sociaal_domein;Bewegen;nee;Wijk Z
            """
            let refused = try await postMultipart(coordinator, "/kaart/import/csv", file: bad, filename: "kaart.csv")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Er is niets geïmporteerd") && refused.text.contains("Regel 3: onbekende route") && refused.text.contains("Regel 4: onbekende wijk"))
            let servicesAfterRefusal = try await count(app, "sk_services"), providersAfterRefusal = try await count(app, "sk_providers")
            #expect(servicesAfterRefusal == before && providersAfterRefusal == 3, "nothing half-written")

            try await coordinator.get("/kaart/import")
            let good = bad.replacingOccurrences(of: ";sport;", with: ";zelfhulp;").replacingOccurrences(of: "Wijk Z", with: "Wijk B")
                + "\nBudgetcoaching;Buurtwerk Samen;sociaal_domein;Vernieuwd via import;nee;Wijk A"
            let applied = try await postMultipart(coordinator, "/kaart/import/csv", file: good, filename: "kaart.csv")
            #expect(applied.status == .ok && applied.text.contains("Import gelukt: 3 nieuw, 1 bijgewerkt"))
            let servicesAfter = try await count(app, "sk_services"), providersAfter = try await count(app, "sk_providers")
            #expect(servicesAfter == before + 3 && providersAfter == 4)
            let r = try await app.repositories.socialMap.search(ServiceSearch(text: "taalcafe"), audience: .publicView, now: clock.now)
            #expect(r.hits.first?.providerName == "Bibliotheek Test")
        }
    }

    @Test func theHSDSExportImportsBackUnchanged() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            _ = try await MapFixture.create(app, f, now: clock.now)
            let coordinator = TestBrowser(app)
            _ = try await coordinator.login(f.coordinator.email)
            let first = try await coordinator.get("/kaart/export/hsds.json")
            #expect(first.status == .ok && first.text.contains("xyzzyintern"), "the keepers' export carries the professional fields")
            try await coordinator.get("/kaart/import")
            let imported = try await postMultipart(coordinator, "/kaart/import/hsds", file: first.text, filename: "kaart.json")
            #expect(imported.status == .ok && imported.text.contains("0 nieuw, 8 bijgewerkt"))
            let second = try await coordinator.get("/kaart/export/hsds.json")
            #expect(second.text == first.text)
            // A broken file changes nothing and says where it is broken.
            try await coordinator.get("/kaart/import")
            let broken = first.text.replacingOccurrences(of: "\"sociaal_domein\"", with: "\"onbekend\"")
            let refused = try await postMultipart(coordinator, "/kaart/import/hsds", file: broken, filename: "kaart.json")
            #expect(refused.status == .unprocessableEntity && refused.text.contains("route ontbreekt of is onbekend") && refused.text.contains("contents["))
            #expect(try await coordinator.get("/kaart/export/hsds.json").text == first.text)
            // Only the map's keepers import and export with professional fields.
            let poh = TestBrowser(app)
            _ = try await poh.login(f.pohA.email)
            let export = try await poh.get("/kaart/export/hsds.json"), importPage = try await poh.get("/kaart/import")
            #expect(export.status == .notFound && importPage.status == .notFound)
        }
    }
}

@Suite struct SocialMapPlanTests {
    @Test func aServiceIsChosenForTheActionPlanFromTheMap() async throws {
        let clock = TestClock()
        try await withTestApp(clock: clock) { app, f in
            let m = try await MapFixture.create(app, f, now: clock.now)
            let poh = TestBrowser(app)
            let (id, plan) = try await clientWithPlan(app, f, clock, poh)
            let record = try await poh.get("/clienten/\(id)").text
            let mapLink = "/kaart?client=\(id.uuidString.lowercased())&amp;wijk=\(f.wijkA.id.uuidString.lowercased())"
            #expect(record.contains(mapLink), "the map opens with the client's wijk")
            let results = try await poh.get("/kaart?client=\(id.uuidString.lowercased())&wijk=\(f.wijkA.id.uuidString.lowercased())&q=schulden").text
            #expect(results.contains("Kies deze dienst") && results.contains("Budgetcoaching") && !results.contains("Rouwgroep"))
            let sid = m["Budgetcoaching"]
            let prefilled = try await poh.get("/clienten/\(id)?dienst=\(sid.uuidString.lowercased())").text
            #expect(prefilled.contains(#"name="service_id" value="\#(sid.uuidString.lowercased())""#) && prefilled.contains(#"name="service" value="Budgetcoaching""#))
            #expect(try await poh.post("/clienten/\(id)/plan/actie", [("plan", plan), ("route", "zelfhulp"), ("organisation", ""), ("owner", f.pohA.id.uuidString),
                                                                      ("service", "Budgetcoaching"), ("service_id", sid.uuidString.lowercased()),
                                                                      ("description", "Aanmelden bij budgetcoaching")]).status == .seeOther)
            let after = try await poh.get("/clienten/\(id)").text
            #expect(after.contains(#"<a href="/kaart/dienst/\#(sid.uuidString.lowercased())">Budgetcoaching</a>"#))

            // An open action without a service gets one chosen afterwards.
            _ = try await poh.post("/clienten/\(id)/plan/actie", [("plan", plan), ("route", "zelfhulp"), ("organisation", ""), ("owner", f.pohA.id.uuidString),
                                                                  ("description", "Iets tegen het piekeren")])
            let page = try await poh.get("/clienten/\(id)").text
            let action = try #require(page.range(of: #"actie=([0-9a-f-]{36})"#, options: .regularExpression).map { String(page[$0].dropFirst(6)) })
            let slaap = m["Slaapcursus online"].uuidString.lowercased()
            #expect(try await poh.post("/clienten/\(id)/plan/actie/dienst", [("action", action), ("service", slaap)]).status == .seeOther)
            #expect(try await poh.get("/clienten/\(id)").text.contains("Slaapcursus online"))
            let audit = try await app.repositories.audit.entries(clientID: id)
            #expect(audit.contains { $0.objectType == "plan_action" && $0.detail.contains("service") }, "linking is a change of client data and audited")
        }
    }
}
