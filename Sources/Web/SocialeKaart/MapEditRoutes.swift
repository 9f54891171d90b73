import Domain
import Foundation
import Vapor

/// Keeping an entry right: the form, waiting times, "still correct", activities, and the history.
/// The owner organisation keeps its own entries; coordinators keep the whole map.
enum MapEditRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.mapServiceNew, use: newForm)
        routes.post(.mapServiceNew, use: create)
        routes.get(.mapServiceEdit(nil), use: editForm)
        routes.post(.mapServiceEdit(nil), use: update)
        routes.post(.mapServiceWait(nil), use: reportWait)
        routes.post(.mapServiceChecked(nil), use: markChecked)
        routes.post(.mapServiceActivity(nil), use: addActivity)
        routes.post(.mapServiceActivityRemove(nil), use: removeActivity)
        routes.get(.mapServiceVersions(nil), use: versions)
    }

    struct FormPage: Encodable {
        var tabs: MapTabs, isNew: Bool, action: String, cancelPath: String, version: String
        var name: FormField, description: FormField, targetGroup: FormField, eligibility: FormField, cost: FormField, languages: FormField
        var publicPhone: FormField, publicEmail: FormField, website: FormField, professionalContact: FormField, internalNote: FormField
        var referralRequired: Bool, isSteuncentrum: Bool, ervaringsdeskundigen: Bool, active: Bool
        var providers: [Option], owners: [Option], canChooseOwner: Bool, routes: [Option], wijken: [Option], locations: [Option]
        var errors: [String], providerError: String?, routeError: String?
    }

    static func formPage(_ req: Request, service s: MapService?, isNew: Bool, errors: ValidationErrors = ValidationErrors(), general: [String] = [],
                         useSubmitted: Bool = false) async throws -> FormPage {
        let policy = try req.mapPolicy()
        let providers = try await req.repositories.socialMap.providers()
        let organisations = try await req.repositories.organisations.all().filter(\.isActive).sorted { $0.name < $1.name }
        let wijken = try await req.repositories.region.wijken().sorted { $0.name < $1.name }
        let locations = try await req.repositories.socialMap.locations(providerID: nil)
        let providerNames = Dictionary(uniqueKeysWithValues: providers.map { ($0.id, $0.name) })
        func value(_ name: String, _ current: String?) -> FormField {
            FormField(useSubmitted ? req.field(name) : (current ?? ""), error: errors[name].map { req.t($0) })
        }
        let selectedProvider = useSubmitted ? UUID(uuidString: req.field("provider")) : s?.providerID
        let selectedOwner = useSubmitted ? UUID(uuidString: req.field("owner")) : (s?.ownerOrganisationID ?? policy.user.organisationID)
        let selectedRoute = useSubmitted ? CareRoute(rawValue: req.field("route")) : s?.route
        let selectedWijken = Set(useSubmitted ? req.fieldValues("wijken").compactMap(UUID.init(uuidString:)) : (s?.wijkIDs ?? []))
        let selectedLocations = Set(useSubmitted ? req.fieldValues("locations").compactMap(UUID.init(uuidString:)) : (s?.locationIDs ?? []))
        func flag(_ name: String, _ current: Bool) -> Bool { useSubmitted ? req.field(name) == "on" : current }
        let id = s?.id
        return FormPage(
            tabs: MapTabs(req, current: .map), isNew: isNew,
            action: isNew ? SiteURL.mapServiceNew.path : SiteURL.mapServiceEdit(id).path,
            cancelPath: isNew ? SiteURL.map.path : SiteURL.mapService(id).path, version: String(s?.version ?? 0),
            name: value("name", s?.name), description: value("description", s?.description), targetGroup: value("targetGroup", s?.targetGroup),
            eligibility: value("eligibility", s?.eligibility), cost: value("cost", s?.cost), languages: value("languages", s?.languages.joined(separator: ", ") ?? "nl"),
            publicPhone: value("publicPhone", s?.publicPhone), publicEmail: value("publicEmail", s?.publicEmail), website: value("website", s?.website),
            professionalContact: value("professionalContact", s?.professionalContact), internalNote: value("internalNote", s?.internalNote),
            referralRequired: flag("referralRequired", s?.referralRequired ?? false), isSteuncentrum: flag("isSteuncentrum", s?.isSteuncentrum ?? false),
            ervaringsdeskundigen: flag("ervaringsdeskundigen", s?.ervaringsdeskundigen ?? false), active: flag("active", (s?.status ?? .active) == .active),
            providers: [Option(value: "", label: req.t("sk_choose_provider"), selected: selectedProvider == nil)]
                + providers.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == selectedProvider) },
            owners: organisations.filter { policy.keepsWholeMap || $0.id == policy.user.organisationID }
                .map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == selectedOwner) },
            canChooseOwner: policy.keepsWholeMap,
            routes: [Option(value: "", label: req.t("sk_choose_route"), selected: selectedRoute == nil)]
                + CareRoute.allCases.map { Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == selectedRoute) },
            wijken: wijken.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: selectedWijken.contains($0.id)) },
            locations: locations.sorted { (providerNames[$0.providerID] ?? "", $0.name) < (providerNames[$1.providerID] ?? "", $1.name) }.map {
                Option(value: $0.id.uuidString.lowercased(), label: "\(providerNames[$0.providerID] ?? "?") — \($0.name), \($0.street)",
                       selected: selectedLocations.contains($0.id))
            },
            errors: general, providerError: errors["provider"].map { req.t($0) }, routeError: errors["route"].map { req.t($0) })
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let policy = try req.mapPolicy()
        guard policy.canCreate(ownedBy: policy.user.organisationID) else { throw Abort(.notFound) }
        return try await req.render("kaart/form", titleKey: "sk_new_service", try await formPage(req, service: nil, isNew: true))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        guard let d = try await req.repositories.socialMap.detail(serviceID: try req.idParameter(), audience: .professional),
              try req.mapPolicy().canEdit(d.service) else { throw Abort(.notFound) }
        return try await req.render("kaart/form", titleKey: "sk_edit", try await formPage(req, service: d.service, isNew: false))
    }

    /// Reads the form into an entry; problems are keyed by field.
    static func submitted(_ req: Request, base: MapService) async throws -> (MapService, ValidationErrors) {
        var e = ValidationErrors()
        var s = base
        s.name = req.field("name"); s.description = req.field("description"); s.targetGroup = req.field("targetGroup")
        s.eligibility = req.field("eligibility"); s.cost = req.field("cost")
        s.languages = LanguageCode.parseList(req.field("languages"))
        func optional(_ n: String) -> String? { let v = req.field(n); return v.isEmpty ? nil : v }
        s.publicPhone = optional("publicPhone"); s.publicEmail = optional("publicEmail"); s.website = optional("website")
        s.professionalContact = optional("professionalContact"); s.internalNote = optional("internalNote")
        s.referralRequired = req.field("referralRequired") == "on"; s.isSteuncentrum = req.field("isSteuncentrum") == "on"
        s.ervaringsdeskundigen = req.field("ervaringsdeskundigen") == "on"; s.status = req.field("active") == "on" ? .active : .inactive
        if let r = CareRoute(rawValue: req.field("route")) { s.route = r } else { e.add("route", "error_required") }
        let providers = try await req.repositories.socialMap.providers()
        if let p = UUID(uuidString: req.field("provider")), providers.contains(where: { $0.id == p }) { s.providerID = p } else { e.add("provider", "error_required") }
        let policy = try req.mapPolicy()
        if let o = UUID(uuidString: req.field("owner")), policy.keepsWholeMap || o == policy.user.organisationID,
           try await req.repositories.organisations.find(id: o) != nil { s.ownerOrganisationID = o }
        else if !policy.keepsWholeMap { s.ownerOrganisationID = base.ownerOrganisationID }
        else { e.add("owner", "error_required") }
        let wijkIDs = Set(try await req.repositories.region.wijken().map(\.id))
        s.wijkIDs = req.fieldValues("wijken").compactMap(UUID.init(uuidString:)).filter(wijkIDs.contains)
        let locations = try await req.repositories.socialMap.locations(providerID: nil)
        s.locationIDs = req.fieldValues("locations").compactMap(UUID.init(uuidString:)).filter { id in locations.contains { $0.id == id } }
        for (k, v) in s.validate().fields.sorted(by: { $0.key < $1.key }) { e.add(k, v) }
        if s.targetGroup.count > 500 { e.add("targetGroup", "error_too_long") }
        if s.eligibility.count > 2000 { e.add("eligibility", "error_too_long") }
        if s.cost.count > 500 { e.add("cost", "error_too_long") }
        for f in ["professionalContact", "internalNote"] where req.field(f).count > 2000 { e.add(f, "error_too_long") }
        return (s, e)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let policy = try req.mapPolicy()
        guard policy.canCreate(ownedBy: policy.user.organisationID) else { throw Abort(.notFound) }
        let blank = MapService(providerID: UUID(), ownerOrganisationID: policy.user.organisationID, name: "", route: .sociaalDomein, description: "",
                               lastCheckedAt: req.now, updatedAt: req.now)
        let (s, errors) = try await submitted(req, base: blank)
        guard errors.isEmpty, policy.canCreate(ownedBy: s.ownerOrganisationID) else {
            return try await req.render("kaart/form", titleKey: "sk_new_service",
                                        try await formPage(req, service: nil, isNew: true, errors: errors, general: [req.t("error_form")], useSubmitted: true),
                                        status: .unprocessableEntity)
        }
        let stored = try await req.repositories.socialMap.saveService(s, expectedVersion: nil, by: try req.mapEditor())
        return req.redirect(to: SiteURL.mapService(stored.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let d = try await req.repositories.socialMap.detail(serviceID: id, audience: .professional), try req.mapPolicy().canEdit(d.service) else {
            throw Abort(.notFound)
        }
        let (s, errors) = try await submitted(req, base: d.service)
        func again(_ general: String, status: HTTPStatus) async throws -> Response {
            try await req.render("kaart/form", titleKey: "sk_edit",
                                 try await formPage(req, service: d.service, isNew: false, errors: errors, general: [req.t(general)], useSubmitted: true),
                                 status: status)
        }
        guard errors.isEmpty else { return try await again("error_form", status: .unprocessableEntity) }
        do {
            _ = try await req.repositories.socialMap.saveService(s, expectedVersion: Int(req.field("version")) ?? -1, by: try req.mapEditor())
        } catch DomainError.conflict("version") {
            return try await again("sk_error_version", status: .conflict)
        }
        return req.redirect(to: SiteURL.mapService(id).path + "?melding=flash_saved", redirectType: .normal)
    }

    /// The entry, if the user may keep it.
    static func editable(_ req: Request) async throws -> ServiceDetail {
        guard let d = try await req.repositories.socialMap.detail(serviceID: try req.idParameter(), audience: .professional),
              try req.mapPolicy().canEdit(d.service) else { throw Abort(.notFound) }
        return d
    }

    static func detailWithErrors(_ req: Request, _ d: ServiceDetail, _ errors: [String]) async throws -> Response {
        try await req.render("kaart/service", titleKey: "sk_service_title",
                             try await MapSearchRoutes.detailPage(req, d, audience: .professional, formErrors: errors), status: .unprocessableEntity)
    }

    @Sendable static func reportWait(req: Request) async throws -> Response {
        let d = try await editable(req)
        let a = Int(req.field("aanmeld")), bText = req.field("behandel"), b = bText.isEmpty ? nil : Int(bText)
        let v = WaitingTimeReport.validate(aanmeld: a, behandel: b)
        if !v.isEmpty || (!bText.isEmpty && b == nil) || (req.field("aanmeld").isEmpty == false && a == nil) {
            return try await detailWithErrors(req, d, [req.t("sk_error_wait", ["max": String(WaitingTimeReport.maximumWeeks)])])
        }
        let me = try req.currentUser()
        try await req.repositories.socialMap.reportWait(WaitingTimeReport(serviceID: d.service.id, aanmeldWeeks: a!, behandelWeeks: b, reportedAt: req.now,
                                                                          reportedBy: me.user.id), by: try req.mapEditor())
        return req.redirect(to: SiteURL.mapService(d.service.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func markChecked(req: Request) async throws -> Response {
        let d = try await editable(req)
        try await req.repositories.socialMap.markChecked(serviceID: d.service.id, by: try req.mapEditor())
        let back = safeReturnPath(req.field("terug")) ?? SiteURL.mapService(d.service.id).path
        return req.redirect(to: back + (back.contains("?") ? "&" : "?") + "melding=flash_checked", redirectType: .normal)
    }

    @Sendable static func addActivity(req: Request) async throws -> Response {
        let d = try await editable(req)
        let weekday = Int(req.field("weekday"))
        let date = req.field("date").isEmpty ? nil : DateOnly(req.field("date"))
        guard let start = ClockTime(req.field("start")), let end = ClockTime(req.field("end")), !(req.field("date").isEmpty == false && date == nil) else {
            return try await detailWithErrors(req, d, [req.t("sk_error_activity")])
        }
        let activity = MapActivity(serviceID: d.service.id, title: String(req.field("title").prefix(200)), description: String(req.field("description").prefix(1000)),
                                   weekday: weekday, date: weekday == nil ? date : nil, start: start, end: end)
        guard activity.validate().isEmpty else { return try await detailWithErrors(req, d, [req.t("sk_error_activity")]) }
        try await req.repositories.socialMap.saveActivity(activity, by: try req.mapEditor())
        return req.redirect(to: SiteURL.mapService(d.service.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func removeActivity(req: Request) async throws -> Response {
        let d = try await editable(req)
        guard let id = UUID(uuidString: req.field("activity")) else { throw Abort(.notFound) }
        try await req.repositories.socialMap.deleteActivity(id: id, serviceID: d.service.id, by: try req.mapEditor())
        return req.redirect(to: SiteURL.mapService(d.service.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    struct VersionsPage: Encodable {
        struct Row: Encodable { var version: Int, at: String, who: String, kind: String, changes: [Change] }
        struct Change: Encodable { var field: String, old: String, new: String }
        var tabs: MapTabs, name: String, backPath: String, rows: [Row]
    }

    @Sendable static func versions(req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let d = try await req.repositories.socialMap.detail(serviceID: id, audience: .professional) else { throw Abort(.notFound) }
        let wijken = Dictionary(uniqueKeysWithValues: try await req.repositories.region.wijken().map { ($0.id.uuidString, $0.name) })
        let locations = Dictionary(uniqueKeysWithValues: try await req.repositories.socialMap.locations(providerID: nil).map { ($0.id.uuidString, $0.name) })
        let providers = Dictionary(uniqueKeysWithValues: try await req.repositories.socialMap.providers().map { ($0.id.uuidString, $0.name) })
        let orgs = Dictionary(uniqueKeysWithValues: try await req.repositories.organisations.all().map { ($0.id.uuidString, $0.name) })
        func readable(_ field: String, _ value: String) -> String {
            if value.isEmpty { return "—" }
            let ids = value.split(separator: ",").map { String($0).uppercased() }
            switch field {
            case "wijken": return ids.map { wijken[$0] ?? $0 }.joined(separator: ", ")
            case "locations": return ids.map { locations[$0] ?? $0 }.joined(separator: ", ")
            case "provider": return providers[value.uppercased()] ?? value
            case "owner": return orgs[value.uppercased()] ?? value
            case "route": return CareRoute(rawValue: value).map { req.t($0.labelKey) } ?? value
            default: return value
            }
        }
        let rows = try await req.repositories.socialMap.versions(serviceID: id).map { v in
            VersionsPage.Row(version: v.version, at: DutchDate.dayTime(v.at), who: v.userName, kind: req.t(v.kind.labelKey),
                             changes: v.changes.map { .init(field: req.t("sk_field_" + $0.field), old: readable($0.field, $0.old), new: readable($0.field, $0.new)) })
        }
        return try await req.render("kaart/versions", titleKey: "sk_versions",
                                    VersionsPage(tabs: MapTabs(req, current: .map), name: d.service.name, backPath: SiteURL.mapService(id).path, rows: rows))
    }
}
