import Domain
import Foundation
import Testing

@Suite struct DutchSearchTextTests {
    @Test(arguments: [
        ("schulden", ["schuld"]), ("Schuldhulpverlening", ["schuldhulpverlening"]), ("eenzaamheid", ["eenzaam"]),
        ("eenzaam", ["eenzaam"]), ("jongeren", ["jonger", "jongeer"]), ("slapen", ["slap", "slaap"]), ("problemen", ["problem", "probleem"]),
        ("mogelijkheden", ["mogelijk"]), ("verslavingen", ["verslaving"]), ("Cliënten", ["client"]), ("rouw", ["rouw"]), ("apps", ["apps"]),
    ])
    func queryWordsBecomePrefixes(word: String, expected: [String]) {
        #expect(SearchText.queryTerms(word).first?.alternatives == expected)
    }

    @Test func stopWordsAndAccentsAreDropped() {
        #expect(SearchText.queryTerms("Hulp bij schulden en ééNzaamheid").map(\.alternatives) == [["schuld"], ["eenzaam"]])
        #expect(SearchText.queryTerms("hulp").map(\.alternatives) == [["hulp"]], "a lone 'hulp' still searches")
        #expect(SearchText.queryTerms("  ;; ").isEmpty)
        #expect(SearchText.queryTerms(#"schuld" OR "x"* NEAR(a)"#).allSatisfy { $0.alternatives.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber } } },
                "no query syntax reaches the database")
    }

    @Test func snippetsMarkMatchesAndKeepTheOriginalSpelling() {
        let s = Snippet.make("Wij helpen bij Schulden en geldzorgen.", terms: SearchText.queryTerms("schuld"))
        #expect(s.parts == [.init(text: "Wij helpen bij ", isMatch: false), .init(text: "Schulden", isMatch: true), .init(text: " en geldzorgen.", isMatch: false)])
        let long = (1...60).map { "woord\($0)" }.joined(separator: " ") + " eenzaamheid " + (61...90).map { "woord\($0)" }.joined(separator: " ")
        let w = Snippet.make(long, terms: SearchText.queryTerms("eenzaam"), window: 20)
        #expect(w.leadingEllipsis && w.trailingEllipsis && w.hasMatch)
        #expect(w.plainText.split(separator: " ").count <= 21)
    }
}

@Suite struct OpeningHoursTests {
    @Test func parsesTheSignNotationAndWritesItBack() throws {
        let h = try OpeningHours.parse("ma-vr 09:00-17:00; za 10:00-13:00")
        #expect(h.periods.count == 6)
        #expect(h.text == "ma-vr 09:00-17:00; za 10:00-13:00")
        let split = try OpeningHours.parse("ma,wo 09:00-12:00 13:00-16:00")
        #expect(split.periods.count == 4 && split.text == "ma 09:00-12:00 13:00-16:00; wo 09:00-12:00 13:00-16:00")
        #expect(try OpeningHours.parse("").isByAppointment)
    }

    @Test(arguments: ["maandag 9-5", "ma-vr 17:00-09:00", "vr-ma 09:00-12:00", "ma 25:00-26:00", "xx 09:00-10:00", "ma"])
    func refusesWhatItCannotRead(_ text: String) {
        #expect(throws: OpeningHours.ParseError.self) { try OpeningHours.parse(text) }
    }

    @Test func weeklyAndOneOffActivitiesFallOnTheirDays() {
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let monday = DateOnly(year: 2026, month: 11, day: 23)!
        let weekly = MapActivity(serviceID: UUID(), title: "Inloop", weekday: 3, date: nil, start: ClockTime("10:00")!, end: ClockTime("12:00")!)
        #expect(weekly.occurrences(from: monday, days: 14, calendar: c).map(\.iso) == ["2026-11-25", "2026-12-02"])
        let once = MapActivity(serviceID: UUID(), title: "Kerstmarkt", weekday: nil, date: DateOnly(year: 2026, month: 12, day: 18), start: ClockTime("14:00")!, end: ClockTime("16:00")!)
        #expect(once.occurrences(from: monday, days: 28, calendar: c).map(\.iso) == ["2026-12-18"])
        #expect(!MapActivity(serviceID: UUID(), title: "x", weekday: 2, date: monday, start: ClockTime("10:00")!, end: ClockTime("09:00")!).validate().isEmpty)
    }
}

