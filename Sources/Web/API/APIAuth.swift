import Domain
import Foundation
import Vapor

/// `Authorization: Bearer <token>` for `/api/v1/`. The token's owner acts exactly as in the browser:
/// same roles, same care teams, same audit entries.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = req.headers.bearerAuthorization?.token, !bearer.isEmpty else { throw Abort(.unauthorized) }
        let repos = req.repositories
        guard let token = try await repos.apiTokens.find(hash: SessionCookie.hash(bearer)), token.isValid(at: req.now),
              let user = try await repos.users.find(id: token.userID), user.isActive,
              let org = try await repos.organisations.find(id: user.organisationID), org.isActive else { throw Abort(.unauthorized) }
        req.auth.login(CurrentUser(user: user, organisation: org, session: nil))
        if token.lastUsedAt.map({ req.now.timeIntervalSince($0) > 60 }) ?? true { try await repos.apiTokens.touch(id: token.id, at: req.now) }
        let res = try await next.respond(to: req)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
