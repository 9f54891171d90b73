import Domain
import Foundation

/// The demo region's social map as plain data: providers, their locations and services.
///
/// Everything is written out by hand in fixed order. Service keys are derived from their names
/// (`slug`), provider and location keys are written explicitly. The only computed numbers — days since
/// an entry was last checked and the age of a waiting-time report — come from a fixed formula over
/// the service's position in the list, so the map is identical on every run.
public struct DemoSocialMap: Sendable {
    public struct Provider: Sendable {
        public var key: String            // stable, e.g. "p:schuldhulp-veenhaven"
        public var name: String
        public var description: String
        public var website: String?       // https://….example (use .example domains only)
        public var email: String?         // …@….example
        public var phone: String?         // Dutch format "010-1234567"
        public var organisationKey: String?  // set when the provider IS one of DemoRegion's organisations
    }
    public struct Location: Sendable {
        public var key: String            // "l:…"
        public var providerKey: String
        public var name: String
        public var street: String         // "Havenstraat 12"
        public var postcode: String       // "3014 AB" — the 4 digits are one of DemoRegion's PC4s
        public var city: String           // "Veenhaven" (or "Oud-Veen" for the dorp wijk)
        public var openingHours: String   // "ma-vr 09:00-17:00; za 10:00-13:00"; "" when by appointment only
    }
    public struct Activity: Sendable {
        public var title: String
        public var description: String
        public var weekday: Int?          // 1 = maandag … 7 = zondag, for a weekly activity
        public var date: String?          // "2026-12-03" for a one-off activity (then weekday is nil)
        public var start: String          // "10:00"
        public var end: String            // "12:00"
    }
    public struct Service: Sendable {
        public var key: String            // "s:…" unique
        public var providerKey: String
        public var ownerOrganisationKey: String   // which DemoRegion organisation keeps this entry current
        public var name: String
        public var route: CareRoute
        public var description: String
        public var targetGroup: String
        public var eligibility: String
        public var referralRequired: Bool
        public var cost: String
        public var languages: [String]   // ISO 639-1 codes
        public var publicPhone: String?
        public var publicEmail: String?
        public var website: String?
        public var professionalContact: String?  // professional-only
        public var internalNote: String?         // professional-only
        public var wijkCodes: [String]           // wijken served; [] means the whole region
        public var locationKeys: [String]        // where it is given (may be [] for online/at home)
        public var aanmeldWeeks: Int?            // current waiting time to registration, weeks
        public var behandelWeeks: Int?           // waiting time from registration to treatment/start, weeks
        public var waitReportedDaysAgo: Int?     // how many days ago the waiting time was reported
        public var lastCheckedDaysAgo: Int       // days since the entry was last checked
        public var isSteuncentrum: Bool
        public var ervaringsdeskundigen: Bool    // experts by experience present
        public var activities: [Activity]        // only for steuncentra
    }

    public var providers: [Provider]
    public var locations: [Location]
    public var services: [Service]

    public static func make() -> DemoSocialMap {
        let rows = providerRows()
        let providers = rows.map(\.provider)
        // Lookup tables only; output order always follows the literal arrays.
        var providerByKey: [String: Provider] = [:]
        var keeperByKey: [String: String] = [:]
        for row in rows {
            providerByKey[row.provider.key] = row.provider
            keeperByKey[row.provider.key] = row.keeper
        }
        let locations = locationRows()
        let groups: [[Service]] = [
            zelfhulp(), sociaalDomein(), huisartsenzorg(), basisGGZ(),
            specialistischeGGZ(), steuncentra(), casuistiektafels(),
        ]
        let drafts: [Service] = groups.flatMap { $0 }

        var services: [Service] = []
        services.reserveCapacity(drafts.count)
        var usedKeys = Set<String>()
        var waitIndex = 0
        for (index, draft) in drafts.enumerated() {
            var s = draft
            // Keys come from unique names; the suffix is only a safety net.
            var key = s.key
            var suffix = 2
            while usedKeys.contains(key) {
                key = "\(s.key)-\(suffix)"
                suffix += 1
            }
            usedKeys.insert(key)
            s.key = key

            let provider = providerByKey[s.providerKey]
            if let org = provider?.organisationKey {
                s.ownerOrganisationKey = org
            } else if s.ownerOrganisationKey.isEmpty {
                s.ownerOrganisationKey = keeperByKey[s.providerKey] ?? "netwerkbureau"
            }
            s.publicPhone = inherit(s.publicPhone, provider?.phone)
            s.publicEmail = inherit(s.publicEmail, provider?.email)
            s.website = inherit(s.website, provider?.website)

            if s.lastCheckedDaysAgo < 0 {
                // 3 in every 20 entries are stale (> 183 days); the rest spread over 0–170.
                s.lastCheckedDaysAgo = [3, 9, 16].contains(index % 20)
                    ? 184 + (index * 37) % 150
                    : (index * 53 + 7) % 171
            }
            if s.aanmeldWeeks != nil || s.behandelWeeks != nil {
                if s.waitReportedDaysAgo == nil {
                    // 3 in every 20 waiting-time reports are old (120–300 days); the rest 1–60.
                    s.waitReportedDaysAgo = [4, 11, 17].contains(waitIndex % 20)
                        ? 120 + (waitIndex * 47) % 181
                        : 1 + (waitIndex * 13) % 60
                }
                waitIndex += 1
            }
            services.append(s)
        }
        return DemoSocialMap(providers: providers, locations: locations, services: services)
    }

    // MARK: - Helpers

    private struct ProviderRow: Sendable {
        var provider: Provider
        var keeper: String   // DemoRegion organisation that keeps this provider's entries current
    }

    /// `nil` inherits the provider's value, `""` means "deliberately none".
    private static func inherit(_ own: String?, _ fallback: String?) -> String? {
        guard let own else { return fallback }
        return own.isEmpty ? nil : own
    }

    /// "Schuldhulpverlening Veenhaven" → "schuldhulpverlening-veenhaven"; diacritics folded, ASCII only.
    private static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            if (97...122).contains(v) || (48...57).contains(v) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    private static func prov(
        _ key: String, _ name: String, org: String? = nil, keeper: String? = nil,
        phone: String?, domain: String?, email: String? = nil, _ description: String
    ) -> ProviderRow {
        let website = domain.map { "https://www.\($0)" }
        let mail: String?
        if let email {
            mail = email.isEmpty ? nil : email
        } else {
            mail = domain.map { "info@\($0)" }
        }
        let provider = Provider(key: "p:" + key, name: name, description: description, website: website,
                                email: mail, phone: phone, organisationKey: org)
        return ProviderRow(provider: provider, keeper: org ?? keeper ?? "netwerkbureau")
    }

    private static func loc(
        _ key: String, _ provider: String, _ name: String, _ street: String, _ postcode: String, _ hours: String
    ) -> Location {
        let pc4 = String(postcode.prefix(4))
        let city = (pc4 == "3032" || pc4 == "3033") ? "Oud-Veen" : "Veenhaven"
        return Location(key: "l:" + key, providerKey: "p:" + provider, name: name, street: street,
                        postcode: postcode, city: city, openingHours: hours)
    }

    private static func weekly(_ weekday: Int, _ start: String, _ end: String, _ title: String, _ description: String) -> Activity {
        Activity(title: title, description: description, weekday: weekday, date: nil, start: start, end: end)
    }

    private static func once(_ date: String, _ start: String, _ end: String, _ title: String, _ description: String) -> Activity {
        Activity(title: title, description: description, weekday: nil, date: date, start: start, end: end)
    }

    /// One service entry. `phone`/`email`/`web` nil inherit the provider's, "" means none.
    /// `owner` is only used when the provider is not itself a DemoRegion organisation.
    private static func svc(
        _ name: String, _ route: CareRoute, by provider: String, owner: String? = nil,
        wijken: [String] = [], at locations: [String] = [],
        group: String, desc: String, elig: String,
        referral: Bool = false, cost: String = "Gratis", lang: [String] = ["nl"],
        phone: String? = nil, email: String? = nil, web: String? = nil,
        pro: String? = nil, note: String? = nil,
        aanmeld: Int? = nil, behandel: Int? = nil, reported: Int? = nil, checked: Int? = nil,
        ervaring: Bool = false, activities: [Activity] = []
    ) -> Service {
        let isSteun = route == .steuncentrum
        return Service(
            key: "s:" + slug(name), providerKey: "p:" + provider, ownerOrganisationKey: owner ?? "",
            name: name, route: route, description: desc, targetGroup: group, eligibility: elig,
            referralRequired: isSteun ? false : referral, cost: cost, languages: lang,
            publicPhone: phone, publicEmail: email, website: web,
            professionalContact: pro, internalNote: note,
            wijkCodes: wijken, locationKeys: locations.map { "l:" + $0 },
            aanmeldWeeks: aanmeld, behandelWeeks: behandel, waitReportedDaysAgo: reported,
            lastCheckedDaysAgo: checked ?? -1,
            isSteuncentrum: isSteun, ervaringsdeskundigen: ervaring,
            activities: isSteun ? activities : [])
    }
}

// MARK: - Providers

extension DemoSocialMap {
    private static func providerRows() -> [ProviderRow] {
        [
            // DemoRegion's own organisations (organisationKey set)
            prov("gemeente", "Gemeente Veenhaven", org: "gemeente", phone: "010-2400000", domain: "veenhaven.example", email: "zorgeninkomen@veenhaven.example",
                 "De gemeente regelt ondersteuning vanuit de Wmo, de Participatiewet en de Jeugdwet, en biedt zelf schuldhulpverlening. Het Loket Zorg & Inkomen in het stadhuis is het centrale aanmeldpunt."),
            prov("netwerkbureau", "Netwerkbureau MGN Veenhaven", org: "netwerkbureau", phone: "010-2400500", domain: "mgn-veenhaven.example",
                 "Het Netwerkbureau verbindt huisartsen, GGZ, sociaal domein en steuncentra in de regio. Het organiseert de casuïstiektafels en houdt de sociale kaart bij."),
            prov("verzekeraar", "Zorgverzekeraar Polderzorg", org: "verzekeraar", phone: "010-2409900", domain: "polderzorg.example", email: "zorgbemiddeling@polderzorg.example",
                 "Regionale zorgverzekeraar. Verzekerden kunnen bij lange wachttijden hulp krijgen van de afdeling zorgbemiddeling."),
            prov("ha-linde", "Huisartsenpraktijk De Linde", org: "ha-linde", phone: "010-2411010", domain: "delinde.example",
                 "Huisartsenpraktijk met vier huisartsen in het centrum, met POH-GGZ en POH-somatiek."),
            prov("ha-anker", "Huisartsen Het Anker", org: "ha-anker", phone: "010-2412020", domain: "hetanker.example",
                 "Huisartsenpraktijk in het Havenkwartier met een dependance in Zuiderhaven."),
            prov("ha-oost", "Gezondheidscentrum Oost", org: "ha-oost", phone: "010-2413030", domain: "gcoost.example",
                 "Gezondheidscentrum met huisartsen, fysiotherapie, apotheek, POH-GGZ en POH-jeugd onder één dak."),
            prov("ha-polder", "Huisartspraktijk Noorderpolder", org: "ha-polder", phone: "010-2414040", domain: "noorderpolder-huisarts.example",
                 "Huisartspraktijk in de Noorderpolder met een eigen slaapspreekuur en POH-GGZ."),
            prov("ha-west", "Huisartsen Westwijk & Oud-Veen", org: "ha-west", phone: "010-2415050", domain: "huisartsenwestwijk.example",
                 "Huisartsenpraktijk met een locatie in Westwijk en een in het dorp Oud-Veen."),
            prov("wt-noord", "Sociaal Wijkteam Noord", org: "wt-noord", phone: "010-2420100", domain: "wijkteamnoord.example",
                 "Het wijkteam voor Noorderpolder en Veenhaven-Oost: één loket voor vragen over geld, wonen, opvoeden, zorg en meedoen."),
            prov("wt-centrum", "Sociaal Wijkteam Centrum-Haven", org: "wt-centrum", phone: "010-2420200", domain: "wijkteamcentrum.example",
                 "Het wijkteam voor het Centrum en het Havenkwartier. Generalisten met kennis van schulden, psychische kwetsbaarheid en jeugd."),
            prov("wt-zuidwest", "Sociaal Wijkteam Zuid-West", org: "wt-zuidwest", phone: "010-2420300", domain: "wijkteamzuidwest.example",
                 "Het wijkteam voor Zuiderhaven, Westwijk en Oud-Veen, met een wekelijks spreekuur in het dorpshuis."),
            prov("ggz-veenland", "GGZ Veenland", org: "ggz-veenland", phone: "010-2430000", domain: "ggzveenland.example",
                 "Regionale GGZ-instelling met basis-GGZ en specialistische teams, waaronder Angst & Stemming en Vroege Psychose."),
            prov("ggz-mindwerk", "Praktijk Mindwerk", org: "ggz-mindwerk", phone: "010-2431000", domain: "mindwerk.example",
                 "Praktijk voor basis-GGZ met psychologen en een GZ-psycholoog, in het centrum en in Oost."),
            prov("sc-brug", "Steunpunt De Brug", org: "sc-brug", phone: "010-2440100", domain: "debrug.example",
                 "Steuncentrum met inloop, herstelcafé en trainingen, gerund door ervaringsdeskundigen en vrijwilligers. Zonder verwijzing."),
            prov("sc-baken", "Herstelhuis Het Baken", org: "sc-baken", phone: "010-2440200", domain: "hetbaken.example",
                 "Herstelhuis in Noorderpolder met huiskamers in Westwijk en Oud-Veen. Iedereen is welkom, zonder indicatie."),

            // Sociaal domein
            prov("welzijn", "Stichting Welzijn Veenhaven", keeper: "gemeente", phone: "010-2450000", domain: "welzijnveenhaven.example",
                 "Welzijnsorganisatie met buurthuizen, algemeen maatschappelijk werk, sociaal raadslieden en activiteiten tegen eenzaamheid."),
            prov("papierwerk", "Stichting Papierwerk", keeper: "gemeente", phone: "010-2450400", domain: "papierwerk.example",
                 "Getrainde vrijwilligers die thuis helpen met post, rekeningen en formulieren."),
            prov("geldmaatjes", "Geldmaatjes Veenhaven", keeper: "wt-centrum", phone: "010-2450600", domain: "geldmaatjes-veenhaven.example",
                 "Vrijwillige budgetcoaches die inwoners een jaar lang helpen om grip te krijgen op hun geld."),
            prov("mantelzorgpunt", "Mantelzorgpunt Veenhaven", keeper: "gemeente", phone: "010-2450800", domain: "mantelzorgveenhaven.example",
                 "Informatie, advies en steun voor mantelzorgers van alle leeftijden."),
            prov("jong", "Stichting Jong Veenhaven", keeper: "gemeente", phone: "010-2451000", domain: "jongveenhaven.example",
                 "Jongerenwerk in alle wijken: jongerencentra, ambulant jongerenwerk en talentprojecten."),
            prov("jeugd-gezin", "Jeugd & Gezin Veenhaven", keeper: "gemeente", phone: "010-2451200", domain: "jeugdengezinveenhaven.example",
                 "Vragen over opgroeien en opvoeden, van baby tot jongvolwassene. Met opvoedspreekuur en oudercursussen."),
            prov("werkplein", "Werkplein Veenhaven", keeper: "gemeente", phone: "010-2451400", domain: "werkpleinveenhaven.example",
                 "Werk, re-integratie en uitkeringen van de gemeente, samen met werkgevers uit de regio."),
            prov("veenwerf", "Stichting De Veenwerf", keeper: "gemeente", phone: "010-2451600", domain: "deveenwerf.example",
                 "Dagbesteding en arbeidsmatige activiteiten in een werkplaats in het Havenkwartier en op zorgboerderij De Hooiberg."),
            prov("thuisbasis", "Thuisbasis Woonbegeleiding", keeper: "wt-zuidwest", phone: "010-2451800", domain: "thuisbasis.example",
                 "Ambulante woonbegeleiding en beschermd thuis voor mensen met een psychische kwetsbaarheid."),
            prov("veenhuis", "Woonstichting Veenhuis", keeper: "gemeente", phone: "010-2452000", domain: "veenhuis.example",
                 "Woningcorporatie met huurdersconsulenten die vroeg ingrijpen bij huurachterstand en overlast."),
            prov("rechtswinkel", "Rechtswinkel Veenhaven", keeper: "netwerkbureau", phone: "010-2452200", domain: "rechtswinkelveenhaven.example",
                 "Gratis juridisch advies door rechtenstudenten en vrijwillige juristen."),
            prov("vrijwilligerspunt", "Vrijwilligerspunt Veenhaven", keeper: "gemeente", phone: "010-2452400", domain: "vrijwilligerspunt.example",
                 "Vacaturebank en begeleiding voor vrijwilligerswerk, ook voor mensen die een steuntje in de rug nodig hebben."),
            prov("sportbedrijf", "Sportbedrijf Veenhaven", keeper: "gemeente", phone: "010-2452600", domain: "sportveenhaven.example",
                 "Sportaccommodaties en buurtsportcoaches die inwoners helpen om (weer) te gaan bewegen."),
            prov("bibliotheek", "Bibliotheek Veenhaven", keeper: "netwerkbureau", phone: "010-2452800", domain: "bibliotheekveenhaven.example",
                 "Openbare bibliotheek met drie vestigingen, taalcafés, digitale hulp en Boeken op recept."),
            prov("levensvragen", "Centrum voor Levensvragen Veenland", keeper: "netwerkbureau", phone: "010-2453000", domain: "levensvragenveenland.example",
                 "Geestelijk verzorgers voor mensen thuis die worstelen met zingeving, verlies of ziekte."),
            prov("rouw", "Stichting Rouw & Verder", keeper: "netwerkbureau", phone: "010-2453200", domain: "rouwenverder.example",
                 "Rouwbegeleiding en rouwgroepen voor volwassenen, jongeren en kinderen."),
            prov("veilig-samen", "Meldpunt Veilig Samen Veenland", keeper: "gemeente", phone: "010-2453400", domain: "veiligsamen.example",
                 "Advies- en meldpunt huiselijk geweld en kindermishandeling, dag en nacht bereikbaar."),
            prov("bewust", "Stichting Bewust", keeper: "gemeente", phone: "010-2453600", domain: "bewust-preventie.example",
                 "Preventie van verslaving: voorlichting, advies en vroegsignalering bij alcohol, drugs, gamen en gokken."),
            prov("voedselbank", "Voedselbank Veenhaven", keeper: "wt-centrum", phone: "010-2453800", domain: "voedselbankveenhaven.example",
                 "Wekelijks voedselpakket voor huishoudens die tijdelijk niet rondkomen."),
            prov("clientondersteuning", "Cliëntondersteuning Veenland", keeper: "gemeente", phone: "010-2454000", domain: "clientondersteuning.example",
                 "Onafhankelijke cliëntondersteuners die inwoners helpen bij gesprekken met gemeente, zorg en instanties."),
            prov("open-deur", "Diaconaal Centrum De Open Deur", keeper: "wt-zuidwest", phone: "010-2454200", domain: "opendeur-veenhaven.example",
                 "Inloophuis van de samenwerkende kerken in Westwijk: maaltijden, ontmoeting en een luisterend oor."),
            prov("dorpshuis", "Stichting Dorpshuis Oud-Veen", keeper: "wt-zuidwest", phone: "010-2454400", domain: "dorpshuisoudveen.example",
                 "Het dorpshuis van Oud-Veen: ontmoeting, activiteiten en spreekuren van wijkteam en huisarts."),

            // Zelfhulp
            prov("mentaal-online", "Mentaal Online", keeper: "netwerkbureau", phone: nil, domain: "mentaalonline.example",
                 "Platform met gratis apps, e-health modules en online cursussen, ingekocht door de gemeente voor alle inwoners."),
            prov("zelfhulpnetwerk", "Zelfhulpnetwerk Veenland", keeper: "netwerkbureau", phone: "010-2454600", domain: "zelfhulpveenland.example",
                 "Ondersteunt zelfhulp- en lotgenotengroepen in de regio met ruimte, training en een kleine vergoeding."),

            // Huisartsenzorg (aanvullend)
            prov("vitaal", "Leefstijlpraktijk Vitaal", keeper: "ha-polder", phone: "010-2454800", domain: "vitaalveenhaven.example",
                 "Leefstijlcoaches voor de gecombineerde leefstijlinterventie (GLI), op verwijzing van de huisarts."),

            // Basis-GGZ (vrijgevestigd)
            prov("helder-zicht", "Psychologiepraktijk Helder Zicht", keeper: "netwerkbureau", phone: "010-2460100", domain: "helderzicht.example",
                 "Vrijgevestigde praktijk met drie psychologen in het centrum; angst, depressie en EMDR."),
            prov("dijkstra", "Praktijk Dijkstra Psychologie", keeper: "netwerkbureau", phone: "010-2460200", domain: "dijkstrapsychologie.example",
                 "Eenmanspraktijk van een GZ-psycholoog in Westwijk, ook in het Engels en Duits."),
            prov("oudveen-psy", "Psychologenpraktijk Oud-Veen", keeper: "netwerkbureau", phone: "010-2460300", domain: "psychologenoudveen.example",
                 "Kleine praktijk in het dorp met twee psychologen en een systeemtherapeut."),
            prov("zuiderlicht", "Praktijk Zuiderlicht", keeper: "netwerkbureau", phone: "010-2460400", domain: "zuiderlicht.example",
                 "Basis-GGZ met cultuursensitieve behandeling, ook in het Turks, Arabisch en Farsi."),
            prov("kindwijs", "Praktijk Kindwijs", keeper: "gemeente", phone: "010-2460500", domain: "kindwijs.example",
                 "Kinder- en jeugdpsychologen voor jeugdigen van 4 tot 18 jaar en hun ouders."),

            // Specialistische GGZ
            prov("eetstoornissen", "Expertisecentrum Eetstoornissen Veenland", keeper: "netwerkbureau", phone: "010-2470100", domain: "eetstoornissenveenland.example",
                 "Gespecialiseerde behandeling van anorexia, boulimia en eetbuistoornis voor jongeren en volwassenen."),
            prov("zeeweg", "Traumacentrum Zeeweg", keeper: "netwerkbureau", phone: "010-2470200", domain: "traumacentrumzeeweg.example",
                 "Behandelcentrum voor PTSS en complex trauma, ook voor vluchtelingen en veteranen."),
            prov("koers", "Koers Verslavingszorg", keeper: "netwerkbureau", phone: "010-2470300", domain: "koersverslavingszorg.example",
                 "Ambulante en klinische verslavingszorg bij alcohol, drugs, medicijnen, gokken en gamen."),
            prov("zeestroom", "De Zeestroom", keeper: "netwerkbureau", phone: "010-2470400", domain: "dezeestroom.example",
                 "Specialistische behandeling van persoonlijkheidsproblematiek met schematherapie, MBT en DGT."),
            prov("avondrood", "Ouderenpsychiatrie Avondrood", keeper: "netwerkbureau", phone: "010-2470500", domain: "avondrood.example",
                 "Diagnostiek en behandeling van psychische problemen bij 65-plussers, ook thuis."),
            prov("kompas", "Kompas GGZ", keeper: "netwerkbureau", phone: "010-2470600", domain: "kompasggz.example",
                 "Langdurige zorg in de wijk voor mensen met ernstige psychische aandoeningen (FACT-teams)."),
            prov("crisisdienst", "Crisisdienst Veenland", keeper: "ggz-veenland", phone: nil, domain: "crisisdienstveenland.example", email: "",
                 "Acute psychiatrie, dag en nacht, via huisarts, huisartsenpost, SEH of politie."),

            // Steuncentra en herstel
            prov("herstelacademie", "Herstelacademie Veenland", keeper: "netwerkbureau", phone: "010-2440300", domain: "herstelacademieveenland.example",
                 "Cursussen en workshops over herstel, gegeven door ervaringsdeskundigen. Voor iedereen, zonder verwijzing."),
            prov("de-vonk", "Zelfregiecentrum De Vonk", keeper: "wt-noord", phone: "010-2440400", domain: "devonk.example",
                 "Zelfregiecentrum in Veenhaven-Oost, gerund door en voor mensen met psychische kwetsbaarheid."),
        ]
    }
}