@Suite struct WaitingTimeTests {
    @Test func treeknormAndAge() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        func report(_ a: Int, _ b: Int?, daysAgo: Double = 1) -> WaitingTimeReport {
            WaitingTimeReport(serviceID: UUID(), aanmeldWeeks: a, behandelWeeks: b, reportedAt: now.addingTimeInterval(-daysAgo * 86_400), reportedBy: nil)
        }
        #expect(!report(4, 10).exceedsTreeknorm)
        #expect(report(5, nil).exceedsTreeknorm, "more than 4 weeks to registration")
        #expect(report(2, 11).exceedsTreeknorm, "more than 10 weeks to treatment")
        #expect(!report(4, 10).exceedsTreeknorm && report(4, 10).aanmeldWeeks + 10 == 14)
        #expect(report(1, 1, daysAgo: 90).isCurrent(at: now) && !report(1, 1, daysAgo: 91).isCurrent(at: now))
        #expect(!WaitingTimeReport.validate(aanmeld: -1, behandel: nil).isEmpty && !WaitingTimeReport.validate(aanmeld: nil, behandel: 2).isEmpty)
    }

    @Test func anEntryIsStaleAfterSixMonths() {
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let now = c.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 12))!
        #expect(!Freshness.isStale(lastChecked: c.date(from: DateComponents(year: 2026, month: 5, day: 24))!, now: now, calendar: c))
        #expect(Freshness.isStale(lastChecked: c.date(from: DateComponents(year: 2026, month: 5, day: 22))!, now: now, calendar: c))
    }
}

@Suite struct CSVTests {
    @Test func quotedFieldsSeparatorsAndLineNumbers() throws {
        let text = "\u{FEFF}naam;omschrijving\r\nA;\"twee\r\nregels; met \"\"quote\"\"\"\r\n\r\nB;gewoon\n"
        let records = try CSV.parse(text)
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].fields == ["A", "twee\nregels; met \"quote\""])
        #expect(try CSV.parse("a,b\n1,2").last?.fields == ["1", "2"], "a comma header means commas")
        #expect(throws: CSV.ParseError.unterminatedQuote(line: 2)) { try CSV.parse("a;b\n\"open;x\n") }
    }
}

