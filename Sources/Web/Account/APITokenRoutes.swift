import Domain
import Foundation
import Vapor

/// A professional's API tokens (for a partner system or a script acting as them). Shown once, stored hashed.
enum APITokenRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.apiTokens, use: list)
        routes.post(.apiTokens, use: create)
        routes.post(.apiTokenRevoke, use: revoke)
    }

    struct Page: Encodable { var tokens: [Row]; var name: FormField; var newToken: String?; var revokeAction: String }
    struct Row: Encodable { var id: String; var name: String; var created: String; var expires: String; var lastUsed: String?; var active: Bool }

    static func render(_ req: Request, name: FormField = FormField(), newToken: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let me = try req.currentUser()
        let rows = try await req.repositories.apiTokens.list(userID: me.user.id).map {
            Row(id: $0.id.uuidString, name: $0.name, created: DutchDate.day($0.createdAt), expires: DutchDate.day($0.expiresAt),
                lastUsed: $0.lastUsedAt.map(DutchDate.dayTime), active: $0.isValid(at: req.now))
        }
        return try await req.render("account/tokens", titleKey: "tokens_title",
                                    Page(tokens: rows, name: name, newToken: newToken, revokeAction: SiteURL.apiTokenRevoke.path), status: status)
    }

    @Sendable static func list(req: Request) async throws -> Response { try await render(req) }

    @Sendable static func create(req: Request) async throws -> Response {
        let me = try req.currentUser()
        let name = req.field("name")
        guard !name.isEmpty, name.count <= 100 else {
            return try await render(req, name: FormField(name, error: req.t(name.isEmpty ? "error_required" : "error_too_long")), status: .unprocessableEntity)
        }
        let secret = "mgn_" + randomToken()
        let token = APIToken(userID: me.user.id, name: name, tokenHash: SessionCookie.hash(secret), createdAt: req.now,
                             expiresAt: req.now.addingTimeInterval(90 * 86400))
        try await req.repositories.apiTokens.create(token, audit: me.audit(.create, "api_token", token.id.uuidString, role: nil, basis: .authentication, on: req))
        return try await render(req, newToken: secret)
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let me = try req.currentUser()
        guard let id = UUID(uuidString: req.field("token")) else { throw Abort(.notFound) }
        try await req.repositories.apiTokens.revoke(id: id, userID: me.user.id, at: req.now,
                                                    audit: me.audit(.update, "api_token", id.uuidString, role: nil, basis: .authentication, detail: "revoked", on: req))
        return req.redirect(to: SiteURL.apiTokens.path + "?melding=flash_saved", redirectType: .normal)
    }
}