// MARK: - Locations

extension DemoSocialMap {
    private static func locationRows() -> [Location] {
        [
            // Gemeente en Netwerkbureau
            loc("stadhuis", "gemeente", "Stadhuis Veenhaven – Loket Zorg & Inkomen", "Markt 1", "3011 AB", "ma-vr 09:00-17:00"),
            loc("wijkpost-zuid", "gemeente", "Wijkpost Zuiderhaven", "Zuiderhavenweg 120", "3026 KB", "di,do 09:00-12:30"),
            loc("mgn", "netwerkbureau", "Netwerkbureau MGN Veenhaven", "Stationsplein 5", "3013 AK", "ma-vr 08:30-17:00"),
            // Huisartsen
            loc("linde", "ha-linde", "Huisartsenpraktijk De Linde", "Lindelaan 4", "3012 BK", "ma-vr 08:00-17:00"),
            loc("anker", "ha-anker", "Huisartsen Het Anker", "Ankerkade 22", "3015 CR", "ma-vr 08:00-17:00"),
            loc("anker-zuid", "ha-anker", "Het Anker – dependance Zuiderhaven", "Kaapstraat 81", "3026 EG", "ma,wo,vr 08:00-12:30"),
            loc("gc-oost", "ha-oost", "Gezondheidscentrum Oost", "Oosterparkweg 150", "3021 HL", "ma-vr 08:00-17:30"),
            loc("polder", "ha-polder", "Huisartspraktijk Noorderpolder", "Polderweg 37", "3024 KM", "ma-vr 08:00-17:00"),
            loc("westwijk", "ha-west", "Huisartsen Westwijk", "Westersingel 9", "3028 BN", "ma-vr 08:00-17:00"),
            loc("oudveen-praktijk", "ha-west", "Huisartsen Westwijk & Oud-Veen – locatie Dorpsstraat", "Dorpsstraat 14", "3032 AC", "ma-do 08:00-12:30"),
            loc("vitaal", "vitaal", "Leefstijlpraktijk Vitaal", "Beweegplein 3", "3025 VB", "ma-vr 08:00-18:00"),
            // Wijkteams
            loc("wt-noord", "wt-noord", "Wijkteam Noord – wijkkantoor Noorderplein", "Noorderplein 3", "3023 DB", "ma-vr 09:00-17:00"),
            loc("wt-oost", "wt-noord", "Wijkteam Noord – steunpunt Oost", "Oosterparkweg 152", "3021 HL", "di,do 09:00-12:00"),
            loc("wt-centrum", "wt-centrum", "Wijkteam Centrum-Haven", "Veenkade 18", "3014 AE", "ma-vr 09:00-17:00"),
            loc("wt-zuidwest", "wt-zuidwest", "Wijkteam Zuid-West", "Schoolstraat 40", "3027 RH", "ma-vr 09:00-17:00"),
            // GGZ
            loc("ggz-centrum", "ggz-veenland", "GGZ Veenland – polikliniek Centrum", "Veenlandplein 2", "3013 LP", "ma-vr 08:30-17:00"),
            loc("ggz-oost", "ggz-veenland", "GGZ Veenland – Vroege Psychose", "Parklaan 60", "3016 TE", "ma-vr 08:30-17:00"),
            loc("ggz-noord", "ggz-veenland", "GGZ Veenland – Basis-GGZ Noord", "Molenweg 12", "3025 GZ", "ma-do 08:30-17:00"),
            loc("mindwerk", "ggz-mindwerk", "Praktijk Mindwerk Centrum", "Kanaalstraat 77", "3012 TR", "ma-do 08:30-20:00; vr 08:30-17:00"),
            loc("mindwerk-oost", "ggz-mindwerk", "Praktijk Mindwerk Oost", "Bloemenlaan 5", "3022 BE", ""),
            loc("helder-zicht", "helder-zicht", "Psychologiepraktijk Helder Zicht", "Spoorsingel 70", "3012 PB", ""),
            loc("dijkstra", "dijkstra", "Praktijk Dijkstra Psychologie", "Waterweg 5", "3029 WB", ""),
            loc("oudveen-psy", "oudveen-psy", "Psychologenpraktijk Oud-Veen", "Molenstraat 2", "3032 BM", "ma-do 09:00-17:00"),
            loc("zuiderlicht", "zuiderlicht", "Praktijk Zuiderlicht", "Lichtstraat 14", "3027 LM", "ma-vr 09:00-17:00"),
            loc("kindwijs", "kindwijs", "Praktijk Kindwijs", "Speelhof 10", "3021 MX", ""),
            loc("eetstoornissen", "eetstoornissen", "Expertisecentrum Eetstoornissen Veenland", "Lorentzlaan 9", "3022 DW", "ma-vr 08:30-17:00"),
            loc("zeeweg", "zeeweg", "Traumacentrum Zeeweg", "Zeeweg 140", "3028 ZP", "ma-vr 08:30-17:00"),
            loc("koers", "koers", "Koers Verslavingszorg – polikliniek", "Rietdijk 12", "3016 RB", "ma-vr 08:30-17:00"),
            loc("koers-kliniek", "koers", "Koers – Kliniek De Veenhof", "Veenhofweg 3", "3033 VH", "ma-zo 10:00-20:00"),
            loc("zeestroom", "zeestroom", "De Zeestroom", "Stroomweg 33", "3026 NT", "ma-vr 08:30-17:00"),
            loc("avondrood", "avondrood", "Ouderenpsychiatrie Avondrood", "Rozenhof 1", "3031 RZ", "ma-vr 08:30-17:00"),
            loc("kompas-noord", "kompas", "Kompas GGZ – FACT Noord-Oost", "Kompasstraat 8", "3023 LG", "ma-vr 08:30-17:00"),
            loc("kompas-zuid", "kompas", "Kompas GGZ – FACT Zuid-West", "Zuiderhavenweg 200", "3027 NP", "ma-vr 08:30-17:00"),
            loc("crisisdienst", "crisisdienst", "Crisisdienst Veenland", "Veenlandplein 4", "3013 LP", "ma-zo 00:00-23:59"),
            // Steuncentra
            loc("brug", "sc-brug", "Steunpunt De Brug", "Brugstraat 10", "3014 NV", "ma-vr 10:00-16:00; za 11:00-15:00"),
            loc("brug-zuid", "sc-brug", "De Brug – huiskamer Zuiderhaven", "Kaapstraat 3", "3026 KP", "di,do 13:00-17:00"),
            loc("baken", "sc-baken", "Herstelhuis Het Baken", "Bakenweg 21", "3024 RT", "ma-vr 10:00-16:00"),
            loc("baken-west", "sc-baken", "Het Baken – huiskamer Westwijk", "Meeuwenlaan 44", "3029 HD", "wo,vr 10:00-15:00"),
            loc("herstelacademie", "herstelacademie", "Herstelacademie Veenland – Leerhuis", "Schoolplein 2", "3013 SC", "ma-do 09:30-16:30"),
            loc("vonk", "de-vonk", "Zelfregiecentrum De Vonk", "Vonkstraat 9", "3022 VT", "ma-vr 10:00-16:00"),
            // Welzijn, buurthuizen en ontmoeting
            loc("welzijn-centrum", "welzijn", "Welzijn Veenhaven – centrumkantoor", "Korte Veenstraat 8", "3011 KC", "ma-vr 09:00-17:00"),
            loc("kade", "welzijn", "Buurthuis De Kade", "Havenkade 55", "3015 BD", "ma-vr 09:00-22:00; za 10:00-16:00"),
            loc("polderhoeve", "welzijn", "Wijkcentrum De Polderhoeve", "Hoeveweg 2", "3023 PH", "ma-vr 09:00-21:00"),
            loc("zonnewijzer", "welzijn", "Buurthuis De Zonnewijzer", "Zonnebloemstraat 16", "3021 GB", "ma-za 09:00-17:00"),
            loc("wester", "welzijn", "Wijkcentrum De Wester", "Westerstraat 101", "3031 VK", "ma-vr 09:00-21:30"),
            loc("kaap", "welzijn", "Buurthuis De Kaap", "Kaapstraat 28", "3027 BV", "ma-do 09:00-21:00; vr 09:00-17:00"),
            loc("dorpshuis", "dorpshuis", "Dorpshuis De Veenhoeve", "Kerkplein 1", "3033 AK", "ma-vr 09:00-17:00; za 10:00-13:00"),
            loc("open-deur", "open-deur", "Diaconaal Centrum De Open Deur", "Kerkstraat 15", "3028 KS", "di,do 11:00-14:00; zo 12:00-15:00"),
            loc("mantelzorghuis", "mantelzorgpunt", "Mantelzorghuis Veenhaven", "Vlinderhof 6", "3022 KL", "ma-do 09:00-16:00"),
            loc("levensvragen", "levensvragen", "Centrum voor Levensvragen", "Kloosterstraat 11", "3011 PV", ""),
            loc("rouw", "rouw", "Stichting Rouw & Verder", "Lijsterbeslaan 19", "3016 EZ", ""),
            // Bibliotheek
            loc("bieb-centrum", "bibliotheek", "Bibliotheek Veenhaven – Centrale", "Bibliotheekplein 1", "3013 BH", "ma-vr 10:00-20:00; za 10:00-17:00; zo 12:00-17:00"),
            loc("bieb-west", "bibliotheek", "Bibliotheek Westwijk", "Westerstraat 60", "3028 XK", "di-za 10:00-17:00"),
            loc("bieb-noord", "bibliotheek", "Bibliotheek Noorderpolder", "Polderplein 9", "3025 AM", "ma,wo,vr 13:00-18:00; za 10:00-14:00"),
            // Werk, dagbesteding, wonen, recht
            loc("werkplein", "werkplein", "Werkplein Veenhaven", "Industrieweg 30", "3016 BL", "ma-vr 08:30-17:00"),
            loc("veenwerf", "veenwerf", "De Veenwerf – werkplaats", "Scheepswerfstraat 5", "3014 RW", "ma-vr 08:30-16:30"),
            loc("hooiberg", "veenwerf", "Zorgboerderij De Hooiberg", "Veenweg 88", "3033 PT", "ma-vr 09:00-16:00"),
            loc("thuisbasis", "thuisbasis", "Thuisbasis Woonbegeleiding", "Vlietweg 19", "3031 EP", "ma-vr 09:00-17:00"),
            loc("veenhuis", "veenhuis", "Woonstichting Veenhuis – klantenbalie", "Bouwmeesterstraat 1", "3022 AB", "ma-vr 09:00-16:00"),
            loc("rechtswinkel", "rechtswinkel", "Rechtswinkel Veenhaven", "Gerechtsstraat 3", "3012 HN", "di,do 18:30-20:30; za 10:00-12:00"),
            loc("voedselbank", "voedselbank", "Voedselbank Veenhaven – uitgiftepunt", "Loodsweg 40", "3014 GP", "vr 13:00-17:00"),
            // Jeugd, gezin, sport
            loc("loods", "jong", "Jongerencentrum De Loods", "Loodsweg 7", "3015 LK", "di-vr 14:00-22:00; za 13:00-23:00"),
            loc("honk", "jong", "Jongerenhonk Noord", "Sportlaan 22", "3024 BT", "ma,wo,vr 15:00-21:00"),
            loc("westside", "jong", "Jongerencentrum Westside", "Zeemanstraat 15", "3029 CW", "di,do 15:00-22:00; vr 15:00-23:00"),
            loc("jeugd-gezin", "jeugd-gezin", "Jeugd & Gezin Veenhaven", "Speelhof 4", "3021 MV", "ma-vr 08:30-17:00"),
            loc("sporthal-polder", "sportbedrijf", "Sporthal De Polder", "Sportlaan 2", "3024 BR", "ma-vr 08:00-22:00; za,zo 08:00-18:00"),
            loc("sportpark-zuid", "sportbedrijf", "Sportpark Zuiderhaven", "Havenhoofd 100", "3027 EK", "ma-zo 08:00-22:00"),
            // Preventie en veiligheid
            loc("veilig-samen", "veilig-samen", "Meldpunt Veilig Samen – kantoor", "Stationsweg 40", "3013 AJ", "ma-vr 09:00-17:00"),
            loc("bewust", "bewust", "Stichting Bewust – Preventiepunt", "Rietdijk 10", "3016 RB", "ma-vr 09:00-17:00"),
        ]
    }
}

