import Crypto
import Domain
import Foundation
import Vapor

/// The signed-in professional for this request, with their organisation and session.
struct CurrentUser: Authenticatable {
    var user: User
    var organisation: Organisation
    /// The browser session; nil when the request came in with an API token.
    var session: LoginSession?

    var admin: AdminPolicy { AdminPolicy(actor: user, actorOrganisation: organisation) }

    /// Audit entry for an action of this user; `role` is the role that permitted it.
    func audit(_ action: AuditAction, _ objectType: String, _ objectID: String?, role: Role?, basis: AuditBasis,
               detail: String = "", clientID: UUID? = nil, on req: Request) -> AuditEvent {
        AuditEvent(at: req.now, userID: user.id, organisationID: organisation.id, role: role, clientID: clientID,
                   action: action, objectType: objectType, objectID: objectID, sourceAddress: req.sourceAddress,
                   basis: basis, detail: detail)
    }
}

enum SessionCookie {
    static let name = "mgn_session"

    static func newToken() -> String { randomToken() }
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func cookie(_ value: String, maxAge: Int?, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

/// 256 random bits, URL-safe.
func randomToken() -> String {
    var rng = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

/// Finds the session behind the cookie; ends it when idle too long, past its lifetime, or when the
/// account was deactivated. Sessions live in the database, so any app instance can serve any request.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The JSON API authenticates with bearer tokens only: a cookie there would open it to CSRF.
        if req.url.path.hasPrefix("/api/") { return try await next.respond(to: req) }
        if let token = req.cookies[SessionCookie.name]?.string, !token.isEmpty {
            let repos = req.repositories
            let hash = SessionCookie.hash(token)
            if let session = try await repos.sessions.find(tokenHash: hash) {
                let now = req.now
                let idleLimit = session.lastSeenAt.addingTimeInterval(req.config.sessionIdleTimeout)
                if now >= session.expiresAt || now >= idleLimit {
                    try await repos.sessions.delete(tokenHash: hash)
                } else if let user = try await repos.users.find(id: session.userID), user.isActive,
                          let org = try await repos.organisations.find(id: user.organisationID) {
                    req.auth.login(CurrentUser(user: user, organisation: org, session: session))
                    // Write "last seen" at most once a minute: a page full of requests is not a write storm.
                    if now.timeIntervalSince(session.lastSeenAt) > 60 {
                        try await repos.sessions.touch(tokenHash: hash, lastSeenAt: now)
                    }
                }
            }
        }
        return try await next.respond(to: req)
    }
}

extension Request {
    /// The signed-in user, or a 401 that the error pages turn into a redirect to the login page.
    func currentUser() throws -> CurrentUser {
        guard let u = auth.get(CurrentUser.self) else { throw Abort(.unauthorized) }
        return u
    }

    /// A page only some may see answers exactly like a page that does not exist.
    func require(_ allowed: Bool) throws {
        if !allowed { throw Abort(.notFound) }
    }
}

/// Everything behind this middleware needs a signed-in user.
struct RequireLogin: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try req.currentUser()
        let res = try await next.respond(to: req)
        // Pages with personal or client data must not linger in shared caches or the back button.
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
