import Domain
import Foundation
import Vapor

/// Open standards: the whole map as Open Referral HSDS 3.0 (public, and with professional fields for
/// the map's keepers), imported back; services from a spreadsheet. Imports apply completely or not at
/// all and name every bad row.
enum MapExchangeRoutes {
    static func register(public routes: any RoutesBuilder, signedIn: any RoutesBuilder) {
        routes.get(.publicHSDS) { try await export($0, audience: .publicView) }
        signedIn.get(.mapExportHSDS) { req in
            guard try req.mapPolicy().keepsWholeMap else { throw Abort(.notFound) }
            return try await export(req, audience: .professional)
        }
        signedIn.get(.mapImport, use: page)
        signedIn.get(.mapImportTemplate, use: template)
        signedIn.on(.POST, SiteURL.mapImportCSV.components, body: .collect(maxSize: ByteCount(value: CSRFProtection.uploadLimit)), use: importCSV)
        signedIn.on(.POST, SiteURL.mapImportHSDS.components, body: .collect(maxSize: ByteCount(value: CSRFProtection.uploadLimit)), use: importHSDS)
    }

    static func export(_ req: Request, audience: MapAudience) async throws -> Response {
        let dir = try await req.repositories.socialMap.directory()
        let region = try await req.repositories.region.regions().first?.name ?? "MGN"
        let page = HSDSMapping.export(dir, audience: audience, wijken: try await req.repositories.region.wijken(), regionName: region)
        let data = try HSDS.encoder().encode(page)
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = .json
        if audience == .professional {
            res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"sociale-kaart-hsds.json\"")
            res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return res
    }

    struct Page: Encodable {
        var tabs: MapTabs, csvAction: String, hsdsAction: String, templatePath: String, exportPath: String, publicExportPath: String
        var problems: [String], result: String?, count: Int, columns: String
    }

    static func render(_ req: Request, problems: [String] = [], result: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let page = Page(tabs: MapTabs(req, current: .mapImport), csvAction: SiteURL.mapImportCSV.path, hsdsAction: SiteURL.mapImportHSDS.path,
                        templatePath: SiteURL.mapImportTemplate.path, exportPath: SiteURL.mapExportHSDS.path, publicExportPath: SiteURL.publicHSDS.path,
                        problems: problems, result: result, count: try await req.repositories.socialMap.serviceCount(),
                        columns: ServiceCSV.Column.allCases.map(\.rawValue).joined(separator: "; "))
        return try await req.render("kaart/exchange", titleKey: "sk_tab_exchange", page, status: status)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        guard try req.mapPolicy().keepsWholeMap else { throw Abort(.notFound) }
        return try await render(req)
    }

    @Sendable static func template(req: Request) async throws -> Response {
        guard try req.mapPolicy().keepsWholeMap else { throw Abort(.notFound) }
        let res = Response(status: .ok, body: .init(string: "\u{FEFF}" + ServiceCSV.template))
        res.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"sociale-kaart-sjabloon.csv\"")
        return res
    }

    struct Upload: Content { var file: File? }

    static func uploadedText(_ req: Request) throws -> String? {
        guard let file = try? req.content.decode(Upload.self).file, file.data.readableBytes > 0 else { return nil }
        var data = file.data
        return data.readString(length: data.readableBytes)
    }

    static func problemLines(_ req: Request, _ rejected: ImportRejected) -> [String] {
        rejected.problems.prefix(500).map { p in
            if let line = p.line { return req.t("sk_import_line", ["line": String(line), "message": p.message]) }
            if let path = p.path { return "\(path): \(p.message)" }
            return p.message
        } + (rejected.problems.count > 500 ? [req.t("sk_import_more", ["n": String(rejected.problems.count - 500)])] : [])
    }

    @Sendable static func importCSV(req: Request) async throws -> Response {
        let policy = try req.mapPolicy()
        guard policy.keepsWholeMap else { throw Abort(.notFound) }
        guard let text = try uploadedText(req) else { return try await render(req, problems: [req.t("sk_import_no_file")], status: .unprocessableEntity) }
        let context = ServiceCSV.Context(wijken: try await req.repositories.region.wijken(), organisations: try await req.repositories.organisations.all(),
                                         providers: try await req.repositories.socialMap.providers(),
                                         existingServices: try await req.repositories.socialMap.serviceKeys(),
                                         defaultOwner: policy.user.organisationID, now: req.now)
        switch ServiceCSV.read(text, context: context) {
        case .failure(let rejected):
            return try await render(req, problems: [req.t("sk_import_nothing_applied")] + problemLines(req, rejected), status: .unprocessableEntity)
        case .success(let rows):
            let summary = try await req.repositories.socialMap.importRows(rows, by: try req.mapEditor())
            return try await render(req, result: req.t("sk_import_done", ["created": String(summary.created), "updated": String(summary.updated)]))
        }
    }

    @Sendable static func importHSDS(req: Request) async throws -> Response {
        let policy = try req.mapPolicy()
        guard policy.keepsWholeMap else { throw Abort(.notFound) }
        guard let text = try uploadedText(req) else { return try await render(req, problems: [req.t("sk_import_no_file")], status: .unprocessableEntity) }
        let page: HSDS.Page
        do {
            // Either a page (HSDS API shape) or a bare list of organisations.
            if let p = try? HSDS.decoder().decode(HSDS.Page.self, from: Data(text.utf8)) { page = p }
            else { page = HSDS.Page(contents: try HSDS.decoder().decode([HSDS.Organization].self, from: Data(text.utf8))) }
        } catch {
            return try await render(req, problems: [req.t("sk_import_nothing_applied"), req.t("sk_import_not_hsds", ["reason": String(describing: error).prefix(300).description])],
                                    status: .unprocessableEntity)
        }
        let orgIDs = Set(try await req.repositories.organisations.all().map(\.id))
        switch HSDSMapping.read(page, wijken: try await req.repositories.region.wijken(), organisationIDs: orgIDs, defaultOwner: policy.user.organisationID, now: req.now) {
        case .failure(let rejected):
            return try await render(req, problems: [req.t("sk_import_nothing_applied")] + problemLines(req, rejected), status: .unprocessableEntity)
        case .success(let dir):
            let summary = try await req.repositories.socialMap.importDirectory(dir, by: try req.mapEditor())
            return try await render(req, result: req.t("sk_import_done", ["created": String(summary.created), "updated": String(summary.updated)]))
        }
    }
}