// MARK: - Services: zelfhulp

extension DemoSocialMap {
    /// Apps, online cursussen, e-health, zelfhulp- en lotgenotengroepen, Boeken op recept.
    private static func zelfhulp() -> [Service] {
        [
            svc("Boeken op recept", .zelfhulp, by: "bibliotheek", at: ["bieb-centrum", "bieb-noord"],
                group: "Volwassenen met lichte psychische klachten",
                desc: "Uw huisarts, POH-GGZ of wijkteam kan u een boek voorschrijven over bijvoorbeeld slaap, angst, somberheid of rouw. U leent het boek gratis bij de bibliotheek. Eens per maand praat u in een leesgroep met anderen over wat u las.",
                elig: "Inwoners vanaf 18 jaar met een ‘recept’ van een hulpverlener. Een bibliotheekpas is niet nodig.",
                pro: "Receptformulier staat op de site van het Netwerkbureau; geef het de cliënt mee. De bibliotheek registreert alleen de titel, geen klachten.",
                note: "Populaire titels over slaap en piekeren zijn vaak uitgeleend; de e-boekversie is direct beschikbaar."),
            svc("Leesgroep Boeken op recept Westwijk & Oud-Veen", .zelfhulp, by: "bibliotheek", wijken: ["west", "dorp"], at: ["bieb-west"],
                group: "Volwassenen met somberheid, stress of eenzaamheid",
                desc: "Een kleine leesgroep van zes tot acht mensen die elke twee weken samenkomt in de bibliotheek in Westwijk. U leest korte verhalen en gedichten en praat over wat die bij u oproepen. Veel deelnemers zeggen dat het helpt tegen piekeren en eenzaamheid.",
                elig: "Vrij toegankelijk; aanmelden bij de balie of telefonisch. Ook zonder recept welkom."),
            svc("Online cursus Somberheid de baas", .zelfhulp, by: "mentaal-online",
                group: "Volwassenen met lichte depressieve klachten",
                desc: "Een online cursus van zes lessen voor mensen die zich somber of lusteloos voelen. U leert hoe gedachten, gevoel en gedrag elkaar beïnvloeden en plant elke week iets wat u goed doet. Een coach geeft per les schriftelijke feedback.",
                elig: "Inwoners vanaf 18 jaar. Niet geschikt bij een ernstige depressie of gedachten aan zelfdoding; neem dan contact op met uw huisarts.",
                cost: "Gratis (betaald door de gemeente)", lang: ["nl", "en"],
                pro: "Verwijzers kunnen met toestemming van de cliënt meekijken via het verwijzersportaal van Mentaal Online."),
            svc("App Rustpunt – ontspanning bij angst en stress", .zelfhulp, by: "mentaal-online",
                group: "Jongeren vanaf 16 jaar en volwassenen met spanning of angst",
                desc: "Een gratis app met korte ademhalings- en ontspanningsoefeningen van drie tot tien minuten. U houdt bij wanneer u gespannen of angstig bent en ziet na een paar weken patronen. De app werkt ook zonder internet.",
                elig: "Iedereen, zonder aanmelding. Geschikt als eerste stap of naast een behandeling.",
                lang: ["nl", "en", "ar", "tr"]),
            svc("E-health module Beter slapen", .zelfhulp, by: "mentaal-online",
                group: "Volwassenen met slaapproblemen",
                desc: "In vijf weken leert u wat slaap in de weg zit en hoe u uw slaapritme herstelt. U houdt een slaapdagboek bij en oefent met vaste bedtijden en ontspanning. De module is gebaseerd op cognitieve gedragstherapie bij slapeloosheid.",
                elig: "Inwoners vanaf 18 jaar. Bij snurken met ademstops of extreme slaperigheid overdag eerst naar de huisarts.",
                cost: "Gratis (betaald door de gemeente)", lang: ["nl", "en"],
                pro: "Wordt veel ingezet door de POH-GGZ als voorbereiding op het slaapspreekuur; de cliënt kan het slaapdagboek exporteren als pdf."),
            svc("E-health module Piekeren en angst", .zelfhulp, by: "mentaal-online",
                group: "Volwassenen die veel piekeren of angstig zijn",
                desc: "Een online programma van zes weken over piekeren, angst en paniek. U leert uw piekertijd te begrenzen en angstige gedachten te toetsen. Met korte filmpjes en opdrachten voor tussendoor.",
                elig: "Vrij toegankelijk voor inwoners vanaf 18 jaar; ook te gebruiken naast begeleiding door de POH-GGZ.",
                cost: "Gratis (betaald door de gemeente)", lang: ["nl", "en", "pl"]),
            svc("Online zelftest Mentaal Fit", .zelfhulp, by: "mentaal-online",
                group: "Iedereen die wil weten hoe het met zijn mentale gezondheid gaat",
                desc: "Een anonieme zelftest van tien minuten over stemming, stress, slaap en alcoholgebruik. Na afloop krijgt u persoonlijk advies en tips voor hulp in de buurt. De uitslag wordt niet bewaard.",
                elig: "Iedereen vanaf 16 jaar, anoniem.",
                lang: ["nl", "en", "ar", "tr", "pl", "uk"]),
            svc("Zelfhulpgroep Angst & Paniek", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["centrum", "havenkwartier"], at: ["kade"],
                group: "Volwassenen met angst- of paniekklachten",
                desc: "Een groep lotgenoten die elke twee weken bij elkaar komt in Buurthuis De Kade. U deelt ervaringen met angst en paniek en wisselt tips uit die echt werken. De groep wordt geleid door twee ervaringsdeskundige vrijwilligers.",
                elig: "Vrij toegankelijk; eerst een kort kennismakingsgesprek met een van de begeleiders.",
                cost: "Gratis; vrijwillige bijdrage voor koffie en thee",
                aanmeld: 2),
            svc("Zelfhulpgroep Depressie Samen Sterker", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["oost"], at: ["zonnewijzer"],
                group: "Volwassenen met (terugkerende) depressie",
                desc: "Een vaste groep van acht mensen die leven met depressie. U praat over wat helpt op slechte dagen en hoe u terugval herkent. De groep komt elke dinsdagavond samen en bestaat al tien jaar.",
                elig: "Voor wie niet meer in een acute fase zit. Aanmelden via de website of telefonisch.",
                cost: "Gratis"),
            svc("Lotgenotengroep Nabestaanden na zelfdoding", .zelfhulp, by: "zelfhulpnetwerk", at: ["welzijn-centrum"],
                group: "Volwassenen die iemand verloren door zelfdoding",
                desc: "Een besloten groep voor nabestaanden na zelfdoding. U praat met mensen die hetzelfde hebben meegemaakt over rouw, schuldgevoel en verder leven. De groep komt eens per maand samen en wordt begeleid door een ervaren vrijwilliger.",
                elig: "Vanaf 18 jaar; aanmelden vooraf, minimaal drie maanden na het overlijden.",
                pro: "Bij aanmelding doet de begeleider een telefonisch intakegesprek; verwijzers kunnen bellen met de coördinator via het algemene nummer."),
            svc("Lotgenotengroep Naasten van iemand met psychische problemen", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["noord", "oost"], at: ["polderhoeve"],
                group: "Partners, ouders, kinderen en vrienden van iemand met psychische problemen",
                desc: "Voor mantelzorgers en naasten van iemand met bijvoorbeeld psychose, depressie of verslaving. U krijgt erkenning, herkenning en praktische tips om voor uzelf te blijven zorgen. Eens per maand op donderdagavond in De Polderhoeve.",
                elig: "Vrij toegankelijk, aanmelden niet nodig.",
                cost: "Gratis"),
            svc("Zelfhulpgroep Verslaving Blijf Helder", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["west", "dorp"], at: ["wester"],
                group: "Volwassenen die willen stoppen of minderen met alcohol, drugs of gokken",
                desc: "Een wekelijkse zelfhulpgroep voor mensen met een verslaving en mensen die al gestopt zijn. Iedereen deelt op zijn eigen manier; niets hoeft. De groep helpt bij volhouden, ook na een behandeling.",
                elig: "Vrij toegankelijk; u hoeft niet nuchter te zijn gestopt om te komen, wel nuchter tijdens de bijeenkomst.",
                cost: "Gratis"),
            svc("Lotgenotengroep Jongeren met een ouder met psychische problemen", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["zuid", "west"], at: ["kaap"],
                group: "Jongeren 12–23 met een ouder met psychische of verslavingsproblemen",
                desc: "Jongeren met een ouder met psychische problemen of een verslaving voelen zich vaak alleen. In deze groep ontmoet je leeftijdgenoten die snappen hoe dat is. Je praat, doet spelletjes en leert hoe je ook goed voor jezelf zorgt.",
                elig: "Jongeren van 12 tot 23 jaar; aanmelden door de jongere zelf, een ouder of een hulpverlener.",
                cost: "Gratis",
                pro: "Aanmelden door verwijzers kan ook via de POH-jeugd of het wijkteam; de begeleiders houden een kort intakegesprek met de jongere.",
                aanmeld: 3),
            svc("Zelfhulpgroep Burn-out en werkstress", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["noord"], at: ["polderhoeve"],
                group: "Werkenden en werkzoekenden met burn-outklachten",
                desc: "Een groep voor mensen die thuis zitten of vastlopen door werkstress. U deelt ervaringen over grenzen stellen, herstel en terugkeer naar werk. Elke twee weken op maandagavond.",
                elig: "Vrij toegankelijk; even bellen of mailen vooraf is prettig.",
                cost: "Gratis"),
            svc("Online cursus Omgaan met geldstress", .zelfhulp, by: "mentaal-online",
                group: "Volwassenen met geldzorgen of schulden",
                desc: "Geldzorgen en schulden geven veel stress en slecht slapen. In vier online lessen leert u hoe stress uw keuzes beïnvloedt en hoe u rust brengt in uw budget. U krijgt ook de weg gewezen naar schuldhulpverlening en budgetcoaching in Veenhaven.",
                elig: "Inwoners vanaf 18 jaar; geen aanmelding bij de gemeente nodig.",
                cost: "Gratis (betaald door de gemeente)", lang: ["nl", "en", "ar", "tr"]),
            svc("Wandelgroep Stap voor Stap Oud-Veen", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["dorp"], at: ["dorpshuis"],
                group: "Volwassenen met somberheid, stress of eenzaamheid",
                desc: "Elke woensdagochtend wandelt een groep dorpsgenoten een uur door de polder rond Oud-Veen. Onderweg is er ruimte voor een praatje, maar het mag ook stil zijn. Na afloop drinkt u samen koffie in het dorpshuis.",
                elig: "Iedereen die een uur kan wandelen; aanmelden niet nodig.",
                cost: "Gratis"),
            svc("App Mijn Stemming voor jongeren", .zelfhulp, by: "mentaal-online",
                group: "Jongeren 14–25",
                desc: "Een app waarin jongeren hun stemming, slaap en energie bijhouden. De app geeft tips en korte oefeningen, en laat zien waar je in Veenhaven met iemand kunt praten. Je kunt de app anoniem gebruiken.",
                elig: "Jongeren van 14 tot 25 jaar, zonder aanmelding.",
                lang: ["nl", "en"]),
            svc("Lotgenotengroep Eenzaamheid Praten helpt", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["havenkwartier", "zuid"], at: ["kaap"],
                group: "Volwassenen die zich eenzaam voelen",
                desc: "Een gespreksgroep voor mensen die zich eenzaam voelen, ook als ze wel mensen om zich heen hebben. U praat over wat eenzaamheid met u doet en zet samen kleine stappen. De groep komt acht keer bij elkaar en gaat daarna vaak zelf verder.",
                elig: "Volwassenen; aanmelden via het Zelfhulpnetwerk of het wijkteam.",
                cost: "Gratis",
                aanmeld: 4),
            svc("Online cursus Mindfulness in 8 weken", .zelfhulp, by: "mentaal-online",
                group: "Volwassenen met stress, piekeren of terugkerende somberheid",
                desc: "Een online mindfulnesstraining van acht weken met dagelijkse meditaties van tien tot twintig minuten. Elke week is er een live online sessie met een trainer. De training helpt om minder te piekeren en beter om te gaan met stress.",
                elig: "Vanaf 18 jaar. Niet tijdens een acute crisis of psychose.",
                cost: "Eigen bijdrage € 25 voor de hele training; gratis met een Veenhavenpas", lang: ["nl", "en"],
                aanmeld: 3, behandel: 2),
            svc("Lotgenotengroep Volwassenen met ADHD", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["oost", "noord"], at: ["zonnewijzer"],
                group: "Volwassenen met (een vermoeden van) ADHD",
                desc: "Maandelijkse avond voor volwassenen met ADHD en hun partners. Er is telkens een thema, zoals planning, geld of relaties. Daarna is er tijd om ervaringen uit te wisselen.",
                elig: "Vrij toegankelijk, ook zonder officiële diagnose.",
                cost: "Gratis"),
            svc("Zelfhulpgroep Rouw en verlies Oud-Veen", .zelfhulp, by: "zelfhulpnetwerk", wijken: ["dorp", "west"], at: ["dorpshuis"],
                group: "Volwassenen die een dierbare hebben verloren",
                desc: "Een kleine rouwgroep in het dorpshuis voor mensen die hun partner, kind of ouder hebben verloren. U deelt herinneringen en praat over hoe het leven verder gaat. Eens per drie weken op donderdagmiddag.",
                elig: "Volwassenen; kennismaken vooraf met de begeleider.",
                cost: "Gratis"),
        ]
    }
}

// MARK: - Services: sociaal domein

