import Domain
import Vapor

/// Beheer: people (per organisation), organisations with their teams, wijken, and the audit log.
/// Every handler asks `AdminPolicy`; what an administrator may not manage answers 404.
enum AdminRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.admin, use: index)
        AdminUsers.register(routes)
        AdminOrganisations.register(routes)
        AdminWijken.register(routes)
        AdminAudit.register(routes)
        AdminNorms.register(routes)
        AdminOutbox.register(routes)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.isOrganisationAdministrator)
        return req.redirect(to: .adminUsers)
    }
}

extension CurrentUser {
    func adminAudit(_ action: AuditAction, _ type: String, _ id: String?, detail: String = "", on req: Request) -> AuditEvent {
        audit(action, type, id, role: .functioneelBeheerder, basis: .administration, detail: detail, on: req)
    }
}
