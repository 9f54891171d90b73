import Domain
import Foundation
import Vapor

/// The access log as the region's administrator (or a privacy officer with that role) reviews it,
/// with a check that the hash chain is unbroken.
enum AdminAudit {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminAudit, use: show)
    }

    struct Page: Encodable { var intact: Bool; var verdict: String; var entries: [Row] }
    struct Row: Encodable { var at: String; var user: String; var organisation: String; var role: String; var action: String; var object: String; var source: String; var basis: String }

    @Sendable static func show(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.isRegionAdministrator)
        let repos = req.repositories
        let finding = try await repos.audit.verify()
        let users = Dictionary(uniqueKeysWithValues: try await repos.users.list(organisationIDs: nil).map { ($0.id, $0.name) })
        let orgs = Dictionary(uniqueKeysWithValues: try await repos.organisations.all().map { ($0.id, $0.name) })
        let formatter = ISO8601DateFormatter()
        let rows = try await repos.audit.recent(limit: 200).map { e in
            Row(at: formatter.string(from: e.at), user: e.userID.flatMap { users[$0] } ?? "—",
                organisation: e.organisationID.flatMap { orgs[$0] } ?? "—", role: e.role.map { req.t($0.labelKey) } ?? "—",
                action: req.t("audit_action_\(e.action.rawValue)"), object: [e.objectType, e.objectID ?? ""].joined(separator: " "),
                source: e.sourceAddress ?? "—", basis: req.t("audit_basis_\(e.basis.rawValue)"))
        }
        let (intact, verdict): (Bool, String) = switch finding {
        case .intact(let n): (true, req.t("audit_intact", ["count": String(n)]))
        case .broken(let seq, let reason): (false, req.t("audit_broken", ["seq": String(seq), "reason": reason]))
        }
        try await repos.audit.append(me.adminAudit(.read, "audit_log", nil, on: req))
        return try await req.render("admin/audit", titleKey: "admin_audit", Page(intact: intact, verdict: verdict, entries: rows))
    }
}