extension DemoSocialMap {
    /// Geld, wonen, werk, ontmoeting, mantelzorg, jeugd, recht, veiligheid en zingeving.
    private static func sociaalDomein() -> [Service] {
        [
            // Geld en schulden
            svc("Schuldhulpverlening Veenhaven", .sociaalDomein, by: "gemeente", at: ["stadhuis"],
                group: "Volwassenen met schulden of betalingsachterstanden",
                desc: "Heeft u schulden of kunt u uw rekeningen niet meer betalen? De schuldhulpverlening van de gemeente helpt u overzicht te krijgen en zoekt samen met u naar een oplossing. Dat kan een betalingsregeling zijn of een schuldregeling. Hoe eerder u zich meldt, hoe meer er mogelijk is.",
                elig: "Alle inwoners van Veenhaven vanaf 18 jaar, ook ondernemers. Aanmelden kan zelf, zonder verwijzing.",
                lang: ["nl", "en", "ar", "tr"], phone: "010-2400100", email: "schuldhulp@veenhaven.example",
                pro: "Warme overdracht voor verwijzers: 010-2400199 (ma–vr 9:00–10:00), vraag naar de schuldhulpconsulent van dienst. Bij dreigende huisuitzetting of afsluiting binnen 3 werkdagen een gesprek.",
                note: "Eerste gesprek binnen 2 weken; stabilisatiefase duurt gemiddeld 4 maanden. Cliënten met GGZ-problematiek krijgen een vaste consulent.",
                aanmeld: 2, reported: 9),
            svc("Vroegsignalering schulden – Eropaf Veenhaven", .sociaalDomein, by: "gemeente", at: [],
                group: "Huishoudens met een beginnende betalingsachterstand",
                desc: "Woningcorporatie, energieleverancier en zorgverzekeraar melden het bij de gemeente als iemand een achterstand heeft. Een medewerker belt aan of neemt contact op om hulp aan te bieden. Zo voorkomen we dat kleine achterstanden grote schulden worden.",
                elig: "Inwoners met een achterstand in huur, energie, water of zorgpremie. U hoeft zelf niets te doen.",
                lang: ["nl", "en", "ar", "tr", "pl"], phone: "010-2400110",
                pro: "Signalen van huisarts of POH over geldzorgen kunnen ook worden doorgegeven (met toestemming) via het verwijzersformulier."),
            svc("Budgetcoaching Geldmaatjes", .sociaalDomein, by: "geldmaatjes", wijken: ["centrum", "havenkwartier", "oost"], at: ["wt-centrum"],
                group: "Volwassenen die grip willen krijgen op hun geld",
                desc: "Een getrainde vrijwilliger helpt u een jaar lang met uw budget en administratie. Samen maakt u een overzicht van inkomsten en uitgaven en leert u geld opzij te zetten. Uw geldmaatje komt bij u thuis of spreekt af in het wijkkantoor.",
                elig: "Inwoners met (dreigende) geldproblemen; ook naast schuldhulpverlening. Aanmelden zelf of via het wijkteam.",
                lang: ["nl", "en", "tr"],
                note: "Matching duurt momenteel 2–3 weken; er is een tekort aan vrijwilligers die Arabisch spreken.",
                aanmeld: 3),
            svc("Budgetcoaching Geldmaatjes Zuid-West", .sociaalDomein, by: "geldmaatjes", owner: "wt-zuidwest", wijken: ["zuid", "west", "dorp"], at: ["wt-zuidwest"],
                group: "Volwassenen die grip willen krijgen op hun budget",
                desc: "Budgetcoaching door vrijwilligers in Zuiderhaven, Westwijk en Oud-Veen. Uw coach helpt met een budgetplan, het aanvragen van toeslagen en het openen van de post. Het doel is dat u het na een jaar zelf kunt.",
                elig: "Inwoners van Zuid-West en Oud-Veen vanaf 18 jaar.",
                lang: ["nl", "ar"],
                aanmeld: 2),
            svc("Thuisadministratie-vrijwilligers Papierwerk", .sociaalDomein, by: "papierwerk", wijken: ["noord", "oost"],
                group: "Volwassenen en ouderen die hun post en administratie niet meer overzien",
                desc: "Een vrijwilliger komt elke week of om de week bij u thuis om samen de post door te nemen. U maakt samen mappen, betaalt rekeningen en vult formulieren in. De vrijwilliger neemt niets van u over, maar helpt u het zelf te doen.",
                elig: "Inwoners van Noord en Oost; geen grote problematische schulden (dan eerst naar schuldhulpverlening).",
                aanmeld: 1),
            svc("Thuisadministratie Westwijk & Oud-Veen", .sociaalDomein, by: "papierwerk", owner: "wt-zuidwest", wijken: ["west", "dorp"],
                group: "Volwassenen en ouderen met moeite met administratie",
                desc: "Hulp bij de thuisadministratie door vrijwilligers uit de eigen buurt. U krijgt hulp met het ordenen van papieren, digitale post en DigiD. Ook handig na een scheiding of het overlijden van een partner.",
                elig: "Inwoners van Westwijk en Oud-Veen.",
                aanmeld: 2),
            svc("Geldspreekuur in de bibliotheek", .sociaalDomein, by: "papierwerk", owner: "wt-centrum", wijken: ["centrum", "havenkwartier"], at: ["bieb-centrum"],
                group: "Iedereen met vragen over geld, budget, toeslagen of brieven",
                desc: "Elke dinsdagmiddag kunt u zonder afspraak binnenlopen met vragen over geld en budget. Vrijwilligers kijken mee naar brieven, toeslagen en aanmaningen. Als het nodig is, helpen ze u meteen verder naar schuldhulpverlening.",
                elig: "Vrije inloop, zonder afspraak.",
                lang: ["nl", "en", "ar"]),

            // Wijkteams
            svc("Wijkteam-ondersteuning Noord", .sociaalDomein, by: "wt-noord", wijken: ["noord", "oost"], at: ["wt-noord", "wt-oost"],
                group: "Inwoners van Noorderpolder en Veenhaven-Oost met vragen over zorg, geld, wonen of opvoeden",
                desc: "Het wijkteam helpt als u vastloopt met meerdere dingen tegelijk, zoals geld, gezondheid, werk of opvoeden. Een vaste medewerker maakt samen met u een plan en schakelt zo nodig andere hulp in. U kunt zelf bellen of binnenlopen.",
                elig: "Alle inwoners van Noord en Oost; geen verwijzing nodig.",
                lang: ["nl", "en", "ar", "tr"],
                pro: "Consultatielijn voor huisartsen en POH: 010-2420190 (ma–vr 9:00–12:00). Aanmelding via beveiligde mail met toestemming van de inwoner.",
                note: "Team is op sterkte sinds september; keukentafelgesprek meestal binnen 1 week.",
                aanmeld: 1),
            svc("Wijkteam-ondersteuning Centrum-Haven", .sociaalDomein, by: "wt-centrum", wijken: ["centrum", "havenkwartier"], at: ["wt-centrum"],
                group: "Inwoners van Centrum en Havenkwartier met vragen over zorg, geld, wonen of opvoeden",
                desc: "Eén loket voor al uw vragen over ondersteuning thuis, geld, opvoeden en meedoen. Een wijkteammedewerker komt bij u thuis voor een gesprek en kijkt wat u zelf kunt en wat er nodig is. Het wijkteam kan ook Wmo- en jeugdhulp inzetten.",
                elig: "Alle inwoners van Centrum en Havenkwartier; geen verwijzing nodig.",
                lang: ["nl", "en", "ar", "pl"],
                pro: "Consultatielijn voor verwijzers: 010-2420290 (ma–vr 9:00–12:00), vraag naar de generalist van dienst.",
                note: "Veel meldingen over dreigende huisuitzetting in het Havenkwartier; die krijgen voorrang.",
                aanmeld: 2),
            svc("Wijkteam-ondersteuning Zuid-West", .sociaalDomein, by: "wt-zuidwest", wijken: ["zuid", "west", "dorp"], at: ["wt-zuidwest", "dorpshuis"],
                group: "Inwoners van Zuiderhaven, Westwijk en Oud-Veen",
                desc: "Het wijkteam denkt mee bij vragen over geld, wonen, gezondheid, opvoeden of eenzaamheid. U krijgt een vaste contactpersoon die met u een plan maakt. Elke donderdagochtend is er spreekuur in het dorpshuis van Oud-Veen.",
                elig: "Alle inwoners van Zuid, West en Oud-Veen; geen verwijzing nodig.",
                lang: ["nl", "en", "ar", "tr", "ti"],
                pro: "Consultatielijn voor verwijzers: 010-2420390 (ma–vr 8:30–10:00).",
                note: "Wachttijd voor een keukentafelgesprek loopt op door ziekteverzuim; bij crisis eerst bellen.",
                aanmeld: 3),
            svc("Ervaringsdeskundige in het wijkteam Noord", .sociaalDomein, by: "wt-noord", wijken: ["noord"], at: ["wt-noord"],
                group: "Inwoners met psychische kwetsbaarheid die weer willen meedoen",
                desc: "Een ervaringsdeskundige van het wijkteam weet uit eigen ervaring hoe het is om psychisch vast te lopen. Hij of zij loopt een tijdje met u op, bijvoorbeeld naar een buurthuis, het Werkplein of een steuncentrum. Samen zoekt u wat u kracht geeft.",
                elig: "Inwoners van Noorderpolder; aanmelden zelf, via het wijkteam of de POH-GGZ.",
                pro: "Aanmelden via de consultatielijn van Wijkteam Noord; vermeld of de cliënt al GGZ-behandeling heeft.",
                ervaring: true),

            // Mantelzorg
            svc("Mantelzorgconsulent", .sociaalDomein, by: "mantelzorgpunt", at: ["mantelzorghuis"],
                group: "Mantelzorgers van alle leeftijden",
                desc: "Zorgt u voor een partner, ouder, kind of vriend? De mantelzorgconsulent luistert naar uw verhaal en helpt u de zorg vol te houden. U krijgt informatie over respijtzorg, regelingen en de jaarlijkse mantelzorgwaardering.",
                elig: "Alle mantelzorgers die zorgen voor iemand in Veenhaven.",
                lang: ["nl", "en", "tr"],
                aanmeld: 1),
            svc("Mantelzorgcafé Zuiderhaven", .sociaalDomein, by: "mantelzorgpunt", owner: "wt-zuidwest", wijken: ["zuid", "havenkwartier"], at: ["kaap"],
                group: "Mantelzorgers, ook van mensen met psychische problemen",
                desc: "Eens per maand ontmoeten mantelzorgers elkaar in Buurthuis De Kaap. Er is een kort thema, zoals ‘grenzen stellen’ of ‘geld en regelingen’, en daarna tijd om bij te praten. Even uw verhaal kwijt kunnen geeft lucht.",
                elig: "Vrije inloop voor mantelzorgers."),
            svc("Respijtzorg en vervangende mantelzorg", .sociaalDomein, by: "mantelzorgpunt", wijken: ["west", "dorp", "noord"],
                group: "Mantelzorgers die even vrij willen",
                desc: "Een vrijwilliger neemt een dagdeel per week de zorg van u over, zodat u even tijd voor uzelf heeft. U kunt ook een logeerweekend regelen voor degene voor wie u zorgt. Zo houdt u het langer vol.",
                elig: "Mantelzorgers in Westwijk, Oud-Veen en Noorderpolder; soms is een Wmo-indicatie nodig voor logeeropvang.",
                cost: "Gratis; logeeropvang met eigen bijdrage volgens de Wmo",
                note: "In Oud-Veen weinig vrijwilligers; logeerplek vaak pas na 4–6 weken.",
                aanmeld: 2, behandel: 4),

            // Eenzaamheid, ontmoeting en buurthuizen
            svc("Samen Minder Eenzaam", .sociaalDomein, by: "welzijn", wijken: ["centrum", "havenkwartier"], at: ["welzijn-centrum", "kade"],
                group: "Volwassenen en ouderen die zich eenzaam voelen",
                desc: "Voelt u zich eenzaam of kent u weinig mensen in de buurt? Een buurtverbinder komt bij u op bezoek en zoekt samen met u naar activiteiten en mensen die bij u passen. U kunt ook meedoen aan wekelijkse ontmoetingsochtenden in Buurthuis De Kade. Samen werken we aan minder eenzaamheid.",
                elig: "Inwoners van Centrum en Havenkwartier; aanmelden zelf, via de huisarts of het wijkteam.",
                lang: ["nl", "en", "tr", "ar"],
                pro: "Verwijzers: bel de buurtverbinder direct op 010-2450090 (ma–do 9:00–10:00). Huisbezoek binnen 2 weken.",
                aanmeld: 1),
            svc("Buurthuis De Kade – inloop en ontmoeting", .sociaalDomein, by: "welzijn", wijken: ["havenkwartier"], at: ["kade"],
                group: "Alle buurtbewoners",
                desc: "In Buurthuis De Kade kunt u elke dag binnenlopen voor koffie, een krant of een praatje. Er zijn activiteiten zoals samen koken, handwerken en een computerspreekuur. Een fijne plek voor ontmoeting en om nieuwe mensen te leren kennen.",
                elig: "Iedereen is welkom.",
                cost: "Gratis inloop; sommige activiteiten € 2", lang: ["nl", "en", "ar", "tr", "pl"]),
            svc("Wijkcentrum De Polderhoeve – ontmoeting", .sociaalDomein, by: "welzijn", owner: "wt-noord", wijken: ["noord"], at: ["polderhoeve"],
                group: "Alle bewoners van de Noorderpolder",
                desc: "Het wijkcentrum is een plek voor ontmoeting en activiteiten, van koersbal tot repair café. Elke vrijdag is er een gezamenlijke maaltijd voor € 4. Ook zelfhulpgroepen en het wijkteam gebruiken de ruimtes.",
                elig: "Iedereen is welkom.",
                cost: "Gratis inloop; maaltijd € 4"),
            svc("Buurthuis De Zonnewijzer", .sociaalDomein, by: "welzijn", owner: "wt-noord", wijken: ["oost"], at: ["zonnewijzer"],
                group: "Bewoners van Veenhaven-Oost, jong en oud",
                desc: "Buurthuis in Oost met een huiskamer, een moestuin en een kledingruil. Er is een wekelijkse ontmoetingsochtend voor ouderen en een vrouwengroep. Vrijwilligers maken graag een praatje met wie eenzaam is.",
                elig: "Iedereen is welkom.",
                lang: ["nl", "ar", "tr", "so"]),
            svc("Wijkcentrum De Wester", .sociaalDomein, by: "welzijn", owner: "wt-zuidwest", wijken: ["west"], at: ["wester"],
                group: "Bewoners van Westwijk",
                desc: "Wijkcentrum met een open huiskamer, een buurtrestaurant en cursussen. U kunt er terecht voor ontmoeting, vrijwilligerswerk of hulp bij formulieren. Op woensdag is er een inloopspreekuur van het wijkteam.",
                elig: "Iedereen is welkom.",
                cost: "Gratis inloop; buurtrestaurant € 5"),
            svc("Buurthuis De Kaap", .sociaalDomein, by: "welzijn", owner: "wt-zuidwest", wijken: ["zuid"], at: ["kaap"],
                group: "Bewoners van Zuiderhaven",
                desc: "Buurthuis De Kaap is de huiskamer van Zuiderhaven. Er zijn taallessen, een mantelzorgcafé, sport voor 55-plussers en een wekelijkse soepmiddag. Wie zich alleen voelt, is van harte welkom om aan te schuiven.",
                elig: "Iedereen is welkom.",
                lang: ["nl", "ar", "tr", "pl"]),
            svc("Dorpshuis De Veenhoeve – koffie en ontmoeting", .sociaalDomein, by: "dorpshuis", wijken: ["dorp"], at: ["dorpshuis"],
                group: "Inwoners van Oud-Veen",
                desc: "Elke ochtend staat de koffie klaar in het dorpshuis. Er is een leesclub, een biljartclub en eens per maand een dorpsmaaltijd. Vrijwilligers letten op dorpsgenoten die weinig de deur uitkomen en nodigen hen persoonlijk uit.",
                elig: "Iedereen is welkom.",
                cost: "Gratis; dorpsmaaltijd € 6"),
            svc("Zilveren Maatjes – huisbezoek bij eenzaamheid", .sociaalDomein, by: "welzijn", owner: "wt-zuidwest", wijken: ["west", "dorp", "zuid"],
                group: "Ouderen (65+) die eenzaam zijn of weinig bezoek krijgen",
                desc: "Een vrijwilliger komt eens per week bij u op bezoek voor een kop koffie, een wandeling of een spelletje. Het maatje past bij uw interesses. Veel ouderen zeggen dat het wekelijkse bezoek hun eenzaamheid echt verlicht.",
                elig: "Inwoners van 65 jaar en ouder in Zuid, West en Oud-Veen.",
                note: "Wachtlijst voor mannelijke maatjes; vrouwen worden sneller gekoppeld.",
                aanmeld: 3, behandel: 3),

            // Werk, re-integratie en dagbesteding
            svc("Werkfit-traject Werkplein", .sociaalDomein, by: "werkplein", at: ["werkplein"],
                group: "Inwoners met een bijstandsuitkering of zonder inkomen die willen werken",
                desc: "Samen met een werkcoach werkt u in zes maanden aan uw weg naar werk. U oefent met sollicitaties, doet werkervaring op bij een leerwerkbedrijf en krijgt hulp bij het vinden van een baan. Er is aandacht voor gezondheid en psychische klachten.",
                elig: "Inwoners met een uitkering via de gemeente of die geen recht hebben op een uitkering (nuggers).",
                lang: ["nl", "en", "ar", "tr", "pl"],
                pro: "Verwijzen via de klantmanager of via het wijkteam; IPS-trajecten voor GGZ-cliënten lopen via GGZ Veenland.",
                aanmeld: 2),
            svc("Participatiecoach – stap naar werk of vrijwilligerswerk", .sociaalDomein, by: "werkplein", wijken: ["noord", "oost", "centrum"], at: ["werkplein"],
                group: "Volwassenen die lang niet hebben gewerkt, ook met psychische klachten",
                desc: "De participatiecoach helpt u een eerste stap te zetten naar werk, vrijwilligerswerk of dagbesteding. Er is geen haast: u bepaalt samen het tempo. Veel deelnemers hebben een psychische kwetsbaarheid en werken daarnaast met hun behandelaar.",
                elig: "Inwoners van Noord, Oost en Centrum met een bijstandsuitkering.",
                pro: "Afstemming met behandelaar mogelijk; de coach werkt volgens de principes van IPS.",
                aanmeld: 3, behandel: 2),
            svc("Jongerenloket Werk", .sociaalDomein, by: "werkplein", wijken: ["centrum", "havenkwartier", "zuid"], at: ["werkplein", "loods"],
                group: "Jongeren 16–27 zonder werk of opleiding",
                desc: "Zit je thuis zonder werk of school? Een jongerencoach helpt je met een opleiding, een bijbaan of een leerwerkplek. Je kunt ook terecht met vragen over geld, wonen of schulden. Elke woensdag is er inloop in Jongerencentrum De Loods.",
                elig: "Jongeren van 16 tot 27 jaar in Centrum, Havenkwartier en Zuiderhaven.",
                lang: ["nl", "en", "ar", "so"]),
            svc("Dagbesteding De Veenwerf – werkplaats", .sociaalDomein, by: "veenwerf", wijken: ["havenkwartier", "centrum", "zuid"], at: ["veenwerf"],
                group: "Volwassenen met een psychische kwetsbaarheid of verstandelijke beperking",
                desc: "In de werkplaats van De Veenwerf maakt u meubels, repareert u fietsen of werkt u in de kantine. U werkt in uw eigen tempo, met begeleiding. Dagbesteding geeft structuur en het gevoel dat u ertoe doet.",
                elig: "Met een Wmo-beschikking via het wijkteam. Een proefplaatsing van twee weken kan zonder beschikking.",
                referral: true, cost: "Gratis (Wmo); geen eigen bijdrage voor dagbesteding",
                pro: "Proefplaatsing aanvragen bij de coördinator: 010-2451690 (ma–vr 8:30–9:30).",
                aanmeld: 2, behandel: 3),
            svc("Dagbesteding Zorgboerderij De Hooiberg", .sociaalDomein, by: "veenwerf", owner: "wt-zuidwest", wijken: ["dorp", "west"], at: ["hooiberg"],
                group: "Volwassenen met psychische problemen, burn-out of een beperking",
                desc: "Op zorgboerderij De Hooiberg werkt u buiten met dieren, in de moestuin of in de boerderijwinkel. Het ritme van de boerderij geeft rust en houvast. Er is plek voor mensen die herstellen van psychische problemen of een burn-out.",
                elig: "Met een Wmo-beschikking. Vervoer vanuit Westwijk kan worden geregeld.",
                referral: true, cost: "Gratis (Wmo)",
                note: "Groep op dinsdag en donderdag vol; andere dagen direct plek.",
                aanmeld: 1, behandel: 2),

            // Maatschappelijk werk, jeugd en gezin
            svc("Algemeen maatschappelijk werk", .sociaalDomein, by: "welzijn", at: ["welzijn-centrum", "polderhoeve", "wester"],
                group: "Volwassenen met persoonlijke of praktische problemen",
                desc: "De maatschappelijk werker helpt bij problemen in uw relatie, gezin, werk of geldzaken. U krijgt een aantal gesprekken om weer grip te krijgen. Ook bij spanningen na een scheiding of een ingrijpende gebeurtenis kunt u hier terecht.",
                elig: "Inwoners vanaf 18 jaar; aanmelden zelf of via huisarts of wijkteam.",
                lang: ["nl", "en", "ar", "tr"],
                pro: "Verwijzers kunnen aanmelden via 010-2450050 (ma–vr 9:00–10:00).",
                aanmeld: 3),
            svc("Jongerenwerk Centrum & Havenkwartier", .sociaalDomein, by: "jong", owner: "wt-centrum", wijken: ["centrum", "havenkwartier"], at: ["loods"],
                group: "Jongeren 12–23",
                desc: "De jongerenwerkers zijn te vinden in De Loods en op straat. Je kunt bij ze terecht om te chillen, muziek te maken of om te praten over school, thuis, geld of als het niet goed met je gaat. Ze helpen je ook op weg naar andere hulp.",
                elig: "Alle jongeren van 12 tot 23 jaar, gewoon binnenlopen.",
                lang: ["nl", "en", "ar"]),
            svc("Jongerenwerk Noord & Oost", .sociaalDomein, by: "jong", owner: "wt-noord", wijken: ["noord", "oost"], at: ["honk"],
                group: "Jongeren 12–23",
                desc: "In de Jongerenhonk kun je sporten, gamen en meedoen met projecten. De jongerenwerkers luisteren als je ergens mee zit en gaan samen met je op zoek naar oplossingen. Er is ook een meidengroep en een kookclub.",
                elig: "Alle jongeren van 12 tot 23 jaar in Noord en Oost.",
                lang: ["nl", "tr"]),
            svc("Jongerenwerk West & Oud-Veen", .sociaalDomein, by: "jong", owner: "wt-zuidwest", wijken: ["west", "dorp"], at: ["westside"],
                group: "Jongeren 12–23",
                desc: "Jongerencentrum Westside is de plek voor jongeren uit Westwijk en Oud-Veen. Op vrijdagavond rijdt er een busje vanuit het dorp. Jongerenwerkers helpen bij vragen over school, werk, relaties en somberheid.",
                elig: "Alle jongeren van 12 tot 23 jaar in West en Oud-Veen.",
                lang: ["nl", "ar", "ti"]),
            svc("Opvoedspreekuur Jeugd & Gezin", .sociaalDomein, by: "jeugd-gezin", at: ["jeugd-gezin"],
                group: "Ouders en verzorgers van kinderen van 0 tot 18 jaar",
                desc: "Heeft u vragen over opvoeden, slapen, driftbuien of pubers? Op het opvoedspreekuur praat u met een jeugdverpleegkundige of pedagoog. U krijgt tips die passen bij uw gezin en hoort welke hulp er nog meer is.",
                elig: "Alle ouders in Veenhaven; telefonisch of op afspraak.",
                lang: ["nl", "en", "ar", "tr", "pl"],
                aanmeld: 1),
            svc("Oudercursus Rustig aan thuis", .sociaalDomein, by: "jeugd-gezin", owner: "wt-noord", wijken: ["oost", "zuid"], at: ["jeugd-gezin", "kaap"],
                group: "Ouders van kinderen van 4 tot 12 jaar",
                desc: "Een groepscursus van zes avonden voor ouders die vaak ruzie of stress thuis hebben. U leert hoe u rustig blijft, duidelijke afspraken maakt en positief aandacht geeft. U oefent met situaties uit uw eigen gezin.",
                elig: "Ouders uit Oost en Zuiderhaven; aanmelden zelf of via het wijkteam.",
                lang: ["nl", "ar"],
                aanmeld: 2, behandel: 6),
            svc("Gezinsmaatjes", .sociaalDomein, by: "jeugd-gezin", owner: "wt-noord", wijken: ["noord", "west"],
                group: "Gezinnen met jonge kinderen die het even niet redden",
                desc: "Een ervaren ouder komt als vrijwilliger een dagdeel per week bij u thuis. Het gezinsmaatje luistert, helpt met praktische dingen en geeft steun in drukke tijden. Vooral fijn als u weinig mensen om u heen heeft.",
                elig: "Gezinnen met minstens één kind tot 12 jaar in Noord en West.",
                aanmeld: 3),

            // Wonen
            svc("Woonbegeleiding Thuisbasis", .sociaalDomein, by: "thuisbasis", wijken: ["zuid", "west", "dorp"], at: ["thuisbasis"],
                group: "Volwassenen met psychische kwetsbaarheid die zelfstandig (willen) wonen",
                desc: "Een woonbegeleider komt een of meer keren per week bij u thuis. U krijgt hulp bij het huishouden, de administratie, dagritme en contact met de buren. Zo kunt u zelfstandig blijven wonen, ook als het even minder gaat.",
                elig: "Met een Wmo-beschikking via het wijkteam.",
                referral: true, cost: "Eigen bijdrage volgens de Wmo (maximaal € 21 per maand)",
                pro: "Intake binnen 2 weken na beschikking; vaste begeleider. Afstemming met FACT mogelijk.",
                note: "Personeelstekort: start begeleiding kan oplopen tot 5 weken.",
                aanmeld: 2, behandel: 5),
            svc("Huurdersconsulent Woonstichting Veenhuis", .sociaalDomein, by: "veenhuis", at: ["veenhuis"],
                group: "Huurders van Veenhuis met huurachterstand, overlast of zorgen over wonen",
                desc: "Heeft u een huurachterstand of problemen met de buren? De huurdersconsulent zoekt samen met u naar een oplossing, zoals een betalingsregeling. Bij geldproblemen of schulden verwijst de consulent u naar schuldhulpverlening. Zo voorkomen we huisuitzetting.",
                elig: "Huurders van Woonstichting Veenhuis.",
                lang: ["nl", "en", "ar", "tr"],
                pro: "Bij (dreigende) huisuitzetting van een kwetsbare huurder: bel 010-2452090; de corporatie schort de procedure op bij actieve hulpverlening."),

            // Recht, formulieren en cliëntondersteuning
            svc("Juridisch spreekuur Rechtswinkel", .sociaalDomein, by: "rechtswinkel", at: ["rechtswinkel"],
                group: "Inwoners met juridische vragen",
                desc: "Gratis advies over huur, werk, uitkering, schulden, scheiding of een boete. Rechtenstudenten en vrijwillige juristen luisteren naar uw vraag en vertellen wat u kunt doen. Zo nodig helpen ze u aan een advocaat met toevoeging.",
                elig: "Iedereen; zonder afspraak tijdens het spreekuur.",
                lang: ["nl", "en"]),
            svc("Sociaal raadslieden – hulp bij formulieren en toeslagen", .sociaalDomein, by: "welzijn", wijken: ["centrum", "oost", "zuid"], at: ["welzijn-centrum", "zonnewijzer", "kaap"],
                group: "Inwoners die moeite hebben met brieven, formulieren en regelingen",
                desc: "De sociaal raadslieden helpen u met toeslagen, bezwaarschriften, de belastingaangifte en brieven van instanties. Ze controleren of u alle regelingen krijgt waar u recht op heeft, zoals bijzondere bijstand. Veel mensen houden zo elke maand meer budget over.",
                elig: "Inwoners van Centrum, Oost en Zuiderhaven; op afspraak of tijdens de inloop.",
                lang: ["nl", "en", "ar", "tr"],
                aanmeld: 1),
            svc("Onafhankelijke cliëntondersteuning", .sociaalDomein, by: "clientondersteuning",
                group: "Inwoners die hulp willen bij gesprekken met gemeente of zorg",
                desc: "Een cliëntondersteuner staat naast u bij het keukentafelgesprek, een aanvraag of een klacht. Hij of zij is onafhankelijk en kijkt alleen naar uw belang. De ondersteuner helpt u ook uw vraag goed op papier te zetten.",
                elig: "Alle inwoners met een vraag over Wmo, Jeugdwet, Wlz of Participatiewet.",
                lang: ["nl", "en", "ar"]),

            // Vrijwilligerswerk, sport en taal
            svc("Vrijwilligerswerk via het Vrijwilligerspunt", .sociaalDomein, by: "vrijwilligerspunt",
                group: "Iedereen die vrijwilligerswerk zoekt",
                desc: "Het Vrijwilligerspunt heeft honderden vacatures, van voorlezen tot de voedselbank. Een consulent helpt u kiezen wat bij u past. Vrijwilligerswerk is een goede manier om mensen te ontmoeten en weer ritme op te bouwen.",
                elig: "Iedereen vanaf 16 jaar.",
                lang: ["nl", "en"]),
            svc("Vrijwilligerswerk op maat", .sociaalDomein, by: "vrijwilligerspunt", wijken: ["noord", "oost", "west"],
                group: "Volwassenen met een psychische kwetsbaarheid of na een burn-out",
                desc: "Een consulent begeleidt u de eerste maanden bij uw vrijwilligerswerk. U begint klein, met een paar uur per week, bij een organisatie die weet wat u nodig heeft. Een goede opstap naar betaald werk of een vaste dagbesteding.",
                elig: "Inwoners van Noord, Oost en West; aanmelden zelf of via wijkteam of behandelaar.",
                aanmeld: 2),
            svc("Buurtsportcoach Noorderpolder", .sociaalDomein, by: "sportbedrijf", owner: "wt-noord", wijken: ["noord"], at: ["sporthal-polder"],
                group: "Volwassenen en ouderen die (weer) willen bewegen",
                desc: "De buurtsportcoach helpt u een sport of beweegactiviteit te vinden die bij u past. Denk aan wandelvoetbal, zwemmen of een beweeggroep voor mensen met somberheid. Bewegen helpt tegen stress, slecht slapen en eenzaamheid.",
                elig: "Inwoners van de Noorderpolder; kennismakingsgesprek gratis.",
                cost: "Gratis kennismaking; activiteiten vanaf € 2 per keer"),
            svc("Buurtsportcoach Zuiderhaven & Westwijk", .sociaalDomein, by: "sportbedrijf", owner: "wt-zuidwest", wijken: ["zuid", "west"], at: ["sportpark-zuid"],
                group: "Jongeren en volwassenen die meer willen bewegen",
                desc: "Sporten in de buurt, zonder dure contributie. De buurtsportcoach organiseert bootcamp in het park, vrouwenfitness en zaalvoetbal voor jongeren. Wie het spannend vindt om te beginnen, kan de eerste keer samen met de coach gaan.",
                elig: "Inwoners van Zuiderhaven en Westwijk.",
                cost: "Gratis met Veenhavenpas; anders € 3 per keer", lang: ["nl", "ar", "tr"]),
            svc("Bewegen op recept Oost & Oud-Veen", .sociaalDomein, by: "sportbedrijf", wijken: ["oost", "dorp"], at: ["zonnewijzer", "dorpshuis"],
                group: "Volwassenen met lichte psychische klachten, overgewicht of een chronische ziekte",
                desc: "Uw huisarts of POH kan u een ‘beweegrecept’ geven. De buurtsportcoach begeleidt u drie maanden bij een beweegprogramma in de buurt. Daarna helpt de coach u om zelfstandig door te gaan.",
                elig: "Met een beweegrecept van huisarts, POH of fysiotherapeut.",
                referral: true,
                pro: "Beweegrecept digitaal versturen via het Netwerkbureau-formulier; de coach belt de cliënt binnen 1 week."),
            svc("Taalcafé Bibliotheek", .sociaalDomein, by: "bibliotheek", wijken: ["centrum", "west", "noord"], at: ["bieb-centrum", "bieb-west", "bieb-noord"],
                group: "Anderstaligen die Nederlands willen oefenen",
                desc: "In het taalcafé oefent u Nederlands in een ontspannen sfeer, met vrijwilligers en andere deelnemers. U praat over alledaagse onderwerpen en leert de buurt kennen. Het taalcafé is ook een plek voor ontmoeting.",
                elig: "Iedereen die Nederlands wil oefenen, elk niveau.",
                lang: ["nl", "en", "ar", "tr", "pl", "uk", "ti"]),

            // Zingeving, rouw, veiligheid en verslavingspreventie
            svc("Geestelijk verzorger thuis – zingeving en levensvragen", .sociaalDomein, by: "levensvragen", at: ["levensvragen"],
                group: "Volwassenen met levensvragen, bij ziekte, verlies of eenzaamheid",
                desc: "Een geestelijk verzorger praat met u over vragen als ‘wat geeft mijn leven nog zin?’ of ‘hoe ga ik om met dit verlies?’. De gesprekken zijn bij u thuis of in het centrum. Geloof of achtergrond maakt niet uit.",
                elig: "Inwoners vanaf 18 jaar; u kunt zichzelf aanmelden. Tot vijf gesprekken gratis.",
                cost: "Gratis (tot vijf gesprekken, subsidie)",
                pro: "Verwijzen kan ook via de POH-GGZ; de verzorger stemt af met de huisarts als de cliënt dat wil.",
                aanmeld: 1),
            svc("Gespreksgroep Zingeving", .sociaalDomein, by: "levensvragen", wijken: ["centrum", "oost"], at: ["levensvragen", "zonnewijzer"],
                group: "Volwassenen die willen praten over zingeving, geloof of levensloop",
                desc: "Een groep van acht bijeenkomsten over zingeving. U praat over wat belangrijk voor u is, over keerpunten in uw leven en over hoop. De groep wordt begeleid door een geestelijk verzorger.",
                elig: "Vanaf 18 jaar; kennismakingsgesprek vooraf.",
                cost: "Eigen bijdrage € 20 voor de hele reeks",
                aanmeld: 2, behandel: 5),
            svc("Rouwbegeleiding Rouw & Verder", .sociaalDomein, by: "rouw", at: ["rouw"],
                group: "Volwassenen die rouwen om een overleden dierbare",
                desc: "Een rouwbegeleider helpt u een plek te geven aan het verlies van een dierbare. U krijgt individuele gesprekken over rouw, herinneringen en verder leven. Bij vastgelopen rouw overlegt de begeleider met uw huisarts.",
                elig: "Volwassenen; aanmelden zelf of via huisarts of POH.",
                cost: "Eerste drie gesprekken gratis, daarna € 15 per gesprek (naar draagkracht)",
                aanmeld: 3),
            svc("Rouwgroep Jongeren", .sociaalDomein, by: "rouw", wijken: ["noord", "oost", "zuid"], at: ["rouw", "honk"],
                group: "Jongeren 12–23 die een ouder, broer, zus of vriend verloren",
                desc: "Een groep voor jongeren die iemand verloren. Je praat, schrijft en maakt dingen samen met anderen die hetzelfde meemaken. Rouw mag er zijn, ook als je soms gewoon lol wilt hebben.",
                elig: "Jongeren van 12 tot 23 jaar; aanmelden door jezelf, een ouder of een hulpverlener.",
                aanmeld: 2, behandel: 6),
            svc("Advies- en meldpunt huiselijk geweld", .sociaalDomein, by: "veilig-samen", at: ["veilig-samen"],
                group: "Iedereen die te maken heeft met huiselijk geweld of kindermishandeling",
                desc: "Heeft u thuis te maken met geweld, of maakt u zich zorgen om iemand anders? Bel dag en nacht voor advies of om een melding te doen. U kunt ook anoniem bellen. Bij direct gevaar belt u 112.",
                elig: "Iedereen: slachtoffers, plegers, omstanders en professionals.",
                lang: ["nl", "en", "ar", "tr", "pl", "so", "ti"], phone: "010-2453400",
                pro: "Consult voor professionals volgens de meldcode: 010-2453499 (24/7). Vraag naar de dienstdoende consulent.",
                note: "Altijd eerst consult bij twijfel; bij acuut gevaar na melding doorgaan naar politie.",
                checked: 12),
            svc("Spreekuur Huiselijk geweld in de wijk", .sociaalDomein, by: "veilig-samen", owner: "wt-zuidwest", wijken: ["zuid", "west"], at: ["wijkpost-zuid", "wester"],
                group: "Volwassenen die thuis onveiligheid of geweld meemaken",
                desc: "Een medewerker van het meldpunt heeft elke week spreekuur in de wijk. U kunt vertrouwelijk praten over spanningen, dreiging of geweld thuis. Samen kijkt u wat nodig is om het veilig te maken.",
                elig: "Vrije inloop; u kunt ook met een vriend of familielid komen.",
                lang: ["nl", "ar", "tr"]),
            svc("Verslavingspreventie – voorlichting en advies", .sociaalDomein, by: "bewust", at: ["bewust"],
                group: "Iedereen met vragen over alcohol, drugs, gamen of gokken",
                desc: "Maakt u zich zorgen over uw eigen gebruik of dat van iemand anders? Een preventiewerker geeft advies in een of twee gesprekken. Zo nodig helpt hij of zij u verder naar verslavingszorg. Ook voor ouders van jongeren.",
                elig: "Iedereen, anoniem als u wilt.",
                lang: ["nl", "en", "pl"]),
            svc("Alcohol- en drugsspreekuur voor jongeren", .sociaalDomein, by: "bewust", owner: "wt-centrum", wijken: ["centrum", "havenkwartier", "oost"], at: ["loods", "bewust"],
                group: "Jongeren 14–23 en hun ouders",
                desc: "Vragen over blowen, drinken, lachgas of gamen? Op het jongerenspreekuur praat je vertrouwelijk met iemand die er verstand van heeft. Je ouders hoeven het niet te weten, tenzij je dat zelf wilt.",
                elig: "Jongeren van 14 tot 23 jaar; inloop in De Loods op woensdag of op afspraak."),
            svc("Voedselbank Veenhaven", .sociaalDomein, by: "voedselbank", at: ["voedselbank"],
                group: "Huishoudens die tijdelijk niet rondkomen",
                desc: "De voedselbank geeft wekelijks een pakket met eten en verzorgingsproducten. Een intaker kijkt of u in aanmerking komt en verwijst door naar schuldhulpverlening of budgetcoaching. U krijgt maximaal drie jaar hulp.",
                elig: "Huishoudens onder de norm van de voedselbank; aanmelden via wijkteam, schuldhulpverlening of maatschappelijk werk.",
                referral: true,
                pro: "Aanmeldformulier via het wijkteam; bij acute nood kan de uitgiftepost een noodpakket meegeven.",
                aanmeld: 1),
            svc("Inloop De Open Deur – maaltijd en ontmoeting", .sociaalDomein, by: "open-deur", wijken: ["west", "dorp"], at: ["open-deur"],
                group: "Iedereen die behoefte heeft aan gezelschap of een warme maaltijd",
                desc: "Drie keer per week is er een open inloop met een eenvoudige maaltijd. Vrijwilligers hebben tijd voor een gesprek, ook over zingeving of zorgen. Iedereen is welkom, gelovig of niet.",
                elig: "Iedereen, zonder aanmelding.",
                cost: "Gratis; vrijwillige bijdrage voor de maaltijd", lang: ["nl", "en", "ar", "ti"]),
        ]
    }
}

