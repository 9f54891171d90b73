import Foundation

/// The whole map at once: what the HSDS export writes and the import reads.
public struct SocialMapDirectory: Sendable, Equatable {
    public var providers: [MapProvider]
    public var locations: [MapLocation]
    public var services: [MapService]
    /// The newest waiting-time report per service.
    public var waits: [UUID: WaitingTimeReport]
    public var activities: [MapActivity]
    public init(providers: [MapProvider] = [], locations: [MapLocation] = [], services: [MapService] = [],
                waits: [UUID: WaitingTimeReport] = [:], activities: [MapActivity] = []) {
        self.providers = providers; self.locations = locations; self.services = services; self.waits = waits; self.activities = activities
    }
}

/// Directory ⇄ HSDS 3.0.
public enum HSDSMapping {
    /// The MGN taxonomy's terms: codes are stable, they are the contract with other systems.
    public enum Term: String, CaseIterable, Sendable {
        case route = "mgn-route"
        case referralRequired = "mgn-verwijzing-nodig"
        case targetGroup = "mgn-doelgroep"
        case steuncentrum = "mgn-steuncentrum"
        case ervaringsdeskundigen = "mgn-ervaringsdeskundigen"
        case owner = "mgn-eigenaar"
        case lastChecked = "mgn-laatst-gecontroleerd"
        case aanmeldWeeks = "mgn-aanmeldwachttijd-weken"
        case behandelWeeks = "mgn-behandelwachttijd-weken"
        case waitReportedAt = "mgn-wachttijd-gemeld-op"
        case professionalContact = "mgn-contact-professionals"
        case internalNote = "mgn-interne-notitie"
        case organisation = "mgn-organisatie"

