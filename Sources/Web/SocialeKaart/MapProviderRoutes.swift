import Domain
import Foundation
import Vapor

/// The organisations on the map and the places where they work, with opening hours.
enum MapProviderRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.mapProviders, use: list)
        routes.get(.mapProviderNew, use: newForm)
        routes.post(.mapProviderNew, use: create)
        routes.get(.mapProvider(nil), use: show)
        routes.post(.mapProvider(nil), use: update)
        routes.post(.mapProviderLocation(nil), use: saveLocation)
    }

    struct ListPage: Encodable {
        struct Row: Encodable { var name: String, path: String, linked: Bool }
        var tabs: MapTabs, rows: [Row], canCreate: Bool, newPath: String
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let rows = try await req.repositories.socialMap.providers().map {
            ListPage.Row(name: $0.name, path: SiteURL.mapProvider($0.id).path, linked: $0.organisationID != nil)
        }
        return try await req.render("kaart/providers", titleKey: "sk_tab_providers",
                                    ListPage(tabs: MapTabs(req, current: .mapProviders), rows: rows, canCreate: try req.mapPolicy().keepsWholeMap,
                                             newPath: SiteURL.mapProviderNew.path))
    }

    struct LocationForm: Encodable {
        var id: String, name: FormField, street: FormField, postcode: FormField, city: FormField, hours: FormField, hoursLines: [String]
    }
    struct ProviderPage: Encodable {
        var tabs: MapTabs, isNew: Bool, canEdit: Bool, action: String, locationAction: String
        var name: FormField, description: FormField, website: FormField, email: FormField, phone: FormField, organisations: [Option], canLink: Bool
        var services: [Option], locations: [LocationForm], newLocation: LocationForm, errors: [String]
    }

    static func locationForm(_ req: Request, _ l: MapLocation?, errors: ValidationErrors = ValidationErrors(), submitted: Bool = false) -> LocationForm {
        func f(_ n: String, _ v: String?) -> FormField { FormField(submitted ? req.field(n) : (v ?? ""), error: errors[n].map { req.t($0) }) }
        let dayNames = [req.t("day_mon"), req.t("day_tue"), req.t("day_wed"), req.t("day_thu"), req.t("day_fri"), req.t("day_sat"), req.t("day_sun")]
        return LocationForm(id: l?.id.uuidString.lowercased() ?? "", name: f("name", l?.name), street: f("street", l?.street), postcode: f("postcode", l?.postcode),
                            city: f("city", l?.city), hours: f("hours", l?.openingHours.text),
                            hoursLines: l.map { OpeningHoursText.lines($0.openingHours, dayNames: dayNames) } ?? [])
    }

    static func page(_ req: Request, provider p: MapProvider?, errors: ValidationErrors = ValidationErrors(), locationErrors: ValidationErrors = ValidationErrors(),
                     failedLocation: UUID?? = nil, general: [String] = [], submitted: Bool = false) async throws -> ProviderPage {
        let policy = try req.mapPolicy()
        func f(_ n: String, _ v: String?) -> FormField { FormField(submitted ? req.field(n) : (v ?? ""), error: errors[n].map { req.t($0) }) }
        let orgs = try await req.repositories.organisations.all().filter(\.isActive).sorted { $0.name < $1.name }
        let linked = submitted ? UUID(uuidString: req.field("organisation")) : p?.organisationID
        var services: [Option] = []
        var locations: [LocationForm] = []
        if let p {
            locations = try await req.repositories.socialMap.locations(providerID: p.id).map { l in
                failedLocation == .some(l.id) ? locationForm(req, l, errors: locationErrors, submitted: true) : locationForm(req, l)
            }
            services = try await req.repositories.socialMap.services(providerID: p.id)
                .map { Option(value: SiteURL.mapService($0.id).path, label: $0.name, selected: $0.status == .active) }
        }
        return ProviderPage(
            tabs: MapTabs(req, current: .mapProviders), isNew: p == nil, canEdit: p.map(policy.canEdit) ?? policy.keepsWholeMap,
            action: p.map { SiteURL.mapProvider($0.id).path } ?? SiteURL.mapProviderNew.path,
            locationAction: p.map { SiteURL.mapProviderLocation($0.id).path } ?? "",
            name: f("name", p?.name), description: f("description", p?.description), website: f("website", p?.website), email: f("email", p?.email),
            phone: f("phone", p?.phone),
            organisations: [Option(value: "", label: req.t("sk_not_participant"), selected: linked == nil)]
                + orgs.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == linked) },
            canLink: policy.keepsWholeMap, services: services, locations: locations,
            newLocation: failedLocation == .some(nil) ? locationForm(req, nil, errors: locationErrors, submitted: true) : locationForm(req, nil),
            errors: general)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        guard try req.mapPolicy().keepsWholeMap else { throw Abort(.notFound) }
        return try await req.render("kaart/provider", titleKey: "sk_new_provider", try await page(req, provider: nil))
    }

    static func submitted(_ req: Request, base: MapProvider) async throws -> (MapProvider, ValidationErrors) {
        var p = base, e = ValidationErrors()
        p.name = req.field("name"); p.description = req.field("description")
        p.website = req.field("website").isEmpty ? nil : req.field("website")
        p.email = req.field("email").isEmpty ? nil : req.field("email")
        p.phone = req.field("phone").isEmpty ? nil : req.field("phone")
        if try req.mapPolicy().keepsWholeMap {
            let org = UUID(uuidString: req.field("organisation"))
            if let org, try await req.repositories.organisations.find(id: org) == nil { e.add("organisation", "error_choose") }
            p.organisationID = org
        }
        if p.name.isEmpty { e.add("name", "error_required") }
        if p.name.count > 200 { e.add("name", "error_too_long") }
        if p.description.count > 4000 { e.add("description", "error_too_long") }
        if let w = p.website, !(w.hasPrefix("https://") || w.hasPrefix("http://")) { e.add("website", "error_url") }
        if let m = p.email, !m.contains("@") { e.add("email", "error_email") }
        return (p, e)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        guard try req.mapPolicy().keepsWholeMap else { throw Abort(.notFound) }
        let (p, e) = try await submitted(req, base: MapProvider(name: "", description: ""))
        guard e.isEmpty else {
            return try await req.render("kaart/provider", titleKey: "sk_new_provider",
                                        try await page(req, provider: nil, errors: e, general: [req.t("error_form")], submitted: true), status: .unprocessableEntity)
        }
        try await req.repositories.socialMap.saveProvider(p)
        return req.redirect(to: SiteURL.mapProvider(p.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let p = try await req.repositories.socialMap.provider(id: try req.idParameter()) else { throw Abort(.notFound) }
        return try await req.render("kaart/provider", titleKey: "sk_provider", try await page(req, provider: p))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        guard let p = try await req.repositories.socialMap.provider(id: try req.idParameter()), try req.mapPolicy().canEdit(p) else { throw Abort(.notFound) }
        let (new, e) = try await submitted(req, base: p)
        guard e.isEmpty else {
            return try await req.render("kaart/provider", titleKey: "sk_provider",
                                        try await page(req, provider: p, errors: e, general: [req.t("error_form")], submitted: true), status: .unprocessableEntity)
        }
        try await req.repositories.socialMap.saveProvider(new)
        return req.redirect(to: SiteURL.mapProvider(p.id).path + "?melding=flash_saved", redirectType: .normal)
    }

    @Sendable static func saveLocation(req: Request) async throws -> Response {
        guard let p = try await req.repositories.socialMap.provider(id: try req.idParameter()), try req.mapPolicy().canEdit(p) else { throw Abort(.notFound) }
        let existingID = UUID(uuidString: req.field("location"))
        if let existingID, try await !req.repositories.socialMap.locations(providerID: p.id).contains(where: { $0.id == existingID }) { throw Abort(.notFound) }
        var e = ValidationErrors()
        for f in ["name", "street", "city"] where req.field(f).isEmpty { e.add(f, "error_required") }
        for f in ["name", "street", "city"] where req.field(f).count > 200 { e.add(f, "error_too_long") }
        let postcode = req.field("postcode").uppercased()
        if PC4(String(postcode.prefix(4))) == nil { e.add("postcode", "error_postcode_invalid") }
        var hours = OpeningHours()
        do { hours = try OpeningHours.parse(req.field("hours")) } catch { e.add("hours", "sk_error_hours") }
        guard e.isEmpty else {
            return try await req.render("kaart/provider", titleKey: "sk_provider",
                                        try await page(req, provider: p, locationErrors: e, failedLocation: .some(existingID), general: [req.t("error_form")]),
                                        status: .unprocessableEntity)
        }
        try await req.repositories.socialMap.saveLocation(MapLocation(id: existingID ?? UUID(), providerID: p.id, name: req.field("name"), street: req.field("street"),
                                                                      postcode: postcode, city: req.field("city"), openingHours: hours))
        return req.redirect(to: SiteURL.mapProvider(p.id).path + "?melding=flash_saved", redirectType: .normal)
    }
}