// MARK: - Services: huisartsenzorg

extension DemoSocialMap {
    /// POH-GGZ per praktijk, POH-jeugd, slaapspreekuur, leefstijlcoach.
    private static func huisartsenzorg() -> [Service] {
        let pohCost = "Gratis; valt niet onder het eigen risico"
        return [
            svc("POH-GGZ spreekuur De Linde", .huisartsenzorg, by: "ha-linde", wijken: ["centrum", "havenkwartier"], at: ["linde"],
                group: "Patiënten van De Linde met psychische klachten",
                desc: "De praktijkondersteuner GGZ (POH-GGZ) helpt bij klachten zoals stress, somberheid, angst, slaapproblemen of rouw. U krijgt gemiddeld vijf tot acht gesprekken van een half uur. Samen zoekt u uit wat er speelt en welke hulp past, ook buiten de GGZ.",
                elig: "Ingeschreven patiënten; afspraak via de huisarts of de assistente.",
                referral: true, cost: pohCost, lang: ["nl", "en"],
                pro: "Overleg met de POH-GGZ via de interne agenda; consultatie door ketenpartners via 010-2411099 (di, do 12:30–13:00).",
                aanmeld: 2),
            svc("POH-GGZ spreekuur Het Anker", .huisartsenzorg, by: "ha-anker", wijken: ["havenkwartier", "zuid"], at: ["anker", "anker-zuid"],
                group: "Patiënten van Het Anker met psychische klachten",
                desc: "De POH-GGZ van Het Anker biedt kortdurende begeleiding bij stress, angst, depressie en problemen thuis of op het werk. Gesprekken kunnen ook via beeldbellen. De POH werkt nauw samen met het wijkteam en de schuldhulpverlening.",
                elig: "Ingeschreven patiënten; afspraak via de huisarts.",
                referral: true, cost: pohCost, lang: ["nl", "ar", "tr"],
                note: "POH-GGZ werkt 3 dagen; op vrijdag geen spreekuur. Tolkentelefoon beschikbaar.",
                aanmeld: 3),
            svc("POH-GGZ spreekuur Gezondheidscentrum Oost", .huisartsenzorg, by: "ha-oost", wijken: ["oost"], at: ["gc-oost"],
                group: "Patiënten van Gezondheidscentrum Oost met psychische klachten",
                desc: "Bij de POH-GGZ kunt u terecht met psychische klachten die uw dagelijks leven verstoren. Na een paar gesprekken weet u beter wat er aan de hand is. Zo nodig helpt de POH u verder naar de basis-GGZ, een zelfhulpgroep of het wijkteam.",
                elig: "Ingeschreven patiënten; verwijzing via de huisarts.",
                referral: true, cost: pohCost, lang: ["nl", "en", "ar"],
                aanmeld: 1),
            svc("POH-GGZ spreekuur Noorderpolder", .huisartsenzorg, by: "ha-polder", wijken: ["noord"], at: ["polder"],
                group: "Patiënten van Huisartspraktijk Noorderpolder met psychische klachten",
                desc: "De POH-GGZ helpt bij lichte tot matige psychische klachten, zoals piekeren, somberheid, werkstress en angst. U krijgt ook e-health modules die u thuis kunt doen. Bij ernstiger klachten overlegt de POH met de huisarts over verwijzing.",
                elig: "Ingeschreven patiënten; afspraak via de huisarts.",
                referral: true, cost: pohCost,
                aanmeld: 4),
            svc("POH-GGZ spreekuur Westwijk & Oud-Veen", .huisartsenzorg, by: "ha-west", wijken: ["west", "dorp"], at: ["westwijk", "oudveen-praktijk"],
                group: "Patiënten van Huisartsen Westwijk & Oud-Veen met psychische klachten",
                desc: "De POH-GGZ heeft spreekuur in Westwijk en op dinsdag in het dorp. U kunt terecht met klachten zoals angst, depressie, eenzaamheid of rouw. De POH kijkt samen met u naar wat er nodig is.",
                elig: "Ingeschreven patiënten; afspraak via de huisarts.",
                referral: true, cost: pohCost, lang: ["nl", "en", "ti"],
                note: "Sinds het vertrek van de tweede POH loopt de wachttijd op; spoed via de huisarts.",
                aanmeld: 5),
            svc("Praktijkondersteuner Jeugd Gezondheidscentrum Oost", .huisartsenzorg, by: "ha-oost", wijken: ["oost"], at: ["gc-oost"],
                group: "Kinderen en jongeren 0–18 en hun ouders",
                desc: "De praktijkondersteuner jeugd helpt kinderen en jongeren met bijvoorbeeld angst, somberheid, slaapproblemen of problemen op school. Ouders kunnen ook zelf langskomen met opvoedvragen. Zo is er snel hulp dichtbij, zonder lange wachtlijst.",
                elig: "Ingeschreven patiënten tot 18 jaar; verwijzing door de huisarts.",
                referral: true, cost: "Gratis (Jeugdwet)",
                pro: "Overleg met de POH-jeugd over doorverwijzing naar jeugdhulp via 010-2413099 (wo 12:00–13:00).",
                aanmeld: 2),
            svc("Praktijkondersteuner Jeugd Westwijk & Oud-Veen", .huisartsenzorg, by: "ha-west", wijken: ["west", "dorp"], at: ["westwijk"],
                group: "Kinderen en jongeren 0–18 en hun ouders",
                desc: "Kortdurende hulp voor jongeren met psychische klachten, zoals stress, angst, somberheid of problemen thuis. De POH-jeugd werkt samen met jongerenwerk en het wijkteam. Jongeren vanaf 16 jaar kunnen ook zelf een afspraak maken.",
                elig: "Ingeschreven patiënten tot 18 jaar.",
                referral: true, cost: "Gratis (Jeugdwet)",
                aanmeld: 3),
            svc("Slaapspreekuur Noorderpolder", .huisartsenzorg, by: "ha-polder", wijken: ["noord"], at: ["polder"],
                group: "Volwassenen met langdurige slaapproblemen",
                desc: "Op het slaapspreekuur kijkt een getrainde POH samen met u naar uw slaap. U houdt twee weken een slaapdagboek bij en krijgt daarna een persoonlijk slaapadvies. Het doel is beter slapen zonder slaapmiddelen.",
                elig: "Ingeschreven patiënten met slaapproblemen langer dan drie maanden.",
                referral: true, cost: pohCost,
                pro: "Combineert goed met de e-health module Beter slapen; afbouw van slaapmiddelen in overleg met de huisarts.",
                aanmeld: 2),
            svc("Leefstijlcoach Vitaal (GLI)", .huisartsenzorg, by: "vitaal", wijken: ["noord", "oost", "centrum"], at: ["vitaal"],
                group: "Volwassenen met overgewicht, ook met stress- of slaapklachten",
                desc: "In twee jaar werkt u met een leefstijlcoach aan gezonder eten, meer bewegen en beter slapen. U doet mee in een groep en hebt ook individuele gesprekken. Aandacht voor stress en somberheid hoort erbij.",
                elig: "Volwassenen met een verwijzing van de huisarts (BMI vanaf 25 met risicofactoren, of vanaf 30).",
                referral: true, cost: "Vergoed vanuit de basisverzekering; geen eigen risico",
                aanmeld: 3, behandel: 4),
            svc("Groepscursus Beter slapen Het Anker", .huisartsenzorg, by: "ha-anker", wijken: ["havenkwartier", "zuid"], at: ["anker"],
                group: "Volwassenen met slaapproblemen",
                desc: "Een cursus van vier avonden in de huisartsenpraktijk. U leert hoe slaap werkt, wat u zelf kunt doen en hoe u piekeren in bed doorbreekt. De cursus wordt gegeven door de POH-GGZ en de POH-somatiek.",
                elig: "Patiënten van Het Anker, op advies van huisarts of POH.",
                referral: true, cost: pohCost,
                aanmeld: 2, behandel: 5),
        ]
    }
}

