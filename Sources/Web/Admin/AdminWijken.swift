import Domain
import Foundation
import Vapor

/// Wijken and the PC4 postcodes that belong to them: how a client's address finds its duo.
enum AdminWijken {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminWijken, use: list)
        routes.get(.adminWijkNew, use: showNew)
        routes.post(.adminWijkNew, use: create)
        routes.get(.adminWijk(nil), use: showEdit)
        routes.post(.adminWijk(nil), use: update)
    }

    struct ListPage: Encodable { var wijken: [Row]; var newPath: String }
    struct Row: Encodable { var name: String; var code: String; var postcodes: String; var path: String }

    @Sendable static func list(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        let rows = try await req.repositories.region.wijken().map {
            Row(name: $0.name, code: $0.code, postcodes: $0.postcodes.map(\.value).joined(separator: ", "), path: SiteURL.adminWijk($0.id).path)
        }
        return try await req.render("admin/wijken", titleKey: "admin_wijken", ListPage(wijken: rows, newPath: SiteURL.adminWijkNew.path))
    }

    struct FormPage: Encodable { var isNew: Bool; var action: String; var name: FormField; var code: FormField; var postcodes: FormField; var formError: String? }

    @Sendable static func showNew(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        return try await req.render("admin/wijk-form", titleKey: "admin_wijk_new",
                                    FormPage(isNew: true, action: SiteURL.adminWijkNew.path, name: .init(), code: .init(), postcodes: .init()))
    }

    @Sendable static func showEdit(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        guard let w = try await req.repositories.region.wijk(id: try req.idParameter()) else { throw Abort(.notFound) }
        return try await req.render("admin/wijk-form", titleKey: "admin_wijk_edit",
                                    FormPage(isNew: false, action: SiteURL.adminWijk(w.id).path, name: .init(w.name), code: .init(w.code),
                                             postcodes: .init(w.postcodes.map(\.value).joined(separator: ", "))))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        return try await save(req, me, editing: nil)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let me = try req.currentUser()
        try req.require(me.admin.canManageRegionStructure)
        guard let w = try await req.repositories.region.wijk(id: try req.idParameter()) else { throw Abort(.notFound) }
        return try await save(req, me, editing: w)
    }

    /// "2311, 2312 2313;2314" → PC4s; returns nil when any token is not a postcode.
    static func parsePostcodes(_ raw: String) -> [PC4]? {
        let tokens = raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        let parsed = tokens.map(PC4.init)
        return parsed.contains(where: { $0 == nil }) ? nil : parsed.compactMap { $0 }
    }

    static func save(_ req: Request, _ me: CurrentUser, editing: Wijk?) async throws -> Response {
        let name = req.field("name"), code = req.field("code"), rawPostcodes = req.field("postcodes")
        var errors = ValidationErrors()
        if name.isEmpty { errors.add("name", "error_required") }
        if code.isEmpty { errors.add("code", "error_required") } else if code.count > 20 { errors.add("code", "error_too_long") }
        let postcodes = parsePostcodes(rawPostcodes)
        if postcodes == nil { errors.add("postcodes", "error_postcodes_invalid") }
        else if postcodes!.isEmpty { errors.add("postcodes", "error_required") }
        var extra: [String: String] = [:]
        if errors.isEmpty, let postcodes {
            let wijk = Wijk(id: editing?.id ?? UUID(), regionID: editing?.regionID ?? me.organisation.regionID, name: name, code: code, postcodes: postcodes)
            do {
                try await req.repositories.region.save(wijk, audit: me.adminAudit(editing == nil ? .create : .update, "wijk", wijk.id.uuidString, on: req))
                return req.redirect(to: SiteURL.adminWijken.path + "?melding=flash_saved", redirectType: .normal)
            } catch DomainError.conflict(let what) {
                if what.hasPrefix("postcodes:") {
                    errors.add("postcodes", "error_postcode_taken"); extra["postcode"] = String(what.dropFirst("postcodes:".count))
                } else { errors.add("code", "error_code_taken") }
            }
        }
        let page = FormPage(isNew: editing == nil, action: editing.map { SiteURL.adminWijk($0.id).path } ?? SiteURL.adminWijkNew.path,
                            name: FormField(name, error: errors["name"].map { req.t($0) }),
                            code: FormField(code, error: errors["code"].map { req.t($0) }),
                            postcodes: FormField(rawPostcodes, error: errors["postcodes"].map { req.t($0, extra) }),
                            formError: req.t("error_form"))
        return try await req.render("admin/wijk-form", titleKey: editing == nil ? "admin_wijk_new" : "admin_wijk_edit", page, status: .unprocessableEntity)
    }
}
