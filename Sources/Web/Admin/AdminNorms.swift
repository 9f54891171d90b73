import Domain
import Foundation
import Vapor

/// The agreed response time for handovers between two organisations (default five working days).
/// Set by the region's administrator; the overdue markers in the handover lists follow it.
enum AdminNorms {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminNorms, use: show)
        routes.post(.adminNorms, use: save)
    }

    struct Page: Encodable { var norms: [Row]; var organisations: [Option]; var days: FormField; var formError: String?; var defaultDays: Int }
    struct Row: Encodable { var from: String; var to: String; var days: Int }

    @Sendable static func show(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        return try await render(req, days: FormField("5"), error: nil, status: .ok)
    }

    static func render(_ req: Request, days: FormField, error: String?, status: HTTPStatus) async throws -> Response {
        let orgs = try await req.repositories.organisations.all().filter(\.isActive)
        let names = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id, $0.name) })
        let rows = try await req.repositories.handovers.norms().map { Row(from: names[$0.from] ?? "—", to: names[$0.to] ?? "—", days: $0.workingDays) }
            .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        return try await req.render("admin/norms", titleKey: "admin_norms", Page(
            norms: rows, organisations: orgs.map { Option(value: $0.id.uuidString, label: $0.name, selected: false) },
            days: days, formError: error, defaultDays: ResponseNorm.default.workingDays), status: status)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        let known = Set(try await req.repositories.organisations.all().map(\.id))
        let raw = req.field("days")
        guard let from = UUID(uuidString: req.field("from")), let to = UUID(uuidString: req.field("to")), known.contains(from), known.contains(to) else {
            return try await render(req, days: FormField(raw), error: req.t("error_choose"), status: .unprocessableEntity)
        }
        guard let days = Int(raw), (1...60).contains(days) else {
            return try await render(req, days: FormField(raw, error: req.t("error_norm_days")), error: req.t("error_form"), status: .unprocessableEntity)
        }
        try await req.repositories.handovers.setNorm(from: from, to: to, workingDays: days,
                                                     audit: me.adminAudit(.update, "handover_norm", "\(from)→\(to)", detail: "\(days)", on: req))
        return req.redirect(to: SiteURL.adminNorms.path + "?melding=flash_saved", redirectType: .normal)
    }
}