// MARK: - Services: basis-GGZ

extension DemoSocialMap {
    /// GGZ Veenland en Praktijk Mindwerk (organisationKey set), vrijgevestigden, e-health en zorgbemiddeling.
    private static func basisGGZ() -> [Service] {
        let vergoed = "Vergoed vanuit de basisverzekering (eigen risico)"
        let vrijgevestigd = "Vergoed vanuit de basisverzekering (eigen risico); zonder contract met uw verzekeraar mogelijk een deel zelf betalen"
        return [
            svc("Basis-GGZ Veenhaven", .basisGGZ, by: "ggz-veenland", at: ["ggz-centrum", "ggz-noord"],
                group: "Volwassenen met lichte tot matige psychische klachten",
                desc: "Het team Basis-GGZ Veenhaven van GGZ Veenland behandelt klachten zoals angst, depressie, burn-out en rouw. De behandeling duurt meestal acht tot twaalf gesprekken, soms met online opdrachten. Psychologen werken samen met uw huisarts.",
                elig: "Volwassenen met een verwijzing van de huisarts en een vermoeden van een DSM-stoornis.",
                referral: true, cost: vergoed, lang: ["nl", "en"],
                pro: "Direct lijn voor verwijzers: 010-2430010 (ma–vr 8:30–9:30), vraag naar de dienstdoende triagist. Verwijzen via ZorgDomein.",
                note: "Wachttijd stabiel; bij twijfel over zwaarte eerst consultatie aanvragen.",
                aanmeld: 6, behandel: 4),
            svc("Kortdurende behandeling angst – GGZ Veenland", .basisGGZ, by: "ggz-veenland", wijken: ["centrum", "havenkwartier", "zuid"], at: ["ggz-centrum"],
                group: "Volwassenen met angst- of paniekklachten",
                desc: "Een behandeling van acht tot tien sessies bij angst, paniek of sociale angst. U leert uw angst begrijpen en gaat stap voor stap situaties aan die u nu vermijdt. De behandeling is gebaseerd op cognitieve gedragstherapie.",
                elig: "Volwassenen met een verwijzing van de huisarts.",
                referral: true, cost: vergoed,
                pro: "Direct lijn voor verwijzers: 010-2430010 (ma–vr 8:30–9:30).",
                aanmeld: 7, behandel: 5),
            svc("Depressiebehandeling Basis-GGZ Noord", .basisGGZ, by: "ggz-veenland", wijken: ["noord", "oost"], at: ["ggz-noord"],
                group: "Volwassenen met een lichte of matige depressie",
                desc: "Bij somberheid en depressie krijgt u gesprekken met een psycholoog, soms aangevuld met een online module. U werkt aan activiteiten die u energie geven en aan negatieve gedachten. Als het nodig is, kijkt de huisarts mee naar medicatie.",
                elig: "Volwassenen uit Noord en Oost met een verwijzing van de huisarts.",
                referral: true, cost: vergoed,
                pro: "Direct lijn voor verwijzers: 010-2430010 (ma–vr 8:30–9:30), vraag naar team Noord.",
                note: "Een psycholoog met zwangerschapsverlof; wachttijd tijdelijk hoger.",
                aanmeld: 9, behandel: 6),
            svc("Blended behandeling e-health en sessies – GGZ Veenland", .basisGGZ, by: "ggz-veenland", at: [],
                group: "Volwassenen met angst, depressie of stress die deels online willen werken",
                desc: "Een behandeling waarin online modules en gesprekken elkaar afwisselen. U werkt thuis aan opdrachten en bespreekt die om de week met uw psycholoog, op locatie of via beeldbellen. Zo bent u flexibeler en vaak sneller klaar.",
                elig: "Volwassenen met een verwijzing van de huisarts, met een computer of smartphone.",
                referral: true, cost: vergoed, lang: ["nl", "en"],
                aanmeld: 4, behandel: 2),
            svc("Slaapbehandeling CGT-I – GGZ Veenland", .basisGGZ, by: "ggz-veenland", at: ["ggz-centrum"],
                group: "Volwassenen met hardnekkige slapeloosheid",
                desc: "Een behandeling van zes sessies bij slapeloosheid, ook als slaap samengaat met angst of depressie. U werkt met een slaapdagboek, slaaprestrictie en het doorbreken van piekeren. Ook online te volgen.",
                elig: "Volwassenen met een verwijzing van de huisarts; eerst slaapspreekuur of e-health geprobeerd.",
                referral: true, cost: vergoed,
                aanmeld: 8, behandel: 6),
            svc("Groepsbehandeling depressie Licht op", .basisGGZ, by: "ggz-veenland", wijken: ["centrum", "oost", "noord"], at: ["ggz-centrum"],
                group: "Volwassenen met een lichte tot matige depressie",
                desc: "Tien wekelijkse groepsbijeenkomsten voor mensen met depressieve klachten. U leert van de behandelaar én van elkaar. Veel deelnemers zeggen dat herkenning in de groep hen het meest hielp.",
                elig: "Volwassenen met een verwijzing van de huisarts; intakegesprek vooraf.",
                referral: true, cost: vergoed,
                note: "Groep start pas bij 8 deelnemers; volgende start half januari.",
                aanmeld: 5, behandel: 7),
            svc("Basis-GGZ Mindwerk", .basisGGZ, by: "ggz-mindwerk", wijken: ["centrum", "oost", "noord"], at: ["mindwerk", "mindwerk-oost"],
                group: "Volwassenen met lichte tot matige psychische klachten",
                desc: "Praktijk Mindwerk biedt kortdurende behandeling bij angst, depressie, stress en problemen met zelfbeeld. U krijgt een vaste psycholoog en werkt met een duidelijk behandelplan. Avondafspraken zijn mogelijk.",
                elig: "Volwassenen met een verwijzing van huisarts of POH.",
                referral: true, cost: vergoed, lang: ["nl", "en"],
                pro: "Verwijzerslijn: 010-2431099 (ma–vr 8:30–9:00). Verwijzen via ZorgDomein.",
                aanmeld: 5, behandel: 3),
            svc("Mindwerk – burn-out en werkstress", .basisGGZ, by: "ggz-mindwerk", wijken: ["centrum", "oost"], at: ["mindwerk"],
                group: "Werkenden met burn-out of ernstige werkstress",
                desc: "Een behandeling gericht op herstel van burn-out en terugkeer naar werk. U leert uw grenzen kennen en werkt aan energie en ontspanning. Met uw toestemming stemt de psycholoog af met de bedrijfsarts.",
                elig: "Volwassenen met een verwijzing van de huisarts; aanpassingsstoornis of depressie moet aannemelijk zijn.",
                referral: true, cost: vergoed,
                aanmeld: 8, behandel: 4),
            svc("Mindwerk – rouw- en verliesbehandeling", .basisGGZ, by: "ggz-mindwerk", wijken: ["centrum", "noord"], at: ["mindwerk"],
                group: "Volwassenen met vastgelopen rouw",
                desc: "Voor mensen bij wie rouw na lange tijd nog het dagelijks leven beheerst. De behandeling helpt om het verlies te verwerken en weer ruimte te maken voor het leven. Er wordt gewerkt met gesprekken, schrijfopdrachten en soms EMDR.",
                elig: "Volwassenen met een verwijzing van de huisarts, minstens zes maanden na het verlies.",
                referral: true, cost: vergoed,
                aanmeld: 6, behandel: 2),
            svc("Mindwerk – jongvolwassenen 18–25", .basisGGZ, by: "ggz-mindwerk", wijken: ["oost", "noord"], at: ["mindwerk-oost"],
                group: "Jongvolwassenen 18–25",
                desc: "Behandeling voor jongvolwassenen met angst, somberheid, stress rond studie of problemen met identiteit. De psychologen zijn gewend aan jongeren en werken ook via chat en beeldbellen. Ouders of partners kunnen meedoen als je dat wilt.",
                elig: "Jongvolwassenen van 18 tot 25 jaar met een verwijzing van de huisarts.",
                referral: true, cost: vergoed, lang: ["nl", "en"],
                note: "Veel aanmeldingen van studenten; wachttijd boven de Treeknorm.",
                aanmeld: 10, behandel: 5),
            svc("Helder Zicht – angst en depressie", .basisGGZ, by: "helder-zicht", wijken: ["centrum"], at: ["helder-zicht"],
                group: "Volwassenen met angst- of depressieklachten",
                desc: "Vrijgevestigde psychologen voor kortdurende behandeling bij angst en depressie. U krijgt cognitieve gedragstherapie of schematherapie-technieken, afgestemd op uw situatie. De praktijk is klein en persoonlijk.",
                elig: "Volwassenen met een verwijzing van de huisarts.",
                referral: true, cost: vrijgevestigd,
                note: "Praktijk heeft dit jaar contract met Polderzorg; andere verzekeraars wisselend.",
                aanmeld: 14, behandel: 6),
            svc("Helder Zicht – EMDR bij eenmalig trauma", .basisGGZ, by: "helder-zicht", wijken: ["centrum", "havenkwartier"], at: ["helder-zicht"],
                group: "Volwassenen met klachten na een schokkende gebeurtenis",
                desc: "Heeft u een ongeluk, overval of andere schokkende gebeurtenis meegemaakt en heeft u nog steeds nachtmerries of herbelevingen? Met EMDR verwerkt u de herinnering in een paar sessies. De behandeling is kort en vaak zeer effectief.",
                elig: "Volwassenen met een verwijzing van de huisarts; bij meervoudig trauma naar specialistische GGZ.",
                referral: true, cost: vrijgevestigd,
                aanmeld: 12, behandel: 3),
            svc("Praktijk Dijkstra Psychologie", .basisGGZ, by: "dijkstra", wijken: ["west"], at: ["dijkstra"],
                group: "Volwassenen met angst, depressie of problemen in relaties",
                desc: "Een GZ-psycholoog met een eigen praktijk in Westwijk. Behandeling in het Nederlands, Engels of Duits. Veel aandacht voor expats en nieuwkomers met heimwee, stress of eenzaamheid.",
                elig: "Volwassenen met een verwijzing van de huisarts.",
                referral: true, cost: vrijgevestigd, lang: ["nl", "en", "de"],
                aanmeld: 16, behandel: 4),
            svc("Dijkstra – groepstraining Assertiviteit en zelfbeeld", .basisGGZ, by: "dijkstra", wijken: ["west", "dorp"], at: ["dijkstra"],
                group: "Volwassenen met een negatief zelfbeeld of sociale angst",
                desc: "Een groepstraining van acht bijeenkomsten. U oefent met voor uzelf opkomen, nee zeggen en omgaan met kritiek. Door te oefenen in een veilige groep groeit uw zelfvertrouwen.",
                elig: "Volwassenen met een verwijzing van de huisarts; kennismakingsgesprek vooraf.",
                referral: true, cost: vrijgevestigd,
                aanmeld: 3, behandel: 6),
            svc("Psychologenpraktijk Oud-Veen – basis-GGZ", .basisGGZ, by: "oudveen-psy", wijken: ["dorp", "west"], at: ["oudveen-psy"],
                group: "Volwassenen en gezinnen met psychische klachten",
                desc: "Psychologen en een systeemtherapeut in het dorp. U kunt terecht bij angst, depressie, rouw en spanningen in het gezin. Partners of gezinsleden kunnen bij de gesprekken betrokken worden.",
                elig: "Volwassenen met een verwijzing van de huisarts.",
                referral: true, cost: vrijgevestigd,
                note: "Geen contract met alle verzekeraars; controleer dit vóór verwijzing.",
                aanmeld: 10, behandel: 8),
            svc("Praktijk Zuiderlicht – basis-GGZ", .basisGGZ, by: "zuiderlicht", wijken: ["zuid", "havenkwartier"], at: ["zuiderlicht"],
                group: "Volwassenen met psychische klachten",
                desc: "Basis-GGZ voor volwassenen met angst, depressie, stress en rouw. De behandelaars spreken Nederlands, Turks en Arabisch. Er is ruimte voor uw achtergrond, cultuur en geloof in de behandeling.",
                elig: "Volwassenen met een verwijzing van de huisarts.",
                referral: true, cost: vergoed, lang: ["nl", "tr", "ar"],
                pro: "Verwijzerslijn: 010-2460499 (ma, wo 12:00–13:00).",
                aanmeld: 6, behandel: 4),
            svc("Zuiderlicht – cultuursensitieve behandeling", .basisGGZ, by: "zuiderlicht", wijken: ["zuid"], at: ["zuiderlicht"],
                group: "Nieuwkomers en mensen met een migratieachtergrond",
                desc: "Behandeling voor mensen die psychische klachten hebben na migratie of vlucht, zoals slecht slapen, somberheid of angst. De behandelaar spreekt uw taal of werkt met een vaste tolk. Familie kan, als u dat wilt, betrokken worden.",
                elig: "Volwassenen met een verwijzing van de huisarts; ook statushouders.",
                referral: true, cost: vergoed, lang: ["nl", "ar", "tr", "fa"],
                note: "Farsi alleen op dinsdag; bij ernstige PTSS direct naar Traumacentrum Zeeweg verwijzen.",
                aanmeld: 11, behandel: 4),
            svc("Jeugd-GGZ Praktijk Kindwijs", .basisGGZ, by: "kindwijs", wijken: ["oost", "zuid", "west"], at: ["kindwijs"],
                group: "Kinderen en jongeren 4–18 met psychische klachten, en hun ouders",
                desc: "Kinder- en jeugdpsychologen helpen bij angst, somberheid, faalangst, trauma of gedragsproblemen. Ouders worden altijd betrokken. De behandeling vindt plaats in de praktijk, op school of thuis.",
                elig: "Jeugdigen tot 18 jaar met een verwijzing van huisarts, POH-jeugd of wijkteam.",
                referral: true, cost: "Gratis (Jeugdwet, betaald door de gemeente)",
                pro: "Verwijzerslijn: 010-2460599 (ma–do 8:30–9:30). Bij acute zorgen over veiligheid eerst Meldpunt Veilig Samen consulteren.",
                note: "Wachttijd boven norm; de gemeente onderzoekt extra inkoop.",
                aanmeld: 13, behandel: 8),
            svc("Online psycholoog via beeldbellen", .basisGGZ, by: "mentaal-online",
                group: "Volwassenen met lichte tot matige klachten die liever online behandeld worden",
                desc: "Behandeling door een psycholoog volledig via beeldbellen en chat. Handig als u moeilijk de deur uit kunt of onregelmatig werkt. De behandeling is even lang als in de praktijk.",
                elig: "Volwassenen met een verwijzing van de huisarts.",
                referral: true, cost: vergoed, lang: ["nl", "en", "pl"],
                aanmeld: 2, behandel: 2),
            svc("Zorgbemiddeling bij wachttijden GGZ", .basisGGZ, by: "verzekeraar",
                group: "Verzekerden van Polderzorg die lang moeten wachten op GGZ",
                desc: "Moet u langer wachten dan de Treeknorm? De zorgbemiddelaars van Polderzorg zoeken een aanbieder met een kortere wachttijd. Zij kijken daarbij naar uw klachten, uw voorkeur en de afstand.",
                elig: "Verzekerden van Polderzorg met een verwijzing naar de GGZ.",
                cost: "Gratis voor verzekerden",
                pro: "Verwijzers kunnen namens de cliënt bellen (met toestemming): 010-2409910, ma–vr 8:30–17:00."),
        ]
    }
}

