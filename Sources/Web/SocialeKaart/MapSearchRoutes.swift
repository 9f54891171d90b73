import Domain
import Foundation
import Vapor

/// Finding help: one search box with filters, for citizens (public, no login) and professionals.
/// A professional who comes from a client's actieplan chooses a service for it from here.
enum MapSearchRoutes {
    static func register(public routes: any RoutesBuilder, signedIn: any RoutesBuilder) {
        routes.get(.publicMap) { try await search($0, audience: .publicView) }
        routes.get(.publicService(nil)) { try await detail($0, audience: .publicView) }
        signedIn.get(.map) { try await search($0, audience: .professional) }
        signedIn.get(.mapService(nil)) { try await detail($0, audience: .professional) }
    }

    /// Where a chosen service goes: a client's plan (a new action) or one of its open actions.
    struct ClientContext: Encodable {
        var clientID: String, actionID: String?, backPath: String
        var query: String { "client=\(clientID)" + (actionID.map { "&actie=\($0)" } ?? "") }
    }

    static func clientContext(_ req: Request) -> ClientContext? {
        guard let c = req.query[String.self, at: "client"].flatMap(UUID.init(uuidString:)) else { return nil }
        let a = req.query[String.self, at: "actie"].flatMap(UUID.init(uuidString:))
        return ClientContext(clientID: c.uuidString.lowercased(), actionID: a?.uuidString.lowercased(), backPath: SiteURL.client(c).path + "#plan")
    }

    struct HitView: Encodable {
        var path: String, name: SnippetView, snippet: SnippetView, provider: String, route: String, referral: String, noReferral: Bool
        var wait: WaitView?, steuncentrum: Bool, ervaringsdeskundigen: Bool, stale: Bool
        var choose: ChooseView?
    }

    /// The button that puts a service into a client's plan.
    struct ChooseView: Encodable {
        var method: String, action: String, clientID: String, actionID: String?, serviceID: String
    }

    struct SearchPage: Encodable {
        var isProfessional: Bool, tabs: MapTabs?, action: String
        var q: String, postcode: String, maxWait: String, noReferral: Bool
        var routes: [Option], wijken: [Option]
        var errors: [String]
        var searched: Bool, hits: [HitView], total: Int, totalText: String, matchedAny: Bool
        var previousPath: String?, nextPath: String?, pageText: String?
        var client: ClientContext?
        var canCreate: Bool, newPath: String, publicHSDSPath: String, loginPath: String
    }

    static func choose(_ ctx: ClientContext?, serviceID: UUID) -> ChooseView? {
        guard let ctx else { return nil }
        if let a = ctx.actionID {
            return ChooseView(method: "post", action: SiteURL.clientPlanActionService(UUID(uuidString: ctx.clientID)).path, clientID: ctx.clientID,
                              actionID: a, serviceID: serviceID.uuidString.lowercased())
        }
        return ChooseView(method: "get", action: SiteURL.client(UUID(uuidString: ctx.clientID)).path, clientID: ctx.clientID, actionID: nil,
                          serviceID: serviceID.uuidString.lowercased())
    }

