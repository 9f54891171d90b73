import Domain
import Foundation
import Vapor

/// What every page template receives: the texts of the user's language, the layout (navigation,
/// who is signed in, the form token) and the page's own model. Views render only this.
struct PageContext<Model: Encodable>: Encodable {
    var t: [String: String]
    var layout: Layout
    var page: Model
}

struct Layout: Encodable {
    var title: String
    var lang: String
    var otherLanguage: String
    var otherLanguagePath: String
    var csrf: String
    var user: String?
    var organisation: String?
    var nav: [NavItem]
    var flash: String?
}

struct NavItem: Encodable {
    var label: String
    var path: String
    var current: Bool
}

extension Request {
    /// The interface language: the `mgn_lang` cookie (the switch in the header), else the user's
    /// preference, else Dutch. The browser's language is not used: MGN is Dutch first, by decision.
    var locale: Locale.Code {
        if let c = cookies["mgn_lang"]?.string, let code = Locale.Code(rawValue: c) { return code }
        return auth.get(CurrentUser.self)?.user.preferredLocale ?? .nl
    }

    func t(_ key: String, _ values: [String: String] = [:]) -> String {
        application.web.catalogue.text(key, locale, values)
    }

    /// Renders `template` with the layout around `model`. `titleKey` names the page in the catalogue.
    func render<M: Encodable>(_ template: String, titleKey: String, _ model: M, status: HTTPStatus = .ok,
                              flash: String? = nil) async throws -> Response {
        let locale = self.locale
        let other: Locale.Code = locale == .nl ? .en : .nl
        let current = auth.get(CurrentUser.self)
        let layout = Layout(
            title: t(titleKey), lang: locale.rawValue, otherLanguage: other.rawValue,
            otherLanguagePath: SiteURL.language(other).path + "?terug=" + (url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
            csrf: csrfToken, user: current?.user.name, organisation: current?.organisation.name,
            nav: Navigation.items(for: current, path: url.path, t: { self.t($0) }),
            flash: flash ?? query[String.self, at: "melding"].flatMap { key in
                key.hasPrefix("flash_") ? t(key) : nil
            })
        let context = PageContext(t: application.web.catalogue.table(locale), layout: layout, page: model)
        let view = try await self.view.render(template, context)
        let res = try await view.encodeResponse(for: self)
        res.status = status
        return res
    }
}

/// What each role finds in the menu. Only capabilities that exist are listed.
enum Navigation {
    static func items(for current: CurrentUser?, path: String, t: (String) -> String) -> [NavItem] {
        guard let current else { return [] }
        var items: [(String, SiteURL)] = [("nav_home", .home)]
        if ClientAccessPolicy.careRole(of: current.user) != nil { items.append(("nav_clients", .clients)) }
        if ClientAccessPolicy.mayRegister(current.user) { items.append(("nav_aanmelding", .aanmeldingNew)) }
        if OverdrachtenRoutes.mayUse(current.user) { items.append(("nav_handovers", .handovers)) }
        if PlanningRoutes.mayPublish(current.user) { items.append(("nav_availability", .availability)) }
        items.append(("nav_map", .map))
        if CaseTableRoutes.mayUse(current.user, current.organisation) { items.append(("nav_case_tables", .caseTables)) }
        items.append(("nav_agreements", .agreements))
        if ClientAccessPolicy.careRole(of: current.user) != nil || current.admin.coordinatesRegion { items.append(("nav_feedback", .feedbackResults)) }
        items.append(("nav_pulse", .pulse))
        if DashboardPolicy.scope(current.user, current.organisation) != nil { items.append(("nav_dashboard", .dashboard)) }
        let admin = current.admin
        if admin.isOrganisationAdministrator { items.append(("nav_admin", .admin)) }
        items.append(("nav_password", .password))
        items.append(("nav_api", .apiTokens))
        return items.map { key, url in
            NavItem(label: t(key), path: url.path,
                    current: url == .home ? path == "/" : path.hasPrefix(url.path))
        }
    }
}