// MARK: - Services: specialistische GGZ

extension DemoSocialMap {
    /// GGZ Veenland-teams en specialistische aanbieders; crisisdienst zonder wachttijd.
    private static func specialistischeGGZ() -> [Service] {
        let vergoed = "Vergoed vanuit de basisverzekering (eigen risico)"
        return [
            svc("Angst & Stemming", .specialistischeGGZ, by: "ggz-veenland", at: ["ggz-centrum"],
                group: "Volwassenen met ernstige of complexe angst- en stemmingsstoornissen",
                desc: "Het team Angst & Stemming behandelt ernstige depressie, bipolaire stoornis, OCD en complexe angststoornissen. Het team bestaat uit psychiaters, psychologen en verpleegkundig specialisten. Behandeling kan bestaan uit therapie, medicatie en groepsbehandeling.",
                elig: "Volwassenen met een verwijzing van de huisarts of basis-GGZ.",
                referral: true, cost: vergoed, lang: ["nl", "en"],
                pro: "Direct lijn voor verwijzers: 010-2430020 (ma–vr 8:30–9:30), vraag naar de dienstdoende triagist. Consultatie psychiater op dinsdag.",
                note: "Wachtlijst loopt op sinds de zomer; bij suïcidaliteit eerst bellen voor voorrang.",
                aanmeld: 14, behandel: 12),
            svc("Angst & Stemming – deeltijdbehandeling depressie", .specialistischeGGZ, by: "ggz-veenland", at: ["ggz-centrum"],
                group: "Volwassenen met een ernstige depressie die niet genoeg hebben aan ambulante behandeling",
                desc: "Drie dagen per week volgt u een intensief groepsprogramma met therapie, beweging en dagstructuur. U slaapt thuis. Het programma duurt twaalf tot zestien weken.",
                elig: "Na intake bij Angst & Stemming.",
                referral: true, cost: vergoed,
                note: "Alleen na intake; nieuwe groep elke 6 weken.",
                aanmeld: 18, behandel: 10),
            svc("Vroege Psychose", .specialistischeGGZ, by: "ggz-veenland", at: ["ggz-oost"],
                group: "Jongeren en jongvolwassenen 15–35 met (een vermoeden van) een eerste psychose",
                desc: "Het team Vroege Psychose helpt jonge mensen die voor het eerst een psychose hebben of bij wie het risico groot is. Snelle hulp is belangrijk: het team komt zo nodig thuis. Naast behandeling is er aandacht voor school, werk, familie en herstel, met een ervaringsdeskundige in het team.",
                elig: "Jongeren en jongvolwassenen van 15 tot 35 jaar; verwijzing via huisarts, POH of wijkteam.",
                referral: true, cost: vergoed, lang: ["nl", "en"],
                pro: "Snelle aanmelding psychose: 010-2430030 (ma–vr 9:00–17:00). Binnen 1 week een eerste gesprek; bij acuut gevaar crisisdienst.",
                note: "Korte lijn met jongerenwerk; IPS-trajectbegeleider beschikbaar.",
                aanmeld: 1, behandel: 2, ervaring: true),
            svc("Eetstoornissen volwassenen", .specialistischeGGZ, by: "eetstoornissen", at: ["eetstoornissen"],
                group: "Volwassenen met anorexia, boulimia of een eetbuistoornis",
                desc: "Gespecialiseerde behandeling van eetstoornissen, met aandacht voor lichaam, eetpatroon en gevoel. Een diëtist, psycholoog en arts werken samen. Er is ambulante behandeling en deeltijdbehandeling.",
                elig: "Volwassenen met een verwijzing van de huisarts; lichamelijke screening vooraf bij de huisarts.",
                referral: true, cost: vergoed,
                pro: "Consultatie voor huisartsen (somatische risico’s): 010-2470199, ma–vr 13:00–14:00.",
                note: "Bij BMI onder 15 of snel gewichtsverlies: spoedintake aanvragen.",
                aanmeld: 16, behandel: 12),
            svc("Eetstoornissen jongeren 12–23", .specialistischeGGZ, by: "eetstoornissen", at: ["eetstoornissen"],
                group: "Jongeren 12–23 met een eetstoornis en hun ouders",
                desc: "Behandeling voor jongeren met een eetstoornis, waarbij ouders vanaf het begin betrokken zijn. De behandeling is gericht op herstel van gewicht en eetpatroon en op weer meedoen op school. Er is een ouderavond en lotgenotencontact.",
                elig: "Jongeren van 12 tot 23 jaar met een verwijzing van huisarts of jeugdarts.",
                referral: true, cost: "Tot 18 jaar gratis (Jeugdwet); vanaf 18 jaar vergoed vanuit de basisverzekering (eigen risico)",
                aanmeld: 8, behandel: 6),
            svc("PTSS-behandeling Traumacentrum Zeeweg", .specialistischeGGZ, by: "zeeweg", at: ["zeeweg"],
                group: "Volwassenen met PTSS na een of meer ingrijpende gebeurtenissen",
                desc: "Traumabehandeling met EMDR of imaginaire exposure bij posttraumatische stressstoornis. U leert de herinneringen te verwerken zodat ze minder pijn doen. Behandeling is ook mogelijk met een tolk.",
                elig: "Volwassenen met een verwijzing van de huisarts.",
                referral: true, cost: vergoed, lang: ["nl", "en", "ar", "ti", "uk"],
                pro: "Verwijzerslijn: 010-2470299 (di, do 8:30–9:30). Vermeld of een tolk nodig is.",
                note: "Lange wachttijd; de wachtlijst wordt maandelijks doorgenomen op urgentie.",
                aanmeld: 20, behandel: 8),
            svc("Intensieve traumabehandeling complex trauma", .specialistischeGGZ, by: "zeeweg", at: ["zeeweg"],
                group: "Volwassenen met complexe PTSS na langdurig of herhaald trauma",
                desc: "Een intensief programma van acht dagen traumatherapie, gecombineerd met sport en psycho-educatie. Daarna volgt ambulante nazorg. Voor mensen bij wie eerdere behandeling onvoldoende hielp.",
                elig: "Na intake bij Traumacentrum Zeeweg; verwijzing door huisarts of GGZ-behandelaar.",
                referral: true, cost: vergoed,
                aanmeld: 22, behandel: 14),
            svc("Ambulante verslavingszorg Koers", .specialistischeGGZ, by: "koers", at: ["koers"],
                group: "Volwassenen met problemen door alcohol, drugs, medicijnen, gokken of gamen",
                desc: "Behandeling bij verslaving, op de polikliniek, online of bij u thuis. U werkt aan minderen of stoppen en aan wat er achter het gebruik zit. Naasten kunnen meedoen in gezinsgesprekken.",
                elig: "Volwassenen; verwijzing van de huisarts nodig voor vergoeding. Een adviesgesprek kan zonder verwijzing.",
                referral: true, cost: vergoed, lang: ["nl", "en", "pl"],
                pro: "Verwijzerslijn en consultatie verslavingsarts: 010-2470399 (ma–vr 9:00–10:00).",
                aanmeld: 3, behandel: 2),
            svc("Klinische detox Koers", .specialistischeGGZ, by: "koers", at: ["koers-kliniek"],
                group: "Volwassenen die onder medische begeleiding willen stoppen met alcohol of drugs",
                desc: "Een opname van één tot drie weken in Kliniek De Veenhof om veilig af te kicken. Artsen en verpleegkundigen begeleiden de ontwenning. Daarna gaat u verder met ambulante verslavingszorg.",
                elig: "Na intake bij Koers; verwijzing door huisarts of behandelaar.",
                referral: true, cost: vergoed,
                aanmeld: 6, behandel: 2),
            svc("Persoonlijkheidsproblematiek – schematherapie De Zeestroom", .specialistischeGGZ, by: "zeestroom", at: ["zeestroom"],
                group: "Volwassenen met persoonlijkheidsproblematiek",
                desc: "Langdurige behandeling voor mensen die steeds vastlopen in relaties, werk of emoties. In schematherapie leert u patronen uit uw jeugd herkennen en doorbreken. De behandeling duurt één tot twee jaar, individueel en in een groep.",
                elig: "Volwassenen met een verwijzing van huisarts of GGZ-behandelaar.",
                referral: true, cost: vergoed,
                note: "Langste wachttijd in de regio; overbruggingsgesprekken mogelijk via POH-GGZ.",
                aanmeld: 20, behandel: 16),
            svc("DGT vaardigheidstraining De Zeestroom", .specialistischeGGZ, by: "zeestroom", at: ["zeestroom"],
                group: "Volwassenen met heftige emoties, zelfbeschadiging of impulsiviteit",
                desc: "Dialectische gedragstherapie in een groep en individueel. U leert vaardigheden om met sterke emoties om te gaan zonder uzelf of anderen te beschadigen. Telefonische coaching tussen de sessies hoort erbij.",
                elig: "Volwassenen met een verwijzing; intake en motivatiefase vooraf.",
                referral: true, cost: vergoed,
                aanmeld: 12, behandel: 6),
            svc("Ouderenpsychiatrie Avondrood", .specialistischeGGZ, by: "avondrood", at: ["avondrood"],
                group: "Ouderen vanaf 65 jaar met psychische problemen",
                desc: "Diagnostiek en behandeling bij depressie, angst, psychose of gedragsproblemen bij dementie. Het team komt ook bij u thuis of in het verpleeghuis. Mantelzorgers worden nauw betrokken.",
                elig: "Ouderen vanaf 65 jaar met een verwijzing van huisarts of specialist ouderengeneeskunde.",
                referral: true, cost: vergoed,
                pro: "Consultatie ouderenpsychiater voor huisartsen: 010-2470599 (ma–vr 12:30–13:30).",
                aanmeld: 6, behandel: 4),
            svc("FACT-team Noord-Oost", .specialistischeGGZ, by: "kompas", wijken: ["noord", "oost"], at: ["kompas-noord"],
                group: "Volwassenen met een ernstige psychische aandoening (EPA)",
                desc: "Het FACT-team begeleidt mensen met langdurige psychische problemen, zoals psychose of bipolaire stoornis, in hun eigen wijk. Behandeling, begeleiding en hulp bij wonen, werk en geld komen samen. Als het slechter gaat, komt het team vaker langs.",
                elig: "Volwassenen met EPA; verwijzing door huisarts of GGZ-behandelaar.",
                referral: true, cost: vergoed,
                pro: "Aanmelden via de trajectcoördinator: 010-2470610 (ma–vr 9:00–12:00). Casuïstiek bespreekbaar op de regionale casuïstiektafel.",
                aanmeld: 4, behandel: 2, ervaring: true),
            svc("FACT-team Zuid-West", .specialistischeGGZ, by: "kompas", wijken: ["zuid", "west", "dorp"], at: ["kompas-zuid"],
                group: "Volwassenen met een ernstige psychische aandoening (EPA)",
                desc: "Het FACT-team Zuid-West werkt in Zuiderhaven, Westwijk en Oud-Veen. Het team bestaat uit een psychiater, verpleegkundigen, een ervaringsdeskundige en een IPS-trajectbegeleider. U krijgt zorg dichtbij huis, ook thuis.",
                elig: "Volwassenen met EPA; verwijzing door huisarts of GGZ-behandelaar.",
                referral: true, cost: vergoed,
                pro: "Aanmelden via de trajectcoördinator: 010-2470620 (ma–vr 9:00–12:00).",
                note: "Caseload vol; nieuwe cliënten eerst via overbrugging door wijkteam en POH.",
                aanmeld: 6, behandel: 3, ervaring: true),
            svc("Crisisdienst Veenland", .specialistischeGGZ, by: "crisisdienst", at: ["crisisdienst"],
                group: "Mensen in een acute psychiatrische crisis",
                desc: "De crisisdienst helpt dag en nacht bij een acute psychische crisis, zoals ernstige suïcidegedachten, psychose of verwardheid. Inwoners bellen niet zelf: de huisarts, huisartsenpost of politie schakelt de crisisdienst in. Bij direct levensgevaar belt u 112.",
                elig: "Via huisarts, huisartsenpost, SEH of politie. Bij gedachten aan zelfdoding kunt u ook anoniem bellen met de landelijke hulplijn 113.",
                referral: true, cost: vergoed, lang: ["nl", "en"], phone: "",
                pro: "Crisislijn voor verwijzers (24/7): 010-2430999. Houd de gegevens van de patiënt en de actuele medicatie bij de hand.",
                note: "Geen wachttijd; triage binnen 1 uur, beoordeling binnen 4 uur.",
                aanmeld: 0, behandel: 0, reported: 2, checked: 5),
        ]
    }
}

// MARK: - Services: steuncentra

