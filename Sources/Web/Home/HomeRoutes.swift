import Domain
import Foundation
import Vapor

/// The start page: who you are, where you work, and what the network looks like from your seat.
enum HomeRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.home, use: show)
    }

    struct HomePage: Encodable {
        var name: String
        var organisation: String
        var organisationType: String
        var roles: [String]
        var wijken: [String]
        var colleagues: [Colleague]
        var region: RegionSummary?
        var adminLinks: [NavItem]
    }

    struct Colleague: Encodable { var name: String; var roles: String }

    struct RegionSummary: Encodable {
        var wijken: Int
        var organisations: [Count]
        var professionals: [Count]
    }

    struct Count: Encodable { var label: String; var count: Int }

    @Sendable static func show(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let repos = req.repositories
        let wijken = try await repos.region.wijken()
        let served = Set(me.organisation.wijkIDs)
        let colleagues = try await repos.users.list(organisationIDs: [me.organisation.id])
            .filter { $0.id != me.user.id && $0.isActive }
            .map { Colleague(name: $0.name, roles: roleList($0.roles, req)) }

        // Coordinators, analysts and region administrators get the region in numbers (aggregates only).
        var region: RegionSummary?
        if me.user.has(.regiocoordinator) || me.user.has(.analist) || me.admin.isRegionAdministrator {
            let orgs = try await repos.organisations.all()
            let users = try await repos.users.list(organisationIDs: nil).filter(\.isActive)
            region = RegionSummary(
                wijken: wijken.count,
                organisations: OrganisationType.allCases.map { type in
                    Count(label: req.t(type.labelKey), count: orgs.filter { $0.type == type && $0.isActive }.count)
                },
                professionals: Role.allCases.map { role in
                    Count(label: req.t(role.labelKey), count: users.filter { $0.has(role) }.count)
                })
        }
        var adminLinks: [NavItem] = []
        if me.admin.isOrganisationAdministrator { adminLinks.append(NavItem(label: req.t("admin_users"), path: SiteURL.adminUsers.path, current: false)) }
        if me.admin.isRegionAdministrator {
            adminLinks += [NavItem(label: req.t("admin_organisations"), path: SiteURL.adminOrganisations.path, current: false),
                           NavItem(label: req.t("admin_wijken"), path: SiteURL.adminWijken.path, current: false),
                           NavItem(label: req.t("admin_audit"), path: SiteURL.adminAudit.path, current: false)]
        }
        let page = HomePage(
            name: me.user.name, organisation: me.organisation.name, organisationType: req.t(me.organisation.type.labelKey),
            roles: Role.allCases.filter { me.user.has($0) }.map { req.t($0.labelKey) },
            wijken: wijken.filter { served.contains($0.id) }.map(\.name),
            colleagues: colleagues, region: region, adminLinks: adminLinks)
        return try await req.render("home/home", titleKey: "home_title", page)
    }

    static func roleList(_ roles: Set<Role>, _ req: Request) -> String {
        Role.allCases.filter { roles.contains($0) }.map { req.t($0.labelKey) }.joined(separator: ", ")
    }
}