@Suite struct ServiceImportTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let region = UUID()
    var wijken: [Wijk] { [Wijk(regionID: region, name: "Centrum", code: "centrum", postcodes: []), Wijk(regionID: region, name: "Oud-Veen", code: "dorp", postcodes: [])] }
    var organisations: [Organisation] { [Organisation(regionID: region, name: "Netwerkbureau", type: .netwerkbureau)] }

    func context(providers: [MapProvider] = [], existing: [(providerID: UUID, name: String, id: UUID)] = []) -> ServiceCSV.Context {
        ServiceCSV.Context(wijken: wijken, organisations: organisations, providers: providers, existingServices: existing,
                           defaultOwner: organisations[0].id, now: now)
    }

    @Test func goodRowsAreRead() throws {
        let csv = """
        naam;aanbieder;route;omschrijving;verwijzing_nodig;wijken;talen;aanmeldwachttijd_weken;behandelwachttijd_weken;eigenaar
        Budgetmaatje;Stichting Geld;sociaal domein;Hulp met geld;nee;Centrum, Oud-Veen;nl,en;1;;Netwerkbureau
        Angstcursus;Psycholoog X;Basis GGZ;Cursus;ja;;nl;6;4;
        """
        let rows = try ServiceCSV.read(csv, context: context()).get()
        #expect(rows.count == 2)
        #expect(rows[0].service.route == .sociaalDomein && rows[0].service.wijkIDs.count == 2 && rows[0].service.languages == ["nl", "en"])
        #expect(rows[0].wait?.aanmeld == 1 && rows[0].wait?.behandel == nil && !rows[0].service.referralRequired)
        #expect(rows[1].service.route == .basisGGZ && rows[1].service.wijkIDs.isEmpty && rows[1].service.referralRequired && rows[1].line == 3)
    }

    @Test func everyBadRowIsReportedWithItsLine() {
        let csv = """
        naam;aanbieder;route;omschrijving;verwijzing_nodig;wijken;aanmeldwachttijd_weken;website
        Goed;A;zelfhulp;Prima;nee;;;
        ;A;zelfhulp;Geen naam;nee;;;
        Route;A;toverij;x;nee;;;
        Wijk;A;zelfhulp;x;misschien;Atlantis;;
        Wacht;A;zelfhulp;x;nee;;-3;
        Site;A;zelfhulp;x;nee;;;www.voorbeeld.nl
        Goed;A;zelfhulp;Dubbel;nee;;;
        """
        guard case .failure(let rejected) = ServiceCSV.read(csv, context: context()) else { Issue.record("must be refused"); return }
        let lines = Set(rejected.problems.compactMap(\.line))
        #expect(lines == [3, 4, 5, 6, 7, 8])
        #expect(rejected.problems.contains { $0.line == 5 && $0.message.contains("Atlantis") })
        #expect(rejected.problems.contains { $0.line == 5 && $0.message.contains("ja of nee") })
        #expect(rejected.problems.contains { $0.line == 8 && $0.message.contains("regel 2") })
    }

    @Test func aMissingColumnOrUnknownColumnRefusesTheFile() {
        guard case .failure(let r) = ServiceCSV.read("naam;route\nA;zelfhulp\n", context: context()) else { Issue.record(); return }
        #expect(r.problems.contains { $0.message.contains("aanbieder") } && r.problems.allSatisfy { $0.line == 1 })
        guard case .failure(let u) = ServiceCSV.read("naam;aanbieder;route;omschrijving;verwijzing_nodig;kleur\n", context: context()) else { Issue.record(); return }
        #expect(u.problems.contains { $0.message.contains("kleur") })
    }

    @Test func aKnownServiceIsUpdatedNotDuplicated() throws {
        let provider = MapProvider(name: "Stichting Geld", description: "")
        let existing = UUID()
        let rows = try ServiceCSV.read("naam;aanbieder;route;omschrijving;verwijzing_nodig\nbudgetmaatje;stichting geld;sociaal_domein;Nieuw;nee\n",
                                       context: context(providers: [provider], existing: [(provider.id, "Budgetmaatje", existing)])).get()
        #expect(rows[0].existingServiceID == existing && rows[0].service.id == existing && rows[0].providerID == provider.id)
    }
}