    @Sendable static func search(_ req: Request, audience: MapAudience) async throws -> Response {
        let q = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        let routeRaw = req.query[String.self, at: "route"] ?? ""
        let wijkRaw = req.query[String.self, at: "wijk"] ?? ""
        let postcode = (req.query[String.self, at: "postcode"] ?? "").trimmingCharacters(in: .whitespaces)
        let maxWaitRaw = (req.query[String.self, at: "max_wacht"] ?? "").trimmingCharacters(in: .whitespaces)
        let noReferral = req.query[String.self, at: "zonder_verwijzing"] == "on"
        let page = max(1, min(500, req.query[Int.self, at: "pagina"] ?? 1))
        var errors: [String] = []

        let wijken = try await req.repositories.region.wijken().sorted { $0.name < $1.name }
        var wijkID = UUID(uuidString: wijkRaw).flatMap { id in wijken.first { $0.id == id }?.id }
        if !postcode.isEmpty {
            if let pc = PC4(String(postcode.filter(\.isNumber).prefix(4))), let w = try await req.repositories.region.wijk(for: pc) { wijkID = w.id }
            else { errors.append(req.t("sk_error_postcode", ["postcode": postcode])) }
        }
        var maxWait: Int? = nil
        if !maxWaitRaw.isEmpty {
            if let m = Int(maxWaitRaw), (0...WaitingTimeReport.maximumWeeks).contains(m) { maxWait = m } else { errors.append(req.t("sk_error_max_wait")) }
        }
        let route = CareRoute(rawValue: routeRaw)
        let searched = !q.isEmpty || route != nil || wijkID != nil || noReferral || maxWait != nil || !postcode.isEmpty
        let query = ServiceSearch(text: q, route: route, wijkID: wijkID, noReferralOnly: noReferral, maxWaitWeeks: maxWait, page: page)
        let result = try await req.repositories.socialMap.search(query, audience: audience, now: req.now)
        let ctx = audience == .professional ? clientContext(req) : nil
        let staleBefore = Freshness.staleBefore(req.now, calendar: req.amsterdam)
        let hits = result.hits.map { h in
            HitView(path: (audience == .professional ? SiteURL.mapService(h.service.id).path + (ctx.map { "?" + $0.query } ?? "") : SiteURL.publicService(h.service.id).path),
                    name: SnippetView(h.nameParts), snippet: SnippetView(h.snippet), provider: h.providerName, route: req.t(h.service.route.labelKey),
                    referral: req.t(h.service.referralRequired ? "sk_referral_required" : "sk_no_referral"), noReferral: !h.service.referralRequired,
                    wait: WaitView(h.currentWait, req), steuncentrum: h.service.isSteuncentrum, ervaringsdeskundigen: h.service.ervaringsdeskundigen,
                    stale: audience == .professional && h.service.lastCheckedAt < staleBefore, choose: choose(ctx, serviceID: h.service.id))
        }
        // Page links keep every filter.
        func pageLink(_ n: Int) -> String {
            var c = URLComponents(); c.path = audience == .professional ? SiteURL.map.path : SiteURL.publicMap.path
            var items = [URLQueryItem(name: "q", value: q), URLQueryItem(name: "route", value: routeRaw), URLQueryItem(name: "wijk", value: wijkRaw),
                         URLQueryItem(name: "postcode", value: postcode), URLQueryItem(name: "max_wacht", value: maxWaitRaw)]
            if noReferral { items.append(URLQueryItem(name: "zonder_verwijzing", value: "on")) }
            if let ctx { items.append(URLQueryItem(name: "client", value: ctx.clientID)); if let a = ctx.actionID { items.append(URLQueryItem(name: "actie", value: a)) } }
            items.append(URLQueryItem(name: "pagina", value: String(n)))
            c.queryItems = items.filter { !($0.value ?? "").isEmpty }
            return c.string ?? c.path
        }
        let pages = max(1, (result.total + ServiceSearch.pageSize - 1) / ServiceSearch.pageSize)
        let policy = audience == .professional ? try req.mapPolicy() : nil
        let model = SearchPage(
            isProfessional: audience == .professional, tabs: audience == .professional ? MapTabs(req, current: .map) : nil,
            action: audience == .professional ? SiteURL.map.path : SiteURL.publicMap.path,
            q: q, postcode: postcode, maxWait: maxWaitRaw, noReferral: noReferral,
            routes: [Option(value: "", label: req.t("sk_all_routes"), selected: route == nil)]
                + CareRoute.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == route) },
            wijken: [Option(value: "", label: req.t("sk_all_wijken"), selected: wijkID == nil)]
                + wijken.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == wijkID) },
            errors: errors, searched: searched, hits: hits, total: result.total,
            totalText: req.t(result.total == 1 ? "sk_found_one" : "sk_found_many", ["n": String(result.total)]),
            matchedAny: result.matchedAnyWord,
            previousPath: page > 1 ? pageLink(page - 1) : nil, nextPath: page < pages ? pageLink(page + 1) : nil,
            pageText: pages > 1 ? req.t("sk_page_of", ["page": String(page), "pages": String(pages)]) : nil,
            client: ctx, canCreate: policy.map { $0.canCreate(ownedBy: $0.user.organisationID) } ?? false,
            newPath: SiteURL.mapServiceNew.path, publicHSDSPath: SiteURL.publicHSDS.path, loginPath: SiteURL.login.path)
        return try await req.render("kaart/search", titleKey: "sk_title", model, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    // MARK: one entry

    struct LocationView: Encodable { var name: String, address: String, hours: [String], byAppointment: Bool }
    struct ActivityView: Encodable { var when: String, time: String, title: String, description: String, id: String, next: String? }
    struct WaitRow: Encodable { var aanmeld: String, behandel: String, reported: String, old: Bool }

    struct DetailPage: Encodable {
        var isProfessional: Bool, tabs: MapTabs?
        var id: String, name: String, provider: String, providerPath: String?, route: String, description: String
        var targetGroup: String?, eligibility: String?, referral: String, noReferral: Bool, cost: String?, languages: String
        var phone: String?, email: String?, website: String?, providerPhone: String?, providerWebsite: String?
        var professionalContact: String?, internalNote: String?
        var wijken: String, locations: [LocationView], wait: WaitView?, waitHistory: [WaitRow]
        var steuncentrum: Bool, ervaringsdeskundigen: Bool, activities: [ActivityView]
        var lastChecked: String, stale: Bool, owner: String, inactive: Bool
        var canEdit: Bool, editPath: String, waitAction: String, checkedAction: String, activityAction: String, activityRemoveAction: String
        var versionsPath: String, backPath: String, choose: ChooseView?, client: ClientContext?
        var weekdays: [Option]
        var formErrors: [String]
    }

    static func detailPage(_ req: Request, _ d: ServiceDetail, audience: MapAudience, formErrors: [String] = []) async throws -> DetailPage {
        let s = d.service
        let wijken = try await req.repositories.region.wijken()
        let names = s.wijkIDs.compactMap { id in wijken.first { $0.id == id }?.name }.sorted()
        let owner = try await req.repositories.organisations.find(id: s.ownerOrganisationID)?.name ?? "—"
        let calendar = req.amsterdam
        let today = DateOnly(req.now, calendar: calendar)
        let dayNames = [req.t("day_mon"), req.t("day_tue"), req.t("day_wed"), req.t("day_thu"), req.t("day_fri"), req.t("day_sat"), req.t("day_sun")]
        let activities = d.activities.map { a in
            ActivityView(when: a.weekday.map { req.t("sk_every", ["day": dayNames[$0 - 1]]) } ?? a.date.map(DutchDate.day) ?? "",
                         time: "\(a.start)–\(a.end)", title: a.title, description: a.description, id: a.id.uuidString.lowercased(),
                         next: a.occurrences(from: today, days: 28, calendar: calendar).first.map(DutchDate.day))
        }
        let policy = audience == .professional ? try req.mapPolicy() : nil
        let ctx = audience == .professional ? clientContext(req) : nil
        return DetailPage(
            isProfessional: audience == .professional, tabs: audience == .professional ? MapTabs(req, current: .map) : nil,
            id: s.id.uuidString.lowercased(), name: s.name, provider: d.provider.name,
            providerPath: audience == .professional ? SiteURL.mapProvider(d.provider.id).path : nil, route: req.t(s.route.labelKey),
            description: s.description, targetGroup: s.targetGroup.isEmpty ? nil : s.targetGroup, eligibility: s.eligibility.isEmpty ? nil : s.eligibility,
            referral: req.t(s.referralRequired ? "sk_referral_required" : "sk_no_referral"), noReferral: !s.referralRequired,
            cost: s.cost.isEmpty ? nil : s.cost, languages: Languages.label(s.languages, req.locale),
            phone: s.publicPhone, email: s.publicEmail, website: s.website, providerPhone: d.provider.phone, providerWebsite: d.provider.website,
            professionalContact: s.professionalContact, internalNote: s.internalNote,
            wijken: names.isEmpty ? req.t("sk_whole_region") : names.joined(separator: ", "),
            locations: d.locations.map { l in
                LocationView(name: l.name, address: "\(l.street), \(l.postcode) \(l.city)",
                             hours: OpeningHoursText.lines(l.openingHours, dayNames: dayNames), byAppointment: l.openingHours.isByAppointment)
            },
            wait: WaitView(d.currentWait, req),
            waitHistory: audience == .professional ? d.waitHistory.map { w in
                WaitRow(aanmeld: String(w.aanmeldWeeks), behandel: w.behandelWeeks.map(String.init) ?? "—", reported: DutchDate.day(w.reportedAt), old: !w.isCurrent(at: req.now))
            } : [],
            steuncentrum: s.isSteuncentrum, ervaringsdeskundigen: s.ervaringsdeskundigen, activities: activities,
            lastChecked: DutchDate.day(s.lastCheckedAt), stale: Freshness.isStale(lastChecked: s.lastCheckedAt, now: req.now, calendar: calendar),
            owner: owner, inactive: s.status == .inactive,
            canEdit: policy?.canEdit(s) ?? false, editPath: SiteURL.mapServiceEdit(s.id).path, waitAction: SiteURL.mapServiceWait(s.id).path,
            checkedAction: SiteURL.mapServiceChecked(s.id).path, activityAction: SiteURL.mapServiceActivity(s.id).path,
            activityRemoveAction: SiteURL.mapServiceActivityRemove(s.id).path, versionsPath: SiteURL.mapServiceVersions(s.id).path,
            backPath: audience == .professional ? SiteURL.map.path + (ctx.map { "?" + $0.query } ?? "") : SiteURL.publicMap.path,
            choose: choose(ctx, serviceID: s.id), client: ctx,
            weekdays: [Option(value: "", label: req.t("sk_activity_once"), selected: true)]
                + (1...7).map { Option(value: String($0), label: dayNames[$0 - 1], selected: false) },
            formErrors: formErrors)
    }

    @Sendable static func detail(_ req: Request, audience: MapAudience) async throws -> Response {
        guard let d = try await req.repositories.socialMap.detail(serviceID: try req.idParameter(), audience: audience) else { throw Abort(.notFound) }
        return try await req.render("kaart/service", titleKey: "sk_service_title", try await detailPage(req, d, audience: audience))
    }
}

enum OpeningHoursText {
    /// "maandag t/m vrijdag 09:00–17:00" per line, grouping days with the same hours.
    static func lines(_ h: OpeningHours, dayNames: [String]) -> [String] {
        h.text.split(separator: ";").map { group in
            let parts = group.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return String(group) }
            let days = parts[0].split(separator: "-").compactMap { OpeningHours.dayAbbreviations.firstIndex(of: String($0)) }.map { dayNames[$0] }
            return days.joined(separator: " – ") + " " + parts[1].replacingOccurrences(of: "-", with: "–")
        }
    }
}