extension DemoSocialMap {
    /// Inloop, herstelcafé, herstelacademie, WRAP en lotgenotencontact — altijd zonder verwijzing.
    private static func steuncentra() -> [Service] {
        [
            // Steunpunt De Brug (sc-brug)
            svc("Inloop De Brug", .steuncentrum, by: "sc-brug", wijken: ["centrum", "havenkwartier"], at: ["brug"],
                group: "Volwassenen met psychische kwetsbaarheid, eenzaamheid of zorgen",
                desc: "Bij De Brug kunt u zonder afspraak binnenlopen voor koffie, een gesprek of een activiteit. Ervaringsdeskundigen weten hoe het is als het even niet gaat en luisteren zonder oordeel. Veel bezoekers vinden hier rust, ontmoeting en een plek om bij te horen.",
                elig: "Iedereen vanaf 18 jaar; geen verwijzing, indicatie of aanmelding nodig.",
                lang: ["nl", "en", "ar"],
                pro: "Kennismaken met een cliënt kan via een warme overdracht: bel de coördinator op 010-2440190 (ma–vr 10:00–11:00).",
                ervaring: true,
                activities: [
                    weekly(1, "10:00", "12:00", "Koffie-inloop", "Binnenlopen voor koffie, een praatje of de krant. Er is altijd een ervaringsdeskundige aanwezig."),
                    weekly(2, "13:30", "15:30", "Creatief atelier", "Schilderen, tekenen en kleien, zonder dat het mooi hoeft te zijn."),
                    weekly(3, "12:30", "13:30", "Samen lunchen", "Gezamenlijke lunch, klaargemaakt door bezoekers. Bijdrage € 2."),
                    weekly(4, "10:30", "12:00", "Wandelen langs de haven", "Een rustige wandeling van een uur met koffie na afloop."),
                    weekly(6, "11:00", "14:00", "Zaterdaginloop", "Inloop in het weekend, als veel andere voorzieningen dicht zijn."),
                    once("2026-12-17", "17:00", "20:00", "Kerstmaaltijd", "Samen koken en eten rond de feestdagen. Aanmelden bij de balie."),
                ]),
            svc("Herstelcafé De Brug Zuiderhaven", .steuncentrum, by: "sc-brug", wijken: ["zuid"], at: ["brug-zuid"],
                group: "Iedereen die werkt aan herstel na psychische problemen of verslaving",
                desc: "In het herstelcafé delen mensen hun ervaringen met herstel. Er is telkens een thema, zoals ‘wat geeft mij kracht?’ of ‘omgaan met terugval’. U mag ook alleen komen luisteren.",
                elig: "Vrije inloop; geen verwijzing nodig.",
                lang: ["nl", "tr"],
                ervaring: true,
                activities: [
                    weekly(2, "14:00", "16:00", "Herstelcafé", "Gesprek over een herstelthema, begeleid door twee ervaringsdeskundigen."),
                    weekly(4, "13:00", "15:00", "Huiskamer open", "Gewoon binnenlopen voor koffie en gezelschap."),
                    weekly(4, "15:00", "16:30", "Spelmiddag", "Kaarten, bordspellen en puzzels."),
                    once("2027-01-14", "14:00", "16:00", "Nieuwjaarsherstelcafé", "Thema: goede voornemens zonder druk. Met oliebollen."),
                    once("2027-02-11", "14:00", "16:00", "Herstelcafé over geldstress", "Met een gast van Geldmaatjes Veenhaven."),
                ]),
            svc("WRAP-training De Brug", .steuncentrum, by: "sc-brug", wijken: ["centrum", "havenkwartier", "zuid"], at: ["brug"],
                group: "Volwassenen die meer grip willen op hun eigen herstel",
                desc: "In de WRAP-training maakt u uw eigen herstelplan: wat houdt u gezond, wat zijn signalen dat het minder gaat en wat helpt dan? De training duurt acht bijeenkomsten en wordt gegeven door gecertificeerde ervaringsdeskundigen. U werkt in een kleine groep.",
                elig: "Iedereen vanaf 18 jaar; vooraf even aanmelden omdat de groep klein is.",
                ervaring: true,
                activities: [
                    weekly(3, "10:00", "12:30", "WRAP-bijeenkomst", "Wekelijkse bijeenkomst van de lopende WRAP-groep."),
                    once("2026-12-09", "14:00", "15:00", "Informatiebijeenkomst WRAP", "Kennismaken met de training en de trainers."),
                    once("2027-01-13", "10:00", "12:30", "Start nieuwe WRAP-groep", "Eerste bijeenkomst van de voorjaarsgroep."),
                    once("2027-02-24", "10:00", "12:30", "WRAP-terugkomochtend", "Voor oud-deelnemers: plan bijwerken en ervaringen delen."),
                ]),
            svc("Lotgenotencontact Psychose De Brug", .steuncentrum, by: "sc-brug", wijken: ["centrum", "havenkwartier", "zuid"], at: ["brug"],
                group: "Mensen die een psychose hebben meegemaakt, en hun naasten",
                desc: "Een psychose kan je leven flink op zijn kop zetten. In deze groep praat u met anderen die het ook hebben meegemaakt. Er is een aparte avond voor naasten.",
                elig: "Vrije inloop; ook als u (nog) in behandeling bent.",
                ervaring: true,
                activities: [
                    weekly(1, "19:00", "21:00", "Lotgenotengroep psychose", "Ervaringen delen met mensen die een psychose meemaakten."),
                    weekly(5, "13:00", "14:30", "Samen koken", "Eenvoudig en gezond koken met elkaar."),
                    once("2026-12-14", "19:30", "21:30", "Naastenavond", "Voor ouders, partners en broers en zussen. Met een ervaringsdeskundige naaste."),
                    once("2027-02-08", "19:30", "21:30", "Naastenavond", "Thema: zorgen voor jezelf als naaste."),
                ]),

            // Herstelhuis Het Baken (sc-baken)
            svc("Inloop Herstelhuis Het Baken", .steuncentrum, by: "sc-baken", wijken: ["noord", "oost"], at: ["baken"],
                group: "Volwassenen met psychische kwetsbaarheid, verslaving of eenzaamheid",
                desc: "Het Baken is een huiskamer voor iedereen die een plek zoekt om op adem te komen. U drinkt koffie, doet mee aan een activiteit of praat met een ervaringsdeskundige. Niets moet, alles mag.",
                elig: "Iedereen vanaf 18 jaar; zonder verwijzing of indicatie.",
                lang: ["nl", "en", "pl"],
                pro: "Korte lijn met Wijkteam Noord en FACT Noord-Oost; kennismaken kan via 010-2440290.",
                ervaring: true,
                activities: [
                    weekly(1, "10:00", "12:00", "Koffieochtend", "De week samen beginnen met koffie en de krant."),
                    weekly(2, "14:00", "16:00", "Moestuin", "Werken in de moestuin achter het huis."),
                    weekly(3, "12:00", "13:30", "Soep en brood", "Gezamenlijke lunch. Bijdrage € 1,50."),
                    weekly(4, "10:00", "12:00", "Muziekochtend", "Samen muziek maken of luisteren, met gitaar en piano."),
                    weekly(5, "14:00", "15:30", "Wandelgroep", "Rondje door het Polderpark."),
                    once("2026-12-21", "15:00", "18:00", "Midwinterborrel", "Alcoholvrije borrel met hapjes om het jaar af te sluiten."),
                ]),
            svc("Herstelacademie Het Baken", .steuncentrum, by: "sc-baken", wijken: ["noord", "oost", "west", "dorp"], at: ["baken", "baken-west"],
                group: "Volwassenen die willen leren over herstel, eigen kracht en zingeving",
                desc: "De herstelacademie van Het Baken biedt korte cursussen over herstel, gegeven door ervaringsdeskundigen. Bijvoorbeeld over omgaan met stress, je eigen verhaal vertellen of zingeving na een crisis. Iedereen kan meedoen, ook naasten.",
                elig: "Iedereen; inschrijven per cursus.",
                ervaring: true,
                activities: [
                    weekly(2, "10:00", "12:00", "Cursus Omgaan met stress", "Vier bijeenkomsten over stress herkennen en hanteren."),
                    weekly(4, "13:30", "15:30", "Cursus Mijn herstelverhaal", "Leren je eigen verhaal te vertellen, op jouw manier."),
                    once("2026-12-03", "10:00", "12:00", "Workshop Zingeving na een crisis", "Over betekenis vinden na een moeilijke periode."),
                    once("2027-01-21", "13:30", "15:30", "Open dag herstelacademie", "Kennismaken met het nieuwe cursusaanbod."),
                    once("2027-02-18", "10:00", "15:00", "Dagtraining Eigen regie", "Een dag over keuzes maken in je zorg en je leven, met lunch."),
                ]),
            svc("Herstelcafé Westwijk", .steuncentrum, by: "sc-baken", wijken: ["west"], at: ["baken-west"],
                group: "Bewoners van Westwijk die werken aan herstel",
                desc: "Twee keer per week is de huiskamer van Het Baken in Westwijk open. Er is een herstelcafé, een creatieve ochtend en ruimte voor een persoonlijk gesprek. Ook voor mensen die zich eenzaam voelen.",
                elig: "Vrije inloop.",
                lang: ["nl", "ar", "ti"],
                ervaring: true,
                activities: [
                    weekly(3, "10:00", "12:00", "Herstelcafé", "Gesprek over een herstelthema met koffie."),
                    weekly(5, "10:00", "12:00", "Creatieve ochtend", "Kaarten maken, haken en schilderen."),
                    weekly(5, "12:00", "13:00", "Lunch", "Eenvoudige lunch voor wie wil blijven."),
                    once("2027-01-08", "10:00", "12:00", "Nieuwjaarsontbijt", "Het jaar samen beginnen met een ontbijt."),
                ]),
            svc("Het Baken in Oud-Veen – inloopochtend", .steuncentrum, by: "sc-baken", wijken: ["dorp"], at: ["dorpshuis"],
                group: "Inwoners van Oud-Veen die steun of gezelschap zoeken",
                desc: "Elke dinsdagochtend is Het Baken te gast in het dorpshuis. Een medewerker en vrijwilligers uit het dorp zorgen voor koffie en een luisterend oor. Fijn als u niet naar de stad wilt of kunt reizen.",
                elig: "Vrije inloop, ook voor naasten.",
                activities: [
                    weekly(2, "09:30", "11:30", "Inloopochtend", "Koffie, een praatje en aandacht."),
                    weekly(2, "11:30", "12:30", "Dorpswandeling", "Korte wandeling door het dorp en langs de molen."),
                    weekly(4, "14:00", "16:00", "Handwerkmiddag", "Breien en haken samen in het dorpshuis."),
                    once("2026-12-15", "09:30", "12:00", "Kerstkransen maken", "Met groen van de zorgboerderij."),
                ]),
            svc("Lotgenotencontact Stemmen horen", .steuncentrum, by: "sc-baken", wijken: ["noord", "oost", "west", "dorp"], at: ["baken"],
                group: "Mensen die stemmen horen of andere bijzondere ervaringen hebben",
                desc: "Een groep voor mensen die stemmen horen, met of zonder diagnose. U deelt ervaringen en leert van elkaar hoe u met de stemmen kunt omgaan. De groep wordt geleid door een ervaringsdeskundige.",
                elig: "Vrije inloop; even kennismaken vooraf is fijn.",
                ervaring: true,
                activities: [
                    weekly(3, "14:00", "15:30", "Stemmenhoordersgroep", "Ervaringen delen in een vaste, veilige groep."),
                    weekly(1, "14:00", "15:00", "Ontspanning en ademhaling", "Oefeningen om rustiger te worden."),
                    once("2027-01-27", "19:00", "21:00", "Informatieavond voor naasten", "Over stemmen horen en hoe je als naaste kunt steunen."),
                    once("2027-02-17", "14:00", "16:00", "Film en gesprek", "Documentaire over stemmen horen, met nagesprek."),
                ]),

            // Overige steuncentra
            svc("Herstelacademie Veenland", .steuncentrum, by: "herstelacademie", at: ["herstelacademie"],
                group: "Iedereen die wil werken aan herstel, ook naasten en professionals",
                desc: "De Herstelacademie biedt cursussen en workshops over herstel, eigen regie en ervaringskennis. Alle docenten hebben zelf psychische problemen of verslaving meegemaakt. U leert van elkaar, niet van een behandelaar.",
                elig: "Iedereen, zonder verwijzing. Inschrijven per cursus.",
                lang: ["nl", "en"],
                ervaring: true,
                activities: [
                    weekly(1, "13:30", "15:30", "Cursus Herstellen doe je zelf", "Acht bijeenkomsten over je eigen herstelproces."),
                    weekly(2, "19:00", "21:00", "Cursus Omgaan met somberheid", "Ervaringskennis en tips bij depressieve gevoelens."),
                    weekly(3, "10:00", "12:00", "Schrijfgroep", "Schrijven over je leven, met een ervaringsdeskundige schrijfdocent."),
                    weekly(4, "10:00", "12:00", "Cursus Rouw en verlies", "Over rouw om mensen, gezondheid of dromen."),
                    once("2026-12-10", "14:00", "16:00", "Workshop Slaap en herstel", "Wat helpt als je slecht slaapt? Tips van ervaringsdeskundigen."),
                    once("2027-02-04", "13:00", "16:00", "Open middag", "Kennismaken met docenten en het voorjaarsaanbod."),
                ]),
            svc("Inloop Zelfregiecentrum De Vonk", .steuncentrum, by: "de-vonk", wijken: ["oost"], at: ["vonk"],
                group: "Volwassenen met psychische kwetsbaarheid in Veenhaven-Oost",
                desc: "De Vonk wordt gerund door bezoekers zelf. U bepaalt mee welke activiteiten er zijn en kunt zelf iets organiseren. Er is een inloop, een computerhoek en een klein atelier.",
                elig: "Iedereen vanaf 18 jaar, zonder indicatie.",
                lang: ["nl", "ar", "tr", "so"],
                ervaring: true,
                activities: [
                    weekly(1, "10:00", "16:00", "Open inloop", "De hele dag binnenlopen."),
                    weekly(2, "10:30", "12:00", "Computerhulp", "Hulp bij DigiD, mail en formulieren van bezoekers voor bezoekers."),
                    weekly(3, "13:00", "15:00", "Atelier", "Vrij werken met verf, hout en textiel."),
                    weekly(4, "12:00", "13:30", "Wereldlunch", "Elke week kookt een andere bezoeker een gerecht uit zijn land."),
                    weekly(5, "14:00", "16:00", "Bewonersoverleg en spel", "Samen beslissen over De Vonk, daarna een spel."),
                    once("2027-01-29", "19:00", "22:00", "Open podium", "Muziek, gedichten en verhalen van bezoekers."),
                ]),
            svc("Herstelcafé Jongeren Jong & Herstel", .steuncentrum, by: "herstelacademie", wijken: ["centrum", "noord"], at: ["herstelacademie", "honk"],
                group: "Jongeren 16–27 met psychische klachten",
                desc: "Een herstelcafé speciaal voor jongeren. Je praat met leeftijdgenoten en jonge ervaringsdeskundigen over stress, somberheid, school, werk en relaties. Je hoeft niks, je mag ook gewoon komen chillen.",
                elig: "Jongeren van 16 tot 27 jaar, gewoon binnenlopen.",
                lang: ["nl", "en"],
                ervaring: true,
                activities: [
                    weekly(3, "16:00", "18:00", "Jong & Herstel café", "Praten met leeftijdgenoten in het Leerhuis."),
                    weekly(5, "17:00", "19:00", "Koken en eten in de Honk", "Samen koken in Jongerenhonk Noord."),
                    once("2026-12-18", "19:00", "22:00", "Gameavond", "Samen gamen, met pizza."),
                    once("2027-02-12", "16:00", "18:00", "Workshop Slapen en je telefoon", "Over slaap, schermtijd en rust in je hoofd."),
                ]),
        ]
    }
}

// MARK: - Services: casuïstiektafels

extension DemoSocialMap {
    /// Overleg voor professionals, georganiseerd door het Netwerkbureau; altijd via een aanmelder.
    private static func casuistiektafels() -> [Service] {
        [
            svc("Regionale casuïstiektafel MGN Veenhaven", .casuistiektafel, by: "netwerkbureau", at: ["mgn"],
                group: "Professionals met een vastgelopen casus rond psychische en sociale problemen",
                desc: "Aan de casuïstiektafel bespreken huisarts, POH-GGZ, wijkteam, GGZ en steuncentrum samen een casus die vastloopt. Binnen een uur komt er een gezamenlijk advies en worden afspraken gemaakt over wie wat doet. De inwoner wordt vooraf om toestemming gevraagd en kan zelf aansluiten.",
                elig: "Aanmelden door een professional uit het netwerk, met toestemming van de inwoner.",
                referral: true, cost: "Gratis voor deelnemers aan het netwerk",
                phone: "", email: "casuistiek@mgn-veenhaven.example",
                pro: "Aanmelden via het casusformulier vóór donderdag 12:00; de tafel is elke tweede en vierde dinsdag 12:30–14:00. Vragen: 010-2400510.",
                note: "Bij acute crisis niet aanmelden maar crisisdienst inschakelen.",
                aanmeld: 2),
            svc("Jeugd-casuïstiektafel Veenhaven", .casuistiektafel, by: "netwerkbureau", at: ["mgn", "jeugd-gezin"],
                group: "Professionals met een vastgelopen casus rond jongeren 0–23 en hun gezin",
                desc: "Overleg voor vastgelopen situaties rond kinderen en jongeren met psychische problemen. POH-jeugd, jeugdhulp, jongerenwerk, school en jeugd-GGZ zoeken samen naar passende hulp. Ouders en jongere zijn welkom bij de bespreking.",
                elig: "Aanmelden door een professional, met toestemming van ouders of jongere (vanaf 16 jaar de jongere zelf).",
                referral: true, cost: "Gratis voor deelnemers aan het netwerk",
                phone: "", email: "jeugdtafel@mgn-veenhaven.example",
                pro: "Maandelijks op de eerste woensdag 14:00–16:00. Casusformulier uiterlijk een week vooraf; vragen: 010-2400520.",
                aanmeld: 3),
            svc("Multiprobleemoverleg in de wijk", .casuistiektafel, by: "netwerkbureau", at: ["wt-noord", "wt-centrum", "wt-zuidwest"],
                group: "Professionals rond huishoudens met problemen op meerdere leefgebieden",
                desc: "Voor huishoudens met problemen op veel gebieden tegelijk, zoals schulden, verslaving, huiselijk geweld en psychische problemen. Alle betrokken hulpverleners maken samen één plan met één regisseur. Het overleg vindt plaats in het wijkteamkantoor van de wijk.",
                elig: "Aanmelden door wijkteam, huisarts, woningcorporatie of GGZ, met toestemming van het huishouden.",
                referral: true, cost: "Gratis voor deelnemers aan het netwerk",
                phone: "", email: "mpo@mgn-veenhaven.example",
                pro: "Aanmelden bij de wijkregisseur van het betreffende wijkteam; het Netwerkbureau plant binnen 2 weken.",
                note: "Privacy-protocol MPO van toepassing; deel alleen wat nodig is.",
                aanmeld: 2),
        ]
    }
}