@Suite struct HSDSMappingTests {
    @Test func aDirectoryRoundTripsThroughHSDSJSON() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000.25)
        let region = UUID(), owner = UUID()
        let wijk = Wijk(regionID: region, name: "Centrum", code: "centrum", postcodes: [])
        let p = MapProvider(name: "Steunpunt", description: "Inloop", website: "https://steunpunt.example", phone: "010-1234567", organisationID: owner)
        let l = MapLocation(providerID: p.id, name: "Huis", street: "Kade 1", postcode: "3011 AB", city: "Veenhaven", openingHours: try OpeningHours.parse("ma-vr 10:00-16:00"))
        let s = MapService(providerID: p.id, ownerOrganisationID: owner, name: "Herstelcafé", route: .steuncentrum, description: "Samen herstellen",
                           targetGroup: "Volwassenen", eligibility: "Iedereen", cost: "Gratis", languages: ["nl", "en"], publicPhone: "010-7654321",
                           professionalContact: "Bel Ans", internalNote: "Let op: druk op dinsdag", wijkIDs: [wijk.id], locationIDs: [l.id],
                           isSteuncentrum: true, ervaringsdeskundigen: true, lastCheckedAt: now, updatedAt: now, version: 3)
        let wait = WaitingTimeReport(serviceID: s.id, aanmeldWeeks: 2, behandelWeeks: nil, reportedAt: now, reportedBy: nil)
        let activity = MapActivity(serviceID: s.id, title: "WRAP", description: "Training", weekday: 2, date: nil, start: ClockTime("10:00")!, end: ClockTime("12:00")!)
        let dir = SocialMapDirectory(providers: [p], locations: [l], services: [s], waits: [s.id: wait], activities: [activity])

        let json = try HSDS.encoder().encode(HSDSMapping.export(dir, audience: .professional, wijken: [wijk], regionName: "Regio"))
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"address_1\"") && text.contains("\"total_items\""))
        let page = try HSDS.decoder().decode(HSDS.Page.self, from: json)
        let back = try HSDSMapping.read(page, wijken: [wijk], organisationIDs: [owner], defaultOwner: owner, now: now).get()
        var expected = s; expected.version = 1
        var got = try #require(back.services.first); got.version = 1
        #expect(got == expected)
        #expect(back.providers == [p] && back.locations == [l] && back.activities == [activity])
        #expect(back.waits[s.id]?.aanmeldWeeks == 2 && back.waits[s.id]?.reportedAt == now)
        // Exporting what was read gives the same document.
        let again = try HSDS.encoder().encode(HSDSMapping.export(back, audience: .professional, wijken: [wijk], regionName: "Regio"))
        #expect(again == json)

        let publicText = String(decoding: try HSDS.encoder().encode(HSDSMapping.export(dir, audience: .publicView, wijken: [wijk], regionName: "Regio")), as: UTF8.self)
        #expect(!publicText.contains("druk op dinsdag") && !publicText.contains("Bel Ans"))
    }

    @Test func problemsNameTheirPlaceInTheFile() throws {
        let json = """
        {"total_items":1,"total_pages":1,"page_number":1,"size":1,"first_page":true,"last_page":true,"empty":false,
         "contents":[{"id":"not-a-uuid","name":"X","description":""},
                     {"id":"6f1c1d1e-0000-4000-8000-000000000001","name":"Y","description":"",
                      "services":[{"id":"6f1c1d1e-0000-4000-8000-000000000002","name":"Z","status":"active"}]}]}
        """
        let page = try HSDS.decoder().decode(HSDS.Page.self, from: Data(json.utf8))
        guard case .failure(let r) = HSDSMapping.read(page, wijken: [], organisationIDs: [], defaultOwner: UUID(), now: Date()) else { Issue.record(); return }
        #expect(r.problems.contains { $0.path == "contents[0].id" })
        #expect(r.problems.contains { $0.path == "contents[1].services[0]" && $0.message.contains("route") })
    }
}

@Suite struct SocialMapPolicyTests {
    @Test func ownersKeepTheirEntriesCoordinatorsKeepAll() {
        let region = UUID()
        let nb = Organisation(regionID: region, name: "NB", type: .netwerkbureau)
        let wt = Organisation(regionID: region, name: "WT", type: .sociaalWijkteam)
        let coordinator = User(organisationID: nb.id, name: "C", email: "c@x", roles: [.regiocoordinator])
        let worker = User(organisationID: wt.id, name: "W", email: "w@x", roles: [.sociaalWerker])
        let own = MapService(providerID: UUID(), ownerOrganisationID: wt.id, name: "a", route: .sociaalDomein, description: "x", lastCheckedAt: Date(), updatedAt: Date())
        var other = own; other.ownerOrganisationID = nb.id
        #expect(SocialMapPolicy(user: coordinator, organisation: nb).canEdit(other) && SocialMapPolicy(user: coordinator, organisation: nb).canEdit(own))
        #expect(SocialMapPolicy(user: worker, organisation: wt).canEdit(own) && !SocialMapPolicy(user: worker, organisation: wt).canEdit(other))
        #expect(!SocialMapPolicy(user: worker, organisation: wt).keepsWholeMap)
    }
}