        var name: String {
            switch self {
            case .route: "Route (MGN)"
            case .referralRequired: "Verwijzing nodig"
            case .targetGroup: "Doelgroep"
            case .steuncentrum: "Steuncentrum"
            case .ervaringsdeskundigen: "Ervaringsdeskundigen aanwezig"
            case .owner: "Eigenaar van de vermelding"
            case .lastChecked: "Laatst gecontroleerd"
            case .aanmeldWeeks: "Aanmeldwachttijd (weken)"
            case .behandelWeeks: "Behandelwachttijd (weken)"
            case .waitReportedAt: "Wachttijd gemeld op"
            case .professionalContact: "Contact voor professionals"
            case .internalNote: "Interne notitie"
            case .organisation: "MGN-deelnemer"
            }
        }
        var isProfessionalOnly: Bool { self == .professionalContact || self == .internalNote }
        var termID: UUID { DerivedID.make(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), rawValue) }
    }

    static let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    static func timestamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter(); f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: d)
    }
    static func parseTimestamp(_ s: String) -> Date? {
        let f = ISO8601DateFormatter(); f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: s)
    }
    static func day(_ d: Date) -> String {
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        return DateOnly(d, calendar: c).iso
    }

    // MARK: Export

    public static func export(_ dir: SocialMapDirectory, audience: MapAudience, wijken: [Wijk], regionName: String) -> HSDS.Page {
        let wijkByID = Dictionary(uniqueKeysWithValues: wijken.map { ($0.id, $0) })
        let activitiesByService = Dictionary(grouping: dir.activities, by: \.serviceID)
        let servicesByProvider = Dictionary(grouping: dir.services.filter { audience == .professional || $0.status == .active }, by: \.providerID)
        let locationsByProvider = Dictionary(grouping: dir.locations, by: \.providerID)

        let orgs = dir.providers.sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }.map { p -> HSDS.Organization in
            let locations = (locationsByProvider[p.id] ?? []).sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }.map { l in
                HSDS.Location(id: l.id.uuidString.lowercased(), locationType: "physical", organizationId: p.id.uuidString.lowercased(), name: l.name,
                              addresses: [HSDS.Address(id: DerivedID.make(l.id, "address").uuidString.lowercased(), locationId: l.id.uuidString.lowercased(),
                                                       address1: l.street, city: l.city, stateProvince: "", postalCode: l.postcode,
                                                       country: "NL", addressType: "physical")],
                              schedules: l.openingHours.periods.enumerated().map { i, period in
                                  HSDS.Schedule(id: DerivedID.make(l.id, "hours/\(i)").uuidString.lowercased(), locationId: l.id.uuidString.lowercased(),
                                                freq: "WEEKLY", byday: days[period.weekday - 1],
                                                opensAt: period.opens.description, closesAt: period.closes.description)
                              })
            }
            let services = (servicesByProvider[p.id] ?? []).sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }.map { s in
                service(s, wait: dir.waits[s.id], activities: activitiesByService[s.id] ?? [], audience: audience,
                        wijkByID: wijkByID, regionName: regionName)
            }
            var attributes: [HSDS.Attribute] = []
            if let org = p.organisationID { attributes.append(attribute(.organisation, value: org.uuidString.lowercased(), owner: p.id, entity: "organization")) }
            return HSDS.Organization(id: p.id.uuidString.lowercased(), name: p.name, description: p.description, email: p.email, website: p.website,
                                     phones: p.phone.map { [HSDS.Phone(id: DerivedID.make(p.id, "phone").uuidString.lowercased(), number: $0)] },
                                     locations: locations, services: services, attributes: attributes.isEmpty ? nil : attributes)
        }
        return HSDS.Page(contents: orgs)
    }

    static func attribute(_ term: Term, value: String, owner: UUID, entity: String) -> HSDS.Attribute {
        HSDS.Attribute(id: DerivedID.make(owner, "attr/" + term.rawValue).uuidString.lowercased(), linkId: owner.uuidString.lowercased(),
                       taxonomyTermId: term.termID.uuidString.lowercased(), linkType: entity, linkEntity: entity, value: value,
                       taxonomyTerm: HSDS.TaxonomyTerm(id: term.termID.uuidString.lowercased(), code: term.rawValue, name: term.name,
                                                       description: term.name, taxonomy: "MGN"))
    }

    static func service(_ s: MapService, wait: WaitingTimeReport?, activities: [MapActivity], audience: MapAudience,
                        wijkByID: [UUID: Wijk], regionName: String) -> HSDS.Service {
        let id = s.id.uuidString.lowercased()
        var attrs: [(Term, String)] = [
            (.route, s.route.rawValue), (.referralRequired, s.referralRequired ? "ja" : "nee"),
            (.steuncentrum, s.isSteuncentrum ? "ja" : "nee"), (.ervaringsdeskundigen, s.ervaringsdeskundigen ? "ja" : "nee"),
            (.owner, s.ownerOrganisationID.uuidString.lowercased()), (.lastChecked, timestamp(s.lastCheckedAt)),
        ]
        if !s.targetGroup.isEmpty { attrs.append((.targetGroup, s.targetGroup)) }
        if let wait {
            attrs.append((.aanmeldWeeks, String(wait.aanmeldWeeks)))
            if let b = wait.behandelWeeks { attrs.append((.behandelWeeks, String(b))) }
            attrs.append((.waitReportedAt, timestamp(wait.reportedAt)))
        }
        if audience == .professional {
            if let c = s.professionalContact, !c.isEmpty { attrs.append((.professionalContact, c)) }
            if let n = s.internalNote, !n.isEmpty { attrs.append((.internalNote, n)) }
        }
        let areas: [HSDS.ServiceArea] = s.wijkIDs.isEmpty
            ? [HSDS.ServiceArea(id: DerivedID.make(s.id, "area/region").uuidString.lowercased(), serviceId: id, name: regionName, uri: "urn:mgn:regio")]
            : s.wijkIDs.compactMap { wijkByID[$0] }.sorted { $0.code < $1.code }.map { w in
                HSDS.ServiceArea(id: DerivedID.make(s.id, "area/" + w.code).uuidString.lowercased(), serviceId: id, name: w.name, uri: "urn:mgn:wijk:" + w.code)
            }
        let schedules = activities.sorted { ($0.title, $0.id.uuidString) < ($1.title, $1.id.uuidString) }.map { a in
            HSDS.Schedule(id: a.id.uuidString.lowercased(), serviceId: id,
                          validFrom: a.date?.iso, validTo: a.date?.iso, dtstart: a.date?.iso,
                          freq: a.weekday == nil ? nil : "WEEKLY", byday: a.weekday.map { days[$0 - 1] },
                          opensAt: a.start.description, closesAt: a.end.description,
                          description: a.title, notes: a.description.isEmpty ? nil : a.description)
        }
        return HSDS.Service(
            id: id, organizationId: s.providerID.uuidString.lowercased(), name: s.name, description: s.description, url: s.website,
            email: s.publicEmail, status: s.status.rawValue,
            applicationProcess: s.referralRequired ? "Met verwijzing (bijvoorbeeld van de huisarts)." : "Zonder verwijzing: u kunt zelf contact opnemen.",
            feesDescription: s.cost.isEmpty ? nil : s.cost, eligibilityDescription: s.eligibility.isEmpty ? nil : s.eligibility,
            assuredDate: day(s.lastCheckedAt), lastModified: timestamp(s.updatedAt),
            phones: s.publicPhone.map { [HSDS.Phone(id: DerivedID.make(s.id, "phone").uuidString.lowercased(), number: $0)] },
            schedules: schedules.isEmpty ? nil : schedules,
            serviceAreas: areas,
            serviceAtLocations: s.locationIDs.sorted { $0.uuidString < $1.uuidString }.map { l in
                HSDS.ServiceAtLocation(id: DerivedID.make(s.id, "at/" + l.uuidString).uuidString.lowercased(), serviceId: id, locationId: l.uuidString.lowercased())
            },
            languages: s.languages.map { HSDS.Language(id: DerivedID.make(s.id, "lang/" + $0).uuidString.lowercased(), serviceId: id, name: nil, code: $0) },
            attributes: attrs.map { attribute($0.0, value: $0.1, owner: s.id, entity: "service") })
    }

    // MARK: Import

    /// Reads an HSDS page back into a directory; every problem is reported with its place in the file.
    public static func read(_ page: HSDS.Page, wijken: [Wijk], organisationIDs: Set<UUID>, defaultOwner: UUID, now: Date) -> Result<SocialMapDirectory, ImportRejected> {
        var problems: [ImportProblem] = []
        var dir = SocialMapDirectory()
        let wijkByCode = Dictionary(uniqueKeysWithValues: wijken.map { ($0.code, $0) })
        let wijkByName = Dictionary(wijken.map { (SearchText.fold($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        var seenIDs = Set<UUID>()

        func uuid(_ s: String?, _ path: String) -> UUID? {
            guard let s, let u = UUID(uuidString: s) else { problems.append(ImportProblem(path: path, message: "id is geen UUID")); return nil }
            if !seenIDs.insert(u).inserted { problems.append(ImportProblem(path: path, message: "id komt twee keer voor")); return nil }
            return u
        }

        for (oi, org) in page.contents.enumerated() {
            let opath = "contents[\(oi)]"
            guard let pid = uuid(org.id, opath + ".id") else { continue }
            if org.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(ImportProblem(path: opath + ".name", message: "naam ontbreekt")) }
            var linked: UUID? = nil
            if let v = org.attributes?.first(where: { $0.taxonomyTerm?.code == Term.organisation.rawValue })?.value {
                if let u = UUID(uuidString: v), organisationIDs.contains(u) { linked = u }
                else { problems.append(ImportProblem(path: opath + ".attributes", message: "onbekende MGN-organisatie \(v)")) }
            }
            dir.providers.append(MapProvider(id: pid, name: org.name, description: org.description, website: org.website, email: org.email,
                                             phone: org.phones?.first?.number, organisationID: linked))
            for (li, loc) in (org.locations ?? []).enumerated() {
                let lpath = "\(opath).locations[\(li)]"
                guard let lid = uuid(loc.id, lpath + ".id") else { continue }
                let address = loc.addresses?.first
                var periods: [OpeningHours.Period] = []
                for (si, sch) in (loc.schedules ?? []).enumerated() {
                    guard let byday = sch.byday, let d = days.firstIndex(of: byday), let o = sch.opensAt.flatMap(ClockTime.init),
                          let c = sch.closesAt.flatMap(ClockTime.init), o < c else {
                        problems.append(ImportProblem(path: "\(lpath).schedules[\(si)]", message: "openingstijd niet leesbaar (byday, opens_at, closes_at)")); continue
                    }
                    periods.append(.init(weekday: d + 1, opens: o, closes: c))
                }
                dir.locations.append(MapLocation(id: lid, providerID: pid, name: loc.name ?? org.name, street: address?.address1 ?? "",
                                                 postcode: address?.postalCode ?? "", city: address?.city ?? "", openingHours: OpeningHours(periods: periods)))
            }
            for (si, svc) in (org.services ?? []).enumerated() {
                let spath = "\(opath).services[\(si)]"
                guard let sid = uuid(svc.id, spath + ".id") else { continue }
                var attr: [String: String] = [:]
                for a in svc.attributes ?? [] { if let code = a.taxonomyTerm?.code, let v = a.value { attr[code] = v } }
                func yes(_ t: Term) -> Bool { attr[t.rawValue] == "ja" }
                guard let route = attr[Term.route.rawValue].flatMap(CareRoute.init(rawValue:)) else {
                    problems.append(ImportProblem(path: spath, message: "route ontbreekt of is onbekend (attribuut \(Term.route.rawValue))")); continue
                }
                guard let status = ServiceStatus(rawValue: svc.status == "active" ? "active" : "inactive") else { continue }
                var owner = defaultOwner
                if let o = attr[Term.owner.rawValue] {
                    if let u = UUID(uuidString: o), organisationIDs.contains(u) { owner = u }
                    else { problems.append(ImportProblem(path: spath, message: "onbekende eigenaar \(o)")) }
                }
                var wijkIDs: [UUID] = []
                for (ai, area) in (svc.serviceAreas ?? []).enumerated() {
                    if area.uri == "urn:mgn:regio" { continue }
                    if let uri = area.uri, uri.hasPrefix("urn:mgn:wijk:"), let w = wijkByCode[String(uri.dropFirst(13))] { wijkIDs.append(w.id); continue }
                    if let n = area.name, let w = wijkByName[SearchText.fold(n)] { wijkIDs.append(w.id); continue }
                    if let n = area.name, SearchText.fold(n).hasPrefix("regio") { continue }
                    problems.append(ImportProblem(path: "\(spath).service_areas[\(ai)]", message: "onbekende wijk \(area.name ?? area.uri ?? "")"))
                }
                let languages = (svc.languages ?? []).compactMap(\.code)
                for l in languages where !LanguageCode.isValid(l) { problems.append(ImportProblem(path: spath + ".languages", message: "onbekende taalcode \(l)")) }
                let lastChecked = attr[Term.lastChecked.rawValue].flatMap(parseTimestamp) ?? now
                let updated = svc.lastModified.flatMap(parseTimestamp) ?? now
                let service = MapService(id: sid, providerID: pid, ownerOrganisationID: owner, name: svc.name, route: route,
                                         description: svc.description ?? "", targetGroup: attr[Term.targetGroup.rawValue] ?? "",
                                         eligibility: svc.eligibilityDescription ?? "", referralRequired: yes(.referralRequired),
                                         cost: svc.feesDescription ?? "", languages: languages, publicPhone: svc.phones?.first?.number,
                                         publicEmail: svc.email, website: svc.url, professionalContact: attr[Term.professionalContact.rawValue],
                                         internalNote: attr[Term.internalNote.rawValue], wijkIDs: wijkIDs.sorted { $0.uuidString < $1.uuidString },
                                         locationIDs: (svc.serviceAtLocations ?? []).compactMap { $0.locationId.flatMap(UUID.init(uuidString:)) },
                                         isSteuncentrum: yes(.steuncentrum), ervaringsdeskundigen: yes(.ervaringsdeskundigen), status: status,
                                         lastCheckedAt: lastChecked, updatedAt: updated)
                for field in service.validate().fields.keys.sorted() { problems.append(ImportProblem(path: spath, message: "ongeldig veld \(field)")) }
                dir.services.append(service)
                if let a = attr[Term.aanmeldWeeks.rawValue] {
                    let b = attr[Term.behandelWeeks.rawValue]
                    if let aw = Int(a), WaitingTimeReport.validate(aanmeld: aw, behandel: b.flatMap { Int($0) }).isEmpty, b == nil || Int(b!) != nil,
                       let at = attr[Term.waitReportedAt.rawValue].flatMap(parseTimestamp) {
                        dir.waits[sid] = WaitingTimeReport(id: DerivedID.make(sid, "wait/" + timestamp(at)), serviceID: sid, aanmeldWeeks: aw,
                                                           behandelWeeks: b.flatMap { Int($0) }, reportedAt: at, reportedBy: nil)
                    } else {
                        problems.append(ImportProblem(path: spath, message: "wachttijd niet leesbaar (weken en meldingsdatum)"))
                    }
                }
                for (ai, sch) in (svc.schedules ?? []).enumerated() {
                    let apath = "\(spath).schedules[\(ai)]"
                    guard let aid = uuid(sch.id, apath + ".id") else { continue }
                    let weekday = sch.byday.flatMap { days.firstIndex(of: $0) }.map { $0 + 1 }
                    let date = (sch.dtstart ?? sch.validFrom).flatMap(DateOnly.init)
                    guard let o = sch.opensAt.flatMap(ClockTime.init), let c = sch.closesAt.flatMap(ClockTime.init) else {
                        problems.append(ImportProblem(path: apath, message: "activiteit zonder geldige tijden")); continue
                    }
                    let activity = MapActivity(id: aid, serviceID: sid, title: sch.description ?? "", description: sch.notes ?? "",
                                               weekday: weekday, date: weekday == nil ? date : nil, start: o, end: c)
                    if !activity.validate().isEmpty { problems.append(ImportProblem(path: apath, message: "activiteit onvolledig (titel, dag of datum, tijden)")); continue }
                    dir.activities.append(activity)
                }
            }
        }
        let locationIDs = Set(dir.locations.map(\.id))
        for (i, s) in dir.services.enumerated() {
            for l in s.locationIDs where !locationIDs.contains(l) {
                problems.append(ImportProblem(path: "services[\(i)] \(s.name)", message: "locatie \(l.uuidString.lowercased()) staat niet in het bestand"))
            }
        }
        return problems.isEmpty ? .success(dir) : .failure(ImportRejected(problems))
    }
}
